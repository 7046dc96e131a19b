//! Suggestions for targets that match no documented route (the error path: may allocate).

use super::matcher;
use super::target::{ParsedTarget, Segments};
use crate::datafile::vocab::Host;
use crate::error::{Error, ErrorKind};
use crate::tables::ROUTES;

fn template_segments(template: &str) -> (Host, Vec<&str>) {
    let (host, rest) = if let Some(r) = template.strip_prefix("/stores/{store_hash}") {
        (Host::Api, r)
    } else if let Some(r) = template.strip_prefix("https://payments.bigcommerce.com/stores/{store_hash}") {
        (Host::Payments, r)
    } else if let Some(r) = template.strip_prefix("https://{store_domain}") {
        (Host::StoreDomain, r)
    } else {
        (Host::AppDomain, template.strip_prefix("https://{app_domain}").unwrap_or(template))
    };
    (host, rest.split('/').filter(|s| !s.is_empty()).collect())
}

fn is_version(s: &str) -> bool {
    super::target::is_version(s.as_bytes())
}

/// Whether an input segment looks like a value for a parameter rather than a literal.
fn is_value(s: &str) -> bool {
    s.bytes()
        .any(|b| b.is_ascii_digit() || b.is_ascii_uppercase() || !(b.is_ascii_alphabetic() || b == b'_' || b == b'-'))
        && !is_version(s)
}

/// How far a documented template is from what the user wrote: literals the template lacks (or has
/// misspelt), literals it adds, and the difference in depth. Lower is nearer.
/// Edit distances between the input's words and the templates' literals, each pair computed once.
struct Distances<'a> {
    words: Vec<String>,
    cache: std::collections::HashMap<(usize, &'a str), usize>,
}

impl<'a> Distances<'a> {
    fn get(&mut self, word: usize, literal: &'a str) -> usize {
        let w = &self.words[word];
        *self.cache.entry((word, literal)).or_insert_with(|| strsim::levenshtein(w, literal))
    }
}

/// How far a documented template is from what the user wrote: literals the template lacks (or has
/// misspelt), literals it adds, and the difference in depth. Lower is nearer.
fn cost<'a>(input_len: usize, dist: &mut Distances<'a>, template: &[&'a str]) -> usize {
    let t_literals: Vec<&'a str> = template.iter().copied().filter(|s| !s.starts_with('{')).collect();
    let mut c = input_len.abs_diff(template.len()) * 2;
    let mut matched: Vec<&str> = Vec::new();
    for w in 0..dist.words.len() {
        let word = dist.words[w].as_str();
        if let Some(t) = t_literals.iter().find(|t| **t == word) {
            matched.push(t);
        } else if is_version(word) && t_literals.iter().any(|t| is_version(t)) {
            c += 1;
        } else {
            let (d, best) = t_literals.iter().map(|t| (dist.get(w, t), *t)).min().unwrap_or((6, ""));
            c += d.min(6);
            matched.push(best);
        }
    }
    c + 2 * t_literals.iter().filter(|t| !is_version(t) && !matched.contains(t)).count()
}

/// The error for a target that matches no route, with the nearest documented routes.
pub(crate) fn unknown_endpoint(target: &str, t: &ParsedTarget<'_>) -> Error {
    let input: Vec<&str> = t.segments.iter().collect();
    let mut suggestions: Vec<&'static str> = Vec::new();
    // A path written without its version, or in another case, that would match as written.
    let lower: Vec<String> = input.iter().map(|s| s.to_ascii_lowercase()).collect();
    let lower_refs: Vec<&str> = lower.iter().map(String::as_str).collect();
    let mut tries: Vec<(Host, Vec<&str>)> = vec![(t.host, lower_refs.clone())];
    for v in ["v3", "v2"] {
        let mut with = vec![v];
        with.extend(&lower_refs);
        tries.push((Host::Api, with));
    }
    if t.host != Host::StoreDomain {
        let mut with = vec!["api", "storefront"];
        with.extend(&lower_refs);
        tries.push((Host::StoreDomain, with));
    }
    for (host, segs) in &tries {
        let joined = segs.join("/");
        if let Some(m) = Segments::split(&joined).and_then(|s| matcher::first(*host, &s)) {
            let tpl = ROUTES[m.route as usize].template;
            if !suggestions.contains(&tpl) {
                suggestions.push(tpl);
            }
        }
    }
    if suggestions.is_empty() {
        let words = input
            .iter()
            .filter(|s| !is_value(s) && s.len() <= crate::suggest::MAX_SUGGESTABLE)
            .map(|s| s.to_ascii_lowercase())
            .collect();
        let mut dist = Distances { words, cache: std::collections::HashMap::new() };
        let mut scored: Vec<(usize, &'static str)> = ROUTES
            .iter()
            .filter_map(|r| {
                let (host, segs) = template_segments(r.template);
                (host == t.host).then(|| (cost(input.len(), &mut dist, &segs), r.template))
            })
            .collect();
        scored.sort();
        let limit = (input.len() * 3).max(4);
        suggestions.extend(scored.into_iter().take_while(|(c, _)| *c <= limit).take(3).map(|(_, tpl)| tpl));
    }
    // Query strings and fragments can hold secrets (client IDs, tokens): never repeat them.
    let end = [target.find('?'), super::target::fragment_start(target.as_bytes())].into_iter().flatten().min();
    let path_only = &target[..end.unwrap_or(target.len())];
    let shown: String = path_only.chars().take(200).collect();
    let legacy = if t.legacy { " (legacy /api/v2 path)" } else { "" };
    // GraphQL endpoints are not REST routes: say where their auth is described instead.
    let graphql = if input.iter().any(|s| s.eq_ignore_ascii_case("graphql")) {
        "; GraphQL APIs are not in the route table (the scopes a query needs depend on the query): \
         `bc-scopes api graphql-admin`, `graphql-storefront` and `graphql-account` describe their auth"
    } else {
        ""
    };
    let message = match foreign_host(target, t) {
        // A URL on a host that is not BigCommerce's: it could be a store's own domain, which
        // serves only storefront routes; say so rather than only that nothing matched.
        Some(host) => format!(
            "host `{}` is not a BigCommerce API host, and no documented storefront route matches `{}`{graphql} ({})",
            host.escape_debug(),
            shown.escape_debug(),
            super::target::API_HOSTS
        ),
        None => format!("no documented route matches `{}`{legacy}{graphql}", shown.escape_debug()),
    };
    Error::new(ErrorKind::UnknownEndpoint, message).with_suggestions(suggestions)
}

/// The host of a full URL whose host is none of BigCommerce's (not api., payments. or a
/// `*.mybigcommerce.com` store): what an unmatched storefront path is then said to be on.
fn foreign_host<'a>(target: &'a str, t: &ParsedTarget<'_>) -> Option<&'a str> {
    if t.host != Host::StoreDomain || t.legacy {
        return None;
    }
    let (_, rest) = target.trim_matches(' ').split_once("://")?;
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host = authority.rsplit_once(':').map_or(authority, |(h, _)| h);
    let (h, store) = (host.as_bytes(), b".mybigcommerce.com");
    let ours = h.len() > store.len() && h[h.len() - store.len()..].eq_ignore_ascii_case(store);
    (!ours && !host.is_empty()).then_some(host)
}
