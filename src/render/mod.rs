//! The presentation layer: every way the library's answers are written out — check reports for
//! people, SARIF, GitHub Actions and JSON; the Markdown reference pages — with one set of text
//! helpers ([`text`]). Plans, audits and reports are data elsewhere in the library; this module
//! only renders them.

pub mod account_types;
pub mod api;
pub mod audit;
#[cfg(feature = "check")]
pub mod check;
pub mod endpoint;
pub mod endpoints;
pub mod graphql;
pub(crate) mod markdown;
pub mod plan;
pub mod scope;
pub mod text;
