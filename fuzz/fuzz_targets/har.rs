//! HAR files (and calls files) on arbitrary bytes: read into a call list or refused, never a panic;
//! planning whatever was read never panics either.
#![no_main]

use bigcommerce_scopes::plan::CallList;
use bigcommerce_scopes::Plan;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(calls) = CallList::from_har(&text) {
        let _ = Plan::new(&calls, None);
    }
    let calls = CallList::parse_calls(&text);
    let _ = Plan::new(&calls, None);
});
