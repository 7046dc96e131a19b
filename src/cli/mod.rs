//! The `bc-scopes` command line: argument parsing, dispatch, output and errors.
//!
//! Exit status: 0 on success (and for `--help` / `--version`), 2 for every error the user can fix
//! (an unknown scope, API or account type, bad arguments), 1 if the output cannot be written.
//! `audit` exits 1 when it finds what `--fail-on` names; `plan` and `audit` exit 2 when some calls
//! cannot be resolved (their report is still printed, listing them).
//! With `--json`, errors are also printed on stdout as
//! `{"error": {"kind": "...", "message": "...", "suggestions": [...]}}`.

mod account_types;
mod api;
mod apis;
mod audit;
mod check;
mod endpoint;
mod endpoints;
mod export;
mod graphql;
mod output;
mod plan;
mod scope;
mod scopes;

use bigcommerce_scopes::{Document, OpenApiSnapshot, DATA_VERSION};
use clap::error::{ContextKind, ContextValue, ErrorKind as ClapErrorKind};
use clap::{Parser, Subcommand};
use serde::Serialize;
use std::ffi::OsString;
use std::io::Write;
use std::sync::LazyLock;

/// What `--version` prints after the program name: the crate version, then the data version.
static VERSION: LazyLock<String> = LazyLock::new(|| format!("{}\n{DATA_VERSION}", env!("CARGO_PKG_VERSION")));

/// Exit status of errors the user can fix (unknown names, bad arguments).
const EXIT_USAGE: i32 = 2;
/// Exit status when the output cannot be written.
const EXIT_IO: i32 = 1;

/// Least-privilege knowledge base for BigCommerce's APIs: OAuth scopes, API accounts and auth schemes.
#[derive(Debug, Parser)]
#[command(name = "bc-scopes", version = VERSION.as_str(), arg_required_else_help = true)]
struct Cli {
    /// Print JSON instead of text (accepted anywhere on the command line)
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show one OAuth scope: what it grants, who can hold it, what it implies
    Scope(scope::Args),
    /// List every OAuth scope
    Scopes(scopes::Args),
    /// Show one API: its auth scheme, header and the account types that support it
    Api(api::Args),
    /// List every API
    Apis,
    /// List the kinds of API account and which ones support which API
    AccountTypes,
    /// Show one kind of API account in detail
    AccountType(account_types::Args),
    /// What one request needs: route, API, auth scheme, least-privileged scope
    Endpoint(endpoint::Args),
    /// List the documented routes, by API or by the scope that reaches them
    Endpoints(endpoints::Args),
    /// What a GraphQL document needs: scopes per root field and for the whole document
    Graphql(graphql::Args),
    /// Check source code: find the BigCommerce calls and compare their scopes with bc-scopes.toml
    Check(check::Args),
    /// Export the knowledge base for docs sites and other languages: JSON, JSON Schema, Markdown
    Export(export::Args),
    /// Plan the least-privilege scopes for a set of calls (arguments, a calls file or a HAR file)
    Plan(plan::Args),
    /// Audit granted scopes against the calls an account makes: missing, excess, downgrades
    Audit(audit::Args),
}

/// What a successful command produced.
struct Success {
    /// Text for stdout (human or JSON).
    stdout: String,
    /// Warnings for stderr (JSON output carries them too, where the command has a place for them).
    warnings: Vec<String>,
    /// Exit status once the output is written (`audit` findings, unresolved calls).
    status: i32,
}

impl Success {
    fn new(stdout: String) -> Success {
        Success { stdout, warnings: Vec::new(), status: 0 }
    }

    /// Output with warnings and an exit status.
    fn exit(stdout: String, warnings: Vec<String>, status: i32) -> Success {
        Success { stdout, warnings, status }
    }
}

/// An error to report: from the library, or from the command line itself.
#[derive(Debug, Serialize)]
struct CliError {
    kind: &'static str,
    message: String,
    suggestions: Vec<String>,
    /// What stderr shows (clap renders its own, with usage).
    #[serde(skip)]
    human: String,
}

impl From<bigcommerce_scopes::Error> for CliError {
    fn from(e: bigcommerce_scopes::Error) -> CliError {
        CliError {
            kind: e.kind().into(),
            message: e.message().to_owned(),
            suggestions: e.suggestions().to_vec(),
            human: format!("error: {e}\n"),
        }
    }
}

impl CliError {
    /// Bad input the user can fix (an unreadable file, no calls).
    fn input(message: impl Into<String>) -> CliError {
        let message = message.into();
        CliError { kind: "invalid_input", human: format!("error: {message}\n"), message, suggestions: Vec::new() }
    }

    /// A file that cannot be written.
    fn output(message: impl Into<String>) -> CliError {
        let message = message.into();
        CliError { kind: export::OUTPUT_ERROR, human: format!("error: {message}\n"), message, suggestions: Vec::new() }
    }

