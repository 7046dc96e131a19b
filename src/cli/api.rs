//! `bc-scopes api NAME`: one API, its auth scheme and the account types that support it.

use super::output::{self, Fields};
use super::{CliError, Ctx, Success};
use bigcommerce_scopes::{AccountType, Api, ApiInfo, ApiKind, AuthScheme, CredentialLocation, Scope};
use serde::Serialize;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The API: a slug (`graphql-storefront`) or its documented name ("GraphQL Storefront API")
    #[arg(value_name = "NAME")]
    name: String,
}

/// An API as the JSON output shows it, with its auth scheme's details inline.
#[derive(Serialize)]
pub(crate) struct ApiJson {
    /// The slug.
    name: &'static str,
    display_name: &'static str,
    aliases: &'static [&'static str],
    kind: ApiKind,
    description: &'static str,
    base_urls: &'static [&'static str],
    account_types: &'static [AccountType],
    auth_scheme: AuthScheme,
    auth_scheme_name: &'static str,
    location: CredentialLocation,
    header: Option<&'static str>,
    query_parameter: Option<&'static str>,
    value_format: Option<&'static str>,
    credential: &'static str,
    token_endpoints: &'static [&'static str],
    token_scopes: &'static [Scope],
    deprecated_headers: &'static [&'static str],
    auth_notes: &'static [&'static str],
    sources: &'static [&'static str],
    notes: &'static [&'static str],
    history: &'static [&'static str],
}

impl ApiJson {
    pub(crate) fn new(api: &'static ApiInfo) -> ApiJson {
        let auth = api.auth_scheme.info();
        ApiJson {
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

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let json = ctx.json;
    let api = Api::parse(&args.name)?.info();
    Ok(Success::new(if json { output::json(&ApiJson::new(api)) } else { human(api) }))
}

fn human(api: &ApiInfo) -> String {
    let auth = api.auth_scheme.info();
    let mut f = Fields::new();
    f.one("API", api.id)
        .one("Name", api.name)
        .many("Also known as", api.aliases.iter().copied(), None)
        .one("Kind", api.kind.as_str())
        .one("Description", api.description)
        .one("Account types", output::list(api.account_types.iter().map(|a| a.as_str())))
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
