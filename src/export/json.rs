//! JSON Schemas: of the JSON export, and of the `data/` files.

use super::KnowledgeBase;
use crate::datafile::schema::{
    AccountTypesFile, ApisFile, AuthSchemesFile, EndpointsFile, MetaFile, ScopesFile, UseCasesFile,
};
use schemars::generate::{SchemaGenerator, SchemaSettings};
use schemars::transform::transform_subschemas;
use schemars::{json_schema, JsonSchema, Schema};
use serde_json::Value;

/// The JSON Schema (draft 2020-12) of the JSON export, [`KnowledgeBase`] (what
/// `bc-scopes export schema` prints).
///
/// It is generated from the types that serialize the export, for serialization: every property
/// the export writes is `required` (optional values are written as `null`), and every property has
/// a `description`. Unknown properties are allowed, so that a newer export with added fields still
/// validates against an older schema of the same `schema_version`.
///
/// ```
/// let schema = bigcommerce_scopes::export::json_schema();
/// assert_eq!(schema.get("$schema").unwrap(), "https://json-schema.org/draft/2020-12/schema");
/// assert!(schema.get("properties").unwrap().get("routes").is_some());
/// ```
pub fn json_schema() -> Schema {
    let mut schema = settings().for_serialize().into_generator().into_root_schema_for::<KnowledgeBase>();
    schema.insert("$id".into(), SCHEMA_ID.into());
    schema
}

/// The `$id` of [`json_schema()`]: a URL under the crate's documentation on docs.rs, with the
/// crate's version. It names the schema of that release and never changes for it; it is an
/// identifier, not an address the schema is fetched from.
///
/// ```
/// use bigcommerce_scopes::export::{json_schema, SCHEMA_ID};
/// assert!(SCHEMA_ID.starts_with("https://docs.rs/bigcommerce-scopes/"));
/// assert!(SCHEMA_ID.ends_with("/schema/knowledge-base.schema.json"));
/// assert_eq!(json_schema().get("$id").unwrap(), SCHEMA_ID);
/// ```
pub const SCHEMA_ID: &str =
    concat!("https://docs.rs/bigcommerce-scopes/", env!("CARGO_PKG_VERSION"), "/schema/knowledge-base.schema.json");

/// The `$id` of [`data_files_schema`], in the same form as [`SCHEMA_ID`].
///
/// ```
/// use bigcommerce_scopes::export::{data_files_schema, DATA_FILES_SCHEMA_ID};
/// assert!(DATA_FILES_SCHEMA_ID.ends_with("/schema/data-files.schema.json"));
/// assert_eq!(data_files_schema().get("$id").unwrap(), DATA_FILES_SCHEMA_ID);
/// ```
pub const DATA_FILES_SCHEMA_ID: &str =
    concat!("https://docs.rs/bigcommerce-scopes/", env!("CARGO_PKG_VERSION"), "/schema/data-files.schema.json");

/// One kind of file in `data/`, and the definition in [`data_files_schema`] that describes it.
///
/// ```
/// use bigcommerce_scopes::export::DATA_FILES;
/// let scopes = DATA_FILES.iter().find(|f| f.path == "scopes.toml").unwrap();
/// assert_eq!(scopes.definition, "ScopesFile");
/// assert!(scopes.matches("scopes.toml") && !scopes.matches("apis.toml"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataFile {
    /// Path relative to `data/`; `*` stands for any file name (`endpoints/*.toml`).
    pub path: &'static str,
    /// Name of its definition under `$defs` in [`data_files_schema`].
    pub definition: &'static str,
}

/// Every kind of data file, in the order of `data/README.md`.
pub const DATA_FILES: &[DataFile] = &[
    DataFile { path: "meta.toml", definition: "MetaFile" },
    DataFile { path: "account_types.toml", definition: "AccountTypesFile" },
    DataFile { path: "auth_schemes.toml", definition: "AuthSchemesFile" },
    DataFile { path: "apis.toml", definition: "ApisFile" },
    DataFile { path: "use_cases.toml", definition: "UseCasesFile" },
    DataFile { path: "scopes.toml", definition: "ScopesFile" },
    DataFile { path: "endpoints/*.toml", definition: "EndpointsFile" },
];

