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

/// Edit distances at or above this count as this.
const FAR: usize = 6;

/// A documented route's template as the scoring reads it, split once per process: the error path
/// runs for every unknown request of a HAR file, and splitting ~every template per request
/// dominated its cost.
struct Shape {
    host: Host,
    depth: usize,
    /// Indexes into [`Shapes::literals`]: the template's non-parameter segments.
    literals: Vec<u16>,
    template: &'static str,
}

struct Shapes {
    routes: Vec<Shape>,
    /// Every distinct literal of every template, so distances can be cached by index.
    literals: Vec<&'static str>,
    version: Vec<bool>,
    /// Each literal's index in [`Shapes::literals`].
    index: std::collections::HashMap<&'static str, u16>,
}

fn shapes() -> &'static Shapes {
    static SHAPES: std::sync::OnceLock<Shapes> = std::sync::OnceLock::new();
    SHAPES.get_or_init(|| {
        let mut literals: Vec<&'static str> = Vec::new();
        let mut index: std::collections::HashMap<&'static str, u16> = std::collections::HashMap::new();
        let routes = ROUTES
            .iter()
            .map(|r| {
                let (host, segs) = template_segments(r.template);
                let literals = segs
                    .iter()
                    .filter(|s| !s.starts_with('{'))
                    .map(|s| {
                        *index.entry(s).or_insert_with(|| {
                            literals.push(s);
                            u16::try_from(literals.len() - 1).unwrap_or(u16::MAX)
                        })
                    })
                    .collect();
                Shape { host, depth: segs.len(), literals, template: r.template }
            })
            .collect();
        let version = literals.iter().map(|l| is_version(l)).collect();
        Shapes { routes, literals, version, index }
    })
}

/// Edit distances between the input's words and the templates' literals, each pair computed at
/// most once (words are at most 80 bytes; longer distances saturate).
struct Distances {
    words: Vec<String>,
    /// The literal each word is, if it is one.
    exact: Vec<Option<u16>>,
    /// Whether each word is a version (`v3`).
    version: Vec<bool>,
    /// `words.len() × literals` entries; `u8::MAX` until computed.
    cache: Vec<u8>,
    literals: usize,
}

impl Distances {
    fn new(words: Vec<String>, shapes: &Shapes) -> Self {
        let literals = shapes.literals.len();
        let exact = words.iter().map(|w| shapes.index.get(w.as_str()).copied()).collect();
        let version = words.iter().map(|w| is_version(w)).collect();
        Distances { cache: vec![u8::MAX; words.len() * literals], words, exact, version, literals }
    }

    fn get(&mut self, word: usize, literal: u16, shapes: &Shapes) -> usize {
        let slot = &mut self.cache[word * self.literals + usize::from(literal)];
        if *slot == u8::MAX {
            let (w, l) = (self.words[word].as_str(), shapes.literals[usize::from(literal)]);
            *slot = u8::try_from(strsim::levenshtein(w, l)).unwrap_or(u8::MAX - 1);
        }
        usize::from(*slot)
    }
}

/// How far a documented template is from what the user wrote: literals the template lacks (or has
/// misspelt), literals it adds, and the difference in depth. Lower is nearer.
fn cost(input_len: usize, dist: &mut Distances, shape: &Shape, shapes: &Shapes) -> usize {
    let mut c = input_len.abs_diff(shape.depth) * 2;
    let any_version = shape.literals.iter().any(|&l| shapes.version[usize::from(l)]);
    // The literals some word matched or nearly matched (by id: a template may repeat one).
    let mut matched: Vec<u16> = Vec::new();
    for w in 0..dist.words.len() {
        if let Some(l) = dist.exact[w].filter(|l| shape.literals.contains(l)) {
            matched.push(l);
        } else if dist.version[w] && any_version {
            c += 1;
        } else {
            let best =
                shape.literals.iter().map(|&l| (dist.get(w, l, shapes), shapes.literals[usize::from(l)], l)).min();
            // The nearest literal takes the word, however far (its distance is capped).
            match best {
                Some((d, _, l)) => {
                    c += d.min(FAR);
                    matched.push(l);
                }
                None => c += FAR,
            }
        }
    }
    let unmatched =
        shape.literals.iter().filter(|&&l| !shapes.version[usize::from(l)] && !matched.contains(&l)).count();
    c + 2 * unmatched
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
        let shapes = shapes();
        let mut dist = Distances::new(words, shapes);
        let limit = (input.len() * 3).max(4);
        let mut scored: Vec<(usize, &'static str)> = shapes
            .routes
            .iter()
            .filter(|s| s.host == t.host)
            .map(|s| (cost(input.len(), &mut dist, s, shapes), s.template))
            .filter(|(c, _)| *c <= limit)
            .collect();
        // The three nearest, in order (no full sort: a long path leaves most routes in range).
        if scored.len() > 3 {
            scored.select_nth_unstable(2);
            scored.truncate(3);
        }
        scored.sort_unstable();
        suggestions.extend(scored.into_iter().map(|(_, tpl)| tpl));
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
