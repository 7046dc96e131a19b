//! Planning and auditing on realistic integrations: a catalog sync app, an order-export script, a
//! headless storefront that mints GraphQL tokens, a payments integration and an account-level user
//! manager (calls files under tests/fixtures/plan/), and a recorded storefront session
//! (tests/fixtures/storefront-session.har). Snapshots show a compact summary of each result; the
//! `cli` module snapshots the commands' full reports and checks their exit status.

use bigcommerce_scopes::plan::{Audit, CallList, ConflictKind, ExcessReason, Location, Need, Plan, SkipReason};
use bigcommerce_scopes::{AccountType, Api, AuthScheme, ErrorKind, Scope, ScopeSet};
use std::fmt::Write as _;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn calls(name: &str) -> CallList {
    CallList::parse_calls(&fixture(&format!("plan/{name}.calls")))
}

fn granted(list: &str) -> ScopeSet {
    ScopeSet::parse_list(list).unwrap().scopes
}

fn names(set: impl IntoIterator<Item = Scope>) -> Vec<&'static str> {
    set.into_iter().map(Scope::name).collect()
}

fn opt(s: Option<Scope>) -> &'static str {
    s.map_or("-", Scope::name)
}

/// A plan as a short text: scopes, calls, account types, auth schemes, notes.
fn plan_summary(p: &Plan) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "scopes: {}", names(p.scopes.iter()).join(" "));
    let _ = writeln!(out, "calls:");
    for c in &p.calls {
        let needs = match c.requirement {
            Need::Scope => format!("least {} / by {}", opt(c.least_privileged), opt(c.authorized_by)),
            Need::DefaultScope => "default scope".to_owned(),
            Need::None => "no scope".to_owned(),
            Need::PerQuery => "per query".to_owned(),
        };
        let locations: Vec<String> = c.locations.iter().map(ToString::to_string).collect();
        let _ = writeln!(out, "  {} {}: {needs} [{}]", c.method, c.route, locations.join(", "));
    }
    let types: Vec<&str> = p.account_types.iter().map(|t| t.as_str()).collect();
    let types = if types.is_empty() { "none".to_owned() } else { types.join(", ") };
    let _ = writeln!(out, "account types: {types}");
    if let Some(why) = &p.account_types_reason {
        let _ = writeln!(out, "  why: {why}");
    }
    for c in &p.conflicts {
        let _ = writeln!(out, "conflict: {}", c.message);
    }
    for a in &p.auth_schemes {
        let token = a.token_scope.map(|s| format!(", token: {}", s.name())).unwrap_or_default();
        let _ = writeln!(out, "auth: {} x{}{token}", a.auth_scheme, a.calls);
    }
    for n in &p.notes {
        let _ = writeln!(out, "note: {n}");
    }
    for u in &p.unresolved {
        let _ = writeln!(out, "unresolved: {}: {}", u.location, u.message);
    }
    for s in &p.skipped {
        let _ = writeln!(out, "skipped: {} x{} ({:?})", s.host, s.count, s.reason);
    }
    out
}

/// An audit as a short text.
fn audit_summary(a: &Audit) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "granted: {}", names(a.granted.iter()).join(" "));
    for m in &a.missing {
        let calls: Vec<String> = m.calls.iter().map(|c| format!("{} {}", c.method, c.route)).collect();
        let _ = writeln!(out, "missing: {} (replaces {}) for {}", m.scope.name(), opt(m.replaces), calls.join("; "));
    }
    for e in &a.excess {
        let _ = writeln!(out, "excess: {} {:?} {:?}", e.scope.name(), e.reason, names(e.covered_by.iter().copied()));
    }
    for d in &a.downgrades {
        let _ = writeln!(out, "downgrade: {} -> {} ({} calls)", d.scope.name(), d.to.name(), d.calls.len());
    }
    for alt in &a.alternatives {
        let _ = writeln!(out, "alternative: {} instead of {:?}", alt.scope.name(), names(alt.instead.iter().copied()));
    }
    for c in &a.conflicts {
        let _ = writeln!(out, "conflict ({:?}): {}", c.kind, c.message);
    }
    for u in &a.unverified {
        let _ = writeln!(out, "unverified: {} {:?}: {}", u.scope.name(), u.finding, u.message);
    }
    for c in &a.undetermined {
        let _ = writeln!(out, "undetermined: {} {}", c.method, c.route);
    }
    let _ = writeln!(out, "recommended: {}", names(a.recommended.iter()).join(" "));
    for n in &a.notes {
        let _ = writeln!(out, "note: {n}");
    }
    out
}

// ---- a catalog sync app ---------------------------------------------------------------------

