//! Names beyond the local scope: parameters, class members along the hierarchy (fields,
//! constants, getters), static members of named classes, and constants of other files.

use super::value::{Piece, Var};
use super::{Extractor, MAX_DEPTH};
use crate::check::index::Item;
use crate::check::syntax::nav::norm_name;

impl<'l, 's> Extractor<'l, 's> {
    /// The function holding token `at` and the index of its parameter `name`.
    pub(super) fn param_at(&self, name: &str, at: usize) -> Option<(usize, usize)> {
        let name = norm_name(name);
        let ix = self.index();
        let mut f = ix.function_at(at)?;
        // Closures inside a function see its parameters too.
        for _ in 0..4 {
            if let Some(i) = ix.functions[f].param(name) {
                return Some((f, i));
            }
            let body = ix.functions[f].body;
            f = ix
                .functions
                .iter()
                .enumerate()
                .filter(|(_, g)| g.body.0 < body.0 && body.1 <= g.body.1)
                .max_by_key(|(_, g)| g.body.0)?
                .0;
        }
        None
    }

    /// Whether tokens `x` and `at` are in the same function (or both outside any).
    pub(super) fn same_function(&self, x: usize, at: usize) -> bool {
        let ix = self.index();
        match ix.function_at(x) {
            None => false,
            Some(f) => {
                let b = ix.functions[f].body;
                b.0 <= at && at < b.1
            }
        }
    }

    /// The value of member `name` of the instance, seen from token `at`: the class's own
    /// definition or an ancestor's; a [`Var::Field`] where only subclasses can say.
    pub(super) fn member_value(&self, name: &str, at: usize, depth: u8) -> Vec<Piece> {
        let name = norm_name(name);
        // Completing for a subclass: the instance is of that class (virtual dispatch).
        let this = self.this_class.get();
        let Some(c) = this.or_else(|| self.index().class_at(at).map(|c| (self.file, c))) else {
            // A script's `self.base` outside any class: the plain binding, if any.
            return match self.lookup(name, at) {
                Some((a, b)) => self.eval(a, b, depth + 1),
                None => vec![Piece::Hole(name.to_owned())],
            };
        };
        // A member a subclass redefines depends on the instance's class.
        if this.is_none() && self.overridden(c, name) {
            return vec![Piece::Var(Var::Field { class: c, name: name.to_owned() })];
        }
        for item in self.project.lineage(c) {
            if let Some(v) = self.with_file(item.0, |x| x.class_member(item.1, name, depth)) {
                self.note_member(item, name, &v);
                return v;
            }
        }
        vec![Piece::Var(Var::Field { class: c, name: name.to_owned() })]
    }

