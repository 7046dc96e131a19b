//! A small tokenizer for the languages `check` reads: identifiers, numbers, punctuation and string
//! literals (with their interpolations split out); comments are skipped. It is deliberately
//! forgiving: it never fails, and an unterminated string or comment ends at the end of the line or
//! file. Nothing here executes or evaluates code.

use super::lang::Language;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// An identifier or keyword (PHP's `$name` keeps its `$`).
    Ident,
    /// A number.
    Num,
    /// A string literal: the index into [`Lexed::strs`].
    Str(u32),
    /// Punctuation or an operator.
    Punct,
}

/// One token: its kind, byte range and 1-based line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub start: u32,
    pub end: u32,
    pub line: u32,
}

/// A piece of a string literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    /// Literal text (simple escapes resolved).
    Text(String),
    /// An interpolated expression, as written (`id` for `${id}`).
    Hole(String),
}

/// A string literal.
#[derive(Debug, Clone)]
pub(crate) struct StrLit {
    pub parts: Vec<Part>,
}

impl StrLit {
    /// The literal text without its interpolations.
    pub(crate) fn text(&self) -> String {
        let mut s = String::new();
        for p in &self.parts {
            if let Part::Text(t) = p {
                s.push_str(t);
            }
        }
        s
    }
}

/// A tokenized file.
#[derive(Debug)]
pub(crate) struct Lexed<'s> {
    pub src: &'s str,
    pub toks: Vec<Tok>,
    pub strs: Vec<StrLit>,
}

impl<'s> Lexed<'s> {
    /// The source text of a token.
    /// Out of range (callers look ahead past the last token on truncated input): empty.
    pub(crate) fn text(&self, i: usize) -> &'s str {
        let Some(t) = self.toks.get(i) else { return "" };
        self.src.get(t.start as usize..t.end as usize).unwrap_or("")
    }

    /// Whether token `i` is the punctuation `p`.
    #[inline]
    pub(crate) fn is(&self, i: usize, p: &str) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        let (s, e) = (t.start as usize, t.end as usize);
        t.kind == Kind::Punct
            && e - s == p.len()
            && self.src.as_bytes()[s..e].iter().zip(p.bytes()).all(|(a, b)| *a == b)
    }

    /// The byte of a one-character punctuation token (0 for any other token).
    #[inline]
    pub(crate) fn punct1(&self, i: usize) -> u8 {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Punct && t.end - t.start == 1 => self.src.as_bytes()[t.start as usize],
            _ => 0,
        }
    }

    /// Whether token `i` is an identifier.
    pub(crate) fn is_ident(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].kind == Kind::Ident
    }

    /// The string literal of token `i`, if it is one.
    pub(crate) fn str_at(&self, i: usize) -> Option<&StrLit> {
        match self.toks.get(i)?.kind {
            Kind::Str(k) => Some(&self.strs[k as usize]),
            _ => None,
        }
    }
}

/// Tokenize `src` as `lang`.
pub(crate) fn lex(src: &str, lang: Language) -> Lexed<'_> {
    let mut lx = Lexer {
        b: src.as_bytes(),
        src,
        i: 0,
        line: 1,
        lang,
        toks: Vec::with_capacity(src.len() / 5),
        strs: Vec::new(),
    };
    lx.run();
    Lexed { src, toks: lx.toks, strs: lx.strs }
}

struct Lexer<'s> {
    b: &'s [u8],
    src: &'s str,
    i: usize,
    line: u32,
    lang: Language,
    toks: Vec<Tok>,
    strs: Vec<StrLit>,
}

/// Bytes that can continue an identifier (`$` for PHP and JavaScript; every non-ASCII byte).
static IDENT: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80;
        i += 1;
    }
    t
};

fn is_ident_start(c: u8) -> bool {
    IDENT[c as usize] && !c.is_ascii_digit()
}

fn is_ident_char(c: u8) -> bool {
    IDENT[c as usize]
}

impl<'s> Lexer<'s> {
    fn peek(&self, k: usize) -> u8 {
        self.b.get(self.i + k).copied().unwrap_or(0)
    }

    fn starts(&self, s: &str) -> bool {
        self.b[self.i..].starts_with(s.as_bytes())
    }

    fn push(&mut self, kind: Kind, start: usize, line: u32) {
        self.toks.push(Tok { kind, start: start as u32, end: self.i as u32, line });
    }

    /// Advance one byte, counting lines.
    fn bump(&mut self) {
        if self.b[self.i] == b'\n' {
            self.line += 1;
        }
        self.i += 1;
    }

