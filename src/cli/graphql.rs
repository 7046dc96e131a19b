//! `bc-scopes graphql [--api admin|account|storefront] FILE|-`: what a GraphQL document needs.

use super::output::{self, Fields, Table};
use super::plan::read_text;
use super::{CliError, Ctx, Success};
use bigcommerce_scopes::graphql::{analyze, Analysis, Need};
use bigcommerce_scopes::{HeldBy, RequirementKind, Scope};
use serde::Serialize;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The GraphQL API the document is sent to: admin (/stores/{hash}/graphql), account
    /// (/accounts/{uuid}/graphql) or storefront ({store_domain}/graphql)
    #[arg(long, value_name = "API", default_value = "admin")]
    api: String,
    /// The document: a file, or - for standard input
    #[arg(value_name = "FILE")]
    file: String,
}

/// `graphql --json`: the analysis, the document's name and the warnings.
#[derive(Serialize)]
struct GraphqlJson<'a> {
    document: &'a str,
    #[serde(flatten)]
    analysis: &'a Analysis,
    warnings: &'a [String],
}

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let json = ctx.json;
    let api = bigcommerce_scopes::graphql::Endpoint::parse(&args.api)?.api();
    let text = read_text(&args.file)?;
    let analysis = analyze(api, &text)?;
    let shown = if args.file == "-" { "standard input" } else { args.file.as_str() };
    let mut warnings = Vec::new();
    if !analysis.unknown.is_empty() {
        warnings.push(format!(
            "the docs tie {} of this document to no scope: {} (the scopes shown cover the rest)",
            if analysis.unknown.len() == 1 { "a field" } else { "fields" },
            analysis.unknown.join(", ")
        ));
    }
    let stdout = if json {
        output::json(&GraphqlJson { document: shown, analysis: &analysis, warnings: &warnings })
    } else {
        human(shown, &analysis)
    };
    Ok(Success::exit(stdout, warnings, 0))
}

fn names(scopes: &[Scope]) -> String {
    output::list(scopes.iter().map(|s| s.name()))
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

fn human(shown: &str, a: &Analysis) -> String {
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
