//! The GraphQL statement table: one entry per statement of `data/graphql/*.toml`, sorted by API,
//! operation type and path so that the statements of one API and operation type are contiguous.

use crate::datafile::schema::DataSet;
use std::fmt::Write as _;

type Accepted<'a> = &'a dyn Fn(Option<&'a str>, &'a [String]) -> Vec<&'a str>;

pub fn generate<'a>(
    out: &mut String,
    d: &'a DataSet,
    sv: &dyn Fn(&str) -> String,
    api_variant: &dyn Fn(&str) -> String,
    accepted: Accepted<'a>,
) {
    let mut rows: Vec<_> = d.graphql.iter().flat_map(|(_, f)| f.statement.iter().map(move |s| (f, s))).collect();
    // The library finds an API's statements by binary search over (Api, operation, path), and
    // `Api` orders as apis.toml lists the APIs.
    let api_rank = |id: &str| d.apis.api.iter().position(|a| a.id == id).unwrap_or(usize::MAX);
    rows.sort_by(|(fa, a), (fb, b)| {
        (api_rank(&fa.api), a.operation, &a.path).cmp(&(api_rank(&fb.api), b.operation, &b.path))
    });
    // The endpoint as plans show it: the gateway's path, or the storefront's full URL.
    let endpoint = |api: &str| {
        let a = d.apis.api.iter().find(|a| a.id == api).expect("validated");
        let url = a.base_urls.first().expect("a GraphQL API names its endpoint (validated)");
        url.strip_prefix("https://api.bigcommerce.com").unwrap_or(url).to_owned()
    };
    writeln!(out, "pub(crate) static GRAPHQL_STATEMENTS: [Statement; {}] = [", rows.len()).unwrap();
    for (f, s) in rows {
        let route = format!("{} {} {}", endpoint(&f.api), s.operation, s.path);
        let scopes = accepted(s.scope.as_deref(), &s.also);
        writeln!(
            out,
            "    Statement {{ api: {}, route: {:?}, operation: GraphqlOperation::{:?}, path: {:?}, requirement: RequirementKind::{:?}, \
             least: {}, accepted: &[{}], conditional: &[{}], held_by: HeldBy::{:?}, confidence: Confidence::{:?}, \
             feature: {:?}, page: {:?}, sources: &{:?}, notes: &{:?}, file_notes: &{:?} }},",
            api_variant(&f.api),
            route,
            s.operation,
            s.path,
            s.requirement,
            s.scope.as_deref().map_or("None".to_owned(), |x| format!("Some({})", sv(x))),
            scopes.iter().map(|n| sv(n)).collect::<Vec<_>>().join(", "),
            s.conditional
                .iter()
                .map(|c| format!("Conditional {{ scope: {}, when: {:?} }}", sv(&c.scope), c.when))
                .collect::<Vec<_>>()
                .join(", "),
            s.held_by,
            s.confidence,
            f.feature,
            f.page,
            s.sources,
            s.notes,
            f.notes,
        )
        .unwrap();
    }
    writeln!(out, "];\n").unwrap();
}
