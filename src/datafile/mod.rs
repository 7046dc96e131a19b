//! The data model of `data/`: shared, file for file, by `build.rs` (which reads and validates the
//! TOML) and the library (which exposes the vocabularies and the data-file JSON Schema).

pub mod schema;
pub mod segkey;
pub mod template;
pub mod validate;
pub mod vocab;