#[test]
fn catalog_sync_plan() {
    let p = Plan::new(&calls("catalog-sync"), Some(AccountType::App));
    assert!(p.unresolved.is_empty(), "{:?}", p.unresolved);
    assert_eq!(names(p.scopes.iter()), ["store_channel_settings_read_only", "store_v2_products", "store_inventory"]);
    assert!(p.conflicts.is_empty());
    assert!(p.notes.iter().any(|n| n.contains("Metafields Access")), "metafield endpoints are flagged");
    insta::assert_snapshot!("catalog_sync_plan", plan_summary(&p));
}

#[test]
fn catalog_sync_audit_from_a_token_response() {
    let token = bigcommerce_scopes::plan::parse_granted(&fixture("plan/catalog-sync-token.json")).unwrap();
    let a = Audit::new(&calls("catalog-sync"), &token.scopes, Some(AccountType::App));
    let excess: Vec<(&str, ExcessReason)> = a.excess.iter().map(|e| (e.scope.name(), e.reason)).collect();
    assert_eq!(
        excess,
        [
            ("store_channel_listings", ExcessReason::Unused),
            ("store_v2_content", ExcessReason::Unused),
            ("store_v2_orders_read_only", ExcessReason::Unused)
        ]
    );
    assert_eq!(names(a.downgrades.iter().map(|d| d.scope)), ["store_channel_settings"]);
    assert!(a.missing.is_empty());
    insta::assert_snapshot!("catalog_sync_audit", audit_summary(&a));
}

// ---- an order-export script -----------------------------------------------------------------

#[test]
fn order_export_plan() {
    let p = Plan::new(&calls("order-export"), None);
    assert_eq!(
        names(p.scopes.iter()),
        ["store_v2_customers_read_only", "store_v2_orders_read_only", "store_v2_transactions_read_only"]
    );
    let legacy = p.calls.iter().find(|c| c.legacy).expect("the legacy URL resolves");
    assert_eq!(legacy.auth_scheme, AuthScheme::LegacyBasicAuth);
    assert_eq!(legacy.oauth_urls, ["https://api.bigcommerce.com/stores/x7k2m9q4/v2/orders/count.json"]);
    insta::assert_snapshot!("order_export_plan", plan_summary(&p));
}

#[test]
fn order_export_audit() {
    let g = granted(
        "store_v2_orders store_v2_transactions_read_only store_v2_customers_read_only store_v2_products_read_only",
    );
    let a = Audit::new(&calls("order-export"), &g, Some(AccountType::Store));
    assert_eq!(names(a.downgrades.iter().map(|d| d.scope)), ["store_v2_orders"]);
    assert_eq!(names(a.excess.iter().map(|e| e.scope)), ["store_v2_products_read_only"]);
    assert_eq!(a.conflicts.iter().map(|c| c.kind).collect::<Vec<_>>(), [ConflictKind::LegacyUrl]);
    assert!(a.notes.iter().any(|n| n.contains("cannot be changed")), "store-level scopes are fixed: {:?}", a.notes);
    insta::assert_snapshot!("order_export_audit", audit_summary(&a));
}

// ---- a headless storefront that mints GraphQL tokens ------------------------------------------

#[test]
fn headless_storefront_plan() {
    let p = Plan::new(&calls("headless-storefront"), Some(AccountType::Store));
    let graphql = p.calls.iter().find(|c| c.api == Api::GraphqlStorefront).unwrap();
    assert_eq!(graphql.authorized_by, Some(Scope::StoreStorefrontApi));
    assert!(graphql.notes.iter().any(|n| n.contains("POST /stores/{store_hash}/v3/storefront/api-token")));
    // GraphQL Storefront is store-level only, Customer Login app-level only.
    assert!(p.account_types.is_empty());
    assert_eq!(p.conflicts.len(), 1);
    assert_eq!((p.conflicts[0].kind, p.conflicts[0].api), (ConflictKind::ApiNotSupported, Some(Api::CustomerLogin)));
    // The login JWT is not repeated.
    let login = p.calls.iter().find(|c| c.api == Api::CustomerLogin).unwrap();
    assert_eq!(login.targets, ["https://shop.trailhead-outfitters.example/login/token/{jwt}"]);
    insta::assert_snapshot!("headless_storefront_plan", plan_summary(&p));
}

#[test]
fn headless_storefront_audit() {
    let g = granted(
        "store_storefront_api_customer_impersonation store_sites_read_only store_cart store_channel_settings_read_only",
    );
    let a = Audit::new(&calls("headless-storefront"), &g, Some(AccountType::Store));
    assert_eq!(names(a.missing.iter().map(|m| m.scope)), ["store_storefront_api", "store_v2_customers_login"]);
    assert!(a.conflicts.iter().any(|c| c.api == Some(Api::CustomerLogin)));
    insta::assert_snapshot!("headless_storefront_audit", audit_summary(&a));
}

