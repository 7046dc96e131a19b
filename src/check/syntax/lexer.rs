//! A small tokenizer for the languages `check` reads: identifiers, numbers, punctuation and string
//! literals (with their interpolations split out); comments are skipped. It is deliberately
//! forgiving: it never fails, and an unterminated string or comment ends at the end of the line or
//! file. Nothing here executes or evaluates code.
//!
//! PHP is code only between `<?php` (or `<?=`) and `?>`: the text around is inline HTML, skipped.
//! A PHP text without any open tag (a fragment) is read as code throughout.

use super::embedded::php_open_tag;
use super::lang::Language;
use std::borrow::Cow;

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

/// One token: its kind, byte range, 1-based line and the innermost open bracket around it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub start: u32,
    pub end: u32,
    pub line: u32,
    /// The innermost open bracket around the token, else [`NONE`] (kept in the token: one push
    /// per token instead of two).
    pub enclosing: u32,
}

/// A piece of a string literal. Text borrows the source unless escapes had to be resolved (most
/// literals have none): a file has thousands of literals, and allocating each was most of the
/// lexer's cost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part<'s> {
    /// Literal text (simple escapes resolved).
    Text(Cow<'s, str>),
    /// An interpolated expression, as written (`id` for `${id}`).
    Hole(&'s str),
}

/// A string literal: its parts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StrLit<'a, 's> {
    pub parts: &'a [Part<'s>],
}

impl<'a> StrLit<'a, '_> {
    /// The literal text without its interpolations (borrowed when it is a single piece).
    pub(crate) fn text(&self) -> Cow<'a, str> {
        let mut texts = self.parts.iter().filter_map(|p| match p {
            Part::Text(t) => Some(t.as_ref()),
            Part::Hole(_) => None,
        });
        let Some(first) = texts.next() else { return Cow::Borrowed("") };
        match texts.next() {
            None => Cow::Borrowed(first),
            Some(second) => {
                let mut s = String::with_capacity(first.len() + second.len());
                s.push_str(first);
                s.push_str(second);
                texts.for_each(|t| s.push_str(t));
                Cow::Owned(s)
            }
        }
    }
}

/// A tokenized file.
#[derive(Debug)]
pub(crate) struct Lexed<'s> {
    pub src: &'s str,
    pub toks: Vec<Tok>,
    /// The parts of every string literal, in order.
    parts: Vec<Part<'s>>,
    /// For each string literal, its range in `parts` and its token.
    strs: Vec<(u32, u32, u32)>,
    /// For each token, the index of the matching bracket (for `(`, `[`, `{` and their closers),
    /// else [`NONE`]. Brackets are matched as they are read: a pass of its own over every token
    /// cost as much again.
    pub matching: Vec<u32>,
    /// The punctuation tokens `(`, `:`, `=`, `:=`, `||=` and `??=`, in order (where assignments
    /// and calls are looked for).
    pub ops: Vec<u32>,
}

/// No token.
pub(crate) const NONE: u32 = u32::MAX;

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

    /// The string literal tokens, in order.
    pub(crate) fn string_tokens(&self) -> impl Iterator<Item = usize> + '_ {
        self.strs.iter().map(|&(_, _, t)| t as usize)
    }

    /// Whether token `i` is an identifier.
    pub(crate) fn is_ident(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].kind == Kind::Ident
    }

    /// The string literal of token `i`, if it is one.
    pub(crate) fn str_at(&self, i: usize) -> Option<StrLit<'_, 's>> {
        match self.toks.get(i)?.kind {
            Kind::Str(k) => {
                let (a, b, _) = self.strs[k as usize];
                Some(StrLit { parts: &self.parts[a as usize..b as usize] })
            }
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
        // Typical code has a token every three or four bytes: growing the vector would copy it.
        toks: Vec::with_capacity(src.len() / 3 + 16),
        parts: Vec::with_capacity(src.len() / 64),
        strs: Vec::with_capacity(src.len() / 64),
        pairs: Vec::with_capacity(src.len() / 16),
        stack: Vec::new(),
        top: NONE,
        ops: Vec::with_capacity(src.len() / 32),
        php_html: lang == Language::Php && php_open_tag(src.as_bytes(), 0).is_some(),
    };
    if lx.php_html {
        lx.inline_html();
    }
    lx.run();
    // Filled once at the end: a push per token cost more.
    let mut matching = vec![NONE; lx.toks.len()];
    for &(o, c) in &lx.pairs {
        matching[o as usize] = c;
        matching[c as usize] = o;
    }
    Lexed { src, toks: lx.toks, parts: lx.parts, strs: lx.strs, matching, ops: lx.ops }
}

