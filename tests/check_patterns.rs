//! How well `check` understands real code patterns: small apps under
//! tests/fixtures/check/patterns/<pattern>-<language>/, each with an `expect.toml` listing the calls
//! the checker should report (file, line, method, route, and how they are found), the scopes it
//! should report as needed, and the findings it must raise.
//!
//! - `<fixture>::expectations`: the report of one fixture against its expect.toml (every expected
//!   call found with its method and route, no unexpected call, the exact needed set, every expected
//!   finding, and the `via` kind where the report states one);
//! - `<fixture>::snapshot`: the report's calls, needed scopes and findings (kind, file, line), under
//!   tests/snapshots/patterns/<fixture>.snap;
//! - `every_fixture_is_listed`, `expectations_are_well_formed`: the fixtures themselves;
//! - `pattern_table`: recall, precision, needed-set exactness and `via` accuracy per pattern, per
//!   language and overall, printed (`cargo test --test check_patterns -- --nocapture`); it never
//!   fails.
//!
//! expect.toml:
//!
//! ```toml
//! pattern = "wrapper"
//! language = "ruby"
//! description = "one line"
//! needed = ["store_v2_products_read_only"]   # report.needed_scopes, by name, as a set
//! [[call]]
//! file = "lib/products.rb"   # relative to the fixture
//! line = 7                   # the call site (literal, wrapper call, SDK call, or where a request
//!                            # class / table defines the path)
//! column = 24                # optional: the call's column there (in characters, from 1)
//! method = "GET"             # or "unknown" (null in the report)
//! route = "/stores/{store_hash}/v3/catalog/products"
//! via = "wrapper"            # literal | wrapper | property | sdk | graphql
//! also_line = 12             # optional: another accepted line (the call that sends it) ...
//! also_file = "lib/base.rb"  # ... in this file (default: `file`)
//! also = [{ file = "lib/jobs.rb", line = 3 }]   # optional: more accepted places
//! [[not_call]]               # documentation only: any unexpected call counts against precision
//! file = "app.rb"
//! line = 3
//! [[finding]]                # a finding kind the report must raise there (also_line/also too)
//! kind = "method-unknown"
//! file = "app.rb"
//! line = 9
//! ```
//!
//! `via`, how the call is found: `literal` (the URL or path is written at the call; host, store
//! hash or version may come from variables, fields or defaults), `wrapper` (a function or method
//! of the project given the path, possibly through other wrappers), `property` (the path, a path
//! prefix or the method comes from a field, class attribute, request class or command table
//! defined elsewhere), `sdk` (a resource call of an SDK, no URL) and `graphql` (a GraphQL request).
//!
//! A reported call matches an expected one with the same method and route at one of its accepted
//! places; each reported call matches at most one expected call (the expected line first, then the
//! other accepted places). `via` is read from the report's `via.kind` (or a string `via`) when the
//! report has it; where it has none, the call counts as not matched in the `via` statistic but
//! does not fail its fixture.

#![cfg(feature = "check")]

use bigcommerce_scopes::check::{check, Options};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

macro_rules! fixtures {
    ($($id:ident => $dir:literal,)*) => {
        /// Every fixture directory, listed (`every_fixture_is_listed` checks the list is whole).
        const FIXTURES: &[&str] = &[$($dir),*];
        $(
            mod $id {
                #[test]
                fn expectations() {
                    super::assert_expectations($dir);
                }

                #[test]
                fn snapshot() {
                    super::assert_report_snapshot($dir);
                }
            }
        )*
    };
}

