//! Turning a request target as code writes it into a host and path segments, refusing whatever
//! could make the route ambiguous. Nothing here allocates.

use super::bytes::{
    byte_mask, classes, find_byte, word, word_padded, CLASS, CONTROL, FRAGMENT, HIGH, QUERY, SUSPICIOUS,
};
use crate::datafile::vocab::Host;
use crate::error::{Error, ErrorKind};

/// Targets longer than this are refused before any other work.
pub const MAX_TARGET_LEN: usize = 8192;
/// Paths with more segments than this match no route and are refused.
pub(crate) const MAX_SEGMENTS: usize = 16;

/// A target split into what the matcher needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ParsedTarget<'a> {
    pub host: Host,
    /// Store hash from `/stores/{hash}/` or a `store-{hash}.mybigcommerce.com` host.
    pub store_hash: Option<&'a str>,
    /// Legacy store-domain `/api/v2/...` request.
    pub legacy: bool,
    /// The path segments after the host's fixed prefix (for legacy: starting with `v2`).
    pub segments: Segments<'a>,
    /// The path as written after the prefix (for the OAuth URL of a legacy request).
    pub rest: &'a str,
    /// What normalization dropped: query string, fragment, trailing slash, `.json`.
    pub had_query: bool,
    pub had_fragment: bool,
    pub trailing_slash: bool,
    pub json_suffix: bool,
}

/// Path segments as byte ranges of the target: what the matcher walks, without copying text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Segments<'a> {
    /// The text the ranges index (the whole target, so that keys can be read in whole words).
    text: &'a str,
    spans: [(u16, u16); MAX_SEGMENTS],
    start: usize,
    end: usize,
}

impl<'a> Segments<'a> {
    /// Segments separated by `/` in `path` (error paths: no checks); `None` beyond `MAX_SEGMENTS`.
    pub(crate) fn split(path: &'a str) -> Option<Segments<'a>> {
        let mut s = Segments { text: path, spans: [(0, 0); MAX_SEGMENTS], start: 0, end: 0 };
        if path.is_empty() {
            return Some(s);
        }
        let mut from = 0;
        for (i, c) in path.bytes().enumerate().chain(std::iter::once((path.len(), b'/'))) {
            if c == b'/' {
                *s.spans.get_mut(s.end)? = (from as u16, i as u16);
                s.end += 1;
                from = i + 1;
            }
        }
        Some(s)
    }

    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.end - self.start
    }

    /// Segment `i` (after the prefix).
    #[inline]
    pub(crate) fn bytes(&self, i: usize) -> &'a [u8] {
        let (s, e) = self.spans[self.start + i];
        &self.text.as_bytes()[s as usize..e as usize]
    }

    /// Segment `i` as text.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> &'a str {
        let (s, e) = self.spans[self.start + i];
        &self.text[s as usize..e as usize]
    }

    /// Every segment as text.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The key of segment `i` (`datafile::segkey::words`), read in whole words where the target
    /// allows.
    #[inline(always)]
    pub(crate) fn words(&self, i: usize) -> [u64; 2] {
        let (s, e) = self.spans[self.start + i];
        let (s, e) = (s as usize, e as usize);
        let text = self.text.as_bytes();
        let len = e - s;
        if text.len() < 8 {
            crate::datafile::segkey::words(&text[s..e])
        } else if len > 8 {
            [word_padded(text, s), word_padded(text, e - 8)]
        } else {
            [word_padded(text, s) & u64::MAX.checked_shr(64 - 8 * len as u32).unwrap_or(0), 0]
        }
    }
}

/// `url` with each run of slashes in its path (after `scheme://host`, before `?` or `#`) made one
/// slash, except after `/stores/`; `None` if there is none to change. Used for the resolver's
/// suggestion and by the checker, which reads a base URL ending in `/` joined to a path starting
/// with `/` as one slash.
pub(crate) fn single_slashes(url: &str) -> Option<String> {
    let from = match url.find("://") {
        Some(i) => i + 3 + url[i + 3..].find('/')?,
        None => 0,
    };
    let to = url[from..].find(['?', '#']).map_or(url.len(), |j| from + j);
    if !url[from..to].contains("//") {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    out.push_str(&url[..from]);
    for c in url[from..to].chars() {
        // `/stores//v3`: not a doubled slash but a missing store hash (refused as such).
        if !(c == '/' && out.ends_with('/') && !out.ends_with("/stores/")) {
            out.push(c);
        }
    }
    out.push_str(&url[to..]);
    (out.len() < url.len()).then_some(out)
}

/// Which hosts serve BigCommerce's APIs, for the messages about a host that is none of them.
pub(crate) const API_HOSTS: &str = "BigCommerce's API hosts are api.bigcommerce.com, payments.bigcommerce.com \
     and, for storefront routes only, a store's own domain";

fn invalid(msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidTarget, msg)
}