impl DataFile {
    /// The kind of file at `path` (relative to `data/`, with `/` separators), if it is a data file.
    ///
    /// ```
    /// use bigcommerce_scopes::export::DataFile;
    /// assert_eq!(DataFile::for_path("endpoints/orders-v3.toml").unwrap().definition, "EndpointsFile");
    /// assert!(DataFile::for_path("README.md").is_none());
    /// ```
    pub fn for_path(path: &str) -> Option<&'static DataFile> {
        DATA_FILES.iter().find(|f| f.matches(path))
    }

    /// Whether `path` (relative to `data/`) is a file of this kind.
    ///
    /// ```
    /// use bigcommerce_scopes::export::DATA_FILES;
    /// let endpoints = DATA_FILES.last().unwrap();
    /// assert!(endpoints.matches("endpoints/carts-v3.toml"));
    /// assert!(!endpoints.matches("endpoints/sub/carts-v3.toml"));
    /// ```
    pub fn matches(&self, path: &str) -> bool {
        match self.path.split_once('*') {
            None => path == self.path,
            Some((prefix, suffix)) => path
                .strip_prefix(prefix)
                .and_then(|rest| rest.strip_suffix(suffix))
                .is_some_and(|name| !name.is_empty() && !name.contains('/')),
        }
    }

    /// A schema for this kind of file alone: [`data_files_schema`] with its root pointing at this
    /// kind's definition.
    ///
    /// ```
    /// use bigcommerce_scopes::export::DataFile;
    /// let schema = DataFile::for_path("apis.toml").unwrap().schema();
    /// assert_eq!(schema.get("$ref").unwrap(), "#/$defs/ApisFile");
    /// ```
    pub fn schema(&self) -> Schema {
        let mut schema = data_files_schema();
        let obj = schema.ensure_object();
        obj.remove("oneOf");
        // A schema of its own, not the combined one that `$id` names.
        obj.remove("$id");
        obj.insert("title".into(), format!("bigcommerce-scopes data file data/{}", self.path).into());
        obj.insert("description".into(), format!("A `data/{}` file of bigcommerce-scopes.", self.path).into());
        obj.insert("$ref".into(), format!("#/$defs/{}", self.definition).into());
        schema
    }
}

/// The JSON Schema (draft 2020-12) of the TOML files in `data/` (what
/// `bc-scopes export schema --data-files` prints), generated from the types `build.rs` reads them
/// with ([`crate::datafile::schema`]).
///
/// One document for every kind of file: `$defs` holds a definition per kind (see [`DATA_FILES`]:
/// `ScopesFile` for `scopes.toml`, `EndpointsFile` for `endpoints/*.toml`, …) and the root accepts
/// exactly one of them (`oneOf`), so the same schema checks any data file. A TOML file is checked as
/// the JSON value it maps to. [`DataFile::schema`] gives a schema for one kind alone.
///
/// ```
/// let schema = bigcommerce_scopes::export::data_files_schema();
/// let defs = schema.get("$defs").unwrap().as_object().unwrap();
/// assert!(defs.contains_key("ScopesFile") && defs.contains_key("EndpointsFile"));
/// ```
pub fn data_files_schema() -> Schema {
    let mut generator = SchemaGenerator::new(settings().for_deserialize());
    let one_of = vec![
        kind::<MetaFile>(&mut generator, "meta.toml"),
        kind::<AccountTypesFile>(&mut generator, "account_types.toml"),
        kind::<AuthSchemesFile>(&mut generator, "auth_schemes.toml"),
        kind::<ApisFile>(&mut generator, "apis.toml"),
        kind::<UseCasesFile>(&mut generator, "use_cases.toml"),
        kind::<ScopesFile>(&mut generator, "scopes.toml"),
        kind::<EndpointsFile>(&mut generator, "endpoints/*.toml"),
    ];
    let meta_schema = generator.settings().meta_schema.clone().expect("draft 2020-12 names its meta-schema");
    let defs = generator.take_definitions(true);
    json_schema!({
        "$schema": meta_schema,
        "$id": DATA_FILES_SCHEMA_ID,
        "title": "bigcommerce-scopes data files",
        "description": "The TOML files in `data/` of bigcommerce-scopes, each checked as the JSON value it maps to. A file matches exactly one definition of `$defs`: `meta.toml` MetaFile, `account_types.toml` AccountTypesFile, `auth_schemes.toml` AuthSchemesFile, `apis.toml` ApisFile, `use_cases.toml` UseCasesFile, `scopes.toml` ScopesFile, `endpoints/*.toml` EndpointsFile.",
        "oneOf": one_of,
        "$defs": defs,
    })
}

/// A `$ref` to the definition of `T`, described by the data file it is for.
fn kind<T: JsonSchema>(generator: &mut SchemaGenerator, path: &str) -> Schema {
    let mut reference = generator.subschema_for::<T>();
    debug_assert!(DATA_FILES.iter().any(|f| f.path == path && f.definition == T::schema_name()));
    reference.insert("description".into(), format!("data/{path}").into());
    reference
}

/// Draft 2020-12, with descriptions tidied for readers of the schema.
fn settings() -> SchemaSettings {
    SchemaSettings::draft2020_12().with_transform(tidy_descriptions as fn(&mut Schema))
}

/// Doc comments become descriptions: drop their code examples (which are for Rust readers) and
/// unwrap their lines, keeping paragraph breaks.
fn tidy_descriptions(schema: &mut Schema) {
    if let Some(Value::String(d)) = schema.get_mut("description") {
        *d = tidy(d);
    }
    transform_subschemas(&mut (tidy_descriptions as fn(&mut Schema)), schema);
}

fn tidy(doc: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut in_fence = false;
    for line in doc.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        if trimmed.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(trimmed);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn descriptions_lose_examples_and_line_wraps() {
        let doc = "First line\nwrapped.\n\nSecond.\n\n```\nlet x = 1;\n\nassert!(x);\n```";
        assert_eq!(tidy(doc), "First line wrapped.\n\nSecond.");
    }
}
