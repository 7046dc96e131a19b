//! The common case in one pass: a gateway request (`/v3/...`, `/stores/{hash}/v3/...` or
//! `https://api.bigcommerce.com/stores/{hash}/v3/...`, with or without a query string) whose every
//! segment is plain. The trie is walked while the path is scanned, and each segment's key is read
//! from the same word that finds its end.
//!
//! The fast path answers only when it is sure the careful path (`target::parse` and
//! `matcher::first`) would give the same answer; for anything else (errors, fragments, encodings,
//! other hosts, `.json`, crossed routes) it returns `None` and the careful path decides. A test
//! checks the two agree.

use super::bytes::{byte_mask, classes, find_byte, word, CONTROL, FRAGMENT, HIGH, QUERY, SUSPICIOUS};
use super::target::MAX_SEGMENTS;
use super::{Dropped, Resolution};
use crate::datafile::vocab::Method;
use crate::tables::{NODES, ROUTES};

/// The trie's root for the gateway (`Host::Api`).
const API_ROOT: u32 = 0;

/// The 8 bytes from `i` as a little-endian word, zero past the end of `bytes` (which must be at
/// least 8 bytes long, with `i` at most its length): the last word is read where it fits and shifted.
#[inline(always)]
fn load(bytes: &[u8], i: usize) -> u64 {
    if i + 8 <= bytes.len() {
        word(bytes, i)
    } else {
        // `i` at the very end (an empty last segment) reads nothing.
        word(bytes, bytes.len() - 8).checked_shr(8 * (i + 8 - bytes.len()) as u32).unwrap_or(0)
    }
}

/// Where the segment starting at `from` ends (the next `/`, or `end`), and its first word.
#[inline(always)]
fn segment_end(bytes: &[u8], from: usize, end: usize) -> (usize, u64) {
    let first = load(bytes, from);
    let mut m = byte_mask(first, b'/');
    let mut i = from;
    while m == 0 {
        i += 8;
        if i >= end {
            return (end, first);
        }
        m = byte_mask(load(bytes, i), b'/');
    }
    ((i + (m.trailing_zeros() / 8) as usize).min(end), first)
}

/// Whether a segment is a version (`v3`, `V2`): how the careful path tells a gateway path.
#[inline]
fn is_version(s: &[u8]) -> bool {
    s.len() >= 2 && (s[0] == b'v' || s[0] == b'V') && s[1..].iter().all(u8::is_ascii_digit)
}

/// Resolve a plain gateway request, or `None` to leave it to the careful path.
#[inline]
pub(super) fn resolve(method: Method, target: &str) -> Option<Resolution<'_>> {
    let bytes = target.as_bytes();
    // Word reads need 8 bytes; shorter targets (`/v2/x`) are rare enough for the careful path.
    if bytes.len() > super::MAX_TARGET_LEN || bytes.len() < 8 {
        return None;
    }
    let acc = classes(bytes);
    if acc & (CONTROL | HIGH | FRAGMENT | SUSPICIOUS) != 0 {
        return None;
    }
    let had_query = acc & QUERY != 0;
    let mut end = if had_query { find_byte(bytes, b'?')? } else { bytes.len() };

    // The prefix: the gateway's URL or `/stores/{hash}/`, or a bare version path.
    const GATEWAY: &[u8] = b"https://api.bigcommerce.com/stores/";
    let (mut p, store_hash) = if bytes.starts_with(GATEWAY) || bytes.starts_with(b"/stores/") {
        let from = if bytes[0] == b'/' { "/stores/".len() } else { GATEWAY.len() };
        let (e, _) = segment_end(bytes, from, end);
        let hash = &bytes[from..e];
        if e >= end || hash.is_empty() || (hash.len() <= 2 && hash.iter().all(|b| *b == b'.')) {
            return None;
        }
        (e + 1, Some(&target[from..e]))
    } else if bytes.first() == Some(&b'/') {
        (1, None)
    } else {
        return None;
    };
    // One trailing slash is dropped, as the careful path does.
    if end > p && bytes[end - 1] == b'/' {
        end -= 1;
    }
    // `.json` (stripped only on v2 paths) is the careful path's to judge.
    if p >= end || bytes[..end].ends_with(b".json") {
        return None;
    }

    // The walk: literal child first; a parameter child passed over is remembered (with where its
    // segment ends) and resumed if the literal leads nowhere.
    // (node, depth, position) packed in a word: node < 2^32, depth < 2^8, position < 2^16.
    let mut pending = [0u64; MAX_SEGMENTS];
    let mut npending = 0;
    let mut node = API_ROOT;
    let mut depth = 0usize;
    let route = loop {
        let n = &NODES[node as usize];
        if p > end {
            if n.route != u32::MAX {
                break n.route;
            }
        } else if depth < MAX_SEGMENTS {
            let (e, first) = segment_end(bytes, p, end);
            let seg = &bytes[p..e];
            let len = seg.len();
            // Empty and dot segments are the careful path's to judge; so is a first segment that
            // is not a version.
            if (len <= 2 && seg.iter().all(|b| *b == b'.')) || (depth == 0 && !is_version(seg)) {
                return None;
            }
            let words =
                if len <= 8 { [first & (u64::MAX >> (64 - 8 * len as u32)), 0] } else { [first, load(bytes, e - 8)] };
            let child = n.child(seg, words);
            let param = (n.param != u32::MAX).then_some(n.param);
            let next = match (child, param) {
                (Some(c), Some(q)) => {
                    pending[npending] = q as u64 | (depth as u64 + 1) << 32 | ((e + 1) as u64) << 40;
                    npending += 1;
                    Some(c)
                }
                (c, q) => c.or(q),
            };
            if let Some(next) = next {
                node = next;
                depth += 1;
                p = e + 1;
                continue;
            }
        }
        // Dead end: back to the deepest parameter child passed over.
        if npending == 0 {
            return None;
        }
        npending -= 1;
        let packed = pending[npending];
        node = packed as u32;
        depth = (packed >> 32) as u8 as usize;
        p = (packed >> 40) as usize;
    };
    let route = &ROUTES[route as usize];
    // Crossed routes need the check for a second template; the careful path makes it.
    if route.crossed {
        return None;
    }
    let operation = route.operation(method)?;
    Some(Resolution {
        method,
        route,
        operation,
        store_hash,
        legacy: false,
        // Only legacy requests use it (for their OAuth URL), and the fast path takes none.
        rest: "",
        dropped: Dropped { query: had_query, fragment: false, json_suffix: false },
    })
}

