//! Reads `data/`, validates it and generates the static tables the library includes from OUT_DIR:
//! enums for scopes, APIs and auth schemes, `phf` maps for name lookups, the info arrays, and the
//! route trie the resolver walks. Nothing in `data/` is parsed at run time.

#[allow(dead_code)]
#[path = "src/datafile/mod.rs"]
mod datafile;

#[path = "build/graphql.rs"]
mod gen_graphql;

#[path = "build/sdks.rs"]
mod gen_sdks;

use datafile::schema::*;
use datafile::template::{crossed, is_param, Template};
use datafile::vocab::*;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The `bc-scopes` binary is position-independent by default, so the loader places it at a random
/// address (ASLR), as a security tool should be. On Linux with glibc, `BC_SCOPES_NO_PIE=1` at build
/// time links it position-dependent (`-no-pie`) instead: the generated tables hold about 18,000
/// pointers (every `&'static str` and slice in them), which the loader of a position-independent
/// executable rewrites at every start (about 115 pages copied); linked position-dependent they are
/// resolved once, at link time, which shortens a one-shot query's start-up (BENCHMARKS.md has the
/// figures) at the cost of the executable's own image always loading at the same address. The
/// library, tests and benchmarks are unaffected.
fn link_cli_position_dependent() {
    println!("cargo:rerun-if-env-changed=BC_SCOPES_NO_PIE");
    let cfg = |k: &str| std::env::var(k).unwrap_or_default();
    if cfg("CARGO_CFG_TARGET_OS") == "linux"
        && cfg("CARGO_CFG_TARGET_ENV") == "gnu"
        && std::env::var_os("BC_SCOPES_NO_PIE").is_some_and(|v| !v.is_empty() && v != "0")
    {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/datafile");
    link_cli_position_dependent();
    let data_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("data");
    let data = match load(&data_dir) {
        Ok(d) => d,
        Err(msg) => fail(&[msg]),
    };
    let sdks = gen_sdks::load(&data_dir).unwrap_or_else(|msg| fail(&[msg]));
    let mut errors = match datafile::validate::validate(&data) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
    };
    errors.extend(gen_sdks::validate(&data, &sdks));
    if !errors.is_empty() {
        fail(&errors);
    }
    let mut code = generate(&data);
    gen_sdks::generate(&mut code, &data, &sdks);
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out_dir.join("tables.rs"), code).expect("write generated tables");
    let m = &data.meta;
    let mut docs: Vec<&str> = m.document.iter().map(|d| d.id.as_str()).collect();
    docs.sort();
    let version = format!(
        "{} (docs: seeds {}, {} pages of {}@{}; GraphQL: {} statements; OpenAPI: {}@{} of {}, {} specs, {} operations)",
        m.data_version,
        docs.join(", "),
        m.docs.pages.len(),
        m.docs.repository,
        &m.docs.commit[..7.min(m.docs.commit.len())],
        data.graphql.iter().map(|(_, f)| f.statement.len()).sum::<usize>(),
        m.openapi.repository,
        &m.openapi.commit[..7.min(m.openapi.commit.len())],
        m.openapi.commit_date,
        m.openapi.specs,
        data.endpoints.iter().map(|(_, f)| f.operation.len()).sum::<usize>(),
    );
    std::fs::write(out_dir.join("data_version.txt"), version).expect("write data version");
}

fn fail(messages: &[String]) -> ! {
    eprintln!("\nbigcommerce-scopes: data/ is invalid ({} problem(s)):", messages.len());
    for m in messages {
        eprintln!("  {m}");
    }
    eprintln!();
    std::process::exit(1);
}

fn read<T: serde::de::DeserializeOwned>(dir: &Path, name: &str) -> Result<T, String> {
    let path = dir.join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).map_err(|e| format!("data/{name}: cannot read: {e}"))?;
    toml::from_str(&text).map_err(|e| format!("data/{name}: {e}"))
}

