//! Clients with a base URL: `axios.create({baseURL})`, `Faraday.new(url:)`, `new Client(['base_uri' => …])`,
//! `client.BaseAddress = …`, BigCommerce client factories taking the API version.

use super::target::gateway_base;
use super::value::Piece;
use super::Extractor;
use crate::check::conventions::{names_bigcommerce, BASE_KEYS, BASE_SETTERS};
use crate::check::syntax::lexer::{Kind, Part};
use crate::check::syntax::nav::norm_name;
use std::borrow::Cow;
use std::collections::HashMap;

impl<'l, 's> Extractor<'l, 's> {
    /// Clients with a base URL (see [`Self::collect_clients`]), found on first use.
    pub(super) fn clients(&self) -> &HashMap<String, Vec<Piece>> {
        self.clients.get_or_init(|| self.collect_clients())
    }

    /// Clients with a base URL: `x = axios.create({baseURL: …})`, `Faraday.new(url: …)`,
    /// `new Client(['base_uri' => …])`, `httpx.Client(base_url=…)`, `client.BaseAddress = …`,
    /// `new BigCommerce({apiVersion: 'v3'})`.
    pub(super) fn collect_clients(&self) -> HashMap<String, Vec<Piece>> {
        let mut found: Vec<(String, Vec<Piece>)> = Vec::new();
        let vars = self.vars();
        for (name, defs) in vars {
            for (eq, a, b) in defs.iter() {
                // `client.BaseAddress = new Uri(…)`
                if BASE_KEYS.contains(&name.as_ref()) && eq >= 3 && self.is_member_op(eq - 2) && self.l.is_ident(eq - 3)
                {
                    let owner = norm_name(self.text(eq - 3)).to_owned();
                    found.push((owner, self.eval(a, b, 0)));
                    continue;
                }
                if let Some(base) = self.client_base(a, b) {
                    found.push((name.to_string(), base));
                }
            }
        }
        // `client.SetBaseURL("…")` on its own line.
        for &i in &self.l.ops {
            let i = i as usize;
            if i >= 3 && self.is(i, "(") && BASE_SETTERS.contains(&self.text(i - 1)) && self.is_member_op(i - 2) {
                let mut j = i - 3;
                while j >= 2 && self.is_member_op(j - 1) {
                    j -= 2;
                }
                if self.l.is_ident(j) && !vars.contains_key(norm_name(self.text(j))) {
                    let end = self.expr_end(i + 1);
                    found.push((norm_name(self.text(j)).to_owned(), self.eval(i + 1, end, 0)));
                }
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0));
        let mut clients = HashMap::new();
        for (k, v) in found {
            clients.entry(k).or_insert(v);
        }
        clients
    }

    /// The base URL a client-constructing expression sets, if any.
    pub(super) fn client_base(&self, a: usize, b: usize) -> Option<Vec<Piece>> {
        // Most values are not clients: a cheap look at their tokens first.
        let candidate = (a..b).any(|i| match self.l.toks[i].kind {
            Kind::Ident => {
                let t = self.text(i);
                t == "Faraday" || names_bigcommerce(t) || BASE_KEYS.contains(&t) || BASE_SETTERS.contains(&t)
            }
            Kind::Str(_) => self
                .l
                .str_at(i)
                .is_some_and(|s| s.parts.iter().any(|p| matches!(p, Part::Text(t) if BASE_KEYS.contains(&t.as_ref())))),
            _ => false,
        });
        if !candidate {
            return None;
        }
        let mut faraday = false;
        let mut bigcommerce = false;
        for i in a..b {
            if self.l.is_ident(i) {
                let t = self.text(i);
                faraday |= t == "Faraday";
                bigcommerce |= t.eq_ignore_ascii_case("BigCommerce")
                    && (self.is(i + 1, "(") || (i > a && self.text(i - 1) == "new"));
            }
        }
        for i in a..b.saturating_sub(1) {
            let key = match self.l.toks[i].kind {
                Kind::Ident => Cow::Borrowed(self.text(i)),
                Kind::Str(_) => self.l.str_at(i).map(|s| s.text()).unwrap_or_default(),
                _ => continue,
            };
            let is_key = BASE_KEYS.contains(&key.as_ref()) || (faraday && key == "url");
            if is_key && matches!(self.text(i + 1), ":" | "=>" | "=") {
                let end = self.expr_end(i + 2).min(b);
                return Some(self.eval(i + 2, end, 0));
            }
            if BASE_SETTERS.contains(&key.as_ref()) && self.is(i + 1, "(") && i > a && self.is_member_op(i - 1) {
                let end = self.expr_end(i + 2).min(b);
                return Some(self.eval(i + 2, end, 0));
            }
        }
        if faraday {
            // `Faraday.new("https://…")`
            for i in a..b {
                if self.text(i) == "new" && self.is(i + 1, "(") && self.l.str_at(i + 2).is_some() {
                    let end = self.expr_end(i + 2);
                    return Some(self.eval(i + 2, end, 0));
                }
            }
        }
        if bigcommerce {
            // node-bigcommerce: v2 unless `apiVersion: 'v3'`.
            let mut version = "v2";
            for i in a..b.saturating_sub(2) {
                if self.text(i) == "apiVersion" && matches!(self.text(i + 1), ":" | "=") {
                    if let Some(s) = self.l.str_at(i + 2) {
                        if s.text() == "v3" {
                            version = "v3";
                        }
                    }
                }
            }
            return Some(gateway_base(version));
        }
        // A factory named after BigCommerce, called with the API version as a whole argument:
        // `bigcommerceClient(token, hash, 'v2')`.
        for i in a..b {
            if !(self.l.is_ident(i) && names_bigcommerce(self.text(i)) && self.is(i + 1, "(")) {
                continue;
            }
            let close = self.close_of(i + 1).min(b);
            for j in i + 2..close {
                let whole = matches!(self.text(j - 1), "(" | ",") && matches!(self.text(j + 1), ")" | ",");
                if let Some(v) = self.l.str_at(j).map(|s| s.text()).filter(|v| whole && (v == "v2" || v == "v3")) {
                    return Some(gateway_base(&v));
                }
            }
        }
        None
    }
}
