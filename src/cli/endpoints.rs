//! `bc-scopes endpoints [--api NAME] [--scope NAME]`: the documented routes, filterable.

use super::output::{self, Table};
use super::{CliError, Ctx, Success};
use bigcommerce_scopes::{Api, Confidence, Method, Operation, RequirementKind, Route, Scope};
use serde::Serialize;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Only routes of this API (slug or display name)
    #[arg(long, value_name = "NAME")]
    api: Option<String>,
    /// Only operations this scope authorizes ("what can this scope reach?")
    #[arg(long, value_name = "NAME")]
    scope: Option<String>,
    /// Only operations with this HTTP method
    #[arg(long, value_name = "METHOD")]
    method: Option<String>,
}

#[derive(Serialize)]
struct Row {
    method: Method,
    /// For HEAD: the documented method that answers it (GET).
    #[serde(skip_serializing_if = "Option::is_none")]
    answered_as: Option<Method>,
    route: &'static str,
    api: &'static str,
    requirement: RequirementKind,
    least_privileged: Option<&'static str>,
    accepted: Vec<&'static str>,
    confidence: Confidence,
    deprecated: bool,
    spec: &'static str,
    operation_id: &'static str,
    summary: &'static str,
}

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let json = ctx.json;
    let api = args.api.as_deref().map(Api::parse).transpose()?;
    let mut warnings = Vec::new();
    let scope = match args.scope.as_deref() {
        Some(s) => {
            let p = Scope::parse_lenient(s)?;
            warnings.extend(p.warning());
            Some(p.scope)
        }
        None => None,
    };
    let method = args.method.as_deref().map(Method::parse).transpose()?;
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
    let rows: Vec<Row> = Route::all()
        .iter()
        .flat_map(|r| r.operations().iter().map(move |o| (r, o)))
        .filter(|(r, o)| keep(r, o))
        .map(|(r, o)| Row {
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
        .collect();
    let stdout = if json {
        output::json(&rows)
    } else {
        let mut t = Table::new(&["METHOD", "ROUTE", "LEAST SCOPE", "API", "CONFIDENCE"]);
        for r in &rows {
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
    };
    Ok(Success { stdout, warnings, status: 0 })
}
