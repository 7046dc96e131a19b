//! The knowledge base through the library API: scope parsing, metadata, implications, and the
//! account-type matrix of the newest "Choosing the right kind of API account" table, cell by cell.

use bigcommerce_scopes::{
    AccountType, Api, AuthScheme, CredentialLocation, ErrorKind, Method, OpenApiSnapshot, Origin, Permission, Scope,
    ScopeGroup, ScopeSet, UseCase, UseCaseTable, DATA_VERSION,
};
use std::collections::HashSet;
use strum::VariantArray;

// ---- parsing --------------------------------------------------------------------------------

#[test]
fn every_scope_parses_by_its_exact_name() {
    for info in Scope::all() {
        assert_eq!(Scope::from_name(info.name), Some(info.scope), "{}", info.name);
        assert_eq!(info.name.parse::<Scope>().unwrap(), info.scope);
        let p = Scope::parse_lenient(info.name).unwrap();
        assert_eq!((p.scope, p.variant, p.warning()), (info.scope, None, None));
        assert_eq!(info.scope.name(), info.name);
        assert_eq!(info.scope.to_string(), info.name, "Display is the parameter name");
    }
}

#[test]
fn scope_names_are_case_sensitive() {
    assert_eq!(Scope::from_name("STORE_CART"), None);
    let err = "STORE_CART".parse::<Scope>().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownScope);
    assert_eq!(err.suggestions()[0], "store_cart");

    // The one scope a spec spells in upper case is only known that way.
    assert_eq!(Scope::from_name("MANAGE_TAX"), Some(Scope::ManageTax));
    let err = Scope::parse_lenient("manage_tax").unwrap_err();
    assert_eq!(err.suggestions()[0], "MANAGE_TAX");
    assert!(Scope::parse_lenient(" store_cart").is_err(), "no trimming of a single name");
}

#[test]
fn variant_spellings_parse_leniently_with_a_warning() {
    let variants = [
        ("store_checkouts", Scope::StoreCheckout),
        ("store_checkouts_read_only", Scope::StoreCheckoutReadOnly),
        ("store_checkout_content", Scope::StoreContentCheckout),
        ("store_checkout_content_read_only", Scope::StoreContentCheckoutReadOnly),
    ];
    for (spelling, canonical) in variants {
        let p = Scope::parse_lenient(spelling).unwrap();
        assert_eq!((p.scope, p.variant), (canonical, Some(spelling)));
        let w = p.warning().unwrap();
        assert!(w.contains(&format!("`{spelling}`")) && w.contains(&format!("`{}`", canonical.name())), "{w}");
        assert!(canonical.info().variants.contains(&spelling));
        assert_eq!(Scope::from_name(spelling), None, "a variant is not a canonical name");

        // Strict parsing refuses it, naming the canonical scope.
        let err = spelling.parse::<Scope>().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownScope);
        assert_eq!(err.suggestions(), [canonical.name()]);
    }
    let all_variants: usize = Scope::all().iter().map(|s| s.variants.len()).sum();
    assert_eq!(all_variants, variants.len());
}

#[test]
fn unknown_scopes_suggest_the_nearest() {
    let err = Scope::parse_lenient("store_crat").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownScope);
    assert_eq!(err.message(), "unknown scope `store_crat`");
    assert_eq!(err.suggestions(), ["store_cart"]);
    assert_eq!(err.to_string(), "unknown scope `store_crat` (did you mean `store_cart`?)");

    assert_eq!(Scope::parse_lenient("store_v2_product").unwrap_err().suggestions()[0], "store_v2_products");
    assert_eq!(
        Scope::parse_lenient("store_products_read_only").unwrap_err().suggestions()[0],
        "store_v2_products_read_only"
    );
    assert!(Scope::parse_lenient("").is_err());
    assert!(Scope::parse_lenient("completely unrelated words here").unwrap_err().suggestions().is_empty());
}

