//! Auditing the scopes an API account holds against the calls it makes.

use super::cover::{self, bit, cover, scopes, Mask};
use super::{
    analyze, conflicts_for, count, fits, minimal_cover, no_fit_reason, uses_metafields, AccountTypeFit, Analysis,
    CallList, CallRef, Conflict, ConflictKind, Need, PlannedCall, Skipped, Unresolved, METAFIELD_SCOPES,
};
use crate::datafile::vocab::AccountType;
use crate::error::{Error, ErrorKind};
use crate::scope_set::{ParsedScopeList, ScopeSet, UnknownScope};
use crate::tables::{Api, Scope};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Calls the account cannot make, grouped by the scope that would authorize them.
///
/// ```
/// use bigcommerce_scopes::plan::{Audit, CallList};
/// use bigcommerce_scopes::{Scope, ScopeSet};
/// let calls = CallList::parse_args(&["GET /v2/orders", "PUT /v2/orders/7"]);
/// let granted = ScopeSet::parse_list("store_v2_orders_read_only").unwrap().scopes;
/// let missing = &Audit::new(&calls, &granted, None).missing[0];
/// assert_eq!((missing.scope, missing.replaces), (Scope::StoreV2Orders, Some(Scope::StoreV2OrdersReadOnly)));
/// assert_eq!(missing.calls[0].route, "/stores/{store_hash}/v2/orders/{order_id}");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Missing {
    /// The scope to add (the least-privileged one, or one that covers several missing calls).
    pub scope: Scope,
    /// A held read-only scope this one would replace (its modify twin is needed).
    pub replaces: Option<Scope>,
    /// The calls it would authorize.
    pub calls: Vec<CallRef>,
}

/// Why a granted scope is excess.
///
/// ```
/// use bigcommerce_scopes::plan::{Audit, CallList, ExcessReason};
/// use bigcommerce_scopes::{Scope, ScopeSet};
/// let calls = CallList::parse_args(&["GET /v2/orders"]);
/// let granted = ScopeSet::parse_list("store_v2_orders store_v2_orders_read_only store_cart").unwrap().scopes;
/// let excess = Audit::new(&calls, &granted, None).excess;
/// assert_eq!((excess[0].scope, excess[0].reason), (Scope::StoreCart, ExcessReason::Unused));
/// assert_eq!((excess[1].scope, excess[1].reason), (Scope::StoreV2Orders, ExcessReason::Redundant));
/// assert_eq!(excess[1].covered_by, [Scope::StoreV2OrdersReadOnly]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExcessReason {
    /// No call needs it.
    Unused,
    /// Every call it authorizes is authorized by other granted scopes.
    Redundant,
}

/// A granted scope no call needs (see [`ExcessReason`] for an example).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excess {
    /// The scope.
    pub scope: Scope,
    /// Why.
    pub reason: ExcessReason,
    /// For a redundant scope: the granted scopes that authorize its calls instead.
    pub covered_by: Vec<Scope>,
}

/// A granted modify scope whose read-only twin would do for every call that uses it.
///
/// ```
/// use bigcommerce_scopes::plan::{Audit, CallList};
/// use bigcommerce_scopes::{Scope, ScopeSet};
/// let calls = CallList::parse_args(&["GET /v3/catalog/products", "GET /v3/catalog/brands"]);
/// let granted = ScopeSet::parse_list("store_v2_products").unwrap().scopes;
/// let d = &Audit::new(&calls, &granted, None).downgrades[0];
/// assert_eq!((d.scope, d.to, d.calls.len()), (Scope::StoreV2Products, Scope::StoreV2ProductsReadOnly, 2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Downgrade {
    /// The modify scope held.
    pub scope: Scope,
    /// Its read-only twin, which would do.
    pub to: Scope,
    /// The calls that use it (all of them read).
    pub calls: Vec<CallRef>,
}

