//! Text helpers every renderer shares: one pluralizer, one yes/no, one list, aligned tables and
//! label/value blocks, styles, and pretty JSON.
//!
//! Styled text carries ANSI escapes unconditionally; the CLI writes it through streams that strip
//! them when colour is off, so with colour off the output is the plain text byte for byte.

use anstyle::{AnsiColor, Style};
use serde::Serialize;

/// The `error:` prefix of error messages.
pub const ERROR: Style = AnsiColor::Red.on_default().bold();
/// The `warning:` prefix of warnings.
pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
/// The labels of label/value blocks.
pub const LABEL: Style = Style::new().bold();

/// `text` in `style`.
///
/// ```
/// use bigcommerce_scopes::render::text::{paint, LABEL};
/// assert_eq!(paint(LABEL, "Scope:"), "\x1b[1mScope:\x1b[0m");
/// ```
pub fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// Pretty JSON followed by a newline.
///
/// ```
/// assert_eq!(bigcommerce_scopes::render::text::json(&[1, 2]), "[\n  1,\n  2\n]\n");
/// ```
pub fn json<T: Serialize + ?Sized>(value: &T) -> String {
    // Every view is plain data (strings, numbers, lists, maps with string keys).
    let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// Columns separated by this many spaces.
const GAP: usize = 2;

fn width(s: &str) -> usize {
    s.chars().count()
}

/// An aligned table with an optional header row: every column but the last padded to its widest
/// cell, trailing spaces trimmed.
///
/// ```
/// use bigcommerce_scopes::render::text::Table;
/// let mut t = Table::new(&["A", "BB", "C"]);
/// t.row(["xxx", "", "z"]).row(["y", "yy", ""]);
/// assert_eq!(t.render(), "A    BB  C\nxxx      z\ny    yy\n");
/// ```
#[derive(Debug, Default)]
pub struct Table {
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table whose first row is `header`.
    pub fn new(header: &[&str]) -> Table {
        Table { rows: vec![header.iter().map(|h| h.to_string()).collect()] }
    }

    /// A table without a header row.
    pub fn plain() -> Table {
        Table::default()
    }

    /// Add a row.
    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) -> &mut Table {
        self.rows.push(cells.into_iter().map(Into::into).collect());
        self
    }

    /// The table as lines (each ending in a newline).
    pub fn render(&self) -> String {
        let cols = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut widths = vec![0; cols];
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                widths[i] = widths[i].max(width(cell));
            }
        }
        let mut out = String::new();
        for row in &self.rows {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                line.push_str(cell);
                if i + 1 < row.len() {
                    line.extend(std::iter::repeat_n(' ', widths[i] - width(cell) + GAP));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// The table as separate lines, without newlines.
    pub fn lines(&self) -> Vec<String> {
        self.render().lines().map(str::to_owned).collect()
    }
}

/// A block of `Label:  value` lines with the values aligned (labels in [`LABEL`] style); a value
/// of several lines continues under the first.
///
/// ```
/// use bigcommerce_scopes::render::text::Fields;
/// let mut f = Fields::new();
/// f.one("Name", "x").many("Longer", ["a", "b"], None).many("Empty", Vec::<String>::new(), Some("none"));
/// let plain = f.render().replace("\x1b[1m", "").replace("\x1b[0m", "");
/// assert_eq!(plain, "Name:    x\nLonger:  a\n         b\nEmpty:   none\n");
/// ```
#[derive(Debug, Default)]
pub struct Fields {
    rows: Vec<(&'static str, Vec<String>)>,
}

impl Fields {
    /// An empty block.
    pub fn new() -> Fields {
        Fields::default()
    }

    /// One value.
    pub fn one(&mut self, label: &'static str, value: impl Into<String>) -> &mut Fields {
        self.rows.push((label, vec![value.into()]));
        self
    }

    /// One line per item, or `empty` when there are none (the row is left out if `empty` is None).
    pub fn many<S: Into<String>>(
        &mut self,
        label: &'static str,
        items: impl IntoIterator<Item = S>,
        empty: Option<&str>,
    ) -> &mut Fields {
        let items: Vec<String> = items.into_iter().map(Into::into).collect();
        if !items.is_empty() {
            self.rows.push((label, items));
        } else if let Some(e) = empty {
            self.rows.push((label, vec![e.to_owned()]));
        }
        self
    }

    /// The block as lines (each ending in a newline).
    pub fn render(&self) -> String {
        let label_width = self.rows.iter().map(|(l, _)| width(l) + 1).max().unwrap_or(0) + GAP;
        let mut out = String::new();
        for (label, values) in &self.rows {
            for (i, value) in values.iter().enumerate() {
                // Padded by hand: the escapes around the label take no room on screen.
                let pad = label_width - if i == 0 { width(label) + 1 } else { 0 };
                if i == 0 {
                    out.push_str(&paint(LABEL, &format!("{label}:")));
                }
                let line = format!("{:pad$}{value}", "");
                out.push_str(line.trim_end());
                out.push('\n');
            }
        }
        out
    }
}

/// `1 call`, `2 calls`: a count and its noun, plural with `s`.
///
/// ```
/// use bigcommerce_scopes::render::text::count;
/// assert_eq!(count(1, "call"), "1 call");
/// assert_eq!(count(0, "file"), "0 files");
/// ```
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {}", plural(n, noun, &format!("{noun}s")))
}

/// `one` for 1, else `many` (`plural(n, "needs", "need")`).
///
/// ```
/// use bigcommerce_scopes::render::text::plural;
/// assert_eq!(plural(1, "scope", "scopes"), "scope");
/// assert_eq!(plural(2, "has", "have"), "have");
/// ```
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// `yes` or `no`.
///
/// ```
/// assert_eq!(bigcommerce_scopes::render::text::yes_no(true), "yes");
/// ```
pub fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// Items joined with `, `, or `none`.
///
/// ```
/// use bigcommerce_scopes::render::text::list;
/// assert_eq!(list(["a", "b"]), "a, b");
/// assert_eq!(list(Vec::<String>::new()), "none");
/// ```
pub fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let v: Vec<String> = items.into_iter().map(|s| s.as_ref().to_owned()).collect();
    if v.is_empty() {
        "none".to_owned()
    } else {
        v.join(", ")
    }
}
