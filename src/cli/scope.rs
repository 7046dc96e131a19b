//! `bc-scopes scope NAME`: one OAuth scope in detail.

use super::output;
use super::{CliError, Ctx, Success};
use bigcommerce_scopes::render::scope::{self, ScopeView};
use bigcommerce_scopes::Scope;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The scope, as BigCommerce spells it (e.g. `store_v2_products_read_only`)
    #[arg(value_name = "NAME")]
    name: String,
}

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let json = ctx.json;
    let parsed = Scope::parse_lenient(&args.name)?;
    let warnings: Vec<String> = parsed.warning().into_iter().collect();
    let info = parsed.scope.info();
    let stdout = if json { output::json(&ScopeView { info, warnings: &warnings }) } else { scope::human(info) };
    Ok(Success { stdout, warnings, status: 0 })
}
