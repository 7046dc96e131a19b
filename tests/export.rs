//! The exports for docs sites and other languages: the JSON export checked against its own JSON
//! Schema (draft 2020-12) with a real validator, the data files against the data-file schema,
//! snapshots of the schemas, of a slice of the JSON and of Markdown pages, byte-identical repeats,
//! well-formed Markdown tables, and the `bc-scopes export` command line.

use bigcommerce_scopes::export::{self, DataFile, KnowledgeBase, DATA_FILES};
use bigcommerce_scopes::{AccountType, Method, Scope};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

fn export_value() -> Value {
    serde_json::from_str(&KnowledgeBase::current().to_json()).expect("the export is JSON")
}

fn schema_value() -> Value {
    serde_json::to_value(export::json_schema()).unwrap()
}

fn pretty(v: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(v).unwrap() + "\n"
}

/// Every validation error of `instance`, as `path: message` lines.
fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator.iter_errors(instance).map(|e| format!("{}: {e}", e.instance_path())).take(20).collect()
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::meta::validate(schema).expect("the schema is a valid JSON Schema");
    let v = jsonschema::validator_for(schema).expect("the schema compiles");
    assert_eq!(v.draft(), jsonschema::Draft::Draft202012, "validated as draft 2020-12");
    v
}

// ---- the JSON export and its schema ------------------------------------------------------------

#[test]
fn json_export_validates_against_its_schema() {
    let schema = schema_value();
    assert_eq!(schema["$schema"], DRAFT_2020_12);
    let v = validator(&schema);
    let kb = export_value();
    let errs = errors(&v, &kb);
    assert!(errs.is_empty(), "the export does not match its schema:\n{}", errs.join("\n"));
}

/// The schema allows unknown properties (newer exports add fields); checked with every object
/// closed, the export must still validate, so the schema describes every field it writes.
#[test]
fn schema_describes_every_exported_field() {
    fn close(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if map.contains_key("properties") {
                    map.insert("additionalProperties".into(), Value::Bool(false));
                }
                map.values_mut().for_each(close);
            }
            Value::Array(items) => items.iter_mut().for_each(close),
            _ => {}
        }
    }
    let mut schema = schema_value();
    close(&mut schema);
    let errs = errors(&validator(&schema), &export_value());
    assert!(errs.is_empty(), "fields the schema does not describe:\n{}", errs.join("\n"));
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let v = validator(&schema_value());
    let good = export_value();
    type Mutation = (&'static str, fn(&mut Value));
    let mutations: [Mutation; 6] = [
        ("wrong schema_version", |kb| kb["schema_version"] = json!(2)),
        ("unknown scope name", |kb| kb["routes"][0]["operations"][0]["least"] = json!("store_nope")),
        ("missing field", |kb| drop(kb["scopes"][0].as_object_mut().unwrap().remove("permission"))),
        ("bad method", |kb| kb["routes"][0]["operations"][0]["method"] = json!("FETCH")),
        ("row 0", |kb| kb["use_cases"][0]["row"] = json!(0)),
        ("wrong type", |kb| kb["apis"][0]["account_types"] = json!("store")),
    ];
    for (what, mutate) in mutations {
        let mut bad = good.clone();
        mutate(&mut bad);
        assert!(!v.is_valid(&bad), "{what}: accepted");
    }
}

/// Every property of both schemas has a description, and so has every definition.
#[test]
fn every_field_is_described() {
    fn walk(v: &Value, path: &str, missing: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get("properties") {
                    for (name, prop) in props {
                        let described = prop.get("description").and_then(Value::as_str).is_some_and(|d| !d.is_empty());
                        if !described {
                            missing.push(format!("{path}/properties/{name}"));
                        }
                    }
                }
                if let Some(Value::Object(defs)) = map.get("$defs") {
                    for (name, def) in defs {
                        if def.get("description").and_then(Value::as_str).is_none_or(str::is_empty) {
                            missing.push(format!("{path}/$defs/{name}"));
                        }
                    }
                }
                for (k, child) in map {
                    walk(child, &format!("{path}/{k}"), missing);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{path}/{i}"), missing);
                }
            }
            _ => {}
        }
    }
    for (name, schema) in
        [("export", schema_value()), ("data files", serde_json::to_value(export::data_files_schema()).unwrap())]
    {
        let mut missing = Vec::new();
        walk(&schema, "#", &mut missing);
        assert!(missing.is_empty(), "{name} schema: no description at\n{}", missing.join("\n"));
        let text = schema.to_string();
        assert!(!text.contains("```"), "{name} schema: code examples leaked into descriptions");
    }
}