// ---- a payments integration -----------------------------------------------------------------

#[test]
fn payments_plan() {
    let p = Plan::new(&calls("payments"), None);
    assert!(p.scopes.contains(Scope::StorePaymentsAccessTokenCreate));
    let pat = p.auth_schemes.iter().find(|a| a.auth_scheme == AuthScheme::PaymentAccessToken).unwrap();
    assert_eq!(pat.token_scope, Some(Scope::StorePaymentsAccessTokenCreate));
    assert!(pat.explanation.contains("PAT {token}"));
    assert_eq!(p.account_types, [AccountType::Store, AccountType::App]);
    insta::assert_snapshot!("payments_plan", plan_summary(&p));
}

#[test]
fn payments_audit_without_the_token_scope() {
    let g = granted(
        "store_checkout store_payments_methods_read store_stored_payment_instruments store_v2_orders_read_only",
    );
    let a = Audit::new(&calls("payments"), &g, None);
    assert_eq!(names(a.missing.iter().map(|m| m.scope)), ["store_payments_access_token_create"]);
    assert_eq!(a.missing[0].calls.len(), 2, "creating the PAT and processing the payment");
    assert_eq!(names(a.downgrades.iter().map(|d| d.scope)), ["store_stored_payment_instruments"]);
    insta::assert_snapshot!("payments_audit", audit_summary(&a));
}

// ---- an account-level user manager ----------------------------------------------------------

#[test]
fn user_manager_plan() {
    let p = Plan::new(&calls("user-manager"), None);
    let graphql = p.calls.iter().find(|c| c.api == Api::GraphqlAccount).unwrap();
    assert_eq!(graphql.requirement, Need::PerQuery, "never silently empty");
    assert!(graphql.notes[0].starts_with("requires scopes per query; not determinable from the URL"));
    assert_eq!(names(p.scopes.iter()), ["store_v2_information_read_only"]);
    assert!(p.account_types.is_empty(), "the Account API is account-level only; store info is not");
    insta::assert_snapshot!("user_manager_plan", plan_summary(&p));
}

#[test]
fn user_manager_audit() {
    let g = granted("account_users_read account_users_write account_users_delete store_v2_information_read_only");
    let a = Audit::new(&calls("user-manager"), &g, Some(AccountType::Account));
    assert!(a.excess.is_empty(), "account scopes may be used by the GraphQL queries: {:?}", a.excess);
    assert_eq!(a.unverified.len(), 3);
    let kinds: Vec<ConflictKind> = a.conflicts.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ConflictKind::ScopeNotHoldable, ConflictKind::ApiNotSupported]);
    assert_eq!(a.undetermined.len(), 1);
    insta::assert_snapshot!("user_manager_audit", audit_summary(&a));
}

#[test]
fn app_only_scope_on_a_store_account() {
    let g = granted("store_app_extensions_manage store_v2_products_read_only");
    let a = Audit::new(&CallList::parse_args(&["GET /v3/catalog/products"]), &g, Some(AccountType::Store));
    assert_eq!(a.conflicts[0].scope, Some(Scope::StoreAppExtensionsManage));
    assert!(a.conflicts[0].message.contains("only app-level API accounts can"), "{}", a.conflicts[0].message);
}

// ---- a real app token response: the token spellings BigCommerce adds ----------------------------

/// The calls of an app whose token response (tests/fixtures/plan/app-install-token.json) carries
/// `store_v2_default` and `users_basic_information` next to the one scope it chose.
const APP_INSTALL_CALLS: [&str; 3] = ["GET /v2/store", "PUT /v3/settings/catalog", "POST /v3/hooks"];

#[test]
fn app_token_response_audits_cleanly() {
    let token = bigcommerce_scopes::plan::parse_granted(&fixture("plan/app-install-token.json")).unwrap();
    assert!(token.warnings.is_empty() && token.unknown.is_empty(), "{token:?}");
    assert_eq!(names(token.scopes.iter()), ["default", "store_v2_information", "users_basic_information"]);
    for account_type in [None, Some(AccountType::App)] {
        let a = Audit::new(&CallList::parse_args(&APP_INSTALL_CALLS), &token.scopes, account_type);
        assert!(a.is_clean(), "{}", audit_summary(&a));
        assert_eq!(names(a.granted.iter()), ["store_v2_information"]);
        assert_eq!(names(a.implicit.iter()), ["default", "users_basic_information"]);
        assert_eq!(a.recommended, a.granted, "nothing to add or drop");
        assert_eq!(a.account_types, [AccountType::App]);
    }
    // The same names typed as a list.
    let typed = granted("store_v2_default store_v2_information users_basic_information");
    assert_eq!(typed, token.scopes);
}

