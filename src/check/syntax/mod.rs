//! Per-file syntax: the languages, a forgiving tokenizer, navigation over its tokens, and the
//! suppression comments. Nothing here knows HTTP or BigCommerce.

pub(crate) mod embedded;
pub mod lang;
pub(crate) mod lexer;
pub(crate) mod nav;
pub(crate) mod suppress;
