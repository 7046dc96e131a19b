//! Resolution across the project: each file's literal calls and templates, then templates
//! completed at their functions' call sites (wrappers, a few levels up) and in the subclasses
//! that define their members (properties), then SDK calls.

use super::templates::{MethodSrc, Template};
use super::value::{Piece, Var};
use super::{Extractor, FileContext, RawCall, RawVia};
use crate::check::conventions::{method_from_name, method_from_str, GENERIC_WRAPPERS};
use crate::check::index::file::is_self;
use crate::check::index::{parallel_map, Item, Project};
use crate::check::model::ViaKind;
use crate::datafile::vocab::Method;
use std::collections::BTreeSet;

/// How many wrapper levels are followed above the request.
const MAX_LEVELS: u8 = 4;
/// At most this many call sites are read per template (a helper called everywhere).
const MAX_SITES: usize = 2000;

/// The calls of every file of the project, by file.
pub(crate) fn resolve_project(project: &Project<'_>, base: &FileContext, threads: usize) -> Vec<Vec<RawCall>> {
    let indices: Vec<usize> = (0..project.files.len()).collect();
    let found = parallel_map(&indices, threads, |&fi| {
        if project.files[fi].failed {
            return (Vec::new(), Vec::new());
        }
        let x = Extractor::new(project, fi, base);
        let calls = x.run();
        let mut sdk = x.sdk_calls();
        let mut calls = calls;
        calls.append(&mut sdk);
        (calls, x.take_templates())
    });
    let mut calls: Vec<Vec<RawCall>> = Vec::with_capacity(found.len());
    let mut templates: Vec<Template> = Vec::new();
    for f in found {
        let (c, t) = f.unwrap_or_default();
        calls.push(c);
        templates.extend(t);
    }
    if !templates.is_empty() {
        complete(project, base, templates, &mut calls);
    }
    for file_calls in &mut calls {
        tidy(file_calls);
    }
    calls
}

/// Complete the templates: at call sites, then in subclasses; report the fallbacks of those
/// nothing completed.
fn complete(project: &Project<'_>, base: &FileContext, templates: Vec<Template>, calls: &mut [Vec<RawCall>]) {
    let mut queue: Vec<Template> = templates;
    let mut completed_any: BTreeSet<usize> = BTreeSet::new();
    let mut originals: Vec<Template> = Vec::new();
    // Each template carries the index of the original it came from (for the fallbacks).
    let mut origin: Vec<usize> = Vec::new();
    for (i, t) in queue.iter().enumerate() {
        originals.push(t.clone());
        origin.push(i);
    }
    if std::env::var_os("BC_SCOPES_DEBUG").is_some() {
        for t in &queue {
            eprintln!("template {}:{} {:?} method {:?} fn {:?}", project.files[t.file].source.path, t.line, t.pieces, t.method, t.function());
        }
    }
    let mut extractors: Vec<Option<Extractor<'_, '_>>> = (0..project.files.len()).map(|_| None).collect();
    for level in 0..MAX_LEVELS {
        let mut next: Vec<Template> = Vec::new();
        let mut next_origin: Vec<usize> = Vec::new();
        for (t, &o) in queue.iter().zip(&origin) {
            let Some((file, func)) = t.function() else { continue };
            for site in call_sites(project, file, func) {
                let x = extractors[site.file].get_or_insert_with(|| Extractor::new(project, site.file, base));
                let done = x.complete_at(t, file, func, &site);
                if std::env::var_os("BC_SCOPES_DEBUG").is_some() {
                    eprintln!("site {}:{} of {} -> {}", project.files[site.file].source.path, project.files[site.file].lexed.toks[site.name_tok].line, project.files[file].index.functions[func].name, match &done { Some(Completion::Call(_, c)) => format!("call {:?} {}", c.method, c.target), Some(Completion::Template(t)) => format!("template {:?}", t.pieces), None => "none".into() });
                }
                match done {
                    Some(Completion::Call(f, c)) => {
                        calls[f].push(c);
                        completed_any.insert(o);
                    }
                    Some(Completion::Template(mut t2)) => {
                        t2.level = level + 1;
                        next.push(t2);
                        next_origin.push(o);
                        completed_any.insert(o);
                    }
                    None => {}
                }
            }
        }
        if next.is_empty() {
            break;
        }
        queue = next;
        origin = next_origin;
    }
    // Properties: members that only subclasses define.
    for (i, t) in originals.iter().enumerate() {
        if t.function().is_some() && completed_any.contains(&i) {
            continue;
        }
        let Some(class) = t.vars().find_map(|v| match v {
            Var::Field { class, .. } => Some(*class),
            _ => None,
        }) else {
            continue;
        };
        for d in project.descendants(class) {
            let x = extractors[d.0].get_or_insert_with(|| Extractor::new(project, d.0, base));
            if let Some(c) = x.complete_in_class(t, d) {
                calls[d.0].push(c);
                completed_any.insert(i);
            }
        }
    }
    // Nothing completed a template: the call as written, where its route is known or its open
    // values are ids inside a path (`/v2/products/${id}/images`). A path that is a parameter
    // (`${base}/${path}`) of a function nobody calls says nothing.
    for (i, t) in originals.into_iter().enumerate() {
        if completed_any.contains(&i) {
            continue;
        }
        let ends_open = !t.pieces.last().is_some_and(|p| matches!(p, Piece::Text(s) if s.bytes().any(|c| c.is_ascii_alphabetic())));
        if let Some(c) = t.fallback {
            if crate::resolve::names_route(&c.target) || !ends_open {
                calls[t.file].push(c);
            }
        }
    }
}

