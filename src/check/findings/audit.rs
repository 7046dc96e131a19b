//! Findings from the plan and the audit of the calls found: calls that cannot be resolved or
//! whose method is unknown, scopes missing, excess, broader than needed, or in conflict.

use super::{Finding, FindingKind, Position};
use crate::check::config::Config;
use crate::check::model::CallSite;
use crate::error::ErrorKind;
use crate::plan::{Audit, CallRef, ConflictKind, ExcessReason, Location, Need, Plan};
use crate::tables::Scope;

/// The call site of a plan location (each call site is one call; its location is its index,
/// 1-based).
fn site(loc: &Location) -> Option<usize> {
    match loc {
        Location::Line(n) => Some(n - 1),
        _ => None,
    }
}

/// The positions of the call sites behind some planned calls, sorted and without repeats.
fn related(calls: &[CallSite], refs: &[CallRef]) -> Vec<Position> {
    let mut v: Vec<Position> = refs
        .iter()
        .flat_map(|r| r.locations.iter())
        .filter_map(|l| site(l).and_then(|i| calls.get(i)).map(CallSite::position))
        .collect();
    v.sort();
    v.dedup();
    v
}

fn names(scopes: &[Scope]) -> String {
    let v: Vec<String> = scopes.iter().map(|s| format!("`{}`", s.name())).collect();
    v.join(", ")
}

/// A finding about one call site.
fn at_call(kind: FindingKind, msg: String, c: &CallSite) -> Finding {
    let mut f = Finding::new(kind, msg).at(Some(&c.position()));
    f.method = c.method;
    f.target = Some(c.target.clone());
    f.route = c.route;
    f.via = (c.via.kind != crate::check::model::ViaKind::Literal).then(|| c.via.clone());
    f
}

/// Findings about the calls themselves: unknown routes, GraphQL requests whose document the code
/// does not hold, methods the code does not state.
pub(crate) fn call_findings(calls: &[CallSite], plan: &Plan) -> Vec<Finding> {
    let mut findings = Vec::new();
    for u in &plan.unresolved {
        let Some(c) = site(&u.location).and_then(|i| calls.get(i)) else { continue };
        let msg = if u.kind == ErrorKind::UnknownEndpoint {
            format!("{} {} matches no documented route", c.effective_method(), c.resolved_target)
        } else {
            format!("{} {} cannot be resolved: {}", c.effective_method(), c.resolved_target, u.message)
        };
        let mut f = at_call(FindingKind::UnknownRoute, msg, c);
        f.suggestions = u.suggestions.clone();
        findings.push(f);
    }
    for pc in plan.calls.iter().filter(|pc| pc.requirement == Need::PerQuery) {
        for c in pc.locations.iter().filter_map(|l| site(l).and_then(|i| calls.get(i))) {
            let msg = match &c.graphql {
                Some(_) => format!(
                    "{} request: the docs tie some fields of its document to no scope (see the notes); their scopes are not counted",
                    pc.api.info().name
                ),
                None => format!(
                    "{} request: the scopes it needs depend on the GraphQL document, which the code does not hold where the request is sent",
                    pc.api.info().name
                ),
            };
            let mut f = at_call(FindingKind::PerQuery, msg, c);
            f.route = Some(pc.route);
            findings.push(f);
        }
    }
    for c in calls.iter().filter(|c| c.method.is_none() && c.route.is_some()) {
        let assumed = c.effective_method();
        let msg = format!(
            "the code does not state the method of this call to {}: counted as {assumed}, the strongest requirement among the route's documented methods",
            c.route.unwrap_or_default()
        );
        findings.push(at_call(FindingKind::MethodUnknown, msg, c));
    }
    findings
}

/// Where the configuration declares a scope (none when the scopes came from the command line).
pub(crate) struct GrantedPositions<'a> {
    /// The configuration, if its `granted` list is the one used.
    pub config: Option<&'a Config>,
    /// Its path relative to the root.
    pub file: Option<&'a str>,
}

