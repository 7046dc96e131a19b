//! `bc-scopes endpoint METHOD TARGET`: what one request needs.

use super::output;
use super::{CliError, Ctx, Success};
use bigcommerce_scopes::render::endpoint::{answer, human};
use bigcommerce_scopes::Method;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// HTTP method (GET, HEAD, POST, PUT, PATCH, DELETE; any case)
    #[arg(value_name = "METHOD")]
    method: String,
    /// Request target: a full URL, a /stores/{hash}/... path, a bare /v3/... path, a storefront path
    #[arg(value_name = "TARGET")]
    target: String,
}

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let method = Method::parse(&args.method)?;
    let a = answer(method, &args.target)?;
    let stdout = if ctx.json { output::json(&a) } else { human(&a) };
    Ok(Success { stdout, warnings: a.warnings(), status: 0 })
}
