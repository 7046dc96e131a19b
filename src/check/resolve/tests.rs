//! Unit tests of the per-file resolution.

use super::*;
use crate::check::conventions::method_from_name;
use crate::check::syntax::suppress::comments;
use crate::resolve::single_slashes;

fn calls(src: &str, lang: Language) -> Vec<(Option<&'static str>, String)> {
    extract(src, lang, &FileContext { base_url: None, strong: true })
        .into_iter()
        .map(|c| (c.method.map(Method::as_str), c.target))
        .collect()
}

fn one(m: Option<&'static str>, t: &str) -> Vec<(Option<&'static str>, String)> {
    vec![(m, t.to_owned())]
}

#[test]
fn method_names() {
    assert_eq!(method_from_name("PostAsync"), Some(Method::Post));
    assert_eq!(method_from_name("getForObject"), Some(Method::Get));
    assert_eq!(method_from_name("MethodPut"), Some(Method::Put));
    assert_eq!(method_from_name("getProducts"), None);
    assert_eq!(method_from_name("delete"), Some(Method::Delete));
}

#[test]
fn js_fetch_axios_and_templates() {
    let src = r#"
const BASE = `https://api.bigcommerce.com/stores/${process.env.STORE_HASH}/v3`;
await fetch(`${BASE}/catalog/products/${id}`, { method: 'PUT', body });
const r = await axios.post(BASE + '/catalog/products/' + id + '/variants', v);
fetch('/api/storefront/carts');
"#;
    assert_eq!(
        calls(src, Language::TypeScript),
        [
            (Some("PUT"), "https://api.bigcommerce.com/stores/1/v3/catalog/products/1".to_owned()),
            (Some("POST"), "https://api.bigcommerce.com/stores/1/v3/catalog/products/1/variants".to_owned()),
            (Some("GET"), "/api/storefront/carts".to_owned()),
        ]
    );
}

#[test]
fn doubled_slashes_from_joining_are_read_as_one() {
    let src = r#"
const BASE = `https://api.bigcommerce.com/stores/${storeHash}/`;
await fetch(BASE + '/v3/catalog/products', { headers });
await fetch(`${BASE}/v3/orders/${id}/transactions?q=a//b`);
await got('/v3//customers');
"#;
    assert_eq!(
        calls(src, Language::JavaScript),
        [
            (Some("GET"), "https://api.bigcommerce.com/stores/1/v3/catalog/products".to_owned()),
            (Some("GET"), "https://api.bigcommerce.com/stores/1/v3/orders/1/transactions?q=a//b".to_owned()),
            (Some("GET"), "/v3/customers".to_owned()),
        ]
    );
    let ctx = FileContext { base_url: None, strong: true };
    let found = extract(src, Language::JavaScript, &ctx);
    assert!(found.iter().all(|c| c.notes.iter().any(|n| n.contains("`//` in the path read as `/`"))), "{found:?}");
    assert_eq!(single_slashes("https://api.bigcommerce.com/stores/x/v3/a"), None);
    assert_eq!(single_slashes("https://h//x?y//z#//").as_deref(), Some("https://h/x?y//z#//"));
    assert_eq!(single_slashes("https://api.bigcommerce.com/stores//v3/a"), None);
    assert_eq!(
        single_slashes("https://api.bigcommerce.com/stores//v3//a").as_deref(),
        Some("https://api.bigcommerce.com/stores//v3/a")
    );
}

#[test]
fn variable_flow_and_unknown_methods() {
    let src = "const url = `/v3/orders/${id}`;\nconst res = await fetch(url, { method: 'DELETE' });\nconst u2 = '/v3/customers';\nsend(u2);\n";
    assert_eq!(
        calls(src, Language::JavaScript),
        [(Some("DELETE"), "/v3/orders/1".to_owned()), (None, "/v3/customers".to_owned())]
    );
}

#[test]
fn clients_with_base_urls() {
    let src = "const api = axios.create({ baseURL: 'https://api.bigcommerce.com/stores/' + hash + '/v3' });\napi.get('/catalog/brands');\nconst bc = new BigCommerce({ clientId: 'x', apiVersion: 'v3' });\nbc.delete('/catalog/products/' + id);\napp.get('/catalog/products', handler);\n";
    assert_eq!(
        calls(src, Language::JavaScript),
        [
            (Some("GET"), "https://api.bigcommerce.com/stores/1/v3/catalog/brands".to_owned()),
            (Some("DELETE"), "https://api.bigcommerce.com/stores/1/v3/catalog/products/1".to_owned()),
        ]
    );
}