#[test]
fn scope_lists_parse_with_spaces_and_commas() {
    let expected: ScopeSet = [Scope::StoreV2OrdersReadOnly, Scope::StoreCart].into_iter().collect();
    for list in [
        // An OAuth token response's `scope` field.
        "store_v2_orders_read_only store_cart",
        "store_v2_orders_read_only,store_cart",
        "store_v2_orders_read_only, store_cart",
        "  store_v2_orders_read_only \t store_cart,, ",
        "store_cart store_v2_orders_read_only store_cart",
    ] {
        let parsed = ScopeSet::parse_list(list).unwrap();
        assert_eq!(parsed.scopes, expected, "{list:?}");
        assert!(parsed.warnings.is_empty(), "{list:?}");
    }
    let parsed = ScopeSet::parse_list("store_v2_orders_read_only store_cart").unwrap();
    assert_eq!(parsed.scopes.iter().collect::<Vec<_>>(), [Scope::StoreCart, Scope::StoreV2OrdersReadOnly]);
    assert_eq!(parsed.scopes.len(), 2);

    let empty = ScopeSet::parse_list("").unwrap();
    assert!(empty.scopes.is_empty() && empty.warnings.is_empty());

    let with_variant = ScopeSet::parse_list("store_cart store_checkouts").unwrap();
    assert!(with_variant.scopes.contains(Scope::StoreCheckout));
    assert_eq!(with_variant.warnings.len(), 1);
}

#[test]
fn scope_lists_report_every_unknown_name() {
    let err = ScopeSet::parse_list("store_cart store_ordrs, store_v2_prodcts").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownScope);
    let msg = err.to_string();
    assert!(msg.contains("`store_ordrs`") && msg.contains("`store_v2_prodcts`"), "{msg}");
    assert!(!msg.contains("`store_cart`"), "only the unknown names: {msg}");
    assert!(err.suggestions().iter().any(|s| s == "store_v2_products"), "{:?}", err.suggestions());
}

#[test]
fn apis_parse_by_slug_display_name_and_alias() {
    let slugs = [
        ("rest-management", Api::RestManagement),
        ("graphql-admin", Api::GraphqlAdmin),
        ("graphql-storefront", Api::GraphqlStorefront),
        ("graphql-account", Api::GraphqlAccount),
        ("rest-storefront", Api::RestStorefront),
        ("customer-login", Api::CustomerLogin),
        ("current-customer", Api::CurrentCustomer),
        ("payments", Api::Payments),
        ("shipping-provider", Api::ShippingProvider),
        ("tax-provider", Api::TaxProvider),
        ("app-extensions", Api::AppExtensions),
        ("webhooks", Api::Webhooks),
    ];
    assert_eq!(Api::all().len(), slugs.len());
    for (slug, api) in slugs {
        assert_eq!(Api::parse(slug).unwrap(), api);
        assert_eq!(api.id(), slug);
        assert_eq!(slug.parse::<Api>().unwrap(), api);
    }
    for info in Api::all() {
        assert_eq!(Api::parse(info.name).unwrap(), info.api, "display name {}", info.name);
        assert_eq!(Api::parse(&info.name.to_uppercase()).unwrap(), info.api, "case-insensitive");
        for alias in info.aliases {
            assert_eq!(Api::parse(alias).unwrap(), info.api, "alias {alias}");
        }
    }
    assert_eq!(Api::parse("GraphQL Storefront API").unwrap(), Api::GraphqlStorefront);
    assert_eq!(Api::parse("  graphql storefront api ").unwrap(), Api::GraphqlStorefront);

    let err = Api::parse("graphql-storefrnt").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownApi);
    assert_eq!(err.suggestions()[0], "graphql-storefront");
}

#[test]
fn account_types_parse_by_id_and_name() {
    for info in AccountType::all() {
        let t = info.account_type;
        assert_eq!(AccountType::parse(t.as_str()).unwrap(), t);
        assert_eq!(AccountType::parse(info.name).unwrap(), t);
        assert_eq!(AccountType::parse(&format!("{t}-level")).unwrap(), t);
    }
    assert_eq!(AccountType::parse("Store-level API account").unwrap(), AccountType::Store);
    let err = AccountType::parse("stor").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownAccountType);
    assert_eq!(err.suggestions(), ["store"]);
}