    /// Remember a member that gave part of a path (beyond the host and version), for the via of
    /// the call it makes: `baseUri = …/v3/catalog` is a property; `apiHost` is not.
    fn note_member(&self, item: Item, name: &str, v: &[Piece]) {
        let text: String = v
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.as_str(),
                _ => "/",
            })
            .collect();
        let path = match text.find("://") {
            Some(i) => text[i + 3..].find('/').map_or("", |j| &text[i + 3 + j..]),
            None => text.as_str(),
        };
        let after_version = ["/v3", "/v2"].iter().find_map(|v| path.find(v).map(|i| &path[i + 3..])).unwrap_or(path);
        let after_store =
            after_version.strip_prefix("/stores/").map_or(after_version, |r| r.find('/').map_or("", |i| &r[i..]));
        if !after_store
            .split('/')
            .any(|seg| seg.len() > 2 && seg.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-'))
        {
            return;
        }
        let f = &self.project.files[item.0];
        let tok = f.index.classes[item.1]
            .members
            .iter()
            .find(|m| m.name == name)
            .map_or(f.index.classes[item.1].name_tok, |m| m.tok);
        let line = f.lexed.toks.get(tok).map_or(1, |t| t.line);
        self.members_used.borrow_mut().get_or_insert((name.to_owned(), item.0, line));
    }

    /// Whether a subclass of `c` defines member `name` (a field, or a getter of it).
    fn overridden(&self, c: Item, name: &str) -> bool {
        self.project.descendants(c).into_iter().any(|d| {
            let ix = &self.project.files[d.0].index;
            let cls = &ix.classes[d.1];
            cls.members.iter().any(|m| m.name == name)
                || ix.functions.iter().any(|f| f.class == Some(d.1) && f.returns.is_some() && getter_of(f.name, name))
        })
    }

    /// Run `f` on the resolution of project file `file` (this one, or a fresh one for another).
    pub(super) fn with_file<R>(&self, file: usize, f: impl FnOnce(&Extractor<'l, 's>) -> R) -> R {
        if file == self.file {
            f(self)
        } else {
            let x = Extractor::new(self.project, file, &super::FileContext::default());
            x.this_class.set(self.this_class.get());
            let x = Extractor { origin: self.origin.clone(), ..x };
            f(&x)
        }
    }

    /// The value of member `name` defined by class `class` of this file itself: a field or
    /// constant, else a getter (`name()`, `getName()`, `get_name()`).
    pub(super) fn class_member(&self, class: usize, name: &str, depth: u8) -> Option<Vec<Piece>> {
        if depth >= MAX_DEPTH {
            return None;
        }
        let ix = self.index();
        let c = &ix.classes[class];
        for m in c.members.iter().filter(|m| m.name == name) {
            let v = self.eval(m.value.0, m.value.1, depth + 1);
            let v = self.with_defaults(v, m.in_function);
            // `protected $endpoint = '';` in a base class: subclasses say.
            if v.iter().any(|p| matches!(p, Piece::Text(t) if !t.is_empty()))
                || v.iter().any(|p| matches!(p, Piece::Var(_)))
            {
                return Some(v);
            }
        }
        if let Some(f) = self.getter(class, name) {
            let (a, b) = f.returns?;
            let v = self.eval(a, b, depth + 1);
            if v.iter().any(|p| !matches!(p, Piece::Hole(_))) {
                return Some(v);
            }
        }
        None
    }

    /// Parameters of the function a member is assigned in (a constructor) become their
    /// defaults: `def initialize(hash, api_version = 'v3'); @api_version = api_version`.
    fn with_defaults(&self, v: Vec<Piece>, func: Option<usize>) -> Vec<Piece> {
        let Some(func) = func else { return v };
        let ix = self.index();
        let mut out = Vec::new();
        for p in v {
            match p {
                Piece::Var(Var::Param { file, func: f, index }) if file == self.file && f == func => {
                    match ix.functions[f].params.get(index).and_then(|p| p.default) {
                        Some((a, b)) => out.extend(self.eval(a, b, MAX_DEPTH - 1)),
                        None => out.push(Piece::Hole(String::new())),
                    }
                }
                other => out.push(other),
            }
        }
        out
    }

    /// `Endpoints::PRODUCTS`, `Config.API_HOST`: a member of a class the project defines.
    pub(super) fn static_member(&self, class: &str, name: &str, depth: u8) -> Option<Vec<Piece>> {
        let item: Item = self.project.class_named(norm_name(class), self.file)?;
        self.with_file(item.0, |x| x.class_member(item.1, name, depth + 1))
    }

    /// A constant of another file (an exported `BASE_URL`, a PHP `define`): the only file-level
    /// binding of that name in the project, in a file of the same language family.
    pub(super) fn global(&self, name: &str, depth: u8) -> Option<Vec<Piece>> {
        if depth + 1 >= MAX_DEPTH || name.len() < 3 || !name.bytes().any(|c| c.is_ascii_uppercase() || c == b'_') {
            return None;
        }
        let lang = self.lang;
        let mut found: Option<Vec<Piece>> = None;
        for &fi in self.project.files_binding(name) {
            let f = &self.project.files[fi];
            if fi == self.file || !f.source.language.same_family(lang) {
                continue;
            }
            let v = self.with_file(fi, |x| {
                let (a, b) = x.lookup(name, usize::MAX)?;
                (x.index().function_at(a).is_none()).then(|| x.eval(a, b, depth + 1))
            });
            if let Some(v) = v.filter(|v| v.iter().any(Piece::is_text)) {
                if found.is_some() {
                    return None;
                }
                found = Some(v);
            }
        }
        found
    }
}

