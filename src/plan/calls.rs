//! The calls to plan for: read from a calls file (`METHOD TARGET` per line), from command-line
//! arguments, or from a HAR file (see [`CallList::from_har`]).

use crate::datafile::vocab::Method;
use crate::error::{Error, ErrorKind};
use crate::graphql::Endpoint;
use serde::Serialize;
use std::path::Path;

/// Longest piece of input text an [`Unresolved`] entry repeats.
const MAX_ECHO: usize = 200;

/// Where a call came from, so that a report can point at it.
///
/// In JSON: `{"line": 3}`, `{"argument": 1}` or `{"har_entry": 12}`.
///
/// ```
/// use bigcommerce_scopes::plan::Location;
/// assert_eq!(Location::Line(3).to_string(), "line 3");
/// assert_eq!(Location::HarEntry(0).to_string(), "log.entries[0]");
/// assert!(Location::Argument(9) < Location::Line(1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Location {
    /// The n-th call given as an argument (1-based).
    Argument(usize),
    /// A line of a calls file (1-based).
    Line(usize),
    /// An entry of a HAR file's `log.entries` array (0-based, as the array index).
    HarEntry(usize),
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Argument(n) => write!(f, "argument {n}"),
            Location::Line(n) => write!(f, "line {n}"),
            Location::HarEntry(n) => write!(f, "log.entries[{n}]"),
        }
    }
}

/// One request to plan for: a method and a request target as the input wrote it.
///
/// ```
/// use bigcommerce_scopes::plan::{Call, Location};
/// use bigcommerce_scopes::Method;
/// let c = Call::new(Location::Line(1), Method::Get, "/v3/catalog/products");
/// assert_eq!(c.target, "/v3/catalog/products");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Call {
    /// Where it came from.
    pub location: Location,
    /// The HTTP method.
    pub method: Method,
    /// The request target (full URL or path), as written.
    pub target: String,
    /// For a GraphQL request: the document it sends, where known.
    pub graphql: Option<GraphqlCall>,
}

impl Call {
    /// A call.
    pub fn new(location: Location, method: Method, target: impl Into<String>) -> Call {
        Call { location, method, target: target.into(), graphql: None }
    }
}

/// The GraphQL document a call sends, and where it was read from.
///
/// ```
/// use bigcommerce_scopes::plan::{CallList, Plan};
/// use bigcommerce_scopes::Scope;
/// let list = CallList::parse_calls("GRAPHQL admin query { store { translations(filters: {}) { edges { cursor } } } }");
/// let call = &list.calls[0];
/// assert_eq!(call.graphql.as_ref().unwrap().source, "inline");
/// let plan = Plan::new(&list, None);
/// assert_eq!(plan.scopes.iter().collect::<Vec<_>>(), [Scope::StoreTranslationsReadOnly]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GraphqlCall {
    /// The GraphQL endpoint.
    pub endpoint: Endpoint,
    /// The document's text.
    #[serde(skip)]
    pub document: String,
    /// Where it was read from: a file name, `inline`, or `request body`.
    pub source: String,
    /// The request's bearer token is minted by another API account (it is read from
    /// configuration, not created by these calls): scopes the docs say the token's minting
    /// account holds are not needed here.
    #[serde(skip)]
    pub token_minted_elsewhere: bool,
}

/// Input that could not be read as a call, or a call the resolver could not resolve. Reports list
/// these with their location; they are never dropped.
///
/// ```
/// use bigcommerce_scopes::plan::{CallList, Location};
/// let list = CallList::parse_calls("GET /v3/catalog/products\nFETCH /v3/orders\n");
/// assert_eq!(list.errors[0].location, Location::Line(2));
/// assert_eq!(list.errors[0].kind, bigcommerce_scopes::ErrorKind::UnknownMethod);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unresolved {
    /// Where it came from.
    pub location: Location,
    /// The input (method and target, or the line), shortened and with query strings, user info and
    /// login tokens left out.
    pub input: String,
    /// What kind of error (`invalid_target`, `unknown_endpoint`, …).
    pub kind: ErrorKind,
    /// What was wrong.
    pub message: String,
    /// What may have been meant (nearest documented routes, …).
    pub suggestions: Vec<String>,
}

