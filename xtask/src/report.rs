//! What the drift check found, as text for a maintainer or JSON for tools.

use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The kinds of drift, in the order the text report lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// An operation in a spec that no data file has.
    OperationAdded,
    /// An operation in data that its spec no longer has (or whose spec is gone).
    OperationRemoved,
    /// A spec's server no longer matches its data file's `base`.
    ServerChanged,
    /// A spec's "OAuth scopes" table and the scopes its data file uses disagree.
    ScopeTableChanged,
    /// A scope on the API-accounts page that data/scopes.toml does not list as documented.
    ScopeAdded,
    /// A documented scope of data/scopes.toml that the page no longer lists.
    ScopeRemoved,
    /// A scope whose UI name, permission, group or spelling differs between page and data.
    ScopeChanged,
    /// `deprecated` differs between the spec and data.
    DeprecationChanged,
}

impl Kind {
    fn title(self) -> &'static str {
        match self {
            Kind::OperationAdded => "Operations added in the specs (missing from data/endpoints)",
            Kind::OperationRemoved => "Operations in data/endpoints that the specs no longer have",
            Kind::ServerChanged => "Servers changed",
            Kind::ScopeTableChanged => "Spec OAuth scope tables vs the scopes data/endpoints uses",
            Kind::ScopeAdded => "Scopes added on the API-accounts page",
            Kind::ScopeRemoved => "Scopes removed from the API-accounts page",
            Kind::ScopeChanged => "Scopes changed on the API-accounts page",
            Kind::DeprecationChanged => "Deprecations changed",
        }
    }

    fn slug(self) -> String {
        serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
    }
}

/// One difference, with what a maintainer needs to act on it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Finding {
    pub kind: Kind,
    /// The upstream file: a spec relative to `reference/`, or a page relative to `docs/` (with
    /// `:line` for a page row).
    pub file: String,
    /// `METHOD /path` (the spec's path key), for operation findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    /// The scope, for scope findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The data file to change (`data/endpoints/x.toml`, `data/scopes.toml`), if there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_file: Option<String>,
    /// What changed.
    pub change: String,
}

/// What was compared, for the report's header.
#[derive(Debug, Clone, Serialize)]
pub struct Compared {
    pub specs: String,
    pub pages: String,
    pub data: String,
    pub spec_files: usize,
    pub spec_operations: usize,
    pub page_scopes: usize,
}

pub fn text(compared: &Compared, findings: &[Finding]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "drift check: {} vs specs {} ({} files, {} operations) and pages {} ({} scopes on the API-accounts page)",
        compared.data,
        compared.specs,
        compared.spec_files,
        compared.spec_operations,
        compared.pages,
        compared.page_scopes
    );
    if findings.is_empty() {
        out.push_str("no drift\n");
        return out;
    }
    let mut by_kind: BTreeMap<Kind, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        by_kind.entry(f.kind).or_default().push(f);
    }
    for (kind, items) in &by_kind {
        let _ = writeln!(out, "\n{} [{}] ({}):", kind.title(), kind.slug(), items.len());
        for f in items {
            let mut line = format!("  {}", f.file);
            if let Some(op) = &f.operation {
                let _ = write!(line, "  {op}");
            }
            if let Some(s) = &f.scope {
                let _ = write!(line, "  `{s}`");
            }
            let _ = write!(line, ": {}", f.change);
            if let Some(d) = &f.data_file {
                let _ = write!(line, " [{d}]");
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    let counts: Vec<String> = by_kind.iter().map(|(k, v)| format!("{} {}", v.len(), k.slug())).collect();
    let _ = writeln!(out, "\ndrift: {} difference(s): {}", findings.len(), counts.join(", "));
    out
}

pub fn json(compared: &Compared, findings: &[Finding]) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for f in findings {
        *counts.entry(f.kind.slug()).or_default() += 1;
    }
    let doc = serde_json::json!({
        "drift": !findings.is_empty(),
        "compared": compared,
        "counts": counts,
        "findings": findings,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
