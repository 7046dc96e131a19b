//! `cargo xtask drift` end to end, on small docs and data trees written here from scratch.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;
use tempfile::TempDir;

const THINGS_SPEC: &str = r#"openapi: 3.0.3
info:
  title: Things
  description: |-
    Things of a store.

    ### OAuth scopes

    | UI Name | Permission | Parameter |
    |:--------|:-----------|:----------|
    | Things | modify | `store_things` |
    | Things | read-only | `store_things_read_only` |

    ### Further reading

    | Header | Argument |
    |:-------|:---------|
    | `X-Auth-Token` | `access_token` |
servers:
  - url: 'https://api.bigcommerce.com/stores/{store_hash}/v3'
paths:
  /things:
    get:
      operationId: getThings
      summary: Get Things
    post:
      operationId: createThing
      summary: Create a Thing
  '/things/{thing_id}':
    parameters:
      - name: thing_id
        in: path
    get:
      operationId: getThing
      summary: Get a Thing
    delete:
      operationId: deleteThing
      summary: Delete a Thing
      deprecated: true
"#;

// In a subfolder, with its table in a security scheme, a variant spelling and no read-only row.
const WIDGETS_SPEC: &str = r#"openapi: 3.0.0
info:
  title: Widgets
servers:
  - url: 'https://api.bigcommerce.com/stores/{store_hash}/v2'
paths:
  /widgets:
    get:
      operationId: getWidgets
      summary: Get Widgets
    put:
      operationId: updateWidgets
      summary: Update Widgets
components:
  securitySchemes:
    X-Auth-Token:
      name: X-Auth-Token
      description: |-
        ### OAuth scopes

        | UI Name | Permission | Parameter |
        |:--------|:-----------|:----------|
        |  Widgets | modify | `store_widgets` |
      type: apiKey
      in: header
"#;

const PAGE: &str = r#"---
title: API Accounts & OAuth Scopes
---

# API Accounts & OAuth Scopes

| API or Use Case | Store-level API account |
|:----------------|:-----------------------:|
| REST | &times; |

## OAuth scopes

### Token creation scopes

| UI Name | Permission | Parameter | Description |
|:--------|:-----------|:----------|:------------|
| Tokens | modify | `store_tokens` | Create tokens |

### Store resource scopes

| UI Name | Permission | Parameter | Description |
|:--------|:-----------|:----------|:------------|
| Things | modify | `store_things` | View and modify things |
| Things | read-only | `store_things_read_only` | View things |
| Widgets| modify | `store_v2_widgets` | View and modify widgets |
| Widgets | read-only | `store_v2_widgets_read_only` | View widgets |
"#;

fn scope(name: &str, ui: &str, perm: &str, group: &str, extra: &str) -> String {
    format!(
        "[[scope]]\nname = \"{name}\"\nui_name = \"{ui}\"\npermission = \"{perm}\"\ngroup = \"{group}\"\n{extra}\
         description = \"d\"\nresources = []\naccount_types = [\"store\"]\nsources = [\"seed:004#oauth-scopes\"]\n\n"
    )
}

fn scopes_toml() -> String {
    [
        scope("default", "Default", "default", "default", ""),
        scope("store_tokens", "Tokens", "modify", "token-creation", ""),
        scope("store_things", "Things", "modify", "store-resource", "twin = \"store_things_read_only\"\n"),
        scope("store_things_read_only", "Things", "read-only", "store-resource", "twin = \"store_things\"\n"),
        scope(
            "store_v2_widgets",
            "Widgets",
            "modify",
            "store-resource",
            "twin = \"store_v2_widgets_read_only\"\nvariants = [\"store_widgets\"]\n",
        ),
        scope("store_v2_widgets_read_only", "Widgets", "read-only", "store-resource", "twin = \"store_v2_widgets\"\n"),
        scope("store_gadgets", "Gadgets", "modify", "store-resource", "origin = \"spec\"\n"),
    ]
    .concat()
}