/// A granted scope that authorizes calls only as a broader alternative: a narrower scope is their
/// least-privileged one (orders for order transactions, …).
///
/// ```
/// use bigcommerce_scopes::plan::{Audit, CallList};
/// use bigcommerce_scopes::{Scope, ScopeSet};
/// let calls = CallList::parse_args(&["POST /v3/orders/7/payment_actions/refunds"]);
/// let granted = ScopeSet::parse_list("store_v2_orders").unwrap().scopes;
/// let alt = &Audit::new(&calls, &granted, None).alternatives[0];
/// assert_eq!((alt.scope, alt.instead.as_slice()), (Scope::StoreV2Orders, &[Scope::StoreV2Transactions][..]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alternative {
    /// The scope held.
    pub scope: Scope,
    /// The least-privileged scopes of the calls it authorizes.
    pub instead: Vec<Scope>,
    /// The calls concerned.
    pub calls: Vec<CallRef>,
}

/// The kind of a finding (see [`Unverified`] for an example).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Finding {
    /// See [`Excess`].
    Excess,
    /// See [`Downgrade`].
    Downgrade,
    /// See [`Alternative`].
    Alternative,
}

/// A finding about a granted scope that other calls may contradict: GraphQL requests (whose
/// scopes depend on the query) or metafield endpoints (whose visibility depends on the Metafields
/// Access level). Reported, but not counted as excess or as a downgrade.
///
/// ```
/// use bigcommerce_scopes::plan::{Audit, CallList, Finding};
/// use bigcommerce_scopes::{Scope, ScopeSet};
/// let calls = CallList::parse_args(&["POST /stores/abc/graphql"]);
/// let granted = ScopeSet::parse_list("store_v2_products").unwrap().scopes;
/// let audit = Audit::new(&calls, &granted, None);
/// assert!(audit.excess.is_empty());
/// assert_eq!((audit.unverified[0].scope, audit.unverified[0].finding), (Scope::StoreV2Products, Finding::Excess));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unverified {
    /// The scope.
    pub scope: Scope,
    /// What the finding would have been.
    pub finding: Finding,
    /// What may contradict it.
    pub message: String,
}

/// A scope calls need in addition when a documented condition of the request holds (a script on
/// checkout pages, a metafield another API account created): the URL cannot tell whether it holds,
/// so it is reported with whether the account holds the scope, never counted as missing.
///
/// ```
/// use bigcommerce_scopes::plan::{Audit, CallList};
/// use bigcommerce_scopes::{Scope, ScopeSet};
/// let calls = CallList::parse_args(&["PUT /v3/catalog/products/1/metafields/2"]);
/// let audit = Audit::new(&calls, &ScopeSet::parse_list("store_v2_products").unwrap().scopes, None);
/// assert_eq!((audit.conditional[0].scope, audit.conditional[0].held), (Scope::StoreMetafieldWriteAll, false));
/// assert!(audit.missing.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConditionalNeed {
    /// The additional scope.
    pub scope: Scope,
    /// When it is needed, as the docs state it.
    pub when: &'static str,
    /// Whether the granted scopes satisfy it.
    pub held: bool,
    /// The calls it concerns.
    pub calls: Vec<CallRef>,
}

/// What makes `audit` fail (its exit status 1).
///
/// ```
/// use bigcommerce_scopes::plan::{Audit, CallList, FailOn};
/// use bigcommerce_scopes::ScopeSet;
/// let calls = CallList::parse_args(&["GET /v2/orders"]);
/// let audit = Audit::new(&calls, &ScopeSet::parse_list("store_cart").unwrap().scopes, None);
/// assert!(audit.fails(FailOn::Missing) && audit.fails(FailOn::Excess));
/// assert!(audit.fails(FailOn::MissingOrExcess) && audit.fails(FailOn::Any));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    /// Calls the granted scopes do not authorize.
    Missing,
    /// Granted scopes no call needs.
    Excess,
    /// Either (the default).
    MissingOrExcess,
    /// Any finding: missing, excess, downgrades, broader alternatives, account-type conflicts.
    Any,
}

