//! What every command shares with the command-line tools users know: exit statuses (0, 1 findings,
//! 2 errors, a full disk included), `--color` with `NO_COLOR` and `CLICOLOR_FORCE`, `--quiet`,
//! `--output FILE`, shell completions and the man page.

#![cfg(feature = "cli")] // the binary is built only with the `cli` feature

use std::process::{Command, Stdio};

/// The outcome of one run.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Run `bc-scopes` with `args` and exactly the colour variables in `env` (the others removed).
fn bc_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bc-scopes"));
    cmd.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    for var in ["NO_COLOR", "CLICOLOR_FORCE", "CLICOLOR"] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied());
    let out = cmd.stdin(Stdio::null()).output().expect("bc-scopes runs");
    Run {
        code: out.status.code().expect("bc-scopes exits normally"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn bc(args: &[&str]) -> Run {
    bc_env(args, &[])
}

const ESC: char = '\x1b';

/// A command whose output has labels (styled) and a warning on stderr (styled prefix).
const WARNS: &[&str] = &["scope", "store_checkouts"];

// ---- exit statuses --------------------------------------------------------------------------

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_exits_2_with_a_message() {
    let full = std::fs::File::create("/dev/full").expect("/dev/full exists on Linux");
    let out =
        Command::new(env!("CARGO_BIN_EXE_bc-scopes")).arg("scopes").stdout(full).output().expect("bc-scopes runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("error: cannot write output: "), "{stderr}");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // The reader goes away before reading anything; the export is far larger than a pipe's buffer,
    // so the writer meets the closed pipe whichever runs first.
    let mut child = Command::new(env!("CARGO_BIN_EXE_bc-scopes"))
        .args(["export", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bc-scopes runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("bc-scopes finishes");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn an_existing_file_for_export_out_exits_2_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("docs");
    std::fs::write(&file, "not a folder").unwrap();
    let path = file.to_str().unwrap();
    let r = bc(&["export", "markdown", "--out", path]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        format!("error: --out {path} is an existing file, not a folder: name the folder to write the pages into\n")
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a folder");

    let r = bc(&["export", "markdown", "--out", path, "--json"]);
    assert_eq!(r.code, 2);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["error"]["kind"], "output_error");
}

#[test]
fn errors_exit_2_and_findings_exit_1() {
    assert_eq!(bc(&["scope", "nope"]).code, 2);
    assert_eq!(bc(&["scopes", "--color", "sometimes"]).code, 2);
    // Granted nothing the call needs: a finding.
    let r = bc(&["audit", "--granted", "store_v2_content", "GET /v3/catalog/products"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
}

// ---- colour ---------------------------------------------------------------------------------

#[test]
fn no_color_strips_colour_with_color_auto() {
    for env in [&[("NO_COLOR", "1")][..], &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")], &[]] {
        let r = bc_env(&[WARNS, &["--color", "auto"]].concat(), env);
        assert_eq!(r.code, 0);
        assert!(!r.stdout.contains(ESC) && !r.stderr.contains(ESC), "{env:?}: {:?}{:?}", r.stdout, r.stderr);
        assert!(r.stdout.starts_with("Scope:          store_checkout\n"), "{}", r.stdout);
        assert!(r.stderr.starts_with("warning: "), "{}", r.stderr);
    }
}

#[test]
fn color_always_styles_labels_warnings_and_errors() {
    let r = bc_env(&[WARNS, &["--color", "always"]].concat(), &[]);
    assert!(r.stdout.starts_with("\x1b[1mScope:\x1b[0m          store_checkout\n"), "{:?}", r.stdout);
    assert!(r.stderr.starts_with("\x1b[1m\x1b[33mwarning:\x1b[0m "), "{:?}", r.stderr);
    let e = bc_env(&["--color=always", "scope", "nope"], &[]);
    assert!(e.stderr.starts_with("\x1b[1m\x1b[31merror:\x1b[0m unknown scope"), "{:?}", e.stderr);
    // Usage errors from argument parsing too.
    let e = bc_env(&["--color", "always", "scop"], &[]);
    assert_eq!(e.code, 2);
    assert!(e.stderr.contains(ESC), "{:?}", e.stderr);

    // Without the escapes, the same bytes as colour-free output.
    let plain = bc_env(WARNS, &[]);
    let strip = |s: &str| regex::Regex::new("\x1b\\[[0-9;]*m").unwrap().replace_all(s, "").into_owned();
    assert_eq!(strip(&r.stdout), plain.stdout);
    assert_eq!(strip(&r.stderr), plain.stderr);
}

#[test]
fn clicolor_force_colours_and_color_never_wins_over_it() {
    let r = bc_env(WARNS, &[("CLICOLOR_FORCE", "1")]);
    assert!(r.stdout.contains(ESC) && r.stderr.contains(ESC), "{:?}{:?}", r.stdout, r.stderr);
    let r = bc_env(&[WARNS, &["--color", "never"]].concat(), &[("CLICOLOR_FORCE", "1")]);
    assert!(!r.stdout.contains(ESC) && !r.stderr.contains(ESC), "{:?}{:?}", r.stdout, r.stderr);
}

#[test]
fn json_is_never_styled() {
    let r = bc_env(&[WARNS, &["--json", "--color", "always"]].concat(), &[]);
    assert!(!r.stdout.contains(ESC), "{}", r.stdout);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["name"], "store_checkout");
}

// ---- --quiet, --output ----------------------------------------------------------------------

#[test]
fn quiet_drops_warnings_but_not_errors() {
    let loud = bc(WARNS);
    assert!(loud.stderr.starts_with("warning: "), "{}", loud.stderr);
    for flag in ["-q", "--quiet"] {
        let r = bc(&[WARNS, &[flag]].concat());
        assert_eq!((r.code, r.stderr.as_str()), (0, ""), "{flag}");
        assert_eq!(r.stdout, loud.stdout, "{flag}");
    }
    // Anywhere on the command line, and JSON still carries the warnings.
    let r = bc(&["-q", "scope", "--json", "store_checkouts"]);
    assert_eq!(r.stderr, "");
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["warnings"].as_array().map(Vec::len), Some(1));
    let e = bc(&["-q", "scope", "nope"]);
    assert_eq!((e.code, e.stderr.as_str()), (2, "error: unknown scope `nope`\n"));
}

#[test]
fn output_writes_the_file_instead_of_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("scopes.json");
    std::fs::write(&file, "old contents, replaced").unwrap();
    let r = bc(&["scopes", "--json", "--output", file.to_str().unwrap()]);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), bc(&["scopes", "--json"]).stdout);

    // Warnings stay on stderr; colour follows the file (none unless asked for).
    let text = dir.path().join("scope.txt");
    let r = bc_env(&[WARNS, &["--output", text.to_str().unwrap()]].concat(), &[("CLICOLOR", "1")]);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.starts_with("warning: "), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&text).unwrap(), bc(WARNS).stdout);

    // Errors: a file that cannot be created, and a command's error with --json.
    let folder = dir.path().to_str().unwrap();
    let r = bc(&["scopes", "--output", folder]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr, format!("error: cannot create --output {folder}: is a folder\n"));
    let missing = dir.path().join("no/such/dir/out.txt");
    let r = bc(&["scopes", "--output", missing.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: cannot create --output "), "{}", r.stderr);
    let err = dir.path().join("err.json");
    let r = bc(&["scope", "nope", "--json", "--output", err.to_str().unwrap()]);
    assert_eq!((r.code, r.stdout.as_str()), (2, ""));
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&err).unwrap()).unwrap();
    assert_eq!(v["error"]["kind"], "unknown_scope");
}

