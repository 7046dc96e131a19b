//! Closed vocabularies shared by the data files, the build script and the query API.
//!
//! These enums are written by hand because they are part of the data format itself; the open sets
//! (scopes, APIs, auth schemes) are generated from `data/` by the build script.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

macro_rules! vocab {
    // A vocabulary whose `FromStr` is written by hand (with the query API's errors).
    ($(#[$meta:meta])* $name:ident parsed_by_hand { $($body:tt)+ }) => {
        vocab!(@enum [] $(#[$meta])* $name { $($body)+ });
    };
    ($(#[$meta:meta])* $name:ident { $($body:tt)+ }) => {
        vocab!(@enum [strum::EnumString] $(#[$meta])* $name { $($body)+ });
    };
    (@enum [$($parse:path)?] $(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            JsonSchema, strum::Display, strum::IntoStaticStr, strum::EnumIter,
            strum::EnumCount, strum::VariantArray, $($parse)?
        )]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] #[strum(serialize = $text)] $variant,)+
        }

        impl $name {
            /// The name as the data files and JSON output spell it.
            ///
            /// ```
            /// assert_eq!(bigcommerce_scopes::Permission::ReadOnly.as_str(), "read-only");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text,)+ }
            }
        }
    };
}

vocab! {
    /// A kind of BigCommerce API account.
    ///
    /// ```
    /// use bigcommerce_scopes::AccountType;
    /// assert_eq!("app".parse::<AccountType>().unwrap(), AccountType::App);
    /// assert_eq!(AccountType::Store.as_str(), "store");
    /// assert!("shop".parse::<AccountType>().unwrap_err().to_string().contains("expected store, app, account or legacy"));
    /// ```
    AccountType parsed_by_hand {
        /// Store-level API account, created in a store's control panel.
        Store = "store",
        /// App-level API account, created in the Developer Portal.
        App = "app",
        /// Account-level API account, for the GraphQL Account API.
        Account = "account",
        /// Legacy API account using HTTP basic auth; no longer issued.
        Legacy = "legacy",
    }
}

vocab! {
    /// A scope's permission level, as the docs write it.
    ///
    /// ```
    /// use bigcommerce_scopes::Permission;
    /// assert_eq!(Permission::ReadOnly.to_string(), "read-only");
    /// ```
    Permission {
        /// Read and write.
        Modify = "modify",
        /// GET and HEAD only.
        ReadOnly = "read-only",
        /// Manage (App Extensions, metafield ownership, infrastructure).
        Manage = "manage",
        /// Standard metafield access (the API account's own metafields).
        Standard = "standard",
        /// Full metafield access (every API account's metafields).
        Full = "full",
        /// Write (account users).
        Write = "write",
        /// Delete (account users).
        Delete = "delete",
        /// Create preview deployments (infrastructure hosting).
        CreatePreview = "create preview",
        /// The implicit default scope.
        Default = "default",
        /// No document states one (a scope seen only in token responses).
        Undocumented = "undocumented",
    }
}

vocab! {
    /// The table of the API-accounts page a scope belongs to, or for a scope in none of them, what
    /// kind of grant it is.
    ScopeGroup {
        /// Scopes that let an account create tokens for other APIs.
        TokenCreation = "token-creation",
        /// Scopes over one store's resources.
        StoreResource = "store-resource",
        /// Scopes over account-level resources (GraphQL Account API).
        AccountResource = "account-resource",
        /// The scope every API account has.
        Default = "default",
        /// The app install's grant of the installing user's identity (the token response's `user`):
        /// not an API resource scope, it reaches no route.
        UserIdentity = "user-identity",
    }
}

vocab! {
    /// Where a scope is known from.
    Origin {
        /// The API-accounts documentation lists it.
        Docs = "docs",
        /// Only an OpenAPI spec names it.
        Spec = "spec",
        /// Seen in OAuth token responses (in public code that holds them), not listed by the docs.
        Token = "token",
    }
}

vocab! {
    /// An HTTP method of a documented operation (HEAD resolves like GET).
    ///
    /// ```
    /// use bigcommerce_scopes::Method;
    /// assert_eq!("DELETE".parse::<Method>().unwrap(), Method::Delete);
    /// assert!(Method::Head.is_read());
    /// ```
    Method {
        /// GET
        Get = "GET",
        /// HEAD
        Head = "HEAD",
        /// POST
        Post = "POST",
        /// PUT
        Put = "PUT",
        /// PATCH
        Patch = "PATCH",
        /// DELETE
        Delete = "DELETE",
    }
}

impl Method {
    /// GET and HEAD: the methods a read-only scope allows.
    ///
    /// ```
    /// use bigcommerce_scopes::Method;
    /// assert!(Method::Get.is_read() && !Method::Delete.is_read());
    /// ```
    pub const fn is_read(self) -> bool {
        matches!(self, Method::Get | Method::Head)
    }
}

vocab! {
    /// What an operation requires of the API account.
    RequirementKind {
        /// An OAuth scope (the operation names the least-privileged one).
        Scope = "scope",
        /// Only the default scope every API account has (webhooks).
        DefaultScope = "default-scope",
        /// No OAuth scope (same-origin storefront, client-ID, provider callbacks).
        None = "none",
    }
}

vocab! {
    /// How sure the data is of an operation's requirement.
    Confidence {
        /// The spec names one scope family, or the docs state the rule for this path.
        Documented = "documented",
        /// The spec names several families and the data chose one from the path and the docs.
        Inferred = "inferred",
    }
}

vocab! {
    /// The kind of an API.
    ApiKind {
        /// REST over HTTP.
        Rest = "rest",
        /// GraphQL.
        Graphql = "graphql",
        /// Requests BigCommerce sends to an app's server.
        Provider = "provider",
    }
}

vocab! {
    /// The family an auth scheme belongs to (the sections of the authentication page).
    AuthKind {
        /// Credentials that do not expire on a timer.
        StableToken = "stable-token",
        /// Short-lived tokens created through a token endpoint.
        DynamicToken = "dynamic-token",
        /// JWTs the app creates and signs.
        UserJwt = "user-jwt",
        /// JWTs BigCommerce signs and the app verifies.
        PayloadJwt = "payload-jwt",
        /// The browser's same-origin session.
        SameOrigin = "same-origin",
        /// Authentication the app developer configures.
        Provider = "provider",
        /// HTTP basic auth of legacy accounts.
        Legacy = "legacy",
    }
}

vocab! {
    /// Where a credential travels in the request.
    CredentialLocation {
        /// A request header.
        Header = "header",
        /// A query parameter.
        Query = "query",
        /// A path segment.
        Path = "path",
        /// The request body.
        Body = "body",
        /// A callback BigCommerce sends to the app.
        Callback = "callback",
        /// No credential is sent.
        None = "none",
    }
}

vocab! {
    /// Which version of the account-type table a use case row comes from.
    UseCaseTable {
        /// "Choosing the right kind of API account" (current).
        Current = "current",
        /// "Use cases by credential type" (older pages).
        History = "history",
    }
}

vocab! {
    /// The host family a route is served from.
    Host {
        /// `https://api.bigcommerce.com/stores/{store_hash}/...` (OAuth gateway).
        Api = "api.bigcommerce.com",
        /// `https://payments.bigcommerce.com/stores/{store_hash}/...`.
        Payments = "payments.bigcommerce.com",
        /// The storefront's own domain (`https://{store_domain}/...`).
        StoreDomain = "store-domain",
        /// The provider app's server (`https://{app_domain}/...`): BigCommerce calls it.
        AppDomain = "app-domain",
    }
}

vocab! {
    /// The kind of a GraphQL operation a scope statement is about.
    ///
    /// ```
    /// use bigcommerce_scopes::GraphqlOperation;
    /// assert_eq!("mutation".parse::<GraphqlOperation>().unwrap(), GraphqlOperation::Mutation);
    /// ```
    GraphqlOperation {
        /// A query (also a document's `{ ... }` shorthand).
        Query = "query",
        /// A mutation.
        Mutation = "mutation",
        /// A subscription.
        Subscription = "subscription",
    }
}

vocab! {
    /// Which API account must hold a GraphQL field's scope.
    HeldBy {
        /// The account whose access token sends the request (Admin and Account APIs).
        Request = "request",
        /// The account that minted the bearer token the request carries (Storefront API): code
        /// that only uses a token it was given needs none of it.
        TokenMinter = "token-minter",
    }
}
