//! `bc-scopes endpoint METHOD TARGET`: what one request needs.

use super::output::{self, Fields};
use super::{CliError, Ctx, Success};
use bigcommerce_scopes::graphql::Endpoint;
use bigcommerce_scopes::{
    resolve, AccountType, Api, AuthScheme, Conditional, Confidence, Dropped, Method, RequirementKind, Resolution, Scope,
};
use serde::Serialize;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// HTTP method (GET, HEAD, POST, PUT, PATCH, DELETE; any case)
    #[arg(value_name = "METHOD")]
    method: String,
    /// Request target: a full URL, a /stores/{hash}/... path, a bare /v3/... path, a storefront path
    #[arg(value_name = "TARGET")]
    target: String,
}

/// HEAD is answered as the GET of the same route (`endpoint` and `endpoints` alike).
pub(crate) const HEAD_NOTE: &str = "HEAD is answered as the GET of the same route: no spec documents HEAD operations, and a HEAD request needs what the GET needs (read-only scopes allow GET and HEAD requests: docs:start/authentication/api-accounts.mdx).";

/// What every answer starts with: the request, where it goes and how it authenticates (the first
/// fields of the REST and the GraphQL answers alike).
#[derive(Serialize)]
pub(crate) struct RequestHead<'a> {
    pub method: Method,
    pub target: &'a str,
    pub route: &'static str,
    pub api: &'static str,
    pub api_name: &'static str,
    pub auth_scheme: &'static str,
    pub header: Option<&'static str>,
    pub value_format: Option<&'static str>,
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

    /// `Request:` and the route under `route_label`.
    fn request_lines(&self, f: &mut Fields, route_label: &'static str) {
        f.one("Request", format!("{} {}", self.method, self.target)).one(route_label, self.route);
    }

    /// `API:`, `Auth scheme:` and `Account types:`.
    fn api_lines(&self, f: &mut Fields) {
        let auth = match (self.header, self.value_format) {
            (Some(h), Some(v)) => format!("{} ({h}: {v})", self.auth_scheme),
            _ => self.auth_scheme.to_string(),
        };
        f.one("API", format!("{} ({})", self.api_name, self.api))
            .one("Auth scheme", auth)
            .one("Account types", output::list(self.account_types.iter().map(|t| t.as_str())));
    }
}

/// The JSON answer. Field names are a public interface: add, never rename.
#[derive(Serialize)]
pub(crate) struct EndpointJson<'a> {
    #[serde(flatten)]
    pub head: RequestHead<'a>,
    pub requirement: RequirementKind,
    pub least_privileged: Option<&'static str>,
    pub accepted: Vec<&'static str>,
    /// Scopes needed in addition when a documented condition of the request holds.
    pub conditional: &'static [Conditional],
    /// Token creation scopes the account needs to obtain the credential (PAT, storefront token).
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
    /// What the resolver ignored in the target (query, fragment, trailing slash, `.json`).
    pub dropped: Dropped,
    pub notes: Vec<&'static str>,
}

impl<'a> EndpointJson<'a> {
    pub(crate) fn new(r: &Resolution<'a>, target: &'a str) -> EndpointJson<'a> {
        let auth = r.auth_scheme().info();
        let mut notes: Vec<&'static str> = r.operation.notes.to_vec();
        if r.legacy {
            notes.push("Legacy store-domain request (HTTP basic auth, no longer issued): send it to the OAuth URL with X-Auth-Token instead.");
        }
        if r.requirement() == RequirementKind::DefaultScope {
            notes.push("Needs only the default scope every API account has.");
        }
        if r.method == Method::Head {
            notes.push(HEAD_NOTE);
        }
        EndpointJson {
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
            notes,
        }
    }
}

