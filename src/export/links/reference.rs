//! Where each spec's operations are documented on BigCommerce's developer site: the spec's
//! reference page, and the page of each of its tags for which the docs show one.
//!
//! Derived from the links in the docs pages of `bigcommerce/docs` at commit
//! `24f580ca6d2981728b7ed70a2049e00fc602c335` (the snapshot of `data/meta.toml`): every `evidence`
//! is a `docs/` file and line that links to that page, with an anchor that is the slug of the
//! summary of one of the spec's (or the tag's) operations, or, for a bare link, with link text that
//! names the spec (`[Pickup V3](/docs/rest-management/pickup)`). `operations` are the
//! `operationId`s of the spec's operations under that tag (the spec's `tags`). A spec not listed
//! here has no page the docs link to; its routes link to their API's page instead.

/// A spec's reference page, and the pages of its tags.
pub(super) struct SpecPage {
    /// The spec file, relative to `reference/`.
    pub spec: &'static str,
    /// The page's path on developer.bigcommerce.com.
    pub page: &'static str,
    /// A docs file and line that links to the page.
    #[cfg_attr(not(test), allow(dead_code))] // read by the tests
    pub evidence: &'static str,
    /// The tags whose page the docs show.
    pub tags: &'static [TagPage],
}

/// The page that documents one tag of a spec.
pub(super) struct TagPage {
    /// The tag, as the spec names it.
    #[cfg_attr(not(test), allow(dead_code))] // read by the tests
    pub tag: &'static str,
    /// The page's path: the spec's page, or a page below it.
    pub page: &'static str,
    /// A docs file and line that links to an operation of this tag on that page.
    #[cfg_attr(not(test), allow(dead_code))] // read by the tests
    pub evidence: &'static str,
    /// The `operationId`s of the tag's operations.
    pub operations: &'static [&'static str],
}

