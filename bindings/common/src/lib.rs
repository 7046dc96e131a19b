//! What the Node.js and Python bindings of bigcommerce-scopes share: each function of their public
//! interface, as a value that serializes to the field names of the CLI's `--json` output, and the
//! errors they raise, with the `kind`, `message` and `suggestions` of the CLI's JSON errors.
//!
//! The bindings only convert arguments in and these values out; every answer is computed here, so
//! the two languages cannot disagree with each other or with the CLI.
//!
//! ```
//! use bigcommerce_scopes_bindings as b;
//! assert_eq!(b::least_scope("GET", "/v3/catalog/products").unwrap(), Some("store_v2_products_read_only"));
//! let e = b::scope("store_crat").unwrap_err();
//! assert_eq!((e.kind, e.suggestions.as_slice()), ("unknown_scope", &["store_cart".to_owned()][..]));
//! ```

mod calls;
mod error;
pub mod views;

pub use calls::{Call, CallInput};
pub use error::BindingError;

use bigcommerce_scopes::check::Report;
use bigcommerce_scopes::graphql::{analyze, Endpoint};
use bigcommerce_scopes::plan::{parse_granted, Audit, FailOn, Plan};
use bigcommerce_scopes::{
    resolve as resolve_target, AccountType, Api, Method, ParsedScopeList, Resolution, Scope, ScopeInfo, ScopeSet,
};
use std::path::PathBuf;

pub use bigcommerce_scopes::DATA_VERSION;

/// The answer for one request: what `bc-scopes endpoint METHOD TARGET --json` prints (a REST
/// route, or a GraphQL endpoint whose scopes depend on the document).
///
/// ```
/// let a = bigcommerce_scopes_bindings::resolve("get", "/v2/orders?limit=5").unwrap();
/// let json = serde_json::to_value(&a).unwrap();
/// assert_eq!(json["route"], "/stores/{store_hash}/v2/orders");
/// assert_eq!(json["dropped"]["query"], true);
/// ```
pub fn resolve<'a>(method: &str, target: &'a str) -> Result<views::EndpointAnswer<'a>, BindingError> {
    Ok(bigcommerce_scopes::render::endpoint::answer(Method::parse(method)?, target)?)
}

/// The resolution of a REST request alone (no GraphQL endpoint, no view): for the bindings' fast
/// paths, which build their answer from it without going through serde.
///
/// ```
/// assert!(bigcommerce_scopes_bindings::resolution("GET", "/v2/orders").unwrap().is_some());
/// assert!(bigcommerce_scopes_bindings::resolution("POST", "/graphql").unwrap().is_none());
/// ```
pub fn resolution<'a>(method: &str, target: &'a str) -> Result<Option<Resolution<'a>>, BindingError> {
    let method = Method::parse(method)?;
    match resolve_target(method, target) {
        Ok(r) => Ok(Some(r)),
        Err(e) => match Endpoint::from_target(target) {
            Some(endpoint) => endpoint.require_post(method, target).map(|()| None).map_err(Into::into),
            None => Err(e.into()),
        },
    }
}

/// The least-privileged scope a request needs, or `None` where it needs none (the default scope,
/// no OAuth scope, a GraphQL endpoint whose scopes depend on the document). Allocates nothing on
/// success.
///
/// ```
/// use bigcommerce_scopes_bindings::least_scope;
/// assert_eq!(least_scope("post", "https://api.bigcommerce.com/stores/abc/v3/catalog/products").unwrap(), Some("store_v2_products"));
/// assert_eq!(least_scope("POST", "/stores/abc/graphql").unwrap(), None);
/// assert_eq!(least_scope("GET", "/v3/nowhere").unwrap_err().kind, "unknown_endpoint");
/// ```
pub fn least_scope(method: &str, target: &str) -> Result<Option<&'static str>, BindingError> {
    least_scope_of(method, target).map(|s| s.map(Scope::name))
}

/// [`least_scope`] as the scope itself (the bindings index their cached names by it).
///
/// ```
/// use bigcommerce_scopes::Scope;
/// let s = bigcommerce_scopes_bindings::least_scope_of("GET", "/v2/orders").unwrap();
/// assert_eq!(s, Some(Scope::StoreV2OrdersReadOnly));
/// ```
pub fn least_scope_of(method: &str, target: &str) -> Result<Option<Scope>, BindingError> {
    Ok(resolution(method, target)?.and_then(|r| r.least_privileged()))
}