#[test]
fn implicit_scopes_are_never_excess_even_without_calls_that_use_them() {
    let g = granted("store_v2_default users_basic_information store_v2_orders_read_only");
    let a = Audit::new(&CallList::parse_args(&["GET /v2/orders"]), &g, None);
    assert!(a.excess.is_empty() && a.missing.is_empty() && a.is_clean(), "{}", audit_summary(&a));
    // On a store-level account the identity grant is a conflict: only an app install gives it.
    let a = Audit::new(&CallList::parse_args(&["GET /v2/orders"]), &g, Some(AccountType::Store));
    assert_eq!(a.conflicts.len(), 1, "{:?}", a.conflicts);
    assert_eq!(a.conflicts[0].scope, Some(Scope::UsersBasicInformation));
    assert!(a.excess.is_empty());
}

#[test]
fn unknown_scopes_in_a_token_response_grant_nothing() {
    let token = bigcommerce_scopes::plan::parse_granted(&fixture("plan/app-install-token-new-scope.json")).unwrap();
    assert_eq!(token.unknown.len(), 1);
    assert_eq!(token.unknown[0].name, "store_v2_informaton_plus");
    assert_eq!(names(token.scopes.iter()), ["default", "store_v2_information", "users_basic_information"]);
    // A call that needs a scope the token does not hold stays missing: the unknown name authorizes nothing.
    let calls = CallList::parse_args(&["PUT /v3/settings/catalog", "PUT /v2/orders/1"]);
    let a = Audit::new(&calls, &token.scopes, None).with_unknown_granted(token.unknown.clone());
    assert_eq!(names(a.missing.iter().map(|m| m.scope)), ["store_v2_orders"]);
    assert_eq!(a.unknown_granted, token.unknown);
    assert!(!a.is_clean());
    let without = Audit::new(&calls, &token.scopes, None);
    assert_eq!((a.missing.clone(), a.excess.clone()), (without.missing, without.excess));
}

// ---- a recorded storefront session ----------------------------------------------------------

#[test]
fn storefront_session_har() {
    let list = CallList::from_har(&fixture("storefront-session.har")).unwrap();
    assert!(list.errors.is_empty(), "{:?}", list.errors);
    let skipped: usize = list.skipped.iter().map(|s| s.count).sum();
    assert_eq!(list.calls.len() + skipped, 47, "every entry is taken or counted");
    assert!(list.skipped.iter().any(|s| s.reason == SkipReason::Preflight));
    assert!(list.skipped.iter().any(|s| s.host == "cdn11.bigcommerce.com" && s.count == 4));
    assert!(list.skipped.iter().any(|s| s.reason == SkipReason::ForeignGraphql && s.host == "api.github.com"));
    let p = Plan::new(&list, None);
    assert!(p.unresolved.is_empty());
    // Storefront requests need nothing; the back end's needs make the scope set.
    let storefront = p.calls.iter().filter(|c| c.requirement == Need::None).count();
    assert_eq!(storefront, 15);
    assert!(p.is_sound());
    insta::assert_snapshot!("storefront_session_plan", plan_summary(&p));
}

/// A HAR file's entries around `requests`: each request gets a response like browsers record
/// (headers, timings, a body), the body given.
fn har_with_bodies(requests: &[serde_json::Value], body: &serde_json::Value) -> String {
    let entries: Vec<serde_json::Value> = requests
        .iter()
        .map(|r| {
            serde_json::json!({
                "startedDateTime": "2024-05-01T10:00:00.000Z",
                "time": 31.5,
                "request": r,
                "response": {
                    "status": 200, "statusText": "OK", "httpVersion": "HTTP/2",
                    "headers": [{"name": "content-type", "value": "application/json"}],
                    "cookies": [], "redirectURL": "", "headersSize": -1, "bodySize": -1,
                    "content": {"size": 10, "mimeType": "application/json", "text": body}
                },
                "cache": {}, "timings": {"send": 0.1, "wait": 30.0, "receive": 1.4}
            })
        })
        .collect();
    serde_json::json!({"log": {"version": "1.2", "creator": {"name": "test", "version": "1"}, "pages": [], "entries": entries}})
        .to_string()
}