fn op(method: &str, path: &str, scope: &str, extra: &str) -> String {
    format!(
        "[[operation]]\nmethod = \"{method}\"\npath = \"{path}\"\noperation_id = \"x\"\nsummary = \"x\"\n\
         requirement = \"scope\"\nscope = \"{scope}\"\nconfidence = \"documented\"\n{extra}\n"
    )
}

fn things_toml() -> String {
    "spec = \"things.v3.yml\"\ntitle = \"Things\"\napi = \"rest-management\"\nbase = \"/stores/{store_hash}/v3\"\n\n"
        .to_string()
        + &op("GET", "/things", "store_things_read_only", "")
        + &op("POST", "/things", "store_things", "")
        + &op("GET", "/things/{thing_id}", "store_things_read_only", "")
        + &op("DELETE", "/things/{thing_id}", "store_things", "deprecated = true\n")
}

fn widgets_toml() -> String {
    "spec = \"content/widgets.v2.yml\"\ntitle = \"Widgets\"\napi = \"rest-management\"\n\
     base = \"/stores/{store_hash}/v2\"\nnotes = []\n\n"
        .to_string()
        + &op("GET", "/widgets", "store_v2_widgets_read_only", "")
        + &op("PUT", "/widgets", "store_v2_widgets", "")
}

/// A docs checkout (`reference/`, `docs/`) and a data folder that agree.
struct Tree {
    dir: TempDir,
}

impl Tree {
    fn new() -> Tree {
        let t = Tree { dir: tempfile::tempdir().unwrap() };
        t.write("docs/reference/things.v3.yml", THINGS_SPEC);
        t.write("docs/reference/content/widgets.v2.yml", WIDGETS_SPEC);
        // Not specs: a hidden lint config (not even read) and a YAML file without paths.
        t.write("docs/reference/.spectral.yaml", "extends: [\n");
        t.write("docs/reference/content/notes.yml", "title: not a spec\n");
        t.write("docs/docs/start/authentication/api-accounts.mdx", PAGE);
        t.write("data/scopes.toml", &scopes_toml());
        t.write("data/endpoints/things-v3.toml", &things_toml());
        t.write("data/endpoints/widgets-v2.toml", &widgets_toml());
        // Other data files are not the check's business.
        t.write("data/meta.toml", "this is not read = [\n");
        t
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.path(rel)).unwrap();
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
            .arg("drift")
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap();
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        (out.status.code().unwrap(), text(out.stdout), text(out.stderr))
    }

    fn data_arg(&self) -> String {
        self.path("data").display().to_string()
    }

    /// `drift --docs TREE/docs --data TREE/data`, as text.
    fn drift(&self) -> (i32, String) {
        let (docs, data) = (self.path("docs").display().to_string(), self.data_arg());
        let (code, out, err) = self.run(&["--docs", &docs, "--data", &data]);
        assert!(err.is_empty(), "stderr: {err}");
        (code, out)
    }

    /// The same as JSON: the exit code and the findings.
    fn findings(&self) -> (i32, Vec<Value>) {
        let (docs, data) = (self.path("docs").display().to_string(), self.data_arg());
        let (code, out, err) = self.run(&["--docs", &docs, "--data", &data, "--json"]);
        assert!(err.is_empty(), "stderr: {err}");
        let doc: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(doc["drift"], Value::Bool(code == 1));
        (code, doc["findings"].as_array().unwrap().clone())
    }
}

fn kinds(findings: &[Value]) -> Vec<&str> {
    findings.iter().map(|f| f["kind"].as_str().unwrap()).collect()
}

fn field<'a>(f: &'a Value, k: &str) -> &'a str {
    f[k].as_str().unwrap_or_default()
}