#[test]
fn export_is_complete_and_sorted() {
    let kb = KnowledgeBase::current();
    assert_eq!(kb.scopes.len(), Scope::all().len());
    assert_eq!(kb.apis.len(), bigcommerce_scopes::Api::all().len());
    assert_eq!(kb.auth_schemes.len(), bigcommerce_scopes::AuthScheme::all().len());
    assert_eq!(kb.account_types.len(), bigcommerce_scopes::AccountType::all().len());
    assert_eq!(kb.use_cases.len(), bigcommerce_scopes::UseCase::all().len());
    assert_eq!(kb.documents.len(), bigcommerce_scopes::Document::all().len());
    assert_eq!(kb.routes.len(), bigcommerce_scopes::Route::all().len());
    let ops: usize = kb.routes.iter().map(|r| r.operations.len()).sum();
    assert_eq!(ops, bigcommerce_scopes::Operation::all().len());

    fn sorted<K: Ord, T>(items: &[T], key: impl Fn(&T) -> K) -> bool {
        items.windows(2).all(|w| key(&w[0]) < key(&w[1]))
    }
    assert!(sorted(&kb.documents, |d| d.id));
    assert!(sorted(&kb.scopes, |s| s.name));
    assert!(sorted(&kb.apis, |a| a.id));
    assert!(sorted(&kb.auth_schemes, |a| a.id));
    assert!(sorted(&kb.account_types, |a| a.account_type.as_str()));
    assert!(sorted(&kb.use_cases, |u| (u.use_case.table, u.row)));
    assert!(sorted(&kb.routes, |r| (r.route.template, r.route.host.as_str())));
    assert!(kb.routes.iter().all(|r| sorted(&r.operations, |o| o.method)));
    // Rows are numbered from 1 in each table.
    for table in [bigcommerce_scopes::UseCaseTable::Current, bigcommerce_scopes::UseCaseTable::History] {
        let rows: Vec<u32> = kb.use_cases.iter().filter(|u| u.use_case.table == table).map(|u| u.row).collect();
        assert_eq!(rows, (1..=rows.len() as u32).collect::<Vec<_>>());
    }
}

#[test]
fn exports_are_byte_identical() {
    let a = KnowledgeBase::current().to_json();
    let b = KnowledgeBase::current().to_json();
    assert!(a == b, "two JSON exports differ");
    let mut written = Vec::new();
    export::write_json(&mut written).unwrap();
    assert!(written == a.as_bytes(), "write_json differs from to_json");

    assert_eq!(pretty(&export::json_schema()), pretty(&export::json_schema()));
    assert_eq!(pretty(&export::data_files_schema()), pretty(&export::data_files_schema()));
    assert_eq!(export::markdown_pages(), export::markdown_pages());
    let (mut m1, mut m2) = (Vec::new(), Vec::new());
    export::write_markdown(&mut m1).unwrap();
    export::write_markdown(&mut m2).unwrap();
    assert!(m1 == m2, "two Markdown documents differ");
}

// ---- snapshots ---------------------------------------------------------------------------------

#[test]
fn schema_snapshots() {
    insta::assert_snapshot!("knowledge_base_schema", pretty(&export::json_schema()));
    insta::assert_snapshot!("data_files_schema", pretty(&export::data_files_schema()));
}

/// The elements of the top-level list `key` of an export, as it writes them (its field order),
/// dedented to the element's own level.
fn written_list(json: &str, key: &str) -> String {
    let start = format!("  \"{key}\": [");
    let mut lines = json.lines().skip_while(|l| *l != start);
    lines.next().unwrap_or_else(|| panic!("no list {key}"));
    let body: Vec<&str> = lines.take_while(|l| *l != "  ]" && *l != "  ],").map(|l| l.get(4..).unwrap_or(l)).collect();
    body.join("\n") + "\n"
}