// ---- metadata -------------------------------------------------------------------------------

#[test]
fn scope_metadata() {
    let p = Scope::StoreV2Products.info();
    assert_eq!(p.name, "store_v2_products");
    assert_eq!(p.ui_name, "Products");
    assert_eq!(p.permission, Permission::Modify);
    assert_eq!(p.group, ScopeGroup::StoreResource);
    assert_eq!(p.origin, Origin::Docs);
    assert_eq!(p.account_types, [AccountType::Store, AccountType::App]);
    assert_eq!(p.twin, Some(Scope::StoreV2ProductsReadOnly));
    let resources: Vec<(&str, Option<&str>)> = p.resources.iter().map(|r| (r.name, r.path)).collect();
    assert_eq!(resources, [("Catalog V3", Some("/v3/catalog")), ("Price Lists V3", Some("/v3/pricelists"))]);

    let d = Scope::Default.info();
    assert_eq!((d.name, d.group, d.permission), ("default", ScopeGroup::Default, Permission::Default));
    assert_eq!(d.account_types, [AccountType::Store, AccountType::App, AccountType::Account]);

    let metafields = [
        ("store_metafield_write", Permission::Standard),
        ("store_metafield_write_all", Permission::Full),
        ("store_metafield_change_owner", Permission::Manage),
    ];
    for (name, permission) in metafields {
        assert_eq!(Scope::from_name(name).unwrap().info().permission, permission, "{name}");
    }

    assert_eq!(Scope::StoreAppExtensionsManage.info().account_types, [AccountType::App]);
    assert_eq!(Scope::ManageTax.info().origin, Origin::Spec);
}

#[test]
fn every_scope_is_complete_and_consistent() {
    let mut names = HashSet::new();
    for (i, info) in Scope::all().iter().enumerate() {
        assert_eq!(info.scope as usize, i, "{}: all() is in enum order", info.name);
        assert!(std::ptr::eq(info.scope.info(), info));
        assert!(names.insert(info.name), "duplicate {}", info.name);
        // Only a scope seen solely in token responses lacks a documented UI name.
        assert_eq!(info.ui_name.is_empty(), info.origin == Origin::Token, "{}", info.name);
        assert!(!info.description.is_empty(), "{}", info.name);
        // Only the user-identity grant reaches no resource.
        assert_eq!(info.resources.is_empty(), info.group == ScopeGroup::UserIdentity, "{}", info.name);
        assert!(!info.sources.is_empty(), "{} has no source", info.name);
        assert!(!info.account_types.is_empty(), "{}", info.name);
        assert!(!info.account_types.contains(&AccountType::Legacy), "legacy accounts hold no OAuth scope");
        // account_* scopes are account-level; the others are not.
        let account_level = info.group == ScopeGroup::AccountResource;
        assert_eq!(account_level, info.name.starts_with("account_"), "{}", info.name);
        if account_level {
            assert_eq!(info.account_types, [AccountType::Account], "{}", info.name);
        } else if info.scope != Scope::Default {
            assert!(!info.account_types.contains(&AccountType::Account), "{}", info.name);
        }
        for t in AccountType::VARIANTS {
            assert_eq!(info.scope.holdable_by(*t), info.account_types.contains(t));
        }
        // Spec-only scopes say where they come from.
        if info.origin == Origin::Spec {
            assert!(info.sources.iter().all(|s| s.starts_with("spec:")), "{}", info.name);
            assert!(!info.notes.is_empty(), "{}: a spec-only scope explains itself", info.name);
        }
        // Scopes and spellings seen in token responses cite the public code that shows them.
        if info.origin == Origin::Token || !info.token_names.is_empty() {
            assert!(info.sources.iter().any(|s| s.starts_with("code:")), "{}", info.name);
            assert!(!info.notes.is_empty(), "{}", info.name);
        }
        // Every scope the newest API-accounts page lists cites it.
        if info.origin == Origin::Docs {
            assert!(
                info.sources.iter().any(|s| s.starts_with("docs:start/authentication/api-accounts.mdx#")),
                "{} does not cite the newest API-accounts page",
                info.name
            );
        }
    }
    assert_eq!(names.len(), <Scope as strum::EnumCount>::COUNT);
}

