//! Setting a check up: the paths to scan, the directory reported paths are relative to (the
//! working directory), the top of the repository (SARIF's `%SRCROOT%`), and the projects the
//! files answer to.

use super::config::Config;
use super::projects::Projects;
use super::walk::WalkOptions;
use super::Options;
use crate::error::{Error, ErrorKind};
use std::path::{Path, PathBuf};

/// What a check runs with.
pub(crate) struct Setup {
    /// Reported paths are relative to this directory (absolute).
    pub root: PathBuf,
    /// The top of the repository the working directory is in (else the working directory).
    pub source_root: PathBuf,
    /// The paths scanned (absolute; the working directory when none are named).
    pub paths: Vec<PathBuf>,
    pub projects: Projects,
    pub walk: WalkOptions,
}

impl Setup {
    pub(crate) fn new(opts: &Options) -> Result<Setup, Error> {
        let cwd = std::env::current_dir().map_err(|e| invalid(format!("cannot read the current directory: {e}")))?;
        let cwd = normalize(&cwd);
        let root = opts.relative_to.as_ref().map_or_else(|| cwd.clone(), |r| normalize(&cwd.join(r)));
        let mut paths = Vec::new();
        if let Some(stdin) = &opts.stdin {
            paths.push(normalize(&cwd.join(&stdin.name)));
        } else {
            for p in if opts.paths.is_empty() { vec![PathBuf::from(".")] } else { opts.paths.clone() } {
                let abs = normalize(&cwd.join(&p));
                if std::fs::symlink_metadata(&abs).is_err() {
                    return Err(invalid(format!("path `{}` does not exist", p.display())));
                }
                paths.push(abs);
            }
        }
        // Files under no configuration belong to the project of the directory the scan starts
        // from: the one directory named, else the working directory.
        let start = match paths.as_slice() {
            [one] if one.is_dir() => one.clone(),
            [one] if opts.stdin.is_some() => one.parent().map_or_else(|| cwd.clone(), Path::to_path_buf),
            _ => cwd.clone(),
        };
        let projects = match &opts.config {
            Some(c) => {
                let path = normalize(&cwd.join(c));
                let config = Config::load(&path)?;
                let dir = path.parent().map_or_else(|| cwd.clone(), Path::to_path_buf);
                Projects::explicit(config, dir)?
            }
            None => Projects::discover(&start),
        };
        let projects = projects.exclude(&cwd, &opts.exclude)?.max_file_size(opts.max_file_size);
        let threads =
            if opts.threads == 0 { std::thread::available_parallelism().map_or(2, |n| n.get()) } else { opts.threads };
        let walk = WalkOptions { root: root.clone(), paths: paths.clone(), follow_links: opts.follow_links, threads };
        Ok(Setup { source_root: repository_top(&cwd).unwrap_or_else(|| cwd.clone()), root, paths, projects, walk })
    }
}

pub(crate) fn invalid(msg: String) -> Error {
    Error::new(ErrorKind::InvalidInput, msg)
}

/// The nearest directory at or above `dir` that holds `.git`.
fn repository_top(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().find(|d| d.join(".git").exists()).map(Path::to_path_buf)
}

/// An absolute path without `.` and `..` components (symbolic links are left alone).
pub(crate) fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
