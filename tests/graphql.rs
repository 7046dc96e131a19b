//! The GraphQL analysis: documents sent to the Admin, Account and Storefront APIs get the scopes
//! the docs state for their fields, `unknown` where the docs state none, and clear errors.

mod common;

use bigcommerce_scopes::graphql::{analyze, Endpoint, Statement};
use bigcommerce_scopes::plan::{Audit, CallList, Need, Plan};
use bigcommerce_scopes::{Api, ErrorKind, GraphqlOperation, HeldBy, RequirementKind, Scope, ScopeSet};
use std::time::Instant;

fn names(scopes: &[Scope]) -> Vec<&'static str> {
    scopes.iter().map(|s| s.name()).collect()
}

/// A document selecting exactly a statement's path (`store.translations` → `query { store { translations { __typename } } }`).
fn document_for(s: &Statement) -> String {
    let path = if s.path == "*" { "anything" } else { s.path };
    let mut doc = String::from("__typename");
    for field in path.rsplit('.') {
        doc = format!("{field} {{ {doc} }}");
    }
    format!("{} {{ {doc} }}", s.operation)
}

#[test]
fn every_statement_is_found_by_a_document_selecting_it() {
    assert!(Statement::all().len() >= 30, "the GraphQL knowledge is there");
    for s in Statement::all() {
        let a = analyze(s.api, &document_for(s)).unwrap_or_else(|e| panic!("{}: {e}", s.route));
        let need = a.needs.iter().find(|n| n.statement == s.path && n.operation == s.operation);
        let need = need.unwrap_or_else(|| panic!("{} not found in {:?}", s.route, a.needs));
        assert_eq!(need.least_privileged, s.least, "{}", s.route);
        if let (RequirementKind::Scope, Some(least)) = (s.requirement, s.least) {
            let set = if s.held_by == HeldBy::TokenMinter { &a.token_scopes } else { &a.scopes };
            assert!(set.iter().any(|h| h.satisfies(least)), "{}: {least} missing from {set:?}", s.route);
        }
        assert!(!s.sources.is_empty() && s.sources.iter().all(|x| x.starts_with("docs:")), "{}", s.route);
    }
}

#[test]
fn every_api_has_statements() {
    for api in [Api::GraphqlAdmin, Api::GraphqlAccount, Api::GraphqlStorefront] {
        assert!(Statement::all().iter().any(|s| s.api == api), "{api}");
    }
}

#[test]
fn admin_translations_read_and_write() {
    let read = "query { store { translations(filters: {resourceType: PRODUCTS}) { edges { node { resourceId } } } } }";
    let a = analyze(Api::GraphqlAdmin, read).unwrap();
    assert_eq!(names(&a.scopes), ["store_translations_read_only"]);
    assert!(a.is_complete() && a.unknown.is_empty());
    assert_eq!(names(a.needs[0].accepted), ["store_translations_read_only", "store_translations"]);
    let both = format!("{read}\nmutation Up {{ translation {{ updateTranslations(input: {{}}) {{ __typename }} }} }}");
    let a = analyze(Api::GraphqlAdmin, &both).unwrap();
    assert_eq!(names(&a.scopes), ["store_translations"], "modify absorbs read-only");
    assert_eq!(a.operations.len(), 2);
    assert_eq!(names(&a.operations[0].scopes), ["store_translations_read_only"]);
    assert_eq!(a.operations[1].name.as_deref(), Some("Up"));
    assert_eq!(a.operations[1].operation, GraphqlOperation::Mutation);
}

