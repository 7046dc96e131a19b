//! `bc-scopes completions SHELL` and `bc-scopes man`: shell completion scripts and the manual page,
//! generated from the command-line definition so they always match it.

use super::{CliError, Ctx, Success};
use clap_complete::Shell;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The shell to complete for
    #[arg(value_name = "SHELL")]
    shell: Shell,
}

/// The completion script for `args.shell`.
pub(crate) fn completions(args: &Args, ctx: &Ctx, mut command: clap::Command) -> Result<Success, CliError> {
    no_json(ctx, "completions")?;
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut command, "bc-scopes", &mut buf);
    text(buf)
}

/// The manual page of `bc-scopes` in roff, its subcommands listed.
pub(crate) fn man(ctx: &Ctx, command: clap::Command) -> Result<Success, CliError> {
    no_json(ctx, "man")?;
    // The page's title line holds the version: the crate's alone (`--version` adds a second line).
    let command = command.version(env!("CARGO_PKG_VERSION"));
    let mut buf = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut buf)
        .map_err(|e| CliError::input(format!("cannot render the manual page: {e}")))?;
    text(buf)
}

/// Both print a script or a page for a program to read: JSON would not be that.
fn no_json(ctx: &Ctx, command: &str) -> Result<(), CliError> {
    match ctx.json {
        true => Err(CliError::input(format!("`{command}` prints no JSON; leave out --json"))),
        false => Ok(()),
    }
}

fn text(buf: Vec<u8>) -> Result<Success, CliError> {
    String::from_utf8(buf).map(Success::new).map_err(|_| CliError::input("the generated text is not UTF-8"))
}
