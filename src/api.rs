//! APIs: their auth scheme and the account types that support them.

use crate::datafile::vocab::{AccountType, ApiKind};
use crate::error::{Error, ErrorKind};
use crate::suggest::nearest_distinct;
use crate::tables::{self, Api, AuthScheme};
use serde::Serialize;

/// Everything the knowledge base holds about one API.
///
/// ```
/// use bigcommerce_scopes::{AccountType, Api, AuthScheme};
/// let info = Api::CurrentCustomer.info();
/// assert_eq!((info.auth_scheme, info.account_types), (AuthScheme::ClientIdQuery, &[AccountType::App][..]));
/// ```
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct ApiInfo {
    /// The API.
    #[serde(skip)]
    pub api: Api,
    /// Kebab-case slug, e.g. `graphql-storefront`.
    pub id: &'static str,
    /// Display name as documented, e.g. `GraphQL Storefront API`.
    pub name: &'static str,
    /// Other names it is known by.
    pub aliases: &'static [&'static str],
    /// REST, GraphQL or provider.
    pub kind: ApiKind,
    /// How requests to it authenticate.
    pub auth_scheme: AuthScheme,
    /// Base URLs, where documented.
    pub base_urls: &'static [&'static str],
    /// Account types that support it.
    pub account_types: &'static [AccountType],
    /// What it is for.
    pub description: &'static str,
    /// Where each fact comes from.
    pub sources: &'static [&'static str],
    /// Remarks.
    pub notes: &'static [&'static str],
    /// What older documents said.
    pub history: &'static [&'static str],
}

impl Api {
    /// Every API's metadata.
    ///
    /// ```
    /// assert!(bigcommerce_scopes::Api::all().iter().any(|a| a.id == "rest-management"));
    /// ```
    pub fn all() -> &'static [ApiInfo] {
        &tables::APIS
    }

    /// This API's metadata.
    ///
    /// ```
    /// use bigcommerce_scopes::Api;
    /// assert_eq!(Api::RestStorefront.info().name, "REST Storefront API");
    /// ```
    pub fn info(self) -> &'static ApiInfo {
        &tables::APIS[self as usize]
    }

    /// The slug, e.g. `rest-management`.
    ///
    /// ```
    /// assert_eq!(bigcommerce_scopes::Api::Payments.id(), "payments");
    /// ```
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// Find an API by slug, display name or alias, case-insensitively.
    ///
    /// ```
    /// use bigcommerce_scopes::Api;
    /// assert_eq!(Api::parse("graphql-storefront").unwrap(), Api::GraphqlStorefront);
    /// assert_eq!(Api::parse("graphql storefront api").unwrap(), Api::GraphqlStorefront);
    /// assert!(Api::parse("graphql-storefrnt").unwrap_err().to_string().contains("graphql-storefront"));
    /// ```
    pub fn parse(name: &str) -> Result<Api, Error> {
        let trimmed = name.trim();
        let mut buf = [0u8; 64];
        if trimmed.len() <= buf.len() && trimmed.is_ascii() {
            let lower = &mut buf[..trimmed.len()];
            lower.copy_from_slice(trimmed.as_bytes());
            lower.make_ascii_lowercase();
            if let Some(api) = std::str::from_utf8(lower).ok().and_then(|k| tables::API_NAMES.get(k)) {
                return Ok(*api);
            }
        }
        let candidates = Api::all().iter().flat_map(|a| [(a.id, a.api), (a.name, a.api)]);
        let shown: String = name.chars().take(80).collect();
        Err(Error::new(ErrorKind::UnknownApi, format!("unknown API `{}`", shown.escape_debug()))
            .with_suggestions(nearest_distinct(trimmed, candidates, 3)))
    }

    /// How requests to this API authenticate.
    ///
    /// ```
    /// use bigcommerce_scopes::{Api, AuthScheme};
    /// assert_eq!(Api::Payments.auth_scheme(), AuthScheme::PaymentAccessToken);
    /// ```
    pub fn auth_scheme(self) -> AuthScheme {
        self.info().auth_scheme
    }

    /// Whether an account of this type supports the API ("Choosing the right kind of API account").
    ///
    /// ```
    /// use bigcommerce_scopes::{AccountType, Api};
    /// assert!(Api::GraphqlAccount.supports(AccountType::Account));
    /// assert!(!Api::GraphqlAccount.supports(AccountType::App));
    /// ```
    pub fn supports(self, account_type: AccountType) -> bool {
        self.info().account_types.contains(&account_type)
    }
}

impl std::str::FromStr for Api {
    type Err = Error;
    fn from_str(s: &str) -> Result<Api, Error> {
        Api::parse(s)
    }
}