#[test]
fn har_response_bodies_of_any_size_and_shape_are_skipped() {
    let requests = [
        serde_json::json!({"method": "GET", "url": "https://api.bigcommerce.com/stores/abc/v3/catalog/products", "headers": []}),
        serde_json::json!({"method": "GET", "url": "https://cdn11.bigcommerce.com/s-abc/app.js", "headers": {"odd": true}}),
        serde_json::json!({"method": "PUT", "url": "https://api.bigcommerce.com/stores/abc/v2/orders/7", "postData": {"text": 5}}),
    ];
    let mut nested = serde_json::json!({"leaf": [1, 2.5, null, true, "x"]});
    for i in 0..100 {
        nested = serde_json::json!({ format!("level{i}"): [nested, {"n": i}] });
    }
    let bodies = [
        serde_json::Value::String("x".repeat(4 << 20)),
        serde_json::Value::String("\u{feff}\"quoted\" \\ é€𝄞 \n".repeat(1000)),
        nested,
        serde_json::json!(12345),
        serde_json::json!([{"id": 1}, [], {}]),
        serde_json::Value::Null,
    ];
    for body in &bodies {
        let har = har_with_bodies(&requests, body);
        let list = CallList::from_har(&har).unwrap();
        let from_reader = CallList::from_har_reader(std::io::BufReader::new(har.as_bytes())).unwrap();
        assert_eq!(list.calls, from_reader.calls);
        let taken: Vec<(Location, &str)> = list.calls.iter().map(|c| (c.location, c.method.as_str())).collect();
        assert_eq!(taken, [(Location::HarEntry(0), "GET"), (Location::HarEntry(2), "PUT")]);
        assert!(list.errors.is_empty(), "{:?}", list.errors);
        assert_eq!(list.skipped.len(), 1);
        let p = Plan::new(&list, None);
        assert_eq!(names(p.scopes.iter()), ["store_v2_orders", "store_v2_products_read_only"]);
    }
}

#[test]
fn har_graphql_request_bodies_are_read_from_a_reader() {
    let body = serde_json::json!({"query": "query { store { translations(filters: {}) { edges { cursor } } } }"});
    let har = har_with_bodies(
        &[serde_json::json!({
            "method": "POST",
            "url": "https://api.bigcommerce.com/stores/abc/graphql",
            "headers": [{"name": "X-Auth-Token", "value": "redacted"}],
            "postData": {"mimeType": "application/json", "params": [], "text": body.to_string()}
        })],
        &serde_json::json!({"data": {"store": {"translations": {"edges": []}}}}),
    );
    let list = CallList::from_har_reader(har.as_bytes()).unwrap();
    assert_eq!(list.calls.len(), 1);
    assert_eq!(list.calls[0].graphql.as_ref().unwrap().source, "request body");
    let p = Plan::new(&list, None);
    assert_eq!(names(p.scopes.iter()), ["store_translations_read_only"]);
}

#[test]
fn malformed_har_files_are_named() {
    let err = |text: &[u8]| CallList::from_har_reader(text).unwrap_err();
    for (text, message) in [
        (&b"{\"log\": {\"entries\": ["[..], "not a HAR file: invalid JSON at line 1, column 21"),
        (b"{\"log\": {\"entries\": [], \"x\": \"\xff\"}}", "not a HAR file: not UTF-8 text (at byte 30)"),
        (b"{\"log\": {\"pages\": []}}", "not a HAR file: it has no `log.entries` array"),
        (b"[]", "not a HAR file: it has no `log.entries` array"),
        (
            b"{\"log\": {\"entries\": [{\"request\": {\"url\": \"a\", \"url\": \"b\"}}]}}",
            "not a HAR file: duplicate field `url` at line 1, column 52",
        ),
    ] {
        let e = err(text);
        assert_eq!((e.kind(), e.message()), (ErrorKind::InvalidInput, message), "{}", String::from_utf8_lossy(text));
        if let Ok(text) = std::str::from_utf8(text) {
            // The same message from text in memory (a reader may place a column one further).
            let what = |m: &str| m.split(", column").next().unwrap_or_default().to_owned();
            assert_eq!(what(CallList::from_har(text).unwrap_err().message()), what(message));
        }
    }
    /// A reader that fails.
    struct Broken;
    impl std::io::Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    assert_eq!(CallList::from_har_reader(Broken).unwrap_err().message(), "cannot read the HAR file: disk on fire");
}

#[test]
fn unresolvable_lines_are_reported_with_their_numbers() {
    let text = "GET /v3/catalog/products\n\nGET /v3/catalog/../orders/1\nLIST /v2/orders\nGET /v3/nothing/here\nGET\n";
    let p = Plan::new(&CallList::parse_calls(text), None);
    let found: Vec<(Location, ErrorKind)> = p.unresolved.iter().map(|u| (u.location, u.kind)).collect();
    assert_eq!(
        found,
        [
            (Location::Line(3), ErrorKind::InvalidTarget),
            (Location::Line(4), ErrorKind::UnknownMethod),
            (Location::Line(5), ErrorKind::UnknownEndpoint),
            (Location::Line(6), ErrorKind::InvalidInput),
        ]
    );
    assert_eq!(p.calls.len(), 1);
    assert!(!p.unresolved[2].suggestions.is_empty(), "the resolver's suggestions are kept");
}

