//! Calls from a HAR file (HTTP Archive 1.2, as browsers, proxies and API tools export it): every
//! request to a BigCommerce API.

use super::calls::{CallList, GraphqlCall, Location, SkipReason, Skipped, Unresolved};
use crate::datafile::vocab::{Host, Method};
use crate::error::{Error, ErrorKind};
use crate::graphql::is_store_host;
use crate::graphql::Endpoint;
use crate::resolve::resolve;
use format::{Entry as HarEntry, NotUtf8, Obj, Root, Utf8Reader};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

mod format;

/// Path prefixes of BigCommerce APIs served on a store's own domain: a request there is taken
/// even when it does not resolve (and is then reported as unresolved).
const STORE_API_PREFIXES: [&str; 4] = ["/api/storefront/", "/api/v2/", "/login/token/", "/customer/current.jwt"];

/// What one HAR entry is.
enum Entry {
    Take(Method, String),
    /// A `/graphql` request on a store-like host: taken only if the host serves BigCommerce.
    Graphql(String, String, String),
    Skip(SkipReason, String),
    Bad(Unresolved),
}

impl CallList {
    /// Read the calls of a HAR file: every request to `api.bigcommerce.com` or
    /// `payments.bigcommerce.com`, and every request to another host whose path is a BigCommerce
    /// storefront, customer-login, current-customer or legacy `/api/v2` route. A `/graphql`
    /// request counts as the GraphQL Storefront API when its host is a `*.mybigcommerce.com` store
    /// or serves other storefront routes in the same recording. Everything else (pages, static
    /// assets, third-party services, CORS preflights) is skipped and counted by host.
    ///
    /// Errors only when the text is not a HAR file at all (not JSON, no `log.entries` array, or a
    /// key given twice in an object that is read); an entry without a method or URL, or with a
    /// method that is not HTTP's, is an error entry with its index. Only requests are read:
    /// responses, timings and the rest are skipped whatever they hold.
    ///
    /// ```
    /// use bigcommerce_scopes::plan::{CallList, Location};
    /// let har = r#"{"log": {"version": "1.2", "entries": [
    ///   {"request": {"method": "GET", "url": "https://shop.example.com/api/storefront/carts?include=lineItems"}},
    ///   {"request": {"method": "POST", "url": "https://shop.example.com/graphql"}},
    ///   {"request": {"method": "GET", "url": "https://shop.example.com/products/blue-shirt/"}},
    ///   {"request": {"method": "GET", "url": "https://www.google-analytics.com/g/collect?v=2"}},
    ///   {"request": {"method": "PUT", "url": "https://api.bigcommerce.com/stores/abc/v3/catalog/products/1"}}
    /// ]}}"#;
    /// let list = CallList::from_har(har).unwrap();
    /// let taken: Vec<Location> = list.calls.iter().map(|c| c.location).collect();
    /// assert_eq!(taken, [Location::HarEntry(0), Location::HarEntry(1), Location::HarEntry(4)]);
    /// assert_eq!(list.skipped.iter().map(|s| s.count).sum::<usize>(), 2);
    /// assert!(CallList::from_har("{}").is_err());
    /// ```
    pub fn from_har(json: &str) -> Result<CallList, Error> {
        let text = json.strip_prefix('\u{feff}').unwrap_or(json);
        from_entries(serde_json::from_str::<Obj<Root>>(text).map_err(not_har)?)
    }

    /// [`CallList::from_har`] on a reader (a file, standard input): the file is parsed as it is
    /// read, and only the requests are kept, so that memory does not grow with the size of the
    /// recorded responses. Bytes that are not UTF-8 are refused, wherever they are; a read error
    /// is an error.
    ///
    /// ```
    /// use bigcommerce_scopes::plan::CallList;
    /// let har = r#"{"log": {"entries": [
    ///   {"request": {"method": "GET", "url": "https://api.bigcommerce.com/stores/abc/v2/orders"},
    ///    "response": {"content": {"text": "[{\"id\": 1}]", "size": 11}}}
    /// ]}}"#;
    /// let list = CallList::from_har_reader(std::io::BufReader::new(har.as_bytes())).unwrap();
    /// assert_eq!(list.calls[0].target, "https://api.bigcommerce.com/stores/abc/v2/orders");
    /// assert!(CallList::from_har_reader(&b"{\"log\": \xff}"[..]).unwrap_err().message().contains("UTF-8"));
    /// ```
    pub fn from_har_reader<R: Read>(reader: R) -> Result<CallList, Error> {
        // serde_json reads a byte at a time; std's `BufReader` serves those from its buffer
        // without a call to the reader beneath.
        let reader = std::io::BufReader::with_capacity(64 * 1024, Utf8Reader::new(reader));
        from_entries(serde_json::from_reader::<_, Obj<Root>>(reader).map_err(not_har)?)
    }
}

