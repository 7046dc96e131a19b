//! `bc-scopes check [PATH...]`: find the BigCommerce calls in source code and compare the scopes
//! they need with the scopes the project declares (bc-scopes.toml or --granted).
//!
//! Exit status: 0 clean, 1 findings at or above `--fail-level` (default: error), 2 usage or
//! configuration errors.

use super::{CliError, Ctx, Success};
use bigcommerce_scopes::check::report::{self, Format};
use bigcommerce_scopes::check::{check, Options, Severity, CONFIG_FILE};
use bigcommerce_scopes::{AccountType, ScopeSet};
use serde::Serialize;
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
    /// Print the minimal bc-scopes.toml for the calls found, instead of the report
    #[arg(long)]
    suggest: bool,
    /// List every call and every skipped file (human format)
    #[arg(long, short)]
    verbose: bool,
}

#[derive(Serialize)]
struct SuggestJson<'a> {
    config: &'a str,
    needed_scopes: &'a ScopeSet,
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
    let mut opts = Options { paths: args.paths.clone(), config: args.config.clone(), ..Options::default() };
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
            super::output::json(&SuggestJson { config: &text, needed_scopes: &r.needed_scopes })
        } else {
            text
        };
        // The report's own warnings are about the configuration being replaced.
        return Ok(Success::exit(stdout, warnings, 0));
    }
    if r.granted.is_none() {
        return Err(CliError::input(format!(
            "no granted scopes: add `granted = [...]` to {CONFIG_FILE} (`bc-scopes check --suggest` prints one for this code) or pass --granted"
        )));
    }
    let stdout = report::render(&r, format, args.verbose);
    let status = if r.fails(fail_level) { EXIT_FINDINGS } else { 0 };
    // The human report lists the configuration's warnings itself.
    let warnings = if format == Format::Human { flag_warnings } else { warnings };
    Ok(Success::exit(stdout, warnings, status))
}