/// One record of each kind, as the export writes them (each in the export's own field order).
#[test]
fn json_slice_snapshot() {
    let kb = KnowledgeBase::current();
    let full = kb.to_json();
    let mut one = kb.clone();
    one.scopes.retain(|s| s.name.starts_with("store_checkout") && !s.name.contains("content"));
    one.apis.retain(|a| a.id == "payments");
    one.account_types.retain(|a| a.account_type == AccountType::App);
    one.auth_schemes.retain(|a| a.id == "payment-access-token");
    let routes = [
        "/stores/{store_hash}/v3/catalog/products/{product_id}",
        "https://payments.bigcommerce.com/stores/{store_hash}/payments",
        "/stores/{store_hash}/v3/content/scripts",
        "/stores/{store_hash}/v3/hooks",
    ];
    one.routes.retain(|r| routes.contains(&r.route.template));
    let sources = [
        "spec:catalog/products_catalog.v3.yml",
        "docs:start/authentication/api-accounts.mdx#store-resource-scopes",
        "seed:004#choosing-the-right-kind-of-api-account",
    ];
    one.sources.retain(|s| sources.contains(&s.id.as_str()));
    let sliced = one.to_json();
    let items: Vec<(&str, String)> = vec![
        ("schema_version", pretty(&kb.schema_version)),
        ("data_version", pretty(&kb.data_version)),
        ("openapi", pretty(&kb.openapi)),
        ("documents[0]", pretty(&kb.documents[0])),
        ("scopes store_checkout, store_checkout_read_only", written_list(&sliced, "scopes")),
        ("account type app", written_list(&sliced, "account_types")),
        ("api payments", written_list(&sliced, "apis")),
        ("use_cases[0]", pretty(&kb.use_cases[0])),
        ("auth scheme payment-access-token", written_list(&sliced, "auth_schemes")),
        (
            "routes: catalog product, payments, scripts (conditional scope), webhooks (default scope)",
            written_list(&sliced, "routes"),
        ),
        ("sources: a spec, a docs page, a seed", written_list(&sliced, "sources")),
    ];
    // Each item appears in the export exactly as shown, indentation aside.
    let flat = |s: &str| s.lines().map(str::trim).collect::<Vec<_>>().join("");
    let full_flat = flat(&full);
    let mut text = String::new();
    for (label, json) in &items {
        for element in flat(json).split("},{") {
            assert!(full_flat.contains(element), "{label} is not in the export as shown");
        }
        text.push_str(&format!("// {label}\n{json}\n"));
    }
    insta::assert_snapshot!("json_slice", text);
}

fn page(path: &str) -> String {
    export::markdown_pages().into_iter().find(|p| p.path == path).unwrap_or_else(|| panic!("no page {path}")).contents
}

#[test]
fn markdown_snapshots() {
    insta::assert_snapshot!("md_oauth_scopes", page("oauth-scopes.md"));
    insta::assert_snapshot!("md_account_types", page("account-types.md"));
    insta::assert_snapshot!("md_api_payments", page("apis/payments.md"));
    insta::assert_snapshot!("md_scope_store_checkout", page("scopes/store_checkout.md"));
}

// ---- Markdown well-formedness ------------------------------------------------------------------

