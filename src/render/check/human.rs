//! The report for people: findings grouped by file, each with its place, severity, message and
//! the call as written; then the needed scopes and a one-line summary. Plain text (no colour), so
//! that it reads the same in a terminal and in a CI log.

use crate::check::{Finding, FindingKind, ProjectReport, Report, Suppression};
use crate::render::text::count;
use std::fmt::Write;

fn place(f: &Finding) -> String {
    match (f.line, f.column) {
        (Some(l), Some(c)) => format!("{l}:{c}"),
        (Some(l), None) => l.to_string(),
        _ => String::new(),
    }
}

fn finding(out: &mut String, f: &Finding, width: usize) {
    let indent = " ".repeat(2 + width + 2 + 9);
    let _ = writeln!(out, "  {:<width$}  {:<7}  {}  [{}]", place(f), f.severity.as_str(), f.message, f.kind.as_str());
    if let Some(t) = &f.target {
        let _ = writeln!(out, "{indent}{t}");
    }
    if let Some(v) = f.via.as_ref().map(|v| v.describe()).filter(|d| !d.is_empty()) {
        let _ = writeln!(out, "{indent}{v}");
    }
    if f.kind == FindingKind::UnknownRoute && !f.suggestions.is_empty() {
        let _ = writeln!(out, "{indent}nearest documented routes: {}", f.suggestions.join(", "));
    }
    if !f.related.is_empty() {
        let shown: Vec<String> =
            f.related.iter().take(5).map(|p| format!("{}:{}:{}", p.file, p.line, p.column)).collect();
        let more = if f.related.len() > 5 { format!(" and {} more", f.related.len() - 5) } else { String::new() };
        let _ = writeln!(out, "{indent}used at {}{more}", shown.join(", "));
    }
}

/// Findings grouped by file (those without a place last), then a blank line.
fn findings_by_file<'a>(out: &mut String, findings: impl Iterator<Item = &'a Finding> + Clone) {
    let width = findings.clone().map(|f| place(f).len()).max().unwrap_or(0);
    let mut current: Option<Option<&str>> = None;
    for f in findings {
        let file = f.file.as_deref();
        if current != Some(file) {
            if current.is_some() {
                out.push('\n');
            }
            let _ = writeln!(out, "{}", file.unwrap_or("(declared scopes)"));
            current = Some(file);
        }
        finding(out, f, width);
    }
    if current.is_some() {
        out.push('\n');
    }
}

/// The needed and granted scopes of a project, and whether excess scopes were judged.
fn scopes(out: &mut String, p: &ProjectReport, indent: &str) {
    let needed: Vec<&str> = p.needed_scopes.iter().map(|s| s.name()).collect();
    if needed.is_empty() {
        let _ = writeln!(out, "{indent}Needed scopes: none");
    } else {
        let _ = writeln!(out, "{indent}Needed scopes (the minimal set for the calls found): {}", needed.join(", "));
    }
    match &p.granted {
        Some(g) => {
            let names: Vec<&str> = g.iter().map(|s| s.name()).collect();
            let _ = writeln!(
                out,
                "{indent}Granted scopes: {}",
                if names.is_empty() { "none".to_owned() } else { names.join(", ") }
            );
        }
        None => {
            let _ = writeln!(
                out,
                "{indent}Granted scopes: not declared (add `granted` to bc-scopes.toml, or pass --granted)"
            );
        }
    }
    if p.granted.is_some() && !p.excess_judged {
        let _ = writeln!(
            out,
            "{indent}Excess scopes: not judged (the scan covers only part of {}: scan it whole, or pass --excess)",
            if p.dir == "." { "this project".to_owned() } else { p.dir.clone() }
        );
    }
}

fn project_name(p: &ProjectReport) -> String {
    p.config.clone().unwrap_or_else(|| format!("{} (no bc-scopes.toml)", p.dir))
}

/// The findings alone (`--quiet`): by file, under each project's configuration when there are
/// several; nothing when there are none.
///
/// ```
/// # let dir = tempfile::tempdir().unwrap();
/// use bigcommerce_scopes::check::{check, report, Options};
/// assert_eq!(report::findings_only(&check(&Options::new([dir.path()])).unwrap()), "");
/// ```
pub fn findings_only(report: &Report) -> String {
    let mut out = String::new();
    if report.projects.len() > 1 {
        for p in &report.projects {
            let mut mine = report.findings.iter().filter(|f| f.config == p.config).peekable();
            if mine.peek().is_some() {
                let _ = writeln!(out, "== {} ==", project_name(p));
                findings_by_file(&mut out, mine);
            }
        }
    } else {
        findings_by_file(&mut out, report.findings.iter());
    }
    out
}

