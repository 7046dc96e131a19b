//! The resolver against the documented operations and the target forms real code writes.

use bigcommerce_scopes::{resolve, resolve_str, Confidence, ErrorKind, Method, Route, Scope};

const FIXTURE: &str = include_str!("fixtures/documented-operations.tsv");

/// Turn a documented template into a concrete target by filling each parameter with a value.
fn concrete(template: &str) -> String {
    let mut out = String::new();
    for (i, seg) in template.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        if seg.starts_with('{') && seg.ends_with('}') {
            out.push_str(match seg {
                "{store_hash}" => "abc123",
                "{store_domain}" => "example.com",
                "{app_domain}" => "app.example.com",
                _ => "77",
            });
        } else {
            out.push_str(seg);
        }
    }
    out
}

#[test]
fn every_documented_operation_resolves_to_its_documented_scope() {
    let mut checked = 0;
    for line in FIXTURE.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (method, full_path, spec, scope) = (cols[0], cols[1], cols[2], cols[3]);
        if full_path.starts_with("https://{app_domain}") {
            // Requests BigCommerce sends to an app: no target of ours names them.
            continue;
        }
        let target = concrete(full_path);
        let r = resolve_str(method, &target).unwrap_or_else(|e| panic!("{method} {target} ({spec}): {e}"));
        assert_eq!(r.route.spec, spec, "{method} {target}");
        let least = r.least_privileged().map(Scope::name);
        match scope {
            "-" | "default" => assert_eq!(least, None, "{method} {target}"),
            s => assert_eq!(least, Some(s), "{method} {target}"),
        }
        checked += 1;
    }
    assert!(checked > 650, "only {checked} operations checked");
}

#[test]
fn every_route_in_the_table_is_in_the_fixture() {
    for route in Route::all() {
        for op in route.operations() {
            let needle = format!("{}\t{}\t", op.method, route.template);
            assert!(FIXTURE.contains(&needle), "{needle} not in fixture");
        }
    }
}

#[test]
fn target_forms_resolve_identically() {
    let forms = [
        "https://api.bigcommerce.com/stores/abc123/v3/catalog/products/77/variants?limit=5",
        "https://API.BigCommerce.com/stores/ABC123/v3/catalog/products/77/variants",
        "/stores/abc123/v3/catalog/products/77/variants",
        "/v3/catalog/products/77/variants",
        "/v3/catalog/products/77/variants/",
        "v3/catalog/products/77/variants",
        "/v3/catalog/products/77/variants#frag",
        // The scheme kept elsewhere, as in `${host}/stores/...`.
        "api.bigcommerce.com/stores/abc123/v3/catalog/products/77/variants",
        "API.BIGCOMMERCE.COM/stores/abc123/v3/catalog/products/77/variants?limit=5",
    ];
    for f in forms {
        let r = resolve(Method::Get, f).unwrap_or_else(|e| panic!("{f}: {e}"));
        assert_eq!(r.route.template, "/stores/{store_hash}/v3/catalog/products/{product_id}/variants", "{f}");
        assert_eq!(r.least_privileged(), Some(Scope::StoreV2ProductsReadOnly));
    }
}

#[test]
fn concrete_values_fill_parameters() {
    for t in [
        "/v3/catalog/products/sku-ABC-123",
        "/v3/catalog/products/9f1c2a44-8b5e-4a1e-9d8a-3c0f6f1e2b7a",
        "/v3/catalog/products/{product_id}",
        "/v3/catalog/products/${productId}",
        "/v3/catalog/products/:id",
        "/v3/catalog/products/#{id}",
        "/v3/catalog/products/%d",
        "/v3/catalog/products/%s",
        "/v3/catalog/products/%(product_id)s",
    ] {
        let r = resolve(Method::Put, t).unwrap_or_else(|e| panic!("{t}: {e}"));
        assert_eq!(r.route.template, "/stores/{store_hash}/v3/catalog/products/{product_id}", "{t}");
        assert_eq!(r.least_privileged(), Some(Scope::StoreV2Products), "{t}");
    }
    // A Ruby interpolation is a value, not the start of a fragment.
    let r = resolve(Method::Get, "/v3/catalog/products/#{id}/variants#top").unwrap();
    assert_eq!(r.route.template, "/stores/{store_hash}/v3/catalog/products/{product_id}/variants");
    assert!(r.dropped.fragment);
    // Only a whole segment is a placeholder; other `%` must be percent-encoding.
    for t in ["/v3/catalog/products/%dz", "/v3/catalog/products/x%s", "/v3/catalog/products/%()s", "/v3/catalog/%s%2F"]
    {
        assert_eq!(resolve(Method::Get, t).unwrap_err().kind(), ErrorKind::InvalidTarget, "{t}");
    }
}

