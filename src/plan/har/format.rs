//! The parts of a HAR file that planning reads, as typed serde structs: `log.entries[].request`
//! with its method, URL and request body. Everything else (responses and their bodies, timings,
//! headers, cookies, pages) is skipped while parsing, without being kept, so that a recording of
//! hundreds of megabytes of responses costs no more memory than its requests.
//!
//! A HAR file is read leniently below `log.entries`: an entry, a request or a field of the wrong
//! JSON type reads as absent (the entry is then reported as an error entry), never as a failure of
//! the whole file.

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::io::{self, Read};
use std::marker::PhantomData;

/// The top of a HAR file: `{"log": {...}}`.
#[derive(serde::Deserialize)]
pub(super) struct Root {
    #[serde(default)]
    log: Obj<Log>,
}

#[derive(serde::Deserialize)]
struct Log {
    #[serde(default)]
    entries: Arr<Obj<Entry>>,
}

/// One entry of `log.entries`: only its request is read (`response`, `timings`, `cache` … are
/// skipped).
#[derive(serde::Deserialize)]
pub(super) struct Entry {
    #[serde(default)]
    pub request: Obj<Request>,
}

/// An entry's request: method, URL and body (headers, cookies and query string are not needed).
#[derive(serde::Deserialize)]
pub(super) struct Request {
    #[serde(default)]
    pub method: Str,
    #[serde(default)]
    pub url: Str,
    /// Read for the GraphQL documents of a `/graphql` POST.
    #[serde(default, rename = "postData")]
    pub post_data: Obj<PostData>,
}

/// A request body as HAR records it.
#[derive(serde::Deserialize)]
pub(super) struct PostData {
    #[serde(default)]
    pub text: Str,
}

impl Root {
    /// The entries, or `None` when the file has no `log.entries` array.
    pub(super) fn entries(self) -> Option<Vec<Obj<Entry>>> {
        self.log.0?.entries.0
    }
}

impl Entry {
    /// The method and URL strings, when the request has both.
    pub(super) fn method_and_url(&self) -> Option<(&str, &str)> {
        let r = self.request.0.as_ref()?;
        Some((r.method.0.as_deref()?, r.url.0.as_deref()?))
    }

    /// The request body's text, if recorded.
    pub(super) fn body(&self) -> Option<&str> {
        self.request.0.as_ref()?.post_data.0.as_ref()?.text.0.as_deref()
    }
}

/// A JSON object read as `T`; any other JSON value reads as `None` (and is skipped).
pub(super) struct Obj<T>(pub Option<T>);

/// A JSON array of `T`; any other JSON value reads as `None`.
pub(super) struct Arr<T>(pub Option<Vec<T>>);

/// A JSON string; any other JSON value reads as `None`.
#[derive(Default)]
pub(super) struct Str(pub Option<String>);

impl<T> Default for Obj<T> {
    fn default() -> Self {
        Obj(None)
    }
}

impl<T> Default for Arr<T> {
    fn default() -> Self {
        Arr(None)
    }
}

/// What a lenient value is when the JSON holds something else: the value is read through and
/// dropped, and the result is `None`.
macro_rules! anything_else_is_none {
    () => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
}

/// Read a sequence through without keeping it.
fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Read a map through without keeping it.
fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

