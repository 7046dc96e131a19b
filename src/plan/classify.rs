//! One call → what it needs: the resolver for documented REST routes, and the GraphQL endpoints,
//! which have no REST route and whose scopes the URL alone does not tell (except for the GraphQL
//! Storefront API, whose bearer token needs a token creation scope).

use super::Need;
use crate::datafile::vocab::{Confidence, Method, RequirementKind};
use crate::error::{Error, ErrorKind};
use crate::resolve::resolve;
use crate::route::{Conditional, Operation};
use crate::tables::{Api, AuthScheme, Scope};

/// Template shown for GraphQL Storefront API requests.
pub(crate) const GRAPHQL_STOREFRONT: &str = "https://{store_domain}/graphql";
/// Template shown for GraphQL Admin API requests.
pub(crate) const GRAPHQL_ADMIN: &str = "/stores/{store_hash}/graphql";
/// Template shown for GraphQL Account API requests.
pub(crate) const GRAPHQL_ACCOUNT: &str = "/accounts/{account_uuid}/graphql";

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
}

/// A GraphQL endpoint named by a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Graphql {
    /// `https://{store_domain}/graphql` or `/graphql`.
    Storefront,
    /// `https://api.bigcommerce.com/stores/{store_hash}/graphql` or `/stores/{store_hash}/graphql`.
    Admin,
    /// `https://api.bigcommerce.com/accounts/{account_uuid}/graphql` or `/accounts/{uuid}/graphql`.
    Account,
}

/// Resolve one call.
pub(crate) fn classify(method: Method, target: &str) -> Result<Classified, Error> {
    if let Some(g) = graphql_target(target) {
        return graphql(method, g);
    }
    let r = resolve(method, target)?;
    let op = r.operation;
    let need = match op.requirement {
        RequirementKind::Scope => Need::Scope,
        RequirementKind::DefaultScope => Need::DefaultScope,
        RequirementKind::None => Need::None,
    };
    Ok(Classified {
        method,
        route: r.route.template,
        api: r.api(),
        auth_scheme: if r.legacy { AuthScheme::LegacyBasicAuth } else { r.auth_scheme() },
        need,
        least: r.least_privileged(),
        accepted: r.accepted(),
        conditional: op.conditional,
        confidence: Some(r.confidence()),
        legacy: r.legacy,
        oauth_url: r.oauth_url(),
        operation: Some(op),
    })
}

fn graphql(method: Method, g: Graphql) -> Result<Classified, Error> {
    let (api, route) = match g {
        Graphql::Storefront => (Api::GraphqlStorefront, GRAPHQL_STOREFRONT),
        Graphql::Admin => (Api::GraphqlAdmin, GRAPHQL_ADMIN),
        Graphql::Account => (Api::GraphqlAccount, GRAPHQL_ACCOUNT),
    };
    if method != Method::Post {
        return Err(Error::new(
            ErrorKind::MethodNotDocumented,
            format!("{method} {route} is not documented: {} requests are POST requests", api.info().name),
        ));
    }
    let auth_scheme = api.auth_scheme();
    let (need, least, accepted, confidence) = match g {
        // The bearer token is created with a token creation scope (or read from the Stencil page
        // context, which needs none: the plan assumes the token is created).
        Graphql::Storefront => {
            let scopes = auth_scheme.info().token_scopes;
            (Need::Scope, scopes.first().copied(), scopes, Some(Confidence::Documented))
        }
        Graphql::Admin | Graphql::Account => (Need::PerQuery, None, &[][..], None),
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
    })
}

