//! The common case in one pass: a gateway request (`/v3/...`, `/stores/{hash}/v3/...` or
//! `https://api.bigcommerce.com/stores/{hash}/v3/...`, with or without a query string) whose every
//! segment is plain. Each segment is looked up, independently of the others, in one table of the
//! gateway's literal segments (its key read from the same words that find its end); the ids so
//! found, 255 for a segment that is no literal, shifted into one integer a byte at a time, form the
//! path's shape, and one lookup in the table of route shapes gives the route. The route whose shape has a literal wherever the path has one is
//! the one the trie's literal-first walk finds first, and every other template matching the path is
//! less specific everywhere, so the answer is the careful path's.
//!
//! The fast path answers only when it is sure the careful path (`target::parse` and
//! `matcher::first`) would give the same answer; for anything else (errors, fragments, encodings,
//! other hosts, `.json`, crossed routes) it returns `None` and the careful path decides. A test
//! checks the two agree.

use super::bytes::{byte_mask, word, zero_bytes, HIGHS, LOWS, ONES};
use super::{Dropped, Resolution};
use crate::datafile::segkey;
use crate::datafile::vocab::Method;
use crate::route::Literal;
use crate::tables::{
    LITERALS, LITERAL_BITS, LITERAL_IDS, LITERAL_MULT, LITERAL_V2, LITERAL_V3, SHAPES, SHAPE_BITS, SHAPE_IDS,
    SHAPE_MULT,
};

/// A parameter value's id in a shape key (literals' are 1 to 254).
const VALUE: u8 = 255;

/// The high bit of each byte of `x` that is `/` or `?` (they differ only in bit 0x10).
#[inline(always)]
fn stops(x: u64) -> u64 {
    zero_bytes((x | (0x10 * ONES)) ^ (0x3f * ONES))
}

/// All bits of the bytes before the first byte flagged in `m` (nonzero): no variable shift.
#[inline(always)]
fn below(m: u64) -> u64 {
    (m ^ m.wrapping_sub(1)) >> 8
}

/// The high bit of each byte of `x` that the fast path does not take inside a segment: controls,
/// white space, DEL and non-ASCII, `\\` (read as `/`), and everything below `(`: `%` (encodings),
/// `#` (a fragment), and, as the cheap test for those also catches them, `!` `"` `$` `&` `'`.
#[inline(always)]
fn unplain(x: u64) -> u64 {
    let low = x & LOWS;
    // The high bit of each byte is set: at 0x28 and up; at 0x7f; at anything but 0x5c. No carry
    // crosses a byte, as the high bits are clear.
    let from_paren = low.wrapping_add((0x80 - 0x28) * ONES);
    let del = low.wrapping_add(ONES);
    let not_backslash = (low ^ (0x5c * ONES)).wrapping_add(LOWS);
    (x | del | !(from_paren & not_backslash)) & HIGHS
}

/// The high bit of each byte of `x` that is a control, white space, DEL or non-ASCII.
#[inline(always)]
fn control(x: u64) -> u64 {
    let low = x & LOWS;
    // Below 0x21 (no carry into the high bit), 0x7f (carry), 0x80 and up (high bit set).
    (!(low.wrapping_add((0x80 - 0x21) * ONES)) | low.wrapping_add(ONES) | x) & HIGHS
}

/// The 8 bytes from `i` (at most `bytes.len()`, which is at least 8) as a little-endian word, bytes
/// past the end read as `?`: the end of the target stops a segment as a query would.
#[inline(always)]
fn load(bytes: &[u8], i: usize) -> u64 {
    if i + 8 <= bytes.len() {
        word(bytes, i)
    } else {
        // The last word, shifted down; `i` at the very end reads nothing of it.
        let past = 8 * (i + 8 - bytes.len()) as u32;
        word(bytes, bytes.len() - 8).checked_shr(past).unwrap_or(0) | (0x3f * ONES) << (64 - past)
    }
}

/// The segment's bytes from `i` up to `end`, at most 8, zero-padded.
#[inline(always)]
fn chunk(bytes: &[u8], i: usize, end: usize) -> u64 {
    if i >= end {
        return 0;
    }
    load(bytes, i) & u64::MAX >> (64 - 8 * (end - i).min(8) as u32)
}

/// The id of the gateway literal that a segment whose first two chunks are `w0` and `w1` may be,
/// and the literal (`LITERALS` is indexed by id, so the id needs no load of its own).
#[inline(always)]
fn literal(w0: u64, w1: u64) -> (u8, &'static Literal) {
    let id = LITERAL_IDS[segkey::direct_index(segkey::fold_chunks(w0, w1), LITERAL_MULT, LITERAL_BITS)];
    (id, &LITERALS[id as usize])
}