struct Lexer<'s> {
    b: &'s [u8],
    src: &'s str,
    i: usize,
    line: u32,
    lang: Language,
    toks: Vec<Tok>,
    parts: Vec<Part<'s>>,
    strs: Vec<(u32, u32, u32)>,
    /// Matched brackets: (open, close).
    pairs: Vec<(u32, u32)>,
    /// The open brackets around `self.i`; `top` is the innermost (or [`NONE`]).
    stack: Vec<u32>,
    top: u32,
    ops: Vec<u32>,
    /// PHP with open tags: `?>` starts inline HTML, which runs to the next open tag.
    php_html: bool,
}

/// The text of a string literal as it is scanned: nothing yet, a range of the source, or (once
/// escapes or discontiguous pieces are involved) an owned string.
enum Text {
    Empty,
    Span(usize, usize),
    Owned(String),
}

impl Text {
    /// Append `src[a..b]`.
    #[inline]
    fn push_src(&mut self, src: &str, a: usize, b: usize) {
        if a >= b {
            return;
        }
        match self {
            Text::Empty => *self = Text::Span(a, b),
            Text::Span(_, e) if *e == a => *e = b,
            Text::Span(s, e) => {
                let mut o = String::with_capacity(*e - *s + b - a);
                o.push_str(&src[*s..*e]);
                o.push_str(&src[a..b]);
                *self = Text::Owned(o);
            }
            Text::Owned(o) => o.push_str(&src[a..b]),
        }
    }

    /// Append a character (an escape resolved).
    fn push(&mut self, src: &str, c: char) {
        match self {
            Text::Empty => *self = Text::Owned(String::new()),
            Text::Span(s, e) => *self = Text::Owned(src[*s..*e].to_owned()),
            Text::Owned(_) => {}
        }
        if let Text::Owned(o) = self {
            o.push(c);
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            Text::Empty => true,
            Text::Span(s, e) => s == e,
            Text::Owned(o) => o.is_empty(),
        }
    }

    fn take<'s>(&mut self, src: &'s str) -> Cow<'s, str> {
        match std::mem::replace(self, Text::Empty) {
            Text::Empty => Cow::Borrowed(""),
            Text::Span(s, e) => Cow::Borrowed(&src[s..e]),
            Text::Owned(o) => Cow::Owned(o),
        }
    }
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

/// The end of the identifier characters from `i`. Eight bytes are classified at a time, without
/// a branch per byte: where a word ends was the lexer's most mispredicted branch.
fn ident_end(b: &[u8], mut i: usize) -> usize {
    while let Some(w) = b.get(i..i + 8) {
        let mut m = 0u32;
        for (k, &c) in w.iter().enumerate() {
            m |= u32::from(IDENT[c as usize]) << k;
        }
        // Bits 8 and up of `!m` are set: at most 8.
        let n = (!m).trailing_zeros() as usize;
        i += n;
        if n < 8 {
            return i;
        }
    }
    while i < b.len() && is_ident_char(b[i]) {
        i += 1;
    }
    i
}

/// The length of the operator starting with `c` at `i`: `===`, `!==`, `...`, `**=`, `<=>`, `??=`,
/// `||=`, `&&=`, `=>`, `->`, `::`, `:=`, `==`, `!=`, `<=`, `>=`, `?.`, `+=`, `-=`, `&&`, `||`, `**`,
/// `..`, `<<`, `>>`, `??`, `.=`, or 1.
#[inline(always)]
fn op_len(b: &[u8], i: usize, c: u8) -> usize {
    let c1 = b.get(i + 1).copied().unwrap_or(0);
    // Most operators are one byte: every longer one has one of these second bytes.
    if !matches!(c1, b'=' | b'>' | b':' | b'.' | b'?' | b'<' | b'&' | b'|' | b'*') {
        return 1;
    }
    let c2 = b.get(i + 2).copied().unwrap_or(0);
    match (c, c1, c2) {
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

/// The end of the number starting at `i`: identifier characters, and dots followed by a digit.
#[inline]
fn number_end(b: &[u8], mut i: usize) -> usize {
    while let Some(&c) = b.get(i) {
        if !(is_ident_char(c) || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit))) {
            break;
        }
        i += 1;
    }
    i
}

