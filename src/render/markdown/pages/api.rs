//! A page per API: authentication, and its routes grouped by OpenAPI spec.

use super::super::labels::*;
use super::super::text::*;
use super::super::{Out, Page};
use crate::export::{api_url, route_url};
use crate::{ApiInfo, Operation, Route, Scope};
use std::collections::BTreeMap;

impl Out<'_> {
    // ---- one API --------------------------------------------------------------------------------

    pub(in crate::render::markdown) fn api(&mut self, api: &ApiInfo) -> String {
        self.heading(1, &text(api.name));
        self.para(&text(api.description));
        let account_types: Vec<_> = api.account_types.iter().map(|t| text(t.info().name)).collect();
        self.fields(&[
            ("Id", code(api.id)),
            ("BigCommerce docs", format!("[{}]({})", text(api.name), api_url(api.api))),
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
                let source = sources(&[&format!("spec:{spec}")]).join("");
                self.para(&format!("Reference: [{}]({}) · spec {source}", text(title), route_url(routes[0].route)));
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
                            format!("{}{refs}", operation_link(r.route, op)),
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

    /// The notes of an operation worth showing on an API page, in Markdown.
    pub(in crate::render::markdown) fn operation_notes(
        &self,
        api: &ApiInfo,
        route: &Route,
        op: &Operation,
    ) -> Vec<String> {
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
