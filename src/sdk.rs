//! Calls made through BigCommerce SDKs, which carry no URL: for each SDK, the member chains its
//! users write (`Bigcommerce::Product.all`, `api.Orders.get(5)`, `$api->catalog()->products()->getAll()`)
//! and the HTTP method and route each one sends, as generated from `data/sdks/*.toml`. Every entry
//! names the SDK source file and version it was read from.
//!
//! ```
//! use bigcommerce_scopes::sdk::Sdk;
//! use bigcommerce_scopes::{Method, Scope};
//!
//! let python = Sdk::by_id("python-bigcommerce").unwrap();
//! let call = python.call(&["Orders", "get"]).unwrap();
//! assert_eq!((call.method, call.route), (Method::Get, "/stores/{store_hash}/v2/orders/{order_id}"));
//! assert_eq!(call.operation().unwrap().least, Some(Scope::StoreV2OrdersReadOnly));
//! ```

use crate::datafile::vocab::Method;
use crate::route::{Operation, Route};
use crate::tables;
use serde::Serialize;

/// One SDK: what it is, how to tell that a source file uses it, and the calls it offers.
///
/// ```
/// use bigcommerce_scopes::sdk::Sdk;
/// let ruby = Sdk::by_id("ruby-bigcommerce").unwrap();
/// assert_eq!((ruby.language, ruby.package, ruby.receiver), ("ruby", "bigcommerce", Some("Bigcommerce")));
/// assert!(ruby.markers.contains(&"Bigcommerce::"));
/// assert!(ruby.calls.iter().all(|c| c.sdk().id == ruby.id));
/// ```
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Sdk {
    /// Kebab-case id (`ruby-bigcommerce`), the data file's name.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// `ruby`, `python`, `php`, `javascript`, `typescript`, `go`, `csharp`, `java` or `rust`.
    pub language: &'static str,
    /// The name it is installed by (`bigcommerce`, `bigcommerce/api`, …).
    pub package: &'static str,
    /// The version (tag, or commit) the facts were read from.
    pub version: &'static str,
    /// `OWNER/REPO` of its source.
    pub repository: &'static str,
    /// Text whose presence in a source file says the SDK may be in use there.
    pub markers: &'static [&'static str],
    /// The receiver every call starts from (`Bigcommerce`), or `None` when calls start from any
    /// variable (`api.Products.all()`, `$api->catalog()`).
    pub receiver: Option<&'static str>,
    /// Remarks: how requests are sent, what is not listed and why.
    pub notes: &'static [&'static str],
    /// Every call, in the data file's order.
    pub calls: &'static [SdkCall],
}

/// One call of an SDK: the member chain that makes it and the request it sends.
///
/// ```
/// use bigcommerce_scopes::sdk::Sdk;
/// use bigcommerce_scopes::Method;
/// let aligent = Sdk::by_id("php-aligent-bigcommerce-api-client").unwrap();
/// let call = aligent.call(&["catalog", "product", "variants", "getAll"]).unwrap();
/// assert_eq!(call.method, Method::Get);
/// assert_eq!(call.route, "/stores/{store_hash}/v3/catalog/products/{product_id}/variants");
/// assert!(call.documented && call.path_argument.is_none());
/// assert!(call.source.starts_with("code:aligent/bigcommerce-v3-api-php-client@"));
/// ```
#[derive(Debug, Clone, Copy, Serialize)]
pub struct SdkCall {
    /// Member names after the receiver, in order; the last one is called.
    pub chain: &'static [&'static str],
    /// The HTTP method sent.
    pub method: Method,
    /// The documented route template (as [`Route::template`] spells it); for a call whose path is
    /// an argument, the API base the path is joined to; for an undocumented call, the SDK's own
    /// path as a template.
    pub route: &'static str,
    /// For calls whose path is an argument (`getCollection($path)`): which argument, 0-based.
    pub path_argument: Option<u8>,
    /// Whether `route` is a documented route. `false` when the SDK sends to a path the specs do not
    /// document (retired v2 catalog resources, SDK bugs): such a call has no scope to report.
    pub documented: bool,
    /// Where the fact comes from: `code:OWNER/REPO@VERSION/PATH`.
    pub source: &'static str,
    /// A remark (what differs from the plain pattern).
    pub note: Option<&'static str>,
    /// Index of the SDK in `SDKS`.
    #[serde(skip)]
    pub(crate) sdk: u8,
    /// The documented route, for documented calls with a fixed path.
    #[serde(skip)]
    pub(crate) resolved: Option<&'static Route>,
}

