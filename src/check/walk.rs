//! Walking the scanned paths like ripgrep does (`.gitignore`, `.ignore`, hidden files), in
//! parallel, with a cheap prefilter: only files that mention BigCommerce (or `/v3/`, `/v2/`, …)
//! are tokenized. Binary, very large and unreadable files, symbolic links and walk errors are
//! recorded, never fatal. Which paths are left out, and the size limit, are the [`WalkPolicy`]'s.

use super::index::Source;
use super::syntax::embedded::Template;
use super::syntax::lang::{self, Language};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use ignore::{WalkBuilder, WalkState};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{LazyLock, Mutex};

/// Files larger than this are skipped unless the configuration says otherwise (generated bundles).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 4 * 1024 * 1024;
/// How much of a file is checked for NUL bytes to decide that it is binary.
const BINARY_PROBE: usize = 8192;

/// Any of these makes a file worth tokenizing.
const MARKERS: [&str; 15] = [
    "/graphql",
    "/v3/",
    "/v2/",
    "/v3'",
    "/v3\"",
    "/v3`",
    "/v2'",
    "/v2\"",
    "/v2`",
    "bigcommerce",
    "/api/storefront",
    "current.jwt",
    "/login/token",
    "x-auth-token",
    "/stores/",
];
/// Any of these says the file is about BigCommerce.
const STRONG: [&str; 7] =
    ["bigcommerce", "x-auth-token", "store_hash", "storehash", "store-hash", "/api/storefront", "current.jwt"];

/// The markers in the spellings code uses (a case-sensitive search is several times faster than a
/// case-insensitive one, and this is the one search that runs over every byte).
fn marker_spellings() -> Vec<String> {
    let mut patterns: Vec<String> = Vec::new();
    for m in MARKERS {
        patterns.push(m.to_owned());
        if m.bytes().any(|c| c.is_ascii_alphabetic()) {
            patterns.push(m.to_ascii_uppercase());
            let mut title = String::new();
            let mut up = true;
            for c in m.chars() {
                title.push(if up { c.to_ascii_uppercase() } else { c });
                up = !c.is_ascii_alphanumeric();
            }
            patterns.push(title);
        }
    }
    patterns.extend(["BigCommerce", "Bigcommerce", "bigCommerce", "X-Auth-token"].map(str::to_owned));
    patterns.sort();
    patterns.dedup();
    patterns
}

/// The bytes that may follow a version prefix in a marker (`/v3/`, `/v3'`, `/v3"`, `/v3``).
const AFTER_VERSION: [u8; 4] = [b'/', b'\'', b'"', b'`'];

/// The search for [`marker_spellings`], with the sixteen spellings of `/v2` and `/v3` followed by
/// a quote or slash searched as their four prefixes (checked after a hit): at most 32 patterns let
/// the searcher use its narrow, twice as fast, vector form.
static PREFILTER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let mut patterns: Vec<String> = marker_spellings()
        .into_iter()
        .map(|p| match p.as_bytes() {
            [b'/', b'v' | b'V', b'2' | b'3', c] if AFTER_VERSION.contains(c) => p[..3].to_owned(),
            _ => p,
        })
        .collect();
    patterns.sort();
    patterns.dedup();
    AhoCorasickBuilder::new()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(patterns)
        .expect("valid patterns")
});

/// The documented root segments most paths handed to a wrapper or held by a request class start
/// with (`this.get('catalog/products')`, `Path => "orders"`): such a file names no host or
/// version. Searched in quotes, 32 patterns (the narrow searcher), in the files the markers missed.
const ROOTS: [&str; 16] = [
    "catalog",
    "orders",
    "customers",
    "carts",
    "checkouts",
    "channels",
    "content",
    "inventory",
    "pricelists",
    "promotions",
    "hooks",
    "shipping",
    "storefront",
    "products",
    "coupons",
    "segments",
];

static ROOT_FILTER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let patterns: Vec<String> = ROOTS.iter().flat_map(|r| [format!("'{r}"), format!("\"{r}")]).collect();
    AhoCorasickBuilder::new().build(patterns).expect("valid patterns")
});

/// The bytes after a root segment that make it a path's first segment.
const AFTER_ROOT: [u8; 6] = [b'/', b'\'', b'"', b'`', b'?', b'.'];