impl Unresolved {
    pub(crate) fn new(location: Location, input: &str, error: &Error) -> Unresolved {
        let shown = redact(input);
        let raw = input.trim();
        let mut message = error.message().to_owned();
        // The resolver repeats the target; repeat only what `input` shows of it.
        if let Some((_, target)) = raw.split_once(char::is_whitespace) {
            let target = target.trim();
            if !target.is_empty() && message.contains(target) {
                message = message.replace(target, &redact(target));
            }
        }
        if !raw.is_empty() && message.contains(raw) {
            message = message.replace(raw, &shown);
        }
        Unresolved { location, input: shown, kind: error.kind(), message, suggestions: error.suggestions().to_vec() }
    }
}

/// Why a HAR entry was not taken as a call.
///
/// ```
/// use bigcommerce_scopes::plan::{CallList, SkipReason};
/// let har = r#"{"log": {"entries": [
///   {"request": {"method": "OPTIONS", "url": "https://api.bigcommerce.com/stores/abc/v3/catalog/products"}},
///   {"request": {"method": "POST", "url": "https://api.github.com/graphql"}}]}}"#;
/// let reasons: Vec<SkipReason> = CallList::from_har(har).unwrap().skipped.iter().map(|s| s.reason).collect();
/// assert_eq!(reasons, [SkipReason::Preflight, SkipReason::ForeignGraphql]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    /// Not a request to a BigCommerce API: pages, static assets, third-party services.
    NotBigcommerceApi,
    /// A CORS preflight (`OPTIONS`): the browser sends it on its own.
    Preflight,
    /// Not an http(s) URL (`data:`, `blob:`, browser extensions …).
    NotHttp,
    /// A request BigCommerce sends to a provider app (shipping, tax): not one the client makes.
    ProviderCallback,
    /// A `/graphql` request to a host that served no BigCommerce storefront route in the same
    /// recording: it may be another GraphQL service.
    ForeignGraphql,
}

/// HAR entries that were not taken as calls, counted by reason and host.
///
/// ```
/// use bigcommerce_scopes::plan::{CallList, SkipReason};
/// let har = r#"{"log": {"entries": [
///   {"request": {"method": "GET", "url": "https://cdn11.bigcommerce.com/s-abc/logo.png"}},
///   {"request": {"method": "GET", "url": "https://cdn11.bigcommerce.com/s-abc/app.js"}}]}}"#;
/// let list = CallList::from_har(har).unwrap();
/// assert!(list.calls.is_empty());
/// assert_eq!(list.skipped[0].reason, SkipReason::NotBigcommerceApi);
/// assert_eq!((list.skipped[0].host.as_str(), list.skipped[0].count), ("cdn11.bigcommerce.com", 2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Skipped {
    /// Why.
    pub reason: SkipReason,
    /// The host of the requests (lower case; empty where the URL has none).
    pub host: String,
    /// How many entries.
    pub count: usize,
}

/// Calls read from input, with the input that could not be read and (for HAR files) what was
/// skipped.
///
/// ```
/// use bigcommerce_scopes::plan::CallList;
/// let list = CallList::parse_calls("# nightly export\nGET /v2/orders?min_id=10\n\nget /v2/orders/1/products\n");
/// assert_eq!(list.calls.len(), 2);
/// assert_eq!(list.calls[1].target, "/v2/orders/1/products");
/// assert!(list.errors.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CallList {
    /// The calls, in input order.
    pub calls: Vec<Call>,
    /// Input that could not be read as a call.
    pub errors: Vec<Unresolved>,
    /// HAR entries that were not taken (sorted by reason and host).
    pub skipped: Vec<Skipped>,
}

impl CallList {
    /// An empty list.
    pub fn new() -> CallList {
        CallList::default()
    }

    /// Add a call.
    ///
    /// ```
    /// use bigcommerce_scopes::plan::{CallList, Location};
    /// use bigcommerce_scopes::Method;
    /// let mut list = CallList::new();
    /// list.push(Location::Argument(1), Method::Get, "/v3/catalog/products");
    /// assert_eq!(list.calls.len(), 1);
    /// ```
    pub fn push(&mut self, location: Location, method: Method, target: impl Into<String>) {
        self.calls.push(Call::new(location, method, target));
    }

