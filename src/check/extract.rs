//! Finding BigCommerce REST calls in one source file: URL literals and templates, concatenations
//! with a base URL, paths passed to a client whose base URL is known, and the HTTP method from the
//! code around the call.
//!
//! The extractor reads tokens (see [`super::lexer`]); it never evaluates code. What it knows of a
//! value comes from simple assignments in the same file (`const BASE = '…'`, `$this->base = …`,
//! `BASE_URL = f"…"`), followed at most a few steps.

use super::lang::Language;
use super::lexer::{lex, Kind, Lexed, Part, StrLit, NONE};
use crate::datafile::vocab::Method;
use crate::resolve::{names_route, single_slashes};
use crate::route::Route;
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::{BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// How deep values and call contexts are followed.
const MAX_DEPTH: u8 = 4;
/// How many lines after an assignment its variable's uses are looked for.
const FLOW_LINES: u32 = 80;
/// The value that fills a parameter position where the code interpolates something.
const PLACEHOLDER: &str = "1";
/// The root of the REST APIs' URLs.
const API_ROOT: &str = "https://api.bigcommerce.com/";
/// Longest target shown as written.
const MAX_SHOWN: usize = 200;

/// A call found in a file, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawCall {
    pub line: u32,
    pub column: u32,
    /// The method, where the code shows it.
    pub method: Option<Method>,
    /// The URL expression as written (white space collapsed).
    pub written: String,
    /// What is resolved: interpolations replaced by placeholder values, base URLs joined.
    pub target: String,
    /// How the target was completed (base URL from the configuration, version assumed, …).
    pub notes: Vec<String>,
}

/// A suppression comment: `bc-scopes: ignore` or `bc-scopes: ignore[kind, kind]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Comment {
    pub line: u32,
    /// The finding kinds named; empty for all.
    pub kinds: Vec<String>,
    /// Text after the directive, if any.
    pub reason: Option<String>,
}

/// What the extractor knows beyond the file.
#[derive(Debug, Clone, Default)]
pub(crate) struct FileContext {
    /// `[client] base_url` of bc-scopes.toml, for paths without a version.
    pub base_url: Option<String>,
    /// The file names BigCommerce (or its `X-Auth-Token` header, or a store hash): paths are
    /// taken as BigCommerce's even where their root is not documented or their version is missing.
    pub strong: bool,
}

/// The first segments of documented paths after `/v3/` and `/v2/`.
static ROOTS: LazyLock<(BTreeSet<&'static str>, BTreeSet<&'static str>)> = LazyLock::new(|| {
    let mut v3 = BTreeSet::new();
    let mut v2 = BTreeSet::new();
    for r in Route::all() {
        if let Some(rest) = r.template.strip_prefix("/stores/{store_hash}/v3/") {
            v3.insert(rest.split('/').next().unwrap_or(""));
        } else if let Some(rest) = r.template.strip_prefix("/stores/{store_hash}/v2/") {
            v2.insert(rest.split('/').next().unwrap_or(""));
        }
    }
    (v3, v2)
});

/// Keys that give an HTTP client its base URL.
const BASE_KEYS: [&str; 10] = [
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
const BASE_SETTERS: [&str; 5] = ["SetBaseURL", "SetHostURL", "baseUrl", "BaseURL", "base_url"];
/// Receivers whose `get('/path', …)` defines a route of the app itself, not a call.
const ROUTE_RECEIVERS: [&str; 15] = [
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
const PASS_THROUGH: [&str; 17] = [
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
const GET_BY_DEFAULT: [&str; 8] = ["fetch", "$fetch", "ofetch", "got", "ky", "axios", "urlopen", "file_get_contents"];
/// Keys that name the method in an options object.
const METHOD_KEYS: [&str; 7] = ["method", "type", "verb", "http_method", "httpMethod", "request_method", "Method"];
/// Keys that hold the URL in an options object.
const URL_KEYS: [&str; 7] = ["url", "uri", "path", "endpoint", "href", "Url", "RequestUri"];

/// A piece of a value: text, or something only known at run time.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Hole(String),
}

/// How a URL expression is used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Use {
    method: Option<Method>,
    /// The object the request is sent through (`client` of `client.get(…)`).
    receiver: Option<String>,
    /// A base URL given beside the path (`new URL(path, base)`, `urljoin(base, path)`).
    base: Option<Vec<Piece>>,
    /// The API version named by the callee chain (`conn.v2.get(…)`), for a path without one.
    version: Option<&'static str>,
    /// Sent by a recognized HTTP call (the method may still be unknown).
    http: bool,
    /// A route definition of the app itself (`app.get('/orders', …)`), or a base URL key.
    not_a_call: bool,
}

/// Extract the calls of one file.
pub(crate) fn extract(src: &str, lang: Language, ctx: &FileContext) -> Vec<RawCall> {
    let lexed = lex(src, lang);
    let x = Extractor::new(&lexed, lang, ctx);
    x.run()
}

/// The suppression comments of a file (any line containing `bc-scopes: ignore`).
pub(crate) fn comments(src: &str) -> Vec<Comment> {
    static RE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"bc-scopes:\s*ignore(?:\[([A-Za-z_, -]*)\])?(?:[\s:—-]+(.*))?").expect("valid regex")
    });
    let mut out = Vec::new();
    if memchr::memmem::find(src.as_bytes(), b"bc-scopes:").is_none() {
        return out;
    }
    for (i, line) in src.lines().enumerate() {
        if let Some(c) = RE.captures(line) {
            let kinds = c
                .get(1)
                .map(|k| k.as_str().split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect())
                .unwrap_or_default();
            let reason = c
                .get(2)
                .map(|r| r.as_str().trim().trim_end_matches("*/").trim_end_matches("-->").trim().to_owned())
                .filter(|r| !r.is_empty());
            out.push(Comment { line: i as u32 + 1, kinds, reason });
        }
    }
    out
}

/// A method named by an identifier or string: `post`, `PostAsync`, `getForObject`, `MethodPut`.
fn method_from_name(name: &str) -> Option<Method> {
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
fn prints(segs: &[&str]) -> bool {
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
    const LEVELS: [&str; 12] = [
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
    ];
    LEVELS.contains(&last) && segs.len() >= 2 && logger(segs[segs.len() - 2])
}

/// Whether a receiver is the console or a logger: `console`, `log`, `logging`, `this.logger`,
/// `_logger`, `fmt`, `Console`, `Debug`.
fn logger(r: &str) -> bool {
    let r = norm_name(r).trim_start_matches('_').to_ascii_lowercase();
    matches!(r.as_str(), "console" | "log" | "logging" | "fmt" | "debug" | "trace" | "out" | "err")
        || r.ends_with("logger")
}

/// An HTTP method spelled out as a string value (`'DELETE'`, `"put"`).
fn method_from_str(s: &str) -> Option<Method> {
    let t = s.trim();
    [Method::Get, Method::Head, Method::Post, Method::Put, Method::Patch, Method::Delete]
        .into_iter()
        .find(|m| m.as_str().eq_ignore_ascii_case(t))
}

/// The name a value is looked up by: the last segment of a simple member chain.
fn simple_name(expr: &str) -> Option<String> {
    let e = expr.trim();
    if e.is_empty()
        || !e.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'$' | b'@' | b'.' | b'-' | b'>' | b':'))
    {
        return None;
    }
    let last = e.rsplit(['.', '>', ':']).next()?;
    let last = last.trim_start_matches(['$', '@']);
    (!last.is_empty() && !last.as_bytes()[0].is_ascii_digit()).then(|| last.to_owned())
}

/// Whether `src[s..e]` (a token), less leading `$` and `@`, is the name `w` (not empty).
/// The length first: it dismisses almost every token.
#[inline(always)]
fn may_be_name(src: &[u8], s: usize, e: usize, w: &[u8]) -> bool {
    let len = e - s;
    (len == w.len() || (len > w.len() && matches!(src[s], b'$' | b'@')))
        && src[e - w.len()..e] == *w
        && src[s..e - w.len()].iter().all(|c| matches!(c, b'$' | b'@'))
}

fn norm_name(s: &str) -> &str {
    s.trim_start_matches(['$', '@'])
}

struct Extractor<'l, 's> {
    l: &'l Lexed<'s>,
    lang: Language,
    ctx: &'l FileContext,
    /// Assignments: name → (token of the `=`, value range). Built only for the client search:
    /// most files need the values of a few names, which [`Self::lookup`] finds without it.
    vars: OnceCell<Vars<'l>>,
    /// Clients with a known base URL: name → base. Built on first use (most files never ask).
    clients: OnceCell<HashMap<String, Vec<Piece>>>,
    /// The assignments found by [`Self::lookup`] for single names, while `vars` is not built. A
    /// file asks for few names, most of them several times (`BASE` for every call).
    found: RefCell<Vec<(Box<str>, Defs)>>,
}

/// Assignments by name: (token of the `=`, value range), in source order.
type Vars<'l> = HashMap<Cow<'l, str>, Defs, BuildHasherDefault<FxHasher>>;

/// The assignments to one name, in source order. Most names have one: it is kept inline, which
/// spares an allocation per name.
#[derive(Debug, Default)]
struct Defs {
    first: Option<(usize, usize, usize)>,
    rest: Vec<(usize, usize, usize)>,
}

impl Defs {
    fn push(&mut self, d: (usize, usize, usize)) {
        if self.first.is_none() {
            self.first = Some(d);
        } else {
            self.rest.push(d);
        }
    }

