//! Properties of planning and auditing over random sets of documented operations: the plan
//! authorizes every call (soundness), no scope can be dropped from it (minimality), it does not
//! depend on the order or repetition of the calls, and an audit of a plan against its own calls
//! finds nothing. Also: audit findings never break a call, and the parsers never panic.

use bigcommerce_scopes::plan::{Audit, CallList, Location, Need, Plan};
use bigcommerce_scopes::{resolve, Method, Route, Scope, ScopeSet};
use proptest::prelude::*;
use std::sync::LazyLock;
use strum::VariantArray;

/// Values tried for a path parameter, until the filled template resolves back to its route.
const VALUES: [&str; 4] = ["12", "6c2a1f0e-3b7d-4e6a-9c1b-2f8d7a4e5b10", "abc-123", "eyJhbGciOiJIUzI1NiJ9"];

/// A concrete request for `template`, with every `{param}` filled with `value`.
fn fill(template: &str, value: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        out.push_str(&rest[..open]);
        let param = &rest[open + 1..open + close];
        out.push_str(match param {
            "store_hash" => "x7k2m9q4",
            "store_domain" => "shop.example.com",
            "app_domain" => "app.example.com",
            _ => value,
        });
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Every documented operation as a concrete call that resolves back to it, plus the GraphQL
/// endpoints (which have no route).
static CALLS: LazyLock<Vec<(Method, String)>> = LazyLock::new(|| {
    let mut calls = Vec::new();
    for route in Route::all() {
        for op in route.operations() {
            let found = VALUES
                .iter()
                .map(|v| fill(route.template, v))
                .find(|t| resolve(op.method, t).is_ok_and(|r| std::ptr::eq(r.route, route)));
            if let Some(target) = found {
                calls.push((op.method, target));
            }
        }
    }
    calls.push((Method::Post, "https://shop.example.com/graphql".to_owned()));
    calls.push((Method::Post, "https://api.bigcommerce.com/stores/x7k2m9q4/graphql".to_owned()));
    calls.push((Method::Post, "https://api.bigcommerce.com/accounts/3f9c1a7e-5b2d/graphql".to_owned()));
    calls.push((Method::Head, fill("/stores/{store_hash}/v3/catalog/products", "")));
    calls
});

#[test]
fn the_generator_covers_every_operation_a_client_sends() {
    // Provider routes are requests BigCommerce sends to an app's own domain: nothing resolves them.
    let sent: usize = Route::all()
        .iter()
        .filter(|r| r.host != bigcommerce_scopes::Host::AppDomain)
        .map(|r| r.operations().len())
        .sum();
    let generated = CALLS.len() - 4; // less the three GraphQL endpoints and the HEAD request
    assert_eq!(generated, sent);
}

/// Random calls (repeats allowed), each with its own location.
fn calls() -> impl Strategy<Value = CallList> {
    prop::collection::vec(0..CALLS.len(), 0..40).prop_map(|picks| {
        let mut list = CallList::new();
        for (i, p) in picks.into_iter().enumerate() {
            let (m, t) = &CALLS[p];
            list.push(Location::Argument(i + 1), *m, t.clone());
        }
        list
    })
}

/// A random set of scopes.
fn scope_set() -> impl Strategy<Value = ScopeSet> {
    prop::collection::vec(prop::sample::select(Scope::VARIANTS), 0..12).prop_map(|v| v.into_iter().collect())
}

fn authorized(set: &ScopeSet, plan: &Plan) -> bool {
    plan.calls.iter().filter(|c| c.requirement != Need::PerQuery).all(|c| c.authorized_by_set(set))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_plan_authorizes_every_call(list in calls()) {
        let plan = Plan::new(&list, None);
        prop_assert!(plan.unresolved.is_empty(), "{:?}", plan.unresolved);
        prop_assert!(plan.is_sound());
        prop_assert!(authorized(&plan.scopes, &plan));
        for c in &plan.calls {
            if c.requirement == Need::Scope {
                let by = c.authorized_by.expect("a scope call names the scope that authorizes it");
                prop_assert!(plan.scopes.contains(by));
            }
        }
        prop_assert!(!plan.scopes.contains(Scope::Default));
    }

    #[test]
    fn no_scope_can_be_removed_from_the_plan(list in calls()) {
        let plan = Plan::new(&list, None);
        for s in plan.scopes.iter() {
            let mut fewer = plan.scopes;
            fewer.remove(s);
            prop_assert!(!authorized(&fewer, &plan), "{} can be removed from {:?}", s.name(), plan.scopes);
        }
        // A modify scope never sits beside its read-only twin.
        for s in plan.scopes.iter() {
            for t in s.implies() {
                prop_assert!(!plan.scopes.contains(*t));
            }
        }
    }

    #[test]
    fn planning_is_order_independent(list in calls(), seed in any::<u64>()) {
        let mut shuffled = list.clone();
        // A Fisher-Yates shuffle driven by the seed.
        let mut x = seed | 1;
        for i in (1..shuffled.calls.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            shuffled.calls.swap(i, (x % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(Plan::new(&shuffled, None), Plan::new(&list, None));
    }

    #[test]
    fn planning_is_idempotent(list in calls()) {
        let mut twice = list.clone();
        twice.extend(list.clone());
        prop_assert_eq!(Plan::new(&twice, None), Plan::new(&list, None));
    }

    #[test]
    fn an_audit_of_the_plan_is_clean(list in calls()) {
        let plan = Plan::new(&list, None);
        let audit = Audit::new(&list, &plan.scopes, None);
        prop_assert!(audit.missing.is_empty(), "{:?}", audit.missing);
        prop_assert!(audit.excess.is_empty(), "{:?}", audit.excess);
        prop_assert!(audit.downgrades.is_empty(), "{:?}", audit.downgrades);
        prop_assert!(audit.alternatives.is_empty(), "{:?}", audit.alternatives);
        prop_assert!(audit.unverified.is_empty(), "{:?}", audit.unverified);
        prop_assert_eq!(audit.recommended, plan.scopes);
        prop_assert_eq!(audit.conflicts.is_empty(), !plan.account_types.is_empty());
        if !plan.account_types.is_empty() {
            prop_assert!(audit.is_clean());
        }
    }

    #[test]
    fn audit_findings_never_break_a_call(list in calls(), granted in scope_set()) {
        let audit = Audit::new(&list, &granted, None);
        let plan = Plan::new(&list, None);
        // Missing: exactly the calls the granted scopes do not authorize.
        let missing: usize = audit.missing.iter().map(|m| m.calls.len()).sum();
        let unauthorized = plan.calls.iter().filter(|c| c.requirement == Need::Scope && !c.authorized_by_set(&granted)).count();
        prop_assert_eq!(missing, unauthorized);
        // Dropping every excess scope and making every downgrade keeps every authorized call.
        let mut after = granted;
        for e in &audit.excess {
            after.remove(e.scope);
        }
        for d in &audit.downgrades {
            after.remove(d.scope);
            after.insert(d.to);
        }
        for c in plan.calls.iter().filter(|c| c.requirement == Need::Scope && c.authorized_by_set(&granted)) {
            prop_assert!(c.authorized_by_set(&after), "{} {} broken by the findings", c.method, c.route);
        }
        // The recommended set authorizes every call.
        prop_assert!(authorized(&audit.recommended, &plan));
        prop_assert!(!audit.excess.iter().any(|e| e.scope == Scope::Default));
    }

    #[test]
    fn parsers_never_panic(text in ".{0,300}", args in prop::collection::vec(".{0,40}", 0..6)) {
        let mut list = CallList::parse_calls(&text);
        list.extend(CallList::parse_args(&args));
        let _ = Plan::new(&list, None);
        let _ = bigcommerce_scopes::plan::parse_granted(&text);
        let _ = CallList::from_har(&text);
    }

    #[test]
    fn har_entries_never_panic(entries in prop::collection::vec((".{0,12}", ".{0,80}"), 0..12)) {
        let entries: Vec<serde_json::Value> = entries
            .into_iter()
            .map(|(m, u)| serde_json::json!({"request": {"method": m, "url": u}}))
            .collect();
        let har = serde_json::json!({"log": {"entries": entries}}).to_string();
        let list = CallList::from_har(&har).expect("a well-formed HAR file");
        let _ = Plan::new(&list, None);
        let _ = Audit::new(&list, &ScopeSet::new(), None);
    }

    #[test]
    fn bigcommerce_urls_in_har_are_kept(picks in prop::collection::vec(0..CALLS.len(), 0..20)) {
        // Every documented call, written as a full URL, is taken from a HAR file or reported.
        let entries: Vec<serde_json::Value> = picks
            .iter()
            .map(|&p| {
                let (m, t) = &CALLS[p];
                let url = if t.starts_with('/') { format!("https://api.bigcommerce.com{t}") } else { t.clone() };
                serde_json::json!({"request": {"method": m.as_str(), "url": url}})
            })
            .collect();
        let har = serde_json::json!({"log": {"entries": entries}}).to_string();
        let list = CallList::from_har(&har).unwrap();
        // A `/graphql` request on a host that serves no other storefront route may be another
        // GraphQL service: that is the one kind of skip allowed.
        let foreign: usize = list
            .skipped
            .iter()
            .filter(|s| s.reason == bigcommerce_scopes::plan::SkipReason::ForeignGraphql)
            .map(|s| s.count)
            .sum();
        prop_assert_eq!(list.calls.len() + list.errors.len() + foreign, picks.len(), "skipped: {:?}", list.skipped);
    }
}
