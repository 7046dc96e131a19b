//! Resolving concrete request targets over the full route table, against two named alternatives
//! loaded with the same routes in the same run: the `matchit` router, and a linear scan of one
//! compiled regex per route. Results go into BENCHMARKS.md.

use bigcommerce_scopes::{resolve, Host, Method, Route};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

/// Fill a template's parameters with realistic values (numbers, UUIDs, SKUs, slugs) in turn.
fn concrete(template: &str, salt: usize) -> String {
    const VALUES: [&str; 5] = ["1234", "9f1c2a44-8b5e-4a1e-9d8a-3c0f6f1e2b7a", "SKU-ABC-77", "summer-sale", "42"];
    template
        .split('/')
        .enumerate()
        .map(|(i, s)| if s.starts_with('{') { VALUES[(i + salt) % VALUES.len()] } else { s })
        .collect::<Vec<_>>()
        .join("/")
}

/// The gateway routes as bare paths (`/v3/...`), concrete.
fn inputs() -> Vec<(Method, String, String)> {
    let mut out = Vec::new();
    for (i, r) in Route::all().iter().enumerate() {
        if r.host != Host::Api {
            continue;
        }
        let bare = r.template.strip_prefix("/stores/{store_hash}").unwrap();
        let path = concrete(bare, i);
        let full = format!("https://api.bigcommerce.com/stores/abc123{path}?limit=50&page=2");
        out.push((r.operations()[0].method, path, full));
    }
    out
}

fn bench(c: &mut Criterion) {
    let inputs = inputs();
    let n = inputs.len() as u64;

    let mut router = matchit::Router::new();
    let mut rejected = 0;
    for (i, r) in Route::all().iter().enumerate() {
        if r.host == Host::Api {
            let bare = r.template.strip_prefix("/stores/{store_hash}").unwrap();
            if router.insert(bare, i).is_err() {
                rejected += 1;
            }
        }
    }
    let regexes: Vec<(regex::Regex, usize)> = Route::all()
        .iter()
        .enumerate()
        .filter(|(_, r)| r.host == Host::Api)
        .map(|(i, r)| {
            let bare = r.template.strip_prefix("/stores/{store_hash}").unwrap();
            let pattern: Vec<String> = bare
                .split('/')
                .map(|s| if s.starts_with('{') { "[^/]+".to_string() } else { regex::escape(s) })
                .collect();
            (regex::Regex::new(&format!("^{}$", pattern.join("/"))).unwrap(), i)
        })
        .collect();
    eprintln!("{} inputs; matchit rejected {rejected} of the routes as conflicting", inputs.len());
    // Every alternative must find a route for every input, or the comparison is void.
    for (m, path, full) in &inputs {
        assert!(resolve(*m, path).is_ok() && resolve(*m, full).is_ok(), "{path}");
        assert!(regexes.iter().any(|(re, _)| re.is_match(path)), "{path}");
    }

    interleaved(&inputs, &router);

    let mut g = c.benchmark_group("resolve");
    g.throughput(Throughput::Elements(n));
    // The whole answer is kept (the `Result` as `resolve` returns it); matchit's alternative below
    // keeps its route's value.
    g.bench_function("bigcommerce_scopes/bare_path", |b| {
        b.iter(|| {
            for (m, path, _) in &inputs {
                let _ = black_box(resolve(*m, black_box(path)));
            }
        })
    });
    g.bench_function("bigcommerce_scopes/full_url", |b| {
        b.iter(|| {
            for (m, _, full) in &inputs {
                let _ = black_box(resolve(*m, black_box(full)));
            }
        })
    });
    g.bench_function("matchit/bare_path", |b| {
        b.iter(|| {
            for (_, path, _) in &inputs {
                black_box(router.at(black_box(path)).ok().map(|m| *m.value));
            }
        })
    });
    g.bench_function("regex_linear_scan/bare_path", |b| {
        b.iter(|| {
            for (_, path, _) in &inputs {
                black_box(regexes.iter().find(|(re, _)| re.is_match(black_box(path))).map(|(_, i)| *i));
            }
        })
    });
    g.bench_function("hashmap_exact_path/bare_path", |b| {
        let map: std::collections::HashMap<&str, usize> =
            inputs.iter().enumerate().map(|(i, (_, p, _))| (p.as_str(), i)).collect();
        b.iter(|| {
            for (_, path, _) in &inputs {
                black_box(map.get(black_box(path.as_str())));
            }
        })
    });
    g.finish();
}

/// Ratios that load on a shared machine cannot skew: rounds that time each of bare paths, full
/// URLs, matchit and bare paths keeping only the route in turn (the order rotating), the median
/// time of each, and the median of the per-round ratios. Criterion's estimates follow; they time one function after the other, so a
/// change in load between them moves their ratios.
fn interleaved(inputs: &[(Method, String, String)], router: &matchit::Router<usize>) {
    const ROUNDS: usize = 31;
    const PASSES: u32 = 300;
    let time = |which: usize| {
        let t = std::time::Instant::now();
        for _ in 0..PASSES {
            for (m, path, full) in inputs {
                match which {
                    0 => drop(black_box(resolve(*m, black_box(path)))),
                    1 => drop(black_box(resolve(*m, black_box(full)))),
                    2 => drop(black_box(router.at(black_box(path)).ok().map(|m| *m.value))),
                    _ => drop(black_box(resolve(*m, black_box(path)).ok().map(|r| r.route as *const Route))),
                }
            }
        }
        t.elapsed().as_secs_f64() * 1e9 / (PASSES as f64 * inputs.len() as f64)
    };
    let mut ns = [Vec::new(), Vec::new(), Vec::new(), Vec::new()];
    for round in 0..ROUNDS {
        for k in 0..4 {
            let which = (round + k) % 4;
            ns[which].push(time(which));
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let ratio = |which: usize| median(&mut ns[which].iter().zip(&ns[2]).map(|(a, b)| a / b).collect());
    let (bare_ratio, full_ratio, route_ratio) = (ratio(0), ratio(1), ratio(3));
    let [bare, full, matchit, route] = ns.map(|mut v| median(&mut v));
    println!("\n== resolve, interleaved: {ROUNDS} rounds of {PASSES} passes over {} targets, medians", inputs.len());
    println!("bigcommerce_scopes/bare_path  {bare:6.1} ns  {bare_ratio:.2}x matchit (median of per-round ratios)");
    println!("bigcommerce_scopes/full_url   {full:6.1} ns  {full_ratio:.2}x matchit");
    println!("matchit/bare_path             {matchit:6.1} ns");
    println!(
        "bigcommerce_scopes/bare_path, only the route kept, as matchit's value is: {route:.1} ns, {route_ratio:.2}x"
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