/// Sort, drop repeats, and keep one finding per place: a call found through a wrapper,
/// property or SDK replaces the literal reading of the same place.
fn tidy(calls: &mut Vec<RawCall>) {
    // Where a place is read both ways, the wrapper's, property's or SDK's reading comes first and stays.
    calls.sort_by(|a, b| {
        let key = |c: &RawCall| (c.line, c.column, c.method, c.target.clone(), c.via.kind == ViaKind::Literal);
        key(a).cmp(&key(b))
    });
    calls.dedup_by(|b, a| a.line == b.line && a.column == b.column && a.method == b.method && a.target == b.target);
    let resolved: BTreeSet<(u32, u32)> =
        calls.iter().filter(|c| c.via.kind != ViaKind::Literal).map(|c| (c.line, c.column)).collect();
    calls.retain(|c| c.via.kind != ViaKind::Literal || !resolved.contains(&(c.line, c.column)));
    // One request found from each of the literals it is assembled from (`$path = 'v3/…';
    // $path = 'stores/' . $path; delete('https://…/' . $path)`) is one call.
    let mut kept: Vec<RawCall> = Vec::with_capacity(calls.len());
    for c in calls.drain(..) {
        let same_place = |k: &RawCall| {
            k.line == c.line && k.column == c.column && k.method == c.method && gateway_path(&k.target) == gateway_path(&c.target)
        };
        let repeat = kept.iter().any(|k| same_place(k) && k.unfollowed == c.unfollowed) || kept.iter().any(|k| {
            k.via.kind == ViaKind::Literal
                && c.via.kind == ViaKind::Literal
                && !k.unfollowed
                && !c.unfollowed
                && k.method == c.method
                && gateway_path(&k.target) == gateway_path(&c.target)
                && c.line.abs_diff(k.line) <= 3
        });
        if !repeat {
            kept.push(c);
        }
    }
    *calls = kept;
    // A URL that is a call somewhere is no note there.
    let lines: BTreeSet<u32> = calls.iter().filter(|c| !c.unfollowed).map(|c| c.line).collect();
    calls.retain(|c| !c.unfollowed || !lines.contains(&c.line));
}

/// A target without the gateway's host and store (`https://api.bigcommerce.com/stores/1/v3/x`
/// and `/v3/x` are one path).
fn gateway_path(target: &str) -> &str {
    let t = target.strip_prefix("https://api.bigcommerce.com").unwrap_or(target);
    match t.strip_prefix("/stores/") {
        Some(rest) => rest.find('/').map_or(t, |i| &rest[i..]),
        None => t,
    }
}