/// Every `*.toml` of `data/{sub}/`, sorted by name (none when the folder does not exist).
fn read_dir<T: serde::de::DeserializeOwned>(dir: &Path, sub: &str) -> Result<Vec<(String, T)>, String> {
    let folder = dir.join(sub);
    println!("cargo:rerun-if-changed={}", folder.display());
    if !folder.is_dir() {
        return Ok(Vec::new());
    }
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .map_err(|e| format!("data/{sub}: {e}"))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    names.into_iter().map(|n| Ok((n.clone(), read(dir, &format!("{sub}/{n}"))?))).collect()
}

fn load(dir: &Path) -> Result<DataSet, String> {
    Ok(DataSet {
        meta: read(dir, "meta.toml")?,
        account_types: read(dir, "account_types.toml")?,
        auth_schemes: read(dir, "auth_schemes.toml")?,
        apis: read(dir, "apis.toml")?,
        use_cases: read(dir, "use_cases.toml")?,
        scopes: read(dir, "scopes.toml")?,
        endpoints: read_dir(dir, "endpoints")?,
        graphql: read_dir(dir, "graphql")?,
    })
}

/// `store_v2_products` / `rest-management` / `MANAGE_TAX` → `StoreV2Products` / `RestManagement` / `ManageTax`.
fn camel(name: &str) -> String {
    name.split(['_', '-'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lower = p.to_ascii_lowercase();
            let mut c = lower.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

fn lit(v: &str) -> String {
    format!("{v:?}")
}

fn strs(v: &[String]) -> String {
    let items: Vec<String> = v.iter().map(|x| lit(x)).collect();
    format!("&[{}]", items.join(", "))
}

fn opt(v: &Option<String>) -> String {
    match v {
        Some(x) => format!("Some({})", lit(x)),
        None => "None".into(),
    }
}

fn list<T>(items: impl IntoIterator<Item = T>, f: impl Fn(T) -> String) -> String {
    format!("&[{}]", items.into_iter().map(f).collect::<Vec<_>>().join(", "))
}

fn account_types(v: &[AccountType]) -> String {
    list(v, |t| format!("AccountType::{t:?}"))
}

/// Accepted scopes: the least one, what the docs add, and every scope implying one of them.
fn accepted_scopes<'a>(d: &'a DataSet, least: Option<&'a str>, also: &'a [String]) -> Vec<&'a str> {
    let mut accepted: Vec<&str> = Vec::new();
    for name in least.into_iter().chain(also.iter().map(|a| a.as_str())) {
        let implying = d
            .scopes
            .scope
            .iter()
            .filter(|o| o.permission != Permission::ReadOnly && o.twin.as_deref() == Some(name))
            .map(|o| o.name.as_str());
        for a in std::iter::once(name).chain(implying) {
            if !accepted.contains(&a) {
                accepted.push(a);
            }
        }
    }
    accepted
}

/// An enum generated from a data table, with a name per variant.
fn gen_enum(out: &mut String, doc: &str, name: &str, variants: &[(String, String, String)]) {
    writeln!(out, "{doc}").unwrap();
    writeln!(
        out,
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize, \
         schemars::JsonSchema, strum::Display, strum::IntoStaticStr, strum::AsRefStr, strum::EnumIter, \
         strum::EnumCount, strum::VariantArray)]"
    )
    .unwrap();
    writeln!(out, "pub enum {name} {{").unwrap();
    for (variant, text, vdoc) in variants {
        writeln!(out, "    #[doc = {}]", lit(vdoc)).unwrap();
        writeln!(out, "    #[serde(rename = {0})] #[strum(serialize = {0})]", lit(text)).unwrap();
        writeln!(out, "    {variant},").unwrap();
    }
    writeln!(out, "}}\n").unwrap();
}

