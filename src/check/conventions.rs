//! Client conventions as tables: how HTTP clients, wrappers and loggers are spelled in the
//! languages `check` reads. A new idiom is a new row here, not new code in the passes.

use crate::datafile::vocab::Method;

/// Keys that give an HTTP client its base URL.
pub(crate) const BASE_KEYS: [&str; 10] = [
    "baseURL",
    "baseUrl",
    "base_url",
    "base_uri",
    "baseUri",
    "BaseAddress",
    "BaseUrl",
    "prefixUrl",
    "prefix_url",
    "BASE_URL",
];
/// Calls that set a client's base URL.
pub(crate) const BASE_SETTERS: [&str; 5] = ["SetBaseURL", "SetHostURL", "baseUrl", "BaseURL", "base_url"];
/// Receivers whose `get('/path', …)` defines a route of the app itself, not a call.
pub(crate) const ROUTE_RECEIVERS: [&str; 15] = [
    "app",
    "router",
    "server",
    "routes",
    "route",
    "Route",
    "r",
    "mux",
    "e",
    "g",
    "bp",
    "blueprint",
    "fastify",
    "express",
    "api_router",
];
/// Calls whose result is their (first) argument, as a URL: the context is the call's.
pub(crate) const PASS_THROUGH: [&str; 17] = [
    "URI",
    "URL",
    "Uri",
    "parse",
    "create",
    "Parse",
    "format",
    "Format",
    "Sprintf",
    "sprintf",
    "format!",
    "encodeURI",
    "String",
    "str",
    "urljoin",
    "join",
    "resolve",
];
/// Calls that default to GET when no method is given.
pub(crate) const GET_BY_DEFAULT: [&str; 8] =
    ["fetch", "$fetch", "ofetch", "got", "ky", "axios", "urlopen", "file_get_contents"];
/// Keys that name the method in an options object.
pub(crate) const METHOD_KEYS: [&str; 7] =
    ["method", "type", "verb", "http_method", "httpMethod", "request_method", "Method"];
/// Keys that hold the URL in an options object.
pub(crate) const URL_KEYS: [&str; 7] = ["url", "uri", "path", "endpoint", "href", "Url", "RequestUri"];

/// A method named by an identifier or string: `post`, `PostAsync`, `getForObject`, `MethodPut`.
pub(crate) fn method_from_name(name: &str) -> Option<Method> {
    const SUFFIXES: [&str; 12] = [
        "",
        "async",
        "json",
        "asjson",
        "asjsonasync",
        "fromjsonasync",
        "stringasync",
        "streamasync",
        "bytearrayasync",
        "forobject",
        "forentity",
        "_json",
    ];
    let l = name.trim_matches(['$', '@', ':', '\'', '"']).to_ascii_lowercase();
    let l = l.strip_prefix("method").filter(|r| !r.is_empty()).unwrap_or(&l);
    [
        (Method::Get, "get"),
        (Method::Head, "head"),
        (Method::Post, "post"),
        (Method::Put, "put"),
        (Method::Patch, "patch"),
        (Method::Delete, "delete"),
    ]
    .into_iter()
    .find(|(_, m)| l.strip_prefix(m).is_some_and(|rest| SUFFIXES.contains(&rest)))
    .map(|(m, _)| m)
}

/// Whether a callee prints or logs its arguments (`console.log`, `print`, `fmt.Println`,
/// `logger.info`, `Console.WriteLine`): what it is passed is text, not a request.
pub(crate) fn prints(segs: &[&str]) -> bool {
    let last = segs[segs.len() - 1];
    const PRINTERS: [&str; 14] = [
        "print",
        "println",
        "printf",
        "eprint",
        "eprintln",
        "print_r",
        "var_dump",
        "puts",
        "echo",
        "error_log",
        "Print",
        "Println",
        "Printf",
        "WriteLine",
    ];
    if PRINTERS.contains(&last) {
        // `Print`/`WriteLine` of a writer other than the console or a logger may be a request body.
        return !matches!(last, "Print" | "Println" | "Printf" | "WriteLine")
            || segs.len() >= 2 && logger(segs[segs.len() - 2]);
    }
    const LEVELS: [&str; 16] = [
        "log",
        "info",
        "debug",
        "warn",
        "warning",
        "error",
        "trace",
        "fatal",
        "LogInformation",
        "LogDebug",
        "LogWarning",
        "LogError",
        "Info",
        "Debug",
        "Warn",
        "Error",
    ];
    LEVELS.contains(&last) && segs.len() >= 2 && logger(segs[segs.len() - 2])
}

