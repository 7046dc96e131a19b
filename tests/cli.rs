//! The `bc-scopes` command line, run as a user runs it: snapshots of every command's human and JSON
//! output, the error cases and their exit status, and `--json` anywhere on the command line.

#![cfg(feature = "cli")] // the binary is built only with the `cli` feature

use serde_json::Value;

mod common;

use common::Run;

fn bc(args: &[&str]) -> Run {
    common::run(args, None, "")
}

/// The command, its exit status, stdout and stderr, as one text to snapshot.
fn transcript(args: &[&str]) -> String {
    bc(args).transcript(&common::shown(args))
}

/// Run a command that must succeed with JSON on stdout; returns the parsed value.
fn json_ok(args: &[&str]) -> Value {
    let r = bc(args);
    assert_eq!(r.code, 0, "{args:?} failed: {}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{args:?}: stdout is not JSON ({e}):\n{}", r.stdout))
}

/// Run a command that must fail with status 2 and a JSON error on stdout; returns the error object.
fn json_err(args: &[&str]) -> Value {
    let r = bc(args);
    assert_eq!(r.code, 2, "{args:?} should fail with status 2:\n{}{}", r.stdout, r.stderr);
    assert!(r.stderr.starts_with("error: "), "{args:?}: stderr should start with `error: `:\n{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{args:?}: stdout is not JSON ({e})"));
    let err = v["error"].clone();
    assert!(err["kind"].is_string() && err["message"].is_string() && err["suggestions"].is_array(), "{v}");
    assert_eq!(v.as_object().unwrap().len(), 1, "only `error` at the top level: {v}");
    err
}

macro_rules! snapshot {
    ($name:literal, $($arg:expr),+ $(,)?) => {
        insta::assert_snapshot!($name, transcript(&[$($arg),+]))
    };
}

// ---- scope ----------------------------------------------------------------------------------

#[test]
fn scope_human() {
    snapshot!("scope_store_v2_products", "scope", "store_v2_products");
    snapshot!("scope_store_v2_products_read_only", "scope", "store_v2_products_read_only");
    snapshot!("scope_store_checkouts_variant", "scope", "store_checkouts");
    snapshot!("scope_account_users_write", "scope", "account_users_write");
    snapshot!("scope_default", "scope", "default");
    snapshot!("scope_manage_tax", "scope", "MANAGE_TAX");
}

#[test]
fn scope_json() {
    snapshot!("scope_store_v2_products_json", "scope", "store_v2_products", "--json");
    snapshot!("scope_store_v2_products_read_only_json", "scope", "store_v2_products_read_only", "--json");
    snapshot!("scope_store_checkouts_variant_json", "scope", "store_checkouts", "--json");
    snapshot!("scope_account_users_write_json", "scope", "account_users_write", "--json");
    snapshot!("scope_default_json", "scope", "default", "--json");
    snapshot!("scope_manage_tax_json", "scope", "MANAGE_TAX", "--json");
}

#[test]
fn scope_json_has_the_documented_fields() {
    let v = json_ok(&["scope", "store_v2_products", "--json"]);
    assert_eq!(v["name"], "store_v2_products");
    assert_eq!(v["ui_name"], "Products");
    assert_eq!(v["permission"], "modify");
    assert!(v["description"].as_str().is_some_and(|d| !d.is_empty()));
    assert_eq!(v["account_types"], serde_json::json!(["store", "app"]));
    assert_eq!(v["implies"], serde_json::json!(["store_v2_products_read_only"]));
    assert_eq!(v["resources"][0], serde_json::json!({"name": "Catalog V3", "path": "/v3/catalog"}));
    assert_eq!(v["warnings"], serde_json::json!([]));

    let ro = json_ok(&["scope", "store_v2_products_read_only", "--json"]);
    assert_eq!(ro["permission"], "read-only");
    assert_eq!(ro["implied_by"], serde_json::json!(["store_v2_products"]));
}

