//! `bc-scopes account-types` (every kind of API account, and the account-type × use-case tables)
//! and `bc-scopes account-type NAME` (one kind in detail).

use super::output::{self, Fields, Table};
use super::{CliError, Ctx, Success};
use bigcommerce_scopes::{AccountType, AccountTypeInfo, Api, Scope, UseCase, UseCaseTable};
use serde::Serialize;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The account type: `store`, `app`, `account` or `legacy` (or its documented name)
    #[arg(value_name = "NAME")]
    name: String,
}

/// An account type as the JSON output shows it: its metadata, the APIs it supports and the rows of
/// the current use-case table that mark it.
#[derive(Serialize)]
struct AccountTypeJson {
    #[serde(flatten)]
    info: &'static AccountTypeInfo,
    apis: Vec<Api>,
    use_cases: Vec<&'static str>,
}

impl AccountTypeJson {
    fn new(info: &'static AccountTypeInfo) -> AccountTypeJson {
        AccountTypeJson {
            info,
            apis: info.account_type.apis().collect(),
            use_cases: current_use_cases(info.account_type).map(|u| u.name).collect(),
        }
    }
}

#[derive(Serialize)]
struct AllJson {
    account_types: Vec<AccountTypeJson>,
    use_cases: &'static [UseCase],
}

fn current_use_cases(t: AccountType) -> impl Iterator<Item = &'static UseCase> {
    UseCase::all().iter().filter(move |u| u.table == UseCaseTable::Current && u.account_types.contains(&t))
}

fn apis(list: impl IntoIterator<Item = Api>) -> String {
    output::list(list.into_iter().map(Api::id))
}

/// `bc-scopes account-types`.
pub(crate) fn run_all(ctx: &Ctx) -> Success {
    let json = ctx.json;
    if json {
        let all = AllJson {
            account_types: AccountType::all().iter().map(AccountTypeJson::new).collect(),
            use_cases: UseCase::all(),
        };
        return Success::new(output::json(&all));
    }

    let mut out = String::new();
    let mut kinds = Table::new(&["TYPE", "NAME", "ISSUED", "SCOPES CHANGEABLE", "APIS"]);
    for t in AccountType::all() {
        kinds.row([
            t.account_type.as_str(),
            t.name,
            output::yes_no(t.issued),
            output::yes_no(t.scopes_changeable),
            &apis(t.account_type.apis()),
        ]);
    }
    out.push_str(&kinds.render());

    out.push_str("\nChoosing the right kind of API account (newest API-accounts page):\n\n");
    let current = [AccountType::Store, AccountType::App, AccountType::Account];
    out.push_str(&use_case_table(UseCaseTable::Current, &current));

    out.push_str("\nUse cases by credential type (older API-accounts pages, history):\n\n");
    out.push_str(&use_case_table(UseCaseTable::History, &[AccountType::Store, AccountType::App]));

    out.push_str("\nDetails: bc-scopes account-type TYPE\n");
    Success::new(out)
}

/// One table of use cases: a column per account type (`x` where the row marks it), the APIs the
/// row is about, and its notes as numbered footnotes.
fn use_case_table(which: UseCaseTable, columns: &[AccountType]) -> String {
    let mut header = vec!["USE CASE"];
    header.extend(columns.iter().map(|c| match c {
        AccountType::Store => "STORE",
        AccountType::App => "APP",
        AccountType::Account => "ACCOUNT",
        AccountType::Legacy => "LEGACY",
    }));
    header.push("APIS");
    let mut table = Table::new(&header);
    let mut footnotes = Vec::new();
    for u in UseCase::all().iter().filter(|u| u.table == which) {
        let mut name = u.name.to_owned();
        for note in u.notes {
            footnotes.push(*note);
            name.push_str(&format!(" [{}]", footnotes.len()));
        }
        let mut row = vec![name];
        row.extend(columns.iter().map(|c| if u.account_types.contains(c) { "x" } else { "-" }.to_owned()));
        row.push(if u.apis.is_empty() { String::new() } else { apis(u.apis.iter().copied()) });
        table.row(row);
    }
    let mut out = table.render();
    if !footnotes.is_empty() {
        out.push('\n');
        for (i, note) in footnotes.iter().enumerate() {
            out.push_str(&format!("[{}] {note}\n", i + 1));
        }
    }
    out
}

/// `bc-scopes account-type NAME`.
pub(crate) fn run_one(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let json = ctx.json;
    let info = AccountType::parse(&args.name)?.info();
    if json {
        return Ok(Success::new(output::json(&AccountTypeJson::new(info))));
    }
    let t = info.account_type;
    let scopes = Scope::all().iter().filter(|s| s.account_types.contains(&t)).count();
    let mut f = Fields::new();
    f.one("Type", t.as_str())
        .one("Name", info.name)
        .many("Also known as", info.aliases.iter().copied(), None)
        .one("Issued", output::yes_no(info.issued))
        .one("Created in", info.created_in)
        .many("Consists of", info.consists_of.iter().copied(), None)
        .one("Token", info.token)
        .one("Expires", info.expires)
        .many("Invalidated by", info.invalidated_by.iter().copied(), Some("nothing documented"))
        .one("Revocation", info.revocation)
        .one("Scopes changeable", output::yes_no(info.scopes_changeable))
        .one("Creator-only resources", output::list(info.creator_only_resources.iter().copied()))
        .one("APIs", apis(t.apis()))
        .many("Use cases", current_use_cases(t).map(|u| u.name), Some("none"))
        .one(
            "Scopes",
            match scopes {
                0 => "none".to_owned(),
                n => format!("{n} (list: bc-scopes scopes --account-type {t})"),
            },
        )
        .many("Notes", info.notes.iter().copied(), None)
        .many("History", info.history.iter().copied(), None)
        .many("Sources", info.sources.iter().copied(), None);
    Ok(Success::new(f.render()))
}