/// The end of the white space from `i`, and the line there.
#[inline]
fn skip_space(b: &[u8], mut i: usize, mut line: u32) -> (usize, u32) {
    while let Some(&w) = b.get(i) {
        match w {
            b'\n' => {
                line += 1;
                i = spaces_end(b, i + 1);
            }
            b' ' | b'\t' | b'\r' | 0x0b | 0x0c => i += 1,
            _ => break,
        }
    }
    (i, line)
}

/// The end of the spaces from `i` (indentation), eight bytes at a time; the last seven bytes of
/// the input are left to the caller.
#[inline]
fn spaces_end(b: &[u8], mut i: usize) -> usize {
    while let Some(w) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(w.try_into().expect("8 bytes")) ^ 0x2020_2020_2020_2020;
        let n = (x.trailing_zeros() / 8) as usize;
        i += n;
        if n < 8 {
            break;
        }
    }
    i
}

/// A byte class of the main loop's dispatch (see [`classes`]): punctuation of one byte that
/// means nothing more (`,`, `;`, `%`, …).
const C_PUNCT: u8 = 0;
/// White space.
const C_SPACE: u8 = 1;
/// Starts an identifier.
const C_IDENT: u8 = 2;
/// A digit.
const C_DIGIT: u8 = 3;
/// `(`, `[`, `{`.
const C_OPEN: u8 = 4;
/// `)`, `]`, `}`.
const C_CLOSE: u8 = 5;
/// Can start an operator of more than one byte.
const C_OP: u8 = 6;
/// Can start a string, comment or regex in the language (see [`Lexer::special`]).
const C_SPECIAL: u8 = 7;

/// The byte classes of a language.
const fn class_table(lang: Language) -> [u8; 256] {
    let mut t = [C_PUNCT; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = match c {
            b' ' | b'\n' | b'\t' | b'\r' | 0x0b | 0x0c => C_SPACE,
            b'0'..=b'9' => C_DIGIT,
            b'a'..=b'z' | b'A'..=b'Z' | b'_' | 0x80..=0xff => C_IDENT,
            b'(' | b'[' | b'{' => C_OPEN,
            b')' | b']' | b'}' => C_CLOSE,
            b'\'' | b'"' | b'`' => C_SPECIAL,
            b'$' if matches!(lang, Language::CSharp) => C_SPECIAL,
            b'$' => C_IDENT,
            b'@' if matches!(lang, Language::CSharp) => C_SPECIAL,
            b'/' if !matches!(lang, Language::Python) => C_SPECIAL,
            b'#' if matches!(lang, Language::Python | Language::Ruby | Language::Php) => C_SPECIAL,
            b'=' if matches!(lang, Language::Ruby) => C_SPECIAL,
            b'=' | b'!' | b'.' | b'*' | b'<' | b'>' | b'?' | b'|' | b'&' | b'-' | b':' | b'+' => C_OP,
            _ => C_PUNCT,
        };
        i += 1;
    }
    t
}

/// The byte classes of `lang`.
fn classes(lang: Language) -> &'static [u8; 256] {
    static TABLES: [[u8; 256]; 9] = [
        class_table(Language::JavaScript),
        class_table(Language::TypeScript),
        class_table(Language::Php),
        class_table(Language::Python),
        class_table(Language::Ruby),
        class_table(Language::Go),
        class_table(Language::Java),
        class_table(Language::CSharp),
        class_table(Language::Rust),
    ];
    &TABLES[match lang {
        Language::JavaScript => 0,
        Language::TypeScript => 1,
        Language::Php => 2,
        Language::Python => 3,
        Language::Ruby => 4,
        Language::Go => 5,
        Language::Java => 6,
        Language::CSharp => 7,
        Language::Rust => 8,
    }]
}

impl<'s> Lexer<'s> {
    fn peek(&self, k: usize) -> u8 {
        self.b.get(self.i + k).copied().unwrap_or(0)
    }

    fn starts(&self, s: &str) -> bool {
        self.b[self.i..].starts_with(s.as_bytes())
    }

