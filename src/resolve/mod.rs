//! The resolver: from an HTTP method and a request target as real code writes it to the documented
//! route, its API and auth scheme, and the scopes that authorize it.
//!
//! How targets are interpreted (and what is refused) is documented in the README's "How targets are
//! interpreted" section; the rule is that an ambiguous target is refused, never resolved to a weaker
//! requirement than the request could need.

mod bytes;
mod fast;
mod matcher;
mod nearest;
mod target;

#[cfg(feature = "check")]
pub(crate) use target::single_slashes;
pub use target::MAX_TARGET_LEN;

use crate::datafile::vocab::{AccountType, Confidence, Host, Method, RequirementKind};
use crate::error::{Error, ErrorKind};
use crate::route::{Operation, Route};
use crate::tables::{Api, AuthScheme, Scope, ROUTES};
use serde::Serialize;

/// What the resolver found for one request.
///
/// ```
/// use bigcommerce_scopes::{resolve, Method, Scope};
/// let r = resolve(Method::Get, "https://api.bigcommerce.com/stores/abc/v3/catalog/products/12").unwrap();
/// assert_eq!(r.route.template, "/stores/{store_hash}/v3/catalog/products/{product_id}");
/// assert_eq!(r.least_privileged(), Some(Scope::StoreV2ProductsReadOnly));
/// assert!(r.accepted().contains(&Scope::StoreV2Products));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Resolution<'a> {
    /// The method as requested (HEAD stays HEAD; it resolves like GET).
    pub method: Method,
    /// The matched route.
    pub route: &'static Route,
    /// The documented operation (GET for HEAD).
    pub operation: &'static Operation,
    /// The store hash, when the target names one.
    pub store_hash: Option<&'a str>,
    /// A legacy store-domain `/api/v2/...` request (HTTP basic auth).
    pub legacy: bool,
    /// The path after the store prefix as written (for the OAuth URL of a legacy request).
    rest: &'a str,
    /// What normalization dropped.
    pub dropped: Dropped,
}

/// What the resolver ignored in a target, so a caller can mention it.
///
/// ```
/// use bigcommerce_scopes::{resolve, Method};
/// let r = resolve(Method::Get, "/v2/orders.json?limit=5").unwrap();
/// assert!(r.dropped.query && r.dropped.json_suffix && !r.dropped.fragment && !r.dropped.trailing_slash);
/// assert!(resolve(Method::Get, "/v3/catalog/products/#top").unwrap().dropped.trailing_slash);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Dropped {
    /// A query string.
    pub query: bool,
    /// A fragment (never sent to the server).
    pub fragment: bool,
    /// One trailing slash of the path.
    pub trailing_slash: bool,
    /// The `.json` suffix of a v2 path.
    pub json_suffix: bool,
}

impl<'a> Resolution<'a> {
    /// The API the route belongs to.
    ///
    /// ```
    /// use bigcommerce_scopes::{resolve, Method};
    /// let r = resolve(Method::Post, "https://payments.bigcommerce.com/stores/abc/payments").unwrap();
    /// assert_eq!(r.api().id(), "payments");
    /// ```
    pub fn api(&self) -> Api {
        self.route.api
    }

    /// How the request authenticates.
    ///
    /// ```
    /// use bigcommerce_scopes::{resolve, Method};
    /// let r = resolve(Method::Post, "https://payments.bigcommerce.com/stores/abc/payments").unwrap();
    /// assert_eq!(r.auth_scheme().info().value_format, Some("PAT {token}"));
    /// let legacy = resolve(Method::Get, "https://store-abc123.mybigcommerce.com/api/v2/orders").unwrap();
    /// assert_eq!(legacy.auth_scheme().info().id, "legacy-basic-auth");
    /// ```
    pub fn auth_scheme(&self) -> AuthScheme {
        // A legacy store-domain URL is sent with the legacy account's basic auth; its OAuth
        // equivalent is `oauth_url`.
        if self.legacy {
            AuthScheme::LegacyBasicAuth
        } else {
            self.operation.auth_scheme
        }
    }

