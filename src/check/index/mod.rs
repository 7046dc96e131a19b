//! The project-wide index: every file that can matter, tokenized once, with its functions and
//! classes, and the names across files (functions by name, classes by name, subclasses by their
//! parent), so that resolution can follow a path through a wrapper, a base class or a request
//! class in another file.

pub(crate) mod file;

use super::syntax::lang::Language;
use super::syntax::lexer::{lex, Lexed};
use super::syntax::nav::Syntax;
use file::FileIndex;
use rustc_hash::FxHashMap;

/// A source file that passed the prefilter.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// Path as reported (relative to the working directory), `/`-separated.
    pub path: String,
    pub language: Language,
    pub text: String,
    /// The file names BigCommerce (or its `X-Auth-Token` header, or a store hash).
    pub strong: bool,
    /// The absolute path (empty for a text that is not a file).
    pub abs: std::path::PathBuf,
    /// The project the file belongs to (see `check::projects`).
    pub project: usize,
    /// The `[client] base_url` of its project's configuration.
    pub base_url: Option<String>,
}

impl Source {
    /// A source text, in no project.
    pub(crate) fn new(path: String, language: Language, text: String, strong: bool) -> Source {
        Source { path, language, text, strong, abs: std::path::PathBuf::new(), project: 0, base_url: None }
    }
}

/// A file, tokenized and indexed.
pub(crate) struct Parsed<'s> {
    pub source: &'s Source,
    pub lexed: Lexed<'s>,
    pub index: FileIndex<'s>,
    /// Tokenizing or indexing it failed (a defect): it is skipped.
    pub failed: bool,
}

/// A function or class of the project: (file, index in that file's list).
pub(crate) type Item = (usize, usize);

/// Every file that can matter, and the names across them.
pub(crate) struct Project<'s> {
    pub files: Vec<Parsed<'s>>,
    functions: FxHashMap<&'s str, Vec<Item>>,
    classes: FxHashMap<&'s str, Vec<Item>>,
    children: FxHashMap<&'s str, Vec<Item>>,
    /// Whether each SDK's markers were seen in the project (asked once per SDK).
    sdks_seen: std::sync::Mutex<FxHashMap<&'static str, bool>>,
    /// Whether defects are contained to their file (see [`Project::build`]).
    pub contain: bool,
    /// The files that assign each name outside any function (built on first use).
    top_level: std::sync::OnceLock<FxHashMap<&'s str, Vec<usize>>>,
    /// Every call by the name called (built on first use: only projects with wrappers ask).
    calls: std::sync::OnceLock<FxHashMap<&'s str, Vec<CallRef>>>,
}

/// A call in the project: (file, token of the called name, its `(` or none for a Ruby call
/// without parentheses).
pub(crate) type CallRef = (usize, usize, Option<usize>);

/// How deep class hierarchies are followed.
const MAX_HIERARCHY: usize = 8;

impl<'s> Project<'s> {
    /// Tokenize and index `sources`, with `threads` threads. With `contain`, a defect (a panic)
    /// in one file's tokens, index or resolution costs that file, not the check; without it (one
    /// source text, fuzzing) the panic surfaces.
    pub(crate) fn build(sources: &'s [Source], threads: usize, contain: bool) -> Project<'s> {
        let parsed = parallel_map(sources, threads, contain, |s: &'s Source| {
            let lexed = lex(&s.text, s.language);
            let index = FileIndex::build(Syntax { l: &lexed, lang: s.language });
            Parsed { source: s, lexed, index, failed: false }
        });
        // A defect in the lexer or the index costs one file (reported as skipped), not the check.
        let files: Vec<Parsed<'s>> = parsed
            .into_iter()
            .zip(sources)
            .map(|(p, s)| {
                p.unwrap_or_else(|| Parsed {
                    source: s,
                    lexed: lex("", s.language),
                    index: FileIndex::default(),
                    failed: true,
                })
            })
            .collect();
        let mut p = Project {
            files,
            functions: FxHashMap::default(),
            classes: FxHashMap::default(),
            children: FxHashMap::default(),
            sdks_seen: Default::default(),
            calls: Default::default(),
            top_level: Default::default(),
            contain,
        };
        for (fi, f) in p.files.iter().enumerate() {
            for (i, func) in f.index.functions.iter().enumerate() {
                p.functions.entry(func.name).or_default().push((fi, i));
            }
            for (i, c) in f.index.classes.iter().enumerate() {
                p.classes.entry(c.name).or_default().push((fi, i));
                if let Some(parent) = c.parent {
                    p.children.entry(parent).or_default().push((fi, i));
                }
            }
        }
        p
    }

