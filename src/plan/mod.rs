//! Least-privilege planning and auditing.
//!
//! **Plan:** from the calls an integration makes (method and request target), the smallest set of
//! OAuth scopes that authorizes all of them, the kinds of API account that can hold that set and
//! support every API used, and how each call authenticates. **Audit:** from the scopes an account
//! holds and the calls it makes, what is missing, what is excess, what could be read-only, and
//! what conflicts with the kind of account.
//!
//! ```
//! use bigcommerce_scopes::plan::{Audit, CallList, Plan};
//! use bigcommerce_scopes::{Scope, ScopeSet};
//!
//! let calls = CallList::parse_calls(
//!     "GET /stores/abc/v3/catalog/products\nPUT /stores/abc/v3/catalog/products/12\nGET /v2/orders\n",
//! );
//! let plan = Plan::new(&calls, None);
//! let names: Vec<&str> = plan.scopes.iter().map(Scope::name).collect();
//! assert_eq!(names, ["store_v2_orders_read_only", "store_v2_products"]);
//!
//! let granted = ScopeSet::parse_list("store_v2_orders store_v2_products store_cart").unwrap().scopes;
//! let audit = Audit::new(&calls, &granted, None);
//! assert_eq!(audit.excess[0].scope, Scope::StoreCart);
//! assert_eq!((audit.downgrades[0].scope, audit.downgrades[0].to), (Scope::StoreV2Orders, Scope::StoreV2OrdersReadOnly));
//! assert!(audit.missing.is_empty());
//! ```
//!
//! A call is authorized by a set of scopes when some scope of the set satisfies one of the scopes
//! the call accepts ([`Scope::satisfies`]: the scope itself, or a modify scope for its read-only
//! twin). Calls that need no scope (same-origin storefront requests, the Current Customer API,
//! requests BigCommerce sends to provider apps) and calls that need only the default scope
//! (webhooks) are listed as such. GraphQL Admin and GraphQL Account API requests need scopes that
//! depend on each query; they are listed as [`Need::PerQuery`], never silently planned as needing
//! nothing.

mod audit;
mod calls;
mod classify;
mod cover;
mod har;

pub use audit::{
    parse_granted, Alternative, Audit, ConditionalNeed, Downgrade, Excess, ExcessReason, FailOn, Finding, Missing,
    Unverified,
};
pub use calls::{Call, CallList, GraphqlCall, Location, SkipReason, Skipped, Unresolved};

use crate::datafile::vocab::{AccountType, AuthKind, Confidence, CredentialLocation, Method, RequirementKind};
use crate::scope_set::ScopeSet;
use crate::tables::{Api, AuthScheme, Scope};
use cover::{authorizers, bit, cover, scopes, Mask};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What a call needs of the API account.
///
/// ```
/// use bigcommerce_scopes::plan::{CallList, Need, Plan};
/// let plan = Plan::new(&CallList::parse_args(&["POST /stores/abc/graphql", "GET /api/storefront/carts"]), None);
/// let needs: Vec<Need> = plan.calls.iter().map(|c| c.requirement).collect();
/// assert_eq!(needs, [Need::PerQuery, Need::None]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Need {
    /// An OAuth scope: one of the call's `accepted` scopes, or one that implies it.
    Scope,
    /// Only the default scope, which every API account has (webhooks).
    DefaultScope,
    /// No OAuth scope (same-origin storefront, client ID, provider callbacks).
    None,
    /// Scopes that depend on each GraphQL query: not determinable from the URL.
    PerQuery,
}

impl From<RequirementKind> for Need {
    fn from(r: RequirementKind) -> Need {
        match r {
            RequirementKind::Scope => Need::Scope,
            RequirementKind::DefaultScope => Need::DefaultScope,
            RequirementKind::None => Need::None,
        }
    }
}

