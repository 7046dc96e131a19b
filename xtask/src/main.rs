//! Maintainer tasks for bigcommerce-scopes (`cargo xtask ...`). Not part of the published crate.
//!
//! `cargo xtask drift --docs DIR` compares `data/` with a checkout of BigCommerce's docs
//! repository (data/README.md, "Drift check").

mod compare;
mod data;
mod page;
mod report;
mod specs;
mod table;

// The crate's data model, file for file, as build.rs includes it: the check reads data/ with the
// same types the build validates, so the two cannot disagree about the format. Only part of it is
// used here, and it is linted where it lives (the library and build.rs), not again here.
#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../../src/datafile/mod.rs"]
mod datafile;

use clap::{Args, Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Maintainer tasks for bigcommerce-scopes")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Compare data/ with BigCommerce's docs: OpenAPI operations, spec scope tables, deprecations,
    /// and the API-accounts page's scope tables. Exit 0: no drift; 1: drift; 2: usage or IO error.
    Drift(DriftArgs),
}

#[derive(Args)]
struct DriftArgs {
    /// The docs: a checkout of BigCommerce's docs repository (holding `reference/` and `docs/`),
    /// or a reference copy holding `bigcommerce-openapi/` and `bigcommerce-docs/docs/`.
    #[arg(long, value_name = "DIR", required_unless_present_all = ["specs", "pages"], conflicts_with_all = ["specs", "pages"])]
    docs: Option<PathBuf>,
    /// The OpenAPI specs folder (the repository's `reference/`), instead of --docs.
    #[arg(long, value_name = "DIR", requires = "pages")]
    specs: Option<PathBuf>,
    /// The pages folder (the repository's `docs/`), instead of --docs.
    #[arg(long, value_name = "DIR", requires = "specs")]
    pages: Option<PathBuf>,
    /// The data folder to check [default: data/ of this workspace].
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

/// The specs and pages folders a `--docs DIR` names, in either layout.
fn docs_layout(dir: &Path) -> Result<(PathBuf, PathBuf), String> {
    let layouts = [("reference", "docs"), ("bigcommerce-openapi", "bigcommerce-docs/docs")];
    for (specs, pages) in layouts {
        let (s, p) = (dir.join(specs), dir.join(pages));
        if s.is_dir() && p.is_dir() {
            return Ok((s, p));
        }
    }
    Err(format!(
        "{}: not a docs folder: expected reference/ and docs/ (a checkout of BigCommerce's docs repository) \
         or bigcommerce-openapi/ and bigcommerce-docs/docs/ (the shared reference copy); \
         or give --specs DIR --pages DIR",
        dir.display()
    ))
}

fn drift(args: &DriftArgs) -> Result<bool, String> {
    let (specs_dir, pages_dir) = match (&args.docs, &args.specs, &args.pages) {
        (Some(d), _, _) => docs_layout(d)?,
        (None, Some(s), Some(p)) => (s.clone(), p.clone()),
        _ => return Err("give --docs DIR, or --specs DIR and --pages DIR".into()),
    };
    for dir in [&specs_dir, &pages_dir] {
        if !dir.is_dir() {
            return Err(format!("{}: no such folder", dir.display()));
        }
    }
    let data_dir = args.data.clone().unwrap_or_else(|| {
        let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        d.canonicalize().unwrap_or(d)
    });
    let data = data::load(&data_dir)?;
    let specs = specs::load(&specs_dir)?;
    if specs.is_empty() {
        return Err(format!("{}: no OpenAPI spec (*.yml, *.yaml with `paths`) found", specs_dir.display()));
    }
    let page = page::load(&pages_dir.join(page::API_ACCOUNTS))?;

    let mut findings = compare::specs(&specs, &data);
    findings.extend(compare::page(&page, &data));
    findings.sort();
    let compared = report::Compared {
        specs: specs_dir.display().to_string(),
        pages: pages_dir.display().to_string(),
        data: data_dir.display().to_string(),
        spec_files: specs.len(),
        spec_operations: specs.iter().map(|s| s.operations.len()).sum(),
        page_scopes: page.len(),
    };
    let out = if args.json { report::json(&compared, &findings) } else { report::text(&compared, &findings) };
    print!("{out}");
    Ok(!findings.is_empty())
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            // clap's help and version are not errors; anything else is a usage error: 2.
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match cli.task {
        Task::Drift(args) => match drift(&args) {
            Ok(false) => ExitCode::SUCCESS,
            Ok(true) => ExitCode::from(1),
            Err(msg) => {
                eprintln!("error: {msg}");
                ExitCode::from(2)
            }
        },
    }
}
