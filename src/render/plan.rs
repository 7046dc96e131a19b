//! Plans for people and tools (`bc-scopes plan`), and the Markdown pieces plans and audits share.

use super::text::count;
use crate::plan::{
    AccountTypeFit, CallRef, Conflict, Location, Need, Plan, PlannedCall, SkipReason, Skipped, Unresolved,
};
use crate::{AccountType, AuthScheme, Confidence, Scope};
use serde::Serialize;
use std::fmt::Write as _;

/// A plan as `bc-scopes plan --json` prints it: the plan and the warnings.
///
/// ```
/// use bigcommerce_scopes::{plan::{CallList, Plan}, render::plan::PlanView};
/// let plan = Plan::new(&CallList::parse_args(&["GET /v2/orders".to_owned()]), None);
/// let v = serde_json::to_value(PlanView { plan: &plan, warnings: &[] }).unwrap();
/// assert_eq!(v["scopes"][0], "store_v2_orders_read_only");
/// ```
#[derive(Debug, Serialize)]
pub struct PlanView<'a> {
    /// The plan.
    #[serde(flatten)]
    pub plan: &'a Plan,
    /// Warnings (calls that could not be resolved).
    pub warnings: &'a [String],
}

/// The warnings a plan gives (calls that could not be resolved).
///
/// ```
/// use bigcommerce_scopes::plan::{CallList, Plan};
/// let plan = Plan::new(&CallList::parse_args(&["GET /v3/nope".to_owned()]), None);
/// assert_eq!(bigcommerce_scopes::render::plan::warnings(&plan), ["1 call could not be resolved (listed in the report)"]);
/// ```
pub fn warnings(p: &Plan) -> Vec<String> {
    unresolved_warning(p.unresolved.len()).into_iter().collect()
}

/// `N calls could not be resolved`, for plans and audits alike.
pub(crate) fn unresolved_warning(n: usize) -> Option<String> {
    (n > 0).then(|| format!("{} could not be resolved (listed in the report)", count(n, "call")))
}

/// A plan for people, in Markdown: the scopes, the account types, each call, authentication,
/// what could not be resolved, skipped HAR entries and notes.
///
/// ```
/// use bigcommerce_scopes::plan::{CallList, Plan};
/// let plan = Plan::new(&CallList::parse_args(&["GET /v2/orders".to_owned()]), None);
/// assert!(bigcommerce_scopes::render::plan::human(&plan).contains("`store_v2_orders_read_only`"));
/// ```
pub fn human(p: &Plan) -> String {
    let mut out = String::new();
    let requests: usize = p.calls.iter().map(|c| c.locations.len()).sum();
    let _ = writeln!(
        out,
        "## Scope plan: {} for {} ({})\n",
        count(p.scopes.len(), "scope"),
        count(p.calls.len(), "operation"),
        count(requests, "request")
    );
    if p.scopes.is_empty() {
        out.push_str("No OAuth scope is needed beyond the default scope.\n");
    } else {
        for s in p.scopes.iter() {
            let _ = writeln!(out, "- {}", scope_line(s));
        }
    }
    out.push('\n');
    account_types(&mut out, &p.account_types, &p.account_type_fit, p.account_type, &p.conflicts);

    if !p.calls.is_empty() {
        let _ = writeln!(out, "\n### Calls\n");
        for c in &p.calls {
            call_lines(&mut out, c, true);
        }
    }
    if !p.auth_schemes.is_empty() {
        let _ = writeln!(out, "\n### Authentication\n");
        for a in &p.auth_schemes {
            let _ = writeln!(out, "- {} ({}): {}", a.name, count(a.calls, "operation"), a.explanation);
        }
    }
    unresolved(&mut out, &p.unresolved);
    skipped(&mut out, &p.skipped);
    notes(&mut out, &p.notes);
    out
}

/// `` `store_v2_orders` (Orders, modify) ``
pub(crate) fn scope_line(s: Scope) -> String {
    let info = s.info();
    format!("`{}` ({}, {})", info.name, info.ui_name, info.permission)
}

/// The account-type paragraph (and the conflicts of the type asked about).
pub(crate) fn account_types(
    out: &mut String,
    fitting: &[AccountType],
    fit: &[AccountTypeFit],
    asked: Option<AccountType>,
    conflicts: &[Conflict],
) {
    if fitting.is_empty() {
        let _ = writeln!(
            out,
            "**Account types:** none: no single kind of API account fits; split the calls across API accounts."
        );
        for f in fit.iter().filter(|f| !f.summary.is_empty()) {
            let _ = writeln!(out, "- {}", f.summary);
        }
    } else {
        let names: Vec<String> = fitting.iter().map(|t| format!("{}-level", t.as_str())).collect();
        let _ = writeln!(out, "**Account types:** {}", names.join(", "));
    }
    if let Some(t) = asked {
        if conflicts.is_empty() {
            let _ = writeln!(out, "\n**Account type given:** {}-level: no conflict", t.as_str());
        } else {
            let _ =
                writeln!(out, "\n**Account type given:** {}-level: {}", t.as_str(), count(conflicts.len(), "conflict"));
            conflict_lines(out, conflicts);
        }
    }
}

pub(crate) fn conflict_lines(out: &mut String, conflicts: &[Conflict]) {
    for c in conflicts {
        let _ = writeln!(out, "- {}", c.message);
        for r in &c.calls {
            let _ = writeln!(out, "  - {}", call_ref(r));
        }
    }
}