    /// Push a token ending at `self.i`.
    fn push(&mut self, kind: Kind, start: usize, line: u32) {
        self.tok(kind, start, self.i, line);
    }

    #[inline(always)]
    fn tok(&mut self, kind: Kind, start: usize, end: usize, line: u32) {
        self.toks.push(Tok { kind, start: start as u32, end: end as u32, line, enclosing: self.top });
    }

    /// The token of an operator or other punctuation (never a bracket) starting with `c` at `i`,
    /// noted in `ops` if it is `:`, `=`, `:=`, `||=` or `??=`. Returns its end.
    #[inline(always)]
    fn operator(&mut self, c: u8, i: usize, line: u32) -> usize {
        let op = op_len(self.b, i, c);
        let end = i + op;
        let k = self.toks.len() as u32;
        self.tok(Kind::Punct, i, end, line);
        // `||=` and `??=` are the only three-byte operators starting with `|` or `?`.
        let noted = match (c, op) {
            (b':' | b'=', 1) | (b'|' | b'?', 3) => true,
            (b':', 2) => self.b[i + 1] == b'=',
            _ => false,
        };
        if noted {
            self.ops.push(k);
        }
        end
    }

    /// Advance one byte, counting lines.
    fn bump(&mut self) {
        if self.b[self.i] == b'\n' {
            self.line += 1;
        }
        self.i += 1;
    }

    fn skip_to_eol(&mut self) {
        self.i = memchr::memchr(b'\n', &self.b[self.i..]).map_or(self.b.len(), |p| self.i + p);
    }

    /// A `//` or `#` comment: to the end of the line, or in PHP to a `?>` before it.
    fn line_comment(&mut self) {
        let from = self.i;
        self.skip_to_eol();
        if self.php_html {
            if let Some(p) = memchr::memmem::find(&self.b[from..self.i], b"?>") {
                self.i = from + p;
            }
        }
    }

    /// Skip PHP's inline HTML from `self.i` to the end of the next open tag (or of the input).
    fn inline_html(&mut self) {
        let from = self.i;
        let to = php_open_tag(self.b, from).map_or(self.b.len(), |(_, end)| end);
        self.line += memchr::memchr_iter(b'\n', &self.b[from..to]).count() as u32;
        self.i = to;
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
        let b = self.b;
        let class = classes(self.lang);
        // The position and line live in locals on the common paths; `self.i` and `self.line` are
        // synchronized around the rarer ones (strings, comments, regexes), which use them.
        let (mut i, mut line) = (self.i, self.line);
        while let Some(&first) = b.get(i) {
            let mut c = first;
            // A single space between two tokens is the most common gap: no dispatch for it.
            if c == b' ' {
                i += 1;
                let Some(&next) = b.get(i) else { break };
                c = next;
            }
            let start = i;
            match class[c as usize] {
                C_SPACE => (i, line) = skip_space(b, i, line),
                C_IDENT => {
                    i = ident_end(b, i + 1);
                    // Only a quote or (in Rust) `#` after the word can make it a string prefix.
                    if matches!(b.get(i), Some(b'\'' | b'"' | b'#')) && self.is_string_prefix(start, i) {
                        (self.i, self.line) = (i, line);
                        let src = self.src;
                        self.string(start, line, &src[start..i]);
                        (i, line) = (self.i, self.line);
                        continue;
                    }
                    self.tok(Kind::Ident, start, i, line);
                }
                C_DIGIT => {
                    i = number_end(b, i);
                    self.tok(Kind::Num, start, i, line);
                }
                C_OPEN => {
                    let k = self.toks.len() as u32;
                    i += 1;
                    self.tok(Kind::Punct, start, i, line);
                    self.stack.push(k);
                    self.top = k;
                    if c == b'(' {
                        self.ops.push(k);
                    }
                }
                C_CLOSE => {
                    let k = self.toks.len() as u32;
                    if let Some(o) = self.stack.pop() {
                        self.pairs.push((o, k));
                    }
                    // A closer is enclosed by what encloses its opener.
                    self.top = self.stack.last().copied().unwrap_or(NONE);
                    i += 1;
                    self.tok(Kind::Punct, start, i, line);
                }
                C_OP if c == b'<'
                    && matches!(self.lang, Language::Php | Language::Ruby)
                    && b.get(i + 1) == Some(&b'<') =>
                {
                    (self.i, self.line) = (i, line);
                    if !self.heredoc(start, line) {
                        self.i = self.operator(c, i, line);
                    }
                    (i, line) = (self.i, self.line);
                }
                C_OP if c == b'?' && self.php_html && b.get(i + 1) == Some(&b'>') => {
                    (self.i, self.line) = (i + 2, line);
                    self.inline_html();
                    (i, line) = (self.i, self.line);
                }
                C_OP => i = self.operator(c, i, line),
                C_PUNCT => {
                    i += 1;
                    self.tok(Kind::Punct, start, i, line);
                }
                _ => {
                    (self.i, self.line) = (i, line);
                    self.special(c, start, line);
                    (i, line) = (self.i, self.line);
                }
            }
        }
        (self.i, self.line) = (i, line);
    }