/// One scope in detail, as `bc-scopes scope NAME --json` prints it (variant spellings are
/// accepted with a warning).
///
/// ```
/// let s = serde_json::to_value(bigcommerce_scopes_bindings::scope("store_checkouts").unwrap()).unwrap();
/// assert_eq!(s["name"], "store_checkout");
/// assert_eq!(s["warnings"].as_array().unwrap().len(), 1);
/// ```
pub fn scope(name: &str) -> Result<views::ScopeDetail, BindingError> {
    let parsed = Scope::parse_lenient(name)?;
    Ok(views::ScopeDetail { info: parsed.scope.info(), warnings: parsed.warning().into_iter().collect() })
}

/// Every scope, as `bc-scopes scopes --json` lists them.
///
/// ```
/// assert_eq!(bigcommerce_scopes_bindings::scopes().len(), bigcommerce_scopes::Scope::all().len());
/// ```
pub fn scopes() -> &'static [ScopeInfo] {
    Scope::all()
}

/// A scope list as an OAuth token response's `scope` field holds it. Lenient (the default): a
/// name that is no known scope is listed in `unknown` with its nearest names and grants nothing.
/// Strict: such a name is an `unknown_scope` error (as `--granted` treats a typo).
///
/// ```
/// use bigcommerce_scopes_bindings::parse_scopes;
/// let p = parse_scopes("store_v2_default store_crat", false).unwrap();
/// assert_eq!(p.unknown[0].suggestions[0], "store_cart");
/// assert_eq!(parse_scopes("store_crat", true).unwrap_err().kind, "unknown_scope");
/// ```
pub fn parse_scopes(text: &str, strict: bool) -> Result<ParsedScopeList, BindingError> {
    if strict {
        Ok(ScopeSet::parse_list(text)?)
    } else {
        Ok(ScopeSet::parse_list_lenient(text))
    }
}

/// One API, as `bc-scopes api NAME --json` prints it.
///
/// ```
/// let a = serde_json::to_value(bigcommerce_scopes_bindings::api("GraphQL Storefront API").unwrap()).unwrap();
/// assert_eq!(a["name"], "graphql-storefront");
/// ```
pub fn api(name: &str) -> Result<views::ApiView, BindingError> {
    Ok(views::ApiView::new(Api::parse(name)?.info()))
}

/// Every API, as `bc-scopes apis --json` lists them.
///
/// ```
/// assert!(!bigcommerce_scopes_bindings::apis().is_empty());
/// ```
pub fn apis() -> Vec<views::ApiView> {
    Api::all().iter().map(views::ApiView::new).collect()
}

/// The kinds of API account and the use-case tables, as `bc-scopes account-types --json`.
///
/// ```
/// let a = serde_json::to_value(bigcommerce_scopes_bindings::account_types()).unwrap();
/// assert!(a["account_types"].as_array().unwrap().len() >= 3);
/// ```
pub fn account_types() -> views::AccountTypes {
    views::AccountTypes::new()
}

/// Options of [`plan`] and [`audit`].
#[derive(Debug, Clone, Default)]
pub struct CallOptions {
    /// The kind of API account (`store`, `app`, `account`): report what it cannot hold or call.
    pub account_type: Option<String>,
}

/// The least-privilege plan for calls, as `bc-scopes plan --json` prints it.
///
/// ```
/// use bigcommerce_scopes_bindings::{plan, CallInput, CallOptions};
/// let p = plan(&[CallInput::Text("GET /v2/orders".into())], &CallOptions::default()).unwrap();
/// assert_eq!(serde_json::to_value(&p).unwrap()["scopes"][0], "store_v2_orders_read_only");
/// ```
pub fn plan(calls: &[CallInput], opts: &CallOptions) -> Result<views::PlanView, BindingError> {
    let account_type = opts.account_type.as_deref().map(AccountType::parse).transpose()?;
    let list = calls::call_list(calls)?;
    Ok(views::PlanView::new(Plan::new(&list, account_type)))
}

/// Options of [`audit`].
#[derive(Debug, Clone, Default)]
pub struct AuditOptions {
    /// As in [`plan`].
    pub account_type: Option<String>,
    /// What makes `fails` true: `missing`, `excess`, `missing-or-excess` (default), `any`.
    pub fail_on: Option<String>,
    /// Read `granted` as BigCommerce wrote it (an OAuth token response, or its `scope` string):
    /// unknown names are listed in `unknown_granted`, not an error.
    pub token: bool,
}

