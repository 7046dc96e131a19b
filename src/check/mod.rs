//! Code review for least privilege: find the BigCommerce REST calls in a repository's source code,
//! resolve each to its route and required scope, and compare them with the scopes the project
//! declares in `bc-scopes.toml` (see [`Config`]).
//!
//! The scan walks the given paths like ripgrep (respecting `.gitignore`, `.ignore` and hidden
//! files), in parallel, and tokenizes only the files that mention BigCommerce or an API version
//! path. It reads JavaScript/TypeScript, PHP, Python, Ruby, Go, Java, C# and Rust; it never runs
//! code. Output is deterministic: calls and findings are sorted by file, line and column.
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
mod conventions;
mod findings;
mod index;
mod model;
pub mod report;
mod resolve;
mod setup;
mod sites;
mod syntax;
mod walk;

pub use config::{Config, GrantedScope, IgnoreRule, CONFIG_FILE};
pub use findings::{Finding, FindingKind, Position, Severity, Suppressed, Suppression};
pub use model::{CallSite, ExtractedCall, GraphqlDocument, Options, Report, Summary, Via, ViaKind};
pub use syntax::lang::Language;
pub use walk::{SkipReason, SkippedFile, DEFAULT_MAX_FILE_SIZE};

use crate::error::Error;
use crate::plan::Audit;
use findings::GrantedPositions;
use resolve::FileContext;
use std::collections::BTreeMap;

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

/// Run a check: walk → syntax and index → resolution → plan and findings.
///
/// Errors (all [`crate::ErrorKind::InvalidInput`]): a path that does not exist, an unreadable or
/// invalid configuration file. Files that cannot be read are skipped and listed, not errors.
pub fn check(opts: &Options) -> Result<Report, Error> {
    let setup = setup::Setup::new(opts)?;
    let walked = walk::walk(&setup.walk)?;
    let project = index::Project::build(&walked.sources, setup.walk.threads, true);
    let ctx = FileContext { base_url: setup.config.as_ref().and_then(|c| c.base_url.clone()), strong: false };
    let raw = resolve::resolve_project(&project, &ctx, setup.walk.threads);
    let mut skipped = walked.skipped.clone();
    for f in project.files.iter().filter(|f| f.failed) {
        skipped.push(SkippedFile { path: f.source.path.clone(), reason: SkipReason::ExtractorError, detail: None });
    }
    skipped.sort();
    let files_with_calls = raw.iter().filter(|c| !c.is_empty()).count();
    let (mut calls, documents, unfollowed) = sites::call_sites(&project, raw);

    let mut comments: BTreeMap<String, Vec<syntax::suppress::Comment>> = BTreeMap::new();
    for s in &walked.sources {
        let c = syntax::suppress::comments(&s.text);
        if !c.is_empty() {
            comments.insert(s.path.clone(), c);
        }
    }
    if let (Some(c), Some(rel)) = (&setup.config, &setup.config_rel) {
        if !c.comments.is_empty() {
            comments.entry(rel.clone()).or_default().extend(c.comments.iter().cloned());
        }
    }

    let (list, plan) = sites::plan(&mut calls, &documents, setup.account_type);
    let mut findings = findings::call_findings(&calls, &plan);
    findings.extend(unfollowed);
    if let Some(granted) = &setup.granted {
        let audit = Audit::new(&list, granted, setup.account_type);
        let at = GrantedPositions {
            config: setup.config.as_ref().filter(|_| opts.granted.is_none()),
            file: setup.config_rel.as_deref(),
        };
        findings.extend(findings::scope_findings(&calls, &audit, &at));
    }
    findings.sort_by(|a, b| a.key().cmp(&b.key()));
    let (findings, suppressed, unused) = findings::suppress(findings, &comments, setup.config.as_ref());
    let mut warnings = setup.warnings;
    warnings.extend(walked.warnings.iter().cloned());
    for i in unused {
        let file = setup.config_rel.as_deref().unwrap_or(CONFIG_FILE);
        warnings.push(format!("[[ignore]] #{i} of {file} matches no finding"));
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let summary = Summary {
        files_scanned: walked.files_scanned,
        bytes_scanned: walked.bytes_scanned,
        files_with_calls,
        files_skipped: skipped.len(),
        calls: calls.len(),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        notes: count(Severity::Note),
        suppressed: suppressed.len(),
    };
    Ok(Report {
        calls,
        needed_scopes: plan.scopes,
        findings,
        suppressed,
        granted: setup.granted,
        account_type: setup.account_type,
        account_types: plan.account_types.clone(),
        config: setup.config_rel,
        skipped,
        summary,
        warnings,
        notes: plan.notes.clone(),
        root: setup.root,
        config_used: setup.config,
    })
}
