//! `bc-scopes scope NAME`: one OAuth scope in detail.

use super::output::{self, Fields, Table};
use super::{CliError, Ctx, Success};
use bigcommerce_scopes::{Method, Origin, Scope, ScopeInfo};
use serde::Serialize;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The scope, as BigCommerce spells it (e.g. `store_v2_products_read_only`)
    #[arg(value_name = "NAME")]
    name: String,
}

/// `scope NAME --json`: the scope's metadata and the warnings about the input.
#[derive(Serialize)]
struct ScopeDetailJson<'a> {
    #[serde(flatten)]
    info: &'static ScopeInfo,
    /// Warnings about the input (a variant spelling; the token spelling gives none).
    warnings: &'a [String],
}

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let json = ctx.json;
    let parsed = Scope::parse_lenient(&args.name)?;
    let warnings: Vec<String> = parsed.warning().into_iter().collect();
    let info = parsed.scope.info();
    let stdout = if json { output::json(&ScopeDetailJson { info, warnings: &warnings }) } else { human(info) };
    Ok(Success { stdout, warnings, status: 0 })
}

fn human(info: &ScopeInfo) -> String {
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
        .one("Account types", output::list(info.account_types.iter().map(|a| a.as_str())))
        .one("Twin", info.twin.map_or("none", Scope::name))
        .one("Implies", output::list(names(info.implies)))
        .one("Implied by", output::list(names(info.implied_by)))
        .many("Resources", resources.lines(), Some("none"))
        .many("Token spelling", info.token_names.iter().copied(), None)
        .many("Variants", info.variants.iter().copied(), None)
        .many("Notes", info.notes.iter().copied(), None)
        .many("History", info.history.iter().copied(), None)
        .many("Sources", info.sources.iter().copied(), None);
    f.render()
}