// ---- completions, man page -------------------------------------------------------------------

#[test]
fn completions_cover_the_subcommands() {
    for shell in ["bash", "zsh", "fish"] {
        let r = bc(&["completions", shell]);
        assert_eq!((r.code, r.stderr.as_str()), (0, ""), "{shell}");
        for word in ["check", "endpoint", "account-types", "bc-scopes"] {
            assert!(r.stdout.contains(word), "{shell}: no `{word}`");
        }
        assert!(r.stdout.contains("color") && r.stdout.contains("output"), "{shell}: global options");
    }
    for shell in ["powershell", "elvish"] {
        let r = bc(&["completions", shell]);
        assert_eq!(r.code, 0, "{shell}");
        assert!(r.stdout.contains("endpoint"), "{shell}");
    }
    assert_eq!(bc(&["completions", "tcsh"]).code, 2);
    assert_eq!(bc(&["completions"]).code, 2);
    assert_eq!(bc(&["completions", "bash", "--json"]).code, 2);
}

#[test]
fn man_page_is_roff_with_every_subcommand() {
    let r = bc(&["man"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let th = r.stdout.lines().find(|l| l.starts_with(".TH ")).expect("a .TH line");
    assert!(th.contains(env!("CARGO_PKG_VERSION")), "{th}");
    assert!(r.stdout.contains(".SH SUBCOMMANDS") || r.stdout.contains(".SH COMMANDS"), "{}", r.stdout);
    for word in ["check", "endpoint", "completions", "\\-\\-color"] {
        assert!(r.stdout.contains(word), "no `{word}` in the man page");
    }
    assert_eq!(bc(&["man", "--json"]).code, 2);
}