#[test]
fn fragments_aliases_and_variables() {
    let doc = r#"
        query Translations($filters: TranslationsFiltersInput!) {
          first: store { ...T }
          ... on Query { again: store { ... on Store { translations(filters: $filters) { edges { cursor } } } } }
        }
        fragment T on Store { translations(filters: $filters) { edges { node { resourceId } } } }
    "#;
    let a = analyze(Api::GraphqlAdmin, doc).unwrap();
    assert_eq!(names(&a.scopes), ["store_translations_read_only"]);
    let fields = &a.operations[0].fields;
    assert_eq!(fields.len(), 2);
    assert_eq!((fields[0].name.as_str(), fields[0].alias.as_deref()), ("store", Some("first")));
    assert_eq!(fields[0].position.line, 3);
    assert_eq!(fields[1].alias.as_deref(), Some("again"));
    assert_eq!(names(&fields[1].scopes), ["store_translations_read_only"]);
}

#[test]
fn undocumented_fields_are_unknown_never_guessed() {
    let a =
        analyze(Api::GraphqlAdmin, "{ store { translations(filters: {}) { edges { cursor } } somethingNew { id } } }")
            .unwrap();
    assert_eq!(a.unknown, ["store.somethingNew"]);
    assert!(!a.is_complete());
    assert_eq!(names(&a.scopes), ["store_translations_read_only"], "the rest is still answered");
    let a = analyze(Api::GraphqlAdmin, "subscription { anything { id } }").unwrap();
    assert_eq!(a.unknown, ["anything"]);
    assert!(a.scopes.is_empty() && a.token_scopes.is_empty());
    let a = analyze(Api::GraphqlAdmin, "query { __typename }").unwrap();
    assert!(a.is_complete() && a.scopes.is_empty(), "__typename needs nothing");
}

#[test]
fn storefront_scopes_belong_to_the_token_minter() {
    let a = analyze(Api::GraphqlStorefront, "query { site { settings { storeName } } }").unwrap();
    assert!(a.scopes.is_empty());
    assert_eq!(names(&a.token_scopes), ["store_storefront_api"]);
    assert!(a.is_complete());
    let inv = "query { site { products { edges { node { inventory { aggregated { availableToSell } } } } } } }";
    let a = analyze(Api::GraphqlStorefront, inv).unwrap();
    assert!(a.token_scopes.contains(&Scope::StoreStorefrontApi));
    assert!(a.token_scopes.len() >= 2, "the inventory page names a scope of the minting account: {:?}", a.token_scopes);
    assert!(a.needs.iter().all(|n| n.held_by == HeldBy::TokenMinter));
}

#[test]
fn account_api_users_and_unknown_account_id() {
    let a = analyze(Api::GraphqlAccount, "query { account { id users { edges { node { email } } } } }").unwrap();
    assert_eq!(names(&a.scopes), ["account_users_read"]);
    assert_eq!(a.unknown, ["account.id"]);
    let a = analyze(
        Api::GraphqlAccount,
        "query { account { stores { edges { node { users { edges { node { email } } } } } } } }",
    )
    .unwrap();
    assert_eq!(
        names(&a.scopes),
        ["account_stores_read", "account_users_read"],
        "a nested statement adds to its parent's"
    );
}

#[test]
fn metafield_ownership_has_its_condition() {
    let doc = "mutation M($input: ReassignMetafieldsOwnerInput!) { metafield { reassignMetafieldsOwner(input: $input) { metafieldIds } } }";
    let a = analyze(Api::GraphqlAdmin, doc).unwrap();
    assert_eq!(names(&a.scopes), ["store_metafield_change_owner"]);
    assert!(a.needs[0].conditional.iter().any(|c| c.scope == Scope::StoreMetafieldWriteAll));
    assert!(!a.scopes.contains(&Scope::StoreMetafieldWriteAll), "a condition is reported, not assumed");
}

