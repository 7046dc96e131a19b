//! Call sites: the raw calls of every file as reported calls (paths relative to the root, the
//! method assumed where the code states none, how each was found), planned together.

use super::findings::{Finding, FindingKind, Position};
use super::index::Project;
use super::model::{CallSite, GraphqlDocument, Via};
use super::resolve::RawCall;
use crate::datafile::vocab::{Method, Permission, RequirementKind};
use crate::graphql::Endpoint;
use crate::plan::{CallList, GraphqlCall, Location, Plan};
use crate::resolve::resolve;
use crate::tables::Scope;

/// The call sites of the project, sorted by file, line and column, with the GraphQL document
/// each sends (where the code holds it).
pub(crate) fn call_sites(
    project: &Project<'_>,
    raw: Vec<Vec<RawCall>>,
) -> (Vec<CallSite>, Vec<Option<String>>, Vec<Finding>) {
    let mut calls = Vec::new();
    let mut unfollowed = Vec::new();
    for (fi, file_calls) in raw.into_iter().enumerate() {
        let source = project.files[fi].source;
        for c in file_calls {
            if c.unfollowed {
                let at = Position { file: source.path.clone(), line: c.line as usize, column: c.column as usize };
                let msg = format!(
                    "{} is a BigCommerce URL, but the checker cannot follow it to a request (it is passed to code the checker does not read): not counted",
                    c.target
                );
                let mut f = Finding::new(FindingKind::Unfollowed, msg).at(Some(&at));
                f.target = Some(c.written);
                unfollowed.push(f);
                continue;
            }
            let (assumed_method, note) = match c.method {
                Some(_) => (None, None),
                None => {
                    let (m, note) = assume_method(&c.target);
                    (Some(m), Some(note))
                }
            };
            let mut notes = c.notes;
            notes.extend(note);
            let via = Via {
                kind: c.via.kind,
                name: c.via.name,
                file: c.via.file.map(|f| project.files[f].source.path.clone()).or(c.via.data_file),
                line: c.via.line.map(|l| l as usize),
            };
            let graphql = c.document.as_ref().and_then(|(doc, line)| {
                let endpoint = Endpoint::from_target(&c.target)?;
                let operations = operations(doc);
                Some(GraphqlDocument { endpoint: endpoint.short_name(), operations, line: *line as usize })
            });
            calls.push((
                CallSite {
                    file: source.path.clone(),
                    line: c.line as usize,
                    column: c.column as usize,
                    method: c.method,
                    target: unquote(&c.written).to_owned(),
                    written: c.written,
                    route: None,
                    least_privileged: None,
                    assumed_method,
                    resolved_target: c.target,
                    requirement: None,
                    api: None,
                    language: source.language,
                    notes,
                    via,
                    graphql,
                    project: 0,
                },
                c.document.map(|d| d.0),
            ));
        }
    }
    calls.sort_by(|a, b| {
        let (a, b) = (&a.0, &b.0);
        (&a.file, a.line, a.column, a.method, &a.resolved_target).cmp(&(
            &b.file,
            b.line,
            b.column,
            b.method,
            &b.resolved_target,
        ))
    });
    let (calls, documents) = calls.into_iter().unzip();
    (calls, documents, unfollowed)
}

/// The plan of the call sites, each one call whose location is its index (1-based); GraphQL
/// requests with their documents where the code holds them. The route, scope and requirement
/// of each planned call are written back to its site.
pub(crate) fn plan(
    calls: &mut [CallSite],
    documents: &[Option<String>],
    account_type: Option<crate::datafile::vocab::AccountType>,
) -> (CallList, Plan) {
    // A storefront token this code does not mint (read from configuration) is another
    // account's: the scopes its minting needs are not this code's.
    let mints = calls
        .iter()
        .any(|c| c.resolved_target.contains("/v3/storefront/api-token") && c.method.is_none_or(|m| m == Method::Post));
    let mut list = CallList::new();
    for (i, c) in calls.iter().enumerate() {
        let loc = Location::Line(i + 1);
        match (documents.get(i).and_then(Option::as_ref), Endpoint::from_target(&c.resolved_target)) {
            (Some(doc), Some(endpoint)) => {
                let call = GraphqlCall {
                    endpoint,
                    document: doc.clone(),
                    source: format!("{}:{}", c.file, c.line),
                    token_minted_elsewhere: !mints,
                };
                list.push_graphql(loc, c.resolved_target.clone(), call);
            }
            _ => list.push(loc, c.effective_method(), c.resolved_target.clone()),
        }
    }
    let plan = Plan::new(&list, account_type);
    for pc in &plan.calls {
        for loc in &pc.locations {
            if let Location::Line(n) = loc {
                if let Some(c) = calls.get_mut(n - 1) {
                    // A GraphQL document's call is the endpoint's, whatever its statements.
                    if c.graphql.is_some() && c.route.is_some() {
                        continue;
                    }
                    c.route = match Endpoint::from_target(&c.resolved_target) {
                        Some(e) if c.graphql.is_some() => Some(e.template()),
                        _ => Some(pc.route),
                    };
                    c.least_privileged = pc.least_privileged;
                    c.requirement = Some(pc.requirement);
                    c.api = Some(pc.api);
                }
            }
        }
    }
    // A GraphQL document whose every field is another account's (a storefront token read from
    // configuration) plans nothing: the call is still the endpoint's, and needs nothing here.
    for c in calls.iter_mut().filter(|c| c.graphql.is_some() && c.route.is_none()) {
        if let Some(e) = Endpoint::from_target(&c.resolved_target) {
            c.route = Some(e.template());
            c.api = Some(e.api());
            c.requirement = Some(crate::plan::Need::None);
        }
    }
    (list, plan)
}