/// One call, with what it needs and sub-bullets for what a reviewer should know.
pub(crate) fn call_lines(out: &mut String, c: &PlannedCall, planned: bool) {
    let needs = match c.requirement {
        Need::Scope => match (c.authorized_by, c.least_privileged) {
            (Some(by), Some(least)) if by != least => format!("`{}` (least privileged: `{}`)", by.name(), least.name()),
            (Some(by), _) => format!("`{}`", by.name()),
            (None, Some(least)) if planned => format!("`{}`", least.name()),
            (None, Some(least)) => format!("missing (least privileged: `{}`)", least.name()),
            (None, None) => "a scope".to_owned(),
        },
        Need::DefaultScope => "default scope (every API account has it)".to_owned(),
        Need::None => match c.auth_scheme {
            AuthScheme::SameOriginCors => "no scope (same-origin browser session)".to_owned(),
            AuthScheme::ClientIdQuery => "no scope (app client ID)".to_owned(),
            _ => format!("no scope ({})", c.auth_scheme.info().name),
        },
        Need::PerQuery => "scopes per query (not determinable from the URL)".to_owned(),
    };
    let _ = writeln!(out, "- `{} {}` → {} ({})", c.method, c.route, needs, locations(&c.locations));
    let alternatives: Vec<String> = c
        .accepted
        .iter()
        .filter(|s| Some(**s) != c.least_privileged && Some(**s) != c.authorized_by)
        .filter(|s| !c.least_privileged.is_some_and(|l| s.implies().contains(&l)))
        .map(|s| format!("`{}`", s.name()))
        .collect();
    if !alternatives.is_empty() {
        let _ = writeln!(out, "  - also accepted: {}", alternatives.join(", "));
    }
    for x in &c.conditional {
        let _ = writeln!(out, "  - also needs `{}` when {}", x.scope.name(), x.when);
    }
    if c.legacy {
        let _ = writeln!(
            out,
            "  - legacy store-domain URL (HTTP basic auth): move to {} with X-Auth-Token",
            c.oauth_urls.first().map_or("https://api.bigcommerce.com/stores/{store_hash}/v2/...", String::as_str)
        );
    }
    if c.deprecated {
        let _ = writeln!(out, "  - deprecated in the OpenAPI spec");
    }
    if c.confidence == Some(Confidence::Inferred) {
        let _ = writeln!(out, "  - requirement inferred (the spec names several scope families)");
    }
}

/// `` `GET /stores/{store_hash}/v2/orders` (line 3) ``
pub(crate) fn call_ref(r: &CallRef) -> String {
    format!("`{} {}` ({})", r.method, r.route, locations(&r.locations))
}

/// `lines 1, 4`, `argument 2`, `log.entries[3], [9]`, shortened past eight.
pub(crate) fn locations(locs: &[Location]) -> String {
    let mut parts = Vec::new();
    for kind in 0..3 {
        let nums: Vec<usize> = locs
            .iter()
            .filter_map(|l| match (l, kind) {
                (Location::Argument(n), 0) | (Location::Line(n), 1) | (Location::HarEntry(n), 2) => Some(*n),
                _ => None,
            })
            .collect();
        if nums.is_empty() {
            continue;
        }
        let mut shown: Vec<String> =
            nums.iter().take(8).map(|n| if kind == 2 { format!("[{n}]") } else { n.to_string() }).collect();
        if nums.len() > 8 {
            shown.push(format!("… {} in all", nums.len()));
        }
        let lead = match (kind, nums.len()) {
            (0, 1) => "argument ",
            (0, _) => "arguments ",
            (1, 1) => "line ",
            (1, _) => "lines ",
            _ => "log.entries",
        };
        parts.push(format!("{lead}{}", shown.join(", ")));
    }
    parts.join("; ")
}

pub(crate) fn unresolved(out: &mut String, list: &[Unresolved]) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n### Unresolved ({})\n", list.len());
    for u in list {
        let shown = if u.input.is_empty() { String::new() } else { format!("`{}`: ", u.input) };
        let hint = did_you_mean(&u.suggestions);
        let _ = writeln!(out, "- {}: {shown}{}{hint}", u.location, u.message);
    }
}

/// ` (did you mean `a`, `b` or `c`?)`, as the errors say it; empty without suggestions.
fn did_you_mean(suggestions: &[String]) -> String {
    let quoted: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => format!(" (did you mean {last}?)"),
        Some((last, rest)) => format!(" (did you mean {} or {last}?)", rest.join(", ")),
    }
}

pub(crate) fn skipped(out: &mut String, list: &[Skipped]) {
    if list.is_empty() {
        return;
    }
    let total: usize = list.iter().map(|s| s.count).sum();
    let _ = writeln!(out, "\n### Skipped HAR entries ({total})\n");
    for s in list {
        let why = match s.reason {
            SkipReason::NotBigcommerceApi => "not a BigCommerce API request",
            SkipReason::Preflight => "CORS preflight",
            SkipReason::NotHttp => "not http(s)",
            SkipReason::ProviderCallback => "provider callback",
            SkipReason::ForeignGraphql => "GraphQL on a host that serves no BigCommerce storefront route",
        };
        let host = if s.host.is_empty() { "(no host)" } else { s.host.as_str() };
        let _ = writeln!(out, "- {host}: {} ({why})", s.count);
    }
}

pub(crate) fn notes(out: &mut String, notes: &[String]) {
    if notes.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n### Notes\n");
    for n in notes {
        let _ = writeln!(out, "- {n}");
    }
}
