//! `data/sdks/*.toml`: how calls made through BigCommerce SDKs map to documented routes. One file
//! per SDK; this module reads them, checks them against the endpoint data and generates the table
//! `src/sdk.rs` serves (`SDKS`, one `SDK_CALLS_n` array per SDK, and `SDK_CALLS_BY_LAST`, a `phf` map
//! from a chain's last member to its calls).
//!
//! The serde model lives here rather than in `src/datafile/`: the library never reads these files,
//! it only serves the generated table (`crate::sdk::Sdk`), so the model has no second reader.

use crate::datafile::schema::DataSet;
use crate::datafile::template::Template;
use crate::datafile::validate::check_code_source;
use crate::datafile::vocab::{Host, Method};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// The languages an SDK may be written in (`language` in `[sdk]`).
pub const LANGUAGES: &[&str] = &["ruby", "python", "php", "javascript", "typescript", "go", "csharp", "java", "rust"];

/// One `data/sdks/<id>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SdkFile {
    /// What the SDK is and how its calls are recognised.
    pub sdk: SdkEntry,
    /// Its calls.
    #[serde(default)]
    pub call: Vec<CallEntry>,
}

/// `[sdk]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SdkEntry {
    /// Kebab-case id, the file's name.
    pub id: String,
    /// Display name.
    pub name: String,
    /// One of [`LANGUAGES`].
    pub language: String,
    /// The name it is installed by.
    pub package: String,
    /// The version (tag, or commit) the facts were read from.
    pub version: String,
    /// `OWNER/REPO` of its source; every call's `code:` source names it.
    pub repository: String,
    /// Text whose presence in a source file says the SDK may be in use there.
    pub markers: Vec<String>,
    /// The receiver a call starts from, or `*` for any variable.
    pub receiver: String,
    /// Remarks.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// `[[call]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallEntry {
    /// Member names after the receiver, the last one called.
    pub chain: Vec<String>,
    /// HTTP method sent.
    pub method: Method,
    /// Documented route template; with `path_argument`, the API base the path is joined to; with
    /// `documented = false`, the SDK's own path as a template.
    pub route: String,
    /// `code:OWNER/REPO@VERSION/PATH`.
    pub source: String,
    /// For calls whose path is an argument: which one (0-based).
    pub path_argument: Option<u8>,
    /// `false` when the specs do not document the route the SDK sends to.
    pub documented: Option<bool>,
    /// Remark.
    pub note: Option<String>,
}

/// Every `data/sdks/*.toml`, sorted by file name.
pub fn load(dir: &Path) -> Result<Vec<(String, SdkFile)>, String> {
    crate::read_dir(dir, "sdks")
}

/// A documented operation: its host and display template, by method.
struct Documented {
    /// `(method, display template)`.
    exact: BTreeSet<(Method, String)>,
    /// `(method, key)` → display template: the same route spelled with other parameter names.
    by_key: BTreeMap<(Method, String), String>,
    /// Every endpoints file's `base` on a known server.
    bases: BTreeSet<String>,
    /// `(host, display)` in `ROUTES` order.
    routes: Vec<(Host, String)>,
}

impl Documented {
    fn new(d: &DataSet) -> Documented {
        let (mut exact, mut by_key, mut bases, mut routes) =
            (BTreeSet::new(), BTreeMap::new(), BTreeSet::new(), BTreeSet::new());
        for (_, f) in &d.endpoints {
            if Template::parse(&f.base, "/").is_ok() {
                bases.insert(f.base.clone());
            }
            for op in &f.operation {
                let Ok(t) = Template::parse(&f.base, &op.path) else { continue };
                exact.insert((op.method, t.display()));
                by_key.insert((op.method, t.key()), t.display());
                routes.insert((t.host, t.display()));
            }
        }
        Documented { exact, by_key, bases, routes: routes.into_iter().collect() }
    }
}

/// A route template written as a whole (`/stores/{store_hash}/v3/carts`), split like the endpoint data's.
fn parse_route(route: &str) -> Option<Template> {
    Template::parse(route, "/").ok()
}

