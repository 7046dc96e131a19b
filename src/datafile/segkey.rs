//! The keys and hashes of the route tables, shared by `build.rs` (which lays the tables out) and
//! the resolver (which looks segments up in them).
//!
//! A segment's key is two words: for segments of up to 8 bytes, the bytes little-endian and
//! zero-padded, then 0; for longer ones, the first 8 bytes and the last 8. With the length, the key
//! is the whole segment for segments of up to 16 bytes, so comparing three integers is comparing the
//! text; longer ones (rare) are compared as text too. Three tables use it:
//! - each trie node stores its literal children in a table indexed by [`slot`], with one multiplier
//!   for the whole trie that the build picks so that no two children of a node share a slot;
//! - the gateway's literal segments are in one direct table indexed by [`direct_index`];
//! - the gateway's route shapes are in a hash-and-displace table indexed by [`chd_slot`].

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

/// The four words the gateway's literal table compares a segment by: [`words`], then for segments
/// of more than 16 bytes bytes 8..16 and the 8 bytes before the last 8 (else 0). With the length
/// they are the whole text of any segment of up to 32 bytes, so no literal needs a text comparison.
///
/// ```
/// use bigcommerce_scopes::datafile::segkey::long_words;
/// let w = long_words(b"abandoned-cart-emails");
/// assert_eq!(w[2], u64::from_le_bytes(*b"d-cart-e"));
/// assert_eq!(long_words(b"orders")[2..], [0, 0]);
/// ```
pub fn long_words(seg: &[u8]) -> [u64; 4] {
    let [w0, w1] = words(seg);
    if seg.len() <= 16 {
        return [w0, w1, 0, 0];
    }
    let at = |i: usize| u64::from_le_bytes(seg[i..i + 8].try_into().unwrap_or_default());
    [w0, w1, at(8), at(seg.len() - 16)]
}

/// A key and its length folded into one word: what both segment tables hash.
#[inline(always)]
fn fold(w: [u64; 2], len: usize) -> u64 {
    w[0] ^ w[1].rotate_left(29) ^ ((len as u64) << 59)
}

/// The index of a segment's key in a direct table of `2^bits` entries under multiplier `mult`
/// (one multiplication: the product's top bits depend on every bit of the key).
///
/// ```
/// use bigcommerce_scopes::datafile::segkey::{direct_index, words};
/// assert!(direct_index(words(b"orders"), 6, 0x9e37_79b9_7f4a_7c15, 12) < 4096);
/// ```
#[inline(always)]
pub fn direct_index(w: [u64; 2], len: usize, mult: u64, bits: u32) -> usize {
    (fold(w, len).wrapping_mul(mult) >> (64 - bits)) as usize
}

/// A multiplier under which `keys` take distinct entries of a direct table of `2^bits` entries.
///
/// ```
/// use bigcommerce_scopes::datafile::segkey::{direct_index, direct_layout, words};
/// let keys: Vec<_> = [&b"catalog"[..], b"orders", b"customers"].iter().map(|s| (words(s), s.len())).collect();
/// let mult = direct_layout(&keys, 8).unwrap();
/// let mut idx: Vec<_> = keys.iter().map(|(w, l)| direct_index(*w, *l, mult, 8)).collect();
/// idx.sort();
/// idx.dedup();
/// assert_eq!(idx.len(), 3);
/// ```
pub fn direct_layout(keys: &[([u64; 2], usize)], bits: u32) -> Option<u64> {
    multipliers(0x9e37_79b9_7f4a_7c15).find(|&mult| {
        let mut used = vec![false; 1 << bits];
        keys.iter().all(|(w, l)| !std::mem::replace(&mut used[direct_index(*w, *l, mult, bits)], true))
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

/// A 64-bit hash of a route shape (the literal ids of a path, 0 for a parameter, one per byte,
/// with the segment count in the top byte).
///
/// ```
/// use bigcommerce_scopes::datafile::segkey::shape_hash;
/// assert_ne!(shape_hash(0x0201), shape_hash(0x0102));
/// ```
#[inline(always)]
pub fn shape_hash(key: u128) -> u64 {
    mix(key as u64 ^ ((key >> 64) as u64).rotate_left(23))
}

#[inline(always)]
fn mix(x: u64) -> u64 {
    let x = (x ^ (x >> 31)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^ (x >> 29)
}

/// The slot of hash `h` in a hash-and-displace table: the top bits pick a bucket, whose
/// displacement (chosen at build time) moves its keys to free slots. Two loads, no probing.
///
/// ```
/// use bigcommerce_scopes::datafile::segkey::{chd_build, chd_slot, shape_hash};
/// let hashes: Vec<u64> = [0x0201_u128, 0x0102, 0x0300].iter().map(|k| shape_hash(*k)).collect();
/// let (disp, mask) = chd_build(&hashes).unwrap();
/// let mut slots: Vec<_> = hashes.iter().map(|h| chd_slot(*h, &disp, mask)).collect();
/// slots.sort();
/// slots.dedup();
/// assert_eq!(slots.len(), 3);
/// ```
#[inline(always)]
pub fn chd_slot(h: u64, disp: &[u16], mask: u32) -> usize {
    let d = disp[(h >> 48) as usize & (disp.len() - 1)] as u32;
    ((h as u32).wrapping_add(d.wrapping_mul((h >> 32) as u32 | 1)) & mask) as usize
}

/// Displacements and a slot mask under which `hashes` (distinct) land in distinct slots: a table
/// of about 1.5× as many slots as keys, or up to 8× that where the smaller ones admit no layout;
/// `None` if none does (two equal hashes).
pub fn chd_build(hashes: &[u64]) -> Option<(Vec<u16>, u32)> {
    let base = (hashes.len() * 3 / 2).max(2).next_power_of_two();
    [1, 2, 4, 8].into_iter().find_map(|k| chd_try(hashes, base * k))
}

fn chd_try(hashes: &[u64], slots: usize) -> Option<(Vec<u16>, u32)> {
    let buckets = (hashes.len() / 2).max(1).next_power_of_two();
    let mask = (slots - 1) as u32;
    let mut by_bucket: Vec<Vec<u64>> = vec![Vec::new(); buckets];
    for &h in hashes {
        by_bucket[(h >> 48) as usize & (buckets - 1)].push(h);
    }
    let mut order: Vec<usize> = (0..buckets).collect();
    order.sort_by_key(|b| std::cmp::Reverse(by_bucket[*b].len()));
    let mut disp = vec![0u16; buckets];
    let mut used = vec![false; slots];
    for b in order {
        let keys = &by_bucket[b];
        if keys.is_empty() {
            continue;
        }
        let found = (0..=u16::MAX).find(|&d| {
            disp[b] = d;
            let taken: Vec<usize> = keys.iter().map(|h| chd_slot(*h, &disp, mask)).collect();
            taken.iter().enumerate().all(|(i, s)| !used[*s] && !taken[..i].contains(s))
        })?;
        disp[b] = found;
        for h in keys {
            used[chd_slot(*h, &disp, mask)] = true;
        }
    }
    Some((disp, mask))
}