    fn skip_to_eol(&mut self) {
        while self.i < self.b.len() && self.b[self.i] != b'\n' {
            self.i += 1;
        }
    }

    fn skip_block(&mut self, open: &str, close: &str, nested: bool) {
        self.i += open.len();
        let mut depth = 1;
        while self.i < self.b.len() {
            if nested && self.starts(open) {
                depth += 1;
                self.i += open.len();
            } else if self.starts(close) {
                self.i += close.len();
                depth -= 1;
                if depth == 0 {
                    return;
                }
            } else {
                self.bump();
            }
        }
    }

    fn c_comments(&self) -> bool {
        !matches!(self.lang, Language::Python | Language::Ruby)
    }

    fn hash_comments(&self) -> bool {
        matches!(self.lang, Language::Python | Language::Ruby | Language::Php)
    }

    fn run(&mut self) {
        while self.i < self.b.len() {
            let c = self.b[self.i];
            let start = self.i;
            let line = self.line;
            match c {
                b'\n' | b' ' | b'\t' | b'\r' | 0x0b | 0x0c => self.bump(),
                b'/' if self.c_comments() && self.peek(1) == b'/' => self.skip_to_eol(),
                b'/' if self.c_comments() && self.peek(1) == b'*' => {
                    self.skip_block("/*", "*/", self.lang == Language::Rust)
                }
                b'#' if self.hash_comments() && !(self.lang == Language::Ruby && self.peek(1) == b'{') => {
                    self.skip_to_eol()
                }
                b'=' if self.lang == Language::Ruby && self.starts("=begin") && self.at_line_start() => {
                    while self.i < self.b.len() && !(self.starts("=end") && self.at_line_start()) {
                        self.bump();
                    }
                    self.skip_to_eol();
                }
                b'\'' | b'"' | b'`' => self.string(start, line, ""),
                b'/' if matches!(self.lang, Language::JavaScript | Language::TypeScript | Language::Ruby)
                    && self.regex_allowed() =>
                {
                    if !self.regex() {
                        self.i = start + 1;
                        self.push(Kind::Punct, start, line);
                    }
                }
                b'@' if self.lang == Language::CSharp && matches!(self.peek(1), b'"' | b'$') => {
                    self.prefixed_string(start, line)
                }
                b'$' if self.lang == Language::CSharp && matches!(self.peek(1), b'"' | b'@') => {
                    self.prefixed_string(start, line)
                }
                b'0'..=b'9' => {
                    while self.i < self.b.len() && (is_ident_char(self.b[self.i]) || self.b[self.i] == b'.') {
                        if self.b[self.i] == b'.' && !self.peek(1).is_ascii_digit() {
                            break;
                        }
                        self.i += 1;
                    }
                    self.push(Kind::Num, start, line);
                }
                c if is_ident_start(c) => {
                    while self.i < self.b.len() && is_ident_char(self.b[self.i]) {
                        self.i += 1;
                    }
                    let word = &self.src[start..self.i];
                    let quote = self.i < self.b.len() && matches!(self.b[self.i], b'\'' | b'"') && self.is_prefix(word);
                    let raw = self.lang == Language::Rust
                        && self.i < self.b.len()
                        && self.b[self.i] == b'#'
                        && matches!(word, "r" | "br");
                    if quote || raw {
                        self.string(start, line, word);
                    } else {
                        self.push(Kind::Ident, start, line);
                    }
                }
                _ => {
                    let op = self.op_len(c);
                    // Not a multi-byte character's tail: punctuation is ASCII.
                    self.i += if c.is_ascii() { op } else { 1 };
                    self.push(Kind::Punct, start, line);
                }
            }
        }
    }

    /// The length of the operator starting with `c` at `self.i`: `===`, `!==`, `...`, `**=`, `<=>`,
    /// `??=`, `||=`, `&&=`, `=>`, `->`, `::`, `:=`, `==`, `!=`, `<=`, `>=`, `?.`, `+=`, `-=`, `&&`,
    /// `||`, `**`, `..`, `<<`, `>>`, `??`, `.=`, or 1.
    fn op_len(&self, c: u8) -> usize {
        match (c, self.peek(1), self.peek(2)) {
            (b'=', b'=', b'=')
            | (b'!', b'=', b'=')
            | (b'.', b'.', b'.')
            | (b'*', b'*', b'=')
            | (b'<', b'=', b'>')
            | (b'?', b'?', b'=')
            | (b'|', b'|', b'=')
            | (b'&', b'&', b'=') => 3,
            (b'=', b'>' | b'=', _)
            | (b'-', b'>' | b'=', _)
            | (b':', b':' | b'=', _)
            | (b'!', b'=', _)
            | (b'<', b'=' | b'<', _)
            | (b'>', b'=' | b'>', _)
            | (b'?', b'.' | b'?', _)
            | (b'+', b'=', _)
            | (b'&', b'&', _)
            | (b'|', b'|', _)
            | (b'*', b'*', _)
            | (b'.', b'.' | b'=', _) => 2,
            _ => 1,
        }
    }

