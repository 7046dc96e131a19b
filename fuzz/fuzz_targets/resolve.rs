//! The resolver on arbitrary method and target bytes: it returns a value or an error, never
//! panics; an accepted target's answer is internally consistent; and wherever the fast path
//! answers, the careful path answers the same.
#![no_main]

use bigcommerce_scopes::{resolve_str, RequirementKind, MAX_TARGET_LEN};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (method, target) = text.split_once(' ').unwrap_or(("GET", &text));
    // Built only under `cargo fuzz` (`--cfg fuzzing`), as the check is.
    #[cfg(fuzzing)]
    if let Ok(m) = bigcommerce_scopes::Method::parse(method) {
        let _ = bigcommerce_scopes::check_fast_path(m, target);
    }
    if let Ok(r) = resolve_str(method, target) {
        assert!(target.len() <= MAX_TARGET_LEN);
        match r.requirement() {
            RequirementKind::Scope => {
                let least = r.least_privileged().expect("a scope requirement names its scope");
                assert_eq!(r.accepted().first(), Some(&least));
                assert!(r.accepted().iter().all(|s| s.allows(r.operation.method)));
            }
            _ => assert!(r.least_privileged().is_none()),
        }
        // Resolving the documented template itself is stable.
        let _ = r.oauth_url();
    }
});