/// A call of a function: where, and through what.
pub(super) struct Site {
    pub file: usize,
    /// The token of the function's name at the call.
    pub name_tok: usize,
    /// The call's `(` (none for a Ruby call without parentheses).
    pub open: Option<usize>,
    /// The receiver's token (`client` of `client.get(…)`), if any.
    pub receiver: Option<usize>,
}

/// What a template becomes at a call site.
pub(super) enum Completion {
    /// A call, in a file of the project.
    Call(usize, RawCall),
    Template(Template),
}

/// The call sites of function `func` of file `file` across the project.
fn call_sites(project: &Project<'_>, file: usize, func: usize) -> Vec<Site> {
    let def = &project.files[file].index.functions[func];
    let name = def.name;
    let lang = project.files[file].source.language;
    let generic = GENERIC_WRAPPERS.contains(&name) || method_from_name(name).is_some();
    let mut out = Vec::new();
    for (fi, f) in project.files.iter().enumerate() {
        if !f.source.language.same_family(lang) || memchr::memmem::find(f.source.text.as_bytes(), name.as_bytes()).is_none() {
            continue;
        }
        let sx = project.syntax(fi);
        for &o in &sx.l.ops {
            let o = o as usize;
            if !sx.is(o, "(") || o == 0 {
                continue;
            }
            let nt = sx.callee_end(o);
            if !sx.l.is_ident(nt) || crate::check::syntax::nav::norm_name(sx.text(nt)) != name {
                continue;
            }
            if fi == file && nt == def.name_tok {
                continue;
            }
            // A definition of another function of the same name is not a call.
            if f.index.functions.iter().any(|g| g.name_tok == nt) {
                continue;
            }
            let receiver = (nt >= 2 && sx.is_member_op(nt - 1)).then_some(nt - 2);
            if generic && fi != file && receiver.is_none() && def.class.is_none() {
                // A bare `get(…)` elsewhere is some other `get`, unless this file is imported there.
                if !imports(project, fi, file) {
                    continue;
                }
            }
            out.push(Site { file: fi, name_tok: nt, open: Some(o), receiver });
            if out.len() >= MAX_SITES {
                return out;
            }
        }
        if lang == crate::check::syntax::lang::Language::Ruby {
            ruby_bare_sites(project, fi, file, func, &mut out);
        }
    }
    out
}

/// Ruby calls without parentheses: `Product.all`, `client.get "catalog/products"`.
fn ruby_bare_sites(project: &Project<'_>, fi: usize, file: usize, func: usize, out: &mut Vec<Site>) {
    let def = &project.files[file].index.functions[func];
    let sx = project.syntax(fi);
    for i in 1..sx.l.toks.len() {
        if !sx.l.is_ident(i) || sx.text(i) != def.name || sx.is(i + 1, "(") || (fi == file && i == def.name_tok) {
            continue;
        }
        if sx.text(i - 1) == "def" || !sx.is_member_op(i - 1) {
            continue;
        }
        out.push(Site { file: fi, name_tok: i, open: None, receiver: Some(i - 2) });
    }
}

