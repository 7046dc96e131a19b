//! What `check` takes and gives: options, call sites, counts and the report.

use super::config::Config;
use super::findings::{Finding, Position, Severity, Suppressed};
use super::syntax::lang::Language;
use super::walk::SkippedFile;
use crate::datafile::vocab::{AccountType, Method};
use crate::plan::Need;
use crate::scope_set::ScopeSet;
use crate::tables::{Api, Scope};
use serde::Serialize;
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
    /// [`DEFAULT_MAX_FILE_SIZE`](super::DEFAULT_MAX_FILE_SIZE)).
    pub max_file_size: Option<u64>,
    /// Globs of paths not to scan, relative to the working directory, with .gitignore's rules
    /// (`--exclude`).
    pub exclude: Vec<String>,
    /// Judge excess scopes even when the scan does not cover a whole project (`--excess`).
    /// Otherwise excess, downgrade and alternative findings are judged only for projects whose
    /// directory the scan covers: a scan of a few changed files sees only some of the calls.
    pub excess: bool,
    /// One source text to check instead of walking `paths` (`--stdin-filename`).
    pub stdin: Option<StdinSource>,
    /// Reported paths are relative to this directory (none: the working directory).
    pub relative_to: Option<PathBuf>,
}

/// A source text read from standard input, and the file name it stands for (its language, and
/// the configuration that applies, come from the name).
///
/// ```
/// use bigcommerce_scopes::check::{check, Options, StdinSource};
/// let mut o = Options::default();
/// o.stdin = Some(StdinSource::new("src/orders.ts", "fetch(`https://api.bigcommerce.com/stores/${h}/v2/orders`)"));
/// let r = check(&o).unwrap();
/// assert_eq!(r.calls[0].file, "src/orders.ts");
/// assert_eq!(r.calls[0].route, Some("/stores/{store_hash}/v2/orders"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct StdinSource {
    /// The file name it stands for, relative to the working directory.
    pub name: PathBuf,
    /// The source text.
    pub text: String,
}

impl StdinSource {
    /// A source text standing for the file `name`.
    pub fn new(name: impl Into<PathBuf>, text: impl Into<String>) -> StdinSource {
        StdinSource { name: name.into(), text: text.into() }
    }
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
    /// The URL expression, without the quotes of a string literal (`https://…/${id}`).
    pub target: String,
    /// The URL expression exactly as written in the source, quotes and prefixes included.
    pub written: String,
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
    /// How the call was found: written at the call site, or through a wrapper, a property, an
    /// SDK or a GraphQL request.
    pub via: Via,
    /// For a GraphQL request whose document the code holds: what the document asks for.
    pub graphql: Option<GraphqlDocument>,
    /// The index of its project in [`Report::projects`].
    #[serde(skip)]
    pub project: usize,
}

/// How a call was found, so that a reviewer can follow it.
///
/// ```
/// use bigcommerce_scopes::check::{Via, ViaKind};
/// let v = Via::literal();
/// assert_eq!(v.kind, ViaKind::Literal);
/// assert_eq!(serde_json::to_value(&v).unwrap()["kind"], "literal");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Via {
    /// What the call came through.
    pub kind: ViaKind,
    /// The wrapper function, property, SDK call or GraphQL operation (null for a literal).
    pub name: Option<String>,
    /// The file of its definition (the SDK model's data file for an SDK call).
    pub file: Option<String>,
    /// The 1-based line of its definition.
    pub line: Option<usize>,
}

impl Via {
    /// A call written at its call site.
    pub fn literal() -> Via {
        Via { kind: ViaKind::Literal, name: None, file: None, line: None }
    }

    /// How a reviewer reads it: `through the wrapper `get` (src/api.ts:18)`; empty for a literal.
    ///
    /// ```
    /// use bigcommerce_scopes::check::{Via, ViaKind};
    /// let v = Via { kind: ViaKind::Wrapper, name: Some("get".into()), file: Some("src/api.ts".into()), line: Some(18) };
    /// assert_eq!(v.describe(), "through the wrapper `get` (src/api.ts:18)");
    /// assert_eq!(Via::literal().describe(), "");
    /// ```
    pub fn describe(&self) -> String {
        let what = match self.kind {
            ViaKind::Literal => return String::new(),
            ViaKind::Wrapper => "the wrapper",
            ViaKind::Property => "the property",
            ViaKind::Sdk => "the SDK call",
            ViaKind::Graphql => "the GraphQL operation",
        };
        let name = self.name.as_deref().map(|n| format!(" `{n}`")).unwrap_or_default();
        let place = match (&self.file, self.line) {
            (Some(f), Some(l)) => format!(" ({f}:{l})"),
            (Some(f), None) => format!(" ({f})"),
            _ => String::new(),
        };
        if self.kind == ViaKind::Graphql && self.name.is_none() {
            return "a GraphQL request (its document is not in the code)".to_owned();
        }
        format!("through {what}{name}{place}")
    }
}

