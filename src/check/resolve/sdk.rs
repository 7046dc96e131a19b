//! SDK resource calls: `Bigcommerce::Product.all`, `api.Orders.get(id)`, `Bigcommerce::getProducts()`,
//! `$catalog->getProducts()`, `$api->catalog()->products()->getAll()`, matched against the SDK
//! models of `data/sdks/` (each mapping sourced to the SDK's own file and version). A mapping to
//! a path the specs do not document resolves to no route: an `unknown-route` note, never a
//! guessed scope.

use super::target::{to_target, PLACEHOLDER};
use super::value::Piece;
use super::{Extractor, FileContext, RawCall, RawVia};
use crate::check::model::ViaKind;
use crate::check::syntax::lang::Language;
use crate::check::syntax::nav::norm_name;
use crate::sdk::{Sdk, SdkCall};

/// The language of an SDK model's `language` field.
fn language_of(sdk: &Sdk) -> Option<Language> {
    Some(match sdk.language {
        "ruby" => Language::Ruby,
        "python" => Language::Python,
        "php" => Language::Php,
        "javascript" => Language::JavaScript,
        "typescript" => Language::TypeScript,
        "go" => Language::Go,
        "java" => Language::Java,
        "csharp" => Language::CSharp,
        "rust" => Language::Rust,
        _ => return None,
    })
}

/// A route template with placeholder values: `/stores/{store_hash}/v2/orders/{id}` →
/// `https://api.bigcommerce.com/stores/1/v2/orders/1`.
fn concrete(template: &str) -> String {
    let mut out = String::from("https://api.bigcommerce.com");
    for seg in template.split('/').filter(|s| !s.is_empty()) {
        out.push('/');
        if seg.starts_with('{') && seg.ends_with('}') {
            out.push_str(PLACEHOLDER);
        } else {
            out.push_str(seg);
        }
    }
    out
}

impl<'l, 's> Extractor<'l, 's> {
    /// Whether the project uses an SDK: a file of its language holds one of its markers.
    fn sdk_in_use(&self, sdk: &Sdk) -> bool {
        let Some(lang) = language_of(sdk) else { return false };
        self.project.sdk_markers_seen(sdk.id, || {
            self.project
                .files
                .iter()
                .any(|f| f.source.language.same_family(lang) && sdk.markers.iter().any(|m| f.source.text.contains(m)))
        })
    }

    /// The SDK calls of this file.
    pub(super) fn sdk_calls(&self) -> Vec<RawCall> {
        let mut out = Vec::new();
        // Most projects use no SDK of the file's language: one question per file.
        if !Sdk::all()
            .iter()
            .any(|sdk| language_of(sdk).is_some_and(|l| l.same_family(self.lang)) && self.sdk_in_use(sdk))
        {
            return out;
        }
        for k in 1..self.n() {
            if !self.l.is_ident(k) || !self.is_member_op(k - 1) {
                continue;
            }
            let candidates = Sdk::calls_ending_in(norm_name(self.text(k)));
            if candidates.is_empty() {
                continue;
            }
            let Some((segs, start)) = self.callee(k) else { continue };
            let segs: Vec<&str> = segs.iter().map(|s| norm_name(s)).collect();
            let best = candidates.iter().filter(|c| self.sdk_matches(c, &segs)).max_by_key(|c| c.chain.len());
            if let Some(call) = best {
                if let Some(c) = self.sdk_call(call, start, k) {
                    out.push(c);
                }
            }
        }
        out
    }

    /// Whether callee segments `segs` are call `c` of an SDK this project uses.
    fn sdk_matches(&self, c: &SdkCall, segs: &[&str]) -> bool {
        let sdk = c.sdk();
        if !language_of(sdk).is_some_and(|l| l.same_family(self.lang)) || segs.len() < c.chain.len() + 1 {
            return false;
        }
        let (prefix, chain) = segs.split_at(segs.len() - c.chain.len());
        if chain != c.chain {
            return false;
        }
        match sdk.receiver {
            Some(r) if r != "*" => prefix.last() == Some(&r) && prefix.len() <= 2 && self.sdk_in_use(sdk),
            // The project's own method of that name wins: it is resolved as a wrapper.
            _ => !self.project.defines_function(c.last()) && self.sdk_in_use(sdk),
        }
    }

    /// The call an SDK mapping makes at the chain starting at token `start` and ending at `k`.
    fn sdk_call(&self, c: &SdkCall, start: usize, k: usize) -> Option<RawCall> {
        let sdk = c.sdk();
        let open = self.is(k + 1, "(").then_some(k + 1);
        let end = open.map_or(k + 1, |o| self.close_of(o) + 1);
        let (target, mut notes) = match c.path_argument {
            Some(i) => {
                let (x, y) = *self.args(open?).get(usize::from(i))?;
                let mut pieces = vec![Piece::Text(format!("{}/", concrete(c.route)))];
                let arg = self.eval(x, y, 0);
                if let Some(Piece::Text(t)) = arg.first() {
                    let mut arg = arg.clone();
                    arg[0] = Piece::Text(t.trim_start_matches('/').to_owned());
                    pieces.extend(arg);
                } else {
                    pieces.extend(arg);
                }
                let ctx = FileContext { base_url: None, strong: true };
                to_target(&pieces, &|| None, None, &ctx, true)?
            }
            None => (concrete(c.route), Vec::new()),
        };
        notes.push(format!("mapped by the {} model ({} {}): {}", sdk.name, sdk.package, sdk.version, c.source));
        if !c.documented {
            notes.push("the SDK sends to a path the API documentation does not list".to_owned());
        }
        if let Some(n) = c.note {
            notes.push(n.to_owned());
        }
        let (line, column) = self.position(start);
        let via = RawVia {
            kind: ViaKind::Sdk,
            name: Some(c.chain.join(".")),
            file: None,
            data_file: Some(format!("data/sdks/{}.toml", sdk.id)),
            line: None,
        };
        Some(RawCall {
            line,
            column,
            method: Some(c.method),
            written: self.written(start, end),
            target,
            notes,
            via,
            document: None,
            unfollowed: false,
        })
    }
}