/// Granted scopes against calls, as `bc-scopes audit --json` prints it. `granted` is a scope list
/// (`"a b c"` or `a,b,c`) whose names must be known, unless [`AuditOptions::token`].
///
/// ```
/// use bigcommerce_scopes_bindings::{audit, AuditOptions, CallInput};
/// let calls = [CallInput::Text("GET /v2/orders".into())];
/// let a = audit(&["store_v2_orders".to_owned()], &calls, &AuditOptions::default()).unwrap();
/// let json = serde_json::to_value(&a).unwrap();
/// assert_eq!(json["downgrades"][0]["to"], "store_v2_orders_read_only");
/// assert_eq!(audit(&["store_crat".to_owned()], &calls, &AuditOptions::default()).unwrap_err().kind, "unknown_scope");
/// ```
pub fn audit(granted: &[String], calls: &[CallInput], opts: &AuditOptions) -> Result<views::AuditView, BindingError> {
    let fail_on = match opts.fail_on.as_deref() {
        None | Some("missing-or-excess") => FailOn::MissingOrExcess,
        Some("missing") => FailOn::Missing,
        Some("excess") => FailOn::Excess,
        Some("any") => FailOn::Any,
        Some(other) => {
            return Err(BindingError::input(format!(
                "unknown failOn `{}` (expected missing, excess, missing-or-excess or any)",
                other.chars().take(40).collect::<String>().escape_debug()
            ))
            .with_suggestions(["missing", "excess", "missing-or-excess", "any"]))
        }
    };
    if granted.is_empty() {
        return Err(BindingError::input("audit needs the granted scopes: a scope list, or an array of them"));
    }
    let mut set = ScopeSet::new();
    let mut warnings = Vec::new();
    let mut unknown = Vec::new();
    for g in granted {
        let parsed = match opts.token {
            // A token response as JSON, or its `scope` string as is.
            true if g.trim_start().starts_with(['{', '[', '"']) => parse_granted(g)?,
            true => ScopeSet::parse_list_lenient(g),
            false => ScopeSet::parse_list(g)?,
        };
        set = set.iter().chain(parsed.scopes.iter()).collect();
        warnings.extend(parsed.warnings);
        unknown.extend(parsed.unknown);
    }
    let account_type = opts.account_type.as_deref().map(AccountType::parse).transpose()?;
    let list = calls::call_list(calls)?;
    let audit = Audit::new(&list, &set, account_type).with_unknown_granted(unknown);
    Ok(views::AuditView::new(audit, fail_on, warnings))
}

/// Options of [`check`] (the `bc-scopes check` flags of the same names).
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// `--config`.
    pub config: Option<PathBuf>,
    /// `--granted` (scope lists; names must be known).
    pub granted: Vec<String>,
    /// `--account-type`.
    pub account_type: Option<String>,
    /// `--exclude` globs.
    pub exclude: Vec<String>,
    /// `--excess`.
    pub excess: bool,
}

/// The check of source code, as `bc-scopes check --json` prints it (the report's warnings include
/// those about `granted`). Like the CLI, an error when no project declares granted scopes.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let e = bigcommerce_scopes_bindings::check(&[dir.path().into()], &Default::default()).unwrap_err();
/// assert_eq!(e.kind, "invalid_input");
/// ```
pub fn check(paths: &[PathBuf], opts: &CheckOptions) -> Result<Report, BindingError> {
    let mut o = bigcommerce_scopes::check::Options {
        paths: paths.to_vec(),
        config: opts.config.clone(),
        exclude: opts.exclude.clone(),
        excess: opts.excess,
        ..Default::default()
    };
    let mut warnings = Vec::new();
    if !opts.granted.is_empty() {
        let parsed = ScopeSet::parse_list(&opts.granted.join(" "))?;
        warnings = parsed.warnings;
        o.granted = Some(parsed.scopes);
    }
    if let Some(t) = &opts.account_type {
        o.account_type = Some(AccountType::parse(t)?);
    }
    let mut report = bigcommerce_scopes::check::check(&o)?;
    if report.projects.iter().all(|p| p.granted.is_none()) {
        return Err(BindingError::input(format!(
            "no granted scopes: add `granted = [...]` to {} (`bc-scopes check --suggest` prints one for this code) or pass granted",
            bigcommerce_scopes::check::CONFIG_FILE
        )));
    }
    warnings.append(&mut report.warnings);
    report.warnings = warnings;
    Ok(report)
}

