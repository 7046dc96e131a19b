//! `bc-scopes check [PATH...]`: find the BigCommerce calls in source code and compare the scopes
//! they need with the scopes the project declares (bc-scopes.toml or --granted).
//!
//! Exit status: 0 clean, 1 findings at or above `--fail-level` (default: error), 2 usage or
//! configuration errors.

use super::{CliError, Ctx, Success};
use bigcommerce_scopes::check::report::{self, Format};
use bigcommerce_scopes::check::{check, Options, Report, Severity, StdinSource, CONFIG_FILE};
use bigcommerce_scopes::{AccountType, ScopeSet};
use std::path::PathBuf;

/// Exit status when findings reach the fail level.
const EXIT_FINDINGS: i32 = 1;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files and directories to scan (default: the current directory)
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Configuration file (default: bc-scopes.toml in the scanned directory or a parent, up to the repository root)
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Granted scopes, replacing the configuration's `granted` ("a b c" or a,b,c; repeatable)
    #[arg(long, value_name = "SCOPES")]
    granted: Vec<String>,
    /// The kind of API account (store, app, account), replacing the configuration's
    #[arg(long, value_name = "TYPE")]
    account_type: Option<String>,
    /// Output format
    #[arg(long, value_name = "FORMAT", value_parser = ["human", "json", "sarif", "github"])]
    format: Option<String>,
    /// Lowest severity that makes the check fail (exit status 1)
    #[arg(long, value_name = "LEVEL", default_value = "error", value_parser = ["error", "warning", "note"])]
    fail_level: String,
    /// Print the minimal bc-scopes.toml for the calls found (each project's configuration with
    /// `granted` updated), instead of the report
    #[arg(long, conflicts_with = "write")]
    suggest: bool,
    /// Update `granted` (and, with --account-type, `account_type`) of each project's
    /// bc-scopes.toml in place to the scopes the code needs, keeping comments, order and every
    /// other key; creates bc-scopes.toml where a project with calls has none
    #[arg(long)]
    write: bool,
    /// Judge excess scopes even when the paths scanned cover only part of a project (by default
    /// excess, downgrade and alternative findings need the whole project: a scan of changed files
    /// sees only some of its calls)
    #[arg(long)]
    excess: bool,
    /// Leave out paths matching this glob (relative to the working directory, as in .gitignore;
    /// repeatable)
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Read one source file from stdin (with no PATH, or PATH `-`), checked as if it were this
    /// file: its language and configuration come from the name
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<PathBuf>,
    /// List every call and every skipped file (human format)
    #[arg(long, short)]
    verbose: bool,
}

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let json = ctx.json;
    let format = match (args.format.as_deref(), json) {
        (Some(f), true) if f != "json" => {
            return Err(CliError::input(format!("--json and --format {f} contradict each other")));
        }
        (_, true) => Format::Json,
        (Some(f), false) => Format::parse(f).unwrap_or(Format::Human),
        (None, false) => Format::Human,
    };
    let mut warnings = Vec::new();
    let mut opts = Options {
        paths: args.paths.clone(),
        config: args.config.clone(),
        exclude: args.exclude.clone(),
        excess: args.excess,
        ..Options::default()
    };
    if let Some(name) = &args.stdin_filename {
        if !(args.paths.is_empty() || args.paths.iter().all(|p| p.as_os_str() == "-")) {
            return Err(CliError::input("--stdin-filename reads one file from stdin: give no PATH (or `-`)"));
        }
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| CliError::input(format!("cannot read stdin: {e}")))?;
        opts.paths.clear();
        opts.stdin = Some(StdinSource::new(name.clone(), text));
    } else if args.paths.iter().any(|p| p.as_os_str() == "-") {
        return Err(CliError::input("`-` reads a file from stdin: give its name with --stdin-filename NAME"));
    }
    if !args.granted.is_empty() {
        let parsed = ScopeSet::parse_list(&args.granted.join(" "))?;
        warnings.extend(parsed.warnings);
        opts.granted = Some(parsed.scopes);
    }
    if let Some(t) = &args.account_type {
        opts.account_type = Some(AccountType::parse(t)?);
    }
    let fail_level = Severity::parse(&args.fail_level).unwrap_or(Severity::Error);
    let r = check(&opts)?;
    let flag_warnings = warnings.clone();
    warnings.extend(r.warnings.iter().cloned());
    if args.suggest {
        let text = report::suggest(&r);
        let stdout = if json {
            super::output::json(&report::SuggestView { config: &text, needed_scopes: &r.needed_scopes })
        } else {
            text
        };
        // The report's own warnings are about the configuration being replaced.
        return Ok(Success::exit(stdout, warnings, 0));
    }
    if args.write {
        return write(&r, json, warnings);
    }
    if r.projects.iter().all(|p| p.granted.is_none()) {
        return Err(CliError::input(format!(
            "no granted scopes: add `granted = [...]` to {CONFIG_FILE} (`bc-scopes check --suggest` prints one for this code) or pass --granted"
        )));
    }
    // `--quiet`: the findings alone, as ruff prints its diagnostics alone.
    let stdout = if ctx.quiet && format == Format::Human {
        report::findings_only(&r)
    } else {
        report::render(&r, format, args.verbose)
    };
    let status = if r.fails(fail_level) { EXIT_FINDINGS } else { 0 };
    // The human report lists the configuration's warnings itself.
    let warnings = if format == Format::Human { flag_warnings } else { warnings };
    Ok(Success::exit(stdout, warnings, status))
}

/// `--write`: each project's configuration with `granted` set to what its code needs.
fn write(r: &Report, json: bool, warnings: Vec<String>) -> Result<Success, CliError> {
    let updates = report::config_updates(r);
    for u in &updates {
        std::fs::write(&u.path, &u.text)
            .map_err(|e| CliError::output(format!("cannot write {}: {e}", u.path.display())))?;
    }
    let stdout = if json { super::output::json(&updates) } else { report::written(&updates) };
    Ok(Success::exit(stdout, warnings, 0))
}
