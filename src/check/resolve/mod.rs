//! Resolution: from the index to call sites. Each URL literal is evaluated (following
//! assignments in scope, class members along the hierarchy, clients' base URLs, concatenations
//! and interpolations) and followed to its uses. A value that still depends on a function's
//! parameters or on a subclass's members becomes a template, resolved at the function's call
//! sites (a wrapper) or in each subclass (a property). It reads tokens; it never runs code.

mod bindings;
mod callers;
mod calls;
mod clients;
mod complete;
mod graphql;
mod members;
mod method;
mod project;
mod receivers;
mod sdk;
pub(crate) mod target;
mod templates;
mod usage;
pub(crate) mod value;

pub(crate) use project::resolve_project;
pub(crate) use templates::Template;

use super::index::{Project, Source};
use super::model::ViaKind;
use super::syntax::lang::Language;
use super::syntax::nav::Syntax;
use crate::datafile::vocab::Method;
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use value::Piece;

/// How deep values and call contexts are followed.
const MAX_DEPTH: u8 = 4;
/// How many lines after an assignment its variable's uses are looked for.
const FLOW_LINES: u32 = 80;

/// How a raw call was found; files are indices into the project.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct RawVia {
    pub kind: ViaKind,
    pub name: Option<String>,
    /// The project file of the definition (none for an SDK model or a literal).
    pub file: Option<usize>,
    /// A file outside the project (an SDK model's data file).
    pub data_file: Option<String>,
    pub line: Option<u32>,
}

impl RawVia {
    pub(crate) fn literal() -> RawVia {
        RawVia { kind: ViaKind::Literal, name: None, file: None, data_file: None, line: None }
    }
}

/// A call found in a file, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawCall {
    pub line: u32,
    pub column: u32,
    /// The method, where the code shows it.
    pub method: Option<Method>,
    /// The URL expression as written (white space collapsed).
    pub written: String,
    /// What is resolved: interpolations replaced by placeholder values, base URLs joined.
    pub target: String,
    /// How the target was completed (base URL from the configuration, version assumed, …).
    pub notes: Vec<String>,
    /// How it was found.
    pub via: RawVia,
    /// For a GraphQL request: the document the code sends, and its line.
    pub document: Option<(String, u32)>,
    /// A BigCommerce URL whose use cannot be followed to a request: a note, not a call.
    pub unfollowed: bool,
}

/// What the resolution knows beyond the file.
#[derive(Debug, Clone, Default)]
pub(crate) struct FileContext {
    /// `[client] base_url` of bc-scopes.toml, for paths without a version.
    pub base_url: Option<String>,
    /// The file names BigCommerce (or its `X-Auth-Token` header, or a store hash): paths are
    /// taken as BigCommerce's even where their root is not documented or their version is missing.
    pub strong: bool,
}

/// Extract the calls of one source text, as a project of one file.
pub(crate) fn extract(src: &str, lang: Language, ctx: &FileContext) -> Vec<RawCall> {
    let sources = [Source::new(String::new(), lang, src.to_owned(), ctx.strong)];
    // One source text: a defect panics (the fuzzer and the property tests look for them).
    let project = Project::build(&sources, 1, false);
    let base = FileContext { base_url: ctx.base_url.clone(), strong: false };
    resolve_project(&project, &base, 1).0.into_iter().next().unwrap_or_default()
}

