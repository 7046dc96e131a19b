//! `bc-scopes check`, run as a user runs it on the fixture repositories under
//! tests/fixtures/check/ (small apps in Node/TypeScript, PHP, Python, Ruby and Go): snapshots of
//! every output format, `--suggest`, exit statuses, SARIF validated against the SARIF 2.1.0
//! schema, and robustness (invalid UTF-8, symbolic-link loops, unreadable and huge files).

#![cfg(feature = "cli")] // the binary is built only with the `cli` feature

use bigcommerce_scopes::check::{check, FindingKind, Options, SkipReason};
use serde_json::Value;
use std::path::{Path, PathBuf};

const FIXTURES: [&str; 5] = ["node-app", "php-app", "python-app", "ruby-app", "go-app"];

/// Files each fixture's .gitignore excludes: written before a scan (git does not track them, so
/// they cannot be checked in), each with a call that must never be reported.
const IGNORED: [(&str, &str, &str); 5] = [
    ("node-app", "dist/bundle.js", "fetch('https://api.bigcommerce.com/stores/x/v3/orders', { method: 'DELETE' });\n"),
    (
        "php-app",
        "vendor/acme/client.php",
        "<?php $c->request('DELETE', 'https://api.bigcommerce.com/stores/x/v3/catalog/products');\n",
    ),
    (
        "python-app",
        "build/lib/app/catalog.py",
        "requests.delete(f\"https://api.bigcommerce.com/stores/{h}/v3/catalog/products\")\n",
    ),
    ("ruby-app", "tmp/cache.rb", "Net::HTTP::Delete.new(URI(\"https://api.bigcommerce.com/stores/x/v3/orders\"))\n"),
    ("go-app", "bin/gen.go", "http.NewRequest(\"DELETE\", \"https://api.bigcommerce.com/stores/x/v3/orders\", nil)\n"),
];

fn fixture(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check").join(name);
    for (app, path, text) in IGNORED {
        if app == name {
            let p = dir.join(path);
            if std::fs::read_to_string(&p).ok().as_deref() != Some(text) {
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                // Written whole under a name of its own, then renamed: tests run in parallel,
                // threads of one process as well as processes.
                static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
                let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let tmp = p.with_extension(format!("tmp{}-{n}", std::process::id()));
                std::fs::write(&tmp, text).unwrap();
                std::fs::rename(&tmp, &p).unwrap();
            }
        }
    }
    dir
}

mod common;

use common::Run;

fn bc_in(dir: &Path, args: &[&str]) -> Run {
    common::run(args, Some(dir), "")
}

/// The run's transcript, with the checkout's place (SARIF's `%SRCROOT%`) written `[repository]`.
fn transcript(dir: &Path, args: &[&str]) -> String {
    let t = bc_in(dir, args).transcript(&args.join(" "));
    t.replace(&format!("file://{}/", env!("CARGO_MANIFEST_DIR")), "file://[repository]/")
}

fn json_of(dir: &Path, args: &[&str]) -> (i32, Value) {
    let r = bc_in(dir, args);
    let v = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}):\n{}{}", r.stdout, r.stderr));
    (r.code, v)
}

// ---- snapshots of every format ------------------------------------------------------------------

#[test]
fn snapshots_of_every_format() {
    for app in FIXTURES {
        let dir = fixture(app);
        for (name, args) in [
            ("human", vec!["check"]),
            ("verbose", vec!["check", "--verbose"]),
            ("json", vec!["check", "--format", "json"]),
            ("sarif", vec!["check", "--format", "sarif"]),
            ("github", vec!["check", "--format", "github"]),
            ("suggest", vec!["check", "--suggest"]),
        ] {
            insta::assert_snapshot!(format!("check_{}_{name}", app.replace('-', "_")), transcript(&dir, &args));
        }
    }
}

