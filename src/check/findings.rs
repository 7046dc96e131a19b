//! Findings: what `check` reports about the calls it found and the scopes the project declares,
//! and the suppressions that accept some of them.

use super::config::{Config, IgnoreRule};
use super::extract::Comment;
use crate::datafile::vocab::Method;
use crate::tables::Scope;
use serde::Serialize;
use std::collections::BTreeMap;

/// How serious a finding is. Ordered: `Note < Warning < Error`.
///
/// ```
/// use bigcommerce_scopes::check::Severity;
/// assert!(Severity::Error > Severity::Warning && Severity::Warning > Severity::Note);
/// assert_eq!(Severity::parse("warning"), Some(Severity::Warning));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; not a problem by itself.
    Note,
    /// More privilege than the code needs.
    Warning,
    /// The code cannot work with the declared scopes.
    Error,
}

impl Severity {
    /// `error`, `warning` or `note`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parse `error`, `warning` or `note`.
    pub fn parse(s: &str) -> Option<Severity> {
        [Severity::Note, Severity::Warning, Severity::Error].into_iter().find(|v| v.as_str() == s)
    }
}

/// What a finding is about.
///
/// ```
/// use bigcommerce_scopes::check::{FindingKind, Severity};
/// assert_eq!(FindingKind::parse("unknown-route"), Some(FindingKind::UnknownRoute));
/// assert_eq!(FindingKind::Missing.severity(), Severity::Error);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// A call needs a scope that is not granted (error).
    Missing,
    /// A granted scope no call needs (warning).
    Excess,
    /// A granted modify scope where its read-only twin would do (warning).
    Downgrade,
    /// A granted scope used only as a broader alternative to a call's least-privileged scope
    /// (warning).
    Alternative,
    /// The kind of API account cannot hold a scope or make a call, or a call uses a legacy
    /// store-domain URL (warning).
    Conflict,
    /// A call to a BigCommerce path that matches no documented route, or that cannot be read
    /// safely (note).
    UnknownRoute,
    /// A GraphQL request, whose scopes depend on each query (note).
    PerQuery,
    /// A call needs a scope that is not declared when a documented condition of the request
    /// holds (a metafield another API account created, a script on checkout pages) (warning).
    Conditional,
}

impl FindingKind {
    /// Every kind.
    pub const ALL: [FindingKind; 8] = [
        FindingKind::Missing,
        FindingKind::Excess,
        FindingKind::Downgrade,
        FindingKind::Alternative,
        FindingKind::Conflict,
        FindingKind::UnknownRoute,
        FindingKind::PerQuery,
        FindingKind::Conditional,
    ];

    /// The name used in reports, suppressions and SARIF rule ids.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Missing => "missing",
            FindingKind::Excess => "excess",
            FindingKind::Downgrade => "downgrade",
            FindingKind::Alternative => "alternative",
            FindingKind::Conflict => "conflict",
            FindingKind::UnknownRoute => "unknown-route",
            FindingKind::PerQuery => "per-query",
            FindingKind::Conditional => "conditional",
        }
    }

    /// Parse a name.
    pub fn parse(s: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The severity of this kind of finding.
    pub fn severity(self) -> Severity {
        match self {
            FindingKind::Missing => Severity::Error,
            FindingKind::Excess
            | FindingKind::Downgrade
            | FindingKind::Alternative
            | FindingKind::Conflict
            | FindingKind::Conditional => Severity::Warning,
            FindingKind::UnknownRoute | FindingKind::PerQuery => Severity::Note,
        }
    }

    /// A one-line description (SARIF rule descriptions, help).
    pub fn description(self) -> &'static str {
        match self {
            FindingKind::Missing => "A call needs an OAuth scope that the project does not declare.",
            FindingKind::Excess => "A declared OAuth scope that no call in the code needs.",
            FindingKind::Downgrade => "A declared modify scope where its read-only twin would do for every call.",
            FindingKind::Alternative => {
                "A declared scope used only as a broader alternative to the calls' least-privileged scope."
            }
            FindingKind::Conflict => "The kind of API account cannot hold a declared scope or make a call.",
            FindingKind::UnknownRoute => "A BigCommerce API path that matches no documented route.",
            FindingKind::PerQuery => "A GraphQL request, whose scopes depend on each query.",
            FindingKind::Conditional => {
                "A call needs an undeclared scope when a documented condition of the request holds."
            }
        }
    }
}