fn generate(d: &DataSet) -> String {
    let mut out = String::from("// Generated by build.rs from data/. Do not edit.\n\n");

    // ---- scopes
    let scope_variant: BTreeMap<&str, String> =
        d.scopes.scope.iter().map(|s| (s.name.as_str(), camel(&s.name))).collect();
    let sv = |name: &str| format!("Scope::{}", scope_variant[name]);
    gen_enum(
        &mut out,
        "/// An OAuth scope of BigCommerce's API accounts (generated from `data/scopes.toml`).",
        "Scope",
        &d.scopes
            .scope
            .iter()
            .map(|s| {
                (
                    camel(&s.name),
                    s.name.clone(),
                    match s.ui_name.as_str() {
                        "" => format!("`{}` ({}): {}", s.name, s.permission, s.description),
                        ui => format!("`{}` ({ui}, {}): {}", s.name, s.permission, s.description),
                    },
                )
            })
            .collect::<Vec<_>>(),
    );
    writeln!(out, "pub(crate) static SCOPES: [ScopeInfo; {}] = [", d.scopes.scope.len()).unwrap();
    for s in &d.scopes.scope {
        let implies: Vec<&str> = match (&s.twin, s.permission) {
            (Some(t), p) if p != Permission::ReadOnly => vec![t.as_str()],
            _ => vec![],
        };
        let implied_by: Vec<&str> = d
            .scopes
            .scope
            .iter()
            .filter(|o| o.permission != Permission::ReadOnly && o.twin.as_deref() == Some(s.name.as_str()))
            .map(|o| o.name.as_str())
            .collect();
        writeln!(
            out,
            "    ScopeInfo {{ scope: {}, name: {}, ui_name: {}, permission: Permission::{:?}, group: ScopeGroup::{:?}, \
             origin: Origin::{:?}, description: {}, resources: {}, twin: {}, implies: {}, implied_by: {}, variants: {}, \
             token_names: {}, account_types: {}, sources: {}, notes: {}, history: {} }},",
            sv(&s.name),
            lit(&s.name),
            lit(&s.ui_name),
            s.permission,
            s.group,
            s.origin,
            lit(&s.description),
            list(&s.resources, |r| format!("Resource {{ name: {}, path: {} }}", lit(&r.name), opt(&r.path))),
            s.twin.as_deref().map(|t| format!("Some({})", sv(t))).unwrap_or("None".into()),
            list(&implies, |n| sv(n)),
            list(&implied_by, |n| sv(n)),
            strs(&s.variants),
            strs(&s.token_names),
            account_types(&s.account_types),
            strs(&s.sources),
            strs(&s.notes),
            strs(&s.history),
        )
        .unwrap();
    }
    writeln!(out, "];\n").unwrap();
    let mut names = phf_codegen::Map::new();
    for s in &d.scopes.scope {
        names.entry(s.name.as_str(), sv(&s.name));
    }
    writeln!(out, "pub(crate) static SCOPE_NAMES: phf::Map<&'static str, Scope> = {};\n", names.build()).unwrap();
    let mut variants = phf_codegen::Map::new();
    for s in &d.scopes.scope {
        for v in &s.variants {
            variants.entry(v.as_str(), sv(&s.name));
        }
    }
    writeln!(out, "pub(crate) static SCOPE_VARIANTS: phf::Map<&'static str, Scope> = {};\n", variants.build()).unwrap();
    let mut token_names = phf_codegen::Map::new();
    for s in &d.scopes.scope {
        for t in &s.token_names {
            token_names.entry(t.as_str(), sv(&s.name));
        }
    }
    writeln!(out, "pub(crate) static SCOPE_TOKEN_NAMES: phf::Map<&'static str, Scope> = {};\n", token_names.build())
        .unwrap();

    // ---- auth schemes
    let auth_variant = |id: &str| format!("AuthScheme::{}", camel(id));
    gen_enum(
        &mut out,
        "/// A way requests authenticate to BigCommerce (generated from `data/auth_schemes.toml`).",
        "AuthScheme",
        &d.auth_schemes.auth_scheme.iter().map(|a| (camel(&a.id), a.id.clone(), a.name.clone())).collect::<Vec<_>>(),
    );
    writeln!(out, "pub(crate) static AUTH_SCHEMES: [AuthSchemeInfo; {}] = [", d.auth_schemes.auth_scheme.len())
        .unwrap();
    for a in &d.auth_schemes.auth_scheme {
        writeln!(
            out,
            "    AuthSchemeInfo {{ scheme: {}, id: {}, name: {}, kind: AuthKind::{:?}, location: CredentialLocation::{:?}, \
             header: {}, query_parameter: {}, value_format: {}, credential: {}, token_endpoints: {}, token_scopes: {}, \
             account_types: {}, deprecated_headers: {}, sources: {}, notes: {}, history: {} }},",
            auth_variant(&a.id),
            lit(&a.id),
            lit(&a.name),
            a.kind,
            a.location,
            opt(&a.header),
            opt(&a.query_parameter),
            opt(&a.value_format),
            lit(&a.credential),
            strs(&a.token_endpoints),
            list(&a.token_scopes, |n| sv(n)),
            account_types(&a.account_types),
            strs(&a.deprecated_headers),
            strs(&a.sources),
            strs(&a.notes),
            strs(&a.history),
        )
        .unwrap();
    }
    writeln!(out, "];\n").unwrap();

    // ---- APIs
    let api_variant = |id: &str| format!("Api::{}", camel(id));
    gen_enum(
        &mut out,
        "/// A BigCommerce API (generated from `data/apis.toml`).",
        "Api",
        &d.apis.api.iter().map(|a| (camel(&a.id), a.id.clone(), a.name.clone())).collect::<Vec<_>>(),
    );
    writeln!(out, "pub(crate) static APIS: [ApiInfo; {}] = [", d.apis.api.len()).unwrap();
    for a in &d.apis.api {
        writeln!(
            out,
            "    ApiInfo {{ api: {}, id: {}, name: {}, aliases: {}, kind: ApiKind::{:?}, auth_scheme: {}, base_urls: {}, \
             account_types: {}, description: {}, sources: {}, notes: {}, history: {} }},",
            api_variant(&a.id),
            lit(&a.id),
            lit(&a.name),
            strs(&a.aliases),
            a.kind,
            auth_variant(&a.auth_scheme),
            strs(&a.base_urls),
            account_types(&a.account_types),
            lit(&a.description),
            strs(&a.sources),
            strs(&a.notes),
            strs(&a.history),
        )
        .unwrap();
    }
    writeln!(out, "];\n").unwrap();
    let mut api_names = phf_codegen::Map::new();
    let mut seen = std::collections::BTreeSet::new();
    for a in &d.apis.api {
        for n in std::iter::once(&a.id).chain(std::iter::once(&a.name)).chain(&a.aliases) {
            let key = n.to_lowercase();
            if seen.insert(key.clone()) {
                api_names.entry(key, api_variant(&a.id));
            }
        }
    }
    writeln!(out, "pub(crate) static API_NAMES: phf::Map<&'static str, Api> = {};\n", api_names.build()).unwrap();

    // ---- account types, use cases, meta
    writeln!(out, "pub(crate) static ACCOUNT_TYPES: [AccountTypeInfo; {}] = [", d.account_types.account_type.len())
        .unwrap();
    let mut ats = d.account_types.account_type.clone();
    ats.sort_by_key(|a| a.id);
    for a in &ats {
        writeln!(
            out,
            "    AccountTypeInfo {{ account_type: AccountType::{:?}, name: {}, aliases: {}, issued: {}, created_in: {}, \
             consists_of: {}, token: {}, expires: {}, invalidated_by: {}, revocation: {}, scopes_changeable: {}, \
             creator_only_resources: {}, sources: {}, notes: {}, history: {} }},",
            a.id,
            lit(&a.name),
            strs(&a.aliases),
            a.issued,
            lit(&a.created_in),
            strs(&a.consists_of),
            lit(&a.token),
            lit(&a.expires),
            strs(&a.invalidated_by),
            lit(&a.revocation),
            a.scopes_changeable,
            strs(&a.creator_only_resources),
            strs(&a.sources),
            strs(&a.notes),
            strs(&a.history),
        )
        .unwrap();
    }
    writeln!(out, "];\n").unwrap();
    writeln!(out, "pub(crate) static USE_CASES: [UseCase; {}] = [", d.use_cases.use_case.len()).unwrap();
    for u in &d.use_cases.use_case {
        writeln!(
            out,
            "    UseCase {{ table: UseCaseTable::{:?}, name: {}, apis: {}, account_types: {}, sources: {}, notes: {} }},",
            u.table,
            lit(&u.name),
            list(&u.apis, |a| api_variant(a)),
            account_types(&u.account_types),
            strs(&u.sources),
            strs(&u.notes),
        )
        .unwrap();
    }
    writeln!(out, "];\n").unwrap();
    let m = &d.meta;
    writeln!(out, "pub(crate) const DATA_VERSION_STR: &str = {};", lit(&m.data_version)).unwrap();
    writeln!(
        out,
        "pub(crate) static OPENAPI_SNAPSHOT: OpenApiSnapshot = OpenApiSnapshot {{ repository: {}, folder: {}, commit: {}, commit_date: {}, specs: {} }};",
        lit(&m.openapi.repository),
        lit(&m.openapi.folder),
        lit(&m.openapi.commit),
        lit(&m.openapi.commit_date),
        m.openapi.specs
    )
    .unwrap();
    writeln!(out, "pub(crate) static DOCUMENTS: [Document; {}] = [", m.document.len()).unwrap();
    for doc in &m.document {
        writeln!(
            out,
            "    Document {{ id: {}, title: {}, page: {}, era: {}, notes: {} }},",
            lit(&doc.id),
            lit(&doc.title),
            lit(&doc.page),
            lit(&doc.era),
            strs(&doc.notes)
        )
        .unwrap();
    }
    writeln!(out, "];\n").unwrap();

    generate_routes(&mut out, d, &sv, &api_variant, &auth_variant);
    gen_graphql::generate(&mut out, d, &sv, &api_variant, &|least, also| accepted_scopes(d, least, also));
    out
}

