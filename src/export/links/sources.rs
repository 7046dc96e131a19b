//! Sources (`spec:…`, `docs:…`, `seed:…`, `code:…`) as readable titles with links.

use super::{anchor, DEVELOPER_SITE};
use crate::{Document, OpenApiSnapshot, Route};
use schemars::JsonSchema;
use serde::Serialize;

/// A source reference of the data with a title for readers and, where one is established, a link.
///
/// ```
/// use bigcommerce_scopes::export::source_link;
/// let s = source_link("spec:catalog/products_catalog.v3.yml");
/// assert_eq!(s.title, "Catalog - Products (OpenAPI spec)");
/// assert!(s.url.unwrap().ends_with("/reference/catalog/products_catalog.v3.yml"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SourceLink {
    /// The source as the data cites it: `spec:{file}`, `docs:{page}#{section}`,
    /// `seed:{document}#{section}` or `code:{owner}/{repo}@{version}/{path}`.
    pub id: String,
    /// A title for readers: the spec's `info.title` with "(OpenAPI spec)"; a docs page's
    /// front-matter `title` (else its first heading); a seed document's title and version; a
    /// code file's path and repository. Sections are not part of the title.
    pub title: String,
    /// Where to read it: a spec file on GitHub at the snapshot's commit; a docs page (with its
    /// section's anchor) on developer.bigcommerce.com; a code file on GitHub at the cited version.
    /// `null` for seed documents (older versions of pages, with no address of their own), draft
    /// docs pages and sources of unknown form.
    pub url: Option<String>,
}

/// Titles of the docs pages that sources cite (the pages of `data/meta.toml`'s `[docs]`): each
/// page's front-matter `title`, or its first `#` heading where it has none.
const DOCS_TITLES: &[(&str, &str)] = &[
    ("graphql-account/draft/Account-level-API-accounts.mdx", "Account-level API accounts"),
    ("graphql-account/users.mdx", "GraphQL Account API: Users overview"),
    ("integrations/apps/app-extensions/guide.mdx", "App Extensions: Guide"),
    ("integrations/apps/app-extensions/postman.mdx", "App Extensions Postman Collection"),
    ("integrations/apps/guide/auth.mdx", "Single-Click App OAuth Flow"),
    ("integrations/apps/unified-billing/example-queries.mdx", "GraphQL Account API: Unified Billing"),
    ("integrations/apps/unified-billing/index.mdx", "Unified Billing Overview"),
    ("integrations/buy-online-pick-up-in-store/end-to-end-guide/overview.mdx", "End-to-End API Guide"),
    (
        "integrations/buy-online-pick-up-in-store/guide/storefront.mdx",
        "Adding Buy Online, Pick up in Store Features to the Storefront",
    ),
    ("integrations/hosted-analytics.mdx", "Big Open Data Layer for Storefront Analytics"),
    ("integrations/webhooks/pubsub-webhooks-overview.mdx", "Google Cloud Platform (GCP) Pub/Sub Webhooks Overview"),
    ("start/authentication/api-accounts.mdx", "API Accounts & OAuth Scopes"),
    ("start/authentication/graphql-storefront.mdx", "Authenticating requests to the GraphQL Storefront API"),
    ("start/authentication/index.mdx", "Authentication"),
    ("store-operations/catalog/index.mdx", "Catalog Overview"),
    (
        "store-operations/catalog/msf-international-enhancements/msf-international-enhancements.mdx",
        "International Enhancements for Multi-Storefront",
    ),
    ("store-operations/catalog/msf-international-enhancements/product-attributes.mdx", "Product Attributes"),
    ("store-operations/catalog/msf-international-enhancements/product-basic-info.mdx", "Basic Product Information"),
    ("store-operations/catalog/msf-international-enhancements/product-custom-fields.mdx", "Product custom fields"),
    ("store-operations/catalog/msf-international-enhancements/product-images.mdx", "Product Images (Beta)"),
    (
        "store-operations/catalog/msf-international-enhancements/product-modifier-options.mdx",
        "Product Modifier Options",
    ),
    ("store-operations/catalog/msf-international-enhancements/product-seo-info.mdx", "Product SEO Information"),
    ("store-operations/catalog/msf-international-enhancements/product-url.mdx", "Product URL"),
    ("store-operations/catalog/msf-international-enhancements/product-variant-options.mdx", "Product Variant Options"),
    ("store-operations/metafields/reassign-metafields-owner.mdx", "Reassign Metafields Owner"),
    ("store-operations/metafields/store-metafields.mdx", "Store Metafields"),
    ("store-operations/settings/data.mdx", "Data Layer Settings in the GraphQL Admin API"),
    ("store-operations/settings/locales.mdx", "Locales Configuration"),
    ("store-operations/translations/index.mdx", "Translations Admin GraphQL API (Beta)"),
    ("store-operations/translations/products.mdx", "Translations for Products (Beta)"),
    ("storefront/cart-checkout/guide/graphql-storefront.mdx", "GraphQL Storefront API: Carts and Checkout"),
    ("storefront/catalyst/development/environment-variables.mdx", "Environment variables"),
    (
        "storefront/catalyst/features/localization/multi-language/setup.mdx",
        "Localizing a Storefront into Multiple Languages",
    ),
    ("storefront/graphql/customers.mdx", "GraphQL Storefront API: Customers"),
    ("storefront/graphql/data-events.mdx", "Data Events in the GraphQL Storefront API"),
    ("storefront/graphql/index.mdx", "GraphQL Storefront API overview"),
    ("storefront/graphql/inventory/queries.mdx", "Query Inventory with the GraphQL Storefront API"),
    ("storefront/graphql/inventory/settings.mdx", "Get Inventory"),
    ("storefront/graphql/locations/queries.mdx", "Query Locations with the GraphQL Storefront API"),
    ("storefront/graphql/locations/settings.mdx", "Get Locations"),
    ("storefront/headless/customers.mdx", "Managing customers"),
];