#[test]
fn calls_are_named_by_their_place_in_the_input() {
    // Arguments count as typed: a method and a target given apart take two places.
    let args = ["GET /v3/x", "BAD", "GET", "/v2/orders", "GET /v3/x", "post", "/v3/nope", "GET /v2/orders"];
    let p = Plan::new(&CallList::parse_args(&args), None);
    let bad: Vec<(Location, &str)> = p.unresolved.iter().map(|u| (u.location, u.input.as_str())).collect();
    assert_eq!(
        bad,
        [
            (Location::Argument(1), "GET /v3/x"),
            (Location::Argument(2), "BAD"),
            (Location::Argument(5), "GET /v3/x"),
            (Location::Argument(6), "POST /v3/nope"),
        ]
    );
    assert_eq!(p.calls[0].locations, [Location::Argument(3), Location::Argument(8)]);
    // Lines count as the file numbers them: comments, blank lines and GraphQL lines included.
    let text = "# export\n\nGET /v3/x\n  # indented comment\nGRAPHQL admn { a }\nGET /v2/orders\r\nBAD\nGET /v3/x\n";
    let p = Plan::new(&CallList::parse_calls(text), None);
    let bad: Vec<Location> = p.unresolved.iter().map(|u| u.location).collect();
    assert_eq!(bad, [Location::Line(3), Location::Line(5), Location::Line(7), Location::Line(8)]);
    assert_eq!(p.calls[0].locations, [Location::Line(6)]);
}

// ---- the command line ---------------------------------------------------------------------------

#[cfg(feature = "cli")]
mod common;

#[cfg(feature = "cli")]
mod cli {

    use super::common::{self, Run};

    fn bc_with_input(args: &[&str], stdin: &str) -> Run {
        common::run(args, None, stdin)
    }

    fn bc(args: &[&str]) -> Run {
        bc_with_input(args, "")
    }

    fn transcript(args: &[&str]) -> String {
        bc(args).transcript(&common::shown(args))
    }

    fn json(args: &[&str], code: i32) -> serde_json::Value {
        let r = bc(args);
        assert_eq!(r.code, code, "{args:?}: {}", r.stderr);
        serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {}", r.stdout))
    }

    #[test]
    fn plan_reports() {
        insta::assert_snapshot!(
            "cli_plan_order_export",
            transcript(&["plan", "--from", "tests/fixtures/plan/order-export.calls"])
        );
        insta::assert_snapshot!(
            "cli_plan_headless_store",
            transcript(&["plan", "--from", "tests/fixtures/plan/headless-storefront.calls", "--account-type", "store"])
        );
        insta::assert_snapshot!(
            "cli_plan_arguments_json",
            transcript(&[
                "plan",
                "GET /v2/orders",
                "POST",
                "/v3/orders/5/payment_actions/refunds",
                "POST /v3/hooks",
                "--json"
            ])
        );
        insta::assert_snapshot!(
            "cli_plan_unresolved",
            transcript(&["plan", "GET /v3/catalog/products", "GET /v3/catalog/../orders", "FETCH /v2/orders"])
        );
    }

    #[test]
    fn audit_reports() {
        insta::assert_snapshot!(
            "cli_audit_catalog_sync",
            transcript(&[
                "audit",
                "--granted-file",
                "tests/fixtures/plan/catalog-sync-token.json",
                "--from",
                "tests/fixtures/plan/catalog-sync.calls",
                "--account-type",
                "app"
            ])
        );
        insta::assert_snapshot!(
            "cli_audit_order_export_json",
            transcript(&[
                "audit",
                "--granted",
                "store_v2_orders,store_v2_transactions_read_only",
                "--granted",
                "store_v2_customers_read_only store_v2_products_read_only",
                "--from",
                "tests/fixtures/plan/order-export.calls",
                "--json"
            ])
        );
        insta::assert_snapshot!(
            "cli_audit_clean",
            transcript(&["audit", "--granted", "store_v2_orders_read_only", "GET /v2/orders", "POST /v3/hooks"])
        );
        let mut app_install = vec!["audit", "--granted-file", "tests/fixtures/plan/app-install-token.json"];
        app_install.extend(super::APP_INSTALL_CALLS);
        insta::assert_snapshot!("cli_audit_app_install_token", transcript(&app_install));
        let mut unknown = vec!["audit", "--granted-file", "tests/fixtures/plan/app-install-token-new-scope.json"];
        unknown.extend(super::APP_INSTALL_CALLS);
        insta::assert_snapshot!("cli_audit_unknown_granted_scope", transcript(&unknown));
    }

