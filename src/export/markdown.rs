//! Markdown reference pages: the OAuth scope table, the account-type matrix, a page per API and a
//! page per scope.
//!
//! The pages are CommonMark with GitHub-flavoured tables, and safe for MDX: text from the data is
//! escaped outside code spans (`\{`, `\}`, `\*`, `\[`, `\]`, `&lt;`), table cells never hold a raw
//! newline, and pipes inside cells are escaped as `\|`.

use crate::export::route_entries;
use crate::{
    AccountType, Api, ApiInfo, Document, OpenApiSnapshot, Operation, Permission, RequirementKind, Route, Scope,
    ScopeGroup, ScopeInfo, UseCase, UseCaseTable,
};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use strum::VariantArray;

/// One Markdown page of the reference set.
///
/// ```
/// let pages = bigcommerce_scopes::export::markdown_pages();
/// let table = pages.iter().find(|p| p.path == "oauth-scopes.md").unwrap();
/// assert_eq!(table.title, "OAuth scopes");
/// assert!(table.contents.starts_with("# OAuth scopes\n"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MarkdownPage {
    /// Path of the page relative to the output folder, with `/` separators (`index.md`,
    /// `oauth-scopes.md`, `account-types.md`, `apis/{api id}.md`, `scopes/{scope name}.md`).
    pub path: String,
    /// The page's title (its first heading, without Markdown).
    pub title: String,
    /// The page, in Markdown, ending with a newline.
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
/// their headings one level down and links pointing at those anchors.
///
/// ```
/// let mut buf = Vec::new();
/// bigcommerce_scopes::export::write_markdown(&mut buf).unwrap();
/// let doc = String::from_utf8(buf).unwrap();
/// assert!(doc.starts_with("# BigCommerce API reference\n"));
/// assert!(doc.contains("<a id=\"scope-store_cart\"></a>\n\n## `store_cart`\n"));
/// ```
pub fn write_markdown<W: Write>(mut out: W) -> io::Result<()> {
    let site = Site::new();
    for (i, page) in site.pages().into_iter().enumerate() {
        let page = site.render(page, Mode::Combined);
        if i > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(page.contents.as_bytes())?;
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
        // Exactly one newline at the end.
        let contents = format!("{}\n", out.text.trim_end());
        MarkdownPage { path: page.path(), title, contents }
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

    // ---- index ------------------------------------------------------------------------------

    fn index(&mut self) -> String {
        let title = "BigCommerce API reference";
        self.heading(1, title);
        let snapshot = OpenApiSnapshot::current();
        let short_commit: String = snapshot.commit.chars().take(7).collect();
        self.para(&format!(
            "OAuth scopes, API accounts, auth schemes and every documented REST route of BigCommerce's APIs, \
             with the least-privileged scope of each operation. Generated by bigcommerce-scopes from data version \
             {} (the documents listed under Sources, and the OpenAPI specs of {} at commit {}, {}, {} specs).",
            OpenApiSnapshot::data_version(),
            code(snapshot.repository),
            code(&short_commit),
            snapshot.commit_date,
            snapshot.specs,
        ));
        let scope_table = self.link(Page::ScopeTable, "OAuth scopes");
        let account_types = self.link(Page::AccountTypes, "API accounts");
        self.text.push_str(&format!(
            "- {scope_table}: every scope, in the shape of BigCommerce's scope tables.\n\
             - {account_types}: which kind of API account supports which API.\n\n"
        ));

        self.heading(2, "APIs");
        let mut t = Table::new(&["API", "Kind", "Auth scheme", "Account types", "Operations"]);
        for a in &self.site.apis {
            let ops: usize = self.site.routes.iter().filter(|r| r.route.api == a.api).map(|r| r.operations.len()).sum();
            t.row([
                self.api_link(a.api),
                kind_label(a.kind).to_owned(),
                text(a.auth_scheme.info().name),
                account_type_labels(a.account_types),
                ops.to_string(),
            ]);
        }
        self.table(&t);

        self.heading(2, "Scopes");
        let mut t = Table::new(&["Parameter", "UI Name", "Permission", "Operations reached"]);
        for s in &self.site.scopes {
            t.row([
                self.scope_link(s.scope),
                text(s.ui_name),
                s.permission.as_str().to_owned(),
                self.site.reached_by(s.scope).len().to_string(),
            ]);
        }
        self.table(&t);

        self.heading(2, "Sources");
        let mut t = Table::new(&["Id", "Title", "Page", "Version"]);
        let mut docs: Vec<_> = Document::all().iter().collect();
        docs.sort_by_key(|d| d.id);
        for d in docs {
            t.row([code(&format!("seed:{}", d.id)), text(d.title), text(d.page), text(d.era)]);
        }
        t.row([
            code("spec:…"),
            format!("OpenAPI specs, {} at {}", code(snapshot.repository), code(&short_commit)),
            code(snapshot.folder),
            snapshot.commit_date.to_owned(),
        ]);
        self.table(&t);
        title.to_owned()
    }

    // ---- the scope table ----------------------------------------------------------------------

    fn scope_table(&mut self) -> String {
        let title = "OAuth scopes";
        self.heading(1, title);
        self.para(
            "A read-only scope allows GET and HEAD requests only; its modify twin allows every method and \
             includes it. Every API account also has the `default` scope, which gives access to webhooks. \
             Each parameter links to the routes the scope reaches.",
        );
        for group in ScopeGroup::VARIANTS {
            let scopes: Vec<_> =
                Scope::all().iter().filter(|s| s.group == *group && s.origin == crate::Origin::Docs).collect();
            if scopes.is_empty() {
                continue;
            }
            self.heading(2, group_title(*group));
            self.scope_rows(&scopes);
        }
        let spec_only: Vec<_> = Scope::all().iter().filter(|s| s.origin == crate::Origin::Spec).collect();
        if !spec_only.is_empty() {
            self.heading(2, "Scopes named only by OpenAPI specs");
            self.para(
                "These scopes appear in the scope tables of BigCommerce's OpenAPI specs but not in the \
                 API-accounts documentation.",
            );
            self.scope_rows(&spec_only);
        }
        let token_only: Vec<_> = Scope::all().iter().filter(|s| s.origin == crate::Origin::Token).collect();
        if !token_only.is_empty() {
            self.heading(2, "Scopes seen only in token responses");
            self.para(
                "These scopes appear in the `scope` of BigCommerce's OAuth token responses (as public code \
                 that holds such responses shows) but in no documentation. BigCommerce grants them by \
                 itself; they reach no API route.",
            );
            self.scope_rows(&token_only);
        }
        title.to_owned()
    }

    fn scope_rows(&mut self, scopes: &[&ScopeInfo]) {
        let mut t = Table::new(&["UI Name", "Permission", "Parameter", "Description", "Resources"]);
        for s in scopes {
            t.row([
                text(s.ui_name),
                s.permission.as_str().to_owned(),
                self.scope_link(s.scope),
                text(s.description),
                s.resources.iter().map(resource).collect::<Vec<_>>().join("<br />"),
            ]);
        }
        self.table(&t);
    }

    // ---- account types ------------------------------------------------------------------------

    fn account_types(&mut self) -> String {
        let title = "API accounts";
        self.heading(1, title);

        self.heading(2, "Choosing the right kind of API account");
        self.use_case_table(UseCaseTable::Current, "API or Use Case");

        self.heading(2, "APIs by kind of API account");
        let columns: Vec<AccountType> = AccountType::VARIANTS
            .iter()
            .copied()
            .filter(|t| Api::all().iter().any(|a| a.account_types.contains(t)))
            .collect();
        let mut header = vec!["API".to_owned()];
        header.extend(columns.iter().map(|t| t.info().name.to_owned()));
        header.push("Auth scheme".to_owned());
        let mut t = Table::new(&header);
        for a in &self.site.apis {
            let mut row = vec![self.api_link(a.api)];
            row.extend(columns.iter().map(|c| mark(a.account_types.contains(c))));
            row.push(text(a.auth_scheme.info().name));
            t.row(row);
        }
        self.table(&t);

        self.heading(2, "Kinds of API account");
        for info in AccountType::all() {
            self.heading(3, &format!("{} ({})", text(info.name), code(info.account_type.as_str())));
            let apis: Vec<_> = info.account_type.apis().map(|a| self.api_link(a)).collect();
            let list = |items: &[&str]| join_items(items);
            self.fields(&[
                ("Issued", yes_no(info.issued).to_owned()),
                ("Also known as", list(info.aliases)),
                ("Created in", text(info.created_in)),
                ("Consists of", list(info.consists_of)),
                ("Access token", text(info.token)),
                ("Expires", text(info.expires)),
                ("Invalidated by", list(info.invalidated_by)),
                ("Revocation", text(info.revocation)),
                ("Scopes changeable after creation", yes_no(info.scopes_changeable).to_owned()),
                ("Resources only the creating account sees", list(info.creator_only_resources)),
                ("APIs", apis.join(", ")),
            ]);
            for (label, items) in [("Notes", info.notes), ("History", info.history)] {
                if !items.is_empty() {
                    self.para(&format!("{label}:"));
                    self.bullets(items.iter().copied());
                }
            }
            if !info.sources.is_empty() {
                self.para(&format!("Sources: {}.", sources(info.sources).join("; ")));
            }
        }

        self.heading(2, "Use cases by credential type (history)");
        self.para("The table of the older versions of the API-accounts page.");
        self.use_case_table(UseCaseTable::History, "Use case");
        title.to_owned()
    }

    /// A use-case table: a column per account type marked in it, the APIs of each row, and the
    /// rows' notes under the table.
    fn use_case_table(&mut self, which: UseCaseTable, first: &str) {
        let rows: Vec<&UseCase> = UseCase::all().iter().filter(|u| u.table == which).collect();
        let columns: Vec<AccountType> = AccountType::VARIANTS
            .iter()
            .copied()
            .filter(|t| rows.iter().any(|u| u.account_types.contains(t)))
            .collect();
        let mut header = vec![first.to_owned()];
        header.extend(columns.iter().map(|t| t.info().name.to_owned()));
        header.push("APIs".to_owned());
        let mut t = Table::new(&header);
        let mut notes = Notes::default();
        for u in &rows {
            let refs = notes.refs(u.notes.iter().map(|n| text(n)));
            let mut row = vec![format!("{}{refs}", text(u.name))];
            row.extend(columns.iter().map(|c| mark(u.account_types.contains(c))));
            row.push(u.apis.iter().map(|a| self.api_link(*a)).collect::<Vec<_>>().join(", "));
            t.row(row);
        }
        self.table(&t);
        let all: Vec<&str> = rows.iter().flat_map(|u| u.sources.iter().copied()).collect();
        notes.render(self);
        self.para(&format!("Sources: {}.", sources(&all).join("; ")));
    }

    // ---- one API --------------------------------------------------------------------------------

    fn api(&mut self, api: &ApiInfo) -> String {
        self.heading(1, &text(api.name));
        self.para(&text(api.description));
        let account_types: Vec<_> = api.account_types.iter().map(|t| text(t.info().name)).collect();
        self.fields(&[
            ("Id", code(api.id)),
            ("Kind", kind_label(api.kind).to_owned()),
            ("Also known as", api.aliases.iter().map(|a| text(a)).collect::<Vec<_>>().join("; ")),
            ("Base URLs", api.base_urls.iter().map(|u| code(u)).collect::<Vec<_>>().join(", ")),
            ("Account types", format!("{} ({})", account_types.join(", "), self.link(Page::AccountTypes, "compare"))),
        ]);

        let auth = api.auth_scheme.info();
        self.heading(2, "Authentication");
        let header = match (auth.header, auth.value_format) {
            (Some(h), Some(v)) => code(&format!("{h}: {v}")),
            (Some(h), None) => code(h),
            _ => String::new(),
        };
        let query = match (auth.query_parameter, auth.value_format) {
            (Some(_), Some(v)) => code(&format!("?{v}")),
            (Some(q), None) => code(q),
            _ => String::new(),
        };
        let value = if header.is_empty() && query.is_empty() {
            auth.value_format.map(code).unwrap_or_default()
        } else {
            String::new()
        };
        self.fields(&[
            ("Scheme", format!("{} ({})", text(auth.name), code(auth.id))),
            ("Credential travels in", auth.location.as_str().to_owned()),
            ("Header", header),
            ("Query parameter", query),
            ("Value", value),
            ("Credential", text(auth.credential)),
            ("Token endpoints", auth.token_endpoints.iter().map(|e| code(e)).collect::<Vec<_>>().join(", ")),
            ("Token creation scopes", self.scope_links(auth.token_scopes)),
            ("Deprecated headers", auth.deprecated_headers.iter().map(|h| code(h)).collect::<Vec<_>>().join(", ")),
        ]);
        for (label, items) in [("Notes", auth.notes), ("History", auth.history)] {
            if !items.is_empty() {
                self.para(&format!("{label} on this auth scheme:"));
                self.bullets(items.iter().copied());
            }
        }

        self.heading(2, "Routes");
        let routes: Vec<_> = self.site.routes.iter().filter(|r| r.route.api == api.api).collect();
        if routes.is_empty() {
            self.para("The OpenAPI specs document no REST route for this API.");
        } else {
            let ops: usize = routes.iter().map(|r| r.operations.len()).sum();
            self.para(&format!(
                "{ops} {} on {} {}, grouped by OpenAPI spec. \"Least scope\" is the least-privileged scope \
                 that authorizes the operation; \"Also accepted\" lists the other scopes that do.",
                plural(ops, "operation", "operations"),
                routes.len(),
                plural(routes.len(), "route", "routes"),
            ));
            let mut specs: BTreeMap<(&str, &str), Vec<&crate::export::RouteEntry>> = BTreeMap::new();
            for r in routes {
                specs.entry((r.route.title, r.route.spec)).or_default().push(r);
            }
            let mut notes = Notes::default();
            for ((title, spec), routes) in specs {
                self.heading(3, &text(title));
                let mut spec_notes: Vec<&str> = Vec::new();
                for n in routes.iter().flat_map(|r| r.route.spec_notes.iter().copied()) {
                    if !spec_notes.contains(&n) {
                        spec_notes.push(n);
                    }
                }
                self.para(&format!("Spec: {}", code(spec)));
                if !spec_notes.is_empty() {
                    self.bullets(spec_notes);
                }
                let mut t = Table::new(&["Method", "Route", "Least scope", "Also accepted", "Confidence", "Operation"]);
                for r in routes {
                    for op in &r.operations {
                        let also: Vec<Scope> = op.accepted.iter().copied().filter(|s| Some(*s) != op.least).collect();
                        let refs = notes.refs(self.operation_notes(api, r.route, op));
                        t.row([
                            op.method.as_str().to_owned(),
                            code(r.route.template),
                            self.least(op),
                            self.scope_links(&also),
                            op.confidence.as_str().to_owned(),
                            format!("{}{refs}", operation_label(op)),
                        ]);
                    }
                }
                self.table(&t);
            }
            if !notes.is_empty() {
                self.heading(2, "Notes on operations");
                notes.render(self);
            }
        }

        self.list_section("Notes", api.notes);
        self.list_section("History", api.history);
        self.sources(api.sources);
        api.name.to_owned()
    }

    // ---- one scope ------------------------------------------------------------------------------

    fn scope(&mut self, s: &ScopeInfo) -> String {
        let title = code(s.name);
        self.heading(1, &title);
        self.para(&text(s.description));
        let permission = match s.permission {
            Permission::ReadOnly => "read-only (GET and HEAD requests only)".to_owned(),
            Permission::Default => "default (every API account has it)".to_owned(),
            Permission::Undocumented => "undocumented (no document states one)".to_owned(),
            p => format!("{} (every HTTP method on its resources)", p.as_str()),
        };
        let origin = match s.origin {
            crate::Origin::Docs => "the API-accounts documentation".to_owned(),
            crate::Origin::Spec => "only an OpenAPI spec (not the API-accounts documentation)".to_owned(),
            crate::Origin::Token => "only OAuth token responses (no documentation)".to_owned(),
        };
        let token_names = if s.token_names.is_empty() {
            String::new()
        } else {
            format!(
                "{} (how OAuth token responses spell it)",
                s.token_names.iter().map(|v| code(v)).collect::<Vec<_>>().join(", ")
            )
        };
        let account_types: Vec<_> = s.account_types.iter().map(|t| text(t.info().name)).collect();
        let variants = if s.variants.is_empty() {
            String::new()
        } else {
            format!(
                "{} (used by OpenAPI specs; the canonical name is {})",
                s.variants.iter().map(|v| code(v)).collect::<Vec<_>>().join(", "),
                code(s.name)
            )
        };
        self.fields(&[
            ("UI name", text(s.ui_name)),
            ("Permission", permission),
            ("Group", self.link(Page::ScopeTable, group_title(s.group))),
            ("Listed in", origin),
            ("Resources", s.resources.iter().map(resource).collect::<Vec<_>>().join("; ")),
            ("Twin", s.twin.map(|t| self.scope_link(t)).unwrap_or_default()),
            ("Includes", self.scope_links(s.implies)),
            ("Included in", self.scope_links(s.implied_by)),
            ("Account types", account_types.join(", ")),
            ("Token spelling", token_names),
            ("Other spellings", variants),
        ]);

        self.heading(2, "Routes it reaches");
        let reached = self.site.reached_by(s.scope);
        if reached.is_empty() {
            self.para("No documented REST operation names this scope (or a scope it includes) in its requirements.");
        } else {
            let mut routes: Vec<&str> = reached.iter().map(|(r, _)| r.template).collect();
            routes.dedup();
            let how = if s.scope == Scope::Default {
                "that need only the default scope every API account has"
            } else {
                "that this scope authorizes, directly or through a scope it includes"
            };
            self.para(&format!(
                "{} {} on {} {} {how}. \"Least scope\" is the least-privileged scope for each.",
                reached.len(),
                plural(reached.len(), "operation", "operations"),
                routes.len(),
                plural(routes.len(), "route", "routes"),
            ));
            let mut t = Table::new(&["Method", "Route", "API", "Least scope", "Confidence", "Operation"]);
            for (route, op) in &reached {
                t.row([
                    op.method.as_str().to_owned(),
                    code(route.template),
                    self.link(Page::Api(route.api), &code(route.api.id())),
                    self.least(op),
                    op.confidence.as_str().to_owned(),
                    operation_label(op),
                ]);
            }
            self.table(&t);
        }

        let conditional: Vec<_> = self
            .site
            .routes
            .iter()
            .flat_map(|r| r.operations.iter().map(move |o| (r.route, *o)))
            .flat_map(|(r, o)| o.conditional.iter().filter(|c| s.scope.satisfies(c.scope)).map(move |c| (r, o, c)))
            .collect();
        if !conditional.is_empty() {
            self.heading(2, "Also needed under a condition");
            self.para(&format!(
                "{} {} need, when a documented condition holds, an additional scope that this scope satisfies.",
                conditional.len(),
                plural(conditional.len(), "operation", "operations"),
            ));
            let mut t = Table::new(&["Method", "Route", "API", "Least scope", "Condition", "Operation"]);
            for (route, op, c) in &conditional {
                t.row([
                    op.method.as_str().to_owned(),
                    code(route.template),
                    self.link(Page::Api(route.api), &code(route.api.id())),
                    self.least(op),
                    text(c.when),
                    operation_label(op),
                ]);
            }
            self.table(&t);
        }
        self.list_section("Notes", s.notes);
        self.list_section("History", s.history);
        self.sources(s.sources);
        s.name.to_owned()
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

impl Out<'_> {
    /// The notes of an operation worth showing on an API page, in Markdown.
    fn operation_notes(&self, api: &ApiInfo, route: &Route, op: &Operation) -> Vec<String> {
        let mut notes: Vec<String> = op
            .conditional
            .iter()
            .map(|c| format!("Also needs {} when {}.", self.scope_link(c.scope), text(c.when.trim_end_matches('.'))))
            .collect();
        notes.extend(op.notes.iter().map(|n| text(n)));
        if op.auth_scheme != api.auth_scheme {
            let a = op.auth_scheme.info();
            notes.push(format!(
                "Authenticates with the {} scheme, not the API's usual {}.",
                code(a.id),
                code(api.auth_scheme.info().id)
            ));
        }
        let spec = format!("spec:{}", route.spec);
        let other: Vec<&str> = op.sources.iter().copied().filter(|s| *s != spec).collect();
        if !other.is_empty() {
            notes.push(format!("Also from: {}.", sources(&other).join("; ")));
        }
        notes
    }
}

fn operation_label(op: &Operation) -> String {
    let mut label = match (op.summary.is_empty(), op.operation_id.is_empty()) {
        (false, false) => format!("{} ({})", text(op.summary), code(op.operation_id)),
        (false, true) => text(op.summary),
        (true, false) => code(op.operation_id),
        (true, true) => String::new(),
    };
    for (flag, word) in [(op.deprecated, "deprecated"), (op.internal, "internal")] {
        if flag {
            label.push_str(if label.is_empty() { "" } else { ", " });
            label.push_str(word);
        }
    }
    label
}

/// Numbered notes of a page (Markdown), each text numbered once.
#[derive(Default)]
struct Notes {
    texts: Vec<String>,
}

impl Notes {
    /// ` (notes 1, 2)` for these notes, numbering new texts.
    fn refs(&mut self, notes: impl IntoIterator<Item = String>) -> String {
        let mut numbers = Vec::new();
        for n in notes {
            let i = match self.texts.iter().position(|t| *t == n) {
                Some(i) => i,
                None => {
                    self.texts.push(n);
                    self.texts.len() - 1
                }
            };
            numbers.push((i + 1).to_string());
        }
        match numbers.len() {
            0 => String::new(),
            1 => format!(" (note {})", numbers[0]),
            _ => format!(" (notes {})", numbers.join(", ")),
        }
    }

    fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// The notes as a numbered list, emptied.
    fn render(&mut self, out: &mut Out<'_>) {
        if self.texts.is_empty() {
            return;
        }
        for (i, n) in self.texts.iter().enumerate() {
            let _ = writeln!(out.text, "{}. {n}", i + 1);
        }
        out.text.push('\n');
        self.texts.clear();
    }
}

// ---- labels -----------------------------------------------------------------------------------

fn group_title(group: ScopeGroup) -> &'static str {
    match group {
        ScopeGroup::TokenCreation => "Token creation scopes",
        ScopeGroup::StoreResource => "Store resource scopes",
        ScopeGroup::AccountResource => "Account resource scopes",
        ScopeGroup::Default => "Default scope",
        ScopeGroup::UserIdentity => "User identity (app install)",
    }
}

fn kind_label(kind: crate::ApiKind) -> &'static str {
    match kind {
        crate::ApiKind::Rest => "REST",
        crate::ApiKind::Graphql => "GraphQL",
        crate::ApiKind::Provider => "Provider (BigCommerce calls the app)",
    }
}

