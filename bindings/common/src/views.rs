//! The JSON views the bindings return: the field names of the CLI's `--json` output.
//!
//! ADAPTER: these views stand in for the library's presentation layer (`bigcommerce_scopes::render`)
//! until the CLI's `--json` structs move there; then each is replaced by a re-export of the
//! library's view, so that the CLI and the bindings share one definition. Until then the agreement
//! tests of both bindings compare every answer with the CLI's own JSON, so a drift fails them.

use bigcommerce_scopes::graphql::{Analysis, Endpoint};
use bigcommerce_scopes::plan::{Audit, FailOn, Plan};
use bigcommerce_scopes::{
    AccountType, AccountTypeInfo, Api, ApiInfo, ApiKind, AuthScheme, Conditional, Confidence, CredentialLocation,
    Dropped, Method, RequirementKind, Resolution, Scope, ScopeInfo, UseCase, UseCaseTable,
};
use serde::Serialize;

/// What every endpoint answer starts with: the request, where it goes, how it authenticates.
#[derive(Debug, Serialize)]
pub struct RequestHead<'a> {
    /// The method as given (upper case).
    pub method: Method,
    /// The target as given.
    pub target: &'a str,
    /// The documented route (or GraphQL endpoint) template.
    pub route: &'static str,
    /// The API's slug.
    pub api: &'static str,
    /// The API's documented name.
    pub api_name: &'static str,
    /// The auth scheme's id.
    pub auth_scheme: &'static str,
    /// The header the credential goes in.
    pub header: Option<&'static str>,
    /// How the header's value is written.
    pub value_format: Option<&'static str>,
    /// The kinds of API account that support the API.
    pub account_types: &'static [AccountType],
}

impl<'a> RequestHead<'a> {
    fn new(method: Method, target: &'a str, route: &'static str, api: Api, auth: AuthScheme) -> RequestHead<'a> {
        let (api, auth) = (api.info(), auth.info());
        RequestHead {
            method,
            target,
            route,
            api: api.id,
            api_name: api.name,
            auth_scheme: auth.id,
            header: auth.header,
            value_format: auth.value_format,
            account_types: api.account_types,
        }
    }
}

/// The answer for a REST request (`bc-scopes endpoint --json`).
#[derive(Debug, Serialize)]
#[allow(missing_docs)]
pub struct EndpointView<'a> {
    #[serde(flatten)]
    pub head: RequestHead<'a>,
    pub requirement: RequirementKind,
    pub least_privileged: Option<&'static str>,
    pub accepted: Vec<&'static str>,
    pub conditional: &'static [Conditional],
    pub token_scopes: Vec<&'static str>,
    pub confidence: Confidence,
    pub source: &'static str,
    pub sources: &'static [&'static str],
    pub spec: &'static str,
    pub operation_id: &'static str,
    pub summary: &'static str,
    pub deprecated: bool,
    pub legacy: bool,
    pub oauth_url: Option<String>,
    pub store_hash: Option<&'a str>,
    pub dropped: Dropped,
    pub notes: Vec<&'static str>,
}

