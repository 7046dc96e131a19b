//! Property tests of the resolver and the parsers: arbitrary input never panics, equivalent
//! spellings of a target resolve identically, and refusals are never weaker than the request.

use bigcommerce_scopes::{resolve, resolve_str, Host, Method, Route, Scope, ScopeSet};
use proptest::prelude::*;

/// A concrete target for a gateway route, with each parameter filled from `values`.
fn fill(template: &str, values: &[String]) -> String {
    let mut i = 0;
    template
        .split('/')
        .map(|s| {
            if s == "{store_hash}" {
                "abc123".to_string()
            } else if s.starts_with('{') {
                i += 1;
                values[(i - 1) % values.len()].clone()
            } else {
                s.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn gateway_routes() -> Vec<&'static Route> {
    Route::all().iter().filter(|r| r.host == Host::Api).collect()
}

/// Parameter values as real code fills them: numbers, UUIDs, SKUs, slugs.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..10_000_000).prop_map(|n| n.to_string()),
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        "[A-Z]{2,4}-[0-9]{2,5}",
        "[a-z]{3,8}(-[a-z]{3,8}){0,2}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(method in "\\PC{0,8}", target in "\\PC{0,200}") {
        let _ = resolve_str(&method, &target);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let target = String::from_utf8_lossy(&bytes);
        let _ = resolve(Method::Get, &target);
        let _ = ScopeSet::parse_list(&target);
        let _ = Scope::parse_lenient(&target);
        let _ = bigcommerce_scopes::Api::parse(&target);
    }

    #[test]
    fn url_like_strings_never_panic(
        scheme in prop_oneof![Just("https://"), Just("http://"), Just(""), Just("//")],
        host in "[a-zA-Z0-9.:@\\[\\]-]{0,40}",
        path in "(/[a-zA-Z0-9%._~{}$:-]{0,12}){0,10}",
        tail in "[?#]?[a-z=&/]{0,20}",
    ) {
        let _ = resolve(Method::Get, &format!("{scheme}{host}{path}{tail}"));
    }

    #[test]
    fn equivalent_spellings_resolve_identically(
        index in any::<prop::sample::Index>(),
        values in proptest::collection::vec(value(), 1..4),
        query in "[a-z]{1,8}=[a-z0-9]{1,8}",
    ) {
        let routes = gateway_routes();
        let route = routes[index.index(routes.len())];
        let full = fill(route.template, &values);
        let bare = full.strip_prefix("/stores/abc123").unwrap().to_string();
        let method = route.operations()[0].method;
        let mut forms = vec![
            format!("https://api.bigcommerce.com{full}"),
            format!("https://API.BIGCOMMERCE.COM{}", full.replace("abc123", "ABC123")),
            full.clone(),
            bare.clone(),
            format!("{bare}/"),
            format!("{bare}?{query}"),
            format!("{bare}#{query}"),
            bare.trim_start_matches('/').to_string(),
        ];
        if bare.starts_with("/v2/") {
            forms.push(format!("{bare}.json"));
            forms.push(format!("https://store-abc123.mybigcommerce.com/api{bare}"));
        }
        let expected = resolve(method, &full).unwrap();
        for f in &forms {
            // A value that happens to equal a literal of another route may pick that route; then
            // the full path does too, so the comparison still holds.
            let r = resolve(method, f).map_err(|e| format!("{f}: {e}")).unwrap();
            prop_assert_eq!(r.route.template, expected.route.template, "{}", f);
            prop_assert_eq!(r.accepted(), expected.accepted(), "{}", f);
        }
    }

    #[test]
    fn normalization_is_idempotent(
        index in any::<prop::sample::Index>(),
        values in proptest::collection::vec(value(), 1..4),
    ) {
        // Resolving the matched template filled again with the same values gives the same route.
        let routes = gateway_routes();
        let route = routes[index.index(routes.len())];
        let target = fill(route.template, &values);
        let method = route.operations()[0].method;
        let first = resolve(method, &target).unwrap();
        let again = fill(first.route.template, &values);
        let second = resolve(method, &again).unwrap();
        prop_assert_eq!(first.route.template, second.route.template);
    }

    #[test]
    fn hostile_rewrites_are_refused_or_resolve_no_weaker(
        index in any::<prop::sample::Index>(),
        values in proptest::collection::vec(value(), 1..3),
        trick in 0usize..6,
    ) {
        let routes = gateway_routes();
        let route = routes[index.index(routes.len())];
        let full = fill(route.template, &values);
        let bare = full.strip_prefix("/stores/abc123").unwrap();
        let method = route.operations()[0].method;
        let hostile = match trick {
            0 => format!("{bare}/../../v3/orders"),
            1 => bare.replacen('/', "%2F", 2),
            2 => bare.replacen('/', "//", 2),
            3 => format!("{bare}\u{0}"),
            4 => format!("https://api.bigcommerce.com.evil.example/stores/abc123{bare}"),
            _ => bare.replacen('/', "/%2e%2e/", 2),
        };
        prop_assert!(resolve(method, &hostile).is_err(), "{} was not refused", hostile);
    }
}

/// `matchit`, loaded with every gateway route, as an independent oracle: wherever it matches a
/// concrete path, the resolver picks the same template (literal segments before parameters in
/// both). Routes matchit refuses as conflicting are left to the resolver's own tests.
fn matchit_router() -> &'static (matchit::Router<usize>, usize) {
    static ROUTER: std::sync::LazyLock<(matchit::Router<usize>, usize)> = std::sync::LazyLock::new(build_router);
    &ROUTER
}

fn build_router() -> (matchit::Router<usize>, usize) {
    let mut router = matchit::Router::new();
    let mut rejected = 0;
    for (i, r) in Route::all().iter().enumerate() {
        if r.host == Host::Api && router.insert(r.template, i).is_err() {
            rejected += 1;
        }
    }
    (router, rejected)
}

#[test]
fn matchit_accepts_most_routes() {
    let (_, rejected) = *matchit_router();
    let total = gateway_routes().len();
    assert!(rejected * 10 < total, "matchit refused {rejected} of {total} routes: the oracle would test too little");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn matchit_agrees(i in 0usize..1000, values in proptest::collection::vec(value(), 1..4)) {
        let routes = gateway_routes();
        let route = routes[i % routes.len()];
        let path = fill(route.template, &values);
        let (router, _) = matchit_router();
        if let Ok(m) = router.at(&path) {
            let found = &Route::all()[*m.value];
            let expected = found.template;
            let method = found.operations()[0].method;
            match resolve(method, &path) {
                Ok(r) => prop_assert_eq!(r.route.template, expected, "{}", path),
                Err(e) => prop_assert!(false, "matchit matched {} to {} but the resolver refused it: {}", path, expected, e),
            }
        }
    }
}
