//! `check --write`: the configuration files to write (each project's, `granted` set to what its
//! code needs) and the account of what changed.

use crate::check::{Config, Report, CONFIG_FILE};
use serde::Serialize;
use std::path::PathBuf;

/// One configuration file to write, and what changes in it.
#[derive(Debug, Clone, Serialize)]
pub struct ConfigUpdate {
    /// The file, relative to the working directory.
    pub file: String,
    /// Whether it is created.
    pub created: bool,
    /// The scopes it grants once written.
    pub granted: Vec<&'static str>,
    /// Scopes it grants that it did not.
    pub added: Vec<&'static str>,
    /// Scopes it granted that it no longer does.
    pub removed: Vec<&'static str>,
    /// The file's place.
    #[serde(skip)]
    pub path: PathBuf,
    /// Its new text.
    #[serde(skip)]
    pub text: String,
}

/// The configuration files `--write` writes: each project's (see
/// [`suggest_for`](super::suggest_for)); a new `bc-scopes.toml` only for a scan with calls and no
/// configuration at all (in a repository whose apps have theirs, files under none get none).
///
/// ```
/// # let dir = tempfile::tempdir().unwrap();
/// # std::fs::write(dir.path().join("a.py"), "requests.get(f\"https://api.bigcommerce.com/stores/{h}/v2/orders\")\n").unwrap();
/// use bigcommerce_scopes::check::{check, report, Options};
/// let mut o = Options::new([dir.path()]);
/// o.relative_to = Some(dir.path().to_path_buf());
/// let updates = report::config_updates(&check(&o).unwrap());
/// assert_eq!((updates[0].file.as_str(), updates[0].created), ("bc-scopes.toml", true));
/// assert_eq!(updates[0].added, ["store_v2_orders_read_only"]);
/// ```
pub fn config_updates(r: &Report) -> Vec<ConfigUpdate> {
    let mut out = Vec::new();
    for (i, p) in r.projects.iter().enumerate() {
        let existing = p.config_used.as_ref().and_then(|c| c.path.clone());
        if existing.is_none() && (p.calls == 0 || r.projects.len() > 1) {
            continue;
        }
        let path = existing.clone().unwrap_or_else(|| p.dir_path.join(CONFIG_FILE));
        let text = super::suggest_for(r, i);
        let before: Vec<&'static str> = p.granted.iter().flat_map(|g| g.iter()).map(|s| s.name()).collect();
        // What the new text grants (accepted excess stays), read back as `check` will read it.
        let after: Vec<&'static str> = Config::parse(&text, None)
            .ok()
            .and_then(|c| c.granted)
            .map(|g| g.iter().map(|e| e.scope.name()).collect())
            .unwrap_or_else(|| p.needed_scopes.iter().map(|s| s.name()).collect());
        out.push(ConfigUpdate {
            file: p.config.clone().unwrap_or_else(|| crate::check::walk::relative(&r.root, &path)),
            created: existing.is_none(),
            added: after.iter().filter(|s| !before.contains(s)).copied().collect(),
            removed: before.iter().filter(|s| !after.contains(s)).copied().collect(),
            granted: after,
            path,
            text,
        });
    }
    out
}

/// What `--write` did, for people: a line per file.
///
/// ```
/// assert_eq!(bigcommerce_scopes::check::report::written(&[]), "nothing to write: no calls found and no bc-scopes.toml\n");
/// ```
pub fn written(updates: &[ConfigUpdate]) -> String {
    let mut out = String::new();
    for w in updates {
        let verb = if w.created { "created" } else { "updated" };
        out.push_str(&format!(
            "{verb} {}: granted = {} (added: {}; removed: {})\n",
            w.file,
            crate::render::text::list(&w.granted),
            crate::render::text::list(&w.added),
            crate::render::text::list(&w.removed)
        ));
    }
    if updates.is_empty() {
        out.push_str("nothing to write: no calls found and no bc-scopes.toml\n");
    }
    out
}
