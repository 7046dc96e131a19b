//! Resolving a target allocates nothing on the heap: counted with a global allocator that tallies
//! every allocation made by this thread.

use bigcommerce_scopes::{resolve, Host, Method, Route, Scope};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // try_with: the thread-local may be gone while a thread shuts down.
        let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let r = f();
    (r, ALLOCATIONS.with(Cell::get) - before)
}

fn targets() -> Vec<(Method, String)> {
    let mut out = Vec::new();
    for r in Route::all() {
        if r.host == Host::AppDomain {
            continue;
        }
        let concrete: Vec<&str> = r
            .template
            .split('/')
            .map(|s| match s {
                "{store_hash}" => "AbC123",
                "{store_domain}" => "shop.example.com",
                s if s.starts_with('{') => "9f1c2a44-8b5e-4a1e-9d8a-3c0f6f1e2b7a",
                s => s,
            })
            .collect();
        let path = concrete.join("/");
        let method = r.operations()[0].method;
        out.push((method, format!("{path}?limit=5&page=2#top")));
        if let Some(bare) = path.strip_prefix("/stores/AbC123") {
            out.push((method, bare.to_string()));
            out.push((method, format!("https://api.bigcommerce.com{path}/")));
        }
    }
    out.push((Method::Get, "https://store-abc.mybigcommerce.com/api/v2/orders/5.json".into()));
    out
}

#[test]
fn resolving_allocates_nothing() {
    let targets = targets();
    let (found, count) = allocations(|| {
        let mut found = 0usize;
        for (m, t) in &targets {
            let r = resolve(*m, t).expect("documented route resolves");
            found += r.accepted().len() + usize::from(r.least_privileged().is_some());
        }
        found
    });
    assert!(found > targets.len() / 2);
    assert_eq!(count, 0, "resolving {} targets allocated {count} times", targets.len());
}

#[test]
fn scope_lookups_allocate_nothing() {
    let (_, count) = allocations(|| {
        for info in Scope::all() {
            let s = Scope::from_name(info.name).expect("known");
            assert!(s.satisfies(s));
            let _ = bigcommerce_scopes::Api::parse("GraphQL Storefront API").expect("known");
        }
    });
    assert_eq!(count, 0);
}

#[test]
fn the_counter_counts() {
    let (v, count) = allocations(|| vec![1u8; 16]);
    assert_eq!(v.len(), 16);
    assert!(count >= 1);
}
