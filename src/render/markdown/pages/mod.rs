//! The pages of the reference set, one module per kind of page.

mod account_types;
mod api;
mod index;
mod scope;
mod scope_table;