#[test]
fn scope_counts_by_group() {
    let count = |g: ScopeGroup| Scope::all().iter().filter(|s| s.group == g).count();
    assert_eq!(count(ScopeGroup::TokenCreation), 3);
    assert_eq!(count(ScopeGroup::StoreResource), 54);
    assert_eq!(count(ScopeGroup::AccountResource), 10);
    assert_eq!(count(ScopeGroup::Default), 1);
    assert_eq!(count(ScopeGroup::UserIdentity), 1);
    assert_eq!(Scope::all().len(), 69);
    assert_eq!(Scope::all().iter().filter(|s| s.origin == Origin::Spec).count(), 8);
    assert_eq!(Scope::all().iter().filter(|s| s.origin == Origin::Token).count(), 1);

    let token_creation: Vec<&str> =
        Scope::all().iter().filter(|s| s.group == ScopeGroup::TokenCreation).map(|s| s.name).collect();
    assert_eq!(
        token_creation,
        ["store_payments_access_token_create", "store_storefront_api", "store_storefront_api_customer_impersonation"]
    );
    let account: Vec<&str> =
        Scope::all().iter().filter(|s| s.group == ScopeGroup::AccountResource).map(|s| s.name).collect();
    assert_eq!(
        account,
        [
            "account_read",
            "account_apps_read",
            "account_checkouts_read",
            "account_checkouts_create",
            "account_stores_read",
            "account_subscriptions_read",
            "account_subscriptions_cancel",
            "account_users_read",
            "account_users_write",
            "account_users_delete"
        ]
    );
}

#[test]
fn the_six_scopes_of_the_newest_api_accounts_page() {
    // (scope, UI name, permission, description, twin, section of the page)
    let rows = [
        (
            Scope::StoreTranslationsReadOnly,
            "Store Translations",
            Permission::ReadOnly,
            "View store translations",
            Scope::StoreTranslations,
            "store-resource-scopes",
        ),
        (
            Scope::StoreTranslations,
            "Store Translations",
            Permission::Modify,
            "View and modify store translations",
            Scope::StoreTranslationsReadOnly,
            "store-resource-scopes",
        ),
        (
            Scope::AccountCheckoutsRead,
            "Account Checkouts",
            Permission::ReadOnly,
            "View the checkouts associated with an account",
            Scope::AccountCheckoutsCreate,
            "account-resource-scopes",
        ),
        (
            Scope::AccountCheckoutsCreate,
            "Account Checkouts",
            Permission::Modify,
            "Create checkouts associated with an account",
            Scope::AccountCheckoutsRead,
            "account-resource-scopes",
        ),
        (
            Scope::AccountSubscriptionsRead,
            "Account Subscriptions",
            Permission::ReadOnly,
            "View the subscriptions associated with an account",
            Scope::AccountSubscriptionsCancel,
            "account-resource-scopes",
        ),
        (
            Scope::AccountSubscriptionsCancel,
            "Account Subscriptions",
            Permission::Modify,
            "Cancel the subscriptions associated with an account",
            Scope::AccountSubscriptionsRead,
            "account-resource-scopes",
        ),
    ];
    for (scope, ui_name, permission, description, twin, section) in rows {
        let info = scope.info();
        assert_eq!((info.ui_name, info.permission, info.description), (ui_name, permission, description));
        assert_eq!((info.twin, info.origin), (Some(twin), Origin::Docs), "{}", info.name);
        let page = format!("docs:start/authentication/api-accounts.mdx#{section}");
        assert!(info.sources.contains(&page.as_str()), "{}: {:?}", info.name, info.sources);
        assert_eq!(Scope::parse_lenient(info.name).unwrap().scope, scope);
        if info.group == ScopeGroup::AccountResource {
            assert_eq!(info.account_types, [AccountType::Account], "{}", info.name);
            assert_eq!(info.resources[0].name, "GraphQL Account API");
        } else {
            assert_eq!(info.account_types, [AccountType::Store, AccountType::App], "{}", info.name);
            assert_eq!(info.resources[0].name, "Translations Admin GraphQL API");
        }
        if permission == Permission::Modify {
            assert_eq!(scope.implies(), [twin], "{}", info.name);
        }
    }
}

