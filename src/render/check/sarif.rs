//! SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format): one run, a rule per finding
//! kind, a result per finding. Suppressed findings are included with their `suppressions`, as
//! code-scanning interfaces expect. Columns are counted in Unicode code points. Paths are
//! relative to `%SRCROOT%`, the top of the repository, which `originalUriBaseIds` gives.

use crate::check::{Finding, FindingKind, Position, Report, Suppression};
use serde_json::{json, Value};
use std::path::Path;

/// The schema the output follows.
pub const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Percent-encode a relative path for a URI reference.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Where reported paths (relative to the working directory) are, for SARIF: relative to the
/// top of the repository (`%SRCROOT%`), as code-scanning interfaces resolve them.
struct Base<'a> {
    root: &'a Path,
    source_root: &'a Path,
}

impl Base<'_> {
    fn artifact(&self, file: &str) -> Value {
        let abs = crate::check::setup::normalize(&self.root.join(file));
        match abs.strip_prefix(self.source_root) {
            Ok(rel) => {
                json!({ "uri": uri(&crate::check::walk::relative(Path::new(""), rel)), "uriBaseId": "%SRCROOT%" })
            }
            // Outside the repository: an absolute file URI.
            Err(_) => json!({ "uri": file_uri(&abs, false) }),
        }
    }

    fn location(&self, p: &Position) -> Value {
        json!({
            "physicalLocation": {
                "artifactLocation": self.artifact(&p.file),
                "region": { "startLine": p.line, "startColumn": p.column }
            }
        })
    }
}

/// `file:///…` for an absolute path (with a final `/` for a directory).
fn file_uri(abs: &Path, dir: bool) -> String {
    let s = abs.to_string_lossy().replace('\\', "/");
    let s = if s.starts_with('/') { s } else { format!("/{s}") };
    format!("file://{}{}", uri(&s), if dir && !s.ends_with('/') { "/" } else { "" })
}

fn level(f: &Finding) -> &'static str {
    match f.severity {
        crate::check::Severity::Error => "error",
        crate::check::Severity::Warning => "warning",
        crate::check::Severity::Note => "note",
    }
}

fn result(base: &Base<'_>, f: &Finding, suppression: Option<&Suppression>) -> Value {
    let rule_index = FindingKind::ALL.iter().position(|k| *k == f.kind).unwrap_or(0);
    let mut text = f.message.clone();
    if let Some(t) = &f.target {
        text.push_str(&format!(" (written as {t})"));
    }
    if f.kind == FindingKind::UnknownRoute && !f.suggestions.is_empty() {
        text.push_str(&format!("; nearest documented routes: {}", f.suggestions.join(", ")));
    }
    let mut r = json!({
        "ruleId": f.kind.as_str(),
        "ruleIndex": rule_index,
        "level": level(f),
        "message": { "text": text },
    });
    let obj = r.as_object_mut().expect("an object");
    if let (Some(file), Some(line), Some(column)) = (&f.file, f.line, f.column) {
        let p = Position { file: file.clone(), line, column };
        obj.insert("locations".into(), json!([base.location(&p)]));
    }
    let mut related: Vec<Value> = f
        .related
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut l = base.location(p);
            l["id"] = json!(i + 1);
            l["message"] = json!({ "text": "a call that uses this scope" });
            l
        })
        .collect();
    // Where the call comes through: the wrapper's or property's definition, the GraphQL document.
    if let Some(v) = &f.via {
        if let (Some(file), Some(line)) = (&v.file, v.line) {
            let mut l = base.location(&Position { file: file.clone(), line, column: 1 });
            l["id"] = json!(related.len() + 1);
            l["message"] = json!({ "text": v.describe() });
            related.push(l);
        }
    }
    if !related.is_empty() {
        obj.insert("relatedLocations".into(), Value::Array(related));
    }
    let mut props = serde_json::Map::new();
    if let Some(s) = f.scope {
        props.insert("scope".into(), json!(s.name()));
    }
    if let Some(route) = f.route {
        props.insert("route".into(), json!(route));
    }
    if let Some(m) = f.method {
        props.insert("method".into(), json!(m.as_str()));
    }
    if !f.suggestions.is_empty() {
        props.insert("suggestions".into(), json!(f.suggestions));
    }
    if let Some(v) = &f.via {
        props.insert("via".into(), json!(v));
    }
    if !props.is_empty() {
        obj.insert("properties".into(), Value::Object(props));
    }
    if let Some(s) = suppression {
        let (kind, justification) = match s {
            Suppression::Comment { reason, .. } => ("inSource", reason.clone().unwrap_or_default()),
            Suppression::Config { reason, .. } => ("external", reason.clone()),
        };
        let mut sup = json!({ "kind": kind, "status": "accepted" });
        if !justification.is_empty() {
            sup["justification"] = json!(justification);
        }
        obj.insert("suppressions".into(), json!([sup]));
    }
    r
}

/// The report as a SARIF 2.1.0 log (pretty JSON with a final newline).
///
/// ```
/// # let dir = tempfile::tempdir().unwrap();
/// use bigcommerce_scopes::check::{check, report, Options};
/// let log: serde_json::Value = serde_json::from_str(&report::sarif(&check(&Options::new([dir.path()])).unwrap())).unwrap();
/// assert_eq!(log["version"], "2.1.0");
/// assert_eq!(log["runs"][0]["tool"]["driver"]["name"], "bc-scopes");
/// ```
pub fn sarif(report: &Report) -> String {
    let rules: Vec<Value> = FindingKind::ALL
        .iter()
        .map(|k| {
            json!({
                "id": k.as_str(),
                "name": k.as_str(),
                "shortDescription": { "text": k.description() },
                "fullDescription": { "text": k.description() },
                "defaultConfiguration": { "level": match k.severity() {
                    crate::check::Severity::Error => "error",
                    crate::check::Severity::Warning => "warning",
                    crate::check::Severity::Note => "note",
                } },
                "help": { "text": format!("{} Suppress with a `bc-scopes: ignore[{}]` comment on or above the line, or an [[ignore]] table in bc-scopes.toml.", k.description(), k.as_str()) }
            })
        })
        .collect();
    let base = Base { root: &report.root, source_root: &report.source_root };
    let mut results: Vec<Value> = report.findings.iter().map(|f| result(&base, f, None)).collect();
    results.extend(report.suppressed.iter().map(|s| result(&base, &s.finding, Some(&s.suppression))));
    let log = json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "bc-scopes",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            } },
            "originalUriBaseIds": {
                "%SRCROOT%": { "uri": file_uri(&report.source_root, true), "description": { "text": "The top of the repository the check ran in." } }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {
                "neededScopes": report.needed_scopes.iter().map(|s| s.name()).collect::<Vec<_>>(),
                "calls": report.calls.len(),
            },
        }]
    });
    let mut s = serde_json::to_string_pretty(&log).expect("SARIF serializes");
    s.push('\n');
    s
}
