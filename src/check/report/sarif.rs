//! SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format): one run, a rule per finding
//! kind, a result per finding. Suppressed findings are included with their `suppressions`, as
//! code-scanning interfaces expect. Columns are counted in Unicode code points.

use super::super::{Finding, FindingKind, Position, Report, Suppression};
use serde_json::{json, Value};

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

fn location(p: &Position) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&p.file), "uriBaseId": "%SRCROOT%" },
            "region": { "startLine": p.line, "startColumn": p.column }
        }
    })
}

fn level(f: &Finding) -> &'static str {
    match f.severity {
        super::super::Severity::Error => "error",
        super::super::Severity::Warning => "warning",
        super::super::Severity::Note => "note",
    }
}

fn result(f: &Finding, suppression: Option<&Suppression>) -> Value {
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
        obj.insert("locations".into(), json!([location(&p)]));
    }
    let mut related: Vec<Value> = f
        .related
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut l = location(p);
            l["id"] = json!(i + 1);
            l["message"] = json!({ "text": "a call that uses this scope" });
            l
        })
        .collect();
    // Where the call comes through: the wrapper's or property's definition, the GraphQL document.
    if let Some(v) = &f.via {
        if let (Some(file), Some(line)) = (&v.file, v.line) {
            let mut l = location(&Position { file: file.clone(), line, column: 1 });
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
                    super::super::Severity::Error => "error",
                    super::super::Severity::Warning => "warning",
                    super::super::Severity::Note => "note",
                } },
                "help": { "text": format!("{} Suppress with a `bc-scopes: ignore[{}]` comment on or above the line, or an [[ignore]] table in bc-scopes.toml.", k.description(), k.as_str()) }
            })
        })
        .collect();
    let mut results: Vec<Value> = report.findings.iter().map(|f| result(f, None)).collect();
    results.extend(report.suppressed.iter().map(|s| result(&s.finding, Some(&s.suppression))));
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