#[test]
fn one_word_paths_after_the_method_of_a_request() {
    let php = "<?php\n$client = new Client(['base_uri' => \"https://api.bigcommerce.com/stores/{$hash}/v3/\"]);\n$client->request('GET', \"customers?id:in={$id}\");\n$client->requestAsync('POST', 'customers');\n$other->request('GET', 'customers');\n$client->request($m, 'customers');\n";
    assert_eq!(
        calls(php, Language::Php),
        [
            (Some("GET"), "https://api.bigcommerce.com/stores/1/v3/customers?id:in=1".to_owned()),
            (Some("POST"), "https://api.bigcommerce.com/stores/1/v3/customers".to_owned()),
        ]
    );
    let py = "client = httpx.Client(base_url=f\"https://api.bigcommerce.com/stores/{h}/v3/\")\nclient.request(\"DELETE\", \"customers\", params=p)\n";
    assert_eq!(
        calls(py, Language::Python),
        [(Some("DELETE"), "https://api.bigcommerce.com/stores/1/v3/customers".to_owned())]
    );
}

#[test]
fn php_guzzle() {
    let src = "<?php\n$client = new Client(['base_uri' => \"https://api.bigcommerce.com/stores/{$hash}/v2/\"]);\n$client->request('DELETE', \"orders/{$id}\");\n$r = $this->http->post(self::BASE . '/v3/catalog/products');\n";
    assert_eq!(
        calls(src, Language::Php),
        [
            (Some("DELETE"), "https://api.bigcommerce.com/stores/1/v2/orders/1".to_owned()),
            (Some("POST"), "/v3/catalog/products".to_owned()),
        ]
    );
}

#[test]
fn python_requests_and_format() {
    let src = "BASE = f\"https://api.bigcommerce.com/stores/{STORE}/v3\"\nrequests.put(f\"{BASE}/catalog/products/{pid}\", json=p)\nhttpx.request(\"DELETE\", \"%s/v3/orders/%d\" % (b, i))\nrequests.get(\"{}/v2/orders/{}\".format(b, i))\n";
    assert_eq!(
        calls(src, Language::Python),
        [
            (Some("PUT"), "https://api.bigcommerce.com/stores/1/v3/catalog/products/1".to_owned()),
            (Some("DELETE"), "/v3/orders/1".to_owned()),
            (Some("GET"), "/v2/orders/1".to_owned()),
        ]
    );
}

#[test]
fn ruby_faraday_and_net_http() {
    let src = "conn = Faraday.new(url: \"https://api.bigcommerce.com/stores/#{hash}/v3\")\nconn.put(\"catalog/products/#{id}\") { |r| r.body = b }\nuri = URI(\"https://api.bigcommerce.com/stores/#{hash}/v2/orders/#{id}\")\nreq = Net::HTTP::Put.new(uri)\nget '/v3/orders' do\nend\n";
    assert_eq!(
        calls(src, Language::Ruby),
        [
            (Some("PUT"), "https://api.bigcommerce.com/stores/1/v3/catalog/products/1".to_owned()),
            (Some("PUT"), "https://api.bigcommerce.com/stores/1/v2/orders/1".to_owned()),
        ]
    );
}

#[test]
fn go_java_csharp_rust() {
    let go = "req, _ := http.NewRequest(\"PUT\", fmt.Sprintf(\"%s/v3/catalog/products/%d\", base, id), body)\nresp, _ := http.Get(base + \"/v2/orders\")";
    assert_eq!(
        calls(go, Language::Go),
        [(Some("PUT"), "/v3/catalog/products/1".to_owned()), (Some("GET"), "/v2/orders".to_owned())]
    );
    let java =
        "HttpRequest r = HttpRequest.newBuilder().uri(URI.create(base + \"/v3/orders/\" + id)).DELETE().build();";
    assert_eq!(calls(java, Language::Java), one(Some("DELETE"), "/v3/orders/1"));
    let cs = "var r = await client.PostAsJsonAsync($\"{baseUrl}/v3/customers\", body);";
    assert_eq!(calls(cs, Language::CSharp), one(Some("POST"), "/v3/customers"));
    let rs = "let r = client.patch(format!(\"{}/v3/catalog/products/{}\", base, id)).send().await?;";
    assert_eq!(calls(rs, Language::Rust), one(Some("PATCH"), "/v3/catalog/products/1"));
}

#[test]
fn not_calls() {
    let src = "console.log('GET /v3/orders failed');\nconst x = 'https://login.bigcommerce.com/oauth2/token';\nconst base = 'https://api.bigcommerce.com/stores/abc/v3/';\nconst other = '/v3/users';\n";
    assert!(calls(src, Language::JavaScript).is_empty());
}

