//! Walking the generated segment trie. Literal children are tried before the parameter child, so
//! `/v3/catalog/products/brands`-style literals win over `{product_id}`; every match is collected
//! (into a fixed array) so the caller can see when two templates cross.

use super::target::Segments;
use crate::datafile::vocab::Host;
use crate::tables::NODES;

/// At most this many templates can match one path (the data has at most two).
pub(crate) const MAX_MATCHES: usize = 8;

/// A matched route and where it matched literals (bit i: segment i was a literal).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Match {
    pub route: u32,
    pub literals: u32,
}

/// Every route matching `segments` on `host`, most specific (leftmost literals) first.
pub(crate) struct Matches {
    pub found: [Match; MAX_MATCHES],
    pub len: usize,
}

fn root(host: Host) -> usize {
    match host {
        Host::Api => 0,
        Host::Payments => 1,
        Host::StoreDomain => 2,
        Host::AppDomain => 3,
    }
}

/// The most specific match: literal-first depth-first search that stops at the first route.
///
/// Iterative: the walk follows literals greedily and remembers, per depth, a parameter child it
/// passed over; a dead end resumes at the deepest one (dead ends are rare in the data).
#[inline]
pub(crate) fn first(host: Host, segments: &Segments<'_>) -> Option<Match> {
    let len = segments.len();
    // (node, depth, literals) where the parameter child of `node` is still to be tried.
    let mut pending = [(0u32, 0u32, 0u32); super::target::MAX_SEGMENTS];
    let mut npending = 0;
    let mut node = root(host) as u32;
    let mut depth = 0;
    let mut literals = 0u32;
    loop {
        let n = &NODES[node as usize];
        if depth == len {
            if n.route != u32::MAX {
                return Some(Match { route: n.route, literals });
            }
        } else {
            let seg = segments.bytes(depth);
            let child = n.child(seg, segments.words(depth));
            let param = (n.param != u32::MAX && !seg.is_empty()).then_some(n.param);
            match (child, param) {
                (Some(c), p) => {
                    if let Some(p) = p {
                        pending[npending] = (p, depth as u32 + 1, literals);
                        npending += 1;
                    }
                    node = c;
                    literals |= 1 << depth;
                    depth += 1;
                    continue;
                }
                (None, Some(p)) => {
                    node = p;
                    depth += 1;
                    continue;
                }
                (None, None) => {}
            }
        }
        // Dead end: back to the deepest parameter child passed over.
        if npending == 0 {
            return None;
        }
        npending -= 1;
        let (p, d, l) = pending[npending];
        node = p;
        depth = d as usize;
        literals = l;
    }
}

/// Every route matching (for routes the build marked as crossed with another).
pub(crate) fn all(host: Host, segments: &Segments<'_>) -> Matches {
    let mut m = Matches::none();
    walk(root(host), segments, 0, 0, &mut m);
    m
}

impl Matches {
    pub(crate) fn none() -> Matches {
        Matches { found: [Match::default(); MAX_MATCHES], len: 0 }
    }
}

fn walk(node: usize, segments: &Segments<'_>, depth: usize, literals: u32, out: &mut Matches) {
    if out.len == MAX_MATCHES {
        return;
    }
    let n = &NODES[node];
    if depth == segments.len() {
        if n.route != u32::MAX {
            out.found[out.len] = Match { route: n.route, literals };
            out.len += 1;
        }
        return;
    }
    let seg = segments.bytes(depth);
    if let Some(child) = n.child(seg, segments.words(depth)) {
        walk(child as usize, segments, depth + 1, literals | (1 << depth), out);
    }
    if n.param != u32::MAX && !seg.is_empty() {
        walk(n.param as usize, segments, depth + 1, literals, out);
    }
}