/// One documented operation (or GraphQL endpoint) the calls use, with every call to it.
///
/// ```
/// use bigcommerce_scopes::plan::{CallList, Location, Plan};
/// use bigcommerce_scopes::Scope;
/// let plan = Plan::new(&CallList::parse_calls("GET /v3/catalog/products/1\nGET /v3/catalog/products/2?x=1\n"), None);
/// let call = &plan.calls[0];
/// assert_eq!(call.route, "/stores/{store_hash}/v3/catalog/products/{product_id}");
/// assert_eq!(call.least_privileged, Some(Scope::StoreV2ProductsReadOnly));
/// assert_eq!(call.locations, [Location::Line(1), Location::Line(2)]);
/// assert_eq!(call.targets, ["/v3/catalog/products/1", "/v3/catalog/products/2"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedCall {
    /// The HTTP method as requested.
    pub method: Method,
    /// The documented route template (or the GraphQL endpoint).
    pub route: &'static str,
    /// The API it belongs to.
    pub api: Api,
    /// How the request, as written, authenticates.
    pub auth_scheme: AuthScheme,
    /// What it needs.
    pub requirement: Need,
    /// The least-privileged scope that authorizes it (where it needs a scope).
    pub least_privileged: Option<Scope>,
    /// Every scope that authorizes it, the least-privileged first (a scope that implies one of
    /// these authorizes it too).
    pub accepted: &'static [Scope],
    /// Scopes needed in addition when a documented condition of the request holds (not in the
    /// plan's set: the URL does not tell whether the condition holds).
    pub conditional: Vec<ConditionalScope>,
    /// The scope of the plan (or, in an audit, of the granted set) that authorizes it: `default`
    /// for default-scope calls, null where no scope is needed, the call is missing, or it is
    /// determined per query.
    pub authorized_by: Option<Scope>,
    /// Whether the requirement is documented for this path or inferred.
    pub confidence: Option<Confidence>,
    /// A legacy store-domain `/api/v2/...` request.
    pub legacy: bool,
    /// Deprecated in the OpenAPI spec.
    pub deprecated: bool,
    /// The spec's operationId (none for GraphQL endpoints).
    pub operation_id: Option<&'static str>,
    /// The requests as written, without query strings (sorted, without repeats).
    pub targets: Vec<String>,
    /// For legacy requests: the OAuth URLs to use instead.
    pub oauth_urls: Vec<String>,
    /// Where the requests came from.
    pub locations: Vec<Location>,
    /// What a reviewer should know (token flows, why no scope is needed, …).
    pub notes: Vec<String>,
}

impl PlannedCall {
    /// A reference to this call, for findings.
    ///
    /// ```
    /// use bigcommerce_scopes::plan::{CallList, Location, Plan};
    /// let plan = Plan::new(&CallList::parse_args(&["GET /v2/orders"]), None);
    /// let r = plan.calls[0].to_ref();
    /// assert_eq!((r.route, r.locations.as_slice()), ("/stores/{store_hash}/v2/orders", &[Location::Argument(1)][..]));
    /// ```
    pub fn to_ref(&self) -> CallRef {
        CallRef {
            method: self.method,
            route: self.route,
            least_privileged: self.least_privileged,
            locations: self.locations.clone(),
        }
    }

    /// Whether a set of scopes authorizes this call (calls that need no scope or only the default
    /// scope are always authorized; per-query calls never are, as nothing can be known).
    ///
    /// ```
    /// use bigcommerce_scopes::plan::{CallList, Plan};
    /// use bigcommerce_scopes::{Scope, ScopeSet};
    /// let plan = Plan::new(&CallList::parse_args(&["GET /v2/orders"]), None);
    /// let write: ScopeSet = [Scope::StoreV2Orders].into_iter().collect();
    /// assert!(plan.calls[0].authorized_by_set(&write));
    /// assert!(!plan.calls[0].authorized_by_set(&ScopeSet::new()));
    /// ```
    pub fn authorized_by_set(&self, set: &ScopeSet) -> bool {
        match self.requirement {
            Need::Scope => self.accepted.iter().any(|a| set.satisfies(*a)),
            Need::DefaultScope | Need::None => true,
            Need::PerQuery => false,
        }
    }

    /// The scopes that authorize it, as bits.
    fn authorizers(&self) -> Mask {
        authorizers(self.accepted)
    }

    /// Whether the request goes out with an API account's credentials (same-origin storefront
    /// requests use the shopper's browser session instead).
    fn uses_api_account(&self) -> bool {
        self.auth_scheme.info().location != CredentialLocation::None
    }

    /// The first scope of `set` that authorizes the call, preferring its least-privileged scope.
    fn authorizer_in(&self, set: Mask) -> Option<Scope> {
        match self.requirement {
            Need::Scope => {
                let m = set & self.authorizers();
                match self.least_privileged {
                    Some(l) if m & bit(l) != 0 => Some(l),
                    _ => scopes(m).next(),
                }
            }
            Need::DefaultScope => Some(Scope::Default),
            Need::None | Need::PerQuery => None,
        }
    }
}

/// A scope a call needs in addition when a documented condition of the request holds (a script
/// placed on checkout pages also needs Checkout Content, …).
///
/// ```
/// use bigcommerce_scopes::plan::{CallList, Plan};
/// use bigcommerce_scopes::Scope;
/// let plan = Plan::new(&CallList::parse_args(&["POST /v3/content/scripts"]), None);
/// assert_eq!(plan.calls[0].conditional[0].scope, Scope::StoreContentCheckout);
/// assert!(!plan.scopes.contains(Scope::StoreContentCheckout), "the URL does not tell whether the condition holds");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ConditionalScope {
    /// The additional scope.
    pub scope: Scope,
    /// When it is needed, as the docs state it.
    pub when: &'static str,
}