    /// Add a GraphQL call with its document.
    ///
    /// ```
    /// use bigcommerce_scopes::plan::{CallList, GraphqlCall, Location};
    /// use bigcommerce_scopes::graphql::Endpoint;
    /// let mut list = CallList::new();
    /// let doc = GraphqlCall { endpoint: Endpoint::Admin, document: "{ store { name } }".into(), source: "inline".into(), token_minted_elsewhere: false };
    /// list.push_graphql(Location::Line(1), "/stores/abc/graphql", doc);
    /// assert_eq!(list.calls[0].method, bigcommerce_scopes::Method::Post);
    /// ```
    pub fn push_graphql(&mut self, location: Location, target: impl Into<String>, document: GraphqlCall) {
        let mut call = Call::new(location, Method::Post, target);
        call.graphql = Some(document);
        self.calls.push(call);
    }

    /// Append another list (e.g. a calls file and a HAR file); skip counts are added up.
    ///
    /// ```
    /// use bigcommerce_scopes::plan::CallList;
    /// let mut list = CallList::parse_calls("GET /v2/orders");
    /// list.extend(CallList::parse_args(&["POST /v3/catalog/products"]));
    /// assert_eq!(list.calls.len(), 2);
    /// ```
    pub fn extend(&mut self, other: CallList) {
        self.calls.extend(other.calls);
        self.errors.extend(other.errors);
        for s in other.skipped {
            match self.skipped.iter_mut().find(|t| t.reason == s.reason && t.host == s.host) {
                Some(t) => t.count += s.count,
                None => self.skipped.push(s),
            }
        }
        self.skipped.sort();
    }

    /// Whether there is nothing at all: no call and no error.
    ///
    /// ```
    /// assert!(bigcommerce_scopes::plan::CallList::parse_calls("# nothing\n\n").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.calls.is_empty() && self.errors.is_empty()
    }

    /// Read a calls file: one `METHOD TARGET` per line; blank lines and lines starting with `#`
    /// are ignored, and so is a `#` comment after white space at the end of a line (a `#` inside a
    /// target is a URL fragment). A line that cannot be read becomes an error entry with its line
    /// number; nothing is dropped.
    ///
    /// ```
    /// use bigcommerce_scopes::plan::{CallList, Location};
    /// let list = CallList::parse_calls("GET /v2/orders  # all orders\n/v3/catalog/products\n");
    /// assert_eq!(list.calls[0].target, "/v2/orders");
    /// assert_eq!(list.errors[0].location, Location::Line(2));
    /// assert!(list.errors[0].message.contains("METHOD TARGET"));
    /// ```
    ///
    /// A line `GRAPHQL API DOCUMENT` is a GraphQL request: API is `admin`, `account` or
    /// `storefront` (or the API's name), DOCUMENT a file holding the document (relative to the
    /// current folder; see [`CallList::parse_calls_in`]) or the document itself, when it starts
    /// with `{`, `query`, `mutation` or `subscription`.
    pub fn parse_calls(text: &str) -> CallList {
        CallList::parse_calls_in(text, Path::new(""))
    }

    /// [`CallList::parse_calls`], with the documents of `GRAPHQL` lines read relative to `dir`
    /// (the calls file's folder).
    ///
    /// ```
    /// use bigcommerce_scopes::plan::{CallList, Location};
    /// let list = CallList::parse_calls_in("GRAPHQL admin no/such/file.graphql\n", std::path::Path::new("/nowhere"));
    /// assert_eq!(list.errors[0].location, Location::Line(1));
    /// assert!(list.errors[0].message.contains("cannot read"));
    /// ```
    pub fn parse_calls_in(text: &str, dir: &Path) -> CallList {
        let mut list = CallList::new();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (i, raw) in text.lines().enumerate() {
            let location = Location::Line(i + 1);
            if let Some(rest) = graphql_line(raw) {
                match read_graphql_line(rest, dir) {
                    Ok((endpoint, document, source)) => list.push_graphql(
                        location,
                        endpoint.template(),
                        GraphqlCall { endpoint, document, source, token_minted_elsewhere: false },
                    ),
                    Err(e) => list.errors.push(Unresolved::new(location, raw.trim(), &e)),
                }
                continue;
            }
            let line = strip_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            match parse_call_line(line) {
                Ok((method, target)) => list.push(location, method, target),
                Err(e) => list.errors.push(Unresolved::new(location, line, &e)),
            }
        }
        list
    }

    /// Read calls given as arguments: each a `"METHOD TARGET"` string, or a method and a target as
    /// two arguments.
    ///
    /// ```
    /// use bigcommerce_scopes::plan::{CallList, Location};
    /// use bigcommerce_scopes::Method;
    /// let list = CallList::parse_args(&["GET /v2/orders", "post", "/v3/catalog/products"]);
    /// assert_eq!(list.calls.len(), 2);
    /// assert_eq!((list.calls[1].location, list.calls[1].method), (Location::Argument(2), Method::Post));
    /// ```
    pub fn parse_args<S: AsRef<str>>(args: &[S]) -> CallList {
        let mut list = CallList::new();
        let mut i = 0;
        while i < args.len() {
            let location = Location::Argument(i + 1);
            let arg = args[i].as_ref().trim();
            i += 1;
            if arg.contains(char::is_whitespace) {
                match parse_call_line(arg) {
                    Ok((method, target)) => list.push(location, method, target),
                    Err(e) => list.errors.push(Unresolved::new(location, arg, &e)),
                }
                continue;
            }
            let next = args.get(i).map(|a| a.as_ref().trim());
            match (Method::parse(arg), next) {
                (Ok(method), Some(target)) if !target.is_empty() && !target.contains(char::is_whitespace) => {
                    i += 1;
                    list.push(location, method, target);
                }
                (Ok(_), _) => list.errors.push(Unresolved::new(
                    location,
                    arg,
                    &Error::new(ErrorKind::InvalidInput, format!("`{arg}` is a method without a target")),
                )),
                (Err(e), _) if looks_like_target(arg) => list.errors.push(Unresolved::new(
                    location,
                    arg,
                    &Error::new(
                        ErrorKind::InvalidInput,
                        format!("a target without a method: write `GET {}` (calls are `METHOD TARGET`)", redact(arg)),
                    )
                    .with_suggestions(e.suggestions().iter().cloned()),
                )),
                (Err(e), _) => list.errors.push(Unresolved::new(location, arg, &e)),
            }
        }
        list
    }
}