#[test]
fn token_responses_spell_the_default_scope_store_v2_default() {
    let p = Scope::parse_lenient("store_v2_default").unwrap();
    assert_eq!((p.scope, p.variant, p.token_name), (Scope::Default, None, Some("store_v2_default")));
    assert_eq!(p.warning(), None, "BigCommerce's own spelling is no misspelling");
    assert_eq!("store_v2_default".parse::<Scope>().unwrap(), Scope::Default);
    assert_eq!(Scope::from_name("store_v2_default"), None, "the canonical name stays `default`");
    assert_eq!(Scope::Default.info().token_names, ["store_v2_default"]);
    let list = ScopeSet::parse_list("store_v2_default store_v2_information").unwrap();
    assert!(list.warnings.is_empty() && list.unknown.is_empty(), "{list:?}");
    assert_eq!(list.scopes.iter().collect::<Vec<_>>(), [Scope::Default, Scope::StoreV2Information]);
    // A typo of it is still unknown, with the token spelling suggested.
    let err = ScopeSet::parse_list("store_v2_defualt").unwrap_err();
    assert_eq!(err.suggestions()[0], "store_v2_default");
    let all_token_names: usize = Scope::all().iter().map(|s| s.token_names.len()).sum();
    assert_eq!(all_token_names, 1);
}

#[test]
fn users_basic_information_is_the_app_install_identity_grant() {
    let info = Scope::UsersBasicInformation.info();
    assert_eq!(Scope::parse_lenient("users_basic_information").unwrap().warning(), None);
    assert_eq!(
        (info.group, info.origin, info.permission),
        (ScopeGroup::UserIdentity, Origin::Token, Permission::Undocumented)
    );
    assert_eq!(info.account_types, [AccountType::App]);
    assert!(info.resources.is_empty() && info.twin.is_none() && info.implies.is_empty());
    assert!(info.notes.iter().any(|n| n.contains("The docs are silent")), "{:?}", info.notes);
    assert!(Scope::UsersBasicInformation.is_implicit() && Scope::Default.is_implicit());
    assert_eq!(Scope::all().iter().filter(|s| s.scope.is_implicit()).count(), 2);
    // It reaches no documented operation.
    assert!(bigcommerce_scopes::Operation::all()
        .iter()
        .all(|o| !o.accepted.contains(&Scope::UsersBasicInformation) && o.least != Some(Scope::UsersBasicInformation)));
}

#[test]
fn unknown_names_in_a_token_response_grant_nothing() {
    let parsed = ScopeSet::parse_list_lenient(
        "store_v2_default store_v2_orders_read_only store_v2_ordrs_new users_basic_information",
    );
    assert_eq!(
        parsed.scopes.iter().collect::<Vec<_>>(),
        [Scope::Default, Scope::StoreV2OrdersReadOnly, Scope::UsersBasicInformation]
    );
    assert_eq!(parsed.unknown.len(), 1);
    assert_eq!(parsed.unknown[0].name, "store_v2_ordrs_new");
    assert!(!parsed.unknown[0].suggestions.is_empty());
    // Strict parsing of the same list refuses it.
    let err = ScopeSet::parse_list("store_v2_default store_v2_ordrs_new").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownScope);
    assert!(err.to_string().contains("`store_v2_ordrs_new` (did you mean"), "{err}");
}

