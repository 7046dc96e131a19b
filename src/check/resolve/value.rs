//! Values: the pieces (text, holes, variables) an expression evaluates to, following bindings in
//! scope, class members and defaults a few steps.

use super::{Extractor, MAX_DEPTH};
use crate::check::conventions::{ENV_DEFAULTS, PASS_THROUGH};
use crate::check::index::file::is_self;
use crate::check::index::Item;
use crate::check::syntax::lang::Language;
use crate::check::syntax::lexer::{Kind, Part};
use crate::check::syntax::nav::simple_name;

/// A piece of a value: text, or something only known at run time.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Piece {
    Text(String),
    Hole(String),
    /// Known only at a function's call sites or in a subclass.
    Var(Var),
}

impl Piece {
    /// Whether the piece is text.
    pub(crate) fn is_text(&self) -> bool {
        matches!(self, Piece::Text(_))
    }
}

/// A value that a template leaves open.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Var {
    /// Parameter `index` of function `func` of project file `file`.
    Param { file: usize, func: usize, index: usize },
    /// A member of parameter `index` (a request object, a command table's entry).
    ParamMember { file: usize, func: usize, index: usize, member: String },
    /// A member of the instance that the class does not define: each subclass does.
    Field { class: Item, name: String },
}

/// Operators that give a default when their left side is unset (`a || 'x'`, `a ?? 'x'`).
const DEFAULT_OPS: [&str; 4] = ["||", "??", "?:", "or"];

impl<'l, 's> Extractor<'l, 's> {
    /// The pieces of the value of tokens `a..b`.
    pub(super) fn eval(&self, a: usize, b: usize, depth: u8) -> Vec<Piece> {
        let mut out = Vec::new();
        let mut i = a;
        while i < b {
            // A tagged template (`gql\`…\``, `graphql\`…\``): the template is the value.
            if self.lang.is_js() && self.l.is_ident(i) && i + 1 < b && self.l.str_at(i + 1).is_some() {
                i += 1;
            }
            let end = self.operand_end(i).max(i + 1).min(b);
            let mut piece = Vec::new();
            self.eval_operand(i, end, depth, &mut piece);
            i = end;
            // `process.env.API_HOST || 'api.bigcommerce.com'`: the default where the left is unknown.
            while i < b && self.is_default_op(i) {
                // `?:` may be two tokens.
                let alt = if self.is(i, "?") { i + 2 } else { i + 1 };
                let alt_end = self.operand_end(alt).max(alt + 1).min(b);
                if !piece.iter().any(Piece::is_text) {
                    let mut alt_pieces = Vec::new();
                    self.eval_operand(alt, alt_end, depth, &mut alt_pieces);
                    let alt = alt_pieces;
                    // `process.env.BC_STORE_HASH ?? ''`: an empty default says nothing.
                    if alt.iter().any(|p| matches!(p, Piece::Text(t) if !t.is_empty())) {
                        piece = alt;
                    }
                }
                i = alt_end;
            }
            out.extend(piece);
            if i < b && self.is_concat(i) {
                i += 1;
            } else {
                break;
            }
        }
        out
    }