/// Hosts of BigCommerce that serve store APIs, and the classification of the rest.
enum HostClass<'a> {
    Gateway,
    Payments,
    /// A store's own domain; `Some(hash)` for `store-{hash}.mybigcommerce.com`.
    StoreDomain(Option<&'a str>),
}

fn classify_host(authority: &str) -> Result<(HostClass<'_>, &str), Error> {
    // User info first: its `user:password` would otherwise be read as a host and a bad port.
    if authority.contains('@') {
        return Err(invalid(
            "URLs with user info (`user:password@host`) are refused: the host they reach is easy to misread",
        ));
    }
    // One pass: the port's colon, characters a host name cannot have, empty labels.
    let mut colon = None;
    let mut label_start = true;
    for (i, &c) in authority.as_bytes().iter().enumerate() {
        match c {
            b':' if colon.is_none() => colon = Some(i),
            b'.' if colon.is_none() => {
                if label_start {
                    return Err(invalid(format!("host `{}` has an empty label", authority.escape_debug())));
                }
                label_start = true;
                continue;
            }
            b'0'..=b'9' => {}
            b'a'..=b'z' | b'A'..=b'Z' | b'-' if colon.is_none() => {}
            _ => {
                return Err(invalid(format!(
                    "host `{}` has characters a host name cannot have (non-ASCII look-alikes and IP-literal hosts are refused)",
                    authority.escape_debug()
                )))
            }
        }
        label_start = false;
    }
    let host = match colon {
        Some(i) => {
            let port = &authority[i + 1..];
            if port.is_empty() || port.len() > 5 {
                return Err(invalid(format!("port `{}` is not a number", port.escape_debug())));
            }
            &authority[..i]
        }
        None => authority,
    };
    if host.is_empty() {
        return Err(invalid("the URL has no host"));
    }
    if host.ends_with('.') {
        return Err(invalid(format!("host `{host}` has an empty label")));
    }
    let lower_eq = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    if lower_eq(host, "api.bigcommerce.com") {
        return Ok((HostClass::Gateway, host));
    }
    if lower_eq(host, "payments.bigcommerce.com") {
        return Ok((HostClass::Payments, host));
    }
    let lower_suffix = |s: &str| host.len() > s.len() && host[host.len() - s.len()..].eq_ignore_ascii_case(s);
    if lower_suffix(".mybigcommerce.com") {
        let label = &host[..host.len() - ".mybigcommerce.com".len()];
        let hash =
            (label.len() > 6 && label[..6].eq_ignore_ascii_case("store-") && !label.contains('.')).then(|| &label[6..]);
        return Ok((HostClass::StoreDomain(hash), host));
    }
    if lower_suffix(".bigcommerce.com") || lower_eq(host, "bigcommerce.com") {
        return Err(invalid(format!("host `{host}` is not a BigCommerce API host ({API_HOSTS})")));
    }
    Ok((HostClass::StoreDomain(None), host))
}

/// Where `://` ends the scheme, if the target is a URL: found without a substring search, since the
/// scheme is the run of letters at the start.
fn scheme_end(target: &str) -> Option<usize> {
    let b = target.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.')).count();
    (letters > 0 && b[letters..].starts_with(b"://")).then_some(letters)
}

