//! Exports for docs sites and tools in other languages: the whole knowledge base as one JSON
//! document, the JSON Schema (draft 2020-12) of that document and of the `data/` files, and
//! ready-to-publish Markdown reference pages.
//!
//! The JSON document is a [`KnowledgeBase`]; its schema is generated with schemars from the same
//! Rust types that serialize it, so the two cannot disagree.
//!
//! ```
//! use bigcommerce_scopes::export::{self, KnowledgeBase};
//!
//! let kb = KnowledgeBase::current();
//! assert_eq!(kb.schema_version, export::SCHEMA_VERSION);
//! let json = kb.to_json();
//! assert!(json.starts_with("{\n  \"schema_version\": 1,"));
//!
//! let schema = export::json_schema();
//! assert_eq!(schema.get("$schema").unwrap(), "https://json-schema.org/draft/2020-12/schema");
//! ```
//!
//! # Order
//!
//! The same data always gives the same bytes: every list of records is sorted by its key (byte
//! order of the name or id), whatever the order of `data/`:
//! documents by `id`, scopes by `name`, account types, APIs and auth schemes by `id`, use cases by
//! table (`current` first) and then `row` (their position in the documented table), routes by
//! `template` and then `host`, and a route's operations by method (GET, HEAD, POST, PUT, PATCH,
//! DELETE). Lists inside a record keep the order of the data, which is meaningful (`accepted`
//! starts with the least-privileged scope; `sources` start with the main source).
//!
//! # Compatibility
//!
//! [`SCHEMA_VERSION`] changes when a field is renamed, removed or changes meaning. New fields can
//! appear without a change of version, so the schema does not forbid unknown properties.

mod json;
mod linked;
mod links;

pub use crate::render::markdown::{markdown_pages, write_markdown, write_markdown_dir, MarkdownPage};
pub use json::{data_files_schema, json_schema, DataFile, DATA_FILES, DATA_FILES_SCHEMA_ID, SCHEMA_ID};
pub use links::{anchor, api_url, operation_url, route_url, scope_url, source_link, SourceLink, DEVELOPER_SITE};

use crate::{
    AccountTypeInfo, ApiInfo, AuthSchemeInfo, Document, OpenApiSnapshot, Operation, Route, ScopeInfo, UseCase,
};
use schemars::JsonSchema;
use serde::Serialize;

/// Version of the JSON export's format (the `schema_version` field).
///
/// ```
/// assert_eq!(bigcommerce_scopes::export::SCHEMA_VERSION, 1);
/// ```
pub const SCHEMA_VERSION: u32 = 1;

/// The whole bigcommerce-scopes knowledge base, as `bc-scopes export json` prints it.
///
/// Every OAuth scope, kind of API account, API, row of the account-type tables, auth scheme and
/// documented REST route with its per-method requirements, with the sources, notes and history of
/// each. Lists of records are sorted by their key, so the same data always gives the same bytes.
///
/// ```
/// use bigcommerce_scopes::export::KnowledgeBase;
///
/// let kb = KnowledgeBase::current();
/// let cart = kb.scopes.iter().find(|s| s.name == "store_cart").unwrap();
/// assert_eq!(cart.ui_name, "Carts");
/// assert!(kb.routes.iter().all(|r| !r.operations.is_empty()));
/// ```
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(title = "bigcommerce-scopes knowledge base")]
pub struct KnowledgeBase {
    /// Version of this document's format. It changes when a field is renamed, removed or changes
    /// meaning; fields may be added without a change.
    #[schemars(extend("const" = 1))]
    pub schema_version: u32,
    /// Version of the data (a date, `YYYY.MM.DD`).
    pub data_version: &'static str,
    /// The snapshot of BigCommerce's OpenAPI specs the routes come from.
    pub openapi: &'static OpenApiSnapshot,
    /// The documentation pages (one entry per version of a page) that `sources` refer to as
    /// `seed:{id}#{section}`, sorted by `id`.
    pub documents: Vec<&'static Document>,
    /// Every OAuth scope, sorted by `name`, each with the `docs_url` of its table on BigCommerce's
    /// API-accounts page.
    #[serde(serialize_with = "linked::scopes")]
    #[schemars(with = "Vec<linked::ScopeEntry>")]
    pub scopes: Vec<&'static ScopeInfo>,
    /// Every kind of API account, sorted by `id`.
    pub account_types: Vec<&'static AccountTypeInfo>,
    /// Every API, sorted by `id`, each with the `docs_url` of its page on BigCommerce's developer
    /// site.
    #[serde(serialize_with = "linked::apis")]
    #[schemars(with = "Vec<linked::ApiEntry>")]
    pub apis: Vec<&'static ApiInfo>,
    /// The rows of "Choosing the right kind of API account" (`table` = `current`) and of the older
    /// "Use cases by credential type" (`table` = `history`), sorted by table and row.
    pub use_cases: Vec<UseCaseRow>,
    /// Every auth scheme, sorted by `id`.
    pub auth_schemes: Vec<&'static AuthSchemeInfo>,
    /// Every documented route with its operations, sorted by `template`, then `host`.
    pub routes: Vec<RouteEntry>,
    /// Every source that a record's `sources` cites, with a title and a link, sorted by `id`.
    pub sources: Vec<SourceLink>,
}