/// Whether file `from` names file `to` in its imports (by its stem: `./client`, `client.rb`,
/// `App\Api\Client`).
fn imports(project: &Project<'_>, from: usize, to: usize) -> bool {
    if from == to {
        return true;
    }
    let path = &project.files[to].source.path;
    let stem = path.rsplit('/').next().unwrap_or(path).split('.').next().unwrap_or("");
    !stem.is_empty() && memchr::memmem::find(project.files[from].source.text.as_bytes(), stem.as_bytes()).is_some()
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
                if self.l.is_ident(x) && crate::check::syntax::nav::norm_name(self.text(x)) == p.name && matches!(self.text(x + 1), "=" | ":") && y > x + 2 {
                    return Some((x + 2, y));
                }
            }
            let positional: Vec<(usize, usize)> = args
                .iter()
                .copied()
                .filter(|&(x, y)| !(self.l.is_ident(x) && matches!(self.text(x + 1), "=" | ":") && y > x + 2 && self.lang != crate::check::syntax::lang::Language::Go))
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
                Piece::Var(Var::Param { file: f, func: g, index }) if *f == file && Some(*g) == def.parent && factory.is_some() => {
                    let open = factory.unwrap_or_default();
                    match self.args(open).get(*index) {
                        Some(&(x, y)) => pieces.extend(self.eval(x, y, 0)),
                        None => match self.project.files[file].index.functions[*g].params.get(*index).and_then(|p| p.default) {
                            Some((a, b)) => pieces.extend(self.with_file(file, |x| x.eval(a, b, 2))),
                            None => pieces.push(Piece::Hole(String::new())),
                        },
                    }
                }
                Piece::Var(Var::Param { file: f, func: g, index }) if *f == file && *g == func => match arg_of(*index) {
                    Some((x, y)) => {
                        first_arg = first_arg.or(Some(x));
                        pieces.extend(self.eval(x, y, 0));
                    }
                    None => pieces.extend(default_of(*index)),
                },
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
            MethodSrc::Var(Var::Param { file: f, func: g, index }, object) if *f == file && *g == func => match arg_of(*index) {
                Some((x, y)) => self.method_of_arg(x, y, *object),
                None => {
                    let d = default_of(*index);
                    match d.as_slice() {
                        [Piece::Text(s)] => method_from_str(s).map_or(MethodSrc::Unknown, MethodSrc::Known),
                        _ => MethodSrc::Unknown,
                    }
                }
            },
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
        let pieces: Vec<Piece> = t2.pieces.iter().map(|p| match p {
            Piece::Var(_) => Piece::Hole(String::new()),
            other => other.clone(),
        }).collect();
        let ctx = FileContext { base_url: self.ctx.base_url.clone(), strong: t.strong || self.ctx.strong };
        let tb = t.base.clone();
        let pieces = rooted(pieces, tb.is_some());
        let made = super::target::to_target(&pieces, &|| tb.clone(), t.version, &ctx, true);
        let method_open = matches!(t2.method, MethodSrc::Var(..));
        // Open only in an id position (`catalog/products/${productId}/images`): a call here.
        let resolves = made.as_ref().is_some_and(|(target, _)| crate::resolve::names_route(target));
        if open_here && (method_open || !resolves) {
            return Some(Completion::Template(Template { fallback: None, at_fn: caller.map(|c| (self.file, c)), ..t2 }));
        }
        let (target, notes) = made?;
        let (mut line, mut column) = self.position(first_arg.filter(|&x| self.l.str_at(x).is_some()).unwrap_or(site.name_tok));
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
                RawVia { kind: ViaKind::Property, name: Some(name), file: Some(t.file), data_file: None, line: Some(t.line) }
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
        Some(Completion::Call(at_file, RawCall { line, column, method, written, target, notes, via, document: None, unfollowed: false }))
    }

    /// The class a call is made on, when the wrapper is a method: `this`/`self` in a subclass,
    /// a receiver bound to an instance, a class name (`Product.all`). `None` inside means the
    /// call is accepted without a class; an outer `None` rejects the site (another class's
    /// method of the same name).
    fn site_class(&self, site: &Site, def_class: Option<Item>, def: (usize, usize)) -> Option<Option<Item>> {
        let Some(dc) = def_class else {
            let f = &self.project.files[def.0].index.functions[def.1];
            let generic = GENERIC_WRAPPERS.contains(&f.name) || method_from_name(f.name).is_some();
            return match site.receiver {
                // `bcClient('v2').get(…)`, `v3.get(…)` with `v3 = bcClient('v3')`: a factory's method.
                Some(_) if generic => self.factory_call(site, def).map(|_| None),
                _ => Some(None),
            };
        };
        let dc_name = self.project.files[dc.0].index.classes[dc.1].name;
        let related = |c: Item| self.project.lineage(c).contains(&dc);
        let own = || self.index().class_at(site.name_tok).map(|c| (self.file, c));
        let Some(r) = site.receiver else {
            // A bare call in a method of the class or a subclass.
            return match own() {
                Some(c) if related(c) => Some(Some(c)),
                _ => None,
            };
        };
        let rt = self.text(r);
        let go_self = self.index().function_at(site.name_tok).and_then(|f| self.index().functions[f].receiver) == Some(rt);
        if is_self(rt) || go_self || (rt == "class" && r >= 2 && self.text(r - 2) == "self") {
            return match own() {
                Some(c) if related(c) => Some(Some(c)),
                _ => None,
            };
        }
        // `Product.all`, `Product::find(1)`: the class itself.
        if let Some(c) = self.project.class_named(crate::check::syntax::nav::norm_name(rt), self.file) {
            return related(c).then_some(Some(c));
        }
        // A variable or member holding an instance: `$client = new Client(…)`, `@products = Product.new`.
        if let Some(c) = self.instance_class(r) {
            return related(c).then_some(Some(c));
        }
        let generic = GENERIC_WRAPPERS.contains(&self.text(site.name_tok)) || method_from_name(self.text(site.name_tok)).is_some();
        if !generic {
            return Some(None);
        }
        // A generic name (`get`, `request`) through a receiver named after the class (`client` of
        // `BigCommerceClient`).
        let rl = crate::check::syntax::nav::norm_name(rt).trim_start_matches('_').to_ascii_lowercase();
        let cl = dc_name.to_ascii_lowercase();
        (rl.len() >= 3 && (cl.ends_with(&rl) || rl.contains(&cl))).then_some(None)
    }

    /// The call of the factory that defines function `def` (its parent), made by the receiver of
    /// a call site: the receiver is the call (`bcClient('v2').get`) or a name bound to it. The
    /// factory call's `(`.
    fn factory_call(&self, site: &Site, def: (usize, usize)) -> Option<usize> {
        let f = &self.project.files[def.0].index.functions[def.1];
        let parent = f.parent?;
        let factory = self.project.files[def.0].index.functions[parent].name;
        let r = site.receiver?;
        let find = |a: usize, b: usize| {
            (a..b.min(self.n())).find(|&j| self.l.is_ident(j) && self.text(j) == factory && self.is(j + 1, "(")).map(|j| j + 1)
        };
        if self.is(r, ")") {
            let open = self.l.matching.get(r).copied().filter(|&o| o != crate::check::syntax::lexer::NONE)? as usize;
            return (self.text(self.callee_end(open)) == factory).then_some(open);
        }
        let (a, b) = self.lookup(self.text(r), r)?;
        find(a, b)
    }

    /// The class of the instance a receiver token holds, from its binding (`new X(`, `X.new`,
    /// `X(`), its member definition, or its typed parameter.
    fn instance_class(&self, r: usize) -> Option<Item> {
        let name = crate::check::syntax::nav::norm_name(self.text(r));
        let member = r >= 2 && self.is_member_op(r - 1) && is_self(self.text(r - 2))
            || self.lang == crate::check::syntax::lang::Language::Ruby && r >= 1 && self.is(r - 1, "@");
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        if member {
            if let Some(c) = self.index().class_at(r) {
                for item in self.project.lineage((self.file, c)) {
                    if item.0 == self.file {
                        ranges.extend(self.index().classes[item.1].members.iter().filter(|m| m.name == name).map(|m| m.value));
                    }
                }
            }
        } else if let Some(range) = self.lookup(name, r) {
            ranges.push(range);
        }
        // A typed parameter: `client: BigCommerceClient`, `Client $client`, `Client client`.
        if let Some((f, i)) = self.param_at(name, r) {
            let fun = &self.index().functions[f];
            let _ = (fun, i);
            let open = fun.name_tok + 1;
            if let Some(&(x, y)) = self.args(open).get(i) {
                ranges.push((x, y));
            }
        }
        // A declaration with the type: `BigCommerceClient bigCommerce` (C#, Java, a primary
        // constructor), `private BigCommerce $bigCommerce` (PHP), `client: BigCommerceClient`.
        for j in 1..self.n() {
            if !(self.l.is_ident(j) && crate::check::syntax::nav::norm_name(self.text(j)) == name) {
                continue;
            }
            let typed = if self.l.is_ident(j - 1) {
                Some(j - 1)
            } else if self.is(j + 1, ":") && self.l.is_ident(j + 2) {
                Some(j + 2)
            } else {
                None
            };
            if let Some(c) = typed.and_then(|t| self.class_in(self.file, t, t + 1)) {
                return Some(c);
            }
        }
        for (a, b) in ranges {
            if let Some(c) = self.class_in(self.file, a, b.min(self.n())) {
                return Some(c);
            }
            // A factory of the project: `bigcommerce.New(…)`, `make_client()`, whose body
            // builds the instance.
            for j in a..b.min(self.n()) {
                if self.l.is_ident(j) && self.is(j + 1, "(") {
                    let name = crate::check::syntax::nav::norm_name(self.text(j));
                    for &(f, g) in self.project.functions_named(name) {
                        let body = self.project.files[f].index.functions[g].body;
                        let found = self.with_file(f, |x| x.class_in(f, body.0, body.1.min(body.0 + 400)));
                        if found.is_some() {
                            return found;
                        }
                    }
                }
            }
        }
        None
    }

    /// The first class of the project named among tokens `a..b` of this file.
    fn class_in(&self, file: usize, a: usize, b: usize) -> Option<Item> {
        (a..b.min(self.n())).find_map(|j| {
            if !self.l.is_ident(j) {
                return None;
            }
            let t = crate::check::syntax::nav::norm_name(self.text(j));
            if !t.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
                return None;
            }
            // `Bigcommerce::Product.new`: the class is the last segment.
            if (self.is(j + 1, "::") || self.is(j + 1, ".") || self.is(j + 1, "\\")) && self.l.is_ident(j + 2) {
                let next = self.text(j + 2);
                if next.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
                    return None;
                }
            }
            self.project.class_named(t, file)
        })
    }

    /// The value of member `name` for an instance of class `c`, and where its text is written
    /// (file, token).
    fn field_in(&self, c: Item, name: &str) -> Option<(Vec<Piece>, Option<(usize, usize)>)> {
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
            MethodSrc::Var(Var::Field { name, .. }, _) => match method_of_pieces(&self.member_value(name, 0, 1), None) {
                MethodSrc::Known(m) => Some(m),
                _ => None,
            },
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
        let via = RawVia { kind: ViaKind::Property, name: Some(name), file: Some(t.file), data_file: None, line: Some(t.line) };
        Some(RawCall { line, column, method, written, target, notes, via, document: None, unfollowed: false })
    }

    /// The method an argument gives: `'POST'`, `:put`, `HttpMethod.Post`, an options object, or
    /// this caller's own parameter.
    fn method_of_arg(&self, x: usize, y: usize, object: bool) -> MethodSrc {
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

    /// The class of the instance an argument makes or holds: `new X(…)`, `X.new`, `X(…)`, or a
    /// variable bound to one.
    fn instance_in(&self, x: usize, y: usize) -> Option<Item> {
        if let Some(c) = self.class_in(self.file, x, y.min(x + 4)) {
            return Some(c);
        }
        if self.l.is_ident(x) && y == x + 1 {
            let (a, b) = self.lookup(self.text(x), x)?;
            return self.class_in(self.file, a, b.min(a + 4));
        }
        None
    }

    /// Arguments of a Ruby call without parentheses, to the end of its line.
    fn ruby_bare_args(&self, name_tok: usize) -> Vec<(usize, usize)> {
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

/// A method from a value: `'PUT'`, `HttpMethod.Put`, or a variable left open.
fn method_of_pieces(v: &[Piece], tail: Option<&str>) -> MethodSrc {
    match v {
        [Piece::Text(s)] => method_from_str(s).or_else(|| method_from_name(s.rsplit(['.', ':']).next().unwrap_or(s))).map_or(MethodSrc::Unknown, MethodSrc::Known),
        [Piece::Var(var)] => MethodSrc::Var(var.clone(), false),
        _ => tail.and_then(method_from_name).map_or(MethodSrc::Unknown, MethodSrc::Known),
    }
}

