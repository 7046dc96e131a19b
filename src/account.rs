//! Account types and the "which account type supports which API" tables.

use crate::datafile::vocab::{AccountType, UseCaseTable};
use crate::tables::{self, Api};
use serde::Serialize;

/// Everything the knowledge base holds about one kind of API account.
///
/// ```
/// let store = bigcommerce_scopes::AccountType::Store.info();
/// assert!(store.creator_only_resources.contains(&"webhooks"));
/// ```
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct AccountTypeInfo {
    /// The account type (`store`, `app`, `account`, `legacy`).
    #[serde(rename = "id")]
    pub account_type: AccountType,
    /// Its name in the docs.
    pub name: &'static str,
    /// Other names the docs use.
    pub aliases: &'static [&'static str],
    /// Whether BigCommerce still issues it.
    pub issued: bool,
    /// Where it is created.
    pub created_in: &'static str,
    /// What it consists of.
    pub consists_of: &'static [&'static str],
    /// How its access token is obtained.
    pub token: &'static str,
    /// Whether and when its access token expires.
    pub expires: &'static str,
    /// What invalidates or refreshes its access token.
    pub invalidated_by: &'static [&'static str],
    /// How it is revoked.
    pub revocation: &'static str,
    /// Whether its OAuth scopes can be changed after creation.
    pub scopes_changeable: bool,
    /// Resources only the creating API account can see.
    pub creator_only_resources: &'static [&'static str],
    /// Where each fact comes from.
    pub sources: &'static [&'static str],
    /// Remarks.
    pub notes: &'static [&'static str],
    /// What older documents said.
    pub history: &'static [&'static str],
}

/// A row of an account-type table ("Choosing the right kind of API account", or the older
/// "Use cases by credential type").
///
/// ```
/// use bigcommerce_scopes::{AccountType, UseCase};
/// let row = UseCase::all().iter().find(|u| u.name == "Single-store frontend scripts").unwrap();
/// assert_eq!(row.account_types, [AccountType::App]);
/// ```
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct UseCase {
    /// Current table or history.
    pub table: UseCaseTable,
    /// The row's text.
    pub name: &'static str,
    /// APIs the row is about.
    pub apis: &'static [Api],
    /// Account types marked in the row.
    pub account_types: &'static [AccountType],
    /// Where it comes from.
    pub sources: &'static [&'static str],
    /// Remarks and conflicts.
    pub notes: &'static [&'static str],
}

impl UseCase {
    /// Every row of both tables, current first.
    ///
    /// ```
    /// use bigcommerce_scopes::{UseCase, UseCaseTable};
    /// let current = UseCase::all().iter().filter(|u| u.table == UseCaseTable::Current).count();
    /// assert_eq!(current, 13);
    /// ```
    pub fn all() -> &'static [UseCase] {
        &tables::USE_CASES
    }
}

impl AccountType {
    /// Every account type's metadata, in enum order.
    ///
    /// ```
    /// assert_eq!(bigcommerce_scopes::AccountType::all().len(), 4);
    /// ```
    pub fn all() -> &'static [AccountTypeInfo] {
        &tables::ACCOUNT_TYPES
    }

    /// This account type's metadata.
    ///
    /// ```
    /// use bigcommerce_scopes::AccountType;
    /// assert!(!AccountType::Store.info().scopes_changeable);
    /// assert!(AccountType::App.info().scopes_changeable);
    /// assert!(!AccountType::Legacy.info().issued);
    /// ```
    pub fn info(self) -> &'static AccountTypeInfo {
        &tables::ACCOUNT_TYPES[self as usize]
    }

    /// The APIs this account type supports.
    ///
    /// ```
    /// use bigcommerce_scopes::{AccountType, Api};
    /// let apis: Vec<Api> = AccountType::Account.apis().collect();
    /// assert_eq!(apis, [Api::GraphqlAccount]);
    /// ```
    pub fn apis(self) -> impl Iterator<Item = Api> {
        Api::all().iter().filter(move |a| a.account_types.contains(&self)).map(|a| a.api)
    }

    /// Whether this account type supports `api`.
    ///
    /// ```
    /// use bigcommerce_scopes::{AccountType, Api};
    /// assert!(AccountType::App.supports(Api::CustomerLogin));
    /// assert!(!AccountType::Store.supports(Api::CustomerLogin));
    /// ```
    pub fn supports(self, api: Api) -> bool {
        api.supports(self)
    }

    /// Find an account type by id (`store`), name or alias, case-insensitively.
    ///
    /// ```
    /// use bigcommerce_scopes::AccountType;
    /// assert_eq!(AccountType::parse("App-level API account").unwrap(), AccountType::App);
    /// assert!(AccountType::parse("shop").is_err());
    /// ```
    pub fn parse(name: &str) -> Result<AccountType, crate::Error> {
        let t = name.trim();
        for info in AccountType::all() {
            let id: &str = info.account_type.as_str();
            let level = format!("{id}-level");
            if std::iter::once(id)
                .chain(std::iter::once(level.as_str()))
                .chain(std::iter::once(info.name))
                .chain(info.aliases.iter().copied())
                .any(|n| n.eq_ignore_ascii_case(t))
            {
                return Ok(info.account_type);
            }
        }
        let ids = || AccountType::all().iter().map(|i| i.account_type.as_str());
        let shown: String = t.chars().take(80).collect();
        Err(crate::Error::new(
            crate::ErrorKind::UnknownAccountType,
            format!("unknown account type `{}`: expected {}", shown.escape_debug(), crate::error::one_of(ids())),
        )
        .with_suggestions(crate::suggest::nearest(t, ids(), 2)))
    }
}

impl std::str::FromStr for AccountType {
    type Err = crate::Error;

    /// [`AccountType::parse`]: an id, `{id}-level`, the documented name or an alias; an unknown
    /// name is an error that lists the account types.
    ///
    /// ```
    /// use bigcommerce_scopes::AccountType;
    /// assert_eq!("store-level".parse::<AccountType>().unwrap(), AccountType::Store);
    /// let e = "shop".parse::<AccountType>().unwrap_err();
    /// assert_eq!(e.to_string(), "unknown account type `shop`: expected store, app, account or legacy");
    /// ```
    fn from_str(name: &str) -> Result<AccountType, crate::Error> {
        AccountType::parse(name)
    }
}