/// An audit of granted scopes against calls.
///
/// ```
/// use bigcommerce_scopes::plan::{Audit, CallList, FailOn};
/// use bigcommerce_scopes::{AccountType, Scope, ScopeSet};
/// let calls = CallList::parse_args(&["GET /v2/orders", "POST /v3/orders/5/payment_actions/refunds"]);
/// let granted = ScopeSet::parse_list("store_v2_orders_read_only account_users_read").unwrap().scopes;
/// let audit = Audit::new(&calls, &granted, Some(AccountType::Store));
/// assert_eq!(audit.missing[0].scope, Scope::StoreV2Transactions);
/// assert_eq!(audit.excess[0].scope, Scope::AccountUsersRead);
/// assert_eq!(audit.conflicts[0].scope, Some(Scope::AccountUsersRead));
/// assert!(audit.fails(FailOn::Missing) && audit.fails(FailOn::Excess));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Audit {
    /// The scopes the account holds that the audit weighs: every granted scope but the implicit ones
    /// (the default scope is implied).
    pub granted: ScopeSet,
    /// Granted scopes BigCommerce grants by itself ([`Scope::is_implicit`]: `default`,
    /// `users_basic_information`): never missing or excess, since no account can add or drop them;
    /// they still count for the account types that fit.
    pub implicit: ScopeSet,
    /// Granted names that are no known scope (set with [`Audit::with_unknown_granted`]): they
    /// authorize nothing, and the audit cannot say whether they are needed.
    pub unknown_granted: Vec<UnknownScope>,
    /// The account type given, if any.
    pub account_type: Option<AccountType>,
    /// The kinds of API account that can hold the granted scopes and support every API used.
    pub account_types: Vec<AccountType>,
    /// Calls the granted scopes do not authorize, by the scope that would.
    pub missing: Vec<Missing>,
    /// Granted scopes no call needs (`default` is never excess).
    pub excess: Vec<Excess>,
    /// Modify scopes held where the read-only twin would do.
    pub downgrades: Vec<Downgrade>,
    /// Granted scopes used only as a broader alternative to a call's least-privileged scope.
    pub alternatives: Vec<Alternative>,
    /// Account-type conflicts.
    pub conflicts: Vec<Conflict>,
    /// Findings that requests of unknown requirement may contradict.
    pub unverified: Vec<Unverified>,
    /// Calls whose scopes depend on each GraphQL query.
    pub undetermined: Vec<CallRef>,
    /// Scopes the calls need under a documented condition, with whether the account holds them.
    pub conditional: Vec<ConditionalNeed>,
    /// The granted set with the findings applied: missing scopes added, excess removed, downgrades
    /// made (alternatives are left as they are).
    pub recommended: ScopeSet,
    /// Every operation called, with `authorized_by` the granted scope that authorizes it.
    pub calls: Vec<PlannedCall>,
    /// Input that could not be resolved.
    pub unresolved: Vec<Unresolved>,
    /// HAR entries that were not calls to a BigCommerce API.
    pub skipped: Vec<Skipped>,
    /// Remarks for a reviewer.
    pub notes: Vec<String>,
}

