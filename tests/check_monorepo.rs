//! `bc-scopes check` on a repository holding several apps (tests/fixtures/check/monorepo, copied
//! into a temporary repository): each file is judged against the nearest configuration above it,
//! paths are relative to where the check runs in every format (SARIF's to the repository's top,
//! `%SRCROOT%`), partial scans leave excess unjudged, and `--write` updates each configuration
//! in place.

#![cfg(feature = "cli")] // the binary is built only with the `cli` feature

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};

/// A fresh copy of the fixture as the top of a git repository.
fn repo() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check/monorepo"), tmp.path());
    std::fs::create_dir(tmp.path().join(".git")).unwrap();
    tmp
}

fn run(dir: &Path, args: &[&str]) -> common::Run {
    common::run(args, Some(dir), "")
}

/// The transcript with the temporary repository's place written `[repository]`.
fn transcript(top: &Path, dir: &Path, args: &[&str]) -> String {
    let t = run(dir, args).transcript(&args.join(" "));
    t.replace(&top.display().to_string(), "[repository]")
}

fn json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let r = run(dir, args);
    let v = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}):\n{}{}", r.stdout, r.stderr));
    (r.code, v)
}

const FORMATS: [&str; 4] = ["human", "json", "sarif", "github"];

#[test]
fn snapshots_of_every_format_from_the_root_and_from_an_app() {
    let t = repo();
    for (place, dir) in [("root", t.path().to_path_buf()), ("shop", t.path().join("apps/shop"))] {
        for format in FORMATS {
            let name = format!("monorepo_{place}_{format}");
            insta::assert_snapshot!(name, transcript(t.path(), &dir, &["check", "--format", format]));
        }
    }
}

/// Every path a report gives, as (where it is relative to, path).
fn reported_paths(json: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for c in json["calls"].as_array().unwrap() {
        out.push(c["file"].as_str().unwrap().to_owned());
    }
    let findings = json["findings"].as_array().unwrap().iter().chain(json["suppressed"].as_array().unwrap());
    for f in findings {
        out.extend(f["file"].as_str().map(str::to_owned));
        out.extend(f["config"].as_str().map(str::to_owned));
        for r in f["related"].as_array().unwrap() {
            out.push(r["file"].as_str().unwrap().to_owned());
        }
    }
    for p in json["projects"].as_array().unwrap() {
        out.extend(p["config"].as_str().map(str::to_owned));
        out.push(p["dir"].as_str().unwrap().to_owned());
    }
    out
}

#[test]
fn every_reported_path_resolves_from_where_the_check_ran() {
    let t = repo();
    let validator = common::sarif_validator();
    for dir in
        [t.path().to_path_buf(), t.path().join("apps"), t.path().join("apps/shop"), t.path().join("apps/admin/app")]
    {
        let (_, v) = json(&dir, &["check", "--json"]);
        let paths = reported_paths(&v);
        assert!(!paths.is_empty());
        for p in paths {
            assert!(dir.join(&p).exists(), "{}: {p} does not resolve", dir.display());
        }
        // GitHub annotations name files relative to the working directory too.
        let github = run(&dir, &["check", "--format", "github"]).stdout;
        for line in github.lines().filter(|l| l.starts_with("::")) {
            if let Some(file) = line.split("file=").nth(1).and_then(|r| r.split(',').next()) {
                assert!(dir.join(file).exists(), "{}: {file} does not resolve", dir.display());
            }
        }
        // SARIF: URIs relative to %SRCROOT%, the top of the repository.
        let (_, log) = json(&dir, &["check", "--format", "sarif"]);
        let errors: Vec<String> = validator.iter_errors(&log).map(|e| format!("{}: {e}", e.instance_path())).collect();
        assert!(errors.is_empty(), "SARIF does not validate:\n{}", errors.join("\n"));
        let base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().unwrap();
        let top = PathBuf::from(base.strip_prefix("file://").unwrap());
        assert_eq!(top, t.path().join(""), "%SRCROOT% is the repository's top");
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert!(!results.is_empty());
        for r in results {
            let locations = r["locations"].as_array().into_iter().flatten();
            for l in locations.chain(r["relatedLocations"].as_array().into_iter().flatten()) {
                let a = &l["physicalLocation"]["artifactLocation"];
                assert_eq!(a["uriBaseId"], "%SRCROOT%");
                let uri = a["uri"].as_str().unwrap();
                assert!(top.join(uri).exists(), "{uri} does not resolve against %SRCROOT%");
            }
        }
    }
}

