//! The common case in one pass: a gateway request (`/v3/...`, `/stores/{hash}/v3/...` or
//! `https://api.bigcommerce.com/stores/{hash}/v3/...`, with or without a query string) whose every
//! segment is plain. Each segment is looked up, independently of the others, in one table of the
//! gateway's literal segments (its key read from the same word that finds its end); the ids so
//! found, 0 for a segment that is no literal, form the path's shape, and one lookup in the table of
//! route shapes gives the route. The route whose shape has a literal wherever the path has one is
//! the one the trie's literal-first walk finds first, and every other template matching the path is
//! less specific everywhere, so the answer is the careful path's.
//!
//! The fast path answers only when it is sure the careful path (`target::parse` and
//! `matcher::first`) would give the same answer; for anything else (errors, fragments, encodings,
//! other hosts, `.json`, crossed routes) it returns `None` and the careful path decides. A test
//! checks the two agree.

use super::bytes::{byte_mask, word, word_padded as load, zero_bytes, HIGHS, LOWS, ONES};
use super::{Dropped, Resolution};
use crate::datafile::segkey;
use crate::datafile::vocab::Method;
use crate::tables::{
    LITERALS, LITERAL_BITS, LITERAL_IDS, LITERAL_MULT, LITERAL_V2, LITERAL_V3, ROUTES, SHAPES, SHAPE_DISP, SHAPE_MASK,
};

/// The high bit of each byte of `x` that is `/` or `?` (they differ only in bit 0x10).
#[inline(always)]
fn terminators(x: u64) -> u64 {
    zero_bytes((x | (0x10 * ONES)) ^ (0x3f * ONES))
}

/// The high bit of each byte of `x` that the fast path does not take inside a segment: controls,
/// white space, DEL and non-ASCII, `%` and `\\` (encodings), `#` (a fragment), and, as the cheap
/// test for `#` and `%` also catches them, `!` and `'`.
#[inline(always)]
fn unplain(x: u64) -> u64 {
    // `!` `#` `%` `'` are 0x21 | (bits 0x06).
    let bang = zero_bytes((x & (0xf9 * ONES)) ^ (0x21 * ONES));
    control(x) | bang | byte_mask(x, b'\\')
}

/// The high bit of each byte of `x` that is a control, white space, DEL or non-ASCII.
#[inline(always)]
fn control(x: u64) -> u64 {
    let low = x & LOWS;
    // Below 0x21 (no carry into the high bit), 0x7f (carry), 0x80 and up (high bit set).
    (!(low.wrapping_add((0x80 - 0x21) * ONES)) | low.wrapping_add(ONES) | x) & HIGHS
}

/// Where the segment starting at `from` ends (the next `/` or `?`, or the end of the target), and
/// its first word.
#[inline(always)]
fn segment_end(bytes: &[u8], from: usize) -> (usize, u64) {
    let first = load(bytes, from);
    let mut m = terminators(first);
    let mut i = from;
    while m == 0 {
        i += 8;
        if i >= bytes.len() {
            return (bytes.len(), first);
        }
        m = terminators(load(bytes, i));
    }
    ((i + (m.trailing_zeros() / 8) as usize).min(bytes.len()), first)
}

/// Whether `bytes[from..to]` (not a known literal) has a byte the fast path does not take.
#[inline(always)]
fn has_unplain(bytes: &[u8], from: usize, to: usize, first: u64) -> bool {
    let len = to - from;
    if len <= 8 {
        // Only the segment's own bytes of the first word.
        return unplain(first) & HIGHS.checked_shr(64 - 8 * len as u32).unwrap_or(0) != 0;
    }
    let mut i = from;
    while i + 8 < to {
        if unplain(load(bytes, i)) != 0 {
            return true;
        }
        i += 8;
    }
    unplain(load(bytes, to - 8)) != 0
}

/// Whether the query string from `from` has none of what the fast path refuses there: controls,
/// white space, non-ASCII and a fragment. Out of line: it would crowd the registers of the path's
/// loop, which every lookup runs.
#[inline(never)]
fn plain_query(bytes: &[u8], from: usize) -> bool {
    let refused = |w: u64| control(w) | byte_mask(w, b'#') != 0;
    let mut i = from;
    while i + 8 < bytes.len() {
        if refused(word(bytes, i)) {
            return false;
        }
        i += 8;
    }
    // The last word read where it fits, over bytes before the query that are known plain.
    !refused(word(bytes, bytes.len() - 8))
}

/// The gateway's URL after `https://`, up to the store hash.
const GATEWAY_HOST: &[u8; 27] = b"api.bigcommerce.com/stores/";

/// Whether `bytes` starts with `https://api.bigcommerce.com/stores/`, by words.
#[inline(always)]
fn gateway_url(bytes: &[u8]) -> bool {
    let host = |i: usize| u64::from_le_bytes(GATEWAY_HOST[i..i + 8].try_into().unwrap_or_default());
    bytes.len() >= 8 + GATEWAY_HOST.len()
        && word(bytes, 0) == u64::from_le_bytes(*b"https://")
        && (word(bytes, 8) ^ host(0))
            | (word(bytes, 16) ^ host(8))
            | (word(bytes, 24) ^ host(16))
            | (word(bytes, 27) ^ host(19))
            == 0
}

