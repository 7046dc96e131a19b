//! Audits for people and tools (`bc-scopes audit`).

use super::plan::{call_lines, call_ref, conflict_lines, notes, skipped, unresolved};
use super::text::count;
use crate::plan::{Audit, ExcessReason, FailOn, Finding};
use crate::Scope;
use serde::Serialize;
use std::fmt::Write as _;

/// An audit as `bc-scopes audit --json` prints it: the audit, the verdict and the warnings.
///
/// ```
/// use bigcommerce_scopes::plan::{Audit, CallList, FailOn};
/// use bigcommerce_scopes::{render::audit::AuditView, Scope, ScopeSet};
/// let granted: ScopeSet = [Scope::StoreV2OrdersReadOnly].into_iter().collect();
/// let a = Audit::new(&CallList::parse_args(&["GET /v2/orders".to_owned()]), &granted, None);
/// let v = serde_json::to_value(AuditView { audit: &a, fail_on: FailOn::Any, fails: false, warnings: &[] }).unwrap();
/// assert_eq!(v["fails"], false);
/// ```
#[derive(Debug, Serialize)]
pub struct AuditView<'a> {
    /// The audit.
    #[serde(flatten)]
    pub audit: &'a Audit,
    /// What makes it fail.
    pub fail_on: FailOn,
    /// Whether it fails.
    pub fails: bool,
    /// Warnings (unresolved calls, unknown granted scopes).
    pub warnings: &'a [String],
}

fn names(scopes: impl IntoIterator<Item = Scope>) -> String {
    let v: Vec<String> = scopes.into_iter().map(|s| format!("`{}`", s.name())).collect();
    if v.is_empty() {
        "none".to_owned()
    } else {
        v.join(", ")
    }
}

/// The warnings an audit gives: calls that could not be resolved, granted scopes no one knows.
///
/// ```
/// use bigcommerce_scopes::plan::{Audit, CallList};
/// use bigcommerce_scopes::{render::audit::warnings, ScopeSet};
/// let a = Audit::new(&CallList::parse_args(&["GET /v2/orders".to_owned()]), &ScopeSet::new(), None);
/// assert!(warnings(&a).is_empty());
/// ```
pub fn warnings(a: &Audit) -> Vec<String> {
    let mut out: Vec<String> = super::plan::unresolved_warning(a.unresolved.len()).into_iter().collect();
    if !a.unknown_granted.is_empty() {
        let listed: Vec<String> = a.unknown_granted.iter().map(|u| u.describe()).collect();
        out.push(match listed.as_slice() {
            [one] => format!("granted scope {one} is unknown and grants nothing (listed in the report)"),
            many => format!(
                "{} granted scopes are unknown and grant nothing: {} (listed in the report)",
                many.len(),
                many.join(", ")
            ),
        });
    }
    out
}