/// A place in the scanned code (or the configuration file).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Position {
    /// Path relative to the root, with `/` separators.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based character column.
    pub column: usize,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What it is about.
    pub kind: FindingKind,
    /// How serious it is.
    pub severity: Severity,
    /// File relative to the root (the configuration file for findings about a declared scope;
    /// null when the scopes came from `--granted`).
    pub file: Option<String>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based character column.
    pub column: Option<usize>,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The scope concerned.
    pub scope: Option<Scope>,
    /// For a call: the method (null where the code does not show it).
    pub method: Option<Method>,
    /// For a call: the URL expression as written.
    pub target: Option<String>,
    /// For a call: the documented route.
    pub route: Option<&'static str>,
    /// Nearest documented routes (unknown routes), or the scope to use instead.
    pub suggestions: Vec<String>,
    /// Other places concerned (the calls that use a declared scope, …).
    pub related: Vec<Position>,
}

impl Finding {
    pub(crate) fn new(kind: FindingKind, message: String) -> Finding {
        Finding {
            kind,
            severity: kind.severity(),
            file: None,
            line: None,
            column: None,
            message,
            scope: None,
            method: None,
            target: None,
            route: None,
            suggestions: Vec::new(),
            related: Vec::new(),
        }
    }

    pub(crate) fn at(mut self, p: Option<&Position>) -> Finding {
        if let Some(p) = p {
            self.file = Some(p.file.clone());
            self.line = Some(p.line);
            self.column = Some(p.column);
        }
        self
    }

    /// The sort key: file, line, column, then kind and message.
    pub(crate) fn key(&self) -> (bool, &str, usize, usize, FindingKind, &str) {
        (
            self.file.is_none(),
            self.file.as_deref().unwrap_or(""),
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            self.kind,
            &self.message,
        )
    }
}

/// What accepted a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "by", rename_all = "kebab-case")]
pub enum Suppression {
    /// A `bc-scopes: ignore` comment on or above the finding's line.
    Comment {
        /// The file of the comment.
        file: String,
        /// Its line.
        line: usize,
        /// Text after the directive, if any.
        reason: Option<String>,
    },
    /// An `[[ignore]]` table of the configuration.
    Config {
        /// Its position among the `[[ignore]]` tables (1-based).
        index: usize,
        /// Its line (of `reason`).
        line: usize,
        /// Its reason.
        reason: String,
    },
}

/// A finding that a suppression accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppressed {
    /// The finding.
    #[serde(flatten)]
    pub finding: Finding,
    /// What accepted it.
    pub suppression: Suppression,
}

/// Split findings into reported and suppressed. `comments` holds each file's suppression
/// comments (the configuration file's among them). Returns also the `[[ignore]]` rules that
/// matched nothing.
pub(crate) fn suppress(
    findings: Vec<Finding>,
    comments: &BTreeMap<String, Vec<Comment>>,
    config: Option<&Config>,
) -> (Vec<Finding>, Vec<Suppressed>, Vec<usize>) {
    let rules: Vec<(&IgnoreRule, Option<globset::GlobMatcher>)> = config
        .map(|c| {
            c.ignore
                .iter()
                .map(|r| (r, r.path.as_deref().and_then(|p| globset::Glob::new(p).ok()).map(|g| g.compile_matcher())))
                .collect()
        })
        .unwrap_or_default();
    let mut used = vec![false; rules.len()];
    let mut kept = Vec::new();
    let mut suppressed = Vec::new();
    'findings: for f in findings {
        if let (Some(file), Some(line)) = (&f.file, f.line) {
            if let Some(cs) = comments.get(file) {
                let hit = cs.iter().find(|c| {
                    (c.line as usize == line || c.line as usize + 1 == line)
                        && (c.kinds.is_empty() || c.kinds.iter().any(|k| k == f.kind.as_str() || k == "all"))
                });
                if let Some(c) = hit {
                    let suppression =
                        Suppression::Comment { file: file.clone(), line: c.line as usize, reason: c.reason.clone() };
                    suppressed.push(Suppressed { finding: f, suppression });
                    continue 'findings;
                }
            }
        }
        for (i, (r, glob)) in rules.iter().enumerate() {
            let kind_ok = r.finding.is_none_or(|k| k == f.kind);
            let scope_ok = r.scope.is_none_or(|s| f.scope == Some(s));
            let route_ok = r.route.as_deref().is_none_or(|t| f.route == Some(t));
            let path_ok = match (glob, &f.file) {
                (None, _) => true,
                (Some(g), Some(file)) => g.is_match(file),
                (Some(_), None) => false,
            };
            if kind_ok && scope_ok && route_ok && path_ok {
                used[i] = true;
                let suppression = Suppression::Config { index: r.index, line: r.line, reason: r.reason.clone() };
                suppressed.push(Suppressed { finding: f, suppression });
                continue 'findings;
            }
        }
        kept.push(f);
    }
    let unused = rules.iter().zip(&used).filter(|(_, u)| !**u).map(|((r, _), _)| r.index).collect();
    (kept, suppressed, unused)
}
