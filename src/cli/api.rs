//! `bc-scopes api NAME`: one API, its auth scheme and the account types that support it.

use super::output;
use super::{CliError, Ctx, Success};
use bigcommerce_scopes::render::api::{human, ApiView};
use bigcommerce_scopes::Api;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The API: a slug (`graphql-storefront`) or its documented name ("GraphQL Storefront API")
    #[arg(value_name = "NAME")]
    name: String,
}

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let json = ctx.json;
    let api = Api::parse(&args.name)?.info();
    Ok(Success::new(if json { output::json(&ApiView::new(api)) } else { human(api) }))
}