fn skip_str<E: de::Error, T: Default>(_: &str) -> Result<T, E> {
    Ok(T::default())
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Obj<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Obj<T>, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(|t| Obj(Some(t)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Obj<T>, A::Error> {
                drain_seq(seq).map(|()| Obj(None))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Obj<T>, E> {
                skip_str(s)
            }
            anything_else_is_none!();
        }
        d.deserialize_any(V(PhantomData))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Arr<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Arr<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Arr<T>, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Arr(Some(items)))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Arr<T>, A::Error> {
                drain_map(map).map(|()| Arr(None))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Arr<T>, E> {
                skip_str(s)
            }
            anything_else_is_none!();
        }
        d.deserialize_any(V(PhantomData))
    }
}

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Str;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Str, E> {
                Ok(Str(Some(s.to_owned())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Str, E> {
                Ok(Str(Some(s)))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Str, A::Error> {
                drain_map(map).map(|()| Str(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Str, A::Error> {
                drain_seq(seq).map(|()| Str(None))
            }
            anything_else_is_none!();
        }
        d.deserialize_any(V)
    }
}

/// A reader that passes bytes through only once they are known to be UTF-8 (a HAR file is JSON,
/// which is UTF-8 text), dropping a byte-order mark at the start. The check is done a buffer at a
/// time, not per byte; a sequence cut by the buffer's end is carried into the next one.
pub(super) struct Utf8Reader<R> {
    inner: R,
    buf: Box<[u8]>,
    /// Checked bytes not yet handed out: `buf[pos..ready]`.
    pos: usize,
    ready: usize,
    /// Bytes read but not yet checked (an incomplete sequence at the end): `buf[ready..filled]`.
    filled: usize,
    /// Offset of `buf[0]` in the stream (for the error's position).
    offset: u64,
    started: bool,
}

impl<R: Read> Utf8Reader<R> {
    pub(super) fn new(inner: R) -> Utf8Reader<R> {
        Utf8Reader {
            inner,
            buf: vec![0; 64 * 1024].into_boxed_slice(),
            pos: 0,
            ready: 0,
            filled: 0,
            offset: 0,
            started: false,
        }
    }

    /// Read more and check it; `false` at the end of the input.
    fn refill(&mut self) -> io::Result<bool> {
        // Move the unchecked tail to the front.
        let tail = self.filled - self.ready;
        self.buf.copy_within(self.ready..self.filled, 0);
        self.offset += self.ready as u64;
        (self.pos, self.ready, self.filled) = (0, 0, tail);
        loop {
            let n = match self.inner.read(&mut self.buf[self.filled..]) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                if self.filled > 0 {
                    return Err(self.not_utf8(0));
                }
                return Ok(false);
            }
            self.filled += n;
            if !self.started {
                // Nothing has been handed out yet: a byte-order mark is still at the front.
                const BOM: &[u8] = b"\xEF\xBB\xBF";
                let k = self.filled.min(BOM.len());
                if self.buf[..k] != BOM[..k] {
                    self.started = true;
                } else if k == BOM.len() {
                    self.started = true;
                    self.pos = BOM.len();
                } else {
                    continue;
                }
            }
            match std::str::from_utf8(&self.buf[self.pos..self.filled]) {
                Ok(_) => self.ready = self.filled,
                Err(e) if e.error_len().is_none() => self.ready = self.pos + e.valid_up_to(),
                Err(e) => return Err(self.not_utf8(self.pos + e.valid_up_to())),
            }
            if self.ready > self.pos {
                return Ok(true);
            }
        }
    }

    fn not_utf8(&self, at: usize) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, NotUtf8(self.offset + at as u64))
    }
}

impl<R: Read> Read for Utf8Reader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pos == self.ready && !self.refill()? {
            return Ok(0);
        }
        let n = out.len().min(self.ready - self.pos);
        out[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// Bytes that are not UTF-8, at this offset of the input.
#[derive(Debug)]
pub(super) struct NotUtf8(pub u64);

impl fmt::Display for NotUtf8 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not UTF-8 text (at byte {})", self.0)
    }
}

impl std::error::Error for NotUtf8 {}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(bytes: &[u8], chunk: usize) -> io::Result<String> {
        /// A reader that hands out at most `chunk` bytes per call (cuts sequences anywhere).
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(self.1).min(out.len());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut s = String::new();
        Utf8Reader::new(Trickle(bytes, chunk)).read_to_string(&mut s)?;
        Ok(s)
    }

    #[test]
    fn utf8_reader_passes_text_drops_the_bom_and_refuses_other_bytes() {
        let text = "\u{feff}{\"a\": \"é€𝄞\"}";
        for chunk in [1, 2, 3, 5, 1024] {
            assert_eq!(read_all(text.as_bytes(), chunk).unwrap(), "{\"a\": \"é€𝄞\"}", "{chunk}");
        }
        assert_eq!(read_all(b"", 4).unwrap(), "");
        // Only a mark at the very start is dropped, however the input is cut.
        for chunk in [1, 2, 4] {
            assert_eq!(read_all("a\u{feff}b".as_bytes(), chunk).unwrap(), "a\u{feff}b", "{chunk}");
            assert_eq!(read_all("\u{feff}\u{feff}".as_bytes(), chunk).unwrap(), "\u{feff}", "{chunk}");
        }
        assert_eq!(read_all(b"ab", 1).unwrap(), "ab");
        let err = read_all(b"{\"a\": \"\xff\"}", 3).unwrap_err();
        assert_eq!(err.to_string(), "not UTF-8 text (at byte 7)");
        // A sequence cut off by the end of the input.
        assert!(read_all(b"abc\xE2\x82", 1).is_err());
    }

    #[test]
    fn lenient_values() {
        let root: Root = serde_json::from_str(
            r#"{"log": {"entries": [5, "x", null, [], {"request": 1},
                {"request": {"method": ["GET"], "url": {"a": 1}, "postData": "x"}},
                {"request": {"method": "GET", "url": "https://a.example/", "postData": {"text": 7}}},
                {"request": {"method": "POST", "url": "u", "postData": {"text": "{}"}}}]}}"#,
        )
        .unwrap();
        let entries: Vec<Option<Entry>> = root.entries().unwrap().into_iter().map(|e| e.0).collect();
        let read: Vec<Option<(&str, &str)>> =
            entries.iter().map(|e| e.as_ref().and_then(Entry::method_and_url)).collect();
        assert_eq!(
            read,
            [None, None, None, None, None, None, Some(("GET", "https://a.example/")), Some(("POST", "u"))]
        );
        assert_eq!(entries[6].as_ref().unwrap().body(), None);
        assert_eq!(entries[7].as_ref().unwrap().body(), Some("{}"));
        for no_entries in [r#"[]"#, r#"{"log": []}"#, r#"{"log": {"entries": {}}}"#, r#"[{"entries": []}]"#, "3"] {
            let root: Obj<Root> = serde_json::from_str(no_entries).unwrap();
            assert!(root.0.and_then(Root::entries).is_none(), "{no_entries}");
        }
    }
}
