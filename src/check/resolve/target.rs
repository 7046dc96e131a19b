//! From pieces to a target: rendering holes as placeholder values, and deciding whether a value
//! is a BigCommerce call (its host, its version, its documented root) and what to resolve.

use super::value::Piece;
use super::FileContext;
use crate::resolve::{names_route, single_slashes};
use crate::route::Route;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// The value that fills a parameter position where the code interpolates something.
pub(crate) const PLACEHOLDER: &str = "1";
/// The root of the REST APIs' URLs.
const API_ROOT: &str = "https://api.bigcommerce.com/";

/// The first segments of documented paths after `/v3/` and `/v2/`.
static ROOTS: LazyLock<(BTreeSet<&'static str>, BTreeSet<&'static str>)> = LazyLock::new(|| {
    let mut v3 = BTreeSet::new();
    let mut v2 = BTreeSet::new();
    for r in Route::all() {
        if let Some(rest) = r.template.strip_prefix("/stores/{store_hash}/v3/") {
            v3.insert(rest.split('/').next().unwrap_or(""));
        } else if let Some(rest) = r.template.strip_prefix("/stores/{store_hash}/v2/") {
            v2.insert(rest.split('/').next().unwrap_or(""));
        }
    }
    (v3, v2)
});

/// Whether a literal can carry the path of a call.
pub(crate) fn anchor(text: &str) -> bool {
    if text.len() < 2 || text.len() > 2048 || text.contains(char::is_whitespace) {
        return false;
    }
    text.contains('/') && text.bytes().any(|c| c.is_ascii_alphabetic())
}

/// `%s`, `%d`, `{0}`, `{name}`, `:id`, `${id}` inside literal text become holes.
pub(crate) fn split_placeholders(pieces: &[Piece]) -> Vec<Piece> {
    static RE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"%[-+ 0#]*[0-9]*(?:\.[0-9]+)?[sdiuvfqx]|\{[A-Za-z0-9_.:]*\}|\$\{[^}]*\}|/:[A-Za-z_][A-Za-z0-9_]*",
        )
        .expect("valid regex")
    });
    let mut out = Vec::new();
    for p in pieces {
        match p {
            Piece::Text(t) => {
                let mut last = 0;
                for m in RE.find_iter(t) {
                    // `https://` is not a placeholder; `{{…}}` is an escaped brace.
                    if m.as_str().starts_with("{{") {
                        continue;
                    }
                    let mut s = m.start();
                    if m.as_str().starts_with("/:") {
                        s += 1;
                    }
                    if s > last {
                        out.push(Piece::Text(t[last..s].to_owned()));
                    }
                    out.push(Piece::Hole(String::new()));
                    last = m.end();
                }
                if last < t.len() {
                    out.push(Piece::Text(t[last..].to_owned()));
                }
            }
            h => out.push(h.clone()),
        }
    }
    out
}

