//! The `bc-scopes` command line: argument parsing, dispatch, output and errors.
//!
//! Exit status, for every command: 0 on success (and for `--help` / `--version`); 1 when `check` or
//! `audit` finds what fails it (`--fail-level`, `--fail-on`); 2 for every error: bad arguments, an
//! unknown scope, API or account type, a configuration or input the command cannot use, output
//! that cannot be written (a full disk, an `--output` that cannot be created, an existing file for
//! `export markdown --out`). `plan` and `audit` also exit 2 when some calls cannot be resolved
//! (their report is still printed, listing them). A closed pipe (`bc-scopes scopes | head`) is not
//! an error.
//!
//! Global options, accepted anywhere on the command line: `--json`; `--color auto|always|never`
//! (auto: colour on a terminal, none when `NO_COLOR` is set, forced by `CLICOLOR_FORCE`); `-q` /
//! `--quiet` (no warnings on stderr); `--output FILE` (what stdout would show, written into FILE).
//! With `--json`, errors are also printed on stdout as
//! `{"error": {"kind": "...", "message": "...", "suggestions": [...]}}`.

mod account_types;
mod api;
mod apis;
mod audit;
mod check;
mod completions;
mod endpoint;
mod endpoints;
mod export;
mod graphql;
mod output;
mod plan;
mod scope;
mod scopes;

use anstream::{AutoStream, ColorChoice};
use bigcommerce_scopes::{Document, OpenApiSnapshot, DATA_VERSION};
use clap::error::{ContextKind, ContextValue, ErrorKind as ClapErrorKind};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use serde::Serialize;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// What `--version` prints after the program name: the crate version, then the data version.
static VERSION: LazyLock<String> = LazyLock::new(|| format!("{}\n{DATA_VERSION}", env!("CARGO_PKG_VERSION")));

/// Exit status of errors the user can fix (unknown names, bad arguments, configuration).
const EXIT_USAGE: i32 = 2;
/// Exit status when the output cannot be written (the same as any other error).
const EXIT_IO: i32 = 2;

/// Least-privilege knowledge base for BigCommerce's APIs: OAuth scopes, API accounts and auth schemes.
#[derive(Debug, Parser)]
#[command(name = "bc-scopes", version = VERSION.as_str(), arg_required_else_help = true)]
struct Cli {
    /// Print JSON instead of text (accepted anywhere on the command line)
    #[arg(long, global = true)]
    json: bool,

    /// When to colour the output: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE=1
    /// forces it), always, never
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto", hide_possible_values = true)]
    color: ColorWhen,

    /// Print no warnings on stderr (errors are still printed)
    #[arg(short, long, global = true)]
    quiet: bool,

    /// Write what would go to stdout into FILE instead (created, or replaced if it exists)
    #[arg(long, global = true, value_name = "FILE")]
    output: Option<PathBuf>,

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
    /// Print a shell completion script: bash, zsh, fish, powershell or elvish
    ///
    /// For example `bc-scopes completions bash > ~/.local/share/bash-completion/completions/bc-scopes`,
    /// or `bc-scopes completions fish > ~/.config/fish/completions/bc-scopes.fish`.
    Completions(completions::Args),
    /// Print the manual page (roff), e.g. `bc-scopes man > bc-scopes.1`
    Man,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

impl From<ColorWhen> for ColorChoice {
    fn from(c: ColorWhen) -> ColorChoice {
        match c {
            ColorWhen::Auto => ColorChoice::Auto,
            ColorWhen::Always => ColorChoice::Always,
            ColorWhen::Never => ColorChoice::Never,
        }
    }
}

/// The global options every command receives.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx {
    /// `--json`: print JSON instead of text.
    pub(crate) json: bool,
    /// `-q` / `--quiet`: no warnings on stderr (JSON output still carries them).
    pub(crate) quiet: bool,
    /// `--color`: whether styled text keeps its escapes (decided per stream when `Auto`).
    pub(crate) color: ColorChoice,
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
        let styled = e.render();
        let rendered = styled.to_string();
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
        let human = styled.ansi().to_string();
        CliError { kind: "invalid_arguments", message, suggestions, human }
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
    // Known before parsing, so that usage errors can be reported as JSON, and in colour, too.
    let early = early_options(&args);
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e, early.json, early.color),
    };
    let ctx = Ctx { json: cli.json, quiet: cli.quiet, color: cli.color.into() };
    let out = Out { file: cli.output.as_deref(), color: ctx.color };
    let result = match &cli.command {
        Command::Scope(a) => scope::run(a, &ctx),
        Command::Scopes(a) => scopes::run(a, &ctx),
        Command::Api(a) => api::run(a, &ctx),
        Command::Apis => Ok(apis::run(&ctx)),
        Command::AccountTypes => Ok(account_types::run_all(&ctx)),
        Command::AccountType(a) => account_types::run_one(a, &ctx),
        Command::Endpoint(a) => endpoint::run(a, &ctx),
        Command::Endpoints(a) => endpoints::run(a, &ctx),
        Command::Graphql(a) => graphql::run(a, &ctx),
        Command::Check(a) => check::run(a, &ctx),
        Command::Export(a) => export::run(a, &ctx),
        Command::Plan(a) => plan::run(a, &ctx),
        Command::Audit(a) => audit::run(a, &ctx),
        Command::Completions(a) => completions::completions(a, &ctx, Cli::command()),
        Command::Man => completions::man(&ctx, Cli::command()),
    };
    match result {
        Ok(success) => {
            if !ctx.quiet {
                let warnings: String = success.warnings.iter().map(|w| output::warning_line(w)).collect();
                write_stderr(&warnings, ctx.color);
            }
            match out.write(&success.stdout) {
                0 => success.status,
                failed => failed,
            }
        }
        Err(e) => report(&e, ctx.json, &out),
    }
}

