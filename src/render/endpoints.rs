//! The documented operations, filtered (`bc-scopes endpoints`).

use super::text::Table;
use crate::{Api, Confidence, Method, Operation, RequirementKind, Route, Scope};
use serde::Serialize;

/// One documented operation as `bc-scopes endpoints --json` lists it.
#[derive(Debug, Serialize)]
pub struct OperationRow {
    /// The method (HEAD when HEAD was asked for).
    pub method: Method,
    /// For HEAD: the documented method that answers it (GET).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answered_as: Option<Method>,
    /// The route template.
    pub route: &'static str,
    /// The API's slug.
    pub api: &'static str,
    /// What it needs.
    pub requirement: RequirementKind,
    /// The least-privileged scope.
    pub least_privileged: Option<&'static str>,
    /// Every scope that suffices.
    pub accepted: Vec<&'static str>,
    /// Documented or inferred.
    pub confidence: Confidence,
    /// Whether the spec deprecates it.
    pub deprecated: bool,
    /// The OpenAPI spec file.
    pub spec: &'static str,
    /// The operation's id.
    pub operation_id: &'static str,
    /// The operation's summary.
    pub summary: &'static str,
}

/// The documented operations of `api`, with `method`, that `scope` authorizes (each filter
/// optional). HEAD is answered as GET, as [`super::endpoint::answer`] answers it.
///
/// ```
/// use bigcommerce_scopes::{render::endpoints::operations, Method, Scope};
/// let rows = operations(None, Some(Scope::StoreV2OrdersReadOnly), Some(Method::Get));
/// assert!(rows.iter().all(|r| r.method == Method::Get));
/// assert!(rows.iter().any(|r| r.route == "/stores/{store_hash}/v2/orders"));
/// ```
pub fn operations(api: Option<Api>, scope: Option<Scope>, method: Option<Method>) -> Vec<OperationRow> {
    // HEAD is answered as GET, as `endpoint HEAD` answers it.
    let head = method == Some(Method::Head);
    let documented = if head { Some(Method::Get) } else { method };
    let keep = |r: &Route, o: &Operation| {
        api.is_none_or(|a| r.api == a)
            && documented.is_none_or(|m| o.method == m)
            && scope.is_none_or(|s| {
                o.accepted.iter().any(|a| s.satisfies(*a))
                    || (s == Scope::Default && o.requirement == RequirementKind::DefaultScope)
            })
    };
    Route::all()
        .iter()
        .flat_map(|r| r.operations().iter().map(move |o| (r, o)))
        .filter(|(r, o)| keep(r, o))
        .map(|(r, o)| OperationRow {
            method: if head { Method::Head } else { o.method },
            answered_as: head.then_some(o.method),
            route: r.template,
            api: r.api.id(),
            requirement: o.requirement,
            least_privileged: o.least.map(Scope::name),
            accepted: o.accepted.iter().map(|s| s.name()).collect(),
            confidence: o.confidence,
            deprecated: o.deprecated,
            spec: r.spec,
            operation_id: o.operation_id,
            summary: o.summary,
        })
        .collect()
}

/// The operations as a table with a count (and the HEAD note when they answer HEAD).
///
/// ```
/// use bigcommerce_scopes::render::endpoints::{operations, table};
/// assert!(table(&operations(None, None, None)).starts_with("METHOD"));
/// ```
pub fn table(rows: &[OperationRow]) -> String {
    let head = rows.first().is_some_and(|r| r.answered_as.is_some());
    let mut t = Table::new(&["METHOD", "ROUTE", "LEAST SCOPE", "API", "CONFIDENCE"]);
    for r in rows {
        let least = match r.requirement {
            RequirementKind::Scope => r.least_privileged.unwrap_or("-"),
            RequirementKind::DefaultScope => "(default)",
            RequirementKind::None => "(none)",
        };
        let mut conf = r.confidence.as_str().to_string();
        if r.deprecated {
            conf.push_str(", deprecated");
        }
        t.row([r.method.as_str(), r.route, least, r.api, conf.as_str()]);
    }
    let note = if head { format!("\nNote: {}\n", super::endpoint::HEAD_NOTE) } else { String::new() };
    format!("{}{} operations\n{note}", t.render(), rows.len())
}
