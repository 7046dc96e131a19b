//! The GraphQL APIs: which endpoint a request targets, what the docs say each field needs, and
//! what a whole GraphQL document needs.
//!
//! BigCommerce's docs tie scopes to features and pages rather than to single fields; the
//! statements in `data/graphql/` record each with its page. A field no statement covers is
//! reported as `unknown`, never given a guessed scope.
//!
//! ```
//! use bigcommerce_scopes::graphql::{analyze, Endpoint};
//! use bigcommerce_scopes::Scope;
//! let api = Endpoint::from_target("https://api.bigcommerce.com/stores/abc123/graphql").unwrap().api();
//! let a = analyze(api, "mutation { translation { updateTranslations(input: {}) { __typename } } }").unwrap();
//! assert_eq!(a.scopes, [Scope::StoreTranslations]);
//! ```

mod analysis;
mod endpoint;
mod statement;
mod walk;

pub use analysis::{analyze, Analysis, Need, OperationReport, RootField};
pub(crate) use endpoint::is_store_host;
pub use endpoint::Endpoint;
pub use statement::Statement;
pub use walk::{Position, MAX_DOCUMENT_LEN};
