//! `bc-scopes plan [CALLS...] [--from FILE|-] [--har FILE] [--account-type T]`: the least-privilege
//! scope set for a set of calls. Also the call input shared with `audit`, and the Markdown helpers
//! of both reports.

use super::output;
use super::{CliError, Ctx, Success, EXIT_USAGE};
use bigcommerce_scopes::plan::{
    AccountTypeFit, CallList, CallRef, Conflict, Location, Need, Plan, PlannedCall, SkipReason, Skipped, Unresolved,
};
use bigcommerce_scopes::{AccountType, AuthScheme, Confidence, Scope};
use serde::Serialize;
use std::fmt::Write as _;
use std::io::Read;

/// Where the calls come from (shared by `plan` and `audit`).
#[derive(Debug, clap::Args)]
pub(crate) struct CallArgs {
    /// Calls: "METHOD TARGET" strings, or a method and a target as two arguments
    #[arg(value_name = "CALLS")]
    calls: Vec<String>,
    /// Read calls from a file: one `METHOD TARGET` per line, `#` comments (`-` for standard input)
    #[arg(long, value_name = "FILE")]
    from: Option<String>,
    /// Read calls from a HAR file (recorded traffic): every request to a BigCommerce API
    #[arg(long, value_name = "FILE")]
    har: Option<String>,
    /// The kind of API account (store, app, account or legacy): report what it cannot hold or call
    #[arg(long, value_name = "TYPE")]
    account_type: Option<String>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: CallArgs,
}

impl CallArgs {
    /// Read every source of calls; an unreadable file or a missing source is an error.
    pub(crate) fn read(&self) -> Result<(CallList, Option<AccountType>), CliError> {
        let account_type = self.account_type.as_deref().map(AccountType::parse).transpose()?;
        if self.calls.is_empty() && self.from.is_none() && self.har.is_none() {
            return Err(CliError::input(
                "no calls given: pass \"METHOD TARGET\" arguments, --from FILE (- for standard input) or --har FILE",
            ));
        }
        let mut list = CallList::parse_args(&self.calls);
        if let Some(path) = &self.from {
            // `GRAPHQL api FILE` lines name documents beside the calls file (standard input: the
            // current folder).
            let dir = if path == "-" { None } else { std::path::Path::new(path).parent() };
            list.extend(CallList::parse_calls_in(&read_text(path)?, dir.unwrap_or(std::path::Path::new(""))));
        }
        if let Some(path) = &self.har {
            list.extend(read_har(path)?);
        }
        if list.is_empty() {
            let skipped: usize = list.skipped.iter().map(|s| s.count).sum();
            let detail = match skipped {
                0 => String::new(),
                1 => " (1 HAR entry skipped)".to_owned(),
                n => format!(" ({n} HAR entries skipped)"),
            };
            return Err(CliError::input(format!("no call to a BigCommerce API found in the input{detail}")));
        }
        Ok((list, account_type))
    }
}

/// The calls of a HAR file (standard input for `-`), parsed as it is read: recordings are mostly
/// response bodies, which are skipped without being held in memory.
fn read_har(path: &str) -> Result<CallList, CliError> {
    let result = if path == "-" {
        CallList::from_har_reader(std::io::stdin().lock())
    } else {
        // `from_har_reader` reads through a buffer of its own.
        let file = std::fs::File::open(path).map_err(|e| CliError::input(format!("cannot read {path}: {e}")))?;
        CallList::from_har_reader(file)
    };
    let shown = if path == "-" { "standard input" } else { path };
    result.map_err(|e| CliError::input(format!("{shown}: {}", e.message())))
}

/// A file's text, or standard input for `-`.
pub(crate) fn read_text(path: &str) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes))
    };
    let shown = if path == "-" { "standard input" } else { path };
    result.map_err(|e| CliError::input(format!("cannot read {shown}: {e}")))?;
    String::from_utf8(bytes).map_err(|_| CliError::input(format!("{shown} is not UTF-8 text")))
}

/// `plan --json`: the plan and the warnings.
#[derive(Serialize)]
struct PlanJson<'a> {
    #[serde(flatten)]
    plan: &'a Plan,
    warnings: &'a [String],
}

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let json = ctx.json;
    let (list, account_type) = args.input.read()?;
    let plan = Plan::new(&list, account_type);
    let mut warnings = Vec::new();
    if !plan.unresolved.is_empty() {
        warnings.push(format!(
            "{} could not be resolved (listed in the report)",
            output_count(plan.unresolved.len(), "call")
        ));
    }
    let stdout = if json { output::json(&PlanJson { plan: &plan, warnings: &warnings }) } else { human(&plan) };
    let status = if plan.unresolved.is_empty() { 0 } else { EXIT_USAGE };
    Ok(Success::exit(stdout, warnings, status))
}

fn human(p: &Plan) -> String {
    let mut out = String::new();
    let requests: usize = p.calls.iter().map(|c| c.locations.len()).sum();
    let _ = writeln!(
        out,
        "## Scope plan: {} for {} ({})\n",
        output_count(p.scopes.len(), "scope"),
        output_count(p.calls.len(), "operation"),
        output_count(requests, "request")
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
            let _ = writeln!(out, "- {} ({}): {}", a.name, output_count(a.calls, "operation"), a.explanation);
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
            let _ = writeln!(
                out,
                "\n**Account type given:** {}-level: {}",
                t.as_str(),
                output_count(conflicts.len(), "conflict")
            );
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

/// `1 call`, `3 calls`.
pub(crate) fn output_count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
