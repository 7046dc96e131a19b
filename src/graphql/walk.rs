//! Reading a GraphQL document with `apollo-parser` and walking its operations' selections against
//! the statements of one API: which statement covers each selected field, and which fields no
//! statement covers.
//!
//! The walk goes only as deep as some statement reaches: below the deepest statement of a path
//! nothing can change the answer. Fragments are expanded where they are spread; a fragment spread
//! twice at the same path is walked once, so a document cannot make the walk explode.

use super::statement::Statement;
use crate::datafile::vocab::GraphqlOperation;
use crate::error::{Error, ErrorKind};
use crate::tables::Api;
use apollo_parser::cst::{self, CstNode};
use apollo_parser::Parser;
use std::collections::{BTreeMap, BTreeSet};

/// Largest document read (bytes).
pub const MAX_DOCUMENT_LEN: usize = 4 << 20;
/// Deepest nesting the parser follows.
const RECURSION_LIMIT: usize = 256;
/// Most tokens the parser reads.
const TOKEN_LIMIT: usize = 1_000_000;

/// A line and column (1-based; columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, schemars::JsonSchema)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, in characters.
    pub column: usize,
}

/// One operation of the document, walked.
pub(crate) struct WalkedOperation {
    pub name: Option<String>,
    pub kind: GraphqlOperation,
    pub position: Position,
    pub roots: Vec<WalkedRoot>,
}

/// One root field of an operation, walked.
pub(crate) struct WalkedRoot {
    pub name: String,
    pub alias: Option<String>,
    pub position: Position,
    /// Statement (index in `Statement::all()`) → the field paths it covers here.
    pub covered: BTreeMap<usize, BTreeSet<String>>,
    /// Field paths no statement covers.
    pub unknown: BTreeSet<String>,
}

/// Byte offset → line and column.
struct Lines<'a>(&'a str);

impl Lines<'_> {
    fn at(&self, offset: usize) -> Position {
        let mut end = offset.min(self.0.len());
        while !self.0.is_char_boundary(end) {
            end -= 1;
        }
        let before = &self.0[..end];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        Position { line, column }
    }

    fn of(&self, node: &impl CstNode) -> Position {
        self.at(usize::from(node.syntax().text_range().start()))
    }
}

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidGraphql, message)
}

/// Parse `document` and walk every operation against the statements of `api`.
pub(crate) fn walk(api: Api, document: &str) -> Result<Vec<WalkedOperation>, Error> {
    if document.len() > MAX_DOCUMENT_LEN {
        return Err(invalid(format!(
            "the GraphQL document is {} bytes; the largest read is {MAX_DOCUMENT_LEN}",
            document.len()
        )));
    }
    let lines = Lines(document);
    let tree = Parser::new(document).recursion_limit(RECURSION_LIMIT).token_limit(TOKEN_LIMIT).parse();
    let errors: Vec<&apollo_parser::Error> = tree.errors().collect();
    if let Some(first) = errors.first() {
        let p = lines.at(first.index());
        let found = first.data().trim();
        let found = if found.is_empty() || first.is_eof() {
            " (at the end of the document)".to_owned()
        } else {
            format!(" (found `{}`)", found.chars().take(40).collect::<String>().escape_debug())
        };
        let more = match errors.len() - 1 {
            0 => String::new(),
            n => format!("; {n} more error{} after it", if n == 1 { "" } else { "s" }),
        };
        return Err(invalid(format!(
            "GraphQL syntax error at line {}, column {}: {}{found}{more}",
            p.line,
            p.column,
            first.message()
        )));
    }
    let doc = tree.document();
    let mut fragments: BTreeMap<String, cst::FragmentDefinition> = BTreeMap::new();
    let mut operations = Vec::new();
    for def in doc.definitions() {
        match def {
            cst::Definition::FragmentDefinition(f) => {
                let Some(name) = f.fragment_name().and_then(|n| n.name()).map(|n| n.text().to_string()) else {
                    continue;
                };
                if fragments.insert(name.clone(), f.clone()).is_some() {
                    return Err(invalid(format!("fragment `{name}` is defined twice (line {})", lines.of(&f).line)));
                }
            }
            cst::Definition::OperationDefinition(o) => operations.push(o),
            // Schema definitions and extensions are not requests.
            _ => {}
        }
    }
    if operations.is_empty() {
        return Err(invalid("the GraphQL document holds no operation (query, mutation or subscription)".into()));
    }
    let mut out = Vec::new();
    for o in operations {
        let kind = match o.operation_type() {
            Some(t) if t.mutation_token().is_some() => GraphqlOperation::Mutation,
            Some(t) if t.subscription_token().is_some() => GraphqlOperation::Subscription,
            _ => GraphqlOperation::Query,
        };
        let range = Statement::range_of(api, kind);
        let statements = &Statement::all()[range.clone()];
        let mut w = Walker {
            start: range.start,
            statements,
            wide: statements.iter().position(|s| s.path == "*").map(|i| range.start + i),
            fragments: &fragments,
            lines: &lines,
            roots: Vec::new(),
            seen: BTreeSet::new(),
            stack: Vec::new(),
        };
        if let Some(set) = o.selection_set() {
            w.selections(&set, "", None)?;
        }
        let roots = w.roots;
        out.push(WalkedOperation { name: o.name().map(|n| n.text().to_string()), kind, position: lines.of(&o), roots });
    }
    Ok(out)
}

