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

/// One in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The low seven bits of every byte.
pub(crate) const LOWS: u64 = 0x7f7f_7f7f_7f7f_7f7f;
/// The high bit of every byte.
pub(crate) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `y` that is zero, and no other bit: the exact form of the classic
/// "has zero byte" test (no carry crosses a byte).
#[inline(always)]
pub(crate) fn zero_bytes(y: u64) -> u64 {
    !(((y & LOWS).wrapping_add(LOWS)) | y | LOWS)
}

/// The high bit of each byte of `x` that equals `c`, and no other bit.
#[inline(always)]
pub(crate) fn byte_mask(x: u64, c: u8) -> u64 {
    zero_bytes(x ^ (c as u64 * ONES))
}

#[inline(always)]
pub(crate) fn word(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default())
}

/// The 8 bytes from `i` as a little-endian word, zero past the end of `bytes` (which must be at
/// least 8 bytes long, with `i` at most its length): the last word is read where it fits and shifted.
#[inline(always)]
pub(crate) fn word_padded(bytes: &[u8], i: usize) -> u64 {
    if i + 8 <= bytes.len() {
        word(bytes, i)
    } else {
        // `i` at the very end (an empty last segment) reads nothing.
        word(bytes, bytes.len() - 8).checked_shr(8 * (i + 8 - bytes.len()) as u32).unwrap_or(0)
    }
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
