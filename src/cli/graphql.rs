//! `bc-scopes graphql [--api admin|account|storefront] FILE|-`: what a GraphQL document needs.

use super::output;
use super::plan::read_text;
use super::{CliError, Ctx, Success};
use bigcommerce_scopes::graphql::analyze;
use bigcommerce_scopes::render::graphql::{human, warnings, GraphqlView};

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

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let json = ctx.json;
    let api = bigcommerce_scopes::graphql::Endpoint::parse(&args.api)?.api();
    let text = read_text(&args.file)?;
    let analysis = analyze(api, &text)?;
    let shown = if args.file == "-" { "standard input" } else { args.file.as_str() };
    let warnings = warnings(&analysis);
    let stdout = if json {
        output::json(&GraphqlView { document: shown, analysis: &analysis, warnings: &warnings })
    } else {
        human(shown, &analysis)
    };
    Ok(Success::exit(stdout, warnings, 0))
}
