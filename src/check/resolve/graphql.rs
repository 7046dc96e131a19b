//! GraphQL requests: a call to a `/graphql` endpoint is a call of its own kind, and the document
//! it sends (a `query` key of its body, through variables and constants) is read where the code
//! holds it, so that the plan can read the scopes the document needs.

use super::value::Piece;
use super::{Extractor, RawCall, RawVia};
use crate::check::model::ViaKind;
use crate::check::syntax::lexer::Kind;
use std::borrow::Cow;

/// How deep variables holding the body are followed.
const MAX_HOPS: u8 = 3;

/// Whether a target is a GraphQL endpoint.
pub(crate) fn is_graphql(target: &str) -> bool {
    target.split(['?', '#']).next().unwrap_or("").trim_end_matches('/').ends_with("/graphql")
}

impl<'l, 's> Extractor<'l, 's> {
    /// Mark a GraphQL call as such, with the document the call at `open` sends, if the code
    /// holds it.
    /// A `/graphql` path without a host (`${STOREFRONT_URL}/graphql`, `fetch('/graphql')`) is a
    /// storefront's only where the file is about BigCommerce, the base names a store, or the
    /// document asks the Storefront API for fields it has: otherwise it may be another GraphQL
    /// service (the app's own). Returns whether the call stays.
    pub(super) fn graphql_call(&self, call: &mut RawCall, open: Option<usize>, pieces: &[Piece]) -> bool {
        if !is_graphql(&call.target) {
            return true;
        }
        let hostless = call.target.starts_with('/');
        let named_store = matches!(pieces.first(), Some(Piece::Hole(h)) if {
            let h = h.to_ascii_lowercase();
            h.contains("store") || h.contains("bigcommerce") || h.contains("bc_") || h.contains("shop")
        });
        call.via = RawVia { kind: ViaKind::Graphql, name: None, file: None, data_file: None, line: None };
        if let Some(open) = open {
            let close = self.close_of(open);
            if let Some((doc, tok)) = self.document_in(open + 1, close, 0) {
                let line = self.l.toks.get(tok).map_or(call.line, |t| t.line);
                call.via.name = operation_name(&doc);
                call.via.file = Some(self.file);
                call.via.line = Some(line);
                call.document = Some((doc, line));
            }
        }
        let storefront_doc = call.document.as_ref().is_some_and(|(d, _)| {
            crate::graphql::analyze(crate::tables::Api::GraphqlStorefront, d).is_ok_and(|a| a.unknown.is_empty())
        });
        !hostless || self.ctx.strong || named_store || storefront_doc
    }

    /// The GraphQL document among tokens `a..b`: the value of a `query` key (`{ query: Q }`,
    /// `'query' => Q`, `json={"query": Q}`, `{ query }`), or inside a variable passed there.
    fn document_in(&self, a: usize, b: usize, hops: u8) -> Option<(String, usize)> {
        let b = b.min(self.n());
        for j in a..b {
            let key: Option<Cow<'_, str>> = match self.l.toks[j].kind {
                Kind::Ident => Some(Cow::Borrowed(self.text(j))),
                Kind::Str(_) => self.l.str_at(j).map(|s| s.text()),
                _ => None,
            };
            if key.as_deref() != Some("query") {
                continue;
            }
            let (x, y) = if matches!(self.text(j + 1), ":" | "=>" | "=") {
                (j + 2, self.expr_end(j + 2).min(b))
            } else if self.lang.is_js() && (self.is(j + 1, ",") || self.is(j + 1, "}")) {
                (j, j + 1)
            } else {
                continue;
            };
            if let Some(d) = self.document_value(x, y) {
                return Some(d);
            }
        }
        if hops >= MAX_HOPS {
            return None;
        }
        // A body held in a variable: `body: JSON.stringify(payload)`, `json=payload`.
        for j in a..b {
            if !self.l.is_ident(j) || (j > 0 && self.is_member_op(j - 1)) || self.is(j + 1, "(") {
                continue;
            }
            if let Some((x, y)) = self.lookup(self.text(j), j) {
                if y > x + 2 {
                    if let Some(d) = self.document_in(x, y, hops + 1) {
                        return Some(d);
                    }
                }
            }
        }
        None
    }

    /// A document as the value `x..y` (a string, a constant, a `gql` template): its text and the
    /// token of its literal.
    fn document_value(&self, x: usize, y: usize) -> Option<(String, usize)> {
        let mut at = x;
        // `gql`…`` and `graphql(`…`)`: the literal after the tag.
        if self.l.str_at(x).is_none() {
            if let Some((a, _)) =
                crate::check::syntax::nav::simple_name(self.span(x, y)).and_then(|n| self.lookup(&n, x))
            {
                at = (a..a + 3).find(|&k| self.l.str_at(k).is_some()).unwrap_or(a);
            }
        }
        let pieces = self.eval(x, y, 0);
        let text: String = pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.as_str(),
                _ => "",
            })
            .collect();
        let t = text.trim();
        (t.contains('{')
            && (t.starts_with('{') || t.starts_with("query") || t.starts_with("mutation") || t.starts_with('#')))
        .then(|| (t.to_owned(), at))
    }
}

/// The name of the first operation of a document (`query Cart(…)` → `Cart`), else its kind.
fn operation_name(doc: &str) -> Option<String> {
    let t = doc.trim_start();
    if t.starts_with('{') {
        return Some("query".to_owned());
    }
    let kind = ["query", "mutation", "subscription"].into_iter().find(|k| t.starts_with(k))?;
    let rest = t[kind.len()..].trim_start();
    let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    Some(if name.is_empty() { kind.to_owned() } else { name })
}
