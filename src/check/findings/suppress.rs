//! Applying suppressions: comments beside a finding and `[[ignore]]` tables of the configuration.

use super::{Finding, Suppressed, Suppression};
use crate::check::config::{Config, IgnoreRule};
use crate::check::syntax::suppress::Comment;
use std::collections::BTreeMap;

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