/// How a call was found shows in every format: the human report names the wrapper, property,
/// SDK call or GraphQL operation with its definition, and SARIF adds the definition as a related
/// location (with the `via` object in its properties).
#[test]
fn via_in_every_format() {
    for app in ["wrapper-typescript", "property-php", "sdk-ruby", "graphql-php"] {
        let dir = fixture(&format!("patterns/{app}"));
        for (name, args) in [
            ("human", vec!["check", "--granted", "store_v2_products_read_only"]),
            ("verbose", vec!["check", "--verbose", "--granted", "store_v2_products_read_only"]),
            ("sarif", vec!["check", "--format", "sarif", "--granted", "store_v2_products_read_only"]),
        ] {
            insta::assert_snapshot!(format!("via_{}_{name}", app.replace('-', "_")), transcript(&dir, &args));
        }
    }
    let (_, v) =
        json_of(&fixture("patterns/wrapper-typescript"), &["check", "--json", "--granted", "store_v2_products"]);
    let kinds: Vec<&str> = v["calls"].as_array().unwrap().iter().map(|c| c["via"]["kind"].as_str().unwrap()).collect();
    assert!(kinds.iter().all(|k| *k == "wrapper"), "{kinds:?}");
    let call = &v["calls"][0];
    assert_eq!(
        (call["via"]["name"].as_str(), call["via"]["file"].as_str()),
        (Some("get"), Some("src/api/base-api.ts"))
    );
}

#[test]
fn json_fields_are_the_documented_interface() {
    for app in FIXTURES {
        let (_, v) = json_of(&fixture(app), &["check", "--json"]);
        let calls = v["calls"].as_array().unwrap();
        assert!(!calls.is_empty(), "{app}: no calls");
        for c in calls {
            assert!(c["file"].is_string() && !c["file"].as_str().unwrap().starts_with('/'), "{app}: {c}");
            assert!(c["line"].as_u64().unwrap() >= 1 && c["column"].as_u64().unwrap() >= 1, "{app}: {c}");
            assert!(c["method"].is_string() || c["method"].is_null(), "{app}: {c}");
            assert!(c["target"].is_string(), "{app}: {c}");
            assert!(c["route"].is_string() || c["route"].is_null(), "{app}: {c}");
            assert!(c["least_privileged"].is_string() || c["least_privileged"].is_null(), "{app}: {c}");
        }
        assert!(v["needed_scopes"].as_array().unwrap().iter().all(Value::is_string), "{app}");
        for f in v["findings"].as_array().unwrap() {
            assert!(f["kind"].is_string() && f["severity"].is_string() && f["message"].is_string(), "{app}: {f}");
        }
        // Sorted by file, line, column.
        let keys: Vec<(String, u64, u64)> = calls
            .iter()
            .map(|c| {
                (c["file"].as_str().unwrap().to_owned(), c["line"].as_u64().unwrap(), c["column"].as_u64().unwrap())
            })
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "{app}: calls are sorted");
    }
}

#[test]
fn ignored_and_binary_files_are_skipped() {
    for app in FIXTURES {
        let (_, v) = json_of(&fixture(app), &["check", "--json"]);
        let (_, ignored, _) = IGNORED.iter().find(|i| i.0 == app).unwrap();
        let files: Vec<&str> = v["calls"].as_array().unwrap().iter().map(|c| c["file"].as_str().unwrap()).collect();
        assert!(!files.contains(ignored), "{app}: the .gitignore'd {ignored} was scanned");
        let skipped = v["skipped"].as_array().unwrap();
        assert!(skipped.iter().all(|s| s["path"] != *ignored), "{app}: ignored files are not even listed");
        assert!(skipped.iter().any(|s| s["reason"] == "binary"), "{app}: the binary file is skipped: {skipped:?}");
    }
    // `ignore_paths` of bc-scopes.toml.
    let (_, v) = json_of(&fixture("node-app"), &["check", "--json"]);
    assert!(v["calls"].as_array().unwrap().iter().all(|c| !c["file"].as_str().unwrap().starts_with("scripts/")));
}

