//! Resolution across the project: each file's literal calls and templates, then templates
//! completed at their functions' call sites (wrappers, a few levels up) and in the subclasses
//! that define their members (properties), then SDK calls.

use super::callers::call_sites;
use super::complete::Completion;
use super::templates::{Template, TemplateKey};
use super::value::{Piece, Var};
use super::{Extractor, FileContext, RawCall};
use crate::check::index::{parallel_map, Project};
use crate::check::model::ViaKind;
use crate::Method;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeSet;

/// How many wrapper levels are followed above the request.
const MAX_LEVELS: u8 = 4;

/// How many call sites templates are completed at, in all, per project: a bound on the work
/// where every level multiplies it (a warning says when it is reached).
const MAX_COMPLETIONS: usize = 100_000;

/// The calls of every file of the project, by file, and warnings about the resolution itself
/// (where it stopped short).
pub(crate) fn resolve_project(
    project: &Project<'_>,
    base: &FileContext,
    threads: usize,
) -> (Vec<Vec<RawCall>>, Vec<String>) {
    resolve_within(project, base, threads, MAX_COMPLETIONS)
}

/// [`resolve_project`], completing templates at `budget` call sites at most.
pub(super) fn resolve_within(
    project: &Project<'_>,
    base: &FileContext,
    threads: usize,
    budget: usize,
) -> (Vec<Vec<RawCall>>, Vec<String>) {
    let indices: Vec<usize> = (0..project.files.len()).collect();
    let found = parallel_map(&indices, threads, project.contain, |&fi| {
        if project.files[fi].failed {
            return (Vec::new(), Vec::new());
        }
        let x = Extractor::new(project, fi, base);
        let calls = x.run();
        let mut sdk = x.sdk_calls();
        let mut calls = calls;
        calls.append(&mut sdk);
        (calls, x.take_templates())
    });
    let mut calls: Vec<Vec<RawCall>> = Vec::with_capacity(found.len());
    let mut templates: Vec<Template> = Vec::new();
    for f in found {
        let (c, t) = f.unwrap_or_default();
        calls.push(c);
        templates.extend(t);
    }
    let mut warnings = Vec::new();
    if !templates.is_empty() {
        // A defect while completing templates costs their calls through wrappers and
        // properties, not the check (where defects are contained).
        if project.contain {
            let mut completed = calls.clone();
            let mut said = Vec::new();
            let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                complete(project, base, templates, budget, &mut completed, &mut said);
                (completed, said)
            }));
            if let Ok(done) = done {
                (calls, warnings) = done;
            }
        } else {
            complete(project, base, templates, budget, &mut calls, &mut warnings);
        }
    }
    for file_calls in &mut calls {
        tidy(file_calls);
    }
    (calls, warnings)
}

/// Complete the templates: at call sites, then in subclasses; report the fallbacks of those
/// nothing completed.
fn complete(
    project: &Project<'_>,
    base: &FileContext,
    templates: Vec<Template>,
    budget: usize,
    calls: &mut [Vec<RawCall>],
    warnings: &mut Vec<String>,
) {
    let mut queue: Vec<Template> = templates;
    let mut completed_any: BTreeSet<usize> = BTreeSet::new();
    let mut originals: Vec<Template> = Vec::new();
    // Each template carries the index of the original it came from (for the fallbacks).
    let mut origin: Vec<usize> = Vec::new();
    for (i, t) in queue.iter().enumerate() {
        originals.push(t.clone());
        origin.push(i);
    }
    let mut extractors: Vec<Option<Extractor<'_, '_>>> = (0..project.files.len()).map(|_| None).collect();
    // Templates already queued, at any level: one that comes back (a wrapper that retries by
    // calling itself) was completed already.
    let mut seen: HashSet<(TemplateKey, usize)> = queue.iter().zip(&origin).map(|(t, &o)| (t.key(), o)).collect();
    let mut work = 0usize;
    // Whether templates were still open when the levels ran out (not when the budget did).
    let mut levels_ran_out = true;
    'levels: for _ in 0..MAX_LEVELS {
        let mut next: Vec<Template> = Vec::new();
        let mut next_origin: Vec<usize> = Vec::new();
        for (t, &o) in queue.iter().zip(&origin) {
            let Some((file, func)) = t.function() else { continue };
            for site in call_sites(project, file, func) {
                // A call inside a function the template came through is recursion: its open
                // values are followed through it once (`load(path + '/variants')` inside `load`),
                // or each level multiplies the template by the function's calls of itself.
                let caller = project.files[site.file].index.function_at(site.name_tok).map(|c| (site.file, c));
                let recursive = caller.is_some_and(|c| c == (file, func) || t.through.contains(&c));
                if work == budget {
                    warnings.push(format!(
                        "wrappers followed to {budget} call sites, then no further (each level multiplied them): calls made through the deeper ones may be missing"
                    ));
                    levels_ran_out = false;
                    break 'levels;
                }
                work += 1;
                let x = extractors[site.file].get_or_insert_with(|| Extractor::new(project, site.file, base));
                match x.complete_at(t, file, func, &site) {
                    Some(Completion::Call(f, c)) => {
                        calls[f].push(c);
                        completed_any.insert(o);
                    }
                    Some(Completion::Template(_)) if recursive && t.cycled => {}
                    Some(Completion::Template(mut t2)) => {
                        t2.cycled |= recursive;
                        t2.through.push((file, func));
                        completed_any.insert(o);
                        // Many call sites in one caller leave it the same template: complete
                        // it once, or the work multiplies with each level.
                        if seen.insert((t2.key(), o)) {
                            next.push(t2);
                            next_origin.push(o);
                        }
                    }
                    None => {}
                }
            }
        }
        if next.is_empty() {
            levels_ran_out = false;
            break;
        }
        queue = next;
        origin = next_origin;
    }
    if levels_ran_out {
        warnings.extend(deeper_wrappers(project, &queue));
    }
    // Properties: members that only subclasses define.
    for (i, t) in originals.iter().enumerate() {
        if t.function().is_some() && completed_any.contains(&i) {
            continue;
        }
        let Some(class) = t.vars().find_map(|v| match v {
            Var::Field { class, .. } => Some(*class),
            _ => None,
        }) else {
            continue;
        };
        for d in project.descendants(class) {
            let x = extractors[d.0].get_or_insert_with(|| Extractor::new(project, d.0, base));
            if let Some(c) = x.complete_in_class(t, d) {
                calls[d.0].push(c);
                completed_any.insert(i);
            }
        }
    }
    // Nothing completed a template: the call as written, where its route is known or its open
    // values are ids inside a path (`/v2/products/${id}/images`). A path that is a parameter
    // (`${base}/${path}`) of a function nobody calls says nothing.
    for (i, t) in originals.into_iter().enumerate() {
        if completed_any.contains(&i) {
            continue;
        }
        let ends_open =
            !t.pieces.last().is_some_and(|p| matches!(p, Piece::Text(s) if s.bytes().any(|c| c.is_ascii_alphabetic())));
        if let Some(c) = t.fallback {
            if crate::resolve::names_route(&c.target) || !ends_open {
                calls[t.file].push(c);
            }
        }
    }
}