/// Render pieces as a target: holes in the host become a store domain, other holes the
/// placeholder value; leading holes before a path are an unknown base (dropped); a hole glued to
/// the end of a word at the very end (`'/v3/orders' + query`) is dropped.
pub(crate) fn render(pieces: &[Piece]) -> (String, bool) {
    let pieces = split_placeholders(pieces);
    let mut out = String::new();
    let mut dropped_base = false;
    for (i, p) in pieces.iter().enumerate() {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Hole(_) | Piece::Var(_) => {
                let next_text = pieces[i + 1..].iter().find_map(|p| match p {
                    Piece::Text(t) => Some(t.as_str()),
                    _ => None,
                });
                if out.is_empty() {
                    match next_text {
                        Some(t) if t.starts_with('/') || t.starts_with('?') => {
                            dropped_base = true;
                            continue;
                        }
                        Some(t) if t.starts_with('.') => out.push_str("https://store"),
                        _ => out.push_str(PLACEHOLDER),
                    }
                    continue;
                }
                // `https://api.bigcommerce.com/` + context + `/v3/…`: the one segment between the
                // host and the version can only be the OAuth `context`, `stores/{store_hash}`.
                let after_api = out.eq_ignore_ascii_case(API_ROOT);
                let versioned_next = matches!(pieces.get(i + 1), Some(Piece::Text(t))
                    if t.starts_with("/v2/") || t.starts_with("/v3/"));
                if after_api && versioned_next {
                    out.push_str("stores/");
                    out.push_str(PLACEHOLDER);
                    continue;
                }
                let in_host = out.find("://").is_some_and(|p| !out[p + 3..].contains('/'));
                if in_host {
                    if out.ends_with("://") && next_text.is_none_or(|t| t.starts_with('/') || t.starts_with(':')) {
                        out.push_str("store.example.com");
                    } else {
                        out.push('x');
                    }
                    continue;
                }
                let glued = out.ends_with(|c: char| c.is_ascii_alphanumeric());
                let trailing = pieces[i + 1..].iter().all(|p| !p.is_text());
                // `#{path}#{sep}page=#{n}`: a value before a query parameter is its separator.
                let query_next = next_text
                    .is_some_and(|t| t.split('/').next().is_some_and(|seg| seg.contains('=') && !seg.starts_with('=')));
                if query_next && glued {
                    out.push(if out.contains('?') { '&' } else { '?' });
                    continue;
                }
                if glued && trailing {
                    continue;
                }
                if !out.ends_with(PLACEHOLDER) || !glued {
                    out.push_str(PLACEHOLDER);
                }
            }
        }
    }
    (out, dropped_base)
}

/// Whether `path` (no host) starts like a BigCommerce API path.
pub(crate) fn versioned(path: &str) -> bool {
    ["/stores/", "/v2/", "/v3/", "/api/v2/", "/api/storefront/", "/customer/current.jwt", "/login/token/", "/accounts/"]
        .iter()
        .any(|p| path.starts_with(p))
        || path == "/graphql"
        || path.starts_with("/graphql?")
}

/// A base URL rather than a call: a host, a store prefix, a version prefix.
pub(crate) fn base_only(path: &str) -> bool {
    let p = path.split(['?', '#']).next().unwrap_or("").trim_end_matches('/');
    let segs: Vec<&str> = p.split('/').filter(|s| !s.is_empty()).collect();
    matches!(
        segs.as_slice(),
        [] | ["stores"]
            | ["stores", _]
            | ["stores", _, "v2" | "v3"]
            | ["v2" | "v3"]
            | ["api"]
            | ["api", "v2" | "storefront"]
    )
}

/// The root segment after `/v3/` or `/v2/` of a bare or store path, and whether it is documented.
pub(crate) fn known_root(path: &str) -> bool {
    let segs: Vec<&str> = path.split(['?', '#']).next().unwrap_or("").split('/').filter(|s| !s.is_empty()).collect();
    let (ver, root) = match segs.as_slice() {
        ["stores", _, v, r, ..] | [v, r, ..] => (*v, *r),
        _ => return true,
    };
    let root = root.trim_end_matches(".json");
    match ver {
        "v3" => ROOTS.0.contains(root),
        "v2" => ROOTS.1.contains(root),
        _ => true,
    }
}

/// Split a URL into host (lower case, empty for a path) and path.
pub(crate) fn split_url(s: &str) -> Option<(String, &str)> {
    if let Some(rest) =
        s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")).or_else(|| s.strip_prefix("//"))
    {
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        return Some((rest[..end].to_ascii_lowercase(), &rest[end..]));
    }
    if s.contains("://") {
        return None;
    }
    Some((String::new(), s))
}

/// The base URL of a client of the gateway's API `version` (`v2`, `v3`).
pub(crate) fn gateway_base(version: &str) -> Vec<Piece> {
    vec![Piece::Text(format!("https://api.bigcommerce.com/stores/{PLACEHOLDER}/{version}"))]
}