/// Where the segment from `i` ends (the next `/` or `?`, or the end of the target), and the bytes
/// from `i` to there that the fast path does not take (nonzero if any).
#[inline(always)]
fn scan(bytes: &[u8], mut i: usize) -> (usize, u64) {
    let mut bad = 0;
    loop {
        let raw = load(bytes, i);
        let m = stops(raw);
        if m != 0 {
            return (i + (m.trailing_zeros() / 8) as usize, bad | (unplain(raw) & below(m)));
        }
        bad |= unplain(raw);
        i += 8;
    }
}

/// A segment of 16 bytes or more from `p`, whose first 16 are `raw0` and `raw1`: its end and id,
/// the id 0 for a value with a byte the fast path does not take (a pair, returned in registers).
/// Out of line: it is rare (long values such as UUIDs, a few literals) and would crowd the
/// registers of the path's loop.
#[inline(never)]
fn long_segment(bytes: &[u8], p: usize, raw0: u64, raw1: u64) -> (usize, u8) {
    // A literal is checked first, at its own length: no scan for its end.
    let (id, lit) = literal(raw0, raw1);
    if lit.words[..2] == [raw0, raw1] {
        if let Some(e) = long_literal(bytes, p, lit) {
            return (e, id);
        }
    }
    let (e, bad) = scan(bytes, p + 16);
    (e, if bad | unplain(raw0) | unplain(raw1) == 0 { VALUE } else { 0 })
}

/// Where the segment from `p` ends if it is `lit` (at least 16 bytes, whose first 16 it has).
#[inline(always)]
fn long_literal(bytes: &[u8], p: usize, lit: &Literal) -> Option<usize> {
    // `Literal::EMPTY`'s length, `u32::MAX`, runs past the end (or overflows a 32-bit `usize`).
    let e = p.checked_add(lit.len as usize)?;
    if lit.len < 16 || e > bytes.len() {
        return None;
    }
    // Literals are at most 32 bytes: four chunks and the length are the text; it holds no stop,
    // so a stop (or the end) right after it ends the segment there.
    (lit.words[2] == chunk(bytes, p + 16, e)
        && lit.words[3] == chunk(bytes, p + 24, e)
        && (e == bytes.len() || matches!(bytes[e], b'/' | b'?')))
    .then_some(e)
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

/// Zero-padded, `.` and `..` are at most this; so are the empty segment and a few short values.
const DOTS: u64 = 0x2e2e;

/// Resolve a plain gateway request, or `None` to leave it to the careful path.
#[inline]
pub(super) fn resolve(method: Method, target: &str) -> Option<Resolution<'_>> {
    let bytes = target.as_bytes();
    // Word reads need 8 bytes; shorter targets (`/v2/x`) are rare enough for the careful path.
    if bytes.len() > super::MAX_TARGET_LEN || bytes.len() < 8 {
        return None;
    }
    // The prefix: the gateway's URL or `/stores/`, then the store hash; or a bare path, most often
    // with the version, whose id needs no lookup.
    let first = word(bytes, 0);
    let hash_at = match first {
        _ if first as u32 == u32::from_le_bytes(*b"/v3/") => Err((4, LITERAL_V3)),
        _ if first as u32 == u32::from_le_bytes(*b"/v2/") => Err((4, LITERAL_V2)),
        _ if first == u64::from_le_bytes(*b"/stores/") => Ok(8),
        _ if first as u8 == b'/' => Err((1, 0)),
        _ if gateway_url(bytes) => Ok(8 + GATEWAY_HOST.len()),
        _ => return None,
    };
    let (mut p, store_hash, version) = match hash_at {
        Ok(from) => {
            let (e, bad) = scan(bytes, from);
            let hash = &bytes[from..e];
            if bad != 0
                || e >= bytes.len()
                || bytes[e] != b'/'
                || hash.is_empty()
                || (hash.len() <= 2 && hash.iter().all(|b| *b == b'.'))
            {
                return None;
            }
            // Most paths after the hash start with the version: its id without a lookup.
            let (skip, version) = match load(bytes, e + 1) & 0xff_ffff {
                v if v == u32::from_le_bytes(*b"v3/\0") as u64 => (3, LITERAL_V3),
                v if v == u32::from_le_bytes(*b"v2/\0") as u64 => (3, LITERAL_V2),
                _ => (0, 0),
            };
            // Split at ASCII bytes (`/`), whose boundaries are checked inline.
            let hash = target.split_at(e).0.split_at(from).1;
            (e + 1 + skip, Some(hash), version)
        }
        Err((p, version)) => (p, None, version),
    };

    // Each segment, read as a literal where it is one (its id), else as a parameter value (VALUE)
    // whose bytes are checked, is shifted into the shape key. A literal's bytes need no check:
    // they are the literal's.
    let mut key = version as u128;
    // The end of the last segment, and of the path (where a query starts).
    let (path_end, end) = loop {
        let raw0 = load(bytes, p);
        let m0 = stops(raw0);
        let (e, id) = if m0 != 0 {
            // Up to 7 bytes: the first word holds the segment, and the first chunk and length are the text.
            let keep = below(m0);
            let w0 = raw0 & keep;
            let len = (m0.trailing_zeros() / 8) as usize;
            let e = p + len;
            // The length in the top byte (padding): a NUL byte in the target reads like padding.
            let k0 = w0 | (len as u64) << 56;
            let (id, lit) = literal(k0, 0);
            if lit.words[0] == k0 {
                (e, id)
            } else if unplain(raw0) & keep != 0 {
                return None;
            } else if w0 <= DOTS {
                if w0 == 0 {
                    // One trailing slash is dropped, as the careful path does (the segment before
                    // it was not empty, or the walk would have stopped there); other empty
                    // segments are refused.
                    if key != 0 && (e >= bytes.len() || bytes[e] == b'?') {
                        break (p - 1, e);
                    }
                    return None;
                }
                // Dot segments are the careful path's to refuse.
                if w0 == 0x2e || w0 == DOTS {
                    return None;
                }
                (e, VALUE)
            } else {
                (e, VALUE)
            }
        } else {
            let raw1 = load(bytes, p + 8);
            let m1 = stops(raw1);
            if m1 != 0 {
                // 8 to 15 bytes: two chunks, the second zero-padded, and the length are the text.
                let keep = below(m1);
                let w1 = raw1 & keep;
                let len = 8 + (m1.trailing_zeros() / 8) as usize;
                let e = p + len;
                let k1 = w1 | (len as u64) << 56;
                let (id, lit) = literal(raw0, k1);
                if lit.words[..2] == [raw0, k1] {
                    (e, id)
                } else if unplain(raw0) | (unplain(raw1) & keep) != 0 {
                    return None;
                } else {
                    (e, VALUE)
                }
            } else {
                let (e, id) = long_segment(bytes, p, raw0, raw1);
                if id == 0 {
                    return None;
                }
                (e, id)
            }
        };
        key = key << 8 | id as u128;
        if e >= bytes.len() || bytes[e] == b'?' {
            break (e, e);
        }
        p = e + 1;
    };
    // `.json` (stripped only on v2 paths) is the careful path's to judge; no literal ends so.
    if key as u8 == VALUE && bytes[..path_end].ends_with(b".json") {
        return None;
    }
    // The query string: anything but controls, white space, non-ASCII and a fragment.
    let had_query = end < bytes.len();
    if had_query && !plain_query(bytes, end) {
        return None;
    }
    let i = SHAPE_IDS[segkey::direct_index(segkey::fold_shape(key), SHAPE_MULT, SHAPE_BITS)] as usize;
    let shape = &SHAPES[i & (SHAPES.len() - 1)];
    if shape.key != key {
        return None;
    }
    let route = shape.route;
    let operation = route.operation(method)?;
    Some(Resolution {
        method,
        route,
        operation,
        store_hash,
        legacy: false,
        // Only legacy requests use it (for their OAuth URL), and the fast path takes none.
        rest: "",
        dropped: Dropped { query: had_query, fragment: false, trailing_slash: path_end != end, json_suffix: false },
    })
}