    /// The syntax view of a file.
    pub(crate) fn syntax(&self, file: usize) -> Syntax<'_, 's> {
        let f = &self.files[file];
        Syntax { l: &f.lexed, lang: f.source.language }
    }

    /// The functions named `name`, anywhere.
    pub(crate) fn functions_named(&self, name: &str) -> &[Item] {
        self.functions.get(name).map_or(&[], Vec::as_slice)
    }

    /// The calls of functions named `name` across the project (definitions excluded), built for
    /// every name at the first question.
    pub(crate) fn calls_named(&self, name: &str) -> &[CallRef] {
        let calls = self.calls.get_or_init(|| {
            let mut map: FxHashMap<&'s str, Vec<CallRef>> = FxHashMap::default();
            for (fi, f) in self.files.iter().enumerate() {
                let sx = self.syntax(fi);
                let defs: rustc_hash::FxHashSet<usize> = f.index.functions.iter().map(|g| g.name_tok).collect();
                for &o in &sx.l.ops {
                    let o = o as usize;
                    if o == 0 || !sx.is(o, "(") {
                        continue;
                    }
                    let nt = sx.callee_end(o);
                    if sx.l.is_ident(nt) && !defs.contains(&nt) {
                        let name: &'s str = f.lexed.text(nt);
                        map.entry(super::syntax::nav::norm_name(name)).or_default().push((fi, nt, Some(o)));
                    }
                }
                // Ruby calls without parentheses through a receiver: `Product.all`.
                if f.source.language == Language::Ruby {
                    for i in 2..sx.l.toks.len() {
                        if sx.l.is_ident(i) && sx.is_member_op(i - 1) && !sx.is(i + 1, "(") && !defs.contains(&i) {
                            let name: &'s str = f.lexed.text(i);
                            map.entry(name).or_default().push((fi, i, None));
                        }
                    }
                }
            }
            map
        });
        calls.get(name).map_or(&[], Vec::as_slice)
    }

