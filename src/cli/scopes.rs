//! `bc-scopes scopes`: the table of every OAuth scope.

use super::output;
use super::{CliError, Ctx, Success};
use bigcommerce_scopes::{AccountType, Scope, ScopeGroup};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use strum::VariantArray;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Only the scopes of this group
    #[arg(long, value_name = "GROUP", value_parser = group_parser())]
    group: Option<ScopeGroup>,
    /// Only the scopes this kind of API account can hold (store, app, account)
    #[arg(long, value_name = "TYPE")]
    account_type: Option<String>,
}

fn group_parser() -> impl TypedValueParser<Value = ScopeGroup> {
    PossibleValuesParser::new(ScopeGroup::VARIANTS.iter().map(|g| g.as_str()))
        .map(|s| s.parse::<ScopeGroup>().expect("possible values are ScopeGroup names"))
}

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let json = ctx.json;
    let account_type = args.account_type.as_deref().map(AccountType::parse).transpose()?;
    let selected: Vec<_> = Scope::all()
        .iter()
        .filter(|s| args.group.is_none_or(|g| s.group == g))
        .filter(|s| account_type.is_none_or(|a| s.account_types.contains(&a)))
        .collect();

    if json {
        return Ok(Success::new(output::json(&selected)));
    }
    Ok(Success::new(bigcommerce_scopes::render::scope::table(&selected)))
}
