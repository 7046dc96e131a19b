//! Projects: which configuration each scanned file answers to. A file belongs to the nearest
//! `bc-scopes.toml` (or `.bc-scopes.toml`) in its directory or above it, up to the top of its
//! repository, as ruff and typos find theirs; so a repository holding several apps checks each
//! against its own. `--config` puts every file in one project. A project's `ignore_paths` apply
//! below its directory with .gitignore's rules; `--exclude` globs apply below the working
//! directory.

use super::config::Config;
use super::walk::{WalkPolicy, DEFAULT_MAX_FILE_SIZE};
use crate::error::{Error, ErrorKind};
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// One project: a configuration (or none) and the directory it governs.
#[derive(Debug)]
pub(crate) struct ProjectConfig {
    /// The configuration (`None`: files under no configuration file).
    pub config: Option<Config>,
    /// The directory its `ignore_paths` are relative to (absolute).
    pub dir: PathBuf,
    ignore: Option<Gitignore>,
}

impl ProjectConfig {
    fn new(config: Option<Config>, dir: PathBuf) -> Result<ProjectConfig, Error> {
        let ignore = match config.as_ref().filter(|c| !c.ignore_paths.is_empty()) {
            Some(c) => Some(gitignore(&dir, &c.ignore_paths, &config_name(c))?),
            None => None,
        };
        Ok(ProjectConfig { config, dir, ignore })
    }
}

fn config_name(c: &Config) -> String {
    c.path.as_ref().map_or_else(|| super::CONFIG_FILE.to_owned(), |p| p.display().to_string())
}

/// Globs with .gitignore's rules, relative to `root`.
fn gitignore(root: &Path, globs: &[String], what: &str) -> Result<Gitignore, Error> {
    let mut b = GitignoreBuilder::new(root);
    for g in globs {
        b.add_line(None, g)
            .map_err(|e| Error::new(ErrorKind::InvalidInput, format!("{what}: invalid glob `{g}`: {e}")))?;
    }
    b.build().map_err(|e| Error::new(ErrorKind::InvalidInput, format!("{what}: {e}")))
}

fn ignored(gi: &Gitignore, root: &Path, path: &Path, is_dir: bool) -> bool {
    // The matcher refuses paths outside its root.
    path.starts_with(root) && gi.matched_path_or_any_parents(path, is_dir).is_ignore()
}

#[derive(Debug, Default)]
struct State {
    list: Vec<ProjectConfig>,
    /// Directory → its project, for every directory asked about and those above it.
    by_dir: HashMap<PathBuf, usize>,
    errors: Vec<Error>,
}

/// The projects of a scan, found as the walk reaches their directories.
#[derive(Debug)]
pub(crate) struct Projects {
    /// `--config`: one project for every file.
    explicit: bool,
    exclude: Option<(PathBuf, Gitignore)>,
    max_file_size: Option<u64>,
    state: Mutex<State>,
}

impl Projects {
    /// Projects found from each file's directory upwards; files under no configuration belong
    /// to the project of `start` (index 0).
    pub(crate) fn discover(start: &Path) -> Projects {
        let state = State {
            list: vec![ProjectConfig { config: None, dir: start.to_path_buf(), ignore: None }],
            ..State::default()
        };
        Projects { explicit: false, exclude: None, max_file_size: None, state: Mutex::new(state) }
    }

    /// One project, `config`'s, for every file.
    pub(crate) fn explicit(config: Config, dir: PathBuf) -> Result<Projects, Error> {
        let state = State { list: vec![ProjectConfig::new(Some(config), dir)?], ..State::default() };
        Ok(Projects { explicit: true, exclude: None, max_file_size: None, state: Mutex::new(state) })
    }

    /// `--exclude` globs, relative to `cwd`.
    pub(crate) fn exclude(mut self, cwd: &Path, globs: &[String]) -> Result<Projects, Error> {
        if !globs.is_empty() {
            self.exclude = Some((cwd.to_path_buf(), gitignore(cwd, globs, "--exclude")?));
        }
        Ok(self)
    }

    /// A size limit for every file, replacing the configurations'.
    pub(crate) fn max_file_size(mut self, max: Option<u64>) -> Projects {
        self.max_file_size = max;
        self
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic elsewhere while the lock was held leaves the map usable: it only grows.
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The project of the files in `dir` (absolute), loading configuration files on the way.
    pub(crate) fn of_dir(&self, dir: &Path) -> usize {
        if self.explicit {
            return 0;
        }
        let mut state = self.lock();
        of_dir(&mut state, dir)
    }

    /// The project of a file (absolute path).
    pub(crate) fn of_file(&self, file: &Path) -> usize {
        file.parent().map_or(0, |d| self.of_dir(d))
    }

    /// The projects, the unconfigured one first and the others by directory, with the new place
    /// of each index [`Self::of_file`] gave; or the first configuration that could not be read.
    ///
    /// The walk finds projects in whatever order its threads reach them: sorting makes reports
    /// and `--write` the same from run to run.
    pub(crate) fn finish(self) -> Result<(Vec<ProjectConfig>, Vec<usize>), Error> {
        let state = self.state.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(e) = state.errors.into_iter().next() {
            return Err(e);
        }
        let mut order: Vec<usize> = (0..state.list.len()).collect();
        order[1..].sort_by(|&a, &b| state.list[a].dir.cmp(&state.list[b].dir));
        let mut renumber = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            renumber[old] = new;
        }
        let mut slots: Vec<Option<ProjectConfig>> = state.list.into_iter().map(Some).collect();
        let list = order.iter().filter_map(|&old| slots[old].take()).collect();
        Ok((list, renumber))
    }
}

