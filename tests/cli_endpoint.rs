//! `bc-scopes endpoint` and `bc-scopes endpoints`: snapshots across every API family, the JSON
//! fields other tools rely on, and the refusals.

#![cfg(feature = "cli")]

use serde_json::Value;

mod common;

fn bc(args: &[&str]) -> (i32, String, String) {
    let r = common::run(args, None, "");
    (r.code, r.stdout, r.stderr)
}

/// Realistic requests across every API family and input form.
const TARGETS: &[(&str, &str)] = &[
    ("GET", "https://api.bigcommerce.com/stores/abc123/v3/catalog/products/77/variants?limit=5"),
    ("PUT", "https://api.bigcommerce.com/stores/ABC123/v3/catalog/products/77"),
    ("GET", "/stores/abc123/v3/catalog/categories/trees"),
    ("POST", "/v3/catalog/brands"),
    ("DELETE", "/v3/catalog/products/77/images/3"),
    ("GET", "/v3/orders/12/transactions"),
    ("POST", "/v3/orders/12/payment_actions/refunds"),
    ("GET", "/v2/orders/123.json"),
    ("PUT", "/v2/orders/123/shipments/4"),
    ("GET", "https://store-abc123.mybigcommerce.com/api/v2/orders/123"),
    ("GET", "https://example.com/api/v2/customers/5.json"),
    ("GET", "/v2/customers?email=a@example.com"),
    ("POST", "/v3/customers"),
    ("GET", "/v3/customers/5/stored-instruments"),
    ("POST", "/v3/carts"),
    ("GET", "/v3/checkouts/0c8b1a0e-2d1b-4e8c-9a4b-1b2c3d4e5f60"),
    ("POST", "/v3/storefront/api-token"),
    ("POST", "/v3/storefront/api-token-customer-impersonation"),
    ("POST", "/v3/payments/access_tokens"),
    ("GET", "/v3/payments/methods?order_id=12"),
    ("POST", "https://payments.bigcommerce.com/stores/abc123/payments"),
    ("POST", "/v3/hooks"),
    ("GET", "/v3/channels/1/listings"),
    ("PUT", "/v3/channels/1/site"),
    ("GET", "/v3/sites/2/routes"),
    ("POST", "/v3/content/scripts"),
    ("GET", "/v3/settings/analytics"),
    ("GET", "/v3/segments/6a7f6f8c-7d1b-4c4e-9f1e-1a2b3c4d5e6f/shopper-profiles"),
    ("POST", "/v3/themes/actions/activate"),
    ("GET", "/v3/inventory/locations/1/items"),
    ("GET", "/v3/store/systemlogs"),
    ("DELETE", "/v3/tax/classes?id:in=5"),
    ("HEAD", "/v3/pricelists/3/records"),
    ("GET", "https://shop.example.com/api/storefront/carts?include=lineItems.physicalItems.options"),
    ("POST", "/api/storefront/checkouts/abc/billing-address"),
    ("GET", "https://shop.example.com/customer/current.jwt?app_client_id=xyz"),
    ("GET", "https://shop.example.com/login/token/eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ4In0.sig"),
];

#[test]
fn endpoint_answers_across_api_families() {
    let mut all = String::new();
    for (method, target) in TARGETS {
        let (code, stdout, stderr) = bc(&["endpoint", method, target]);
        assert_eq!(code, 0, "{method} {target}: {stderr}");
        all.push_str(&format!("$ bc-scopes endpoint {method} {target}\n{stdout}{stderr}\n"));
    }
    insta::assert_snapshot!("endpoint_human", all);
}

