//! `check --write`: a configuration file's `granted` (and `account_type`) set in place with
//! toml_edit, so that its comments, its order and every other key and table stay as they were.

use crate::error::{Error, ErrorKind};
use toml_edit::{DocumentMut, Item, Value};

/// One entry of `granted`: a scope's name and why it is there (a comment, may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantedEntry {
    /// The scope's name.
    pub name: String,
    /// The comment after it (without `#`): the first call that needs it.
    pub why: String,
}

/// The text of a configuration file with `granted` replaced by `entries` (one per line, each
/// with its comment; a comment the file had on a scope that stays is kept instead) and, when
/// given, `account_type` set. Every other key, table and comment is kept as written.
///
/// ```
/// use bigcommerce_scopes::check::{update_config, GrantedEntry};
/// let text = "# our app\ngranted = [\"store_v2_orders\"]  # reviewed\nignore_paths = [\"vendor/**\"]\n\n[[ignore]]\nfinding = \"excess\"\nreason = \"kept\"\n";
/// let entries = [GrantedEntry { name: "store_v2_orders_read_only".into(), why: "GET /v2/orders (a.js:1)".into() }];
/// let out = update_config(text, &entries, None).unwrap();
/// assert!(out.starts_with("# our app\ngranted = [\n  \"store_v2_orders_read_only\",  # GET /v2/orders (a.js:1)\n]  # reviewed\n"), "{out}");
/// assert!(out.ends_with("ignore_paths = [\"vendor/**\"]\n\n[[ignore]]\nfinding = \"excess\"\nreason = \"kept\"\n"));
/// ```
pub fn update_config(text: &str, entries: &[GrantedEntry], account_type: Option<&str>) -> Result<String, Error> {
    let mut doc: DocumentMut = text.parse().map_err(|e| Error::new(ErrorKind::InvalidInput, format!("{e}")))?;
    let kept = old_comments(doc.get("granted"));
    let mut array = String::from("[");
    let quoted: Vec<String> = entries.iter().map(|e| format!("{},", Value::from(e.name.as_str()))).collect();
    // Comments aligned after the longest name.
    let width = quoted.iter().map(|q| q.chars().count()).max().unwrap_or(0);
    for (e, q) in entries.iter().zip(&quoted) {
        let why = kept.iter().find(|(n, _)| *n == e.name).map_or(e.why.as_str(), |(_, c)| c.as_str());
        if why.is_empty() {
            array.push_str(&format!("\n  {q}"));
        } else {
            array.push_str(&format!("\n  {q:<width$}  # {why}"));
        }
    }
    array.push_str(if entries.is_empty() { "]" } else { "\n]" });
    let fresh: DocumentMut =
        format!("granted = {array}\n").parse().map_err(|e| Error::new(ErrorKind::InvalidInput, format!("{e}")))?;
    let value = fresh.get("granted").and_then(Item::as_value).cloned().unwrap_or_else(|| Value::from(""));
    set(&mut doc, "granted", value);
    if let Some(t) = account_type {
        set(&mut doc, "account_type", Value::from(t));
    }
    Ok(doc.to_string())
}

/// Replace (keeping its key's place and its value's comments) or add a top-level value.
fn set(doc: &mut DocumentMut, key: &str, mut value: Value) {
    match doc.get_mut(key) {
        Some(Item::Value(old)) => {
            let decor = old.decor().clone();
            *value.decor_mut() = decor;
            *old = value;
        }
        _ => {
            // Comments of a file with no keys yet stay above the keys added.
            let lead = if doc.as_table().is_empty() {
                let t = doc.trailing().as_str().unwrap_or("").to_owned();
                doc.set_trailing("");
                t
            } else {
                String::new()
            };
            value.decor_mut().set_prefix(" ");
            doc.insert(key, Item::Value(value));
            if let Some(mut k) = doc.as_table_mut().key_mut(key) {
                k.leaf_decor_mut().set_prefix(lead);
            }
        }
    }
}

/// The comment after each entry of an existing `granted` array (`"x",  # why`).
fn old_comments(item: Option<&Item>) -> Vec<(String, String)> {
    let Some(array) = item.and_then(Item::as_array) else { return Vec::new() };
    let values: Vec<&Value> = array.iter().collect();
    let mut out = Vec::new();
    for (i, v) in values.iter().enumerate() {
        let Some(name) = v.as_str() else { continue };
        // A comment on an entry's line is held by what follows it: the next entry, or the end.
        let after = match values.get(i + 1) {
            Some(next) => next.decor().prefix().and_then(|p| p.as_str()).map(str::to_owned),
            None => array.trailing().as_str().map(str::to_owned),
        };
        let line = after.as_deref().unwrap_or("").split('\n').next().unwrap_or("").trim();
        if let Some(c) = line.strip_prefix('#') {
            out.push((name.to_owned(), c.trim().to_owned()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, why: &str) -> GrantedEntry {
        GrantedEntry { name: name.to_owned(), why: why.to_owned() }
    }

    #[test]
    fn comments_order_and_other_keys_are_kept() {
        let text = "# top\naccount_type = \"app\"  # decided\ngranted = [\n  \"store_v2_products\",  # the catalog sync\n  \"store_cart\",\n]\nmax_file_size = 10\n[client]\n# the base\nbase_url = \"https://api.bigcommerce.com/stores/{store_hash}/v3\"\n";
        let out = update_config(text, &[entry("store_v2_orders", "GET x"), entry("store_v2_products", "POST y")], None)
            .unwrap();
        assert_eq!(
            out,
            "# top\naccount_type = \"app\"  # decided\ngranted = [\n  \"store_v2_orders\",    # GET x\n  \"store_v2_products\",  # the catalog sync\n]\nmax_file_size = 10\n[client]\n# the base\nbase_url = \"https://api.bigcommerce.com/stores/{store_hash}/v3\"\n"
        );
    }

    #[test]
    fn missing_keys_are_added_and_account_type_replaced() {
        let out = update_config("# nothing yet\n", &[entry("store_v2_orders", "")], Some("store")).unwrap();
        assert_eq!(out, "# nothing yet\ngranted = [\n  \"store_v2_orders\",\n]\naccount_type = \"store\"\n");
        let out = update_config("account_type = \"app\" # x\ngranted = []\n", &[], Some("store")).unwrap();
        assert_eq!(out, "account_type = \"store\" # x\ngranted = []\n");
    }

    #[test]
    fn invalid_toml_is_an_error() {
        assert!(update_config("granted = [", &[], None).is_err());
    }
}
