//! The comparisons: specs vs `data/endpoints`, spec scope tables vs the scopes data uses, and the
//! API-accounts page vs `data/scopes.toml`.

use crate::data::Data;
use crate::datafile::schema::{EndpointsFile, OperationEntry};
use crate::datafile::vocab::{Origin, ScopeGroup};
use crate::page::{PageScope, API_ACCOUNTS};
use crate::report::{Finding, Kind};
use crate::specs::Spec;
use crate::table::squash;
use std::collections::{BTreeMap, BTreeSet};

fn finding(kind: Kind, file: &str, change: String) -> Finding {
    Finding { kind, file: file.to_string(), operation: None, scope: None, data_file: None, change }
}

fn data_path(name: &str) -> String {
    format!("data/endpoints/{name}")
}

/// Specs vs endpoint files: operations added and removed, servers, deprecations, scope tables.
pub fn specs(specs: &[Spec], data: &Data) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut files_of: BTreeMap<&str, Vec<(&str, &EndpointsFile)>> = BTreeMap::new();
    for (name, f) in &data.endpoints {
        files_of.entry(f.spec.as_str()).or_default().push((name, f));
    }
    for spec in specs {
        let files = files_of.remove(spec.file.as_str()).unwrap_or_default();
        operations(spec, &files, &mut out);
        if !files.is_empty() {
            scope_table(spec, &files, data, &mut out);
        }
    }
    // Data files whose spec is gone: every operation is removed.
    for (spec, files) in files_of {
        for (name, f) in files {
            for op in &f.operation {
                out.push(Finding {
                    operation: Some(format!("{} {}", op.method, op.path)),
                    data_file: Some(data_path(name)),
                    ..finding(
                        Kind::OperationRemoved,
                        spec,
                        "the spec file no longer exists; the data file still has the operation".into(),
                    )
                });
            }
        }
    }
    out
}

fn operations(spec: &Spec, files: &[(&str, &EndpointsFile)], out: &mut Vec<Finding>) {
    let mut in_data: BTreeMap<(String, &str), (&str, &OperationEntry)> = BTreeMap::new();
    for (name, f) in files {
        for op in &f.operation {
            in_data.insert((op.method.as_str().to_string(), op.path.as_str()), (name, op));
        }
        if let Some(base) = spec.base.as_deref().filter(|b| *b != f.base) {
            out.push(Finding {
                data_file: Some(data_path(name)),
                ..finding(
                    Kind::ServerChanged,
                    &spec.file,
                    format!("the spec's server is now `{base}`; the data file's base is `{}`", f.base),
                )
            });
        }
    }
    let data_file = files.first().map(|(n, _)| data_path(n));
    let mut seen = BTreeSet::new();
    for op in &spec.operations {
        let key = (op.method.clone(), op.path.as_str());
        seen.insert(key.clone());
        let operation = Some(format!("{} {}", op.method, op.path));
        match in_data.get(&key) {
            None => {
                let what = if op.summary.is_empty() { String::new() } else { format!(" \"{}\"", op.summary) };
                let id = if op.operation_id.is_empty() { String::new() } else { format!(" ({})", op.operation_id) };
                let change = match &data_file {
                    Some(_) => format!("new in the spec{what}{id}; not in the data file"),
                    None => format!("new in the spec{what}{id}; no data/endpoints file has spec = \"{}\"", spec.file),
                };
                out.push(Finding {
                    operation,
                    data_file: data_file.clone(),
                    ..finding(Kind::OperationAdded, &spec.file, change)
                });
            }
            Some((name, entry)) if entry.deprecated != op.deprecated => {
                let change = if op.deprecated {
                    "deprecated in the spec; the data file has deprecated = false".to_string()
                } else {
                    "no longer deprecated in the spec; the data file has deprecated = true".to_string()
                };
                out.push(Finding {
                    operation,
                    data_file: Some(data_path(name)),
                    ..finding(Kind::DeprecationChanged, &spec.file, change)
                });
            }
            Some(_) => {}
        }
    }
    for ((method, path), (name, _)) in &in_data {
        if !seen.contains(&(method.clone(), *path)) {
            out.push(Finding {
                operation: Some(format!("{method} {path}")),
                data_file: Some(data_path(name)),
                ..finding(Kind::OperationRemoved, &spec.file, "no longer in the spec; still in the data file".into())
            });
        }
    }
}

