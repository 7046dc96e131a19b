//! Completing a template: at a call site of its function (the arguments become the parameters,
//! a few levels up), or in a subclass (its members become the open values).

use super::callers::Site;
use super::templates::{method_of_pieces, MethodSrc, Template};
use super::value::{Piece, Var};
use super::{Extractor, FileContext, RawCall, RawVia};
use crate::check::conventions::method_from_str;
use crate::check::index::Item;
use crate::check::model::ViaKind;

/// Where a value's text is written: (project file, token).
pub(super) type Origin = (usize, usize);

/// What a template becomes at a call site.
pub(super) enum Completion {
    /// A call, in a file of the project.
    Call(usize, RawCall),
    Template(Template),
}

impl<'l, 's> Extractor<'l, 's> {
    /// Complete template `t` (of function `func` of file `file`) at call site `site` (in this
    /// file): the parameters become the arguments' values.
    pub(super) fn complete_at(&self, t: &Template, file: usize, func: usize, site: &Site) -> Option<Completion> {
        let def = &self.project.files[file].index.functions[func];
        let def_class = def.class.map(|c| (file, c));
        // The class the call is made on (for members the subclass defines).
        let on_class = self.site_class(site, def_class, (file, func))?;
        let factory = self.factory_call(site, (file, func));
        let args: Vec<(usize, usize)> = match site.open {
            Some(o) => self.args(o),
            None => self.ruby_bare_args(site.name_tok),
        };
        let shift = usize::from(def.takes_self() && site.receiver.is_some());
        let arg_of = |index: usize| -> Option<(usize, usize)> {
            let p = def.params.get(index)?;
            // Keyword arguments by name (`path=…`, `path: …`).
            for &(x, y) in &args {
                if self.l.is_ident(x)
                    && crate::check::syntax::nav::norm_name(self.text(x)) == p.name
                    && matches!(self.text(x + 1), "=" | ":")
                    && y > x + 2
                {
                    return Some((x + 2, y));
                }
            }
            let positional: Vec<(usize, usize)> = args
                .iter()
                .copied()
                .filter(|&(x, y)| {
                    !(self.l.is_ident(x)
                        && matches!(self.text(x + 1), "=" | ":")
                        && y > x + 2
                        && self.lang != crate::check::syntax::lang::Language::Go)
                })
                .collect();
            index.checked_sub(shift).and_then(|i| positional.get(i).copied())
        };
        let default_of = |index: usize| -> Vec<Piece> {
            match def.params.get(index).and_then(|p| p.default) {
                Some((a, b)) => self.with_file(file, |x| x.eval(a, b, 2)),
                None => vec![Piece::Hole(String::new())],
            }
        };
        let mut filled_field: Option<(String, Option<(usize, usize)>)> = None;
        let mut pieces = Vec::new();
        let mut first_arg: Option<usize> = None;
        for p in &t.pieces {
            match p {
                // A parameter of the factory the method comes from (`bcClient('v2')`).
                Piece::Var(Var::Param { file: f, func: g, index })
                    if *f == file && Some(*g) == def.parent && factory.is_some() =>
                {
                    let open = factory.unwrap_or_default();
                    match self.args(open).get(*index) {
                        Some(&(x, y)) => pieces.extend(self.eval(x, y, 0)),
                        None => match self.project.files[file].index.functions[*g]
                            .params
                            .get(*index)
                            .and_then(|p| p.default)
                        {
                            Some((a, b)) => pieces.extend(self.with_file(file, |x| x.eval(a, b, 2))),
                            None => pieces.push(Piece::Hole(String::new())),
                        },
                    }
                }
                Piece::Var(Var::Param { file: f, func: g, index }) if *f == file && *g == func => {
                    match arg_of(*index) {
                        Some((x, y)) => {
                            first_arg = first_arg.or(Some(x));
                            pieces.extend(self.eval(x, y, 0));
                        }
                        None => pieces.extend(default_of(*index)),
                    }
                }
                Piece::Var(Var::ParamMember { file: f, func: g, index, member }) if *f == file && *g == func => {
                    match arg_of(*index) {
                        Some((x, y)) => {
                            first_arg = first_arg.or(Some(x));
                            // A request object (`new ListProductsRequest()`): its class's member,
                            // placed where that member is written.
                            match self.instance_in(x, y).and_then(|c| self.field_in(c, member)) {
                                Some((v, at)) => {
                                    filled_field.get_or_insert((member.clone(), at));
                                    pieces.extend(v);
                                }
                                None => pieces.extend(self.member_of_expr(x, y, member)),
                            }
                        }
                        None => pieces.push(Piece::Hole(String::new())),
                    }
                }
                Piece::Var(Var::Field { name, .. }) => match on_class.and_then(|c| self.field_in(c, name)) {
                    Some((v, at)) => {
                        filled_field.get_or_insert((name.clone(), at));
                        pieces.extend(v);
                    }
                    // A member only the running program sets (a store hash): a value.
                    None if on_class.is_some() => pieces.push(Piece::Hole(String::new())),
                    None => pieces.push(p.clone()),
                },
                other => pieces.push(other.clone()),
            }
        }
        let method = match &t.method {
            MethodSrc::Var(Var::Param { file: f, func: g, index }, object) if *f == file && *g == func => {
                match arg_of(*index) {
                    Some((x, y)) => self.method_of_arg(x, y, *object),
                    None => {
                        let d = default_of(*index);
                        match d.as_slice() {
                            [Piece::Text(s)] => method_from_str(s).map_or(MethodSrc::Unknown, MethodSrc::Known),
                            _ => MethodSrc::Unknown,
                        }
                    }
                }
            }
            MethodSrc::Var(Var::ParamMember { file: f, func: g, index, member }, _) if *f == file && *g == func => {
                match arg_of(*index) {
                    Some((x, y)) => match self.instance_in(x, y).and_then(|c| self.field_in(c, member)) {
                        Some((v, _)) => method_of_pieces(&v, None),
                        None => method_of_pieces(&self.member_of_expr(x, y, member), None),
                    },
                    None => MethodSrc::Unknown,
                }
            }
            MethodSrc::Var(Var::Field { name, .. }, _) => match on_class.and_then(|c| self.field_in(c, name)) {
                Some((v, _)) => method_of_pieces(&v, None),
                None => t.method.clone(),
            },
            other => other.clone(),
        };
        let t2 = Template { pieces, method, ..t.clone() };
        // Still open on this caller's own parameters: a wrapper of the wrapper.
        let caller = self.index().function_at(site.name_tok);
        let open_here = t2.vars().any(|v| matches!(v, Var::Param { file: f, func: g, .. } | Var::ParamMember { file: f, func: g, .. } if *f == self.file && Some(*g) == caller));
        let pieces: Vec<Piece> = t2
            .pieces
            .iter()
            .map(|p| match p {
                Piece::Var(_) => Piece::Hole(String::new()),
                other => other.clone(),
            })
            .collect();
        let ctx = FileContext { base_url: self.ctx.base_url.clone(), strong: t.strong || self.ctx.strong };
        let tb = t.base.clone();
        let pieces = rooted(pieces, tb.is_some());
        let made = super::target::to_target(&pieces, &|| tb.clone(), t.version, &ctx, true);
        let method_open = matches!(t2.method, MethodSrc::Var(..));
        // Open only in an id position (`catalog/products/${productId}/images`): a call here.
        let resolves = made.as_ref().is_some_and(|(target, _)| crate::resolve::names_route(target));
        if open_here && (method_open || !resolves) {
            return Some(Completion::Template(Template {
                fallback: None,
                at_fn: caller.map(|c| (self.file, c)),
                ..t2
            }));
        }
        let (target, notes) = made?;
        let (mut line, mut column) =
            self.position(first_arg.filter(|&x| self.l.str_at(x).is_some()).unwrap_or(site.name_tok));
        let end = site.open.map_or_else(|| self.expr_end(site.name_tok), |o| self.close_of(o) + 1);
        let start = site.receiver.unwrap_or(site.name_tok);
        let mut written = self.written(start, end);
        let mut at_file = self.file;
        let via = match filled_field {
            // A path a class member holds: placed where the member's value is written.
            Some((name, origin)) => {
                if let Some((f, tok)) = origin {
                    let sx = self.project.syntax(f);
                    (line, column) = sx.position(tok);
                    written = sx.written(tok, tok + 1);
                    at_file = f;
                }
                RawVia {
                    kind: ViaKind::Property,
                    name: Some(name),
                    file: Some(t.file),
                    data_file: None,
                    line: Some(t.line),
                }
            }
            None => RawVia {
                kind: ViaKind::Wrapper,
                name: Some(def.name.to_owned()),
                file: Some(file),
                data_file: None,
                line: Some(self.project.files[file].lexed.toks[def.name_tok].line),
            },
        };
        let method = match t2.method {
            MethodSrc::Known(m) => Some(m),
            _ => None,
        };
        Some(Completion::Call(
            at_file,
            RawCall { line, column, method, written, target, notes, via, document: None, unfollowed: false },
        ))
    }