fixtures! {
    property_ruby => "property-ruby",
    property_php => "property-php",
    property_typescript => "property-typescript",
    property_csharp => "property-csharp",
    property_python => "property-python",
    property_javascript => "property-javascript",
    wrapper_javascript => "wrapper-javascript",
    wrapper_typescript => "wrapper-typescript",
    wrapper_php => "wrapper-php",
    wrapper_python => "wrapper-python",
    wrapper_ruby => "wrapper-ruby",
    wrapper_go => "wrapper-go",
    wrapper_csharp => "wrapper-csharp",
    sdk_ruby => "sdk-ruby",
    sdk_python => "sdk-python",
    sdk_php_client => "sdk-php-client",
    sdk_php_wordpress => "sdk-php-wordpress",
    sdk_php_aligent => "sdk-php-aligent",
    not_request_javascript => "not-request-javascript",
    not_request_php => "not-request-php",
    not_request_python => "not-request-python",
    not_request_ruby => "not-request-ruby",
    not_request_go => "not-request-go",
    scoped_javascript => "scoped-javascript",
    scoped_php => "scoped-php",
    scoped_python => "scoped-python",
    host_var_typescript => "host-var-typescript",
    host_var_ruby => "host-var-ruby",
    host_var_php => "host-var-php",
    host_var_python => "host-var-python",
    graphql_typescript => "graphql-typescript",
    graphql_javascript => "graphql-javascript",
    graphql_php => "graphql-php",
    graphql_python => "graphql-python",
    method_unknown_javascript => "method-unknown-javascript",
    method_unknown_python => "method-unknown-python",
    method_unknown_php => "method-unknown-php",
    templates_vue => "templates-vue",
    templates_svelte => "templates-svelte",
    templates_astro => "templates-astro",
    templates_php => "templates-php",
}

const PATTERNS: [&str; 9] =
    ["property", "wrapper", "sdk", "not-request", "scoped", "host-var", "graphql", "method-unknown", "templates"];
const VIAS: [&str; 5] = ["literal", "wrapper", "property", "sdk", "graphql"];
const METHODS: [&str; 7] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "unknown"];

// ---- expect.toml ---------------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    pattern: String,
    language: String,
    description: String,
    needed: Vec<String>,
    #[serde(default, rename = "call")]
    calls: Vec<ExpectedCall>,
    #[serde(default, rename = "not_call")]
    not_calls: Vec<Place>,
    #[serde(default, rename = "finding")]
    findings: Vec<ExpectedFinding>,
    /// Calls the checker knowingly misses (listed in the README): counted in the recall, and
    /// required to stay missed until the checker reads them (then they move to `[[call]]`).
    #[serde(default, rename = "known_miss")]
    known_misses: Vec<KnownMiss>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KnownMiss {
    file: String,
    line: usize,
    method: String,
    route: String,
    /// Why the checker misses it.
    reason: String,
    /// The needed scopes only this call brings (absent from the reported set while it is missed).
    needs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(deny_unknown_fields)]
struct Place {
    file: String,
    line: usize,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedCall {
    file: String,
    line: usize,
    method: String,
    route: String,
    via: String,
    #[serde(default)]
    column: Option<usize>,
    #[serde(default)]
    also_file: Option<String>,
    #[serde(default)]
    also_line: Option<usize>,
    #[serde(default)]
    also: Vec<Place>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedFinding {
    kind: String,
    file: String,
    line: usize,
    #[serde(default)]
    also_file: Option<String>,
    #[serde(default)]
    also_line: Option<usize>,
    #[serde(default)]
    also: Vec<Place>,
}

/// The accepted places: the primary one first.
fn places(file: &str, line: usize, also_file: &Option<String>, also_line: Option<usize>, also: &[Place]) -> Vec<Place> {
    let mut v = vec![Place { file: file.to_owned(), line }];
    if let Some(l) = also_line {
        v.push(Place { file: also_file.clone().unwrap_or_else(|| file.to_owned()), line: l });
    }
    v.extend(also.iter().cloned());
    v
}

impl ExpectedCall {
    fn places(&self) -> Vec<Place> {
        places(&self.file, self.line, &self.also_file, self.also_line, &self.also)
    }

    fn describe(&self) -> String {
        let others: Vec<String> = self.places()[1..].iter().map(Place::to_string).collect();
        let or = if others.is_empty() { String::new() } else { format!(" (or {})", others.join(", ")) };
        let col = self.column.map(|c| format!(":{c}")).unwrap_or_default();
        format!("{}:{}{col}{or} {} {} via {}", self.file, self.line, self.method, self.route, self.via)
    }
}

impl ExpectedFinding {
    fn places(&self) -> Vec<Place> {
        places(&self.file, self.line, &self.also_file, self.also_line, &self.also)
    }
}

fn patterns_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check/patterns")
}

fn load_expect(name: &str) -> Expect {
    let path = patterns_dir().join(name).join("expect.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---- the report, as JSON -------------------------------------------------------------------------

/// One reported call, from the report's JSON.
#[derive(Debug, Clone)]
struct Reported {
    place: Place,
    column: usize,
    /// "unknown" for null.
    method: String,
    route: Option<String>,
    via: Option<String>,
}

impl std::fmt::Display for Reported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{} {} {}", self.place, self.column, self.method, self.route.as_deref().unwrap_or("(no route)"))?;
        match &self.via {
            Some(v) => write!(f, " via {v}"),
            None => Ok(()),
        }
    }
}

fn reported_calls(report: &Value) -> Vec<Reported> {
    report["calls"]
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|c| Reported {
            place: Place {
                file: c["file"].as_str().unwrap_or_default().to_owned(),
                line: c["line"].as_u64().unwrap_or_default() as usize,
            },
            column: c["column"].as_u64().unwrap_or_default() as usize,
            method: c["method"].as_str().unwrap_or("unknown").to_owned(),
            route: c["route"].as_str().map(str::to_owned),
            via: match c.get("via") {
                Some(Value::String(s)) => Some(s.clone()),
                Some(v) => v.get("kind").and_then(Value::as_str).map(str::to_owned),
                None => None,
            },
        })
        .collect()
}

