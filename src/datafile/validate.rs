//! Checks the build script runs on `data/` before generating any table.
//!
//! Every error names the file and the entry, so a contributor can find it.

use super::schema::*;
use super::template::Template;
use super::vocab::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

mod graphql;

/// One problem in the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// File, relative to `data/`.
    pub file: String,
    /// The entry (`scope store_cart`, `GET /stores/{store_hash}/v3/carts` …).
    pub entry: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "data/{}: {}: {}", self.file, self.entry, self.message)
    }
}

struct Errors(Vec<DataError>);

impl Errors {
    fn push(&mut self, file: &str, entry: impl Into<String>, message: impl Into<String>) {
        self.0.push(DataError { file: file.into(), entry: entry.into(), message: message.into() });
    }
}

/// Validate the whole data set. Returns every problem found, not just the first.
pub fn validate(data: &DataSet) -> Result<(), Vec<DataError>> {
    let mut e = Errors(Vec::new());
    let docs: BTreeSet<&str> = data.meta.document.iter().map(|d| d.id.as_str()).collect();
    let specs: BTreeSet<&str> = data.endpoints.iter().map(|(_, f)| f.spec.as_str()).collect();
    let pages: BTreeSet<&str> = data.meta.docs.pages.iter().map(|p| p.as_str()).collect();
    let known = Known { docs: &docs, specs: &specs, pages: &pages };
    let check_sources = |e: &mut Errors, file: &str, entry: &str, sources: &[String]| {
        if sources.is_empty() {
            e.push(file, entry, "has no sources");
        }
        for s in sources {
            if let Err(m) = check_source(s, &known) {
                e.push(file, entry, m);
            }
        }
    };

    // Account types: each exactly once.
    let mut seen = BTreeSet::new();
    for a in &data.account_types.account_type {
        let entry = format!("account type {}", a.id);
        if !seen.insert(a.id) {
            e.push("account_types.toml", &entry, "is defined twice");
        }
        check_sources(&mut e, "account_types.toml", &entry, &a.sources);
    }
    for t in <AccountType as strum::VariantArray>::VARIANTS {
        if !seen.contains(t) {
            e.push("account_types.toml", format!("account type {t}"), "is missing");
        }
    }

    // Scopes.
    let mut scopes: BTreeMap<&str, &ScopeEntry> = BTreeMap::new();
    let mut spellings: BTreeMap<&str, &str> = BTreeMap::new();
    for s in &data.scopes.scope {
        let entry = format!("scope {}", s.name);
        if scopes.insert(&s.name, s).is_some() {
            e.push("scopes.toml", &entry, "is defined twice");
        }
        for sp in std::iter::once(&s.name).chain(&s.variants).chain(&s.token_names) {
            if let Some(other) = spellings.insert(sp, &s.name) {
                if other != s.name {
                    e.push("scopes.toml", &entry, format!("spelling `{sp}` is also used by scope {other}"));
                } else {
                    e.push("scopes.toml", &entry, format!("spelling `{sp}` is listed twice"));
                }
            }
        }
        for n in std::iter::once(&s.name).chain(&s.token_names) {
            if n.is_empty() || !n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                e.push("scopes.toml", &entry, format!("name `{n}` must be ASCII letters, digits and `_`"));
            }
        }
        if !s.token_names.is_empty() && !s.sources.iter().any(|x| x.starts_with("code:")) {
            e.push("scopes.toml", &entry, "token names need a `code:` source showing a token that carries them");
        }
        if s.origin == Origin::Token {
            if !s.sources.iter().any(|x| x.starts_with("code:")) {
                e.push("scopes.toml", &entry, "origin token needs a `code:` source showing a token that carries it");
            }
            if s.notes.is_empty() {
                e.push("scopes.toml", &entry, "origin token: the notes must say what the docs say of it");
            }
        } else if s.ui_name.is_empty() {
            e.push("scopes.toml", &entry, "has no UI name (only a scope of origin token may lack one)");
        }
        if s.account_types.is_empty() {
            e.push("scopes.toml", &entry, "has no account types");
        }
        let account_only = s.group == ScopeGroup::AccountResource;
        for t in &s.account_types {
            if *t == AccountType::Legacy {
                e.push("scopes.toml", &entry, "legacy accounts have no OAuth scopes");
            }
            if account_only != (*t == AccountType::Account) && s.group != ScopeGroup::Default {
                e.push("scopes.toml", &entry, format!("account type {t} does not fit group {}", s.group));
            }
        }
        check_sources(&mut e, "scopes.toml", &entry, &s.sources);
    }
    for s in &data.scopes.scope {
        let entry = format!("scope {}", s.name);
        if let Some(t) = &s.twin {
            match scopes.get(t.as_str()) {
                None => e.push("scopes.toml", &entry, format!("twin `{t}` is not a scope")),
                Some(twin) => {
                    if twin.twin.as_deref() != Some(s.name.as_str()) {
                        e.push("scopes.toml", &entry, format!("twin `{t}` does not name it back"));
                    }
                    if (s.permission == Permission::ReadOnly) == (twin.permission == Permission::ReadOnly) {
                        e.push("scopes.toml", &entry, format!("twin `{t}` must pair read-only with a writing scope"));
                    }
                }
            }
        }
        if let Some(stem) = s.name.strip_suffix("_read_only") {
            for modify in [stem.to_string(), format!("{stem}_manage")] {
                if scopes.contains_key(modify.as_str()) && s.twin.as_deref() != Some(modify.as_str()) {
                    e.push("scopes.toml", &entry, format!("read-only scope does not name its modify twin `{modify}`"));
                }
            }
            if s.permission != Permission::ReadOnly {
                e.push("scopes.toml", &entry, "a `_read_only` scope must have permission read-only");
            }
        }
    }

    // Auth schemes.
    let mut schemes = BTreeSet::new();
    for a in &data.auth_schemes.auth_scheme {
        let entry = format!("auth scheme {}", a.id);
        if !schemes.insert(a.id.as_str()) {
            e.push("auth_schemes.toml", &entry, "is defined twice");
        }
        check_slug(&mut e, "auth_schemes.toml", &entry, &a.id);
        if a.location == CredentialLocation::Header && a.header.is_none() {
            e.push("auth_schemes.toml", &entry, "is sent in a header but names none");
        }
        if a.location == CredentialLocation::Query && a.query_parameter.is_none() {
            e.push("auth_schemes.toml", &entry, "is sent in the query but names no parameter");
        }
        for t in &a.token_scopes {
            if !scopes.contains_key(t.as_str()) {
                e.push("auth_schemes.toml", &entry, format!("token scope `{t}` is not a scope"));
            }
        }
        check_sources(&mut e, "auth_schemes.toml", &entry, &a.sources);
    }

    // APIs: ids and every name unique case-insensitively.
    let mut apis: BTreeMap<&str, &ApiEntry> = BTreeMap::new();
    let mut names: BTreeMap<String, &str> = BTreeMap::new();
    for a in &data.apis.api {
        let entry = format!("api {}", a.id);
        if apis.insert(&a.id, a).is_some() {
            e.push("apis.toml", &entry, "is defined twice");
        }
        check_slug(&mut e, "apis.toml", &entry, &a.id);
        for n in std::iter::once(&a.id).chain(std::iter::once(&a.name)).chain(&a.aliases) {
            if let Some(other) = names.insert(n.to_lowercase(), &a.id) {
                if other != a.id {
                    e.push("apis.toml", &entry, format!("name `{n}` is also used by api {other}"));
                }
            }
        }
        if !schemes.contains(a.auth_scheme.as_str()) {
            e.push("apis.toml", &entry, format!("auth scheme `{}` is not defined", a.auth_scheme));
        }
        if a.account_types.is_empty() {
            e.push("apis.toml", &entry, "has no account types");
        }
        check_sources(&mut e, "apis.toml", &entry, &a.sources);
    }

    // Use cases: the current table agrees with the APIs' account types.
    for u in &data.use_cases.use_case {
        let entry = format!("use case \"{}\"", u.name);
        for id in &u.apis {
            match apis.get(id.as_str()) {
                None => e.push("use_cases.toml", &entry, format!("api `{id}` is not defined")),
                Some(a) if u.table == UseCaseTable::Current => {
                    let mut x = a.account_types.clone();
                    let mut y = u.account_types.clone();
                    x.sort();
                    y.sort();
                    if x != y {
                        e.push("use_cases.toml", &entry, format!("account types {y:?} differ from api {id}'s {x:?}"));
                    }
                }
                Some(_) => {}
            }
        }
        check_sources(&mut e, "use_cases.toml", &entry, &u.sources);
    }

    // Endpoints.
    let mut routes: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut ops = BTreeSet::new();
    for (file, f) in &data.endpoints {
        let file = format!("endpoints/{file}");
        if !apis.contains_key(f.api.as_str()) {
            e.push(&file, format!("spec {}", f.spec), format!("api `{}` is not defined", f.api));
        }
        if f.operation.is_empty() {
            e.push(&file, format!("spec {}", f.spec), "has no operations");
        }
        for op in &f.operation {
            let entry = format!("{} {}{}", op.method, f.base, op.path);
            let t = match Template::parse(&f.base, &op.path) {
                Ok(t) => t,
                Err(m) => {
                    e.push(&file, &entry, m);
                    continue;
                }
            };
            if matches!(op.method, Method::Head) {
                e.push(&file, &entry, "HEAD is implied by GET; list GET instead");
            }
            if !ops.insert((op.method, t.display())) {
                e.push(&file, &entry, "duplicate route: this method and template are defined twice");
            }
            if let Err(m) = check_requirement(op, &scopes) {
                e.push(&file, &entry, m);
            }
            if let Some(a) = &op.auth {
                if !schemes.contains(a.as_str()) {
                    e.push(&file, &entry, format!("auth scheme `{a}` is not defined"));
                }
            }
            if !op.sources.is_empty() {
                check_sources(&mut e, &file, &entry, &op.sources);
            }
            // Two templates with the same shape but different parameter names would match the same
            // concrete paths: the resolver could not tell them apart.
            let r = routes.entry(t.key()).or_insert_with(|| (t.display(), file.clone()));
            if r.0 != t.display() {
                e.push(&file, &entry, format!("matches the same concrete paths as {} ({})", r.0, r.1));
            }
        }
        if let Err(m) = check_source(&format!("spec:{}", f.spec), &known) {
            e.push(&file, format!("spec {}", f.spec), m);
        }
    }
    graphql::validate(&mut e, data, &pages, &apis, &scopes, &check_sources);
    if e.0.is_empty() {
        Ok(())
    } else {
        Err(e.0)
    }
}

