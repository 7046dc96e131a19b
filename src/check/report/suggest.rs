//! `--suggest`: the minimal `bc-scopes.toml` for the calls found.

use super::super::Report;
use super::count;
use std::fmt::Write;

fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The minimal configuration: the needed scopes (each with the first call that needs it), the
/// account type if one was given, and the scan settings of the configuration used.
///
/// ```
/// # let dir = tempfile::tempdir().unwrap();
/// # std::fs::write(dir.path().join("a.py"), "requests.get(f\"https://api.bigcommerce.com/stores/{h}/v2/orders\")\n").unwrap();
/// use bigcommerce_scopes::check::{check, report, Config, Options};
/// let text = report::suggest(&check(&Options::new([dir.path()])).unwrap());
/// assert!(text.contains("\"store_v2_orders_read_only\",  # GET /stores/{store_hash}/v2/orders (a.py:1)"), "{text}");
/// assert!(Config::parse(&text, None).is_ok());
/// ```
pub fn suggest(report: &Report) -> String {
    let mut out = String::new();
    let files = report.calls.iter().map(|c| c.file.as_str()).collect::<std::collections::BTreeSet<_>>().len();
    let _ = writeln!(out, "# bc-scopes.toml: the least-privileged OAuth scopes for the BigCommerce calls in this code");
    let _ = writeln!(
        out,
        "# (written by `bc-scopes check --suggest` from {} in {}).",
        count(report.calls.len(), "call"),
        count(files, "file")
    );
    let needed: Vec<_> = report.needed_scopes.iter().collect();
    if needed.is_empty() {
        let _ = writeln!(out, "granted = []");
    } else {
        let _ = writeln!(out, "granted = [");
        let entries: Vec<(String, String)> = needed
            .iter()
            .map(|s| {
                let first = report.calls.iter().find(|c| c.least_privileged == Some(*s)).or_else(|| {
                    report.calls.iter().find(|c| {
                        c.route.is_some()
                            && crate::Route::all().iter().any(|r| {
                                Some(r.template) == c.route
                                    && r.operation(c.effective_method())
                                        .is_some_and(|o| o.accepted.iter().any(|a| s.satisfies(*a)))
                            })
                    })
                });
                let why = first
                    .map(|c| format!("  # {} {} ({}:{})", c.effective_method(), c.route.unwrap_or(""), c.file, c.line))
                    .unwrap_or_default();
                (format!("{},", toml_str(s.name())), why)
            })
            .collect();
        let width = entries.iter().map(|e| e.0.len()).max().unwrap_or(0);
        for (name, why) in entries {
            let line = format!("  {name:<width$}{why}");
            let _ = writeln!(out, "{}", line.trim_end());
        }
        let _ = writeln!(out, "]");
    }
    match report.account_type {
        Some(t) => {
            let _ = writeln!(out, "account_type = {}", toml_str(t.as_str()));
        }
        None if !report.account_types.is_empty() && !report.calls.is_empty() => {
            let types: Vec<&str> = report.account_types.iter().map(|t| t.as_str()).collect();
            let _ =
                writeln!(out, "# account_type: one of {} can hold these scopes and make these calls", types.join(", "));
        }
        None => {}
    }
    if let Some(c) = &report.config_used {
        if !c.ignore_paths.is_empty() {
            let v: Vec<String> = c.ignore_paths.iter().map(|p| toml_str(p)).collect();
            let _ = writeln!(out, "ignore_paths = [{}]", v.join(", "));
        }
        if let Some(b) = &c.base_url {
            let _ = writeln!(out, "\n[client]\nbase_url = {}", toml_str(b));
        }
    }
    out
}