#[test]
fn literals_win_over_parameters() {
    let r = resolve(Method::Get, "/v3/catalog/products/channel-assignments").unwrap();
    assert_eq!(r.route.template, "/stores/{store_hash}/v3/catalog/products/channel-assignments");
}

#[test]
fn v2_json_suffix_and_legacy_urls() {
    let r = resolve(Method::Get, "/v2/orders/123.json").unwrap();
    assert_eq!(r.route.template, "/stores/{store_hash}/v2/orders/{order_id}");
    assert!(r.dropped.json_suffix && !r.legacy);
    for (t, hash) in [
        ("https://store-abc123.mybigcommerce.com/api/v2/orders/123", "abc123"),
        ("https://example.com/api/v2/orders/123", "{store_hash}"),
        ("store-abc123.mybigcommerce.com/api/v2/orders/123", "abc123"),
    ] {
        let r = resolve(Method::Get, t).unwrap();
        assert!(r.legacy, "{t}");
        assert_eq!(r.least_privileged(), Some(Scope::StoreV2OrdersReadOnly));
        assert_eq!(r.oauth_url().unwrap(), format!("https://api.bigcommerce.com/stores/{hash}/v2/orders/123"));
    }
}

#[test]
fn other_hosts_and_apis() {
    let r = resolve(Method::Post, "https://payments.bigcommerce.com/stores/abc123/payments").unwrap();
    assert_eq!(r.api().id(), "payments");
    assert_eq!(r.auth_scheme().info().value_format, Some("PAT {token}"));
    assert_eq!(r.least_privileged(), Some(Scope::StorePaymentsAccessTokenCreate));

    let r = resolve(Method::Get, "/api/storefront/carts").unwrap();
    assert_eq!(r.api().id(), "rest-storefront");
    assert_eq!(r.least_privileged(), None);

    let r = resolve(Method::Get, "https://shop.example.com/customer/current.jwt?app_client_id=abc").unwrap();
    assert_eq!(r.api().id(), "current-customer");
    assert!(r.dropped.query);

    let r = resolve(Method::Get, "/login/token/eyJhbGciOi.eyJpc3Mi.sig").unwrap();
    assert_eq!(r.api().id(), "customer-login");
    assert_eq!(r.least_privileged(), Some(Scope::StoreV2CustomersLogin));

    let r = resolve(Method::Post, "/v3/hooks").unwrap();
    assert_eq!(r.api().id(), "webhooks");
    assert_eq!(r.least_privileged(), None);
    assert_eq!(r.requirement(), bigcommerce_scopes::RequirementKind::DefaultScope);
}

#[test]
fn head_resolves_like_get() {
    let g = resolve(Method::Get, "/v2/orders").unwrap();
    let h = resolve(Method::Head, "/v2/orders").unwrap();
    assert_eq!(g.least_privileged(), h.least_privileged());
    assert_eq!(h.method, Method::Head);
}

#[test]
fn refusals() {
    let cases = [
        ("/v3/catalog/../orders/1", ErrorKind::InvalidTarget),
        ("/v3/catalog/./products", ErrorKind::InvalidTarget),
        ("/v3/catalog%2Fproducts", ErrorKind::InvalidTarget),
        ("/v3/catalog/%2e%2e/orders", ErrorKind::InvalidTarget),
        ("/v3/catalog/%70roducts", ErrorKind::InvalidTarget),
        ("/v3//catalog/products", ErrorKind::InvalidTarget),
        ("/v3/catalog/products\0", ErrorKind::InvalidTarget),
        ("/v3/catalog/products\n", ErrorKind::InvalidTarget),
        ("https://api.bigcommerce.com.evil.example/stores/abc/v3/catalog/products", ErrorKind::InvalidTarget),
        ("https://evil.example/v3/catalog/products", ErrorKind::InvalidTarget),
        ("https://user:pw@api.bigcommerce.com/stores/abc/v3/catalog/products", ErrorKind::InvalidTarget),
        ("https://login.bigcommerce.com/stores/abc/v3/catalog/products", ErrorKind::InvalidTarget),
        ("https://аpi.bigcommerce.com/stores/abc/v3/catalog/products", ErrorKind::InvalidTarget),
        ("ftp://api.bigcommerce.com/stores/abc/v3/catalog/products", ErrorKind::InvalidTarget),
        // Without a scheme, a BigCommerce host is read as one, and checked as one.
        ("login.bigcommerce.com/stores/abc/v3/catalog/products", ErrorKind::InvalidTarget),
        ("api.bigcommerce.com.evil.example/stores/abc/v3/catalog/products", ErrorKind::UnknownEndpoint),
        ("evil.example/api.bigcommerce.com/stores/abc/v3/catalog/products", ErrorKind::UnknownEndpoint),
        ("аpi.bigcommerce.com/stores/abc/v3/catalog/products", ErrorKind::InvalidTarget),
        ("/v3/catalog/prodcts", ErrorKind::UnknownEndpoint),
        ("/V3/Catalog/Products", ErrorKind::UnknownEndpoint),
    ];
    for (t, kind) in cases {
        let e = resolve(Method::Get, t).expect_err(t);
        assert_eq!(e.kind(), kind, "{t}: {e}");
    }
    let long = format!("/v3/catalog/products/{}", "a".repeat(200_000));
    assert_eq!(resolve(Method::Get, &long).unwrap_err().kind(), ErrorKind::InvalidTarget);
}

