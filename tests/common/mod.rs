//! Running the `bc-scopes` binary from integration tests, shared by the CLI test files.
#![allow(dead_code)] // each test file uses a part

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

/// The outcome of one run of the binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run `bc-scopes` with `args` in `dir` (the crate root by default), `stdin` on standard input.
pub fn run(args: &[&str], dir: Option<&Path>, stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bc-scopes"))
        .args(args)
        .current_dir(dir.unwrap_or(Path::new(env!("CARGO_MANIFEST_DIR"))))
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bc-scopes runs");
    // A command that fails before reading its input closes the pipe: not the test's concern.
    match child.stdin.take().expect("stdin is piped").write_all(stdin.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("stdin is not writable: {e}"),
        _ => {}
    }
    let out = child.wait_with_output().expect("bc-scopes finishes");
    Run {
        code: out.status.code().expect("bc-scopes exits normally"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// The arguments as a shell would show them (those with spaces quoted).
pub fn shown(args: &[&str]) -> String {
    args.iter().map(|a| if a.contains(' ') { format!("{a:?}") } else { (*a).to_owned() }).collect::<Vec<_>>().join(" ")
}

impl Run {
    /// The command as shown, the exit status, stdout and stderr, as one text to snapshot.
    pub fn transcript(&self, command: &str) -> String {
        format!(
            "$ bc-scopes {command}\nexit status: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// A validator for the official SARIF 2.1.0 schema (tests/fixtures/sarif/sarif-schema-2.1.0.json).
pub fn sarif_validator() -> jsonschema::Validator {
    use serde_json::Value;
    let mut schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sarif/sarif-schema-2.1.0.json"),
        )
        .unwrap(),
    )
    .unwrap();
    // The official schema's `language` patterns (of `run` and `toolComponent`),
    // `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, have a stray `]`, which jsonschema's check of the
    // schema itself (`format: regex`) rejects. The file is kept as published; the patterns are
    // corrected here, in memory (the output has no `language`).
    fn fix(v: &mut Value, n: &mut usize) {
        match v {
            Value::Object(m) => {
                for (k, x) in m.iter_mut() {
                    if k == "pattern" && x == "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$" {
                        *x = Value::from("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
                        *n += 1;
                    } else {
                        fix(x, n);
                    }
                }
            }
            Value::Array(a) => a.iter_mut().for_each(|x| fix(x, n)),
            _ => {}
        }
    }
    let mut fixed = 0;
    fix(&mut schema, &mut fixed);
    assert_eq!(fixed, 2, "the schema file changed");
    jsonschema::options().should_validate_formats(true).build(&schema).expect("the SARIF schema compiles")
}

/// Copy the tree `from` into `to` (which exists).
pub fn copy_dir(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let t = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&t).unwrap();
            copy_dir(&e.path(), &t);
        } else {
            std::fs::copy(e.path(), t).unwrap();
        }
    }
}
