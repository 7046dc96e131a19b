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
mod extract;
mod findings;
mod lang;
mod lexer;
pub mod report;
mod walk;

pub use config::{Config, GrantedScope, IgnoreRule, CONFIG_FILE};
pub use findings::{Finding, FindingKind, Position, Severity, Suppressed, Suppression};
pub use lang::Language;
pub use walk::{SkipReason, SkippedFile, DEFAULT_MAX_FILE_SIZE};

use crate::datafile::vocab::{AccountType, Method, Permission, RequirementKind};
use crate::error::{Error, ErrorKind};
use crate::plan::{Audit, CallList, ConflictKind, Location, Need, Plan, PlannedCall};
use crate::resolve::resolve;
use crate::scope_set::ScopeSet;
use crate::tables::{Api, Scope};
use extract::FileContext;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What to check.
///
/// ```
/// use bigcommerce_scopes::check::Options;
/// let o = Options::new(["src", "lib"]);
/// assert_eq!(o.paths.len(), 2);
/// assert!(o.config.is_none() && o.granted.is_none());
/// ```
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Files and directories to scan (none: the current directory).
    pub paths: Vec<PathBuf>,
    /// The configuration file (none: `bc-scopes.toml` in the scanned directory or a parent, up to
    /// the top of the repository).
    pub config: Option<PathBuf>,
    /// Granted scopes, replacing the configuration's `granted`.
    pub granted: Option<ScopeSet>,
    /// The kind of API account, replacing the configuration's `account_type`.
    pub account_type: Option<AccountType>,
    /// Threads for the walk (0: one per core).
    pub threads: usize,
    /// Follow symbolic links (loops are detected and reported).
    pub follow_links: bool,
    /// Skip files larger than this many bytes (none: the configuration's, else
    /// [`DEFAULT_MAX_FILE_SIZE`]).
    pub max_file_size: Option<u64>,
}

impl Options {
    /// Options to scan `paths`.
    pub fn new<P: AsRef<Path>>(paths: impl IntoIterator<Item = P>) -> Options {
        Options { paths: paths.into_iter().map(|p| p.as_ref().to_path_buf()).collect(), ..Options::default() }
    }
}

/// A BigCommerce call found in the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallSite {
    /// Path relative to the root, with `/` separators.
    pub file: String,
    /// 1-based line of the URL's string literal.
    pub line: usize,
    /// 1-based character column of the string literal.
    pub column: usize,
    /// The HTTP method, where the code shows it (null otherwise).
    pub method: Option<Method>,
    /// The URL expression as written.
    pub target: String,
    /// The documented route (null if none matches).
    pub route: Option<&'static str>,
    /// The least-privileged scope (null where no scope is needed, the requirement depends on a
    /// GraphQL query, or no route matches).
    pub least_privileged: Option<Scope>,
    /// The method planned for when `method` is null: the one with the strongest requirement
    /// among the route's documented methods.
    pub assumed_method: Option<Method>,
    /// What was resolved: interpolations filled with placeholder values, base URLs joined.
    pub resolved_target: String,
    /// What the call needs (`scope`, `default-scope`, `none`, `per-query`).
    pub requirement: Option<Need>,
    /// The API.
    pub api: Option<Api>,
    /// The source language.
    pub language: Language,
    /// How the target was completed, and other remarks.
    pub notes: Vec<String>,
}

impl CallSite {
    /// Where it is.
    pub fn position(&self) -> Position {
        Position { file: self.file.clone(), line: self.line, column: self.column }
    }

    /// The method the plan used: the one written, else the assumed one.
    pub fn effective_method(&self) -> Method {
        self.method.or(self.assumed_method).unwrap_or(Method::Get)
    }
}

/// Counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Source files read.
    pub files_scanned: u64,
    /// Bytes read.
    pub bytes_scanned: u64,
    /// Files with at least one call.
    pub files_with_calls: usize,
    /// Files skipped (see `skipped`).
    pub files_skipped: usize,
    /// Calls found.
    pub calls: usize,
    /// Reported findings by severity.
    pub errors: usize,
    /// Reported warnings.
    pub warnings: usize,
    /// Reported notes.
    pub notes: usize,
    /// Suppressed findings.
    pub suppressed: usize,
}