/// A string literal's text without its quotes and prefix (`f"…"`, `@"…"`, `` `…` ``, `'…'`);
/// any other expression as written.
pub(crate) fn unquote(written: &str) -> &str {
    let body = written.trim_start_matches(['f', 'F', 'r', 'R', 'b', 'B', 'u', 'U', '@', '$']);
    for q in ["\"\"\"", "'''", "\"", "'", "`"] {
        if let Some(inner) = body.strip_prefix(q).and_then(|b| b.strip_suffix(q)) {
            // One literal only: a quote inside (not escaped) means an expression of several.
            let mut escaped = false;
            let single = inner.chars().all(|c| {
                let ok = escaped || !q.starts_with(c);
                escaped = !escaped && c == '\\';
                ok
            });
            if single && body.len() >= 2 * q.len() {
                return inner;
            }
            break;
        }
    }
    written
}

/// The operations a GraphQL document defines (`query Name`, `mutation`), by a light read: the
/// analysis proper is the plan's.
fn operations(doc: &str) -> Vec<String> {
    let mut out = Vec::new();
    let words: Vec<&str> = doc.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).collect();
    for w in words.windows(2) {
        if matches!(w[0], "query" | "mutation" | "subscription") {
            out.push(format!("{} {}", w[0], w[1]));
        }
    }
    if out.is_empty() && doc.trim_start().starts_with('{') {
        out.push("query".to_owned());
    }
    out
}

/// For a call whose method the code does not show: the documented method with the strongest
/// requirement (a scope over the default scope over none; a modify scope over a read-only one;
/// then the one whose scope covers the most of the others'), and the note saying so.
fn assume_method(target: &str) -> (Method, String) {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if path.ends_with("/graphql") {
        return (Method::Post, "method not shown in the code: POST assumed (GraphQL)".to_owned());
    }
    let order = [Method::Post, Method::Put, Method::Patch, Method::Delete, Method::Get];
    let found: Vec<(Method, RequirementKind, Option<Scope>)> = order
        .iter()
        .filter_map(|&m| resolve(m, target).ok().map(|r| (m, r.requirement(), r.least_privileged())))
        .collect();
    let rank = |(m, req, least): &(Method, RequirementKind, Option<Scope>)| {
        let req_rank = match req {
            RequirementKind::Scope => 2,
            RequirementKind::DefaultScope => 1,
            RequirementKind::None => 0,
        };
        let modify = least.is_some_and(|s| s.info().permission != Permission::ReadOnly);
        let covers = found.iter().filter(|o| matches!((least, o.2), (Some(a), Some(b)) if a.satisfies(b))).count();
        let pref = order.len() - order.iter().position(|o| o == m).unwrap_or(0);
        (req_rank, modify, covers, pref)
    };
    match found.iter().max_by_key(|x| rank(x)) {
        Some(best) if found.len() > 1 => {
            let all: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
            (
                best.0,
                format!(
                    "method not shown in the code: {} assumed, the strongest requirement among the documented methods ({})",
                    best.0,
                    all.join(", ")
                ),
            )
        }
        Some(best) => (best.0, format!("method not shown in the code: {} assumed, the only documented method", best.0)),
        None => (Method::Get, "method not shown in the code".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::unquote;

    #[test]
    fn unquote_strips_one_literal_only() {
        assert_eq!(unquote("`https://x/${h}/v3`"), "https://x/${h}/v3");
        assert_eq!(unquote("f\"/stores/{h}/v2/orders\""), "/stores/{h}/v2/orders");
        assert_eq!(unquote("@\"/v3/orders\""), "/v3/orders");
        assert_eq!(unquote("'/v3/' + id + '/x'"), "'/v3/' + id + '/x'");
        assert_eq!(unquote("'it\\'s'"), "it\\'s");
        assert_eq!(unquote("\"\"\"/v3/orders\"\"\""), "/v3/orders");
        assert_eq!(unquote("BASE + \"/orders\""), "BASE + \"/orders\"");
        assert_eq!(unquote("'"), "'");
        assert_eq!(unquote("fetch"), "fetch");
    }
}
