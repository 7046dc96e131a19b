//! Templates: requests whose path or method depends on a function's parameters or on members
//! that subclasses define. They are summarised once where the request is sent, and completed at
//! each call site (a wrapper) or in each subclass (a property).

use super::target::to_target;
use super::usage::Use;
use super::value::{Piece, Var};
use super::{Extractor, RawCall};

use crate::check::conventions::{method_from_name, method_from_str};
use crate::datafile::vocab::Method;
use crate::resolve::names_route;

/// Where a template's method comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum MethodSrc {
    /// Stated where the request is sent.
    Known(Method),
    /// A variable: a parameter (or its member), or a member a subclass defines; `true` when it
    /// is an options object holding the method.
    Var(Var, bool),
    /// Not stated.
    Unknown,
}

/// What identifies a template's completions (see [`Template::key`]).
pub(crate) type TemplateKey =
    (usize, Vec<Piece>, MethodSrc, Option<Vec<Piece>>, Option<&'static str>, bool, u32, Option<(usize, usize)>, bool);

/// A request whose path or method is left open.
#[derive(Debug, Clone)]
pub(crate) struct Template {
    /// The project file where it is sent.
    pub file: usize,
    pub pieces: Vec<Piece>,
    pub method: MethodSrc,
    /// The base URL of the client it is sent through.
    pub base: Option<Vec<Piece>>,
    /// The version named by the client chain (`conn.v2.get`).
    pub version: Option<&'static str>,
    /// The file that sends it names BigCommerce.
    pub strong: bool,
    /// The line where it is sent.
    pub line: u32,
    /// The function (file, index) whose call sites complete it: the innermost one around the
    /// request, or the caller a level up.
    pub at_fn: Option<(usize, usize)>,
    /// The call to report if nothing completes the template (as written, placeholders filled).
    pub fallback: Option<RawCall>,
    /// The functions whose call sites completed it so far, from the request up (as many as
    /// the wrapper levels above the request).
    pub through: Vec<(usize, usize)>,
    /// Completed once at a call inside a function it already passed through (recursion).
    pub cycled: bool,
}

impl Template {
    /// What the template asks of its call sites: two templates with the same key complete to
    /// the same calls (the fallback and the functions passed through aside).
    pub(crate) fn key(&self) -> TemplateKey {
        (
            self.file,
            self.pieces.clone(),
            self.method.clone(),
            self.base.clone(),
            self.version,
            self.strong,
            self.line,
            self.at_fn,
            self.cycled,
        )
    }

    /// The open variables of the template, in order.
    pub(crate) fn vars(&self) -> impl Iterator<Item = &Var> {
        let method = match &self.method {
            MethodSrc::Var(v, _) => Some(v),
            _ => None,
        };
        self.pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Var(v) => Some(v),
                _ => None,
            })
            .chain(method)
    }

    /// The function whose call sites complete the template, if it is open on parameters.
    pub(crate) fn function(&self) -> Option<(usize, usize)> {
        let open = self.vars().any(|v| matches!(v, Var::Param { .. } | Var::ParamMember { .. }));
        if !open {
            return None;
        }
        self.at_fn.or_else(|| {
            self.vars().find_map(|v| match v {
                Var::Param { file, func, .. } | Var::ParamMember { file, func, .. } => Some((*file, *func)),
                Var::Field { .. } => None,
            })
        })
    }
}

impl<'l, 's> Extractor<'l, 's> {
    /// The method of a use, as a template sees it.
    pub(super) fn method_src(&self, u: &Use) -> MethodSrc {
        if let Some(m) = u.method {
            return MethodSrc::Known(m);
        }
        let Some((a, b, object)) = u.method_expr else { return MethodSrc::Unknown };
        if object {
            let text = self.span(a, b);
            return match self.value_of(text, a, 0).into_iter().next() {
                Some(Piece::Var(v)) => MethodSrc::Var(v, true),
                _ => MethodSrc::Unknown,
            };
        }
        // `HttpMethod.Get`, `Method::POST` through a member or constant: its last name.
        method_of_pieces(&self.eval(a, b, 0), Some(self.text(b.saturating_sub(1))))
    }

    /// Decide what a use of the value `pieces` makes: the call as written, or a template (its
    /// path or method is open). `written` is the call the pieces make as they are, if any.
    pub(super) fn call_or_template(
        &self,
        pieces: &[Piece],
        u: &Use,
        at: usize,
        line: u32,
        written: Option<RawCall>,
    ) -> Option<RawCall> {
        let method = self.method_src(u);
        let open = pieces.iter().any(|p| matches!(p, Piece::Var(_)));
        let method_open = matches!(method, MethodSrc::Var(..));
        if !open && !method_open {
            return written;
        }
        let resolves = written.as_ref().is_some_and(|c| names_route(&c.target));
        // A parameter in an id position (`/catalog/products/${id}`): the route is known as written.
        if !method_open && resolves {
            return written;
        }
        if !(u.http || u.method.is_some() || u.method_expr.is_some() || u.described) {
            return None;
        }
        // A value in another argument (a header) is not the request's URL.
        if !(u.url_arg || u.described) {
            return if open { None } else { written };
        }
        let base = u.base.clone().or_else(|| u.receiver.as_ref().and_then(|r| self.clients().get(r).cloned()));
        self.templates.borrow_mut().push(Template {
            file: self.file,
            pieces: pieces.to_vec(),
            method,
            base,
            version: u.version,
            strong: self.ctx.strong,
            line,
            at_fn: self.index().function_at(at).map(|f| (self.file, f)),
            fallback: written,
            through: Vec::new(),
            cycled: false,
        });
        None
    }

    /// A template's pieces as a call's target, if they make one.
    pub(super) fn target_of(&self, pieces: &[Piece], u: &Use) -> Option<(String, Vec<String>)> {
        let client_base =
            || u.base.clone().or_else(|| u.receiver.as_ref().and_then(|r| self.clients().get(r).cloned()));
        let http = u.http || u.method.is_some() || u.method_expr.is_some();
        to_target(pieces, &client_base, u.version, &self.ctx, http)
    }

    /// Take the templates found.
    pub(super) fn take_templates(&self) -> Vec<Template> {
        std::mem::take(&mut *self.templates.borrow_mut())
    }
}

/// A method from a value: `'PUT'`, `HttpMethod.Put`, or a variable left open.
pub(super) fn method_of_pieces(v: &[Piece], tail: Option<&str>) -> MethodSrc {
    match v {
        [Piece::Text(s)] => method_from_str(s)
            .or_else(|| method_from_name(s.rsplit(['.', ':']).next().unwrap_or(s)))
            .map_or(MethodSrc::Unknown, MethodSrc::Known),
        [Piece::Var(var)] => MethodSrc::Var(var.clone(), false),
        _ => tail.and_then(method_from_name).map_or(MethodSrc::Unknown, MethodSrc::Known),
    }
}
