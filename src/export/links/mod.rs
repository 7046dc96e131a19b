//! Links to BigCommerce's developer site (<https://developer.bigcommerce.com>) for routes,
//! operations, scopes and APIs, and readable titles with links for sources.
//!
//! Every rule below comes from the links in BigCommerce's own docs pages (`bigcommerce/docs`,
//! folder `docs/`, at the commit of `data/meta.toml`); the evidence is named with each rule.
//!
//! # Reference pages of REST routes
//!
//! A reference URL has the shape `/docs/{section}/{spec page}[/{tag page}]#{operation}`:
//! `[Get a Product](/docs/rest-catalog/products#get-a-product)` (`store-operations/catalog/index.mdx`)
//! is the `Products` tag of `catalog/products_catalog.v3.yml`, and
//! `[Create a product image](/docs/rest-catalog/products/images#create-a-product-image)` its
//! `Images` tag. Neither the section nor the page can be computed from the spec's file name or
//! title (`orders.v3.yml` is `/docs/rest-management/transactions`, `segments.v3.yml`
//! `/docs/rest-management/customer-segmentation`, the `Listings` tag of `channels.v3.yml`
//! `/docs/rest-management/channels/channel-listings`), so the pages are a table, each entry with
//! the docs file and line that shows it (`reference.rs`):
//!
//! - a route links to its spec's page;
//! - an operation links to the page of its tag, with the anchor of its summary, where the docs
//!   show that tag's page; otherwise to its spec's page, without an anchor;
//! - the anchor of a summary is its slug: lower case, characters other than letters, digits,
//!   spaces and hyphens dropped, runs of spaces as one hyphen ("Delete a Site's Checkout URL" →
//!   `delete-a-sites-checkout-url`, `integrations/webhooks/events/channels.mdx`; "Get Prices
//!   (Batch)" → `get-prices-batch`, `integrations/hosted-analytics.mdx`);
//! - a spec no docs page links to (`form_fields.sf.yml`, `infrastructure_hosting.v3.yml`,
//!   `promotion_settings.v3.yml`, `shipping.v3.yml`, `store_information.v3.yml`,
//!   `tax_zone_check.v3.yml`, and `tax_classes.v2.yml` and `tax_classes.v3.yaml`, which share the
//!   title "Tax Classes" while the docs link one page `/docs/rest-management/tax-classes`) links
//!   to its API's page.
//!
//! # APIs
//!
//! An API links to the page the docs link its name to, e.g. `[REST Management
//! API](/docs/rest-management)`; see [`api_url`] for each API and its evidence.
//!
//! # Scopes
//!
//! A scope of the API-accounts page links to its table there: `#token-creation-scopes`,
//! `#store-resource-scopes`, `#account-resource-scopes` (the headings of
//! `start/authentication/api-accounts.mdx`, lines 186, 194 and 245; the docs link
//! `/docs/start/authentication/api-accounts#token-creation-scopes` in
//! `store-operations/payments/index.mdx` line 16). The `default` scope, described in the page's
//! "OAuth scopes" section (line 183), and the scopes the page does not list (named only by a spec,
//! or only seen in token responses) link to `#oauth-scopes`
//! (`store-operations/catalog/index.mdx` line 19), the nearest section.
//!
//! # Docs pages
//!
//! `docs/{path}.mdx` is served at `/docs/{path}`, and `{path}/index.mdx` at `/docs/{path}`:
//! `start/authentication/api-accounts.mdx` is linked as `/docs/start/authentication/api-accounts`
//! and `start/authentication/index.mdx` as `/docs/start/authentication`
//! (`start/authentication/api-accounts.mdx` line 10). A section anchor is the slug of its heading
//! (`## OAuth scopes` → `#oauth-scopes`). Pages in a `draft/` folder are not linked by any docs
//! page, so they get no URL.

mod reference;
mod sources;

pub use sources::{source_link, SourceLink};

use crate::{Api, Operation, Origin, Route, ScopeGroup, ScopeInfo};
use reference::SPEC_PAGES;

/// BigCommerce's developer site, which every reference URL starts with.
///
/// ```
/// assert_eq!(bigcommerce_scopes::export::DEVELOPER_SITE, "https://developer.bigcommerce.com");
/// ```
pub const DEVELOPER_SITE: &str = "https://developer.bigcommerce.com";

/// The API-accounts page, where BigCommerce lists the OAuth scopes.
const API_ACCOUNTS: &str = "/docs/start/authentication/api-accounts";