fn is_member(s: &str) -> bool {
    let mut b = s.bytes();
    b.next().is_some_and(|c| c == b'_' || c == b'$' || c.is_ascii_alphabetic())
        && b.all(|c| c == b'_' || c == b'$' || c.is_ascii_alphanumeric())
}

/// Check every SDK file; returns every problem found.
pub fn validate(d: &DataSet, sdks: &[(String, SdkFile)]) -> Vec<String> {
    let doc = Documented::new(d);
    let mut errors = Vec::new();
    let mut ids = BTreeSet::new();
    for (name, f) in sdks {
        let s = &f.sdk;
        let mut err = |entry: &str, msg: String| errors.push(format!("data/sdks/{name}: {entry}: {msg}"));
        if s.id.is_empty() || !s.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            err("sdk", format!("id `{}` must be a kebab-case slug", s.id));
        }
        if *name != format!("{}.toml", s.id) {
            err("sdk", format!("id `{}` must be the file's name (`{}.toml`)", s.id, s.id));
        }
        if !ids.insert(s.id.clone()) {
            err("sdk", format!("id `{}` is used by another file", s.id));
        }
        if !LANGUAGES.contains(&s.language.as_str()) {
            err("sdk", format!("language `{}` is none of {}", s.language, LANGUAGES.join(", ")));
        }
        for (field, v) in [("name", &s.name), ("package", &s.package), ("version", &s.version)] {
            if v.trim().is_empty() {
                err("sdk", format!("`{field}` is empty"));
            }
        }
        let repo_ok = s.repository.split_once('/').is_some_and(|(o, n)| {
            !o.is_empty() && !n.is_empty() && !n.contains('/') && !s.repository.contains(char::is_whitespace)
        });
        if !repo_ok {
            err("sdk", format!("repository `{}` is not `OWNER/REPO`", s.repository));
        }
        if s.markers.is_empty() || s.markers.iter().any(|m| m.trim().is_empty()) {
            err("sdk", "markers must list at least one non-empty text".into());
        }
        if s.receiver != "*" && (s.receiver.is_empty() || s.receiver.contains(char::is_whitespace)) {
            err("sdk", format!("receiver `{}` must be `*` or a name", s.receiver));
        }
        if f.call.is_empty() {
            err("sdk", "has no calls".into());
        }
        let mut chains = BTreeSet::new();
        for c in &f.call {
            let entry = format!("call {} ({} {})", c.chain.join("."), c.method, c.route);
            if c.chain.is_empty() {
                err(&entry, "chain is empty".into());
            } else if let Some(bad) = c.chain.iter().find(|m| !is_member(m)) {
                err(&entry, format!("chain member `{bad}` is not a name"));
            }
            if !chains.insert(&c.chain) {
                err(&entry, "the same chain is listed twice".into());
            }
            if c.method == Method::Head {
                err(&entry, "HEAD is no SDK call's method".into());
            }
            match c.source.strip_prefix("code:") {
                None => err(&entry, format!("source `{}` must be `code:OWNER/REPO@VERSION/PATH`", c.source)),
                Some(rest) => {
                    if let Err(why) = check_code_source(rest) {
                        err(&entry, format!("source `{}`: {why}", c.source));
                    } else if rest.split_once('@').map(|(r, _)| r) != Some(s.repository.as_str()) {
                        err(&entry, format!("source `{}` is not in the SDK's repository `{}`", c.source, s.repository));
                    }
                }
            }
            if c.note.as_ref().is_some_and(|n| n.trim().is_empty()) {
                err(&entry, "note is empty".into());
            }
            if c.path_argument.is_some() {
                if c.documented.is_some() {
                    err(&entry, "`documented` does not apply to a call whose path is an argument".into());
                }
                if !doc.bases.contains(&c.route) {
                    let bases: Vec<&str> = doc.bases.iter().map(String::as_str).collect();
                    err(&entry, format!("with `path_argument`, route must be an API base ({})", bases.join(", ")));
                }
                continue;
            }
            let parsed = parse_route(&c.route);
            let key = parsed.as_ref().map(|t| (c.method, t.key()));
            let known = key.as_ref().and_then(|k| doc.by_key.get(k));
            if c.documented.unwrap_or(true) {
                if doc.exact.contains(&(c.method, c.route.clone())) {
                    continue;
                }
                match known {
                    Some(spelled) => err(&entry, format!("the documented route is spelled `{spelled}`")),
                    None => err(
                        &entry,
                        format!(
                            "{} {} is no documented operation; if the specs do not document it, set `documented = false`",
                            c.method, c.route
                        ),
                    ),
                }
            } else {
                if !(c.route.starts_with('/') || c.route.starts_with("https://"))
                    || c.route.contains(char::is_whitespace)
                {
                    err(
                        &entry,
                        "an undocumented route is the SDK's path as a template: `/stores/...` or `https://...`".into(),
                    );
                }
                if let Some(spelled) = known {
                    err(&entry, format!("the specs document it as {} {spelled}: drop `documented = false`", c.method));
                }
            }
        }
    }
    errors
}

