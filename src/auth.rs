//! Auth schemes: the header or other mechanism a request authenticates with.

use crate::datafile::vocab::{AccountType, AuthKind, CredentialLocation};
use crate::tables::{self, Api, AuthScheme, Scope};
use serde::Serialize;

/// Everything the knowledge base holds about one auth scheme.
///
/// ```
/// use bigcommerce_scopes::{AuthScheme, Scope};
/// let bearer = AuthScheme::BearerJwt.info();
/// assert_eq!(bearer.header, Some("Authorization"));
/// assert!(bearer.token_scopes.contains(&Scope::StoreStorefrontApi));
/// ```
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct AuthSchemeInfo {
    /// The scheme.
    #[serde(skip)]
    pub scheme: AuthScheme,
    /// Kebab-case id, e.g. `x-auth-token`.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Which family of the authentication page it belongs to.
    pub kind: AuthKind,
    /// Where the credential travels.
    pub location: CredentialLocation,
    /// Header name, e.g. `X-Auth-Token` or `Authorization`.
    pub header: Option<&'static str>,
    /// Query parameter name, e.g. `app_client_id`.
    pub query_parameter: Option<&'static str>,
    /// Form of the value, e.g. `Bearer {token}`.
    pub value_format: Option<&'static str>,
    /// Where the credential comes from.
    pub credential: &'static str,
    /// Endpoints that create the token (dynamic tokens).
    pub token_endpoints: &'static [&'static str],
    /// Token creation scopes the creating account needs (dynamic tokens).
    pub token_scopes: &'static [Scope],
    /// Account types that use it.
    pub account_types: &'static [AccountType],
    /// Deprecated headers of this scheme (e.g. `X-Auth-Client`).
    pub deprecated_headers: &'static [&'static str],
    /// Where each fact comes from.
    pub sources: &'static [&'static str],
    /// Remarks.
    pub notes: &'static [&'static str],
    /// What older documents said.
    pub history: &'static [&'static str],
}

impl AuthScheme {
    /// Every auth scheme's metadata.
    ///
    /// ```
    /// assert!(bigcommerce_scopes::AuthScheme::all().iter().any(|a| a.header == Some("X-Auth-Token")));
    /// ```
    pub fn all() -> &'static [AuthSchemeInfo] {
        &tables::AUTH_SCHEMES
    }

    /// This scheme's metadata.
    ///
    /// ```
    /// use bigcommerce_scopes::AuthScheme;
    /// assert_eq!(AuthScheme::PaymentAccessToken.info().value_format, Some("PAT {token}"));
    /// ```
    pub fn info(self) -> &'static AuthSchemeInfo {
        &tables::AUTH_SCHEMES[self as usize]
    }

    /// The APIs that authenticate with this scheme by default.
    ///
    /// ```
    /// use bigcommerce_scopes::{Api, AuthScheme};
    /// assert!(AuthScheme::SameOriginCors.apis().any(|a| a == Api::RestStorefront));
    /// ```
    pub fn apis(self) -> impl Iterator<Item = Api> {
        Api::all().iter().filter(move |a| a.auth_scheme == self).map(|a| a.api)
    }
}
