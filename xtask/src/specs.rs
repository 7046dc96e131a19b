//! The OpenAPI specs of BigCommerce's `reference/` folder: operations, server, and the "OAuth
//! scopes" tables of their descriptions.

use crate::table;
use serde_norway::Value;
use std::path::Path;

/// One operation of a spec.
#[derive(Debug, Clone)]
pub struct SpecOperation {
    /// Upper case, as data/ writes it.
    pub method: String,
    /// The path key, relative to the server.
    pub path: String,
    pub operation_id: String,
    pub summary: String,
    pub deprecated: bool,
}

/// One row of an "OAuth scopes" table, as written (the parameter without backticks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeRow {
    pub ui_name: String,
    pub permission: String,
    pub parameter: String,
}

/// One spec file.
#[derive(Debug, Clone)]
pub struct Spec {
    /// Path relative to the specs folder, with `/` (`catalog/products_catalog.v3.yml`).
    pub file: String,
    /// The server as data/ writes `base`: the path of an `api.bigcommerce.com` server, else the
    /// whole URL. `None` when the spec names no server.
    pub base: Option<String>,
    pub operations: Vec<SpecOperation>,
    /// Rows of every "OAuth scopes" table anywhere in the spec's text (info, tags, security
    /// schemes, operations, parameters), duplicates dropped, in order of appearance.
    pub scope_rows: Vec<ScopeRow>,
    /// Whether any description has an "OAuth scopes" heading (with or without a table).
    pub scope_section: bool,
}

/// The methods an OpenAPI path item may hold.
const METHODS: [&str; 8] = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/// Every spec under `dir`, sorted by file. Hidden files and folders (`.spectral.yaml`) and YAML
/// files that are not OpenAPI documents with `paths` are skipped.
pub fn load(dir: &Path) -> Result<Vec<Spec>, String> {
    let mut files = Vec::new();
    walk(dir, dir, &mut files)?;
    files.sort();
    let mut specs = Vec::new();
    for rel in files {
        let path = dir.join(&rel);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let doc: Value =
            serde_norway::from_str(&text).map_err(|e| format!("{}: not valid YAML: {e}", path.display()))?;
        if let Some(spec) = read_spec(rel, &doc) {
            specs.push(spec);
        }
    }
    Ok(specs)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: cannot read folder: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            walk(root, &path, out)?;
        } else if name.ends_with(".yml") || name.ends_with(".yaml") {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            out.push(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
        }
    }
    Ok(())
}

/// Reads one parsed YAML document; `None` if it is not an OpenAPI document with paths.
pub fn read_spec(file: String, doc: &Value) -> Option<Spec> {
    if doc.get("openapi").is_none() && doc.get("swagger").is_none() {
        return None;
    }
    let paths = doc.get("paths")?.as_mapping()?;
    let mut operations = Vec::new();
    for (path, item) in paths {
        let (Some(path), Some(item)) = (path.as_str(), item.as_mapping()) else { continue };
        for (method, op) in item {
            let Some(method) = method.as_str().filter(|m| METHODS.contains(m)) else { continue };
            let text = |k: &str| op.get(k).and_then(Value::as_str).map(table::squash).unwrap_or_default();
            operations.push(SpecOperation {
                method: method.to_ascii_uppercase(),
                path: path.to_string(),
                operation_id: text("operationId"),
                summary: text("summary"),
                deprecated: op.get("deprecated").and_then(Value::as_bool).unwrap_or(false),
            });
        }
    }
    let base = doc
        .get("servers")
        .and_then(|s| s.get(0))
        .and_then(|s| s.get("url"))
        .and_then(Value::as_str)
        .map(|url| url.strip_prefix("https://api.bigcommerce.com").unwrap_or(url).to_string());
    let mut spec = Spec { file, base, operations, scope_rows: Vec::new(), scope_section: false };
    collect_scope_tables(doc, &mut spec);
    Some(spec)
}

/// Whether a heading is the "OAuth scopes" heading (any case, singular or plural).
fn is_scope_heading(h: &str) -> bool {
    let h = h.to_ascii_lowercase();
    h == "oauth scope" || h == "oauth scopes"
}

/// Walks every string of the document for "OAuth scopes" sections: the specs put their table in
/// a security scheme's description mostly, but also in `info`, tags, operations and parameters.
fn collect_scope_tables(v: &Value, spec: &mut Spec) {
    match v {
        Value::String(s) if s.contains('#') => {
            let md = table::parse(s);
            spec.scope_section |= md.headings.iter().any(|h| is_scope_heading(h));
            for t in md.tables.iter().filter(|t| t.heading.as_deref().is_some_and(is_scope_heading)) {
                let Some(param) = t.column("Parameter") else { continue };
                let cell = |row: &table::Row, i: Option<usize>| {
                    i.and_then(|i| row.cells.get(i)).map(|c| table::squash(c)).unwrap_or_default()
                };
                for row in &t.rows {
                    for parameter in table::code_names(&cell(row, Some(param))) {
                        let r = ScopeRow {
                            ui_name: cell(row, t.column("UI Name")),
                            permission: cell(row, t.column("Permission")),
                            parameter,
                        };
                        if !spec.scope_rows.contains(&r) {
                            spec.scope_rows.push(r);
                        }
                    }
                }
            }
        }
        Value::Sequence(items) => items.iter().for_each(|i| collect_scope_tables(i, spec)),
        Value::Mapping(m) => m.values().for_each(|i| collect_scope_tables(i, spec)),
        Value::Tagged(t) => collect_scope_tables(&t.value, spec),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_operations_server_and_scope_tables() {
        let doc: Value = serde_norway::from_str(
            r#"
openapi: 3.0.0
info: {title: T}
servers: [{url: "https://api.bigcommerce.com/stores/{store_hash}/v3"}]
paths:
  /things:
    parameters: []
    get: {operationId: getThings, summary: "Get  things", deprecated: true}
    post: {operationId: createThing}
components:
  securitySchemes:
    X-Auth-Token:
      description: |-
        ### OAuth scopes

        | UI Name | Permission | Parameter |
        |:--|:--|:--|
        | Things | modify | `store_things` |
        | Things | read-only | store_things_read_only |
        | Things | modify | `store_things` |

        ### Authentication header

        | Header | Argument |
        |:--|:--|
        | `X-Auth-Token` | `access_token` |
"#,
        )
        .unwrap();
        let s = read_spec("things.v3.yml".into(), &doc).unwrap();
        assert_eq!(s.base.as_deref(), Some("/stores/{store_hash}/v3"));
        assert_eq!(s.operations.len(), 2);
        assert_eq!((s.operations[0].method.as_str(), s.operations[0].summary.as_str()), ("GET", "Get things"));
        assert!(s.operations[0].deprecated && !s.operations[1].deprecated);
        let params: Vec<&str> = s.scope_rows.iter().map(|r| r.parameter.as_str()).collect();
        assert_eq!(params, ["store_things", "store_things_read_only"]);
        assert!(s.scope_section);
    }

    #[test]
    fn not_a_spec() {
        let doc: Value = serde_norway::from_str("extends: spectral:oas\n").unwrap();
        assert!(read_spec("x.yaml".into(), &doc).is_none());
    }
}
