//! `bc-scopes export json|schema|markdown`: the knowledge base for docs sites and other languages.

use super::output;
use super::{CliError, Ctx, Success};
use bigcommerce_scopes::export::{self, KnowledgeBase};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    /// The whole knowledge base as one JSON document, sorted so the same data gives the same bytes
    ///
    /// Scopes, account types, APIs, use cases, auth schemes, and every documented route with its
    /// per-method requirements, sources, notes and history, with a `schema_version`. Its JSON Schema
    /// is `bc-scopes export schema`.
    Json,
    /// The JSON Schema (draft 2020-12) of `export json`, or of the data/ files with --data-files
    Schema(SchemaArgs),
    /// Reference pages in Markdown: the scope table, the account-type matrix, a page per API and
    /// per scope
    ///
    /// Without --out, prints every page as one document (each page under an HTML anchor, links
    /// between anchors). With --out DIR, writes the pages into DIR: index.md, oauth-scopes.md,
    /// account-types.md, apis/{api}.md and scopes/{scope}.md, with relative links; other files in
    /// DIR are left alone. With --json, prints the pages as a JSON array of {path, title, contents}
    /// (or, with --out, the list of files written).
    Markdown(MarkdownArgs),
}

#[derive(Debug, clap::Args)]
struct SchemaArgs {
    /// Print the schema of the TOML files in data/ instead: one document whose $defs hold a
    /// definition per kind of file (MetaFile, ScopesFile, EndpointsFile, ...) and whose root accepts
    /// any data file
    #[arg(long)]
    data_files: bool,
}

#[derive(Debug, clap::Args)]
struct MarkdownArgs {
    /// Write the pages into this folder (created if missing) instead of printing one document
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// What `export markdown --out DIR --json` prints.
#[derive(Serialize)]
struct Written {
    out: String,
    files: Vec<String>,
}

/// The `kind` of an error writing files; reported with exit status 2, as every error.
pub(crate) const OUTPUT_ERROR: &str = "output_error";

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let json = ctx.json;
    let stdout = match &args.what {
        What::Json => KnowledgeBase::current().to_json(),
        What::Schema(a) if a.data_files => output::json(&export::data_files_schema()),
        What::Schema(_) => output::json(&export::json_schema()),
        What::Markdown(MarkdownArgs { out: None }) if json => output::json(&export::markdown_pages()),
        What::Markdown(MarkdownArgs { out: None }) => {
            let mut buf = Vec::new();
            export::write_markdown(&mut buf).expect("writing to memory does not fail");
            String::from_utf8(buf).expect("Markdown is UTF-8")
        }
        What::Markdown(MarkdownArgs { out: Some(dir) }) => {
            if dir.exists() && !dir.is_dir() {
                // Refused before anything is written: the pages go into a folder, never over a file.
                return Err(output_error(format!(
                    "--out {} is an existing file, not a folder: name the folder to write the pages into",
                    dir.display()
                )));
            }
            let written = export::write_markdown_dir(dir)
                .map_err(|e| output_error(format!("cannot write Markdown pages to {}: {e}", dir.display())))?;
            let files: Vec<String> =
                written.iter().map(|p| p.strip_prefix(dir).unwrap_or(p).to_string_lossy().replace('\\', "/")).collect();
            if json {
                output::json(&Written { out: dir.display().to_string(), files })
            } else {
                format!(
                    "Wrote {} Markdown pages to {} (start at {}).\n",
                    files.len(),
                    dir.display(),
                    dir.join("index.md").display()
                )
            }
        }
    };
    Ok(Success::new(stdout))
}

fn output_error(message: String) -> CliError {
    CliError { kind: OUTPUT_ERROR, human: format!("error: {message}\n"), message, suggestions: Vec::new() }
}
