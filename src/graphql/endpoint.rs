//! Which GraphQL API a request target names: the Admin API on the gateway, the Account API on the
//! gateway, or the Storefront API on a store's own domain.

use crate::tables::Api;

/// A GraphQL endpoint named by a request target.
///
/// ```
/// use bigcommerce_scopes::graphql::Endpoint;
/// use bigcommerce_scopes::Api;
/// let e = Endpoint::from_target("https://api.bigcommerce.com/stores/abc123/graphql").unwrap();
/// assert_eq!((e, e.api()), (Endpoint::Admin, Api::GraphqlAdmin));
/// assert_eq!(Endpoint::from_target("https://shop.example.com/graphql"), Some(Endpoint::Storefront));
/// assert_eq!(Endpoint::from_target("https://payments.bigcommerce.com/stores/abc/graphql"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Endpoint {
    /// `https://{store_domain}/graphql` or `/graphql`.
    Storefront,
    /// `https://api.bigcommerce.com/stores/{store_hash}/graphql` or `/stores/{store_hash}/graphql`.
    Admin,
    /// `https://api.bigcommerce.com/accounts/{account_uuid}/graphql` or `/accounts/{uuid}/graphql`.
    Account,
}

impl Endpoint {
    /// The API served there.
    ///
    /// ```
    /// use bigcommerce_scopes::{graphql::Endpoint, Api};
    /// assert_eq!(Endpoint::Account.api(), Api::GraphqlAccount);
    /// ```
    pub fn api(self) -> Api {
        match self {
            Endpoint::Storefront => Api::GraphqlStorefront,
            Endpoint::Admin => Api::GraphqlAdmin,
            Endpoint::Account => Api::GraphqlAccount,
        }
    }

    /// The endpoint for an API, where it is a GraphQL API with an endpoint of its own.
    ///
    /// ```
    /// use bigcommerce_scopes::{graphql::Endpoint, Api};
    /// assert_eq!(Endpoint::for_api(Api::GraphqlStorefront), Some(Endpoint::Storefront));
    /// assert_eq!(Endpoint::for_api(Api::RestManagement), None);
    /// ```
    pub fn for_api(api: Api) -> Option<Endpoint> {
        ALL.into_iter().find(|e| e.api() == api)
    }

    /// The short name `bc-scopes graphql --api` and calls files use.
    ///
    /// ```
    /// use bigcommerce_scopes::graphql::Endpoint;
    /// assert_eq!(Endpoint::Admin.short_name(), "admin");
    /// ```
    pub fn short_name(self) -> &'static str {
        match self {
            Endpoint::Storefront => "storefront",
            Endpoint::Admin => "admin",
            Endpoint::Account => "account",
        }
    }

    /// GraphQL requests are POST requests: any other method is
    /// [`ErrorKind::MethodNotDocumented`](crate::ErrorKind::MethodNotDocumented), suggesting
    /// `POST target`.
    ///
    /// ```
    /// use bigcommerce_scopes::{graphql::Endpoint, ErrorKind, Method};
    /// assert!(Endpoint::Admin.require_post(Method::Post, "/stores/abc/graphql").is_ok());
    /// let e = Endpoint::Admin.require_post(Method::Get, "/stores/abc/graphql").unwrap_err();
    /// assert_eq!((e.kind(), e.suggestions()), (ErrorKind::MethodNotDocumented, &["POST /stores/abc/graphql".to_owned()][..]));
    /// ```
    pub fn require_post(self, method: crate::Method, target: &str) -> Result<(), crate::Error> {
        if method == crate::Method::Post {
            return Ok(());
        }
        Err(crate::Error::new(
            crate::ErrorKind::MethodNotDocumented,
            format!(
                "{method} {} is not documented: {} requests are POST requests",
                self.template(),
                self.api().info().name
            ),
        )
        .with_suggestions([format!("POST {}", target.chars().take(200).collect::<String>())]))
    }

    /// The endpoint an API name stands for: `admin`, `account`, `storefront`, or any name or
    /// alias of one of the three GraphQL APIs (case-insensitive).
    ///
    /// ```
    /// use bigcommerce_scopes::graphql::Endpoint;
    /// assert_eq!(Endpoint::parse("Storefront").unwrap(), Endpoint::Storefront);
    /// assert_eq!(Endpoint::parse("graphql-account").unwrap(), Endpoint::Account);
    /// assert!(Endpoint::parse("rest-management").unwrap_err().to_string().contains("admin"));
    /// assert_eq!(
    ///     Endpoint::parse("admn").unwrap_err().to_string(),
    ///     "`admn` is not a GraphQL API: expected admin, account or storefront (did you mean `admin`?)"
    /// );
    /// ```
    pub fn parse(name: &str) -> Result<Endpoint, crate::Error> {
        if let Some(e) = ALL.into_iter().find(|e| e.short_name().eq_ignore_ascii_case(name)) {
            return Ok(e);
        }
        Api::parse(name).ok().and_then(Endpoint::for_api).ok_or_else(|| {
            let shown: String = name.chars().take(40).collect();
            crate::Error::new(
                crate::ErrorKind::UnknownApi,
                format!("`{}` is not a GraphQL API: expected admin, account or storefront", shown.escape_debug()),
            )
            // The message lists the three; the suggestion is only a near one.
            .with_suggestions(crate::suggest::nearest(name, ALL.iter().map(|e| e.short_name()), 1))
        })
    }

    /// The endpoint as a template, as the docs write it.
    ///
    /// ```
    /// use bigcommerce_scopes::graphql::Endpoint;
    /// assert_eq!(Endpoint::Admin.template(), "/stores/{store_hash}/graphql");
    /// ```
    pub fn template(self) -> &'static str {
        match self {
            Endpoint::Storefront => "https://{store_domain}/graphql",
            Endpoint::Admin => "/stores/{store_hash}/graphql",
            Endpoint::Account => "/accounts/{account_uuid}/graphql",
        }
    }

    /// Recognize a GraphQL endpoint. Only exact, plain forms are recognized; anything else (odd
    /// characters, encodings, extra segments) is left to the resolver, which refuses or explains
    /// it. A `/graphql` path on a host that is not one of BigCommerce's own is taken as a
    /// storefront (custom domains are the norm).
    pub fn from_target(target: &str) -> Option<Endpoint> {
        let t = target.trim_matches(' ');
        if t.is_empty()
            || t.len() > crate::resolve::MAX_TARGET_LEN
            || t.chars().any(|c| c.is_control() || c.is_whitespace())
        {
            return None;
        }
        let t = &t[..t.find(['?', '#']).unwrap_or(t.len())];
        let (host, path) = split_url(t)?;
        let path = path.strip_suffix('/').unwrap_or(path);
        let segs: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
        let id = |s: &str, dash: bool| {
            !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || (dash && b == b'-'))
        };
        let gateway = |h: Option<&str>| h.is_none_or(|h| h.eq_ignore_ascii_case("api.bigcommerce.com"));
        match segs.as_slice() {
            ["graphql"] => match host {
                None => Some(Endpoint::Storefront),
                Some(h) if is_store_host(h) => Some(Endpoint::Storefront),
                Some(_) => None,
            },
            ["stores", hash, "graphql"] if id(hash, false) && gateway(host) => Some(Endpoint::Admin),
            ["accounts", uuid, "graphql"] if id(uuid, true) && gateway(host) => Some(Endpoint::Account),
            _ => None,
        }
    }
}