#[test]
fn output_is_deterministic() {
    let dir = fixture("node-app");
    let a = bc_in(&dir, &["check", "--json"]).stdout;
    for _ in 0..3 {
        assert_eq!(bc_in(&dir, &["check", "--json"]).stdout, a);
    }
    let mut one = Options::new([&dir]);
    one.threads = 1;
    let mut two = Options::new([&dir]);
    two.threads = 2;
    let (r1, r2) = (check(&one).unwrap(), check(&two).unwrap());
    assert_eq!(serde_json::to_string(&r1).unwrap(), serde_json::to_string(&r2).unwrap());
}

// ---- SARIF ---------------------------------------------------------------------------------------

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let validator = common::sarif_validator();
    for app in FIXTURES {
        let (_, log) = json_of(&fixture(app), &["check", "--format", "sarif"]);
        let errors: Vec<String> =
            validator.iter_errors(&log).map(|e| format!("{}: {e}", e.instance_path())).take(10).collect();
        assert!(errors.is_empty(), "{app}: SARIF does not validate:\n{}", errors.join("\n"));
        let mut broken = log.clone();
        broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
        assert!(!validator.is_valid(&broken), "the validator rejects an invalid level");
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert!(!results.is_empty(), "{app}");
        for r in results {
            for l in r["locations"]
                .as_array()
                .into_iter()
                .flatten()
                .chain(r["relatedLocations"].as_array().into_iter().flatten())
            {
                let uri = l["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap();
                assert!(!uri.starts_with('/') && !uri.contains(' ') && !uri.contains(':'), "{app}: {uri}");
            }
        }
        // Suppressed findings are carried with their suppression.
        let suppressed = results.iter().filter(|r| r.get("suppressions").is_some()).count();
        let (_, json) = json_of(&fixture(app), &["check", "--json"]);
        assert_eq!(suppressed, json["suppressed"].as_array().unwrap().len(), "{app}");
    }
}

// ---- exit statuses and options -------------------------------------------------------------------

#[test]
fn exit_statuses_follow_the_fail_level() {
    let ruby = fixture("ruby-app"); // warnings only
    assert_eq!(bc_in(&ruby, &["check"]).code, 0);
    assert_eq!(bc_in(&ruby, &["check", "--fail-level", "warning"]).code, 1);
    assert_eq!(bc_in(&ruby, &["check", "--fail-level", "note"]).code, 1);
    let node = fixture("node-app"); // an error
    assert_eq!(bc_in(&node, &["check"]).code, 1);
    assert_eq!(bc_in(&node, &["check", "--format", "github"]).code, 1);
    // --suggest never fails on findings.
    assert_eq!(bc_in(&node, &["check", "--suggest"]).code, 0);
}

#[test]
fn granted_flag_replaces_the_configuration() {
    let ruby = fixture("ruby-app");
    let (code, v) = json_of(&ruby, &["check", "--json"]);
    assert_eq!(code, 0);
    let needed: Vec<&str> = v["needed_scopes"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
    let (code, v) = json_of(&ruby, &["check", "--json", "--fail-level", "error", "--granted", &needed.join(",")]);
    assert_eq!(code, 0, "the minimal set is clean: {v}");
    // Only the comment that suppressed the missing scope is left, suppressing nothing now.
    let kinds: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["suppression"], "{v}");
    // Missing a scope: an error, and findings about --granted scopes have no file.
    let (code, v) = json_of(&ruby, &["check", "--json", "--granted", "store_v2_orders store_cart"]);
    assert_eq!(code, 1);
    let excess = v["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "excess").unwrap();
    assert!(excess["file"].is_null(), "{excess}");
}

#[test]
fn suggested_config_is_clean() {
    for app in FIXTURES {
        let src = fixture(app);
        let suggestion = bc_in(&src, &["check", "--suggest"]).stdout;
        let tmp = tempfile::tempdir().unwrap();
        common::copy_dir(&src, tmp.path());
        std::fs::write(tmp.path().join("bc-scopes.toml"), &suggestion).unwrap();
        let r = bc_in(tmp.path(), &["check", "--json"]);
        let v: Value = serde_json::from_str(&r.stdout).unwrap_or_else(|_| panic!("{app}: {}{}", r.stdout, r.stderr));
        // A `bc-scopes: ignore[missing]` comment suppresses nothing once the scope is granted.
        let problems: Vec<&Value> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] != "note" && f["kind"] != "suppression")
            .collect();
        assert!(problems.is_empty(), "{app}: the suggested config has findings: {problems:?}\n{suggestion}");
        assert_eq!(r.code, 0, "{app}");
    }
}

