//! `bc-scopes endpoints [--api NAME] [--scope NAME]`: the documented routes, filterable.

use super::output;
use super::{CliError, Ctx, Success};
use bigcommerce_scopes::render::endpoints::{operations, table};
use bigcommerce_scopes::{Api, Method, Scope};

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

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
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
    let rows = operations(api, scope, method);
    let stdout = if ctx.json { output::json(&rows) } else { table(&rows) };
    Ok(Success { stdout, warnings, status: 0 })
}
