//! Route templates: how a data file's `base` and `path` become a host and a list of segments.

use super::vocab::Host;

/// A route template split into its host and path segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Where the route is served.
    pub host: Host,
    /// Path segments after the host's fixed prefix (after `/stores/{store_hash}` on BigCommerce's
    /// gateways), e.g. `["v3", "catalog", "products", "{product_id}"]`.
    pub segments: Vec<String>,
}

impl Template {
    /// Split `base` + `path` into a template, or say what is wrong with them.
    pub fn parse(base: &str, path: &str) -> Result<Template, String> {
        const STORE: &str = "/stores/{store_hash}";
        let (host, prefix) = if let Some(rest) = base.strip_prefix(STORE) {
            (Host::Api, rest)
        } else if let Some(rest) = base.strip_prefix("https://payments.bigcommerce.com/stores/{store_hash}") {
            (Host::Payments, rest)
        } else if let Some(rest) = base.strip_prefix("https://{store_domain}") {
            (Host::StoreDomain, rest)
        } else if let Some(rest) = base.strip_prefix("https://{app_domain}") {
            (Host::AppDomain, rest)
        } else {
            return Err(format!("base `{base}` is not a known server"));
        };
        if !path.starts_with('/') {
            return Err(format!("path `{path}` does not start with `/`"));
        }
        let mut segments = Vec::new();
        for seg in prefix.split('/').chain(path.split('/')).filter(|s| !s.is_empty()) {
            let is_param = seg.starts_with('{') && seg.ends_with('}');
            let inner = if is_param { &seg[1..seg.len() - 1] } else { seg };
            if inner.is_empty() || inner.contains(['{', '}', '?', '#', '%']) {
                return Err(format!("segment `{seg}` of `{base}{path}` is malformed"));
            }
            segments.push(seg.to_string());
        }
        if path.split('/').skip(1).any(str::is_empty) && path != "/" {
            return Err(format!("path `{path}` has an empty segment"));
        }
        Ok(Template { host, segments })
    }

    /// The template as users see it: the documented full path.
    pub fn display(&self) -> String {
        let mut out = String::from(match self.host {
            Host::Api => "/stores/{store_hash}",
            Host::Payments => "https://payments.bigcommerce.com/stores/{store_hash}",
            Host::StoreDomain => "https://{store_domain}",
            Host::AppDomain => "https://{app_domain}",
        });
        for s in &self.segments {
            out.push('/');
            out.push_str(s);
        }
        out
    }

    /// The segments with every parameter written `{}`: two templates with the same key match the
    /// same paths.
    pub fn key(&self) -> String {
        let mut out = format!("{}", self.host);
        for s in &self.segments {
            out.push('/');
            out.push_str(if is_param(s) { "{}" } else { s });
        }
        out
    }
}

/// Whether a template segment is a parameter (`{name}`).
pub fn is_param(segment: &str) -> bool {
    segment.starts_with('{') && segment.ends_with('}')
}

/// Whether two templates can match one concrete path with neither being more specific at every
/// position (a literal in one where the other has a parameter, and the other way round elsewhere).
/// The resolver prefers literals, so only such crossed pairs are ambiguous.
pub fn crossed(a: &Template, b: &Template) -> bool {
    if a.host != b.host || a.segments.len() != b.segments.len() {
        return false;
    }
    let (mut a_lit, mut b_lit) = (false, false);
    for (x, y) in a.segments.iter().zip(&b.segments) {
        match (is_param(x), is_param(y)) {
            (false, false) if x != y => return false,
            (false, true) => a_lit = true,
            (true, false) => b_lit = true,
            _ => {}
        }
    }
    a_lit && b_lit
}