/// Every spec with a reference page the docs link to, sorted by spec.
#[rustfmt::skip]
pub(super) const SPEC_PAGES: &[SpecPage] = &[
    SpecPage {
        spec: "abandoned_cart_emails.v3.yaml",
        page: "/docs/rest-content/abandoned-cart-emails",
        evidence: "integrations/webhooks/events/channels.mdx:220",
        tags: &[
            TagPage { tag: "Abandoned Cart Emails", page: "/docs/rest-content/abandoned-cart-emails", evidence: "integrations/webhooks/events/channels.mdx:220", operations: &["getAbandonedCartEmailTemplates", "createAbandonedCartEmailTemplate", "getAbandonedCartEmailTemplate", "updateAbandonedCartEmailTemplate", "deleteAbandonedCartEmailTemplate", "getDefaultAbandonedCartEmailTemplate"] },
        ],
    },
    SpecPage {
        spec: "abandoned_carts.v3.yml",
        page: "/docs/rest-management/abandoned-carts",
        evidence: "integrations/apps/multi-storefront.mdx:85",
        tags: &[
            TagPage { tag: "Abandoned carts", page: "/docs/rest-management/abandoned-carts", evidence: "storefront/headless/cart-checkout/abandoned-carts.mdx:118", operations: &["getAbandonedCarts"] },
            TagPage { tag: "Abandoned carts settings", page: "/docs/rest-management/abandoned-carts/abandoned-carts-settings", evidence: "integrations/apps/multi-storefront.mdx:85", operations: &["updateGlobalAbandonedCartSettings", "getChannelAbandonedCartSettings", "updateChannelAbandonedCartSettings"] },
        ],
    },
    SpecPage {
        spec: "carts.sf.yml",
        page: "/docs/rest-storefront/carts",
        evidence: "storefront/headless/cart-checkout/carts.mdx:261",
        tags: &[
            TagPage { tag: "Cart", page: "/docs/rest-storefront/carts", evidence: "integrations/hosted-analytics.mdx:119", operations: &["getCart", "createCart", "deleteCart"] },
            TagPage { tag: "Cart Items", page: "/docs/rest-storefront/carts/cart-items", evidence: "storefront/cart-checkout/guide/rest-storefront.mdx:222", operations: &["addCartLineItem", "updateCartLineItem", "deleteCartLineItem"] },
        ],
    },
    SpecPage {
        spec: "carts.v3.yml",
        page: "/docs/rest-management/carts",
        evidence: "integrations/webhooks/events/channels.mdx:465",
        tags: &[
            TagPage { tag: "Carts (Single)", page: "/docs/rest-management/carts/carts-single", evidence: "integrations/buy-online-pick-up-in-store/end-to-end-guide/checkout.mdx:50", operations: &["createCart", "getCart", "updateCart", "deleteCart"] },
            TagPage { tag: "Items", page: "/docs/rest-management/carts/items", evidence: "integrations/webhooks/events/channels.mdx:115", operations: &["addCartLineItems", "updateCartLineItem", "deleteCartLineItem"] },
            TagPage { tag: "Redirects", page: "/docs/rest-management/carts/redirects", evidence: "storefront/cart-checkout/embedded-checkout/tutorial.mdx:153", operations: &["createCartRedirectURL"] },
            TagPage { tag: "Settings", page: "/docs/rest-management/carts/settings", evidence: "integrations/webhooks/events/channels.mdx:465", operations: &["getGlobalCartSettings", "updateGlobalCartSettings", "getChannelCartSettings", "updateChannelCartSettings"] },
        ],
    },
    SpecPage {
        spec: "catalog/brands_catalog.v3.yml",
        page: "/docs/rest-catalog/brands",
        evidence: "start/best-practices/sunsets.mdx:16",
        tags: &[
            TagPage { tag: "Brands", page: "/docs/rest-catalog/brands", evidence: "start/best-practices/sunsets.mdx:16", operations: &["getBrands", "createBrand", "deleteBrands", "getBrand", "updateBrand", "deleteBrand"] },
        ],
    },
    SpecPage {
        spec: "catalog/categories_catalog.v3.yml",
        page: "/docs/rest-catalog/categories",
        evidence: "store-operations/catalog/index.mdx:925",
        tags: &[
            TagPage { tag: "Categories (deprecated)", page: "/docs/rest-catalog/categories", evidence: "integrations/hosted-analytics.mdx:91", operations: &["getCategories", "createCategory", "deleteCategories", "getCategory", "updateCategory", "deleteCategory"] },
            TagPage { tag: "Sort order", page: "/docs/rest-catalog/categories/sort-order", evidence: "store-operations/catalog/index.mdx:925", operations: &["getCategorySortOrders", "updateCategorySortOrders"] },
        ],
    },
    SpecPage {
        spec: "catalog/category-trees_catalog.v3.yml",
        page: "/docs/rest-catalog/category-trees",
        evidence: "integrations/webhooks/events/channels.mdx:143",
        tags: &[
            TagPage { tag: "Category trees", page: "/docs/rest-catalog/category-trees", evidence: "integrations/webhooks/events/channels.mdx:168", operations: &["getCategoryTrees", "upsertCategoryTrees", "deleteCategoryTrees", "getCategoryTree"] },
            TagPage { tag: "Categories", page: "/docs/rest-catalog/category-trees/categories", evidence: "integrations/webhooks/events/channels.mdx:143", operations: &["getAllCategories", "createCategories", "updateCategories", "deleteTreeCategories"] },
        ],
    },
    SpecPage {
        spec: "catalog/product-modifiers_catalog.v3.yml",
        page: "/docs/rest-catalog/product-modifiers",
        evidence: "start/best-practices/sunsets.mdx:22",
        tags: &[
            TagPage { tag: "Product modifiers", page: "/docs/rest-catalog/product-modifiers", evidence: "start/best-practices/sunsets.mdx:22", operations: &["getProductModifiers", "createProductModifier", "getProductModifier", "updateProductModifier", "deleteProductModifier"] },
        ],
    },
    SpecPage {
        spec: "catalog/product-variant-options_catalog.v3.yml",
        page: "/docs/rest-catalog/product-variant-options",
        evidence: "start/best-practices/sunsets.mdx:22",
        tags: &[
            TagPage { tag: "Product variant options", page: "/docs/rest-catalog/product-variant-options", evidence: "start/best-practices/sunsets.mdx:22", operations: &["getProductVariantOptions", "createProductVariantOption", "getProductVariantOption", "updateProductVariantOption", "deleteProductVariantOption"] },
            TagPage { tag: "Values", page: "/docs/rest-catalog/product-variant-options/values", evidence: "store-operations/catalog/msf-international-enhancements/msf-international-enhancements.mdx:76", operations: &["getProductVariantOptionValues", "createProductVariantOptionValue", "getProductVariantOptionValue", "updateProductVariantOptionValue", "deleteProductVariantOptionValue"] },
        ],
    },
    SpecPage {
        spec: "catalog/product-variants_catalog.v3.yml",
        page: "/docs/rest-catalog/product-variants",
        evidence: "b2b-edition/specs/storefront/storefront/catalog.yaml:46",
        tags: &[
            TagPage { tag: "Product variants", page: "/docs/rest-catalog/product-variants", evidence: "b2b-edition/specs/storefront/storefront/catalog.yaml:46", operations: &["getProductVariants", "createProductVariant", "getProductVariant", "updateProductVariant", "deleteProductVariant"] },
            TagPage { tag: "Metafields", page: "/docs/rest-catalog/product-variants/metafields", evidence: "store-operations/shipping/shipper-hq.mdx:12", operations: &["getProductVariantMetafields", "createProductVariantMetafield", "getProductVariantMetafield", "updateProductVariantMetafield", "deleteProductVariantMetafield"] },
            TagPage { tag: "Variants (Batch)", page: "/docs/rest-catalog/product-variants/variants-batch", evidence: "store-operations/catalog/migration/index.mdx:79", operations: &["getVariants", "updateVariantsBatch"] },
        ],
    },
    SpecPage {
        spec: "catalog/products_catalog.v3.yml",
        page: "/docs/rest-catalog/products",
        evidence: "b2b-edition/specs/api-v3/quote/quote.yaml:270",
        tags: &[
            TagPage { tag: "Products", page: "/docs/rest-catalog/products", evidence: "b2b-edition/specs/api-v3/quote/quote.yaml:270", operations: &["getProducts", "updateProducts", "createProduct", "deleteProducts", "getProduct", "updateProduct", "deleteProduct"] },
            TagPage { tag: "Category assignments", page: "/docs/rest-catalog/products/category-assignments", evidence: "integrations/webhooks/events/channels.mdx:380", operations: &["getProductsCategoryAssignments", "createProductsCategoryAssignments", "deleteProductsCategoryAssignments"] },
            TagPage { tag: "Channel assignments", page: "/docs/rest-catalog/products/channel-assignments", evidence: "integrations/webhooks/events/channels.mdx:378", operations: &["getProductsChannelAssignments", "createProductsChannelAssignments", "deleteProductsChannelAssignments"] },
            TagPage { tag: "Complex rules", page: "/docs/rest-catalog/products/complex-rules", evidence: "store-operations/catalog/index.mdx:716", operations: &["getProductComplexRules", "createProductComplexRule", "getProductComplexRule", "updateProductComplexRule", "deleteProductComplexRule"] },
            TagPage { tag: "Custom fields", page: "/docs/rest-catalog/products/custom-fields", evidence: "store-operations/catalog/msf-international-enhancements/msf-international-enhancements.mdx:78", operations: &["getProductCustomFields", "createProductCustomField", "getProductCustomField", "updateProductCustomField", "deleteProductCustomField"] },
            TagPage { tag: "Images", page: "/docs/rest-catalog/products/images", evidence: "store-operations/catalog/msf-international-enhancements/msf-international-enhancements.mdx:79", operations: &["getProductImages", "createProductImage", "getProductImage", "updateProductImage", "deleteProductImage"] },
            TagPage { tag: "Metafields", page: "/docs/rest-catalog/products/metafields", evidence: "store-operations/shipping/shipper-hq.mdx:11", operations: &["getProductMetafields", "createProductMetafield", "getProductMetafield", "updateProductMetafield", "deleteProductMetafield"] },
            TagPage { tag: "Summary", page: "/docs/rest-catalog/products/summary", evidence: "integrations/apps/tutorial/nextjs-integrate.mdx:795", operations: &["getCatalogSummary"] },
        ],
    },
    SpecPage {
        spec: "channels.v3.yml",
        page: "/docs/rest-management/channels",
        evidence: "b2b-edition/headless.mdx:35",
        tags: &[
            TagPage { tag: "Channels", page: "/docs/rest-management/channels", evidence: "b2b-edition/headless.mdx:35", operations: &["getChannels", "createChannel", "getChannel", "updateChannel"] },
            TagPage { tag: "Currency Assignments", page: "/docs/rest-management/channels/channel-currency-assignments", evidence: "integrations/channels/guide/storefronts.mdx:164", operations: &["getAllCurrencyAssignments", "createMultipleChannelsCurrencyAssignments", "updateMultipleChannelsCurrencyAssignments", "getSingleChannelCurrencyAssignments", "createSingleChannelCurrencyAssignments", "updateSingleChannelCurrencyAssignments", "deleteSingleChannelCurrencyAssignments"] },
            TagPage { tag: "Listings", page: "/docs/rest-management/channels/channel-listings", evidence: "integrations/channels/guide/index.mdx:146", operations: &["getChannelListings", "createChannelListings", "updateChannelListings", "getChannelListing"] },
            TagPage { tag: "Menus", page: "/docs/rest-management/channels/channel-menus", evidence: "integrations/channels/draft/channels-pos-tutorial.mdx:65", operations: &["getChannelMenus", "createChannelMenus", "deleteChannelMenus"] },
            TagPage { tag: "Metafields", page: "/docs/rest-management/channels/channel-metafields", evidence: "integrations/webhooks/events/channels.mdx:245", operations: &["getChannelMetafields", "createChannelMetafield", "getChannelMetafield", "updateChannelMetafield", "deleteChannelMetafield"] },
            TagPage { tag: "Site Checkout URL", page: "/docs/rest-management/channels/channel-site-checkout-url", evidence: "integrations/webhooks/events/channels.mdx:499", operations: &["updateCheckoutUrl", "deleteCheckoutUrl"] },
            TagPage { tag: "Site", page: "/docs/rest-management/channels/site", evidence: "storefront/catalyst/development/session-sync.mdx:36", operations: &["getChannelSite", "updateChannelSite", "createChannelSite", "deleteChannelSite"] },
        ],
    },
    SpecPage {
        spec: "checkouts.sf.yml",
        page: "/docs/rest-storefront/checkouts",
        evidence: "storefront/cart-checkout/guide/consignments.mdx:40",
        tags: &[
            TagPage { tag: "Checkout", page: "/docs/rest-storefront/checkouts", evidence: "integrations/hosted-analytics.mdx:116", operations: &["getCheckout", "updateCheckout"] },
            TagPage { tag: "Checkout Consignments", page: "/docs/rest-storefront/checkouts/checkout-consignments", evidence: "storefront/cart-checkout/guide/consignments.mdx:40", operations: &["createCheckoutConsignment", "updateCheckoutConsignment", "deleteCheckoutConsignment"] },
        ],
    },
    SpecPage {
        spec: "checkouts.v3.yml",
        page: "/docs/rest-management/checkouts",
        evidence: "integrations/buy-online-pick-up-in-store/end-to-end-guide/checkout.mdx:172",
        tags: &[
            TagPage { tag: "Checkout", page: "/docs/rest-management/checkouts", evidence: "integrations/hosted-analytics.mdx:167", operations: &["getCheckout", "updateCheckout"] },
            TagPage { tag: "Checkout Billing Address", page: "/docs/rest-management/checkouts/checkout-billing-address", evidence: "storefront/cart-checkout/guide/rest-storefront.mdx:425", operations: &["addCheckoutBillingAddress", "updateCheckoutBillingAddress"] },
            TagPage { tag: "Checkout Consignments", page: "/docs/rest-management/checkouts/checkout-consignments", evidence: "integrations/buy-online-pick-up-in-store/end-to-end-guide/checkout.mdx:172", operations: &["addCheckoutConsignment", "updateCheckoutConsignment", "deleteCheckoutConsignment"] },
            TagPage { tag: "Checkout Orders", page: "/docs/rest-management/checkouts/checkout-orders", evidence: "integrations/buy-online-pick-up-in-store/end-to-end-guide/checkout.mdx:468", operations: &["createOrder"] },
            TagPage { tag: "Checkout Settings", page: "/docs/rest-management/checkouts/checkout-settings", evidence: "storefront/cart-checkout/open-checkouts/guide.mdx:72", operations: &["getCheckoutSettings", "updateCheckoutSettings", "get-channel-checkout-settings", "put-channel-checkout-settings"] },
        ],
    },
    SpecPage {
        spec: "consent.sf.yml",
        page: "/docs/rest-storefront/consent",
        evidence: "integrations/hosted-analytics.mdx:49",
        tags: &[
            TagPage { tag: "Consent", page: "/docs/rest-storefront/consent", evidence: "integrations/hosted-analytics.mdx:49", operations: &["postCookieConsent"] },
        ],
    },
    SpecPage {
        spec: "currencies.v2.yml",
        page: "/docs/rest-management/currencies",
        evidence: "integrations/hosted-analytics.mdx:104",
        tags: &[
            TagPage { tag: "Currencies (Bulk)", page: "/docs/rest-management/currencies", evidence: "integrations/hosted-analytics.mdx:104", operations: &["getCurrencies", "createCurrency", "deleteCurrencies"] },
        ],
    },
    SpecPage {
        spec: "current_customer.yml",
        page: "/docs/rest-authentication/current-customer",
        evidence: "start/authentication/current-customer.mdx:67",
        tags: &[
            TagPage { tag: "Current Customers", page: "/docs/rest-authentication/current-customer", evidence: "start/authentication/current-customer.mdx:67", operations: &["getCurrentCustomer"] },
        ],
    },
    SpecPage {
        spec: "custom-template-associations.v3.yml",
        page: "/docs/rest-content/custom-template-associations",
        evidence: "storefront/stencil/themes/templates/index.mdx:163",
        tags: &[
            TagPage { tag: "Custom Template Associations", page: "/docs/rest-content/custom-template-associations", evidence: "storefront/stencil/themes/templates/index.mdx:163", operations: &["getCustomTemplateAssociations", "upsertCustomTemplateAssociations", "deleteCustomTemplateAssociations"] },
        ],
    },
    SpecPage {
        spec: "customer_login.yml",
        page: "/docs/rest-authentication/customer-login",
        evidence: "storefront/headless/cart-checkout/carts.mdx:208",
        tags: &[
            TagPage { tag: "Login Token", page: "/docs/rest-authentication/customer-login", evidence: "storefront/headless/cart-checkout/carts.mdx:208", operations: &["getCustomerLogin"] },
        ],
    },
    SpecPage {
        spec: "customers.sf.yml",
        page: "/docs/rest-storefront/customers",
        evidence: "store-operations/customers/index.mdx:23",
        tags: &[
        ],
    },
    SpecPage {
        spec: "customers.v2.yml",
        page: "/docs/rest-management/customers-v2",
        evidence: "integrations/webhooks/events/channels.mdx:192",
        tags: &[
            TagPage { tag: "Customers", page: "/docs/rest-management/customers-v2", evidence: "b2b-edition/specs/storefront/storefront/company.yaml:19", operations: &["getCustomers", "createCustomer", "deleteCustomers", "getCustomer", "updateCustomer", "deleteCustomer", "getCustomersCount"] },
            TagPage { tag: "Customer Groups", page: "/docs/rest-management/customers-v2/customer-groups", evidence: "integrations/webhooks/events/channels.mdx:473", operations: &["getCustomerGroups", "createCustomerGroup", "getCustomerGroup", "updateCustomerGroup", "deleteCustomerGroup", "getCustomerGroupsCount"] },
            TagPage { tag: "Customer Passwords", page: "/docs/rest-management/customers-v2/customer-passwords", evidence: "store-operations/customers/index.mdx:214", operations: &["validateCustomerPassword"] },
        ],
    },
    SpecPage {
        spec: "customers.v3.yml",
        page: "/docs/rest-management/customers",
        evidence: "b2b-edition/specs/api-v3/super_admin/super_admin.yaml:430",
        tags: &[
            TagPage { tag: "Customers", page: "/docs/rest-management/customers", evidence: "b2b-edition/specs/api-v3/authentication.yaml:109", operations: &["getCustomers", "createCustomers", "updateCustomers", "deleteCustomers"] },
            TagPage { tag: "Attribute Values", page: "/docs/rest-management/customers/attribute-values", evidence: "store-operations/customers/index.mdx:205", operations: &["getCustomersAttributeValues", "upsertCustomersAttributeValues", "deleteCustomersAttributeValues"] },
            TagPage { tag: "Attributes", page: "/docs/rest-management/customers/attributes", evidence: "store-operations/customers/index.mdx:18", operations: &["getCustomersAttributes", "createCustomersAttributes", "updateCustomersAttributes", "deleteCustomersAttributes"] },
            TagPage { tag: "Channel Settings", page: "/docs/rest-management/customers/channel-settings", evidence: "integrations/webhooks/events/channels.mdx:474", operations: &["getCustomersSettingsChannel", "updateCustomersSettingsChannel"] },
            TagPage { tag: "Stored Instruments", page: "/docs/rest-management/customers/customer-stored-instruments", evidence: "store-operations/payments/index.mdx:387", operations: &["getCustomerStoredInstruments"] },
            TagPage { tag: "Form Field Values", page: "/docs/rest-management/customers/form-field-values", evidence: "store-operations/customers/index.mdx:18", operations: &["getCustomersFormFieldValues", "updateCustomerFormFieldValues"] },
            TagPage { tag: "Validate Credentials", page: "/docs/rest-management/customers/validate-credentials", evidence: "store-operations/customers/index.mdx:281", operations: &["validateCustomerCredentials"] },
        ],
    },
    SpecPage {
        spec: "email_templates.v3.yml",
        page: "/docs/rest-content/email-templates",
        evidence: "storefront/catalyst/features/localization/multi-language/overview.mdx:93",
        tags: &[
            TagPage { tag: "Email Templates", page: "/docs/rest-content/email-templates", evidence: "storefront/catalyst/features/localization/multi-language/overview.mdx:93", operations: &["getEmailTemplates", "getEmailTemplate", "updateEmailTemplate", "deleteEmailTemplateOverride"] },
        ],
    },
    SpecPage {
        spec: "geography.v2.yml",
        page: "/docs/rest-management/geography",
        evidence: "start/about/index.mdx:86",
        tags: &[
        ],
    },
    SpecPage {
        spec: "inventory.v3.yml",
        page: "/docs/rest-management/inventory",
        evidence: "integrations/buy-online-pick-up-in-store/end-to-end-guide/configuration.mdx:388",
        tags: &[
            TagPage { tag: "Adjustments", page: "/docs/rest-management/inventory/adjustments", evidence: "integrations/buy-online-pick-up-in-store/end-to-end-guide/configuration.mdx:388", operations: &["put-absolute-adjustment", "post-relative-adjustment"] },
            TagPage { tag: "Items", page: "/docs/rest-management/inventory/items", evidence: "integrations/buy-online-pick-up-in-store/end-to-end-guide/configuration.mdx:545", operations: &["get-inventory-items", "get-location-inventory-items", "put-location-inventory-items"] },
        ],
    },
    SpecPage {
        spec: "locations.v3.yml",
        page: "/docs/rest-management/locations",
        evidence: "integrations/buy-online-pick-up-in-store/end-to-end-guide/configuration.mdx:10",
        tags: &[
            TagPage { tag: "Locations", page: "/docs/rest-management/locations", evidence: "integrations/buy-online-pick-up-in-store/end-to-end-guide/configuration.mdx:10", operations: &["createLocations", "getLocations", "updateLocations", "deleteLocations"] },
            TagPage { tag: "Metafields", page: "/docs/rest-management/locations/metafields", evidence: "store-operations/catalog/inventory-locations.mdx:40", operations: &["getLocationMetafields", "createLocationMetafield", "getLocationMetafield", "updateLocationMetafield", "deleteLocationMetafield"] },
        ],
    },
    SpecPage {
        spec: "marketing.v2.yml",
        page: "/docs/rest-content/marketing",
        evidence: "integrations/hosted-analytics.mdx:82",
        tags: &[
            TagPage { tag: "Banners", page: "/docs/rest-content/marketing/banners", evidence: "integrations/hosted-analytics.mdx:82", operations: &["getBanners", "createBanner", "deleteBanners", "getBanner", "updateBanner", "deleteBanner", "getBannersCount"] },
            TagPage { tag: "Coupons", page: "/docs/rest-content/marketing/coupons", evidence: "start/authentication/api-accounts.mdx:218", operations: &["getCoupons", "createCoupon", "deleteCoupons", "getCouponsCount", "updateCoupon", "deleteCoupon"] },
            TagPage { tag: "Gift Certificates", page: "/docs/rest-content/marketing/gift-certificates", evidence: "start/authentication/api-accounts.mdx:218", operations: &["getGiftCertificate", "updateGiftCertificate", "deleteGiftCertificate", "getGiftCertificates", "createGiftCertificate", "deleteGiftCertificates"] },
        ],
    },
    SpecPage {
        spec: "orders.sf.yml",
        page: "/docs/rest-storefront/orders",
        evidence: "store-operations/orders/index.mdx:580",
        tags: &[
        ],
    },
    SpecPage {
        spec: "orders.v2.oas2.yml",
        page: "/docs/rest-management/orders",
        evidence: "b2b-edition/specs/api-v3/order/order.yaml:522",
        tags: &[
            TagPage { tag: "Orders", page: "/docs/rest-management/orders", evidence: "integrations/buy-online-pick-up-in-store/end-to-end-guide/fulfillment.mdx:6", operations: &["getOrder", "updateOrder", "deleteOrder", "getOrdersCount", "getOrders", "createOrder", "deleteOrders"] },
            TagPage { tag: "Order Consignments", page: "/docs/rest-management/orders/order-consignments", evidence: "b2b-edition/specs/storefront/storefront/order.yaml:746", operations: &["getOrderConsignments", "getOrderConsignmentShippingQuotes"] },
            TagPage { tag: "Order Fees", page: "/docs/rest-management/orders/order-fees", evidence: "b2b-edition/specs/storefront/storefront/order.yaml:675", operations: &["getOrderFees"] },
            TagPage { tag: "Order Products", page: "/docs/rest-management/orders/order-products", evidence: "b2b-edition/specs/api-v3/order/order.yaml:522", operations: &["getOrderProducts", "getOrderProduct"] },
            TagPage { tag: "Order Shipments", page: "/docs/rest-management/orders/order-shipments", evidence: "integrations/hosted-analytics.mdx:169", operations: &["getOrderShipments", "createOrderShipments", "deleteOrderShipments", "getOrderShipmentsCount", "getOrderShipment", "updateOrderShipment", "deleteOrderShipment"] },
            TagPage { tag: "Order Shipping Addresses", page: "/docs/rest-management/orders/order-shipping-addresses", evidence: "store-operations/orders/index.mdx:97", operations: &["getOrderShippingAddresses", "getOrderShippingAddress", "updateOrderShippingAddress"] },
            TagPage { tag: "Order Shipping Addresses Quotes", page: "/docs/rest-management/orders/order-shipping-addresses-quotes", evidence: "b2b-edition/specs/storefront/storefront/order.yaml:1227", operations: &["getOrderShippingAddressShippingQuotes"] },
            TagPage { tag: "Order Status", page: "/docs/rest-management/orders/order-status", evidence: "start/authentication/api-accounts.mdx:223", operations: &["getOrderStatuses", "getOrderStatusesStatus"] },
            TagPage { tag: "Order Taxes", page: "/docs/rest-management/orders/order-taxes", evidence: "store-operations/orders/index.mdx:394", operations: &["getOrderTaxes"] },
        ],
    },
    SpecPage {
        spec: "orders.v3.yml",
        page: "/docs/rest-management/transactions",
        evidence: "store-operations/draft/void/void.mdx:5",
        tags: &[
            TagPage { tag: "Transactions", page: "/docs/rest-management/transactions", evidence: "store-operations/orders/index.mdx:8", operations: &["getOrderTransactions"] },
            TagPage { tag: "Payment Actions", page: "/docs/rest-management/transactions/payment-actions", evidence: "store-operations/draft/void/void.mdx:5", operations: &["captureOrderPayment", "voidOrderPayment", "createOrderRefundQuotes", "createOrderRefund", "getOrderRefunds", "getOrderRefund", "getOrdersRefunds"] },
        ],
    },
    SpecPage {
        spec: "page-widgets.v3.yml",
        page: "/docs/rest-content/page-widgets",
        evidence: "storefront/widgets/page-widgets/guide.mdx:4",
        tags: &[
            TagPage { tag: "Page Widgets", page: "/docs/rest-content/page-widgets", evidence: "storefront/widgets/page-widgets/guide.mdx:4", operations: &["getPageWidgets", "createPageWidgets"] },
        ],
    },
    SpecPage {
        spec: "pages.v3.yml",
        page: "/docs/rest-content/pages",
        evidence: "integrations/webhooks/events/channels.mdx:324",
        tags: &[
            TagPage { tag: "Pages (Bulk)", page: "/docs/rest-content/pages", evidence: "integrations/webhooks/events/channels.mdx:324", operations: &["getPages", "createPages", "updatePages", "deletePages"] },
        ],
    },
    SpecPage {
        spec: "payments/accepted-methods_payments.v3.yml",
        page: "/docs/rest-payments/methods",
        evidence: "start/authentication/api-accounts.mdx:229",
        tags: &[
            TagPage { tag: "Methods", page: "/docs/rest-payments/methods", evidence: "start/authentication/api-accounts.mdx:229", operations: &["getPaymentMethods"] },
        ],
    },
    SpecPage {
        spec: "payments/access-tokens_payments.v3.yml",
        page: "/docs/rest-payments/tokens",
        evidence: "start/authentication/api-accounts.mdx:190",
        tags: &[
            TagPage { tag: "Tokens", page: "/docs/rest-payments/tokens", evidence: "start/authentication/api-accounts.mdx:190", operations: &["createPaymentAccessToken"] },
        ],
    },
    SpecPage {
        spec: "payments/methods_payments.v2.yml",
        page: "/docs/rest-payments/methods-deprecated",
        evidence: "start/about/index.mdx:103",
        tags: &[
        ],
    },
    SpecPage {
        spec: "payments/process_payments.yml",
        page: "/docs/rest-payments/processing",
        evidence: "storefront/headless/end-to-end-guides/graphql-storefront.mdx:791",
        tags: &[
            TagPage { tag: "Processing", page: "/docs/rest-payments/processing", evidence: "storefront/headless/end-to-end-guides/graphql-storefront.mdx:791", operations: &["PaymentsPost"] },
        ],
    },
    SpecPage {
        spec: "pickup.v3.yml",
        page: "/docs/rest-management/pickup",
        evidence: "start/authentication/api-accounts.mdx:225",
        tags: &[
        ],
    },
    SpecPage {
        spec: "pickup_methods.v3.yml",
        page: "/docs/rest-management/pickup-methods",
        evidence: "integrations/buy-online-pick-up-in-store/end-to-end-guide/configuration.mdx:743",
        tags: &[
            TagPage { tag: "Pickup Methods", page: "/docs/rest-management/pickup-methods", evidence: "integrations/buy-online-pick-up-in-store/end-to-end-guide/configuration.mdx:743", operations: &["get-pickup-methods", "post-pickup-methods", "put-pickup-methods", "delete-pickup-methods"] },
        ],
    },
    SpecPage {
        spec: "pickup_options.sf.yml",
        page: "/docs/rest-storefront/pickup-options",
        evidence: "integrations/buy-online-pick-up-in-store/index.mdx:57",
        tags: &[
            TagPage { tag: "Pickup Options", page: "/docs/rest-storefront/pickup-options", evidence: "integrations/buy-online-pick-up-in-store/end-to-end-guide/shopping.mdx:16", operations: &["post-pickup-options"] },
        ],
    },
    SpecPage {
        spec: "pickup_options.v3.yml",
        page: "/docs/rest-management/pickup-options",
        evidence: "start/authentication/api-accounts.mdx:214",
        tags: &[
            TagPage { tag: "Pickup Options", page: "/docs/rest-management/pickup-options", evidence: "integrations/buy-online-pick-up-in-store/end-to-end-guide/checkout.mdx:107", operations: &["post-pickup-options"] },
        ],
    },
    SpecPage {
        spec: "price_lists.v3.yml",
        page: "/docs/rest-management/price-lists",
        evidence: "integrations/webhooks/events/channels.mdx:351",
        tags: &[
            TagPage { tag: "Price Lists", page: "/docs/rest-management/price-lists", evidence: "integrations/webhooks/events/channels.mdx:351", operations: &["getPriceLists", "createPriceList", "deletePriceLists", "getPriceList", "updatePriceList", "deletePriceList"] },
            TagPage { tag: "Price Lists Assignments", page: "/docs/rest-management/price-lists/price-lists-assignments", evidence: "store-operations/pricing/price-lists.mdx:5", operations: &["getListOfPriceListAssignments", "createPriceListAssignments", "deletePriceListAssignments", "upsertPriceListAssignment"] },
            TagPage { tag: "Price Lists Records", page: "/docs/rest-management/price-lists/price-lists-records", evidence: "start/best-practices/index.mdx:116", operations: &["createPriceListsRecords", "upsertPriceListsRecords", "getPriceListRecords", "createPriceListRecords", "upsertPriceListRecords", "deletePriceListRecords", "getPriceListRecordsByVariantId", "getPriceListRecord", "setPriceListRecord", "deletePriceListRecord"] },
        ],
    },
    SpecPage {
        spec: "pricing.sf.yml",
        page: "/docs/rest-management/pricing",
        evidence: "integrations/hosted-analytics.mdx:105",
        tags: &[
            TagPage { tag: "Products", page: "/docs/rest-management/pricing/products", evidence: "integrations/hosted-analytics.mdx:105", operations: &["getPrices"] },
        ],
    },
    SpecPage {
        spec: "promotions.v3.yml",
        page: "/docs/rest-management/promotions",
        evidence: "store-operations/promotions/index.mdx:580",
        tags: &[
            TagPage { tag: "Coupon Codes (Single)", page: "/docs/rest-management/promotions/coupon-codes-single", evidence: "store-operations/promotions/multi-currency.mdx:7", operations: &["createPromotionCode", "getCouponCodeByCode", "deleteCouponCodeByCode", "deleteCouponCode"] },
            TagPage { tag: "Promotions (Single)", page: "/docs/rest-management/promotions/promotions-single", evidence: "store-operations/promotions/index.mdx:580", operations: &["createPromotion", "getPromotion", "updatePromotion", "deletePromotion"] },
        ],
    },
    SpecPage {
        spec: "redirects.v3.yml",
        page: "/docs/rest-management/redirects",
        evidence: "start/best-practices/sunsets.mdx:26",
        tags: &[
        ],
    },
    SpecPage {
        spec: "scripts.v3.yml",
        page: "/docs/rest-management/scripts",
        evidence: "integrations/hosted-analytics.mdx:438",
        tags: &[
            TagPage { tag: "Scripts", page: "/docs/rest-management/scripts", evidence: "integrations/hosted-analytics.mdx:438", operations: &["createScript", "getScripts", "getScript", "updateScript", "deleteScript"] },
        ],
    },
    SpecPage {
        spec: "segments.v3.yml",
        page: "/docs/rest-management/customer-segmentation",
        evidence: "store-operations/segments/definitions.mdx:59",
        tags: &[
            TagPage { tag: "Segments", page: "/docs/rest-management/customer-segmentation/segments", evidence: "store-operations/segments/definitions.mdx:59", operations: &["GetPaginatedSegmentsList", "SegmentsPostRequest", "PutSegmentObjects", "DeleteStoreSegment"] },
            TagPage { tag: "Segments for a Shopper Profile", page: "/docs/rest-management/customer-segmentation/segments-for-a-shopper-profile", evidence: "store-operations/segments/definitions.mdx:66", operations: &["GetListShopperProfile"] },
            TagPage { tag: "Shopper Profiles", page: "/docs/rest-management/customer-segmentation/shopper-profiles", evidence: "store-operations/segments/definitions.mdx:60", operations: &["GetShopperList", "ShopperProfilesRequest", "DeleteStoreShopperProfile"] },
            TagPage { tag: "Shopper Profiles for a Segment", page: "/docs/rest-management/customer-segmentation/shopper-profiles-for-a-segment", evidence: "store-operations/segments/definitions.mdx:61", operations: &["GetSegmentProfiles", "PostShopperProfile", "DeleteShopperProfile"] },
        ],
    },
    SpecPage {
        spec: "settings.v3.yml",
        page: "/docs/rest-management/settings",
        evidence: "integrations/apps/multi-storefront.mdx:56",
        tags: &[
            TagPage { tag: "Analytics", page: "/docs/rest-management/settings/analytics", evidence: "integrations/apps/multi-storefront.mdx:56", operations: &["getAnalyticsProviders", "getAnalyticsProvider", "updateAnalyticsProvider"] },
            TagPage { tag: "Catalog", page: "/docs/rest-management/settings/catalog", evidence: "integrations/webhooks/events/channels.mdx:470", operations: &["getSettingsCatalog", "updateSettingsCatalog"] },
            TagPage { tag: "Email Statuses", page: "/docs/rest-management/settings/email-statuses", evidence: "integrations/apps/multi-storefront.mdx:82", operations: &["getSettingsEmailStatuses", "updateSettingsEmailStatuses"] },
            TagPage { tag: "Inventory", page: "/docs/rest-management/settings/inventory", evidence: "integrations/webhooks/events/index.mdx:822", operations: &["getSettingsInventory", "updateSettingsInventory"] },
            TagPage { tag: "Inventory Notifications", page: "/docs/rest-management/settings/inventory-notifications", evidence: "integrations/webhooks/events/channels.mdx:272", operations: &["getSettingsInventoryNotifications", "updateSettingsInventoryNotifications"] },
            TagPage { tag: "Logo", page: "/docs/rest-management/settings/logo", evidence: "integrations/webhooks/events/channels.mdx:462", operations: &["getSettingsLogo", "updateSettingsLogo"] },
            TagPage { tag: "Search Filters", page: "/docs/rest-management/settings/search-filters", evidence: "integrations/webhooks/events/channels.mdx:472", operations: &["getSettingsEnabledSearchFilters", "updateSettingsEnabledSearchFilters", "getSettingsAvailableFilters", "getSettingsFiltersContexts", "upsertSettingsFiltersContexts"] },
            TagPage { tag: "Store Profile", page: "/docs/rest-management/settings/store-profile", evidence: "integrations/webhooks/events/channels.mdx:458", operations: &["getSettingsStoreProfile", "updateSettingsStoreProfile"] },
            TagPage { tag: "Storefront Category", page: "/docs/rest-management/settings/storefront-category", evidence: "integrations/channels/guide/storefronts.mdx:127", operations: &["getSettingsStorefrontCategory", "updateSettingsStorefrontCategory"] },
            TagPage { tag: "Storefront Product", page: "/docs/rest-management/settings/storefront-product", evidence: "integrations/webhooks/events/channels.mdx:469", operations: &["getSettingsStorefrontProduct", "updateSettingsStorefrontProduct"] },
            TagPage { tag: "Storefront Security", page: "/docs/rest-management/settings/storefront-security", evidence: "integrations/webhooks/events/channels.mdx:471", operations: &["getSettingsStorefrontSecurity", "updateSettingsStorefrontSecurity"] },
            TagPage { tag: "Storefront SEO", page: "/docs/rest-management/settings/storefront-seo", evidence: "integrations/webhooks/events/channels.mdx:466", operations: &["getSettingsStorefrontSeo", "updateSettingsStorefrontSeo"] },
        ],
    },
    SpecPage {
        spec: "shipping.v2.yml",
        page: "/docs/rest-management/shipping-v2",
        evidence: "start/authentication/index.mdx:437",
        tags: &[
            TagPage { tag: "Shipping Carrier", page: "/docs/rest-management/shipping-v2/shipping-carrier", evidence: "start/authentication/index.mdx:437", operations: &["updateCarrierConnection", "createCarrierConnection", "deleteCarrierConnection"] },
            TagPage { tag: "Shipping Method", page: "/docs/rest-management/shipping-v2/shipping-method", evidence: "store-operations/shipping/msf-international-enhancements.mdx:24", operations: &["getShippingZoneMethods", "createShippingMethod", "getShippingMethod", "updateShippingMethod", "deleteShippingMethod"] },
        ],
    },
    SpecPage {
        spec: "shipping_provider.yml",
        page: "/docs/rest-contracts/shipping",
        evidence: "integrations/shipping.mdx:168",
        tags: &[
            TagPage { tag: "Shipping Provider", page: "/docs/rest-contracts/shipping", evidence: "integrations/shipping.mdx:168", operations: &["requestShippingRates", "validateConnectionOptions"] },
        ],
    },
    SpecPage {
        spec: "sites.v3.yml",
        page: "/docs/rest-management/sites",
        evidence: "b2b-edition/headless.mdx:71",
        tags: &[
            TagPage { tag: "Sites", page: "/docs/rest-management/sites", evidence: "b2b-edition/headless.mdx:71", operations: &["createSite", "getSites", "getSite", "updateSite", "deleteSite"] },
            TagPage { tag: "Site Routes", page: "/docs/rest-management/sites/site-routes", evidence: "integrations/webhooks/events/channels.mdx:405", operations: &["getSiteRoutes", "createSiteRoute", "updateSiteRoutes", "getSiteRoute", "updateSiteRoute", "deleteSiteRoute"] },
        ],
    },
    SpecPage {
        spec: "store_content.v2.yml",
        page: "/docs/rest-content/store-content",
        evidence: "start/authentication/api-accounts.mdx:209",
        tags: &[
            TagPage { tag: "Blog Posts", page: "/docs/rest-content/store-content/blog-posts", evidence: "start/authentication/api-accounts.mdx:209", operations: &["getBlogPosts", "createBlogPosts", "deleteBlogPosts", "getBlogPost", "updateBlogPost", "deleteBlogPost", "getBlogPostsCount"] },
            TagPage { tag: "Redirects", page: "/docs/rest-content/store-content/redirects", evidence: "start/authentication/api-accounts.mdx:209", operations: &["getRedirects", "createRedirect", "deleteRedirects", "getRedirect", "updateRedirect", "deleteRedirect", "getRedirectsCount"] },
        ],
    },
    SpecPage {
        spec: "store_information.v2.yml",
        page: "/docs/rest-management/store-information",
        evidence: "integrations/apps/multi-storefront.mdx:76",
        tags: &[
            TagPage { tag: "Store Information", page: "/docs/rest-management/store-information", evidence: "integrations/apps/multi-storefront.mdx:76", operations: &["getStoreInformation"] },
            TagPage { tag: "Time Zone", page: "/docs/rest-management/store-information", evidence: "start/authentication/api-accounts.mdx:216", operations: &["getSystemTimestamp"] },
        ],
    },
    SpecPage {
        spec: "store_logs.v3.yml",
        page: "/docs/rest-management/store-logs",
        evidence: "store-operations/settings/logs.mdx:7",
        tags: &[
            TagPage { tag: "System Logs", page: "/docs/rest-management/store-logs", evidence: "store-operations/settings/logs.mdx:7", operations: &["getStoreSystemLogs"] },
        ],
    },
    SpecPage {
        spec: "storefront_tokens.v3.yml",
        page: "/docs/rest-authentication/tokens",
        evidence: "start/authentication/api-accounts.mdx:191",
        tags: &[
            TagPage { tag: "API Token", page: "/docs/rest-authentication/tokens", evidence: "start/authentication/graphql-storefront.mdx:381", operations: &["createToken", "revokeToken"] },
            TagPage { tag: "Private API Token", page: "/docs/rest-authentication/tokens", evidence: "start/authentication/graphql-storefront.mdx:340", operations: &["createPrivateToken"] },
            TagPage { tag: "Customer Impersonation Token", page: "/docs/rest-authentication/tokens/customer-impersonation-token", evidence: "start/authentication/api-accounts.mdx:192", operations: &["createTokenWithCustomerImpersonation"] },
        ],
    },
    SpecPage {
        spec: "subscribers.v3.yml",
        page: "/docs/rest-management/subscribers",
        evidence: "start/authentication/api-accounts.mdx:211",
        tags: &[
            TagPage { tag: "Subscribers", page: "/docs/rest-management/subscribers", evidence: "start/authentication/api-accounts.mdx:211", operations: &["getSubscribers", "createSubscriber", "deleteSubscribers", "getSubscriber", "updateSubscriber", "deleteSubscriber"] },
        ],
    },
    SpecPage {
        spec: "subscriptions.sf.yml",
        page: "/docs/rest-storefront/subscriptions",
        evidence: "store-operations/customers/index.mdx:275",
        tags: &[
        ],
    },
    SpecPage {
        spec: "tax.v3.yml",
        page: "/docs/rest-contracts/tax-app-connection",
        evidence: "integrations/tax.mdx:94",
        tags: &[
            TagPage { tag: "Tax Provider Connection", page: "/docs/rest-contracts/tax-app-connection", evidence: "integrations/tax.mdx:94", operations: &["getTaxProviderConnection", "deleteTaxProviderConnection", "updateTaxProviderConnection"] },
        ],
    },
    SpecPage {
        spec: "tax_customers.v3.yml",
        page: "/docs/rest-management/tax-customers",
        evidence: "store-operations/tax/tax-customers.mdx:18",
        tags: &[
            TagPage { tag: "Tax Customers", page: "/docs/rest-management/tax-customers", evidence: "store-operations/tax/tax-customers.mdx:18", operations: &["getTaxCustomers", "updateTaxCustomers", "deleteTaxCustomers"] },
        ],
    },
    SpecPage {
        spec: "tax_properties.v3.yml",
        page: "/docs/rest-management/tax-properties",
        evidence: "store-operations/tax/tax-properties.mdx:30",
        tags: &[
            TagPage { tag: "Tax Properties", page: "/docs/rest-management/tax-properties", evidence: "store-operations/tax/tax-properties.mdx:30", operations: &["getTaxProperties", "updateTaxProperties", "createTaxProperties", "deleteTaxProperties"] },
            TagPage { tag: "Product Tax Properties", page: "/docs/rest-management/tax-properties/product-tax-properties", evidence: "store-operations/tax/tax-properties.mdx:213", operations: &["getProductsTaxProperties", "updateProductTaxProperties", "deleteProductTaxProperties"] },
        ],
    },
    SpecPage {
        spec: "tax_provider.yml",
        page: "/docs/rest-contracts/tax",
        evidence: "integrations/tax.mdx:151",
        tags: &[
            TagPage { tag: "Tax Provider", page: "/docs/rest-contracts/tax", evidence: "integrations/tax.mdx:151", operations: &["estimateTaxes", "voidTaxQuote", "commitTaxQuote", "adjustTaxQuote"] },
        ],
    },
    SpecPage {
        spec: "tax_rates_zones.v3.yml",
        page: "/docs/rest-management/tax-rates-and-zones",
        evidence: "store-operations/tax/tax-rates-zones.mdx:24",
        tags: &[
            TagPage { tag: "Tax Rates", page: "/docs/rest-management/tax-rates-and-zones/tax-rates", evidence: "store-operations/tax/tax-rates-zones.mdx:275", operations: &["getTaxRates", "updateTaxRates", "createTaxRates", "deleteTaxRates"] },
            TagPage { tag: "Tax Zones", page: "/docs/rest-management/tax-rates-and-zones/tax-zones", evidence: "store-operations/tax/tax-rates-zones.mdx:24", operations: &["getTaxZones", "updateTaxZones", "createTaxZones", "deleteTaxZones"] },
        ],
    },
    SpecPage {
        spec: "tax_settings.v3.yml",
        page: "/docs/rest-management/tax-settings",
        evidence: "store-operations/tax/index.mdx:15",
        tags: &[
            TagPage { tag: "Tax Settings", page: "/docs/rest-management/tax-settings", evidence: "store-operations/tax/index.mdx:15", operations: &["getTaxSettings", "updateTaxSettings"] },
        ],
    },
    SpecPage {
        spec: "themes.v3.yml",
        page: "/docs/rest-content/themes",
        evidence: "storefront/multi-storefront/guide.mdx:143",
        tags: &[
            TagPage { tag: "Themes", page: "/docs/rest-content/themes", evidence: "storefront/multi-storefront/guide.mdx:164", operations: &["getStoreThemes", "uploadStoreTheme", "getStoreTheme", "deleteStoreTheme"] },
            TagPage { tag: "Theme Actions", page: "/docs/rest-content/themes/theme-actions", evidence: "storefront/multi-storefront/guide.mdx:143", operations: &["downloadStoreTheme", "activateStoreTheme"] },
            TagPage { tag: "Theme Configurations", page: "/docs/rest-content/themes/theme-configurations", evidence: "storefront/multi-storefront/guide.mdx:149", operations: &["getThemeConfiguration", "validateThemeConfiguration"] },
        ],
    },
    SpecPage {
        spec: "webhooks.v3.yml",
        page: "/docs/webhooks/webhooks",
        evidence: "integrations/apps/guide/events.mdx:33",
        tags: &[
            TagPage { tag: "Manage Webhooks (Single)", page: "/docs/webhooks/webhooks/manage-webhooks-single", evidence: "integrations/webhooks/https-webhook-overview.mdx:184", operations: &["createWebhooks", "getWebhook", "updateWebhook", "deleteWebhook"] },
        ],
    },
    SpecPage {
        spec: "widgets.v3.yml",
        page: "/docs/rest-content/widgets",
        evidence: "integrations/apps/multi-storefront.mdx:64",
        tags: &[
            TagPage { tag: "Placement", page: "/docs/rest-content/widgets/placement", evidence: "storefront/stencil/content/widgets.mdx:53", operations: &["createPlacement", "getPlacements", "getPlacement", "updatePlacement", "deletePlacement"] },
            TagPage { tag: "Regions", page: "/docs/rest-content/widgets/regions", evidence: "storefront/widgets/guide/graphql-templates.mdx:307", operations: &["getContentRegions"] },
            TagPage { tag: "Widget", page: "/docs/rest-content/widgets/widget", evidence: "start/best-practices/sunsets.mdx:17", operations: &["createWidget", "getWidgets", "getWidget", "updateWidget", "deleteWidget"] },
            TagPage { tag: "Widget Template", page: "/docs/rest-content/widgets/widget-template", evidence: "integrations/apps/multi-storefront.mdx:64", operations: &["createWidgetTemplate", "getWidgetTemplates", "previewWidget", "getWidgetTemplate", "updateWidgetTemplate", "deleteWidgetTemplate"] },
        ],
    },
    SpecPage {
        spec: "wishlists.v3.yml",
        page: "/docs/rest-management/wishlists",
        evidence: "start/authentication/api-accounts.mdx:211",
        tags: &[
            TagPage { tag: "Wishlists", page: "/docs/rest-management/wishlists", evidence: "start/authentication/api-accounts.mdx:211", operations: &["getWishlists", "createWishlist", "getWishlist", "updateWishlist", "deleteWishlist"] },
        ],
    },
];
