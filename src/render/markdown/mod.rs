//! Markdown reference pages: the OAuth scope table, the account-type matrix, a page per API and a
//! page per scope.
//!
//! The pages are CommonMark with GitHub-flavoured tables, and safe for MDX: text from the data is
//! escaped outside code spans (`\{`, `\}`, `\*`, `\[`, `\]`, `&lt;`), table cells never hold a raw
//! newline, and pipes inside cells are escaped as `\|`.

mod front_matter;
mod labels;
mod pages;
mod text;

pub use front_matter::FrontMatter;

use crate::export::route_entries;
use crate::{Api, ApiInfo, OpenApiSnapshot, Operation, RequirementKind, Route, Scope, ScopeInfo};
use labels::*;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use text::*;

/// One Markdown page of the reference set.
///
/// ```
/// let pages = bigcommerce_scopes::export::markdown_pages();
/// let table = pages.iter().find(|p| p.path == "oauth-scopes.md").unwrap();
/// assert_eq!(table.title, "OAuth scopes");
/// assert!(table.contents.starts_with("---\ntitle: \"OAuth scopes\"\n"));
/// assert!(table.contents.contains("---\n\n# OAuth scopes\n"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MarkdownPage {
    /// Path of the page relative to the output folder, with `/` separators (`index.md`,
    /// `oauth-scopes.md`, `account-types.md`, `apis/{api id}.md`, `scopes/{scope name}.md`).
    pub path: String,
    /// The page's title (its first heading, without Markdown).
    pub title: String,
    /// The page's front matter, which `contents` starts with.
    pub front_matter: FrontMatter,
    /// The page, in Markdown, ending with a newline: the front matter between `---` lines, then
    /// the page.
    pub contents: String,
}

/// Every reference page, with relative links between them: `index.md` first, then
/// `oauth-scopes.md` (the scope table), `account-types.md` (the account-type matrix), one page per
/// API (`apis/{id}.md`, sorted by id) and one per scope (`scopes/{name}.md`, sorted by name).
///
/// ```
/// let pages = bigcommerce_scopes::export::markdown_pages();
/// assert_eq!(pages[0].path, "index.md");
/// assert!(pages.iter().any(|p| p.path == "apis/rest-management.md"));
/// assert!(pages.iter().any(|p| p.path == "scopes/store_cart.md"));
/// ```
pub fn markdown_pages() -> Vec<MarkdownPage> {
    let site = Site::new();
    site.pages().into_iter().map(|page| site.render(page, Mode::Files)).collect()
}

/// Every reference page in one Markdown document (what `bc-scopes export markdown` prints without
/// `--out`): the pages of [`markdown_pages`] in the same order, each under an HTML anchor
/// (`<a id="scope-store_cart"></a>`, `api-rest-management`, `oauth-scopes`, `account-types`), with
/// their headings one level down and links pointing at those anchors. The document starts with one
/// front matter, the index page's (the pages' own front matter is left out).
///
/// ```
/// let mut buf = Vec::new();
/// bigcommerce_scopes::export::write_markdown(&mut buf).unwrap();
/// let doc = String::from_utf8(buf).unwrap();
/// assert!(doc.starts_with("---\ntitle: \"BigCommerce API reference\"\n"));
/// assert!(doc.contains("---\n\n# BigCommerce API reference\n"));
/// assert_eq!(doc.matches("\nslug: ").count(), 1);
/// assert!(doc.contains("<a id=\"scope-store_cart\"></a>\n\n## `store_cart`\n"));
/// ```
pub fn write_markdown<W: Write>(mut out: W) -> io::Result<()> {
    let site = Site::new();
    for (i, page) in site.pages().into_iter().enumerate() {
        let page = site.render(page, Mode::Combined);
        if i > 0 {
            out.write_all(b"\n")?;
        }
        let contents = match i {
            0 => page.contents.as_str(),
            _ => page.contents.strip_prefix(page.front_matter.render().as_str()).unwrap_or(&page.contents),
        };
        out.write_all(contents.as_bytes())?;
    }
    out.flush()
}

/// Write every page of [`markdown_pages`] under `dir`, creating it and its `apis/` and `scopes/`
/// folders as needed; returns the paths written. Files of the same names are overwritten; other
/// files in `dir` are left alone.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("bc-scopes-doc-{}", std::process::id()));
/// let written = bigcommerce_scopes::export::write_markdown_dir(&dir).unwrap();
/// assert!(written.contains(&dir.join("index.md")));
/// std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn write_markdown_dir(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for page in markdown_pages() {
        let path = page.path.split('/').fold(dir.to_path_buf(), |p, part| p.join(part));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, page.contents.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

// ---- pages and links ------------------------------------------------------------------------

/// A page of the set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    Index,
    ScopeTable,
    AccountTypes,
    Api(Api),
    Scope(Scope),
}