#[test]
fn usage_and_configuration_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.js"), "fetch('/v3/catalog/products')\n").unwrap();
    // No granted scopes anywhere.
    let r = bc_in(tmp.path(), &["check"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--suggest"), "{}", r.stderr);
    // A bad configuration names the place.
    std::fs::write(tmp.path().join("bc-scopes.toml"), "granted = [\"store_v2_prodcts\"]\n").unwrap();
    let r = bc_in(tmp.path(), &["check"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("bc-scopes.toml:1:12: unknown scope `store_v2_prodcts`"), "{}", r.stderr);
    let (code, v) = json_of(tmp.path(), &["check", "--json"]);
    assert_eq!((code, v["error"]["kind"].as_str()), (2, Some("invalid_input")));
    // Other usage errors.
    std::fs::write(tmp.path().join("bc-scopes.toml"), "granted = []\n").unwrap();
    assert_eq!(bc_in(tmp.path(), &["check", "no/such/dir"]).code, 2);
    assert_eq!(bc_in(tmp.path(), &["check", "--fail-level", "fatal"]).code, 2);
    assert_eq!(bc_in(tmp.path(), &["check", "--json", "--format", "sarif"]).code, 2);
    assert_eq!(bc_in(tmp.path(), &["check", "--granted", "store_nope"]).code, 2);
    assert_eq!(bc_in(tmp.path(), &["check", "--config", "missing.toml"]).code, 2);
    assert_eq!(bc_in(tmp.path(), &["check", "--account-type", "shop"]).code, 2);
    // The declared empty set is valid: the call is missing its scope.
    assert_eq!(bc_in(tmp.path(), &["check"]).code, 1);
}

#[test]
fn config_is_found_above_the_scanned_directory() {
    let dir = fixture("php-app");
    // Paths are relative to the working directory, the configuration's too.
    let (_, v) = json_of(&dir.join("src"), &["check", "--json"]);
    assert_eq!(v["config"], "../bc-scopes.toml");
    assert!(v["calls"].as_array().unwrap().iter().all(|c| !c["file"].as_str().unwrap().starts_with("src/")), "{v}");
    let (_, v) = json_of(&dir, &["check", "--json", "src"]);
    assert!(v["calls"].as_array().unwrap().iter().all(|c| c["file"].as_str().unwrap().starts_with("src/")));
}

// ---- robustness ----------------------------------------------------------------------------------

/// Options to scan `dir`, with paths reported relative to it.
fn at(dir: &Path) -> Options {
    let mut o = Options::new([dir]);
    o.relative_to = Some(dir.to_path_buf());
    o
}

fn granted_config(dir: &Path, extra: &str) {
    std::fs::write(dir.join("bc-scopes.toml"), format!("granted = [\"store_v2_products\"]\n{extra}")).unwrap();
}

#[test]
fn invalid_utf8_is_read_lossily() {
    let tmp = tempfile::tempdir().unwrap();
    granted_config(tmp.path(), "");
    let mut bytes = b"// caf\xe9 \xff\xfe\n".to_vec();
    bytes.extend_from_slice(
        b"const x = '\xff'; fetch(`https://api.bigcommerce.com/stores/${h}/v3/catalog/products`);\n",
    );
    std::fs::write(tmp.path().join("latin1.js"), bytes).unwrap();
    let report = check(&at(tmp.path())).unwrap();
    assert_eq!(report.calls.len(), 1);
    let c = &report.calls[0];
    assert_eq!((c.file.as_str(), c.line, c.column), ("latin1.js", 2, 22));
    assert_eq!(c.route, Some("/stores/{store_hash}/v3/catalog/products"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_survived() {
    let tmp = tempfile::tempdir().unwrap();
    granted_config(tmp.path(), "");
    let sub = tmp.path().join("src");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("a.ts"), "await fetch(`/v3/catalog/products`);\n").unwrap();
    std::os::unix::fs::symlink("..", sub.join("loop")).unwrap();
    std::os::unix::fs::symlink("a.ts", sub.join("b.ts")).unwrap();
    // Not followed (the default, as in ripgrep): listed as skipped.
    let r = check(&at(tmp.path())).unwrap();
    assert_eq!(r.calls.len(), 1);
    let links: Vec<&str> =
        r.skipped.iter().filter(|s| s.reason == SkipReason::Symlink).map(|s| s.path.as_str()).collect();
    assert_eq!(links, ["src/b.ts", "src/loop"]);
    // Followed: the loop is detected and reported, the linked file is read.
    let mut o = at(tmp.path());
    o.follow_links = true;
    let r = check(&o).unwrap();
    assert!(
        r.skipped
            .iter()
            .any(|s| s.reason == SkipReason::WalkError && s.detail.as_deref().unwrap_or("").contains("loop")),
        "{:?}",
        r.skipped
    );
    assert_eq!(r.calls.iter().filter(|c| c.file.starts_with("src/")).count(), 2, "{:?}", r.calls);
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_listed() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    granted_config(tmp.path(), "");
    let f = tmp.path().join("secret.py");
    std::fs::write(&f, "requests.get(f\"https://api.bigcommerce.com/stores/{h}/v3/catalog/products\")\n").unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).unwrap();
    let r = check(&at(tmp.path())).unwrap();
    if std::fs::read(&f).is_ok() {
        // Running as root: permissions do not stop reading.
        assert_eq!(r.calls.len(), 1);
    } else {
        assert!(r.calls.is_empty());
        assert_eq!(r.skipped[0].reason, SkipReason::Unreadable);
        assert_eq!(r.skipped[0].path, "secret.py");
    }
    // A directory that cannot be listed.
    let d = tmp.path().join("locked");
    std::fs::create_dir(&d).unwrap();
    std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o000)).unwrap();
    let r = check(&at(tmp.path()));
    std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert!(r.is_ok());
}

#[test]
fn huge_files_are_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    granted_config(tmp.path(), "max_file_size = 4096\n");
    let call = "fetch(`https://api.bigcommerce.com/stores/${h}/v3/catalog/products`, { method: 'DELETE' });\n";
    std::fs::write(tmp.path().join("bundle.js"), call.repeat(100)).unwrap();
    std::fs::write(tmp.path().join("small.js"), call).unwrap();
    let r = check(&at(tmp.path())).unwrap();
    assert_eq!(r.calls.len(), 1);
    assert_eq!(r.skipped.len(), 1);
    assert_eq!((r.skipped[0].path.as_str(), r.skipped[0].reason), ("bundle.js", SkipReason::TooLarge));
    // The default limit (4 MiB) without configuration.
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("big.js"), call.repeat(5 * 1024 * 1024 / call.len() + 1)).unwrap();
    let r = check(&at(tmp.path())).unwrap();
    assert_eq!((r.calls.len(), r.skipped[0].reason), (0, SkipReason::TooLarge));
    // Verbose output lists what was skipped.
    let out = bc_in(tmp.path(), &["check", "--verbose", "--granted", "store_v2_products"]).stdout;
    assert!(out.contains("big.js  too-large:"), "{out}");
}