impl Audit {
    /// Audit `granted` against `calls`; with `account_type`, also check that kind of account can
    /// hold the scopes and make the calls.
    ///
    /// Removing every excess scope and making every downgrade never breaks a call the granted
    /// scopes authorize: the audit chooses the cheapest set of granted scopes (and read-only twins of
    /// granted modify scopes) that still authorizes them, preferring each call's least-privileged
    /// scope, then fewer scopes, then the scopes already held.
    ///
    /// ```
    /// use bigcommerce_scopes::plan::{Audit, CallList, Plan};
    /// let calls = CallList::parse_args(&["GET /v3/catalog/products", "POST /v3/carts"]);
    /// let plan = Plan::new(&calls, None);
    /// assert!(Audit::new(&calls, &plan.scopes, None).is_clean());
    /// ```
    pub fn new(calls: &CallList, granted: &ScopeSet, account_type: Option<AccountType>) -> Audit {
        let Analysis { mut calls, unresolved, skipped } = analyze(calls);
        let implicit: Mask = scopes(cover::from_set(granted)).filter(|s| s.is_implicit()).fold(0, |m, s| m | bit(s));
        let held = cover::from_set(granted) & !implicit;
        let needing: Vec<usize> = (0..calls.len()).filter(|&i| calls[i].requirement == Need::Scope).collect();
        let (ok, missing_calls): (Vec<usize>, Vec<usize>) =
            needing.iter().partition(|&&i| held & calls[i].authorizers() != 0);

        // What to add: the plan of the missing calls.
        let missing_list: Vec<PlannedCall> = missing_calls.iter().map(|&i| calls[i].clone()).collect();
        let fix = minimal_cover(&missing_list);
        let mut missing: BTreeMap<Scope, Vec<CallRef>> = BTreeMap::new();
        for c in &missing_list {
            if let Some(s) = c.authorizer_in(fix) {
                missing.entry(s).or_default().push(c.to_ref());
            }
        }
        let missing: Vec<Missing> = missing
            .into_iter()
            .map(|(scope, calls)| {
                let replaces = scope.info().twin.filter(|t| scope.implies().contains(t) && held & bit(*t) != 0);
                Missing { scope, replaces, calls }
            })
            .collect();

        // What to keep: the cheapest cover of the authorized calls from the granted scopes and the
        // read-only twins of granted modify scopes.
        let least: Mask = ok.iter().filter_map(|&i| calls[i].least_privileged).fold(0, |m, s| m | bit(s));
        let twins: Mask =
            scopes(held).filter_map(|s| s.info().twin.filter(|t| s.implies().contains(t))).fold(0, |m, s| m | bit(s));
        let cost = |s: Scope| {
            let not_least = if least & bit(s) == 0 { 1_000_000 } else { 0 };
            let change = if held & bit(s) == 0 { 1 } else { 0 };
            not_least + 1_000 + change
        };
        let keep = cover(ok.iter().map(|&i| calls[i].authorizers()), held | twins, &cost).unwrap_or(held);

        let uses = |s: Scope| -> Vec<&PlannedCall> {
            ok.iter().map(|&i| &calls[i]).filter(|c| c.authorizers() & bit(s) != 0).collect()
        };
        let mut excess = Vec::new();
        let mut downgrades = Vec::new();
        let mut alternatives = Vec::new();
        let replaced: Mask = missing.iter().filter_map(|m| m.replaces).fold(0, |m, s| m | bit(s));
        for s in scopes(held & !replaced) {
            let used = uses(s);
            if keep & bit(s) != 0 {
                if least & bit(s) == 0 && !used.is_empty() {
                    let instead: BTreeSet<Scope> = used.iter().filter_map(|c| c.least_privileged).collect();
                    alternatives.push(Alternative {
                        scope: s,
                        instead: instead.into_iter().collect(),
                        calls: used.iter().map(|c| c.to_ref()).collect(),
                    });
                }
                continue;
            }
            match s.info().twin.filter(|t| s.implies().contains(t) && keep & bit(*t) != 0 && held & bit(*t) == 0) {
                Some(to) if !used.is_empty() => {
                    downgrades.push(Downgrade { scope: s, to, calls: used.iter().map(|c| c.to_ref()).collect() })
                }
                _ => {
                    let covered: Mask = used.iter().fold(0, |m, c| m | (c.authorizers() & keep));
                    excess.push(Excess {
                        scope: s,
                        reason: if used.is_empty() { ExcessReason::Unused } else { ExcessReason::Redundant },
                        covered_by: scopes(covered).collect(),
                    });
                }
            }
        }

        // Scopes needed under a documented condition: reported with whether they are held, and
        // never called excess (the condition may hold).
        let mut conditional: Vec<ConditionalNeed> = Vec::new();
        for c in &calls {
            for x in &c.conditional {
                let is_held = (held | implicit) & cover::authorizers(&[x.scope]) != 0;
                match conditional.iter_mut().find(|n| n.scope == x.scope && n.when == x.when) {
                    Some(n) => n.calls.push(c.to_ref()),
                    None => conditional.push(ConditionalNeed {
                        scope: x.scope,
                        when: x.when,
                        held: is_held,
                        calls: vec![c.to_ref()],
                    }),
                }
            }
        }
        // Findings that requests of unknown requirement may contradict.
        let per_query: BTreeSet<Api> =
            calls.iter().filter(|c| c.requirement == Need::PerQuery).map(|c| c.api).collect();
        let metafields = uses_metafields(&calls);
        let doubt = |s: Scope| -> Option<String> {
            if let Some(n) = conditional.iter().find(|n| s.satisfies(n.scope)) {
                let c = &n.calls[0];
                return Some(format!("{} {} needs `{}` when {}", c.method, c.route, n.scope.name(), n.when));
            }
            let apis: Vec<&str> = per_query
                .iter()
                .filter(|a| a.info().account_types.iter().any(|t| s.holdable_by(*t)))
                .map(|a| a.info().name)
                .collect();
            if !apis.is_empty() {
                Some(format!("the {} requests may need it: their scopes depend on each query", apis.join(" and ")))
            } else if metafields && METAFIELD_SCOPES.contains(&s) {
                Some(
                    "the metafield endpoints called may need it: it sets whose metafields the account can manage"
                        .to_owned(),
                )
            } else {
                None
            }
        };
        let mut unverified = Vec::new();
        let mut doubted = 0;
        excess.retain(|e| match doubt(e.scope) {
            Some(why) => {
                unverified.push(Unverified { scope: e.scope, finding: Finding::Excess, message: why });
                doubted |= bit(e.scope);
                false
            }
            None => true,
        });
        downgrades.retain(|d| match doubt(d.scope) {
            Some(why) => {
                unverified.push(Unverified { scope: d.scope, finding: Finding::Downgrade, message: why });
                doubted |= bit(d.scope);
                false
            }
            None => true,
        });
        alternatives.retain(|a| match doubt(a.scope) {
            Some(why) => {
                unverified.push(Unverified { scope: a.scope, finding: Finding::Alternative, message: why });
                false
            }
            None => true,
        });
        unverified.sort_by_key(|u| (u.scope, u.finding));

        // The granted set with the findings applied (doubted scopes stay as they are).
        let mut rec = keep | doubted | fix;
        for s in scopes(rec) {
            if s.implies().iter().any(|t| rec & bit(*t) != 0) {
                rec &= !s.implies().iter().fold(0, |m, t| m | bit(*t));
            }
        }

        for c in &mut calls {
            c.authorized_by = c.authorizer_in(held);
        }

        // Account-type conflicts: implicit scopes count too (only an app install grants the user's
        // identity).
        let fit: Vec<AccountTypeFit> = fits(held | implicit, &calls);
        let account_types: Vec<AccountType> = fit.iter().filter(|f| f.fits).map(|f| f.account_type).collect();
        let mut conflicts = match account_type {
            Some(t) => conflicts_for(t, held | implicit, &calls),
            None if account_types.is_empty() && !(held == 0 && calls.is_empty()) => vec![Conflict {
                kind: ConflictKind::NoCommonAccountType,
                account_type: None,
                scope: None,
                api: None,
                calls: Vec::new(),
                message: no_fit_reason(&fit),
            }],
            None => Vec::new(),
        };
        for c in calls.iter().filter(|c| c.legacy) {
            conflicts.push(Conflict {
                kind: ConflictKind::LegacyUrl,
                account_type: None,
                scope: None,
                api: Some(c.api),
                calls: vec![c.to_ref()],
                message: format!(
                    "{} {} is called at a legacy store-domain URL (HTTP basic auth): OAuth access tokens are accepted only at {}",
                    c.method,
                    c.route,
                    c.oauth_urls.first().map_or("https://api.bigcommerce.com/stores/{store_hash}/v2/...", String::as_str)
                ),
            });
        }

        let undetermined: Vec<CallRef> =
            calls.iter().filter(|c| c.requirement == Need::PerQuery).map(PlannedCall::to_ref).collect();
        let mut notes = Vec::new();
        if !undetermined.is_empty() {
            let (verb, pronoun, their) =
                if undetermined.len() == 1 { ("needs", "it is", "its") } else { ("need", "they are", "their") };
            notes.push(format!(
                "{} {verb} scopes that depend on each GraphQL query: {pronoun} neither checked nor counted; check {their} queries.",
                count(undetermined.len(), "operation")
            ));
        }
        let changes = !missing.is_empty() || !excess.is_empty() || !downgrades.is_empty();
        if changes && account_type.is_some_and(|t| !t.info().scopes_changeable) {
            notes.push(
                "The scopes of a store-level API account cannot be changed: create a new account with the recommended scopes, then delete this one."
                    .to_owned(),
            );
        }

        Audit {
            granted: cover::to_set(held),
            implicit: cover::to_set(implicit),
            unknown_granted: Vec::new(),
            account_type,
            account_types,
            missing,
            excess,
            downgrades,
            alternatives,
            conflicts,
            unverified,
            undetermined,
            conditional,
            recommended: cover::to_set(rec),
            calls,
            unresolved,
            skipped,
            notes,
        }
    }