    fn from_clap(e: &clap::Error) -> CliError {
        let rendered = e.render().to_string();
        let message = match e.kind() {
            ClapErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ClapErrorKind::MissingSubcommand => {
                "a subcommand is required".to_owned()
            }
            _ => clap_message(&rendered),
        };
        let mut suggestions = Vec::new();
        for kind in [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg, ContextKind::SuggestedValue] {
            match e.get(kind) {
                Some(ContextValue::String(s)) => suggestions.push(s.clone()),
                Some(ContextValue::Strings(v)) => suggestions.extend(v.iter().cloned()),
                _ => {}
            }
        }
        CliError { kind: "invalid_arguments", message, suggestions, human: rendered }
    }
}

/// The first paragraph of a rendered clap error on one line, without `error: `, tips and usage.
fn clap_message(rendered: &str) -> String {
    let body = rendered.split("\n\n").next().unwrap_or(rendered);
    let words: Vec<&str> =
        body.lines().filter(|l| !l.trim_start().starts_with("tip:")).flat_map(str::split_whitespace).collect();
    let joined = words.join(" ");
    joined.strip_prefix("error: ").unwrap_or(&joined).to_owned()
}

#[derive(Serialize)]
struct JsonError<'a> {
    error: &'a CliError,
}

#[derive(Serialize)]
struct JsonVersion {
    name: &'static str,
    version: &'static str,
    data_version: &'static str,
    openapi: &'static OpenApiSnapshot,
    documents: &'static [Document],
}

/// Run the command line; returns the exit status.
pub fn run() -> i32 {
    run_with(std::env::args_os().collect())
}

fn run_with(args: Vec<OsString>) -> i32 {
    // Known before parsing, so that usage errors can be reported as JSON too.
    let json = args.iter().skip(1).take_while(|a| *a != "--").any(|a| a == "--json");
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e, json),
    };
    let result = match &cli.command {
        Command::Scope(a) => scope::run(a, cli.json),
        Command::Scopes(a) => scopes::run(a, cli.json),
        Command::Api(a) => api::run(a, cli.json),
        Command::Apis => Ok(apis::run(cli.json)),
        Command::AccountTypes => Ok(account_types::run_all(cli.json)),
        Command::AccountType(a) => account_types::run_one(a, cli.json),
        Command::Endpoint(a) => endpoint::run(a, cli.json),
        Command::Endpoints(a) => endpoints::run(a, cli.json),
        Command::Graphql(a) => graphql::run(a, cli.json),
        Command::Check(a) => check::run(a, cli.json),
        Command::Export(a) => export::run(a, cli.json),
        Command::Plan(a) => plan::run(a, cli.json),
        Command::Audit(a) => audit::run(a, cli.json),
    };
    match result {
        Ok(success) => {
            for w in &success.warnings {
                eprintln!("warning: {w}");
            }
            match write_stdout(&success.stdout) {
                0 => success.status,
                failed => failed,
            }
        }
        Err(e) => report(&e, json || cli.json),
    }
}

/// Help and version go to stdout with status 0; usage errors are reported like any other error.
fn clap_exit(e: &clap::Error, json: bool) -> i32 {
    match e.kind() {
        ClapErrorKind::DisplayVersion if json => write_stdout(&output::json(&JsonVersion {
            name: "bc-scopes",
            version: env!("CARGO_PKG_VERSION"),
            data_version: DATA_VERSION,
            openapi: OpenApiSnapshot::current(),
            documents: Document::all(),
        })),
        ClapErrorKind::DisplayHelp | ClapErrorKind::DisplayVersion => match e.print() {
            Ok(()) => 0,
            Err(err) => io_failure(&err),
        },
        _ => report(&CliError::from_clap(e), json),
    }
}

fn report(e: &CliError, json: bool) -> i32 {
    eprint!("{}", e.human);
    if json {
        // An unwritable stdout changes nothing: the status already says it failed.
        let _ = write_stdout(&output::json(&JsonError { error: e }));
    }
    if e.kind == export::OUTPUT_ERROR {
        EXIT_IO
    } else {
        EXIT_USAGE
    }
}

fn write_stdout(text: &str) -> i32 {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(err) => io_failure(&err),
    }
}

fn io_failure(err: &std::io::Error) -> i32 {
    if err.kind() == std::io::ErrorKind::BrokenPipe {
        // The reader went away (`bc-scopes scopes | head`): not an error.
        0
    } else {
        eprintln!("error: cannot write output: {err}");
        EXIT_IO
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn clap_messages_fit_on_one_line() {
        let rendered = "error: unrecognized subcommand 'scop'\n\n  tip: a similar subcommand exists: 'scope'\n\nUsage: bc-scopes [OPTIONS] <COMMAND>\n";
        assert_eq!(clap_message(rendered), "unrecognized subcommand 'scop'");
        let rendered = "error: the following required arguments were not provided:\n  <NAME>\n\nUsage: x\n";
        assert_eq!(clap_message(rendered), "the following required arguments were not provided: <NAME>");
    }
}
