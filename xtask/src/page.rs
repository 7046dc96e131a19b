//! The API-accounts page (`docs/start/authentication/api-accounts.mdx`): its scope tables.

use crate::table;
use std::path::Path;

/// Where the page is, relative to the docs' `docs/` folder.
pub const API_ACCOUNTS: &str = "start/authentication/api-accounts.mdx";

/// One row of a scope table of the page.
#[derive(Debug, Clone)]
pub struct PageScope {
    /// The `Parameter` column's name (backticks removed).
    pub name: String,
    pub ui_name: String,
    pub permission: String,
    /// The group of the table's heading (`token-creation`, `store-resource`, `account-resource`),
    /// as data/scopes.toml writes `group`; `None` under a heading the check does not know.
    pub group: Option<&'static str>,
    /// Line of the row in the page (1-based).
    pub line: usize,
}

/// The group a scope table's heading names ("Store resource scopes" → `store-resource`).
fn group(heading: Option<&str>) -> Option<&'static str> {
    let h = heading?.to_ascii_lowercase();
    [
        ("token creation", "token-creation"),
        ("store resource", "store-resource"),
        ("account resource", "account-resource"),
    ]
    .into_iter()
    .find(|(words, _)| h.contains(words))
    .map(|(_, g)| g)
}

/// Every row of every table with a `Parameter` column, in page order.
pub fn read(text: &str) -> Vec<PageScope> {
    let mut out = Vec::new();
    for t in table::parse(text).tables {
        let Some(param) = t.column("Parameter") else { continue };
        let (ui, perm) = (t.column("UI Name"), t.column("Permission"));
        let g = group(t.heading.as_deref());
        for row in &t.rows {
            let cell =
                |i: Option<usize>| i.and_then(|i| row.cells.get(i)).map(|c| table::squash(c)).unwrap_or_default();
            for name in table::code_names(&cell(Some(param))) {
                out.push(PageScope { name, ui_name: cell(ui), permission: cell(perm), group: g, line: row.line });
            }
        }
    }
    out
}

/// Reads the page; a page without any scope table is an error (moved, or a new format), not drift.
pub fn load(path: &Path) -> Result<Vec<PageScope>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let scopes = read(&text);
    if scopes.is_empty() {
        return Err(format!("{}: no scope table (a table with a `Parameter` column) found", path.display()));
    }
    Ok(scopes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_scope_rows_with_their_group() {
        let page = "## OAuth scopes\n\n### Store resource scopes\n\n\
                    | UI Name | Permission | Parameter | Description |\n|:--|:--|:--|:--|\n\
                    | Fulfillment Methods| modify | `store_fulfillment_methods_manage` | View |\n\n\
                    ### Account resource scopes\n\n| UI Name | Permission | Parameter |\n|--|--|--|\n\
                    | Account | read-only | `account_read` |\n\n| API | Store |\n|--|--|\n| REST | x |\n";
        let s = read(page);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].name, "store_fulfillment_methods_manage");
        assert_eq!((s[0].ui_name.as_str(), s[0].permission.as_str()), ("Fulfillment Methods", "modify"));
        assert_eq!(s[0].group, Some("store-resource"));
        assert_eq!(s[0].line, 7);
        assert_eq!((s[1].name.as_str(), s[1].group), ("account_read", Some("account-resource")));
    }
}
