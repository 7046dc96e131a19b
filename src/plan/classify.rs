//! One call → what it needs: the resolver for documented REST routes, and the GraphQL endpoints,
//! which have no REST route and whose scopes the URL alone does not tell (except for the GraphQL
//! Storefront API, whose bearer token needs a token creation scope).

use super::calls::Call;
use super::Need;
use crate::datafile::vocab::{Confidence, HeldBy, Method};
use crate::error::Error;
use crate::graphql::Endpoint;
use crate::resolve::resolve;
use crate::route::{Conditional, Operation};
use crate::tables::{Api, AuthScheme, Scope};

/// What one call needs.
#[derive(Debug, Clone)]
pub(crate) struct Classified {
    pub method: Method,
    pub route: &'static str,
    pub api: Api,
    /// How the request, as written, authenticates.
    pub auth_scheme: AuthScheme,
    pub need: Need,
    pub least: Option<Scope>,
    pub accepted: &'static [Scope],
    /// Scopes needed in addition under a documented condition of the request.
    pub conditional: &'static [Conditional],
    pub confidence: Option<Confidence>,
    pub legacy: bool,
    pub oauth_url: Option<String>,
    pub operation: Option<&'static Operation>,
    /// What a reviewer should know beyond what the requirement says (GraphQL fields, sources).
    pub notes: Vec<String>,
}

/// Resolve one call.
pub(crate) fn classify(method: Method, target: &str) -> Result<Classified, Error> {
    if let Some(g) = Endpoint::from_target(target) {
        return graphql(method, target, g);
    }
    let r = resolve(method, target)?;
    let op = r.operation;
    Ok(Classified {
        method,
        route: r.route.template,
        api: r.api(),
        auth_scheme: r.auth_scheme(),
        need: Need::from(op.requirement),
        least: r.least_privileged(),
        accepted: r.accepted(),
        conditional: op.conditional,
        confidence: Some(r.confidence()),
        legacy: r.legacy,
        oauth_url: r.oauth_url(),
        operation: Some(op),
        notes: Vec::new(),
    })
}

/// Classify one call: a GraphQL call with its document gives one entry per statement of the docs
/// that applies (and one for the fields no statement covers); any other call gives one.
pub(crate) fn classify_call(call: &Call) -> Result<Vec<Classified>, Error> {
    let Some(g) = &call.graphql else {
        return classify(call.method, &call.target).map(|c| vec![c]);
    };
    let api = g.endpoint.api();
    let analysis = crate::graphql::analyze(api, &g.document)?;
    let auth_scheme = api.auth_scheme();
    let mut out = Vec::new();
    for n in &analysis.needs {
        if g.token_minted_elsewhere && n.held_by == HeldBy::TokenMinter {
            continue;
        }
        let mut notes =
            vec![format!("GraphQL {} ({}): {} [{}]", n.operation, g.source, n.fields.join(", "), n.sources.join(", "))];
        if n.held_by == HeldBy::TokenMinter {
            notes.push("the scope is held by the API account that mints the request's bearer token".to_owned());
        }
        out.push(Classified {
            method: Method::Post,
            route: n.route,
            api,
            auth_scheme,
            need: Need::from(n.requirement),
            least: n.least_privileged,
            accepted: n.accepted,
            conditional: n.conditional,
            confidence: Some(n.confidence),
            legacy: false,
            oauth_url: None,
            operation: None,
            notes,
        });
    }
    if !analysis.unknown.is_empty() {
        let mut c = graphql(Method::Post, &call.target, g.endpoint)?;
        c.need = Need::PerQuery;
        c.least = None;
        c.accepted = &[];
        c.confidence = None;
        c.notes.push(format!(
            "GraphQL fields the docs tie to no scope ({}): {}",
            g.source,
            analysis.unknown.join(", ")
        ));
        out.push(c);
    }
    Ok(out)
}

fn graphql(method: Method, target: &str, g: Endpoint) -> Result<Classified, Error> {
    g.require_post(method, target)?;
    let (api, route) = (g.api(), g.template());
    let auth_scheme = api.auth_scheme();
    let (need, least, accepted, confidence) = match g {
        // The bearer token is created with a token creation scope (or read from the Stencil page
        // context, which needs none: the plan assumes the token is created).
        Endpoint::Storefront => {
            let scopes = auth_scheme.info().token_scopes;
            (Need::Scope, scopes.first().copied(), scopes, Some(Confidence::Documented))
        }
        Endpoint::Admin | Endpoint::Account => (Need::PerQuery, None, &[][..], None),
    };
    Ok(Classified {
        method,
        route,
        api,
        auth_scheme,
        need,
        least,
        accepted,
        conditional: &[],
        confidence,
        legacy: false,
        oauth_url: None,
        operation: None,
        notes: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graphql_is_post_only() {
        let e = classify(Method::Get, "/graphql").unwrap_err();
        use crate::error::ErrorKind;
        assert_eq!(e.kind(), ErrorKind::MethodNotDocumented);
        let c = classify(Method::Post, "/graphql").unwrap();
        assert_eq!((c.need, c.least), (Need::Scope, Some(Scope::StoreStorefrontApi)));
        let c = classify(Method::Post, "/stores/abc/graphql").unwrap();
        assert_eq!((c.need, c.api), (Need::PerQuery, Api::GraphqlAdmin));
    }
}