/// Whether a receiver is the console or a logger: `console`, `log`, `logging`, `this.logger`,
/// `_logger`, `fmt`, `Console`, `Debug`.
pub(crate) fn logger(r: &str) -> bool {
    let r = crate::check::syntax::nav::norm_name(r).trim_start_matches('_').to_ascii_lowercase();
    matches!(
        r.as_str(),
        "console" | "log" | "logging" | "fmt" | "debug" | "trace" | "out" | "err" | "slog" | "zap" | "logrus"
    ) || r.ends_with("logger")
}

/// An HTTP method spelled out as a string value (`'DELETE'`, `"put"`).
pub(crate) fn method_from_str(s: &str) -> Option<Method> {
    let t = s.trim();
    [Method::Get, Method::Head, Method::Post, Method::Put, Method::Patch, Method::Delete]
        .into_iter()
        .find(|m| m.as_str().eq_ignore_ascii_case(t))
}

/// Whether an identifier names BigCommerce (`BigCommerce`, `bigcommerceClient`, `getBigCommerceApi`).
pub(crate) fn names_bigcommerce(t: &str) -> bool {
    t.as_bytes().windows(11).any(|w| w.eq_ignore_ascii_case(b"bigcommerce"))
}

/// Calls whose second argument is the default of a setting: `os.environ.get('HOST', '…')`,
/// `os.getenv('HOST', '…')`, `ENV.fetch('HOST', '…')`, `env('HOST', '…')`.
pub(crate) const ENV_DEFAULTS: [&str; 7] = ["get", "getenv", "fetch", "env", "getEnv", "config", "Get"];

/// Wrapper names too common to be matched without knowing the receiver's class: a `get(…)`
/// elsewhere is some other `get`.
pub(crate) const GENERIC_WRAPPERS: [&str; 14] = [
    "request", "send", "call", "fetch", "execute", "run", "perform", "invoke", "query", "handle", "process",
    "dispatch", "all", "find",
];

/// Calls that take a URL or path without requesting it: redirects and links.
pub(crate) const NOT_REQUESTS: [&str; 8] =
    ["redirect", "redirect_to", "Redirect", "RedirectToAction", "redirectTo", "header", "Location", "href"];

/// Receivers that keep values rather than send them: caches, databases, sessions' stores, maps
/// (`Cache::get('stores/' . $hash)`, `redis.set(f"stores/{h}", …)`, `tokens.Load("stores/" + hash)`).
pub(crate) fn kept_not_sent(receiver: &str) -> bool {
    let r = receiver.trim_start_matches(['$', '@', '_']).to_ascii_lowercase();
    matches!(
        r.as_str(),
        "cache"
            | "redis"
            | "db"
            | "database"
            | "storage"
            | "localstorage"
            | "sessionstorage"
            | "memcache"
            | "memcached"
            | "kv"
            | "map"
            | "dict"
            | "tokens"
            | "cookies"
            | "cookie"
            | "env"
            | "environ"
            | "config"
            | "settings"
            | "registry"
            | "table"
            | "flash"
    ) || r.ends_with("cache")
        || r.ends_with("repository")
        || r.ends_with("repo")
        || r.ends_with("table")
}

/// Classes whose instance is a request to the URL it is given (`new HttpRequestMessage(method,
/// url)`, RestSharp's `new RestRequest(url, Method.Get)`).
pub(crate) const REQUEST_TYPES: [&str; 5] =
    ["HttpRequestMessage", "RestRequest", "HttpRequest", "Request", "HttpEntity"];
