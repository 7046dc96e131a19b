//! Documented routes and their operations (one per HTTP method), as generated from
//! `data/endpoints/`.

use crate::datafile::vocab::{Confidence, Host, Method, RequirementKind};
use crate::tables::{self, Api, AuthScheme, Scope};
use serde::Serialize;

/// A documented route template and the operations documented on it.
///
/// ```
/// use bigcommerce_scopes::{Api, Route};
/// let hooks = Route::all().iter().find(|r| r.template.ends_with("/v3/hooks")).unwrap();
/// assert_eq!((hooks.api, hooks.spec), (Api::Webhooks, "webhooks.v3.yml"));
/// ```
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct Route {
    /// The documented path, e.g. `/stores/{store_hash}/v3/catalog/products/{product_id}`.
    pub template: &'static str,
    /// Where it is served.
    pub host: Host,
    /// The API it belongs to.
    pub api: Api,
    /// The OpenAPI spec file it comes from.
    pub spec: &'static str,
    /// The spec's title.
    pub title: &'static str,
    #[serde(skip)]
    pub(crate) ops: (usize, usize),
    /// The index in `OPERATIONS` of the operation for each method (by `Method as usize`; HEAD has
    /// GET's), `u16::MAX` where none is documented.
    #[serde(skip)]
    pub(crate) by_method: [u16; 6],
    /// Remarks about the spec's scope table.
    pub spec_notes: &'static [&'static str],
    /// Another template can match some of the same concrete paths, with no literal-first order
    /// between them (the resolver then checks both).
    #[serde(skip)]
    pub(crate) crossed: bool,
}

/// One documented operation: a method on a route, and what it requires.
///
/// ```
/// use bigcommerce_scopes::{Method, Route, Scope};
/// let r = Route::all().iter().find(|r| r.template == "/stores/{store_hash}/v2/orders").unwrap();
/// let op = r.operation(Method::Post).unwrap();
/// assert_eq!(op.least, Some(Scope::StoreV2Orders));
/// ```
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct Operation {
    /// The HTTP method.
    pub method: Method,
    #[serde(skip)]
    pub(crate) route: usize,
    /// The spec's operationId.
    pub operation_id: &'static str,
    /// The spec's summary.
    pub summary: &'static str,
    /// What kind of requirement it has.
    pub requirement: RequirementKind,
    /// The least-privileged scope, where a scope is needed.
    pub least: Option<Scope>,
    /// Every scope that suffices (the least one first).
    pub accepted: &'static [Scope],
    /// Scopes needed in addition under a documented condition of the request.
    pub conditional: &'static [Conditional],
    /// Whether the requirement is documented for this path or inferred.
    pub confidence: Confidence,
    /// How the request authenticates.
    pub auth_scheme: AuthScheme,
    /// Deprecated in the spec.
    pub deprecated: bool,
    /// Internal (not public) in the spec.
    pub internal: bool,
    /// Why, where the rule is not the spec's table.
    pub notes: &'static [&'static str],
    /// Where the requirement comes from.
    pub sources: &'static [&'static str],
}

/// A scope an operation needs in addition when a documented condition holds (for example, a script
/// placed on checkout pages also needs Checkout Content).
///
/// ```
/// use bigcommerce_scopes::{resolve, Method, Scope};
/// let r = resolve(Method::Post, "/v3/content/scripts").unwrap();
/// assert_eq!(r.operation.conditional[0].scope, Scope::StoreContentCheckout);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Conditional {
    /// The additional scope.
    pub scope: Scope,
    /// When it is needed, as the docs state it.
    pub when: &'static str,
}

/// A node of the generated segment trie.
#[derive(Debug)]
pub(crate) struct Node {
    /// The slot mask of `slots` (see `datafile::segkey`; the multiplier is `tables::TRIE_MULT`).
    pub(crate) mask: u32,
    /// Literal children by the hash of their key; empty for nodes without literal children.
    pub(crate) slots: &'static [Slot],
    pub(crate) param: u32,
    pub(crate) route: u32,
}

