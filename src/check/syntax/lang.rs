//! The languages `check` reads, chosen by file extension.

use serde::Serialize;
use std::path::Path;

/// A source language `check` knows how to read.
///
/// ```
/// use bigcommerce_scopes::check::Language;
/// use std::path::Path;
/// assert_eq!(Language::from_path(Path::new("src/sync.tsx")), Some(Language::TypeScript));
/// assert_eq!(Language::from_path(Path::new("app/models/order.rb")), Some(Language::Ruby));
/// assert_eq!(Language::from_path(Path::new("logo.png")), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, strum::VariantArray)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// `.js`, `.jsx`, `.mjs`, `.cjs`, and the script of `.vue` / `.svelte` files.
    JavaScript,
    /// `.ts`, `.tsx`, `.mts`, `.cts`.
    TypeScript,
    /// `.php`.
    Php,
    /// `.py`.
    Python,
    /// `.rb`, `.rake`.
    Ruby,
    /// `.go`.
    Go,
    /// `.java`.
    Java,
    /// `.cs`.
    CSharp,
    /// `.rs`.
    Rust,
}

impl Language {
    /// The language of a file, from its extension.
    pub fn from_path(path: &Path) -> Option<Language> {
        let ext = path.extension()?.to_str()?;
        Some(match ext.to_ascii_lowercase().as_str() {
            "js" | "jsx" | "mjs" | "cjs" | "vue" | "svelte" => Language::JavaScript,
            "ts" | "tsx" | "mts" | "cts" => Language::TypeScript,
            "php" => Language::Php,
            "py" => Language::Python,
            "rb" | "rake" => Language::Ruby,
            "go" => Language::Go,
            "java" => Language::Java,
            "cs" => Language::CSharp,
            "rs" => Language::Rust,
            _ => return None,
        })
    }

    /// The name used in reports (`javascript`, `php`, …).
    pub fn name(self) -> &'static str {
        match self {
            Language::JavaScript => "javascript",
            Language::TypeScript => "typescript",
            Language::Php => "php",
            Language::Python => "python",
            Language::Ruby => "ruby",
            Language::Go => "go",
            Language::Java => "java",
            Language::CSharp => "csharp",
            Language::Rust => "rust",
        }
    }

    /// JavaScript or TypeScript.
    pub(crate) fn is_js(self) -> bool {
        matches!(self, Language::JavaScript | Language::TypeScript)
    }

    /// Whether code of `other` can call code of this language directly (JavaScript and
    /// TypeScript import each other).
    pub(crate) fn same_family(self, other: Language) -> bool {
        let js = |l: Language| matches!(l, Language::JavaScript | Language::TypeScript);
        self == other || (js(self) && js(other))
    }

    /// The operator that concatenates strings (`.` in PHP, `+` elsewhere).
    pub(crate) fn concat(self) -> &'static str {
        if self == Language::Php {
            "."
        } else {
            "+"
        }
    }
}