/// The route table and the segment trie the resolver walks.
/// A node of the route trie as the build lays it out.
#[derive(Default)]
struct TrieNode {
    literal: BTreeMap<String, usize>,
    param: Option<usize>,
    route: Option<usize>,
}

fn generate_routes(
    out: &mut String,
    d: &DataSet,
    sv: &dyn Fn(&str) -> String,
    api_variant: &dyn Fn(&str) -> String,
    auth_variant: &dyn Fn(&str) -> String,
) {
    let api_auth: BTreeMap<&str, &str> = d.apis.api.iter().map(|a| (a.id.as_str(), a.auth_scheme.as_str())).collect();
    // Group operations by display template.
    struct Route<'a> {
        template: Template,
        file: &'a EndpointsFile,
        ops: Vec<&'a OperationEntry>,
    }
    let mut routes: BTreeMap<(Host, String), Route> = BTreeMap::new();
    for (_, f) in &d.endpoints {
        for op in &f.operation {
            let t = Template::parse(&f.base, &op.path).expect("validated");
            let key = (t.host, t.display());
            routes.entry(key).or_insert_with(|| Route { template: t, file: f, ops: Vec::new() }).ops.push(op);
        }
    }
    let routes: Vec<Route> = routes.into_values().collect();
    let mut ops_out = String::new();
    writeln!(out, "pub(crate) static ROUTES: [Route; {}] = [", routes.len()).unwrap();
    let mut op_index = 0usize;
    for (route_index, r) in routes.iter().enumerate() {
        let mut ops = r.ops.clone();
        ops.sort_by_key(|o| o.method);
        let start = op_index;
        // Operation index per method (HEAD: GET's, as `Route::operation` answers).
        let mut by_method = [u16::MAX; 6];
        for (i, o) in ops.iter().enumerate() {
            by_method[o.method as usize] = (start + i) as u16;
        }
        by_method[Method::Head as usize] = by_method[Method::Get as usize];
        for o in &ops {
            let dedup = accepted_scopes(d, o.scope.as_deref(), &o.also);
            let sources = if o.sources.is_empty() { vec![format!("spec:{}", r.file.spec)] } else { o.sources.clone() };
            let auth = o.auth.as_deref().unwrap_or(api_auth[r.file.api.as_str()]);
            writeln!(
                ops_out,
                "    Operation {{ method: Method::{:?}, route: {}, operation_id: {}, summary: {}, requirement: RequirementKind::{:?}, \
                 least: {}, accepted: {}, conditional: {}, confidence: Confidence::{:?}, auth_scheme: {}, deprecated: {}, internal: {}, notes: {}, sources: {} }},",
                o.method,
                route_index,
                lit(&o.operation_id),
                lit(&o.summary),
                o.requirement,
                o.scope.as_deref().map(|x| format!("Some({})", sv(x))).unwrap_or("None".into()),
                list(&dedup, |n| sv(n)),
                list(&o.conditional, |c| format!("Conditional {{ scope: {}, when: {} }}", sv(&c.scope), lit(&c.when))),
                o.confidence,
                auth_variant(auth),
                o.deprecated,
                o.internal,
                strs(&o.notes),
                strs(&sources),
            )
            .unwrap();
            op_index += 1;
        }
        let mut file_notes = r.file.notes.clone();
        file_notes.dedup();
        writeln!(
            out,
            "    Route {{ template: {}, host: Host::{:?}, api: {}, spec: {}, title: {}, ops: ({}, {}), by_method: {:?}, spec_notes: {}, crossed: {} }},",
            lit(&r.template.display()),
            r.template.host,
            api_variant(&r.file.api),
            lit(&r.file.spec),
            lit(&r.file.title),
            start,
            op_index,
            by_method,
            strs(&file_notes),
            routes.iter().any(|o| crossed(&o.template, &r.template)),
        )
        .unwrap();
    }
    writeln!(out, "];\n").unwrap();
    writeln!(out, "pub(crate) static OPERATIONS: [Operation; {op_index}] = [\n{ops_out}];\n").unwrap();

    // Segment trie: one root per host; literal children in a hashed table, one parameter child.
    let hosts = [Host::Api, Host::Payments, Host::StoreDomain, Host::AppDomain];
    let mut nodes: Vec<TrieNode> = hosts.iter().map(|_| TrieNode::default()).collect();
    for (ri, r) in routes.iter().enumerate() {
        let mut cur = hosts.iter().position(|h| *h == r.template.host).unwrap();
        for seg in &r.template.segments {
            let next = if is_param(seg) { nodes[cur].param } else { nodes[cur].literal.get(seg).copied() };
            cur = match next {
                Some(n) => n,
                None => {
                    nodes.push(TrieNode::default());
                    let n = nodes.len() - 1;
                    if is_param(seg) {
                        nodes[cur].param = Some(n);
                    } else {
                        nodes[cur].literal.insert(seg.clone(), n);
                    }
                    n
                }
            };
        }
        nodes[cur].route = Some(ri);
    }
    // Literal children in tables indexed by a hash of their key, collision-free per node, with one
    // multiplier for the whole trie.
    let keys: Vec<Vec<([u64; 2], usize)>> = nodes
        .iter()
        .map(|n| n.literal.keys().map(|k| (datafile::segkey::words(k.as_bytes()), k.len())).collect())
        .collect();
    let Some((mult, masks)) = datafile::segkey::layout(&keys) else {
        fail(&["route trie: no multiplier gives every node a collision-free table".to_string()]);
    };
    writeln!(out, "pub(crate) const TRIE_MULT: u64 = {mult:#x};").unwrap();
    writeln!(out, "pub(crate) static NODES: [Node; {}] = [", nodes.len()).unwrap();
    for ((n, keys), mask) in nodes.iter().zip(&keys).zip(masks) {
        let mut slots = vec!["Slot::EMPTY".to_string(); if n.literal.is_empty() { 0 } else { mask as usize + 1 }];
        for ((k, child), (w, len)) in n.literal.iter().zip(keys) {
            slots[datafile::segkey::slot(*w, *len, mult, mask)] =
                format!("Slot {{ words: [{:#x}, {:#x}], len: {len}, child: {child}, text: {} }}", w[0], w[1], lit(k));
        }
        writeln!(
            out,
            "    Node {{ mask: {mask}, slots: &[{}], param: {}, route: {} }},",
            slots.join(", "),
            n.param.map(|p| p as u32).unwrap_or(u32::MAX),
            n.route.map(|p| p as u32).unwrap_or(u32::MAX),
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    generate_shapes(out, &nodes);
}

/// The gateway's fast-path tables: every literal segment under the `Host::Api` root with an id, and
/// every route's shape (its literal ids, 255 for a parameter) keyed to the route. A path whose segments,
/// each read as a literal where it is one, form a known shape resolves to that route: the trie's
/// literal-first walk finds the same one first, and every other template matching the path is less
/// specific everywhere, so no crossing makes it ambiguous.
fn generate_shapes(out: &mut String, nodes: &[TrieNode]) {
    use datafile::segkey::{chunks, direct_index, direct_layout, fold_chunks, fold_shape};
    let mut literals: BTreeMap<&str, u8> = BTreeMap::new();
    let mut stack = vec![0usize];
    while let Some(n) = stack.pop() {
        for (k, child) in &nodes[n].literal {
            literals.insert(k, 0);
            stack.push(*child);
        }
        stack.extend(nodes[n].param);
    }
    // Id 255 is a parameter value's (see `resolve::fast`), and 0 never occurs.
    if literals.len() > 254 {
        fail(&[format!("{} gateway literals: shape ids are one byte; widen them", literals.len())]);
    }
    for (i, v) in literals.values_mut().enumerate() {
        *v = i as u8 + 1;
    }
    // Literals: a direct table of ids by one multiplicative hash of their first two chunks, and the
    // literals by id.
    // The fast path's key of a literal under 16 bytes has its length in the top byte of its last
    // chunk (always padding there): the length needs no comparison of its own.
    let keyed = |k: &str| {
        let mut w = chunks(k.as_bytes());
        if k.len() < 16 {
            w[k.len() / 8] |= (k.len() as u64) << 56;
        }
        w
    };
    let folds: Vec<u64> = literals
        .keys()
        .map(|k| {
            let w = keyed(k);
            fold_chunks(w[0], w[1])
        })
        .collect();
    let Some((bits, mult)) = (12..=15).find_map(|bits| direct_layout(&folds, bits).map(|m| (bits, m))) else {
        fail(&["gateway literals: no multiplier gives them distinct entries".to_string()]);
    };
    let mut ids = vec![0u8; 1 << bits];
    let mut by_id = vec!["    Literal::EMPTY,".to_string()];
    for ((k, id), x) in literals.iter().zip(&folds) {
        if k.len() > 32 {
            fail(&[format!("gateway literal `{k}` is longer than the 32 bytes its key holds")]);
        }
        // A length in a key's top byte reads as a control byte, which no literal holds.
        if k.bytes().any(|b| b < b' ') {
            fail(&[format!("gateway literal `{}` holds a control byte", k.escape_debug())]);
        }
        // The fast path checks for `.json` only after a parameter value.
        if k.ends_with(".json") {
            fail(&[format!("gateway literal `{k}` ends with `.json`; the fast path assumes none does")]);
        }
        ids[direct_index(*x, mult, bits)] = *id;
        let w = keyed(k);
        by_id.push(format!(
            "    Literal {{ words: [{:#x}, {:#x}, {:#x}, {:#x}], len: {} }}, // {id}: {k}",
            w[0],
            w[1],
            w[2],
            w[3],
            k.len(),
        ));
    }
    writeln!(out, "pub(crate) const LITERAL_MULT: u64 = {mult:#x};").unwrap();
    writeln!(out, "pub(crate) const LITERAL_BITS: u32 = {bits};").unwrap();
    writeln!(out, "pub(crate) static LITERAL_IDS: [u8; {}] = {ids:?};", ids.len()).unwrap();
    // 256 entries, so that no id (a byte) needs a bounds check.
    by_id.resize(256, "    Literal::EMPTY,".to_string());
    writeln!(out, "pub(crate) static LITERALS: [Literal; 256] = [\n{}\n];", by_id.join("\n")).unwrap();
    for v in ["v2", "v3"] {
        writeln!(out, "pub(crate) const LITERAL_{}: u8 = {};", v.to_uppercase(), literals.get(v).copied().unwrap_or(0))
            .unwrap();
    }

    // Shapes: depth-first from the gateway root, one per node that ends a route. A shape's key is
    // its ids shifted in one byte at a time (the last segment's in the low byte), 255 for a
    // parameter: every byte of it nonzero, so the key also says how many segments there are.
    let mut shapes: Vec<(u128, usize)> = Vec::new();
    let mut stack: Vec<(usize, Vec<u8>)> = vec![(0, Vec::new())];
    while let Some((n, ids)) = stack.pop() {
        if let Some(r) = nodes[n].route {
            if ids.len() < 16 {
                shapes.push((ids.iter().fold(0u128, |key, id| (key << 8) | *id as u128), r));
            }
        }
        for (k, child) in &nodes[n].literal {
            let mut next = ids.clone();
            next.push(literals[k.as_str()]);
            stack.push((*child, next));
        }
        if let Some(p) = nodes[n].param {
            let mut next = ids.clone();
            next.push(255);
            stack.push((p, next));
        }
    }
    shapes.sort();
    let folds: Vec<u64> = shapes.iter().map(|(k, _)| fold_shape(*k)).collect();
    let Some((bits, mult)) = (12..=15).find_map(|bits| direct_layout(&folds, bits).map(|m| (bits, m))) else {
        fail(&["gateway shapes: no multiplier gives them distinct entries".to_string()]);
    };
    // Entry 0 is empty: its key, 0, is no path's (every path has a segment, every id is nonzero).
    let mut ids = vec![0u16; 1 << bits];
    let mut table = vec!["Shape { key: 0, route: &ROUTES[0] }".to_string()];
    for (i, ((key, r), x)) in shapes.iter().zip(&folds).enumerate() {
        ids[direct_index(*x, mult, bits)] = i as u16 + 1;
        table.push(format!("Shape {{ key: {key:#x}, route: &ROUTES[{r}] }}"));
    }
    // A power of two, so that masking the index is its bounds check.
    table.resize(table.len().next_power_of_two(), table[0].clone());
    writeln!(out, "pub(crate) const SHAPE_MULT: u64 = {mult:#x};").unwrap();
    writeln!(out, "pub(crate) const SHAPE_BITS: u32 = {bits};").unwrap();
    writeln!(out, "pub(crate) static SHAPE_IDS: [u16; {}] = {ids:?};", ids.len()).unwrap();
    writeln!(out, "pub(crate) static SHAPES: [Shape; {}] = [{}];", table.len(), table.join(", ")).unwrap();
}