fn lit(v: &str) -> String {
    format!("{v:?}")
}

fn opt(v: &Option<String>) -> String {
    v.as_deref().map_or("None".into(), |x| format!("Some({})", lit(x)))
}

fn strs(v: &[String]) -> String {
    format!("&[{}]", v.iter().map(|x| lit(x)).collect::<Vec<_>>().join(", "))
}

/// The SDK table: one array of calls per SDK, the SDKs, and the map from last chain member to calls.
pub fn generate(out: &mut String, d: &DataSet, sdks: &[(String, SdkFile)]) {
    let doc = Documented::new(d);
    let route_index: BTreeMap<&str, usize> =
        doc.routes.iter().enumerate().map(|(i, (_, display))| (display.as_str(), i)).collect();
    let mut by_last: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (i, (_, f)) in sdks.iter().enumerate() {
        writeln!(out, "pub(crate) static SDK_CALLS_{i}: [crate::sdk::SdkCall; {}] = [", f.call.len()).unwrap();
        for (j, c) in f.call.iter().enumerate() {
            let documented = c.documented.unwrap_or(true);
            let resolved = match (documented, c.path_argument) {
                (true, None) => format!("Some(&ROUTES[{}])", route_index[c.route.as_str()]),
                _ => "None".into(),
            };
            writeln!(
                out,
                "    crate::sdk::SdkCall {{ chain: {}, method: Method::{:?}, route: {}, path_argument: {}, documented: {}, \
                 source: {}, note: {}, sdk: {i}, resolved: {resolved} }},",
                strs(&c.chain),
                c.method,
                lit(&c.route),
                c.path_argument.map_or("None".into(), |p| format!("Some({p})")),
                documented,
                lit(&c.source),
                opt(&c.note),
            )
            .unwrap();
            by_last
                .entry(c.chain.last().expect("validated").as_str())
                .or_default()
                .push(format!("&SDK_CALLS_{i}[{j}]"));
        }
        writeln!(out, "];\n").unwrap();
    }
    writeln!(out, "pub(crate) static SDKS: [crate::sdk::Sdk; {}] = [", sdks.len()).unwrap();
    for (i, (_, f)) in sdks.iter().enumerate() {
        let s = &f.sdk;
        let receiver = if s.receiver == "*" { "None".to_string() } else { format!("Some({})", lit(&s.receiver)) };
        writeln!(
            out,
            "    crate::sdk::Sdk {{ id: {}, name: {}, language: {}, package: {}, version: {}, repository: {}, markers: {}, \
             receiver: {receiver}, notes: {}, calls: &SDK_CALLS_{i} }},",
            lit(&s.id),
            lit(&s.name),
            lit(&s.language),
            lit(&s.package),
            lit(&s.version),
            lit(&s.repository),
            strs(&s.markers),
            strs(&s.notes),
        )
        .unwrap();
    }
    writeln!(out, "];\n").unwrap();
    let mut map = phf_codegen::Map::new();
    for (last, calls) in &by_last {
        map.entry(*last, format!("&[{}]", calls.join(", ")));
    }
    writeln!(
        out,
        "pub(crate) static SDK_CALLS_BY_LAST: phf::Map<&'static str, &'static [&'static crate::sdk::SdkCall]> = {};\n",
        map.build()
    )
    .unwrap();
}