/// Whether function `f` is a getter of member `name`: `path`, `getPath`, `get_path`, `Path`.
/// The lower-case names a method named `f` may be a getter for, as [`getter_of`] compares them:
/// its own name, and its name without a `get` prefix.
fn getter_keys(f: &str) -> impl Iterator<Item = String> + '_ {
    let rest = f.strip_prefix("get_").or_else(|| f.strip_prefix("get")).or_else(|| f.strip_prefix("Get"));
    std::iter::once(f).chain(rest).map(str::to_ascii_lowercase)
}

/// The lower-case keys under which [`getter_keys`] files every method that is a getter for
/// member `name`.
fn getter_queries(name: &str) -> impl Iterator<Item = String> + '_ {
    let bare = name.trim_start_matches("get_").trim_start_matches("get");
    std::iter::once(name).chain(Some(bare)).chain(name.strip_prefix("get")).map(str::to_ascii_lowercase)
}

fn getter_of(f: &str, name: &str) -> bool {
    if f.eq_ignore_ascii_case(name) {
        return true;
    }
    let rest = f.strip_prefix("get_").or_else(|| f.strip_prefix("get")).or_else(|| f.strip_prefix("Get"));
    rest.is_some_and(|r| r.eq_ignore_ascii_case(name.trim_start_matches("get_").trim_start_matches("get")))
        || name.strip_prefix("get").is_some_and(|n| n.eq_ignore_ascii_case(f))
}

impl<'l, 's> Extractor<'l, 's> {
    /// The first method of class `class` (in source order) that is a getter for member `name`.
    fn getter(&self, class: usize, name: &str) -> Option<&'l crate::check::index::file::Function<'s>> {
        let ix = self.index();
        let by_key = self.getters.get_or_init(|| {
            let mut m: rustc_hash::FxHashMap<String, Vec<usize>> = rustc_hash::FxHashMap::default();
            for (i, f) in ix.functions.iter().enumerate() {
                if f.class.is_some() && f.returns.is_some() {
                    for k in getter_keys(f.name) {
                        m.entry(k).or_default().push(i);
                    }
                }
            }
            m
        });
        getter_queries(name)
            .filter_map(|k| by_key.get(&k))
            .flatten()
            .copied()
            .filter(|&i| ix.functions[i].class == Some(class) && getter_of(ix.functions[i].name, name))
            .min()
            .map(|i| &ix.functions[i])
    }

    /// Member `member` of the value of the argument `x..y`: of a class instance (`new X(…)`,
    /// `X.new`, `X(…)`), of an object or dict literal (a command table's entry), through
    /// variables and constants of other files; open where the argument is this function's own
    /// parameter.
    pub(super) fn member_of_expr(&self, x: usize, y: usize, member: &str) -> Vec<Piece> {
        self.member_of_range(x, y, member, 0).unwrap_or_else(|| vec![Piece::Hole(String::new())])
    }

