//! Markdown text: code spans, escaped data text and GitHub-flavoured tables.

// ---- Markdown text ----------------------------------------------------------------------------

/// A code span holding `s` verbatim.
pub(super) fn code(s: &str) -> String {
    let s = s.replace(['\r', '\n'], " ");
    if s.contains('`') {
        format!("`` {s} ``")
    } else {
        format!("`{s}`")
    }
}

/// Data text as inline Markdown: its code spans (between backticks) are kept; outside them,
/// characters that Markdown or MDX would read as syntax are escaped, and line breaks become spaces.
pub(super) fn text(s: &str) -> String {
    let s = s.replace("\r\n", " ").replace(['\r', '\n'], " ");
    let parts: Vec<&str> = s.split('`').collect();
    // An odd number of backticks: the last one opens no code span.
    let balanced = parts.len() % 2 == 1;
    let mut out = String::with_capacity(s.len());
    for (i, part) in parts.iter().enumerate() {
        let in_code = i % 2 == 1 && (balanced || i + 1 < parts.len());
        if i > 0 {
            let closing_unbalanced = !balanced && i + 1 == parts.len();
            out.push_str(if closing_unbalanced { "\\`" } else { "`" });
        }
        if in_code {
            out.push_str(part);
        } else {
            for c in part.chars() {
                match c {
                    '\\' | '{' | '}' | '*' | '[' | ']' => {
                        out.push('\\');
                        out.push(c);
                    }
                    '<' => out.push_str("&lt;"),
                    _ => out.push(c),
                }
            }
        }
    }
    out
}

/// A GitHub-flavoured Markdown table. Cells are inline Markdown; rendering escapes every `|` as
/// `\|` and turns line breaks into spaces, so each row stays one line with the header's columns.
pub(super) struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub(super) fn new<S: AsRef<str>>(header: &[S]) -> Table {
        Table { header: header.iter().map(|h| h.as_ref().to_owned()).collect(), rows: Vec::new() }
    }

    pub(super) fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let row: Vec<String> = cells.into_iter().map(Into::into).collect();
        debug_assert_eq!(row.len(), self.header.len(), "a row has the header's columns");
        self.rows.push(row);
    }

    pub(super) fn render(&self) -> String {
        let mut out = String::new();
        let line = |cells: &[String], out: &mut String| {
            out.push('|');
            for c in cells {
                let c = cell(c);
                out.push(' ');
                out.push_str(&c);
                out.push_str(if c.is_empty() { "|" } else { " |" });
            }
            out.push('\n');
        };
        line(&self.header, &mut out);
        out.push('|');
        for _ in &self.header {
            out.push_str(" --- |");
        }
        out.push('\n');
        for row in &self.rows {
            line(row, &mut out);
        }
        out
    }
}

pub(super) fn cell(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\r', '\n'], " ").replace('|', "\\|").trim().to_owned()
}