/// The result of a check.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Every call site found, sorted by file, line and column.
    pub calls: Vec<CallSite>,
    /// The minimal set of scopes for all calls found.
    pub needed_scopes: ScopeSet,
    /// Findings not suppressed, sorted by file, line and column.
    pub findings: Vec<Finding>,
    /// Findings accepted by a comment or an `[[ignore]]` table.
    pub suppressed: Vec<Suppressed>,
    /// The scopes declared (null when neither the configuration nor `--granted` declares any).
    pub granted: Option<ScopeSet>,
    /// The kind of API account declared.
    pub account_type: Option<AccountType>,
    /// The kinds of API account that can hold the needed scopes and make every call.
    pub account_types: Vec<AccountType>,
    /// The configuration file, relative to the root.
    pub config: Option<String>,
    /// Files skipped (binary, too large, unreadable, symbolic links, walk errors).
    pub skipped: Vec<SkippedFile>,
    /// Counts.
    pub summary: Summary,
    /// Warnings about the input (variant scope spellings, unused `[[ignore]]` tables).
    pub warnings: Vec<String>,
    /// Remarks from the plan (token flows, metafields, inferred requirements).
    pub notes: Vec<String>,
    /// The directory paths are relative to.
    #[serde(skip)]
    pub root: PathBuf,
    /// The configuration used.
    #[serde(skip)]
    pub config_used: Option<Config>,
}

impl Report {
    /// Whether a finding at or above `level` is reported.
    ///
    /// ```
    /// # let dir = tempfile::tempdir().unwrap();
    /// use bigcommerce_scopes::check::{check, Options, Severity};
    /// let report = check(&Options::new([dir.path()])).unwrap();
    /// assert!(!report.fails(Severity::Note));
    /// ```
    pub fn fails(&self, level: Severity) -> bool {
        self.findings.iter().any(|f| f.severity >= level)
    }
}

/// A call site found in one source text, before resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtractedCall {
    /// 1-based line.
    pub line: usize,
    /// 1-based column of the URL expression.
    pub column: usize,
    /// The method, where the code shows it.
    pub method: Option<Method>,
    /// The URL expression as written.
    pub written: String,
    /// What would be resolved (interpolations filled, base URLs joined).
    pub target: String,
}

/// The BigCommerce call sites the checker finds in one source text of `language`, without
/// walking files, reading configuration or resolving (for tools and fuzzing).
///
/// ```
/// use bigcommerce_scopes::check::{extract_source, Language};
/// let src = "await axios.post(`https://api.bigcommerce.com/stores/${hash}/v3/catalog/products`, body);";
/// let calls = extract_source(src, Language::JavaScript);
/// assert_eq!(calls[0].method, Some(bigcommerce_scopes::Method::Post));
/// assert!(calls[0].target.ends_with("/v3/catalog/products"));
/// ```
pub fn extract_source(source: &str, language: Language) -> Vec<ExtractedCall> {
    let ctx = FileContext { base_url: None, strong: true };
    extract::extract(source, language, &ctx)
        .into_iter()
        .map(|c| ExtractedCall {
            line: c.line as usize,
            column: c.column as usize,
            method: c.method,
            written: c.written,
            target: c.target,
        })
        .collect()
}