    /// A byte of class [`C_SPECIAL`] at `self.i` (= `start`): a string, comment or regex where the
    /// language has one there, else punctuation or (C#'s `$`) a word.
    fn special(&mut self, c: u8, start: usize, line: u32) {
        let lang = self.lang;
        match c {
            b'\'' | b'"' | b'`' => self.string(start, line, ""),
            b'/' if self.c_comments() && self.peek(1) == b'/' => self.line_comment(),
            b'/' if self.c_comments() && self.peek(1) == b'*' => self.skip_block("/*", "*/", lang == Language::Rust),
            b'/' if matches!(lang, Language::JavaScript | Language::TypeScript | Language::Ruby)
                && self.regex_allowed() =>
            {
                if !self.regex() {
                    self.i = start + 1;
                    self.push(Kind::Punct, start, line);
                }
            }
            b'#' if self.hash_comments() && !(lang == Language::Ruby && self.peek(1) == b'{') => self.line_comment(),
            b'=' if lang == Language::Ruby && self.starts("=begin") && self.at_line_start() => {
                while self.i < self.b.len() && !(self.starts("=end") && self.at_line_start()) {
                    self.bump();
                }
                self.skip_to_eol();
            }
            b'@' if lang == Language::CSharp && matches!(self.peek(1), b'"' | b'$') => {
                self.prefixed_string(start, line)
            }
            b'$' if lang == Language::CSharp && matches!(self.peek(1), b'"' | b'@') => {
                self.prefixed_string(start, line)
            }
            b'$' => {
                let i = ident_end(self.b, start + 1);
                self.i = i;
                if self.is_string_prefix(start, i) {
                    let src = self.src;
                    self.string(start, line, &src[start..i]);
                } else {
                    self.push(Kind::Ident, start, line);
                }
            }
            _ => self.i = self.operator(c, start, line),
        }
    }