/// Check an operation's requirement; returns a string describing it, for comparisons.
fn check_requirement(op: &OperationEntry, scopes: &BTreeMap<&str, &ScopeEntry>) -> Result<String, String> {
    if op.read_only_exception.is_some() && op.sources.is_empty() {
        return Err("`read_only_exception` needs the operation's own `sources`".into());
    }
    match (op.requirement, &op.scope) {
        (RequirementKind::Scope, None) => Err("requirement is `scope` but no scope is named".into()),
        (RequirementKind::Scope, Some(s)) => {
            let mut all = vec![s];
            all.extend(&op.also);
            for name in &all {
                match scopes.get(name.as_str()) {
                    None => return Err(format!("scope `{name}` is not a scope")),
                    Some(sc) if sc.permission == Permission::ReadOnly && !op.method.is_read() => {
                        // Read-only scopes serve GET and HEAD, unless a source states otherwise for
                        // this very operation.
                        if op.read_only_exception.is_none() {
                            return Err(format!(
                                "read-only scope `{name}` cannot allow {} (unless `read_only_exception` states a source's word for it)",
                                op.method
                            ));
                        }
                    }
                    Some(_) => {}
                }
            }
            for c in &op.conditional {
                match scopes.get(c.scope.as_str()) {
                    None => return Err(format!("conditional scope `{}` is not a scope", c.scope)),
                    Some(sc) if sc.permission == Permission::ReadOnly && !op.method.is_read() => {
                        return Err(format!("read-only conditional scope `{}` cannot allow {}", c.scope, op.method));
                    }
                    Some(_) => {}
                }
            }
            Ok(format!("{s} {:?}", op.also))
        }
        (kind, Some(s)) => Err(format!("requirement is `{kind}` but scope `{s}` is named")),
        (_, None) if op.read_only_exception.is_some() => Err("`read_only_exception` names no scope".into()),
        (kind, None) if !op.also.is_empty() => Err(format!("requirement is `{kind}` but `also` names scopes")),
        (kind, None) => Ok(kind.to_string()),
    }
}