#[test]
fn malformed_documents_say_where() {
    let e = analyze(Api::GraphqlAdmin, "query {\n  store { translations( }\n}").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidGraphql);
    assert!(e.to_string().contains("line 2, column"), "{e}");
    for (doc, says) in [
        ("", "line 1, column 1"),
        ("fragment F on Store { name }", "no operation"),
        ("query { ...Missing }", "never defined"),
        ("query { store { ...A } } fragment A on Store { ...B } fragment B on Store { ...A }", "cycle"),
        ("query { ...A } fragment A on Query { ...A }", "cycle"),
        ("query { a } fragment F on X { a } fragment F on X { b }", "defined twice"),
    ] {
        let e = analyze(Api::GraphqlAdmin, doc).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidGraphql, "{doc}");
        assert!(e.to_string().contains(says), "{doc}: {e}");
    }
    let e = analyze(Api::RestManagement, "{ a }").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnknownApi);
}

#[test]
fn hostile_documents_end_quickly() {
    // Each fragment spreads the next twice: 2^40 paths if expanded naively.
    let mut doc = String::from("query { store { ...F0 } }\n");
    for i in 0..40 {
        doc.push_str(&format!(
            "fragment F{i} on Store {{ ...F{} ...F{} translations(filters: {{}}) {{ edges {{ cursor }} }} }}\n",
            i + 1,
            i + 1
        ));
    }
    doc.push_str("fragment F40 on Store { name }\n");
    let start = Instant::now();
    let a = analyze(Api::GraphqlAdmin, &doc).unwrap();
    assert_eq!(names(&a.scopes), ["store_translations_read_only"]);
    assert!(start.elapsed().as_secs() < 5);
    let deep = format!("query {}{}", "{ a ".repeat(5000), "}".repeat(5000));
    assert_eq!(analyze(Api::GraphqlAdmin, &deep).unwrap_err().kind(), ErrorKind::InvalidGraphql);
    let huge = "#".repeat(bigcommerce_scopes::graphql::MAX_DOCUMENT_LEN + 1);
    assert_eq!(analyze(Api::GraphqlAdmin, &huge).unwrap_err().kind(), ErrorKind::InvalidGraphql);
}

#[test]
fn plans_and_audits_take_graphql_calls() {
    let calls = CallList::parse_calls(
        "GRAPHQL admin query { store { translations(filters: {}) { edges { cursor } } } }\n\
         GRAPHQL account { account { users { edges { node { email } } } } }\n\
         GET /v3/catalog/products\n",
    );
    assert!(calls.errors.is_empty(), "{:?}", calls.errors);
    let plan = Plan::new(&calls, None);
    let set: Vec<&str> = plan.scopes.iter().map(Scope::name).collect();
    assert_eq!(set, ["store_v2_products_read_only", "store_translations_read_only", "account_users_read"]);
    assert!(plan.calls.iter().all(|c| c.requirement != Need::PerQuery));
    assert!(plan.account_types.is_empty(), "no account type serves both the store and the account APIs");
    let granted =
        ScopeSet::parse_list("store_v2_products_read_only store_translations account_users_read").unwrap().scopes;
    let audit = Audit::new(&calls, &granted, None);
    assert!(audit.missing.is_empty());
    assert_eq!(audit.downgrades[0].scope, Scope::StoreTranslations);
}

#[test]
fn calls_files_name_graphql_documents() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.graphql"),
        "mutation { translation { deleteTranslations(input: {}) { __typename } } }",
    )
    .unwrap();
    let list = CallList::parse_calls_in(
        "GRAPHQL admin t.graphql\nGRAPHQL nope t.graphql\nGRAPHQL admin missing.graphql\n",
        dir.path(),
    );
    assert_eq!(list.calls.len(), 1);
    assert_eq!(list.errors.len(), 2);
    assert_eq!(list.errors[0].kind, ErrorKind::UnknownApi);
    let plan = Plan::new(&list, None);
    assert_eq!(plan.scopes.iter().collect::<Vec<_>>(), [Scope::StoreTranslations]);
    let bad = CallList::parse_calls("GRAPHQL admin query { store {");
    let plan = Plan::new(&bad, None);
    assert_eq!(plan.unresolved[0].kind, ErrorKind::InvalidGraphql);
}

