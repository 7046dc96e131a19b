//! Rendering a check [`Report`] (also `check::report`): for people (grouped by file), JSON, SARIF 2.1.0 for code-scanning
//! interfaces, GitHub Actions workflow commands, and the minimal `bc-scopes.toml`.

mod github;
mod human;
mod sarif;
mod suggest;
mod write;

pub use github::github;
pub use human::{findings_only, human};
pub use sarif::sarif;
pub use suggest::{suggest, suggest_for, SuggestView};
pub use write::{config_updates, written, ConfigUpdate};

use crate::check::Report;

/// An output format.
///
/// ```
/// use bigcommerce_scopes::check::report::Format;
/// assert_eq!(Format::parse("sarif"), Some(Format::Sarif));
/// assert_eq!(Format::Github.as_str(), "github");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Grouped by file, for a terminal or a CI log.
    Human,
    /// The [`Report`] as JSON.
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`).
    Github,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 4] = [Format::Human, Format::Json, Format::Sarif, Format::Github];

    /// The format's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
        }
    }

    /// Parse a name.
    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// Render a report; `verbose` adds every call and every skipped file to the human format.
///
/// ```
/// # let dir = tempfile::tempdir().unwrap();
/// use bigcommerce_scopes::check::{check, report, Options};
/// let r = check(&Options::new([dir.path()])).unwrap();
/// let json: serde_json::Value = serde_json::from_str(&report::render(&r, report::Format::Json, false)).unwrap();
/// assert!(json["calls"].as_array().unwrap().is_empty());
/// ```
pub fn render(report: &Report, format: Format, verbose: bool) -> String {
    match format {
        Format::Human => human(report, verbose),
        Format::Json => json(report),
        Format::Sarif => sarif(report),
        Format::Github => github(report),
    }
}

/// The report as pretty JSON (with a final newline).
pub fn json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("a report serializes to JSON");
    s.push('\n');
    s
}