/// Whether `text` names `scope` as a whole word (`store_cart` is not named by `store_cart_read_only`).
fn mentions(text: &str, scope: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(scope).any(|(i, _)| {
        !text[..i].chars().next_back().is_some_and(word) && !text[i + scope.len()..].chars().next().is_some_and(word)
    })
}

/// A scope and its twin: the spec tables list families (modify and read-only rows), and data
/// records the least-privileged member, so families are what is compared.
fn family<'a>(data: &'a Data, scope: &'a str) -> Vec<&'a str> {
    let mut f = vec![scope];
    if let Some(t) = data.scope(scope).and_then(|s| s.twin.as_deref()) {
        f.push(t);
    }
    // Twins are declared on both sides, but a one-sided declaration still pairs them.
    f.extend(data.scopes.iter().filter(|s| s.twin.as_deref() == Some(scope)).map(|s| s.name.as_str()));
    f
}

/// The scopes an operation names: `scope`, `also`, `conditional`.
fn op_scopes(op: &OperationEntry) -> impl Iterator<Item = &str> {
    op.scope.iter().chain(&op.also).map(String::as_str).chain(op.conditional.iter().map(|c| c.scope.as_str()))
}

/// A spec's "OAuth scopes" table vs the scopes its data file uses (`scope`, `also`,
/// `conditional`), compared as families (a scope with its twin: the tables list modify and
/// read-only rows, an operation records the one it needs). Reported:
/// - a table row naming a scope data/scopes.toml does not know, even as a variant;
/// - a family the table names and no operation uses, unless a note of the file or of an operation
///   names it (or, in a note about "the table", its UI name): the data format's place for a table's
///   anomalies and for "the rule is not the spec's table";
/// - a family operations use and the table does not name, listing those operations that neither
///   cite another source (the guide, a docs page) nor name the family in their own notes.
///
/// So today's known anomalies, each recorded in data, stay quiet, and a row added to or dropped
/// from a table shows.
fn scope_table(spec: &Spec, files: &[(&str, &EndpointsFile)], data: &Data, out: &mut Vec<Finding>) {
    let data_file = Some(data_path(files[0].0));
    let notes: Vec<&str> = files
        .iter()
        .flat_map(|(_, f)| f.notes.iter().chain(f.operation.iter().flat_map(|o| &o.notes)))
        .map(String::as_str)
        .collect();
    let explained = |scope: &str| notes.iter().any(|n| mentions(n, scope));
    // Notes about the table tend to give its rows by UI name ("The table names Channel Listings").
    let table_note =
        |ui_name: &str| !ui_name.is_empty() && notes.iter().any(|n| n.contains("table") && mentions(n, ui_name));

    // The spec's side: known scopes, by their data name; unknown names are drift of their own.
    let mut table: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for row in &spec.scope_rows {
        if !row.parameter.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue; // a placeholder such as `...`
        }
        match data.canonical(&row.parameter) {
            Some(s) => table.entry(s.name.as_str()).or_default().push(row.ui_name.as_str()),
            None if !explained(&row.parameter) => out.push(Finding {
                scope: Some(row.parameter.clone()),
                data_file: Some("data/scopes.toml".into()),
                ..finding(
                    Kind::ScopeTableChanged,
                    &spec.file,
                    format!(
                        "the table names `{}` ({}, {}), which data/scopes.toml does not know (nor as a variant)",
                        row.parameter, row.ui_name, row.permission
                    ),
                )
            }),
            None => {}
        }
    }
    let spec_family: BTreeSet<&str> = table.keys().flat_map(|s| family(data, s)).collect();

    // The data's side: every scope an operation names, with the operations naming it.
    let mut used: BTreeMap<&str, Vec<&OperationEntry>> = BTreeMap::new();
    for (_, f) in files {
        for op in &f.operation {
            for s in op_scopes(op) {
                used.entry(s).or_default().push(op);
            }
        }
    }
    let data_family: BTreeSet<&str> = used.keys().flat_map(|s| family(data, s)).collect();

    for (s, ui_names) in &table {
        if !data_family.contains(s)
            && !family(data, s).iter().any(|m| explained(m))
            && !ui_names.iter().any(|u| table_note(u))
        {
            out.push(Finding {
                scope: Some(s.to_string()),
                data_file: data_file.clone(),
                ..finding(
                    Kind::ScopeTableChanged,
                    &spec.file,
                    format!("the table names `{s}`; no operation of the data file uses it or its twin"),
                )
            });
        }
    }
    for (s, ops) in &used {
        if spec_family.contains(s) {
            continue;
        }
        // An operation explains a scope the table does not name when it cites another source for
        // its rule (the API-accounts guide, a docs page) or its own notes name the scope family.
        let unexplained: Vec<&&OperationEntry> = ops
            .iter()
            .filter(|o| {
                o.sources.iter().all(|src| src.starts_with("spec:"))
                    && !o.notes.iter().any(|n| family(data, s).iter().any(|m| mentions(n, m)))
            })
            .collect();
        if unexplained.is_empty() {
            continue;
        }
        let listed: Vec<String> = unexplained.iter().take(3).map(|o| format!("{} {}", o.method, o.path)).collect();
        let more = if unexplained.len() > 3 { format!(" and {} more", unexplained.len() - 3) } else { String::new() };
        let change = if spec.scope_rows.is_empty() {
            format!("the spec has no scope table now; the data file uses `{s}` ({}{more})", listed.join(", "))
        } else {
            format!("the table no longer names `{s}` or its twin; the data file uses it ({}{more})", listed.join(", "))
        };
        out.push(Finding {
            scope: Some(s.to_string()),
            data_file: data_file.clone(),
            ..finding(Kind::ScopeTableChanged, &spec.file, change)
        });
    }
}