#[test]
fn no_drift() {
    let t = Tree::new();
    let (code, out) = t.drift();
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("no drift"), "{out}");
    assert!(out.contains("(2 files, 6 operations)"), "{out}");
    let (code, findings) = t.findings();
    assert_eq!((code, findings.len()), (0, 0));
}

#[test]
fn shared_reference_layout_and_explicit_folders() {
    let t = Tree::new();
    std::fs::create_dir_all(t.path("copy/bigcommerce-docs")).unwrap();
    std::fs::rename(t.path("docs/reference"), t.path("copy/bigcommerce-openapi")).unwrap();
    std::fs::rename(t.path("docs/docs"), t.path("copy/bigcommerce-docs/docs")).unwrap();
    let (copy, data) = (t.path("copy").display().to_string(), t.data_arg());
    let (code, out, err) = t.run(&["--docs", &copy, "--data", &data]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(out.contains("no drift"));

    let specs = t.path("copy/bigcommerce-openapi").display().to_string();
    let pages = t.path("copy/bigcommerce-docs/docs").display().to_string();
    let (code, out, _) = t.run(&["--specs", &specs, "--pages", &pages, "--data", &data]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn operation_added() {
    let t = Tree::new();
    t.edit(
        "docs/reference/things.v3.yml",
        "    delete:\n",
        "    put:\n      operationId: updateThing\n      summary: Update a Thing\n    delete:\n",
    );
    let (code, f) = t.findings();
    assert_eq!((code, kinds(&f)), (1, vec!["operation-added"]));
    assert_eq!(field(&f[0], "file"), "things.v3.yml");
    assert_eq!(field(&f[0], "operation"), "PUT /things/{thing_id}");
    assert_eq!(field(&f[0], "data_file"), "data/endpoints/things-v3.toml");
    assert!(field(&f[0], "change").contains("Update a Thing"));

    let (code, out) = t.drift();
    assert_eq!(code, 1);
    assert!(out.contains("[operation-added] (1)"), "{out}");
    assert!(out.contains("things.v3.yml  PUT /things/{thing_id}: new in the spec"), "{out}");
}

#[test]
fn operations_of_a_new_spec_are_added() {
    let t = Tree::new();
    t.write(
        "docs/reference/gizmos.v3.yaml",
        "openapi: 3.0.0\ninfo: {title: Gizmos}\npaths:\n  /gizmos:\n    get: {operationId: getGizmos}\n",
    );
    let (code, f) = t.findings();
    assert_eq!((code, kinds(&f)), (1, vec!["operation-added"]));
    assert_eq!((field(&f[0], "file"), field(&f[0], "operation")), ("gizmos.v3.yaml", "GET /gizmos"));
    assert!(field(&f[0], "change").contains("no data/endpoints file has spec = \"gizmos.v3.yaml\""));
}

#[test]
fn operation_removed() {
    let t = Tree::new();
    t.edit(
        "docs/reference/things.v3.yml",
        "    post:\n      operationId: createThing\n      summary: Create a Thing\n",
        "",
    );
    let (code, f) = t.findings();
    assert_eq!((code, kinds(&f)), (1, vec!["operation-removed"]));
    assert_eq!(field(&f[0], "operation"), "POST /things");
    assert!(field(&f[0], "change").contains("no longer in the spec"));
}

#[test]
fn operations_of_a_removed_spec_are_removed() {
    let t = Tree::new();
    std::fs::remove_file(t.path("docs/reference/content/widgets.v2.yml")).unwrap();
    let (code, f) = t.findings();
    assert_eq!((code, kinds(&f)), (1, vec!["operation-removed", "operation-removed"]));
    assert_eq!(field(&f[0], "file"), "content/widgets.v2.yml");
    assert_eq!(field(&f[0], "data_file"), "data/endpoints/widgets-v2.toml");
    assert!(field(&f[0], "change").contains("spec file no longer exists"));
}

#[test]
fn server_changed() {
    let t = Tree::new();
    t.edit("docs/reference/content/widgets.v2.yml", "{store_hash}/v2", "{store_hash}/v3");
    let (code, f) = t.findings();
    assert_eq!((code, kinds(&f)), (1, vec!["server-changed"]));
    assert!(field(&f[0], "change").contains("`/stores/{store_hash}/v3`"));
}

#[test]
fn scope_table_changed() {
    // The Things table now names a scope the data file does not use, and an unknown one; its
    // operations use a family the table no longer names.
    let t = Tree::new();
    t.edit(
        "docs/reference/things.v3.yml",
        "    | Things | modify | `store_things` |\n    | Things | read-only | `store_things_read_only` |\n",
        "    | Gadgets | modify | `store_gadgets` |\n    | Sprockets | read-only | `store_sprockets_read_only` |\n",
    );
    let (code, f) = t.findings();
    assert_eq!(code, 1);
    assert!(kinds(&f).iter().all(|k| *k == "scope-table-changed"), "{f:?}");
    let by_scope = |s: &str| f.iter().find(|x| field(x, "scope") == s).unwrap_or_else(|| panic!("{s}: {f:?}"));
    assert!(field(by_scope("store_gadgets"), "change").contains("no operation of the data file uses it"));
    let unknown = by_scope("store_sprockets_read_only");
    assert!(field(unknown, "change").contains("data/scopes.toml does not know"));
    assert_eq!(field(unknown, "data_file"), "data/scopes.toml");
    let dropped = field(by_scope("store_things"), "change");
    assert!(dropped.contains("no longer names `store_things`") && dropped.contains("POST /things"), "{dropped}");
    assert!(field(by_scope("store_things_read_only"), "change").contains("GET /things"));
    assert_eq!(f.len(), 4, "{f:?}");
}

#[test]
fn scope_table_differences_the_data_explains_are_quiet() {
    let t = Tree::new();
    // An extra row that a note of the data file accounts for, by UI name.
    t.edit(
        "docs/reference/things.v3.yml",
        "    | Things | read-only | `store_things_read_only` |\n",
        "    | Things | read-only | `store_things_read_only` |\n    | Gadgets | modify | `store_gadgets` |\n",
    );
    let (code, _) = t.findings();
    assert_eq!(code, 1);
    t.edit(
        "data/endpoints/things-v3.toml",
        "base = \"/stores/{store_hash}/v3\"\n",
        "base = \"/stores/{store_hash}/v3\"\nnotes = [\"The table also names Gadgets, which no operation needs.\"]\n",
    );
    // An operation whose rule comes from another source than the spec's table.
    t.edit(
        "data/endpoints/widgets-v2.toml",
        "scope = \"store_v2_widgets\"\n",
        "scope = \"store_things\"\nsources = [\"seed:004#oauth-scopes\"]\n",
    );
    let (code, f) = t.findings();
    assert_eq!((code, f.len()), (0, 0), "{f:?}");
}

#[test]
fn scope_added_on_the_page() {
    let t = Tree::new();
    t.edit(
        "docs/docs/start/authentication/api-accounts.mdx",
        "| Widgets | read-only |",
        "| Gadgets | modify | `store_gadgets` | Gadgets |\n| Sprockets | modify | `store_sprockets` | Sprockets |\n\
         | Widgets | read-only |",
    );
    let (code, f) = t.findings();
    assert_eq!((code, kinds(&f)), (1, vec!["scope-added", "scope-added"]));
    let new = f.iter().find(|x| field(x, "scope") == "store_sprockets").unwrap();
    assert_eq!(field(new, "file"), "start/authentication/api-accounts.mdx:27");
    assert!(field(new, "change").contains("not in data/scopes.toml"));
    let spec_only = f.iter().find(|x| field(x, "scope") == "store_gadgets").unwrap();
    assert!(field(spec_only, "change").contains("origin = \"spec\""));
}

#[test]
fn scope_removed_from_the_page() {
    let t = Tree::new();
    t.edit(
        "docs/docs/start/authentication/api-accounts.mdx",
        "| Tokens | modify | `store_tokens` | Create tokens |\n",
        "",
    );
    let (code, f) = t.findings();
    assert_eq!((code, kinds(&f)), (1, vec!["scope-removed"]));
    assert_eq!(field(&f[0], "scope"), "store_tokens");
    assert_eq!(field(&f[0], "data_file"), "data/scopes.toml");
}

#[test]
fn scope_changed_on_the_page() {
    let t = Tree::new();
    let page = "docs/docs/start/authentication/api-accounts.mdx";
    t.edit(page, "| Widgets| modify | `store_v2_widgets` |", "| Widget Settings | manage | `store_v2_widgets` |");
    t.edit(page, "| Things | read-only | `store_things_read_only` | View things |\n", "");
    t.edit(page, "| Create tokens |\n", "| Create tokens |\n| Things | read-only | `store_things_read_only` | x |\n");
    let (code, f) = t.findings();
    assert_eq!(code, 1);
    let changes: Vec<&str> = f.iter().map(|x| field(x, "change")).collect();
    assert_eq!(kinds(&f), vec!["scope-changed"; 3], "{changes:?}");
    assert!(changes.contains(&"UI name is `Widget Settings` on the page, `Widgets` in data"), "{changes:?}");
    assert!(changes.contains(&"permission is `manage` on the page, `modify` in data"), "{changes:?}");
    assert!(
        changes.contains(&"in the token-creation table on the page; group `store-resource` in data"),
        "{changes:?}"
    );
}

#[test]
fn deprecation_changed() {
    let t = Tree::new();
    t.edit("docs/reference/things.v3.yml", "      deprecated: true\n", "");
    t.edit(
        "docs/reference/things.v3.yml",
        "      summary: Get Things\n",
        "      summary: Get Things\n      deprecated: true\n",
    );
    let (code, f) = t.findings();
    assert_eq!((code, kinds(&f)), (1, vec!["deprecation-changed", "deprecation-changed"]));
    let by_op = |o: &str| field(f.iter().find(|x| field(x, "operation") == o).unwrap(), "change");
    assert!(by_op("GET /things").starts_with("deprecated in the spec"));
    assert!(by_op("DELETE /things/{thing_id}").starts_with("no longer deprecated in the spec"));
}

#[test]
fn usage_and_io_errors_exit_2_naming_the_path() {
    let t = Tree::new();
    let data = t.data_arg();
    let (code, _, err) = t.run(&[]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = t.run(&["--docs", "x", "--specs", "y", "--pages", "z"]);
    assert_eq!(code, 2, "{err}");

    let missing = t.path("nowhere").display().to_string();
    let (code, _, err) = t.run(&["--docs", &missing, "--data", &data]);
    assert_eq!(code, 2);
    assert!(err.contains(&missing) && err.contains("not a docs folder"), "{err}");

    let docs = t.path("docs").display().to_string();
    let (code, _, err) = t.run(&["--docs", &docs, "--data", &t.path("nodata").display().to_string()]);
    assert_eq!(code, 2);
    assert!(err.contains("scopes.toml"), "{err}");

    t.write("docs/reference/broken.yml", "openapi: 3.0.0\npaths: [\n");
    let (code, _, err) = t.run(&["--docs", &docs, "--data", &data]);
    assert_eq!(code, 2);
    assert!(err.contains("broken.yml"), "{err}");
    std::fs::remove_file(t.path("docs/reference/broken.yml")).unwrap();

    std::fs::remove_file(t.path("docs/docs/start/authentication/api-accounts.mdx")).unwrap();
    let (code, _, err) = t.run(&["--docs", &docs, "--data", &data]);
    assert_eq!(code, 2);
    assert!(err.contains("api-accounts.mdx"), "{err}");
}
