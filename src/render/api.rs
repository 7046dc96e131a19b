//! One API and the table of APIs (`bc-scopes api`, `bc-scopes apis`).

use super::text::{list, Fields, Table};
use crate::{AccountType, Api, ApiInfo, ApiKind, AuthScheme, CredentialLocation, Scope};
use serde::Serialize;

/// An API as `bc-scopes api NAME --json` prints it, with its auth scheme's details inline.
///
/// ```
/// use bigcommerce_scopes::{render::api::ApiView, Api};
/// let v = serde_json::to_value(ApiView::new(Api::GraphqlStorefront.info())).unwrap();
/// assert_eq!(v["name"], "graphql-storefront");
/// assert_eq!(v["value_format"], "Bearer {token}");
/// ```
#[derive(Debug, Serialize)]
pub struct ApiView {
    /// The slug.
    pub name: &'static str,
    /// The documented name.
    pub display_name: &'static str,
    /// Other names the docs use.
    pub aliases: &'static [&'static str],
    /// REST, GraphQL or other.
    pub kind: ApiKind,
    /// What it is for.
    pub description: &'static str,
    /// The URLs its requests go to.
    pub base_urls: &'static [&'static str],
    /// The kinds of API account that can use it.
    pub account_types: &'static [AccountType],
    /// Its auth scheme's id.
    pub auth_scheme: AuthScheme,
    /// Its auth scheme's name.
    pub auth_scheme_name: &'static str,
    /// Where the credential is sent.
    pub location: CredentialLocation,
    /// The header that carries it.
    pub header: Option<&'static str>,
    /// The query parameter that carries it.
    pub query_parameter: Option<&'static str>,
    /// How its value is written (`Bearer {token}`).
    pub value_format: Option<&'static str>,
    /// What the credential is.
    pub credential: &'static str,
    /// Where tokens for it are minted.
    pub token_endpoints: &'static [&'static str],
    /// The scopes minting a token needs.
    pub token_scopes: &'static [Scope],
    /// Headers the docs deprecate.
    pub deprecated_headers: &'static [&'static str],
    /// Remarks on the auth scheme.
    pub auth_notes: &'static [&'static str],
    /// Where the facts come from.
    pub sources: &'static [&'static str],
    /// Remarks.
    pub notes: &'static [&'static str],
    /// How it changed.
    pub history: &'static [&'static str],
}

impl ApiView {
    /// The view of `api`.
    pub fn new(api: &'static ApiInfo) -> ApiView {
        let auth = api.auth_scheme.info();
        ApiView {
            name: api.id,
            display_name: api.name,
            aliases: api.aliases,
            kind: api.kind,
            description: api.description,
            base_urls: api.base_urls,
            account_types: api.account_types,
            auth_scheme: api.auth_scheme,
            auth_scheme_name: auth.name,
            location: auth.location,
            header: auth.header,
            query_parameter: auth.query_parameter,
            value_format: auth.value_format,
            credential: auth.credential,
            token_endpoints: auth.token_endpoints,
            token_scopes: auth.token_scopes,
            deprecated_headers: auth.deprecated_headers,
            auth_notes: auth.notes,
            sources: api.sources,
            notes: api.notes,
            history: api.history,
        }
    }
}

/// One API for people: a label/value block.
///
/// ```
/// let text = bigcommerce_scopes::render::api::human(bigcommerce_scopes::Api::GraphqlStorefront.info());
/// assert!(text.contains("Bearer {token}"));
/// ```
pub fn human(api: &ApiInfo) -> String {
    let auth = api.auth_scheme.info();
    let mut f = Fields::new();
    f.one("API", api.id)
        .one("Name", api.name)
        .many("Also known as", api.aliases.iter().copied(), None)
        .one("Kind", api.kind.as_str())
        .one("Description", api.description)
        .one("Account types", list(api.account_types.iter().map(|a| a.as_str())))
        .many("Base URLs", api.base_urls.iter().copied(), None)
        .one("Auth scheme", format!("{}: {}", auth.id, auth.name))
        .one("Sent in", auth.location.as_str());
    if let Some(h) = auth.header {
        f.one("Header", h);
    }
    if let Some(q) = auth.query_parameter {
        f.one("Query parameter", q);
    }
    if let Some(v) = auth.value_format {
        f.one("Value format", v);
    }
    f.one("Credential", auth.credential)
        .many("Token endpoints", auth.token_endpoints.iter().copied(), None)
        .many("Token scopes", auth.token_scopes.iter().map(|s| s.name()), None)
        .many("Deprecated headers", auth.deprecated_headers.iter().copied(), None)
        .many("Auth notes", auth.notes.iter().copied(), None)
        .many("Notes", api.notes.iter().copied(), None)
        .many("History", api.history.iter().copied(), None)
        .many("Sources", api.sources.iter().copied(), None);
    f.render()
}

/// Every API as a table with a closing count (`bc-scopes apis`).
///
/// ```
/// assert!(bigcommerce_scopes::render::api::table().starts_with("API"));
/// ```
pub fn table() -> String {
    let mut table = Table::new(&["API", "KIND", "AUTH SCHEME", "ACCOUNT TYPES", "NAME"]);
    for a in Api::all() {
        table.row([
            a.id,
            a.kind.as_str(),
            a.auth_scheme.info().id,
            &list(a.account_types.iter().map(|t| t.as_str())),
            a.name,
        ]);
    }
    let mut out = table.render();
    out.push_str(&format!("\n{} APIs. Details: bc-scopes api NAME\n", Api::all().len()));
    out
}
