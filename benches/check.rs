//! `check` over a large synthetic repository, against ripgrep searching the same tree for an
//! equivalent URL pattern, in the same run. Results go into BENCHMARKS.md.
//!
//! The repository is generated under a temporary directory: thousands of files in six languages
//! (JavaScript, TypeScript, PHP, Python, Ruby, Go), about `BC_CHECK_BENCH_MB` megabytes in all
//! (default 200), with BigCommerce calls in about one file in eight (a few calls each) and
//! ordinary code everywhere else, plus a `.gitignore`d `node_modules/` that both tools skip.
//! The BigCommerce files also define wrappers (a function or base-class method that prepends the
//! store's base), request classes and SDK calls; about one other file in sixteen calls those
//! wrappers with bare paths (`api.get('catalog/products')`), so that the index and the
//! cross-file resolution are measured too.
//!
//! ```sh
//! cargo bench --bench check                        # ~200 MB
//! BC_CHECK_BENCH_MB=20 cargo bench --bench check   # a quick run
//! BC_CHECK_BENCH_TREE=/tmp/tree cargo bench --bench check   # keep the tree (for perf)
//! ```

use bigcommerce_scopes::check::{check, Options};
use bigcommerce_scopes::ScopeSet;
use criterion::{Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The pattern ripgrep searches for: the BigCommerce URLs and version paths `check` looks at.
const RG_PATTERN: &str = r"api\.bigcommerce\.com|/v[23]/[a-z]|/api/storefront/";

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: [&str; 16] = [
    "order", "customer", "invoice", "payload", "result", "items", "config", "cache", "retry", "logger", "user",
    "session", "price", "total", "record", "status",
];

/// One line of ordinary code in a language (no BigCommerce markers).
fn filler(lang: usize, r: &mut Rng) -> String {
    let a = WORDS[r.below(WORDS.len())];
    let b = WORDS[r.below(WORDS.len())];
    let n = r.below(1000);
    match (lang, r.below(4)) {
        (0 | 1, 0) => format!("  const {a}{n} = await load{b}({{ id: {n}, label: '{a} {b}' }});\n"),
        (0 | 1, 1) => format!("  // Update the {a} when the {b} changes (see ticket {n}).\n"),
        (0 | 1, 2) => format!("  if ({a}.{b} > {n}) {{ logger.info(`{a} ${{{b}}} exceeded`); }}\n"),
        (0 | 1, _) => format!("  return items.filter((x) => x.{a} !== '{b}').map((x) => x.{b} * {n});\n"),
        (2, 0) => format!("        ${a}{n} = $this->{b}Repository->find({n});\n"),
        (2, 1) => format!("        // Normalize the {a} before saving the {b}.\n"),
        (2, 2) => format!("        if (${a}['{b}'] > {n}) {{ throw new \\RuntimeException(\"{a} {b}\"); }}\n"),
        (2, _) => format!("        return array_map(fn($x) => $x['{a}'] * {n}, ${b});\n"),
        (3, 0) => format!("    {a}_{n} = self.{b}_repository.get({n})\n"),
        (3, 1) => format!("    # Normalize the {a} before saving the {b}.\n"),
        (3, 2) => format!("    if {a}.{b} > {n}:\n        raise ValueError(f\"{a} {{{b}}} too large\")\n"),
        (3, _) => format!("    return [x.{a} * {n} for x in {b}s if x.{b} != '{a}']\n"),
        (4, 0) => format!("    {a}_{n} = {b}_repository.find({n})\n"),
        (4, 1) => format!("    # Normalize the {a} before saving the {b}.\n"),
        (4, 2) => format!("    raise ArgumentError, \"#{{{a}}} {b}\" if {a}.{b} > {n}\n"),
        (4, _) => format!("    {b}s.map {{ |x| x.{a} * {n} }}.reject(&:nil?)\n"),
        (_, 0) => format!("\t{a}{n}, err := s.{b}Repo.Find(ctx, {n})\n"),
        (_, 1) => format!("\t// Normalize the {a} before saving the {b}.\n"),
        (_, 2) => format!("\tif {a}.{b} > {n} {{\n\t\treturn fmt.Errorf(\"{a} %d {b}\", {n})\n\t}}\n"),
        (_, _) => format!("\tfor _, x := range {b}s {{ total += x.{a} * {n} }}\n"),
    }
}

/// A wrapper, request class or SDK shape of a BigCommerce file: definitions at the top.
fn shapes(lang: usize) -> &'static str {
    match lang {
        0 | 1 => "class BcApi {\n  get(uri) { return fetch(`${BASE}/v3/${uri}`); }\n  post(uri, body) { return fetch(`${BASE}/v3/${uri}`, { method: 'POST', body }); }\n}\nexport const bcApi = new BcApi();\nexport function bcRequest(path, method) { return fetch(BASE + path, { method }); }\n",
        2 => "abstract class BcRequest {\n    protected $endpoint = '';\n    protected $method = 'GET';\n    public function send($http) { return $http->request($this->method, $this->endpoint); }\n}\nclass GetBrands extends BcRequest {\n    protected $endpoint = 'catalog/brands';\n}\n",
        3 => "def get_paginated(path):\n    return requests.get(f\"{API_ROOT}/v3/{path}\", headers=HEADERS)\n\n",
        4 => "class BcResource\n  def all\n    conn.get(\"#{BASE}/v3/#{self.class.uri_base}\")\n  end\nend\nclass BcBrand < BcResource\n  self.uri_base = \"catalog/brands\"\nend\n",
        _ => "func (c *Client) Get(path string) (*http.Response, error) {\n\treq, _ := http.NewRequest(\"GET\", base+path, nil)\n\treturn c.http.Do(req)\n}\n\n",
    }
}