/// Run a check.
///
/// Errors (all [`ErrorKind::InvalidInput`]): a path that does not exist, an unreadable or
/// invalid configuration file. Files that cannot be read are skipped and listed, not errors.
pub fn check(opts: &Options) -> Result<Report, Error> {
    let cwd = std::env::current_dir().map_err(|e| invalid(format!("cannot read the current directory: {e}")))?;
    let mut paths = Vec::new();
    for p in if opts.paths.is_empty() { vec![PathBuf::from(".")] } else { opts.paths.clone() } {
        let abs = cwd.join(&p);
        if std::fs::symlink_metadata(&abs).is_err() {
            return Err(invalid(format!("path `{}` does not exist", p.display())));
        }
        paths.push(normalize(&abs));
    }
    let start_dir = match paths.as_slice() {
        [one] if one.is_dir() => one.clone(),
        _ => normalize(&cwd),
    };
    let (config, root) = match &opts.config {
        Some(c) => (Some(Config::load(&cwd.join(c))?), start_dir.clone()),
        None => match Config::find(&start_dir) {
            Some(found) => {
                let dir = found.parent().map(Path::to_path_buf).unwrap_or_else(|| start_dir.clone());
                (Some(Config::load(&found)?), dir)
            }
            None => (None, start_dir.clone()),
        },
    };
    let mut warnings: Vec<String> = config.as_ref().map(|c| c.warnings.clone()).unwrap_or_default();
    let config_rel = config.as_ref().and_then(|c| c.path.as_ref()).map(|p| walk::relative(&root, &normalize(p)));
    let granted: Option<ScopeSet> = opts
        .granted
        .or_else(|| config.as_ref().and_then(|c| c.granted.as_ref()).map(|g| g.iter().map(|s| s.scope).collect()));
    let account_type = opts.account_type.or(config.as_ref().and_then(|c| c.account_type));
    let max_file_size =
        opts.max_file_size.or(config.as_ref().and_then(|c| c.max_file_size)).unwrap_or(DEFAULT_MAX_FILE_SIZE);
    let threads =
        if opts.threads == 0 { std::thread::available_parallelism().map_or(2, |n| n.get()) } else { opts.threads };
    let walk_opts = walk::WalkOptions {
        root: root.clone(),
        paths,
        ignore_paths: config.as_ref().map(|c| c.ignore_paths.clone()).unwrap_or_default(),
        max_file_size,
        follow_links: opts.follow_links,
        threads,
    };
    let ctx = FileContext { base_url: config.as_ref().and_then(|c| c.base_url.clone()), strong: false };
    let walked = walk::walk(&walk_opts, &ctx)?;

    // Call sites, sorted.
    let mut calls: Vec<CallSite> = Vec::new();
    let mut comments: BTreeMap<String, Vec<extract::Comment>> = BTreeMap::new();
    for f in &walked.files {
        if !f.comments.is_empty() {
            comments.insert(f.path.clone(), f.comments.clone());
        }
        for c in &f.calls {
            let (assumed_method, note) = match c.method {
                Some(_) => (None, None),
                None => {
                    let (m, note) = assume_method(&c.target);
                    (Some(m), Some(note))
                }
            };
            let mut notes = c.notes.clone();
            notes.extend(note);
            calls.push(CallSite {
                file: f.path.clone(),
                line: c.line as usize,
                column: c.column as usize,
                method: c.method,
                target: c.written.clone(),
                route: None,
                least_privileged: None,
                assumed_method,
                resolved_target: c.target.clone(),
                requirement: None,
                api: None,
                language: f.language,
                notes,
            });
        }
    }
    calls.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.method, &a.resolved_target).cmp(&(
            &b.file,
            b.line,
            b.column,
            b.method,
            &b.resolved_target,
        ))
    });
    if let (Some(c), Some(rel)) = (&config, &config_rel) {
        if !c.comments.is_empty() {
            comments.entry(rel.clone()).or_default().extend(c.comments.iter().cloned());
        }
    }

    // Plan and audit, with each call site as one call (its location is its index, 1-based).
    let mut list = CallList::new();
    for (i, c) in calls.iter().enumerate() {
        list.push(Location::Line(i + 1), c.effective_method(), c.resolved_target.clone());
    }
    let plan = Plan::new(&list, account_type);
    let index = |loc: &Location| match loc {
        Location::Line(n) => Some(n - 1),
        _ => None,
    };
    let mut by_site: Vec<Option<&PlannedCall>> = vec![None; calls.len()];
    for pc in &plan.calls {
        for loc in &pc.locations {
            if let Some(i) = index(loc) {
                by_site[i] = Some(pc);
            }
        }
    }
    for (c, pc) in calls.iter_mut().zip(&by_site) {
        if let Some(pc) = pc {
            c.route = Some(pc.route);
            c.least_privileged = pc.least_privileged;
            c.requirement = Some(pc.requirement);
            c.api = Some(pc.api);
        }
    }
    let pos = |i: usize| calls.get(i).map(CallSite::position);
    let mut findings: Vec<Finding> = Vec::new();
    for u in &plan.unresolved {
        let Some(i) = index(&u.location) else { continue };
        let c = &calls[i];
        let msg = if u.kind == ErrorKind::UnknownEndpoint {
            format!("{} {} matches no documented route", c.effective_method(), c.resolved_target)
        } else {
            format!("{} {} cannot be resolved: {}", c.effective_method(), c.resolved_target, u.message)
        };
        let mut f = Finding::new(FindingKind::UnknownRoute, msg).at(pos(i).as_ref());
        f.method = c.method;
        f.target = Some(c.target.clone());
        f.suggestions = u.suggestions.clone();
        findings.push(f);
    }
    for pc in plan.calls.iter().filter(|pc| pc.requirement == Need::PerQuery) {
        for loc in &pc.locations {
            let Some(i) = index(loc) else { continue };
            let c = &calls[i];
            let mut f = Finding::new(
                FindingKind::PerQuery,
                format!(
                    "{} request: the scopes it needs depend on each query, which `check` does not read",
                    pc.api.info().name
                ),
            )
            .at(pos(i).as_ref());
            f.method = c.method;
            f.target = Some(c.target.clone());
            f.route = Some(pc.route);
            findings.push(f);
        }
    }

    let granted_pos = |s: Scope| -> Option<Position> {
        let g = config.as_ref()?.granted.as_ref()?;
        if opts.granted.is_some() {
            return None;
        }
        let e = g.iter().find(|e| e.scope == s)?;
        Some(Position { file: config_rel.clone()?, line: e.line, column: e.column })
    };
    let related = |refs: &[crate::plan::CallRef]| -> Vec<Position> {
        let mut v: Vec<Position> =
            refs.iter().flat_map(|r| r.locations.iter()).filter_map(|l| index(l).and_then(pos)).collect();
        v.sort();
        v.dedup();
        v
    };
    if let Some(granted) = &granted {
        let audit = Audit::new(&list, granted, account_type);
        for m in &audit.missing {
            for r in &m.calls {
                for loc in &r.locations {
                    let Some(i) = index(loc) else { continue };
                    let c = &calls[i];
                    let method = c.effective_method();
                    let mut msg = format!("{method} {} needs `{}`, which is not granted", r.route, m.scope.name());
                    if let Some(old) = m.replaces {
                        msg.push_str(&format!(" (it would replace `{}`)", old.name()));
                    }
                    if c.method.is_none() {
                        msg.push_str(&format!(
                            "; the method is not clear from the code, so {method} was assumed (the strongest requirement among the route's documented methods)"
                        ));
                    }
                    let mut f = Finding::new(FindingKind::Missing, msg).at(pos(i).as_ref());
                    f.scope = Some(m.scope);
                    f.method = c.method;
                    f.target = Some(c.target.clone());
                    f.route = Some(r.route);
                    f.suggestions = vec![m.scope.name().to_owned()];
                    findings.push(f);
                }
            }
        }
        for e in &audit.excess {
            let msg = match e.reason {
                crate::plan::ExcessReason::Unused => {
                    format!("`{}` is granted, but no call found in the code needs it", e.scope.name())
                }
                crate::plan::ExcessReason::Redundant => format!(
                    "`{}` is granted, but every call it authorizes is authorized by {}",
                    e.scope.name(),
                    names(&e.covered_by)
                ),
            };
            let mut f = Finding::new(FindingKind::Excess, msg).at(granted_pos(e.scope).as_ref());
            f.scope = Some(e.scope);
            findings.push(f);
        }
        for d in &audit.downgrades {
            let mut f = Finding::new(
                FindingKind::Downgrade,
                format!(
                    "`{}` is granted, but the calls that use it only read: `{}` would do",
                    d.scope.name(),
                    d.to.name()
                ),
            )
            .at(granted_pos(d.scope).as_ref());
            f.scope = Some(d.scope);
            f.suggestions = vec![d.to.name().to_owned()];
            f.related = related(&d.calls);
            findings.push(f);
        }
        for a in &audit.alternatives {
            let mut f = Finding::new(
                FindingKind::Alternative,
                format!(
                    "`{}` is granted only as a broader alternative: {} would do for the calls that use it",
                    a.scope.name(),
                    names(&a.instead)
                ),
            )
            .at(granted_pos(a.scope).as_ref());
            f.scope = Some(a.scope);
            f.suggestions = a.instead.iter().map(|s| s.name().to_owned()).collect();
            f.related = related(&a.calls);
            findings.push(f);
        }
        for c in &audit.conflicts {
            let places = related(&c.calls);
            let at = match (c.kind, c.scope) {
                (ConflictKind::ScopeNotHoldable, Some(s)) => granted_pos(s),
                _ => places.first().cloned(),
            };
            let mut f = Finding::new(FindingKind::Conflict, c.message.clone()).at(at.as_ref());
            f.scope = c.scope;
            f.related = places.into_iter().skip(usize::from(c.kind != ConflictKind::ScopeNotHoldable)).collect();
            findings.push(f);
        }
        for n in audit.conditional.iter().filter(|n| !n.held) {
            let places = related(&n.calls);
            let mut f = Finding::new(
                FindingKind::Conditional,
                format!("`{}` is not declared, and these calls need it when {}", n.scope.name(), n.when),
            )
            .at(places.first());
            f.scope = Some(n.scope);
            f.suggestions = vec![n.scope.name().to_owned()];
            f.related = places.into_iter().skip(1).collect();
            findings.push(f);
        }
        let _ = &audit.unverified;
    }
    findings.sort_by(|a, b| a.key().cmp(&b.key()));
    let (findings, suppressed, unused) = findings::suppress(findings, &comments, config.as_ref());
    for i in unused {
        warnings
            .push(format!("[[ignore]] #{i} of {} matches no finding", config_rel.as_deref().unwrap_or(CONFIG_FILE)));
    }
    let summary = Summary {
        files_scanned: walked.files_scanned,
        bytes_scanned: walked.bytes_scanned,
        files_with_calls: walked.files.iter().filter(|f| !f.calls.is_empty()).count(),
        files_skipped: walked.skipped.len(),
        calls: calls.len(),
        errors: findings.iter().filter(|f| f.severity == Severity::Error).count(),
        warnings: findings.iter().filter(|f| f.severity == Severity::Warning).count(),
        notes: findings.iter().filter(|f| f.severity == Severity::Note).count(),
        suppressed: suppressed.len(),
    };
    Ok(Report {
        calls,
        needed_scopes: plan.scopes,
        findings,
        suppressed,
        granted,
        account_type,
        account_types: plan.account_types.clone(),
        config: config_rel,
        skipped: walked.skipped,
        summary,
        warnings,
        notes: plan.notes.clone(),
        root,
        config_used: config,
    })
}

