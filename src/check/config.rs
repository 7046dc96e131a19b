//! `bc-scopes.toml` (or `.bc-scopes.toml`): the scopes a project declares, and how `check` reads
//! its code. Each scanned file answers to the nearest one in its folder or above it, up to the top
//! of its repository.
//!
//! ```toml
//! # The scopes the app's API account holds.
//! granted = ["store_v2_products", "store_v2_orders_read_only"]
//! # The kind of API account (store, app or account); optional.
//! account_type = "app"
//! # Paths not to scan (globs, relative to this file's directory, as in .gitignore).
//! ignore_paths = ["scripts/legacy/**"]
//! # Files larger than this many bytes are skipped and listed (default 4 MiB: generated bundles).
//! max_file_size = 4194304
//!
//! [client]
//! # The base URL of the project's HTTP client, for paths written without `/v3` or `/v2`.
//! base_url = "https://api.bigcommerce.com/stores/{store_hash}/v3"
//!
//! # A finding to accept, with the reason.
//! [[ignore]]
//! finding = "excess"        # a kind of finding (see `FindingKind`), or all
//! scope = "store_cart"      # optional: only for this scope
//! path = "src/widgets/**"   # optional: only in these files
//! route = "/stores/{store_hash}/v3/carts"   # optional: only for this route
//! reason = "the storefront widget creates carts through the GraphQL Storefront API"
//! ```

use super::findings::FindingKind;
use super::syntax::suppress::{comments, Comment};
use crate::datafile::vocab::AccountType;
use crate::error::{Error, ErrorKind};
use crate::tables::Scope;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The file name `check` looks for (and writes).
pub const CONFIG_FILE: &str = "bc-scopes.toml";

/// The names a configuration file may have, in the order they are looked for in a directory
/// (the hidden name keeps a repository's root tidy, as `.ruff.toml` and `.typos.toml` do).
pub const CONFIG_FILES: [&str; 2] = [CONFIG_FILE, ".bc-scopes.toml"];

/// A granted scope and where the configuration names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GrantedScope {
    /// The scope.
    pub scope: Scope,
    /// 1-based line in the configuration file.
    pub line: usize,
    /// 1-based character column of the scope's string.
    pub column: usize,
}

/// An accepted finding (`[[ignore]]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IgnoreRule {
    /// The kind of finding (`None`: every kind).
    pub finding: Option<FindingKind>,
    /// Only findings about this scope.
    pub scope: Option<Scope>,
    /// Only findings in files matching this glob (relative to the root).
    pub path: Option<String>,
    /// Only findings about this route template.
    pub route: Option<String>,
    /// Why the finding is accepted.
    pub reason: String,
    /// Its position among the `[[ignore]]` tables (1-based).
    pub index: usize,
    /// 1-based line of its `reason`.
    pub line: usize,
}