/// What a GraphQL document sent to `api` (`admin`, `account`, `storefront`, or an API's name)
/// needs, as `bc-scopes graphql --api API FILE --json` prints it; `document` in the answer is
/// `name` (the CLI shows the file's name there).
///
/// ```
/// let g = bigcommerce_scopes_bindings::graphql("{ store { name } }", "admin", "inline").unwrap();
/// assert_eq!(serde_json::to_value(&g).unwrap()["document"], "inline");
/// ```
pub fn graphql<'a>(document: &str, api: &str, name: &'a str) -> Result<views::GraphqlView<'a>, BindingError> {
    let api = Endpoint::parse(api)?.api();
    Ok(views::GraphqlView::new(name, analyze(api, document)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graphql_endpoints_are_no_rest_routes() {
        // `least_scope` tries the REST resolver first: it must refuse every GraphQL endpoint, or
        // the fast path would answer where `resolve` answers for the GraphQL endpoint.
        for t in [
            "/graphql",
            "https://shop.example.com/graphql",
            "/stores/abc123/graphql",
            "https://api.bigcommerce.com/stores/abc123/graphql?x=1",
            "/accounts/6f9d1a3e-0000-4000-8000-000000000000/graphql",
        ] {
            assert!(Endpoint::from_target(t).is_some(), "{t}");
            for m in ["GET", "POST"] {
                assert!(resolve_target(Method::parse(m).unwrap(), t).is_err(), "{m} {t}");
            }
        }
    }

    #[test]
    fn least_scope_agrees_with_resolve() {
        for (m, t) in [("GET", "/v2/orders"), ("POST", "/graphql"), ("GET", "/stores/abc/v3/catalog/products/5")] {
            let full = serde_json::to_value(resolve(m, t).unwrap()).unwrap();
            let least = least_scope(m, t).unwrap();
            assert_eq!(full["least_privileged"].as_str(), least, "{m} {t}");
        }
        let (a, b) = (resolve("GET", "/graphql").unwrap_err(), least_scope("GET", "/graphql").unwrap_err());
        assert_eq!((a.kind, a.message, a.suggestions), (b.kind, b.message, b.suggestions));
    }
}

/// A REST answer packed into a number, for the bindings' `resolve` fast path, which completes
/// an answer cached per operation with the parts that depend on the target; `None` where that
/// path does not apply (a GraphQL endpoint, a legacy URL, a target that is not ASCII: the full
/// answer is built instead). Allocates nothing.
///
/// Bits, from the lowest: the method (3), the four `dropped` flags (4), the store hash's start
/// and length in the target (13 each), then the operation (its route's index × 8 + its index
/// in the route). The bits below the operation's also key the cache: method, operation.
///
/// ```
/// use bigcommerce_scopes_bindings::{packed, unpack};
/// let key = packed("get", "https://api.bigcommerce.com/stores/abc/v2/orders?x=1").unwrap().unwrap();
/// let p = unpack(key);
/// assert_eq!((p.store_hash, p.dropped.query, p.dropped.fragment), (Some((35, 3)), true, false));
/// assert!(packed("POST", "/graphql").unwrap().is_none());
/// ```
pub fn packed(method: &str, target: &str) -> Result<Option<u64>, BindingError> {
    let Some(r) = resolution(method, target)? else { return Ok(None) };
    if r.legacy || !target.is_ascii() {
        return Ok(None);
    }
    let routes = bigcommerce_scopes::Route::all();
    let route = (r.route as *const bigcommerce_scopes::Route as usize - routes.as_ptr() as usize)
        / std::mem::size_of::<bigcommerce_scopes::Route>();
    let ops = r.route.operations();
    let op = (r.operation as *const bigcommerce_scopes::Operation as usize - ops.as_ptr() as usize)
        / std::mem::size_of::<bigcommerce_scopes::Operation>();
    let (start, len) = match r.store_hash {
        Some(h) => ((h.as_ptr() as usize - target.as_ptr() as usize) as u64, h.len() as u64),
        None => (0, 0),
    };
    let d = r.dropped;
    let flags =
        d.query as u64 | (d.fragment as u64) << 1 | (d.trailing_slash as u64) << 2 | (d.json_suffix as u64) << 3;
    Ok(Some((method_index(r.method) as u64) | flags << 3 | start << 7 | len << 20 | ((route * 8 + op) as u64) << 33))
}

fn method_index(m: Method) -> usize {
    use strum::VariantArray;
    Method::VARIANTS.iter().position(|v| *v == m).unwrap_or(0)
}

/// [`packed`]'s parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Packed {
    /// The store hash's byte offset and length in the target.
    pub store_hash: Option<(usize, usize)>,
    /// What the resolver ignored.
    pub dropped: bigcommerce_scopes::Dropped,
}

/// Read [`packed`]'s number back (for tests and documentation: the bindings read it themselves).
pub fn unpack(key: u64) -> Packed {
    let bit = |i: u32| key >> (3 + i) & 1 == 1;
    let (start, len) = ((key >> 7 & 0x1fff) as usize, (key >> 20 & 0x1fff) as usize);
    let mut dropped = bigcommerce_scopes::Dropped::default();
    (dropped.query, dropped.fragment, dropped.trailing_slash, dropped.json_suffix) = (bit(0), bit(1), bit(2), bit(3));
    Packed { store_hash: (len > 0).then_some((start, len)), dropped }
}