/// The notes of a REST answer: the operation's, then the legacy and default-scope remarks.
pub fn notes(r: &Resolution<'_>) -> Vec<&'static str> {
    let mut notes: Vec<&'static str> = r.operation.notes.to_vec();
    if r.legacy {
        notes.push("Legacy store-domain request (HTTP basic auth, no longer issued): send it to the OAuth URL with X-Auth-Token instead.");
    }
    if r.requirement() == RequirementKind::DefaultScope {
        notes.push("Needs only the default scope every API account has.");
    }
    notes
}

/// The REST answer for a resolution.
pub fn endpoint<'a>(r: &Resolution<'a>, target: &'a str) -> EndpointView<'a> {
    let auth = r.auth_scheme().info();
    EndpointView {
        head: RequestHead::new(r.method, target, r.route.template, r.api(), r.auth_scheme()),
        requirement: r.requirement(),
        least_privileged: r.least_privileged().map(Scope::name),
        accepted: r.accepted().iter().map(|s| s.name()).collect(),
        conditional: r.operation.conditional,
        token_scopes: auth.token_scopes.iter().map(|s| s.name()).collect(),
        confidence: r.confidence(),
        source: r.sources().first().copied().unwrap_or(""),
        sources: r.sources(),
        spec: r.route.spec,
        operation_id: r.operation.operation_id,
        summary: r.operation.summary,
        deprecated: r.operation.deprecated,
        legacy: r.legacy,
        oauth_url: r.oauth_url(),
        store_hash: r.store_hash,
        dropped: r.dropped,
        notes: notes(r),
    }
}

/// The answer for a GraphQL endpoint: the API and how to authenticate; the scopes depend on the
/// document (`requirement` is `per-document`).
#[derive(Debug, Serialize)]
#[allow(missing_docs)]
pub struct GraphqlEndpointView<'a> {
    #[serde(flatten)]
    pub head: RequestHead<'a>,
    pub requirement: &'static str,
    pub least_privileged: Option<&'static str>,
    pub token_scopes: Vec<&'static str>,
    pub document_command: String,
    pub sources: &'static [&'static str],
    pub notes: Vec<String>,
}

/// The GraphQL endpoint answer (an error for any method but POST).
pub fn graphql_endpoint(
    method: Method,
    target: &str,
    endpoint: Endpoint,
) -> Result<GraphqlEndpointView<'_>, bigcommerce_scopes::Error> {
    endpoint.require_post(method, target)?;
    let api = endpoint.api();
    let auth = api.auth_scheme().info();
    let command = format!("bc-scopes graphql --api {} FILE", endpoint.short_name());
    let mut notes =
        vec![format!("The scopes a GraphQL request needs depend on its document: `{command}` answers per field.")];
    if !auth.token_scopes.is_empty() {
        notes.push(format!(
            "The bearer token is minted by an API account holding {}; code that only uses a token it was given needs no scope for it.",
            auth.token_scopes.iter().map(|s| format!("`{}`", s.name())).collect::<Vec<_>>().join(" or ")
        ));
    }
    Ok(GraphqlEndpointView {
        head: RequestHead::new(method, target, endpoint.template(), api, api.auth_scheme()),
        requirement: "per-document",
        least_privileged: None,
        token_scopes: auth.token_scopes.iter().map(|s| s.name()).collect(),
        document_command: command,
        sources: api.info().sources,
        notes,
    })
}

/// Either answer of `resolve`.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum EndpointAnswer<'a> {
    /// A REST route.
    Rest(EndpointView<'a>),
    /// A GraphQL endpoint.
    Graphql(GraphqlEndpointView<'a>),
}

/// `scope NAME --json`: the scope's metadata and the warnings about the input.
#[derive(Debug, Serialize)]
pub struct ScopeDetail {
    /// The scope.
    #[serde(flatten)]
    pub info: &'static ScopeInfo,
    /// Warnings about the input (a variant spelling).
    pub warnings: Vec<String>,
}

/// An API with its auth scheme's details inline (`api NAME --json`, `apis --json`).
#[derive(Debug, Serialize)]
#[allow(missing_docs)]
pub struct ApiView {
    pub name: &'static str,
    pub display_name: &'static str,
    pub aliases: &'static [&'static str],
    pub kind: ApiKind,
    pub description: &'static str,
    pub base_urls: &'static [&'static str],
    pub account_types: &'static [AccountType],
    pub auth_scheme: AuthScheme,
    pub auth_scheme_name: &'static str,
    pub location: CredentialLocation,
    pub header: Option<&'static str>,
    pub query_parameter: Option<&'static str>,
    pub value_format: Option<&'static str>,
    pub credential: &'static str,
    pub token_endpoints: &'static [&'static str],
    pub token_scopes: &'static [Scope],
    pub deprecated_headers: &'static [&'static str],
    pub auth_notes: &'static [&'static str],
    pub sources: &'static [&'static str],
    pub notes: &'static [&'static str],
    pub history: &'static [&'static str],
}