/// The cells of a table line: split at pipes not escaped by a backslash.
fn cells(line: &str) -> Vec<String> {
    let inner = line.strip_prefix('|').and_then(|l| l.strip_suffix('|')).unwrap_or_else(|| panic!("row: {line}"));
    let mut out = vec![String::new()];
    let mut backslashes = 0;
    for c in inner.chars() {
        if c == '|' && backslashes % 2 == 0 {
            out.push(String::new());
        } else {
            out.last_mut().unwrap().push(c);
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    out
}

/// Checks every table of a page; returns how many tables and rows it has.
fn check_tables(name: &str, md: &str) -> (usize, usize) {
    let lines: Vec<&str> = md.lines().collect();
    let (mut tables, mut rows) = (0, 0);
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].starts_with('|') {
            i += 1;
            continue;
        }
        assert!(i > 0 && lines[i - 1].is_empty(), "{name}:{}: a table starts after a blank line", i + 1);
        let header = cells(lines[i]);
        let delimiter = cells(lines.get(i + 1).copied().unwrap_or(""));
        assert_eq!(delimiter.len(), header.len(), "{name}:{}: delimiter row", i + 2);
        assert!(delimiter.iter().all(|c| c.trim() == "---"), "{name}:{}: delimiter row {delimiter:?}", i + 2);
        assert!(header.iter().all(|c| !c.trim().is_empty()), "{name}:{}: empty header cell", i + 1);
        tables += 1;
        i += 2;
        while i < lines.len() && !lines[i].is_empty() {
            let row = cells(lines[i]);
            assert_eq!(
                row.len(),
                header.len(),
                "{name}:{}: row has {} cells, header {}",
                i + 1,
                row.len(),
                header.len()
            );
            rows += 1;
            i += 1;
        }
    }
    (tables, rows)
}

#[test]
fn markdown_tables_are_well_formed() {
    let pages = export::markdown_pages();
    let (mut tables, mut rows) = (0, 0);
    for p in &pages {
        let (t, r) = check_tables(&p.path, &p.contents);
        tables += t;
        rows += r;
        assert!(p.contents.ends_with('\n') && !p.contents.ends_with("\n\n"), "{}: one newline at the end", p.path);
    }
    assert!(tables >= pages.len() - 1 && rows > 1000, "{tables} tables, {rows} rows");
    let mut doc = Vec::new();
    export::write_markdown(&mut doc).unwrap();
    check_tables("combined", &String::from_utf8(doc).unwrap());

    // The scope table has BigCommerce's columns, and every scope has a row.
    let scopes = page("oauth-scopes.md");
    assert!(scopes.contains("| UI Name | Permission | Parameter | Description | Resources |\n"));
    for s in Scope::all() {
        assert!(scopes.contains(&format!("[`{0}`](scopes/{0}.md)", s.name)), "{}", s.name);
    }
}

/// Text outside code spans has no character MDX would read as JSX or an expression; the only
/// HTML is `<br />` and the anchors of the combined document.
#[test]
fn markdown_is_mdx_safe() {
    let mut doc = Vec::new();
    export::write_markdown(&mut doc).unwrap();
    let doc = String::from_utf8(doc).unwrap();
    // The front matter is YAML, not MDX.
    let front_matter = doc.lines().skip(1).position(|l| l == "---").unwrap() + 2;
    for (n, line) in doc.lines().enumerate().skip(front_matter) {
        let mut outside = String::new();
        for (i, part) in line.replace("\\`", "").split('`').enumerate() {
            if i % 2 == 0 {
                outside.push_str(part);
            }
        }
        let outside = outside.replace("<br />", "");
        let outside =
            if outside.starts_with("<a id=\"") && outside.ends_with("\"></a>") { String::new() } else { outside };
        let mut prev = ' ';
        for c in outside.chars() {
            assert!(!matches!(c, '{' | '}' | '<') || prev == '\\', "line {}: unescaped {c:?}: {line}", n + 1);
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
        }
    }
}

