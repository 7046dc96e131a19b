//! Judging one project: plan its calls, audit them against its declared scopes, apply its
//! suppressions, and report the suppression comments that name no kind or suppress nothing.

use super::findings::{self, Finding, FindingKind, GrantedPositions, Position, Suppressed};
use super::model::{CallSite, ProjectReport};
use super::projects::ProjectConfig;
use super::syntax::suppress::Comment;
use crate::datafile::vocab::AccountType;
use crate::plan::Audit;
use crate::scope_set::ScopeSet;
use std::collections::BTreeMap;
use std::path::Path;

/// What the whole check decided for every project.
pub(crate) struct Settings<'a> {
    /// `--granted`, replacing each configuration's.
    pub granted: Option<&'a ScopeSet>,
    /// `--account-type`, replacing each configuration's.
    pub account_type: Option<AccountType>,
    /// The directory reported paths are relative to.
    pub root: &'a Path,
}

/// The calls of one project, and what the checker found in its files.
pub(crate) struct Input {
    pub calls: Vec<CallSite>,
    pub documents: Vec<Option<String>>,
    pub unfollowed: Vec<Finding>,
    /// Suppression comments by reported path, of this project's files and configuration.
    pub comments: BTreeMap<String, Vec<Comment>>,
    pub excess_judged: bool,
}

/// A judged project.
pub(crate) struct Judged {
    pub report: ProjectReport,
    pub calls: Vec<CallSite>,
    pub findings: Vec<Finding>,
    pub suppressed: Vec<Suppressed>,
    pub warnings: Vec<String>,
}

/// Whether a finding of `kind` depends on seeing every call of the project.
fn needs_whole_project(kind: FindingKind) -> bool {
    matches!(kind, FindingKind::Excess | FindingKind::Downgrade | FindingKind::Alternative)
}

pub(crate) fn judge(p: &ProjectConfig, s: &Settings<'_>, input: Input) -> Judged {
    let Input { mut calls, documents, unfollowed, comments, excess_judged } = input;
    let config = p.config.as_ref();
    let config_rel = config.and_then(|c| c.path.as_ref()).map(|f| super::walk::relative(s.root, f));
    let granted: Option<ScopeSet> = s
        .granted
        .cloned()
        .or_else(|| config.and_then(|c| c.granted.as_ref()).map(|g| g.iter().map(|e| e.scope).collect()));
    let account_type = s.account_type.or(config.and_then(|c| c.account_type));
    let mut warnings: Vec<String> = config.map(|c| c.warnings.clone()).unwrap_or_default();

    let (list, plan) = super::sites::plan(&mut calls, &documents, account_type);
    let mut found = findings::call_findings(&calls, &plan);
    found.extend(unfollowed);
    if let Some(granted) = &granted {
        let mut audit = Audit::new(&list, granted, account_type);
        if !excess_judged {
            audit.excess.clear();
            audit.downgrades.clear();
            audit.alternatives.clear();
        }
        let at = GrantedPositions { config: config.filter(|_| s.granted.is_none()), file: config_rel.as_deref() };
        found.extend(findings::scope_findings(&calls, &audit, &at));
    }
    found.sort_by(|a, b| a.key().cmp(&b.key()));
    let rel = |file: &str| super::walk::relative(&p.dir, &s.root.join(file));
    let applied = findings::suppress(found, &comments, config, &rel);
    for i in &applied.unused_rules {
        let file = config_rel.as_deref().unwrap_or(super::CONFIG_FILE);
        warnings.push(format!("[[ignore]] #{i} of {file} matches no finding"));
    }
    let evaluated =
        |k: FindingKind| !(granted.is_none() && k.needs_granted() || !excess_judged && needs_whole_project(k));
    let mut found = applied.kept;
    found.extend(comment_findings(&comments, &applied.used_comments, &evaluated));
    for f in &mut found {
        f.config.clone_from(&config_rel);
    }
    found.sort_by(|a, b| a.key().cmp(&b.key()));
    let mut suppressed = applied.suppressed;
    for sup in &mut suppressed {
        sup.finding.config.clone_from(&config_rel);
    }
    let report = ProjectReport {
        config: config_rel,
        dir: super::walk::relative(s.root, &p.dir),
        granted,
        account_type,
        needed_scopes: plan.scopes,
        account_types: plan.account_types.clone(),
        excess_judged,
        calls: calls.len(),
        findings: found.len(),
        notes: plan.notes.clone(),
        config_used: config.cloned(),
        dir_path: p.dir.clone(),
    };
    Judged { report, calls, findings: found, suppressed, warnings }
}

/// Suppression comments that name an unknown kind of finding, and those that suppressed
/// nothing where every kind they name was judged.
fn comment_findings(
    comments: &BTreeMap<String, Vec<Comment>>,
    used: &std::collections::BTreeSet<(String, u32)>,
    evaluated: &dyn Fn(FindingKind) -> bool,
) -> Vec<Finding> {
    let names: Vec<&str> = FindingKind::ALL.iter().map(|k| k.as_str()).chain(["all"]).collect();
    let mut out = Vec::new();
    for (file, cs) in comments {
        for c in cs {
            let at = Position { file: file.clone(), line: c.line as usize, column: 1 };
            let unknown: Vec<&String> = c.kinds.iter().filter(|k| !names.contains(&k.as_str())).collect();
            if !unknown.is_empty() {
                let mut suggestions = Vec::new();
                for k in &unknown {
                    suggestions
                        .extend(crate::suggest::nearest(k, names.iter().copied(), 1).into_iter().map(str::to_owned));
                }
                let list: Vec<String> = unknown.iter().map(|k| format!("`{k}`")).collect();
                let mut msg = format!(
                    "this `bc-scopes: ignore` comment names no kind of finding: {} (the kinds are {})",
                    list.join(", "),
                    names.join(", ")
                );
                if !suggestions.is_empty() {
                    msg = format!(
                        "{msg}; did you mean {}?",
                        suggestions.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
                    );
                }
                let mut f = Finding::new(FindingKind::Suppression, msg).at(Some(&at));
                f.suggestions = suggestions;
                out.push(f);
                continue;
            }
            let kinds: Vec<FindingKind> = if c.kinds.is_empty() || c.kinds.iter().any(|k| k == "all") {
                FindingKind::ALL.to_vec()
            } else {
                c.kinds.iter().filter_map(|k| FindingKind::parse(k)).collect()
            };
            if !used.contains(&(file.clone(), c.line)) && kinds.iter().all(|k| evaluated(*k)) {
                let msg =
                    "this `bc-scopes: ignore` comment suppresses nothing on its line or the next: remove it".to_owned();
                out.push(Finding::new(FindingKind::Suppression, msg).at(Some(&at)));
            }
        }
    }
    out
}
