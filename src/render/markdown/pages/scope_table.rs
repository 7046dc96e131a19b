//! The OAuth scope table, in the shape of BigCommerce's tables.

use super::super::labels::*;
use super::super::text::*;
use super::super::Out;
use crate::{Scope, ScopeGroup, ScopeInfo};
use strum::VariantArray;

impl Out<'_> {
    // ---- the scope table ----------------------------------------------------------------------

    pub(in crate::render::markdown) fn scope_table(&mut self) -> String {
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

    pub(in crate::render::markdown) fn scope_rows(&mut self, scopes: &[&ScopeInfo]) {
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
}