fn check_slug(e: &mut Errors, file: &str, entry: &str, id: &str) {
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        e.push(file, entry, "id must be a kebab-case slug");
    }
}

/// What a source may name.
struct Known<'a> {
    docs: &'a BTreeSet<&'a str>,
    specs: &'a BTreeSet<&'a str>,
    pages: &'a BTreeSet<&'a str>,
}

/// A source is `seed:NNN#section` naming a known document, `spec:FILE` naming a known spec,
/// `docs:PAGE#section` naming a page listed in `meta.toml`'s `[docs]`, or
/// `code:OWNER/REPO@VERSION/PATH` naming a file of public code (an SDK, a sample app) at a version.
fn check_source(s: &str, k: &Known) -> Result<(), String> {
    if let Some(rest) = s.strip_prefix("seed:") {
        let (id, section) = rest.split_once('#').unwrap_or((rest, ""));
        if !k.docs.contains(id) {
            return Err(format!("source `{s}` names no known document"));
        }
        if section.is_empty() {
            return Err(format!("source `{s}` names no section"));
        }
        Ok(())
    } else if let Some(spec) = s.strip_prefix("spec:") {
        if k.specs.contains(spec) {
            Ok(())
        } else {
            Err(format!("source `{s}` names no spec of data/endpoints"))
        }
    } else if let Some(rest) = s.strip_prefix("docs:") {
        let (page, section) = rest.split_once('#').unwrap_or((rest, ""));
        if !k.pages.contains(page) {
            return Err(format!("source `{s}` names a page that meta.toml's [docs] pages do not list"));
        }
        if section.is_empty() || section.contains(char::is_whitespace) {
            return Err(format!("source `{s}` names no section: `docs:PAGE#anchor`, the heading's anchor"));
        }
        Ok(())
    } else if let Some(rest) = s.strip_prefix("code:") {
        check_code_source(rest).map_err(|why| format!("source `{s}`: {why}"))
    } else {
        Err(format!("source `{s}` is none of `seed:ID#section`, `spec:FILE`, `docs:PAGE#section`, `code:OWNER/REPO@VERSION/PATH`"))
    }
}

/// `OWNER/REPO@VERSION/PATH`: the repository, the version (tag or commit) and the file.
pub(crate) fn check_code_source(rest: &str) -> Result<(), &'static str> {
    let (repo, at) = rest.split_once('@').ok_or("names no version (`OWNER/REPO@VERSION/PATH`)")?;
    let (owner, name) = repo.split_once('/').ok_or("names no repository owner")?;
    let (version, path) = at.split_once('/').ok_or("names no file after the version")?;
    let word = |w: &str| !w.is_empty() && !w.contains(char::is_whitespace);
    if !(word(owner) && word(name) && word(version) && word(path)) || name.contains('/') {
        return Err("is not `OWNER/REPO@VERSION/PATH`");
    }
    Ok(())
}
