//! Byte-level scanning shared by the resolver's two paths: a class table for the one pass over a
//! target, and word-at-a-time search for single bytes.

pub(crate) const CONTROL: u8 = 1;
pub(crate) const QUERY: u8 = 2;
pub(crate) const FRAGMENT: u8 = 4;
pub(crate) const SUSPICIOUS: u8 = 8;
pub(crate) const HIGH: u8 = 16;

/// Byte classes for the first scan of a target.
pub(crate) static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = match i as u8 {
            0..=b' ' | 0x7f => CONTROL,
            b'?' => QUERY,
            b'#' => FRAGMENT,
            b'%' | b'\\' => SUSPICIOUS,
            0x80..=0xff => HIGH,
            _ => 0,
        };
        i += 1;
    }
    t
};

/// The high bit of each byte of `x` that equals `c`, and no other bit: the exact form of the classic
/// "has zero byte" test, on `x ^ c…c`.
#[inline(always)]
pub(crate) fn byte_mask(x: u64, c: u8) -> u64 {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let y = x ^ (c as u64 * 0x0101_0101_0101_0101);
    !(((y & LOW).wrapping_add(LOW)) | y | LOW)
}

#[inline(always)]
pub(crate) fn word(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default())
}

/// The first `c` in `bytes`, eight bytes at a time.
#[inline]
pub(crate) fn find_byte(bytes: &[u8], c: u8) -> Option<usize> {
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let m = byte_mask(word(bytes, i), c);
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes[i..].iter().position(|b| *b == c).map(|j| i + j)
}

/// The byte classes present in `bytes`, eight at a time (the table lookup is the whole cost).
#[inline]
pub(crate) fn classes(bytes: &[u8]) -> u8 {
    let mut chunks = bytes.chunks_exact(8);
    let mut acc = 0u8;
    for c in &mut chunks {
        // A tree of ORs, not a chain: the eight lookups can run side by side.
        let a = CLASS[c[0] as usize] | CLASS[c[1] as usize];
        let b = CLASS[c[2] as usize] | CLASS[c[3] as usize];
        let d = CLASS[c[4] as usize] | CLASS[c[5] as usize];
        let e = CLASS[c[6] as usize] | CLASS[c[7] as usize];
        acc |= (a | b) | (d | e);
    }
    for &b in chunks.remainder() {
        acc |= CLASS[b as usize];
    }
    acc
}