/// Recognize a GraphQL endpoint. Only exact, plain forms are recognized; anything else (odd
/// characters, encodings, extra segments) is left to the resolver, which refuses or explains it.
pub(crate) fn graphql_target(target: &str) -> Option<Graphql> {
    let t = target.trim_matches(' ');
    if t.is_empty()
        || t.len() > crate::resolve::MAX_TARGET_LEN
        || t.chars().any(|c| c.is_control() || c.is_whitespace())
    {
        return None;
    }
    let t = &t[..t.find(['?', '#']).unwrap_or(t.len())];
    let (host, path) = split_url(t)?;
    let path = path.strip_suffix('/').unwrap_or(path);
    let segs: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
    let id = |s: &str, dash: bool| {
        !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || (dash && b == b'-'))
    };
    let gateway = |h: Option<&str>| h.is_none_or(|h| h.eq_ignore_ascii_case("api.bigcommerce.com"));
    match segs.as_slice() {
        ["graphql"] => match host {
            None => Some(Graphql::Storefront),
            Some(h) if is_store_host(h) => Some(Graphql::Storefront),
            Some(_) => None,
        },
        ["stores", hash, "graphql"] if id(hash, false) && gateway(host) => Some(Graphql::Admin),
        ["accounts", uuid, "graphql"] if id(uuid, true) && gateway(host) => Some(Graphql::Account),
        _ => None,
    }
}

/// `(host, path)` of a target: `None` for the host of a path; `None` overall for what is neither a
/// plain http(s) URL nor a path.
fn split_url(t: &str) -> Option<(Option<&str>, &str)> {
    if t.starts_with('/') {
        return (!t.starts_with("//")).then_some((None, t));
    }
    let (scheme, rest) = t.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return None;
    }
    let (authority, path) = rest.find('/').map_or((rest, "/"), |i| (&rest[..i], &rest[i..]));
    let host = match authority.rsplit_once(':') {
        Some((h, port)) if !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()) => h,
        Some(_) => return None,
        None => authority,
    };
    let label_ok = |l: &str| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    (host.split('.').all(label_ok)).then_some((Some(host), path))
}

/// A host that can be a store's own domain (not one of BigCommerce's other hosts).
pub(crate) fn is_store_host(host: &str) -> bool {
    let h = host.to_ascii_lowercase();
    h.ends_with(".mybigcommerce.com") || !(h == "bigcommerce.com" || h.ends_with(".bigcommerce.com"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graphql_forms() {
        for (t, g) in [
            ("/graphql", Some(Graphql::Storefront)),
            ("https://shop.example.com/graphql", Some(Graphql::Storefront)),
            ("https://store-abc12.mybigcommerce.com/graphql/", Some(Graphql::Storefront)),
            ("https://shop.example.com:8443/graphql?x=1", Some(Graphql::Storefront)),
            ("/stores/abc123/graphql", Some(Graphql::Admin)),
            ("https://API.bigcommerce.com/stores/abc123/graphql", Some(Graphql::Admin)),
            ("https://api.bigcommerce.com/accounts/0f1e-22/graphql", Some(Graphql::Account)),
            ("/accounts/0f1e-22/graphql", Some(Graphql::Account)),
            ("https://api.bigcommerce.com/graphql", None),
            ("https://payments.bigcommerce.com/stores/abc/graphql", None),
            ("https://cdn11.bigcommerce.com/graphql", None),
            ("https://shop.example.com/stores/abc/graphql", None),
            ("https://user@shop.example.com/graphql", None),
            ("//shop.example.com/graphql", None),
            ("/graphql/x", None),
            ("/stores/a%2Fb/graphql", None),
            ("/graph ql", None),
            ("ftp://shop.example.com/graphql", None),
        ] {
            assert_eq!(graphql_target(t), g, "{t}");
        }
    }

    #[test]
    fn graphql_is_post_only() {
        let e = classify(Method::Get, "/graphql").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::MethodNotDocumented);
        let c = classify(Method::Post, "/graphql").unwrap();
        assert_eq!((c.need, c.least), (Need::Scope, Some(Scope::StoreStorefrontApi)));
        let c = classify(Method::Post, "/stores/abc/graphql").unwrap();
        assert_eq!((c.need, c.api), (Need::PerQuery, Api::GraphqlAdmin));
    }
}