/// The title and link of a source reference (see [`SourceLink`]). A reference of unknown form is
/// its own title, without a link.
///
/// ```
/// use bigcommerce_scopes::export::source_link;
/// let s = source_link("docs:start/authentication/api-accounts.mdx#oauth-scopes");
/// assert_eq!(s.title, "API Accounts & OAuth Scopes");
/// assert_eq!(
///     s.url.as_deref(),
///     Some("https://developer.bigcommerce.com/docs/start/authentication/api-accounts#oauth-scopes")
/// );
/// assert_eq!(source_link("seed:004#oauth-scopes").title, "API Accounts & OAuth Scopes (current)");
/// ```
pub fn source_link(id: &str) -> SourceLink {
    let (title, url) = if let Some(spec) = id.strip_prefix("spec:") {
        spec_link(spec)
    } else if let Some(rest) = id.strip_prefix("docs:") {
        docs_link(rest)
    } else if let Some(rest) = id.strip_prefix("seed:") {
        let doc = rest.split('#').next().unwrap_or(rest);
        match Document::all().iter().find(|d| d.id == doc) {
            Some(d) => (format!("{} ({})", d.title, d.era), None),
            None => (id.to_owned(), None),
        }
    } else if let Some(rest) = id.strip_prefix("code:") {
        code_link(rest).unwrap_or_else(|| (id.to_owned(), None))
    } else {
        (id.to_owned(), None)
    };
    SourceLink { id: id.to_owned(), title, url }
}

/// A spec: its `info.title` (as its routes carry it), and the file on GitHub at the snapshot.
fn spec_link(spec: &str) -> (String, Option<String>) {
    let title = Route::all().iter().find(|r| r.spec == spec).map_or(spec, |r| r.title);
    let s = OpenApiSnapshot::current();
    let url = format!("https://github.com/{}/blob/{}/{}{spec}", s.repository, s.commit, s.folder);
    (format!("{title} (OpenAPI spec)"), Some(url))
}

/// A docs page: `{path}.mdx` is served at `/docs/{path}`, `{path}/index.mdx` at `/docs/{path}`;
/// the section is the anchor. Draft pages have no address.
fn docs_link(rest: &str) -> (String, Option<String>) {
    let (page, section) = rest.split_once('#').unwrap_or((rest, ""));
    let title = DOCS_TITLES.iter().find(|(p, _)| *p == page).map_or(page, |(_, t)| t).to_owned();
    let path = page.strip_suffix(".mdx").unwrap_or(page);
    let path = path.strip_suffix("/index").unwrap_or(path);
    if path.split('/').any(|part| part == "draft") || !page.ends_with(".mdx") {
        return (title, None);
    }
    let mut url = format!("{DEVELOPER_SITE}/docs/{path}");
    if !section.is_empty() {
        url.push('#');
        url.push_str(&anchor(section));
    }
    (title, Some(url))
}

/// `OWNER/REPO@VERSION/PATH`: the file on GitHub at that version.
fn code_link(rest: &str) -> Option<(String, Option<String>)> {
    let (repo, rest) = rest.split_once('@')?;
    let (version, path) = rest.split_once('/')?;
    let short: String = version.chars().take(12).collect();
    let title = format!("{path} ({repo}@{short})");
    Some((title, Some(format!("https://github.com/{repo}/blob/{version}/{path}"))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_source_has_a_title() {
        let code = source_link("code:bigcommerce/bigcommerce-api-ruby@2.0.0/lib/bigcommerce.rb");
        assert_eq!(code.title, "lib/bigcommerce.rb (bigcommerce/bigcommerce-api-ruby@2.0.0)");
        assert_eq!(
            code.url.as_deref(),
            Some("https://github.com/bigcommerce/bigcommerce-api-ruby/blob/2.0.0/lib/bigcommerce.rb")
        );
        let index = source_link("docs:start/authentication/index.mdx#client-id");
        assert_eq!(index.url.as_deref(), Some("https://developer.bigcommerce.com/docs/start/authentication#client-id"));
        let draft = source_link("docs:graphql-account/draft/Account-level-API-accounts.mdx#x");
        assert_eq!((draft.title.as_str(), draft.url), ("Account-level API accounts", None));
        let odd = source_link("nowhere");
        assert_eq!((odd.title.as_str(), odd.url), ("nowhere", None));
        assert!(source_link("spec:webhooks.v3.yml").url.unwrap().starts_with(
            "https://github.com/bigcommerce/docs/blob/24f580ca6d2981728b7ed70a2049e00fc602c335/reference/webhooks.v3.yml"
        ));
    }
}