/// A parsed `bc-scopes.toml`.
///
/// ```
/// use bigcommerce_scopes::check::Config;
/// use bigcommerce_scopes::Scope;
/// let config = Config::parse("granted = [\"store_v2_orders_read_only\"]\n[client]\nbase_url = \"https://api.bigcommerce.com/stores/{store_hash}/v3\"\n", None).unwrap();
/// assert_eq!(config.granted.unwrap()[0].scope, Scope::StoreV2OrdersReadOnly);
/// assert!(config.base_url.unwrap().ends_with("/v3"));
/// let err = Config::parse("granted = [\"store_v2_ordrs\"]", None).unwrap_err();
/// assert!(err.to_string().contains("1:12: unknown scope `store_v2_ordrs`"));
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct Config {
    /// The file it was read from.
    pub path: Option<PathBuf>,
    /// The granted scopes (`None` when the file has no `granted` key).
    pub granted: Option<Vec<GrantedScope>>,
    /// The kind of API account.
    pub account_type: Option<AccountType>,
    /// Globs of paths not to scan.
    pub ignore_paths: Vec<String>,
    /// Files larger than this many bytes are skipped.
    pub max_file_size: Option<u64>,
    /// Base URL for paths written without a version.
    pub base_url: Option<String>,
    /// Accepted findings.
    pub ignore: Vec<IgnoreRule>,
    /// Warnings (variant spellings of scopes).
    pub warnings: Vec<String>,
    /// The suppression comments in the file itself.
    #[serde(skip)]
    pub(crate) comments: Vec<Comment>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    granted: Option<Vec<Spanned<String>>>,
    account_type: Option<Spanned<String>>,
    #[serde(default)]
    ignore_paths: Vec<String>,
    max_file_size: Option<u64>,
    client: Option<RawClient>,
    #[serde(default)]
    ignore: Vec<RawIgnore>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClient {
    base_url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIgnore {
    finding: Option<Spanned<String>>,
    scope: Option<Spanned<String>>,
    path: Option<String>,
    route: Option<String>,
    reason: Option<Spanned<String>>,
}

/// Line and character column (both 1-based) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |p| p + 1);
    (line, before[start..].chars().count() + 1)
}

/// A configuration file's path as messages name it: relative to the working directory, as the
/// reports' paths are (an editor or CI log then finds it from where the command ran).
fn shown(path: &Path) -> String {
    match std::env::current_dir() {
        Ok(cwd) if path.is_absolute() => super::walk::relative(&cwd, path),
        _ => path.display().to_string(),
    }
}

impl Config {
    /// Parse the text of a configuration file; `path` names it in errors.
    pub fn parse(text: &str, path: Option<&Path>) -> Result<Config, Error> {
        let name = path.map_or_else(|| CONFIG_FILE.to_owned(), shown);
        let at = |offset: usize, msg: String| {
            let (l, c) = line_col(text, offset);
            Error::new(ErrorKind::InvalidInput, format!("{name}:{l}:{c}: {msg}"))
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| match e.span() {
            Some(span) => at(span.start, e.message().trim().to_owned()),
            None => Error::new(ErrorKind::InvalidInput, format!("{name}: {}", e.message().trim())),
        })?;
        let mut config = Config { path: path.map(Path::to_path_buf), ..Config::default() };
        if let Some(list) = raw.granted {
            let mut out = Vec::new();
            for s in list {
                let span = s.span();
                match Scope::parse_lenient(s.get_ref()) {
                    Ok(p) => {
                        if let Some(w) = p.warning() {
                            let (l, c) = line_col(text, span.start);
                            config.warnings.push(format!("{name}:{l}:{c}: {w}"));
                        }
                        let (line, column) = line_col(text, span.start);
                        out.push(GrantedScope { scope: p.scope, line, column });
                    }
                    Err(e) => {
                        return Err(at(span.start, e.to_string()).with_suggestions(e.suggestions().iter().cloned()))
                    }
                }
            }
            config.granted = Some(out);
        }
        if let Some(t) = raw.account_type {
            let parsed = AccountType::parse(t.get_ref()).map_err(|e| at(t.span().start, e.to_string()))?;
            config.account_type = Some(parsed);
        }
        config.ignore_paths = raw.ignore_paths;
        for p in &config.ignore_paths {
            globset::Glob::new(p)
                .map_err(|e| Error::new(ErrorKind::InvalidInput, format!("{name}: ignore_paths: {e}")))?;
        }
        config.max_file_size = raw.max_file_size;
        config.base_url = raw.client.and_then(|c| c.base_url);
        for (i, r) in raw.ignore.into_iter().enumerate() {
            let index = i + 1;
            let Some(reason) = r.reason.filter(|r| !r.get_ref().trim().is_empty()) else {
                return Err(Error::new(
                    ErrorKind::InvalidInput,
                    format!("{name}: [[ignore]] #{index} has no `reason`: say why the finding is accepted"),
                ));
            };
            let finding = match r.finding {
                None => None,
                Some(f) if f.get_ref() == "all" => None,
                Some(f) => Some(FindingKind::parse(f.get_ref()).ok_or_else(|| {
                    at(
                        f.span().start,
                        format!(
                            "unknown finding `{}` (expected {} or all)",
                            f.get_ref().escape_debug(),
                            FindingKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
                        ),
                    )
                })?),
            };
            let scope = match r.scope {
                None => None,
                Some(s) => {
                    Some(Scope::parse_lenient(s.get_ref()).map_err(|e| at(s.span().start, e.to_string()))?.scope)
                }
            };
            if let Some(p) = &r.path {
                globset::Glob::new(p)
                    .map_err(|e| Error::new(ErrorKind::InvalidInput, format!("{name}: [[ignore]] #{index}: {e}")))?;
            }
            let (line, _) = line_col(text, reason.span().start);
            config.ignore.push(IgnoreRule {
                finding,
                scope,
                path: r.path,
                route: r.route,
                reason: reason.into_inner().trim().to_owned(),
                index,
                line,
            });
        }
        config.comments = comments(text);
        Ok(config)
    }

    /// Read a configuration file.
    pub fn load(path: &Path) -> Result<Config, Error> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::new(ErrorKind::InvalidInput, format!("cannot read {}: {e}", shown(path))))?;
        Config::parse(&text, Some(path))
    }

    /// The configuration file of `dir` itself, if it has one (`bc-scopes.toml`, else
    /// `.bc-scopes.toml`).
    ///
    /// ```
    /// let dir = tempfile::tempdir().unwrap();
    /// std::fs::write(dir.path().join(".bc-scopes.toml"), "granted = []\n").unwrap();
    /// let found = bigcommerce_scopes::check::Config::in_dir(dir.path()).unwrap();
    /// assert!(found.ends_with(".bc-scopes.toml"));
    /// ```
    pub fn in_dir(dir: &Path) -> Option<PathBuf> {
        CONFIG_FILES.iter().map(|name| dir.join(name)).find(|p| p.is_file())
    }

    /// Look for a configuration file (see [`CONFIG_FILES`]) in `dir` and its parents, up to the
    /// top of the repository (a directory holding `.git`).
    ///
    /// ```
    /// let dir = tempfile::tempdir().unwrap();
    /// std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    /// std::fs::create_dir_all(dir.path().join("app/src")).unwrap();
    /// std::fs::write(dir.path().join("app/bc-scopes.toml"), "granted = []\n").unwrap();
    /// let found = bigcommerce_scopes::check::Config::find(&dir.path().join("app/src")).unwrap();
    /// assert!(found.ends_with("app/bc-scopes.toml"));
    /// assert!(bigcommerce_scopes::check::Config::find(dir.path()).is_none());
    /// ```
    pub fn find(dir: &Path) -> Option<PathBuf> {
        let mut d = Some(dir);
        while let Some(cur) = d {
            if let Some(found) = Config::in_dir(cur) {
                return Some(found);
            }
            if cur.join(".git").exists() {
                return None;
            }
            d = cur.parent();
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_config() {
        let text = "granted = [\n  \"store_v2_products\",\n  \"store_checkouts\",\n]\naccount_type = \"app\"\nignore_paths = [\"vendor/**\"]\n[client]\nbase_url = \"https://api.bigcommerce.com/stores/{store_hash}/v3\"\n[[ignore]]\nfinding = \"excess\"\nscope = \"store_checkout\"\nreason = \"used by the GraphQL checkout\"\n";
        let c = Config::parse(text, None).unwrap();
        let g = c.granted.unwrap();
        assert_eq!((g[0].line, g[0].column, g[1].scope), (2, 3, Scope::StoreCheckout));
        assert_eq!(c.warnings.len(), 1);
        assert_eq!(c.account_type, Some(AccountType::App));
        assert_eq!(c.ignore[0].finding, Some(FindingKind::Excess));
        assert_eq!(c.ignore[0].line, 12);
    }

    #[test]
    fn errors_name_the_place() {
        let e = Config::parse("granted = [\"store_cart\"]\nacount_type = \"app\"\n", None).unwrap_err();
        assert!(e.to_string().starts_with("bc-scopes.toml:2:1: unknown field `acount_type`"), "{e}");
        let e = Config::parse("[[ignore]]\nfinding = \"excess\"\n", None).unwrap_err();
        assert!(e.to_string().contains("has no `reason`"), "{e}");
        let e = Config::parse("[[ignore]]\nfinding = \"exces\"\nreason = \"x\"\n", None).unwrap_err();
        assert!(e.to_string().contains("2:11: unknown finding `exces`"), "{e}");
        let e = Config::parse("account_type = \"shop\"\n", None).unwrap_err();
        assert!(e.to_string().contains("1:16"), "{e}");
    }
}