#[test]
fn har_graphql_bodies_are_read() {
    let body =
        serde_json::json!({"query": "query { store { translations(filters: {}) { edges { cursor } } } }"}).to_string();
    let batch = serde_json::json!([{"query": "{ site { settings { storeName } } }"}]).to_string();
    let har = serde_json::json!({"log": {"entries": [
        {"request": {"method": "POST", "url": "https://api.bigcommerce.com/stores/abc/graphql", "postData": {"mimeType": "application/json", "text": body}}},
        {"request": {"method": "POST", "url": "https://store-abc.mybigcommerce.com/graphql", "postData": {"text": batch}}},
        {"request": {"method": "POST", "url": "https://api.bigcommerce.com/stores/abc/graphql"}}
    ]}})
    .to_string();
    let list = CallList::from_har(&har).unwrap();
    assert_eq!(list.calls.len(), 3);
    let plan = Plan::new(&list, None);
    assert!(plan.scopes.contains(Scope::StoreTranslationsReadOnly));
    assert!(plan.scopes.contains(Scope::StoreStorefrontApi));
    assert!(plan.calls.iter().any(|c| c.requirement == Need::PerQuery), "a body-less request stays per query");
}

#[test]
fn endpoints_name_their_api() {
    for (target, api) in [
        ("https://api.bigcommerce.com/stores/abc123/graphql", Api::GraphqlAdmin),
        ("https://api.bigcommerce.com/accounts/6b0a1b2c-3d4e-5f60-7182-93a4b5c6d7e8/graphql", Api::GraphqlAccount),
        ("https://shop.example.com/graphql", Api::GraphqlStorefront),
        ("/graphql", Api::GraphqlStorefront),
    ] {
        assert_eq!(Endpoint::from_target(target).map(Endpoint::api), Some(api), "{target}");
        let run = common::run(&["endpoint", "POST", target, "--json"], None, "");
        assert_eq!(run.code, 0, "{}", run.stderr);
        let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(v["api"], api.id());
        assert_eq!(v["requirement"], "per-document");
        assert_eq!(v["auth_scheme"], api.auth_scheme().info().id);
        assert_eq!(v["account_types"].as_array().unwrap().len(), api.info().account_types.len());
    }
    let run = common::run(&["endpoint", "GET", "/stores/abc/graphql"], None, "");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("POST"), "{}", run.stderr);
}

#[test]
fn cli_graphql_answers() {
    let doc = "query Q { store { translations(filters: {}) { edges { cursor } } somethingNew } }\nmutation { translation { updateTranslations(input: {}) { __typename } } }\n";
    let run = common::run(&["graphql", "--api", "admin", "-", "--json"], None, doc);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("graphql_admin_json", run.stdout);
    let run = common::run(&["graphql", "-"], None, doc);
    insta::assert_snapshot!("graphql_admin_human", run.stdout);
    assert!(run.stderr.contains("store.somethingNew"));
    let run = common::run(&["graphql", "--api", "storefront", "-"], None, "{ site { settings { storeName } } }");
    insta::assert_snapshot!("graphql_storefront_human", run.stdout);
    let run = common::run(&["graphql", "--api", "rest", "-", "--json"], None, "{ a }");
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains("\"kind\": \"unknown_api\""), "{}", run.stdout);
    let run = common::run(&["graphql", "-", "--json"], None, "query {\n  store {");
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains("invalid_graphql") && run.stdout.contains("line 2"), "{}", run.stdout);
}

#[test]
fn cli_plan_reads_documents_beside_the_calls_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("q.graphql"), "{ store { translations(filters: {}) { edges { cursor } } } }")
        .unwrap();
    let calls = dir.path().join("calls.txt");
    std::fs::write(&calls, "GRAPHQL admin q.graphql\n").unwrap();
    // Run from the crate root: the document is found beside the calls file, not in the current folder.
    let run = common::run(&["plan", "--from", calls.to_str().unwrap(), "--json"], None, "");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["scopes"], serde_json::json!(["store_translations_read_only"]));
}
