//! One OAuth scope in detail, and the table of scopes (`bc-scopes scope`, `bc-scopes scopes`).

use super::text::{list, Fields, Table};
use crate::{Method, Origin, Scope, ScopeInfo};
use serde::Serialize;

/// One scope as `bc-scopes scope NAME --json` prints it: its metadata and the warnings about the
/// name given.
///
/// ```
/// use bigcommerce_scopes::render::scope::ScopeView;
/// use bigcommerce_scopes::Scope;
/// let v = ScopeView { info: Scope::StoreV2OrdersReadOnly.info(), warnings: &[] };
/// let json = serde_json::to_value(&v).unwrap();
/// assert_eq!(json["name"], "store_v2_orders_read_only");
/// assert!(json["warnings"].as_array().unwrap().is_empty());
/// ```
#[derive(Debug, Serialize)]
pub struct ScopeView<'a> {
    /// The scope's metadata.
    #[serde(flatten)]
    pub info: &'static ScopeInfo,
    /// Warnings about the input (a variant spelling; the token spelling gives none).
    pub warnings: &'a [String],
}

/// One scope for people: a label/value block.
///
/// ```
/// let text = bigcommerce_scopes::render::scope::human(bigcommerce_scopes::Scope::StoreCart.info());
/// assert!(text.contains("store_cart"));
/// ```
pub fn human(info: &ScopeInfo) -> String {
    let names = |scopes: &[Scope]| scopes.iter().map(|s| s.name()).collect::<Vec<_>>();
    // What `Scope::allows` answers, for the REST routes it grants (GraphQL requests are all POST).
    let permission = if !info.scope.allows(Method::Post) {
        format!("{} (REST: GET and HEAD only)", info.permission)
    } else {
        info.permission.to_string()
    };
    let origin = match info.origin {
        Origin::Docs => "docs (listed on the API-accounts page)",
        Origin::Spec => "spec (named only by an OpenAPI spec, not by the API-accounts page)",
        Origin::Token => "token (seen only in OAuth token responses; the docs do not list it)",
    };
    let mut resources = Table::plain();
    for r in info.resources {
        resources.row([r.name, r.path.unwrap_or("")]);
    }

    let mut f = Fields::new();
    f.one("Scope", info.name)
        .one("UI name", if info.ui_name.is_empty() { "none documented" } else { info.ui_name })
        .one("Permission", permission)
        .one("Group", info.group.as_str())
        .one("Origin", origin)
        .one("Description", info.description)
        .one("Account types", list(info.account_types.iter().map(|a| a.as_str())))
        .one("Twin", info.twin.map_or("none", Scope::name))
        .one("Implies", list(names(info.implies)))
        .one("Implied by", list(names(info.implied_by)))
        .many("Resources", resources.lines(), Some("none"))
        .many("Token spelling", info.token_names.iter().copied(), None)
        .many("Variants", info.variants.iter().copied(), None)
        .many("Notes", info.notes.iter().copied(), None)
        .many("History", info.history.iter().copied(), None)
        .many("Sources", info.sources.iter().copied(), None);
    f.render()
}

/// Scopes as a table with a closing count (`bc-scopes scopes`).
///
/// ```
/// let all: Vec<_> = bigcommerce_scopes::Scope::all().iter().collect();
/// let text = bigcommerce_scopes::render::scope::table(&all);
/// assert!(text.starts_with("SCOPE"));
/// ```
pub fn table(selected: &[&ScopeInfo]) -> String {
    if selected.is_empty() {
        return "No scope matches.\n".to_owned();
    }
    let mut table = Table::new(&["SCOPE", "PERMISSION", "ACCOUNT TYPES", "GROUP", "ORIGIN", "UI NAME"]);
    for s in selected {
        table.row([
            s.name,
            s.permission.as_str(),
            &list(s.account_types.iter().map(|a| a.as_str())),
            s.group.as_str(),
            s.origin.as_str(),
            if s.ui_name.is_empty() { "-" } else { s.ui_name },
        ]);
    }
    let mut out = table.render();
    let origin = |o: Origin| selected.iter().filter(|s| s.origin == o).count();
    let noun = super::text::plural(selected.len(), "scope", "scopes");
    let mut aside = Vec::new();
    match origin(Origin::Spec) {
        0 => {}
        n => aside.push(format!("{n} named only by an OpenAPI spec")),
    }
    match origin(Origin::Token) {
        0 => {}
        n => aside.push(format!("{n} seen only in token responses")),
    }
    let aside = if aside.is_empty() { String::new() } else { format!(" ({})", aside.join(", ")) };
    out.push_str(&format!("\n{} {noun}{aside}. Details: bc-scopes scope NAME\n", selected.len()));
    out
}