fn of_dir(state: &mut State, dir: &Path) -> usize {
    if let Some(&i) = state.by_dir.get(dir) {
        return i;
    }
    let found = match Config::in_dir(dir) {
        Some(file) => match Config::load(&file).and_then(|c| ProjectConfig::new(Some(c), dir.to_path_buf())) {
            Ok(p) => {
                state.list.push(p);
                state.list.len() - 1
            }
            Err(e) => {
                state.errors.push(e);
                0
            }
        },
        // The top of a repository (or of the file system) ends the search.
        None if dir.join(".git").exists() => 0,
        None => match dir.parent() {
            Some(parent) => of_dir(state, parent),
            None => 0,
        },
    };
    state.by_dir.insert(dir.to_path_buf(), found);
    found
}

impl WalkPolicy for Projects {
    fn admit(&self, path: &Path, is_dir: bool) -> Option<u64> {
        if let Some((root, gi)) = &self.exclude {
            if ignored(gi, root, path, is_dir) {
                return None;
            }
        }
        let i = self.of_file(path);
        let state = self.lock();
        let p = &state.list[i];
        if p.ignore.as_ref().is_some_and(|gi| ignored(gi, &p.dir, path, is_dir)) {
            return None;
        }
        Some(self.max_file_size.or(p.config.as_ref().and_then(|c| c.max_file_size)).unwrap_or(DEFAULT_MAX_FILE_SIZE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    #[test]
    fn each_file_answers_to_the_nearest_configuration() {
        let t = tree(&[
            (".git/HEAD", ""),
            ("apps/shop/bc-scopes.toml", "granted = []\nignore_paths = [\"legacy/**\"]\n"),
            ("apps/admin/.bc-scopes.toml", "granted = [\"store_v2_orders\"]\n"),
            ("apps/admin/src/deep/x.js", ""),
        ]);
        let root = t.path();
        let p = Projects::discover(root);
        let shop = p.of_file(&root.join("apps/shop/src/a.ts"));
        let admin = p.of_file(&root.join("apps/admin/src/deep/x.js"));
        assert_eq!(p.of_file(&root.join("scripts/x.js")), 0);
        assert!(shop != 0 && admin != 0 && shop != admin);
        assert_eq!(p.of_dir(&root.join("apps/shop/src")), shop);
        assert_eq!(p.admit(&root.join("apps/shop/legacy/old.ts"), false), None);
        assert_eq!(p.admit(&root.join("apps/shop/src/legacy.ts"), false), Some(DEFAULT_MAX_FILE_SIZE));
        // `legacy/**` is anchored to apps/shop, and does not reach another project.
        assert!(p.admit(&root.join("apps/admin/legacy/x.ts"), false).is_some());
        let (list, renumber) = p.finish().unwrap();
        // Sorted by directory: admin before shop, whichever the walk reached first.
        assert_eq!((renumber[admin], renumber[shop]), (1, 2));
        assert!(list[1].config.as_ref().unwrap().path.as_ref().unwrap().ends_with(".bc-scopes.toml"));
    }

    #[test]
    fn the_search_stops_at_the_top_of_the_repository() {
        let t = tree(&[("bc-scopes.toml", "granted = []\n"), ("repo/.git/HEAD", ""), ("repo/src/a.js", "")]);
        let p = Projects::discover(&t.path().join("repo"));
        assert_eq!(p.of_file(&t.path().join("repo/src/a.js")), 0);
        assert_eq!(p.finish().unwrap().0.len(), 1);
    }

    #[test]
    fn a_bad_configuration_is_an_error_and_exclude_globs_apply() {
        let t = tree(&[(".git/HEAD", ""), ("app/bc-scopes.toml", "granted = [\"nope\"]\n")]);
        let p = Projects::discover(t.path()).exclude(t.path(), &["*.min.js".to_owned()]).unwrap();
        assert_eq!(p.admit(&t.path().join("x/y.min.js"), false), None);
        p.of_file(&t.path().join("app/a.js"));
        let e = p.finish().unwrap_err();
        assert!(e.to_string().contains("unknown scope `nope`"), "{e}");
    }
}
