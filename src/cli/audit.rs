//! `bc-scopes audit --granted ... [CALLS...] [--from FILE|-] [--har FILE] [--fail-on ...]`: the
//! scopes an account holds against the calls it makes.
//!
//! Exit status: 0 when clean, 1 when the audit finds what `--fail-on` names (default: missing or
//! excess scopes), 2 on bad input (including calls that cannot be resolved, and names in a token
//! response file that are no known scope; the report is still printed).
//!
//! Names typed in `--granted` (or a plain list file) must be known scopes: a typo is an error with
//! the nearest names. A token response file (JSON) is what BigCommerce granted: a name there that
//! this knowledge base does not know yet is listed in the report with the nearest names, authorizes
//! nothing, and makes the audit incomplete instead of stopping it.

use super::plan::{read_text, CallArgs};
use super::{output, CliError, Ctx, Success, EXIT_USAGE};
use bigcommerce_scopes::plan::{parse_granted, Audit, FailOn};
use bigcommerce_scopes::render;
use bigcommerce_scopes::render::audit::{human, AuditView};
use bigcommerce_scopes::ScopeSet;

/// Exit status when the audit finds what `--fail-on` names.
const EXIT_FINDINGS: i32 = 1;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Granted scopes: "a b c" or a,b,c (repeatable)
    #[arg(long, value_name = "SCOPES")]
    granted: Vec<String>,
    /// Read granted scopes from a file: an OAuth token response (its `scope` string; unknown names
    /// are reported, not fatal) or a scope list
    #[arg(long, value_name = "FILE")]
    granted_file: Option<String>,
    /// What makes the audit exit with status 1 [default: missing or excess]
    #[arg(long, value_name = "WHAT", value_enum)]
    fail_on: Option<FailOnArg>,
    #[command(flatten)]
    input: CallArgs,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum FailOnArg {
    /// Calls the granted scopes do not authorize
    Missing,
    /// Granted scopes no call needs
    Excess,
    /// Any finding: missing, excess, downgrades, broader alternatives, account-type conflicts
    Any,
}

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let json = ctx.json;
    if args.granted.is_empty() && args.granted_file.is_none() {
        return Err(CliError::input("audit needs the granted scopes: --granted \"a b c\" or --granted-file FILE"));
    }
    let mut granted = ScopeSet::new();
    let mut warnings = Vec::new();
    let mut unknown = Vec::new();
    for g in &args.granted {
        let parsed = ScopeSet::parse_list(g)?;
        granted = granted.iter().chain(parsed.scopes.iter()).collect();
        warnings.extend(parsed.warnings);
    }
    if let Some(path) = &args.granted_file {
        let parsed = parse_granted(&read_text(path)?).map_err(|e| {
            let mut err = CliError::from(e);
            err.message = format!("{path}: {}", err.message);
            err.human = format!("error: {path}: {}", err.human.trim_start_matches("error: "));
            err
        })?;
        granted = granted.iter().chain(parsed.scopes.iter()).collect();
        warnings.extend(parsed.warnings);
        unknown = parsed.unknown;
    }
    let (list, account_type) = args.input.read()?;
    let audit = Audit::new(&list, &granted, account_type).with_unknown_granted(unknown);
    let fail_on = match args.fail_on {
        None => FailOn::MissingOrExcess,
        Some(FailOnArg::Missing) => FailOn::Missing,
        Some(FailOnArg::Excess) => FailOn::Excess,
        Some(FailOnArg::Any) => FailOn::Any,
    };
    let fails = audit.fails(fail_on);
    warnings.extend(render::audit::warnings(&audit));
    let stdout = if json {
        output::json(&AuditView { audit: &audit, fail_on, fails, warnings: &warnings })
    } else {
        human(&audit, fail_on, fails)
    };
    let status = if !audit.unresolved.is_empty() || !audit.unknown_granted.is_empty() {
        EXIT_USAGE
    } else if fails {
        EXIT_FINDINGS
    } else {
        0
    };
    Ok(Success::exit(stdout, warnings, status))
}