/// A row of an account-type table, with its position in that table.
///
/// ```
/// use bigcommerce_scopes::{export::KnowledgeBase, UseCaseTable};
/// let kb = KnowledgeBase::current();
/// let first = &kb.use_cases[0];
/// assert_eq!((first.use_case.table, first.row), (UseCaseTable::Current, 1));
/// ```
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
pub struct UseCaseRow {
    /// Position of the row in its table as documented, from 1.
    #[schemars(range(min = 1))]
    pub row: u32,
    /// The row.
    #[serde(flatten)]
    pub use_case: &'static UseCase,
}

/// A documented route and its operations, one per documented HTTP method.
///
/// ```
/// use bigcommerce_scopes::{export::KnowledgeBase, Method};
/// let kb = KnowledgeBase::current();
/// let r = kb.routes.iter().find(|r| r.route.template == "/stores/{store_hash}/v3/catalog/products").unwrap();
/// assert_eq!(r.operations[0].method, Method::Get);
/// ```
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RouteEntry {
    /// The route.
    #[serde(flatten)]
    pub route: &'static Route,
    /// The route's reference page on BigCommerce's developer site: its OpenAPI spec's page, or its
    /// API's page where no docs page links to the spec's page.
    #[schemars(url)]
    pub url: String,
    /// Its operations, sorted by method (GET, HEAD, POST, PUT, PATCH, DELETE). HEAD is not listed
    /// separately: it needs what GET needs. Each has the `url` of its reference: its tag's page with
    /// the anchor of its summary where the docs show that page, else the route's `url`.
    #[serde(serialize_with = "linked::operations")]
    #[schemars(with = "Vec<linked::OperationEntry>")]
    pub operations: Vec<&'static Operation>,
}

impl KnowledgeBase {
    /// The knowledge base this build was compiled with, sorted for export.
    ///
    /// ```
    /// use bigcommerce_scopes::{export::KnowledgeBase, Route, Scope};
    /// let kb = KnowledgeBase::current();
    /// assert_eq!(kb.scopes.len(), Scope::all().len());
    /// assert_eq!(kb.routes.len(), Route::all().len());
    /// assert!(kb.scopes.windows(2).all(|w| w[0].name < w[1].name));
    /// ```
    pub fn current() -> KnowledgeBase {
        let mut documents: Vec<_> = Document::all().iter().collect();
        documents.sort_by_key(|d| d.id);
        let mut scopes: Vec<&ScopeInfo> = crate::Scope::all().iter().collect();
        scopes.sort_by_key(|s| s.name);
        let mut account_types: Vec<_> = crate::AccountType::all().iter().collect();
        account_types.sort_by_key(|a| a.account_type.as_str());
        let mut apis: Vec<_> = crate::Api::all().iter().collect();
        apis.sort_by_key(|a| a.id);
        let mut auth_schemes: Vec<_> = crate::AuthScheme::all().iter().collect();
        auth_schemes.sort_by_key(|a| a.id);
        let routes = route_entries();
        let sources = source_links(&scopes, &account_types, &apis, &auth_schemes, &routes);
        KnowledgeBase {
            schema_version: SCHEMA_VERSION,
            data_version: OpenApiSnapshot::data_version(),
            openapi: OpenApiSnapshot::current(),
            documents,
            scopes,
            account_types,
            apis,
            use_cases: use_case_rows(),
            auth_schemes,
            routes,
            sources,
        }
    }

