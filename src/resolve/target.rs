//! Turning a request target as code writes it into a host and path segments, refusing whatever
//! could make the route ambiguous. Nothing here allocates.

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
    /// Path segments; `start..end` are those after the host's fixed prefix (for legacy: starting
    /// with `v2`).
    pub segments: [&'a str; MAX_SEGMENTS],
    pub start: usize,
    pub end: usize,
    /// The path as written after the prefix (for the OAuth URL of a legacy request).
    pub rest: &'a str,
    /// What normalization dropped: query string, fragment, trailing slash, `.json`.
    pub had_query: bool,
    pub had_fragment: bool,
    pub json_suffix: bool,
}

const CONTROL: u8 = 1;
const QUERY: u8 = 2;
const FRAGMENT: u8 = 4;
const SUSPICIOUS: u8 = 8;
const HIGH: u8 = 16;

/// Byte classes for the first scan of a target.
static CLASS: [u8; 256] = {
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
    // One pass: user info, the port's colon, characters a host name cannot have, empty labels.
    let mut colon = None;
    let mut label_start = true;
    for (i, &c) in authority.as_bytes().iter().enumerate() {
        match c {
            b'@' => {
                return Err(invalid(
                    "URLs with user info (`user:password@host`) are refused: the host they reach is easy to misread",
                ))
            }
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
        return Err(invalid(format!(
            "host `{host}` is not one of BigCommerce's API hosts (api.bigcommerce.com, payments.bigcommerce.com, a store's domain)"
        )));
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

/// Parse and check a target. Never allocates.
pub(crate) fn parse<'a>(target: &'a str) -> Result<ParsedTarget<'a>, Error> {
    if target.len() > MAX_TARGET_LEN {
        return Err(invalid(format!("target is {} bytes long; the limit is {MAX_TARGET_LEN}", target.len())));
    }
    let target = target.trim_matches(' ');
    // One pass over the bytes with a class table: control characters and white space are refused
    // (non-ASCII text is checked char by char only when present); query, fragment and characters
    // that need a closer look are noted and located only when present.
    let bytes = target.as_bytes();
    let mut acc = 0u8;
    for &b in bytes {
        acc |= CLASS[b as usize];
    }
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
    let fragment_at = if acc & FRAGMENT != 0 { target.find('#') } else { None };
    let before_fragment = &target[..fragment_at.unwrap_or(target.len())];
    let query_at = if acc & QUERY != 0 { before_fragment.find('?') } else { None };
    let had_fragment = fragment_at.is_some();
    let had_query = query_at.is_some();
    let target = &before_fragment[..query_at.unwrap_or(before_fragment.len())];
    if target.is_empty() {
        return Err(invalid("target is empty"));
    }

    // Full URL, or a path.
    let scheme_end = scheme_end(target);
    let (class, authority, path) = if let Some(i) = scheme_end {
        let scheme = &target[..i];
        if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
            return Err(invalid(format!("scheme `{}` is not http or https", scheme.escape_debug())));
        }
        let rest = &target[i + 3..];
        let (authority, path) = match rest.find('/') {
            Some(j) => (&rest[..j], &rest[j..]),
            None => (rest, "/"),
        };
        let (class, host) = classify_host(authority)?;
        (Some(class), Some(host), path)
    } else if target.starts_with("//") {
        return Err(invalid("scheme-relative URLs (`//host/...`) are refused; write the scheme"));
    } else if target.contains(':')
        && !target.starts_with('/')
        && target.split('/').next().is_some_and(|s| s.contains(':'))
    {
        return Err(invalid("target is neither a URL with http(s) nor a path"));
    } else {
        (None, None, target)
    };

    let path = path.strip_prefix('/').unwrap_or(path);
    let path = path.strip_suffix('/').unwrap_or(path);

    // `%`, `.` or `\\` in the path (not the host) call for a closer look at each segment.
    // `%` or `\\` anywhere (rare) call for a closer look at every segment; dot segments are caught by
    // their length.
    let suspicious = acc & SUSPICIOUS != 0;
    let mut segs = [""; MAX_SEGMENTS];
    let mut n = 0;
    let mut push = |s: &'a str| -> Result<(), Error> {
        if n == MAX_SEGMENTS {
            return Err(Error::new(
                ErrorKind::UnknownEndpoint,
                format!("path has more than {MAX_SEGMENTS} segments; no documented route is that deep"),
            ));
        }
        if s.len() <= 2 && s.bytes().all(|b| b == b'.') {
            if s.is_empty() {
                return Err(invalid("empty path segments (`//`) are refused"));
            }
            return Err(invalid(
                "dot segments (`.` and `..`) are refused: they can climb out of the resource the path names",
            ));
        }
        if suspicious {
            check_segment(s)?;
        }
        segs[n] = s;
        n += 1;
        Ok(())
    };
    if !path.is_empty() {
        let mut from = 0;
        for (i, &c) in path.as_bytes().iter().enumerate() {
            if c == b'/' {
                push(&path[from..i])?;
                from = i + 1;
            }
        }
        push(&path[from..])?;
    }
    let all = &segs[..n];
    let eq = |i: usize, lit: &str| all.get(i).is_some_and(|s| *s == lit);
    let is_version = |s: &str| {
        s.len() >= 2
            && (s.as_bytes()[0] == b'v' || s.as_bytes()[0] == b'V')
            && s[1..].bytes().all(|b| b.is_ascii_digit())
    };

    let mut host;
    let mut store_hash = None;
    let skip: usize;
    match class {
        Some(HostClass::Gateway) | Some(HostClass::Payments) => {
            if !eq(0, "stores") || n < 2 {
                return Err(invalid(format!(
                    "paths on {} start with /stores/{{store_hash}}/",
                    authority.unwrap_or_default()
                )));
            }
            store_hash = Some(all[1]);
            host = if matches!(class, Some(HostClass::Gateway)) { Host::Api } else { Host::Payments };
            skip = 2;
        }
        Some(HostClass::StoreDomain(hash)) => {
            // Store-management paths on a host that is not BigCommerce's gateway: a look-alike host
            // (`api.bigcommerce.com.evil.example`) or a misconfigured base URL. Never guess.
            if eq(0, "stores") || all.first().is_some_and(|s| is_version(s)) {
                return Err(invalid(format!(
                    "host `{}` is not api.bigcommerce.com: store-management paths (/stores/..., /v2, /v3) are served only from https://api.bigcommerce.com",
                    authority.unwrap_or_default().escape_debug()
                )));
            }
            host = Host::StoreDomain;
            store_hash = hash;
            skip = 0;
        }
        None => {
            if eq(0, "stores") && n >= 2 {
                store_hash = Some(all[1]);
                // `/stores/{hash}/v3/...` is the gateway; `/stores/{hash}/payments` the payments host.
                host = if all.get(2).is_some_and(|s| is_version(s)) { Host::Api } else { Host::Payments };
                skip = 2;
            } else if all.first().is_some_and(|s| is_version(s)) {
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
    if host == Host::StoreDomain && n >= skip + 2 && segs[skip] == "api" && segs[skip + 1].eq_ignore_ascii_case("v2") {
        legacy = true;
        host = Host::Api;
        start = skip + 1;
    }
    // Where the path after the prefix starts in the original string (for the OAuth URL).
    let rest = if start < n { &path[segs[start].as_ptr() as usize - path.as_ptr() as usize..] } else { "" };
    // The `.json` suffix of v2 paths.
    let mut json_suffix = false;
    if host == Host::Api && n > start + 1 && segs[start].eq_ignore_ascii_case("v2") {
        if let Some(stripped) = segs[n - 1].strip_suffix(".json") {
            if stripped.is_empty() {
                return Err(invalid("`.json` is not a path segment"));
            }
            segs[n - 1] = stripped;
            json_suffix = true;
        }
    }
    Ok(ParsedTarget {
        host,
        store_hash,
        legacy,
        segments: segs,
        start,
        end: n,
        rest,
        had_query,
        had_fragment,
        json_suffix,
    })
}