/// A call through a wrapper or SDK, as code elsewhere writes it.
fn wrapped_call(lang: usize, r: &mut Rng) -> String {
    const PATHS: [&str; 4] = ["catalog/products", "orders", "customers", "catalog/brands"];
    let p = PATHS[r.below(PATHS.len())];
    match lang {
        0 | 1 => format!("  await bcApi.get('{p}');\n"),
        2 => "        $n = \\Bigcommerce::getProducts();\n".to_owned(),
        3 => format!("    get_paginated(\"{p}\")\n    api.Orders.all()\n"),
        4 => "    Bigcommerce::Order.all\n".to_owned(),
        _ => format!("\tc.Get(\"/v3/{p}\")\n"),
    }
}

/// A BigCommerce call in a language.
fn call(lang: usize, r: &mut Rng) -> String {
    const PATHS: [&str; 8] = [
        "catalog/products",
        "catalog/products/${id}/variants",
        "orders/${id}/transactions",
        "customers",
        "catalog/brands/${id}",
        "pricelists/${id}/records",
        "inventory/adjustments/absolute",
        "content/widgets",
    ];
    const METHODS: [&str; 4] = ["get", "post", "put", "delete"];
    let p = PATHS[r.below(PATHS.len())];
    let m = METHODS[r.below(METHODS.len())];
    match lang {
        0 | 1 => format!("  await fetch(`${{BASE}}/v3/{p}`, {{ method: '{}', headers }});\n", m.to_uppercase()),
        2 => format!("        $this->http->request('{}', \"v3/{}\");\n", m.to_uppercase(), p.replace("${id}", "{$id}")),
        3 => format!("    requests.{m}(f\"{{API_ROOT}}/v3/{}\", headers=HEADERS)\n", p.replace("${id}", "{id}")),
        4 => format!("    conn.{m}(\"#{{BASE}}/v3/{}\")\n", p.replace("${id}", "#{id}")),
        _ => format!(
            "\treq, _ := http.NewRequest(\"{}\", fmt.Sprintf(\"%s/v3/{}\", base), nil)\n",
            m.to_uppercase(),
            p.replace("${id}", "%d")
        ),
    }
}

const EXT: [&str; 6] = ["js", "ts", "php", "py", "rb", "go"];

fn header(lang: usize, bc: bool) -> String {
    let base = "https://api.bigcommerce.com/stores/";
    match (lang, bc) {
        (0 | 1, true) => {
            format!("const BASE = `{base}${{process.env.BC_STORE_HASH}}`;\nexport async function run(id) {{\n")
        }
        (0 | 1, false) => "export async function run(id) {\n".to_owned(),
        (2, true) => format!("<?php\nclass Sync {{\n    public function run($id) {{\n        // {base}{{hash}}\n"),
        (2, false) => "<?php\nclass Service {\n    public function run($id) {\n".to_owned(),
        (3, true) => format!("API_ROOT = f\"{base}{{STORE_HASH}}\"\n\ndef run(id):\n"),
        (3, false) => "def run(id):\n".to_owned(),
        (4, true) => format!("BASE = \"{base}#{{ENV['BC_STORE_HASH']}}\"\ndef run(id)\n"),
        (4, false) => "def run(id)\n".to_owned(),
        (_, true) => format!("package sync\n\nconst base = \"{base}\"\n\nfunc run(id int) {{\n"),
        (_, false) => "package service\n\nfunc run(id int) {\n".to_owned(),
    }
}

fn footer(lang: usize) -> &'static str {
    match lang {
        0 | 1 | 5 => "}\n",
        2 => "    }\n}\n",
        4 => "end\n",
        _ => "\n",
    }
}