/// Internal links of the pages written with `--out` point at files that were written; every other
/// link is an https URL.
#[test]
fn markdown_links_resolve() {
    let dir = std::env::temp_dir().join(format!("bc-scopes-links-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let written = export::write_markdown_dir(&dir).unwrap();
    let link = regex::Regex::new(r"\]\(([^)]+)\)").unwrap();
    let (mut internal, mut external) = (0, 0);
    for file in &written {
        let contents = std::fs::read_to_string(file).unwrap();
        for cap in link.captures_iter(&contents) {
            let target = &cap[1];
            if target.starts_with("https://") {
                external += 1;
                continue;
            }
            assert!(!target.contains("://") && !target.starts_with('#'), "{}: link {target}", file.display());
            let resolved = file.parent().unwrap().join(target);
            let canonical =
                resolved.canonicalize().unwrap_or_else(|_| panic!("{}: broken link {target}", file.display()));
            assert!(
                canonical.starts_with(dir.canonicalize().unwrap()),
                "{}: {target} leaves the folder",
                file.display()
            );
            assert!(canonical.is_file(), "{}: {target} is not a written page", file.display());
            internal += 1;
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(internal > 1000 && external > 1000, "{internal} internal, {external} external links");

    // The combined document links to its own anchors, or to https URLs.
    let mut doc = Vec::new();
    export::write_markdown(&mut doc).unwrap();
    let doc = String::from_utf8(doc).unwrap();
    for cap in link.captures_iter(&doc) {
        if cap[1].starts_with("https://") {
            continue;
        }
        let anchor = cap[1].strip_prefix('#').unwrap_or_else(|| panic!("combined: link {} is not an anchor", &cap[1]));
        assert!(doc.contains(&format!("<a id=\"{anchor}\"></a>")), "combined: no anchor {anchor}");
    }
}

/// Every route, operation, scope and API of the JSON export links to BigCommerce's developer site;
/// every source cited has a title, and its link where it has one is https.
#[test]
fn json_export_links_every_record() {
    let kb = export_value();
    let site = |v: &Value, what: &str| {
        let url = v.as_str().unwrap_or_else(|| panic!("{what}: no URL"));
        assert!(url.starts_with("https://developer.bigcommerce.com/docs/") && url.len() > 40, "{what}: {url}");
    };
    for r in kb["routes"].as_array().unwrap() {
        site(&r["url"], r["template"].as_str().unwrap());
        for op in r["operations"].as_array().unwrap() {
            site(&op["url"], &format!("{} {}", op["method"], r["template"]));
        }
    }
    for s in kb["scopes"].as_array().unwrap() {
        site(&s["docs_url"], s["name"].as_str().unwrap());
    }
    for a in kb["apis"].as_array().unwrap() {
        site(&a["docs_url"], a["id"].as_str().unwrap());
    }
    let anchored = kb["routes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["operations"].as_array().unwrap())
        .filter(|o| o["url"].as_str().unwrap().contains('#'))
        .count();
    assert!(anchored > 400, "{anchored} operations link to their own anchor");

    // Every cited source is listed once, with a title.
    let listed: Vec<&str> = kb["sources"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert!(listed.windows(2).all(|w| w[0] < w[1]), "sources sorted by id, once each");
    let mut cited = BTreeSet::new();
    fn collect<'a>(v: &'a Value, cited: &mut BTreeSet<&'a str>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::Array(list)) = map.get("sources") {
                    cited.extend(list.iter().filter_map(Value::as_str));
                }
                map.iter().filter(|(k, _)| *k != "sources").for_each(|(_, v)| collect(v, cited));
            }
            Value::Array(items) => items.iter().for_each(|v| collect(v, cited)),
            _ => {}
        }
    }
    collect(&kb, &mut cited);
    assert_eq!(cited, listed.iter().copied().collect::<BTreeSet<_>>());
    for s in kb["sources"].as_array().unwrap() {
        assert!(!s["title"].as_str().unwrap().is_empty());
        assert!(s["title"] != s["id"] || s["url"].is_null(), "{}: no title", s["id"]);
        if let Some(url) = s["url"].as_str() {
            assert!(url.starts_with("https://"), "{url}");
        }
    }
    let spec =
        kb["sources"].as_array().unwrap().iter().find(|s| s["id"] == "spec:catalog/products_catalog.v3.yml").unwrap();
    assert_eq!(spec["title"], "Catalog - Products (OpenAPI spec)");
}

/// Every page starts with its front matter (title, description, slug), also in `--json`; the
/// combined document has one, at the top.
#[test]
fn markdown_pages_start_with_front_matter() {
    for p in export::markdown_pages() {
        let fm = &p.front_matter;
        assert_eq!(fm.title, p.title);
        assert_eq!(format!("{}.md", fm.slug), p.path);
        assert!(!fm.description.is_empty(), "{}: no description", p.path);
        let expected = format!(
            "---\ntitle: {}\ndescription: {}\nslug: {}\n---\n\n",
            serde_json::to_string(&fm.title).unwrap(),
            serde_json::to_string(&fm.description.split_whitespace().collect::<Vec<_>>().join(" ")).unwrap(),
            serde_json::to_string(&fm.slug).unwrap()
        );
        assert!(p.contents.starts_with(&expected), "{}: front matter\n{}", p.path, &p.contents[..200]);
        assert!(p.contents[expected.len()..].starts_with("# "), "{}: the page follows its front matter", p.path);
    }
    let mut doc = Vec::new();
    export::write_markdown(&mut doc).unwrap();
    let doc = String::from_utf8(doc).unwrap();
    assert!(doc.starts_with("---\ntitle: \"BigCommerce API reference\"\n"));
    assert_eq!(doc.matches("\nslug: ").count(), 1, "one front matter in the combined document");
}

#[test]
fn schemas_have_an_id() {
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(
        schema_value()["$id"],
        format!("https://docs.rs/bigcommerce-scopes/{version}/schema/knowledge-base.schema.json")
    );
    let data = serde_json::to_value(export::data_files_schema()).unwrap();
    assert_eq!(data["$id"], format!("https://docs.rs/bigcommerce-scopes/{version}/schema/data-files.schema.json"));
    assert_eq!(data["$schema"], DRAFT_2020_12);
}

#[test]
fn scope_pages_list_what_each_scope_reaches() {
    // A modify scope reaches what its read-only twin reaches, and more.
    let modify = page("scopes/store_v2_products.md");
    let read_only = page("scopes/store_v2_products_read_only.md");
    let count = |md: &str, method: Method| md.lines().filter(|l| l.starts_with(&format!("| {method} |"))).count();
    assert!(count(&read_only, Method::Get) > 0);
    // Only the batch price read, which its spec documents with the read-only scope, is a POST.
    assert_eq!(count(&read_only, Method::Post), 1);
    assert!(read_only.contains("| POST | `/stores/{store_hash}/v3/pricing/products` |"));
    assert_eq!(count(&read_only, Method::Delete), 0);
    assert_eq!(count(&modify, Method::Get), count(&read_only, Method::Get));
    assert!(count(&modify, Method::Post) > 0);
    // The default scope reaches the webhooks, which need nothing else.
    assert!(page("scopes/default.md").contains("| GET | `/stores/{store_hash}/v3/hooks` |"));
}

// ---- data files and their schema ---------------------------------------------------------------

fn data_files() -> Vec<(String, PathBuf)> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut files = Vec::new();
    for dir in [data.clone(), data.join("endpoints")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                let rel = path.strip_prefix(&data).unwrap().to_string_lossy().replace('\\', "/");
                files.push((rel, path));
            }
        }
    }
    files.sort();
    files
}

