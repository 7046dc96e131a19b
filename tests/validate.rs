//! The validation build.rs runs, fed broken data: every error names the file and the entry.

use bigcommerce_scopes::datafile::schema::*;
use bigcommerce_scopes::datafile::validate::{validate, DataError};
use bigcommerce_scopes::RequirementKind;
use std::path::Path;

fn read<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(name);
    toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every `*.toml` of `data/{sub}/`, read, with its name, sorted by name.
fn read_dir<T: serde::de::DeserializeOwned>(sub: &str) -> Vec<(String, T)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(sub);
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.retain(|n| n.ends_with(".toml"));
    names.sort();
    names.into_iter().map(|n| (n.clone(), read(&format!("{sub}/{n}")))).collect()
}

fn data() -> DataSet {
    DataSet {
        meta: read("meta.toml"),
        account_types: read("account_types.toml"),
        auth_schemes: read("auth_schemes.toml"),
        apis: read("apis.toml"),
        use_cases: read("use_cases.toml"),
        scopes: read("scopes.toml"),
        endpoints: read_dir("endpoints"),
        graphql: read_dir("graphql"),
    }
}

fn errors(d: &DataSet) -> Vec<DataError> {
    validate(d).expect_err("broken data must not validate")
}

fn assert_error(d: &DataSet, file: &str, entry: &str, message: &str) {
    let errs = errors(d);
    assert!(
        errs.iter().any(|e| e.file == file && e.entry.contains(entry) && e.message.contains(message)),
        "expected an error in {file} at `{entry}` saying `{message}`, got:\n{}",
        errs.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")
    );
}

fn scope_mut<'a>(d: &'a mut DataSet, name: &str) -> &'a mut ScopeEntry {
    d.scopes.scope.iter_mut().find(|s| s.name == name).unwrap()
}

fn op_mut<'a>(d: &'a mut DataSet, file: &str, method: &str, path: &str) -> &'a mut OperationEntry {
    let f = &mut d.endpoints.iter_mut().find(|(n, _)| n == file).unwrap().1;
    f.operation.iter_mut().find(|o| o.method.as_str() == method && o.path == path).unwrap()
}