    fn member_of_range(&self, x: usize, y: usize, member: &str, depth: u8) -> Option<Vec<Piece>> {
        if depth >= MAX_DEPTH || x >= y || y > self.n() {
            return None;
        }
        // An object literal.
        if let Some(open) = self.literal_open(x) {
            let (a, b) = self.object_key(open, member)?;
            return Some(self.eval(a, b, depth + 1));
        }
        // A class instance.
        for j in x..y.min(x + 4) {
            if self.l.is_ident(j) && self.text(j).as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
                if let Some(c) = self.project.class_named(norm_name(self.text(j)), self.file) {
                    for item in self.project.lineage(c) {
                        if let Some(v) = self.with_file(item.0, |e| e.class_member(item.1, member, depth + 1)) {
                            return Some(v);
                        }
                    }
                    return None;
                }
            }
        }
        // A chain of names and keys: `COMMANDS.updateProduct`, `ENDPOINTS["orders"]`, `req`.
        let (first, keys) = self.chain(x, y)?;
        if keys.is_empty() {
            if let Some((func, index)) = self.param_at(first, x) {
                return Some(vec![Piece::Var(Var::ParamMember {
                    file: self.file,
                    func,
                    index,
                    member: member.to_owned(),
                })]);
            }
        }
        let mut keys: Vec<String> = keys;
        keys.push(member.to_owned());
        if let Some((a, b)) = self.lookup(first, x) {
            return self.keys_of(a, b, &keys, depth);
        }
        // A constant of another file.
        for &fi in self.project.files_binding(first) {
            let f = &self.project.files[fi];
            if fi == self.file || !f.source.language.same_family(self.lang) {
                continue;
            }
            let v = self.with_file(fi, |e| {
                let (a, b) = e.lookup(first, usize::MAX)?;
                e.keys_of(a, b, &keys, depth)
            });
            if v.is_some() {
                return v;
            }
        }
        None
    }

    /// The file-level binding `name` of the project file whose stem is `module` (a module
    /// imported under its name).
    pub(super) fn module_value(&self, module: &str, name: &str, depth: u8) -> Option<Vec<Piece>> {
        let module = norm_name(module);
        self.project.files.iter().enumerate().find_map(|(fi, f)| {
            let stem = f.source.path.rsplit('/').next()?.split('.').next()?;
            if fi == self.file || stem != module || !f.source.language.same_family(self.lang) {
                return None;
            }
            self.with_file(fi, |x| {
                let (a, b) = x.lookup(name, usize::MAX)?;
                let v = x.eval(a, b, depth + 1);
                v.iter().any(Piece::is_text).then_some(v)
            })
        })
    }

    /// The value of `name.key.key` (written as text, as in an interpolation) where `name` is an
    /// object constant of this file or another one.
    pub(super) fn object_path_value(&self, e: &str, at: usize, depth: u8) -> Option<Vec<Piece>> {
        let segs: Vec<&str> = e.split(['.']).flat_map(|s| s.split("->")).map(str::trim).collect();
        if segs.len() < 2
            || segs
                .iter()
                .any(|s| s.is_empty() || !s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'$'))
        {
            return None;
        }
        let first = norm_name(segs[0]);
        let keys: Vec<String> = segs[1..].iter().map(|s| s.to_string()).collect();
        let v = match self.lookup(first, at) {
            Some((a, b)) => self.keys_of(a, b, &keys, depth),
            None => self.project.files_binding(first).iter().find_map(|&fi| {
                let f = &self.project.files[fi];
                if fi == self.file || !f.source.language.same_family(self.lang) {
                    return None;
                }
                self.with_file(fi, |x| {
                    let (a, b) = x.lookup(first, usize::MAX)?;
                    x.keys_of(a, b, &keys, depth)
                })
            }),
        }?;
        v.iter().any(Piece::is_text).then_some(v)
    }

    /// Follow `keys` into the value `a..b` (object literals, or names bound to them).
    fn keys_of(&self, a: usize, b: usize, keys: &[String], depth: u8) -> Option<Vec<Piece>> {
        let (mut a, mut b) = (a, b);
        for (i, k) in keys.iter().enumerate() {
            let open = match self.literal_open(a) {
                Some(o) => o,
                None => {
                    // A name bound to the object: follow it once.
                    let (first, more) = self.chain(a, b)?;
                    if !more.is_empty() || depth >= MAX_DEPTH {
                        return None;
                    }
                    let (x, y) = self.lookup(first, a)?;
                    return self.keys_of(x, y, &keys[i..], depth + 1);
                }
            };
            (a, b) = self.object_key(open, k)?;
        }
        Some(self.eval(a, b, depth + 1))
    }

    /// The opening bracket of an object, dict or array literal starting at token `x`
    /// (`{`, `[`, PHP's `array(`).
    fn literal_open(&self, x: usize) -> Option<usize> {
        if self.is(x, "{") || self.is(x, "[") {
            return Some(x);
        }
        if self.text(x) == "array" && self.is(x + 1, "(") {
            return Some(x + 1);
        }
        if self.text(x) == "new" && self.text(x + 1) == "Dictionary" {
            return (x..self.n().min(x + 16)).find(|&j| self.is(j, "{"));
        }
        None
    }

    /// The value of key `key` directly in the literal opened at `open`.
    fn object_key(&self, open: usize, key: &str) -> Option<(usize, usize)> {
        let close = self.close_of(open);
        for j in open + 1..close.min(self.n()) {
            if self.open_of(j) != Some(open) {
                continue;
            }
            let k = match self.l.toks[j].kind {
                crate::check::syntax::lexer::Kind::Ident => Some(std::borrow::Cow::Borrowed(self.text(j))),
                crate::check::syntax::lexer::Kind::Str(_) => self.l.str_at(j).map(|s| s.text()),
                _ => None,
            };
            if k.as_deref() == Some(key) && matches!(self.text(j + 1), ":" | "=>" | "=") {
                let end = self.expr_end(j + 2);
                return (end > j + 2).then_some((j + 2, end));
            }
        }
        None
    }

    /// A chain `name.key["key"]->key` at `x..y`: the first name and the keys.
    fn chain(&self, x: usize, y: usize) -> Option<(&'s str, Vec<String>)> {
        if !self.l.is_ident(x) {
            return None;
        }
        let first = norm_name(self.text(x));
        let mut keys = Vec::new();
        let mut j = x + 1;
        while j < y {
            if self.is_member_op(j) && self.l.is_ident(j + 1) {
                keys.push(norm_name(self.text(j + 1)).to_owned());
                j += 2;
            } else if self.is(j, "[") && self.is(j + 2, "]") {
                keys.push(self.l.str_at(j + 1)?.text().into_owned());
                j += 3;
            } else {
                return None;
            }
        }
        Some((first, keys))
    }
}

