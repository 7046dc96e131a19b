//! Bindings: the assignments of a file by name, and the one a use sees.

use super::{Def, Defs, Extractor, Vars};
use crate::check::conventions::BASE_KEYS;
use crate::check::syntax::lang::Language;
use crate::check::syntax::lexer::{Kind, Lexed};
use crate::check::syntax::nav::{may_be_name, norm_name};
use rustc_hash::FxBuildHasher;
use std::borrow::Cow;
use std::collections::HashMap;

/// How many names [`Extractor::lookup`] finds by searching the source before it builds the table
/// of every assignment instead.
pub(super) const SEARCHED_NAMES: usize = 32;

impl<'l, 's> Extractor<'l, 's> {
    /// The assignment whose operator (or PHP's `define(`) is token `i` (one of the lexer's `ops`),
    /// if it is one: its name, the start of its value, and whether an empty value still counts.
    pub(super) fn def_at(&self, i: usize) -> Option<(Cow<'l, str>, usize, bool)> {
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
    pub(super) fn def_range(&self, i: usize, start: usize, empty_ok: bool) -> Option<(usize, usize, usize)> {
        let end = self.expr_end(start);
        (empty_ok || end > start).then_some((i, start, end))
    }

    /// Every `name = value` assignment (and `define('NAME', value)` in PHP), by name.
    pub(super) fn vars(&self) -> &Vars<'l> {
        self.vars.get_or_init(|| {
            // About one name per four candidate operators: reserving spares most of the
            // rehashing. (The capacity also fixes the iteration order the client search sees.)
            let php = self.lang == Language::Php;
            let candidates =
                self.l.ops.iter().filter(|&&i| i >= 1 && (php || self.l.punct1(i as usize) != b'(')).count();
            let mut vars: Vars<'l> = HashMap::with_capacity_and_hasher(candidates / 4, FxBuildHasher);
            for &i in &self.l.ops {
                let i = i as usize;
                if let Some((name, start, empty_ok)) = self.def_at(i) {
                    if let Some(d) = self.def_range(i, start, empty_ok) {
                        vars.entry(name).or_default().push(d, self.def_scope(d.0));
                    }
                }
            }
            vars
        })
    }

    /// The value range of `name` as seen from token `at`: the nearest assignment before it, else
    /// the first.
    pub(super) fn lookup(&self, name: &str, at: usize) -> Option<(usize, usize)> {
        let name = norm_name(name);
        // A binding is seen where it is in scope: file-level ones everywhere, a function's
        // own only inside it (a `url` in each of several functions is several variables), and
        // never inside its own value.
        let outside_value = |d: &Def| !(d.1 <= at && at < d.2);
        let in_scope = |&(d, body): &(Def, (usize, usize))| outside_value(&d) && body.0 <= at && at < body.1;
        // A function's own binding seen from `at` lies in the body of the outermost function
        // holding `at` (its function holds `at`, so it is that one or nested in it).
        let outer = {
            let ix = self.index();
            let mut f = ix.function_at(at);
            while let Some(p) = f.and_then(|f| ix.functions[f].parent) {
                let b = ix.functions[p].body;
                if !(b.0 <= at && at < b.1) {
                    break;
                }
                f = Some(p);
            }
            f.map(|f| ix.functions[f].body)
        };
        let pick = |defs: &Defs| {
            let scoped: &[(Def, (usize, usize))] = match outer {
                Some((from, to)) => {
                    let lo = defs.scoped.partition_point(|x| x.0 .0 < from);
                    let hi = defs.scoped.partition_point(|x| x.0 .0 < to);
                    &defs.scoped[lo..hi.max(lo)]
                }
                None => &[],
            };
            // The nearest visible assignment before `at`, else the first visible one.
            let split = scoped.partition_point(|x| x.0 .0 < at);
            let global_split = defs.global.partition_point(|d| d.0 < at);
            let before = [
                scoped[..split].iter().rev().find(|x| in_scope(x)).map(|x| x.0),
                defs.global[..global_split].iter().rev().copied().find(outside_value),
            ];
            let d = match before.into_iter().flatten().max() {
                Some(d) => d,
                None => {
                    [scoped.iter().find(|x| in_scope(x)).map(|x| x.0), defs.global.iter().copied().find(outside_value)]
                        .into_iter()
                        .flatten()
                        .min()?
                }
            };
            Some((d.1, d.2))
        };
        // Past a few dozen names, one pass over the operators costs less than a search of the
        // source per name (a file that names hundreds would be read hundreds of times).
        if name.is_empty() || self.vars.get().is_some() || self.found.borrow().len() >= SEARCHED_NAMES {
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
                        defs.push(d, self.def_scope(d.0));
                    }
                }
            }
        }
        let r = pick(&defs);
        self.found.borrow_mut().push((name.into(), defs));
        r
    }

    /// Where an assignment whose operator is token `eq` is seen: from anywhere (file level, or a
    /// key or member read through its owner), or only inside this function body.
    fn def_scope(&self, eq: usize) -> Option<(usize, usize)> {
        let keyed = self.is(eq, ":") || (eq >= 2 && self.is_member_op(eq - 2));
        if keyed {
            return None;
        }
        self.index().function_at(eq).map(|f| self.index().functions[f].body)
    }

    /// Calls `f` with each token whose text, less leading `$` and `@`, is `w` (not empty), in order.
    pub(super) fn name_tokens(&self, w: &[u8], mut f: impl FnMut(usize)) {
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
}
