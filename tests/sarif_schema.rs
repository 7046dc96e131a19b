//! The SARIF that `check` renders, validated against the official SARIF 2.1.0 JSON Schema
//! (tests/fixtures/sarif/, draft-07, no remote references), for every fixture app under
//! tests/fixtures/check/: the five apps and each pattern fixture.

#![cfg(feature = "check")]

use bigcommerce_scopes::check::report::{render, Format};
use bigcommerce_scopes::check::{check, Options};
use jsonschema::Validator;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema() -> Value {
    let text = std::fs::read_to_string(root().join("tests/fixtures/sarif/sarif-schema-2.1.0.json")).unwrap();
    serde_json::from_str(&text).expect("the schema file is JSON")
}

/// The published `language` pattern (of `run` and `toolComponent`).
const LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

/// Replaces the published `language` patterns with what they mean; returns how many it replaced.
///
/// They have a stray `]`. ECMAScript's web-compatibility grammar reads it as a literal, but
/// jsonschema's check of the schema against the draft-07 meta-schema (`pattern` has
/// `format: regex`) rejects it once formats are asserted. The file stays as published; the SARIF
/// that `check` writes has no `language`, so the correction changes no verdict on it.
fn correct_language_patterns(v: &mut Value) -> usize {
    match v {
        Value::Object(m) => m
            .iter_mut()
            .map(|(k, x)| {
                if k == "pattern" && x == LANGUAGE_PATTERN {
                    *x = Value::from("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
                    1
                } else {
                    correct_language_patterns(x)
                }
            })
            .sum(),
        Value::Array(a) => a.iter_mut().map(correct_language_patterns).sum(),
        _ => 0,
    }
}

/// A draft-07 validator that asserts formats (`uri`, `uri-reference`, `date-time`) and fetches
/// nothing: every `$ref` of the schema points into the schema itself.
fn validator() -> Validator {
    let mut schema = schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#", "the schema is draft-07");
    assert_eq!(correct_language_patterns(&mut schema), 2, "the schema file changed: two `language` patterns");
    jsonschema::draft7::options()
        .offline()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF 2.1.0 schema compiles as draft-07 without fetching anything")
}

/// The five apps, then every directory under patterns/.
fn apps() -> Vec<PathBuf> {
    let dir = root().join("tests/fixtures/check");
    let mut apps: Vec<PathBuf> =
        ["node-app", "php-app", "python-app", "ruby-app", "go-app"].iter().map(|a| dir.join(a)).collect();
    let mut patterns: Vec<PathBuf> =
        std::fs::read_dir(dir.join("patterns")).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    patterns.sort();
    apps.extend(patterns);
    apps
}

fn sarif_of(app: &Path) -> Value {
    let report = check(&Options::new([app])).unwrap_or_else(|e| panic!("{}: {e}", app.display()));
    let text = render(&report, Format::Sarif, false);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: SARIF is not JSON ({e})", app.display()))
}

fn errors(validator: &Validator, log: &Value) -> Vec<String> {
    validator.iter_errors(log).map(|e| format!("{}: {e}", e.instance_path())).take(10).collect()
}

#[test]
fn sarif_of_every_fixture_app_validates_against_the_sarif_2_1_0_schema() {
    let validator = validator();
    let apps = apps();
    assert!(apps.len() > 5, "the pattern fixtures are found");
    let mut results = 0;
    for app in &apps {
        let log = sarif_of(app);
        let errors = errors(&validator, &log);
        assert!(errors.is_empty(), "{}: SARIF breaks the SARIF 2.1.0 schema:\n{}", app.display(), errors.join("\n"));
        results += log["runs"][0]["results"].as_array().map_or(0, Vec::len);
    }
    // Results (with locations, rules, suppressions) are what the schema constrains most.
    assert!(results > 0, "the fixtures produce results");
}

/// A change that makes a valid log invalid.
type Mutation = fn(&mut Value);

#[test]
fn the_validator_rejects_sarif_that_breaks_the_schema() {
    let validator = validator();
    let log = sarif_of(&root().join("tests/fixtures/check/node-app"));
    assert!(validator.is_valid(&log));
    let mutations: [(&str, Mutation); 6] = [
        ("an unknown level", |l| l["runs"][0]["results"][0]["level"] = Value::from("fatal")),
        ("a result without a message", |l| {
            l["runs"][0]["results"][0].as_object_mut().unwrap().remove("message");
        }),
        ("a property SARIF does not define", |l| l["runs"][0]["results"][0]["severity"] = Value::from("high")),
        ("a line number 0", |l| {
            l["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = Value::from(0)
        }),
        ("another version", |l| l["version"] = Value::from("2.0.0")),
        ("a URI that is not one", |l| {
            l["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
                Value::from("a b\\c:d e")
        }),
    ];
    for (what, mutate) in mutations {
        let mut broken = log.clone();
        mutate(&mut broken);
        assert_ne!(broken, log, "{what}: the mutation changed the log");
        assert!(!validator.is_valid(&broken), "the validator accepts {what}");
    }
}