#[cfg(test)]
mod getter_index_tests {
    use super::{getter_keys, getter_of, getter_queries};
    use proptest::prelude::*;

    fn name() -> impl Strategy<Value = String> {
        // Names built from the pieces the comparison treats specially.
        proptest::collection::vec(prop_oneof!["get", "get_", "Get", "GET", "_", "base", "Url", "url", "x"], 0..4)
            .prop_map(|v| v.concat())
    }

    proptest! {
        /// The index finds every getter the full comparison accepts: some key of the method is
        /// one of the member's queries.
        #[test]
        fn keys_cover_every_getter(f in name(), member in name()) {
            if getter_of(&f, &member) {
                let keys: Vec<String> = getter_keys(&f).collect();
                prop_assert!(getter_queries(&member).any(|q| keys.contains(&q)), "{f} for {member}");
            }
        }
    }

    #[test]
    fn getters_are_found_by_their_keys() {
        for (f, member) in
            [("getBaseUrl", "baseUrl"), ("get_base_url", "base_url"), ("baseUrl", "getBaseUrl"), ("BaseURL", "baseurl")]
        {
            assert!(getter_of(f, member));
            let keys: Vec<String> = getter_keys(f).collect();
            assert!(getter_queries(member).any(|q| keys.contains(&q)), "{f} for {member}");
        }
    }
}