    fn iter(&self) -> impl DoubleEndedIterator<Item = &(usize, usize, usize)> {
        self.first.iter().chain(&self.rest)
    }
}

/// The multiply-rotate hash of rustc (`FxHash`) for the assignment table: its keys are short
/// identifiers from the file being read, and SipHash cost more than the lookups it served.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl<'l, 's> Extractor<'l, 's> {
    fn new(l: &'l Lexed<'s>, lang: Language, ctx: &'l FileContext) -> Extractor<'l, 's> {
        Extractor { l, lang, ctx, vars: OnceCell::new(), clients: OnceCell::new(), found: RefCell::default() }
    }

    fn n(&self) -> usize {
        self.l.toks.len()
    }

    /// The source text from token `a` to token `b - 1`; empty where `b` runs past the last token
    /// (truncated input).
    fn span(&self, a: usize, b: usize) -> &'s str {
        let ends = self.l.toks.get(a).zip(self.l.toks.get(b.saturating_sub(1)));
        ends.and_then(|(f, l)| self.l.src.get(f.start as usize..l.end as usize)).unwrap_or("")
    }

    fn text(&self, i: usize) -> &'s str {
        self.l.text(i)
    }

    fn is(&self, i: usize, p: &str) -> bool {
        self.l.is(i, p)
    }

    fn is_member_op(&self, i: usize) -> bool {
        i < self.n()
            && self.l.toks[i].kind == Kind::Punct
            && match self.text(i) {
                "." => self.lang != Language::Php,
                "->" | "::" | "?." => true,
                _ => false,
            }
    }

    fn is_concat(&self, i: usize) -> bool {
        self.is(i, self.lang.concat())
    }

    fn open_of(&self, i: usize) -> Option<usize> {
        let e = self.l.toks.get(i).map_or(NONE, |t| t.enclosing);
        (e != NONE).then_some(e as usize)
    }

    fn close_of(&self, open: usize) -> usize {
        let m = self.l.matching[open];
        if m == NONE {
            self.n()
        } else {
            m as usize
        }
    }

    /// The end (exclusive) of the expression starting at `start`: the next `;` or `,` at the same
    /// depth, the closing bracket around it, or a line break that does not continue the expression.
    fn expr_end(&self, start: usize) -> usize {
        let n = self.n();
        let base = self.open_of(start);
        let mut i = start;
        while i < n {
            if self.open_of(i) != base {
                // Inside a nested bracket; skip to its close.
                i += 1;
                continue;
            }
            let t = self.l.toks[i];
            match self.l.punct1(i) {
                b';' | b',' | b')' | b']' | b'}' => return i,
                b'(' | b'[' | b'{' => {
                    i = self.close_of(i) + 1;
                    continue;
                }
                _ => {}
            }
            if i > start && i < n {
                let prev = self.l.toks[i - 1];
                if t.line > prev.line {
                    let cont_prev = prev.kind == Kind::Punct
                        && matches!(
                            self.text(i - 1),
                            "+" | "." | "=" | "(" | "," | "\\" | "||" | "&&" | "?" | ":" | "=>"
                        );
                    let cont_next =
                        t.kind == Kind::Punct && matches!(self.text(i), "+" | "." | "?." | "->" | "?" | ":");
                    if !cont_prev && !cont_next {
                        return i;
                    }
                }
            }
            i += 1;
        }
        n
    }

    /// The assignment whose operator (or PHP's `define(`) is token `i` (one of the lexer's `ops`),
    /// if it is one: its name, the start of its value, and whether an empty value still counts.
    fn def_at(&self, i: usize) -> Option<(Cow<'l, str>, usize, bool)> {
        let t = self.l.toks[i];
        if i == 0 || t.kind != Kind::Punct {
            return None;
        }
        let op = self.text(i);
        if !matches!(op.as_bytes(), b"(" | b":" | b"=" | b":=" | b"||=" | b"??=") {
            return None;
        }
        if op == "(" {
            // `(` only matters to PHP's `define('NAME', value)`.
            if self.lang == Language::Php && self.text(i - 1) == "define" && self.is(i + 2, ",") {
                let l: &'l Lexed<'s> = self.l;
                return l.str_at(i + 1).map(|s| (s.text(), i + 3, true));
            }
            return None;
        }
        if op == ":" {
            // `baseURL: …` in a struct or object literal, read later as `c.baseURL`.
            let key = self.text(i - 1);
            let keyed = self.l.is_ident(i - 1) && BASE_KEYS.contains(&key);
            return (keyed && self.open_of(i).is_some_and(|o| self.is(o, "{"))).then_some((
                Cow::Borrowed(key),
                i + 1,
                false,
            ));
        }
        // Keyword arguments and default parameters are not assignments.
        if let Some(o) = self.open_of(i) {
            if self.text(o) == "(" || self.text(o) == "[" {
                return None;
            }
        }
        let mut name_tok = i - 1;
        if !self.l.is_ident(name_tok) {
            return None;
        }
        // `name: Type = value` (on one line: a `:` ending the line before is a block's)
        if i >= 3 && self.is(i - 2, ":") && self.l.is_ident(i - 3) && self.l.toks[i - 3].line == t.line {
            name_tok = i - 3;
        }
        let name = norm_name(self.text(name_tok));
        if matches!(name, "if" | "while" | "return" | "and" | "or" | "not") {
            return None;
        }
        Some((Cow::Borrowed(name), i + 1, false))
    }

    /// The assignment at token `i` as (token of the operator, value range), given what
    /// [`Self::def_at`] found; none for an empty value.
    fn def_range(&self, i: usize, start: usize, empty_ok: bool) -> Option<(usize, usize, usize)> {
        let end = self.expr_end(start);
        (empty_ok || end > start).then_some((i, start, end))
    }

    /// Every `name = value` assignment (and `define('NAME', value)` in PHP), by name.
    fn vars(&self) -> &Vars<'l> {
        self.vars.get_or_init(|| {
            // About one name per four candidate operators: reserving spares most of the
            // rehashing. (The capacity also fixes the iteration order the client search sees.)
            let php = self.lang == Language::Php;
            let candidates =
                self.l.ops.iter().filter(|&&i| i >= 1 && (php || self.l.punct1(i as usize) != b'(')).count();
            let mut vars: Vars<'l> = HashMap::with_capacity_and_hasher(candidates / 4, BuildHasherDefault::default());
            for &i in &self.l.ops {
                let i = i as usize;
                if let Some((name, start, empty_ok)) = self.def_at(i) {
                    if let Some(d) = self.def_range(i, start, empty_ok) {
                        vars.entry(name).or_default().push(d);
                    }
                }
            }
            vars
        })
    }

    /// The value range of `name` as seen from token `at`: the nearest assignment before it, else
    /// the first.
    fn lookup(&self, name: &str, at: usize) -> Option<(usize, usize)> {
        let name = norm_name(name);
        let pick = |defs: &Defs| {
            let before = defs.iter().rev().find(|d| d.0 < at && !(d.1 <= at && at < d.2));
            let d = before.or_else(|| defs.iter().find(|d| !(d.1 <= at && at < d.2)))?;
            Some((d.1, d.2))
        };
        if name.is_empty() || self.vars.get().is_some() {
            return self.vars().get(name).and_then(pick);
        }
        if let Some((_, defs)) = self.found.borrow().iter().find(|(n, _)| **n == *name) {
            return pick(defs);
        }
        // Without the table: the assignments to this one name. The source is searched for the name:
        // a file has thousands of operators, and mentions a name a few times. An assignment's name
        // is one or three tokens before its operator; `define` is the token before its `(`.
        let mut ops: Vec<usize> = Vec::new();
        self.name_tokens(name.as_bytes(), |j| ops.extend([j + 1, j + 3]));
        if self.lang == Language::Php {
            self.name_tokens(b"define", |j| ops.push(j + 1));
        }
        ops.sort_unstable();
        ops.dedup();
        let mut defs = Defs::default();
        for i in ops {
            // Only the operators the lexer noted, as when the table is built.
            if u32::try_from(i).map_or(true, |i| self.l.ops.binary_search(&i).is_err()) {
                continue;
            }
            if let Some((n, start, empty_ok)) = self.def_at(i) {
                if n == name {
                    if let Some(d) = self.def_range(i, start, empty_ok) {
                        defs.push(d);
                    }
                }
            }
        }
        let r = pick(&defs);
        self.found.borrow_mut().push((name.into(), defs));
        r
    }

    /// Calls `f` with each token whose text, less leading `$` and `@`, is `w` (not empty), in order.
    fn name_tokens(&self, w: &[u8], mut f: impl FnMut(usize)) {
        let (src, toks) = (self.l.src.as_bytes(), &self.l.toks);
        let finder = memchr::memmem::Finder::new(w);
        let mut from = 0;
        while let Some(k) = finder.find(&src[from..]) {
            let (p, end) = (from + k, from + k + w.len());
            // Every occurrence, overlapping ones too.
            from = p + 1;
            let j = toks.partition_point(|t| (t.end as usize) < end);
            if toks.get(j).is_some_and(|t| t.end as usize == end && may_be_name(src, t.start as usize, end, w)) {
                f(j);
            }
        }
    }

    /// Clients with a base URL (see [`Self::collect_clients`]), found on first use.
    fn clients(&self) -> &HashMap<String, Vec<Piece>> {
        self.clients.get_or_init(|| self.collect_clients())
    }

    /// Clients with a base URL: `x = axios.create({baseURL: …})`, `Faraday.new(url: …)`,
    /// `new Client(['base_uri' => …])`, `httpx.Client(base_url=…)`, `client.BaseAddress = …`,
    /// `new BigCommerce({apiVersion: 'v3'})`.
    fn collect_clients(&self) -> HashMap<String, Vec<Piece>> {
        let mut found: Vec<(String, Vec<Piece>)> = Vec::new();
        let vars = self.vars();
        for (name, defs) in vars {
            for &(eq, a, b) in defs.iter() {
                // `client.BaseAddress = new Uri(…)`
                if BASE_KEYS.contains(&name.as_ref()) && eq >= 3 && self.is_member_op(eq - 2) && self.l.is_ident(eq - 3)
                {
                    let owner = norm_name(self.text(eq - 3)).to_owned();
                    found.push((owner, self.eval(a, b, 0)));
                    continue;
                }
                if let Some(base) = self.client_base(a, b) {
                    found.push((name.to_string(), base));
                }
            }
        }
        // `client.SetBaseURL("…")` on its own line.
        for &i in &self.l.ops {
            let i = i as usize;
            if i >= 3 && self.is(i, "(") && BASE_SETTERS.contains(&self.text(i - 1)) && self.is_member_op(i - 2) {
                let mut j = i - 3;
                while j >= 2 && self.is_member_op(j - 1) {
                    j -= 2;
                }
                if self.l.is_ident(j) && !vars.contains_key(norm_name(self.text(j))) {
                    let end = self.expr_end(i + 1);
                    found.push((norm_name(self.text(j)).to_owned(), self.eval(i + 1, end, 0)));
                }
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0));
        let mut clients = HashMap::new();
        for (k, v) in found {
            clients.entry(k).or_insert(v);
        }
        clients
    }

    /// The base URL a client-constructing expression sets, if any.
    fn client_base(&self, a: usize, b: usize) -> Option<Vec<Piece>> {
        // Most values are not clients: a cheap look at their tokens first.
        let candidate = (a..b).any(|i| match self.l.toks[i].kind {
            Kind::Ident => {
                let t = self.text(i);
                t == "Faraday" || names_bigcommerce(t) || BASE_KEYS.contains(&t) || BASE_SETTERS.contains(&t)
            }
            Kind::Str(_) => self
                .l
                .str_at(i)
                .is_some_and(|s| s.parts.iter().any(|p| matches!(p, Part::Text(t) if BASE_KEYS.contains(&t.as_ref())))),
            _ => false,
        });
        if !candidate {
            return None;
        }
        let mut faraday = false;
        let mut bigcommerce = false;
        for i in a..b {
            if self.l.is_ident(i) {
                let t = self.text(i);
                faraday |= t == "Faraday";
                bigcommerce |= t.eq_ignore_ascii_case("BigCommerce")
                    && (self.is(i + 1, "(") || (i > a && self.text(i - 1) == "new"));
            }
        }
        for i in a..b.saturating_sub(1) {
            let key = match self.l.toks[i].kind {
                Kind::Ident => Cow::Borrowed(self.text(i)),
                Kind::Str(_) => self.l.str_at(i).map(|s| s.text()).unwrap_or_default(),
                _ => continue,
            };
            let is_key = BASE_KEYS.contains(&key.as_ref()) || (faraday && key == "url");
            if is_key && matches!(self.text(i + 1), ":" | "=>" | "=") {
                let end = self.expr_end(i + 2).min(b);
                return Some(self.eval(i + 2, end, 0));
            }
            if BASE_SETTERS.contains(&key.as_ref()) && self.is(i + 1, "(") && i > a && self.is_member_op(i - 1) {
                let end = self.expr_end(i + 2).min(b);
                return Some(self.eval(i + 2, end, 0));
            }
        }
        if faraday {
            // `Faraday.new("https://…")`
            for i in a..b {
                if self.text(i) == "new" && self.is(i + 1, "(") && self.l.str_at(i + 2).is_some() {
                    let end = self.expr_end(i + 2);
                    return Some(self.eval(i + 2, end, 0));
                }
            }
        }
        if bigcommerce {
            // node-bigcommerce: v2 unless `apiVersion: 'v3'`.
            let mut version = "v2";
            for i in a..b.saturating_sub(2) {
                if self.text(i) == "apiVersion" && matches!(self.text(i + 1), ":" | "=") {
                    if let Some(s) = self.l.str_at(i + 2) {
                        if s.text() == "v3" {
                            version = "v3";
                        }
                    }
                }
            }
            return Some(gateway_base(version));
        }
        // A factory named after BigCommerce, called with the API version as a whole argument:
        // `bigcommerceClient(token, hash, 'v2')`.
        for i in a..b {
            if !(self.l.is_ident(i) && names_bigcommerce(self.text(i)) && self.is(i + 1, "(")) {
                continue;
            }
            let close = self.close_of(i + 1).min(b);
            for j in i + 2..close {
                let whole = matches!(self.text(j - 1), "(" | ",") && matches!(self.text(j + 1), ")" | ",");
                if let Some(v) = self.l.str_at(j).map(|s| s.text()).filter(|v| whole && (v == "v2" || v == "v3")) {
                    return Some(gateway_base(&v));
                }
            }
        }
        None
    }

    /// The end (exclusive) of the operand starting at `i`: a string, number, or a member chain
    /// with calls and indexing.
    fn operand_end(&self, i: usize) -> usize {
        let n = self.n();
        if i >= n {
            return i;
        }
        let mut j = i;
        match self.l.toks[i].kind {
            Kind::Str(_) | Kind::Num => {
                j = i + 1;
                // `"…".format(…)`, `"…" % (…)`
                if self.lang == Language::Python && self.is(j, "%") {
                    return self.operand_end(j + 1).max(j + 1);
                }
                if self.lang != Language::Php && self.is(j, ".") && self.text(j + 1) == "format" && self.is(j + 2, "(")
                {
                    return self.close_of(j + 2) + 1;
                }
                return j;
            }
            Kind::Ident => {
                if self.text(i) == "new" {
                    j += 1;
                }
            }
            Kind::Punct => {
                if self.is(i, "(") {
                    return self.close_of(i) + 1;
                }
                if self.lang == Language::Ruby && self.is(i, "@") {
                    j += 1;
                } else {
                    return i;
                }
            }
        }
        if !self.l.is_ident(j) {
            return i;
        }
        j += 1;
        loop {
            if j < n && self.is_member_op(j) && self.l.is_ident(j + 1) {
                j += 2;
            } else if j < n && (self.is(j, "(") || self.is(j, "[")) {
                j = self.close_of(j) + 1;
            } else if j + 1 < n && self.is(j, "!") && self.is(j + 1, "(") && self.lang == Language::Rust {
                j = self.close_of(j + 1) + 1;
            } else {
                return j.min(n);
            }
        }
    }

    /// The start of the operand that ends at token `e` (inclusive).
    fn operand_start(&self, e: usize) -> Option<usize> {
        let t = self.l.toks[e];
        let mut j = match t.kind {
            Kind::Str(_) | Kind::Num => return Some(e),
            Kind::Ident => e,
            Kind::Punct if self.is(e, ")") || self.is(e, "]") => {
                let o = self.l.matching[e];
                if o == NONE {
                    return None;
                }
                let o = o as usize;
                if o > 0 && (self.l.is_ident(o - 1) || self.is(o - 1, ")") || self.is(o - 1, "]")) {
                    return self.operand_start(o - 1);
                }
                return Some(o);
            }
            _ => return None,
        };
        while j >= 2
            && self.is_member_op(j - 1)
            && (self.l.is_ident(j - 2) || self.is(j - 2, ")") || self.is(j - 2, "]"))
        {
            j = self.operand_start(j - 2)?;
        }
        if j >= 1 && self.text(j - 1) == "new" {
            j -= 1;
        }
        if j >= 1 && self.lang == Language::Ruby && self.is(j - 1, "@") {
            j -= 1;
        }
        Some(j)
    }

    /// The concatenation expression around token `k`, as a token range.
    fn expand(&self, k: usize) -> (usize, usize) {
        let mut b = self.operand_end(k).max(k + 1);
        while b + 1 < self.n() && self.is_concat(b) {
            let e = self.operand_end(b + 1);
            if e <= b + 1 {
                break;
            }
            b = e;
        }
        let mut a = k;
        while a >= 2 && self.is_concat(a - 1) {
            match self.operand_start(a - 2) {
                Some(s) if s < a - 1 || s == a - 2 => a = s,
                _ => break,
            }
        }
        (a, b)
    }

    /// The pieces of the value of tokens `a..b`.
    fn eval(&self, a: usize, b: usize, depth: u8) -> Vec<Piece> {
        let mut out = Vec::new();
        let mut i = a;
        while i < b {
            let end = self.operand_end(i).max(i + 1).min(b);
            self.eval_operand(i, end, depth, &mut out);
            i = end;
            if i < b && self.is_concat(i) {
                i += 1;
            } else {
                break;
            }
        }
        out
    }

    fn eval_operand(&self, a: usize, b: usize, depth: u8, out: &mut Vec<Piece>) {
        match self.l.toks[a].kind {
            Kind::Str(_) => {
                let s = self.l.str_at(a).expect("a string token");
                for p in s.parts {
                    match p {
                        Part::Text(t) => out.push(Piece::Text(t.to_string())),
                        Part::Hole(h) => out.extend(self.value_of(h, a, depth)),
                    }
                }
            }
            Kind::Num => out.push(Piece::Text(self.text(a).to_owned())),
            _ => {
                // A pass-through call: its first argument.
                let mut j = a;
                while j < b && !self.is(j, "(") {
                    j += 1;
                }
                if j < b && j > a {
                    let callee = self.text(j - 1);
                    let close = self.close_of(j);
                    if PASS_THROUGH.contains(&callee) && close + 1 >= b {
                        let end = self.expr_end(j + 1).min(close);
                        out.extend(self.eval(j + 1, end, depth + 1));
                        return;
                    }
                    out.push(Piece::Hole(String::new()));
                    return;
                }
                let written = self.span(a, b);
                match simple_name(written) {
                    Some(name) => out.extend(self.value_of(&name, a, depth)),
                    None => out.push(Piece::Hole(String::new())),
                }
            }
        }
    }

    /// The pieces of a named value (or an interpolated expression), or a hole.
    fn value_of(&self, expr: &str, at: usize, depth: u8) -> Vec<Piece> {
        if depth < MAX_DEPTH {
            if let Some(name) = simple_name(expr) {
                if let Some((a, b)) = self.lookup(&name, at) {
                    let v = self.eval(a, b, depth + 1);
                    if v.iter().any(|p| matches!(p, Piece::Text(_))) {
                        return v;
                    }
                }
                return vec![Piece::Hole(name)];
            }
        }
        vec![Piece::Hole(String::new())]
    }

    /// The member chain of a callee ending at token `e` (the token before `(`), as segments, with
    /// the index of its first token.
    fn callee(&self, e: usize) -> Option<(Vec<&'s str>, usize)> {
        let mut e = e;
        let mut macro_bang = false;
        if self.lang == Language::Rust && self.is(e, "!") && e >= 1 {
            e -= 1;
            macro_bang = true;
        }
        if !self.l.is_ident(e) {
            return None;
        }
        let mut segs = vec![self.text(e)];
        let mut j = e;
        while j >= 2 && self.is_member_op(j - 1) {
            if self.l.is_ident(j - 2) {
                j -= 2;
                segs.push(self.text(j));
            } else if self.is(j - 2, ")") {
                // `a.b(…).c(` — keep the segment before the call.
                let o = self.l.matching[j - 2];
                if o == NONE || o == 0 {
                    break;
                }
                j = self.callee_end(o as usize);
                if !self.l.is_ident(j) {
                    break;
                }
                segs.push(self.text(j));
            } else {
                break;
            }
        }
        if self.lang == Language::Ruby && j >= 1 && self.is(j - 1, "@") {
            j -= 1;
        }
        segs.reverse();
        if macro_bang {
            if let Some(last) = segs.last_mut() {
                if *last == "format" {
                    *last = "format!";
                }
            }
        }
        Some((segs, j))
    }

    /// How the expression at tokens `a..b` is used.
    fn uses(&self, a: usize, b: usize, depth: u8) -> Vec<Use> {
        if a == 0 || depth > MAX_DEPTH + 2 {
            return vec![Use::default()];
        }
        let prev = a - 1;
        let ptext = self.text(prev);
        let pkind = self.l.toks[prev].kind;
        if pkind == Kind::Punct {
            match ptext {
                "(" => return vec![self.call_use(prev, a, b, depth)],
                "," => {
                    return match self.open_of(prev) {
                        Some(o) if self.is(o, "(") => vec![self.call_use(o, a, b, depth)],
                        Some(o) => self.uses(o, self.close_of(o) + 1, depth + 1),
                        None => vec![Use::default()],
                    }
                }
                ":" | "=>" | "=" if prev >= 1 => {
                    let key_tok = prev - 1;
                    let key = match self.l.toks[key_tok].kind {
                        Kind::Ident => Some(self.text(key_tok).to_owned()),
                        Kind::Str(_) => self.l.str_at(key_tok).map(|s| s.text().into_owned()),
                        _ => None,
                    };
                    let open = self.open_of(prev);
                    let keyed = match (ptext, open) {
                        (":" | "=>", Some(o)) => matches!(self.text(o), "{" | "(" | "["),
                        ("=", Some(o)) => self.is(o, "("),
                        _ => false,
                    };
                    if let (Some(key), Some(open), true) = (key.as_deref(), open, keyed) {
                        if BASE_KEYS.contains(&key) {
                            return vec![Use { not_a_call: true, ..Use::default() }];
                        }
                        let close = self.close_of(open);
                        let method = self.method_in(open + 1, close, (a, b));
                        if self.is(open, "(") {
                            // A keyword argument: `requests.request(url=…, method=…)`.
                            let mut u = self.call_use(open, a, b, depth);
                            u.method = u.method.or(method);
                            return vec![u];
                        }
                        if URL_KEYS.contains(&key) || method.is_some() {
                            let mut outer = self.uses(open, close + 1, depth + 1);
                            for u in &mut outer {
                                if method.is_some() {
                                    u.method = method;
                                    u.http = true;
                                }
                            }
                            return outer;
                        }
                        return vec![Use::default()];
                    }
                    if ptext == "=" {
                        return self.assignment_uses(prev, a, b, depth);
                    }
                }
                "=" | ":=" | "||=" => return self.assignment_uses(prev, a, b, depth),
                _ => {}
            }
        }
        if pkind == Kind::Ident
            && matches!(ptext, "echo" | "print" | "puts")
            && self.l.toks[prev].line == self.l.toks[a].line
        {
            // Printed without parentheses (`echo '…';`, `puts "…"`): text, not a request.
            return vec![Use { not_a_call: true, ..Use::default() }];
        }
        if pkind == Kind::Ident && self.lang == Language::Ruby && self.l.toks[prev].line == self.l.toks[a].line {
            // A call without parentheses: `conn.get "/v3/…"`.
            if !matches!(ptext, "return" | "if" | "unless" | "when" | "and" | "or" | "puts" | "raise") {
                return vec![self.callee_use(prev, None, a, b, depth)];
            }
        }
        vec![Use::default()]
    }

    /// Uses of a variable assigned the expression: each later call it is passed to.
    fn assignment_uses(&self, eq: usize, a: usize, b: usize, depth: u8) -> Vec<Use> {
        if eq == 0 || !self.l.is_ident(eq - 1) {
            return vec![Use::default()];
        }
        // `name: Type = value`
        let line = self.l.toks[eq].line;
        let name_tok = if eq >= 3 && self.is(eq - 2, ":") && self.l.is_ident(eq - 3) && self.l.toks[eq - 3].line == line
        {
            eq - 3
        } else {
            eq - 1
        };
        let name = self.text(name_tok);
        // A base URL is joined to paths, unless it is the whole URL of a call (`fetch(BASE_URL, …)`,
        // where it holds a complete path: a bare base is dropped as one later).
        let base = BASE_KEYS.contains(&norm_name(name));
        let member = name_tok >= 1 && self.is_member_op(name_tok - 1);
        let last_line = self.l.toks[a].line + FLOW_LINES;
        let mut out: Vec<Use> = Vec::new();
        let mut i = b;
        while i < self.n() && self.l.toks[i].line <= last_line && out.len() < 8 {
            if self.l.is_ident(i) && norm_name(self.text(i)) == norm_name(name) {
                let is_member = i >= 1 && self.is_member_op(i - 1);
                if member == is_member {
                    if self.is(i + 1, "=") && !member {
                        break; // reassigned
                    }
                    // The expression the variable is used in.
                    let s = self.operand_start(i).unwrap_or(i);
                    let (ua, ub) = {
                        let (x, y) = self.expand(i);
                        (x.min(s), y)
                    };
                    if ua > 0 && !self.is(ua - 1, "=") && (!base || (ua == s && ub == i + 1)) {
                        let mut found = self.uses(ua, ub, depth + 1);
                        found.retain(|u| u.http || u.method.is_some());
                        out.extend(found);
                    }
                    i = ub.max(i + 1);
                    continue;
                }
            }
            i += 1;
        }
        out.sort_by_key(|u| (u.method, u.receiver.clone()));
        out.dedup();
        if out.is_empty() && base {
            return vec![Use { not_a_call: true, ..Use::default() }];
        }
        if out.is_empty() {
            out.push(Use::default());
        }
        out
    }

    /// The use of an expression passed to the call whose `(` is `open`.
    fn call_use(&self, open: usize, a: usize, b: usize, depth: u8) -> Use {
        if open == 0 {
            return Use::default();
        }
        self.callee_use(self.callee_end(open), Some(open), a, b, depth)
    }

    /// The last token of the callee of the call whose `(` is `open`: the token before it, or
    /// before the type arguments in languages that take them at call sites (`get<Product[]>(`,
    /// `GetAsync<T>(`, `get::<T>(`).
    fn callee_end(&self, open: usize) -> usize {
        let e = open.saturating_sub(1);
        if !matches!(self.lang, Language::TypeScript | Language::Java | Language::CSharp | Language::Rust)
            || !matches!(self.text(e), ">" | ">>")
        {
            return e;
        }
        // A balanced `<…>` of type-like tokens on the call's line and in its brackets: a
        // comparison (`a < b && c > (d)`) has an operator no type has, or unbalanced angles.
        let line = self.l.toks[e].line;
        let group = self.open_of(open);
        let mut depth = 0i32;
        let mut j = e;
        loop {
            if e - j > 48 || self.l.toks[j].line != line {
                return e;
            }
            match self.l.toks[j].kind {
                Kind::Punct => match self.text(j) {
                    ">" => depth += 1,
                    ">>" => depth += 2,
                    "<" => depth -= 1,
                    "." | "," | "[" | "]" | "(" | ")" | "{" | "}" | "|" | "&" | "?" | ":" | "::" | ";" | "=>" => {}
                    _ => return e,
                },
                Kind::Ident | Kind::Str(_) | Kind::Num => {}
            }
            if depth == 0 {
                break;
            }
            if j == 0 {
                return e;
            }
            j -= 1;
        }
        if depth != 0 || j == 0 || self.open_of(j) != group {
            return e;
        }
        let mut c = j - 1;
        if self.lang == Language::Rust && self.is(c, "::") && c >= 1 {
            c -= 1;
        }
        if self.l.is_ident(c) {
            c
        } else {
            e
        }
    }

    /// The use of an expression passed to the callee ending at token `ce`; `open` is the call's
    /// `(` (none for a Ruby call without parentheses).
    fn callee_use(&self, ce: usize, open: Option<usize>, a: usize, b: usize, depth: u8) -> Use {
        let Some((segs, start)) = self.callee(ce) else {
            // `(…)` not after a name: a grouping, or `fetch` through a variable.
            return match open {
                Some(o) => {
                    let close = self.close_of(o);
                    if close + 1 < self.n() && self.is(close + 1, "(") {
                        Use::default()
                    } else {
                        self.uses(o, close + 1, depth + 1).into_iter().next().unwrap_or_default()
                    }
                }
                None => Use::default(),
            };
        };
        let last = *segs.last().expect("a callee has a name");
        let receiver = (segs.len() >= 2).then(|| norm_name(segs[segs.len() - 2]).to_owned());
        // Only a call without parentheses needs the end of its expression (a scan).
        let close = open.map_or_else(|| self.expr_end(a), |o| self.close_of(o));
        let decorated = start >= 1 && self.is(start - 1, "@") && self.lang != Language::Ruby;
        if decorated || receiver.as_deref().is_some_and(|r| ROUTE_RECEIVERS.contains(&r)) {
            return Use { not_a_call: true, ..Use::default() };
        }
        if self.lang == Language::Ruby && segs.len() == 1 && method_from_name(last).is_some() && open.is_none() {
            // Sinatra / Rails route definitions: `get '/orders' do`.
            return Use { not_a_call: true, ..Use::default() };
        }
        if BASE_SETTERS.contains(&last) || prints(&segs) {
            return Use { not_a_call: true, ..Use::default() };
        }
        let new_class = start >= 1 && self.text(start - 1) == "new";
        // Pass-through: the call's value is the URL; its own use decides.
        if PASS_THROUGH.contains(&last) || (new_class && matches!(last, "URL" | "Uri" | "URI")) {
            let call_start = if new_class { start - 1 } else { start };
            let mut outer = self.uses(call_start, close + 1, depth + 1);
            // `new URL(path, base)`, `urljoin(base, path)`, `URI.join(base, path)`.
            if let Some(o) = open {
                let args = self.args(o);
                let pos = args.iter().position(|r| r.0 <= a && b <= r.1);
                let other = match (last, pos) {
                    ("URL", Some(0)) => args.get(1),
                    ("urljoin" | "join", Some(1)) => args.first(),
                    _ => None,
                };
                if let Some(&(x, y)) = other {
                    let base = self.eval(x, y, 0);
                    for u in &mut outer {
                        u.base = Some(base.clone());
                    }
                }
            }
            // Builders: `Request.Builder().url(u).put(body)`, `HttpRequest.newBuilder().uri(…).PUT(…)`.
            return outer.into_iter().next().unwrap_or_default();
        }
        if matches!(last, "url" | "uri") && segs.len() >= 2 {
            let method = self.chain_method(close + 1);
            return Use { method, http: method.is_some(), ..Use::default() };
        }
        let mut method = None;
        // `Net::HTTP::Post.new(uri)`, `new HttpPut(url)`
        if last == "new" && segs.len() >= 2 {
            method = method_from_name(segs[segs.len() - 2]);
        } else if new_class {
            method = last.strip_prefix("Http").and_then(method_from_name);
        } else if segs.len() >= 2 || self.lang != Language::Ruby {
            method = method_from_name(last);
        }
        let mut http = method.is_some();
        if method.is_none() {
            if let Some(o) = open {
                method = self.method_in(o + 1, close, (a, b));
            }
            http = method.is_some();
            if last == "curl_init" {
                method = Some(self.curl_method(close).unwrap_or(Method::Get));
                http = true;
            } else if method.is_none() && GET_BY_DEFAULT.contains(&last) {
                http = true;
                let others: Vec<(usize, usize)> = open
                    .map(|o| self.args(o))
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|r| !(r.0 <= a && b <= r.1))
                    .collect();
                // Options given through a variable or a call: the method cannot be known.
                let opaque = others.iter().any(|&(x, _)| !self.is(x, "{") && !self.is(x, "["));
                if !opaque {
                    method = Some(Method::Get);
                }
            } else if matches!(
                last,
                "request"
                    | "Request"
                    | "NewRequest"
                    | "NewRequestWithContext"
                    | "send"
                    | "SendAsync"
                    | "exchange"
                    | "run_request"
                    | "call"
            ) {
                http = true;
            }
        }
        // `conn.v2.get('/store')`: a `v2` or `v3` member right before the verb is the version.
        let version = match receiver.as_deref() {
            Some("v2") if method_from_name(last).is_some() => Some("v2"),
            Some("v3") if method_from_name(last).is_some() => Some("v3"),
            _ => None,
        };
        Use { method, receiver, base: None, version, http, not_a_call: false }
    }

    /// The argument ranges of the call whose `(` is `open`.
    fn args(&self, open: usize) -> Vec<(usize, usize)> {
        let close = self.close_of(open);
        let mut out = Vec::new();
        let mut s = open + 1;
        let mut i = open + 1;
        while i < close {
            if self.is(i, ",") && self.open_of(i) == Some(open) {
                out.push((s, i));
                s = i + 1;
            }
            i += 1;
        }
        if s < close {
            out.push((s, close));
        }
        out
    }

    /// A method named among tokens `a..b` (a call's arguments or an options object), outside
    /// `skip`: a string argument that is a method, `method: 'PUT'` keys, `http.MethodPut`,
    /// `HttpMethod.Put`, `:put`, or the same inside an options variable.
    fn method_in(&self, a: usize, b: usize, skip: (usize, usize)) -> Option<Method> {
        let group = self.open_of(a);
        let mut i = a;
        while i < b {
            if skip.0 <= i && i < skip.1 {
                i = skip.1;
                continue;
            }
            let standalone = self.open_of(i) == group;
            match self.l.toks[i].kind {
                Kind::Str(_) => {
                    let s = self.l.str_at(i).expect("a string").text();
                    if METHOD_KEYS.contains(&s.as_ref()) && matches!(self.text(i + 1), ":" | "=>") {
                        if let Some(m) = self.value_method(i + 2) {
                            return Some(m);
                        }
                    }
                    let arg = (self.is(i.wrapping_sub(1), "(") || self.is(i.wrapping_sub(1), ","))
                        && (self.is(i + 1, ")") || self.is(i + 1, ","));
                    if standalone && arg {
                        if let Some(m) = method_from_str(&s) {
                            return Some(m);
                        }
                    }
                }
                Kind::Ident => {
                    let t = self.text(i);
                    if METHOD_KEYS.contains(&norm_name(t))
                        && matches!(self.text(i + 1), ":" | "=>" | "=")
                        && !self.is_member_op(i.wrapping_sub(1))
                    {
                        if let Some(m) = self.value_method(i + 2) {
                            return Some(m);
                        }
                    }
                    // `http.MethodPut`, `HttpMethod.PUT`, `Method::PUT`, `Net::HTTP::Put`
                    if i >= 2 && self.is_member_op(i - 1) && self.l.is_ident(i - 2) {
                        let owner = self.text(i - 2);
                        if owner.to_ascii_lowercase().contains("method") || t.starts_with("Method") || owner == "HTTP" {
                            if let Some(m) = method_from_name(t) {
                                return Some(m);
                            }
                        }
                    }
                    // An options variable: `fetch(url, opts)`.
                    let arg = (self.is(i.wrapping_sub(1), "(") || self.is(i.wrapping_sub(1), ","))
                        && (self.is(i + 1, ")") || self.is(i + 1, ","));
                    if arg && standalone {
                        if let Some((x, y)) = self.lookup(t, i) {
                            if y - x < 200 {
                                if let Some(m) = self.method_in_object(x, y) {
                                    return Some(m);
                                }
                            }
                        }
                    }
                }
                Kind::Punct if self.is(i, ":") && self.lang == Language::Ruby => {
                    // `:put` as an argument
                    let arg = self.is(i.wrapping_sub(1), "(") || self.is(i.wrapping_sub(1), ",");
                    if arg && self.l.is_ident(i + 1) {
                        if let Some(m) = method_from_name(self.text(i + 1)) {
                            if self.text(i + 1).chars().all(|c| c.is_ascii_lowercase()) {
                                return Some(m);
                            }
                        }
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// `method:` keys inside an options object held in a variable.
    fn method_in_object(&self, a: usize, b: usize) -> Option<Method> {
        (a..b.saturating_sub(2)).find_map(|i| {
            let key = match self.l.toks[i].kind {
                Kind::Ident => Cow::Borrowed(self.text(i)),
                Kind::Str(_) => self.l.str_at(i)?.text(),
                _ => return None,
            };
            (METHOD_KEYS.contains(&key.as_ref()) && matches!(self.text(i + 1), ":" | "=>" | "="))
                .then(|| self.value_method(i + 2))
                .flatten()
        })
    }

    /// The method given as a value at token `i`: `'PUT'`, `:put`, `http.MethodPut`, `"post"`.
    fn value_method(&self, i: usize) -> Option<Method> {
        if i >= self.n() {
            return None;
        }
        match self.l.toks[i].kind {
            Kind::Str(_) => method_from_str(&self.l.str_at(i)?.text()),
            Kind::Ident => {
                let mut j = i;
                while self.is_member_op(j + 1) && self.l.is_ident(j + 2) {
                    j += 2;
                }
                let t = self.text(j);
                if j == i && !t.chars().all(|c| c.is_ascii_uppercase()) {
                    // A variable holding the method: unknown.
                    return None;
                }
                method_from_name(t)
            }
            Kind::Punct if self.is(i, ":") => {
                self.l.is_ident(i + 1).then(|| method_from_name(self.text(i + 1))).flatten()
            }
            _ => None,
        }
    }

    /// A method named later in a builder chain: `.put(body)`, `.PUT(…)`, `.method("PATCH", …)`.
    fn chain_method(&self, mut i: usize) -> Option<Method> {
        for _ in 0..8 {
            if !(self.is_member_op(i) && self.l.is_ident(i + 1) && self.is(i + 2, "(")) {
                return None;
            }
            let name = self.text(i + 1);
            if let Some(m) = method_from_name(name) {
                return Some(m);
            }
            if name == "method" {
                return self.l.str_at(i + 3).and_then(|s| method_from_str(&s.text()));
            }
            i = self.close_of(i + 2) + 1;
        }
        None
    }

    /// PHP curl: `CURLOPT_CUSTOMREQUEST, 'PUT'` or `CURLOPT_POST` in the next lines.
    fn curl_method(&self, from: usize) -> Option<Method> {
        let last_line = self.l.toks.get(from)?.line + 30;
        let mut i = from;
        while i < self.n() && self.l.toks[i].line <= last_line {
            match self.text(i) {
                "CURLOPT_CUSTOMREQUEST" => {
                    return self.l.str_at(i + 2).and_then(|s| method_from_str(&s.text()));
                }
                "CURLOPT_POST" => return Some(Method::Post),
                "CURLOPT_PUT" => return Some(Method::Put),
                "curl_init" => return None,
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// Every call of the file.
    fn run(&self) -> Vec<RawCall> {
        let mut out = Vec::new();
        let mut consumed = vec![false; self.n()];
        for k in self.l.string_tokens() {
            let Some(s) = self.l.str_at(k) else { continue };
            if consumed[k] {
                continue;
            }
            // Most literals have no `/` and are not passed to a client with a base URL: no
            // allocation for them.
            let slash = s.parts.iter().any(|p| matches!(p, Part::Text(t) if t.contains('/')));
            if !slash && !self.client_arg(k, s) {
                continue;
            }
            let text = s.text();
            if !anchor(&text) && !self.client_arg(k, s) {
                continue;
            }
            let (a, b) = self.expand(k);
            for c in consumed.iter_mut().take(b).skip(a) {
                *c = true;
            }
            let mut pieces = self.eval(a, b, 0);
            self.format_base(a, b, &mut pieces);
            let uses = self.uses(a, b, 0);
            let written = self.written(a, b);
            let (line, column) = self.position(k);
            let mut seen: Vec<(Option<Method>, String)> = Vec::new();
            for u in uses {
                if u.not_a_call {
                    continue;
                }
                // Only a path without a version asks for the client's base URL.
                let client_base =
                    || u.base.clone().or_else(|| u.receiver.as_ref().and_then(|r| self.clients().get(r).cloned()));
                let http = u.http || u.method.is_some();
                let Some((target, notes)) = to_target(&pieces, &client_base, u.version, self.ctx, http) else {
                    continue;
                };
                if seen.iter().any(|(m, t)| *m == u.method && *t == target) {
                    continue;
                }
                seen.push((u.method, target.clone()));
                out.push(RawCall { line, column, method: u.method, written: written.clone(), target, notes });
            }
        }
        out
    }

    /// A relative path without a slash (`"customers"`) passed to a client with a known base URL:
    /// the first argument of a verb (`client.get("customers")`), or the second of a request with
    /// the method first (`$client->request('GET', "customers")`).
    fn client_arg(&self, k: usize, s: StrLit<'_, 's>) -> bool {
        // The tests on tokens first, then the text, then the callee, then the clients (a pass of
        // their own): most literals are not the argument of a method call.
        if k < 2 {
            return false;
        }
        let after_method = k >= 4
            && self.is(k - 1, ",")
            && self.is(k - 3, "(")
            && self.l.str_at(k - 2).is_some_and(|m| method_from_str(&m.text()).is_some());
        if !(self.is(k - 1, "(") || after_method || (self.lang == Language::Ruby && self.l.is_ident(k - 1))) {
            return false;
        }
        let ce = if after_method {
            self.callee_end(k - 3)
        } else if self.is(k - 1, "(") {
            self.callee_end(k - 1)
        } else {
            k - 1
        };
        // A callee of two segments or more ends with `.name` (or `.name!` in Rust).
        let e = if self.lang == Language::Rust && self.is(ce, "!") { ce.wrapping_sub(1) } else { ce };
        if !(e >= 2 && self.l.is_ident(e) && self.is_member_op(e - 1)) {
            return false;
        }
        // The text without its interpolations (not joined: that would allocate) starts with a
        // lower-case letter and has no white space.
        let mut texts = s.parts.iter().filter_map(|p| match p {
            Part::Text(t) => Some(t.as_ref()),
            Part::Hole(_) => None,
        });
        let first = texts.clone().find(|t| !t.is_empty()).map(|t| t.as_bytes()[0]);
        if !first.is_some_and(|c| c.is_ascii_lowercase()) || texts.any(|t| t.contains(char::is_whitespace)) {
            return false;
        }
        match self.callee(ce) {
            Some((segs, _)) if segs.len() >= 2 => {
                let verb = segs[segs.len() - 1];
                let sends = if after_method {
                    matches!(verb, "request" | "requestAsync" | "run_request")
                } else {
                    method_from_name(verb).is_some()
                };
                sends && self.clients().contains_key(norm_name(segs[segs.len() - 2]))
            }
            _ => false,
        }
    }

    /// `Sprintf("%s/pricelists/%d", base, id)`: the leading placeholder of a format string is its
    /// first argument.
    fn format_base(&self, a: usize, b: usize, pieces: &mut Vec<Piece>) {
        let Some(Piece::Text(first)) = pieces.first() else { return };
        let Some(rest) = ["%s", "%v", "{}", "{0}"].iter().find_map(|p| first.strip_prefix(p)) else { return };
        if a < 2 || !self.is(a - 1, "(") || !self.is(b, ",") {
            return;
        }
        let Some((segs, _)) = self.callee(a - 2) else { return };
        if !matches!(segs.last().copied(), Some("Sprintf" | "sprintf" | "format" | "Format" | "format!")) {
            return;
        }
        let args = self.args(a - 1);
        let Some(&(x, y)) = args.get(1) else { return };
        let mut base = self.eval(x, y, 0);
        if !base.iter().any(|p| matches!(p, Piece::Text(_))) {
            return;
        }
        base.push(Piece::Text(rest.to_owned()));
        base.extend(pieces.drain(1..));
        *pieces = base;
    }

    /// The expression as written, white space collapsed.
    fn written(&self, a: usize, b: usize) -> String {
        let raw = self.span(a, b);
        let mut s = String::new();
        let mut space = false;
        for c in raw.chars() {
            if c.is_whitespace() {
                space = true;
                continue;
            }
            if space && !s.is_empty() {
                s.push(' ');
            }
            space = false;
            if s.chars().count() >= MAX_SHOWN {
                s.push('…');
                break;
            }
            s.push(c);
        }
        s
    }

    /// Line and 1-based character column of token `k`.
    fn position(&self, k: usize) -> (u32, u32) {
        let Some(t) = self.l.toks.get(k) else { return (1, 1) };
        let before = self.l.src.get(..t.start as usize).unwrap_or("");
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        (t.line, before[line_start..].chars().count() as u32 + 1)
    }
}

/// Whether a literal can carry the path of a call.
fn anchor(text: &str) -> bool {
    if text.len() < 2 || text.len() > 2048 || text.contains(char::is_whitespace) {
        return false;
    }
    text.contains('/') && text.bytes().any(|c| c.is_ascii_alphabetic())
}

/// `%s`, `%d`, `{0}`, `{name}`, `:id`, `${id}` inside literal text become holes.
fn split_placeholders(pieces: &[Piece]) -> Vec<Piece> {
    static RE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"%[-+ 0#]*[0-9]*(?:\.[0-9]+)?[sdiuvfqx]|\{[A-Za-z0-9_.:]*\}|\$\{[^}]*\}|/:[A-Za-z_][A-Za-z0-9_]*",
        )
        .expect("valid regex")
    });
    let mut out = Vec::new();
    for p in pieces {
        match p {
            Piece::Text(t) => {
                let mut last = 0;
                for m in RE.find_iter(t) {
                    // `https://` is not a placeholder; `{{…}}` is an escaped brace.
                    if m.as_str().starts_with("{{") {
                        continue;
                    }
                    let mut s = m.start();
                    if m.as_str().starts_with("/:") {
                        s += 1;
                    }
                    if s > last {
                        out.push(Piece::Text(t[last..s].to_owned()));
                    }
                    out.push(Piece::Hole(String::new()));
                    last = m.end();
                }
                if last < t.len() {
                    out.push(Piece::Text(t[last..].to_owned()));
                }
            }
            h => out.push(h.clone()),
        }
    }
    out
}

/// Render pieces as a target: holes in the host become a store domain, other holes the
/// placeholder value; leading holes before a path are an unknown base (dropped); a hole glued to
/// the end of a word at the very end (`'/v3/orders' + query`) is dropped.
fn render(pieces: &[Piece]) -> (String, bool) {
    let pieces = split_placeholders(pieces);
    let mut out = String::new();
    let mut dropped_base = false;
    for (i, p) in pieces.iter().enumerate() {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Hole(_) => {
                let next_text = pieces[i + 1..].iter().find_map(|p| match p {
                    Piece::Text(t) => Some(t.as_str()),
                    _ => None,
                });
                if out.is_empty() {
                    match next_text {
                        Some(t) if t.starts_with('/') || t.starts_with('?') => {
                            dropped_base = true;
                            continue;
                        }
                        Some(t) if t.starts_with('.') => out.push_str("https://store"),
                        _ => out.push_str(PLACEHOLDER),
                    }
                    continue;
                }
                // `https://api.bigcommerce.com/` + context + `/v3/…`: the one segment between the
                // host and the version can only be the OAuth `context`, `stores/{store_hash}`.
                let after_api = out.eq_ignore_ascii_case(API_ROOT);
                let versioned_next = matches!(pieces.get(i + 1), Some(Piece::Text(t))
                    if t.starts_with("/v2/") || t.starts_with("/v3/"));
                if after_api && versioned_next {
                    out.push_str("stores/");
                    out.push_str(PLACEHOLDER);
                    continue;
                }
                let in_host = out.find("://").is_some_and(|p| !out[p + 3..].contains('/'));
                if in_host {
                    if out.ends_with("://") && next_text.is_none_or(|t| t.starts_with('/') || t.starts_with(':')) {
                        out.push_str("store.example.com");
                    } else {
                        out.push('x');
                    }
                    continue;
                }
                let glued = out.ends_with(|c: char| c.is_ascii_alphanumeric());
                let trailing = pieces[i + 1..].iter().all(|p| matches!(p, Piece::Hole(_)));
                if glued && trailing {
                    continue;
                }
                if !out.ends_with(PLACEHOLDER) || !glued {
                    out.push_str(PLACEHOLDER);
                }
            }
        }
    }
    (out, dropped_base)
}

/// Whether `path` (no host) starts like a BigCommerce API path.
fn versioned(path: &str) -> bool {
    ["/stores/", "/v2/", "/v3/", "/api/v2/", "/api/storefront/", "/customer/current.jwt", "/login/token/", "/accounts/"]
        .iter()
        .any(|p| path.starts_with(p))
        || path == "/graphql"
        || path.starts_with("/graphql?")
}

/// A base URL rather than a call: a host, a store prefix, a version prefix.
fn base_only(path: &str) -> bool {
    let p = path.split(['?', '#']).next().unwrap_or("").trim_end_matches('/');
    let segs: Vec<&str> = p.split('/').filter(|s| !s.is_empty()).collect();
    matches!(
        segs.as_slice(),
        [] | ["stores"]
            | ["stores", _]
            | ["stores", _, "v2" | "v3"]
            | ["v2" | "v3"]
            | ["api"]
            | ["api", "v2" | "storefront"]
    )
}

/// The root segment after `/v3/` or `/v2/` of a bare or store path, and whether it is documented.
fn known_root(path: &str) -> bool {
    let segs: Vec<&str> = path.split(['?', '#']).next().unwrap_or("").split('/').filter(|s| !s.is_empty()).collect();
    let (ver, root) = match segs.as_slice() {
        ["stores", _, v, r, ..] | [v, r, ..] => (*v, *r),
        _ => return true,
    };
    let root = root.trim_end_matches(".json");
    match ver {
        "v3" => ROOTS.0.contains(root),
        "v2" => ROOTS.1.contains(root),
        _ => true,
    }
}

/// Split a URL into host (lower case, empty for a path) and path.
fn split_url(s: &str) -> Option<(String, &str)> {
    if let Some(rest) =
        s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")).or_else(|| s.strip_prefix("//"))
    {
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        return Some((rest[..end].to_ascii_lowercase(), &rest[end..]));
    }
    if s.contains("://") {
        return None;
    }
    Some((String::new(), s))
}

/// The base URL of a client of the gateway's API `version` (`v2`, `v3`).
fn gateway_base(version: &str) -> Vec<Piece> {
    vec![Piece::Text(format!("https://api.bigcommerce.com/stores/{PLACEHOLDER}/{version}"))]
}

/// Whether an identifier names BigCommerce (`BigCommerce`, `bigcommerceClient`, `getBigCommerceApi`).
fn names_bigcommerce(t: &str) -> bool {
    t.as_bytes().windows(11).any(|w| w.eq_ignore_ascii_case(b"bigcommerce"))
}

/// Decide whether pieces make a BigCommerce call, and the target to resolve. `client_base` gives
/// the base URL of the client the call is sent through, if known; it is asked only for a path
/// without a version (finding clients is a pass over the file).
fn to_target(
    pieces: &[Piece],
    client_base: &dyn Fn() -> Option<Vec<Piece>>,
    version: Option<&str>,
    ctx: &FileContext,
    http: bool,
) -> Option<(String, Vec<String>)> {
    let (rendered, dropped_base) = render(pieces);
    let mut notes = Vec::new();
    // A base URL ending in `/` joined to a path starting with `/`: the resolver refuses `//`, but
    // the call still needs its scope, so the check reads it as one slash and says so.
    let rendered = match single_slashes(&rendered) {
        Some(fixed) => {
            notes.push(
                "`//` in the path read as `/` (a base URL ending in `/` joined to a path starting with `/`?)"
                    .to_owned(),
            );
            fixed
        }
        None => rendered,
    };
    let (host, path) = split_url(&rendered)?;
    if !host.is_empty() {
        let bc =
            host == "api.bigcommerce.com" || host == "payments.bigcommerce.com" || host.ends_with(".mybigcommerce.com");
        let store_path = ["/api/storefront/", "/api/v2/", "/customer/current.jwt", "/login/token/"]
            .iter()
            .any(|p| path.starts_with(p))
            || (ctx.strong && (path == "/graphql" || path.starts_with("/graphql?")));
        if (!bc && !store_path) || base_only(path) {
            return None;
        }
        if host == "api.bigcommerce.com" && !path.starts_with("/stores/") && !path.starts_with("/accounts/") {
            return None;
        }
        return Some((rendered, notes));
    }
    let path = if !path.starts_with('/') && ["v2/", "v3/", "stores/", "api/"].iter().any(|p| path.starts_with(p)) {
        format!("/{path}")
    } else {
        path.to_owned()
    };
    if versioned(&path) {
        if base_only(&path) || !(known_root(&path) || (http && ctx.strong)) {
            return None;
        }
        return Some((path, notes));
    }
    // A path without its version: join it to the client's base URL, the configured one, or (for
    // a documented root) assume the version.
    let client_base = client_base();
    let looks_like_path = path.starts_with('/') || client_base.is_some();
    if !looks_like_path {
        return None;
    }
    let join = |base: &str| format!("{}/{}", base.trim_end_matches('/'), path.trim_start_matches('/'));
    if let Some(b) = &client_base {
        let (base, _) = render(b);
        if let Some((h, p)) = split_url(&base) {
            let is_bc = h.is_empty() || h.ends_with("bigcommerce.com");
            if is_bc && (p.ends_with("/v3") || p.ends_with("/v2") || p.ends_with("/v3/") || p.ends_with("/v2/")) {
                let joined = join(&base);
                return to_target(&[Piece::Text(joined)], &|| None, None, ctx, http).map(|(t, mut n)| {
                    n.insert(0, "path joined to the client's base URL".to_owned());
                    (t, n)
                });
            }
            if !is_bc {
                return None;
            }
        }
    }
    let first = path.trim_start_matches('/').split(['/', '?']).next().unwrap_or("").trim_end_matches(".json");
    let in_v3 = ROOTS.0.contains(first);
    let in_v2 = ROOTS.1.contains(first);
    if !((http || dropped_base) && ctx.strong) || first.is_empty() {
        return None;
    }
    if let Some(v) = version {
        return to_target(&[Piece::Text(format!("/{v}{path}"))], &|| None, None, ctx, http).map(|(t, mut n)| {
            n.insert(0, format!("the path has no version prefix: /{v} from the `.{v}` member it is sent through"));
            (t, n)
        });
    }
    if let Some(base) = &ctx.base_url {
        notes.push(format!("path joined to `[client] base_url` of bc-scopes.toml ({base})"));
        let (b, _) = render(&[Piece::Text(base.clone())]);
        return to_target(&[Piece::Text(join(&b))], &|| None, None, ctx, http).map(|(t, mut n)| {
            n.splice(0..0, notes);
            (t, n)
        });
    }
    // Both versions have the root (`/orders`): the one that documents the whole path, v3 if both do.
    let version = if in_v3 && (!in_v2 || names_route(&format!("/v3{path}")) || !names_route(&format!("/v2{path}"))) {
        "v3"
    } else if in_v2 {
        "v2"
    } else {
        return None;
    };
    notes.push(format!(
        "the path has no version prefix and no base URL was found: /{version} assumed (set `[client] base_url` in bc-scopes.toml)"
    ));
    Some((format!("/{version}{path}"), notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calls(src: &str, lang: Language) -> Vec<(Option<&'static str>, String)> {
        extract(src, lang, &FileContext { base_url: None, strong: true })
            .into_iter()
            .map(|c| (c.method.map(Method::as_str), c.target))
            .collect()
    }

    fn one(m: Option<&'static str>, t: &str) -> Vec<(Option<&'static str>, String)> {
        vec![(m, t.to_owned())]
    }

    #[test]
    fn method_names() {
        assert_eq!(method_from_name("PostAsync"), Some(Method::Post));
        assert_eq!(method_from_name("getForObject"), Some(Method::Get));
        assert_eq!(method_from_name("MethodPut"), Some(Method::Put));
        assert_eq!(method_from_name("getProducts"), None);
        assert_eq!(method_from_name("delete"), Some(Method::Delete));
    }

    #[test]
    fn js_fetch_axios_and_templates() {
        let src = r#"
const BASE = `https://api.bigcommerce.com/stores/${process.env.STORE_HASH}/v3`;
await fetch(`${BASE}/catalog/products/${id}`, { method: 'PUT', body });
const r = await axios.post(BASE + '/catalog/products/' + id + '/variants', v);
fetch('/api/storefront/carts');
"#;
        assert_eq!(
            calls(src, Language::TypeScript),
            [
                (Some("PUT"), "https://api.bigcommerce.com/stores/1/v3/catalog/products/1".to_owned()),
                (Some("POST"), "https://api.bigcommerce.com/stores/1/v3/catalog/products/1/variants".to_owned()),
                (Some("GET"), "/api/storefront/carts".to_owned()),
            ]
        );
    }

    #[test]
    fn doubled_slashes_from_joining_are_read_as_one() {
        let src = r#"
const BASE = `https://api.bigcommerce.com/stores/${storeHash}/`;
await fetch(BASE + '/v3/catalog/products', { headers });
await fetch(`${BASE}/v3/orders/${id}/transactions?q=a//b`);
await got('/v3//customers');
"#;
        assert_eq!(
            calls(src, Language::JavaScript),
            [
                (Some("GET"), "https://api.bigcommerce.com/stores/1/v3/catalog/products".to_owned()),
                (Some("GET"), "https://api.bigcommerce.com/stores/1/v3/orders/1/transactions?q=a//b".to_owned()),
                (Some("GET"), "/v3/customers".to_owned()),
            ]
        );
        let ctx = FileContext { base_url: None, strong: true };
        let found = extract(src, Language::JavaScript, &ctx);
        assert!(found.iter().all(|c| c.notes.iter().any(|n| n.contains("`//` in the path read as `/`"))), "{found:?}");
        assert_eq!(single_slashes("https://api.bigcommerce.com/stores/x/v3/a"), None);
        assert_eq!(single_slashes("https://h//x?y//z#//").as_deref(), Some("https://h/x?y//z#//"));
        assert_eq!(single_slashes("https://api.bigcommerce.com/stores//v3/a"), None);
        assert_eq!(
            single_slashes("https://api.bigcommerce.com/stores//v3//a").as_deref(),
            Some("https://api.bigcommerce.com/stores//v3/a")
        );
    }

    #[test]
    fn variable_flow_and_unknown_methods() {
        let src = "const url = `/v3/orders/${id}`;\nconst res = await fetch(url, { method: 'DELETE' });\nconst u2 = '/v3/customers';\nsend(u2);\n";
        assert_eq!(
            calls(src, Language::JavaScript),
            [(Some("DELETE"), "/v3/orders/1".to_owned()), (None, "/v3/customers".to_owned())]
        );
    }

    #[test]
    fn clients_with_base_urls() {
        let src = "const api = axios.create({ baseURL: 'https://api.bigcommerce.com/stores/' + hash + '/v3' });\napi.get('/catalog/brands');\nconst bc = new BigCommerce({ clientId: 'x', apiVersion: 'v3' });\nbc.delete('/catalog/products/' + id);\napp.get('/catalog/products', handler);\n";
        assert_eq!(
            calls(src, Language::JavaScript),
            [
                (Some("GET"), "https://api.bigcommerce.com/stores/1/v3/catalog/brands".to_owned()),
                (Some("DELETE"), "https://api.bigcommerce.com/stores/1/v3/catalog/products/1".to_owned()),
            ]
        );
    }

    #[test]
    fn one_word_paths_after_the_method_of_a_request() {
        let php = "<?php\n$client = new Client(['base_uri' => \"https://api.bigcommerce.com/stores/{$hash}/v3/\"]);\n$client->request('GET', \"customers?id:in={$id}\");\n$client->requestAsync('POST', 'customers');\n$other->request('GET', 'customers');\n$client->request($m, 'customers');\n";
        assert_eq!(
            calls(php, Language::Php),
            [
                (Some("GET"), "https://api.bigcommerce.com/stores/1/v3/customers?id:in=1".to_owned()),
                (Some("POST"), "https://api.bigcommerce.com/stores/1/v3/customers".to_owned()),
            ]
        );
        let py = "client = httpx.Client(base_url=f\"https://api.bigcommerce.com/stores/{h}/v3/\")\nclient.request(\"DELETE\", \"customers\", params=p)\n";
        assert_eq!(
            calls(py, Language::Python),
            [(Some("DELETE"), "https://api.bigcommerce.com/stores/1/v3/customers".to_owned())]
        );
    }

    #[test]
    fn php_guzzle() {
        let src = "<?php\n$client = new Client(['base_uri' => \"https://api.bigcommerce.com/stores/{$hash}/v2/\"]);\n$client->request('DELETE', \"orders/{$id}\");\n$r = $this->http->post(self::BASE . '/v3/catalog/products');\n";
        assert_eq!(
            calls(src, Language::Php),
            [
                (Some("DELETE"), "https://api.bigcommerce.com/stores/1/v2/orders/1".to_owned()),
                (Some("POST"), "/v3/catalog/products".to_owned()),
            ]
        );
    }

    #[test]
    fn python_requests_and_format() {
        let src = "BASE = f\"https://api.bigcommerce.com/stores/{STORE}/v3\"\nrequests.put(f\"{BASE}/catalog/products/{pid}\", json=p)\nhttpx.request(\"DELETE\", \"%s/v3/orders/%d\" % (b, i))\nrequests.get(\"{}/v2/orders/{}\".format(b, i))\n";
        assert_eq!(
            calls(src, Language::Python),
            [
                (Some("PUT"), "https://api.bigcommerce.com/stores/1/v3/catalog/products/1".to_owned()),
                (Some("DELETE"), "/v3/orders/1".to_owned()),
                (Some("GET"), "/v2/orders/1".to_owned()),
            ]
        );
    }

    #[test]
    fn ruby_faraday_and_net_http() {
        let src = "conn = Faraday.new(url: \"https://api.bigcommerce.com/stores/#{hash}/v3\")\nconn.put(\"catalog/products/#{id}\") { |r| r.body = b }\nuri = URI(\"https://api.bigcommerce.com/stores/#{hash}/v2/orders/#{id}\")\nreq = Net::HTTP::Put.new(uri)\nget '/v3/orders' do\nend\n";
        assert_eq!(
            calls(src, Language::Ruby),
            [
                (Some("PUT"), "https://api.bigcommerce.com/stores/1/v3/catalog/products/1".to_owned()),
                (Some("PUT"), "https://api.bigcommerce.com/stores/1/v2/orders/1".to_owned()),
            ]
        );
    }

    #[test]
    fn go_java_csharp_rust() {
        let go = "req, _ := http.NewRequest(\"PUT\", fmt.Sprintf(\"%s/v3/catalog/products/%d\", base, id), body)\nresp, _ := http.Get(base + \"/v2/orders\")";
        assert_eq!(
            calls(go, Language::Go),
            [(Some("PUT"), "/v3/catalog/products/1".to_owned()), (Some("GET"), "/v2/orders".to_owned())]
        );
        let java =
            "HttpRequest r = HttpRequest.newBuilder().uri(URI.create(base + \"/v3/orders/\" + id)).DELETE().build();";
        assert_eq!(calls(java, Language::Java), one(Some("DELETE"), "/v3/orders/1"));
        let cs = "var r = await client.PostAsJsonAsync($\"{baseUrl}/v3/customers\", body);";
        assert_eq!(calls(cs, Language::CSharp), one(Some("POST"), "/v3/customers"));
        let rs = "let r = client.patch(format!(\"{}/v3/catalog/products/{}\", base, id)).send().await?;";
        assert_eq!(calls(rs, Language::Rust), one(Some("PATCH"), "/v3/catalog/products/1"));
    }

    #[test]
    fn not_calls() {
        let src = "console.log('GET /v3/orders failed');\nconst x = 'https://login.bigcommerce.com/oauth2/token';\nconst base = 'https://api.bigcommerce.com/stores/abc/v3/';\nconst other = '/v3/users';\n";
        assert!(calls(src, Language::JavaScript).is_empty());
    }

    #[test]
    fn suppression_comments() {
        let c = comments("// bc-scopes: ignore[excess, missing] -- cart widget\nx # bc-scopes: ignore\n");
        assert_eq!(c[0].kinds, ["excess", "missing"]);
        assert_eq!(c[0].reason.as_deref(), Some("cart widget"));
        assert_eq!((c[1].line, c[1].kinds.len(), c[1].reason.clone()), (2, 0, None));
    }
}