/// What follows `GRAPHQL` on a calls-file line, where the line is one.
fn graphql_line(raw: &str) -> Option<&str> {
    let t = raw.trim_start();
    let word = t.get(..7)?;
    let rest = &t[7..];
    (word.eq_ignore_ascii_case("GRAPHQL") && rest.starts_with([' ', '\t'])).then(|| rest.trim())
}

/// `API DOCUMENT` → the endpoint, the document and where it came from.
fn read_graphql_line(rest: &str, dir: &Path) -> Result<(Endpoint, String, String), Error> {
    let usage =
        || Error::new(ErrorKind::InvalidInput, "expected `GRAPHQL API DOCUMENT` (API: admin, account or storefront)");
    let (api, doc) = rest.split_once(char::is_whitespace).ok_or_else(usage)?;
    let endpoint = Endpoint::parse(api)?;
    let doc = doc.trim();
    let inline = doc.starts_with('{')
        || ["query", "mutation", "subscription"]
            .iter()
            .any(|k| doc.strip_prefix(k).is_some_and(|r| r.starts_with([' ', '\t', '{', '(', '@'])));
    if inline {
        return Ok((endpoint, doc.to_owned(), "inline".to_owned()));
    }
    let file = strip_comment(doc).trim();
    if file.is_empty() {
        return Err(usage());
    }
    let path = dir.join(file);
    let text = std::fs::read(&path).map_err(|e| {
        Error::new(ErrorKind::InvalidInput, format!("cannot read GraphQL document `{}`: {e}", redact(file)))
    })?;
    let text = String::from_utf8(text).map_err(|_| {
        Error::new(ErrorKind::InvalidInput, format!("GraphQL document `{}` is not UTF-8 text", redact(file)))
    })?;
    Ok((endpoint, text, file.to_owned()))
}

fn looks_like_target(s: &str) -> bool {
    s.starts_with('/') || s.contains("://")
}

/// A line without its trailing `# comment` (a `#` after white space; a `#` inside a target is a
/// fragment and stays).
fn strip_comment(line: &str) -> &str {
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') {
        return "";
    }
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' && i > 0 && (bytes[i - 1] == b' ' || bytes[i - 1] == b'\t') {
            return &line[..i];
        }
    }
    line
}