fn needed_names(report: &Value) -> BTreeSet<String> {
    report["needed_scopes"]
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .filter_map(|s| s.as_str().map(str::to_owned))
        .collect()
}

/// (kind, file, line) of every finding with a place.
fn finding_places(report: &Value) -> Vec<(String, Place)> {
    report["findings"]
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .filter_map(|f| {
            Some((
                f["kind"].as_str()?.to_owned(),
                Place { file: f["file"].as_str()?.to_owned(), line: f["line"].as_u64()? as usize },
            ))
        })
        .collect()
}

// ---- running and scoring -------------------------------------------------------------------------

/// What one fixture scored.
#[derive(Debug, Default, Clone)]
struct Score {
    expected: usize,
    /// Expected calls found with their method and route (each reported call matched once).
    found: usize,
    /// Calls reported.
    reported: usize,
    /// Found calls whose reported `via` kind is the expected one.
    via_ok: usize,
    needed_exact: bool,
    findings_expected: usize,
    findings_found: usize,
}

#[derive(Debug, Clone)]
struct Outcome {
    expect_pattern: String,
    expect_language: String,
    /// The report as JSON, or why there is none.
    report: Result<Value, String>,
    score: Score,
    /// Why the fixture fails; empty when it passes.
    problems: Vec<String>,
}

fn run_check(dir: &Path) -> Result<Value, String> {
    let mut opts = Options::new([dir]);
    opts.threads = 1;
    opts.relative_to = Some(dir.to_path_buf());
    let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&opts)));
    match ran {
        Ok(Ok(report)) => serde_json::to_value(&report).map_err(|e| format!("the report does not serialize: {e}")),
        Ok(Err(e)) => Err(format!("check failed: {e}")),
        Err(panic) => Err(format!(
            "check panicked: {}",
            panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)")
        )),
    }
}