/// The reference page of a route: the page of its OpenAPI spec, or its API's page when no docs
/// page links to the spec's page.
///
/// ```
/// use bigcommerce_scopes::{export::route_url, Route};
/// let r = Route::all().iter().find(|r| r.template == "/stores/{store_hash}/v3/catalog/products/{product_id}").unwrap();
/// assert_eq!(route_url(r), "https://developer.bigcommerce.com/docs/rest-catalog/products");
/// ```
pub fn route_url(route: &Route) -> String {
    match SPEC_PAGES.iter().find(|p| p.spec == route.spec) {
        Some(p) => format!("{DEVELOPER_SITE}{}", p.page),
        None => api_url(route.api),
    }
}

/// The reference page of an operation: the page of its tag with the anchor of its summary where
/// the docs show that page, else [`route_url`].
///
/// ```
/// use bigcommerce_scopes::{export::operation_url, Method, Route};
/// let r = Route::all().iter().find(|r| r.template == "/stores/{store_hash}/v3/catalog/products/{product_id}").unwrap();
/// let op = r.operation(Method::Get).unwrap();
/// assert_eq!(operation_url(r, op), "https://developer.bigcommerce.com/docs/rest-catalog/products#get-a-product");
/// ```
pub fn operation_url(route: &Route, op: &Operation) -> String {
    let tag = SPEC_PAGES
        .iter()
        .filter(|p| p.spec == route.spec)
        .flat_map(|p| p.tags)
        .find(|t| t.operations.contains(&op.operation_id));
    match tag {
        Some(t) if !op.summary.is_empty() => format!("{DEVELOPER_SITE}{}#{}", t.page, anchor(op.summary)),
        _ => route_url(route),
    }
}

/// Where BigCommerce documents a scope: its table on the API-accounts page, or that page's
/// "OAuth scopes" section for a scope the page does not list in a table.
///
/// ```
/// use bigcommerce_scopes::{export::scope_url, Scope};
/// assert_eq!(
///     scope_url(Scope::StoreCart.info()),
///     "https://developer.bigcommerce.com/docs/start/authentication/api-accounts#store-resource-scopes"
/// );
/// ```
pub fn scope_url(scope: &ScopeInfo) -> String {
    let section = match (scope.origin, scope.group) {
        (Origin::Docs, ScopeGroup::TokenCreation) => "token-creation-scopes",
        (Origin::Docs, ScopeGroup::StoreResource) => "store-resource-scopes",
        (Origin::Docs, ScopeGroup::AccountResource) => "account-resource-scopes",
        _ => "oauth-scopes",
    };
    format!("{DEVELOPER_SITE}{API_ACCOUNTS}#{section}")
}

/// The docs page of an API: where BigCommerce's docs link the API's name.
///
/// | API | page | evidence (file under `docs/`, line) |
/// | --- | --- | --- |
/// | `rest-management` | `/docs/rest-management` | `storefront/catalyst/getting-started/workflows/manually-create-catalyst-channel.mdx` 3 |
/// | `rest-storefront` | `/docs/rest-storefront` | `storefront/cart-checkout/guide/rest-storefront.mdx` 8 |
/// | `graphql-admin` | `/docs/graphql-admin` | `store-operations/settings/locales.mdx` 3 |
/// | `graphql-storefront` | `/docs/storefront/graphql` | `start/authentication/graphql-storefront.mdx` 558 |
/// | `graphql-account` | `/docs/graphql-account/users` | `start/authentication/api-accounts.mdx` 249 |
/// | `customer-login` | `/docs/start/authentication/customer-login` | `store-operations/customers/index.mdx` 26 |
/// | `current-customer` | `/docs/start/authentication/current-customer` | `store-operations/customers/index.mdx` 27 |
/// | `payments` | `/docs/rest-payments` | `storefront/cart-checkout/guide/graphql-storefront.mdx` 45 |
/// | `shipping-provider` | `/docs/rest-contracts/shipping` | `integrations/shipping.mdx` 168 |
/// | `tax-provider` | `/docs/rest-contracts/tax` | `integrations/tax.mdx` 151 |
/// | `app-extensions` | `/docs/integrations/apps/app-extensions` | `start/authentication/api-accounts.mdx` 38 |
/// | `webhooks` | `/docs/integrations/webhooks` | `start/best-practices/index.mdx` 38 |
///
/// ```
/// use bigcommerce_scopes::{export::api_url, Api};
/// assert_eq!(api_url(Api::Payments), "https://developer.bigcommerce.com/docs/rest-payments");
/// ```
pub fn api_url(api: Api) -> String {
    let page = match api {
        Api::RestManagement => "/docs/rest-management",
        Api::RestStorefront => "/docs/rest-storefront",
        Api::GraphqlAdmin => "/docs/graphql-admin",
        Api::GraphqlStorefront => "/docs/storefront/graphql",
        Api::GraphqlAccount => "/docs/graphql-account/users",
        Api::CustomerLogin => "/docs/start/authentication/customer-login",
        Api::CurrentCustomer => "/docs/start/authentication/current-customer",
        Api::Payments => "/docs/rest-payments",
        Api::ShippingProvider => "/docs/rest-contracts/shipping",
        Api::TaxProvider => "/docs/rest-contracts/tax",
        Api::AppExtensions => "/docs/integrations/apps/app-extensions",
        Api::Webhooks => "/docs/integrations/webhooks",
    };
    format!("{DEVELOPER_SITE}{page}")
}