/// Whether `bytes` contains one of the [`marker_spellings`], or a quoted path starting with one of
/// the [`ROOTS`].
fn has_marker(bytes: &[u8]) -> bool {
    let mut input = aho_corasick::Input::new(bytes);
    while let Some(m) = PREFILTER.find(input.clone()) {
        // A version prefix is a marker only when a slash or quote follows; other hits are whole
        // markers. No other pattern starts where a version prefix does, so each start is seen.
        let version = m.end() - m.start() == 3 && bytes[m.start() + 1].eq_ignore_ascii_case(&b'v');
        if !version || bytes.get(m.end()).is_some_and(|c| AFTER_VERSION.contains(c)) {
            return true;
        }
        input.set_start(m.start() + 1);
    }
    ROOT_FILTER.find_iter(bytes).any(|m| bytes.get(m.end()).is_some_and(|c| AFTER_ROOT.contains(c)))
}
static STRONG_FILTER: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasickBuilder::new().ascii_case_insensitive(true).build(STRONG).expect("valid patterns"));

/// Why a file was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    /// It has NUL bytes near its start.
    Binary,
    /// It is larger than the size limit.
    TooLarge,
    /// It could not be read.
    Unreadable,
    /// A symbolic link, not followed.
    Symlink,
    /// The walk reported an error here (a symbolic-link loop, a directory that cannot be read).
    WalkError,
    /// The call extractor failed on this file (a defect: please report it).
    ExtractorError,
}

/// A file (or directory) that was skipped.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SkippedFile {
    /// Path relative to the root.
    pub path: String,
    /// Why.
    pub reason: SkipReason,
    /// Details (the error, the size).
    pub detail: Option<String>,
}

/// Everything the walk found.
#[derive(Debug, Default)]
pub(crate) struct Walked {
    /// The files that passed the prefilter, sorted by path.
    pub sources: Vec<Source>,
    pub skipped: Vec<SkippedFile>,
    pub files_scanned: u64,
    pub bytes_scanned: u64,
    /// Files named on the command line that are in no language the checker reads.
    pub warnings: Vec<String>,
}

/// How to walk.
#[derive(Debug, Clone)]
pub(crate) struct WalkOptions {
    /// The directory reported paths are relative to (absolute).
    pub root: PathBuf,
    /// The paths to walk (absolute).
    pub paths: Vec<PathBuf>,
    pub follow_links: bool,
    pub threads: usize,
}

/// What the walk may enter and read, asked for every file and directory it reaches.
pub(crate) trait WalkPolicy: Sync {
    /// `None` to leave `path` out (and, for a directory, all below it); else the size limit of
    /// a file there.
    fn admit(&self, path: &Path, is_dir: bool) -> Option<u64>;
}

/// `path` relative to `root` (`../` where it is outside), with `/` separators.
pub(crate) fn relative(root: &Path, path: &Path) -> String {
    let rel = pathdiff::diff_paths(path, root).unwrap_or_else(|| path.to_path_buf());
    let s: Vec<String> = rel
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if s.is_empty() {
        ".".to_owned()
    } else if rel.is_absolute() {
        rel.to_string_lossy().replace('\\', "/")
    } else {
        s.join("/")
    }
}

