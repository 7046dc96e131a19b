//! Receivers: which class a call is made on (`this` in a subclass, a variable bound to an
//! instance, a typed declaration, a class name, a factory's result), so that a wrapper's call sites
//! are its own and a subclass's members fill its templates.

use super::callers::Site;
use super::Extractor;
use crate::check::conventions::{method_from_name, GENERIC_WRAPPERS};
use crate::check::index::file::is_self;
use crate::check::index::Item;

impl<'l, 's> Extractor<'l, 's> {
    /// The class a call is made on, when the wrapper is a method: `this`/`self` in a subclass,
    /// a receiver bound to an instance, a class name (`Product.all`). `None` inside means the
    /// call is accepted without a class; an outer `None` rejects the site (another class's
    /// method of the same name).
    pub(super) fn site_class(&self, site: &Site, def_class: Option<Item>, def: (usize, usize)) -> Option<Option<Item>> {
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
        let related = |c: Item| self.project.extends(c, dc);
        let own = || self.index().class_at(site.name_tok).map(|c| (self.file, c));
        let Some(r) = site.receiver else {
            // A bare call in a method of the class or a subclass.
            return match own() {
                Some(c) if related(c) => Some(Some(c)),
                _ => None,
            };
        };
        let rt = self.text(r);
        let go_self =
            self.index().function_at(site.name_tok).and_then(|f| self.index().functions[f].receiver) == Some(rt);
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
        let generic = GENERIC_WRAPPERS.contains(&self.text(site.name_tok))
            || method_from_name(self.text(site.name_tok)).is_some();
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
    pub(super) fn factory_call(&self, site: &Site, def: (usize, usize)) -> Option<usize> {
        let f = &self.project.files[def.0].index.functions[def.1];
        let parent = f.parent?;
        let factory = self.project.files[def.0].index.functions[parent].name;
        let r = site.receiver?;
        let find = |a: usize, b: usize| {
            (a..b.min(self.n()))
                .find(|&j| self.l.is_ident(j) && self.text(j) == factory && self.is(j + 1, "("))
                .map(|j| j + 1)
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
    pub(super) fn instance_class(&self, r: usize) -> Option<Item> {
        if let Some(&c) = self.instances.borrow().get(&r) {
            return c;
        }
        let c = self.find_instance_class(r);
        self.instances.borrow_mut().insert(r, c);
        c
    }

    fn find_instance_class(&self, r: usize) -> Option<Item> {
        let name = crate::check::syntax::nav::norm_name(self.text(r));
        let member = r >= 2 && self.is_member_op(r - 1) && is_self(self.text(r - 2))
            || self.lang == crate::check::syntax::lang::Language::Ruby && r >= 1 && self.is(r - 1, "@");
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        if member {
            if let Some(c) = self.index().class_at(r) {
                for item in self.project.lineage((self.file, c)) {
                    if item.0 == self.file {
                        ranges.extend(
                            self.index().classes[item.1].members.iter().filter(|m| m.name == name).map(|m| m.value),
                        );
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
        if let Some(&c) = self.typed_names().get(name) {
            return Some(c);
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
    pub(super) fn class_in(&self, file: usize, a: usize, b: usize) -> Option<Item> {
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

    /// The class of the instance an argument makes or holds: `new X(…)`, `X.new`, `X(…)`, or a
    /// variable bound to one.
    pub(super) fn instance_in(&self, x: usize, y: usize) -> Option<Item> {
        if let Some(c) = self.class_in(self.file, x, y.min(x + 4)) {
            return Some(c);
        }
        if self.l.is_ident(x) && y == x + 1 {
            let (a, b) = self.lookup(self.text(x), x)?;
            return self.class_in(self.file, a, b.min(a + 4));
        }
        None
    }

    /// The names this file declares with a class of the project as their type (read once).
    fn typed_names(&self) -> &rustc_hash::FxHashMap<&'s str, Item> {
        self.typed.get_or_init(|| {
            let mut map = rustc_hash::FxHashMap::default();
            for j in 1..self.n() {
                if !self.l.is_ident(j) {
                    continue;
                }
                let typed = if self.l.is_ident(j - 1) {
                    j - 1
                } else if self.is(j + 1, ":") && self.l.is_ident(j + 2) {
                    j + 2
                } else {
                    continue;
                };
                if !self.text(typed).as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
                    continue;
                }
                if let Some(c) = self.class_in(self.file, typed, typed + 1) {
                    map.entry(crate::check::syntax::nav::norm_name(self.text(j))).or_insert(c);
                }
            }
            map
        })
    }
}