#[test]
fn the_shipped_data_is_valid() {
    validate(&data()).unwrap_or_else(|e| panic!("{}", e.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")));
}

#[test]
fn dangling_twin() {
    let mut d = data();
    scope_mut(&mut d, "store_cart_read_only").twin = Some("store_carts".into());
    assert_error(&d, "scopes.toml", "scope store_cart_read_only", "twin `store_carts` is not a scope");
}

#[test]
fn read_only_scope_without_its_modify_twin() {
    let mut d = data();
    scope_mut(&mut d, "store_cart_read_only").twin = None;
    assert_error(&d, "scopes.toml", "scope store_cart_read_only", "does not name its modify twin `store_cart`");
}

#[test]
fn duplicate_scope_and_variant_clash() {
    let mut d = data();
    let copy = d.scopes.scope[1].clone();
    d.scopes.scope.push(copy.clone());
    assert_error(&d, "scopes.toml", &format!("scope {}", copy.name), "is defined twice");
    let mut d = data();
    scope_mut(&mut d, "store_cart").variants.push("store_checkouts".into());
    assert_error(
        &d,
        "scopes.toml",
        "scope store_checkout",
        "spelling `store_checkouts` is also used by scope store_cart",
    );
}

#[test]
fn token_names_and_token_scopes_are_checked() {
    // A token spelling may not be another scope's spelling.
    let mut d = data();
    scope_mut(&mut d, "store_cart").token_names.push("store_v2_default".into());
    assert_error(&d, "scopes.toml", "scope store_cart", "spelling `store_v2_default` is also used by scope default");
    // It needs public code that shows a token carrying it.
    let mut d = data();
    scope_mut(&mut d, "default").sources.retain(|s| !s.starts_with("code:"));
    assert_error(&d, "scopes.toml", "scope default", "token names need a `code:` source");
    // A scope seen only in token responses cites that code and says what the docs say of it.
    let mut d = data();
    scope_mut(&mut d, "users_basic_information").notes.clear();
    assert_error(&d, "scopes.toml", "scope users_basic_information", "origin token: the notes");
    // Only such a scope may lack a UI name.
    let mut d = data();
    scope_mut(&mut d, "store_cart").ui_name.clear();
    assert_error(&d, "scopes.toml", "scope store_cart", "has no UI name");
}

#[test]
fn unknown_account_type_fails_to_parse() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/scopes.toml")).unwrap();
    let broken = text.replacen("account_types = [\"store\", \"app\", \"account\"]", "account_types = [\"shop\"]", 1);
    let err = toml::from_str::<ScopesFile>(&broken).unwrap_err().to_string();
    assert!(err.contains("shop") && err.contains("store"), "{err}");
}

#[test]
fn account_scope_on_a_store_account() {
    let mut d = data();
    scope_mut(&mut d, "account_users_read").account_types.push(bigcommerce_scopes::AccountType::Store);
    assert_error(&d, "scopes.toml", "scope account_users_read", "does not fit group account-resource");
}

#[test]
fn source_that_names_nothing() {
    let mut d = data();
    scope_mut(&mut d, "store_cart").sources.push("seed:009#nowhere".into());
    assert_error(&d, "scopes.toml", "scope store_cart", "names no known document");
    let mut d = data();
    scope_mut(&mut d, "store_cart").sources.push("spec:carts.v9.yml".into());
    assert_error(&d, "scopes.toml", "scope store_cart", "names no spec");
    let mut d = data();
    scope_mut(&mut d, "store_cart").sources.push("the docs".into());
    assert_error(&d, "scopes.toml", "scope store_cart", "is none of");
    let mut d = data();
    scope_mut(&mut d, "store_cart").sources.push("docs:no/such/page.mdx#x".into());
    assert_error(&d, "scopes.toml", "scope store_cart", "pages do not list");
    let mut d = data();
    scope_mut(&mut d, "store_cart").sources.push("docs:start/authentication/api-accounts.mdx".into());
    assert_error(&d, "scopes.toml", "scope store_cart", "names no section");
    let mut d = data();
    scope_mut(&mut d, "store_cart").sources.push("code:owner/repo/path.rs".into());
    assert_error(&d, "scopes.toml", "scope store_cart", "names no version");
    let mut d = data();
    d.graphql[0].1.statement[0].path = "store..x".into();
    assert_error(&d, &format!("graphql/{}", d.graphql[0].0), "", "path must be");
    let mut d = data();
    let s = &mut d.graphql[0].1.statement[0];
    s.operation = bigcommerce_scopes::GraphqlOperation::Mutation;
    s.scope = Some("store_v2_products_read_only".into());
    s.requirement = RequirementKind::Scope;
    assert_error(&d, &format!("graphql/{}", d.graphql[0].0), "", "read-only scope");
    let mut d = data();
    scope_mut(&mut d, "store_cart").sources.clear();
    assert_error(&d, "scopes.toml", "scope store_cart", "has no sources");
}

#[test]
fn read_only_scope_on_a_write_method() {
    let mut d = data();
    op_mut(&mut d, "catalog-products-v3.toml", "POST", "/catalog/products").scope =
        Some("store_v2_products_read_only".into());
    assert_error(
        &d,
        "endpoints/catalog-products-v3.toml",
        "POST /stores/{store_hash}/v3/catalog/products",
        "read-only scope `store_v2_products_read_only` cannot allow POST",
    );
}

#[test]
fn route_without_a_requirement() {
    let mut d = data();
    let op = op_mut(&mut d, "catalog-products-v3.toml", "GET", "/catalog/products");
    op.scope = None;
    assert_error(
        &d,
        "endpoints/catalog-products-v3.toml",
        "GET /stores/{store_hash}/v3/catalog/products",
        "no scope is named",
    );
    let mut d = data();
    let op = op_mut(&mut d, "catalog-products-v3.toml", "GET", "/catalog/products");
    op.requirement = RequirementKind::None;
    assert_error(&d, "endpoints/catalog-products-v3.toml", "GET /stores/{store_hash}/v3/catalog/products", "but scope");
}

#[test]
fn duplicate_route_and_same_shape_templates() {
    let mut d = data();
    let f = &mut d.endpoints.iter_mut().find(|(n, _)| n == "catalog-products-v3.toml").unwrap().1;
    let dup = f.operation[0].clone();
    f.operation.push(dup.clone());
    assert_error(&d, "endpoints/catalog-products-v3.toml", &dup.path, "duplicate route");

    let mut d = data();
    let f = &mut d.endpoints.iter_mut().find(|(n, _)| n == "catalog-products-v3.toml").unwrap().1;
    let mut other = f.operation.iter().find(|o| o.path == "/catalog/products/{product_id}").unwrap().clone();
    other.path = "/catalog/products/{id}".into();
    other.method = bigcommerce_scopes::Method::Patch;
    f.operation.push(other);
    assert_error(
        &d,
        "endpoints/catalog-products-v3.toml",
        "/catalog/products/{id}",
        "matches the same concrete paths as",
    );
}

#[test]
fn dangling_references_in_apis_and_endpoints() {
    let mut d = data();
    d.apis.api[0].auth_scheme = "x-auth-tokn".into();
    assert_error(&d, "apis.toml", &format!("api {}", d.apis.api[0].id), "auth scheme `x-auth-tokn` is not defined");
    let mut d = data();
    op_mut(&mut d, "catalog-products-v3.toml", "GET", "/catalog/products").scope = Some("store_v2_prodcts".into());
    assert_error(&d, "endpoints/catalog-products-v3.toml", "GET", "scope `store_v2_prodcts` is not a scope");
    let mut d = data();
    d.endpoints[0].1.api = "rest".into();
    let file = format!("endpoints/{}", d.endpoints[0].0);
    assert_error(&d, &file, "spec", "api `rest` is not defined");
}

#[test]
fn use_case_table_must_agree_with_apis() {
    let mut d = data();
    let row = d.use_cases.use_case.iter_mut().find(|u| u.name == "GraphQL Storefront API").unwrap();
    row.account_types.push(bigcommerce_scopes::AccountType::App);
    assert_error(&d, "use_cases.toml", "GraphQL Storefront API", "differ from api graphql-storefront");
}

#[test]
fn error_display_names_file_and_entry() {
    let e = DataError { file: "scopes.toml".into(), entry: "scope x".into(), message: "broken".into() };
    assert_eq!(e.to_string(), "data/scopes.toml: scope x: broken");
}