/// An audit for people, in Markdown: what was found, each kind of finding, the calls, the
/// recommended scopes and the verdict.
///
/// ```
/// use bigcommerce_scopes::plan::{Audit, CallList, FailOn};
/// use bigcommerce_scopes::{render::audit::human, Scope, ScopeSet};
/// let granted: ScopeSet = [Scope::StoreV2Orders].into_iter().collect();
/// let a = Audit::new(&CallList::parse_args(&["GET /v2/orders".to_owned()]), &granted, None);
/// assert!(human(&a, FailOn::Any, a.fails(FailOn::Any)).contains("Downgrades"));
/// ```
pub fn human(a: &Audit, fail_on: FailOn, fails: bool) -> String {
    let mut out = String::new();
    let mut found = Vec::new();
    for (n, one, many) in [
        (a.missing.iter().map(|m| m.calls.len()).sum::<usize>(), "missing call", "missing calls"),
        (a.excess.len(), "excess scope", "excess scopes"),
        (a.downgrades.len(), "downgrade", "downgrades"),
        (a.alternatives.len(), "broader scope", "broader scopes"),
        (a.conflicts.len(), "conflict", "conflicts"),
        (a.unresolved.len(), "unresolved call", "unresolved calls"),
        (a.unknown_granted.len(), "unknown granted scope", "unknown granted scopes"),
    ] {
        if n > 0 {
            found.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    let headline = if found.is_empty() { "clean".to_owned() } else { found.join(", ") };
    let _ = writeln!(out, "## Scope audit: {headline}\n");
    let _ = writeln!(out, "**Granted ({}):** {}\n", a.granted.len(), names(a.granted.iter()));
    if !a.implicit.is_empty() {
        let _ = writeln!(
            out,
            "**Granted by BigCommerce itself, not audited:** {} (no call needs them added and no account can drop them)\n",
            names(a.implicit.iter())
        );
    }
    match a.account_type {
        Some(t) => {
            let _ = writeln!(out, "**Account type:** {}-level (given)", t.as_str());
        }
        None if a.account_types.is_empty() => {
            let _ = writeln!(out, "**Account types that fit:** none (see the conflicts)");
        }
        None => {
            let fit: Vec<String> = a.account_types.iter().map(|t| format!("{}-level", t.as_str())).collect();
            let _ = writeln!(out, "**Account types that fit:** {}", fit.join(", "));
        }
    }

    if !a.missing.is_empty() {
        let _ = writeln!(out, "\n### Missing: calls the granted scopes do not authorize\n");
        for m in &a.missing {
            let replaces = m.replaces.map(|r| format!(" (replaces `{}`)", r.name())).unwrap_or_default();
            let _ = writeln!(out, "- add `{}`{replaces} for:", m.scope.name());
            for c in &m.calls {
                let _ = writeln!(out, "  - {}", call_ref(c));
            }
        }
    }
    if !a.excess.is_empty() {
        let _ = writeln!(out, "\n### Excess: granted scopes no call needs\n");
        for e in &a.excess {
            let why = match e.reason {
                ExcessReason::Unused => "no call needs it".to_owned(),
                ExcessReason::Redundant => {
                    format!("every call it authorizes is authorized by {}", names(e.covered_by.iter().copied()))
                }
            };
            let _ = writeln!(out, "- `{}`: {why}", e.scope.name());
        }
    }
    if !a.downgrades.is_empty() {
        let _ = writeln!(out, "\n### Downgrades: modify scopes where read-only would do\n");
        for d in &a.downgrades {
            let _ = writeln!(
                out,
                "- `{}` → `{}` ({} only read)",
                d.scope.name(),
                d.to.name(),
                count(d.calls.len(), "call")
            );
            for c in &d.calls {
                let _ = writeln!(out, "  - {}", call_ref(c));
            }
        }
    }
    if !a.alternatives.is_empty() {
        let _ = writeln!(out, "\n### Broader than needed\n");
        for alt in &a.alternatives {
            let _ = writeln!(
                out,
                "- `{}` authorizes these calls, whose least-privileged scope is {}:",
                alt.scope.name(),
                names(alt.instead.iter().copied())
            );
            for c in &alt.calls {
                let _ = writeln!(out, "  - {}", call_ref(c));
            }
        }
    }
    if !a.conflicts.is_empty() {
        let _ = writeln!(out, "\n### Account-type conflicts\n");
        conflict_lines(&mut out, &a.conflicts);
    }
    if !a.unknown_granted.is_empty() {
        let _ = writeln!(out, "\n### Unknown granted scopes\n");
        for u in &a.unknown_granted {
            let _ = writeln!(
                out,
                "- {}: no scope this knowledge base knows; it authorizes no call here, and whether the account needs it is not checked",
                u.describe()
            );
        }
    }
    if !a.unverified.is_empty() {
        let _ = writeln!(out, "\n### Not verified\n");
        for u in &a.unverified {
            let finding = match u.finding {
                Finding::Excess => "looks excess",
                Finding::Downgrade => "looks downgradable",
                Finding::Alternative => "looks broader than needed",
            };
            let _ = writeln!(out, "- `{}` {finding}, but {}", u.scope.name(), u.message);
        }
    }
    if !a.conditional.is_empty() {
        let _ = writeln!(out, "\n### Needed under a condition\n");
        for n in &a.conditional {
            let held = if n.held { "held" } else { "not held" };
            let calls: Vec<String> = n.calls.iter().map(call_ref).collect();
            let _ = writeln!(out, "- `{}` ({held}) when {}: {}", n.scope.name(), n.when, calls.join("; "));
        }
    }
    if !a.undetermined.is_empty() {
        let _ = writeln!(out, "\n### Scopes per query (not checked)\n");
        for c in &a.undetermined {
            let _ = writeln!(out, "- {}", call_ref(c));
        }
    }
    unresolved(&mut out, &a.unresolved);
    if found.is_empty() && a.undetermined.is_empty() && a.unverified.is_empty() && !a.calls.is_empty() {
        let _ = writeln!(out, "\nEvery call is authorized, and every granted scope is needed.");
    } else if !a.calls.is_empty() {
        let _ = writeln!(out, "\n### Calls\n");
        for c in &a.calls {
            call_lines(&mut out, c, false);
        }
    }
    if a.recommended != a.granted {
        let _ = writeln!(out, "\n**Recommended scopes ({}):** {}", a.recommended.len(), names(a.recommended.iter()));
    }
    skipped(&mut out, &a.skipped);
    notes(&mut out, &a.notes);
    let on = match fail_on {
        FailOn::Missing => "missing scopes",
        FailOn::Excess => "excess scopes",
        FailOn::MissingOrExcess => "missing or excess scopes",
        FailOn::Any => "any finding",
    };
    let verdict = if !a.unresolved.is_empty() {
        "incomplete: some calls could not be resolved".to_owned()
    } else if !a.unknown_granted.is_empty() {
        "incomplete: some granted scopes are unknown".to_owned()
    } else if fails {
        format!("fail (on {on})")
    } else {
        format!("pass (fails on {on})")
    };
    let _ = writeln!(out, "\n**Result:** {verdict}");
    out
}