    /// `Sprintf("%s/pricelists/%d", base, id)`: the leading placeholder of a format string is its
    /// first argument.
    pub(super) fn format_base(&self, a: usize, b: usize, pieces: &mut Vec<Piece>) {
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

    fn is_default_op(&self, i: usize) -> bool {
        DEFAULT_OPS.contains(&self.text(i)) || (self.is(i, "?") && self.is(i + 1, ":") && self.lang == Language::Php)
    }

    pub(super) fn eval_operand(&self, a: usize, b: usize, depth: u8, out: &mut Vec<Piece>) {
        // An empty operand (a default operator at the end of an expression: `$x ?:`) is nothing.
        let Some(tok) = self.l.toks.get(a).filter(|_| a < b) else { return };
        match tok.kind {
            Kind::Str(_) => {
                let Some(s) = self.l.str_at(a) else { return };
                if self.this_class.get().is_some()
                    && self.origin.get().is_none()
                    && s.text().bytes().any(|c| c.is_ascii_alphabetic())
                {
                    self.origin.set(Some((self.file, a)));
                }
                for p in s.parts {
                    match p {
                        Part::Text(t) => out.push(Piece::Text(t.to_string())),
                        Part::Hole(h) => out.extend(self.value_of(h, a, depth)),
                    }
                }
            }
            Kind::Num => out.push(Piece::Text(self.text(a).to_owned())),
            // A Ruby symbol (`:get`).
            Kind::Punct if self.lang == Language::Ruby && self.is(a, ":") && self.l.is_ident(a + 1) => {
                out.push(Piece::Text(self.text(a + 1).to_owned()));
            }
            _ => {
                let mut j = a;
                while j < b && !self.is(j, "(") {
                    j += 1;
                }
                if j < b && j > a {
                    out.extend(self.call_value(a, j, b, depth));
                    return;
                }
                let written = self.span(a, b);
                out.extend(self.value_of(written, a, depth));
            }
        }
    }

    /// The value of a call operand `a..b` whose `(` is `open`: a pass-through call's argument, an
    /// environment lookup's default, a getter's return value.
    fn call_value(&self, a: usize, open: usize, b: usize, depth: u8) -> Vec<Piece> {
        let callee = self.text(open - 1);
        let close = self.close_of(open);
        if close + 1 < b {
            return vec![Piece::Hole(String::new())];
        }
        if PASS_THROUGH.contains(&callee) {
            let end = self.expr_end(open + 1).min(close);
            return self.eval(open + 1, end, depth + 1);
        }
        let args = self.args(open);
        if ENV_DEFAULTS.contains(&callee) && args.len() == 2 {
            let (x, y) = args[1];
            return self.eval(x, y, depth + 1);
        }
        if args.is_empty() && depth < MAX_DEPTH {
            // `this.getPath()`, `$this->getHttpMethod()`, `self.path()`, `GetPath()`
            let recv = (open >= a + 3 && self.is_member_op(open - 2)).then(|| self.text(open - 3));
            let own = match recv {
                Some(r) => is_self(r),
                None => open == a + 1,
            };
            if own {
                return self.member_value(callee, a, depth + 1);
            }
        }
        vec![Piece::Hole(String::new())]
    }

    /// The pieces of a named value (or an interpolated expression), or a hole.
    pub(super) fn value_of(&self, expr: &str, at: usize, depth: u8) -> Vec<Piece> {
        let hole = || vec![Piece::Hole(String::new())];
        if depth >= MAX_DEPTH {
            return hole();
        }
        let e = expr.trim();
        // An interpolated call (`#{path()}`, `{$this->getPath()}`) or expression: not followed.
        let Some(name) = simple_name(e) else { return hole() };
        // A method constant: `HttpMethod.Get`, `Method::POST`, `http.MethodPut`, `Net::HTTP::Get`.
        if let Some(r) = receiver(e, self.lang) {
            if r.to_ascii_lowercase().contains("method") || r == "HTTP" || name.starts_with("Method") {
                if let Some(m) = crate::check::conventions::method_from_name(&name) {
                    return vec![Piece::Text(m.as_str().to_owned())];
                }
            }
        }
        // `self.class.uri_base` (Ruby): a member of the class.
        let e = e.strip_prefix("self.class.").map_or(e, |rest| if rest.contains('.') { e } else { rest });
        let e_owned;
        let e = if e != expr.trim() && !e.contains('.') {
            e_owned = format!("self.{e}");
            e_owned.as_str()
        } else {
            e
        };
        match receiver(e, self.lang) {
            Some(r) if is_self(r) || r == "@" => return self.member_value(&name, at, depth + 1),
            Some(r) => {
                if let Some((func, index)) = self.param_at(r, at) {
                    let member = name.clone();
                    return vec![Piece::Var(super::value::Var::ParamMember { file: self.file, func, index, member })];
                }
                if let Some(v) = self.static_member(r, &name, depth) {
                    return v;
                }
                // A module's constant: `settings.API_HOST` with `from . import settings`.
                if let Some(v) = self.module_value(r, &name, depth) {
                    return v;
                }
                // A key of an object constant, here or in another file: `config.apiHost`.
                if let Some(v) = self.object_path_value(e, at, depth) {
                    return v;
                }
            }
            None => {}
        }
        let bare = receiver(e, self.lang).is_none();
        let binding = self.lookup(&name, at);
        let local = binding.is_some_and(|(x, _)| self.same_function(x, at));
        if bare && !local {
            if let Some((func, index)) = self.param_at(&name, at) {
                return vec![Piece::Var(Var::Param { file: self.file, func, index })];
            }
        }
        if let Some((a, b)) = binding {
            let v = self.eval(a, b, depth + 1);
            if v.iter().any(|p| !matches!(p, Piece::Hole(_))) {
                return v;
            }
        }
        if bare && self.implicit_members() {
            let v = self.member_value(&name, at, depth + 1);
            if v.iter().any(Piece::is_text) {
                return v;
            }
        }
        if bare && binding.is_none() {
            if let Some(v) = self.global(&name, depth) {
                return v;
            }
        }
        vec![Piece::Hole(name)]
    }

    /// Whether a bare name in a method may be a member of its class (C#, Java, Ruby, Go's
    /// receivers do not count).
    fn implicit_members(&self) -> bool {
        matches!(self.lang, Language::CSharp | Language::Java | Language::Ruby)
    }
}

/// The receiver of a member expression (`this` of `this.base`, `@` of Ruby's `@base`, `Config`
/// of `Config::HOST`), none for a bare name.
pub(crate) fn receiver(e: &str, lang: Language) -> Option<&str> {
    if lang == Language::Ruby && e.starts_with('@') {
        return Some("@");
    }
    let cut = ["->", "?.", "::", "."]
        .iter()
        .filter_map(|op| e.rfind(op).map(|p| (p, op.len())))
        .filter(|&(_, l)| l > 1 || lang != Language::Php)
        .max_by_key(|&(p, _)| p)?;
    let r = e[..cut.0].trim();
    let r = r.rsplit(['.', '>', ':']).next().unwrap_or(r);
    (!r.is_empty()).then_some(r)
}