    /// Whether the audit finds what `on` names.
    ///
    /// ```
    /// use bigcommerce_scopes::plan::{Audit, CallList, FailOn};
    /// use bigcommerce_scopes::ScopeSet;
    /// let calls = CallList::parse_args(&["GET /v2/orders"]);
    /// let granted = ScopeSet::parse_list("store_v2_orders").unwrap().scopes;
    /// let audit = Audit::new(&calls, &granted, None);
    /// assert!(!audit.fails(FailOn::MissingOrExcess));
    /// assert!(audit.fails(FailOn::Any), "a downgrade is a finding");
    /// ```
    pub fn fails(&self, on: FailOn) -> bool {
        let missing = !self.missing.is_empty();
        let excess = !self.excess.is_empty();
        match on {
            FailOn::Missing => missing,
            FailOn::Excess => excess,
            FailOn::MissingOrExcess => missing || excess,
            FailOn::Any => {
                missing
                    || excess
                    || !self.downgrades.is_empty()
                    || !self.alternatives.is_empty()
                    || !self.conflicts.is_empty()
            }
        }
    }

    /// No finding, nothing unresolved and no unknown granted name.
    ///
    /// ```
    /// use bigcommerce_scopes::plan::{Audit, CallList};
    /// use bigcommerce_scopes::ScopeSet;
    /// let calls = CallList::parse_args(&["GET /v2/orders"]);
    /// let granted = ScopeSet::parse_list("store_v2_orders_read_only").unwrap().scopes;
    /// assert!(Audit::new(&calls, &granted, None).is_clean());
    /// ```
    pub fn is_clean(&self) -> bool {
        !self.fails(FailOn::Any) && self.unresolved.is_empty() && self.unknown_granted.is_empty()
    }