impl GrantedPositions<'_> {
    fn of(&self, s: Scope) -> Option<Position> {
        let e = self.config?.granted.as_ref()?.iter().find(|e| e.scope == s)?;
        Some(Position { file: self.file?.to_owned(), line: e.line, column: e.column })
    }
}

/// Findings of the audit of the declared scopes against the calls.
pub(crate) fn scope_findings(calls: &[CallSite], audit: &Audit, granted: &GrantedPositions<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for m in &audit.missing {
        for r in &m.calls {
            for c in r.locations.iter().filter_map(|l| site(l).and_then(|i| calls.get(i))) {
                let method = c.effective_method();
                // The call's own least-privileged scope first (a GET's read-only one), with the
                // broader scope the plan adds for other calls as an alternative.
                let own = c.least_privileged.filter(|l| *l != m.scope && m.scope.satisfies(*l));
                let needs = own.unwrap_or(m.scope);
                let mut msg = format!("{method} {} needs `{}`, which is not granted", r.route, needs.name());
                if own.is_some() {
                    msg.push_str(&format!(" (or `{}`, which other calls need and which covers it)", m.scope.name()));
                }
                if let Some(old) = m.replaces {
                    msg.push_str(&format!(" (it would replace `{}`)", old.name()));
                }
                if c.method.is_none() {
                    msg.push_str(&format!(
                        "; the method is not clear from the code, so {method} was assumed (the strongest requirement among the route's documented methods)"
                    ));
                }
                let mut f = at_call(FindingKind::Missing, msg, c);
                f.scope = Some(needs);
                f.route = Some(r.route);
                f.suggestions = own.iter().chain([&m.scope]).map(|s| s.name().to_owned()).collect();
                findings.push(f);
            }
        }
    }
    for e in &audit.excess {
        let msg = match e.reason {
            ExcessReason::Unused => format!("`{}` is granted, but no call found in the code needs it", e.scope.name()),
            ExcessReason::Redundant => format!(
                "`{}` is granted, but every call it authorizes is authorized by {}",
                e.scope.name(),
                names(&e.covered_by)
            ),
        };
        let mut f = Finding::new(FindingKind::Excess, msg).at(granted.of(e.scope).as_ref());
        f.scope = Some(e.scope);
        findings.push(f);
    }
    for d in &audit.downgrades {
        let msg =
            format!("`{}` is granted, but the calls that use it only read: `{}` would do", d.scope.name(), d.to.name());
        let mut f = Finding::new(FindingKind::Downgrade, msg).at(granted.of(d.scope).as_ref());
        f.scope = Some(d.scope);
        f.suggestions = vec![d.to.name().to_owned()];
        f.related = related(calls, &d.calls);
        findings.push(f);
    }
    for a in &audit.alternatives {
        let msg = format!(
            "`{}` is granted only as a broader alternative: {} would do for the calls that use it",
            a.scope.name(),
            names(&a.instead)
        );
        let mut f = Finding::new(FindingKind::Alternative, msg).at(granted.of(a.scope).as_ref());
        f.scope = Some(a.scope);
        f.suggestions = a.instead.iter().map(|s| s.name().to_owned()).collect();
        f.related = related(calls, &a.calls);
        findings.push(f);
    }
    for c in &audit.conflicts {
        let places = related(calls, &c.calls);
        let at = match (c.kind, c.scope) {
            (ConflictKind::ScopeNotHoldable, Some(s)) => granted.of(s),
            _ => places.first().cloned(),
        };
        let mut f = Finding::new(FindingKind::Conflict, c.message.clone()).at(at.as_ref());
        f.scope = c.scope;
        f.related = places.into_iter().skip(usize::from(c.kind != ConflictKind::ScopeNotHoldable)).collect();
        findings.push(f);
    }
    for n in audit.conditional.iter().filter(|n| !n.held) {
        let places = related(calls, &n.calls);
        let msg = format!("`{}` is not declared, and these calls need it when {}", n.scope.name(), n.when);
        let mut f = Finding::new(FindingKind::Conditional, msg).at(places.first());
        f.scope = Some(n.scope);
        f.suggestions = vec![n.scope.name().to_owned()];
        f.related = places.into_iter().skip(1).collect();
        findings.push(f);
    }
    findings
}
