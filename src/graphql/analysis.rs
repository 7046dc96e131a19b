//! The answer for one GraphQL document: per operation, per root field and for the whole
//! document, the statements that apply, the scopes they need, and the fields no statement covers.

use super::endpoint::Endpoint;
use super::statement::Statement;
use super::walk::{walk, Position};
use crate::datafile::vocab::{Confidence, GraphqlOperation, HeldBy, RequirementKind};
use crate::error::{Error, ErrorKind};
use crate::route::Conditional;
use crate::tables::{Api, Scope};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What one statement of the docs asks of a document, with the fields it covers there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Need {
    /// The statement's field path (`store.translations`, `*` for the whole API).
    pub statement: &'static str,
    /// The statement as plans list it (`/stores/{store_hash}/graphql query store.translations`).
    pub route: &'static str,
    /// Query, mutation or subscription.
    pub operation: GraphqlOperation,
    /// `scope` or `none`.
    pub requirement: RequirementKind,
    /// The least-privileged scope.
    pub least_privileged: Option<Scope>,
    /// Every scope that suffices, the least-privileged first.
    pub accepted: &'static [Scope],
    /// Scopes needed in addition under a documented condition of the request (never in `scopes`).
    pub conditional: &'static [Conditional],
    /// Which account must hold the scope.
    pub held_by: HeldBy,
    /// `documented` where the page names the field, `inferred` where it was matched to the page's
    /// scope table.
    pub confidence: Confidence,
    /// The feature its page describes.
    pub feature: &'static str,
    /// Where the statement comes from.
    pub sources: &'static [&'static str],
    /// Remarks.
    pub notes: &'static [&'static str],
    /// The selected field paths it covers.
    pub fields: Vec<String>,
}

/// One root field of an operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RootField {
    /// The field's name.
    pub name: String,
    /// Its alias, where the document gives one.
    pub alias: Option<String>,
    /// Where it stands in the document.
    pub position: Position,
    /// The statements that apply to it and below it.
    pub needs: Vec<Need>,
    /// The least set of scopes the requesting account needs for it (a modify scope absorbs its
    /// read-only twin), in data order.
    pub scopes: Vec<Scope>,
    /// The least set the token's minting account needs for it (Storefront API).
    pub token_scopes: Vec<Scope>,
    /// Field paths under it that the docs tie to no scope: `unknown`, never guessed.
    pub unknown: Vec<String>,
}

/// One operation of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OperationReport {
    /// Its name, where it has one.
    pub name: Option<String>,
    /// Query, mutation or subscription.
    pub operation: GraphqlOperation,
    /// Where it starts.
    pub position: Position,
    /// Its root fields, in document order.
    pub fields: Vec<RootField>,
    /// The least set of scopes of the requesting account for the whole operation.
    pub scopes: Vec<Scope>,
    /// The least set of the token's minting account.
    pub token_scopes: Vec<Scope>,
    /// Field paths no statement covers.
    pub unknown: Vec<String>,
}

/// What a GraphQL document needs.
///
/// ```
/// use bigcommerce_scopes::graphql::analyze;
/// use bigcommerce_scopes::{Api, Scope};
/// let a = analyze(Api::GraphqlStorefront, "query { site { products { edges { node { name } } } } }").unwrap();
/// assert_eq!(a.token_scopes, [Scope::StoreStorefrontApi]);
/// assert!(a.scopes.is_empty() && a.unknown.is_empty());
/// let e = analyze(Api::GraphqlAdmin, "query { store { ").unwrap_err();
/// assert!(e.to_string().contains("line 1"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Analysis {
    /// The GraphQL API.
    pub api: Api,
    /// Its endpoint, as the docs write it.
    pub endpoint: &'static str,
    /// Every operation, in document order.
    pub operations: Vec<OperationReport>,
    /// Every statement that applies to the document (a client may send any of its operations).
    pub needs: Vec<Need>,
    /// The least set of scopes the requesting API account needs for every operation.
    pub scopes: Vec<Scope>,
    /// The least set the account that minted the request's bearer token needs (Storefront API):
    /// code that only uses a token it was given needs none of these.
    pub token_scopes: Vec<Scope>,
    /// Field paths the docs tie to no scope. While any is listed, `scopes` is what the docs say
    /// of the rest, not the whole answer.
    pub unknown: Vec<String>,
}

