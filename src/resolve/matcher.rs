//! Walking the generated segment trie. Literal children are tried before the parameter child, so
//! `/v3/catalog/products/brands`-style literals win over `{product_id}`; every match is collected
//! (into a fixed array) so the caller can see when two templates cross.

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
pub(crate) fn first(host: Host, segments: &[&str]) -> Option<Match> {
    fn go(node: usize, segments: &[&str], depth: usize, literals: u32) -> Option<Match> {
        let n = &NODES[node];
        let Some((seg, rest)) = segments.split_first() else {
            return (n.route != u32::MAX).then_some(Match { route: n.route, literals });
        };
        if let Some(child) = n.child(seg) {
            if let Some(m) = go(child as usize, rest, depth + 1, literals | (1 << depth)) {
                return Some(m);
            }
        }
        if n.param != u32::MAX && !seg.is_empty() {
            return go(n.param as usize, rest, depth + 1, literals);
        }
        None
    }
    go(root(host), segments, 0, 0)
}

/// Every route matching (for routes the build marked as crossed with another).
pub(crate) fn all(host: Host, segments: &[&str]) -> Matches {
    let mut m = Matches::none();
    walk(root(host), segments, 0, 0, &mut m);
    m
}

impl Matches {
    pub(crate) fn none() -> Matches {
        Matches { found: [Match::default(); MAX_MATCHES], len: 0 }
    }
}

fn walk(node: usize, segments: &[&str], depth: usize, literals: u32, out: &mut Matches) {
    if out.len == MAX_MATCHES {
        return;
    }
    let n = &NODES[node];
    let Some((seg, rest)) = segments.split_first() else {
        if n.route != u32::MAX {
            out.found[out.len] = Match { route: n.route, literals };
            out.len += 1;
        }
        return;
    };
    if let Some(child) = n.child(seg) {
        walk(child as usize, rest, depth + 1, literals | (1 << depth), out);
    }
    if n.param != u32::MAX && !seg.is_empty() {
        walk(n.param as usize, rest, depth + 1, literals, out);
    }
}