/// The JSON answer for a GraphQL endpoint: the API and how to authenticate; the scopes depend on
/// the document (`requirement = "per-document"`). Shares the REST answer's field names.
#[derive(Serialize)]
pub(crate) struct GraphqlEndpointJson<'a> {
    #[serde(flatten)]
    pub head: RequestHead<'a>,
    /// Always `per-document`.
    pub requirement: &'static str,
    /// Always null: no scope can be named without the document.
    pub least_privileged: Option<&'static str>,
    /// Token creation scopes the minting account needs (Storefront API bearer tokens).
    pub token_scopes: Vec<&'static str>,
    /// The command that answers for a document.
    pub document_command: String,
    pub sources: &'static [&'static str],
    pub notes: Vec<String>,
}

fn graphql_endpoint(method: Method, target: &str, endpoint: Endpoint, json: bool) -> Result<Success, CliError> {
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
    let a = GraphqlEndpointJson {
        head: RequestHead::new(method, target, endpoint.template(), api, api.auth_scheme()),
        requirement: "per-document",
        least_privileged: None,
        token_scopes: auth.token_scopes.iter().map(|s| s.name()).collect(),
        document_command: command,
        sources: api.info().sources,
        notes,
    };
    let stdout = if json {
        output::json(&a)
    } else {
        let mut f = Fields::new();
        a.head.request_lines(&mut f, "Endpoint");
        a.head.api_lines(&mut f);
        f.one("Least scope", "depends on the GraphQL document")
            .many("Token scopes", a.token_scopes.iter().copied(), None)
            .one("Source", a.sources.join(", "))
            .many("Notes", a.notes.iter().map(String::as_str), None);
        f.render()
    };
    Ok(Success::new(stdout))
}

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let json = ctx.json;
    let method = Method::parse(&args.method)?;
    if let Some(endpoint) = Endpoint::from_target(&args.target) {
        return graphql_endpoint(method, &args.target, endpoint, json);
    }
    let r = resolve(method, &args.target)?;
    let answer = EndpointJson::new(&r, &args.target);
    let mut warnings = Vec::new();
    if r.operation.deprecated {
        warnings.push(format!("{} {} is deprecated in the OpenAPI spec", r.operation.method, r.route.template));
    }
    if r.legacy {
        warnings.push(format!(
            "legacy store-domain URL: use {} with X-Auth-Token",
            answer.oauth_url.as_deref().unwrap_or_default()
        ));
    }
    let stdout = if json { output::json(&answer) } else { human(&answer) };
    Ok(Success { stdout, warnings, status: 0 })
}

fn human(a: &EndpointJson<'_>) -> String {
    let least = match (a.requirement, a.least_privileged) {
        (RequirementKind::Scope, Some(s)) => s.to_string(),
        (RequirementKind::DefaultScope, _) => "none beyond the default scope (every API account has it)".into(),
        _ => "none (no OAuth scope)".into(),
    };
    let also: Vec<&str> = a.accepted.iter().copied().filter(|s| Some(*s) != a.least_privileged).collect();
    let confidence = match a.confidence {
        Confidence::Documented => "documented",
        Confidence::Inferred => "inferred (the spec names several scope families; chosen from the path and docs)",
    };
    let mut f = Fields::new();
    a.head.request_lines(&mut f, "Route");
    f.one("Operation", format!("{} ({})", a.summary, a.operation_id));
    a.head.api_lines(&mut f);
    f.one("Least scope", least)
        .many("Also accepted", also, None)
        .many("Also needs", a.conditional.iter().map(|c| format!("{} when {}", c.scope.name(), c.when)), None)
        .many("Token scopes", a.token_scopes.iter().copied(), None)
        .one("Confidence", confidence)
        .one("Source", a.sources.join(", "));
    if a.deprecated {
        f.one("Deprecated", "yes");
    }
    if let Some(url) = &a.oauth_url {
        f.one("Legacy", "yes: store-domain /api/v2 URL (HTTP basic auth)").one("OAuth URL", url.as_str());
    }
    f.many("Notes", a.notes.iter().copied(), None);
    f.render()
}
