//! The YAML front matter each page starts with, for static-site generators (Docusaurus, Astro,
//! Hugo, MkDocs, Nextra …).

use schemars::JsonSchema;
use serde::Serialize;

/// A page's front matter: written between `---` lines at the top of the page, each value a
/// double-quoted YAML string.
///
/// ```
/// let pages = bigcommerce_scopes::export::markdown_pages();
/// let cart = pages.iter().find(|p| p.path == "scopes/store_cart.md").unwrap();
/// assert_eq!(cart.front_matter.slug, "scopes/store_cart");
/// assert!(cart.contents.starts_with("---\ntitle: \"store_cart\"\ndescription: "));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FrontMatter {
    /// The page's title, without Markdown.
    pub title: String,
    /// One line on what the page holds, without Markdown.
    pub description: String,
    /// The page's path without `.md` (`index`, `oauth-scopes`, `apis/payments`,
    /// `scopes/store_cart`), relative to where the pages are published.
    pub slug: String,
}

impl FrontMatter {
    /// The front matter as YAML between `---` lines, followed by a blank line.
    pub(super) fn render(&self) -> String {
        let mut out = String::from("---\n");
        for (key, value) in [("title", &self.title), ("description", &self.description), ("slug", &self.slug)] {
            // A JSON string is a valid double-quoted YAML scalar, and stays on one line.
            let quoted = serde_json::to_string(&one_line(value)).expect("a string serializes");
            out.push_str(&format!("{key}: {quoted}\n"));
        }
        out.push_str("---\n\n");
        out
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_quoted_and_on_one_line() {
        let fm = FrontMatter { title: "a: \"b\"".into(), description: "x\ny  z".into(), slug: "s".into() };
        assert_eq!(fm.render(), "---\ntitle: \"a: \\\"b\\\"\"\ndescription: \"x y z\"\nslug: \"s\"\n---\n\n");
    }
}
