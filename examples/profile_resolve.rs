//! Resolves every documented gateway route many times: a target for profilers (perf, callgrind).

use bigcommerce_scopes::{resolve, Host, Route};

fn main() {
    let inputs: Vec<_> = Route::all()
        .iter()
        .filter(|r| r.host == Host::Api)
        .map(|r| {
            let bare = r.template.strip_prefix("/stores/{store_hash}").unwrap();
            let path: Vec<&str> = bare.split('/').map(|s| if s.starts_with('{') { "1234" } else { s }).collect();
            let path = path.join("/");
            let target = if std::env::args().nth(2).as_deref() == Some("full") {
                format!("https://api.bigcommerce.com/stores/abc123{path}?limit=50&page=2")
            } else {
                path
            };
            (r.operations()[0].method, target)
        })
        .collect();
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let mut found = 0usize;
    for _ in 0..rounds {
        for (m, p) in &inputs {
            found += resolve(*m, std::hint::black_box(p)).is_ok() as usize;
        }
    }
    println!("{found}");
}