#[test]
fn doubled_slashes_suggest_the_target_without_them() {
    for (t, want) in [
        (
            "https://api.bigcommerce.com/stores/abc//v3/catalog/products",
            "https://api.bigcommerce.com/stores/abc/v3/catalog/products",
        ),
        (
            "https://api.bigcommerce.com//stores/abc/v3/catalog//products//",
            "https://api.bigcommerce.com/stores/abc/v3/catalog/products/",
        ),
        ("/v3//catalog///products?limit=5", "/v3/catalog/products?limit=5"),
    ] {
        let e = resolve(Method::Get, t).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidTarget, "{t}");
        assert_eq!(e.suggestions(), [want], "{t}");
        // The suggestion is a target the resolver takes.
        assert!(resolve(Method::Get, want).is_ok(), "{want}");
    }
}

#[test]
fn a_missing_store_hash_is_named_and_the_suggestion_marks_its_place() {
    for (t, want) in [
        (
            "https://api.bigcommerce.com/stores//v3/catalog/products",
            "https://api.bigcommerce.com/stores/{store_hash}/v3/catalog/products",
        ),
        ("/stores//v2/orders/5", "/stores/{store_hash}/v2/orders/5"),
    ] {
        let e = resolve(Method::Get, t).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidTarget, "{t}");
        assert!(e.message().contains("store hash is missing"), "{t}: {e}");
        assert_eq!(e.suggestions(), [want], "{t}");
        assert!(resolve(Method::Get, want).is_ok(), "{want}");
    }
}

#[test]
fn user_info_is_named_as_the_reason() {
    for t in [
        "https://user:pw@api.bigcommerce.com/stores/abc/v3/catalog/products",
        "https://user@api.bigcommerce.com/stores/abc/v3/catalog/products",
        "https://api.bigcommerce.com@evil.example/stores/abc/v3/catalog/products",
    ] {
        let e = resolve(Method::Get, t).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidTarget, "{t}");
        assert!(e.message().contains("user info"), "{t}: {e}");
    }
}

#[test]
fn graphql_targets_say_where_graphql_auth_is_described() {
    for t in ["https://store-abc.mybigcommerce.com/graphql", "https://api.bigcommerce.com/stores/abc/graphql"] {
        let e = resolve(Method::Post, t).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnknownEndpoint, "{t}");
        assert!(e.message().contains("bc-scopes api graphql-admin"), "{t}: {e}");
    }
    let e = resolve(Method::Get, "/v3/catalog/prodcts").unwrap_err();
    assert!(!e.message().contains("GraphQL"), "{e}");
}

#[test]
fn unknown_endpoints_suggest_routes() {
    let e = resolve(Method::Get, "/v3/catalog/prodcts").unwrap_err();
    assert!(e.suggestions().iter().any(|s| s == "/stores/{store_hash}/v3/catalog/products"), "{e}");
    let e = resolve(Method::Get, "/catalog/products").unwrap_err();
    assert_eq!(e.suggestions()[0], "/stores/{store_hash}/v3/catalog/products", "{e}");
    let e = resolve(Method::Get, "/V3/Catalog/Products").unwrap_err();
    assert_eq!(e.suggestions()[0], "/stores/{store_hash}/v3/catalog/products", "{e}");
}

#[test]
fn methods() {
    assert_eq!(resolve_str("FETCH", "/v3/catalog/products").unwrap_err().kind(), ErrorKind::UnknownMethod);
    assert_eq!(resolve(Method::Patch, "/v3/catalog/products").unwrap_err().kind(), ErrorKind::MethodNotDocumented);
    assert_eq!(resolve_str("post", "/v3/catalog/products").unwrap().least_privileged(), Some(Scope::StoreV2Products));
}

#[test]
fn inferred_answers_say_so() {
    let inferred = bigcommerce_scopes::Operation::all().iter().filter(|o| o.confidence == Confidence::Inferred).count();
    assert!(inferred > 0);
    for op in bigcommerce_scopes::Operation::all() {
        if op.confidence == Confidence::Inferred {
            assert!(!op.notes.is_empty(), "{} {} is inferred without a note", op.method, op.route().template);
        }
    }
}
