//! `bc-scopes account-types` (every kind of API account, and the account-type × use-case tables)
//! and `bc-scopes account-type NAME` (one kind in detail).

use super::output;
use super::{CliError, Ctx, Success};
use bigcommerce_scopes::render::account_types::{all_human, human, AccountTypeView, AccountTypesView};
use bigcommerce_scopes::AccountType;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The account type: `store`, `app`, `account` or `legacy` (or its documented name)
    #[arg(value_name = "NAME")]
    name: String,
}

/// `bc-scopes account-types`.
pub(crate) fn run_all(ctx: &Ctx) -> Success {
    if ctx.json {
        return Success::new(output::json(&AccountTypesView::new()));
    }
    Success::new(all_human())
}

/// `bc-scopes account-type NAME`.
pub(crate) fn run_one(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let info = AccountType::parse(&args.name)?.info();
    if ctx.json {
        return Ok(Success::new(output::json(&AccountTypeView::new(info))));
    }
    Ok(Success::new(human(info)))
}
