//! A page per scope: what it is, and every route it reaches.

use super::super::labels::*;
use super::super::text::*;
use super::super::{Out, Page};
use crate::export::scope_url;
use crate::{Permission, Scope, ScopeInfo};

impl Out<'_> {
    // ---- one scope ------------------------------------------------------------------------------

    pub(in crate::render::markdown) fn scope(&mut self, s: &ScopeInfo) -> String {
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
            ("BigCommerce docs", format!("[API Accounts & OAuth Scopes]({})", scope_url(s))),
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
                    operation_link(route, op),
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
                    operation_link(route, op),
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
