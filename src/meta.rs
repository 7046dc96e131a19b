//! Where the data comes from: its version, the source documents and the OpenAPI snapshot.

use crate::tables;
use serde::Serialize;

/// Version of the knowledge base, the documents and the OpenAPI snapshot it was built from, in one
/// line (what `bc-scopes --version` shows).
///
/// ```
/// assert!(bigcommerce_scopes::DATA_VERSION.contains("bigcommerce/docs@24f580c"));
/// ```
pub const DATA_VERSION: &str = concat!("data ", include_str!(concat!(env!("OUT_DIR"), "/data_version.txt")),);

/// A source document (one version of a documentation page).
///
/// ```
/// let newest = bigcommerce_scopes::Document::all().iter().find(|d| d.id == "004").unwrap();
/// assert_eq!(newest.page, "api-accounts");
/// ```
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct Document {
    /// Short id used in sources (`seed:004#section`).
    pub id: &'static str,
    /// The page's title.
    pub title: &'static str,
    /// Which page this is a version of.
    pub page: &'static str,
    /// When it was current (`current` for the newest version).
    pub era: &'static str,
    /// Remarks.
    pub notes: &'static [&'static str],
}

impl Document {
    /// Every source document, oldest page version first.
    ///
    /// ```
    /// let docs = bigcommerce_scopes::Document::all();
    /// assert!(docs.iter().any(|d| d.id == "004" && d.era == "current"));
    /// ```
    pub fn all() -> &'static [Document] {
        &tables::DOCUMENTS
    }
}

/// The snapshot of BigCommerce's OpenAPI specs the routes come from.
///
/// ```
/// assert_eq!(bigcommerce_scopes::OpenApiSnapshot::current().specs, 74);
/// ```
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct OpenApiSnapshot {
    /// Repository.
    pub repository: &'static str,
    /// Folder of the specs.
    pub folder: &'static str,
    /// Commit.
    pub commit: &'static str,
    /// Commit date.
    pub commit_date: &'static str,
    /// Number of spec files.
    pub specs: u32,
}

impl OpenApiSnapshot {
    /// The snapshot this build's data comes from.
    ///
    /// ```
    /// assert_eq!(bigcommerce_scopes::OpenApiSnapshot::current().repository, "bigcommerce/docs");
    /// ```
    pub fn current() -> &'static OpenApiSnapshot {
        &tables::OPENAPI_SNAPSHOT
    }

    /// The data version (a date).
    ///
    /// ```
    /// assert!(!bigcommerce_scopes::OpenApiSnapshot::data_version().is_empty());
    /// ```
    pub fn data_version() -> &'static str {
        tables::DATA_VERSION_STR
    }
}
