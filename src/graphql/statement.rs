//! What the docs say a GraphQL field needs, as generated from `data/graphql/`.

use crate::datafile::vocab::{Confidence, GraphqlOperation, HeldBy, RequirementKind};
use crate::route::Conditional;
use crate::tables::{self, Api, Scope};
use serde::Serialize;

/// One statement of the docs: a field path of one GraphQL API and what it needs.
///
/// ```
/// use bigcommerce_scopes::graphql::Statement;
/// use bigcommerce_scopes::{Api, HeldBy};
/// let minting = Statement::all().iter().find(|s| s.api == Api::GraphqlStorefront && s.path == "*").unwrap();
/// assert_eq!(minting.held_by, HeldBy::TokenMinter);
/// assert!(minting.sources.iter().all(|s| s.starts_with("docs:")));
/// ```
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct Statement {
    /// The GraphQL API.
    pub api: Api,
    /// The statement as plans list it: endpoint, operation type and path
    /// (`/stores/{store_hash}/graphql query store.translations`).
    pub route: &'static str,
    /// Query, mutation or subscription.
    pub operation: GraphqlOperation,
    /// Field names from the operation's root, dotted; `*` for every root field.
    pub path: &'static str,
    /// `scope` or `none`.
    pub requirement: RequirementKind,
    /// The least-privileged scope.
    pub least: Option<Scope>,
    /// Every scope that suffices, the least-privileged first.
    pub accepted: &'static [Scope],
    /// Scopes needed in addition under a documented condition of the request.
    pub conditional: &'static [Conditional],
    /// Which account must hold the scope.
    pub held_by: HeldBy,
    /// Documented for this field, or matched to its page's scope table.
    pub confidence: Confidence,
    /// The feature the page describes.
    pub feature: &'static str,
    /// The docs page, relative to the docs folder.
    pub page: &'static str,
    /// Where the statement comes from.
    pub sources: &'static [&'static str],
    /// Remarks and conflicts.
    pub notes: &'static [&'static str],
    /// Remarks about the page as a whole.
    #[serde(skip)]
    pub file_notes: &'static [&'static str],
}

impl Statement {
    /// Every statement, sorted by API, operation type and path.
    ///
    /// ```
    /// use bigcommerce_scopes::graphql::Statement;
    /// let all = Statement::all();
    /// assert!(all.windows(2).all(|w| (w[0].api, w[0].operation, w[0].path) <= (w[1].api, w[1].operation, w[1].path)));
    /// ```
    pub fn all() -> &'static [Statement] {
        &tables::GRAPHQL_STATEMENTS
    }

    /// The statements of one API and operation type (a contiguous slice of [`Statement::all`]).
    ///
    /// ```
    /// use bigcommerce_scopes::graphql::Statement;
    /// use bigcommerce_scopes::{Api, GraphqlOperation};
    /// let s = Statement::of(Api::GraphqlAdmin, GraphqlOperation::Subscription);
    /// assert!(s.is_empty());
    /// ```
    pub fn of(api: Api, operation: GraphqlOperation) -> &'static [Statement] {
        &Statement::all()[Statement::range_of(api, operation)]
    }

    /// Where the statements of one API and operation type stand in [`Statement::all`].
    pub(crate) fn range_of(api: Api, operation: GraphqlOperation) -> std::ops::Range<usize> {
        let all = Statement::all();
        let start = all.partition_point(|s| (s.api, s.operation) < (api, operation));
        let end = all.partition_point(|s| (s.api, s.operation) <= (api, operation));
        start..end
    }
}
