//! Code review for least privilege: find the BigCommerce REST calls in a repository's source code,
//! resolve each to its route and required scope, and compare them with the scopes the project
//! declares in `bc-scopes.toml` (see [`Config`]). Each file answers to the nearest configuration
//! above it, so a repository of several apps checks each against its own ([`ProjectReport`]).
//!
//! The scan walks the given paths like ripgrep (respecting `.gitignore`, `.ignore` and hidden
//! files), in parallel, and tokenizes only the files that mention BigCommerce or an API version
//! path. It reads JavaScript/TypeScript, PHP, Python, Ruby, Go, Java, C# and Rust, and the code
//! that Vue, Svelte, Astro and PHP templates hold; it never runs code. Output is deterministic:
//! calls and findings are sorted by file, line and column, and paths are relative to the working
//! directory (or [`Options::relative_to`]).
//!
//! The stages, each a module: `setup` and `projects` (paths and configurations) → `walk` →
//! `syntax` → `index` → `resolve` → `sites` (call sites) → `judge` (per project: plan, `findings`,
//! suppressions) → [`report`] (renderers).
//!
//! ```
//! use bigcommerce_scopes::check::{check, FindingKind, Options};
//! use bigcommerce_scopes::Scope;
//!
//! let dir = tempfile::tempdir().unwrap();
//! std::fs::write(dir.path().join("bc-scopes.toml"), "granted = [\"store_v2_products\"]\n").unwrap();
//! std::fs::write(
//!     dir.path().join("sync.js"),
//!     "const BASE = `https://api.bigcommerce.com/stores/${hash}/v3`;\n\
//!      await fetch(`${BASE}/catalog/products?limit=50`);\n\
//!      await fetch(`${BASE}/orders/${id}/transactions`);\n",
//! ).unwrap();
//! let report = check(&Options::new([dir.path()])).unwrap();
//! assert_eq!(report.calls.len(), 2);
//! assert_eq!(report.calls[0].route, Some("/stores/{store_hash}/v3/catalog/products"));
//! let kinds: Vec<FindingKind> = report.findings.iter().map(|f| f.kind).collect();
//! // Products are only read (a finding at bc-scopes.toml); reading order transactions is not
//! // granted (a finding at sync.js). Findings are sorted by file, line and column.
//! assert_eq!(kinds, [FindingKind::Downgrade, FindingKind::Missing]);
//! assert!(report.needed_scopes.contains(Scope::StoreV2ProductsReadOnly));
//! ```
mod config;
mod config_edit;
mod conventions;
mod findings;
mod index;
mod judge;
mod model;
mod projects;
mod resolve;
pub(crate) mod setup;
mod sites;
mod syntax;
pub(crate) mod walk;

pub use crate::render::check as report;
pub use config::{Config, GrantedScope, IgnoreRule, CONFIG_FILE, CONFIG_FILES};
pub use config_edit::{update_config, GrantedEntry};
pub use findings::{Finding, FindingKind, Position, Severity, Suppressed, Suppression};
pub use model::{
    CallSite, ExtractedCall, GraphqlDocument, Options, ProjectReport, Report, StdinSource, Summary, Via, ViaKind,
};
pub use syntax::lang::Language;
pub use walk::{SkipReason, SkippedFile, DEFAULT_MAX_FILE_SIZE};

use crate::datafile::vocab::AccountType;
use crate::error::Error;
use crate::scope_set::ScopeSet;
use resolve::FileContext;
use std::collections::{BTreeMap, HashMap};

/// The BigCommerce call sites the checker finds in one source text of `language`, without
/// walking files, reading configuration or planning (for tools and fuzzing). Wrappers and
/// classes defined in the same text are followed.
///
/// ```
/// use bigcommerce_scopes::check::{extract_source, Language, ViaKind};
/// let src = "await axios.post(`https://api.bigcommerce.com/stores/${hash}/v3/catalog/products`, body);";
/// let calls = extract_source(src, Language::JavaScript);
/// assert_eq!(calls[0].method, Some(bigcommerce_scopes::Method::Post));
/// assert!(calls[0].target.ends_with("/v3/catalog/products"));
/// assert_eq!(calls[0].via.kind, ViaKind::Literal);
/// ```
pub fn extract_source(source: &str, language: Language) -> Vec<ExtractedCall> {
    let ctx = FileContext { base_url: None, strong: true };
    resolve::extract(source, language, &ctx)
        .into_iter()
        .map(|c| ExtractedCall {
            line: c.line as usize,
            column: c.column as usize,
            method: c.method,
            written: c.written,
            target: c.target,
            via: Via {
                kind: c.via.kind,
                name: c.via.name,
                file: c.via.data_file,
                line: c.via.line.map(|l| l as usize),
            },
        })
        .collect()
}

