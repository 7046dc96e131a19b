//! GraphQL documents on arbitrary bytes, for each of the three APIs: an answer or a clear error,
//! never a panic or a runaway walk; every answer's scopes come from its needs.
#![no_main]

use bigcommerce_scopes::graphql::analyze;
use bigcommerce_scopes::Api;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for api in [Api::GraphqlAdmin, Api::GraphqlAccount, Api::GraphqlStorefront] {
        match analyze(api, &text) {
            Ok(a) => {
                for s in a.scopes.iter().chain(&a.token_scopes) {
                    assert!(a.needs.iter().any(|n| n.least_privileged == Some(*s)));
                }
                for op in &a.operations {
                    assert!(op.unknown.iter().all(|u| a.unknown.contains(u)));
                }
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
});