#[test]
fn suppression_comments() {
    let c = comments("// bc-scopes: ignore[excess, missing] -- cart widget\nx # bc-scopes: ignore\n");
    assert_eq!(c[0].kinds, ["excess", "missing"]);
    assert_eq!(c[0].reason.as_deref(), Some("cart widget"));
    assert_eq!((c[1].line, c[1].kinds.len(), c[1].reason.clone()), (2, 0, None));
}

#[test]
fn every_call_site_of_a_wrapper_is_read() {
    // A helper called thousands of times: the last call asks for another API than the others.
    let mut src = String::from(
        "import requests\n\nclass Api:\n    def __init__(self, h):\n        self.base = f'https://api.bigcommerce.com/stores/{h}/v3'\n\n    def _get(self, path):\n        return requests.get(self.base + path)\n\n",
    );
    for i in 0..2500 {
        src.push_str(&format!("    def m{i}(self, pid):\n        return self._get(f'/catalog/products/{{pid}}')\n\n"));
    }
    src.push_str("    def last(self):\n        return self._get('/orders')\n");
    let found = calls(&src, Language::Python);
    assert_eq!(found.iter().filter(|c| c.1.ends_with("/v3/catalog/products/1")).count(), 2500);
    assert!(
        found.contains(&(Some("GET"), "https://api.bigcommerce.com/stores/1/v3/orders".to_owned())),
        "{:?}",
        found.last()
    );
}

#[test]
fn a_recursive_wrapper_is_followed_through_itself_once() {
    // `load` calls itself three ways, each adding to its path: the calls it makes from the
    // outside call are that path and each path one step further, not their compositions.
    let src = r#"
const BASE = 'https://api.bigcommerce.com/stores/abc/v3';
function load(path) {
  if (a) return load(path + '/variants');
  if (b) return load(path + '/images');
  if (c) return load(path + '/options');
  return fetch(BASE + path, { method: 'GET' });
}
load('/catalog/products/1');
"#;
    let mut found: Vec<String> = calls(src, Language::JavaScript).into_iter().map(|c| c.1).collect();
    found.sort();
    let at = |p: &str| format!("https://api.bigcommerce.com/stores/abc/v3/catalog/products/1{p}");
    assert_eq!(found, [at(""), at("/images"), at("/options"), at("/variants")]);
}

#[test]
fn a_wrapper_that_retries_by_calling_itself_is_completed_once() {
    let src = r#"
import requests
def send(method, path, tries=3):
    try:
        return requests.request(method, 'https://api.bigcommerce.com/stores/h/v3' + path)
    except Exception:
        return send(method, path, tries - 1)

send('DELETE', '/customers')
"#;
    assert_eq!(calls(src, Language::Python), one(Some("DELETE"), "https://api.bigcommerce.com/stores/h/v3/customers"));
}

/// Three wrappers above the request, each calling the one below `fan` times with its own
/// parameter and a suffix: `fan`³ paths from the call at the top.
fn fanned_wrappers(fan: usize) -> String {
    let mut src = String::from("function w0(p) { return fetch('https://api.bigcommerce.com/stores/h/v3' + p); }\n");
    for level in 1..=3 {
        src.push_str(&format!("function w{level}(p) {{\n"));
        for i in 0..fan {
            src.push_str(&format!("  w{}(p + '/s{i}');\n", level - 1));
        }
        src.push_str("}\n");
    }
    src.push_str("w3('/catalog');\n");
    src
}

#[test]
fn completing_templates_stops_at_its_budget_and_says_so() {
    let src = fanned_wrappers(6);
    let sources = [Source::new("a.js".to_owned(), Language::JavaScript, src, true)];
    let project = Project::build(&sources, 1, false);
    let base = FileContext::default();
    // Within budget: every path through the three levels (6³), no warning.
    let (all, warnings) = project::resolve_within(&project, &base, 1, 100_000);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(all[0].len(), 6usize.pow(3));
    // A budget of 50 call sites: fewer calls, and a warning that says why.
    let (some, warnings) = project::resolve_within(&project, &base, 1, 50);
    assert!(some[0].len() < all[0].len());
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("50 call sites") && warnings[0].contains("may be missing"), "{warnings:?}");
}