impl Analysis {
    /// Whether every selected field is covered by a statement (no field is `unknown`).
    ///
    /// ```
    /// use bigcommerce_scopes::{graphql::analyze, Api};
    /// assert!(!analyze(Api::GraphqlAdmin, "{ store { somethingNew } }").unwrap().is_complete());
    /// ```
    pub fn is_complete(&self) -> bool {
        self.unknown.is_empty()
    }
}

/// Read a GraphQL document sent to `api` and say what it needs.
///
/// Errors: [`ErrorKind::InvalidGraphql`] for a document that does not parse (with line and
/// column), names an undefined fragment or holds no operation; [`ErrorKind::UnknownApi`] for an
/// API that is not one of the three GraphQL APIs.
pub fn analyze(api: Api, document: &str) -> Result<Analysis, Error> {
    let Some(endpoint) = Endpoint::for_api(api) else {
        return Err(Error::new(
            ErrorKind::UnknownApi,
            format!("{} is not a GraphQL API with an endpoint of its own", api.id()),
        )
        .with_suggestions(["graphql-admin", "graphql-account", "graphql-storefront"]));
    };
    let walked = walk(api, document)?;
    let all = Statement::all();
    let mut doc_needs: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    let mut doc_unknown = BTreeSet::new();
    let mut operations = Vec::new();
    for op in walked {
        let mut op_needs: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
        let mut op_unknown = BTreeSet::new();
        let mut fields = Vec::new();
        for root in op.roots {
            for (i, paths) in &root.covered {
                op_needs.entry(*i).or_default().extend(paths.iter().cloned());
                doc_needs.entry(*i).or_default().extend(paths.iter().cloned());
            }
            op_unknown.extend(root.unknown.iter().cloned());
            doc_unknown.extend(root.unknown.iter().cloned());
            let needs = needs(&root.covered, all);
            let (scopes, token_scopes) = least_sets(&needs);
            fields.push(RootField {
                scopes,
                token_scopes,
                name: root.name,
                alias: root.alias,
                position: root.position,
                needs,
                unknown: root.unknown.into_iter().collect(),
            });
        }
        let (scopes, token_scopes) = least_sets(&needs(&op_needs, all));
        operations.push(OperationReport {
            name: op.name,
            operation: op.kind,
            position: op.position,
            fields,
            scopes,
            token_scopes,
            unknown: op_unknown.into_iter().collect(),
        });
    }
    let needs = needs(&doc_needs, all);
    let (scopes, token_scopes) = least_sets(&needs);
    Ok(Analysis {
        api,
        endpoint: endpoint.template(),
        operations,
        scopes,
        token_scopes,
        unknown: doc_unknown.into_iter().collect(),
        needs,
    })
}

fn needs(covered: &BTreeMap<usize, BTreeSet<String>>, all: &'static [Statement]) -> Vec<Need> {
    covered
        .iter()
        .map(|(i, paths)| {
            let s = &all[*i];
            Need {
                statement: s.path,
                route: s.route,
                operation: s.operation,
                requirement: s.requirement,
                least_privileged: s.least,
                accepted: s.accepted,
                conditional: s.conditional,
                held_by: s.held_by,
                confidence: s.confidence,
                feature: s.feature,
                sources: s.sources,
                notes: s.notes,
                fields: paths.iter().cloned().collect(),
            }
        })
        .collect()
}

/// The least-privileged scopes of the needs, without a read-only scope whose modify twin is also
/// needed, in data order: those of the requesting account, and those of the token's minting account.
fn least_sets(needs: &[Need]) -> (Vec<Scope>, Vec<Scope>) {
    let held_by = |holder: HeldBy| {
        let wanted: BTreeSet<Scope> =
            needs.iter().filter(|n| n.held_by == holder).filter_map(|n| n.least_privileged).collect();
        wanted.iter().copied().filter(|s| !wanted.iter().any(|o| o != s && o.satisfies(*s))).collect()
    };
    (held_by(HeldBy::Request), held_by(HeldBy::TokenMinter))
}
