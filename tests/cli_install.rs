//! What installing and running bc-scopes elsewhere relies on: the GitHub Action (action.yml), the
//! pre-commit hook (.pre-commit-hooks.yaml), the licence files and the package metadata.

use serde_yaml_ng::Value;
use std::path::Path;

fn root(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn yaml(file: &str) -> Value {
    serde_yaml_ng::from_str(&root(file)).unwrap_or_else(|e| panic!("{file} is not YAML: {e}"))
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("`{key}` is not a string: {v:?}"))
}

#[test]
fn action_declares_its_inputs_and_outputs() {
    let action = yaml("action.yml");
    assert!(!str_of(&action, "name").is_empty() && !str_of(&action, "description").is_empty());
    let inputs = &action["inputs"];
    for (name, default) in [("paths", "."), ("config", ""), ("fail-level", "error"), ("sarif-file", "")] {
        let input = &inputs[name];
        assert!(!str_of(input, "description").is_empty(), "input {name}");
        assert_eq!(str_of(input, "default"), default, "input {name}");
        assert_eq!(input["required"].as_bool(), Some(false), "input {name}");
    }
    assert_eq!(inputs.as_mapping().unwrap().len(), 4, "no other inputs");
    for name in ["exit-code", "sarif-file"] {
        let output = &action["outputs"][name];
        assert!(!str_of(output, "description").is_empty(), "output {name}");
        assert!(str_of(output, "value").contains("steps.check.outputs."), "output {name}");
    }
}

/// The composite steps, in order.
fn steps(action: &Value) -> &Vec<Value> {
    assert_eq!(str_of(&action["runs"], "using"), "composite");
    action["runs"]["steps"].as_sequence().expect("steps")
}

#[test]
fn action_caches_and_installs_from_its_own_checkout() {
    let action = yaml("action.yml");
    let steps = steps(&action);
    let cache = steps.iter().find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("actions/cache@"))).unwrap();
    assert!(str_of(&cache["with"], "path").starts_with("~/.cargo/bin"), "{cache:?}");
    assert!(str_of(&cache["with"], "key").contains("steps.key.outputs.key"), "{cache:?}");
    let key = steps.iter().find(|s| s["id"] == "key").expect("a step computing the cache key");
    assert!(str_of(&key["env"], "ACTION_REF").contains("github.action_ref"), "keyed by the action's ref");
    assert!(str_of(key, "run").contains("version"), "and by its version");

    let install = steps.iter().find(|s| s["name"] == "Install bc-scopes").expect("an install step");
    assert!(
        str_of(install, "run").starts_with(r#"cargo install --locked --path "$GITHUB_ACTION_PATH""#),
        "{install:?}"
    );
    assert_eq!(str_of(install, "if"), "steps.cache.outputs.cache-hit != 'true'");
    let position = |s: &Value| steps.iter().position(|x| x == s).unwrap();
    assert!(position(cache) < position(install));
}