/// `w0` sends the request; each of `w1`…`w{depth}` calls the one below with a longer path, and
/// the file calls `w{depth}` once.
fn chained_wrappers(depth: usize) -> String {
    let mut src = String::from("function w0(p) { return fetch('https://api.bigcommerce.com/stores/h/v3' + p); }\n");
    for level in 1..=depth {
        src.push_str(&format!("function w{level}(p) {{ return w{}('/s{level}' + p); }}\n", level - 1));
    }
    src.push_str(&format!("w{depth}('/catalog');\n"));
    src
}

#[test]
fn wrappers_deeper_than_the_levels_followed_are_named_in_a_warning() {
    let base = FileContext::default();
    let resolve = |depth: usize| {
        let sources = [Source::new("a.js".to_owned(), Language::JavaScript, chained_wrappers(depth), true)];
        let project = Project::build(&sources, 1, false);
        project::resolve_within(&project, &base, 1, 100_000)
    };
    // The request's function and three wrappers above it: the call is complete, nothing to say.
    let (calls, warnings) = resolve(3);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(calls[0].iter().any(|c| c.target.ends_with("/v3/s1/s2/s3/catalog")), "{:?}", calls[0]);
    // Six: `w4` is still called (by `w5`) when the levels run out.
    let (calls, warnings) = resolve(6);
    assert!(!calls[0].iter().any(|c| c.target.contains("/catalog")), "{:?}", calls[0]);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("4 levels up") && warnings[0].contains("`w4` (a.js)"), "{warnings:?}");
}

/// The method arguments and expressions of a range as a direct scan finds them: the first token
/// outside `skip` that names one (the oracle of the kept scans).
fn direct<T>(a: usize, b: usize, skip: (usize, usize), at: impl Fn(usize) -> Option<T>) -> Option<T> {
    (a..b).filter(|&i| !(skip.0 <= i && i < skip.1)).find_map(at)
}

#[test]
fn kept_method_scans_answer_as_a_direct_scan() {
    let src = r#"
const opts = { method: 'PATCH' };
send('GET', '/v3/a', request('/v3/b', { method: 'PUT' }), 'DELETE', opts, verb, { method: m });
api.call(url, "POST", { 'method' => http.MethodPut }, httpMethod, '/v3/c', fetch('/v3/d', opts));
"#;
    for lang in [Language::JavaScript, Language::Php, Language::Go] {
        let sources = [Source::new(String::new(), lang, src.to_owned(), true)];
        let project = Project::build(&sources, 1, false);
        let x = Extractor::new(&project, 0, &FileContext::default());
        let n = x.n();
        let mut hits = 0;
        // Questions in an order that resumes, revisits and skips over kept hits.
        for a in (0..n).rev() {
            for b in a..=n {
                for skip in [(0, 0), (a, a + 1), (a + 2, b.saturating_sub(1)), (a, b), (b / 2, b)] {
                    let group = x.open_of(a);
                    let want = direct(a, b, skip, |i| x.method_at(i, group));
                    assert_eq!(x.method_in(a, b, skip), want, "{lang:?} method_in({a}, {b}, {skip:?})");
                    let want = direct(a, b, skip, |i| x.method_expr_at(i, group, b));
                    assert_eq!(x.method_expr_in(a, b, skip), want, "{lang:?} method_expr_in({a}, {b}, {skip:?})");
                    hits += usize::from(want.is_some());
                }
            }
        }
        assert!(hits > 100, "{lang:?}: the source names methods ({hits} answers)");
    }
}

#[test]
fn bindings_found_by_search_are_those_of_the_table() {
    // More names than are searched one by one, assigned in and out of functions, read before,
    // inside and after their assignments.
    let mut src = String::from("const BASE = '/v3';\n");
    for k in 0..60 {
        src += &format!("let n{k} = BASE + '/catalog/{k}';\nfunction f{k}(n{k}) {{ const n{} = n{k} + '/x'; return fetch(n{k}, {{ method: m{k} }}); }}\n", k + 1);
    }
    let sources = [Source::new(String::new(), Language::JavaScript, src, true)];
    let project = Project::build(&sources, 1, false);
    let table = Extractor::new(&project, 0, &FileContext::default());
    table.vars();
    let searched = Extractor::new(&project, 0, &FileContext::default());
    let mut answers = 0;
    for i in 0..table.n() {
        if table.l.is_ident(i) {
            let name = table.text(i);
            let want = table.lookup(name, i);
            assert_eq!(searched.lookup(name, i), want, "`{name}` at token {i}");
            answers += usize::from(want.is_some());
        }
    }
    assert!(searched.vars.get().is_some(), "past {} names the table is built", bindings::SEARCHED_NAMES);
    assert!(answers > 200, "the names are bound ({answers} answers)");
}