/// `METHOD TARGET` → method and target.
fn parse_call_line(line: &str) -> Result<(Method, &str), Error> {
    let Some((method, target)) = line.split_once(char::is_whitespace) else {
        return Err(if looks_like_target(line) {
            Error::new(ErrorKind::InvalidInput, "expected `METHOD TARGET`: the method is missing")
        } else {
            Error::new(ErrorKind::InvalidInput, "expected `METHOD TARGET`: the target is missing")
        });
    };
    let target = target.trim();
    if target.contains(char::is_whitespace) {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            "expected `METHOD TARGET`: the target contains white space (encode it, or remove what follows)",
        ));
    }
    Ok((Method::parse(method)?, target))
}

/// Input text as reports repeat it: without query string, fragment, user info and login tokens,
/// control characters escaped, at most [`MAX_ECHO`] characters.
pub(crate) fn redact(input: &str) -> String {
    let input = input.trim();
    let cut = input.find(['?', '#']).unwrap_or(input.len());
    let mut s = input[..cut].to_owned();
    if let Some(scheme_end) = s.find("://") {
        let auth_start = scheme_end + 3;
        let auth_end = s[auth_start..].find('/').map_or(s.len(), |i| auth_start + i);
        if let Some(at) = s[auth_start..auth_end].rfind('@') {
            s.replace_range(auth_start..auth_start + at, "…");
        }
    }
    if let Some(i) = s.find("/login/token/") {
        let start = i + "/login/token/".len();
        let end = s[start..].find('/').map_or(s.len(), |j| start + j);
        if end > start {
            s.replace_range(start..end, "{jwt}");
        }
    }
    let mut out = String::new();
    for (n, c) in s.chars().enumerate() {
        if n == MAX_ECHO {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_fragments() {
        assert_eq!(strip_comment("GET /v2/orders # x"), "GET /v2/orders ");
        assert_eq!(strip_comment("GET /v2/orders#frag"), "GET /v2/orders#frag");
        assert_eq!(strip_comment("   # whole line"), "");
        assert_eq!(strip_comment("GET /v2/orders\t# tab"), "GET /v2/orders\t");
    }

    #[test]
    fn bad_lines_keep_their_numbers() {
        let list = CallList::parse_calls("GET\n\nGET /a /b\nFETCH /x\r\nPOST /v3/catalog/products\r\n");
        let lines: Vec<Location> = list.errors.iter().map(|e| e.location).collect();
        assert_eq!(lines, [Location::Line(1), Location::Line(3), Location::Line(4)]);
        assert_eq!(list.calls[0].location, Location::Line(5));
        assert_eq!(list.calls[0].target, "/v3/catalog/products");
    }

    #[test]
    fn argument_forms() {
        let list = CallList::parse_args(&["GET", "/v2/orders", "/v3/x", "DELETE", "GET /a b"]);
        assert_eq!(list.calls.len(), 1);
        assert_eq!(list.errors.len(), 3);
        assert!(list.errors[0].message.contains("without a method"), "{:?}", list.errors[0]);
        assert!(list.errors[1].message.contains("without a target"));
    }

    #[test]
    fn redaction() {
        assert_eq!(
            redact("GET https://u:p@shop.example/login/token/eyJ.x.y?x=1"),
            "GET https://…@shop.example/login/token/{jwt}"
        );
        assert_eq!(
            redact("https://api.bigcommerce.com/stores/x/v3/a?token=secret"),
            "https://api.bigcommerce.com/stores/x/v3/a"
        );
        assert_eq!(redact("GET /x\u{7}y"), "GET /x\\u{7}y");
        assert_eq!(redact(&"a".repeat(300)).chars().count(), MAX_ECHO + 1);
        assert_eq!(redact("/login/token/"), "/login/token/");
    }

    #[test]
    fn messages_do_not_repeat_secrets() {
        let e = Error::new(ErrorKind::UnknownEndpoint, "no documented route matches `https://a.example/x?key=s3cret`");
        let u = Unresolved::new(Location::Line(1), "GET https://a.example/x?key=s3cret", &e);
        assert!(!u.message.contains("s3cret") && !u.input.contains("s3cret"), "{u:?}");
    }
}