    #[test]
    fn app_token_responses_audit_cleanly_from_a_file_and_from_granted() {
        let token = "store_v2_default store_v2_information users_basic_information";
        let runs: [Vec<&str>; 3] = [
            vec!["audit", "--json", "--granted-file", "tests/fixtures/plan/app-install-token.json"],
            vec!["audit", "--json", "--granted", token],
            vec!["audit", "--json", "--granted", "store_v2_default,store_v2_information,users_basic_information"],
        ];
        for mut args in runs {
            args.extend(super::APP_INSTALL_CALLS);
            let r = bc(&args);
            assert_eq!(r.code, 0, "{args:?}: {}{}", r.stdout, r.stderr);
            assert_eq!(r.stderr, "", "{args:?}: no warning for BigCommerce's own spellings");
            let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
            assert_eq!(v["granted"], serde_json::json!(["store_v2_information"]));
            assert_eq!(v["implicit"], serde_json::json!(["default", "users_basic_information"]));
            assert_eq!((v["missing"].as_array().unwrap().len(), v["excess"].as_array().unwrap().len()), (0, 0));
            assert_eq!(v["downgrades"], serde_json::json!([]));
            assert_eq!(v["unknown_granted"], serde_json::json!([]));
            assert_eq!(v["warnings"], serde_json::json!([]));
            assert_eq!(v["fails"], false);
        }
    }

    #[test]
    fn unknown_names_from_a_token_response_are_reported_and_grant_nothing() {
        let mut args =
            vec!["audit", "--json", "--granted-file", "tests/fixtures/plan/app-install-token-new-scope.json"];
        args.extend(super::APP_INSTALL_CALLS);
        args.push("PUT /v2/orders/1");
        // The audit runs; the unknown name is listed with the nearest scope; the result is incomplete.
        let v = json(&args, 2);
        assert_eq!(v["unknown_granted"][0]["name"], "store_v2_informaton_plus");
        assert!(v["unknown_granted"][0]["suggestions"].as_array().is_some_and(|s| !s.is_empty()), "{v}");
        assert_eq!(v["missing"][0]["scope"], "store_v2_orders", "the unknown name authorizes nothing");
        assert!(v["warnings"][0].as_str().unwrap().contains("`store_v2_informaton_plus` (did you mean"), "{v}");
        // Typed by hand, the same name is a typo: an error with the nearest scope, and no report.
        let r = bc(&["audit", "--granted", "store_v2_default store_v2_informaton_plus", "GET /v2/store"]);
        assert_eq!(r.code, 2);
        assert!(r.stdout.is_empty(), "{}", r.stdout);
        assert!(r.stderr.contains("unknown scope `store_v2_informaton_plus` (did you mean"), "{}", r.stderr);
    }

    #[test]
    fn plan_json_has_the_documented_fields() {
        let v =
            json(&["plan", "--json", "GET /v3/catalog/products", "PUT /v3/catalog/products/1", "GET /v2/orders"], 0);
        assert_eq!(v["scopes"], serde_json::json!(["store_v2_orders_read_only", "store_v2_products"]));
        let calls = v["calls"].as_array().unwrap();
        assert_eq!(calls.len(), 3);
        for c in calls {
            assert!(c["route"].is_string() && c.get("least_privileged").is_some(), "{c}");
        }
        assert_eq!(calls[0]["route"], "/stores/{store_hash}/v2/orders");
        assert_eq!(calls[0]["least_privileged"], "store_v2_orders_read_only");
        assert_eq!(calls[0]["locations"], serde_json::json!([{"argument": 3}]));
        assert_eq!(v["account_types"], serde_json::json!(["store", "app"]));
        assert_eq!(v["unresolved"], serde_json::json!([]));
    }

    #[test]
    fn audit_json_and_exit_status() {
        let base = ["audit", "--json", "GET /v2/orders", "PUT /v3/catalog/products/1"];
        let with = |granted: &str, extra: &[&str]| -> Vec<String> {
            let mut v: Vec<String> = base.iter().map(|s| s.to_string()).collect();
            v.extend(["--granted".to_owned(), granted.to_owned()]);
            v.extend(extra.iter().map(|s| s.to_string()));
            v
        };
        let run = |args: Vec<String>, code: i32| {
            let refs: Vec<&str> = args.iter().map(String::as_str).collect();
            json(&refs, code)
        };
        // Clean.
        let v = run(with("store_v2_orders_read_only store_v2_products", &[]), 0);
        assert_eq!((v["missing"].as_array().unwrap().len(), v["excess"].as_array().unwrap().len()), (0, 0));
        assert_eq!(v["fails"], false);
        // Missing: status 1, the scope and the calls named.
        let v = run(with("store_v2_orders_read_only", &[]), 1);
        assert_eq!(v["missing"][0]["scope"], "store_v2_products");
        assert_eq!(v["missing"][0]["calls"][0]["route"], "/stores/{store_hash}/v3/catalog/products/{product_id}");
        assert_eq!(run(with("store_v2_orders_read_only", &["--fail-on", "excess"]), 0)["fails"], false);
        // Excess.
        let v = run(with("store_v2_orders_read_only store_v2_products store_cart", &[]), 1);
        assert_eq!(v["excess"][0]["scope"], "store_cart");
        assert_eq!(
            run(with("store_v2_orders_read_only store_v2_products store_cart", &["--fail-on", "missing"]), 0)["fails"],
            false
        );
        // A downgrade fails only --fail-on any.
        let v = run(with("store_v2_orders store_v2_products", &[]), 0);
        assert_eq!(v["downgrades"][0]["scope"], "store_v2_orders");
        assert_eq!(v["downgrades"][0]["to"], "store_v2_orders_read_only");
        assert_eq!(v["downgrades"][0]["calls"][0]["method"], "GET");
        assert_eq!(run(with("store_v2_orders store_v2_products", &["--fail-on", "any"]), 1)["fails"], true);
        // Unresolved calls: status 2, the report is still printed.
        let v = run(with("store_v2_orders_read_only store_v2_products", &["GET /v3/nope"]), 2);
        assert_eq!(v["unresolved"][0]["location"], serde_json::json!({"argument": 3}));
    }