/// The error for text that cannot be read as a HAR file.
fn not_har(e: serde_json::Error) -> Error {
    use serde_json::error::Category;
    let message = match e.classify() {
        Category::Syntax | Category::Eof => {
            format!("not a HAR file: invalid JSON at line {}, column {}", e.line(), e.column())
        }
        // The lenient structs accept every JSON value; what is left is a key given twice.
        Category::Data => {
            let text = e.to_string();
            let what = text.rsplit_once(" at line ").map_or(text.as_str(), |(what, _)| what);
            format!("not a HAR file: {what} at line {}, column {}", e.line(), e.column())
        }
        Category::Io => {
            let io = std::io::Error::from(e);
            match io.get_ref().and_then(|inner| inner.downcast_ref::<NotUtf8>()) {
                Some(not_utf8) => format!("not a HAR file: {not_utf8}"),
                None => format!("cannot read the HAR file: {io}"),
            }
        }
    };
    Error::new(ErrorKind::InvalidInput, message)
}

/// The calls of a parsed HAR file.
fn from_entries(root: Obj<Root>) -> Result<CallList, Error> {
    let entries = root
        .0
        .and_then(Root::entries)
        .ok_or_else(|| Error::new(ErrorKind::InvalidInput, "not a HAR file: it has no `log.entries` array"))?;
    let mut list = CallList::new();
    let mut skipped: BTreeMap<(SkipReason, String), usize> = BTreeMap::new();
    let mut store_hosts: BTreeSet<String> = BTreeSet::new();
    let mut graphql = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let location = Location::HarEntry(i);
        let Some((method, url)) = e.0.as_ref().and_then(HarEntry::method_and_url) else {
            let e = Error::new(ErrorKind::InvalidInput, "HAR entry has no request.method and request.url strings");
            list.errors.push(Unresolved::new(location, "", &e));
            continue;
        };
        let body = e.0.as_ref().and_then(HarEntry::body);
        match entry(location, method, url) {
            Entry::Take(m, url) => {
                if let Some(host) = store_host(&url) {
                    store_hosts.insert(host);
                }
                push(&mut list, location, m, url, body);
            }
            Entry::Graphql(host, m, url) => graphql.push((location, host, m, url, body)),
            Entry::Skip(reason, host) => *skipped.entry((reason, host)).or_default() += 1,
            Entry::Bad(u) => list.errors.push(u),
        }
    }
    for (location, host, method, url, body) in graphql {
        if host.ends_with(".mybigcommerce.com") || store_hosts.contains(&host) {
            match Method::parse(&method) {
                Ok(m) => push(&mut list, location, m, url, body),
                Err(e) => list.errors.push(Unresolved::new(location, &format!("{method} {url}"), &e)),
            }
        } else {
            *skipped.entry((SkipReason::ForeignGraphql, host)).or_default() += 1;
        }
    }
    list.calls.sort_by_key(|c| c.location);
    list.skipped = skipped.into_iter().map(|((reason, host), count)| Skipped { reason, host, count }).collect();
    Ok(list)
}

/// Add a taken entry: a GraphQL POST with the documents of its body (one call per document of a
/// batch), any other request as it is.
fn push(list: &mut CallList, location: Location, method: Method, url: String, body: Option<&str>) {
    let endpoint = (method == Method::Post).then(|| Endpoint::from_target(&url)).flatten();
    let documents = match (endpoint, body) {
        (Some(_), Some(text)) => graphql_documents(text),
        _ => Vec::new(),
    };
    match endpoint {
        Some(endpoint) if !documents.is_empty() => {
            for document in documents {
                list.push_graphql(
                    location,
                    url.clone(),
                    GraphqlCall { endpoint, document, source: "request body".into(), token_minted_elsewhere: false },
                );
            }
        }
        _ => list.push(location, method, url),
    }
}

/// The GraphQL documents of a request body: `{"query": "…"}`, or a batch `[{"query": "…"}, …]`.
/// A body that holds none (persisted queries, no body recorded) gives none.
fn graphql_documents(text: &str) -> Vec<String> {
    let query = |v: &Value| v.get("query").and_then(Value::as_str).map(str::to_owned);
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(batch)) => batch.iter().filter_map(query).collect(),
        Ok(v) => query(&v).into_iter().collect(),
        Err(_) => Vec::new(),
    }
}

/// The lower-case host of an http(s) URL (without user info and port) and its path, or `None`
/// for what is not an http(s) URL.
fn host_and_path(url: &str) -> Option<(String, &str)> {
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return None;
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host.rsplit_once(':') {
        Some((h, port)) if !h.contains(']') && port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    };
    let path = &rest[end..];
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    Some((host.to_ascii_lowercase(), path))
}

/// The host of a storefront request (for recognizing `/graphql` on the same host).
fn store_host(url: &str) -> Option<String> {
    let (host, _) = host_and_path(url)?;
    (host != "api.bigcommerce.com" && host != "payments.bigcommerce.com").then_some(host)
}