const ALL: [Endpoint; 3] = [Endpoint::Storefront, Endpoint::Admin, Endpoint::Account];

/// `(host, path)` of a target: `None` for the host of a path; `None` overall for what is neither a
/// plain http(s) URL nor a path.
fn split_url(t: &str) -> Option<(Option<&str>, &str)> {
    if t.starts_with('/') {
        return (!t.starts_with("//")).then_some((None, t));
    }
    let (scheme, rest) = t.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return None;
    }
    let (authority, path) = rest.find('/').map_or((rest, "/"), |i| (&rest[..i], &rest[i..]));
    let host = match authority.rsplit_once(':') {
        Some((h, port)) if !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()) => h,
        Some(_) => return None,
        None => authority,
    };
    let label_ok = |l: &str| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    (host.split('.').all(label_ok)).then_some((Some(host), path))
}

/// A host that can be a store's own domain (not one of BigCommerce's other hosts).
pub(crate) fn is_store_host(host: &str) -> bool {
    let h = host.to_ascii_lowercase();
    h.ends_with(".mybigcommerce.com") || !(h == "bigcommerce.com" || h.ends_with(".bigcommerce.com"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        for (t, g) in [
            ("/graphql", Some(Endpoint::Storefront)),
            ("https://shop.example.com/graphql", Some(Endpoint::Storefront)),
            ("https://store-abc12.mybigcommerce.com/graphql/", Some(Endpoint::Storefront)),
            ("https://shop.example.com:8443/graphql?x=1", Some(Endpoint::Storefront)),
            ("/stores/abc123/graphql", Some(Endpoint::Admin)),
            ("https://API.bigcommerce.com/stores/abc123/graphql", Some(Endpoint::Admin)),
            ("https://api.bigcommerce.com/accounts/0f1e-22/graphql", Some(Endpoint::Account)),
            ("/accounts/0f1e-22/graphql", Some(Endpoint::Account)),
            ("https://api.bigcommerce.com/graphql", None),
            ("https://payments.bigcommerce.com/stores/abc/graphql", None),
            ("https://cdn11.bigcommerce.com/graphql", None),
            ("https://shop.example.com/stores/abc/graphql", None),
            ("https://user@shop.example.com/graphql", None),
            ("//shop.example.com/graphql", None),
            ("/graphql/x", None),
            ("/stores/a%2Fb/graphql", None),
            ("/graph ql", None),
            ("ftp://shop.example.com/graphql", None),
        ] {
            assert_eq!(Endpoint::from_target(t), g, "{t}");
        }
    }
}