fn invalid(msg: String) -> Error {
    Error::new(ErrorKind::InvalidInput, msg)
}

fn names(scopes: &[Scope]) -> String {
    let v: Vec<String> = scopes.iter().map(|s| format!("`{}`", s.name())).collect();
    v.join(", ")
}

/// An absolute path without `.` and `..` components (symbolic links are left alone).
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// For a call whose method the code does not show: the documented method with the strongest
/// requirement (a scope over the default scope over none; a modify scope over a read-only one;
/// then the one whose scope covers the most of the others'), and the note saying so.
fn assume_method(target: &str) -> (Method, String) {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if path.ends_with("/graphql") {
        return (Method::Post, "method not shown in the code: POST assumed (GraphQL)".to_owned());
    }
    let order = [Method::Post, Method::Put, Method::Patch, Method::Delete, Method::Get];
    let found: Vec<(Method, RequirementKind, Option<Scope>)> = order
        .iter()
        .filter_map(|&m| resolve(m, target).ok().map(|r| (m, r.requirement(), r.least_privileged())))
        .collect();
    let rank = |(m, req, least): &(Method, RequirementKind, Option<Scope>)| {
        let req_rank = match req {
            RequirementKind::Scope => 2,
            RequirementKind::DefaultScope => 1,
            RequirementKind::None => 0,
        };
        let modify = least.is_some_and(|s| s.info().permission != Permission::ReadOnly);
        let covers = found.iter().filter(|o| matches!((least, o.2), (Some(a), Some(b)) if a.satisfies(b))).count();
        let pref = order.len() - order.iter().position(|o| o == m).unwrap_or(0);
        (req_rank, modify, covers, pref)
    };
    match found.iter().max_by_key(|x| rank(x)) {
        Some(best) if found.len() > 1 => {
            let all: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
            (
                best.0,
                format!(
                    "method not shown in the code: {} assumed, the strongest requirement among the documented methods ({})",
                    best.0,
                    all.join(", ")
                ),
            )
        }
        Some(best) => (best.0, format!("method not shown in the code: {} assumed, the only documented method", best.0)),
        None => (Method::Get, "method not shown in the code".to_owned()),
    }
}
