//! The structure of the TOML files in `data/`, as the build script reads them.
//!
//! `bc-scopes export schema --data-files` prints the JSON Schema of these types so contributors'
//! editors can check the files.

use super::vocab::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `data/meta.toml`: where the data comes from.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetaFile {
    /// Version of the knowledge base (a date).
    pub data_version: String,
    /// The OpenAPI snapshot the endpoint data was taken from.
    pub openapi: OpenApiSnapshot,
    /// The source documents, oldest first.
    pub document: Vec<DocumentEntry>,
    /// The snapshot of BigCommerce's `docs/` prose the `docs:` sources cite.
    pub docs: DocsSnapshot,
}

/// A snapshot of BigCommerce's documentation pages (`docs/` of the docs repository).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocsSnapshot {
    /// Repository the pages come from.
    pub repository: String,
    /// Folder of the pages in it.
    pub folder: String,
    /// Commit of the snapshot.
    pub commit: String,
    /// Date of that commit.
    pub commit_date: String,
    /// Every page a `docs:PAGE#section` source may cite, relative to `folder`.
    pub pages: Vec<String>,
}

/// A snapshot of BigCommerce's OpenAPI specs.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenApiSnapshot {
    /// Repository the specs come from.
    pub repository: String,
    /// Folder of the specs in it.
    pub folder: String,
    /// Commit of the snapshot.
    pub commit: String,
    /// Date of that commit.
    pub commit_date: String,
    /// How many spec files it holds.
    pub specs: u32,
}

/// One source document (a version of a documentation page).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentEntry {
    /// Short id used in `sources` (`seed:004#section`).
    pub id: String,
    /// The page's title.
    pub title: String,
    /// Which page this is a version of.
    pub page: String,
    /// When it was current (`current` for the newest).
    pub era: String,
    /// Remarks.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// `data/account_types.toml`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountTypesFile {
    /// The account types.
    pub account_type: Vec<AccountTypeEntry>,
}

/// One kind of API account.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountTypeEntry {
    /// Which account type.
    pub id: AccountType,
    /// Its name in the docs.
    pub name: String,
    /// Other names the docs use.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Whether BigCommerce still issues it.
    pub issued: bool,
    /// Where it is created.
    pub created_in: String,
    /// What it consists of.
    pub consists_of: Vec<String>,
    /// How its access token is obtained.
    pub token: String,
    /// Whether and when its access token expires.
    pub expires: String,
    /// What invalidates or refreshes its access token.
    pub invalidated_by: Vec<String>,
    /// How it is revoked.
    pub revocation: String,
    /// Whether its OAuth scopes can be changed after creation.
    pub scopes_changeable: bool,
    /// Resources only the creating API account can see.
    pub creator_only_resources: Vec<String>,
    /// Where each fact comes from.
    pub sources: Vec<String>,
    /// Remarks and conflicts between documents.
    #[serde(default)]
    pub notes: Vec<String>,
    /// What older documents said.
    #[serde(default)]
    pub history: Vec<String>,
}

/// `data/auth_schemes.toml`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuthSchemesFile {
    /// The auth schemes.
    pub auth_scheme: Vec<AuthSchemeEntry>,
}

/// One way requests authenticate.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuthSchemeEntry {
    /// Kebab-case id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The family it belongs to.
    pub kind: AuthKind,
    /// Where the credential travels.
    pub location: CredentialLocation,
    /// Header name, where it is a header.
    pub header: Option<String>,
    /// Query parameter name, where it is a query parameter.
    pub query_parameter: Option<String>,
    /// Form of the value sent.
    pub value_format: Option<String>,
    /// Where the credential comes from.
    pub credential: String,
    /// Endpoints that create the token (dynamic tokens).
    #[serde(default)]
    pub token_endpoints: Vec<String>,
    /// Scopes needed to create the token (dynamic tokens).
    #[serde(default)]
    pub token_scopes: Vec<String>,
    /// Account types that use it.
    pub account_types: Vec<AccountType>,
    /// Deprecated headers of this scheme.
    #[serde(default)]
    pub deprecated_headers: Vec<String>,
    /// Where each fact comes from.
    pub sources: Vec<String>,
    /// Remarks.
    #[serde(default)]
    pub notes: Vec<String>,
    /// What older documents said.
    #[serde(default)]
    pub history: Vec<String>,
}