#[test]
fn auth_schemes_of_the_apis() {
    let x = Api::RestManagement.auth_scheme().info();
    assert_eq!((x.header, x.value_format), (Some("X-Auth-Token"), Some("{access_token}")));
    assert_eq!(x.deprecated_headers, ["X-Auth-Client"]);
    assert_eq!(Api::GraphqlAdmin.auth_scheme(), AuthScheme::XAuthToken);
    assert_eq!(Api::GraphqlAccount.auth_scheme(), AuthScheme::XAuthToken);

    let bearer = Api::GraphqlStorefront.auth_scheme().info();
    assert_eq!((bearer.header, bearer.value_format), (Some("Authorization"), Some("Bearer {token}")));
    assert_eq!(bearer.token_scopes, [Scope::StoreStorefrontApi, Scope::StoreStorefrontApiCustomerImpersonation]);

    let pat = Api::Payments.auth_scheme().info();
    assert_eq!((pat.header, pat.value_format), (Some("Authorization"), Some("PAT {token}")));
    assert_eq!(pat.token_scopes, [Scope::StorePaymentsAccessTokenCreate]);

    let client_id = Api::CurrentCustomer.auth_scheme().info();
    assert_eq!((client_id.location, client_id.query_parameter), (CredentialLocation::Query, Some("app_client_id")));
    assert_eq!(client_id.header, None);

    let login = Api::CustomerLogin.auth_scheme().info();
    assert_eq!((login.location, login.value_format), (CredentialLocation::Path, Some("/login/token/{jwt}")));

    assert_eq!(Api::RestStorefront.auth_scheme(), AuthScheme::SameOriginCors);
    assert_eq!(Api::RestStorefront.auth_scheme().info().location, CredentialLocation::None);
    assert_eq!(Api::TaxProvider.auth_scheme().info().value_format, Some("Basic {base64(username:password)}"));
    assert_eq!(Api::ShippingProvider.auth_scheme().info().location, CredentialLocation::Body);

    let legacy = AuthScheme::LegacyBasicAuth.info();
    assert_eq!(legacy.account_types, [AccountType::Legacy]);

    for scheme in AuthScheme::all() {
        assert!(std::ptr::eq(scheme.scheme.info(), scheme));
        assert!(!scheme.sources.is_empty() && !scheme.credential.is_empty(), "{}", scheme.id);
        assert_eq!(scheme.header.is_some(), scheme.location == CredentialLocation::Header, "{}", scheme.id);
        for api in scheme.scheme.apis() {
            assert_eq!(api.auth_scheme(), scheme.scheme);
        }
    }
    assert!(AuthScheme::XAuthToken.apis().any(|a| a == Api::Webhooks));
}

#[test]
fn account_type_metadata() {
    assert_eq!(AccountType::all().len(), 4);
    let store = AccountType::Store.info();
    assert!(store.issued && !store.scopes_changeable);
    assert_eq!(store.consists_of, ["client_id", "client_secret", "access_token", "client name", "API path"]);
    assert_eq!(store.creator_only_resources, ["webhooks", "metafields", "scripts"]);
    assert!(AccountType::App.info().scopes_changeable);
    assert!(!AccountType::Account.info().scopes_changeable);
    assert!(!AccountType::Legacy.info().issued);
    for info in AccountType::all() {
        assert!(std::ptr::eq(info.account_type.info(), info));
        assert!(!info.sources.is_empty(), "{}", info.name);
        assert!(!info.created_in.is_empty() && !info.token.is_empty() && !info.revocation.is_empty());
    }
}

#[test]
fn every_entry_has_sources() {
    assert!(Scope::all().iter().all(|s| !s.sources.is_empty()));
    assert!(Api::all().iter().all(|a| !a.sources.is_empty()));
    assert!(AuthScheme::all().iter().all(|a| !a.sources.is_empty()));
    assert!(AccountType::all().iter().all(|a| !a.sources.is_empty()));
    assert!(UseCase::all().iter().all(|u| !u.sources.is_empty()));
}

#[test]
fn data_version_names_the_sources() {
    assert!(!DATA_VERSION.is_empty());
    assert!(DATA_VERSION.starts_with("data "));
    assert!(DATA_VERSION.contains(OpenApiSnapshot::data_version()));
    let snapshot = OpenApiSnapshot::current();
    assert!(DATA_VERSION.contains(&snapshot.commit[..7]), "{DATA_VERSION}");
    assert!(!DATA_VERSION.contains('\n'), "one line");
}