impl Sdk {
    /// Every SDK, sorted by id.
    ///
    /// ```
    /// use bigcommerce_scopes::sdk::Sdk;
    /// let all = Sdk::all();
    /// assert!(all.windows(2).all(|w| w[0].id < w[1].id));
    /// assert!(all.iter().all(|s| !s.calls.is_empty()));
    /// ```
    pub fn all() -> &'static [Sdk] {
        &tables::SDKS
    }

    /// The SDK with this id.
    ///
    /// ```
    /// use bigcommerce_scopes::sdk::Sdk;
    /// assert_eq!(Sdk::by_id("php-bigcommerce-api").unwrap().package, "bigcommerce/api");
    /// assert!(Sdk::by_id("no-such-sdk").is_none());
    /// ```
    pub fn by_id(id: &str) -> Option<&'static Sdk> {
        Sdk::all().iter().find(|s| s.id == id)
    }

    /// Every call, of any SDK, whose chain ends in `last`: the lookup a code checker starts from when
    /// it sees a call of a method named `last`. A hashed lookup; empty when no SDK has such a call.
    ///
    /// ```
    /// use bigcommerce_scopes::sdk::Sdk;
    /// let calls = Sdk::calls_ending_in("getVariantsByProductId");
    /// assert!(!calls.is_empty() && calls.iter().all(|c| c.last() == "getVariantsByProductId"));
    /// assert!(Sdk::calls_ending_in("noSuchMethod").is_empty());
    /// ```
    pub fn calls_ending_in(last: &str) -> &'static [&'static SdkCall] {
        tables::SDK_CALLS_BY_LAST.get(last).copied().unwrap_or(&[])
    }

    /// This SDK's call with exactly this chain (member names after the receiver).
    ///
    /// ```
    /// use bigcommerce_scopes::sdk::Sdk;
    /// use bigcommerce_scopes::Method;
    /// let php = Sdk::by_id("php-bigcommerce-api").unwrap();
    /// let create = php.call(&["createCoupon"]).unwrap();
    /// assert_eq!((create.method, create.route), (Method::Post, "/stores/{store_hash}/v2/coupons"));
    /// assert!(php.call(&["createCoupon", "extra"]).is_none());
    /// ```
    pub fn call(&self, chain: &[&str]) -> Option<&'static SdkCall> {
        let last = chain.last()?;
        Sdk::calls_ending_in(last).iter().copied().find(|c| c.sdk().id == self.id && c.chain == chain)
    }
}

impl SdkCall {
    /// The SDK this call belongs to.
    ///
    /// ```
    /// use bigcommerce_scopes::sdk::Sdk;
    /// let call = Sdk::calls_ending_in("getAllPages")[0];
    /// assert!(call.sdk().calls.iter().any(|c| std::ptr::eq(c, call)));
    /// ```
    pub fn sdk(&self) -> &'static Sdk {
        &tables::SDKS[self.sdk as usize]
    }

    /// The member that is called: the chain's last.
    ///
    /// ```
    /// use bigcommerce_scopes::sdk::Sdk;
    /// let ruby = Sdk::by_id("ruby-bigcommerce").unwrap();
    /// assert_eq!(ruby.call(&["OrderProduct", "all"]).unwrap().last(), "all");
    /// ```
    pub fn last(&self) -> &'static str {
        self.chain[self.chain.len() - 1]
    }

    /// The documented route this call sends to: `None` for undocumented calls and for calls whose
    /// path is an argument.
    ///
    /// ```
    /// use bigcommerce_scopes::sdk::Sdk;
    /// let ruby = Sdk::by_id("ruby-bigcommerce").unwrap();
    /// let orders = ruby.call(&["Order", "all"]).unwrap();
    /// assert_eq!(orders.documented_route().unwrap().template, orders.route);
    /// // BigCommerce retired the v2 catalog: the specs no longer document `/v2/products`.
    /// assert!(ruby.call(&["Product", "all"]).unwrap().documented_route().is_none());
    /// ```
    pub fn documented_route(&self) -> Option<&'static Route> {
        self.resolved
    }

    /// The documented operation this call performs, with its scopes: `None` where
    /// [`SdkCall::documented_route`] is `None`.
    ///
    /// ```
    /// use bigcommerce_scopes::sdk::Sdk;
    /// use bigcommerce_scopes::Scope;
    /// let wp = Sdk::by_id("php-bigcommerce-v3-generated").unwrap();
    /// let op = wp.call(&["getProducts"]).unwrap().operation().unwrap();
    /// assert_eq!(op.least, Some(Scope::StoreV2ProductsReadOnly));
    /// ```
    pub fn operation(&self) -> Option<&'static Operation> {
        self.resolved?.operation(self.method)
    }
}
