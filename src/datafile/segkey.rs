//! The key the route trie finds a literal segment by, shared by `build.rs` (which lays out each
//! node's table) and the resolver (which looks segments up in it).
//!
//! A segment's key is two words: for segments of up to 8 bytes, the bytes little-endian and
//! zero-padded, then 0; for longer ones, the first 8 bytes and the last 8. With the length, the key
//! is the whole segment for segments of up to 16 bytes, so comparing three integers is comparing the
//! text; longer ones (rare) are compared as text too. Each trie node stores its literal children in a
//! table indexed by a multiplicative hash of the key, with a multiplier the build picks so that no two
//! children of the node share a slot.

/// The two words of a segment's key.
///
/// ```
/// use bigcommerce_scopes::datafile::segkey::words;
/// assert_eq!(words(b"v3"), [u64::from_le_bytes(*b"v3\0\0\0\0\0\0"), 0]);
/// assert_eq!(words(b"transactions"), [u64::from_le_bytes(*b"transact"), u64::from_le_bytes(*b"sactions")]);
/// ```
pub fn words(seg: &[u8]) -> [u64; 2] {
    if seg.len() <= 8 {
        let mut w = [0u8; 8];
        w[..seg.len()].copy_from_slice(seg);
        [u64::from_le_bytes(w), 0]
    } else {
        let first: [u8; 8] = seg[..8].try_into().unwrap_or_default();
        let last: [u8; 8] = seg[seg.len() - 8..].try_into().unwrap_or_default();
        [u64::from_le_bytes(first), u64::from_le_bytes(last)]
    }
}

/// The slot of a key in a node's table of `mask + 1` slots, for the node's multiplier.
///
/// ```
/// use bigcommerce_scopes::datafile::segkey::{slot, words};
/// let s = slot(words(b"catalog"), 7, 0x9e37_79b9_7f4a_7c15, 31);
/// assert!(s <= 31);
/// ```
#[inline]
pub fn slot(w: [u64; 2], len: usize, mult: u64, mask: u32) -> usize {
    // Fold the high half down before multiplying: a product's high bits depend on every input bit
    // only if the input's high bits reach its low ones.
    let x = w[0] ^ w[1].rotate_left(29) ^ ((len as u64) << 59);
    let x = x ^ (x >> 31);
    ((x.wrapping_mul(mult) >> 40) as u32 & mask) as usize
}

/// One multiplier for every node, and a mask per node, under which each node's `keys` (the words
/// and length of its distinct literal children) land in distinct slots; each node's table is the
/// smallest power of two, up to 8× its children, that works. One multiplier lets the resolver hash a
/// segment before it knows the node. `None` if no multiplier is found (two equal keys).
///
/// ```
/// use bigcommerce_scopes::datafile::segkey::{layout, slot, words};
/// let node: Vec<_> = [&b"catalog"[..], b"orders", b"customers"].iter().map(|s| (words(s), s.len())).collect();
/// let (mult, masks) = layout(&[node.clone()]).unwrap();
/// let mut slots: Vec<_> = node.iter().map(|(w, l)| slot(*w, *l, mult, masks[0])).collect();
/// slots.sort();
/// slots.dedup();
/// assert_eq!(slots.len(), 3);
/// ```
pub fn layout(nodes: &[Vec<([u64; 2], usize)>]) -> Option<(u64, Vec<u32>)> {
    // A fixed-seed generator: the generated tables are the same on every build.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    'search: for _ in 0..100_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let mult = state | 1;
        let mut masks = Vec::with_capacity(nodes.len());
        for keys in nodes {
            let size = keys.len().max(1).next_power_of_two();
            let fits = |mask: u32| {
                let mut used = vec![false; mask as usize + 1];
                keys.iter().all(|(w, l)| !std::mem::replace(&mut used[slot(*w, *l, mult, mask)], true))
            };
            match [1, 2, 4, 8].iter().map(|k| (size * k - 1) as u32).find(|m| fits(*m)) {
                Some(mask) => masks.push(mask),
                None => continue 'search,
            }
        }
        return Some((mult, masks));
    }
    None
}