#[test]
fn code_is_never_run_and_comments_are_not_calls() {
    let tmp = tempfile::tempdir().unwrap();
    granted_config(tmp.path(), "");
    std::fs::write(
        tmp.path().join("a.js"),
        "// fetch('https://api.bigcommerce.com/stores/x/v3/orders', {method: 'DELETE'})\n/* '/v3/customers' */\nconsole.log('calling /v3/orders now');\n",
    )
    .unwrap();
    std::fs::write(tmp.path().join("b.py"), "# requests.delete('/v3/orders')\nprint(\"see /v3/orders docs\")\n")
        .unwrap();
    let r = check(&at(tmp.path())).unwrap();
    assert!(r.calls.is_empty(), "{:?}", r.calls);
}

/// The calls found in one file written to a fresh directory: `METHOD route` (route `-` if none),
/// `?` for an unknown method.
fn calls_in(name: &str, src: &str) -> Vec<String> {
    let tmp = tempfile::tempdir().unwrap();
    granted_config(tmp.path(), "");
    std::fs::write(tmp.path().join(name), src).unwrap();
    let r = check(&at(tmp.path())).unwrap();
    r.calls.iter().map(|c| format!("{} {}", c.method.map_or("?", |m| m.as_str()), c.route.unwrap_or("-"))).collect()
}

