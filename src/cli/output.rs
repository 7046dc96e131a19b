//! Shared helpers for human-readable output (aligned tables and label/value blocks), its styling,
//! and JSON.
//!
//! Styled text carries ANSI escapes unconditionally; the streams it is written to (`anstream`, with
//! the `--color` choice) strip them when colour is off, so with colour off the output is the plain
//! text byte for byte.

use anstyle::{AnsiColor, Style};
use serde::Serialize;

/// The `error:` prefix of error messages.
pub(crate) const ERROR: Style = AnsiColor::Red.on_default().bold();
/// The `warning:` prefix of warnings.
pub(crate) const WARNING: Style = AnsiColor::Yellow.on_default().bold();
/// The labels of label/value blocks.
pub(crate) const LABEL: Style = Style::new().bold();

/// `text` in `style` (the escapes are stripped on output when colour is off).
pub(crate) fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// `error: {message}` with the prefix styled, ending in a newline.
pub(crate) fn error_line(message: &str) -> String {
    format!("{} {message}\n", paint(ERROR, "error:"))
}

/// `warning: {message}` with the prefix styled, ending in a newline.
pub(crate) fn warning_line(message: &str) -> String {
    format!("{} {message}\n", paint(WARNING, "warning:"))
}

/// Columns separated by this many spaces.
const GAP: usize = 2;

fn width(s: &str) -> usize {
    s.chars().count()
}

/// Pad every column but the last to its widest cell; trailing spaces are trimmed.
fn render_rows(rows: &[Vec<String>], out: &mut String) {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; cols];
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(width(cell));
        }
    }
    for row in rows {
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
}

/// An aligned table with an optional header row.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table whose first row is `header`.
    pub(crate) fn new(header: &[&str]) -> Table {
        Table { rows: vec![header.iter().map(|h| h.to_string()).collect()] }
    }

    /// A table without a header row.
    pub(crate) fn plain() -> Table {
        Table::default()
    }

    /// Add a row.
    pub(crate) fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) -> &mut Table {
        self.rows.push(cells.into_iter().map(Into::into).collect());
        self
    }

    /// The table as lines (each ending in a newline).
    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        render_rows(&self.rows, &mut out);
        out
    }

    /// The table as separate lines, without newlines.
    pub(crate) fn lines(&self) -> Vec<String> {
        self.render().lines().map(str::to_owned).collect()
    }
}

/// A block of `Label:  value` lines with the values aligned; a value of several lines continues
/// under the first.
#[derive(Debug, Default)]
pub(crate) struct Fields {
    rows: Vec<(&'static str, Vec<String>)>,
}

impl Fields {
    pub(crate) fn new() -> Fields {
        Fields::default()
    }

    /// One value.
    pub(crate) fn one(&mut self, label: &'static str, value: impl Into<String>) -> &mut Fields {
        self.rows.push((label, vec![value.into()]));
        self
    }

    /// One line per item, or `empty` when there are none (the row is left out if `empty` is None).
    pub(crate) fn many<S: Into<String>>(
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

    pub(crate) fn render(&self) -> String {
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

/// Items joined with `, `, or `none`.
pub(crate) fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let v: Vec<String> = items.into_iter().map(|s| s.as_ref().to_owned()).collect();
    if v.is_empty() {
        "none".to_owned()
    } else {
        v.join(", ")
    }
}

/// `yes` or `no`.
pub(crate) fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// Pretty JSON followed by a newline.
pub(crate) fn json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("CLI output serializes to JSON");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_all_but_the_last_column() {
        let mut t = Table::new(&["A", "BB", "C"]);
        t.row(["xxx", "", "z"]).row(["y", "yy", ""]);
        assert_eq!(t.render(), "A    BB  C\nxxx      z\ny    yy\n");
    }

    #[test]
    fn fields_align_values_and_continue_lists() {
        let mut f = Fields::new();
        f.one("Name", "x").many("Longer", ["a", "b"], None).many("Gone", Vec::<String>::new(), None);
        f.many("Empty", Vec::<String>::new(), Some("none"));
        let plain = "Name:    x\nLonger:  a\n         b\nEmpty:   none\n";
        assert_eq!(anstream::adapter::strip_str(&f.render()).to_string(), plain);
        assert!(f.render().starts_with(&format!("{}Name:{}    x\n", LABEL.render(), LABEL.render_reset())));
    }

    #[test]
    fn prefixes_are_styled_and_strip_to_plain_text() {
        assert_eq!(anstream::adapter::strip_str(&error_line("bad")).to_string(), "error: bad\n");
        assert_eq!(anstream::adapter::strip_str(&warning_line("odd")).to_string(), "warning: odd\n");
        assert!(error_line("bad").starts_with("\x1b[1m\x1b[31merror:"), "{:?}", error_line("bad"));
        assert!(warning_line("odd").contains("\x1b[33m"), "{:?}", warning_line("odd"));
    }
}
