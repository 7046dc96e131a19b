//! The SDK call tables (`data/sdks/*.toml`) against chosen facts of the SDKs' source and against the
//! resolver: a documented call must resolve, as a URL, to the very route it names.

use bigcommerce_scopes::sdk::{Sdk, SdkCall};
use bigcommerce_scopes::{resolve, Method, Scope};
use std::collections::BTreeSet;

const IDS: [&str; 5] = [
    "php-aligent-bigcommerce-api-client",
    "php-bigcommerce-api",
    "php-bigcommerce-v3-generated",
    "python-bigcommerce",
    "ruby-bigcommerce",
];

fn sdk(id: &str) -> &'static Sdk {
    Sdk::by_id(id).unwrap_or_else(|| panic!("no SDK `{id}`"))
}

fn call(id: &str, chain: &[&str]) -> &'static SdkCall {
    sdk(id).call(chain).unwrap_or_else(|| panic!("{id}: no call {}", chain.join(".")))
}

/// A concrete target for a route template: every parameter filled with a value.
fn concrete(template: &str) -> String {
    let path: Vec<&str> = template
        .split('/')
        .map(|seg| match seg {
            "{store_hash}" => "abc123",
            s if s.starts_with('{') && s.ends_with('}') => "77",
            s => s,
        })
        .collect();
    format!("https://api.bigcommerce.com{}", path.join("/"))
}

#[test]
fn every_sdk_is_there_with_calls() {
    let ids: Vec<&str> = Sdk::all().iter().map(|s| s.id).collect();
    assert_eq!(ids, IDS);
    for s in Sdk::all() {
        assert!(s.calls.len() >= 20, "{}: only {} calls", s.id, s.calls.len());
        assert!(!s.markers.is_empty(), "{}", s.id);
        assert!(s.calls.iter().filter(|c| c.documented && c.path_argument.is_none()).count() >= 10, "{}", s.id);
    }
}

#[test]
fn chosen_facts_hold() {
    // Ruby: `Bigcommerce::Product.all` (products.rb: `uri: 'products/%d'`), a retired v2 route.
    let ruby = sdk("ruby-bigcommerce");
    assert_eq!(ruby.receiver, Some("Bigcommerce"));
    let products = call("ruby-bigcommerce", &["Product", "all"]);
    assert_eq!((products.method, products.route), (Method::Get, "/stores/{store_hash}/v2/products"));
    assert!(!products.documented && products.operation().is_none());
    let order_products = call("ruby-bigcommerce", &["OrderProduct", "all"]);
    assert_eq!(order_products.route, "/stores/{store_hash}/v2/orders/{order_id}/products");
    assert_eq!(order_products.operation().unwrap().least, Some(Scope::StoreV2OrdersReadOnly));
    let destroy = call("ruby-bigcommerce", &["Order", "destroy"]);
    assert_eq!((destroy.method, destroy.route), (Method::Delete, "/stores/{store_hash}/v2/orders/{order_id}"));
    // A `disable:`d action is not listed.
    assert!(ruby.call(&["OrderProduct", "create"]).is_none());

    // Python: `api.Orders.get(id)`, and an update on a fetched object.
    let python = sdk("python-bigcommerce");
    assert_eq!(python.receiver, None);
    let get = call("python-bigcommerce", &["Orders", "get"]);
    assert_eq!((get.method, get.route), (Method::Get, "/stores/{store_hash}/v2/orders/{order_id}"));
    assert!(get.documented);
    let update = call("python-bigcommerce", &["Customers", "get", "update"]);
    assert_eq!((update.method, update.route), (Method::Put, "/stores/{store_hash}/v2/customers/{customer_id}"));
    let sub = call("python-bigcommerce", &["OrderProducts", "all"]);
    assert_eq!(sub.route, "/stores/{store_hash}/v2/orders/{order_id}/products");
    let raw = call("python-bigcommerce", &["connection", "get"]);
    assert_eq!((raw.path_argument, raw.route), (Some(0), "/stores/{store_hash}/v2"));

    // PHP bigcommerce/api: static methods on `Bigcommerce` and the path-taking generics.
    let php = call("php-bigcommerce-api", &["getOrders"]);
    assert_eq!((php.method, php.route), (Method::Get, "/stores/{store_hash}/v2/orders"));
    let create = call("php-bigcommerce-api", &["createResource"]);
    assert_eq!((create.method, create.path_argument, create.route), (Method::Post, Some(0), "/stores/{store_hash}/v2"));
    assert!(create.documented_route().is_none() && create.operation().is_none());
    assert!(!call("php-bigcommerce-api", &["getProducts"]).documented);

    // The generated v3 client of BigCommerce for WordPress.
    let variants = call("php-bigcommerce-v3-generated", &["getVariantsByProductId"]);
    assert_eq!(variants.route, "/stores/{store_hash}/v3/catalog/products/{product_id}/variants");
    let twin = call("php-bigcommerce-v3-generated", &["getVariantsByProductIdWithHttpInfo"]);
    assert_eq!((twin.method, twin.route), (variants.method, variants.route));
    let cart = call("php-bigcommerce-v3-generated", &["cartsCartIdItemsPost"]);
    assert_eq!((cart.method, cart.route), (Method::Post, "/stores/{store_hash}/v3/carts/{cartId}/items"));

    // aligent: `$api->catalog()->products()->getAll()`.
    let all = call("php-aligent-bigcommerce-api-client", &["catalog", "products", "getAll"]);
    assert_eq!((all.method, all.route), (Method::Get, "/stores/{store_hash}/v3/catalog/products"));
    assert_eq!(all.operation().unwrap().least, Some(Scope::StoreV2ProductsReadOnly));
    let delete = call("php-aligent-bigcommerce-api-client", &["catalog", "product", "delete"]);
    assert_eq!(
        (delete.method, delete.route),
        (Method::Delete, "/stores/{store_hash}/v3/catalog/products/{product_id}")
    );
    // ProductMetafieldsApi builds `catalog/product/…` (singular): no such route.
    assert!(!call("php-aligent-bigcommerce-api-client", &["catalog", "product", "metafields", "getAll"]).documented);
}

