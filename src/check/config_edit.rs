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
/// with its comment; the comments the file had on and above a scope that stays are kept
/// instead, suppression comments among them) and, when
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
    let kept = old_entries(doc.get("granted"));
    let mut array = String::from("[");
    let quoted: Vec<String> = entries.iter().map(|e| format!("{},", Value::from(e.name.as_str()))).collect();
    // Comments aligned after the longest name.
    let width = quoted.iter().map(|q| q.chars().count()).max().unwrap_or(0);
    for (e, q) in entries.iter().zip(&quoted) {
        let old = kept.iter().find(|o| o.name == e.name);
        for line in old.map(|o| o.above.as_slice()).unwrap_or_default() {
            array.push_str(&format!("\n  {line}"));
        }
        let why = old.and_then(|o| o.after.as_deref()).unwrap_or(&e.why);
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

/// What an existing `granted` array says about an entry: the comment after it on its line
/// (`"x",  # why`) and the comment lines above it (a suppression comment, a note).
struct OldEntry {
    name: String,
    after: Option<String>,
    above: Vec<String>,
}

fn old_entries(item: Option<&Item>) -> Vec<OldEntry> {
    let Some(array) = item.and_then(Item::as_array) else { return Vec::new() };
    let values: Vec<&Value> = array.iter().collect();
    let prefix = |v: &Value| v.decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_owned();
    let comment = |line: &str| line.trim().strip_prefix('#').map(|c| c.trim().to_owned());
    let mut out = Vec::new();
    for (i, v) in values.iter().enumerate() {
        let Some(name) = v.as_str() else { continue };
        // A comment on an entry's line is held by what follows it: the next entry, or the end.
        let following = match values.get(i + 1) {
            Some(next) => prefix(next),
            None => array.trailing().as_str().unwrap_or("").to_owned(),
        };
        let after = following.split('\n').next().and_then(comment);
        // The lines of its own prefix after the first (which ends the previous entry's line).
        let own = prefix(v);
        let above = own.split('\n').skip(1).filter_map(|l| comment(l).map(|_| l.trim().to_owned())).collect();
        out.push(OldEntry { name: name.to_owned(), after, above });
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
    fn comment_lines_above_a_kept_entry_stay_with_it() {
        let text = "granted = [\n  \"store_v2_content\",\n  # bc-scopes: ignore[excess] -- the nightly report\n  \"store_v2_orders_read_only\",\n]\n";
        let out = update_config(text, &[entry("store_v2_orders_read_only", "kept"), entry("store_cart", "POST")], None)
            .unwrap();
        assert_eq!(
            out,
            "granted = [\n  # bc-scopes: ignore[excess] -- the nightly report\n  \"store_v2_orders_read_only\",  # kept\n  \"store_cart\",                 # POST\n]\n"
        );
    }

    #[test]
    fn invalid_toml_is_an_error() {
        assert!(update_config("granted = [", &[], None).is_err());
    }
}