/// The human-readable report: findings by file (by project first, when the files answer to
/// several configurations), the needed and granted scopes, warnings and a summary line. With
/// `verbose`, every call and every skipped file is listed too.
///
/// ```
/// # let dir = tempfile::tempdir().unwrap();
/// use bigcommerce_scopes::check::{check, report, Options};
/// let text = report::human(&check(&Options::new([dir.path()])).unwrap(), false);
/// assert!(text.contains("0 calls in 0 files"));
/// ```
pub fn human(report: &Report, verbose: bool) -> String {
    let several = report.projects.len() > 1;
    let mut out = String::new();
    if !several {
        out = findings_only(report);
    } else {
        // Grouped by project (its configuration file), then by file, each with its scopes.
        for p in &report.projects {
            let _ = writeln!(out, "== {} ==", project_name(p));
            findings_by_file(&mut out, report.findings.iter().filter(|f| f.config == p.config));
            scopes(&mut out, p, "");
            out.push('\n');
        }
    }
    if !report.suppressed.is_empty() {
        let _ = writeln!(out, "Suppressed ({}):", report.suppressed.len());
        for s in &report.suppressed {
            let f = &s.finding;
            let at = match (&f.file, f.line) {
                (Some(file), Some(l)) => format!("{file}:{l}"),
                _ => "(declared scopes)".to_owned(),
            };
            let what = match &f.scope {
                Some(scope) => format!("{} `{}`", f.kind.as_str(), scope.name()),
                None => f.kind.as_str().to_owned(),
            };
            let by = match &s.suppression {
                Suppression::Comment { file, line, reason } => match reason {
                    Some(r) => format!("comment at {file}:{line}: {r}"),
                    None => format!("comment at {file}:{line}"),
                },
                Suppression::Config { index, reason, .. } => format!("[[ignore]] #{index}: {reason}"),
            };
            let _ = writeln!(out, "  {at}  {what}  ({by})");
        }
        out.push('\n');
    }
    if verbose {
        let _ = writeln!(out, "Calls ({}):", report.calls.len());
        for c in &report.calls {
            let method = match (c.method, c.assumed_method) {
                (Some(m), _) => m.as_str().to_owned(),
                (None, Some(m)) => format!("{}?", m.as_str()),
                (None, None) => "?".to_owned(),
            };
            let scope = match (c.least_privileged, c.requirement) {
                (Some(s), _) => s.name().to_owned(),
                (None, Some(n)) => {
                    serde_json::to_value(n).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
                }
                (None, None) => "-".to_owned(),
            };
            let _ = writeln!(
                out,
                "  {}:{}:{}  {method}  {}  {scope}",
                c.file,
                c.line,
                c.column,
                c.route.unwrap_or("(no documented route)")
            );
            let _ = writeln!(out, "      {}", c.target);
            let via = c.via.describe();
            if !via.is_empty() {
                let _ = writeln!(out, "      {via}");
            }
            for n in &c.notes {
                let _ = writeln!(out, "      note: {n}");
            }
        }
        out.push('\n');
        let _ = writeln!(out, "Skipped ({}):", report.skipped.len());
        for s in &report.skipped {
            let reason =
                serde_json::to_value(s.reason).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
            match &s.detail {
                Some(d) => {
                    let _ = writeln!(out, "  {}  {reason}: {d}", s.path);
                }
                None => {
                    let _ = writeln!(out, "  {}  {reason}", s.path);
                }
            }
        }
        out.push('\n');
    }
    if let (false, Some(p)) = (several, report.projects.first()) {
        scopes(&mut out, p, "");
    }
    for w in &report.warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    let s = &report.summary;
    let _ = writeln!(
        out,
        "{} in {} ({} scanned, {} skipped): {}, {}, {}, {} suppressed",
        count(s.calls, "call"),
        count(s.files_with_calls, "file"),
        count(s.files_scanned as usize, "file"),
        s.files_skipped,
        count(s.errors, "error"),
        count(s.warnings, "warning"),
        count(s.notes, "note"),
        s.suppressed
    );
    out
}