// ---- implications ---------------------------------------------------------------------------

#[test]
fn modify_scopes_imply_their_read_only_twin() {
    let mut with_twin = 0;
    for info in Scope::all() {
        let s = info.scope;
        if let Some(twin) = info.twin {
            assert_eq!(twin.info().twin, Some(s), "{}: twins are mutual", info.name);
            if info.permission == Permission::ReadOnly {
                assert_ne!(twin.info().permission, Permission::ReadOnly, "{}", info.name);
            } else {
                with_twin += 1;
                assert_eq!(twin.info().permission, Permission::ReadOnly, "{}'s twin is read-only", info.name);
                assert!(s.implies().contains(&twin), "{} implies {}", info.name, twin.name());
                assert!(twin.info().implied_by.contains(&s));
                assert!(s.satisfies(twin) && !twin.satisfies(s));
            }
        }
        if info.permission == Permission::ReadOnly {
            assert!(s.implies().is_empty(), "{}: a read-only scope implies nothing", info.name);
        }
        assert!(s.satisfies(s));
        // `implied_by` is exactly the inverse of `implies`.
        for other in Scope::all() {
            assert_eq!(
                other.implies.contains(&s),
                info.implied_by.contains(&other.scope),
                "{} / {}",
                info.name,
                other.name
            );
        }
        // Nothing implies a scope without a twin relation or across account types.
        for implied in s.implies() {
            assert_eq!(info.twin, Some(*implied), "{}", info.name);
        }
    }
    assert!(with_twin >= 20, "{with_twin}");
    assert_eq!(Scope::StoreV2Products.implies(), [Scope::StoreV2ProductsReadOnly]);
    assert!(Scope::AccountUsersWrite.implies().is_empty(), "account users scopes are independent");
}

#[test]
fn read_only_scopes_allow_only_get_and_head() {
    for info in Scope::all() {
        for m in Method::VARIANTS {
            let expected = info.permission != Permission::ReadOnly || matches!(m, Method::Get | Method::Head);
            assert_eq!(info.scope.allows(*m), expected, "{} {m}", info.name);
        }
    }
    assert!(Scope::StoreV2OrdersReadOnly.allows(Method::Get));
    assert!(!Scope::StoreV2OrdersReadOnly.allows(Method::Delete));
}

#[test]
fn scope_sets_satisfy_through_implication() {
    let parsed = ScopeSet::parse_list("store_v2_orders store_cart_read_only").unwrap().scopes;
    assert!(parsed.satisfies(Scope::StoreV2OrdersReadOnly));
    assert!(parsed.satisfies(Scope::StoreCartReadOnly));
    assert!(!parsed.satisfies(Scope::StoreCart));
    assert!(!parsed.contains(Scope::StoreV2OrdersReadOnly), "satisfying is not containing");
}

// ---- the account-type matrix ----------------------------------------------------------------

/// "Choosing the right kind of API account" in the newest API-accounts page, cell by cell:
/// row, its marks for (store, app, account), and the APIs the row names.
const CURRENT_TABLE: [(&str, [bool; 3], &[Api]); 13] = [
    ("GraphQL Account API, including Users", [false, false, true], &[Api::GraphqlAccount]),
    ("GraphQL Admin API", [true, true, false], &[Api::GraphqlAdmin]),
    ("GraphQL Storefront API", [true, false, false], &[Api::GraphqlStorefront]),
    ("REST Store Management APIs", [true, true, false], &[Api::RestManagement]),
    ("REST Storefront API", [true, false, false], &[Api::RestStorefront]),
    ("Customer Login API", [false, true, false], &[Api::CustomerLogin]),
    ("Current Customer API", [false, true, false], &[Api::CurrentCustomer]),
    ("Payments API", [true, true, false], &[Api::Payments]),
    (
        "Apps that host REST Provider APIs (provider apps)",
        [false, true, false],
        &[Api::ShippingProvider, Api::TaxProvider],
    ),
    ("Apps that create App Extensions", [false, true, false], &[Api::AppExtensions]),
    ("Apps hosted in the store control panel (single-click apps)", [false, true, false], &[]),
    ("Manual connection between a third-party app and a store", [true, false, true], &[]),
    ("Single-store frontend scripts", [false, true, false], &[]),
];

