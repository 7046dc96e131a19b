//! Records of the JSON export with their link to BigCommerce's developer site: the record's own
//! fields, then `docs_url` (scopes, APIs) or `url` (operations).
//!
//! The [`KnowledgeBase`](super::KnowledgeBase) keeps the library's own types in its fields; these
//! wrappers are how they are written and described in the schema.

use super::links::{api_url, operation_url, scope_url};
use crate::{ApiInfo, Operation, Route, ScopeInfo};
use schemars::JsonSchema;
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;

/// An OAuth scope.
#[derive(Serialize, JsonSchema)]
pub(super) struct ScopeEntry {
    #[serde(flatten)]
    scope: &'static ScopeInfo,
    /// Where BigCommerce documents the scope: its table on the API-accounts page
    /// (`#token-creation-scopes`, `#store-resource-scopes`, `#account-resource-scopes`), or that
    /// page's `#oauth-scopes` section for the `default` scope and scopes the page does not list.
    #[schemars(url)]
    docs_url: String,
}

/// An API.
#[derive(Serialize, JsonSchema)]
pub(super) struct ApiEntry {
    #[serde(flatten)]
    api: &'static ApiInfo,
    /// The API's page on BigCommerce's developer site.
    #[schemars(url)]
    docs_url: String,
}

/// A documented operation.
#[derive(Serialize, JsonSchema)]
pub(super) struct OperationEntry {
    #[serde(flatten)]
    operation: &'static Operation,
    /// The operation's reference on BigCommerce's developer site: its tag's page with the anchor of
    /// its summary where the docs show that page, else the route's `url`.
    #[schemars(url)]
    url: String,
}

pub(super) fn scopes<S: Serializer>(scopes: &[&'static ScopeInfo], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(scopes.len()))?;
    for scope in scopes {
        seq.serialize_element(&ScopeEntry { scope, docs_url: scope_url(scope) })?;
    }
    seq.end()
}

pub(super) fn apis<S: Serializer>(apis: &[&'static ApiInfo], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(apis.len()))?;
    for api in apis {
        seq.serialize_element(&ApiEntry { api, docs_url: api_url(api.api) })?;
    }
    seq.end()
}

/// A route's operations. Serde's `serialize_with` on a field cannot see the other fields, so the
/// route is found again by one of its operations.
pub(super) fn operations<S: Serializer>(operations: &[&'static Operation], s: S) -> Result<S::Ok, S::Error> {
    let route = operations.first().and_then(|op| route_of(op));
    let mut seq = s.serialize_seq(Some(operations.len()))?;
    for operation in operations {
        let url = route.map(|r| operation_url(r, operation)).unwrap_or_default();
        seq.serialize_element(&OperationEntry { operation, url })?;
    }
    seq.end()
}

/// The route an operation belongs to.
fn route_of(op: &'static Operation) -> Option<&'static Route> {
    Route::all().iter().find(|r| r.operations().iter().any(|o| std::ptr::eq(o, op)))
}
