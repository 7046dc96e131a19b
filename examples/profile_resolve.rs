//! Resolves every documented gateway route many times: a target for profilers (perf, callgrind).
//!
//! `profile_resolve ROUNDS [bare|full|matchit]`: `matchit` looks the bare paths up in the `matchit`
//! router instead, so instruction counts can be compared with the same inputs.

use bigcommerce_scopes::{resolve, Host, Route};

fn main() {
    let mode = std::env::args().nth(2).unwrap_or_else(|| "bare".into());
    let inputs: Vec<_> = Route::all()
        .iter()
        .enumerate()
        .filter(|(_, r)| r.host == Host::Api)
        .map(|(i, r)| {
            let bare = r.template.strip_prefix("/stores/{store_hash}").unwrap();
            // The benchmark's values: numbers, UUIDs, SKUs and slugs in turn.
            const VALUES: [&str; 5] =
                ["1234", "9f1c2a44-8b5e-4a1e-9d8a-3c0f6f1e2b7a", "SKU-ABC-77", "summer-sale", "42"];
            let path: Vec<&str> = bare
                .split('/')
                .enumerate()
                .map(|(j, s)| if s.starts_with('{') { VALUES[(j + i) % VALUES.len()] } else { s })
                .collect();
            let path = path.join("/");
            let target = if mode == "full" {
                format!("https://api.bigcommerce.com/stores/abc123{path}?limit=50&page=2")
            } else {
                path
            };
            (r.operations()[0].method, target)
        })
        .collect();
    // `PROFILE_INPUTS=N`: only the first N inputs (to see what branch prediction is worth).
    let mut inputs = inputs;
    if let Some(n) = std::env::var("PROFILE_INPUTS").ok().and_then(|v| v.parse().ok()) {
        inputs.truncate(n);
    }
    let rounds: usize =
        std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20_000) * 311 / inputs.len().max(1);
    let mut found = 0usize;
    let started = std::time::Instant::now();
    if mode == "matchit" {
        let mut router = matchit::Router::new();
        for (i, r) in Route::all().iter().enumerate().filter(|(_, r)| r.host == Host::Api) {
            let _ = router.insert(r.template.strip_prefix("/stores/{store_hash}").unwrap(), i);
        }
        for _ in 0..rounds {
            for (_, p) in &inputs {
                found += router.at(std::hint::black_box(p)).is_ok() as usize;
            }
        }
    } else if std::env::var_os("PROFILE_KEEP").is_some() {
        // `PROFILE_KEEP=1`: the whole answer kept, as the criterion benchmark keeps it.
        for _ in 0..rounds {
            for (m, p) in &inputs {
                found += std::hint::black_box(resolve(*m, std::hint::black_box(p))).is_ok() as usize;
            }
        }
    } else {
        for _ in 0..rounds {
            for (m, p) in &inputs {
                found += resolve(*m, std::hint::black_box(p)).is_ok() as usize;
            }
        }
    }
    let per = started.elapsed().as_nanos() as f64 / (rounds * inputs.len()).max(1) as f64;
    println!("{found} lookups, {per:.1} ns each");
}
