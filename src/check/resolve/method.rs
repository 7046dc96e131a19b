//! The HTTP method a call states: a method argument, an options key, a builder chain, curl options.

use super::Extractor;
use crate::check::conventions::{method_from_name, method_from_str, METHOD_KEYS};
use crate::check::syntax::lang::Language;
use crate::check::syntax::lexer::Kind;
use crate::check::syntax::nav::norm_name;
use crate::datafile::vocab::Method;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::cell::RefCell;

impl<'l, 's> Extractor<'l, 's> {
    /// A method named among tokens `a..b` (a call's arguments or an options object), outside
    /// `skip`: a string argument that is a method, `method: 'PUT'` keys, `http.MethodPut`,
    /// `HttpMethod.Put`, `:put`, or the same inside an options variable.
    ///
    /// Each string of a large call asks about the same arguments: the tokens that name a method
    /// are found once per range (and only as far as the questions need).
    pub(super) fn method_in(&self, a: usize, b: usize, skip: (usize, usize)) -> Option<Method> {
        let group = self.open_of(a);
        first_outside(&self.method_scans, (a, b), skip, |i| self.method_at(i, group))
    }

    /// The method token `i` names, as an argument of the group opened at `group` (see
    /// [`Self::method_in`]).
    pub(super) fn method_at(&self, i: usize, group: Option<usize>) -> Option<Method> {
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
        None
    }

    /// `method:` keys inside an options object held in a variable.
    pub(super) fn method_in_object(&self, a: usize, b: usize) -> Option<Method> {
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
    pub(super) fn value_method(&self, i: usize) -> Option<Method> {
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
    pub(super) fn chain_method(&self, mut i: usize) -> Option<Method> {
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
    pub(super) fn curl_method(&self, from: usize) -> Option<Method> {
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

    /// A method given as a value that is not a literal, among tokens `a..b` outside `skip`: a
    /// `method:` key whose value is a variable or member (or JavaScript's `{ method }`), or an
    /// argument named like one (`$method`, `verb`, `httpMethod`, `this.method`).
    pub(super) fn method_expr_in(&self, a: usize, b: usize, skip: (usize, usize)) -> Option<(usize, usize, bool)> {
        let group = self.open_of(a);
        first_outside(&self.method_expr_scans, (a, b), skip, |i| self.method_expr_at(i, group, b))
    }

    /// The method expression at token `i` of a range ending at `b` (see [`Self::method_expr_in`]).
    pub(super) fn method_expr_at(&self, i: usize, group: Option<usize>, b: usize) -> Option<(usize, usize, bool)> {
        let key = match self.l.toks[i].kind {
            Kind::Ident => Some(Cow::Borrowed(self.text(i))),
            Kind::Str(_) => self.l.str_at(i).map(|s| s.text()),
            _ => None,
        };
        if let Some(key) = key {
            let k = norm_name(&key);
            if METHOD_KEYS.contains(&k) && !self.is_member_op(i.wrapping_sub(1)) {
                if matches!(self.text(i + 1), ":" | "=>" | "=") {
                    let end = self.expr_end(i + 2).min(b);
                    if end > i + 2 && self.l.str_at(i + 2).is_none() {
                        return Some((i + 2, end, false));
                    }
                } else if self.lang.is_js() && (self.is(i + 1, ",") || self.is(i + 1, "}")) {
                    return Some((i, i + 1, false));
                }
            }
            let arg = (self.is(i.wrapping_sub(1), "(") || self.is(i.wrapping_sub(1), ","))
                && self.open_of(i) == group
                && self.l.is_ident(i);
            if arg {
                let end = self.expr_end(i);
                let j = (i..end).rev().find(|&j| self.l.is_ident(j)).unwrap_or(i);
                let last = self.text(j).to_ascii_lowercase();
                let named = last.trim_start_matches(['$', '@', '_']);
                if matches!(named, "method" | "verb" | "httpmethod" | "http_method" | "requestmethod")
                    || named.ends_with("method") && end - i <= 8
                {
                    return Some((i, end, false));
                }
            }
        }
        None
    }
}

/// The tokens of one range at which a scan found something, in order, and the first token not
/// scanned yet.
pub(super) struct Scan<T> {
    hits: Vec<(usize, T)>,
    next: usize,
}

/// Ranges already scanned, by `(start, end)`.
pub(super) type Scans<T> = RefCell<FxHashMap<(usize, usize), Scan<T>>>;

/// The first token of `range` outside `skip` at which `at` finds something. What is found at a
/// token does not depend on `skip`, so the hits of a range are kept and the scan resumes where the
/// last question left it: questions about one range cost one pass over it in all.
fn first_outside<T: Copy>(
    scans: &Scans<T>,
    range: (usize, usize),
    skip: (usize, usize),
    at: impl Fn(usize) -> Option<T>,
) -> Option<T> {
    let outside = |i: usize| !(skip.0 <= i && i < skip.1);
    // Taken out while scanning: `at` may ask about other ranges.
    let mut scan = scans.borrow_mut().remove(&range).unwrap_or(Scan { hits: Vec::new(), next: range.0 });
    let mut found = scan.hits.iter().find(|h| outside(h.0)).map(|h| h.1);
    while found.is_none() && scan.next < range.1 {
        let i = scan.next;
        scan.next += 1;
        if let Some(t) = at(i) {
            scan.hits.push((i, t));
            found = outside(i).then_some(t);
        }
    }
    scans.borrow_mut().insert(range, scan);
    found
}