#[test]
fn type_arguments_at_call_sites_are_skipped() {
    let ts = "import BigCommerce from 'node-bigcommerce';
const client = new BigCommerce({ clientId: id, accessToken: token, storeHash: hash, apiVersion: 'v3' });
export const products = () => client.get<Product[]>('/catalog/products');
export const categories = (q: string) => conn.v3.get<{ data: Category[] }>(`/catalog/categories?${q}`);
export const compare = (a: number, b: number) => (a < b && b > (a) ? '/v3/catalog/brands' : '');
";
    assert_eq!(
        calls_in("catalog.ts", ts),
        ["GET /stores/{store_hash}/v3/catalog/products", "GET /stores/{store_hash}/v3/catalog/categories",]
    );
    // The comparison's string is only returned: its use cannot be followed, so it is a note and
    // not a call (the type arguments before it were still read as such).
    let tmp = tempfile::tempdir().unwrap();
    granted_config(tmp.path(), "");
    std::fs::write(tmp.path().join("catalog.ts"), ts).unwrap();
    let r = check(&at(tmp.path())).unwrap();
    let notes: Vec<(FindingKind, Option<usize>)> =
        r.findings.iter().filter(|f| f.kind == FindingKind::Unfollowed).map(|f| (f.kind, f.line)).collect();
    assert_eq!(notes, [(FindingKind::Unfollowed, Some(5))]);
    let cs = "// BigCommerce\nvar r = await http.DeleteAsync<Result>($\"{baseUrl}/v3/catalog/brands/{id}\");\n";
    assert_eq!(calls_in("Brands.cs", cs), ["DELETE /stores/{store_hash}/v3/catalog/brands/{brand_id}"]);
    let rs = "// BigCommerce\nlet r = client.post::<Order>(\"/v2/orders\").send().await?;\n";
    assert_eq!(calls_in("orders.rs", rs), ["POST /stores/{store_hash}/v2/orders"]);
}

#[test]
fn the_oauth_context_is_the_store_prefix() {
    let php = "<?php // BigCommerce app
$store = $client->get('https://api.bigcommerce.com/' . $context . '/v2/store', $options);
$client->request('POST', 'https://api.bigcommerce.com/' . $ctx . '/v3/content/scripts', $o);
";
    assert_eq!(
        calls_in("install.php", php),
        ["GET /stores/{store_hash}/v2/store", "POST /stores/{store_hash}/v3/content/scripts"]
    );
    let js =
        "const r = await fetch(`https://api.bigcommerce.com/${session.context}/v3/catalog/products`, { headers });\n";
    assert_eq!(calls_in("load.js", js), ["GET /stores/{store_hash}/v3/catalog/products"]);
}