/// A call named in a finding: method, route, least-privileged scope and where it came from (see
/// [`PlannedCall::to_ref`] for an example).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallRef {
    /// The HTTP method.
    pub method: Method,
    /// The route template.
    pub route: &'static str,
    /// Its least-privileged scope, where it needs one.
    pub least_privileged: Option<Scope>,
    /// Where the requests came from.
    pub locations: Vec<Location>,
}

/// How a group of calls authenticates, and where its credential comes from.
///
/// ```
/// use bigcommerce_scopes::plan::{CallList, Plan};
/// use bigcommerce_scopes::{AuthScheme, Scope};
/// let plan = Plan::new(&CallList::parse_args(&["POST https://shop.example.com/graphql"]), None);
/// let bearer = &plan.auth_schemes[0];
/// assert_eq!((bearer.auth_scheme, bearer.value_format), (AuthScheme::BearerJwt, Some("Bearer {token}")));
/// assert_eq!(bearer.token_scope, Some(Scope::StoreStorefrontApi));
/// assert!(bearer.explanation.contains("Creating the token needs `store_storefront_api`"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuthUse {
    /// The auth scheme.
    pub auth_scheme: AuthScheme,
    /// Its name.
    pub name: &'static str,
    /// The header, where it is one.
    pub header: Option<&'static str>,
    /// The form of the value, e.g. `PAT {token}`.
    pub value_format: Option<&'static str>,
    /// How many of the planned operations use it.
    pub calls: usize,
    /// Where the credential comes from, as documented.
    pub credential: &'static str,
    /// For tokens created on demand: the endpoints that create them.
    pub token_endpoints: &'static [&'static str],
    /// For tokens created on demand: the scopes that let an account create them.
    pub token_scopes: &'static [Scope],
    /// The scope of the plan that lets the account create the token.
    pub token_scope: Option<Scope>,
    /// The flow in one sentence or two.
    pub explanation: String,
}

/// Why a kind of API account cannot do what the calls or scopes ask.
///
/// ```
/// use bigcommerce_scopes::plan::{Audit, CallList, ConflictKind};
/// use bigcommerce_scopes::{AccountType, ScopeSet};
/// let calls = CallList::parse_args(&["GET /v2/orders"]);
/// let granted = ScopeSet::parse_list("store_v2_orders_read_only account_users_read").unwrap().scopes;
/// let kinds: Vec<ConflictKind> = Audit::new(&calls, &granted, None).conflicts.iter().map(|c| c.kind).collect();
/// assert_eq!(kinds, [ConflictKind::NoCommonAccountType]);
/// let kinds: Vec<ConflictKind> =
///     Audit::new(&calls, &granted, Some(AccountType::Store)).conflicts.iter().map(|c| c.kind).collect();
/// assert_eq!(kinds, [ConflictKind::ScopeNotHoldable]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    /// The account type cannot hold the scope (`account_*` on a store-level account,
    /// `store_app_extensions_manage` outside an app, …).
    ScopeNotHoldable,
    /// The account type does not support an API the calls use (Customer Login API from a
    /// store-level account, …).
    ApiNotSupported,
    /// No kind of API account can hold every scope and support every API used.
    NoCommonAccountType,
    /// A legacy store-domain URL: OAuth access tokens are not accepted there.
    LegacyUrl,
}

/// An account-type conflict.
///
/// ```
/// use bigcommerce_scopes::plan::{CallList, ConflictKind, Plan};
/// use bigcommerce_scopes::{AccountType, Api};
/// let calls = CallList::parse_args(&["GET https://shop.example.com/login/token/eyJhbGciOi"]);
/// let plan = Plan::new(&calls, Some(AccountType::Store));
/// assert_eq!(plan.conflicts[0].kind, ConflictKind::ApiNotSupported);
/// assert_eq!(plan.conflicts[0].api, Some(Api::CustomerLogin));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// What kind of conflict.
    pub kind: ConflictKind,
    /// The account type concerned.
    pub account_type: Option<AccountType>,
    /// The scope concerned.
    pub scope: Option<Scope>,
    /// The API concerned.
    pub api: Option<Api>,
    /// The calls concerned.
    pub calls: Vec<CallRef>,
    /// What is wrong, in a sentence.
    pub message: String,
}

