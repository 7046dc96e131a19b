//! The static tables `build.rs` generates from `data/`: the `Scope`, `Api` and `AuthScheme` enums,
//! their info arrays, `phf` name maps, the route trie (per node, a table of literal children
//! indexed by a collision-free hash), and the gateway's literal and route-shape tables that the
//! resolver's fast path uses.

use crate::account::{AccountTypeInfo, UseCase};
use crate::api::ApiInfo;
use crate::auth::AuthSchemeInfo;
use crate::datafile::vocab::*;
use crate::graphql::Statement;
use crate::meta::{Document, OpenApiSnapshot};
use crate::route::{Conditional, Literal, Node, Operation, Route, Shape, Slot};
use crate::scope::{Resource, ScopeInfo};

include!(concat!(env!("OUT_DIR"), "/tables.rs"));