#[cfg(test)]
mod tests {
    //! The fast path must never answer differently from the careful path: wherever it answers,
    //! the careful path gives the same resolution.

    use super::super::Method;
    use crate::datafile::vocab::Host;
    use crate::route::Route;
    use proptest::prelude::*;

    fn agree(method: Method, target: &str) -> bool {
        super::super::check_fast_path(method, target)
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

    /// Each literal of each gateway route, spelled a byte longer or shorter, with a NUL byte, or
    /// with its last byte changed: where the fast path answers, the careful path agrees.
    #[test]
    fn near_miss_literals_agree() {
        for r in Route::all().iter().filter(|r| r.host == Host::Api) {
            let bare = r.template.strip_prefix("/stores/{store_hash}").unwrap();
            let segs: Vec<&str> = bare.split('/').collect();
            for (i, lit) in segs.iter().enumerate().filter(|(_, s)| !s.starts_with('{') && !s.is_empty()) {
                let cut = &lit[..lit.len() - 1];
                for changed in [
                    format!("{lit}x"),
                    format!("{lit}\0"),
                    cut.to_string(),
                    format!("{cut}\0"),
                    format!("{cut}~"),
                    format!("x{lit}"),
                ] {
                    let path: Vec<&str> = segs
                        .iter()
                        .enumerate()
                        .map(|(j, s)| {
                            if j == i {
                                changed.as_str()
                            } else if s.starts_with('{') {
                                "12"
                            } else {
                                s
                            }
                        })
                        .collect();
                    let path = path.join("/");
                    for target in [path.clone(), format!("{path}?a=1"), format!("/stores/abc{path}/")] {
                        agree(Method::Get, &target);
                    }
                }
            }
        }
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
                // A NUL byte reads like the zero padding of a literal's key.
                Just("\0"),
                Just("\0/"),
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
