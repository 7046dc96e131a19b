//! What one request needs (`bc-scopes endpoint`): the answer for a REST route, or for a GraphQL
//! endpoint (whose scopes depend on the document), as data with a human and a JSON form.

use super::text::{list, Fields};
use crate::error::Error;
use crate::graphql::Endpoint;
use crate::{
    resolve, AccountType, Api, AuthScheme, Conditional, Confidence, Dropped, Method, RequirementKind, Resolution, Scope,
};
use serde::Serialize;

/// HEAD is answered as the GET of the same route (`endpoint` and `endpoints` alike).
pub const HEAD_NOTE: &str = "HEAD is answered as the GET of the same route: no spec documents HEAD operations, and a HEAD request needs what the GET needs (read-only scopes allow GET and HEAD requests: docs:start/authentication/api-accounts.mdx).";

/// What every answer starts with: the request, where it goes and how it authenticates (the first
/// fields of the REST and the GraphQL answers alike).
#[derive(Debug, Serialize)]
pub struct RequestHead<'a> {
    /// The method.
    pub method: Method,
    /// The target as given.
    pub target: &'a str,
    /// The documented route (or GraphQL endpoint).
    pub route: &'static str,
    /// The API's slug.
    pub api: &'static str,
    /// The API's documented name.
    pub api_name: &'static str,
    /// The auth scheme's id.
    pub auth_scheme: &'static str,
    /// The header that carries the credential.
    pub header: Option<&'static str>,
    /// How the credential's value is written.
    pub value_format: Option<&'static str>,
    /// The kinds of API account that can make the request.
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
            .one("Account types", list(self.account_types.iter().map(|t| t.as_str())));
    }
}

/// The answer for a REST request, as `bc-scopes endpoint --json` prints it. Field names are a
/// public interface: add, never rename.
#[derive(Debug, Serialize)]
pub struct EndpointView<'a> {
    /// The request, its API and auth scheme.
    #[serde(flatten)]
    pub head: RequestHead<'a>,
    /// What it needs: a scope, the default scope, or none.
    pub requirement: RequirementKind,
    /// The least-privileged scope.
    pub least_privileged: Option<&'static str>,
    /// Every scope that suffices.
    pub accepted: Vec<&'static str>,
    /// Scopes needed in addition when a documented condition of the request holds.
    pub conditional: &'static [Conditional],
    /// Token creation scopes the account needs to obtain the credential (PAT, storefront token).
    pub token_scopes: Vec<&'static str>,
    /// Documented, or inferred from several scope families.
    pub confidence: Confidence,
    /// The first source.
    pub source: &'static str,
    /// Where the answer comes from.
    pub sources: &'static [&'static str],
    /// The OpenAPI spec file.
    pub spec: &'static str,
    /// The operation's id in the spec.
    pub operation_id: &'static str,
    /// The operation's summary.
    pub summary: &'static str,
    /// Whether the spec deprecates it.
    pub deprecated: bool,
    /// A legacy store-domain URL (HTTP basic auth).
    pub legacy: bool,
    /// For a legacy URL: the OAuth URL to use instead.
    pub oauth_url: Option<String>,
    /// The store hash in the target.
    pub store_hash: Option<&'a str>,
    /// What the resolver ignored in the target (query, fragment, trailing slash, `.json`).
    pub dropped: Dropped,
    /// Remarks.
    pub notes: Vec<&'static str>,
}

impl<'a> EndpointView<'a> {
    /// The view of a resolution of `target`.
    pub fn new(r: &Resolution<'a>, target: &'a str) -> EndpointView<'a> {
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
            notes,
        }
    }
}

/// The JSON answer for a GraphQL endpoint: the API and how to authenticate; the scopes depend on
/// the document (`requirement = "per-document"`). Shares the REST answer's field names.
#[derive(Debug, Serialize)]
pub struct GraphqlEndpointView<'a> {
    /// The request, its API and auth scheme.
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
    /// Where the answer comes from.
    pub sources: &'static [&'static str],
    /// Remarks.
    pub notes: Vec<String>,
}

impl<'a> GraphqlEndpointView<'a> {
    /// The answer for a request to a GraphQL endpoint (which must be a POST).
    pub fn new(method: Method, target: &'a str, endpoint: Endpoint) -> Result<GraphqlEndpointView<'a>, Error> {
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
}

/// What `bc-scopes endpoint METHOD TARGET` answers: a REST route's requirement, or a GraphQL
/// endpoint's. Serializes as the one or the other (the JSON of `--json`).
///
/// ```
/// use bigcommerce_scopes::{render::endpoint::answer, Method};
/// let a = answer(Method::Get, "/v3/catalog/products/12").unwrap();
/// let v = serde_json::to_value(&a).unwrap();
/// assert_eq!(v["least_privileged"], "store_v2_products_read_only");
/// assert_eq!(v["route"], "/stores/{store_hash}/v3/catalog/products/{product_id}");
/// let g = serde_json::to_value(answer(Method::Post, "https://api.bigcommerce.com/stores/abc/graphql").unwrap()).unwrap();
/// assert_eq!(g["requirement"], "per-document");
/// assert!(answer(Method::Get, "/v3/nothing/here").is_err());
/// ```
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Answer<'a> {
    /// A documented REST route.
    Rest(EndpointView<'a>),
    /// A GraphQL endpoint.
    Graphql(GraphqlEndpointView<'a>),
}

/// Answer what a request needs (see [`Answer`]).
pub fn answer(method: Method, target: &str) -> Result<Answer<'_>, Error> {
    if let Some(endpoint) = Endpoint::from_target(target) {
        return GraphqlEndpointView::new(method, target, endpoint).map(Answer::Graphql);
    }
    let r = resolve(method, target)?;
    Ok(Answer::Rest(EndpointView::new(&r, target)))
}

impl Answer<'_> {
    /// Warnings about the request: a deprecated operation, a legacy URL.
    pub fn warnings(&self) -> Vec<String> {
        let Answer::Rest(a) = self else { return Vec::new() };
        let mut warnings = Vec::new();
        if a.deprecated {
            warnings.push(format!("{} {} is deprecated in the OpenAPI spec", a.head.method, a.head.route));
        }
        if a.legacy {
            warnings.push(format!(
                "legacy store-domain URL: use {} with X-Auth-Token",
                a.oauth_url.as_deref().unwrap_or_default()
            ));
        }
        warnings
    }
}

/// The answer for people: a label/value block.
///
/// ```
/// use bigcommerce_scopes::{render::endpoint::{answer, human}, Method};
/// let text = human(&answer(Method::Get, "/v2/orders").unwrap());
/// assert!(text.contains("store_v2_orders_read_only"));
/// ```
pub fn human(a: &Answer<'_>) -> String {
    match a {
        Answer::Rest(a) => rest_human(a),
        Answer::Graphql(a) => {
            let mut f = Fields::new();
            a.head.request_lines(&mut f, "Endpoint");
            a.head.api_lines(&mut f);
            f.one("Least scope", "depends on the GraphQL document")
                .many("Token scopes", a.token_scopes.iter().copied(), None)
                .one("Source", a.sources.join(", "))
                .many("Notes", a.notes.iter().map(String::as_str), None);
            f.render()
        }
    }
}

fn rest_human(a: &EndpointView<'_>) -> String {
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