    /// The audit, with the granted names that are no known scope (from
    /// [`ParsedScopeList::unknown`]): they authorize nothing, so nothing else changes, but the audit
    /// is no longer clean: it cannot say whether the account needs them.
    ///
    /// ```
    /// use bigcommerce_scopes::plan::{parse_granted, Audit, CallList};
    /// let token = r#"{"scope": "store_v2_default store_v2_orders_read_only store_v2_brand_new users_basic_information"}"#;
    /// let granted = parse_granted(token).unwrap();
    /// let calls = CallList::parse_args(&["GET /v2/orders"]);
    /// let audit = Audit::new(&calls, &granted.scopes, None).with_unknown_granted(granted.unknown);
    /// assert_eq!(audit.unknown_granted[0].name, "store_v2_brand_new");
    /// assert!(audit.excess.is_empty() && audit.missing.is_empty() && !audit.is_clean());
    /// ```
    pub fn with_unknown_granted(mut self, unknown: Vec<UnknownScope>) -> Audit {
        self.unknown_granted = unknown;
        self
    }
}

/// Read granted scopes from a file: an OAuth token response (`{"access_token": "…", "scope":
/// "store_v2_orders store_cart …"}`, or an object with a `scopes` array), or a plain scope list
/// (names separated by white space or commas). Nothing of the file but the scope names is ever
/// repeated in an error.
///
/// A JSON file is what BigCommerce sent: its names are read with
/// [`ScopeSet::parse_list_lenient`], so a name this knowledge base does not know yet is kept in
/// [`ParsedScopeList::unknown`] (granting nothing) rather than stopping the audit. A plain list is
/// what a person wrote: an unknown name there is an error, with the nearest known scopes.
///
/// ```
/// use bigcommerce_scopes::plan::parse_granted;
/// use bigcommerce_scopes::Scope;
/// let token = r#"{"access_token": "xyz", "scope": "store_v2_orders store_cart", "context": "stores/abc"}"#;
/// let granted = parse_granted(token).unwrap();
/// assert!(granted.scopes.contains(Scope::StoreCart) && granted.scopes.len() == 2);
/// assert_eq!(parse_granted("store_v2_orders,\nstore_cart").unwrap().scopes, granted.scopes);
/// assert!(!parse_granted(r#"{"access_token": "xyz"}"#).unwrap_err().to_string().contains("xyz"));
/// assert!(parse_granted("store_crat").is_err());
/// assert_eq!(parse_granted(r#"{"scope": "store_crat"}"#).unwrap().unknown[0].name, "store_crat");
/// ```
pub fn parse_granted(text: &str) -> Result<ParsedScopeList, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).trim();
    if !text.starts_with(['{', '[', '"']) {
        return ScopeSet::parse_list(text);
    }
    let invalid = |m: String| Error::new(ErrorKind::InvalidInput, m);
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        invalid(format!("not a token response: invalid JSON at line {}, column {}", e.line(), e.column()))
    })?;
    let list = match &value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => strings(items)?,
        serde_json::Value::Object(map) => match (map.get("scope"), map.get("scopes")) {
            (Some(serde_json::Value::String(s)), _) => s.clone(),
            (_, Some(serde_json::Value::Array(items))) => strings(items)?,
            (_, Some(serde_json::Value::String(s))) => s.clone(),
            _ => {
                let fields: Vec<String> = map.keys().take(12).map(|k| format!("`{}`", k.escape_debug())).collect();
                return Err(invalid(format!(
                    "the token response has no `scope` string (its fields: {})",
                    if fields.is_empty() { "none".to_owned() } else { fields.join(", ") }
                )));
            }
        },
        _ => return Err(invalid("not a token response: expected a JSON object with a `scope` string".to_owned())),
    };
    Ok(ScopeSet::parse_list_lenient(&list))
}