fn score(name: &str) -> Outcome {
    let expect = load_expect(name);
    let report = run_check(&patterns_dir().join(name));
    let mut problems = Vec::new();
    let mut score = Score {
        expected: expect.calls.len() + expect.known_misses.len(),
        findings_expected: expect.findings.len(),
        ..Score::default()
    };
    let report_value = match &report {
        Ok(v) => v.clone(),
        Err(e) => {
            problems.push(e.clone());
            return Outcome {
                expect_pattern: expect.pattern,
                expect_language: expect.language,
                report,
                score,
                problems,
            };
        }
    };

    // Calls: the expected place first, then the other accepted places.
    let calls = reported_calls(&report_value);
    score.reported = calls.len();
    let mut taken = vec![false; calls.len()];
    let mut matched: Vec<Option<usize>> = vec![None; expect.calls.len()];
    for pass in 0..2 {
        for (i, e) in expect.calls.iter().enumerate() {
            if matched[i].is_some() {
                continue;
            }
            let accepted = e.places();
            let accepted: &[Place] = if pass == 0 { &accepted[..1] } else { &accepted[1..] };
            let hit = calls.iter().enumerate().position(|(j, c)| {
                !taken[j]
                    && accepted.contains(&c.place)
                    // A column, where given, is the expected place's.
                    && (pass == 1 || e.column.is_none_or(|col| c.column == col))
                    && c.method == e.method
                    && c.route.as_deref() == Some(e.route.as_str())
            });
            if let Some(j) = hit {
                taken[j] = true;
                matched[i] = Some(j);
            }
        }
    }
    for (i, e) in expect.calls.iter().enumerate() {
        match matched[i] {
            Some(j) => {
                score.found += 1;
                match &calls[j].via {
                    Some(v) if *v == e.via => score.via_ok += 1,
                    Some(v) => problems.push(format!("via differs: {} reported via {v}", e.describe())),
                    None => {}
                }
            }
            None => {
                let accepted = e.places();
                let near: Vec<String> = calls
                    .iter()
                    .enumerate()
                    .filter(|(j, c)| !taken[*j] && accepted.contains(&c.place))
                    .map(|(_, c)| c.to_string())
                    .collect();
                let near =
                    if near.is_empty() { String::new() } else { format!("\n      there instead: {}", near.join("; ")) };
                problems.push(format!("missing call: {}{near}", e.describe()));
            }
        }
    }
    // Known misses: still missed (a reading of the same place with another route is part of the
    // miss), or found now, which must move them to `[[call]]`.
    for m in &expect.known_misses {
        let place = Place { file: m.file.clone(), line: m.line };
        for (j, c) in calls.iter().enumerate() {
            if c.place != place {
                continue;
            }
            if c.method == m.method && c.route.as_deref() == Some(m.route.as_str()) {
                problems.push(format!("known miss found now (move it to [[call]]): {c}"));
            }
            taken[j] = true;
        }
        assert!(!m.reason.is_empty());
    }
    for (j, c) in calls.iter().enumerate() {
        if !taken[j] {
            let documented = expect.not_calls.contains(&c.place);
            let note = if documented { " (listed as not a call)" } else { "" };
            problems.push(format!("unexpected call: {c}{note}"));
        }
    }

    // Needed scopes, as a set of names.
    let needed = needed_names(&report_value);
    let mut want: BTreeSet<String> = expect.needed.iter().cloned().collect();
    // While a call is missed, so are the scopes only it needs.
    for m in &expect.known_misses {
        for n in &m.needs {
            want.remove(n);
        }
    }
    score.needed_exact = needed == want;
    if !score.needed_exact {
        let missing: Vec<&String> = want.difference(&needed).collect();
        let extra: Vec<&String> = needed.difference(&want).collect();
        problems.push(format!(
            "needed scopes differ: expected {want:?}, reported {needed:?} (missing {missing:?}, extra {extra:?})"
        ));
    }

    // Findings.
    let findings = finding_places(&report_value);
    for f in &expect.findings {
        let accepted = f.places();
        if findings.iter().any(|(k, p)| *k == f.kind && accepted.contains(p)) {
            score.findings_found += 1;
        } else {
            let there: Vec<String> =
                findings.iter().filter(|(_, p)| accepted.contains(p)).map(|(k, _)| k.clone()).collect();
            let there = if there.is_empty() { String::new() } else { format!(" (there: {})", there.join(", ")) };
            problems.push(format!("missing finding: {} at {}:{}{there}", f.kind, f.file, f.line));
        }
    }

    Outcome { expect_pattern: expect.pattern, expect_language: expect.language, report, score, problems }
}

/// Every fixture's outcome, computed once for all the tests of this file.
fn outcomes() -> &'static BTreeMap<&'static str, Outcome> {
    static OUTCOMES: OnceLock<BTreeMap<&'static str, Outcome>> = OnceLock::new();
    OUTCOMES.get_or_init(|| FIXTURES.iter().map(|&name| (name, score(name))).collect())
}

fn assert_expectations(name: &str) {
    let o = &outcomes()[name];
    if !o.problems.is_empty() {
        let expect = load_expect(name);
        panic!(
            "{name} ({}, {}): {}\n  {}\n",
            expect.pattern,
            expect.language,
            expect.description,
            o.problems.join("\n  ")
        );
    }
}

