//! Applying suppressions: comments beside a finding and `[[ignore]]` tables of the configuration.

use super::{Finding, Suppressed, Suppression};
use crate::check::config::{Config, IgnoreRule};
use crate::check::syntax::suppress::Comment;
use std::collections::{BTreeMap, BTreeSet};

/// What [`suppress`] gives: the findings reported and suppressed, the `[[ignore]]` tables that
/// matched nothing, and the comments that suppressed something (file, line).
pub(crate) struct Applied {
    pub kept: Vec<Finding>,
    pub suppressed: Vec<Suppressed>,
    pub unused_rules: Vec<usize>,
    pub used_comments: BTreeSet<(String, u32)>,
}

/// Split findings into reported and suppressed. `comments` holds each file's suppression
/// comments (the configuration file's among them); `rel` turns a reported path into one
/// relative to the configuration's directory, which `[[ignore]]` paths are relative to.
pub(crate) fn suppress(
    findings: Vec<Finding>,
    comments: &BTreeMap<String, Vec<Comment>>,
    config: Option<&Config>,
    rel: &dyn Fn(&str) -> String,
) -> Applied {
    let rules: Vec<(&IgnoreRule, Option<globset::GlobMatcher>)> = config
        .map(|c| {
            c.ignore
                .iter()
                .map(|r| (r, r.path.as_deref().and_then(|p| globset::Glob::new(p).ok()).map(|g| g.compile_matcher())))
                .collect()
        })
        .unwrap_or_default();
    let mut used = vec![false; rules.len()];
    let mut used_comments = BTreeSet::new();
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
                    used_comments.insert((file.clone(), c.line));
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
                (Some(g), Some(file)) => g.is_match(rel(file)),
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
    let unused_rules = rules.iter().zip(&used).filter(|(_, u)| !**u).map(|((r, _), _)| r.index).collect();
    Applied { kept, suppressed, unused_rules, used_comments }
}