impl ApiView {
    /// The view of one API.
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

/// One kind of API account: its metadata, the APIs it supports, the current use cases it marks.
#[derive(Debug, Serialize)]
#[allow(missing_docs)]
pub struct AccountTypeView {
    #[serde(flatten)]
    pub info: &'static AccountTypeInfo,
    pub apis: Vec<Api>,
    pub use_cases: Vec<&'static str>,
}

/// `account-types --json`.
#[derive(Debug, Serialize)]
#[allow(missing_docs)]
pub struct AccountTypes {
    pub account_types: Vec<AccountTypeView>,
    pub use_cases: &'static [UseCase],
}

impl AccountTypes {
    /// Every kind of API account and both use-case tables.
    pub fn new() -> AccountTypes {
        let view = |info: &'static AccountTypeInfo| AccountTypeView {
            info,
            apis: info.account_type.apis().collect(),
            use_cases: UseCase::all()
                .iter()
                .filter(|u| u.table == UseCaseTable::Current && u.account_types.contains(&info.account_type))
                .map(|u| u.name)
                .collect(),
        };
        AccountTypes { account_types: AccountType::all().iter().map(view).collect(), use_cases: UseCase::all() }
    }
}

impl Default for AccountTypes {
    fn default() -> AccountTypes {
        AccountTypes::new()
    }
}

/// `plan --json`: the plan and the warnings.
#[derive(Debug, Serialize)]
#[allow(missing_docs)]
pub struct PlanView {
    #[serde(flatten)]
    pub plan: Plan,
    pub warnings: Vec<String>,
}

impl PlanView {
    /// The plan, with the warning the CLI gives for unresolved calls.
    pub fn new(plan: Plan) -> PlanView {
        let mut warnings = Vec::new();
        if !plan.unresolved.is_empty() {
            warnings.push(format!("{} could not be resolved (listed in the report)", count(plan.unresolved.len())));
        }
        PlanView { plan, warnings }
    }
}

/// `audit --json`: the audit, the warnings and the verdict.
#[derive(Debug, Serialize)]
#[allow(missing_docs)]
pub struct AuditView {
    #[serde(flatten)]
    pub audit: Audit,
    pub fail_on: FailOn,
    pub fails: bool,
    pub warnings: Vec<String>,
}

impl AuditView {
    /// The audit with its verdict; `warnings` are those of reading the granted scopes.
    pub fn new(audit: Audit, fail_on: FailOn, mut warnings: Vec<String>) -> AuditView {
        let fails = audit.fails(fail_on);
        if !audit.unresolved.is_empty() {
            warnings.push(format!("{} could not be resolved (listed in the report)", count(audit.unresolved.len())));
        }
        if !audit.unknown_granted.is_empty() {
            let listed: Vec<String> = audit.unknown_granted.iter().map(|u| u.describe()).collect();
            warnings.push(match listed.as_slice() {
                [one] => format!("granted scope {one} is unknown and grants nothing (listed in the report)"),
                many => format!(
                    "{} granted scopes are unknown and grant nothing: {} (listed in the report)",
                    many.len(),
                    many.join(", ")
                ),
            });
        }
        AuditView { audit, fail_on, fails, warnings }
    }
}

/// `graphql --json`: the analysis, the document's name and the warnings.
#[derive(Debug, Serialize)]
#[allow(missing_docs)]
pub struct GraphqlView<'a> {
    pub document: &'a str,
    #[serde(flatten)]
    pub analysis: Analysis,
    pub warnings: Vec<String>,
}

impl<'a> GraphqlView<'a> {
    /// The analysis, with the warning the CLI gives for fields the docs tie to no scope.
    pub fn new(document: &'a str, analysis: Analysis) -> GraphqlView<'a> {
        let mut warnings = Vec::new();
        if !analysis.unknown.is_empty() {
            warnings.push(format!(
                "the docs tie {} of this document to no scope: {} (the scopes shown cover the rest)",
                if analysis.unknown.len() == 1 { "a field" } else { "fields" },
                analysis.unknown.join(", ")
            ));
        }
        GraphqlView { document, analysis, warnings }
    }
}

/// `1 call`, `3 calls`.
fn count(n: usize) -> String {
    if n == 1 {
        "1 call".to_owned()
    } else {
        format!("{n} calls")
    }
}
