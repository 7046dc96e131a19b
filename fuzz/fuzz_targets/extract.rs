//! The checker's call extractor on arbitrary source text in every language it reads.
#![no_main]

use bigcommerce_scopes::check::{extract_source, Language};
use bigcommerce_scopes::resolve;
use libfuzzer_sys::fuzz_target;
use strum::VariantArray;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let languages = Language::VARIANTS;
    let language = languages[selector as usize % languages.len()];
    let text = String::from_utf8_lossy(rest);
    for call in extract_source(&text, language) {
        assert!(call.line >= 1 && call.column >= 1);
        let _ = resolve(call.method.unwrap_or(bigcommerce_scopes::Method::Get), &call.target);
    }
});