/// Resolve a plain gateway request, or `None` to leave it to the careful path.
#[inline]
pub(super) fn resolve(method: Method, target: &str) -> Option<Resolution<'_>> {
    let bytes = target.as_bytes();
    // Word reads need 8 bytes; shorter targets (`/v2/x`) are rare enough for the careful path.
    if bytes.len() > super::MAX_TARGET_LEN || bytes.len() < 8 {
        return None;
    }
    // The prefix: the gateway's URL or `/stores/`, then the store hash; or a bare path.
    let hash_at = if bytes[0] == b'/' {
        (word(bytes, 0) == u64::from_le_bytes(*b"/stores/")).then_some(8)
    } else if gateway_url(bytes) {
        Some(8 + GATEWAY_HOST.len())
    } else {
        return None;
    };
    let (mut p, store_hash) = match hash_at {
        Some(from) => {
            let (e, first) = segment_end(bytes, from);
            let hash = &bytes[from..e];
            if e >= bytes.len()
                || bytes[e] != b'/'
                || hash.is_empty()
                || (hash.len() <= 2 && hash.iter().all(|b| *b == b'.'))
                || has_unplain(bytes, from, e, first)
            {
                return None;
            }
            (e + 1, Some(&target[from..e]))
        }
        None => (1, None),
    };

    // Each segment, read as a literal where it is one (id), else as a parameter value (0) whose
    // bytes are checked: the lookups are independent of each other, so they overlap. A literal's
    // bytes need no check: they are the literal's.
    let (mut lo, mut hi) = (0u64, 0u64);
    let mut n = 0;
    // Most paths start with the version: its id without a lookup.
    let version = match load(bytes, p) & 0xff_ffff {
        v if v == u32::from_le_bytes(*b"v3/\0") as u64 => LITERAL_V3,
        v if v == u32::from_le_bytes(*b"v2/\0") as u64 => LITERAL_V2,
        _ => 0,
    };
    if version != 0 {
        lo = version as u64;
        n = 1;
        p += 3;
    }
    // The end of the last segment, and of the path (where a query starts).
    let (path_end, end) = loop {
        let (e, first) = segment_end(bytes, p);
        let last = e >= bytes.len() || bytes[e] == b'?';
        let len = e - p;
        if len == 0 {
            // One trailing slash is dropped, as the careful path does (the segment before it was
            // not empty, or the walk would have stopped there); other empty segments are refused.
            if last && n > 0 {
                break (p - 1, e);
            }
            return None;
        }
        let words =
            if len <= 8 { [first & (u64::MAX >> (64 - 8 * len as u32)), 0] } else { [first, load(bytes, e - 8)] };
        let lit = &LITERALS[LITERAL_IDS[segkey::direct_index(words, len, LITERAL_MULT, LITERAL_BITS)] as usize];
        let mut hit = lit.len as usize == len && lit.words[..2] == words;
        // Up to 16 bytes the two words are the text; up to 32 (the longest literal), four are.
        if hit && len > 16 {
            hit = lit.words[2] == load(bytes, p + 8) && lit.words[3] == load(bytes, e - 16);
        }
        // A literal's bytes are plain; a value's are checked, and dot segments are the careful
        // path's to refuse.
        if !hit && ((len <= 2 && bytes[p..e].iter().all(|b| *b == b'.')) || has_unplain(bytes, p, e, first)) {
            return None;
        }
        let id = if hit { lit.id as u64 } else { 0 };
        if n < 8 {
            lo |= id << (8 * n);
        } else if n < MAX_SHAPE {
            hi |= id << (8 * (n - 8));
        } else {
            return None;
        }
        n += 1;
        if last {
            break (e, e);
        }
        p = e + 1;
    };
    // `.json` (stripped only on v2 paths) is the careful path's to judge.
    if bytes[..path_end].ends_with(b".json") {
        return None;
    }
    // The query string: anything but controls, white space, non-ASCII and a fragment.
    let had_query = end < bytes.len();
    if had_query && !plain_query(bytes, end) {
        return None;
    }
    let key = (lo as u128) | ((hi as u128) << 64) | ((n as u128) << 120);
    let shape = &SHAPES[segkey::chd_slot(segkey::shape_hash(key), &SHAPE_DISP, SHAPE_MASK)];
    if shape.key != key {
        return None;
    }
    let route = &ROUTES[shape.route as usize];
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

/// Segments a shape key holds (one byte each, the count in the top byte).
const MAX_SHAPE: usize = 15;

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
            tail in prop_oneof![
                Just(""),
                Just("/"),
                Just("?a=1"),
                Just("#f"),
                Just("//"),
                Just("?q=/v3/x"),
                Just("?q=%2F..%5C"),
                Just("/?a"),
                Just(".json"),
                Just(".json/"),
                Just("?a#b"),
                Just("? "),
                Just(" "),
            ],
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
