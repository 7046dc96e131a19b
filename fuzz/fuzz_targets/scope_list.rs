//! Scope names and scope lists (token-response `scope` strings, configs) on arbitrary bytes.
#![no_main]

use bigcommerce_scopes::{Api, Scope, ScopeSet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match ScopeSet::parse_list(&text) {
        Ok(parsed) => {
            for s in parsed.scopes.iter() {
                assert!(text.contains(s.name()) || s.info().variants.iter().any(|v| text.contains(v)));
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    let _ = Scope::parse_lenient(&text);
    let _ = Api::parse(&text);
});
