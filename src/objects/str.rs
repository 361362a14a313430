//! `str`: immutable text with a cached hash and a cached length in characters.

use std::cell::Cell;

/// A Python string. Indexing is by character; `ascii` lets the common case index by byte.
pub struct PyStr {
    s: Box<str>,
    chars: usize,
    ascii: bool,
    hash: Cell<i64>,
}

impl PyStr {
    pub fn new(s: String) -> PyStr {
        let ascii = s.is_ascii();
        let chars = if ascii { s.len() } else { s.chars().count() };
        PyStr {
            s: s.into_boxed_str(),
            chars,
            ascii,
            hash: Cell::new(-1),
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// Length in characters (what `len()` returns).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.chars
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// The string's hash, computed once.
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = str_hash(&self.s);
        self.hash.set(h);
        h
    }

    /// The character at index `i` (0 <= i < char_len).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.ascii {
            self.s.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.s.chars().nth(i)
        }
    }

    /// Byte offset of character index `i` (clamped to the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.ascii {
            i.min(self.s.len())
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map_or(self.s.len(), |(b, _)| b)
        }
    }
}

/// Hash of a string's text. CPython randomises string hashes per process, so programs cannot
/// depend on the values; this one only has to be fast, well mixed and never -1.
pub fn str_hash(s: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ s.len() as u64;
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^= h >> 29;
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01B3);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    h ^= h >> 32;
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}
