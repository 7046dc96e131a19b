//! Markdown pipe tables and headings, as the specs' descriptions and the docs pages write them.
//!
//! Only what those sources use: ATX headings (`### OAuth scopes`) and tables whose lines start with
//! `|`, a header row, then a separator row. Fenced code blocks are skipped, so an example table in
//! a code sample is not read as data.

/// One table row, with its line in the text (1-based).
#[derive(Debug, Clone)]
pub struct Row {
    pub cells: Vec<String>,
    pub line: usize,
}

/// One pipe table and the heading it is under.
#[derive(Debug, Clone)]
pub struct Table {
    /// The nearest heading above the table (its text, without the `#`s), if any.
    pub heading: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

impl Table {
    /// The index of the column named `name` (case-insensitive).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h.eq_ignore_ascii_case(name))
    }
}

/// A text's headings (in order) and tables.
#[derive(Debug, Default)]
pub struct Markdown {
    pub headings: Vec<String>,
    pub tables: Vec<Table>,
}

/// The heading text of a line, if it is an ATX heading.
fn heading(line: &str) -> Option<&str> {
    let t = line.trim();
    let rest = t.trim_start_matches('#');
    let level = t.len() - rest.len();
    ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with(' '))).then(|| rest.trim())
}

fn is_separator(cells: &[String]) -> bool {
    !cells.is_empty()
        && cells.iter().all(|c| {
            let c = c.trim_matches(':');
            !c.is_empty() && c.chars().all(|ch| ch == '-')
        })
}

/// Splits a table line into trimmed cells: on `|` that is neither escaped nor inside backticks.
pub fn cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = if t.ends_with('|') && !t.ends_with("\\|") { &t[..t.len() - 1] } else { t };
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut in_code, mut escaped) = (false, false);
    for ch in t.chars() {
        match ch {
            '|' if !in_code && !escaped => out.push(std::mem::take(&mut cur).trim().to_string()),
            _ => {
                if ch == '`' {
                    in_code = !in_code;
                }
                cur.push(ch);
            }
        }
        escaped = ch == '\\';
    }
    out.push(cur.trim().to_string());
    out
}

/// Reads the headings and pipe tables of `text`.
pub fn parse(text: &str) -> Markdown {
    let mut md = Markdown::default();
    let lines: Vec<&str> = text.lines().collect();
    let (mut i, mut fence) = (0, false);
    while i < lines.len() {
        let line = lines[i].trim();
        if line.starts_with("```") || line.starts_with("~~~") {
            fence = !fence;
            i += 1;
            continue;
        }
        if fence {
            i += 1;
            continue;
        }
        if let Some(h) = heading(line) {
            md.headings.push(h.to_string());
        } else if line.starts_with('|') && i + 1 < lines.len() && is_separator(&cells(lines[i + 1])) {
            let mut table = Table { heading: md.headings.last().cloned(), header: cells(line), rows: Vec::new() };
            i += 2;
            while i < lines.len() && lines[i].trim().starts_with('|') {
                table.rows.push(Row { cells: cells(lines[i]), line: i + 1 });
                i += 1;
            }
            md.tables.push(table);
            continue;
        }
        i += 1;
    }
    md
}

/// The names written in backticks in a cell (`` `store_cart` ``), or, with none, the whole cell.
pub fn code_names(cell: &str) -> Vec<String> {
    let quoted: Vec<String> =
        cell.split('`').skip(1).step_by(2).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    if quoted.is_empty() && !cell.trim().is_empty() {
        vec![cell.trim().to_string()]
    } else {
        quoted
    }
}

/// Collapses runs of white space to one space, so `Fulfillment Methods|` and `Fulfillment  Methods`
/// compare equal.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tables_under_headings() {
        let md = parse(
            "Intro\n\n### OAuth scopes\n\n| UI Name | Permission | Parameter |\n|:--|:--|:--|\n\
             |Carts | modify | `store_cart`|\n| A \\| B | read-only | `x|y` |\n\nAfter\n",
        );
        assert_eq!(md.headings, ["OAuth scopes"]);
        let t = &md.tables[0];
        assert_eq!(t.heading.as_deref(), Some("OAuth scopes"));
        assert_eq!(t.column("parameter"), Some(2));
        assert_eq!(t.rows[0].cells, ["Carts", "modify", "`store_cart`"]);
        assert_eq!(t.rows[0].line, 7);
        assert_eq!(t.rows[1].cells, ["A \\| B", "read-only", "`x|y`"]);
    }

    #[test]
    fn skips_code_fences() {
        let md = parse("```\n# not a heading\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n");
        assert!(md.headings.is_empty() && md.tables.is_empty());
    }

    #[test]
    fn names_in_backticks_or_the_cell() {
        assert_eq!(code_names("`store_cart`"), ["store_cart"]);
        assert_eq!(code_names(" store_logs_read_only "), ["store_logs_read_only"]);
        assert_eq!(code_names("`a` and `b`"), ["a", "b"]);
        assert!(code_names("  ").is_empty());
    }
}
