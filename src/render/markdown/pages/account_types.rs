//! The account-type page: the use-case tables and the API × account-type matrix.

use super::super::labels::*;
use super::super::text::*;
use super::super::Out;
use crate::{AccountType, Api, UseCase, UseCaseTable};
use strum::VariantArray;

impl Out<'_> {
    // ---- account types ------------------------------------------------------------------------

    pub(in crate::render::markdown) fn account_types(&mut self) -> String {
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
    pub(in crate::render::markdown) fn use_case_table(&mut self, which: UseCaseTable, first: &str) {
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
}