/// The anchor BigCommerce's developer site gives a heading or an operation summary: lower case,
/// characters other than ASCII letters, digits, spaces and hyphens dropped, runs of whitespace as
/// one hyphen.
///
/// ```
/// use bigcommerce_scopes::export::anchor;
/// assert_eq!(anchor("Delete a Site's Checkout URL"), "delete-a-sites-checkout-url");
/// assert_eq!(anchor("Get Prices (Batch)"), "get-prices-batch");
/// ```
pub fn anchor(text: &str) -> String {
    let kept: String =
        text.to_lowercase().chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || c.is_whitespace()).collect();
    kept.split_whitespace().collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Method, Scope};

    fn route(template: &str) -> &'static Route {
        Route::all().iter().find(|r| r.template == template).unwrap()
    }

    #[test]
    fn every_listed_operation_exists_in_its_spec() {
        for p in SPEC_PAGES {
            let ops: Vec<&str> = Route::all()
                .iter()
                .filter(|r| r.spec == p.spec)
                .flat_map(|r| r.operations())
                .map(|o| o.operation_id)
                .collect();
            assert!(!ops.is_empty(), "{}: no route of this spec", p.spec);
            for t in p.tags {
                assert!(t.page == p.page || t.page.starts_with(&format!("{}/", p.page)), "{}: {}", p.spec, t.page);
                for id in t.operations {
                    assert!(ops.contains(id), "{}: no operation {id}", p.spec);
                }
            }
        }
    }

    /// Every page names the docs file and line that shows it.
    #[test]
    fn every_page_has_its_evidence() {
        let is_evidence = |e: &str| {
            e.rsplit_once(':').is_some_and(|(file, line)| {
                [".mdx", ".md", ".yaml", ".yml"].iter().any(|x| file.ends_with(x))
                    && line.parse::<u32>().is_ok_and(|n| n > 0)
            })
        };
        for p in SPEC_PAGES {
            assert!(is_evidence(p.evidence), "{}: {}", p.spec, p.evidence);
            for t in p.tags {
                assert!(!t.tag.is_empty() && is_evidence(t.evidence), "{} {}: {}", p.spec, t.tag, t.evidence);
            }
        }
        assert_eq!(SPEC_PAGES.len(), 66);
        assert!(SPEC_PAGES.windows(2).all(|w| w[0].spec < w[1].spec));
    }

    #[test]
    fn operations_link_to_their_tag_page() {
        let images = route("/stores/{store_hash}/v3/catalog/products/{product_id}/images");
        assert_eq!(
            operation_url(images, images.operation(Method::Post).unwrap()),
            "https://developer.bigcommerce.com/docs/rest-catalog/products/images#create-a-product-image"
        );
        let listings = route("/stores/{store_hash}/v3/channels/{channel_id}/listings");
        assert_eq!(
            operation_url(listings, listings.operation(Method::Get).unwrap()),
            "https://developer.bigcommerce.com/docs/rest-management/channels/channel-listings#get-channel-listings"
        );
        // A spec no docs page links to: its API's page.
        let infra = Route::all().iter().find(|r| r.spec == "infrastructure_hosting.v3.yml").unwrap();
        assert_eq!(route_url(infra), "https://developer.bigcommerce.com/docs/rest-management");
        let op = infra.operations().first().unwrap();
        assert_eq!(operation_url(infra, op), route_url(infra));
    }

    #[test]
    fn scopes_link_to_their_table() {
        let url = |s: Scope| scope_url(s.info());
        assert!(url(Scope::StorePaymentsAccessTokenCreate).ends_with("#token-creation-scopes"));
        assert!(url(Scope::AccountUsersRead).ends_with("#account-resource-scopes"));
        assert!(url(Scope::Default).ends_with("#oauth-scopes"));
        assert!(url(Scope::StoreLogsReadOnly).ends_with("#oauth-scopes"));
    }
}