#[test]
fn action_runs_the_check_and_never_hides_an_error() {
    let action = yaml("action.yml");
    let check = steps(&action).iter().find(|s| s["id"] == "check").expect("the check step");
    assert_eq!(str_of(check, "shell"), "bash");
    let run = str_of(check, "run");
    assert!(run.contains(r#"bc-scopes "${args[@]}" --format github"#), "{run}");
    assert!(run.contains(r#"--format sarif --output "$BC_SARIF_FILE""#), "{run}");
    assert!(run.contains(r#"--fail-level "$BC_FAIL_LEVEL""#) && run.contains(r#"--config "$BC_CONFIG""#), "{run}");
    // Findings (1) after the SARIF run go on to the annotations; anything above fails the step.
    assert!(run.contains(r#"if [ "$status" -gt 1 ]; then"#), "{run}");
    assert!(run.trim_end().ends_with(r#"exit "$status""#), "the step's status is bc-scopes': {run}");
    assert!(!run.contains("|| true") && !run.contains("continue-on-error"), "{run}");
    assert!(check.get("continue-on-error").is_none());
    // Inputs reach the script as variables, never pasted into it.
    assert!(!run.contains("${{"), "{run}");
    for (var, input) in [
        ("BC_PATHS", "paths"),
        ("BC_CONFIG", "config"),
        ("BC_FAIL_LEVEL", "fail-level"),
        ("BC_SARIF_FILE", "sarif-file"),
    ] {
        assert_eq!(str_of(&check["env"], var), format!("${{{{ inputs.{input} }}}}"));
    }
}

#[test]
fn pre_commit_hook_runs_the_check_on_source_files() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_sequence().expect("a list of hooks");
    assert_eq!(hooks.len(), 1);
    let hook = &hooks[0];
    assert_eq!(str_of(hook, "id"), "bc-scopes");
    assert_eq!(str_of(hook, "language"), "rust");
    assert_eq!(str_of(hook, "entry"), "bc-scopes check");
    assert_eq!(hook["pass_filenames"].as_bool(), Some(true));
    let types: Vec<&str> = hook["types_or"].as_sequence().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    let expected = [
        "javascript",
        "jsx",
        "ts",
        "tsx",
        "php",
        "python",
        "ruby",
        "go",
        "java",
        "c#",
        "rust",
        "vue",
        "svelte",
        "astro",
    ];
    assert_eq!(types, expected);
}

#[test]
fn licences_are_shipped_and_declared() {
    let mit = root("LICENSE-MIT");
    assert!(mit.starts_with("MIT License\n") && mit.contains("The bigcommerce-scopes developers"), "{mit}");
    assert!(mit.contains("THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND"));
    let apache = root("LICENSE-APACHE");
    assert!(apache.contains("Apache License") && apache.contains("Version 2.0, January 2004"));
    assert!(apache.contains("END OF TERMS AND CONDITIONS"));

    let manifest: toml::Table = root("Cargo.toml").parse().unwrap();
    let package = manifest["package"].as_table().unwrap();
    assert_eq!(package["license"].as_str(), Some("MIT OR Apache-2.0"));
    for key in ["repository", "homepage", "documentation"] {
        assert!(package[key].as_str().is_some_and(|u| u.starts_with("https://")), "{key}");
    }
    let include: Vec<&str> = package["include"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    for needed in ["/LICENSE-MIT", "/LICENSE-APACHE", "/build.rs", "/data/**", "/src/**/*.rs", "/README.md"] {
        assert!(include.contains(&needed), "the package includes {needed}");
    }
    assert!(!include.iter().any(|i| ["fuzz", "xtask", "target", ".ci"].iter().any(|d| i.contains(d))), "{include:?}");
}

/// The check step's script, run by bash as GitHub runs it (`bash -e -o pipefail`), with the built
/// binary first on the PATH; returns the status, the step's outputs and stdout.
#[cfg(all(unix, feature = "cli"))]
fn run_check_step(dir: &Path, env: &[(&str, &str)]) -> (i32, String, String) {
    let action = yaml("action.yml");
    let script = str_of(steps(&action).iter().find(|s| s["id"] == "check").unwrap(), "run").to_owned();
    let bin = Path::new(env!("CARGO_BIN_EXE_bc-scopes")).parent().unwrap();
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let (outputs, path_file) = (dir.join("outputs"), dir.join("path"));
    std::fs::write(&outputs, "").unwrap();
    let out = std::process::Command::new("bash")
        .args(["--noprofile", "--norc", "-e", "-o", "pipefail", "-c", &script])
        .current_dir(dir)
        .env("HOME", &home)
        .env("PATH", format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default()))
        .env("GITHUB_OUTPUT", &outputs)
        .env("GITHUB_PATH", &path_file)
        .env("NO_COLOR", "1")
        .envs([("BC_PATHS", "."), ("BC_CONFIG", ""), ("BC_FAIL_LEVEL", "error"), ("BC_SARIF_FILE", "")])
        .envs(env.iter().copied())
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.code().unwrap(), std::fs::read_to_string(&outputs).unwrap(), stdout)
}

#[cfg(all(unix, feature = "cli"))]
#[test]
fn action_step_fails_on_findings_after_writing_sarif_and_on_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("src/sync.js"),
        "fetch(`https://api.bigcommerce.com/stores/${hash}/v3/catalog/products`);\n",
    )
    .unwrap();

    // Granted what the call needs: clean.
    std::fs::write(dir.join("bc-scopes.toml"), "granted = [\"store_v2_products_read_only\"]\n").unwrap();
    let (code, outputs, _) = run_check_step(dir, &[("BC_SARIF_FILE", "out.sarif"), ("BC_PATHS", "src\n")]);
    assert_eq!(code, 0, "{outputs}");
    assert!(outputs.contains("exit-code=0\n") && outputs.contains("sarif-file=out.sarif\n"), "{outputs}");

    // A missing scope: the SARIF is written, the annotations printed, and the step fails with 1.
    std::fs::write(dir.join("bc-scopes.toml"), "granted = [\"store_v2_content\"]\n").unwrap();
    std::fs::remove_file(dir.join("out.sarif")).unwrap();
    let (code, outputs, stdout) = run_check_step(dir, &[("BC_SARIF_FILE", "out.sarif")]);
    assert_eq!(code, 1, "{outputs}");
    assert!(outputs.contains("exit-code=1\n"), "{outputs}");
    assert!(stdout.contains("::error "), "GitHub annotations: {stdout}");
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("out.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");

    // A configuration error fails the step with 2, with or without SARIF.
    std::fs::write(dir.join("broken.toml"), "granted = 5\n").unwrap();
    for sarif in ["", "out.sarif"] {
        let (code, _, _) = run_check_step(dir, &[("BC_CONFIG", "broken.toml"), ("BC_SARIF_FILE", sarif)]);
        assert_eq!(code, 2, "sarif-file={sarif:?}");
    }
    let (code, _, _) = run_check_step(dir, &[("BC_FAIL_LEVEL", "sometimes")]);
    assert_eq!(code, 2);
}