/// A warning naming the wrappers still called when the levels ran out: the calls made through
/// their callers are not followed, and a missing call must not pass unsaid.
fn deeper_wrappers(project: &Project<'_>, open: &[Template]) -> Option<String> {
    let mut names: BTreeSet<String> = BTreeSet::new();
    for t in open {
        let Some((file, func)) = t.function() else { continue };
        // Calls of a function the template came through are recursion, followed once already.
        let outside = call_sites(project, file, func).into_iter().any(|site| {
            let caller = project.files[site.file].index.function_at(site.name_tok).map(|c| (site.file, c));
            !caller.is_some_and(|c| c == (file, func) || t.through.contains(&c))
        });
        if outside {
            let f = &project.files[file];
            names.insert(format!("`{}` ({})", f.index.functions[func].name, f.source.path));
        }
    }
    (!names.is_empty()).then(|| {
        let list: Vec<String> = names.into_iter().collect();
        format!(
            "wrappers followed {MAX_LEVELS} levels up, then no further: calls made through the callers of {} may be missing",
            list.join(", ")
        )
    })
}

/// Sort, drop repeats, and keep one finding per place: a call found through a wrapper,
/// property or SDK replaces the literal reading of the same place.
fn tidy(calls: &mut Vec<RawCall>) {
    // Where a place is read both ways, the wrapper's, property's or SDK's reading comes first and stays.
    calls.sort_by(|a, b| {
        let key = |c: &RawCall| (c.line, c.column, c.method, c.target.clone(), c.via.kind == ViaKind::Literal);
        key(a).cmp(&key(b))
    });
    calls.dedup_by(|b, a| a.line == b.line && a.column == b.column && a.method == b.method && a.target == b.target);
    let resolved: BTreeSet<(u32, u32)> =
        calls.iter().filter(|c| c.via.kind != ViaKind::Literal).map(|c| (c.line, c.column)).collect();
    calls.retain(|c| c.via.kind != ViaKind::Literal || !resolved.contains(&(c.line, c.column)));
    // One request found from each of the literals it is assembled from (`$path = 'v3/…';
    // $path = 'stores/' . $path; delete('https://…/' . $path)`) is one call.
    // Indexed by place and by path: a file of thousands of calls to one path stays linear.
    let mut kept: Vec<RawCall> = Vec::with_capacity(calls.len());
    let mut places: HashSet<(u32, u32, Option<Method>, String, bool)> = HashSet::default();
    // The last line of a kept literal, followed call, by method and path (calls come in line order).
    let mut literal_lines: HashMap<(Option<Method>, String), u32> = HashMap::default();
    for c in calls.drain(..) {
        let path = gateway_path(&c.target).to_owned();
        let place = (c.line, c.column, c.method, path, c.unfollowed);
        let literal = c.via.kind == ViaKind::Literal && !c.unfollowed;
        let key = (c.method, place.3.clone());
        let repeat =
            places.contains(&place) || (literal && literal_lines.get(&key).is_some_and(|&l| c.line.abs_diff(l) <= 3));
        if !repeat {
            if literal {
                literal_lines.insert(key, c.line);
            }
            places.insert(place);
            kept.push(c);
        }
    }
    *calls = kept;
    // A URL that is a call somewhere is no note there.
    let lines: BTreeSet<u32> = calls.iter().filter(|c| !c.unfollowed).map(|c| c.line).collect();
    calls.retain(|c| !c.unfollowed || !lines.contains(&c.line));
}

/// A target without the gateway's host and store (`https://api.bigcommerce.com/stores/1/v3/x`
/// and `/v3/x` are one path).
fn gateway_path(target: &str) -> &str {
    let t = target.strip_prefix("https://api.bigcommerce.com").unwrap_or(target);
    match t.strip_prefix("/stores/") {
        Some(rest) => rest.find('/').map_or(t, |i| &rest[i..]),
        None => t,
    }
}
