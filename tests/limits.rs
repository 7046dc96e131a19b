//! Hostile sizes stay cheap: long names get no suggestions (which would cost time in proportion to
//! their length), error messages list a bounded number of unknown names, long targets are refused
//! before any work.

use bigcommerce_scopes::{resolve, ErrorKind, Method, Scope, ScopeSet, MAX_TARGET_LEN};

#[test]
fn many_unknown_scopes_are_counted_not_all_listed() {
    let list: Vec<String> = (0..5000).map(|i| format!("x{i}")).collect();
    let err = ScopeSet::parse_list(&list.join(" ")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownScope);
    assert!(err.message().contains("`x19`") && !err.message().contains("`x20`"), "{err}");
    assert!(err.message().ends_with("and 4980 more"), "{err}");
}

#[test]
fn long_names_get_no_suggestions() {
    let long = "store_cart".repeat(10_000);
    let err = Scope::parse_lenient(&long).unwrap_err();
    assert!(err.suggestions().is_empty());
    assert!(err.message().len() < 200, "the message does not repeat the whole input");
    let err = bigcommerce_scopes::Api::parse(&long).unwrap_err();
    assert!(err.suggestions().is_empty());
}

#[test]
fn long_targets_are_refused_up_front() {
    let target = format!("/v3/catalog/products/{}", "9".repeat(MAX_TARGET_LEN));
    let err = resolve(Method::Get, &target).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidTarget);
    assert!(err.message().contains("limit"), "{err}");
    // Just under the limit: resolved (a long parameter value is still a value).
    let target = format!("/v3/catalog/products/{}", "9".repeat(MAX_TARGET_LEN - 30));
    assert!(resolve(Method::Get, &target).is_ok());
}

#[test]
fn long_unknown_segments_are_not_compared_for_suggestions() {
    let target = format!("/v3/{}", "catalogue".repeat(800));
    let err = resolve(Method::Get, &target).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownEndpoint);
    assert!(err.message().len() < 400, "the message does not repeat the whole target");
}

#[test]
fn errors_do_not_repeat_query_strings() {
    let err = resolve(Method::Get, "/v3/nothing?client_secret=s3cr3t&access_token=t0k3n").unwrap_err();
    assert!(!err.to_string().contains("s3cr3t") && !err.to_string().contains("t0k3n"), "{err}");
}