fn project<'a>(v: &'a Value, config: &str) -> &'a Value {
    v["projects"].as_array().unwrap().iter().find(|p| p["config"] == config).unwrap_or_else(|| panic!("{config}: {v}"))
}

fn scopes(v: &Value) -> Vec<&str> {
    v.as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect()
}

fn kinds_in(v: &Value, config: &str) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["config"] == config)
        .map(|f| f["kind"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn each_app_is_judged_against_its_own_configuration() {
    let t = repo();
    let (code, v) = json(t.path(), &["check", "--json"]);
    assert_eq!(code, 1, "the admin app lacks a scope");
    let shop = project(&v, "apps/shop/bc-scopes.toml");
    // The shared package's wrapper is followed into the shop's call; its generated client is ignored.
    assert_eq!(scopes(&shop["needed_scopes"]), ["store_v2_orders_read_only", "store_v2_products_read_only"]);
    assert_eq!(shop["excess_judged"], true);
    let admin = project(&v, "apps/admin/.bc-scopes.toml");
    assert_eq!(scopes(&admin["needed_scopes"]), ["store_v2_customers"]);
    assert_eq!(admin["account_type"], "store");
    assert_eq!(kinds_in(&v, "apps/shop/bc-scopes.toml"), ["downgrade"]);
    assert_eq!(kinds_in(&v, "apps/admin/.bc-scopes.toml"), ["missing"]);
    // Files under no configuration form a project of their own, judged against nothing.
    let loose = v["projects"].as_array().unwrap().iter().find(|p| p["config"].is_null()).unwrap();
    assert_eq!((loose["dir"].as_str(), loose["calls"].as_u64()), (Some("."), Some(1)));
    assert!(v["warnings"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().contains("under no bc-scopes.toml")));
    // With several projects, the top-level `granted` and `config` are theirs, not one.
    assert!(v["granted"].is_null() && v["config"].is_null());
}

#[test]
fn quiet_prints_the_findings_alone() {
    let t = repo();
    let r = run(t.path(), &["check", "-q"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.starts_with("== apps/admin/.bc-scopes.toml ==\napps/admin/app/customers.py\n"), "{}", r.stdout);
    assert!(r.stdout.contains("[missing]") && r.stdout.contains("[downgrade]"));
    assert!(
        !r.stdout.contains("Needed scopes") && !r.stdout.contains("calls in") && r.stderr.is_empty(),
        "{}{}",
        r.stdout,
        r.stderr
    );
    // Clean: nothing at all.
    let r = run(&t.path().join("apps/shop/src"), &["check", "-q", "--granted", "store_v2_orders_read_only", "."]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));
}

#[test]
fn partial_scans_judge_excess_only_when_asked() {
    let t = repo();
    let (_, v) = json(t.path(), &["check", "--json", "apps/shop/src/orders.ts", "packages"]);
    let shop = project(&v, "apps/shop/bc-scopes.toml");
    assert_eq!(shop["excess_judged"], false);
    assert!(kinds_in(&v, "apps/shop/bc-scopes.toml").is_empty(), "{v}");
    let human = run(t.path(), &["check", "apps/shop/src/orders.ts", "packages"]).stdout;
    assert!(human.contains("Excess scopes: not judged"), "{human}");
    let (_, v) = json(t.path(), &["check", "--json", "--excess", "apps/shop/src/orders.ts", "packages"]);
    assert_eq!(project(&v, "apps/shop/bc-scopes.toml")["excess_judged"], true);
    assert_eq!(kinds_in(&v, "apps/shop/bc-scopes.toml"), ["downgrade"]);
    // A scan of the app's folder covers it.
    let (_, v) = json(&t.path().join("apps/shop"), &["check", "--json", "."]);
    assert_eq!(v["projects"][0]["excess_judged"], true);
}

#[test]
fn write_updates_each_configuration_in_place() {
    let t = repo();
    let shop_before = std::fs::read_to_string(t.path().join("apps/shop/bc-scopes.toml")).unwrap();
    let r = run(t.path(), &["check", "--write"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    insta::assert_snapshot!("monorepo_write", r.stdout);
    let shop = std::fs::read_to_string(t.path().join("apps/shop/bc-scopes.toml")).unwrap();
    insta::assert_snapshot!("monorepo_write_shop_config", shop);
    // Comments, order, ignore_paths and the [[ignore]] table are kept; only `granted` changed.
    let tail = |s: &str| s[s.find("]\naccount_type").unwrap()..].to_owned();
    assert_eq!(tail(&shop), tail(&shop_before));
    assert!(shop.starts_with("# The storefront app's API account"));
    assert!(shop.contains("\"store_v2_orders_read_only\",    # order history page"), "{shop}");
    // The excess the app accepts in an [[ignore]] table stays granted, with its comment.
    assert!(shop.contains("\"store_cart\","), "{shop}");
    let admin = std::fs::read_to_string(t.path().join("apps/admin/.bc-scopes.toml")).unwrap();
    assert!(admin.contains("\"store_v2_customers\","), "{admin}");
    assert!(admin.starts_with("# Back-office tools"));
    // No configuration is created for the files under none.
    assert!(!t.path().join("bc-scopes.toml").exists());
    // The apps are clean now (the root script is judged against nothing).
    let r = run(t.path(), &["check"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

#[test]
fn one_file_from_stdin_answers_to_its_configuration() {
    let t = repo();
    let code = "import requests\nrequests.delete(f\"https://api.bigcommerce.com/stores/{h}/v3/customers\", params={\"id:in\": 5})\n";
    let r = common::run(&["check", "--json", "--stdin-filename", "apps/admin/app/purge.py"], Some(t.path()), code);
    let v: Value = serde_json::from_str(&r.stdout).unwrap_or_else(|_| panic!("{}{}", r.stdout, r.stderr));
    assert_eq!(r.code, 1);
    assert_eq!(v["calls"][0]["file"], "apps/admin/app/purge.py");
    assert_eq!(v["config"], "apps/admin/.bc-scopes.toml");
    // One file: excess is not judged.
    assert_eq!(v["projects"][0]["excess_judged"], false);
    assert_eq!(kinds_in(&v, "apps/admin/.bc-scopes.toml"), ["missing"]);
    // A path as well as --stdin-filename is a usage error.
    let r = common::run(&["check", "--stdin-filename", "a.py", "apps"], Some(t.path()), code);
    assert_eq!(r.code, 2);
}

#[test]
fn exclude_globs_and_bad_configurations() {
    let t = repo();
    let (_, v) = json(t.path(), &["check", "--json", "--exclude", "apps/admin/**", "--exclude", "scripts"]);
    let configs: Vec<&Value> = v["projects"].as_array().unwrap().iter().map(|p| &p["config"]).collect();
    // The shared package is under no configuration; the admin app is left out.
    assert_eq!(configs, [&Value::Null, &Value::from("apps/shop/bc-scopes.toml")]);
    // A broken configuration is an error (exit 2) naming the file and place, wherever it is.
    std::fs::write(t.path().join("apps/admin/.bc-scopes.toml"), "granted = [\"store_v2_customrs\"]\n").unwrap();
    let r = run(t.path(), &["check"]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("apps/admin/.bc-scopes.toml:1:12: unknown scope `store_v2_customrs`"), "{}", r.stderr);
    // Named as the reports name files: relative to where the command ran, not absolute.
    let root = t.path().canonicalize().unwrap();
    assert!(!r.stderr.contains(&*root.to_string_lossy()), "{}", r.stderr);
    let r = run(&t.path().join("apps/shop"), &["check", "../admin"]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("error: ../admin/.bc-scopes.toml:1:12: unknown scope"), "{}", r.stderr);
}