/// The resolution of one file of the project.
pub(crate) struct Extractor<'l, 's> {
    sx: Syntax<'l, 's>,
    project: &'l Project<'s>,
    file: usize,
    ctx: FileContext,
    /// Assignments: name → (token of the `=`, value range). Built only for the client search:
    /// most files need the values of a few names, which [`Self::lookup`] finds without it.
    vars: OnceCell<Vars<'l>>,
    /// Clients with a known base URL: name → base. Built on first use (most files never ask).
    clients: OnceCell<HashMap<String, Vec<Piece>>>,
    /// The assignments found by [`Self::lookup`] for single names, while `vars` is not built. Most
    /// files ask for few names, most of them several times (`BASE` for every call); one that asks
    /// for more builds `vars`.
    found: RefCell<Vec<(Box<str>, Defs)>>,
    /// Templates found while resolving (values that depend on parameters or subclasses).
    templates: RefCell<Vec<Template>>,
    /// The class of the instance, while a template is completed for a subclass.
    this_class: std::cell::Cell<Option<crate::check::index::Item>>,
    /// The class of the instance each receiver token holds (asked once per token: a receiver is
    /// asked for every template of a wrapper's name).
    instances: RefCell<rustc_hash::FxHashMap<usize, Option<crate::check::index::Item>>>,
    /// Methods that are getters (one `return`), by the lower-case names they may answer for
    /// (built on first use: a class of thousands of methods is not scanned per member).
    getters: OnceCell<rustc_hash::FxHashMap<String, Vec<usize>>>,
    /// How many more uses of variables one top-level [`Self::uses`] may follow: each
    /// variable's uses are followed a few levels deep, and names used everywhere (`a = a; a = a; …`)
    /// would otherwise multiply the work per level.
    use_budget: std::cell::Cell<u32>,
    /// Names declared with a project class as their type (built on first use).
    typed: OnceCell<rustc_hash::FxHashMap<&'s str, crate::check::index::Item>>,
    /// The first class member that gave part of a path while a value was evaluated (name, file,
    /// line): the call it makes comes through a property.
    members_used: RefCell<Option<(String, usize, u32)>>,
    /// The first string literal read while completing for a subclass: where its value is written.
    origin: std::rc::Rc<std::cell::Cell<Option<(usize, usize)>>>,
    /// The method arguments found in call ranges so far ([`Self::method_in`]).
    method_scans: method::Scans<Method>,
    /// The method expressions found in call ranges so far ([`Self::method_expr_in`]).
    method_expr_scans: method::Scans<(usize, usize, bool)>,
}

/// Assignments by name: (token of the `=`, value range), in source order.
type Vars<'l> = HashMap<Cow<'l, str>, Defs, rustc_hash::FxBuildHasher>;

/// An assignment: (token of the operator, value range).
type Def = (usize, usize, usize);

/// The assignments to one name, each list in source order, split by where they are seen: a
/// file-level or keyed one (`baseURL: …`, `client.base = …`) from anywhere, a function's own
/// only inside that function's body. The split lets a lookup skip the other functions' locals
/// (a `url` in each of a thousand functions) instead of testing each.
#[derive(Debug, Default)]
struct Defs {
    global: Vec<Def>,
    /// With the body of the innermost function each is in.
    scoped: Vec<(Def, (usize, usize))>,
}

impl Defs {
    fn push(&mut self, d: Def, scope: Option<(usize, usize)>) {
        match scope {
            None => self.global.push(d),
            Some(body) => self.scoped.push((d, body)),
        }
    }

    /// Every assignment, in source order.
    fn iter(&self) -> impl Iterator<Item = Def> + '_ {
        let (mut g, mut s) = (self.global.iter().copied().peekable(), self.scoped.iter().map(|x| x.0).peekable());
        std::iter::from_fn(move || match (g.peek(), s.peek()) {
            (Some(x), Some(y)) if y.0 < x.0 => s.next(),
            (Some(_), _) => g.next(),
            (None, _) => s.next(),
        })
    }
}

impl<'l, 's> std::ops::Deref for Extractor<'l, 's> {
    type Target = Syntax<'l, 's>;
    fn deref(&self) -> &Syntax<'l, 's> {
        &self.sx
    }
}

impl<'l, 's> Extractor<'l, 's> {
    pub(crate) fn new(project: &'l Project<'s>, file: usize, base: &FileContext) -> Extractor<'l, 's> {
        let source = project.files[file].source;
        // The file's own project's base URL (a repository of several apps has one per app).
        let base_url = source.base_url.clone().or_else(|| base.base_url.clone());
        let ctx = FileContext { base_url, strong: source.strong };
        Extractor {
            sx: project.syntax(file),
            project,
            file,
            ctx,
            vars: OnceCell::new(),
            clients: OnceCell::new(),
            found: RefCell::default(),
            templates: RefCell::default(),
            this_class: std::cell::Cell::new(None),
            origin: std::rc::Rc::default(),
            members_used: RefCell::default(),
            typed: OnceCell::new(),
            getters: OnceCell::new(),
            use_budget: std::cell::Cell::new(0),
            instances: RefCell::default(),
            method_scans: RefCell::default(),
            method_expr_scans: RefCell::default(),
        }
    }

    /// The index of this file.
    fn index(&self) -> &'l crate::check::index::file::FileIndex<'s> {
        &self.project.files[self.file].index
    }
}

#[cfg(test)]
mod tests;