fn assert_report_snapshot(name: &str) {
    let o = &outcomes()[name];
    let value = match &o.report {
        Ok(r) => json!({
            "calls": r["calls"],
            "needed_scopes": r["needed_scopes"],
            "findings": r["findings"]
                .as_array()
                .map(|a| a.as_slice())
                .unwrap_or_default()
                .iter()
                .map(|f| json!({ "kind": f["kind"], "file": f["file"], "line": f["line"] }))
                .collect::<Vec<_>>(),
        }),
        Err(e) => json!({ "error": e }),
    };
    insta::with_settings!({
        snapshot_path => "snapshots/patterns",
        prepend_module_to_snapshot => false,
        description => load_expect(name).description
    }, {
        insta::assert_json_snapshot!(name, value);
    });
}

// ---- the fixtures themselves ---------------------------------------------------------------------

#[test]
fn every_fixture_is_listed() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(patterns_dir())
        .expect("tests/fixtures/check/patterns exists")
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let listed: BTreeSet<String> = FIXTURES.iter().map(|s| (*s).to_owned()).collect();
    let unlisted: Vec<&String> = on_disk.difference(&listed).collect();
    let gone: Vec<&String> = listed.difference(&on_disk).collect();
    assert!(
        unlisted.is_empty() && gone.is_empty(),
        "fixture directories not listed in `fixtures!` of tests/check_patterns.rs: {unlisted:?}; listed but missing: {gone:?}"
    );
    assert_eq!(FIXTURES.len(), listed.len(), "a fixture is listed twice");
}

#[test]
fn expectations_are_well_formed() {
    let mut problems = Vec::new();
    for &name in FIXTURES {
        let dir = patterns_dir().join(name);
        let e = load_expect(name);
        let mut p = |m: String| problems.push(format!("{name}: {m}"));
        if !PATTERNS.contains(&e.pattern.as_str()) {
            p(format!("unknown pattern `{}`", e.pattern));
        }
        if !name.starts_with(&format!("{}-{}", e.pattern, e.language)) {
            p(format!("the directory is not named `{}-{}[-...]`", e.pattern, e.language));
        }
        if e.description.trim().is_empty() || e.description.contains('\n') {
            p("the description is not one line".to_owned());
        }
        if e.calls.is_empty() {
            p("no expected call".to_owned());
        }
        let mut needed = e.needed.clone();
        needed.sort();
        needed.dedup();
        if needed.len() != e.needed.len() {
            p("`needed` repeats a scope".to_owned());
        }
        if !dir.join("expect.toml").is_file() {
            p("no expect.toml".to_owned());
        }
        let sources = count_sources(&dir);
        if !(1..=4).contains(&sources) {
            p(format!("{sources} source files (1 to 4)"));
        }
        for c in &e.calls {
            if !METHODS.contains(&c.method.as_str()) {
                p(format!("call {}:{}: method `{}`", c.file, c.line, c.method));
            }
            if !VIAS.contains(&c.via.as_str()) {
                p(format!("call {}:{}: via `{}`", c.file, c.line, c.via));
            }
            if !(c.route.starts_with("/stores/{store_hash}/")
                || c.route.starts_with("/accounts/{account_uuid}/")
                || c.route.starts_with("https://{store_domain}/"))
            {
                p(format!("call {}:{}: route `{}` is not a documented route's form", c.file, c.line, c.route));
            }
            if (c.method == "unknown") != (e.pattern == "method-unknown") {
                p(format!("call {}:{}: only method-unknown fixtures expect unknown methods", c.file, c.line));
            }
            for pl in c.places() {
                check_place(&dir, "call", &pl, &mut p);
            }
        }
        for pl in &e.not_calls {
            check_place(&dir, "not_call", pl, &mut p);
            if e.calls.iter().any(|c| c.places().contains(pl)) {
                p(format!("not_call {pl} is also an expected call's place"));
            }
        }
        for f in &e.findings {
            for pl in f.places() {
                check_place(&dir, "finding", &pl, &mut p);
            }
        }
        if e.pattern == "method-unknown" && !e.findings.iter().any(|f| f.kind == "method-unknown") {
            p("a method-unknown fixture expects no method-unknown finding".to_owned());
        }
        if e.pattern == "not-request" && (e.calls.len() != 1 || e.not_calls.is_empty()) {
            p("a not-request fixture has one real call and some not_call entries".to_owned());
        }
    }
    assert!(problems.is_empty(), "malformed fixtures:\n  {}", problems.join("\n  "));
}