    fn at_line_start(&self) -> bool {
        self.i == 0 || self.b[self.i - 1] == b'\n'
    }

    /// Whether `word` right before a quote is a string prefix in this language.
    fn is_prefix(&self, word: &str) -> bool {
        match self.lang {
            Language::Python => {
                word.len() <= 2 && word.bytes().all(|c| matches!(c.to_ascii_lowercase(), b'r' | b'b' | b'u' | b'f'))
            }
            Language::Rust => matches!(word, "r" | "b" | "br"),
            _ => false,
        }
    }

    /// A `/` starts a regular expression where an operand is expected.
    fn regex_allowed(&self) -> bool {
        let Some(prev) = self.toks.last() else { return true };
        match prev.kind {
            Kind::Punct => {
                let p = &self.src[prev.start as usize..prev.end as usize];
                !matches!(p, ")" | "]" | "}")
            }
            Kind::Ident => {
                matches!(
                    &self.src[prev.start as usize..prev.end as usize],
                    "return" | "typeof" | "case" | "in" | "of" | "when" | "if" | "unless"
                )
            }
            _ => false,
        }
    }

    /// Skip a regex literal on one line; false (nothing consumed) if it is not one.
    fn regex(&mut self) -> bool {
        let start = self.i;
        let line = self.line;
        let mut j = self.i + 1;
        let mut class = false;
        while j < self.b.len() {
            match self.b[j] {
                b'\n' => return false,
                b'\\' => j += 1,
                b'[' => class = true,
                b']' => class = false,
                b'/' if !class => {
                    j += 1;
                    while j < self.b.len() && self.b[j].is_ascii_alphabetic() {
                        j += 1;
                    }
                    self.i = j;
                    // A regex is an operand: record it as a number-like token so that the next `/`
                    // is division.
                    self.push(Kind::Num, start, line);
                    return true;
                }
                _ => {}
            }
            j += 1;
        }
        false
    }

    /// C# `@"…"`, `$"…"`, `$@"…"`, `@$"…"`.
    fn prefixed_string(&mut self, start: usize, line: u32) {
        let mut prefix_end = self.i;
        while prefix_end < self.b.len() && matches!(self.b[prefix_end], b'@' | b'$') {
            prefix_end += 1;
        }
        let prefix = &self.src[self.i..prefix_end];
        self.i = prefix_end;
        if self.i < self.b.len() && self.b[self.i] == b'"' {
            self.string(start, line, prefix);
        } else {
            self.push(Kind::Punct, start, line);
        }
    }

