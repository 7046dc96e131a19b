//! The data model of `data/`: shared, file for file, by `build.rs` (which reads and validates the
//! TOML) and the library (which exposes the vocabularies and the data-file JSON Schema).
//!
//! Only the model is public API: [`schema`] (the files' structure) and [`vocab`] (the closed
//! vocabularies). The layout helpers the build and the resolver share are private; validation is
//! public only for the build's own tests.

pub mod schema;
// Parts of these serve only build.rs, which includes this folder too. `segkey` stays reachable
// (hidden) so that its examples run as doctests.
#[doc(hidden)]
pub mod segkey;
#[allow(dead_code)]
pub(crate) mod template;
#[doc(hidden)]
pub mod validate;
pub mod vocab;