#[test]
fn a_v2_or_v3_member_before_the_verb_is_the_version() {
    let js = "// BigCommerce
const store = await conn.v2.get('/store');
const products = await conn.v3.get('/catalog/products');
";
    assert_eq!(
        calls_in("conn.js", js),
        ["GET /stores/{store_hash}/v2/store", "GET /stores/{store_hash}/v3/catalog/products"]
    );
}

#[test]
fn a_client_factory_called_with_a_version_sets_it() {
    let ts = "import { bigcommerceClient } from '../lib/auth';
export default async function handler(req, res) {
  const bigcommerce = bigcommerceClient(accessToken, storeHash, 'v2');
  const order = await bigcommerce.get(`/orders/${orderId}`);
  const v3 = bigcommerceClient(accessToken, storeHash);
  const summary = await v3.get('/catalog/summary');
}
";
    assert_eq!(
        calls_in("order.ts", ts),
        ["GET /stores/{store_hash}/v2/orders/{order_id}", "GET /stores/{store_hash}/v3/catalog/summary"]
    );
}

#[test]
fn a_path_without_version_takes_the_version_that_documents_it() {
    // `orders` is a root in both versions; only v2 documents `/orders/{id}/products`, only v3
    // `/orders/{id}/transactions`.
    let js = "// BigCommerce app
const products = await api.get(`/orders/${id}/products`);
const transactions = await api.get(`/orders/${id}/transactions`);
";
    assert_eq!(
        calls_in("orders.js", js),
        [
            "GET /stores/{store_hash}/v2/orders/{order_id}/products",
            "GET /stores/{store_hash}/v3/orders/{order_id}/transactions"
        ]
    );
}