/// Generate the repository; returns (bytes scanned by both tools, files).
fn generate(root: &Path, megabytes: usize) -> (u64, usize) {
    let target = megabytes as u64 * 1024 * 1024;
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let mut total = 0u64;
    let mut files = 0usize;
    std::fs::write(root.join(".gitignore"), "node_modules/\n").unwrap();
    std::fs::write(root.join("bc-scopes.toml"), "granted = [\"store_v2_products\", \"store_v2_orders\"]\n").unwrap();
    while total < target {
        let lang = r.below(EXT.len());
        let dir = root.join(format!("pkg{:03}/src/mod{:02}", files / 200, r.below(20)));
        std::fs::create_dir_all(&dir).unwrap();
        let bc = r.below(8) == 0;
        // Files that call wrappers and SDKs defined elsewhere, with bare paths.
        let caller = !bc && r.below(16) == 0;
        // 8–120 KB, mean ~50 KB.
        let size = 8 * 1024 + r.below(84 * 1024);
        let mut text = header(lang, bc);
        if bc {
            text.push_str(shapes(lang));
        }
        let mut calls = if bc || caller { 1 + r.below(4) } else { 0 };
        while text.len() < size {
            if calls > 0 && r.below(200) == 0 {
                let c = if caller || r.below(3) == 0 { wrapped_call(lang, &mut r) } else { call(lang, &mut r) };
                text.push_str(&c);
                calls -= 1;
            } else {
                text.push_str(&filler(lang, &mut r));
            }
        }
        text.push_str(footer(lang));
        total += text.len() as u64;
        std::fs::write(dir.join(format!("f{files}.{}", EXT[lang])), text).unwrap();
        files += 1;
    }
    // Ignored by both tools.
    let nm = root.join("node_modules/dep");
    std::fs::create_dir_all(&nm).unwrap();
    for i in 0..50 {
        std::fs::write(nm.join(format!("x{i}.js")), call(0, &mut r).repeat(500)).unwrap();
    }
    (total, files)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn rg_available() -> bool {
    Command::new("rg").arg("--version").output().is_ok_and(|o| o.status.success())
}

fn run_rg(root: &Path, threads: usize) -> usize {
    let out = Command::new("rg")
        // The tree is no git repository: like `check`, rg is told to honour its .gitignore anyway.
        .args(["--count-matches", "--no-messages", "--no-require-git", "-j", &threads.to_string(), RG_PATTERN])
        .arg(root)
        .output()
        .expect("rg runs");
    String::from_utf8_lossy(&out.stdout).lines().count()
}

fn main() {
    let mb: usize = std::env::var("BC_CHECK_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let tmp = tempfile::tempdir().expect("a temporary directory");
    // `BC_CHECK_BENCH_TREE=DIR`: generate the tree there and keep it (for a profiler).
    let kept = std::env::var_os("BC_CHECK_BENCH_TREE").map(std::path::PathBuf::from);
    if let Some(dir) = &kept {
        std::fs::create_dir_all(dir).expect("the tree's directory");
    }
    let root = kept.as_deref().unwrap_or(tmp.path());
    let t = Instant::now();
    let (bytes, files) = generate(root, mb);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    eprintln!(
        "generated {files} files, {:.1} MB in {:.1?} under {}; {threads} threads",
        bytes as f64 / 1e6,
        t.elapsed(),
        root.display()
    );
    let mut opts = Options::new([root]);
    opts.granted = Some(ScopeSet::parse_list("store_v2_products store_v2_orders").unwrap().scopes);
    opts.threads = threads;

    let first = check(&opts).expect("check runs");
    eprintln!(
        "check: {} calls in {} files ({} scanned, {} skipped), {} findings",
        first.summary.calls,
        first.summary.files_with_calls,
        first.summary.files_scanned,
        first.summary.files_skipped,
        first.findings.len()
    );
    let have_rg = rg_available();
    if have_rg {
        eprintln!("rg: {} files match `{RG_PATTERN}`", run_rg(root, threads));
    } else {
        eprintln!("rg (ripgrep) is not installed: the comparison is skipped (apt-get install -y ripgrep)");
    }

    let mut c = Criterion::default().configure_from_args().sample_size(10).measurement_time(Duration::from_secs(20));
    let mut g = c.benchmark_group("check_vs_ripgrep");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("bc-scopes check", |b| b.iter(|| black_box(check(&opts).unwrap().calls.len())));
    if have_rg {
        g.bench_function("rg (same tree, URL pattern)", |b| b.iter(|| black_box(run_rg(root, threads))));
    }
    g.finish();

    // The summary for BENCHMARKS.md: medians of 7 runs each, interleaved.
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..7 {
        let t = Instant::now();
        black_box(check(&opts).unwrap());
        ours.push(t.elapsed());
        if have_rg {
            let t = Instant::now();
            black_box(run_rg(root, threads));
            theirs.push(t.elapsed());
        }
    }
    let mbps = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64();
    let ours = median(ours);
    println!("\n== check vs ripgrep: {files} files, {:.1} MB, {threads} threads (median of 7)", bytes as f64 / 1e6);
    println!("bc-scopes check   {:>8.1?}  {:>8.1} MB/s", ours, mbps(ours));
    if have_rg {
        let rg = median(theirs);
        println!("rg                {:>8.1?}  {:>8.1} MB/s", rg, mbps(rg));
        println!("ratio (check / rg time): {:.2}x", ours.as_secs_f64() / rg.as_secs_f64());
    }
    Criterion::default().configure_from_args().final_summary();
}