#[cfg(test)]
mod tests {
    //! The fast path must never answer differently from the careful path: wherever it answers,
    //! the careful path gives the same resolution.

    use super::super::{resolve_carefully, Method};
    use crate::datafile::vocab::Host;
    use crate::route::Route;
    use proptest::prelude::*;

    fn agree(method: Method, target: &str) -> bool {
        let Some(fast) = super::resolve(method, target) else {
            return false;
        };
        let careful = resolve_carefully(method, target)
            .unwrap_or_else(|e| panic!("fast path resolved `{target}`, careful path refused it: {e}"));
        assert!(
            std::ptr::eq(fast.route, careful.route),
            "{target}: {} vs {}",
            fast.route.template,
            careful.route.template
        );
        assert!(std::ptr::eq(fast.operation, careful.operation), "{target}");
        assert_eq!((fast.store_hash, fast.legacy, fast.dropped), (careful.store_hash, careful.legacy, careful.dropped));
        assert_eq!(fast.method, careful.method);
        true
    }

    /// Every documented gateway route, in every spelling the fast path takes, is answered by it.
    #[test]
    fn every_gateway_route_takes_the_fast_path_and_agrees() {
        let mut fast = 0;
        let mut total = 0;
        for r in Route::all().iter().filter(|r| r.host == Host::Api) {
            let bare = r.template.strip_prefix("/stores/{store_hash}").unwrap();
            let path: Vec<&str> = bare.split('/').map(|s| if s.starts_with('{') { "12" } else { s }).collect();
            let path = path.join("/");
            for target in [
                path.clone(),
                format!("{path}/"),
                format!("{path}?limit=5"),
                format!("/stores/abc123{path}"),
                format!("https://api.bigcommerce.com/stores/abc123{path}?page=2"),
            ] {
                for op in r.operations() {
                    total += 1;
                    fast += agree(op.method, &target) as usize;
                }
            }
        }
        // Crossed routes and targets under 8 bytes are left to the careful path.
        assert!(fast * 10 > total * 9, "only {fast} of {total} took the fast path");
    }

    fn segment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("v3".to_string()),
            Just("v2".to_string()),
            Just("catalog".to_string()),
            Just("products".to_string()),
            Just("orders".to_string()),
            Just("stores".to_string()),
            Just("..".to_string()),
            Just(".".to_string()),
            Just(String::new()),
            Just("x.json".to_string()),
            "[0-9]{1,12}",
            "[a-zA-Z0-9._~%?#:@!$&'()*+,;=\\\\ -]{1,20}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// Targets built from route-like pieces and hostile ones: where the fast path answers, the
        /// careful path answers the same.
        #[test]
        fn fast_path_agrees_with_careful_path(
            prefix in prop_oneof![
                Just(""),
                Just("/stores/abc"),
                Just("https://api.bigcommerce.com/stores/abc"),
                Just("https://api.bigcommerce.com/stores/"),
                Just("/stores/"),
            ],
            segs in proptest::collection::vec(segment(), 0..8),
            tail in prop_oneof![Just(""), Just("/"), Just("?a=1"), Just("#f"), Just("//"), Just("?q=/v3/x")],
        ) {
            let target = format!("{prefix}/{}{tail}", segs.join("/"));
            for m in [Method::Get, Method::Post, Method::Head, Method::Delete] {
                agree(m, &target);
            }
        }

        /// Arbitrary text never makes the fast path panic, and it never disagrees.
        #[test]
        fn arbitrary_text_never_disagrees(target in "\\PC{0,80}") {
            agree(Method::Get, &target);
        }
    }
}
