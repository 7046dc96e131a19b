//! Checks of `data/graphql/*.toml`: each statement names a GraphQL API, a field path the parser
//! can match, known scopes that fit the operation, and its sources.

use super::Errors;
use crate::datafile::schema::*;
use crate::datafile::vocab::*;
use std::collections::{BTreeMap, BTreeSet};

/// A GraphQL name (`[_A-Za-z][_0-9A-Za-z]*`), as the parser reads field names.
fn is_name(s: &str) -> bool {
    let mut b = s.bytes();
    b.next().is_some_and(|c| c == b'_' || c.is_ascii_alphabetic()) && b.all(|c| c == b'_' || c.is_ascii_alphanumeric())
}

/// The source check of the caller: `(errors, file, entry, sources)`.
type SourceCheck<'a> = &'a dyn Fn(&mut Errors, &str, &str, &[String]);

/// Validate the GraphQL statements against the APIs, scopes and docs pages already read.
pub(super) fn validate(
    e: &mut Errors,
    data: &DataSet,
    pages: &BTreeSet<&str>,
    apis: &BTreeMap<&str, &ApiEntry>,
    scopes: &BTreeMap<&str, &ScopeEntry>,
    check_sources: SourceCheck,
) {
    let mut seen: BTreeMap<(&str, GraphqlOperation, &str), String> = BTreeMap::new();
    for (name, f) in &data.graphql {
        let file = format!("graphql/{name}");
        match apis.get(f.api.as_str()) {
            None => e.push(&file, format!("api {}", f.api), "is not defined in apis.toml"),
            Some(a) if a.kind != ApiKind::Graphql => e.push(&file, format!("api {}", f.api), "is not a GraphQL API"),
            Some(a) if a.base_urls.is_empty() => {
                e.push(&file, format!("api {}", f.api), "names no endpoint in apis.toml's base_urls")
            }
            Some(_) => {}
        }
        if !pages.contains(f.page.as_str()) {
            e.push(&file, format!("page {}", f.page), "is not listed in meta.toml's [docs] pages");
        }
        if f.statement.is_empty() && f.notes.is_empty() {
            e.push(&file, format!("page {}", f.page), "has no statements and no notes saying why");
        }
        for s in &f.statement {
            let entry = format!("{} {}", s.operation, s.path);
            if s.path != "*" && !s.path.split('.').all(is_name) {
                e.push(&file, &entry, "path must be `*` or GraphQL field names joined by `.`");
            }
            if let Some(first) = seen.insert((f.api.as_str(), s.operation, s.path.as_str()), file.clone()) {
                e.push(&file, &entry, format!("is also stated in {first}"));
            }
            if let Err(m) = check_statement(s, scopes) {
                e.push(&file, &entry, m);
            }
            if s.held_by == HeldBy::TokenMinter && f.api != "graphql-storefront" {
                e.push(&file, &entry, "only the Storefront API's requests carry a token another account minted");
            }
            check_sources(e, &file, &entry, &s.sources);
        }
    }
}

fn check_statement(s: &StatementEntry, scopes: &BTreeMap<&str, &ScopeEntry>) -> Result<(), String> {
    let reads = s.operation == GraphqlOperation::Query;
    let known = |name: &str, what: &str| match scopes.get(name) {
        None => Err(format!("{what} `{name}` is not a scope")),
        Some(sc) if sc.permission == Permission::ReadOnly && !reads => {
            Err(format!("read-only {what} `{name}` cannot allow a {}", s.operation))
        }
        Some(_) => Ok(()),
    };
    match (s.requirement, &s.scope) {
        (RequirementKind::Scope, None) => return Err("requirement is `scope` but no scope is named".into()),
        (RequirementKind::Scope, Some(sc)) => {
            known(sc, "scope")?;
            for a in &s.also {
                known(a, "scope")?;
            }
        }
        (RequirementKind::None, None) if s.also.is_empty() => {}
        (RequirementKind::None, _) => return Err("requirement is `none` but scopes are named".into()),
        (RequirementKind::DefaultScope, _) => return Err("GraphQL statements are `scope` or `none`".into()),
    }
    for c in &s.conditional {
        known(&c.scope, "conditional scope")?;
    }
    Ok(())
}