    #[test]
    fn bad_input_exits_2() {
        for args in [
            &["audit", "GET /v2/orders"][..],
            &["audit", "--granted", "store_ordrs", "GET /v2/orders"],
            &["audit", "--granted", "store_cart"],
            &["audit", "--granted", "store_cart", "--from", "tests/fixtures/plan/missing.calls"],
            &["audit", "--granted-file", "tests/fixtures/storefront-session.har", "GET /v2/orders"],
            &["plan"],
            &["plan", "--from", "-"],
            &["plan", "--har", "tests/fixtures/plan/order-export.calls"],
            &["plan", "GET /v2/orders", "--account-type", "shop"],
            &["audit", "--granted", "store_cart", "--fail-on", "all", "GET /v2/orders"],
        ] {
            let r = bc(args);
            assert_eq!(r.code, 2, "{args:?}: {}{}", r.stdout, r.stderr);
            assert!(r.stderr.starts_with("error: "), "{args:?}: {}", r.stderr);
            let mut with_json = args.to_vec();
            with_json.push("--json");
            let v = json(&with_json, 2);
            assert!(v["error"]["kind"].is_string(), "{v}");
        }
        let err = json(&["audit", "--granted", "store_ordrs", "GET /v2/orders", "--json"], 2);
        assert_eq!(err["error"]["kind"], "unknown_scope");
    }

    #[test]
    fn calls_from_standard_input_and_har() {
        let r = bc_with_input(
            &["plan", "--from", "-", "--json"],
            "# export\nGET /v2/orders\n\nGET /v2/orders/1/products\n",
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(v["scopes"], serde_json::json!(["store_v2_orders_read_only"]));
        assert_eq!(v["calls"][1]["locations"], serde_json::json!([{"line": 4}]));

        let v = json(&["plan", "--har", "tests/fixtures/storefront-session.har", "--json"], 0);
        assert_eq!(v["scopes"].as_array().unwrap().len(), 6);
        assert!(v["skipped"].as_array().unwrap().iter().any(|s| s["host"] == "fonts.gstatic.com"));
        insta::assert_snapshot!(
            "cli_plan_storefront_session_har",
            transcript(&["plan", "--har", "tests/fixtures/storefront-session.har"])
        );
    }

    #[test]
    fn unresolved_calls_are_named_as_typed() {
        let v = json(&["plan", "GET /v3/x", "BAD", "GET /v2/orders", "--json"], 2);
        let at: Vec<&serde_json::Value> = v["unresolved"].as_array().unwrap().iter().map(|u| &u["location"]).collect();
        assert_eq!(at, [&serde_json::json!({"argument": 1}), &serde_json::json!({"argument": 2})]);
        assert_eq!(v["calls"][0]["locations"], serde_json::json!([{"argument": 3}]));
        let r = bc(&["plan", "GET", "/v2/orders", "BAD", "GET /v3/x"]);
        assert!(r.stdout.contains("- argument 3: `BAD`: unknown HTTP method `BAD`"), "{}", r.stdout);
        assert!(r.stdout.contains("- argument 4: `GET /v3/x`: no documented route matches `/v3/x`"), "{}", r.stdout);
        assert!(r.stdout.contains("(argument 1)"), "{}", r.stdout);
        // A calls file and arguments together: each by its own numbering.
        let r = bc_with_input(&["plan", "--from", "-", "GET /v3/y"], "# calls\n\nGET /v2/orders\nBAD\n");
        assert_eq!(r.code, 2);
        insta::assert_snapshot!("cli_plan_unresolved_as_typed", r.stdout);
    }
}
