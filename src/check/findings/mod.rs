//! Findings: what `check` reports about the calls it found and the scopes the project declares,
//! and the suppressions that accept some of them. Findings are data; `report` renders them.

mod audit;
mod kind;
mod suppress;

pub(crate) use audit::{call_findings, scope_findings, GrantedPositions};
pub use kind::{FindingKind, Severity};
pub(crate) use suppress::suppress;

use crate::datafile::vocab::Method;
use crate::tables::Scope;
use serde::Serialize;

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
    /// For a call found through a wrapper, property, SDK or GraphQL request: how.
    pub via: Option<crate::check::model::Via>,
    /// The configuration file of the project it belongs to, relative to the working directory
    /// (null for files under no configuration).
    pub config: Option<String>,
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
            via: None,
            config: None,
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