#[test]
fn endpoint_json_has_the_public_fields() {
    let mut all = Vec::new();
    for (method, target) in TARGETS {
        let (code, stdout, stderr) = bc(&["endpoint", method, target, "--json"]);
        assert_eq!(code, 0, "{method} {target}: {stderr}");
        let v: Value = serde_json::from_str(&stdout).expect("JSON");
        for field in [
            "method",
            "route",
            "api",
            "auth_scheme",
            "account_types",
            "least_privileged",
            "accepted",
            "confidence",
            "source",
            "legacy",
        ] {
            assert!(v.get(field).is_some(), "{method} {target}: no `{field}`");
        }
        assert!(v["accepted"].is_array() && v["account_types"].is_array() && v["legacy"].is_boolean());
        if let Some(least) = v["least_privileged"].as_str() {
            assert_eq!(v["accepted"][0], least, "the least-privileged scope comes first in `accepted`");
        }
        all.push(v);
    }
    insta::assert_json_snapshot!("endpoint_json", all);
}

#[test]
fn endpoint_refusals_are_errors_with_kinds() {
    let cases = [
        (vec!["endpoint", "GET", "/v3/catalog/../orders/1", "--json"], "invalid_target"),
        (vec!["endpoint", "GET", "/v3/catalog/prodcts", "--json"], "unknown_endpoint"),
        (
            vec!["endpoint", "GET", "https://api.bigcommerce.com.evil.example/stores/a/v3/orders", "--json"],
            "invalid_target",
        ),
        (vec!["endpoint", "FETCH", "/v3/catalog/products", "--json"], "unknown_method"),
        (vec!["endpoint", "PATCH", "/v3/catalog/products", "--json"], "method_not_documented"),
        (vec!["--json", "endpoint", "GET", "/v3/catalog%2Fproducts"], "invalid_target"),
    ];
    let mut all = String::new();
    for (args, kind) in cases {
        let (code, stdout, stderr) = bc(&args);
        assert_eq!(code, 2, "{args:?}");
        let v: Value = serde_json::from_str(&stdout).expect("JSON error");
        assert_eq!(v["error"]["kind"], kind, "{args:?}: {stdout}");
        all.push_str(&format!("$ bc-scopes {}\n{stdout}{stderr}\n", args.join(" ")));
    }
    insta::assert_snapshot!("endpoint_errors", all);
}