/// Run a check: walk → syntax and index → resolution → per project: plan, findings and
/// suppressions.
///
/// Each file answers to the nearest configuration file above it (a repository of several apps
/// checks each against its own), unless [`Options::config`] names one for all. Paths in the
/// report are relative to the working directory (or [`Options::relative_to`]).
///
/// Errors (all [`crate::ErrorKind::InvalidInput`]): a path that does not exist, an unreadable or
/// invalid configuration file, an invalid `--exclude` glob. Files that cannot be read are
/// skipped and listed, not errors.
pub fn check(opts: &Options) -> Result<Report, Error> {
    let setup::Setup { root, source_root, paths, projects, walk: walk_opts, .. } = setup::Setup::new(opts)?;
    let threads = walk_opts.threads;
    let mut warnings = Vec::new();
    let mut walked = match &opts.stdin {
        Some(stdin) => walk::from_text(&root, &paths[0], &stdin.text),
        None => walk::walk(&walk_opts, &projects)?,
    };
    warnings.append(&mut walked.warnings);
    for s in &mut walked.sources {
        s.project = projects.of_file(&s.abs);
    }
    let (configs, renumber) = projects.finish()?;
    for s in &mut walked.sources {
        s.project = renumber[s.project];
        s.base_url = configs[s.project].config.as_ref().and_then(|c| c.base_url.clone());
    }
    let project = index::Project::build(&walked.sources, threads, true);
    let (raw, mut stopped) = resolve::resolve_project(&project, &FileContext::default(), threads);
    warnings.append(&mut stopped);
    let mut skipped = walked.skipped.clone();
    for f in project.files.iter().filter(|f| f.failed) {
        skipped.push(SkippedFile { path: f.source.path.clone(), reason: SkipReason::ExtractorError, detail: None });
    }
    skipped.sort();
    let files_with_calls = raw.iter().filter(|c| !c.is_empty()).count();
    let (calls, documents, unfollowed) = sites::call_sites(&project, raw);

    // Everything found, by project.
    let of_path: HashMap<&str, usize> = walked.sources.iter().map(|s| (s.path.as_str(), s.project)).collect();
    let of = |file: &str| of_path.get(file).copied().unwrap_or(0);
    let mut inputs: Vec<judge::Input> = configs
        .iter()
        .map(|p| judge::Input {
            calls: Vec::new(),
            documents: Vec::new(),
            unfollowed: Vec::new(),
            comments: BTreeMap::new(),
            excess_judged: opts.excess || (opts.stdin.is_none() && paths.iter().any(|s| p.dir.starts_with(s))),
        })
        .collect();
    for (c, d) in calls.into_iter().zip(documents) {
        let i = of(&c.file);
        inputs[i].calls.push(c);
        inputs[i].documents.push(d);
    }
    for f in unfollowed {
        inputs[f.file.as_deref().map_or(0, of)].unfollowed.push(f);
    }
    for s in &walked.sources {
        let c = syntax::suppress::comments(&s.text);
        if !c.is_empty() {
            inputs[s.project].comments.insert(s.path.clone(), c);
        }
    }
    for (p, input) in configs.iter().zip(&mut inputs) {
        if let Some(c) = p.config.as_ref().filter(|c| !c.comments.is_empty()) {
            let rel = c.path.as_ref().map_or_else(|| CONFIG_FILE.to_owned(), |f| walk::relative(&root, f));
            input.comments.entry(rel).or_default().extend(c.comments.iter().cloned());
        }
    }
    let has_files: Vec<bool> =
        (0..configs.len()).map(|i| walked.sources.iter().any(|s| s.project == i) || i > 0).collect();

    let settings = judge::Settings { granted: opts.granted.as_ref(), account_type: opts.account_type, root: &root };
    let mut report = Report {
        calls: Vec::new(),
        needed_scopes: ScopeSet::new(),
        findings: Vec::new(),
        suppressed: Vec::new(),
        granted: None,
        account_type: None,
        account_types: Vec::new(),
        config: None,
        skipped,
        summary: Summary::default(),
        warnings,
        notes: Vec::new(),
        projects: Vec::new(),
        root: root.clone(),
        source_root,
        config_used: None,
    };
    let only_one = has_files.iter().filter(|h| **h).count() <= 1;
    for (i, (p, input)) in configs.iter().zip(inputs).enumerate() {
        // Files under no configuration form a project only when there are some (or nothing else).
        if !(has_files[i] || i == 0 && configs.len() == 1) {
            continue;
        }
        let judged = judge::judge(p, &settings, input);
        let index = report.projects.len();
        report.calls.extend(judged.calls.into_iter().map(|c| CallSite { project: index, ..c }));
        report.findings.extend(judged.findings);
        report.suppressed.extend(judged.suppressed);
        report.warnings.extend(judged.warnings);
        for n in &judged.report.notes {
            if !report.notes.contains(n) {
                report.notes.push(n.clone());
            }
        }
        report.needed_scopes = report.needed_scopes.iter().chain(judged.report.needed_scopes.iter()).collect();
        report.projects.push(judged.report);
    }
    for p in report.projects.iter().filter(|p| p.granted.is_none() && p.calls > 0 && !only_one) {
        report.warnings.push(format!(
            "{}: {} in files under no bc-scopes.toml: not compared with any declared scopes",
            p.dir,
            crate::render::text::count(p.calls, "call")
        ));
    }
    if only_one {
        if let Some(p) = report.projects.first() {
            report.granted.clone_from(&p.granted);
            report.account_type = p.account_type;
            report.account_types.clone_from(&p.account_types);
            report.config.clone_from(&p.config);
            report.config_used.clone_from(&p.config_used);
        }
    } else {
        use strum::IntoEnumIterator;
        report.account_types =
            AccountType::iter().filter(|t| report.projects.iter().all(|p| p.account_types.contains(t))).collect();
    }
    report.calls.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    report.findings.sort_by(|a, b| a.key().cmp(&b.key()));
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    report.summary = Summary {
        files_scanned: walked.files_scanned,
        bytes_scanned: walked.bytes_scanned,
        files_with_calls,
        files_skipped: report.skipped.len(),
        calls: report.calls.len(),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        notes: count(Severity::Note),
        suppressed: report.suppressed.len(),
    };
    Ok(report)
}