fn entry(location: Location, method: &str, url: &str) -> Entry {
    let Some((host, path)) = host_and_path(url) else {
        let scheme = url.split_once(':').map_or("", |(s, _)| s);
        let shown = if scheme.len() <= 20 && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            format!("{}:", scheme.to_ascii_lowercase())
        } else {
            String::new()
        };
        return Entry::Skip(SkipReason::NotHttp, shown);
    };
    if method.eq_ignore_ascii_case("OPTIONS") {
        return Entry::Skip(SkipReason::Preflight, host);
    }
    let bigcommerce_api = host == "api.bigcommerce.com" || host == "payments.bigcommerce.com";
    let m = match Method::parse(method) {
        Ok(m) => m,
        Err(e) if bigcommerce_api => return Entry::Bad(Unresolved::new(location, &format!("{method} {url}"), &e)),
        Err(_) => return Entry::Skip(SkipReason::NotBigcommerceApi, host),
    };
    if bigcommerce_api {
        return Entry::Take(m, url.to_owned());
    }
    if Endpoint::from_target(url) == Some(Endpoint::Storefront) {
        return Entry::Graphql(host, method.to_owned(), url.to_owned());
    }
    if !is_store_host(&host) {
        return Entry::Skip(SkipReason::NotBigcommerceApi, host);
    }
    if STORE_API_PREFIXES.iter().any(|p| path.starts_with(p) || path == p.trim_end_matches('/')) {
        return Entry::Take(m, url.to_owned());
    }
    match resolve(m, url) {
        Ok(r) if r.route.host == Host::AppDomain => Entry::Skip(SkipReason::ProviderCallback, host),
        Ok(_) => Entry::Take(m, url.to_owned()),
        Err(_) => Entry::Skip(SkipReason::NotBigcommerceApi, host),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn har(entries: &[(&str, &str)]) -> String {
        let e: Vec<String> = entries
            .iter()
            .map(|(m, u)| {
                format!(r#"{{"request": {{"method": {m:?}, "url": {u:?}, "headers": []}}, "response": {{}}}}"#)
            })
            .collect();
        format!(r#"{{"log": {{"version": "1.2", "creator": {{"name": "t"}}, "entries": [{}]}}}}"#, e.join(","))
    }

    #[test]
    fn takes_bigcommerce_requests_only() {
        let list = CallList::from_har(&har(&[
            ("GET", "https://api.bigcommerce.com/stores/abc/v3/nothing/here"),
            ("OPTIONS", "https://api.bigcommerce.com/stores/abc/v3/catalog/products"),
            ("GET", "https://store-abc.mybigcommerce.com/api/v2/orders/1.json"),
            ("POST", "https://api.github.com/graphql"),
            ("POST", "https://store-abc.mybigcommerce.com/graphql"),
            ("GET", "data:image/png;base64,AAAA"),
            ("POST", "https://tax.example.com/estimate"),
            ("GET", "https://shop.example.com/api/storefront/%2e%2e/x"),
            ("BREW", "https://api.bigcommerce.com/stores/abc/v3/catalog/products"),
            ("GET", "https://login.bigcommerce.com/login"),
        ]))
        .unwrap();
        let taken: Vec<usize> = list
            .calls
            .iter()
            .map(|c| match c.location {
                Location::HarEntry(i) => i,
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(taken, [0, 2, 4, 7]);
        assert_eq!(list.errors.len(), 1, "an unknown method to the API is an error entry");
        let reasons: Vec<(SkipReason, &str)> = list.skipped.iter().map(|s| (s.reason, s.host.as_str())).collect();
        assert_eq!(
            reasons,
            [
                (SkipReason::NotBigcommerceApi, "login.bigcommerce.com"),
                (SkipReason::NotBigcommerceApi, "tax.example.com"),
                (SkipReason::Preflight, "api.bigcommerce.com"),
                (SkipReason::NotHttp, "data:"),
                (SkipReason::ForeignGraphql, "api.github.com"),
            ]
        );
    }

    #[test]
    fn malformed_entries_and_files() {
        let list = CallList::from_har(r#"{"log": {"entries": [{"request": {"method": 5}}, {}]}}"#).unwrap();
        assert_eq!(list.errors.len(), 2);
        assert_eq!(list.errors[1].location, Location::HarEntry(1));
        for bad in ["", "[]", r#"{"log": {}}"#, r#"{"log": {"entries": {}}}"#, "nul"] {
            assert_eq!(CallList::from_har(bad).unwrap_err().kind(), ErrorKind::InvalidInput, "{bad}");
        }
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_and_path("HTTPS://User:pw@Shop.Example.com:8443/a/b?c#d"),
            Some(("shop.example.com".into(), "/a/b"))
        );
        assert_eq!(host_and_path("https://shop.example.com"), Some(("shop.example.com".into(), "")));
        assert_eq!(host_and_path("blob:https://x"), None);
    }
}