fn account_type_labels(types: &[AccountType]) -> String {
    types.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(", ")
}

/// Data items on one line: sentences separated by spaces, phrases by semicolons.
fn join_items(items: &[&str]) -> String {
    let sep = if items.iter().any(|i| i.ends_with('.')) { " " } else { "; " };
    items.iter().map(|i| text(i)).collect::<Vec<_>>().join(sep)
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// A check mark for a matrix cell.
fn mark(b: bool) -> String {
    if b { "✓" } else { "" }.to_owned()
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn resource(r: &crate::Resource) -> String {
    match r.path {
        Some(p) => format!("{} ({})", text(r.name), code(p)),
        None => text(r.name),
    }
}

/// Source references (`seed:004#section`, `spec:file.yml`) in Markdown, without repeats: a
/// document's title once, with every section cited from it.
fn sources(list: &[&str]) -> Vec<String> {
    // (document or reference, sections), in order of first appearance.
    let mut grouped: Vec<(String, Vec<&str>)> = Vec::new();
    for s in list {
        let (head, section) = match s.strip_prefix("seed:").map(|rest| rest.split_once('#').unwrap_or((rest, ""))) {
            Some((id, section)) => match Document::all().iter().find(|d| d.id == id) {
                Some(d) => (format!("{} ({})", text(d.title), text(d.era)), section),
                None => (code(s), ""),
            },
            None => match s.strip_prefix("spec:") {
                Some(spec) => (format!("OpenAPI spec {}", code(spec)), ""),
                None => (code(s), ""),
            },
        };
        let i = grouped.iter().position(|(h, _)| *h == head).unwrap_or_else(|| {
            grouped.push((head, Vec::new()));
            grouped.len() - 1
        });
        if !section.is_empty() && !grouped[i].1.contains(&section) {
            grouped[i].1.push(section);
        }
    }
    grouped
        .into_iter()
        .map(|(head, sections)| match sections.len() {
            0 => head,
            1 => format!("{head}, section {}", code(sections[0])),
            _ => format!("{head}, sections {}", sections.iter().map(|s| code(s)).collect::<Vec<_>>().join(", ")),
        })
        .collect()
}

// ---- Markdown text ----------------------------------------------------------------------------

/// A code span holding `s` verbatim.
fn code(s: &str) -> String {
    let s = s.replace(['\r', '\n'], " ");
    if s.contains('`') {
        format!("`` {s} ``")
    } else {
        format!("`{s}`")
    }
}

/// Data text as inline Markdown: its code spans (between backticks) are kept; outside them,
/// characters that Markdown or MDX would read as syntax are escaped, and line breaks become spaces.
fn text(s: &str) -> String {
    let s = s.replace("\r\n", " ").replace(['\r', '\n'], " ");
    let parts: Vec<&str> = s.split('`').collect();
    // An odd number of backticks: the last one opens no code span.
    let balanced = parts.len() % 2 == 1;
    let mut out = String::with_capacity(s.len());
    for (i, part) in parts.iter().enumerate() {
        let in_code = i % 2 == 1 && (balanced || i + 1 < parts.len());
        if i > 0 {
            let closing_unbalanced = !balanced && i + 1 == parts.len();
            out.push_str(if closing_unbalanced { "\\`" } else { "`" });
        }
        if in_code {
            out.push_str(part);
        } else {
            for c in part.chars() {
                match c {
                    '\\' | '{' | '}' | '*' | '[' | ']' => {
                        out.push('\\');
                        out.push(c);
                    }
                    '<' => out.push_str("&lt;"),
                    _ => out.push(c),
                }
            }
        }
    }
    out
}

/// A GitHub-flavoured Markdown table. Cells are inline Markdown; rendering escapes every `|` as
/// `\|` and turns line breaks into spaces, so each row stays one line with the header's columns.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new<S: AsRef<str>>(header: &[S]) -> Table {
        Table { header: header.iter().map(|h| h.as_ref().to_owned()).collect(), rows: Vec::new() }
    }

    fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let row: Vec<String> = cells.into_iter().map(Into::into).collect();
        debug_assert_eq!(row.len(), self.header.len(), "a row has the header's columns");
        self.rows.push(row);
    }

    fn render(&self) -> String {
        let mut out = String::new();
        let line = |cells: &[String], out: &mut String| {
            out.push('|');
            for c in cells {
                let c = cell(c);
                out.push(' ');
                out.push_str(&c);
                out.push_str(if c.is_empty() { "|" } else { " |" });
            }
            out.push('\n');
        };
        line(&self.header, &mut out);
        out.push('|');
        for _ in &self.header {
            out.push_str(" --- |");
        }
        out.push('\n');
        for row in &self.rows {
            line(row, &mut out);
        }
        out
    }
}

fn cell(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\r', '\n'], " ").replace('|', "\\|").trim().to_owned()
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
