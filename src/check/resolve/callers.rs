//! The call sites of a function across the project: by name, in files of its language, with
//! the receiver they are made through.

use crate::check::conventions::{method_from_name, GENERIC_WRAPPERS};
use crate::check::index::Project;

/// At most this many call sites are read per template (a helper called everywhere).
const MAX_SITES: usize = 2000;

/// A call of a function: where, and through what.
pub(super) struct Site {
    pub file: usize,
    /// The token of the function's name at the call.
    pub name_tok: usize,
    /// The call's `(` (none for a Ruby call without parentheses).
    pub open: Option<usize>,
    /// The receiver's token (`client` of `client.get(…)`), if any.
    pub receiver: Option<usize>,
}

/// The call sites of function `func` of file `file` across the project.
pub(super) fn call_sites(project: &Project<'_>, file: usize, func: usize) -> Vec<Site> {
    let def = &project.files[file].index.functions[func];
    let name = def.name;
    let lang = project.files[file].source.language;
    let generic = GENERIC_WRAPPERS.contains(&name) || method_from_name(name).is_some();
    let mut out = Vec::new();
    for (fi, f) in project.files.iter().enumerate() {
        if !f.source.language.same_family(lang)
            || memchr::memmem::find(f.source.text.as_bytes(), name.as_bytes()).is_none()
        {
            continue;
        }
        let sx = project.syntax(fi);
        for &o in &sx.l.ops {
            let o = o as usize;
            if !sx.is(o, "(") || o == 0 {
                continue;
            }
            let nt = sx.callee_end(o);
            if !sx.l.is_ident(nt) || crate::check::syntax::nav::norm_name(sx.text(nt)) != name {
                continue;
            }
            if fi == file && nt == def.name_tok {
                continue;
            }
            // A definition of another function of the same name is not a call.
            if f.index.functions.iter().any(|g| g.name_tok == nt) {
                continue;
            }
            let receiver = (nt >= 2 && sx.is_member_op(nt - 1)).then_some(nt - 2);
            if generic && fi != file && receiver.is_none() && def.class.is_none() {
                // A bare `get(…)` elsewhere is some other `get`, unless this file is imported there.
                if !imports(project, fi, file) {
                    continue;
                }
            }
            out.push(Site { file: fi, name_tok: nt, open: Some(o), receiver });
            if out.len() >= MAX_SITES {
                return out;
            }
        }
        if lang == crate::check::syntax::lang::Language::Ruby {
            ruby_bare_sites(project, fi, file, func, &mut out);
        }
    }
    out
}

/// Ruby calls without parentheses: `Product.all`, `client.get "catalog/products"`.
fn ruby_bare_sites(project: &Project<'_>, fi: usize, file: usize, func: usize, out: &mut Vec<Site>) {
    let def = &project.files[file].index.functions[func];
    let sx = project.syntax(fi);
    for i in 1..sx.l.toks.len() {
        if !sx.l.is_ident(i) || sx.text(i) != def.name || sx.is(i + 1, "(") || (fi == file && i == def.name_tok) {
            continue;
        }
        if sx.text(i - 1) == "def" || !sx.is_member_op(i - 1) {
            continue;
        }
        out.push(Site { file: fi, name_tok: i, open: None, receiver: Some(i - 2) });
    }
}

/// Whether file `from` names file `to` in its imports (by its stem: `./client`, `client.rb`,
/// `App\Api\Client`).
fn imports(project: &Project<'_>, from: usize, to: usize) -> bool {
    if from == to {
        return true;
    }
    let path = &project.files[to].source.path;
    let stem = path.rsplit('/').next().unwrap_or(path).split('.').next().unwrap_or("");
    !stem.is_empty() && memchr::memmem::find(project.files[from].source.text.as_bytes(), stem.as_bytes()).is_some()
}