#[test]
fn scope_variant_spelling_warns_and_shows_the_canonical_scope() {
    let r = bc(&["scope", "store_checkouts"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("Scope:          store_checkout\n"), "{}", r.stdout);
    assert!(r.stderr.starts_with("warning: `store_checkouts`"), "{}", r.stderr);

    let r = bc(&["scope", "store_checkouts", "--json"]);
    assert!(r.stderr.starts_with("warning: "), "the warning goes to stderr with --json too");
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["name"], "store_checkout");
    assert_eq!(v["warnings"].as_array().unwrap().len(), 1);
    assert!(v["warnings"][0].as_str().unwrap().contains("`store_checkout`"));
}

#[test]
fn token_spellings_show_their_scope_without_a_warning() {
    // `store_v2_default` is how token responses spell `default`: no warning, the canonical scope.
    let r = bc(&["scope", "store_v2_default"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""), "{}", r.stdout);
    assert!(r.stdout.starts_with("Scope:           default\n"), "{}", r.stdout);
    assert!(r.stdout.contains("Token spelling:  store_v2_default\n"), "{}", r.stdout);
    let v = json_ok(&["scope", "store_v2_default", "--json"]);
    assert_eq!((v["name"].as_str(), v["warnings"].as_array().map(Vec::len)), (Some("default"), Some(0)));
    assert_eq!(v["token_names"], serde_json::json!(["store_v2_default"]));

    snapshot!("scope_users_basic_information", "scope", "users_basic_information");
    let v = json_ok(&["scope", "users_basic_information", "--json"]);
    assert_eq!(v["group"], "user-identity");
    assert_eq!(v["origin"], "token");
    assert_eq!(v["permission"], "undocumented");
    assert_eq!(v["account_types"], serde_json::json!(["app"]));
    assert!(v["sources"].as_array().unwrap().iter().any(|s| s.as_str().unwrap().starts_with("code:")), "{v}");
    assert_eq!(v["warnings"], serde_json::json!([]));
}