/// `data/apis.toml`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApisFile {
    /// The APIs.
    pub api: Vec<ApiEntry>,
}

/// One API.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApiEntry {
    /// Kebab-case slug.
    pub id: String,
    /// Display name as documented.
    pub name: String,
    /// Other names (matched case-insensitively).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// REST, GraphQL or provider.
    pub kind: ApiKind,
    /// Id of its auth scheme.
    pub auth_scheme: String,
    /// Base URLs, where documented.
    #[serde(default)]
    pub base_urls: Vec<String>,
    /// Account types that support it.
    pub account_types: Vec<AccountType>,
    /// What it is for.
    pub description: String,
    /// Where each fact comes from.
    pub sources: Vec<String>,
    /// Remarks.
    #[serde(default)]
    pub notes: Vec<String>,
    /// What older documents said.
    #[serde(default)]
    pub history: Vec<String>,
}

/// `data/use_cases.toml`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UseCasesFile {
    /// The rows.
    pub use_case: Vec<UseCaseEntry>,
}

/// One row of an account-type table.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UseCaseEntry {
    /// Current table or history.
    pub table: UseCaseTable,
    /// The row's text.
    pub name: String,
    /// APIs the row is about.
    #[serde(default)]
    pub apis: Vec<String>,
    /// Account types marked in the row.
    pub account_types: Vec<AccountType>,
    /// Where it comes from.
    pub sources: Vec<String>,
    /// Remarks.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// `data/scopes.toml`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScopesFile {
    /// The scopes.
    pub scope: Vec<ScopeEntry>,
}

/// One OAuth scope.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScopeEntry {
    /// The parameter BigCommerce sends (case-sensitive).
    pub name: String,
    /// Name in the control panel; empty when no document gives one (origin `token`).
    pub ui_name: String,
    /// Permission as documented.
    pub permission: Permission,
    /// The table it belongs to.
    pub group: ScopeGroup,
    /// Where it is known from.
    #[serde(default = "docs_origin")]
    pub origin: Origin,
    /// Description as documented.
    pub description: String,
    /// Resources it grants.
    pub resources: Vec<ResourceEntry>,
    /// Its modify / read-only twin.
    pub twin: Option<String>,
    /// Other spellings seen in specs; parsing them gives this scope with a warning.
    #[serde(default)]
    pub variants: Vec<String>,
    /// How OAuth token responses spell it, where that differs from `name` (`store_v2_default` for
    /// `default`); parsing them gives this scope without a warning. `sources` names where each is seen.
    #[serde(default)]
    pub token_names: Vec<String>,
    /// Account types that can hold it.
    pub account_types: Vec<AccountType>,
    /// Where each fact comes from.
    pub sources: Vec<String>,
    /// Remarks and conflicts.
    #[serde(default)]
    pub notes: Vec<String>,
    /// What older documents said.
    #[serde(default)]
    pub history: Vec<String>,
}

fn held_by_request() -> HeldBy {
    HeldBy::Request
}

fn docs_origin() -> Origin {
    Origin::Docs
}

/// A resource a scope grants.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResourceEntry {
    /// Name as documented ("Catalog V3").
    pub name: String,
    /// Path as documented ("/v3/catalog"), where a document gives one.
    pub path: Option<String>,
}

/// `data/endpoints/*.toml`: the operations of one OpenAPI spec.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EndpointsFile {
    /// Spec file, relative to BigCommerce's `reference/` folder.
    pub spec: String,
    /// The spec's title.
    pub title: String,
    /// API slug.
    pub api: String,
    /// Server path (api.bigcommerce.com) or full server URL (other hosts).
    pub base: String,
    /// File-level remarks.
    #[serde(default)]
    pub notes: Vec<String>,
    /// The operations.
    pub operation: Vec<OperationEntry>,
}