    /// A string literal at `self.i` (after any prefix), starting at `start`.
    fn string(&mut self, start: usize, line: u32, prefix: &str) {
        let lower = prefix.to_ascii_lowercase();
        let q = self.b[self.i];
        let lang = self.lang;
        // Rust raw strings: r#"…"#.
        if lang == Language::Rust && lower.contains('r') {
            let mut hashes = 0;
            while self.i < self.b.len() && self.b[self.i] == b'#' {
                hashes += 1;
                self.i += 1;
            }
            if self.i >= self.b.len() || self.b[self.i] != b'"' {
                self.push(Kind::Punct, start, line);
                return;
            }
            self.i += 1;
            let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            let body_start = self.i;
            while self.i < self.b.len() && !self.starts(&close) {
                self.bump();
            }
            let text = self.src[body_start..self.i.min(self.b.len())].to_owned();
            self.i = (self.i + close.len()).min(self.b.len());
            self.finish(start, line, vec![Part::Text(text)]);
            return;
        }
        // Rust and C-like character literals and Rust lifetimes.
        if q == b'\'' && matches!(lang, Language::Rust | Language::Go | Language::Java | Language::CSharp) {
            let close = if self.peek(1) == b'\\' {
                self.b[self.i + 2..].iter().take(12).position(|&c| c == b'\'').map(|p| self.i + 2 + p)
            } else {
                let ch_len = self.src[self.i + 1..].chars().next().map_or(1, char::len_utf8);
                (self.peek(1 + ch_len) == b'\'').then_some(self.i + 1 + ch_len)
            };
            match close {
                Some(end) => {
                    self.i = end + 1;
                    self.push(Kind::Num, start, line);
                }
                None => {
                    self.i += 1;
                    self.push(Kind::Punct, start, line);
                }
            }
            return;
        }
        let triple =
            matches!(lang, Language::Python | Language::Java) && self.peek(1) == q && self.peek(2) == q && q != b'`';
        let interp = match lang {
            Language::JavaScript | Language::TypeScript => q == b'`',
            Language::Php | Language::Ruby => q == b'"',
            Language::Python => lower.contains('f'),
            Language::CSharp => prefix.contains('$'),
            _ => false,
        };
        let raw = match lang {
            Language::Go => q == b'`',
            Language::Python => lower.contains('r'),
            Language::CSharp => prefix.contains('@'),
            _ => false,
        };
        let multiline =
            triple || q == b'`' || (lang == Language::CSharp && raw) || matches!(lang, Language::Php | Language::Ruby);
        self.i += if triple { 3 } else { 1 };
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut seg = self.i;
        loop {
            if self.i >= self.b.len() {
                text.push_str(&self.src[seg..self.i]);
                break;
            }
            let c = self.b[self.i];
            // Closing quote.
            if c == q && (!triple || (self.peek(1) == q && self.peek(2) == q)) {
                if raw && lang == Language::CSharp && self.peek(1) == q {
                    // `""` inside a verbatim string.
                    text.push_str(&self.src[seg..self.i]);
                    text.push('"');
                    self.i += 2;
                    seg = self.i;
                    continue;
                }
                text.push_str(&self.src[seg..self.i]);
                self.i += if triple { 3 } else { 1 };
                break;
            }
            if c == b'\n' && !multiline {
                text.push_str(&self.src[seg..self.i]);
                break;
            }
            if c == b'\\' && !raw {
                text.push_str(&self.src[seg..self.i]);
                let n = self.peek(1);
                match n {
                    b'\'' | b'"' | b'\\' | b'/' | b'`' | b'$' | b'{' | b'}' | b'#' => text.push(n as char),
                    b'\n' => {}
                    0 => {}
                    _ => {
                        text.push('\\');
                        if n.is_ascii() {
                            text.push(n as char);
                        } else {
                            // Keep the whole character.
                            let ch = self.src[self.i + 1..].chars().next().unwrap_or(' ');
                            text.push(ch);
                            self.i += ch.len_utf8() - 1;
                        }
                    }
                }
                if n == b'\n' {
                    self.line += 1;
                }
                self.i += if n == 0 { 1 } else { 2 };
                seg = self.i;
                continue;
            }
            if interp {
                if let Some((hole, end)) = self.hole() {
                    text.push_str(&self.src[seg..self.i]);
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    parts.push(Part::Hole(hole));
                    while self.i < end {
                        self.bump();
                    }
                    seg = self.i;
                    continue;
                }
                // `{{` and `}}` escapes of f-strings and C# interpolated strings.
                if matches!(lang, Language::Python | Language::CSharp) && matches!(c, b'{' | b'}') && self.peek(1) == c
                {
                    text.push_str(&self.src[seg..=self.i]);
                    self.i += 2;
                    seg = self.i;
                    continue;
                }
            }
            self.bump();
        }
        if !text.is_empty() || parts.is_empty() {
            parts.push(Part::Text(text));
        }
        self.finish(start, line, parts);
    }

    fn finish(&mut self, start: usize, line: u32, parts: Vec<Part>) {
        let k = self.strs.len() as u32;
        self.strs.push(StrLit { parts });
        self.push(Kind::Str(k), start, line);
    }