/// Decide whether pieces make a BigCommerce call, and the target to resolve. `client_base` gives
/// the base URL of the client the call is sent through, if known; it is asked only for a path
/// without a version (finding clients is a pass over the file).
pub(crate) fn to_target(
    pieces: &[Piece],
    client_base: &dyn Fn() -> Option<Vec<Piece>>,
    version: Option<&str>,
    ctx: &FileContext,
    http: bool,
) -> Option<(String, Vec<String>)> {
    let (rendered, dropped_base) = render(pieces);
    let mut notes = Vec::new();
    // A base URL ending in `/` joined to a path starting with `/`: the resolver refuses `//`, but
    // the call still needs its scope, so the check reads it as one slash and says so.
    let rendered = match single_slashes(&rendered) {
        Some(fixed) => {
            notes.push(
                "`//` in the path read as `/` (a base URL ending in `/` joined to a path starting with `/`?)"
                    .to_owned(),
            );
            fixed
        }
        None => rendered,
    };
    let (host, path) = split_url(&rendered)?;
    if !host.is_empty() {
        let bc =
            host == "api.bigcommerce.com" || host == "payments.bigcommerce.com" || host.ends_with(".mybigcommerce.com");
        let store_path = ["/api/storefront/", "/api/v2/", "/customer/current.jwt", "/login/token/"]
            .iter()
            .any(|p| path.starts_with(p))
            || (ctx.strong && (path == "/graphql" || path.starts_with("/graphql?")));
        if (!bc && !store_path) || base_only(path) {
            return None;
        }
        if host == "api.bigcommerce.com" && !path.starts_with("/stores/") && !path.starts_with("/accounts/") {
            return None;
        }
        return Some((rendered, notes));
    }
    let path = if !path.starts_with('/') && ["v2/", "v3/", "stores/", "api/"].iter().any(|p| path.starts_with(p)) {
        format!("/{path}")
    } else {
        path.to_owned()
    };
    if versioned(&path) {
        if base_only(&path) || !(known_root(&path) || (http && ctx.strong)) {
            return None;
        }
        return Some((path, notes));
    }
    // A path without its version: join it to the client's base URL, the configured one, or (for
    // a documented root) assume the version.
    let client_base = client_base();
    let looks_like_path = path.starts_with('/') || client_base.is_some();
    if !looks_like_path {
        return None;
    }
    let join = |base: &str| format!("{}/{}", base.trim_end_matches('/'), path.trim_start_matches('/'));
    if let Some(b) = &client_base {
        let (base, _) = render(b);
        if let Some((h, p)) = split_url(&base) {
            let is_bc = h.is_empty() || h.ends_with("bigcommerce.com");
            if is_bc && (p.ends_with("/v3") || p.ends_with("/v2") || p.ends_with("/v3/") || p.ends_with("/v2/")) {
                let joined = join(&base);
                return to_target(&[Piece::Text(joined)], &|| None, None, ctx, http).map(|(t, mut n)| {
                    n.insert(0, "path joined to the client's base URL".to_owned());
                    (t, n)
                });
            }
            if !is_bc {
                return None;
            }
        }
    }
    let first = path.trim_start_matches('/').split(['/', '?']).next().unwrap_or("").trim_end_matches(".json");
    let in_v3 = ROOTS.0.contains(first);
    let in_v2 = ROOTS.1.contains(first);
    if !((http || dropped_base) && ctx.strong) || first.is_empty() {
        return None;
    }
    if let Some(v) = version {
        return to_target(&[Piece::Text(format!("/{v}{path}"))], &|| None, None, ctx, http).map(|(t, mut n)| {
            n.insert(0, format!("the path has no version prefix: /{v} from the `.{v}` member it is sent through"));
            (t, n)
        });
    }
    if let Some(base) = &ctx.base_url {
        notes.push(format!("path joined to `[client] base_url` of bc-scopes.toml ({base})"));
        let (b, _) = render(&[Piece::Text(base.clone())]);
        return to_target(&[Piece::Text(join(&b))], &|| None, None, ctx, http).map(|(t, mut n)| {
            n.splice(0..0, notes);
            (t, n)
        });
    }
    // Both versions have the root (`/orders`): the one that documents the whole path, v3 if both do.
    let version = if in_v3 && (!in_v2 || names_route(&format!("/v3{path}")) || !names_route(&format!("/v2{path}"))) {
        "v3"
    } else if in_v2 {
        "v2"
    } else {
        return None;
    };
    notes.push(format!(
        "the path has no version prefix and no base URL was found: /{version} assumed (set `[client] base_url` in bc-scopes.toml)"
    ));
    Some((format!("/{version}{path}"), notes))
}
