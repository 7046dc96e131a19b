//! Every parser of user input returns a value or an error on arbitrary text, never a panic:
//! the checker's configuration file and source extractor (the resolver, scope lists, calls files
//! and HAR files have their own property tests).

#![cfg(feature = "check")]

use bigcommerce_scopes::check::{extract_source, Config, Language};
use proptest::prelude::*;
use strum::VariantArray;

/// Text that looks like a bc-scopes.toml: keys the format knows, with arbitrary values.
fn config_like() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        "granted = \\[(\"[a-z_]{0,30}\",? ?){0,4}\\]",
        "account_type = \"[a-z]{0,8}\"",
        "ignore_paths = \\[\"[a-z/*.]{0,12}\"\\]",
        "\\[client\\]\nbase_url = \"[a-z:/.{}]{0,40}\"",
        "\\[\\[ignore\\]\\]\nkind = \"[a-z]{0,8}\"\nreason = \"[a-z ]{0,12}\"",
        "max_file_size = -?[0-9]{0,12}",
        "\\PC{0,30}",
    ];
    proptest::collection::vec(line, 0..6).prop_map(|l| l.join("\n"))
}

/// Source text with BigCommerce-looking calls mixed into arbitrary code.
fn source_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "(fetch|axios\\.post|requests\\.get|\\$client->put|conn\\.delete)\\(",
        "[`'\"](https://api\\.bigcommerce\\.com/stores/)?(\\$\\{[a-z]{1,6}\\}|\\{[a-z]{1,6}\\}|#\\{[a-z]{1,4}\\}|%s|:id)?/v[23]/[a-z_/-]{0,30}[`'\"]?",
        "[ \n\t;,(){}+.]{0,4}",
        // Shapes the index reads: functions, classes, members, wrappers, heredocs, SDK calls.
        "(function [a-z]{1,4}\\(|def [a-z]{1,4}\\(?|fn [a-z]{1,3}\\(|func \\(c \\*C\\) [A-Z][a-z]{0,3}\\()",
        "(class [A-Z][a-z]{0,3}( extends [A-Z]| < [A-Z]| : [A-Z]|\\([A-Z]\\))?[a-z]{0,3} ?\\{?)",
        "(this\\.|self\\.|\\$this->|@)[a-z]{1,6}( = |\\()?",
        "(<<<'?[A-Z]{1,3}'?\n|<<~[A-Z]{1,3}\n|\n *[A-Z]{1,3};?\n)",
        "(Bigcommerce::[A-Z][a-z]{1,6}\\.(all|find|create)|api\\.[A-Z][a-z]{1,6}\\.(all|get)\\(|->catalog\\(\\)->products\\(\\)->getAll\\()",
        "(query|mutation) ?[A-Z]?[a-z]{0,4} ?\\{ ?[a-z]{1,6} ?\\{ ?[a-z]{1,5} ?\\} ?\\}",
        "(//|#|/\\*) bc-scopes: ignore(\\[[a-z,]{0,20}\\])?",
        "\\PC{0,20}",
    ];
    proptest::collection::vec(piece, 0..16).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn config_parser_never_panics(text in config_like()) {
        let _ = Config::parse(&text, None);
    }

    #[test]
    fn config_parser_never_panics_on_noise(text in "\\PC{0,300}") {
        let _ = Config::parse(&text, None);
    }

    #[test]
    fn extractor_never_panics(text in source_like(), lang in 0usize..64) {
        let language = Language::VARIANTS[lang % Language::VARIANTS.len()];
        for call in extract_source(&text, language) {
            prop_assert!(call.line >= 1 && call.column >= 1);
            let _ = bigcommerce_scopes::resolve(call.method.unwrap_or(bigcommerce_scopes::Method::Get), &call.target);
        }
    }

    #[test]
    fn extractor_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400), lang in 0usize..64) {
        let language = Language::VARIANTS[lang % Language::VARIANTS.len()];
        let _ = extract_source(&String::from_utf8_lossy(&bytes), language);
    }
}

/// Every input a fuzzer found a crash with (first byte: the language, as the fuzz target reads it).
#[test]
fn fuzz_regressions_do_not_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz/extract");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("regression inputs") {
        let bytes = std::fs::read(entry.expect("entry").path()).expect("readable");
        let Some((&selector, rest)) = bytes.split_first() else { continue };
        let language = Language::VARIANTS[selector as usize % Language::VARIANTS.len()];
        let _ = extract_source(&String::from_utf8_lossy(rest), language);
        seen += 1;
    }
    assert!(seen >= 1);
}