/// One documented operation.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OperationEntry {
    /// HTTP method.
    pub method: Method,
    /// The spec's path key, relative to `base`.
    pub path: String,
    /// The spec's operationId.
    #[serde(default)]
    pub operation_id: String,
    /// The spec's summary.
    #[serde(default)]
    pub summary: String,
    /// What the operation requires.
    pub requirement: RequirementKind,
    /// Least-privileged scope (requirement = "scope").
    pub scope: Option<String>,
    /// Other scopes that also suffice, beyond those implying `scope`.
    #[serde(default)]
    pub also: Vec<String>,
    /// Scopes needed in addition to `scope` under a documented condition of the request (e.g. a
    /// script placed on checkout pages): never folded into `scope`, always reported.
    #[serde(default)]
    pub conditional: Vec<ConditionalEntry>,
    /// How sure the requirement is.
    pub confidence: Confidence,
    /// Where a source documents a read-only scope for a method other than GET: its statement.
    /// Without it, a read-only scope on such a method is refused.
    pub read_only_exception: Option<String>,
    /// Auth scheme, when it differs from the API's.
    pub auth: Option<String>,
    /// Deprecated in the spec.
    #[serde(default)]
    pub deprecated: bool,
    /// Internal (not public) in the spec.
    #[serde(default)]
    pub internal: bool,
    /// Why, when the rule is not the spec's table.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Sources; defaults to the file's spec.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A scope an operation needs in addition under a documented condition.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConditionalEntry {
    /// The additional scope (for GET: its read-only form where one exists).
    pub scope: String,
    /// When it is needed, as the docs state it.
    pub when: String,
}

/// `data/graphql/*.toml`: the scope statements of one documentation page about a GraphQL API.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GraphqlFile {
    /// API slug (`graphql-admin`, `graphql-account`, `graphql-storefront`).
    pub api: String,
    /// The feature the page describes.
    pub feature: String,
    /// The docs page the statements come from, relative to the docs folder.
    pub page: String,
    /// File-level remarks (gaps, conflicts).
    #[serde(default)]
    pub notes: Vec<String>,
    /// The statements.
    #[serde(default)]
    pub statement: Vec<StatementEntry>,
}

/// What the docs say one GraphQL field (and everything selected under it) needs.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatementEntry {
    /// Query or mutation.
    pub operation: GraphqlOperation,
    /// Field names from the operation's root, dotted (`store.translations`); `*` alone for every
    /// root field of the operation type.
    pub path: String,
    /// What the field requires (`scope` or `none`).
    pub requirement: RequirementKind,
    /// Least-privileged scope (requirement = "scope").
    pub scope: Option<String>,
    /// Other scopes that also suffice, beyond those implying `scope`.
    #[serde(default)]
    pub also: Vec<String>,
    /// Scopes needed in addition under a documented condition of the request.
    #[serde(default)]
    pub conditional: Vec<ConditionalEntry>,
    /// Who holds the scope: the account sending the request, or the one that minted its token.
    #[serde(default = "held_by_request")]
    pub held_by: HeldBy,
    /// Documented for this field, or matched to the page's scope table.
    pub confidence: Confidence,
    /// Where it comes from.
    pub sources: Vec<String>,
    /// Why, and conflicts between pages.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// Every data file, parsed, with the file each part came from.
#[derive(Debug, Clone)]
pub struct DataSet {
    /// `meta.toml`.
    pub meta: MetaFile,
    /// `account_types.toml`.
    pub account_types: AccountTypesFile,
    /// `auth_schemes.toml`.
    pub auth_schemes: AuthSchemesFile,
    /// `apis.toml`.
    pub apis: ApisFile,
    /// `use_cases.toml`.
    pub use_cases: UseCasesFile,
    /// `scopes.toml`.
    pub scopes: ScopesFile,
    /// `endpoints/*.toml`, with their file names.
    pub endpoints: Vec<(String, EndpointsFile)>,
    /// `graphql/*.toml`, with their file names.
    pub graphql: Vec<(String, GraphqlFile)>,
}
