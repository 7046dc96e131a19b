//! What a GraphQL document needs (`bc-scopes graphql`).

use super::text::{list, Fields, Table};
use crate::graphql::{Analysis, Need};
use crate::{HeldBy, RequirementKind, Scope};
use serde::Serialize;

/// A GraphQL document's analysis as `bc-scopes graphql --json` prints it: the document's name,
/// the analysis and the warnings.
///
/// ```
/// use bigcommerce_scopes::{graphql::analyze, render::graphql::GraphqlView, Api};
/// let a = analyze(Api::GraphqlAdmin, "query { store { settings { storefront { catalog { productComparisonsEnabled } } } } }").unwrap();
/// let v = serde_json::to_value(GraphqlView { document: "q.graphql", analysis: &a, warnings: &[] }).unwrap();
/// assert_eq!(v["document"], "q.graphql");
/// assert!(v["scopes"].is_array());
/// ```
#[derive(Debug, Serialize)]
pub struct GraphqlView<'a> {
    /// The document's name (a file, or `standard input`).
    pub document: &'a str,
    /// The analysis.
    #[serde(flatten)]
    pub analysis: &'a Analysis,
    /// Warnings (fields the docs tie to no scope).
    pub warnings: &'a [String],
}

fn names(scopes: &[Scope]) -> String {
    list(scopes.iter().map(|s| s.name()))
}

fn need_scope(n: &Need) -> String {
    match (n.requirement, n.least_privileged) {
        (RequirementKind::Scope, Some(s)) => {
            let also: Vec<&str> = n.accepted.iter().filter(|a| **a != s).map(|a| a.name()).collect();
            let holder = if n.held_by == HeldBy::TokenMinter { " (held by the token's minting account)" } else { "" };
            if also.is_empty() {
                format!("{}{holder}", s.name())
            } else {
                format!("{}{holder}; also accepted: {}", s.name(), also.join(", "))
            }
        }
        _ => "none".into(),
    }
}

/// The warnings an analysis gives (fields the docs tie to no scope).
///
/// ```
/// use bigcommerce_scopes::{graphql::analyze, Api};
/// let a = analyze(Api::GraphqlAdmin, "query { store { settings { storefront { catalog { productComparisonsEnabled } } } } }").unwrap();
/// assert_eq!(bigcommerce_scopes::render::graphql::warnings(&a).len(), usize::from(!a.unknown.is_empty()));
/// ```
pub fn warnings(a: &Analysis) -> Vec<String> {
    if a.unknown.is_empty() {
        return Vec::new();
    }
    vec![format!(
        "the docs tie {} of this document to no scope: {} (the scopes shown cover the rest)",
        super::text::plural(a.unknown.len(), "a field", "fields"),
        a.unknown.join(", ")
    )]
}

/// A GraphQL document's analysis for people: the scopes, then a table per operation.
///
/// ```
/// use bigcommerce_scopes::{graphql::analyze, Api};
/// let a = analyze(Api::GraphqlAdmin, "query { store { settings { storefront { catalog { productComparisonsEnabled } } } } }").unwrap();
/// assert!(bigcommerce_scopes::render::graphql::human("q.graphql", &a).starts_with("\x1b[1mDocument:"));
/// ```
pub fn human(shown: &str, a: &Analysis) -> String {
    let info = a.api.info();
    let mut f = Fields::new();
    f.one("Document", shown)
        .one("API", format!("{} ({}), POST {}", info.name, info.id, a.endpoint))
        .one("Scopes", names(&a.scopes));
    if !a.token_scopes.is_empty() {
        f.one("Token scopes", format!("{} (the account that mints the bearer token)", names(&a.token_scopes)));
    }
    f.many("Unknown", a.unknown.iter().map(|u| format!("{u} (the docs tie it to no scope)")), None);
    let mut out = f.render();
    for op in &a.operations {
        let name = op.name.as_deref().map(|n| format!(" {n}")).unwrap_or_default();
        out.push_str(&format!("\n{}{name} (line {})\n", op.operation, op.position.line));
        let mut t = Table::new(&["  field", "needs", "confidence", "source"]);
        for field in &op.fields {
            let alias = field.alias.as_deref().map(|a| format!("{a}: ")).unwrap_or_default();
            for n in &field.needs {
                let covered = if n.statement == "*" {
                    format!("{alias}{} (every field)", field.name)
                } else {
                    format!("{alias}{}", n.fields.join(", "))
                };
                t.row([
                    format!("  {covered}"),
                    need_scope(n),
                    n.confidence.to_string(),
                    n.sources.first().copied().unwrap_or("").to_owned(),
                ]);
                for c in n.conditional {
                    t.row([
                        String::new(),
                        format!("+ {} when {}", c.scope.name(), c.when),
                        String::new(),
                        String::new(),
                    ]);
                }
            }
            for u in &field.unknown {
                t.row([
                    format!("  {alias}{u}"),
                    "unknown: the docs tie it to no scope".to_owned(),
                    String::new(),
                    String::new(),
                ]);
            }
        }
        out.push_str(&t.render());
    }
    out
}