#[test]
fn endpoints_lists_routes_by_api_and_by_scope() {
    let (code, stdout, _) = bc(&["endpoints", "--scope", "store_v2_orders_read_only"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("endpoints_orders_read_only", stdout);
    let (code, stdout, _) = bc(&["endpoints", "--api", "rest-storefront", "--json"]);
    assert_eq!(code, 0);
    let rows: Vec<Value> = serde_json::from_str(&stdout).expect("JSON");
    assert!(rows.len() >= 29 && rows.iter().all(|r| r["requirement"] == "none"), "{stdout}");
    // A read-only scope reaches GET operations, and a write only where its spec says so (the
    // batch price read, POST /pricing/products).
    let (_, stdout, _) = bc(&["endpoints", "--scope", "store_v2_products_read_only", "--json"]);
    let rows: Vec<Value> = serde_json::from_str(&stdout).expect("JSON");
    let writes: Vec<&Value> = rows.iter().filter(|r| r["method"] != "GET").collect();
    assert!(!rows.is_empty() && writes.len() == 1, "{writes:?}");
    assert!(writes[0]["route"].as_str().unwrap().ends_with("/v3/pricing/products"), "{writes:?}");
    // The modify twin reaches strictly more.
    let (_, stdout2, _) = bc(&["endpoints", "--scope", "store_v2_products", "--json"]);
    let rows2: Vec<Value> = serde_json::from_str(&stdout2).expect("JSON");
    assert!(rows2.len() > rows.len());
}

#[test]
fn hosts_that_are_not_bigcommerce_are_named() {
    let hosts = "BigCommerce's API hosts are api.bigcommerce.com, payments.bigcommerce.com and, for storefront routes only, a store's own domain";
    let cases = [
        // A store-management path on another host: never guessed to be BigCommerce's.
        (
            "https://example.com/v3/catalog/products",
            "invalid_target",
            format!("host `example.com` is not a BigCommerce API host: store-management paths (/stores/..., /v2, /v3) are served only from https://api.bigcommerce.com ({hosts})"),
        ),
        // Another host may be a store's own domain: only storefront routes are looked for there.
        (
            "https://example.com/foo?key=secret",
            "unknown_endpoint",
            format!("host `example.com` is not a BigCommerce API host, and no documented storefront route matches `https://example.com/foo` ({hosts})"),
        ),
        (
            "https://login.bigcommerce.com/oauth2/token",
            "invalid_target",
            format!("host `login.bigcommerce.com` is not a BigCommerce API host ({hosts})"),
        ),
        // A BigCommerce store host: only the route is unknown.
        (
            "https://store-abc.mybigcommerce.com/foo",
            "unknown_endpoint",
            "no documented route matches `https://store-abc.mybigcommerce.com/foo`".to_owned(),
        ),
        ("/foo", "unknown_endpoint", "no documented route matches `/foo`".to_owned()),
    ];
    for (target, kind, message) in cases {
        let (code, stdout, stderr) = bc(&["endpoint", "GET", target, "--json"]);
        assert_eq!(code, 2, "{target}");
        let v: Value = serde_json::from_str(&stdout).expect("JSON error");
        assert_eq!((v["error"]["kind"].as_str(), v["error"]["message"].as_str()), (Some(kind), Some(message.as_str())));
        assert!(stderr.starts_with(&format!("error: {message}")), "{stderr}");
    }
    // A storefront path with a typo on a store's own domain still gets the nearest storefront routes.
    let (_, stdout, _) = bc(&["endpoint", "GET", "https://shop.example.com/api/storefront/cart", "--json"]);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["error"]["suggestions"][0], "https://{store_domain}/api/storefront/carts");
}

#[test]
fn head_is_answered_as_get_by_endpoint_and_endpoints() {
    let rows = |method: &str| -> Vec<Value> {
        let (code, stdout, _) = bc(&["endpoints", "--method", method, "--json"]);
        assert_eq!(code, 0);
        serde_json::from_str(&stdout).unwrap()
    };
    let (get, head) = (rows("GET"), rows("head"));
    assert_eq!(get.len(), head.len(), "every GET route answers HEAD");
    for (g, h) in get.iter().zip(&head) {
        assert_eq!((h["method"].as_str(), h["answered_as"].as_str()), (Some("HEAD"), Some("GET")));
        for field in ["route", "operation_id", "least_privileged", "accepted", "requirement"] {
            assert_eq!(g[field], h[field], "{field}");
        }
        assert!(g.get("answered_as").is_none(), "only HEAD rows say what answers them");
    }
    // `endpoint HEAD` gives the row's answer, for every kind of route.
    for row in head.iter().step_by(37) {
        let route = row["route"].as_str().unwrap();
        let target = route.replace("{store_hash}", "abc").replace("{store_domain}", "shop.example.com");
        let target = target.split('/').map(|s| if s.starts_with('{') { "1" } else { s }).collect::<Vec<_>>().join("/");
        let (code, stdout, stderr) = bc(&["endpoint", "HEAD", &target, "--json"]);
        assert_eq!(code, 0, "{target}: {stderr}");
        let v: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!((v["method"].as_str(), v["route"].as_str()), (Some("HEAD"), Some(route)));
        assert_eq!((&v["operation_id"], &v["least_privileged"]), (&row["operation_id"], &row["least_privileged"]));
        assert!(v["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.as_str().unwrap().starts_with("HEAD is answered as the GET")));
    }
    // A route without GET answers HEAD with neither.
    let (code, stdout, _) = bc(&["endpoint", "HEAD", "https://payments.bigcommerce.com/stores/abc/payments", "--json"]);
    assert_eq!(code, 2);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["error"]["kind"], "method_not_documented");
    assert!(!head.iter().any(|r| r["route"] == "https://payments.bigcommerce.com/stores/{store_hash}/payments"));
    let (code, stdout, _) = bc(&["endpoints", "--method", "HEAD", "--api", "payments"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("endpoints_head_payments", stdout);
}
