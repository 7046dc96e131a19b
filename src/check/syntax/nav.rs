//! Reading a token stream as code: brackets, expressions, operands, callees and arguments,
//! positions. Shared by the index and the resolution passes; it knows no HTTP client.

use super::lang::Language;
use super::lexer::{Kind, Lexed, NONE};

/// Longest target shown as written.
const MAX_SHOWN: usize = 200;

/// A tokenized file and its language, with the navigation every later pass needs.
#[derive(Clone, Copy)]
pub(crate) struct Syntax<'l, 's> {
    pub l: &'l Lexed<'s>,
    pub lang: Language,
}

/// The name a value is looked up by: the last segment of a simple member chain.
pub(crate) fn simple_name(expr: &str) -> Option<String> {
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
pub(crate) fn may_be_name(src: &[u8], s: usize, e: usize, w: &[u8]) -> bool {
    let len = e - s;
    (len == w.len() || (len > w.len() && matches!(src[s], b'$' | b'@')))
        && src[e - w.len()..e] == *w
        && src[s..e - w.len()].iter().all(|c| matches!(c, b'$' | b'@'))
}

pub(crate) fn norm_name(s: &str) -> &str {
    s.trim_start_matches(['$', '@'])
}

impl<'l, 's> Syntax<'l, 's> {
    pub(crate) fn n(&self) -> usize {
        self.l.toks.len()
    }

    /// The source text from token `a` to token `b - 1`; empty where `b` runs past the last token
    /// (truncated input).
    pub(crate) fn span(&self, a: usize, b: usize) -> &'s str {
        let ends = self.l.toks.get(a).zip(self.l.toks.get(b.saturating_sub(1)));
        ends.and_then(|(f, l)| self.l.src.get(f.start as usize..l.end as usize)).unwrap_or("")
    }

    pub(crate) fn text(&self, i: usize) -> &'s str {
        self.l.text(i)
    }

    pub(crate) fn is(&self, i: usize, p: &str) -> bool {
        self.l.is(i, p)
    }

    pub(crate) fn is_member_op(&self, i: usize) -> bool {
        i < self.n()
            && self.l.toks[i].kind == Kind::Punct
            && match self.text(i) {
                "." => self.lang != Language::Php,
                "->" | "::" | "?." => true,
                _ => false,
            }
    }

    pub(crate) fn is_concat(&self, i: usize) -> bool {
        self.is(i, self.lang.concat())
    }

    pub(crate) fn open_of(&self, i: usize) -> Option<usize> {
        let e = self.l.toks.get(i).map_or(NONE, |t| t.enclosing);
        (e != NONE).then_some(e as usize)
    }

    pub(crate) fn close_of(&self, open: usize) -> usize {
        let m = self.l.matching[open];
        if m == NONE {
            self.n()
        } else {
            m as usize
        }
    }

    /// The end (exclusive) of the expression starting at `start`: the next `;` or `,` at the same
    /// depth, the closing bracket around it, or a line break that does not continue the expression.
    pub(crate) fn expr_end(&self, start: usize) -> usize {
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

    /// The end (exclusive) of the operand starting at `i`: a string, number, or a member chain
    /// with calls and indexing.
    pub(crate) fn operand_end(&self, i: usize) -> usize {
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
    pub(crate) fn operand_start(&self, e: usize) -> Option<usize> {
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
    pub(crate) fn expand(&self, k: usize) -> (usize, usize) {
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

    /// The member chain of a callee ending at token `e` (the token before `(`), as segments, with
    /// the index of its first token.
    pub(crate) fn callee(&self, e: usize) -> Option<(Vec<&'s str>, usize)> {
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

    /// The last token of the callee of the call whose `(` is `open`: the token before it, or
    /// before the type arguments in languages that take them at call sites (`get<Product[]>(`,
    /// `GetAsync<T>(`, `get::<T>(`).
    pub(crate) fn callee_end(&self, open: usize) -> usize {
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

    /// The argument ranges of the call whose `(` is `open`.
    pub(crate) fn args(&self, open: usize) -> Vec<(usize, usize)> {
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

    /// The expression as written, white space collapsed.
    pub(crate) fn written(&self, a: usize, b: usize) -> String {
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
    pub(crate) fn position(&self, k: usize) -> (u32, u32) {
        let Some(t) = self.l.toks.get(k) else { return (1, 1) };
        let before = self.l.src.get(..t.start as usize).unwrap_or("");
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        (t.line, before[line_start..].chars().count() as u32 + 1)
    }
}