/// Check one path segment; returns it with `.json` stripped where asked.
fn check_segment(seg: &str) -> Result<(), Error> {
    if seg == "." || seg == ".." {
        return Err(invalid(
            "dot segments (`.` and `..`) are refused: they can climb out of the resource the path names",
        ));
    }
    let b = seg.as_bytes();
    if printf_placeholder(b) {
        return Ok(());
    }
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => return Err(invalid("backslashes are refused: servers may read them as `/`")),
            b'%' => {
                let hex = |c: u8| (c as char).to_digit(16);
                let (Some(h), Some(l)) = (b.get(i + 1).and_then(|c| hex(*c)), b.get(i + 2).and_then(|c| hex(*c)))
                else {
                    return Err(invalid("malformed percent-encoding (`%` not followed by two hex digits)"));
                };
                let c = (h * 16 + l) as u8;
                if c.is_ascii_alphanumeric()
                    || matches!(c, b'-' | b'.' | b'_' | b'~' | b'/' | b'\\')
                    || c < 0x20
                    || c == 0x7f
                {
                    return Err(invalid(format!(
                        "percent-encoded `{}` is refused: a server decodes it, so the path could name a different route than it seems",
                        (c as char).escape_debug()
                    )));
                }
                i += 3;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Whether a whole segment is a printf-style placeholder (`%s`, `%d`, `%(id)s`), as code that
/// formats a path writes it: never valid percent-encoding, so it can only be a value.
fn printf_placeholder(b: &[u8]) -> bool {
    match b {
        [b'%', c] => b"sdiuv".contains(c),
        [b'%', b'(', name @ .., b')', c] => {
            b"sdiu".contains(c) && !name.is_empty() && name.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
        }
        _ => false,
    }
}

/// Where a fragment starts: the first `#` that does not open a Ruby interpolation (`#{id}`), which
/// code writes in a path and which is read as a value.
pub(crate) fn fragment_start(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = find_byte(&bytes[from..], b'#').map(|i| from + i) {
        if bytes.get(i + 1) != Some(&b'{') {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// Whether a segment is an API version (`v3`, `V2`): how a path is told to be the gateway's.
pub(crate) fn is_version(s: &[u8]) -> bool {
    s.len() >= 2 && (s[0] == b'v' || s[0] == b'V') && s[1..].iter().all(u8::is_ascii_digit)
}

fn too_deep() -> Error {
    Error::new(
        ErrorKind::UnknownEndpoint,
        format!("path has more than {MAX_SEGMENTS} segments; no documented route is that deep"),
    )
}

/// The first segment of a scheme-less target when it names a BigCommerce host (it ends with
/// `bigcommerce.com`, as `api.bigcommerce.com` and `store-abc.mybigcommerce.com` do).
fn bigcommerce_authority(url: &str) -> Option<&str> {
    let first = url.split('/').next()?;
    let suffix = "bigcommerce.com";
    let b = first.as_bytes();
    (b.len() > suffix.len() && b[b.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())).then_some(first)
}

/// Parse and check a target. Never allocates.
#[inline]
pub(crate) fn parse<'a>(target: &'a str) -> Result<ParsedTarget<'a>, Error> {
    if target.len() > MAX_TARGET_LEN {
        return Err(invalid(format!("target is {} bytes long; the limit is {MAX_TARGET_LEN}", target.len())));
    }
    // Spaces around a pasted target are dropped (checked first: trim_matches is not free).
    let target = if target.starts_with(' ') || target.ends_with(' ') { target.trim_matches(' ') } else { target };
    // One pass over the bytes with a class table: control characters and white space are refused
    // (non-ASCII text is checked char by char only when present); query, fragment and characters
    // that need a closer look are noted and located only when present.
    let bytes = target.as_bytes();
    let acc = classes(bytes);
    if acc & CONTROL != 0 {
        let b = bytes.iter().find(|b| CLASS[**b as usize] & CONTROL != 0).copied().unwrap_or(b' ');
        return Err(invalid(format!(
            "target contains the character {:?}: control characters and white space are refused",
            b as char
        )));
    }
    if acc & HIGH != 0 {
        if let Some(c) = target.chars().find(|c| c.is_control() || c.is_whitespace()) {
            return Err(invalid(format!(
                "target contains the character {c:?}: control characters and white space are refused"
            )));
        }
    }
    let fragment_at = if acc & FRAGMENT != 0 { fragment_start(bytes) } else { None };
    let before_fragment = &target[..fragment_at.unwrap_or(target.len())];
    let query_at = if acc & QUERY != 0 { find_byte(before_fragment.as_bytes(), b'?') } else { None };
    let had_fragment = fragment_at.is_some();
    let had_query = query_at.is_some();
    let url = &before_fragment[..query_at.unwrap_or(before_fragment.len())];
    if url.is_empty() {
        return Err(invalid("target is empty"));
    }

    // Full URL, or a path. The gateway's host as written in the docs is recognized without the
    // general host checks (it passes them).
    const GATEWAY: &str = "https://api.bigcommerce.com/";
    let (class, authority, path) = if url.starts_with('/') && !url.starts_with("//") {
        (None, None, url)
    } else if url.len() >= GATEWAY.len() && url.as_bytes()[..GATEWAY.len()] == *GATEWAY.as_bytes() {
        (Some(HostClass::Gateway), Some("api.bigcommerce.com"), &url[GATEWAY.len() - 1..])
    } else if let Some(i) = scheme_end(url) {
        let scheme = &url[..i];
        if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
            return Err(invalid(format!("scheme `{}` is not http or https", scheme.escape_debug())));
        }
        let rest = &url[i + 3..];
        let (authority, path) = match rest.find('/') {
            Some(j) => (&rest[..j], &rest[j..]),
            // An empty path, as a slice of the target (offsets below are into it).
            None => (rest, &rest[rest.len()..]),
        };
        let (class, host) = classify_host(authority)?;
        (Some(class), Some(host), path)
    } else if url.starts_with("//") {
        return Err(invalid("scheme-relative URLs (`//host/...`) are refused; write the scheme"));
    } else if url.contains(':') && url.split('/').next().is_some_and(|s| s.contains(':')) {
        return Err(invalid("target is neither a URL with http(s) nor a path"));
    } else if let Some(authority) = bigcommerce_authority(url) {
        // A BigCommerce host without its scheme (`api.bigcommerce.com/stores/...`), as code that
        // keeps the scheme in another constant writes it: the host is unmistakable.
        let (class, host) = classify_host(authority)?;
        (Some(class), Some(host), &url[authority.len()..])
    } else {
        (None, None, url)
    };

    let path = path.strip_prefix('/').unwrap_or(path);
    let trailing_slash = !path.is_empty() && path.ends_with('/');
    let path = path.strip_suffix('/').unwrap_or(path);
    // Offsets below are into `target`, so that segment keys can be read a word at a time.
    let base = path.as_ptr() as usize - target.as_ptr() as usize;

    let mut segs = Segments { text: target, spans: [(0, 0); MAX_SEGMENTS], start: 0, end: 0 };
    let mut n = 0;
    if !path.is_empty() {
        // Slashes found eight bytes at a time; one more segment than fits is refused, checked after
        // the segments before it so that the first problem is the one reported.
        let end = base + path.len();
        let mut from = base;
        let mut i = base;
        let mut deep = false;
        'scan: while i + 8 <= end {
            let mut m = byte_mask(word(bytes, i), b'/');
            while m != 0 {
                let at = i + (m.trailing_zeros() / 8) as usize;
                if n == MAX_SEGMENTS {
                    deep = true;
                    break 'scan;
                }
                segs.spans[n] = (from as u16, at as u16);
                n += 1;
                from = at + 1;
                m &= m - 1;
            }
            i += 8;
        }
        if !deep {
            for (j, &c) in bytes.iter().enumerate().take(end).skip(i) {
                if c == b'/' {
                    if n == MAX_SEGMENTS {
                        deep = true;
                        break;
                    }
                    segs.spans[n] = (from as u16, j as u16);
                    n += 1;
                    from = j + 1;
                }
            }
        }
        if !deep {
            if n == MAX_SEGMENTS {
                deep = true;
            } else {
                segs.spans[n] = (from as u16, end as u16);
                n += 1;
            }
        }
        // Empty and dot segments: the only segments of at most two bytes that are refused.
        for (i, &(from, to)) in segs.spans[..n].iter().enumerate() {
            let (from, to) = (from as usize, to as usize);
            if to - from <= 2 && bytes[from..to].iter().all(|b| *b == b'.') {
                if to == from && i == 1 && &target[segs.spans[0].0 as usize..segs.spans[0].1 as usize] == "stores" {
                    let mut fixed = target.to_owned();
                    fixed.insert_str(from, "{store_hash}");
                    return Err(invalid("the store hash is missing (`/stores//`)").with_suggestions([fixed]));
                }
                if to == from {
                    // Often a base URL and a path joined with one slash too many.
                    return Err(
                        invalid("empty path segments (`//`) are refused").with_suggestions(single_slashes(target))
                    );
                }
                return Err(invalid(
                    "dot segments (`.` and `..`) are refused: they can climb out of the resource the path names",
                ));
            }
            // `%` or `\\` anywhere (rare) call for a closer look at every segment.
            if acc & SUSPICIOUS != 0 {
                check_segment(&target[from..to])?;
            }
        }
        if deep {
            return Err(too_deep());
        }
    }
    segs.end = n;
    let seg = |i: usize| if i < n { segs.bytes(i) } else { b"" };

    let mut host;
    let mut store_hash = None;
    let skip: usize;
    match class {
        Some(HostClass::Gateway) | Some(HostClass::Payments) => {
            if seg(0) != b"stores" || n < 2 {
                return Err(invalid(format!(
                    "paths on {} start with /stores/{{store_hash}}/",
                    authority.unwrap_or_default()
                )));
            }
            store_hash = Some(segs.get(1));
            host = if matches!(class, Some(HostClass::Gateway)) { Host::Api } else { Host::Payments };
            skip = 2;
        }
        Some(HostClass::StoreDomain(hash)) => {
            // Store-management paths on a host that is not BigCommerce's gateway: a look-alike host
            // (`api.bigcommerce.com.evil.example`) or a misconfigured base URL. Never guess.
            if seg(0) == b"stores" || is_version(seg(0)) {
                return Err(invalid(format!(
                    "host `{}` is not a BigCommerce API host: store-management paths (/stores/..., /v2, /v3) are served only from https://api.bigcommerce.com ({API_HOSTS})",
                    authority.unwrap_or_default().escape_debug()
                )));
            }
            host = Host::StoreDomain;
            store_hash = hash;
            skip = 0;
        }
        None => {
            if seg(0) == b"stores" && n >= 2 {
                store_hash = Some(segs.get(1));
                // `/stores/{hash}/v3/...` is the gateway; `/stores/{hash}/payments` the payments host.
                host = if is_version(seg(2)) { Host::Api } else { Host::Payments };
                skip = 2;
            } else if is_version(seg(0)) {
                host = Host::Api;
                skip = 0;
            } else {
                host = Host::StoreDomain;
                skip = 0;
            }
        }
    }
    let mut start = skip;
    let mut legacy = false;
    // Legacy store-domain API: /api/v2/... on a store's domain.
    if host == Host::StoreDomain && n >= skip + 2 && seg(skip) == b"api" && seg(skip + 1).eq_ignore_ascii_case(b"v2") {
        legacy = true;
        host = Host::Api;
        start = skip + 1;
    }
    // Where the path after the prefix starts in the original string (for the OAuth URL).
    let rest = if start < n { &target[segs.spans[start].0 as usize..base + path.len()] } else { "" };
    // The `.json` suffix of v2 paths.
    let mut json_suffix = false;
    if host == Host::Api && n > start + 1 && seg(start).eq_ignore_ascii_case(b"v2") && seg(n - 1).ends_with(b".json") {
        if seg(n - 1).len() == ".json".len() {
            return Err(invalid("`.json` is not a path segment"));
        }
        segs.spans[n - 1].1 -= ".json".len() as u16;
        json_suffix = true;
    }
    segs.start = start;
    Ok(ParsedTarget {
        host,
        store_hash,
        legacy,
        segments: segs,
        rest,
        had_query,
        had_fragment,
        trailing_slash,
        json_suffix,
    })
}

#[cfg(test)]
mod tests {
    use super::Segments;
    use crate::datafile::segkey;
    use proptest::prelude::*;

    proptest! {
        /// The word-at-a-time key of a segment is the key the build computed for the same text,
        /// wherever the segment sits in the target.
        #[test]
        fn segment_words_match_the_shared_key(path in "[a-z0-9/._-]{0,60}") {
            if let Some(s) = Segments::split(&path) {
                for i in 0..s.len() {
                    prop_assert_eq!(s.words(i), segkey::words(s.bytes(i)), "segment {} of {:?}", i, path);
                }
            }
        }
    }
}
