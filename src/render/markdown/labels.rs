//! Labels shared by the pages: operation labels, numbered notes, group and kind names, sources.

use super::text::{code, text};
use super::Out;
use crate::export::{operation_url, source_link};
pub(super) use crate::render::text::{plural, yes_no};
use crate::{AccountType, Operation, Route, ScopeGroup};
use std::fmt::Write as _;

/// An operation's label, linked to its reference on BigCommerce's developer site.
pub(super) fn operation_link(route: &Route, op: &Operation) -> String {
    let label = operation_label(op);
    let label = if label.is_empty() { "reference".to_owned() } else { label };
    format!("[{label}]({})", operation_url(route, op))
}

pub(super) fn operation_label(op: &Operation) -> String {
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
pub(super) struct Notes {
    texts: Vec<String>,
}

impl Notes {
    /// ` (notes 1, 2)` for these notes, numbering new texts.
    pub(super) fn refs(&mut self, notes: impl IntoIterator<Item = String>) -> String {
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

    pub(super) fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// The notes as a numbered list, emptied.
    pub(super) fn render(&mut self, out: &mut Out<'_>) {
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

pub(super) fn group_title(group: ScopeGroup) -> &'static str {
    match group {
        ScopeGroup::TokenCreation => "Token creation scopes",
        ScopeGroup::StoreResource => "Store resource scopes",
        ScopeGroup::AccountResource => "Account resource scopes",
        ScopeGroup::Default => "Default scope",
        ScopeGroup::UserIdentity => "User identity (app install)",
    }
}

pub(super) fn kind_label(kind: crate::ApiKind) -> &'static str {
    match kind {
        crate::ApiKind::Rest => "REST",
        crate::ApiKind::Graphql => "GraphQL",
        crate::ApiKind::Provider => "Provider (BigCommerce calls the app)",
    }
}

pub(super) fn account_type_labels(types: &[AccountType]) -> String {
    types.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(", ")
}

/// Data items on one line: sentences separated by spaces, phrases by semicolons.
pub(super) fn join_items(items: &[&str]) -> String {
    let sep = if items.iter().any(|i| i.ends_with('.')) { " " } else { "; " };
    items.iter().map(|i| text(i)).collect::<Vec<_>>().join(sep)
}

/// A check mark for a matrix cell.
pub(super) fn mark(b: bool) -> String {
    if b { "✓" } else { "" }.to_owned()
}

pub(super) fn resource(r: &crate::Resource) -> String {
    match r.path {
        Some(p) => format!("{} ({})", text(r.name), code(p)),
        None => text(r.name),
    }
}

/// A text and its link, where it has one.
type Linked = (String, Option<String>);

/// Source references (`seed:004#section`, `spec:file.yml`, `docs:page.mdx#section`, `code:…`) in
/// Markdown, as their titles with links, without repeats: a document once, with every section cited
/// from it (each section linked to its anchor where the document has an address).
pub(super) fn sources(list: &[&str]) -> Vec<String> {
    // (title, url without the section, sections with their links), in order of first appearance.
    let mut grouped: Vec<(String, Option<String>, Vec<Linked>)> = Vec::new();
    for s in list {
        let (doc, section) = s.split_once('#').unwrap_or((s, ""));
        let whole = source_link(doc);
        let i = grouped.iter().position(|(t, u, _)| *t == whole.title && *u == whole.url).unwrap_or_else(|| {
            grouped.push((whole.title.clone(), whole.url.clone(), Vec::new()));
            grouped.len() - 1
        });
        if !section.is_empty() && !grouped[i].2.iter().any(|(sec, _)| sec == section) {
            let url = source_link(s).url.filter(|_| whole.url.is_some());
            grouped[i].2.push((section.to_owned(), url));
        }
    }
    grouped
        .into_iter()
        .map(|(title, url, sections)| {
            let head = match url {
                Some(u) => format!("[{}]({u})", text(&title)),
                None => text(&title),
            };
            let linked: Vec<String> = sections
                .iter()
                .map(|(sec, u)| match u {
                    Some(u) => format!("[{}]({u})", code(sec)),
                    None => code(sec),
                })
                .collect();
            match linked.len() {
                0 => head,
                1 => format!("{head}, section {}", linked[0]),
                _ => format!("{head}, sections {}", linked.join(", ")),
            }
        })
        .collect()
}