    /// The value of member `name` for an instance of class `c`, and where its text is written
    /// (file, token).
    pub(super) fn field_in(&self, c: Item, name: &str) -> Option<(Vec<Piece>, Option<Origin>)> {
        let saved = (self.this_class.get(), self.origin.get());
        self.this_class.set(Some(c));
        self.origin.set(None);
        let v = self.member_value(name, 0, 1);
        let origin = self.origin.get();
        self.this_class.set(saved.0);
        self.origin.set(saved.1);
        if !v.iter().any(|p| matches!(p, Piece::Text(t) if !t.is_empty())) {
            return None;
        }
        Some((v, origin))
    }

    /// Complete template `t` in subclass `d` (a file of this extractor): its open members are
    /// `d`'s. The call is placed at the member's definition.
    pub(super) fn complete_in_class(&self, t: &Template, d: Item) -> Option<RawCall> {
        let mut pieces = Vec::new();
        let mut place: Option<String> = None;
        self.this_class.set(Some(d));
        let mut origin: Option<(usize, usize)> = None;
        for p in &t.pieces {
            match p {
                Piece::Var(Var::Field { name, .. }) => {
                    self.origin.set(None);
                    let v = self.member_value(name, 0, 1);
                    if !v.iter().any(|p| matches!(p, Piece::Text(t) if !t.is_empty())) {
                        // A member only the running program sets (a store hash): a value.
                        pieces.push(Piece::Hole(String::new()));
                        continue;
                    }
                    // The member this subclass writes itself, the last one (the path after
                    // the version), is where the call is placed.
                    match self.origin.get() {
                        Some((f, tok)) if f == self.file => {
                            place = Some(name.clone());
                            origin = Some((f, tok));
                        }
                        _ => {
                            place.get_or_insert(name.clone());
                        }
                    }
                    pieces.extend(v);
                }
                Piece::Var(_) => pieces.push(Piece::Hole(String::new())),
                other => pieces.push(other.clone()),
            }
        }
        let method = match &t.method {
            MethodSrc::Known(m) => Some(*m),
            MethodSrc::Var(Var::Field { name, .. }, _) => {
                match method_of_pieces(&self.member_value(name, 0, 1), None) {
                    MethodSrc::Known(m) => Some(m),
                    _ => None,
                }
            }
            _ => None,
        };
        self.this_class.set(None);
        self.origin.set(None);
        let name = place?;
        // Placed where the value is written in this subclass (else at its name).
        let (line, column, written) = match origin {
            Some((f, tok)) if f == self.file => {
                let (l, c) = self.position(tok);
                (l, c, self.written(tok, tok + 1))
            }
            _ => {
                let tok = self.index().classes[d.1].name_tok;
                let (l, c) = self.position(tok);
                (l, c, self.text(tok).to_owned())
            }
        };
        let ctx = FileContext { base_url: self.ctx.base_url.clone(), strong: t.strong || self.ctx.strong };
        let tb = t.base.clone();
        let pieces = rooted(pieces, tb.is_some());
        let (target, notes) = super::target::to_target(&pieces, &|| tb.clone(), t.version, &ctx, true)?;
        let via = RawVia {
            kind: ViaKind::Property,
            name: Some(name),
            file: Some(t.file),
            data_file: None,
            line: Some(t.line),
        };
        Some(RawCall { line, column, method, written, target, notes, via, document: None, unfollowed: false })
    }