    /// The account types that support the route's API.
    ///
    /// ```
    /// use bigcommerce_scopes::{resolve, Method};
    /// let r = resolve(Method::Post, "https://payments.bigcommerce.com/stores/abc/payments").unwrap();
    /// assert_eq!(r.account_types(), [bigcommerce_scopes::AccountType::Store, bigcommerce_scopes::AccountType::App]);
    /// ```
    pub fn account_types(&self) -> &'static [AccountType] {
        self.route.api.info().account_types
    }

    /// What the operation requires.
    ///
    /// ```
    /// use bigcommerce_scopes::{resolve, Method, RequirementKind};
    /// let r = resolve(Method::Get, "/v3/hooks").unwrap();
    /// assert_eq!(r.requirement(), RequirementKind::DefaultScope);
    /// ```
    pub fn requirement(&self) -> RequirementKind {
        self.operation.requirement
    }

    /// The least-privileged scope that authorizes the request (`None` where no scope is needed).
    ///
    /// ```
    /// use bigcommerce_scopes::{resolve, Method};
    /// assert_eq!(resolve(Method::Get, "/api/storefront/carts").unwrap().least_privileged(), None);
    /// ```
    pub fn least_privileged(&self) -> Option<Scope> {
        self.operation.least
    }

    /// Every scope that authorizes the request, the least-privileged first.
    ///
    /// ```
    /// use bigcommerce_scopes::{resolve, Method, Scope};
    /// let r = resolve(Method::Get, "/v3/catalog/brands").unwrap();
    /// assert_eq!(r.accepted(), [Scope::StoreV2ProductsReadOnly, Scope::StoreV2Products]);
    /// ```
    pub fn accepted(&self) -> &'static [Scope] {
        self.operation.accepted
    }

    /// Whether the requirement is documented for this path or inferred.
    ///
    /// ```
    /// use bigcommerce_scopes::{resolve, Confidence, Method};
    /// assert_eq!(resolve(Method::Get, "/v3/catalog/brands").unwrap().confidence(), Confidence::Documented);
    /// ```
    pub fn confidence(&self) -> Confidence {
        self.operation.confidence
    }

    /// Where the answer comes from.
    ///
    /// ```
    /// use bigcommerce_scopes::{resolve, Method};
    /// assert_eq!(resolve(Method::Get, "/v3/catalog/brands").unwrap().sources(), ["spec:catalog/brands_catalog.v3.yml"]);
    /// ```
    pub fn sources(&self) -> &'static [&'static str] {
        self.operation.sources
    }

    /// For a legacy request: the OAuth URL to use instead.
    ///
    /// ```
    /// use bigcommerce_scopes::{resolve, Method};
    /// let r = resolve(Method::Get, "https://store-abc123.mybigcommerce.com/api/v2/orders/123").unwrap();
    /// assert_eq!(r.oauth_url().unwrap(), "https://api.bigcommerce.com/stores/abc123/v2/orders/123");
    /// ```
    pub fn oauth_url(&self) -> Option<String> {
        self.legacy.then(|| {
            format!("https://api.bigcommerce.com/stores/{}/{}", self.store_hash.unwrap_or("{store_hash}"), self.rest)
        })
    }
}

impl Method {
    /// Parse an HTTP method case-insensitively (`get`, `GET`, `Get`).
    ///
    /// ```
    /// use bigcommerce_scopes::Method;
    /// assert_eq!(Method::parse("delete").unwrap(), Method::Delete);
    /// assert!(Method::parse("FETCH").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Method, Error> {
        use strum::VariantArray;
        Method::VARIANTS.iter().copied().find(|m| m.as_str().eq_ignore_ascii_case(s)).ok_or_else(|| {
            let shown: String = s.chars().take(20).collect();
            Error::new(
                ErrorKind::UnknownMethod,
                format!(
                    "unknown HTTP method `{}` (expected GET, HEAD, POST, PUT, PATCH or DELETE)",
                    shown.escape_debug()
                ),
            )
        })
    }
}