    /// An interpolation starting at `self.i`, as (expression, end offset).
    fn hole(&self) -> Option<(String, usize)> {
        let b = self.b;
        let i = self.i;
        let braced = |open: usize| -> Option<(String, usize)> {
            let end = match_brace(b, open)?;
            Some((self.src[open + 1..end].trim().to_owned(), end + 1))
        };
        match self.lang {
            Language::JavaScript | Language::TypeScript if b[i] == b'$' && self.peek(1) == b'{' => braced(i + 1),
            Language::Ruby if b[i] == b'#' && self.peek(1) == b'{' => braced(i + 1),
            Language::Python | Language::CSharp if b[i] == b'{' && self.peek(1) != b'{' => {
                let (expr, end) = braced(i)?;
                // A format spec or conversion (`{x:>10}`, `{x!r}`) is not part of the expression.
                let expr = expr.split([':', '!']).next().unwrap_or("").trim().to_owned();
                Some((expr, end))
            }
            Language::Php if b[i] == b'{' && self.peek(1) == b'$' => braced(i),
            Language::Php if b[i] == b'$' && self.peek(1) == b'{' => braced(i + 1),
            Language::Php if b[i] == b'$' && is_ident_start(self.peek(1)) && self.peek(1) != b'$' => {
                let mut j = i + 1;
                while j < b.len() && is_ident_char(b[j]) && b[j] != b'$' {
                    j += 1;
                }
                // `$order->id` and `$row['id']` are part of the simple syntax.
                if b.get(j..j + 2) == Some(b"->") && b.get(j + 2).is_some_and(|c| is_ident_start(*c)) {
                    j += 2;
                    while j < b.len() && is_ident_char(b[j]) && b[j] != b'$' {
                        j += 1;
                    }
                } else if b.get(j) == Some(&b'[') {
                    if let Some(p) = b[j..].iter().take(40).position(|&c| c == b']') {
                        j += p + 1;
                    }
                }
                Some((self.src[i..j].to_owned(), j))
            }
            _ => None,
        }
    }
}

/// The offset of the `}` matching the `{` at `open`, skipping quoted text inside.
fn match_brace(b: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut j = open;
    while j < b.len() {
        match b[j] {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            q @ (b'\'' | b'"' | b'`') => {
                j += 1;
                while j < b.len() && b[j] != q {
                    if b[j] == b'\\' {
                        j += 1;
                    }
                    j += 1;
                }
            }
            b'\n' if depth > 8 => return None,
            _ => {}
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs(src: &str, lang: Language) -> Vec<Vec<Part>> {
        lex(src, lang).strs.into_iter().map(|s| s.parts).collect()
    }

    fn t(s: &str) -> Part {
        Part::Text(s.to_owned())
    }

    fn h(s: &str) -> Part {
        Part::Hole(s.to_owned())
    }

    #[test]
    fn js_templates_comments_and_regexes() {
        let src = "// '/v3/no'\nconst u = `${base}/v3/orders/${o.id}`; /* \"x\" */ const r = /'/g; x = 'a' + \"b\"";
        assert_eq!(
            strs(src, Language::JavaScript),
            [vec![h("base"), t("/v3/orders/"), h("o.id")], vec![t("a")], vec![t("b")]]
        );
    }

    #[test]
    fn php_interpolation() {
        let src = "<?php # c\n$u = \"/v3/catalog/products/{$product['id']}/variants/$vid\"; $s = 'no $x';";
        assert_eq!(
            strs(src, Language::Php),
            [vec![t("/v3/catalog/products/"), h("$product['id']"), t("/variants/"), h("$vid")], vec![t("no $x")]]
        );
    }

    #[test]
    fn python_prefixes_and_triple_quotes() {
        let src = "u = f\"{BASE}/v3/orders/{order_id:d}?x={{y}}\"\nr = rb'x' # '/v3/'\nd = \"\"\"a\n'b'\"\"\"";
        assert_eq!(
            strs(src, Language::Python),
            [vec![h("BASE"), t("/v3/orders/"), h("order_id"), t("?x={y}")], vec![t("x")], vec![t("a\n'b'")]]
        );
    }

    #[test]
    fn ruby_go_csharp_rust() {
        assert_eq!(strs("get \"/v3/x/#{id}\" # '/no'\n", Language::Ruby), [vec![t("/v3/x/"), h("id")]]);
        assert_eq!(strs("s := `raw\\n` + \"q\\\"\" + string('x')", Language::Go), [vec![t("raw\\n")], vec![t("q\"")]]);
        assert_eq!(
            strs("var u = $\"{b}/v3/{{x}}\" + @\"a\"\"b\";", Language::CSharp),
            [vec![h("b"), t("/v3/{x}")], vec![t("a\"b")]]
        );
        assert_eq!(strs("fn f<'a>() { let c = '\"'; r#\"x\"y\"#; }", Language::Rust), [vec![t("x\"y")]]);
    }

    #[test]
    fn lines_are_counted() {
        let l = lex("a\n`x\ny`\nb", Language::JavaScript);
        let lines: Vec<u32> = l.toks.iter().map(|t| t.line).collect();
        assert_eq!(lines, [1, 2, 4]);
    }
}