    /// The method an argument gives: `'POST'`, `:put`, `HttpMethod.Post`, an options object, or
    /// this caller's own parameter.
    pub(super) fn method_of_arg(&self, x: usize, y: usize, object: bool) -> MethodSrc {
        if object {
            if let Some(m) = self.method_in_object(x, y).or_else(|| self.method_in(x, y, (0, 0))) {
                return MethodSrc::Known(m);
            }
            let text = self.span(x, y);
            if let Some((a, b)) = crate::check::syntax::nav::simple_name(text).and_then(|n| self.lookup(&n, x)) {
                if let Some(m) = self.method_in_object(a, b) {
                    return MethodSrc::Known(m);
                }
            }
            return match self.eval(x, y, 0).as_slice() {
                [Piece::Var(v)] => MethodSrc::Var(v.clone(), true),
                _ => MethodSrc::Unknown,
            };
        }
        if let Some(m) = self.value_method(x) {
            return MethodSrc::Known(m);
        }
        method_of_pieces(&self.eval(x, y, 0), Some(self.text(y.saturating_sub(1))))
    }

    /// Arguments of a Ruby call without parentheses, to the end of its line.
    pub(super) fn ruby_bare_args(&self, name_tok: usize) -> Vec<(usize, usize)> {
        let line = self.l.toks[name_tok].line;
        let start = name_tok + 1;
        if start >= self.n() || self.l.toks[start].line != line || self.is(start, ".") || self.text(start) == "do" {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut s = start;
        let mut i = start;
        while i < self.n() && self.l.toks[i].line == line && !matches!(self.text(i), "do" | "if" | "unless") {
            if self.is(i, "(") || self.is(i, "[") || self.is(i, "{") {
                i = self.close_of(i) + 1;
                continue;
            }
            if self.is(i, ",") {
                out.push((s, i));
                s = i + 1;
            }
            i += 1;
        }
        if s < i {
            out.push((s, i));
        }
        out
    }
}

/// A path relative to a client whose base the checker does not know (`catalog/products` sent
/// by a request class) is read from the API root: `/catalog/products`.
fn rooted(mut pieces: Vec<Piece>, has_base: bool) -> Vec<Piece> {
    if let (false, Some(Piece::Text(t))) = (has_base, pieces.first_mut()) {
        if !t.starts_with('/') && !t.contains("://") && t.bytes().next().is_some_and(|c| c.is_ascii_alphabetic()) {
            t.insert(0, '/');
        }
    }
    pieces
}