/// The API-accounts page's scope tables vs `data/scopes.toml`.
pub fn page(rows: &[PageScope], data: &Data) -> Vec<Finding> {
    let mut out = Vec::new();
    let at = |line: usize| format!("{API_ACCOUNTS}:{line}");
    let scopes_toml = Some("data/scopes.toml".to_string());
    let mut on_page: BTreeSet<&str> = BTreeSet::new();
    for row in rows {
        let mut push = |kind, change: String| {
            out.push(Finding {
                scope: Some(row.name.clone()),
                data_file: scopes_toml.clone(),
                ..finding(kind, &at(row.line), change)
            })
        };
        let described = format!(
            "{}, {}{}",
            row.ui_name,
            row.permission,
            row.group.map(|g| format!(", {g} table")).unwrap_or_default()
        );
        let Some(entry) = data.canonical(&row.name) else {
            push(Kind::ScopeAdded, format!("on the page ({described}); not in data/scopes.toml"));
            continue;
        };
        if !on_page.insert(entry.name.as_str()) {
            continue; // listed twice on the page: the first row is the one compared
        }
        if entry.name != row.name {
            push(
                Kind::ScopeChanged,
                format!("the page now spells `{}` as `{}` (a variant in data)", entry.name, row.name),
            );
        }
        if entry.origin != Origin::Docs {
            push(
                Kind::ScopeAdded,
                format!(
                    "now on the page ({described}); data/scopes.toml has it with origin = \"{}\"",
                    entry.origin.as_str()
                ),
            );
        }
        if squash(&entry.ui_name) != row.ui_name {
            push(Kind::ScopeChanged, format!("UI name is `{}` on the page, `{}` in data", row.ui_name, entry.ui_name));
        }
        if !row.permission.eq_ignore_ascii_case(entry.permission.as_str()) {
            push(
                Kind::ScopeChanged,
                format!("permission is `{}` on the page, `{}` in data", row.permission, entry.permission.as_str()),
            );
        }
        if let Some(g) = row.group.filter(|g| *g != entry.group.as_str()) {
            push(Kind::ScopeChanged, format!("in the {g} table on the page; group `{}` in data", entry.group.as_str()));
        }
    }
    // Documented scopes the page no longer lists. `default` has no table row: the page names it in
    // prose only, so it is not compared.
    for s in &data.scopes {
        if s.origin == Origin::Docs && s.group != ScopeGroup::Default && !on_page.contains(s.name.as_str()) {
            out.push(Finding {
                scope: Some(s.name.clone()),
                data_file: scopes_toml.clone(),
                ..finding(
                    Kind::ScopeRemoved,
                    API_ACCOUNTS,
                    format!(
                        "not on the page; data/scopes.toml has it ({}, {}, origin = \"docs\")",
                        s.ui_name, s.permission
                    ),
                )
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::mentions;

    #[test]
    fn mentions_whole_names_only() {
        assert!(mentions("needs `store_cart` here", "store_cart"));
        assert!(mentions("store_cart", "store_cart"));
        assert!(!mentions("store_cart_read_only", "store_cart"));
        assert!(!mentions("my_store_cart", "store_cart"));
        assert!(mentions("x, store_cart_read_only and store_cart.", "store_cart"));
    }
}