/// Whether one kind of API account can hold a set of scopes and make a set of calls.
///
/// ```
/// use bigcommerce_scopes::plan::{CallList, Plan};
/// use bigcommerce_scopes::AccountType;
/// let plan = Plan::new(&CallList::parse_args(&["GET /v2/orders"]), None);
/// let account = plan.account_type_fit.iter().find(|f| f.account_type == AccountType::Account).unwrap();
/// assert!(!account.fits);
/// assert_eq!(
///     account.summary,
///     "an account-level API account cannot hold `store_v2_orders_read_only` and does not support REST Store Management APIs"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountTypeFit {
    /// The account type.
    pub account_type: AccountType,
    /// Whether it fits (no conflicts).
    pub fits: bool,
    /// Why not, in one sentence (empty when it fits).
    pub summary: String,
    /// Why not, one conflict per scope and API.
    pub conflicts: Vec<Conflict>,
}

/// A least-privilege plan for a set of calls.
///
/// ```
/// use bigcommerce_scopes::plan::{CallList, Plan};
/// use bigcommerce_scopes::{AccountType, AuthScheme, Scope};
/// let calls = CallList::parse_args(&[
///     "POST https://payments.bigcommerce.com/stores/abc123/payments",
///     "POST /stores/abc123/v3/payments/access_tokens",
///     "GET /stores/abc123/v3/payments/methods?order_id=1",
/// ]);
/// let plan = Plan::new(&calls, None);
/// let names: Vec<&str> = plan.scopes.iter().map(Scope::name).collect();
/// assert_eq!(names, ["store_payments_access_token_create", "store_payments_methods_read"]);
/// assert_eq!(plan.account_types, [AccountType::Store, AccountType::App]);
/// let pat = plan.auth_schemes.iter().find(|a| a.auth_scheme == AuthScheme::PaymentAccessToken).unwrap();
/// assert_eq!(pat.token_scope, Some(Scope::StorePaymentsAccessTokenCreate));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// The smallest set of scopes that authorizes every call (as scope names in JSON). Calls
    /// that need no scope, only the default scope, or scopes per GraphQL query add nothing.
    pub scopes: ScopeSet,
    /// Every operation called, with the calls to it (sorted by route and method).
    pub calls: Vec<PlannedCall>,
    /// The kinds of API account that can hold every scope of the set and support every API the
    /// calls use (same-origin storefront requests use no API account and are not counted).
    pub account_types: Vec<AccountType>,
    /// When no kind of API account fits: why, in a sentence.
    pub account_types_reason: Option<String>,
    /// For every kind of API account still issued: whether it fits, and why not.
    pub account_type_fit: Vec<AccountTypeFit>,
    /// The account type asked about, if any.
    pub account_type: Option<AccountType>,
    /// The conflicts of the account type asked about.
    pub conflicts: Vec<Conflict>,
    /// How the calls authenticate, with token flows explained.
    pub auth_schemes: Vec<AuthUse>,
    /// Input that could not be resolved, with where it came from.
    pub unresolved: Vec<Unresolved>,
    /// HAR entries that were not calls to a BigCommerce API.
    pub skipped: Vec<Skipped>,
    /// Remarks for a reviewer.
    pub notes: Vec<String>,
}

impl Plan {
    /// Plan the scopes for `calls`; with `account_type`, also report what that kind of account
    /// cannot do.
    ///
    /// The set is built from the calls' least-privileged scopes: a modify scope absorbs its
    /// read-only twin when both are needed, and where a call accepts alternatives, a scope already
    /// needed for another call is used for it. Among the sets of fewest scopes drawn from the
    /// calls' least-privileged scopes, ties go to data order; a scope no call has as its least is
    /// never added just to shorten the list (fewer scopes is not less privilege).
    ///
    /// ```
    /// use bigcommerce_scopes::plan::{CallList, Plan};
    /// use bigcommerce_scopes::Scope;
    /// // Reading orders and their refunds: the orders scope authorizes both.
    /// let calls = CallList::parse_args(&["GET /v2/orders", "GET /v3/orders/payment_actions/refunds"]);
    /// assert_eq!(Plan::new(&calls, None).scopes.iter().collect::<Vec<_>>(), [Scope::StoreV2OrdersReadOnly]);
    /// // Reading and changing products: modify absorbs read-only.
    /// let calls = CallList::parse_args(&["GET /v3/catalog/products", "POST /v3/catalog/products"]);
    /// assert_eq!(Plan::new(&calls, None).scopes.iter().collect::<Vec<_>>(), [Scope::StoreV2Products]);
    /// ```
    pub fn new(calls: &CallList, account_type: Option<AccountType>) -> Plan {
        let Analysis { mut calls, unresolved, skipped } = analyze(calls);
        let chosen = minimal_cover(&calls);
        for c in &mut calls {
            c.authorized_by = c.authorizer_in(chosen);
        }
        let fit = fits(chosen, &calls);
        let account_types: Vec<AccountType> = fit.iter().filter(|f| f.fits).map(|f| f.account_type).collect();
        let account_types_reason = (account_types.is_empty() && !calls.is_empty()).then(|| no_fit_reason(&fit));
        let conflicts = account_type.map(|t| conflicts_for(t, chosen, &calls)).unwrap_or_default();
        let auth_schemes = auth_uses(&calls, chosen);
        let notes = plan_notes(&calls);
        Plan {
            scopes: cover::to_set(chosen),
            calls,
            account_types,
            account_types_reason,
            account_type_fit: fit,
            account_type,
            conflicts,
            auth_schemes,
            unresolved,
            skipped,
            notes,
        }
    }