/// A literal child of a trie node: its segment's key and text, and the child node.
#[derive(Debug)]
pub(crate) struct Slot {
    pub(crate) words: [u64; 2],
    /// `u32::MAX` for an empty slot (no segment is that long).
    pub(crate) len: u32,
    pub(crate) child: u32,
    pub(crate) text: &'static str,
}

/// A literal segment of the gateway's routes (its id in route shapes is its index in `LITERALS`).
#[derive(Debug)]
pub(crate) struct Literal {
    /// `datafile::segkey::chunks` of the text; under 16 bytes, the length in the top byte of the
    /// last chunk (padding there), as `resolve::fast` keys segments.
    pub(crate) words: [u64; 4],
    /// `u32::MAX` for an empty slot.
    pub(crate) len: u32,
}

impl Literal {
    /// Matches no segment: no key has its words, and no segment its length.
    pub(crate) const EMPTY: Literal = Literal { words: [u64::MAX; 4], len: u32::MAX };
}

/// A gateway route's shape (see `resolve::fast`) and the route.
#[derive(Debug)]
pub(crate) struct Shape {
    /// 0 for an empty slot.
    pub(crate) key: u128,
    pub(crate) route: &'static Route,
}

impl Slot {
    pub(crate) const EMPTY: Slot = Slot { words: [0, 0], len: u32::MAX, child: u32::MAX, text: "" };
}

impl Node {
    /// The child for a literal segment, given its key (`datafile::segkey::words`), if any.
    #[inline]
    pub(crate) fn child(&self, segment: &[u8], words: [u64; 2]) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let s = &self.slots[crate::datafile::segkey::slot(words, segment.len(), tables::TRIE_MULT, self.mask)];
        // Up to 16 bytes the key is the text; longer segments are compared in full.
        (s.len as usize == segment.len() && s.words == words && (segment.len() <= 16 || s.text.as_bytes() == segment))
            .then_some(s.child)
    }
}

impl Route {
    /// Every documented route, sorted by host and template.
    ///
    /// ```
    /// use bigcommerce_scopes::Route;
    /// assert!(Route::all().iter().any(|r| r.template == "/stores/{store_hash}/v3/catalog/products"));
    /// ```
    pub fn all() -> &'static [Route] {
        &tables::ROUTES
    }

    /// The operations documented on this route, sorted by method.
    ///
    /// ```
    /// use bigcommerce_scopes::{Method, Route};
    /// let r = Route::all().iter().find(|r| r.template == "/stores/{store_hash}/v3/catalog/products").unwrap();
    /// assert!(r.operations().iter().any(|o| o.method == Method::Get));
    /// ```
    pub fn operations(&self) -> &'static [Operation] {
        &tables::OPERATIONS[self.ops.0..self.ops.1]
    }

    /// The operation for `method` (HEAD is documented by GET).
    ///
    /// ```
    /// use bigcommerce_scopes::{Method, Route};
    /// let r = Route::all().iter().find(|r| r.template == "/stores/{store_hash}/v3/catalog/products").unwrap();
    /// assert_eq!(r.operation(Method::Head).unwrap().method, Method::Get);
    /// ```
    pub fn operation(&self, method: Method) -> Option<&'static Operation> {
        tables::OPERATIONS.get(self.by_method[method as usize] as usize)
    }
}

impl Operation {
    /// Every documented operation.
    ///
    /// ```
    /// assert!(bigcommerce_scopes::Operation::all().len() >= bigcommerce_scopes::Route::all().len());
    /// ```
    pub fn all() -> &'static [Operation] {
        &tables::OPERATIONS
    }

    /// The route this operation is on.
    ///
    /// ```
    /// let op = &bigcommerce_scopes::Operation::all()[0];
    /// assert!(op.route().operations().iter().any(|o| std::ptr::eq(o, op)));
    /// ```
    pub fn route(&self) -> &'static Route {
        &tables::ROUTES[self.route]
    }
}