impl Page {
    fn path(self) -> String {
        match self {
            Page::Index => "index.md".to_owned(),
            Page::ScopeTable => "oauth-scopes.md".to_owned(),
            Page::AccountTypes => "account-types.md".to_owned(),
            Page::Api(a) => format!("apis/{}.md", a.id()),
            Page::Scope(s) => format!("scopes/{}.md", s.name()),
        }
    }

    fn anchor(self) -> String {
        match self {
            Page::Index => "index".to_owned(),
            Page::ScopeTable => "oauth-scopes".to_owned(),
            Page::AccountTypes => "account-types".to_owned(),
            Page::Api(a) => format!("api-{}", a.id()),
            Page::Scope(s) => format!("scope-{}", s.name()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// One file per page, relative links.
    Files,
    /// One document, anchors.
    Combined,
}

/// The data every page draws on, computed once.
struct Site {
    routes: Vec<crate::export::RouteEntry>,
    /// Scopes sorted by name.
    scopes: Vec<&'static ScopeInfo>,
    /// APIs sorted by id.
    apis: Vec<&'static ApiInfo>,
}

/// A page being written.
struct Out<'a> {
    site: &'a Site,
    page: Page,
    mode: Mode,
    text: String,
}

impl Site {
    fn new() -> Site {
        let mut scopes: Vec<_> = Scope::all().iter().collect();
        scopes.sort_by_key(|s| s.name);
        let mut apis: Vec<_> = Api::all().iter().collect();
        apis.sort_by_key(|a| a.id);
        Site { routes: route_entries(), scopes, apis }
    }

    fn pages(&self) -> Vec<Page> {
        let mut pages = vec![Page::Index, Page::ScopeTable, Page::AccountTypes];
        pages.extend(self.apis.iter().map(|a| Page::Api(a.api)));
        pages.extend(self.scopes.iter().map(|s| Page::Scope(s.scope)));
        pages
    }

    fn render(&self, page: Page, mode: Mode) -> MarkdownPage {
        let mut out = Out { site: self, page, mode, text: String::new() };
        if mode == Mode::Combined && page != Page::Index {
            let _ = write!(out.text, "<a id=\"{}\"></a>\n\n", page.anchor());
        }
        let title = match page {
            Page::Index => out.index(),
            Page::ScopeTable => out.scope_table(),
            Page::AccountTypes => out.account_types(),
            Page::Api(a) => out.api(a.info()),
            Page::Scope(s) => out.scope(s.info()),
        };
        if mode == Mode::Files && page != Page::Index {
            let footer = format!(
                "---\n\nData version {} · {}",
                OpenApiSnapshot::data_version(),
                out.link(Page::Index, "All pages")
            );
            out.para(&footer);
        }
        let path = page.path();
        let front_matter = FrontMatter {
            title: title.clone(),
            description: self.description(page),
            slug: path.strip_suffix(".md").unwrap_or(&path).to_owned(),
        };
        // Exactly one newline at the end.
        let contents = format!("{}{}\n", front_matter.render(), out.text.trim_end());
        MarkdownPage { path, title, front_matter, contents }
    }

    /// One line on what a page holds, for its front matter.
    fn description(&self, page: Page) -> String {
        match page {
            Page::Index => "OAuth scopes, API accounts, auth schemes and every documented REST route of BigCommerce's \
                            APIs, with the least-privileged scope of each operation."
                .to_owned(),
            Page::ScopeTable => {
                "Every BigCommerce OAuth scope: UI name, permission, parameter, description and resources.".to_owned()
            }
            Page::AccountTypes => {
                "Which kind of BigCommerce API account supports which API, and how each kind works.".to_owned()
            }
            Page::Api(a) => a.info().description.to_owned(),
            Page::Scope(s) => s.info().description.to_owned(),
        }
    }

    /// The operations a scope authorizes: it satisfies one of the accepted scopes; the `default`
    /// scope authorizes the operations that need only the default scope.
    fn reached_by(&self, scope: Scope) -> Vec<(&'static Route, &'static Operation)> {
        self.routes
            .iter()
            .flat_map(|r| r.operations.iter().map(move |o| (r.route, *o)))
            .filter(|(_, o)| reaches(scope, o))
            .collect()
    }
}

fn reaches(scope: Scope, op: &Operation) -> bool {
    match op.requirement {
        RequirementKind::Scope => op.accepted.iter().any(|a| scope.satisfies(*a)),
        RequirementKind::DefaultScope => scope == Scope::Default,
        RequirementKind::None => false,
    }
}

impl Out<'_> {
    /// A heading: `level` 1 is the page title (one level deeper in the combined document).
    fn heading(&mut self, level: usize, markdown: &str) {
        let level = if self.mode == Mode::Combined && self.page != Page::Index { level + 1 } else { level };
        let hashes = "#".repeat(level.min(6));
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
        let _ = write!(self.text, "{hashes} {markdown}\n\n");
    }

    fn para(&mut self, markdown: &str) {
        self.text.push_str(markdown);
        self.text.push_str("\n\n");
    }

    /// `- **Label:** value` lines; entries with an empty value are left out.
    fn fields(&mut self, fields: &[(&str, String)]) {
        let mut any = false;
        for (label, value) in fields.iter().filter(|(_, v)| !v.is_empty()) {
            let _ = writeln!(self.text, "- **{label}:** {value}");
            any = true;
        }
        if any {
            self.text.push('\n');
        }
    }

    /// A bulleted list of data texts.
    fn bullets<S: AsRef<str>>(&mut self, items: impl IntoIterator<Item = S>) {
        for item in items {
            let _ = writeln!(self.text, "- {}", text(item.as_ref()));
        }
        self.text.push('\n');
    }

    /// A section with a bulleted list, left out when the list is empty.
    fn list_section(&mut self, title: &str, items: &[&str]) {
        if !items.is_empty() {
            self.heading(2, title);
            self.bullets(items.iter().copied());
        }
    }

    fn sources(&mut self, list: &[&str]) {
        if !list.is_empty() {
            self.heading(2, "Sources");
            for s in sources(list) {
                let _ = writeln!(self.text, "- {s}");
            }
            self.text.push('\n');
        }
    }

    fn table(&mut self, table: &Table) {
        self.text.push_str(&table.render());
        self.text.push('\n');
    }

    /// A link to another page (or to an anchor of the combined document).
    fn link(&self, to: Page, markdown: &str) -> String {
        let target = match self.mode {
            Mode::Combined => format!("#{}", to.anchor()),
            Mode::Files => relative(&self.page.path(), &to.path()),
        };
        format!("[{markdown}]({target})")
    }

    fn scope_link(&self, s: Scope) -> String {
        self.link(Page::Scope(s), &code(s.name()))
    }

    fn scope_links(&self, scopes: &[Scope]) -> String {
        scopes.iter().map(|s| self.scope_link(*s)).collect::<Vec<_>>().join(", ")
    }

    fn api_link(&self, api: Api) -> String {
        self.link(Page::Api(api), &text(api.info().name))
    }

    /// What an operation needs, for a table cell.
    fn least(&self, op: &Operation) -> String {
        match (op.requirement, op.least) {
            (RequirementKind::Scope, Some(s)) => self.scope_link(s),
            (RequirementKind::Scope, None) => "scope not named".to_owned(),
            (RequirementKind::DefaultScope, _) => self.scope_link(Scope::Default),
            (RequirementKind::None, _) => "none".to_owned(),
        }
    }
}

/// The path of page `to` relative to the folder of page `from` (both relative to the output folder).
fn relative(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> =
        from.split('/').collect::<Vec<_>>().split_last().map(|(_, d)| d.to_vec()).unwrap_or_default();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir.iter().zip(&to_parts).take_while(|(a, b)| a == b).count();
    let mut parts = vec![".."; from_dir.len() - common];
    parts.extend(&to_parts[common..]);
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Method;

    #[test]
    fn text_escapes_outside_code_spans_only() {
        assert_eq!(text("a {b} `c {d}` e*f"), "a \\{b\\} `c {d}` e\\*f");
        assert_eq!(text("x < y\nz"), "x &lt; y z");
        assert_eq!(text("odd ` tick"), "odd \\` tick");
        assert_eq!(text("store_cart [1]"), "store_cart \\[1\\]");
    }

    #[test]
    fn cells_escape_pipes_and_newlines() {
        let mut t = Table::new(&["A", "B"]);
        t.row(["x | y", "`a|b`\nc"]);
        assert_eq!(t.render(), "| A | B |\n| --- | --- |\n| x \\| y | `a\\|b` c |\n");
    }

    #[test]
    fn links_are_relative_to_the_page() {
        let site = Site::new();
        let out = Out { site: &site, page: Page::Api(Api::Webhooks), mode: Mode::Files, text: String::new() };
        assert_eq!(out.scope_link(Scope::Default), "[`default`](../scopes/default.md)");
        let out = Out { site: &site, page: Page::Scope(Scope::StoreCart), mode: Mode::Files, text: String::new() };
        assert_eq!(out.scope_link(Scope::StoreCartReadOnly), "[`store_cart_read_only`](store_cart_read_only.md)");
        assert_eq!(out.link(Page::Index, "x"), "[x](../index.md)");
        let out = Out { site: &site, page: Page::Index, mode: Mode::Files, text: String::new() };
        assert_eq!(out.link(Page::ScopeTable, "x"), "[x](oauth-scopes.md)");
        let out = Out { site: &site, page: Page::Index, mode: Mode::Combined, text: String::new() };
        assert_eq!(out.link(Page::Scope(Scope::StoreCart), "x"), "[x](#scope-store_cart)");
    }

    #[test]
    fn read_only_scopes_do_not_reach_writes() {
        let site = Site::new();
        let reached = site.reached_by(Scope::StoreV2ProductsReadOnly);
        assert!(!reached.is_empty());
        // The one write a read-only scope reaches is the batch price read its spec documents so.
        let writes: Vec<&str> =
            reached.iter().filter(|(_, o)| o.method != Method::Get).map(|(_, o)| o.operation_id).collect();
        assert_eq!(writes, ["getPrices"]);
    }
}
