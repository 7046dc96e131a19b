//! `--suggest`: the minimal `bc-scopes.toml` for the calls found.

use crate::check::{update_config, GrantedEntry, Report};
use crate::render::text::count;
use std::fmt::Write;

/// `check --suggest --json`: the suggested configuration and the needed scopes.
///
/// ```
/// use bigcommerce_scopes::{check::report::SuggestView, ScopeSet};
/// let v = serde_json::to_value(SuggestView { config: "granted = []\n", needed_scopes: &ScopeSet::new() }).unwrap();
/// assert_eq!(v["config"], "granted = []\n");
/// ```
#[derive(Debug, serde::Serialize)]
pub struct SuggestView<'a> {
    /// The configuration text.
    pub config: &'a str,
    /// The scopes the code needs.
    pub needed_scopes: &'a crate::ScopeSet,
}

/// The minimal configuration of each project: its configuration file with `granted` set to the
/// needed scopes (each with the first call that needs it) and every other key, table and comment
/// kept; or, where there is none, a new one. With several projects, each file follows a
/// `# ==> path <==` line.
///
/// ```
/// # let dir = tempfile::tempdir().unwrap();
/// # std::fs::write(dir.path().join("a.py"), "requests.get(f\"https://api.bigcommerce.com/stores/{h}/v2/orders\")\n").unwrap();
/// use bigcommerce_scopes::check::{check, report, Config, Options};
/// let mut o = Options::new([dir.path()]);
/// o.relative_to = Some(dir.path().to_path_buf());
/// let text = report::suggest(&check(&o).unwrap());
/// assert!(text.contains("\"store_v2_orders_read_only\",  # GET /stores/{store_hash}/v2/orders (a.py:1)"), "{text}");
/// assert!(Config::parse(&text, None).is_ok());
/// ```
pub fn suggest(report: &Report) -> String {
    if report.projects.len() == 1 {
        return suggest_for(report, 0);
    }
    let mut out = String::new();
    for (i, p) in report.projects.iter().enumerate() {
        let name = p.config.clone().unwrap_or_else(|| format!("{}/{}", p.dir, crate::check::CONFIG_FILE));
        let _ = writeln!(out, "# ==> {name} <==");
        out.push_str(&suggest_for(report, i));
        out.push('\n');
    }
    out
}

/// The configuration file of project `index` of the report, with `granted` set to its needed
/// scopes (see [`suggest`]).
pub fn suggest_for(report: &Report, index: usize) -> String {
    let Some(project) = report.projects.get(index) else { return String::new() };
    let calls: Vec<&crate::check::CallSite> = report.calls.iter().filter(|c| c.project == index).collect();
    let entries: Vec<GrantedEntry> = project
        .needed_scopes
        .iter()
        .map(|s| {
            let first = calls.iter().find(|c| c.least_privileged == Some(s)).or_else(|| {
                calls.iter().find(|c| {
                    c.route.is_some()
                        && crate::Route::all().iter().any(|r| {
                            Some(r.template) == c.route
                                && r.operation(c.effective_method())
                                    .is_some_and(|o| o.accepted.iter().any(|a| s.satisfies(*a)))
                        })
                })
            });
            let why = first
                .map(|c| {
                    let file = crate::check::walk::relative(&project.dir_path, &report.root.join(&c.file));
                    format!("{} {} ({file}:{})", c.effective_method(), c.route.unwrap_or(""), c.line)
                })
                .unwrap_or_default();
            GrantedEntry { name: s.name().to_owned(), why }
        })
        .collect();
    // A granted scope whose excess the project accepts (`[[ignore]]`, a comment) stays granted.
    let mut entries = entries;
    let accepted = report
        .suppressed
        .iter()
        .filter(|s| s.finding.kind == crate::check::FindingKind::Excess && s.finding.config == project.config);
    for s in accepted {
        if let Some(scope) = s.finding.scope.filter(|sc| !project.needed_scopes.contains(*sc)) {
            let why = match &s.suppression {
                crate::check::Suppression::Config { index, .. } => format!("accepted excess: [[ignore]] #{index}"),
                crate::check::Suppression::Comment { .. } => {
                    "accepted excess: a `bc-scopes: ignore` comment".to_owned()
                }
            };
            entries.push(GrantedEntry { name: scope.name().to_owned(), why });
        }
    }
    let account_type = project.account_type.map(|t| t.as_str());
    let existing =
        project.config_used.as_ref().and_then(|c| c.path.as_ref()).and_then(|p| std::fs::read_to_string(p).ok());
    if let Some(text) = existing {
        if let Ok(updated) = update_config(&text, &entries, account_type) {
            return updated;
        }
    }
    let files = calls.iter().map(|c| c.file.as_str()).collect::<std::collections::BTreeSet<_>>().len();
    let mut head = String::new();
    let _ =
        writeln!(head, "# bc-scopes.toml: the least-privileged OAuth scopes for the BigCommerce calls in this code");
    let _ = writeln!(
        head,
        "# (written by `bc-scopes check` from {} in {}).",
        count(calls.len(), "call"),
        count(files, "file")
    );
    let mut out = update_config(&head, &entries, account_type).unwrap_or(head);
    if project.account_type.is_none() && !project.account_types.is_empty() && !calls.is_empty() {
        let types: Vec<&str> = project.account_types.iter().map(|t| t.as_str()).collect();
        let _ = writeln!(out, "# account_type: one of {} can hold these scopes and make these calls", types.join(", "));
    }
    out
}