    /// Whether the plan's scopes authorize every call whose requirement can be known.
    ///
    /// ```
    /// use bigcommerce_scopes::plan::{CallList, Plan};
    /// let plan = Plan::new(&CallList::parse_args(&["PUT /v3/catalog/products/7", "GET /v2/orders"]), None);
    /// assert!(plan.is_sound());
    /// ```
    pub fn is_sound(&self) -> bool {
        self.calls.iter().filter(|c| c.requirement != Need::PerQuery).all(|c| c.authorized_by_set(&self.scopes))
    }
}

/// Calls resolved and grouped by operation.
pub(crate) struct Analysis {
    pub calls: Vec<PlannedCall>,
    pub unresolved: Vec<Unresolved>,
    pub skipped: Vec<Skipped>,
}

/// Resolve every call and group the calls by operation; unresolvable input is kept, sorted by
/// where it came from.
pub(crate) fn analyze(input: &CallList) -> Analysis {
    struct Group {
        c: classify::Classified,
        targets: BTreeSet<String>,
        oauth_urls: BTreeSet<String>,
        locations: BTreeSet<Location>,
    }
    let mut groups: BTreeMap<(&'static str, Method, bool), Group> = BTreeMap::new();
    let mut unresolved = input.errors.clone();
    // A HAR file repeats requests (polling, paging): a REST call is classified once per method
    // and target, and a refused one's nearest routes are searched once.
    let mut seen: std::collections::HashMap<(Method, &str), Result<Vec<classify::Classified>, crate::Error>> =
        std::collections::HashMap::new();
    for call in &input.calls {
        let result = match &call.graphql {
            None => {
                seen.entry((call.method, call.target.as_str())).or_insert_with(|| classify::classify_call(call)).clone()
            }
            Some(_) => classify::classify_call(call),
        };
        match result {
            Ok(found) => {
                for c in found {
                    let g = groups.entry((c.route, c.method, c.legacy)).or_insert_with(|| Group {
                        c: c.clone(),
                        targets: BTreeSet::new(),
                        oauth_urls: BTreeSet::new(),
                        locations: BTreeSet::new(),
                    });
                    for n in &c.notes {
                        if !g.c.notes.contains(n) {
                            g.c.notes.push(n.clone());
                        }
                    }
                    g.targets.insert(calls::redact(&call.target));
                    if let Some(u) = &c.oauth_url {
                        g.oauth_urls.insert(calls::redact(u));
                    }
                    g.locations.insert(call.location);
                }
            }
            Err(e) => unresolved.push(Unresolved::new(call.location, &format!("{} {}", call.method, call.target), &e)),
        }
    }
    unresolved.sort_by(|a, b| (a.location, &a.input, &a.message).cmp(&(b.location, &b.input, &b.message)));
    unresolved.dedup();
    let calls = groups
        .into_values()
        .map(|g| {
            let c = g.c;
            let notes = call_notes(&c);
            PlannedCall {
                method: c.method,
                route: c.route,
                api: c.api,
                auth_scheme: c.auth_scheme,
                requirement: c.need,
                least_privileged: c.least,
                accepted: c.accepted,
                conditional: c.conditional.iter().map(|x| ConditionalScope { scope: x.scope, when: x.when }).collect(),
                authorized_by: None,
                confidence: c.confidence,
                legacy: c.legacy,
                deprecated: c.operation.is_some_and(|o| o.deprecated),
                operation_id: c.operation.map(|o| o.operation_id),
                targets: g.targets.into_iter().collect(),
                oauth_urls: g.oauth_urls.into_iter().collect(),
                locations: g.locations.into_iter().collect(),
                notes,
            }
        })
        .collect();
    Analysis { calls, unresolved, skipped: input.skipped.clone() }
}

/// The smallest set drawn from the calls' least-privileged scopes that authorizes every call.
pub(crate) fn minimal_cover(calls: &[PlannedCall]) -> Mask {
    let needing: Vec<&PlannedCall> = calls.iter().filter(|c| c.requirement == Need::Scope).collect();
    let pool = needing
        .iter()
        .filter_map(|c| c.least_privileged.or_else(|| c.accepted.first().copied()))
        .fold(0, |m, s| m | bit(s));
    cover(needing.iter().map(|c| c.authorizers()), pool, &|_| 1).unwrap_or(pool)
}

/// Conflicts of one account type with a set of scopes and the calls.
pub(crate) fn conflicts_for(t: AccountType, held: Mask, calls: &[PlannedCall]) -> Vec<Conflict> {
    let mut out = Vec::new();
    for s in scopes(held & !bit(Scope::Default)) {
        if !s.holdable_by(t) {
            out.push(Conflict {
                kind: ConflictKind::ScopeNotHoldable,
                account_type: Some(t),
                scope: Some(s),
                api: None,
                calls: Vec::new(),
                message: format!(
                    "{} cannot hold `{}` (only {} can)",
                    a_type(t),
                    s.name(),
                    type_names(s.info().account_types)
                ),
            });
        }
    }
    let mut by_api: BTreeMap<Api, Vec<CallRef>> = BTreeMap::new();
    for c in calls.iter().filter(|c| c.uses_api_account()) {
        by_api.entry(c.api).or_default().push(c.to_ref());
    }
    for (api, refs) in by_api {
        if !api.supports(t) {
            out.push(Conflict {
                kind: ConflictKind::ApiNotSupported,
                account_type: Some(t),
                scope: None,
                api: Some(api),
                message: format!(
                    "{} does not support {} ({}; only {} do)",
                    a_type(t),
                    api.info().name,
                    count(refs.len(), "operation"),
                    type_names(api.info().account_types)
                ),
                calls: refs,
            });
        }
    }
    out
}

/// How every account type still issued fits.
pub(crate) fn fits(held: Mask, calls: &[PlannedCall]) -> Vec<AccountTypeFit> {
    AccountType::all()
        .iter()
        .filter(|i| i.issued)
        .map(|i| {
            let conflicts = conflicts_for(i.account_type, held, calls);
            AccountTypeFit {
                account_type: i.account_type,
                fits: conflicts.is_empty(),
                summary: summary(i.account_type, &conflicts),
                conflicts,
            }
        })
        .collect()
}

/// Why one account type does not fit, in a sentence (empty when it fits).
fn summary(t: AccountType, conflicts: &[Conflict]) -> String {
    let held: Vec<String> = conflicts.iter().filter_map(|c| c.scope).map(|s| format!("`{}`", s.name())).collect();
    let apis: Vec<String> = conflicts.iter().filter_map(|c| c.api).map(|a| a.info().name.to_owned()).collect();
    let mut parts = Vec::new();
    if !held.is_empty() {
        parts.push(format!("cannot hold {}", and_list(&held, 3, "scope")));
    }
    if !apis.is_empty() {
        parts.push(format!("does not support {}", and_list(&apis, 3, "API")));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("{} {}", a_type(t), parts.join(" and "))
    }
}

/// Why no account type fits.
pub(crate) fn no_fit_reason(fit: &[AccountTypeFit]) -> String {
    let parts: Vec<&str> = fit.iter().map(|f| f.summary.as_str()).filter(|s| !s.is_empty()).collect();
    format!("no single kind of API account fits: {}; split the calls across API accounts", parts.join("; "))
}

/// `a store-level API account`, `an app-level API account`.
fn a_type(t: AccountType) -> String {
    let id = t.as_str();
    let article = if id.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {id}-level API account")
}

/// `store-level and app-level API accounts`.
fn type_names(types: &[AccountType]) -> String {
    if types.is_empty() {
        return "no kind of API account".to_owned();
    }
    let names: Vec<String> = types.iter().map(|t| format!("{}-level", t.as_str())).collect();
    format!("{} API accounts", and_list(&names, names.len(), ""))
}

/// `a`, `a and b`, `a, b and c`; past `max` items, `a, b, c and 4 more {noun}s`.
fn and_list(items: &[String], max: usize, noun: &str) -> String {
    if items.len() > max {
        return format!("{} and {}", items[..max].join(", "), count(items.len() - max, &format!("more {noun}")));
    }
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

pub(crate) use crate::render::text::count;

/// `a`, `a or b`, `a, b or c`, with each name in backticks.
fn alternatives(scopes: &[Scope]) -> String {
    let names: Vec<String> = scopes.iter().map(|s| format!("`{}`", s.name())).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// Notes about one operation.
fn call_notes(c: &classify::Classified) -> Vec<String> {
    let mut notes = c.notes.clone();
    let info = c.auth_scheme.info();
    match c.need {
        Need::PerQuery => notes.push(format!(
            "requires scopes per query; not determinable from the URL (the {} checks each query's fields against the account's scopes)",
            c.api.info().name
        )),
        Need::DefaultScope => notes.push(
            "needs only the default scope, which every API account has; webhooks are visible only to the API account that created them"
                .to_owned(),
        ),
        Need::None => notes.push(match info.kind {
            AuthKind::SameOrigin => {
                "no scope: a same-origin request from the shopper's browser session on the storefront; no API account or token is involved".to_owned()
            }
            AuthKind::Provider => format!(
                "no scope: BigCommerce sends this request to the provider app ({}); it is not a request the app makes",
                info.name
            ),
            _ => format!("no scope: {}", info.credential),
        }),
        Need::Scope => {}
    }
    if info.kind == AuthKind::DynamicToken && !info.token_scopes.is_empty() {
        let mut note = format!(
            "authenticated with `{}: {}`: the token is created with {} by an API account holding {}",
            info.header.unwrap_or("Authorization"),
            info.value_format.unwrap_or("{token}"),
            info.token_endpoints.join(" or "),
            alternatives(info.token_scopes)
        );
        if c.auth_scheme == AuthScheme::BearerJwt {
            note.push_str("; a token read from the Stencil page context needs no scope");
        }
        notes.push(note);
    }
    if c.legacy {
        notes.push(format!(
            "legacy store-domain URL with HTTP basic auth (legacy API accounts are no longer issued): move to {} with X-Auth-Token; the scope given is the OAuth route's",
            c.oauth_url.as_deref().map(calls::redact).unwrap_or_else(|| "https://api.bigcommerce.com/stores/{store_hash}/v2/...".to_owned())
        ));
    }
    if let Some(op) = c.operation {
        if op.deprecated {
            notes.push("deprecated in the OpenAPI spec".to_owned());
        }
        if op.internal {
            notes.push("marked internal (not public) in the OpenAPI spec".to_owned());
        }
    }
    if c.confidence == Some(Confidence::Inferred) {
        notes.push("requirement inferred: the spec names several scope families and the path decides".to_owned());
    }
    notes
}

/// The auth schemes the calls use, with their flows.
fn auth_uses(calls: &[PlannedCall], chosen: Mask) -> Vec<AuthUse> {
    let mut counts: BTreeMap<AuthScheme, usize> = BTreeMap::new();
    for c in calls {
        *counts.entry(c.auth_scheme).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(scheme, n)| {
            let info = scheme.info();
            let token_scope = scopes(chosen).find(|s| info.token_scopes.iter().any(|t| s.satisfies(*t)));
            let send = match (info.header, info.query_parameter, info.value_format) {
                (Some(h), _, Some(v)) => format!("Send `{h}: {v}`. "),
                (None, Some(_), Some(v)) => format!("Send `?{v}`. "),
                (None, None, Some(v)) if info.location == CredentialLocation::Path => {
                    format!("Send the shopper to `{v}`. ")
                }
                _ => String::new(),
            };
            let mut explanation = format!("{send}{}", info.credential);
            if !info.token_scopes.is_empty() {
                explanation.push_str(&format!(
                    " Creating the token needs {}{}.",
                    alternatives(info.token_scopes),
                    match token_scope {
                        Some(s) => format!(" (the plan has `{}`)", s.name()),
                        None => String::new(),
                    }
                ));
            }
            if info.kind == AuthKind::Legacy {
                if let Some(n) = info.notes.first() {
                    explanation.push(' ');
                    explanation.push_str(n);
                }
            }
            AuthUse {
                auth_scheme: scheme,
                name: info.name,
                header: info.header,
                value_format: info.value_format,
                calls: n,
                credential: info.credential,
                token_endpoints: info.token_endpoints,
                token_scopes: info.token_scopes,
                token_scope,
                explanation,
            }
        })
        .collect()
}

/// Whether any call manages metafields (their visibility also depends on the Metafields Access
/// level, which no route names as its requirement).
pub(crate) fn uses_metafields(calls: &[PlannedCall]) -> bool {
    calls.iter().any(|c| c.route.split('/').any(|s| s == "metafields"))
}

/// The metafield access scopes.
pub(crate) const METAFIELD_SCOPES: [Scope; 3] =
    [Scope::StoreMetafieldWrite, Scope::StoreMetafieldWriteAll, Scope::StoreMetafieldChangeOwner];

/// Remarks about the whole plan.
fn plan_notes(calls: &[PlannedCall]) -> Vec<String> {
    let mut notes = Vec::new();
    let per_query: Vec<&PlannedCall> = calls.iter().filter(|c| c.requirement == Need::PerQuery).collect();
    if !per_query.is_empty() {
        let apis: BTreeSet<&str> = per_query.iter().map(|c| c.api.info().name).collect();
        let requests: usize = per_query.iter().map(|c| c.locations.len()).sum();
        notes.push(format!(
            "{} to the {} {} scopes that depend on each query's fields; the URL does not tell which, so they add nothing to the scope set: add the scopes their queries need.",
            count(requests, "request"),
            apis.into_iter().collect::<Vec<_>>().join(" and "),
            if requests == 1 { "needs" } else { "need" }
        ));
    }
    if calls.iter().any(|c| c.legacy) {
        notes.push("Some calls use legacy store-domain /api/v2 URLs (HTTP basic auth, no longer issued): the scopes given are those of their OAuth URLs on api.bigcommerce.com.".to_owned());
    }
    if calls.iter().any(|c| !c.uses_api_account()) {
        notes.push("Same-origin storefront requests use the shopper's browser session, not an API account: they add no scope and do not narrow the account types.".to_owned());
    }
    if uses_metafields(calls) {
        notes.push(format!(
            "Metafield endpoints also depend on the Metafields Access level: `{}` ({}) or `{}` ({}).",
            Scope::StoreMetafieldWrite.name(),
            Scope::StoreMetafieldWrite.info().description,
            Scope::StoreMetafieldWriteAll.name(),
            Scope::StoreMetafieldWriteAll.info().description
        ));
    }
    let conditional: Vec<&PlannedCall> = calls.iter().filter(|c| !c.conditional.is_empty()).collect();
    if !conditional.is_empty() {
        let scopes: BTreeSet<Scope> = conditional.iter().flat_map(|c| c.conditional.iter().map(|x| x.scope)).collect();
        let names: Vec<String> = scopes.iter().map(|s| format!("`{}`", s.name())).collect();
        notes.push(format!(
            "{} also {} {} under a documented condition of the request (listed with each call); the scope set assumes the condition does not hold.",
            count(conditional.len(), "operation"),
            if conditional.len() == 1 { "needs" } else { "need" },
            and_list(&names, names.len(), "scope")
        ));
    }
    let inferred = calls.iter().filter(|c| c.confidence == Some(Confidence::Inferred)).count();
    if inferred > 0 {
        notes.push(format!(
            "{} {} a requirement inferred from the path (the spec names several scope families): check them.",
            count(inferred, "operation"),
            if inferred == 1 { "has" } else { "have" }
        ));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(calls: &[&str]) -> Plan {
        Plan::new(&CallList::parse_args(calls), None)
    }

    fn names(p: &Plan) -> Vec<&'static str> {
        p.scopes.iter().map(Scope::name).collect()
    }

    #[test]
    fn refunds_use_orders_when_orders_are_changed_anyway() {
        let p = plan(&["PUT /v2/orders/1", "POST /v3/orders/1/payment_actions/refunds"]);
        assert_eq!(names(&p), ["store_v2_orders"]);
        let p = plan(&["GET /v2/orders/1", "POST /v3/orders/1/payment_actions/refunds"]);
        assert_eq!(names(&p), ["store_v2_orders_read_only", "store_v2_transactions"], "no upgrade to modify orders");
    }

    #[test]
    fn no_scope_and_default_scope_calls() {
        let p = plan(&[
            "POST /v3/hooks",
            "GET /api/storefront/carts",
            "GET https://shop.example/customer/current.jwt?app_client_id=x",
        ]);
        assert!(p.scopes.is_empty());
        let by_route: Vec<(Need, Option<Scope>)> = p.calls.iter().map(|c| (c.requirement, c.authorized_by)).collect();
        assert!(by_route.contains(&(Need::DefaultScope, Some(Scope::Default))));
        assert_eq!(p.account_types, [AccountType::App], "Current Customer API: app only; same-origin does not count");
    }

    #[test]
    fn empty_intersection_is_explained() {
        let p = plan(&["GET https://shop.example/login/token/abc", "POST /graphql"]);
        assert!(p.account_types.is_empty());
        let why = p.account_types_reason.as_deref().unwrap();
        assert!(why.starts_with("no single kind of API account fits: a store-level API account does not support Customer Login API; an app-level API account does not support GraphQL Storefront API"), "{why}");
    }

    #[test]
    fn unresolved_are_kept_with_locations() {
        let p = Plan::new(&CallList::parse_calls("GET /v3/catalog/products\nGET /v3/nothing\nFETCH /x\n"), None);
        let lines: Vec<Location> = p.unresolved.iter().map(|u| u.location).collect();
        assert_eq!(lines, [Location::Line(2), Location::Line(3)]);
        assert_eq!(p.unresolved[0].kind, crate::ErrorKind::UnknownEndpoint);
    }
}