fn strings(items: &[serde_json::Value]) -> Result<String, Error> {
    items
        .iter()
        .map(|v| {
            v.as_str().map(str::to_owned).ok_or_else(|| {
                Error::new(ErrorKind::InvalidInput, "the `scopes` array holds something other than strings")
            })
        })
        .collect::<Result<Vec<_>, _>>()
        .map(|v| v.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn audit(calls: &[&str], granted: &str) -> Audit {
        Audit::new(&CallList::parse_args(calls), &ScopeSet::parse_list(granted).unwrap().scopes, None)
    }

    fn names(v: impl IntoIterator<Item = Scope>) -> Vec<&'static str> {
        v.into_iter().map(Scope::name).collect()
    }

    #[test]
    fn modify_with_its_twin_held_is_excess() {
        let a = audit(&["GET /v2/orders"], "store_v2_orders store_v2_orders_read_only");
        assert_eq!(names(a.excess.iter().map(|e| e.scope)), ["store_v2_orders"]);
        assert_eq!(a.excess[0].reason, ExcessReason::Redundant);
        assert!(a.downgrades.is_empty());
    }

    #[test]
    fn downgrade_rather_than_drop_the_narrower_alternative() {
        // Reading orders and refunding: keep transactions, read orders.
        let a = audit(
            &["GET /v2/orders", "POST /v3/orders/1/payment_actions/refunds"],
            "store_v2_orders store_v2_transactions",
        );
        assert!(a.excess.is_empty(), "{:?}", a.excess);
        assert_eq!(names(a.downgrades.iter().map(|d| d.scope)), ["store_v2_orders"]);
        assert_eq!(names(a.recommended.iter()), ["store_v2_orders_read_only", "store_v2_transactions"]);
    }

    #[test]
    fn redundant_alternative_is_excess() {
        let a = audit(
            &["PUT /v2/orders/1", "POST /v3/orders/1/payment_actions/refunds"],
            "store_v2_orders store_v2_transactions",
        );
        assert_eq!(names(a.excess.iter().map(|e| e.scope)), ["store_v2_transactions"]);
        assert_eq!(names(a.excess[0].covered_by.iter().copied()), ["store_v2_orders"]);
    }

    #[test]
    fn broader_alternative_is_reported() {
        let a = audit(&["POST /v3/orders/1/payment_actions/refunds"], "store_v2_orders");
        assert!(a.excess.is_empty() && a.missing.is_empty());
        assert_eq!(a.alternatives[0].instead, [Scope::StoreV2Transactions]);
    }

    #[test]
    fn missing_upgrade_names_what_it_replaces() {
        let a = audit(&["PUT /v2/orders/1"], "store_v2_orders_read_only");
        assert_eq!(
            (a.missing[0].scope, a.missing[0].replaces),
            (Scope::StoreV2Orders, Some(Scope::StoreV2OrdersReadOnly))
        );
        assert_eq!(names(a.recommended.iter()), ["store_v2_orders"]);
        assert!(a.excess.is_empty(), "the read-only scope is used until the upgrade: {:?}", a.excess);
    }

    #[test]
    fn default_is_never_excess_and_webhooks_are_never_missing() {
        let a = audit(&["POST /v3/hooks"], "default");
        assert!(a.is_clean(), "{a:?}");
    }

    #[test]
    fn graphql_admin_makes_findings_unverified() {
        let a = audit(
            &["POST /stores/abc/graphql", "GET /v2/orders"],
            "store_v2_orders store_v2_products account_users_read",
        );
        assert_eq!(names(a.excess.iter().map(|e| e.scope)), ["account_users_read"]);
        let doubted: Vec<(&str, Finding)> = a.unverified.iter().map(|u| (u.scope.name(), u.finding)).collect();
        assert_eq!(doubted, [("store_v2_orders", Finding::Downgrade), ("store_v2_products", Finding::Excess)]);
        assert_eq!(a.undetermined.len(), 1);
        assert_eq!(a.conflicts[0].kind, ConflictKind::NoCommonAccountType);
    }

    #[test]
    fn conditional_scopes_are_not_called_excess() {
        let a = audit(&["POST /v3/content/scripts"], "store_v2_content store_content_checkout store_cart");
        assert_eq!(names(a.excess.iter().map(|e| e.scope)), ["store_cart"]);
        assert_eq!(a.unverified[0].scope, Scope::StoreContentCheckout);
        assert!(a.unverified[0].message.contains("when the script has visibility"), "{}", a.unverified[0].message);
    }

    #[test]
    fn token_files() {
        assert!(parse_granted("{").unwrap_err().to_string().contains("invalid JSON"));
        assert!(parse_granted("[1]").is_err());
        assert_eq!(parse_granted(r#"{"scopes": ["store_cart"]}"#).unwrap().scopes.len(), 1);
        assert_eq!(parse_granted(r#""store_cart store_checkout""#).unwrap().scopes.len(), 2);
        assert!(parse_granted("5").is_err());
        // A token response's unknown names are kept, granting nothing; a typed list refuses them.
        let p = parse_granted(r#"{"access_token": "secret", "scope": "store_crat store_cart"}"#).unwrap();
        assert_eq!(p.scopes.iter().collect::<Vec<_>>(), [Scope::StoreCart]);
        assert_eq!(p.unknown[0].describe(), "`store_crat` (did you mean `store_cart`?)");
        let e = parse_granted("store_crat store_cart").unwrap_err();
        assert!(e.to_string().contains("store_cart") && e.to_string().contains("store_crat"));
    }

    #[test]
    fn implicit_scopes_are_never_excess_and_count_for_the_account_type() {
        let a = audit(&["GET /v2/orders"], "store_v2_default users_basic_information store_v2_orders_read_only");
        assert!(a.is_clean(), "{a:?}");
        assert_eq!(names(a.granted.iter()), ["store_v2_orders_read_only"]);
        assert_eq!(names(a.implicit.iter()), ["default", "users_basic_information"]);
        assert_eq!(a.account_types, [AccountType::App], "only an app install grants the user's identity");
        let store = Audit::new(
            &CallList::parse_args(&["GET /v2/orders"]),
            &ScopeSet::parse_list("users_basic_information store_v2_orders_read_only").unwrap().scopes,
            Some(AccountType::Store),
        );
        assert_eq!(store.conflicts[0].scope, Some(Scope::UsersBasicInformation));
        assert!(store.excess.is_empty() && store.missing.is_empty());
    }
}