fn toml_value(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    toml::from_str::<Value>(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn data_files_validate_against_the_data_file_schema() {
    let combined = serde_json::to_value(export::data_files_schema()).unwrap();
    assert_eq!(combined["$schema"], DRAFT_2020_12);
    let any_file = validator(&combined);
    let files = data_files();
    assert!(files.len() > 70, "{} data files", files.len());
    let mut kinds = BTreeSet::new();
    for (rel, path) in &files {
        let kind = DataFile::for_path(rel).unwrap_or_else(|| panic!("data/{rel} is no known kind of data file"));
        kinds.insert(kind.definition);
        let value = toml_value(path);
        let errs = errors(&any_file, &value);
        assert!(errs.is_empty(), "data/{rel} against the combined schema:\n{}", errs.join("\n"));
        let own = validator(&serde_json::to_value(kind.schema()).unwrap());
        let errs = errors(&own, &value);
        assert!(errs.is_empty(), "data/{rel} against {}:\n{}", kind.definition, errs.join("\n"));
    }
    assert_eq!(kinds.len(), DATA_FILES.len(), "every kind of data file is checked");
    let defs = combined["$defs"].as_object().unwrap();
    for kind in DATA_FILES {
        assert!(defs.contains_key(kind.definition), "{}", kind.definition);
    }
}

#[test]
fn the_data_file_schema_rejects_broken_files() {
    let scopes = DataFile::for_path("scopes.toml").unwrap();
    let v = validator(&serde_json::to_value(scopes.schema()).unwrap());
    let good = toml_value(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/scopes.toml"));
    assert!(v.is_valid(&good));
    let mut unknown_field = good.clone();
    unknown_field["scope"][0]["colour"] = json!("blue");
    assert!(!v.is_valid(&unknown_field), "unknown fields are refused, as build.rs refuses them");
    let mut bad_permission = good.clone();
    bad_permission["scope"][0]["permission"] = json!("read_only");
    assert!(!v.is_valid(&bad_permission));
    let mut missing = good;
    missing["scope"][0].as_object_mut().unwrap().remove("name");
    assert!(!v.is_valid(&missing));
    // A scopes file is not an endpoints file.
    let endpoints = validator(&serde_json::to_value(DataFile::for_path("endpoints/x.toml").unwrap().schema()).unwrap());
    assert!(!endpoints.is_valid(&toml_value(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/scopes.toml"))));
}

// ---- the command line --------------------------------------------------------------------------

#[cfg(feature = "cli")]
mod cli {
    use super::*;
    use std::process::{Command, Output};

    fn bc(args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_bc-scopes")).args(args).output().expect("bc-scopes runs")
    }

    fn stdout_ok(args: &[&str]) -> String {
        let out = bc(args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    #[test]
    fn export_commands_print_the_library_exports() {
        assert!(stdout_ok(&["export", "json"]) == KnowledgeBase::current().to_json(), "export json");
        assert!(stdout_ok(&["export", "json"]) == stdout_ok(&["export", "json"]), "export json is repeatable");
        assert_eq!(stdout_ok(&["export", "schema"]), pretty(&export::json_schema()));
        assert_eq!(stdout_ok(&["export", "schema", "--data-files"]), pretty(&export::data_files_schema()));
        let mut doc = Vec::new();
        export::write_markdown(&mut doc).unwrap();
        assert!(stdout_ok(&["export", "markdown"]).as_bytes() == doc, "export markdown");
        let pages: Value = serde_json::from_str(&stdout_ok(&["export", "markdown", "--json"])).unwrap();
        assert_eq!(pages[0]["path"], "index.md");
        assert_eq!(pages[0]["front_matter"]["slug"], "index");
        assert!(pages[0]["contents"].as_str().unwrap().starts_with("---\ntitle: "));
        assert_eq!(pages.as_array().unwrap().len(), export::markdown_pages().len());
    }

    #[test]
    fn export_markdown_writes_the_pages() {
        let dir = std::env::temp_dir().join(format!("bc-scopes-export-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let out = stdout_ok(&["export", "markdown", "--out", dir.to_str().unwrap(), "--json"]);
        let written: Value = serde_json::from_str(&out).unwrap();
        let pages = export::markdown_pages();
        assert_eq!(written["files"].as_array().unwrap().len(), pages.len());
        for p in &pages {
            let on_disk = std::fs::read_to_string(dir.join(&p.path)).unwrap();
            assert!(on_disk == p.contents, "{} differs on disk", p.path);
        }
        let human = stdout_ok(&["export", "markdown", "--out", dir.to_str().unwrap()]);
        assert!(human.starts_with(&format!("Wrote {} Markdown pages to ", pages.len())), "{human}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn export_errors() {
        // An output folder that cannot be created: exit status 2, a JSON error with --json.
        let blocker = std::env::temp_dir().join(format!("bc-scopes-export-file-{}", std::process::id()));
        std::fs::write(&blocker, "not a folder").unwrap();
        let target = blocker.join("docs");
        let out = bc(&["export", "markdown", "--out", target.to_str().unwrap(), "--json"]);
        std::fs::remove_file(&blocker).unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(err["error"]["kind"], "output_error");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: cannot write Markdown pages to "));

        // No format, or an unknown one: a usage error.
        for args in [&["export"][..], &["export", "yaml"], &["export", "json", "--out", "x"]] {
            let out = bc(args);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
        }
    }
}
