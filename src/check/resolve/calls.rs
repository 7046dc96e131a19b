//! The calls of a file: each URL literal, its value, its uses, and the targets they make.

use super::target::anchor;
use super::usage::Use;
use super::{Extractor, RawCall, RawVia};
use crate::check::conventions::method_from_name;
use crate::check::conventions::method_from_str;
use crate::check::model::ViaKind;
use crate::check::syntax::lang::Language;
use crate::check::syntax::lexer::{Part, StrLit};
use crate::check::syntax::nav::norm_name;
use crate::datafile::vocab::Method;

impl<'l, 's> Extractor<'l, 's> {
    /// Every call of the file.
    pub(super) fn run(&self) -> Vec<RawCall> {
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
            self.members_used.borrow_mut().take();
            let mut pieces = self.eval(a, b, 0);
            let member = self.members_used.borrow_mut().take();
            self.format_base(a, b, &mut pieces);
            let uses = self.uses(a, b, 0);
            let written = self.written(a, b);
            let (line, column) = self.position(k);
            let mut seen: Vec<(Option<Method>, String)> = Vec::new();
            // Only requests count: a URL that is logged, kept or redirected to is not one, and a
            // URL whose use cannot be followed is a note, kept out of the needed scopes.
            if !uses.iter().any(|u| u.is_request() || u.method_expr.is_some()) {
                if uses.iter().any(|u| !u.not_a_call) {
                    let unfollowed = Use::default();
                    if let Some((target, notes)) = self.target_of(&pieces, &unfollowed) {
                        if !pieces.iter().any(|p| matches!(p, super::value::Piece::Var(_))) {
                            out.push(RawCall {
                                line,
                                column,
                                method: None,
                                written: written.clone(),
                                target,
                                notes,
                                via: RawVia::literal(),
                                document: None,
                                unfollowed: true,
                            });
                        }
                    }
                }
                continue;
            }
            for u in uses {
                if u.not_a_call || !(u.is_request() || u.method_expr.is_some()) {
                    continue;
                }
                let as_written = self.target_of(&pieces, &u).map(|(target, notes)| RawCall {
                    line,
                    column,
                    method: u.method,
                    written: written.clone(),
                    target,
                    notes,
                    via: RawVia::literal(),
                    document: None,
                    unfollowed: false,
                });
                let mut as_written = as_written;
                if let Some(c) = as_written.as_mut() {
                    if !self.graphql_call(c, u.call_open, &pieces) {
                        continue;
                    }
                }
                let Some(mut call) = self.call_or_template(&pieces, &u, k, line, as_written) else { continue };
                if call.via.kind == ViaKind::Literal {
                    if let Some((name, file, line)) = &member {
                        call.via = RawVia {
                            kind: ViaKind::Property,
                            name: Some(name.clone()),
                            file: Some(*file),
                            data_file: None,
                            line: Some(*line),
                        };
                    } else if u.described {
                        // An entry of a command table (`updateProduct: { method, path }`).
                        call.via = RawVia {
                            kind: ViaKind::Property,
                            name: self.entry_name(a),
                            file: Some(self.file),
                            data_file: None,
                            line: Some(line),
                        };
                    }
                }
                if seen.iter().any(|(m, t)| *m == call.method && *t == call.target) {
                    continue;
                }
                seen.push((call.method, call.target.clone()));
                out.push(call);
            }
        }
        self.sinks(&consumed);
        out
    }

    /// Requests sent with a value that holds no literal of its own here: `fetch(url)`,
    /// `axios.get(this.baseUrl + path)`, `$this->client->request($this->getMethod(), $this->getPath())`.
    /// Only those that depend on a parameter or a subclass's member matter (they become
    /// templates); the others were literals, or are unknown.
    fn sinks(&self, consumed: &[bool]) {
        let ix = self.index();
        if ix.functions.is_empty() {
            return;
        }
        let mut seen: Vec<(usize, usize)> = Vec::new();
        for f in &ix.functions {
            let (a, b) = f.body;
            let b = b.min(self.n());
            for (k, &used) in consumed.iter().enumerate().take(b).skip(a) {
                if used || !self.sink_candidate(k, f) {
                    continue;
                }
                // The operand (`$this->endpoint`, `this.getPath()`, `path`) and the
                // concatenation around it.
                let s = self.operand_start(k).unwrap_or(k);
                // A member chain goes on (`self.class.uri_base`); a call ends it unless it is a
                // getter without arguments (`this.getPath()`).
                let mut e = k + 1;
                loop {
                    let getter_call = self.is(e, "(") && self.is(e + 1, ")");
                    let member =
                        self.is_member_op(e) && self.l.is_ident(e + 1) && (!self.is(e + 2, "(") || self.is(e + 3, ")"));
                    if !(getter_call || member) {
                        break;
                    }
                    e += 2;
                }
                // The receiver of a call (`klass.new(…)`, `client.get(…)`) is not the value sent.
                if self.is_member_op(e) && self.l.is_ident(e + 1) {
                    continue;
                }
                let (x, y) = self.concatenation(s, e);
                if seen.contains(&(x, y)) {
                    continue;
                }
                seen.push((x, y));
                let pieces = self.eval(x, y, 0);
                if !pieces.iter().any(|p| matches!(p, super::value::Piece::Var(_))) {
                    continue;
                }
                let (line, column) = self.position(k);
                for u in self.uses(x, y, 0) {
                    if u.not_a_call || !(u.http || u.method.is_some()) || !u.url_arg || u.project_fn {
                        continue;
                    }
                    let as_written = self.target_of(&pieces, &u).map(|(target, notes)| RawCall {
                        line,
                        column,
                        method: u.method,
                        written: self.written(x, y),
                        target,
                        notes,
                        via: RawVia::literal(),
                        document: None,
                        unfollowed: false,
                    });
                    // Complete calls here were found as literals; only templates are new.
                    let _ = self.call_or_template(&pieces, &u, k, line, as_written.filter(|_| false));
                }
            }
        }
    }

    /// The key of the object entry holding token `a` (`updateProduct` of
    /// `updateProduct: { method: 'PUT', path: '…' }`).
    fn entry_name(&self, a: usize) -> Option<String> {
        let open = self.open_of(a)?;
        (open >= 2 && matches!(self.text(open - 1), ":" | "=>" | "=")).then(|| {
            let k = open - 2;
            self.l.str_at(k).map_or_else(|| self.text(k).to_owned(), |s| s.text().into_owned())
        })
    }

    /// The concatenation around the operand `s..e`.
    fn concatenation(&self, s: usize, e: usize) -> (usize, usize) {
        let mut b = e;
        while b + 1 < self.n() && self.is_concat(b) {
            let next = self.operand_end(b + 1);
            if next <= b + 1 {
                break;
            }
            b = next;
        }
        let mut a = s;
        while a >= 2 && self.is_concat(a - 1) {
            match self.operand_start(a - 2) {
                Some(x) if x < a - 1 => a = x,
                _ => break,
            }
        }
        (a, b)
    }

    /// Whether token `k` of function `f`'s body may start a value that depends on a parameter or
    /// a member: a parameter's name, `this.x`/`$this->x`/`self.x`/`@x`, or a string whose
    /// interpolations name one.
    fn sink_candidate(&self, k: usize, f: &crate::check::index::file::Function<'_>) -> bool {
        match self.l.toks[k].kind {
            crate::check::syntax::lexer::Kind::Ident => {
                let t = norm_name(self.text(k));
                let member = k >= 1 && self.is_member_op(k - 1);
                if member {
                    return k >= 2 && crate::check::index::file::is_self(self.text(k - 2)) && !self.is(k + 1, "=");
                }
                if self.lang == Language::Ruby && k >= 1 && self.is(k - 1, "@") {
                    return !self.is(k + 1, "=");
                }
                f.param(t).is_some() && !self.is(k + 1, "=") && !self.is(k + 1, ":")
            }
            crate::check::syntax::lexer::Kind::Str(_) => self.l.str_at(k).is_some_and(|s| {
                s.parts.iter().any(|p| match p {
                    Part::Hole(h) => {
                        let h = h.trim();
                        let name = norm_name(h.rsplit(['.', '>', ':']).next().unwrap_or(h));
                        f.param(name).is_some() || h.starts_with("this") || h.starts_with("self") || h.starts_with('@')
                    }
                    Part::Text(_) => false,
                })
            }),
            _ => false,
        }
    }

    /// A relative path without a slash (`"customers"`) passed to a client with a known base URL:
    /// the first argument of a verb (`client.get("customers")`), or the second of a request with
    /// the method first (`$client->request('GET', "customers")`).
    pub(super) fn client_arg(&self, k: usize, s: StrLit<'_, 's>) -> bool {
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
}