/// Walk, and read the files that pass the prefilter.
pub(crate) fn walk(opts: &WalkOptions, policy: &dyn WalkPolicy) -> Result<Walked, crate::Error> {
    let mut paths = opts.paths.iter();
    let first = paths.next().cloned().unwrap_or_else(|| opts.root.clone());
    let mut builder = WalkBuilder::new(&first);
    for p in paths {
        builder.add(p);
    }
    builder
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(true)
        .ignore(true)
        .parents(true)
        .require_git(false)
        .follow_links(opts.follow_links)
        .threads(opts.threads);
    let results: Mutex<Vec<Source>> = Mutex::new(Vec::new());
    let skipped: Mutex<Vec<SkippedFile>> = Mutex::new(Vec::new());
    let warnings: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let files_scanned = AtomicU64::new(0);
    let bytes_scanned = AtomicU64::new(0);
    let skip = |path: &Path, reason: SkipReason, detail: Option<String>| {
        let path = relative(&opts.root, path);
        skipped.lock().expect("no panics while holding the lock").push(SkippedFile { path, reason, detail });
    };
    builder.build_parallel().run(|| {
        let (results, files_scanned, bytes_scanned, skip) = (&results, &files_scanned, &bytes_scanned, &skip);
        let warnings = &warnings;
        // One read buffer per thread, reused for every file it reads.
        let mut buf: Vec<u8> = Vec::new();
        Box::new(move |entry| {
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    let path = walk_error_path(&err).unwrap_or_default();
                    skip(&path, SkipReason::WalkError, Some(err.to_string()));
                    return WalkState::Continue;
                }
            };
            let Some(ft) = entry.file_type() else { return WalkState::Continue };
            if entry.path_is_symlink() && !opts.follow_links && entry.depth() > 0 {
                skip(entry.path(), SkipReason::Symlink, None);
                return WalkState::Continue;
            }
            if ft.is_dir() {
                // A directory left out is not entered (the paths named are always entered).
                return match policy.admit(entry.path(), true) {
                    None if entry.depth() > 0 => WalkState::Skip,
                    _ => WalkState::Continue,
                };
            }
            let Some(language) = Language::from_path(entry.path()) else {
                // A file found in a directory is passed over silently; one named is not.
                if entry.depth() == 0 {
                    let shown = relative(&opts.root, entry.path());
                    let w = lang::unsupported_file(&shown, entry.path());
                    warnings.lock().expect("no panics while holding the lock").push(w);
                }
                return WalkState::Continue;
            };
            if !(ft.is_file() || (ft.is_symlink() && opts.follow_links)) && entry.depth() > 0 {
                return WalkState::Continue;
            }
            let Some(max) = policy.admit(entry.path(), false) else { return WalkState::Continue };
            match scan_file(entry.path(), language, max, &mut buf) {
                Scan::Skipped(reason, detail) => skip(entry.path(), reason, detail),
                Scan::Read { bytes, result } => {
                    files_scanned.fetch_add(1, Ordering::Relaxed);
                    bytes_scanned.fetch_add(bytes, Ordering::Relaxed);
                    if let Some(mut r) = result {
                        r.path = relative(&opts.root, entry.path());
                        r.abs = entry.path().to_path_buf();
                        results.lock().expect("no panics while holding the lock").push(r);
                    }
                }
            }
            WalkState::Continue
        })
    });
    let mut sources = results.into_inner().expect("no panics while holding the lock");
    sources.sort_by(|a, b| a.path.cmp(&b.path));
    let mut skipped = skipped.into_inner().expect("no panics while holding the lock");
    skipped.sort();
    skipped.dedup();
    let mut warnings = warnings.into_inner().expect("no panics while holding the lock");
    warnings.sort();
    warnings.dedup();
    Ok(Walked {
        sources,
        skipped,
        files_scanned: files_scanned.into_inner(),
        bytes_scanned: bytes_scanned.into_inner(),
        warnings,
    })
}

fn walk_error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => walk_error_path(err),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        ignore::Error::Partial(errs) => errs.iter().find_map(walk_error_path),
        _ => None,
    }
}

enum Scan {
    Skipped(SkipReason, Option<String>),
    Read { bytes: u64, result: Option<Source> },
}

/// Read `path` into `buf` (replacing its contents), or say why not: the size is checked before
/// reading, as `std::fs::metadata` then `std::fs::read` would, with one `open` and one `fstat`.
fn read_file(path: &Path, max: u64, buf: &mut Vec<u8>) -> Result<(), Scan> {
    use std::io::Read;
    let too_large = |len: u64| Scan::Skipped(SkipReason::TooLarge, Some(format!("{len} bytes (limit {max})")));
    let unreadable = |e: std::io::Error| Scan::Skipped(SkipReason::Unreadable, Some(e.to_string()));
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        // The same answers as before, in the same order: the size first, then the error.
        Err(open_err) => {
            return Err(match std::fs::metadata(path) {
                Ok(m) if m.len() > max => too_large(m.len()),
                Ok(_) => unreadable(open_err),
                Err(e) => unreadable(e),
            })
        }
    };
    let len = match file.metadata() {
        Ok(m) if m.len() > max => return Err(too_large(m.len())),
        Ok(m) => m.len(),
        Err(e) => return Err(unreadable(e)),
    };
    buf.clear();
    // One more byte than the size, so that reading to the end does not grow the buffer.
    buf.reserve(usize::try_from(len).unwrap_or(0).saturating_add(1));
    file.read_to_end(buf).map_err(unreadable)?;
    Ok(())
}