    /// The files that bind `name` outside any function (`const BASE = …`, `API_HOST = …`,
    /// `define('NAME', …)`, `export const config = {…}`): where a constant of another file is
    /// looked for.
    pub(crate) fn files_binding(&self, name: &str) -> &[usize] {
        let map = self.top_level.get_or_init(|| {
            let mut map: FxHashMap<&'s str, Vec<usize>> = FxHashMap::default();
            for (fi, f) in self.files.iter().enumerate() {
                let sx = self.syntax(fi);
                let mut seen = rustc_hash::FxHashSet::default();
                for &o in &sx.l.ops {
                    let o = o as usize;
                    let def_name = if sx.is(o, "=") && o >= 1 && sx.l.is_ident(o - 1) {
                        Some(o - 1)
                    } else if sx.is(o, "(") && o >= 1 && sx.text(o - 1) == "define" && sx.l.str_at(o + 1).is_some() {
                        Some(o + 1)
                    } else {
                        None
                    };
                    let Some(t) = def_name else { continue };
                    if f.index.function_at(o).is_some() {
                        continue;
                    }
                    let name: &'s str = match f.lexed.str_at(t) {
                        Some(lit) => match lit.parts {
                            [super::syntax::lexer::Part::Text(std::borrow::Cow::Borrowed(n))] => n,
                            _ => continue,
                        },
                        None => super::syntax::nav::norm_name(f.lexed.text(t)),
                    };
                    if seen.insert(name) {
                        map.entry(name).or_default().push(fi);
                    }
                }
            }
            map
        });
        map.get(name).map_or(&[], Vec::as_slice)
    }

    /// Whether the project defines a function or method named `name`.
    pub(crate) fn defines_function(&self, name: &str) -> bool {
        self.functions.contains_key(name)
    }

    /// Whether SDK `id` is in use, computed once by `seen`.
    pub(crate) fn sdk_markers_seen(&self, id: &'static str, seen: impl FnOnce() -> bool) -> bool {
        if let Some(&v) = self.sdks_seen.lock().ok().and_then(|m| m.get(id).copied()).as_ref() {
            return v;
        }
        let v = seen();
        if let Ok(mut m) = self.sdks_seen.lock() {
            m.insert(id, v);
        }
        v
    }

    /// The class named `name`, preferring one in `file`, then one in a file of the same language.
    pub(crate) fn class_named(&self, name: &str, file: usize) -> Option<Item> {
        let all = self.classes.get(name)?;
        let lang = self.files[file].source.language;
        all.iter()
            .find(|c| c.0 == file)
            .or_else(|| all.iter().find(|c| self.files[c.0].source.language.same_family(lang)))
            .copied()
    }

    /// The parent of a class, if the project defines it.
    pub(crate) fn parent(&self, class: Item) -> Option<Item> {
        let c = &self.files[class.0].index.classes[class.1];
        let p = self.class_named(c.parent?, class.0)?;
        (p != class).then_some(p)
    }

    /// Whether class `c` is `ancestor` or extends it (without allocating: asked for every call
    /// site of a method's name).
    pub(crate) fn extends(&self, c: Item, ancestor: Item) -> bool {
        let mut cur = Some(c);
        for _ in 0..MAX_HIERARCHY {
            match cur {
                Some(x) if x == ancestor => return true,
                Some(x) => cur = self.parent(x),
                None => return false,
            }
        }
        false
    }

    /// A class and its ancestors, nearest first.
    pub(crate) fn lineage(&self, class: Item) -> Vec<Item> {
        let mut out = vec![class];
        while out.len() < MAX_HIERARCHY {
            match self.parent(*out.last().expect("not empty")) {
                Some(p) if !out.contains(&p) => out.push(p),
                _ => break,
            }
        }
        out
    }

    /// The classes that extend a class, directly or not.
    pub(crate) fn descendants(&self, class: Item) -> Vec<Item> {
        let mut out: Vec<Item> = Vec::new();
        let mut frontier = vec![class];
        while let Some(c) = frontier.pop() {
            let name = self.files[c.0].index.classes[c.1].name;
            for &child in self.children.get(name).map_or(&[][..], Vec::as_slice) {
                // A class of that name elsewhere is another class: the child's parent must be
                // this one as the child's file sees it.
                if self.parent(child) != Some(c) {
                    continue;
                }
                if child != class && !out.contains(&child) && out.len() < 256 {
                    out.push(child);
                    frontier.push(child);
                }
            }
        }
        out
    }
}

/// `f` over `items` on up to `threads` threads, results in order; with `contain`, none where `f`
/// panicked (a defect costs one file, not the whole check).
pub(crate) fn parallel_map<'a, T: Sync, R: Send>(
    items: &'a [T],
    threads: usize,
    contain: bool,
    f: impl Fn(&'a T) -> R + Sync,
) -> Vec<Option<R>> {
    let f = |t: &'a T| {
        if contain {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(t))).ok()
        } else {
            Some(f(t))
        }
    };
    let threads = threads.clamp(1, 64).min(items.len().max(1));
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut parts: Vec<Vec<(usize, Option<R>)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        out.push((i, f(item)));
                    }
                    out
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
    });
    let mut all: Vec<(usize, Option<R>)> = parts.iter_mut().flat_map(std::mem::take).collect();
    all.sort_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, r)| r).collect()
}