const COLUMNS: [AccountType; 3] = [AccountType::Store, AccountType::App, AccountType::Account];

#[test]
fn current_table_matches_every_cell() {
    let current: Vec<&UseCase> = UseCase::all().iter().filter(|u| u.table == UseCaseTable::Current).collect();
    assert_eq!(current.len(), CURRENT_TABLE.len());
    for (row, (name, marks, apis)) in current.iter().zip(CURRENT_TABLE) {
        assert_eq!(row.name, name);
        assert_eq!(row.apis, apis, "{name}: APIs");
        for (t, marked) in COLUMNS.iter().zip(marks) {
            assert_eq!(row.account_types.contains(t), marked, "{name} × {t}");
        }
        assert!(!row.account_types.contains(&AccountType::Legacy), "{name}");
    }
}

#[test]
fn apis_support_the_account_types_their_rows_mark() {
    let mut cells = 0;
    for (name, marks, apis) in CURRENT_TABLE {
        for api in apis {
            for (t, marked) in COLUMNS.iter().zip(marks) {
                assert_eq!(api.supports(*t), marked, "{name}: {} × {t}", api.id());
                assert_eq!(t.supports(*api), marked);
                assert_eq!(t.apis().any(|a| a == *api), marked);
                cells += 1;
            }
            assert!(!api.supports(AccountType::Legacy));
        }
    }
    assert_eq!(cells, 11 * 3, "11 APIs named by 10 rows, 3 columns each");

    // Every API the table names appears in exactly one row; Webhooks is the one that is not a row.
    let named: Vec<Api> = CURRENT_TABLE.iter().flat_map(|(_, _, apis)| apis.iter().copied()).collect();
    let unnamed: Vec<Api> = Api::VARIANTS.iter().copied().filter(|a| !named.contains(a)).collect();
    assert_eq!(unnamed, [Api::Webhooks]);
    assert_eq!(Api::Webhooks.info().account_types, [AccountType::Store, AccountType::App]);
}

#[test]
fn account_types_support_these_apis() {
    let ids = |t: AccountType| t.apis().map(Api::id).collect::<Vec<_>>();
    assert_eq!(
        ids(AccountType::Store),
        ["rest-management", "graphql-admin", "graphql-storefront", "rest-storefront", "payments", "webhooks"]
    );
    assert_eq!(
        ids(AccountType::App),
        [
            "rest-management",
            "graphql-admin",
            "customer-login",
            "current-customer",
            "payments",
            "shipping-provider",
            "tax-provider",
            "app-extensions",
            "webhooks"
        ]
    );
    assert_eq!(ids(AccountType::Account), ["graphql-account"]);
    assert!(ids(AccountType::Legacy).is_empty());
}

#[test]
fn history_table_is_kept_separately() {
    let history: Vec<&UseCase> = UseCase::all().iter().filter(|u| u.table == UseCaseTable::History).collect();
    let names: Vec<&str> = history.iter().map(|u| u.name).collect();
    assert_eq!(
        names,
        [
            "From Developer Portal",
            "From Store Control Panel",
            "Single-click Apps (Marketplace)",
            "Private Apps",
            "Hidden Apps",
            "Connector Apps",
            "Scripts",
            "Testing",
            "V2",
            "V3",
            "Webhooks"
        ]
    );
    // The older table had two columns: store and app.
    for u in &history {
        assert!(u.account_types.iter().all(|t| matches!(t, AccountType::Store | AccountType::App)), "{}", u.name);
    }
    // Current rows come first.
    let first_history = UseCase::all().iter().position(|u| u.table == UseCaseTable::History).unwrap();
    assert!(UseCase::all()[first_history..].iter().all(|u| u.table == UseCaseTable::History));
}