    /// Whether the word `start..i` is the prefix of a string literal starting at `i`.
    fn is_string_prefix(&self, start: usize, i: usize) -> bool {
        let next = self.b.get(i).copied().unwrap_or(0);
        let word = &self.src[start..i];
        let quote = matches!(next, b'\'' | b'"') && self.is_prefix(word);
        let raw = self.lang == Language::Rust && next == b'#' && matches!(word, "r" | "br");
        quote || raw
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
        // Whether the prefix has a letter, in either case (most literals have no prefix).
        let has = |c: u8| prefix.bytes().any(|p| p.to_ascii_lowercase() == c);
        let q = self.b[self.i];
        let lang = self.lang;
        // Rust raw strings: r#"…"#.
        if lang == Language::Rust && has(b'r') {
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
            let text = &self.src[body_start..self.i.min(self.b.len())];
            self.i = (self.i + close.len()).min(self.b.len());
            self.parts.push(Part::Text(Cow::Borrowed(text)));
            self.finish(start, line, self.parts.len() - 1);
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
            Language::Python => has(b'f'),
            Language::CSharp => prefix.contains('$'),
            _ => false,
        };
        let raw = match lang {
            Language::Go => q == b'`',
            Language::Python => has(b'r'),
            Language::CSharp => prefix.contains('@'),
            _ => false,
        };
        let multiline =
            triple || q == b'`' || (lang == Language::CSharp && raw) || matches!(lang, Language::Php | Language::Ruby);
        self.i += if triple { 3 } else { 1 };
        let first_part = self.parts.len();
        let src = self.src;
        let mut text = Text::Empty;
        let mut seg = self.i;
        loop {
            // Most bytes of a literal are plain text: skip them in a tight loop. Every byte that
            // can end the literal, start an escape or an interpolation, or be a line break stops
            // it (a superset is harmless: such bytes take the careful path below). Without
            // interpolation, only the quote, a backslash and a line break can.
            if interp {
                while self.i < self.b.len()
                    && !matches!(self.b[self.i], b'\n' | b'\\' | b'$' | b'#' | b'{' | b'}' | b'\'' | b'"' | b'`')
                {
                    self.i += 1;
                }
            } else {
                self.i = memchr::memchr3(q, b'\n', b'\\', &self.b[self.i..]).map_or(self.b.len(), |p| self.i + p);
            }
            if self.i >= self.b.len() {
                text.push_src(src, seg, self.i);
                break;
            }
            let c = self.b[self.i];
            // Closing quote.
            if c == q && (!triple || (self.peek(1) == q && self.peek(2) == q)) {
                if raw && lang == Language::CSharp && self.peek(1) == q {
                    // `""` inside a verbatim string.
                    text.push_src(src, seg, self.i);
                    text.push(src, '"');
                    self.i += 2;
                    seg = self.i;
                    continue;
                }
                text.push_src(src, seg, self.i);
                self.i += if triple { 3 } else { 1 };
                break;
            }
            if c == b'\n' && !multiline {
                text.push_src(src, seg, self.i);
                break;
            }
            if c == b'\\' && !raw {
                text.push_src(src, seg, self.i);
                let n = self.peek(1);
                match n {
                    b'\'' | b'"' | b'\\' | b'/' | b'`' | b'$' | b'{' | b'}' | b'#' => text.push(src, n as char),
                    b'\n' => {}
                    0 => {}
                    _ => {
                        text.push(src, '\\');
                        if n.is_ascii() {
                            text.push(src, n as char);
                        } else {
                            // Keep the whole character.
                            let ch = self.src[self.i + 1..].chars().next().unwrap_or(' ');
                            text.push(src, ch);
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
                    text.push_src(src, seg, self.i);
                    if !text.is_empty() {
                        self.parts.push(Part::Text(text.take(src)));
                    }
                    self.parts.push(Part::Hole(hole));
                    while self.i < end {
                        self.bump();
                    }
                    seg = self.i;
                    continue;
                }
                // `{{` and `}}` escapes of f-strings and C# interpolated strings.
                if matches!(lang, Language::Python | Language::CSharp) && matches!(c, b'{' | b'}') && self.peek(1) == c
                {
                    text.push_src(src, seg, self.i + 1);
                    self.i += 2;
                    seg = self.i;
                    continue;
                }
            }
            self.bump();
        }
        if !text.is_empty() || self.parts.len() == first_part {
            self.parts.push(Part::Text(text.take(src)));
        }
        self.finish(start, line, first_part);
    }

    /// A heredoc at `self.i` (`<<<ID`, `<<<'ID'` in PHP; `<<~ID`, `<<-ID`, `<<'ID'` in Ruby): one
    /// string token of its body, which runs from the next line to the line holding only `ID`.
    /// Interpolations in it are kept as text. The rest of the opening line is skipped (Ruby's
    /// `.freeze`). Returns false where `<<` is an operator.
    fn heredoc(&mut self, start: usize, line: u32) -> bool {
        let b = self.b;
        let mut j = self.i + 2;
        if self.lang == Language::Php {
            if b.get(j) != Some(&b'<') {
                return false;
            }
            j += 1;
            while b.get(j) == Some(&b' ') {
                j += 1;
            }
        } else if matches!(b.get(j), Some(b'~' | b'-')) {
            j += 1;
        } else if !matches!(b.get(j), Some(b'\'' | b'"')) {
            return false;
        }
        let quote = matches!(b.get(j), Some(b'\'' | b'"')).then(|| b[j]);
        if quote.is_some() {
            j += 1;
        }
        let id_start = j;
        while j < b.len() && is_ident_char(b[j]) {
            j += 1;
        }
        if j == id_start || !b[id_start].is_ascii_uppercase() && self.lang == Language::Ruby && quote.is_none() {
            return false;
        }
        let id = &self.src[id_start..j];
        if quote.is_some() {
            if b.get(j) != quote.as_ref() {
                return false;
            }
            j += 1;
        }
        // The body starts after the opening line.
        let Some(nl) = b[j..].iter().position(|&c| c == b'\n') else { return false };
        let body_start = j + nl + 1;
        let mut k = body_start;
        let mut body_line = line + 1;
        loop {
            let end = b[k..].iter().position(|&c| c == b'\n').map_or(b.len(), |p| k + p);
            let text = self.src[k..end].trim_start();
            let closes =
                text.starts_with(id) && !text[id.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
            if closes {
                let close_end = end - self.src[k..end].trim_start()[id.len()..].len();
                let first = self.parts.len();
                self.parts.push(Part::Text(Cow::Borrowed(&self.src[body_start..k])));
                self.i = close_end;
                self.line = body_line;
                self.finish(start, line, first);
                return true;
            }
            if end >= b.len() {
                return false;
            }
            k = end + 1;
            body_line += 1;
        }
    }

    /// Record the string token whose parts start at `first_part`.
    fn finish(&mut self, start: usize, line: u32, first_part: usize) {
        let k = self.strs.len() as u32;
        self.strs.push((first_part as u32, self.parts.len() as u32, self.toks.len() as u32));
        self.push(Kind::Str(k), start, line);
    }

    /// An interpolation starting at `self.i`, as (expression, end offset).
    fn hole(&self) -> Option<(&'s str, usize)> {
        let b = self.b;
        let i = self.i;
        let src = self.src;
        let braced = |open: usize| -> Option<(&'s str, usize)> {
            let end = match_brace(b, open)?;
            Some((src[open + 1..end].trim(), end + 1))
        };
        match self.lang {
            Language::JavaScript | Language::TypeScript if b[i] == b'$' && self.peek(1) == b'{' => braced(i + 1),
            Language::Ruby if b[i] == b'#' && self.peek(1) == b'{' => braced(i + 1),
            Language::Python | Language::CSharp if b[i] == b'{' && self.peek(1) != b'{' => {
                let (expr, end) = braced(i)?;
                // A format spec or conversion (`{x:>10}`, `{x!r}`) is not part of the expression.
                let expr = expr.split([':', '!']).next().unwrap_or("").trim();
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
                Some((&self.src[i..j], j))
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

    fn strs(src: &str, lang: Language) -> Vec<Vec<Part<'_>>> {
        let l = lex(src, lang);
        l.strs.iter().map(|&(a, b, _)| l.parts[a as usize..b as usize].to_vec()).collect()
    }

    fn t(s: &str) -> Part<'_> {
        Part::Text(Cow::Borrowed(s))
    }

    fn h(s: &str) -> Part<'_> {
        Part::Hole(s)
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

    /// The text and line of every token.
    fn toks(src: &str, lang: Language) -> Vec<(&str, u32)> {
        let l = lex(src, lang);
        (0..l.toks.len()).map(|i| (l.text(i), l.toks[i].line)).collect()
    }

    #[test]
    fn php_inline_html_is_not_code() {
        // An apostrophe in the HTML opens no string; `?>` ends the code, a `//` comment too.
        let src = "<h1>Don't</h1>\n<ul>\n<?php foreach ($items as $i): ?>\n  <li><?= $i['name'] // x ?> it's</li>\n<?php endforeach; ?>\n<p>\"</p>";
        assert_eq!(
            toks(src, Language::Php),
            [
                ("foreach", 3),
                ("(", 3),
                ("$items", 3),
                ("as", 3),
                ("$i", 3),
                (")", 3),
                (":", 3),
                ("$i", 4),
                ("[", 4),
                ("'name'", 4),
                ("]", 4),
                ("endforeach", 5),
                (";", 5),
            ]
        );
        // A string holding `?>` does not end the code.
        assert_eq!(toks("<?php $a = '?>'; $b", Language::Php), [("$a", 1), ("=", 1), ("'?>'", 1), (";", 1), ("$b", 1)]);
        // Without an open tag the text is a fragment of code.
        assert_eq!(toks("$a = 1;", Language::Php).len(), 4);
        // Other languages know no open tags.
        assert_eq!(toks("x ?> y", Language::JavaScript).len(), 4);
    }
}
