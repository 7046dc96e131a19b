//! Uses: where an expression flows (a call's argument, an options object, a variable used later)
//! and what that says about the request (the method, the client, a base URL, not a call at all).

use super::value::Piece;
use super::{Extractor, FLOW_LINES, MAX_DEPTH};
use crate::check::conventions::*;
use crate::check::syntax::lang::Language;
use crate::check::syntax::lexer::Kind;
use crate::check::syntax::nav::norm_name;
use crate::datafile::vocab::Method;

/// How a URL expression is used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Use {
    pub method: Option<Method>,
    /// The object the request is sent through (`client` of `client.get(…)`).
    pub receiver: Option<String>,
    /// A base URL given beside the path (`new URL(path, base)`, `urljoin(base, path)`).
    pub base: Option<Vec<Piece>>,
    /// The API version named by the callee chain (`conn.v2.get(…)`), for a path without one.
    pub version: Option<&'static str>,
    /// Sent by a recognized HTTP call (the method may still be unknown).
    pub http: bool,
    /// A route definition of the app itself (`app.get('/orders', …)`), or a base URL key.
    pub not_a_call: bool,
    /// Where the code gives the method as a value that is not a literal (a variable, a
    /// parameter, a member): its token range, and whether it is an options object.
    pub method_expr: Option<(usize, usize, bool)>,
    /// A request described by an object (method and path keys) rather than sent here.
    pub described: bool,
    /// The expression is where the call takes its URL (its first argument, the one after the
    /// method, a `url:` key).
    pub url_arg: bool,
    /// The callee is a function of the project (resolved as a wrapper, not as a client).
    pub project_fn: bool,
    /// The `(` of the call that sends it (where a GraphQL document is looked for).
    pub call_open: Option<usize>,
}

impl Use {
    /// Whether the use sends a request (or describes one).
    pub(crate) fn is_request(&self) -> bool {
        !self.not_a_call && (self.http || self.method.is_some() || self.described)
    }
}

/// How many variable uses one expression's use may follow in all (real code follows a few
/// dozen at most).
const USE_BUDGET: u32 = 256;

