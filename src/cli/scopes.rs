//! `bc-scopes scopes`: the table of every OAuth scope.

use super::output::{self, Table};
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
    if selected.is_empty() {
        return Ok(Success::new("No scope matches.\n".to_owned()));
    }
    let mut table = Table::new(&["SCOPE", "PERMISSION", "ACCOUNT TYPES", "GROUP", "ORIGIN", "UI NAME"]);
    for s in &selected {
        table.row([
            s.name,
            s.permission.as_str(),
            &output::list(s.account_types.iter().map(|a| a.as_str())),
            s.group.as_str(),
            s.origin.as_str(),
            if s.ui_name.is_empty() { "-" } else { s.ui_name },
        ]);
    }
    let mut out = table.render();
    let origin = |o: bigcommerce_scopes::Origin| selected.iter().filter(|s| s.origin == o).count();
    let noun = if selected.len() == 1 { "scope" } else { "scopes" };
    let mut aside = Vec::new();
    match origin(bigcommerce_scopes::Origin::Spec) {
        0 => {}
        n => aside.push(format!("{n} named only by an OpenAPI spec")),
    }
    match origin(bigcommerce_scopes::Origin::Token) {
        0 => {}
        n => aside.push(format!("{n} seen only in token responses")),
    }
    let aside = if aside.is_empty() { String::new() } else { format!(" ({})", aside.join(", ")) };
    out.push_str(&format!("\n{} {noun}{aside}. Details: bc-scopes scope NAME\n", selected.len()));
    Ok(Success::new(out))
}