#[test]
fn check_accepts_a_token_responses_scopes() {
    let dir = std::env::temp_dir().join(format!("bc-scopes-check-token-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("sync.js"), "fetch(`https://api.bigcommerce.com/stores/${hash}/v2/store`);\n").unwrap();
    let path = dir.to_str().unwrap();
    let granted = "store_v2_default store_v2_information_read_only users_basic_information";
    let r = bc(&["check", path, "--granted", granted, "--fail-level", "warning"]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stderr, "", "no warning for BigCommerce's own spellings");
    assert!(!r.stdout.contains("excess"), "{}", r.stdout);
}

// ---- scopes ---------------------------------------------------------------------------------

#[test]
fn scopes_table() {
    snapshot!("scopes", "scopes");
    snapshot!("scopes_json", "scopes", "--json");
    snapshot!("scopes_token_creation", "scopes", "--group", "token-creation");
    snapshot!("scopes_account_level", "scopes", "--account-type", "account");
    snapshot!("scopes_legacy", "scopes", "--account-type", "legacy");
}

#[test]
fn scopes_json_lists_every_scope_in_order() {
    let v = json_ok(&["--json", "scopes"]);
    let names: Vec<&str> = v.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    let expected: Vec<&str> = bigcommerce_scopes::Scope::all().iter().map(|s| s.name).collect();
    assert_eq!(names, expected);
    let filtered =
        json_ok(&["scopes", "--account-type", "App-level API account", "--group", "token-creation", "--json"]);
    assert_eq!(filtered.as_array().unwrap().len(), 3);
}

// ---- api / apis -----------------------------------------------------------------------------

#[test]
fn api_human() {
    snapshot!("api_rest_management", "api", "rest-management");
    snapshot!("api_graphql_storefront_by_display_name", "api", "GraphQL Storefront API");
    snapshot!("api_current_customer", "api", "current-customer");
    snapshot!("api_payments", "api", "payments");
    snapshot!("api_customer_login", "api", "customer-login");
    snapshot!("api_tax_provider", "api", "tax-provider");
}

#[test]
fn api_json() {
    snapshot!("api_rest_management_json", "api", "rest-management", "--json");
    snapshot!("api_graphql_storefront_by_display_name_json", "api", "GraphQL Storefront API", "--json");
    snapshot!("api_current_customer_json", "api", "current-customer", "--json");
    snapshot!("api_payments_json", "api", "payments", "--json");
    snapshot!("api_customer_login_json", "api", "customer-login", "--json");
    snapshot!("api_tax_provider_json", "api", "tax-provider", "--json");
}

#[test]
fn every_required_api_slug_resolves() {
    for slug in [
        "rest-management",
        "graphql-admin",
        "graphql-storefront",
        "graphql-account",
        "rest-storefront",
        "customer-login",
        "current-customer",
        "payments",
        "shipping-provider",
        "tax-provider",
        "app-extensions",
        "webhooks",
    ] {
        let v = json_ok(&["api", slug, "--json"]);
        assert_eq!(v["name"], slug);
        assert!(v["auth_scheme"].is_string() && v["account_types"].is_array(), "{slug}: {v}");
        assert!(v.get("header").is_some(), "{slug}: `header` is present (null when there is none)");
    }
}

#[test]
fn api_json_has_the_documented_fields() {
    let v = json_ok(&["api", "graphql storefront api", "--json"]);
    assert_eq!(v["name"], "graphql-storefront");
    assert_eq!(v["display_name"], "GraphQL Storefront API");
    assert_eq!(v["auth_scheme"], "bearer-jwt");
    assert_eq!(v["header"], "Authorization");
    assert_eq!(v["value_format"], "Bearer {token}");
    assert_eq!(v["account_types"], serde_json::json!(["store"]));

    let v = json_ok(&["api", "rest-management", "--json"]);
    assert_eq!((v["auth_scheme"].as_str(), v["header"].as_str()), (Some("x-auth-token"), Some("X-Auth-Token")));
    let v = json_ok(&["api", "current-customer", "--json"]);
    assert_eq!(v["header"], Value::Null);
    assert_eq!(v["query_parameter"], "app_client_id");
}

#[test]
fn apis_table() {
    snapshot!("apis", "apis");
    snapshot!("apis_json", "apis", "--json");
}

// ---- account types --------------------------------------------------------------------------

#[test]
fn account_types() {
    snapshot!("account_types", "account-types");
    snapshot!("account_types_json", "account-types", "--json");
    snapshot!("account_type_app", "account-type", "app");
    snapshot!("account_type_legacy", "account-type", "legacy");
    snapshot!("account_type_account_json", "account-type", "Account-level API account", "--json");
}

#[test]
fn account_types_json_holds_the_current_table() {
    let v = json_ok(&["account-types", "--json"]);
    let ids: Vec<&str> = v["account_types"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["store", "app", "account", "legacy"]);
    let current = v["use_cases"].as_array().unwrap().iter().filter(|u| u["table"] == "current").count();
    assert_eq!(current, 13);
}

// ---- errors ---------------------------------------------------------------------------------

#[test]
fn unknown_scope() {
    snapshot!("error_unknown_scope", "scope", "store_crat");
    snapshot!("error_unknown_scope_json", "scope", "store_crat", "--json");
    let r = bc(&["scope", "store_crat"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "", "no JSON without --json");
    assert_eq!(r.stderr, "error: unknown scope `store_crat` (did you mean `store_cart`?)\n");

    let err = json_err(&["scope", "store_crat", "--json"]);
    assert_eq!(err["kind"], "unknown_scope");
    assert_eq!(err["message"], "unknown scope `store_crat`");
    assert_eq!(err["suggestions"], serde_json::json!(["store_cart"]));

    // Scope names are case-sensitive, as BigCommerce sends them.
    let err = json_err(&["scope", "STORE_CART", "--json"]);
    assert_eq!(err["kind"], "unknown_scope");
    assert_eq!(err["suggestions"][0], "store_cart");
}

#[test]
fn unknown_api() {
    snapshot!("error_unknown_api", "api", "graphql-storefrnt");
    snapshot!("error_unknown_api_json", "api", "graphql-storefrnt", "--json");
    let err = json_err(&["api", "graphql-storefrnt", "--json"]);
    assert_eq!(err["kind"], "unknown_api");
    assert_eq!(err["suggestions"][0], "graphql-storefront");
}

#[test]
fn unknown_account_type() {
    snapshot!("error_unknown_account_type_json", "account-type", "stor", "--json");
    let err = json_err(&["scopes", "--account-type", "shop", "--json"]);
    assert_eq!(err["kind"], "unknown_account_type");
}

/// Every "did you mean" is said once: in stderr, a message never names a value again that its
/// suggestions name, and a suggestion list never names one scope or API twice (under two spellings).
#[test]
fn suggestions_are_said_once() {
    let cases: [&[&str]; 9] = [
        &["scope", "store_v2_prodcts"],
        &["scope", "store_checkout_read"],
        &["api", "rest-managment"],
        &["api", "graphql-admn-api"],
        &["endpoint", "GET", "/v3/catalog/prodcts"],
        &["account-type", "stor"],
        &["audit", "--granted", "store_v2_prodcts", "GET /v3/catalog/products"],
        &["graphql", "--api", "admn", "tests/fixtures/plan/catalog-sync.calls"],
        &["plan", "GET /v3/catalog/prodcts", "GET /v2/orders"],
    ];
    let mut all = String::new();
    for args in cases {
        let r = bc(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        for line in r.stdout.lines().chain(r.stderr.lines()) {
            assert!(line.matches("did you mean").count() <= 1, "{args:?}: {line}");
        }
        let with_json: Vec<&str> = args.iter().copied().chain(["--json"]).collect();
        let j = bc(&with_json);
        assert!(j.stderr.matches("did you mean").count() <= 1, "{args:?}: {}", j.stderr);
        if let Ok(v) = serde_json::from_str::<Value>(&j.stdout) {
            if let Some(message) = v["error"]["message"].as_str() {
                assert!(
                    !message.contains("did you mean"),
                    "{args:?}: the JSON message leaves suggestions to `suggestions`"
                );
            }
        }
        all.push_str(&bc(args).transcript(&common::shown(args)));
        all.push('\n');
    }
    insta::assert_snapshot!("error_suggestions_said_once", all);
    // One scope under two spellings (`store_checkout`, `store_checkouts`) is suggested once.
    let err = json_err(&["scope", "store_checkout_read", "--json"]);
    assert_eq!(
        err["suggestions"],
        serde_json::json!(["store_checkout_read_only", "store_checkout", "store_checkout_content"])
    );
    // One API under its id and its name is suggested once.
    let err = json_err(&["api", "graphql-admn-api", "--json"]);
    assert_eq!(err["suggestions"], serde_json::json!(["GraphQL Admin API"]));
}

#[test]
fn unknown_account_types_list_the_valid_ones() {
    for args in [
        &["account-type", "shop"][..],
        &["scopes", "--account-type", "shop"],
        &["plan", "GET /v2/orders", "--account-type", "shop"],
        &["audit", "--granted", "store_v2_orders", "--account-type", "shop", "GET /v2/orders"],
    ] {
        let r = bc(args);
        assert_eq!(r.code, 2, "{args:?}");
        assert_eq!(
            r.stderr, "error: unknown account type `shop`: expected store, app, account or legacy\n",
            "{args:?}"
        );
        let with_json: Vec<&str> = args.iter().copied().chain(["--json"]).collect();
        let err = json_err(&with_json);
        assert_eq!(err["kind"], "unknown_account_type");
        assert_eq!(err["message"], "unknown account type `shop`: expected store, app, account or legacy");
    }
    snapshot!("error_unknown_account_type", "account-type", "stor");
    // `legacy` is one of them.
    assert_eq!(bc(&["plan", "GET /v2/orders", "--account-type", "legacy"]).code, 0);
}

#[test]
fn bad_arguments() {
    snapshot!("error_unknown_subcommand", "scop", "store_cart");
    snapshot!("error_unknown_subcommand_json", "--json", "scop", "store_cart");
    snapshot!("error_missing_argument_json", "scope", "--json");
    snapshot!("error_unknown_flag_json", "apis", "--jsn", "--json");
    snapshot!("error_no_subcommand_json", "--json");

    for args in [
        &["scop", "store_cart", "--json"][..],
        &["scope", "--json"],
        &["scope", "a", "b", "--json"],
        &["apis", "--verbose", "--json"],
        &["scopes", "--group", "nope", "--json"],
        &["--json"],
    ] {
        let err = json_err(args);
        assert_eq!(err["kind"], "invalid_arguments", "{args:?}");
        assert!(!err["message"].as_str().unwrap().contains('\n'), "{args:?}: one-line message");
    }
    let err = json_err(&["scop", "--json"]);
    assert!(err["suggestions"].as_array().unwrap().iter().any(|s| s == "scope"), "{err}");

    // Without --json: status 2, usage on stderr, nothing on stdout.
    for args in [&["scop"][..], &["scope"], &[]] {
        let r = bc(args);
        assert_eq!((r.code, r.stdout.as_str()), (2, ""), "{args:?}");
        assert!(!r.stderr.is_empty());
    }
}

// ---- --json anywhere, --help, --version -----------------------------------------------------

#[test]
fn json_flag_is_accepted_anywhere() {
    let after = bc(&["scope", "store_cart", "--json"]);
    for args in [&["--json", "scope", "store_cart"][..], &["scope", "--json", "store_cart"]] {
        let r = bc(args);
        assert_eq!(r.code, 0, "{args:?}");
        assert_eq!(r.stdout, after.stdout, "{args:?}");
    }
    let v: Value = serde_json::from_str(&after.stdout).unwrap();
    assert_eq!(v["name"], "store_cart");

    assert_eq!(bc(&["--json", "apis"]).stdout, bc(&["apis", "--json"]).stdout);
    assert_eq!(bc(&["--json", "api", "payments"]).stdout, bc(&["api", "payments", "--json"]).stdout);
    assert_eq!(bc(&["--json", "account-types"]).stdout, bc(&["account-types", "--json"]).stdout);
    // Errors found before and after the flag are JSON as well.
    assert_eq!(json_err(&["--json", "api", "nope"])["kind"], "unknown_api");
}

#[test]
fn help_and_version() {
    snapshot!("help", "--help");
    let r = bc(&["--version"]);
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout, format!("bc-scopes {}\n{}\n", env!("CARGO_PKG_VERSION"), bigcommerce_scopes::DATA_VERSION));
    assert_eq!(bc(&["-V"]).stdout, r.stdout);

    let v = json_ok(&["--version", "--json"]);
    assert_eq!(v["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["data_version"], bigcommerce_scopes::DATA_VERSION);

    for args in [&["--help"][..], &["scope", "--help"], &["help", "api"]] {
        let r = bc(args);
        assert_eq!(r.code, 0, "{args:?}");
        assert!(r.stdout.contains("Usage: bc-scopes"), "{args:?}");
    }
}

/// The binary is position-independent (ELF type `ET_DYN`), so it loads at a random address. On Linux
/// with glibc, `BC_SCOPES_NO_PIE=1` at build time links it position-dependent (`ET_EXEC`, faster to
/// start: build.rs); this test then expects that, so `BC_SCOPES_NO_PIE=1 cargo test --test cli`
/// tests the opt-in.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn binary_is_position_independent_unless_asked_otherwise() {
    let elf = std::fs::read(env!("CARGO_BIN_EXE_bc-scopes")).expect("read the binary");
    assert_eq!(&elf[..4], b"\x7fELF");
    let e_type = u16::from_le_bytes([elf[16], elf[17]]);
    let no_pie = option_env!("BC_SCOPES_NO_PIE").is_some_and(|v| !v.is_empty() && v != "0");
    assert_eq!(e_type, if no_pie { 2 } else { 3 }, "ELF type {e_type} (2 = EXEC, 3 = DYN); BC_SCOPES_NO_PIE={no_pie}");
}
