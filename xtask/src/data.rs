//! The parts of `data/` the drift check compares, read with the crate's own data model.
//!
//! Only `scopes.toml` and `endpoints/*.toml` are read: the other files (and new ones) are not the
//! check's business, so a change to them cannot break it.

use crate::datafile::schema::{EndpointsFile, ScopeEntry, ScopesFile};
use std::path::Path;

/// `scopes.toml` and `endpoints/*.toml`.
pub struct Data {
    pub scopes: Vec<ScopeEntry>,
    /// `(file name, file)`, sorted by file name.
    pub endpoints: Vec<(String, EndpointsFile)>,
}

impl Data {
    pub fn scope(&self, name: &str) -> Option<&ScopeEntry> {
        self.scopes.iter().find(|s| s.name == name)
    }

    /// The scope a spec's spelling stands for: the scope itself, or the one listing it in `variants`.
    pub fn canonical(&self, name: &str) -> Option<&ScopeEntry> {
        self.scope(name).or_else(|| self.scopes.iter().find(|s| s.variants.iter().any(|v| v == name)))
    }
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn load(dir: &Path) -> Result<Data, String> {
    let scopes: ScopesFile = read(&dir.join("scopes.toml"))?;
    let ep_dir = dir.join("endpoints");
    let entries = std::fs::read_dir(&ep_dir).map_err(|e| format!("{}: cannot read folder: {e}", ep_dir.display()))?;
    let mut names = Vec::new();
    for entry in entries {
        let name = entry.map_err(|e| format!("{}: {e}", ep_dir.display()))?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".toml") {
            names.push(name);
        }
    }
    names.sort();
    let mut endpoints = Vec::new();
    for name in names {
        let file: EndpointsFile = read(&ep_dir.join(&name))?;
        endpoints.push((name, file));
    }
    Ok(Data { scopes: scopes.scope, endpoints })
}