#[test]
fn a_base_url_variable_holding_a_whole_path_is_the_target() {
    let js = "const BASE_URL = `https://api.bigcommerce.com/stores/${HASH}/v3/promotions`;
export async function create(body) {
  return fetch(BASE_URL, { method: \"POST\", headers, body });
}
const base_url = `https://api.bigcommerce.com/stores/${HASH}/v3`;
fetch(base_url, { method: 'DELETE' });
";
    // The second is a bare base: never a call of its own.
    assert_eq!(calls_in("promotions.js", js), ["POST /stores/{store_hash}/v3/promotions"]);
}

#[test]
fn printed_strings_are_not_calls() {
    let js = "// BigCommerce\nconsole.log('/v3/catalog/products');\nlogger.info(`/v3/orders/${id}`);\nfetch('/v3/catalog/brands');\n";
    assert_eq!(calls_in("log.js", js), ["GET /stores/{store_hash}/v3/catalog/brands"]);
    let py = "# BigCommerce\nprint(\"/v3/catalog/products\")\nlogging.debug(\"/v2/orders\")\n";
    assert!(calls_in("log.py", py).is_empty());
    let php = "<?php // BigCommerce\necho '/v3/catalog/products';\n$this->logger->error('/v2/orders');\n";
    assert!(calls_in("log.php", php).is_empty());
    let go = "package main // BigCommerce\nfunc f() { fmt.Println(\"/v3/catalog/products\"); log.Printf(\"%s/v2/orders\", base) }\n";
    assert!(calls_in("log.go", go).is_empty());
}

/// A URL reaches its request through a shorthand property (`{ url, method }`) or a reference
/// (`&url`): both are requests, not URLs whose use cannot be followed.
#[test]
fn shorthand_keys_and_references_are_followed() {
    let ts = "const url = `https://api.bigcommerce.com/stores/${hash}/v3/catalog/products`;\n\
              export const list = () => client.request({ url, method: 'POST' });\n";
    assert_eq!(calls_in("list.ts", ts), ["POST /stores/{store_hash}/v3/catalog/products"]);
    let rs = "// BigCommerce\nlet url = format!(\"https://api.bigcommerce.com/stores/{}/v2/orders\", hash);\n\
              let r = client.delete(&url).send().await;\n";
    assert_eq!(calls_in("orders.rs", rs), ["DELETE /stores/{store_hash}/v2/orders"]);
}

/// A file named on the command line in no language the checker reads is reported in the
/// warnings; the same files found in a directory are passed over silently, as are named files
/// that are read (a component without any script).
#[test]
fn named_files_in_no_language_read_are_warned_about() {
    let tmp = tempfile::tempdir().unwrap();
    granted_config(tmp.path(), "");
    let files = [
        ("notes.txt", "GET https://api.bigcommerce.com/stores/x/v3/orders\n"),
        ("Makefile", "all:\n"),
        ("Card.vue", "<template><p>BigCommerce</p></template>\n"),
    ];
    for (name, text) in files {
        std::fs::write(tmp.path().join(name), text).unwrap();
    }
    let named: Vec<PathBuf> = files.iter().map(|(n, _)| tmp.path().join(n)).collect();
    let mut o = Options::new(named);
    o.relative_to = Some(tmp.path().to_path_buf());
    let r = check(&o).unwrap();
    assert_eq!(r.warnings.len(), 2, "{:?}", r.warnings);
    let shown = |name: &str| name.to_owned();
    let makefile =
        format!("{}: not scanned: a file without an extension is not read (it reads .js ", shown("Makefile"));
    assert!(r.warnings[0].starts_with(&makefile), "{}", r.warnings[0]);
    let notes = format!("{}: not scanned: .txt is not a language the checker reads (it reads .js ", shown("notes.txt"));
    assert!(r.warnings[1].starts_with(&notes), "{}", r.warnings[1]);
    assert!(r.warnings[1].contains(" .vue .svelte ") && r.warnings[1].ends_with(" .rs)"), "{}", r.warnings[1]);
    assert!(r.calls.is_empty());
    let walked = check(&Options::new([tmp.path()])).unwrap();
    assert!(walked.warnings.is_empty(), "{:?}", walked.warnings);
}

/// Components are read for their scripts, at the component's own lines and columns.
#[test]
fn component_scripts_are_read_at_their_positions() {
    let tmp = tempfile::tempdir().unwrap();
    granted_config(tmp.path(), "");
    let vue = "<template>\r\n  <p title=\"fetch('/v3/orders')\">Café ✓</p>\r\n</template>\r\n<SCRIPT setup lang=\"ts\">\r\nconst r = await fetch(`https://api.bigcommerce.com/stores/${hash}/v3/catalog/brands`);\r\n</SCRIPT>\r\n";
    std::fs::write(tmp.path().join("Brands.vue"), vue).unwrap();
    let r = check(&Options::new([tmp.path()])).unwrap();
    let at: Vec<(usize, usize, &str)> = r.calls.iter().map(|c| (c.line, c.column, c.route.unwrap_or("-"))).collect();
    assert_eq!(at, [(5, 23, "/stores/{store_hash}/v3/catalog/brands")]);
    assert_eq!(r.calls[0].language, bigcommerce_scopes::check::Language::TypeScript);
}

/// Markup is not code: an example in a component's markup is no call, and an apostrophe in PHP's
/// inline HTML opens no string that would hide the code after it.
#[test]
fn markup_around_code_is_not_read_as_code() {
    let vue = "<template>\n  <pre><code>await fetch('https://api.bigcommerce.com/stores/x/v3/customers', { method: 'DELETE' })</code></pre>\n</template>\n<script>\nexport default { name: 'Docs' };\n</script>\n";
    assert!(calls_in("Docs.vue", vue).is_empty());
    let php = "<h1>Don't panic</h1>\n<?php $orders = $client->get('https://api.bigcommerce.com/stores/' . $hash . '/v2/orders'); ?>\n<p>That's all</p>\n";
    assert_eq!(calls_in("page.php", php), ["GET /stores/{store_hash}/v2/orders"]);
}