struct Walker<'a> {
    /// Index in `Statement::all()` of the first of `statements`.
    start: usize,
    statements: &'static [Statement],
    /// The API-wide statement (`*`), which covers every root field in addition to what a field's
    /// own statement asks.
    wide: Option<usize>,
    fragments: &'a BTreeMap<String, cst::FragmentDefinition>,
    lines: &'a Lines<'a>,
    /// The root fields walked so far; the last is the one being walked.
    roots: Vec<WalkedRoot>,
    /// Fragments already spread at a path (of a root field; `None` at the root): the same fragment
    /// at the same path gives the same answer, so it is walked once.
    seen: BTreeSet<(Option<usize>, String, String)>,
    /// The fragments being expanded: spreading one of them again is a cycle, which GraphQL's
    /// validation forbids.
    stack: Vec<String>,
}

impl Walker<'_> {
    /// The statement about exactly `path`, as an index in `Statement::all()`.
    fn exact(&self, path: &str) -> Option<usize> {
        self.statements.iter().position(|s| s.path == path).map(|i| self.start + i)
    }

    /// Whether a statement is about a field below `path`.
    fn reaches_below(&self, path: &str) -> bool {
        self.statements
            .iter()
            .any(|s| s.path.strip_prefix(path).is_some_and(|rest| rest.len() > 1 && rest.starts_with('.')))
    }

    fn fragment(&self, spread: &cst::FragmentSpread) -> Result<(String, cst::SelectionSet), Error> {
        let name = spread.fragment_name().and_then(|n| n.name()).map(|n| n.text().to_string()).unwrap_or_default();
        let def = self.fragments.get(&name).ok_or_else(|| {
            let p = self.lines.of(spread);
            invalid(format!("fragment `{name}` is spread at line {}, column {} but never defined", p.line, p.column))
        })?;
        let set = def.selection_set().ok_or_else(|| invalid(format!("fragment `{name}` has no selections")))?;
        Ok((name, set))
    }

    /// The fields a selection set selects at `path` (empty for the operation's root fields),
    /// through inline fragments and fragment spreads; `covering` is the nearest statement above.
    fn selections(&mut self, set: &cst::SelectionSet, path: &str, covering: Option<usize>) -> Result<(), Error> {
        for sel in set.selections() {
            match sel {
                cst::Selection::Field(f) => {
                    let Some(name) = f.name().map(|n| n.text().to_string()) else { continue };
                    if name == "__typename" {
                        continue;
                    }
                    if path.is_empty() {
                        let mut root = WalkedRoot {
                            alias: f.alias().and_then(|a| a.name()).map(|n| n.text().to_string()),
                            position: self.lines.of(&f),
                            covered: BTreeMap::new(),
                            unknown: BTreeSet::new(),
                            name: name.clone(),
                        };
                        if let Some(w) = self.wide {
                            root.covered.entry(w).or_default().insert(name.clone());
                        }
                        self.roots.push(root);
                        self.field(&f, &name, self.wide)?;
                    } else {
                        self.field(&f, &format!("{path}.{name}"), covering)?;
                    }
                }
                cst::Selection::InlineFragment(i) => {
                    if let Some(s) = i.selection_set() {
                        self.selections(&s, path, covering)?;
                    }
                }
                cst::Selection::FragmentSpread(s) => {
                    let (name, fset) = self.fragment(&s)?;
                    if self.stack.contains(&name) {
                        return Err(invalid(format!("fragment `{name}` spreads itself (a cycle)")));
                    }
                    let root = (!path.is_empty()).then(|| self.roots.len() - 1);
                    if !self.seen.insert((root, name.clone(), path.to_owned())) {
                        continue;
                    }
                    self.stack.push(name);
                    self.selections(&fset, path, covering)?;
                    self.stack.pop();
                }
            }
        }
        Ok(())
    }

    /// One field at `path` of the current root field: its own statement (a statement below an
    /// ancestor's adds to it: the docs name what each level needs), and its children while a
    /// statement reaches below; where the walk ends, the nearest statement above covers the field,
    /// or nothing does.
    fn field(&mut self, f: &cst::Field, path: &str, covering: Option<usize>) -> Result<(), Error> {
        let own = self.exact(path);
        let descend = match f.selection_set() {
            Some(set) if self.reaches_below(path) => Some(set),
            _ => None,
        };
        let root = self.roots.last_mut().expect("a root field is being walked");
        match (own.or(covering), own.is_some() || descend.is_none()) {
            (Some(s), true) => {
                root.covered.entry(s).or_default().insert(path.to_owned());
            }
            (None, true) => {
                root.unknown.insert(path.to_owned());
            }
            (_, false) => {}
        }
        match descend {
            Some(set) => self.selections(&set, path, own.or(covering)),
            None => Ok(()),
        }
    }
}