/// What a call came through.
///
/// ```
/// use bigcommerce_scopes::check::ViaKind;
/// assert_eq!(ViaKind::Wrapper.as_str(), "wrapper");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ViaKind {
    /// The URL is written (or assembled from values in scope) where the request is sent.
    Literal,
    /// A function or method that sends requests, summarised once and resolved at its call sites.
    Wrapper,
    /// A class field, constant or getter that holds the path or method (a request class, a
    /// resource's path, a command table).
    Property,
    /// A BigCommerce SDK's resource call, mapped by the SDK models in `data/sdks/`.
    Sdk,
    /// A GraphQL request.
    Graphql,
}

impl ViaKind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ViaKind::Literal => "literal",
            ViaKind::Wrapper => "wrapper",
            ViaKind::Property => "property",
            ViaKind::Sdk => "sdk",
            ViaKind::Graphql => "graphql",
        }
    }
}

/// A GraphQL document the code sends, and what it asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GraphqlDocument {
    /// The GraphQL API (by its endpoint).
    pub endpoint: &'static str,
    /// The operations of the document (`query Name`, `mutation Name`).
    pub operations: Vec<String>,
    /// The 1-based line where the document starts.
    pub line: usize,
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

/// One project of a check: a configuration file and the files that answer to it (the nearest
/// configuration above them), judged against its own declared scopes.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectReport {
    /// The configuration file, relative to the working directory (null for files under none).
    pub config: Option<String>,
    /// The project's directory, relative to the working directory.
    pub dir: String,
    /// The scopes declared (null when neither the configuration nor `--granted` declares any).
    pub granted: Option<ScopeSet>,
    /// The kind of API account declared.
    pub account_type: Option<AccountType>,
    /// The minimal set of scopes for this project's calls.
    pub needed_scopes: ScopeSet,
    /// The kinds of API account that can hold the needed scopes and make every call.
    pub account_types: Vec<AccountType>,
    /// Whether excess scopes were judged: the scan covered the whole project, or `--excess`.
    pub excess_judged: bool,
    /// Calls found in this project's files.
    pub calls: usize,
    /// Findings reported for this project.
    pub findings: usize,
    /// Remarks from the plan (token flows, metafields, inferred requirements).
    pub notes: Vec<String>,
    /// The configuration used (for `--write` and `--suggest`).
    #[serde(skip)]
    pub config_used: Option<Config>,
    /// The project's directory (absolute).
    #[serde(skip)]
    pub dir_path: PathBuf,
}

/// The result of a check.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Every call site found, sorted by file, line and column.
    pub calls: Vec<CallSite>,
    /// The minimal set of scopes for all calls found (with several projects, the union of
    /// theirs: see `projects`).
    pub needed_scopes: ScopeSet,
    /// Findings not suppressed, sorted by file, line and column.
    pub findings: Vec<Finding>,
    /// Findings accepted by a comment or an `[[ignore]]` table.
    pub suppressed: Vec<Suppressed>,
    /// The scopes declared (null when neither the configuration nor `--granted` declares any,
    /// and when several projects declare their own: see `projects`).
    pub granted: Option<ScopeSet>,
    /// The kind of API account declared (of the one project).
    pub account_type: Option<AccountType>,
    /// The kinds of API account that can hold the needed scopes and make every call (of the
    /// one project; with several, those that suit all).
    pub account_types: Vec<AccountType>,
    /// The configuration file of the one project, relative to the working directory.
    pub config: Option<String>,
    /// Files skipped (binary, too large, unreadable, symbolic links, walk errors).
    pub skipped: Vec<SkippedFile>,
    /// Counts.
    pub summary: Summary,
    /// Warnings about the input (variant scope spellings, unused `[[ignore]]` tables).
    pub warnings: Vec<String>,
    /// Remarks from the plan (token flows, metafields, inferred requirements).
    pub notes: Vec<String>,
    /// Each configuration's project (files under no configuration form one too), in the order
    /// of their configuration files.
    pub projects: Vec<ProjectReport>,
    /// The directory paths are relative to (the working directory).
    #[serde(skip)]
    pub root: PathBuf,
    /// The top of the repository (SARIF's `%SRCROOT%`).
    #[serde(skip)]
    pub source_root: PathBuf,
    /// The configuration of the one project.
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
    /// How the call was found.
    pub via: Via,
}