/// The options read before parsing: `--json` and `--color`, so that a usage error honours them.
struct Early {
    json: bool,
    color: ColorChoice,
}

fn early_options(args: &[OsString]) -> Early {
    let mut early = Early { json: false, color: ColorChoice::Auto };
    let mut args = args.iter().skip(1).take_while(|a| *a != "--").map(|a| a.to_str().unwrap_or_default());
    while let Some(a) = args.next() {
        let value = match a {
            "--json" => {
                early.json = true;
                continue;
            }
            "--color" => args.next(),
            _ => a.strip_prefix("--color="),
        };
        if let Some(Ok(c)) = value.map(|v| ColorWhen::from_str(v, false)) {
            early.color = c.into();
        }
    }
    early
}

/// Help and version go to stdout with status 0; usage errors are reported like any other error.
fn clap_exit(e: &clap::Error, json: bool, color: ColorChoice) -> i32 {
    let stdout = Out { file: None, color };
    match e.kind() {
        ClapErrorKind::DisplayVersion if json => stdout.write(&output::json(&JsonVersion {
            name: "bc-scopes",
            version: env!("CARGO_PKG_VERSION"),
            data_version: DATA_VERSION,
            openapi: OpenApiSnapshot::current(),
            documents: Document::all(),
        })),
        ClapErrorKind::DisplayHelp | ClapErrorKind::DisplayVersion => stdout.write(&e.render().ansi().to_string()),
        _ => report(&CliError::from_clap(e), json, &stdout),
    }
}

fn report(e: &CliError, json: bool, out: &Out) -> i32 {
    // Clap's rendering carries its own styles; ours starts with a plain `error: ` to style.
    match e.human.strip_prefix("error: ") {
        Some(rest) => write_stderr(&format!("{} {rest}", output::paint(output::ERROR, "error:")), out.color),
        None => write_stderr(&e.human, out.color),
    }
    if json {
        // An unwritable output changes nothing: the status already says it failed.
        let _ = out.write(&output::json(&JsonError { error: e }));
    }
    EXIT_USAGE
}

/// Where stdout's text goes: stdout, or the `--output` file; styled text keeps its escapes as the
/// colour choice and the destination allow.
struct Out<'a> {
    file: Option<&'a Path>,
    color: ColorChoice,
}

impl Out<'_> {
    /// Write `text`; returns 0, or the exit status of the failure after reporting it.
    fn write(&self, text: &str) -> i32 {
        let result = match self.file {
            None => write_all(AutoStream::new(std::io::stdout().lock(), self.color), text),
            Some(path) => match std::fs::File::create(path) {
                Ok(file) => write_all(AutoStream::new(file, self.color), text),
                Err(err) => {
                    let what = if path.is_dir() { "is a folder".to_owned() } else { err.to_string() };
                    let message = format!("cannot create --output {}: {what}", path.display());
                    write_stderr(&output::error_line(&message), self.color);
                    return EXIT_IO;
                }
            },
        };
        match result {
            Ok(()) => 0,
            Err(err) => io_failure(&err, self.color),
        }
    }
}

fn write_all<W>(mut w: AutoStream<W>, text: &str) -> std::io::Result<()>
where
    W: anstream::stream::RawStream + anstream::stream::AsLockedWrite,
{
    w.write_all(text.as_bytes())?;
    w.flush()
}

/// Write to stderr; a failure there cannot be reported anywhere, and the exit status still tells.
fn write_stderr(text: &str, color: ColorChoice) {
    if !text.is_empty() {
        let _ = write_all(AutoStream::new(std::io::stderr().lock(), color), text);
    }
}

fn io_failure(err: &std::io::Error, color: ColorChoice) -> i32 {
    if err.kind() == std::io::ErrorKind::BrokenPipe {
        // The reader went away (`bc-scopes scopes | head`): not an error.
        0
    } else {
        write_stderr(&output::error_line(&format!("cannot write output: {err}")), color);
        EXIT_IO
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
