//! `bc-scopes audit --granted ... [CALLS...] [--from FILE|-] [--har FILE] [--fail-on ...]`: the
//! scopes an account holds against the calls it makes.
//!
//! Exit status: 0 when clean, 1 when the audit finds what `--fail-on` names (default: missing or
//! excess scopes), 2 on bad input (including calls that cannot be resolved, and names in a token
//! response file that are no known scope; the report is still printed).
//!
//! Names typed in `--granted` (or a plain list file) must be known scopes: a typo is an error with
//! the nearest names. A token response file (JSON) is what BigCommerce granted: a name there that
//! this knowledge base does not know yet is listed in the report with the nearest names, authorizes
//! nothing, and makes the audit incomplete instead of stopping it.

use super::plan::{
    call_lines, call_ref, conflict_lines, notes, output_count, read_text, skipped, unresolved, CallArgs,
};
use super::{output, CliError, Ctx, Success, EXIT_USAGE};
use bigcommerce_scopes::plan::{parse_granted, Audit, ExcessReason, FailOn, Finding};
use bigcommerce_scopes::{Scope, ScopeSet};
use serde::Serialize;
use std::fmt::Write as _;

/// Exit status when the audit finds what `--fail-on` names.
const EXIT_FINDINGS: i32 = 1;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Granted scopes: "a b c" or a,b,c (repeatable)
    #[arg(long, value_name = "SCOPES")]
    granted: Vec<String>,
    /// Read granted scopes from a file: an OAuth token response (its `scope` string; unknown names
    /// are reported, not fatal) or a scope list
    #[arg(long, value_name = "FILE")]
    granted_file: Option<String>,
    /// What makes the audit exit with status 1 [default: missing or excess]
    #[arg(long, value_name = "WHAT", value_enum)]
    fail_on: Option<FailOnArg>,
    #[command(flatten)]
    input: CallArgs,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum FailOnArg {
    /// Calls the granted scopes do not authorize
    Missing,
    /// Granted scopes no call needs
    Excess,
    /// Any finding: missing, excess, downgrades, broader alternatives, account-type conflicts
    Any,
}

/// `audit --json`: the audit, the warnings and the verdict.
#[derive(Serialize)]
struct AuditJson<'a> {
    #[serde(flatten)]
    audit: &'a Audit,
    fail_on: FailOn,
    fails: bool,
    warnings: &'a [String],
}

pub(crate) fn run(args: &Args, ctx: &Ctx) -> Result<Success, CliError> {
    let json = ctx.json;
    if args.granted.is_empty() && args.granted_file.is_none() {
        return Err(CliError::input("audit needs the granted scopes: --granted \"a b c\" or --granted-file FILE"));
    }
    let mut granted = ScopeSet::new();
    let mut warnings = Vec::new();
    let mut unknown = Vec::new();
    for g in &args.granted {
        let parsed = ScopeSet::parse_list(g)?;
        granted = granted.iter().chain(parsed.scopes.iter()).collect();
        warnings.extend(parsed.warnings);
    }
    if let Some(path) = &args.granted_file {
        let parsed = parse_granted(&read_text(path)?).map_err(|e| {
            let mut err = CliError::from(e);
            err.message = format!("{path}: {}", err.message);
            err.human = format!("error: {path}: {}", err.human.trim_start_matches("error: "));
            err
        })?;
        granted = granted.iter().chain(parsed.scopes.iter()).collect();
        warnings.extend(parsed.warnings);
        unknown = parsed.unknown;
    }
    let (list, account_type) = args.input.read()?;
    let audit = Audit::new(&list, &granted, account_type).with_unknown_granted(unknown);
    let fail_on = match args.fail_on {
        None => FailOn::MissingOrExcess,
        Some(FailOnArg::Missing) => FailOn::Missing,
        Some(FailOnArg::Excess) => FailOn::Excess,
        Some(FailOnArg::Any) => FailOn::Any,
    };
    let fails = audit.fails(fail_on);
    if !audit.unresolved.is_empty() {
        warnings.push(format!(
            "{} could not be resolved (listed in the report)",
            output_count(audit.unresolved.len(), "call")
        ));
    }
    if !audit.unknown_granted.is_empty() {
        let listed: Vec<String> = audit.unknown_granted.iter().map(|u| u.describe()).collect();
        warnings.push(match listed.as_slice() {
            [one] => format!("granted scope {one} is unknown and grants nothing (listed in the report)"),
            many => format!(
                "{} granted scopes are unknown and grant nothing: {} (listed in the report)",
                many.len(),
                many.join(", ")
            ),
        });
    }
    let stdout = if json {
        output::json(&AuditJson { audit: &audit, fail_on, fails, warnings: &warnings })
    } else {
        human(&audit, fail_on, fails)
    };
    let status = if !audit.unresolved.is_empty() || !audit.unknown_granted.is_empty() {
        EXIT_USAGE
    } else if fails {
        EXIT_FINDINGS
    } else {
        0
    };
    Ok(Success::exit(stdout, warnings, status))
}

fn names(scopes: impl IntoIterator<Item = Scope>) -> String {
    let v: Vec<String> = scopes.into_iter().map(|s| format!("`{}`", s.name())).collect();
    if v.is_empty() {
        "none".to_owned()
    } else {
        v.join(", ")
    }
}

fn human(a: &Audit, fail_on: FailOn, fails: bool) -> String {
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
                output_count(d.calls.len(), "call")
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
