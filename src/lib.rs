//! # bigcommerce-scopes
//!
//! The least-privilege knowledge base for BigCommerce's APIs: every OAuth scope, the three kinds of
//! API account (plus legacy basic-auth accounts), every auth scheme, and every documented REST
//! operation, compiled from `data/` into static tables at build time.
//!
//! ```
//! use bigcommerce_scopes::{AccountType, Api, Method, Scope};
//!
//! // Scopes, as BigCommerce spells them.
//! let scope: Scope = "store_v2_products_read_only".parse().unwrap();
//! assert!(scope.allows(Method::Get) && !scope.allows(Method::Post));
//! assert!(Scope::StoreV2Products.implies().contains(&scope));
//!
//! // Which account types support an API, and how to authenticate to it.
//! let api = Api::parse("GraphQL Storefront API").unwrap();
//! assert!(api.supports(AccountType::Store) && !api.supports(AccountType::App));
//! assert_eq!(api.auth_scheme().info().value_format, Some("Bearer {token}"));
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[cfg(feature = "check")]
pub mod check;
pub mod datafile;
pub mod export;
pub mod graphql;
pub mod plan;
pub mod render;
pub mod sdk;

mod account;
mod api;
mod auth;
mod error;
mod meta;
mod resolve;
mod route;
mod scope;
mod scope_set;
mod suggest;
mod tables;

pub use account::{AccountTypeInfo, UseCase};
pub use api::ApiInfo;
pub use auth::AuthSchemeInfo;
pub use datafile::vocab::{
    AccountType, ApiKind, AuthKind, Confidence, CredentialLocation, GraphqlOperation, HeldBy, Host, Method, Origin,
    Permission, RequirementKind, ScopeGroup, UseCaseTable,
};
pub use error::{Error, ErrorKind};
pub use meta::{Document, OpenApiSnapshot, DATA_VERSION};
pub use plan::{Audit, CallList, Plan};
#[doc(hidden)]
#[cfg(fuzzing)]
pub use resolve::check_fast_path;
pub use resolve::{resolve, resolve_str, Dropped, Resolution, MAX_TARGET_LEN};
pub use route::{Conditional, Operation, Route};
pub use scope::{ParsedScope, Resource, ScopeInfo};
pub use scope_set::{ParsedScopeList, ScopeSet, UnknownScope};
pub use tables::{Api, AuthScheme, Scope};

/// The README's Rust examples, compiled and run as doctests so they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
