//! The keys and hashes of the route tables, shared by `build.rs` (which lays the tables out) and
//! the resolver (which looks segments up in them).
//!
//! A segment's key is two words: for segments of up to 8 bytes, the bytes little-endian and
//! zero-padded, then 0; for longer ones, the first 8 bytes and the last 8. With the length, the key
//! is the whole segment for segments of up to 16 bytes, so comparing three integers is comparing the
//! text; longer ones (rare) are compared as text too. The tables:
//! - each trie node stores its literal children in a table indexed by [`slot`], with one multiplier
//!   for the whole trie that the build picks so that no two children of a node share a slot;
//! - the gateway's literal segments (keyed by [`chunks`] instead) and route shapes are in direct
//!   tables indexed by [`direct_index`].

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
    let x = fold(w, len);
    let x = x ^ (x >> 31);
    ((x.wrapping_mul(mult) >> 40) as u32 & mask) as usize
}

/// A key and its length folded into one word: what the trie's tables hash.
#[inline(always)]
fn fold(w: [u64; 2], len: usize) -> u64 {
    w[0] ^ w[1].rotate_left(29) ^ ((len as u64) << 59)
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
    'search: for mult in multipliers(0x2545_f491_4f6c_dd1d) {
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

/// The fast path's key of a gateway literal: its first 32 bytes as four words, each zero-padded.
/// With the length, equal chunks are equal text up to 32 bytes (the first two chunks suffice for a
/// segment shorter than 16 bytes).
///
/// ```
/// use bigcommerce_scopes::datafile::segkey::chunks;
/// let w = chunks(b"abandoned-cart-emails");
/// assert_eq!(w[1], u64::from_le_bytes(*b"d-cart-e"));
/// assert_eq!(w[2], u64::from_le_bytes(*b"mails\0\0\0"));
/// assert_eq!(chunks(b"orders")[1..], [0, 0, 0]);
/// ```
pub fn chunks(seg: &[u8]) -> [u64; 4] {
    let mut w = [0u64; 4];
    for (i, c) in seg.chunks(8).take(4).enumerate() {
        let mut b = [0u8; 8];
        b[..c.len()].copy_from_slice(c);
        w[i] = u64::from_le_bytes(b);
    }
    w
}

/// A literal's first two chunks folded into the word its table hashes.
///
/// ```
/// use bigcommerce_scopes::datafile::segkey::{chunks, fold_chunks};
/// let w = chunks(b"transactions");
/// assert_eq!(fold_chunks(w[0], w[1]), u64::from_le_bytes(*b"transact") ^ u64::from_le_bytes(*b"ions\0\0\0\0"));
/// ```
#[inline(always)]
pub fn fold_chunks(w0: u64, w1: u64) -> u64 {
    w0 ^ w1
}

/// A route shape (see `resolve::fast`) folded into the word its table hashes.
///
/// ```
/// use bigcommerce_scopes::datafile::segkey::fold_shape;
/// assert_eq!(fold_shape(0x01ff_u128 << 64 | 0x02), 0x01ff ^ 0x02);
/// ```
#[inline(always)]
pub fn fold_shape(key: u128) -> u64 {
    key as u64 ^ (key >> 64) as u64
}

/// The index of `x` in a direct table of `2^bits` entries under multiplier `mult` (one
/// multiplication: the product's top bits depend on every bit of `x`).
///
/// ```
/// use bigcommerce_scopes::datafile::segkey::direct_index;
/// assert!(direct_index(12345, 0x9e37_79b9_7f4a_7c15, 12) < 4096);
/// ```
#[inline(always)]
pub fn direct_index(x: u64, mult: u64, bits: u32) -> usize {
    (x.wrapping_mul(mult) >> (64 - bits)) as usize
}

/// A multiplier under which `xs` (distinct) take distinct entries of a direct table of `2^bits`
/// entries; `None` if none of those tried does.
///
/// ```
/// use bigcommerce_scopes::datafile::segkey::{direct_index, direct_layout};
/// let xs = [3, 17, 1 << 40];
/// let mult = direct_layout(&xs, 8).unwrap();
/// let mut idx: Vec<_> = xs.iter().map(|x| direct_index(*x, mult, 8)).collect();
/// idx.sort();
/// idx.dedup();
/// assert_eq!(idx.len(), 3);
/// ```
pub fn direct_layout(xs: &[u64], bits: u32) -> Option<u64> {
    multipliers(0x9e37_79b9_7f4a_7c15).find(|&mult| {
        let mut used = vec![false; 1 << bits];
        xs.iter().all(|x| !std::mem::replace(&mut used[direct_index(*x, mult, bits)], true))
    })
}

/// Odd multipliers to try, from a fixed-seed xorshift generator (so the generated tables are the
/// same on every build), at most 100,000 of them.
fn multipliers(seed: u64) -> impl Iterator<Item = u64> {
    let mut state = seed;
    (0..100_000).map(move |_| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state | 1
    })
}