#[test]
fn documented_calls_resolve_to_their_route() {
    let mut checked = 0;
    for s in Sdk::all() {
        for c in s.calls.iter().filter(|c| c.documented && c.path_argument.is_none()) {
            let target = concrete(c.route);
            let r = resolve(c.method, &target)
                .unwrap_or_else(|e| panic!("{} {}: {} {target}: {e}", s.id, c.chain.join("."), c.method));
            assert_eq!(r.route.template, c.route, "{} {}", s.id, c.chain.join("."));
            let route = c.documented_route().unwrap_or_else(|| panic!("{} {}: no route", s.id, c.chain.join(".")));
            assert!(std::ptr::eq(route, r.route), "{} {}: table points at another route", s.id, c.chain.join("."));
            let op = c.operation().unwrap_or_else(|| panic!("{} {}: no operation", s.id, c.chain.join(".")));
            assert!(std::ptr::eq(op, r.operation), "{} {}", s.id, c.chain.join("."));
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} documented calls");
}

#[test]
fn undocumented_calls_do_not_resolve_to_their_own_route() {
    for s in Sdk::all() {
        for c in s.calls.iter().filter(|c| !c.documented) {
            assert!(c.documented_route().is_none() && c.operation().is_none(), "{} {}", s.id, c.chain.join("."));
            assert!(c.path_argument.is_none(), "{} {}", s.id, c.chain.join("."));
            if c.route.starts_with("/stores/{store_hash}/") {
                if let Ok(r) = resolve(c.method, &concrete(c.route)) {
                    assert_ne!(r.route.template, c.route, "{} {} is documented after all", s.id, c.chain.join("."));
                }
            }
        }
    }
}

#[test]
fn path_argument_calls_name_an_api_base() {
    let mut seen = 0;
    for s in Sdk::all() {
        for c in s.calls.iter().filter(|c| c.path_argument.is_some()) {
            assert!(
                matches!(c.route, "/stores/{store_hash}/v2" | "/stores/{store_hash}/v3"),
                "{} {}: {}",
                s.id,
                c.chain.join("."),
                c.route
            );
            assert!(c.documented_route().is_none());
            seen += 1;
        }
    }
    assert!(seen >= 4);
}

#[test]
fn no_chain_twice_within_an_sdk() {
    for s in Sdk::all() {
        let mut chains = BTreeSet::new();
        for c in s.calls {
            assert!(chains.insert((s.receiver, c.chain)), "{}: {:?} listed twice", s.id, c.chain);
        }
    }
}

#[test]
fn the_last_member_lookup_finds_every_call_once() {
    for s in Sdk::all() {
        for c in s.calls {
            assert!(!c.chain.is_empty());
            let found: Vec<_> = Sdk::calls_ending_in(c.last()).iter().filter(|x| std::ptr::eq(**x, c)).collect();
            assert_eq!(found.len(), 1, "{} {}", s.id, c.chain.join("."));
            assert_eq!(c.sdk().id, s.id);
            assert!(std::ptr::eq(s.call(c.chain).unwrap(), c), "{} {}", s.id, c.chain.join("."));
        }
    }
    let total: usize = Sdk::all().iter().map(|s| s.calls.len()).sum();
    let mut lasts = BTreeSet::new();
    for s in Sdk::all() {
        for c in s.calls {
            lasts.insert(c.last());
        }
    }
    assert_eq!(lasts.iter().map(|l| Sdk::calls_ending_in(l).len()).sum::<usize>(), total);
}

#[test]
fn sources_are_in_the_sdk_repository() {
    for s in Sdk::all() {
        let prefix = format!("code:{}@", s.repository);
        for c in s.calls {
            assert!(c.source.starts_with(&prefix), "{} {}: {}", s.id, c.chain.join("."), c.source);
        }
    }
}
