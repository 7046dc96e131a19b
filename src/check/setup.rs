//! Setting a check up: the paths to scan, the configuration found for them, the root that paths
//! are shown relative to, and the scopes and account type declared.

use super::config::Config;
use super::walk::{self, WalkOptions, DEFAULT_MAX_FILE_SIZE};
use super::Options;
use crate::datafile::vocab::AccountType;
use crate::error::{Error, ErrorKind};
use crate::scope_set::ScopeSet;
use std::path::{Path, PathBuf};

/// What a check runs with.
pub(crate) struct Setup {
    pub root: PathBuf,
    pub config: Option<Config>,
    /// The configuration file, relative to the root.
    pub config_rel: Option<String>,
    pub granted: Option<ScopeSet>,
    pub account_type: Option<AccountType>,
    pub walk: WalkOptions,
    pub warnings: Vec<String>,
}

impl Setup {
    pub(crate) fn new(opts: &Options) -> Result<Setup, Error> {
        let cwd = std::env::current_dir().map_err(|e| invalid(format!("cannot read the current directory: {e}")))?;
        let mut paths = Vec::new();
        for p in if opts.paths.is_empty() { vec![PathBuf::from(".")] } else { opts.paths.clone() } {
            let abs = cwd.join(&p);
            if std::fs::symlink_metadata(&abs).is_err() {
                return Err(invalid(format!("path `{}` does not exist", p.display())));
            }
            paths.push(normalize(&abs));
        }
        let start_dir = match paths.as_slice() {
            [one] if one.is_dir() => one.clone(),
            _ => normalize(&cwd),
        };
        let (config, root) = match &opts.config {
            Some(c) => (Some(Config::load(&cwd.join(c))?), start_dir.clone()),
            None => match Config::find(&start_dir) {
                Some(found) => {
                    let dir = found.parent().map(Path::to_path_buf).unwrap_or_else(|| start_dir.clone());
                    (Some(Config::load(&found)?), dir)
                }
                None => (None, start_dir.clone()),
            },
        };
        let warnings: Vec<String> = config.as_ref().map(|c| c.warnings.clone()).unwrap_or_default();
        let config_rel = config.as_ref().and_then(|c| c.path.as_ref()).map(|p| walk::relative(&root, &normalize(p)));
        let granted: Option<ScopeSet> = opts
            .granted
            .or_else(|| config.as_ref().and_then(|c| c.granted.as_ref()).map(|g| g.iter().map(|s| s.scope).collect()));
        let account_type = opts.account_type.or(config.as_ref().and_then(|c| c.account_type));
        let max_file_size =
            opts.max_file_size.or(config.as_ref().and_then(|c| c.max_file_size)).unwrap_or(DEFAULT_MAX_FILE_SIZE);
        let threads =
            if opts.threads == 0 { std::thread::available_parallelism().map_or(2, |n| n.get()) } else { opts.threads };
        let walk = WalkOptions {
            root: root.clone(),
            paths,
            ignore_paths: config.as_ref().map(|c| c.ignore_paths.clone()).unwrap_or_default(),
            max_file_size,
            follow_links: opts.follow_links,
            threads,
        };
        Ok(Setup { root, config, config_rel, granted, account_type, walk, warnings })
    }
}

pub(crate) fn invalid(msg: String) -> Error {
    Error::new(ErrorKind::InvalidInput, msg)
}

/// An absolute path without `.` and `..` components (symbolic links are left alone).
fn normalize(p: &Path) -> PathBuf {
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
