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
/// assert_eq!(Language::from_path(Path::new("src/pages/index.astro")), Some(Language::TypeScript));
/// assert_eq!(Language::from_path(Path::new("logo.png")), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, strum::VariantArray)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// `.js`, `.jsx`, `.mjs`, `.cjs`, and the scripts of `.vue` / `.svelte` files (TypeScript when
    /// a script says `lang="ts"`).
    JavaScript,
    /// `.ts`, `.tsx`, `.mts`, `.cts`, and the frontmatter and scripts of `.astro` files.
    TypeScript,
    /// `.php` (`.blade.php` too), `.phtml`: the code between `<?php` and `?>`.
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

/// The extensions `check` reads, and the language of each (one table for [`Language::from_path`]
/// and for the list a warning names).
const EXTENSIONS: [(&str, Language); 20] = [
    ("js", Language::JavaScript),
    ("jsx", Language::JavaScript),
    ("mjs", Language::JavaScript),
    ("cjs", Language::JavaScript),
    ("vue", Language::JavaScript),
    ("svelte", Language::JavaScript),
    ("ts", Language::TypeScript),
    ("tsx", Language::TypeScript),
    ("mts", Language::TypeScript),
    ("cts", Language::TypeScript),
    ("astro", Language::TypeScript),
    ("php", Language::Php),
    ("phtml", Language::Php),
    ("py", Language::Python),
    ("rb", Language::Ruby),
    ("rake", Language::Ruby),
    ("go", Language::Go),
    ("java", Language::Java),
    ("cs", Language::CSharp),
    ("rs", Language::Rust),
];

/// Why a file named on the command line is not read: its extension is not one of a language
/// `check` reads (`shown` is the path as reports show it).
pub(crate) fn unsupported_file(shown: &str, path: &Path) -> String {
    let what = match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => format!(".{ext} is not a language the checker reads"),
        None => "a file without an extension is not read".to_owned(),
    };
    let known: Vec<String> = EXTENSIONS.iter().map(|(e, _)| format!(".{e}")).collect();
    format!("{shown}: not scanned: {what} (it reads {})", known.join(" "))
}

impl Language {
    /// The language of a file, from its extension.
    pub fn from_path(path: &Path) -> Option<Language> {
        let ext = path.extension()?.to_str()?;
        EXTENSIONS.iter().find(|(e, _)| e.eq_ignore_ascii_case(ext)).map(|&(_, l)| l)
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