/// That a place names a non-blank line of an existing file.
fn check_place(dir: &Path, what: &str, pl: &Place, p: &mut dyn FnMut(String)) {
    match std::fs::read_to_string(dir.join(&pl.file)) {
        Ok(text) => {
            let n = text.lines().count();
            if pl.line == 0 || pl.line > n {
                p(format!("{what} {pl}: line out of range (1..={n})"));
            } else if text.lines().nth(pl.line - 1).unwrap().trim().is_empty() {
                p(format!("{what} {pl}: a blank line"));
            }
        }
        Err(err) => p(format!("{what} {pl}: {err}")),
    }
}

/// Source files of a fixture: everything but expect.toml, bc-scopes.toml and manifests.
fn count_sources(dir: &Path) -> usize {
    const NOT_SOURCE: [&str; 6] =
        ["expect.toml", "bc-scopes.toml", "go.mod", "Gemfile", "requirements.txt", "composer.json"];
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if e.file_type().unwrap().is_dir() {
            n += count_sources(&e.path());
        } else if !NOT_SOURCE.contains(&name.as_str()) {
            n += 1;
        }
    }
    n
}

// ---- the table -----------------------------------------------------------------------------------

#[derive(Default)]
struct Totals {
    fixtures: usize,
    passing: usize,
    score: Score,
    needed_exact: usize,
}

impl Totals {
    fn add(&mut self, o: &Outcome) {
        self.fixtures += 1;
        self.passing += usize::from(o.problems.is_empty());
        self.needed_exact += usize::from(o.score.needed_exact);
        let s = &mut self.score;
        s.expected += o.score.expected;
        s.found += o.score.found;
        s.reported += o.score.reported;
        s.via_ok += o.score.via_ok;
        s.findings_expected += o.score.findings_expected;
        s.findings_found += o.score.findings_found;
    }

    fn row(&self, label: &str) -> String {
        let s = &self.score;
        format!(
            "{label:<28} {:>4} {:>4} {:>6} {:>6} {:>6} {:>7} {:>9} {:>7} {:>9} {:>9}\n",
            self.fixtures,
            self.passing,
            s.expected,
            s.found,
            s.reported,
            pct(s.found, s.expected),
            pct(s.found, s.reported),
            format!("{}/{}", self.needed_exact, self.fixtures),
            pct(s.via_ok, s.found),
            format!("{}/{}", s.findings_found, s.findings_expected),
        )
    }
}

fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        "-".to_owned()
    } else {
        format!("{:.1}%", 100.0 * n as f64 / d as f64)
    }
}

fn header(first: &str) -> String {
    format!(
        "{first:<28} {:>4} {:>4} {:>6} {:>6} {:>6} {:>7} {:>9} {:>7} {:>9} {:>9}\n",
        "fix", "pass", "calls", "found", "report", "recall", "precision", "needed", "via", "findings"
    )
}

#[test]
fn pattern_table() {
    let all = outcomes();
    let mut out = String::from("\ncheck patterns (tests/fixtures/check/patterns)\n");
    out += "recall = found/calls, precision = found/reported, needed = exact needed sets,\n";
    out += "via = found calls whose reported via kind is the expected one (none reported: not matched)\n\n";

    out += &header("fixture");
    for (name, o) in all {
        let mut t = Totals::default();
        t.add(o);
        let mut row = t.row(name);
        if let Err(e) = &o.report {
            row.pop();
            let _ = writeln!(row, "  [{e}]");
        }
        out += &row;
    }

    let mut by_pattern: BTreeMap<usize, (String, Totals)> = BTreeMap::new();
    let mut by_language: BTreeMap<String, Totals> = BTreeMap::new();
    let mut overall = Totals::default();
    for o in all.values() {
        let rank = PATTERNS.iter().position(|p| *p == o.expect_pattern).unwrap_or(PATTERNS.len());
        by_pattern.entry(rank).or_insert_with(|| (o.expect_pattern.clone(), Totals::default())).1.add(o);
        by_language.entry(o.expect_language.clone()).or_default().add(o);
        overall.add(o);
    }
    out += "\n";
    out += &header("pattern");
    for (label, t) in by_pattern.values() {
        out += &t.row(label);
    }
    out += "\n";
    out += &header("language");
    for (label, t) in &by_language {
        out += &t.row(label);
    }
    out += "\n";
    out += &header("");
    out += &overall.row("overall");
    println!("{out}");
}