impl<'l, 's> Extractor<'l, 's> {
    /// How the expression at tokens `a..b` is used.
    pub(super) fn uses(&self, a: usize, b: usize, depth: u8) -> Vec<Use> {
        if depth == 0 {
            self.use_budget.set(USE_BUDGET);
        }
        if a == 0 || depth > MAX_DEPTH + 2 {
            return vec![Use::default()];
        }
        let prev = a - 1;
        let ptext = self.text(prev);
        let pkind = self.l.toks[prev].kind;
        // JavaScript's shorthand property (`{ url, method: 'PUT' }`): the key is the name.
        if self.lang.is_js()
            && b == a + 1
            && self.l.is_ident(a)
            && matches!(ptext, "{" | ",")
            && (self.is(b, ",") || self.is(b, "}"))
            && self.open_of(a).is_some_and(|o| self.is(o, "{"))
        {
            if let Some(u) = self.keyed_use(self.text(a), self.open_of(a).unwrap_or(prev), a, b, depth) {
                return u;
            }
        }
        if pkind == Kind::Punct {
            match ptext {
                // A reference or dereference (`&url` in Rust, Go, C#): the value itself.
                "&" | "*" if prev >= 1 && matches!(self.text(prev - 1), "(" | "," | "=") => {
                    return self.uses(prev, b, depth + 1);
                }
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
                        if self.is(open, "(") {
                            // A keyword argument: `requests.request(url=…, method=…)`.
                            let close = self.close_of(open);
                            let mut u = self.call_use(open, a, b, depth);
                            u.url_arg = URL_KEYS.contains(&key);
                            u.method = u.method.or_else(|| self.method_in(open + 1, close, (a, b)));
                            if u.method.is_none() {
                                u.method_expr = u.method_expr.or_else(|| self.method_expr_in(open + 1, close, (a, b)));
                            }
                            return vec![u];
                        }
                        if let Some(uses) = self.keyed_use(key, open, a, b, depth) {
                            return uses;
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
                let mut u = self.callee_use(prev, None, a, b, depth);
                u.url_arg = true;
                return vec![u];
            }
        }
        vec![Use::default()]
    }

    /// The use of a value under key `key` of the object literal opened at `open` (`url: …`,
    /// `'path' => …`, JavaScript's `{ url }`; only for a URL key or an object that names the
    /// method): the object's own use, with its method.
    fn keyed_use(&self, key: &str, open: usize, a: usize, b: usize, depth: u8) -> Option<Vec<Use>> {
        let close = self.close_of(open);
        let method = self.method_in(open + 1, close, (a, b));
        let method_expr = if method.is_none() { self.method_expr_in(open + 1, close, (a, b)) } else { None };
        let url_key = URL_KEYS.contains(&key);
        if !(url_key || method.is_some() || method_expr.is_some()) {
            return None;
        }
        let mut outer = self.uses(open, close + 1, depth + 1);
        let sent = outer.iter().any(|u| u.http || u.not_a_call);
        for u in &mut outer {
            u.url_arg |= url_key;
            if method.is_some() {
                u.method = method;
                u.http = true;
            } else if method_expr.is_some() && u.method.is_none() {
                u.method_expr = method_expr;
            }
        }
        // A request description of its own (`{method: 'PUT', path: '…'}` in a command table) is
        // a request even where it is not sent here.
        if method.is_some() && !sent {
            return Some(vec![Use { method, http: true, described: true, ..Use::default() }]);
        }
        Some(outer)
    }

    /// Uses of a variable assigned the expression: each later call it is passed to.
    pub(super) fn assignment_uses(&self, eq: usize, a: usize, b: usize, depth: u8) -> Vec<Use> {
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
        // A constant of the file or a class is used anywhere in the file; a local, near by.
        let in_function = self.index().function_at(eq);
        let last_line = match in_function {
            None => u32::MAX,
            Some(_) => self.l.toks[a].line + FLOW_LINES,
        };
        let end = in_function.map_or(self.n(), |f| self.index().functions[f].body.1.min(self.n()));
        let mut out: Vec<Use> = Vec::new();
        let mut unknown = false;
        let mut i = b;
        while i < end && self.l.toks[i].line <= last_line && out.len() < 8 {
            if self.l.is_ident(i) && norm_name(self.text(i)) == norm_name(name) {
                let is_member = i >= 1 && self.is_member_op(i - 1);
                // `self::API`, `this.API`, `Config.API` for a constant declared as `API = …`.
                let constant_use = !member
                    && is_member
                    && i >= 2
                    && (crate::check::index::file::is_self(self.text(i - 2))
                        || self.text(i - 2).as_bytes().first().is_some_and(u8::is_ascii_uppercase));
                // A use of another variable of the same name (another function's) does not count.
                let this_binding = is_member || self.lookup(name, i).is_some_and(|(x, _)| x == a);
                if (member == is_member || constant_use) && this_binding {
                    if self.is(i + 1, "=") && !member {
                        // A declaration of another variable (`const url` in a function, a
                        // Python local) is not a reassignment of this one.
                        let declared =
                            i >= 1 && matches!(self.text(i - 1), "const" | "let" | "var" | "my" | "local" | "val");
                        if declared || self.index().function_at(i) != in_function {
                            i += 1;
                            continue;
                        }
                        // `url = ROOT + url` carries the value on; any other value ends it.
                        let rhs_end = self.expr_end(i + 2);
                        let self_ref =
                            (i + 2..rhs_end).any(|j| self.l.is_ident(j) && norm_name(self.text(j)) == norm_name(name));
                        if !self_ref {
                            break;
                        }
                        i += 1;
                        continue;
                    }
                    // The expression the variable is used in.
                    let s = self.operand_start(i).unwrap_or(i);
                    let (ua, ub) = {
                        let (x, y) = self.expand(i);
                        (x.min(s), y)
                    };
                    if ua > 0 && (!base || (ua == s && ub == i + 1)) {
                        let Some(left) = self.use_budget.get().checked_sub(1) else {
                            // Followed as far as the budget goes: where the rest goes is unknown.
                            unknown = true;
                            break;
                        };
                        self.use_budget.set(left);
                        let mut found = self.uses(ua, ub, depth + 1);
                        unknown |= found.iter().any(|u| !u.not_a_call && !u.is_request());
                        found.retain(Use::is_request);
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
        // Unused, or only logged, kept or redirected to: not a request. Passed somewhere the
        // checker cannot follow: unknown.
        if out.is_empty() && (base || !unknown) {
            return vec![Use { not_a_call: true, ..Use::default() }];
        }
        if out.is_empty() {
            out.push(Use::default());
        }
        out
    }

    /// The use of an expression passed to the call whose `(` is `open`.
    pub(super) fn call_use(&self, open: usize, a: usize, b: usize, depth: u8) -> Use {
        if open == 0 {
            return Use::default();
        }
        let mut u = self.callee_use(self.callee_end(open), Some(open), a, b, depth);
        // A pass-through call (`URI.join(root, path)`) keeps what its own use says.
        u.url_arg = u.url_arg || self.url_position(open, a);
        u.call_open = u.call_open.or(Some(open));
        u
    }

    /// Whether the argument at token `a` of the call opened at `open` is where the URL goes: the
    /// first argument, or the one after a method or context argument
    /// (`request('GET', url)`, `NewRequestWithContext(ctx, method, url, body)`).
    fn url_position(&self, open: usize, a: usize) -> bool {
        let args = self.args(open);
        let Some(pos) = args.iter().position(|r| r.0 <= a && a < r.1.max(r.0 + 1)) else { return false };
        // The last name of an argument (`method`, `$this->getHttpMethod()`, `ctx`), lower case.
        let name = |x: usize, y: usize| {
            let j = (x..y).rev().find(|&j| self.l.is_ident(j)).unwrap_or(x);
            self.text(j).trim_start_matches(['$', '@', '_']).to_ascii_lowercase()
        };
        let method_like = |x: usize, y: usize| {
            let t = name(x, y);
            self.value_method(x).is_some()
                || self.l.str_at(x).is_some_and(|s| method_from_str(&s.text()).is_some())
                || t.ends_with("method")
                || t == "verb"
        };
        let ctx_like = |x: usize, y: usize| {
            let t = name(x, y);
            t == "ctx" || t.ends_with("context")
        };
        if args.len() > pos + 1 && (method_like(args[pos].0, args[pos].1) || ctx_like(args[pos].0, args[pos].1)) {
            return false;
        }
        args[..pos].iter().all(|&(x, y)| method_like(x, y) || ctx_like(x, y))
    }

    /// The use of an expression passed to the callee ending at token `ce`; `open` is the call's
    /// `(` (none for a Ruby call without parentheses).
    pub(super) fn callee_use(&self, ce: usize, open: Option<usize>, a: usize, b: usize, depth: u8) -> Use {
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
        if BASE_SETTERS.contains(&last)
            || prints(&segs)
            || NOT_REQUESTS.contains(&last)
            || receiver.as_deref().is_some_and(kept_not_sent)
        {
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
            // `klass.new(uri)` with the request class a parameter (`request(Net::HTTP::Get, path)`):
            // a request whose method the caller gives.
            let k = start;
            if method.is_none() && segs.len() == 2 && self.param_at(segs[0], k).is_some() {
                return Use { http: true, method_expr: Some((k, k + 1, false)), ..Use::default() };
            }
        } else if new_class {
            method = last.strip_prefix("Http").and_then(method_from_name);
            if method.is_none() && REQUEST_TYPES.contains(&last) {
                let mut u = Use { http: true, receiver: None, ..Use::default() };
                if let Some(o) = open {
                    u.method = self.method_in(o + 1, close, (a, b));
                    if u.method.is_none() {
                        u.method_expr = self.method_expr_in(o + 1, close, (a, b));
                    }
                }
                return u;
            }
        } else if segs.len() >= 2 || self.lang != Language::Ruby || self.index().function_at(ce).is_some() {
            // Ruby: a bare verb in a method is a client's (`get(path)` with HTTParty); at class
            // level it is a route definition (Sinatra).
            method = method_from_name(last);
        }
        let mut http = method.is_some();
        let mut method_expr = None;
        if method.is_none() {
            if let Some(o) = open {
                method = self.method_in(o + 1, close, (a, b));
                if method.is_none() {
                    method_expr = self.method_expr_in(o + 1, close, (a, b));
                }
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
                let opaque = others.iter().find(|&&(x, _)| !self.is(x, "{") && !self.is(x, "["));
                match opaque {
                    // `{ method, headers }`: the method is a variable.
                    None if method_expr.is_some() => {}
                    None => method = Some(Method::Get),
                    Some(&(x, y)) => method_expr = method_expr.or(Some((x, y, true))),
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
        let generic = method_from_name(last).is_some() || GENERIC_WRAPPERS.contains(&last);
        let own = receiver.as_deref().is_none_or(|r| crate::check::index::file::is_self(r) || !generic);
        let project_fn = own && self.project.defines_function(norm_name(last));
        Use {
            method,
            receiver,
            base: None,
            version,
            http,
            not_a_call: false,
            method_expr,
            described: false,
            url_arg: false,
            project_fn,
            call_open: None,
        }
    }
}
