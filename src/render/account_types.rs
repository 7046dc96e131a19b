//! The kinds of API account (`bc-scopes account-types`, `bc-scopes account-type`): views, tables
//! and the account-type × use-case tables.

use super::text::{list, yes_no, Fields, Table};
use crate::{AccountType, AccountTypeInfo, Api, Scope, UseCase, UseCaseTable};
use serde::Serialize;

/// An account type as the JSON output shows it: its metadata, the APIs it supports and the rows of
/// the current use-case table that mark it.
///
/// ```
/// use bigcommerce_scopes::{render::account_types::AccountTypeView, AccountType};
/// let v = serde_json::to_value(AccountTypeView::new(AccountType::Store.info())).unwrap();
/// assert_eq!(v["id"], "store");
/// assert!(v["apis"].as_array().unwrap().len() > 1);
/// ```
#[derive(Debug, Serialize)]
pub struct AccountTypeView {
    /// Its metadata.
    #[serde(flatten)]
    pub info: &'static AccountTypeInfo,
    /// The APIs it supports.
    pub apis: Vec<Api>,
    /// The rows of the current use-case table that mark it.
    pub use_cases: Vec<&'static str>,
}

impl AccountTypeView {
    /// The view of one account type.
    pub fn new(info: &'static AccountTypeInfo) -> AccountTypeView {
        AccountTypeView {
            info,
            apis: info.account_type.apis().collect(),
            use_cases: current_use_cases(info.account_type).map(|u| u.name).collect(),
        }
    }
}

/// Every account type and the use-case tables, as `bc-scopes account-types --json` prints them.
///
/// ```
/// let v = serde_json::to_value(bigcommerce_scopes::render::account_types::AccountTypesView::new()).unwrap();
/// assert_eq!(v["account_types"].as_array().unwrap().len(), 4);
/// ```
#[derive(Debug, Serialize)]
pub struct AccountTypesView {
    /// Every kind of API account.
    pub account_types: Vec<AccountTypeView>,
    /// The use-case tables' rows.
    pub use_cases: &'static [UseCase],
}

impl AccountTypesView {
    /// The view of them all.
    pub fn new() -> AccountTypesView {
        AccountTypesView {
            account_types: AccountType::all().iter().map(AccountTypeView::new).collect(),
            use_cases: UseCase::all(),
        }
    }
}

impl Default for AccountTypesView {
    fn default() -> AccountTypesView {
        AccountTypesView::new()
    }
}

fn current_use_cases(t: AccountType) -> impl Iterator<Item = &'static UseCase> {
    UseCase::all().iter().filter(move |u| u.table == UseCaseTable::Current && u.account_types.contains(&t))
}

fn apis(items: impl IntoIterator<Item = Api>) -> String {
    list(items.into_iter().map(Api::id))
}

/// Every kind of API account for people: a table, then the current and the older use-case tables.
///
/// ```
/// assert!(bigcommerce_scopes::render::account_types::all_human().starts_with("TYPE"));
/// ```
pub fn all_human() -> String {
    let mut out = String::new();
    let mut kinds = Table::new(&["TYPE", "NAME", "ISSUED", "SCOPES CHANGEABLE", "APIS"]);
    for t in AccountType::all() {
        kinds.row([
            t.account_type.as_str(),
            t.name,
            yes_no(t.issued),
            yes_no(t.scopes_changeable),
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
    out
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

/// One kind of API account for people: a label/value block.
///
/// ```
/// use bigcommerce_scopes::{render::account_types::human, AccountType};
/// assert!(human(AccountType::App.info()).contains("app"));
/// ```
pub fn human(info: &'static AccountTypeInfo) -> String {
    let t = info.account_type;
    let scopes = Scope::all().iter().filter(|s| s.account_types.contains(&t)).count();
    let mut f = Fields::new();
    f.one("Type", t.as_str())
        .one("Name", info.name)
        .many("Also known as", info.aliases.iter().copied(), None)
        .one("Issued", yes_no(info.issued))
        .one("Created in", info.created_in)
        .many("Consists of", info.consists_of.iter().copied(), None)
        .one("Token", info.token)
        .one("Expires", info.expires)
        .many("Invalidated by", info.invalidated_by.iter().copied(), Some("nothing documented"))
        .one("Revocation", info.revocation)
        .one("Scopes changeable", yes_no(info.scopes_changeable))
        .one("Creator-only resources", list(info.creator_only_resources.iter().copied()))
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
    f.render()
}
