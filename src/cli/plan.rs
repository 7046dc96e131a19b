//! `bc-scopes plan [CALLS...] [--from FILE|-] [--har FILE] [--account-type T]`: the least-privilege
//! scope set for a set of calls. Also the call input shared with `audit`.

use super::output;
use super::{CliError, Ctx, Success, EXIT_USAGE};
use bigcommerce_scopes::plan::{CallList, Plan};
use bigcommerce_scopes::render::plan::{human, warnings, PlanView};
use bigcommerce_scopes::AccountType;
use std::io::Read;

/// Where the calls come from (shared by `plan` and `audit`).
#[derive(Debug, clap::Args)]
pub(crate) struct CallArgs {
    /// Calls: "METHOD TARGET" strings, or a method and a target as two arguments
    #[arg(value_name = "CALLS")]
    calls: Vec<String>,
    /// Read calls from a file: one `METHOD TARGET` per line, `#` comments (`-` for standard input)
    #[arg(long, value_name = "FILE")]
    from: Option<String>,
    /// Read calls from a HAR file (recorded traffic): every request to a BigCommerce API
    #[arg(long, value_name = "FILE")]
    har: Option<String>,
    /// The kind of API account (store, app, account or legacy): report what it cannot hold or call
    #[arg(long, value_name = "TYPE")]
    account_type: Option<String>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: CallArgs,
}

impl CallArgs {
    /// Read every source of calls; an unreadable file or a missing source is an error.
    pub(crate) fn read(&self) -> Result<(CallList, Option<AccountType>), CliError> {
        let account_type = self.account_type.as_deref().map(AccountType::parse).transpose()?;
        if self.calls.is_empty() && self.from.is_none() && self.har.is_none() {
            return Err(CliError::input(
                "no calls given: pass \"METHOD TARGET\" arguments, --from FILE (- for standard input) or --har FILE",
            ));
        }
        let mut list = CallList::parse_args(&self.calls);
        if let Some(path) = &self.from {
            // `GRAPHQL api FILE` lines name documents beside the calls file (standard input: the
            // current folder).
            let dir = if path == "-" { None } else { std::path::Path::new(path).parent() };
            list.extend(CallList::parse_calls_in(&read_text(path)?, dir.unwrap_or(std::path::Path::new(""))));
        }
        if let Some(path) = &self.har {
            list.extend(read_har(path)?);
        }
        if list.is_empty() {
            let skipped: usize = list.skipped.iter().map(|s| s.count).sum();
            let detail = match skipped {
                0 => String::new(),
                1 => " (1 HAR entry skipped)".to_owned(),
                n => format!(" ({n} HAR entries skipped)"),
            };
            return Err(CliError::input(format!("no call to a BigCommerce API found in the input{detail}")));
        }
        Ok((list, account_type))
    }
}

/// The calls of a HAR file (standard input for `-`), parsed as it is read: recordings are mostly
/// response bodies, which are skipped without being held in memory.
fn read_har(path: &str) -> Result<CallList, CliError> {
    let result = if path == "-" {
        CallList::from_har_reader(std::io::stdin().lock())
    } else {
        // `from_har_reader` reads through a buffer of its own.
        let file = std::fs::File::open(path).map_err(|e| CliError::input(format!("cannot read {path}: {e}")))?;
        CallList::from_har_reader(file)
    };
    let shown = if path == "-" { "standard input" } else { path };
    result.map_err(|e| CliError::input(format!("{shown}: {}", e.message())))
}

/// A file's text, or standard input for `-`.
pub(crate) fn read_text(path: &str) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes))
    };
    let shown = if path == "-" { "standard input" } else { path };
    result.map_err(|e| CliError::input(format!("cannot read {shown}: {e}")))?;
    String::from_utf8(bytes).map_err(|_| CliError::input(format!("{shown} is not UTF-8 text")))
}

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let json = ctx.json;
    let (list, account_type) = args.input.read()?;
    let plan = Plan::new(&list, account_type);
    let warnings = warnings(&plan);
    let stdout = if json { output::json(&PlanView { plan: &plan, warnings: &warnings }) } else { human(&plan) };
    let status = if plan.unresolved.is_empty() { 0 } else { EXIT_USAGE };
    Ok(Success::exit(stdout, warnings, status))
}
