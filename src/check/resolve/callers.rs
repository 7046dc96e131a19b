//! The call sites of a function across the project: by name, in files of its language, with
//! the receiver they are made through.

use crate::check::conventions::{method_from_name, GENERIC_WRAPPERS};
use crate::check::index::Project;

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
    for &(fi, nt, open) in project.calls_named(name) {
        if !project.files[fi].source.language.same_family(lang) {
            continue;
        }
        let sx = project.syntax(fi);
        let receiver = (nt >= 2 && sx.is_member_op(nt - 1)).then(|| nt - 2);
        if generic && fi != file && receiver.is_none() && def.class.is_none() && !imports(project, fi, file) {
            // A bare `get(…)` elsewhere is some other `get`, unless this file is imported there.
            continue;
        }
        // Every site: a wrapper's 2,001st call may need a scope its first 2,000 do not.
        out.push(Site { file: fi, name_tok: nt, open, receiver });
    }
    out
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