/// Resolve a request: method and target (full URL, store-prefixed path, bare version path,
/// legacy store-domain URL, storefront path …).
///
/// Errors: [`ErrorKind::InvalidTarget`] for targets that cannot be read safely,
/// [`ErrorKind::UnknownEndpoint`] (with the nearest documented routes) and
/// [`ErrorKind::MethodNotDocumented`].
///
/// ```
/// use bigcommerce_scopes::{resolve, ErrorKind, Method, Scope};
/// let r = resolve(Method::Post, "/v3/orders/12/payment_actions/refunds").unwrap();
/// assert_eq!(r.least_privileged(), Some(Scope::StoreV2Transactions));
/// let e = resolve(Method::Get, "/v3/catalog/../orders/1").unwrap_err();
/// assert_eq!(e.kind(), ErrorKind::InvalidTarget);
/// ```
pub fn resolve(method: Method, target: &str) -> Result<Resolution<'_>, Error> {
    match fast::resolve(method, target) {
        Some(r) => Ok(r),
        None => resolve_carefully(method, target),
    }
}

/// For the unit tests and the fuzzer (`cargo fuzz` builds with `--cfg fuzzing`): wherever the
/// fast path answers, the careful path gives the same answer (panics otherwise); whether the fast
/// path answered.
#[doc(hidden)]
#[cfg(any(test, fuzzing))]
pub fn check_fast_path(method: Method, target: &str) -> bool {
    let Some(fast) = fast::resolve(method, target) else {
        return false;
    };
    let careful = resolve_carefully(method, target)
        .unwrap_or_else(|e| panic!("fast path resolved {target:?}, careful path refused it: {e}"));
    assert!(
        std::ptr::eq(fast.route, careful.route),
        "{target:?}: {} vs {}",
        fast.route.template,
        careful.route.template
    );
    assert!(std::ptr::eq(fast.operation, careful.operation), "{target:?}");
    assert_eq!((fast.store_hash, fast.legacy, fast.dropped), (careful.store_hash, careful.legacy, careful.dropped));
    assert_eq!(fast.method, careful.method);
    true
}

/// Whether `target` names a documented route, whatever the method: the matching alone, without
/// the errors and suggestions a refusal builds (for callers that only choose between spellings).
#[cfg(feature = "check")]
pub(crate) fn names_route(target: &str) -> bool {
    target::parse(target).is_ok_and(|t| matcher::first(t.host, &t.segments).is_some())
}

/// The general path: every form of target, every check, every error.
#[inline(never)]
fn resolve_carefully(method: Method, target: &str) -> Result<Resolution<'_>, Error> {
    let t = target::parse(target)?;
    let segments = &t.segments;
    let Some(best) = matcher::first(t.host, segments) else {
        return Err(nearest::unknown_endpoint(target, &t));
    };
    let route = &ROUTES[best.route as usize];
    let Some(operation) = route.operation(method) else {
        let documented: Vec<&str> = route.operations().iter().map(|o| o.method.as_str()).collect();
        return Err(Error::new(
            ErrorKind::MethodNotDocumented,
            format!("{} {} is not documented; the route documents {}", method, route.template, documented.join(", ")),
        ));
    };
    // A second template that matches the same path and is not less specific everywhere: refuse
    // unless it asks the same of this method.
    let found = if route.crossed { matcher::all(t.host, segments) } else { matcher::Matches::none() };
    for other in &found.found[..found.len] {
        if other.route != best.route && other.literals & !best.literals != 0 {
            let o = &ROUTES[other.route as usize];
            let same = o
                .operation(method)
                .is_some_and(|op| op.accepted == operation.accepted && op.requirement == operation.requirement);
            if !same {
                return Err(Error::new(
                    ErrorKind::InvalidTarget,
                    format!(
                        "target is ambiguous: it matches both {} and {}, which need different scopes",
                        route.template, o.template
                    ),
                ));
            }
        }
    }
    if t.legacy && route.host != Host::Api {
        return Err(nearest::unknown_endpoint(target, &t));
    }
    Ok(Resolution {
        method,
        route,
        operation,
        store_hash: t.store_hash,
        legacy: t.legacy,
        rest: t.rest,
        dropped: Dropped {
            query: t.had_query,
            fragment: t.had_fragment,
            trailing_slash: t.trailing_slash,
            json_suffix: t.json_suffix,
        },
    })
}

/// [`resolve`] with the method given as text (case-insensitive).
///
/// ```
/// use bigcommerce_scopes::resolve_str;
/// assert!(resolve_str("get", "/v2/orders/5.json").is_ok());
/// ```
pub fn resolve_str<'a>(method: &str, target: &'a str) -> Result<Resolution<'a>, Error> {
    resolve(Method::parse(method)?, target)
}