    /// The document as pretty-printed JSON (two-space indent), ending with a newline.
    ///
    /// ```
    /// let json = bigcommerce_scopes::export::KnowledgeBase::current().to_json();
    /// let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    /// assert_eq!(value["scopes"][0]["name"], "MANAGE_TAX");
    /// assert!(json.ends_with("}\n"));
    /// ```
    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).expect("the knowledge base serializes to JSON");
        out.push('\n');
        out
    }

    /// Write the document as [`KnowledgeBase::to_json`] formats it.
    ///
    /// ```
    /// let mut buf = Vec::new();
    /// let kb = bigcommerce_scopes::export::KnowledgeBase::current();
    /// kb.write_json(&mut buf).unwrap();
    /// assert_eq!(buf, kb.to_json().into_bytes());
    /// ```
    pub fn write_json<W: std::io::Write>(&self, mut out: W) -> std::io::Result<()> {
        let mut writer = std::io::BufWriter::new(&mut out);
        serde_json::to_writer_pretty(&mut writer, self)?;
        std::io::Write::write_all(&mut writer, b"\n")?;
        std::io::Write::flush(&mut writer)
    }
}

/// Use cases numbered by their position in their own table, current table first.
fn use_case_rows() -> Vec<UseCaseRow> {
    let mut rows = Vec::with_capacity(UseCase::all().len());
    let mut tables: Vec<_> = UseCase::all().iter().map(|u| u.table).collect();
    tables.sort();
    tables.dedup();
    for table in tables {
        let in_table = UseCase::all().iter().filter(|u| u.table == table);
        rows.extend(in_table.zip(1..).map(|(use_case, row)| UseCaseRow { row, use_case }));
    }
    rows
}

/// Every route with its operations, sorted for export.
pub(crate) fn route_entries() -> Vec<RouteEntry> {
    let mut routes: Vec<RouteEntry> = Route::all()
        .iter()
        .map(|route| {
            let mut operations: Vec<_> = route.operations().iter().collect();
            operations.sort_by_key(|o| o.method);
            RouteEntry { route, url: route_url(route), operations }
        })
        .collect();
    routes.sort_by(|a, b| (a.route.template, a.route.host.as_str()).cmp(&(b.route.template, b.route.host.as_str())));
    routes
}

/// Every source the records cite, once, sorted by id, with its title and link.
fn source_links(
    scopes: &[&ScopeInfo],
    account_types: &[&AccountTypeInfo],
    apis: &[&ApiInfo],
    auth_schemes: &[&AuthSchemeInfo],
    routes: &[RouteEntry],
) -> Vec<SourceLink> {
    let mut ids: Vec<&str> = Vec::new();
    ids.extend(scopes.iter().flat_map(|s| s.sources.iter().copied()));
    ids.extend(account_types.iter().flat_map(|a| a.sources.iter().copied()));
    ids.extend(apis.iter().flat_map(|a| a.sources.iter().copied()));
    ids.extend(auth_schemes.iter().flat_map(|a| a.sources.iter().copied()));
    ids.extend(UseCase::all().iter().flat_map(|u| u.sources.iter().copied()));
    ids.extend(routes.iter().flat_map(|r| r.operations.iter().flat_map(|o| o.sources.iter().copied())));
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter().map(source_link).collect()
}

/// The whole knowledge base as JSON, written to `out` (what `bc-scopes export json` prints).
///
/// ```
/// let mut buf = Vec::new();
/// bigcommerce_scopes::export::write_json(&mut buf).unwrap();
/// let value: serde_json::Value = serde_json::from_slice(&buf).unwrap();
/// assert_eq!(value["schema_version"], 1);
/// ```
pub fn write_json<W: std::io::Write>(out: W) -> std::io::Result<()> {
    KnowledgeBase::current().write_json(out)
}
