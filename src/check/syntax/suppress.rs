//! Suppression comments: `bc-scopes: ignore` and `bc-scopes: ignore[kind, …] reason`. A leaf:
//! it knows the comment syntax and nothing else.

use std::sync::LazyLock;

/// A suppression comment: `bc-scopes: ignore` or `bc-scopes: ignore[kind, kind]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Comment {
    pub line: u32,
    /// The finding kinds named; empty for all.
    pub kinds: Vec<String>,
    /// Text after the directive, if any.
    pub reason: Option<String>,
}

/// The suppression comments of a file (any line containing `bc-scopes: ignore`).
pub(crate) fn comments(src: &str) -> Vec<Comment> {
    static RE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"bc-scopes:\s*ignore(?:\[([A-Za-z_, -]*)\])?(?:[\s:—-]+(.*))?").expect("valid regex")
    });
    let mut out = Vec::new();
    if memchr::memmem::find(src.as_bytes(), b"bc-scopes:").is_none() {
        return out;
    }
    for (i, line) in src.lines().enumerate() {
        if let Some(c) = RE.captures(line) {
            let kinds = c
                .get(1)
                .map(|k| k.as_str().split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect())
                .unwrap_or_default();
            let reason = c
                .get(2)
                .map(|r| r.as_str().trim().trim_end_matches("*/").trim_end_matches("-->").trim().to_owned())
                .filter(|r| !r.is_empty());
            out.push(Comment { line: i as u32 + 1, kinds, reason });
        }
    }
    out
}
