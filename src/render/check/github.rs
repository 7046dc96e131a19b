//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding,
//! which GitHub shows as annotations on the pull request's changed lines.

use crate::check::{Finding, Report, Severity};
use crate::render::text::count;

/// Escape a message (`%`, CR, LF).
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a property value (also `:` and `,`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

fn line(f: &Finding) -> String {
    let command = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    };
    let mut props = Vec::new();
    if let Some(file) = &f.file {
        props.push(format!("file={}", property(file)));
        if let Some(l) = f.line {
            props.push(format!("line={l}"));
        }
        if let Some(c) = f.column {
            props.push(format!("col={c}"));
        }
    }
    props.push(format!("title={}", property(&format!("bc-scopes {}", f.kind.as_str()))));
    let mut msg = f.message.clone();
    if let Some(t) = &f.target {
        msg.push_str(&format!("\n{t}"));
    }
    if !f.suggestions.is_empty() && f.kind == crate::check::FindingKind::UnknownRoute {
        msg.push_str(&format!("\nnearest documented routes: {}", f.suggestions.join(", ")));
    }
    format!("::{command} {}::{}\n", props.join(","), data(&msg))
}

/// The findings as workflow commands, then a summary line.
///
/// ```
/// # let dir = tempfile::tempdir().unwrap();
/// # std::fs::write(dir.path().join("a.js"), "fetch(`https://api.bigcommerce.com/stores/${h}/v3/orders/${id}/transactions`)").unwrap();
/// use bigcommerce_scopes::check::{check, report, Options};
/// let mut o = Options::new([dir.path()]);
/// o.relative_to = Some(dir.path().to_path_buf());
/// o.granted = Some(Default::default());
/// let out = report::github(&check(&o).unwrap());
/// assert!(out.starts_with("::error file=a.js,line=1,col=7,title=bc-scopes missing::"), "{out}");
/// ```
pub fn github(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        out.push_str(&line(f));
    }
    let s = &report.summary;
    out.push_str(&format!(
        "bc-scopes check: {} in {}; {}, {}, {}; {} suppressed\n",
        count(s.calls, "call"),
        count(s.files_with_calls, "file"),
        count(s.errors, "error"),
        count(s.warnings, "warning"),
        count(s.notes, "note"),
        s.suppressed
    ));
    out
}