/// Read one file and keep it if it passes the prefilter.
fn scan_file(path: &Path, language: Language, max: u64, buf: &mut Vec<u8>) -> Scan {
    if let Err(skipped) = read_file(path, max, buf) {
        return skipped;
    }
    sift(path, buf, language, max)
}

/// One source text given whole (standard input, standing for the file `abs`), as a walk that
/// found it: sifted like a file read from disk. A name of no language the checker reads is a
/// warning.
pub(crate) fn from_text(root: &Path, abs: &Path, text: &str) -> Walked {
    let path = relative(root, abs);
    let Some(language) = Language::from_path(abs) else {
        let warnings = vec![format!("{path}: not scanned: the checker reads no language with this file name")];
        return Walked { warnings, ..Walked::default() };
    };
    let mut walked = Walked { files_scanned: 1, bytes_scanned: text.len() as u64, ..Walked::default() };
    match sift(abs, text.as_bytes(), language, u64::MAX) {
        Scan::Read { result: Some(mut source), .. } => {
            source.path = path;
            source.abs = abs.to_path_buf();
            walked.sources.push(source);
        }
        Scan::Skipped(reason, detail) => walked.skipped.push(SkippedFile { path, reason, detail }),
        Scan::Read { result: None, .. } => {}
    }
    walked
}

/// Keep a file's text if it passes the prefilter (binary and oversized texts are skipped).
fn sift(path: &Path, bytes: &[u8], language: Language, max: u64) -> Scan {
    if bytes.len() as u64 > max {
        return Scan::Skipped(SkipReason::TooLarge, Some(format!("{} bytes (limit {max})", bytes.len())));
    }
    if memchr::memchr(0, &bytes[..bytes.len().min(BINARY_PROBE)]).is_some() {
        return Scan::Skipped(SkipReason::Binary, None);
    }
    let n = bytes.len() as u64;
    let suppressions = memchr::memmem::find(bytes, b"bc-scopes:").is_some();
    if !has_marker(bytes) && !suppressions {
        return Scan::Read { bytes: n, result: None };
    }
    // Valid UTF-8 is checked fast; invalid bytes become U+FFFD.
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    };
    // A template is read for the code it embeds, and the prefilter applies to that code alone.
    let (language, text) = match Template::from_path(path) {
        None => (language, text),
        Some(t) => match t.code(&text) {
            Some((l, code))
                if has_marker(code.as_bytes()) || memchr::memmem::find(code.as_bytes(), b"bc-scopes:").is_some() =>
            {
                (l, code)
            }
            _ => return Scan::Read { bytes: n, result: None },
        },
    };
    let strong = STRONG_FILTER.find(text.as_bytes()).is_some();
    Scan::Read { bytes: n, result: Some(Source::new(String::new(), language, text, strong)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The language and text `scan_file` keeps for a file written with `text`, if it keeps it.
    fn kept(name: &str, text: &str) -> Option<(Language, String)> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let language = Language::from_path(&path).unwrap();
        match scan_file(&path, language, DEFAULT_MAX_FILE_SIZE, &mut Vec::new()) {
            Scan::Read { result, .. } => result.map(|s| (s.language, s.text)),
            Scan::Skipped(..) => panic!("skipped"),
        }
    }

    #[test]
    fn the_prefilter_reads_the_code_a_template_embeds() {
        // BigCommerce named only in the markup: nothing to tokenize.
        assert_eq!(kept("Logo.vue", "<template><img alt=\"BigCommerce\" src=\"/v3/logo.png\"></template>\n<script>\nexport default {};\n</script>\n"), None);
        let (language, text) =
            kept("Orders.vue", "<template><p/></template>\n<script lang=\"ts\">\nfetch('/v3/orders');\n</script>\n")
                .unwrap();
        assert_eq!((language, text.trim()), (Language::TypeScript, "fetch('/v3/orders');"));
        // A PHP template without PHP holds no code.
        assert_eq!(kept("view.phtml", "<p>BigCommerce /v3/orders</p>\n"), None);
        assert_eq!(kept("view.phtml", "<p><?= $c->get('/v3/orders') ?></p>\n").map(|(l, _)| l), Some(Language::Php));
    }
}
