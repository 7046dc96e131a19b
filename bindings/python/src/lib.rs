//! Python bindings of bigcommerce-scopes (PyO3): the knowledge base and the checker, with the
//! field names of the CLI's `--json` output. Every answer is computed by
//! `bigcommerce-scopes-bindings`; this crate converts arguments in and answers out.
//!
//! Errors are raised as `BigCommerceScopesError` (a `ValueError`) with `kind`, `message` and
//! `suggestions` as in the CLI's JSON errors; an argument of the wrong type raises `TypeError`.
//! Text arguments are `str` or UTF-8 `bytes` (other bytes raise `BigCommerceScopesError` of kind
//! `invalid_input`); lone surrogates in a `str` are read as U+FFFD.
//!
//! `least_scope` reads a `str`'s UTF-8 in place and answers a scope with a Python string made once
//! per scope: no allocation in Rust on the way.

use bigcommerce_scopes::Scope;
use bigcommerce_scopes_bindings::{self as b, BindingError, CallInput};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use serde::Serialize;
use std::borrow::Cow;
use std::path::PathBuf;

pyo3::create_exception!(
    bigcommerce_scopes,
    BigCommerceScopesError,
    PyValueError,
    "An error of bigcommerce-scopes: `kind`, `message` and `suggestions` as in the CLI's JSON errors."
);

/// The exception for a binding error, with its attributes set.
fn raise(py: Python<'_>, e: BindingError) -> PyErr {
    let err = BigCommerceScopesError::new_err(e.display.clone());
    let value = err.value(py);
    let set = || -> PyResult<()> {
        value.setattr("kind", e.kind)?;
        value.setattr("message", &e.message)?;
        value.setattr("suggestions", PyList::new(py, &e.suggestions)?)?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(other) => other,
    }
}

fn ok<T>(py: Python<'_>, r: Result<T, BindingError>) -> PyResult<T> {
    r.map_err(|e| raise(py, e))
}

fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".to_owned())
}

/// A text argument: a `str` (lone surrogates read as U+FFFD), or `bytes` holding UTF-8.
fn text<'a>(v: &'a Bound<'_, PyAny>, what: &str) -> PyResult<Cow<'a, str>> {
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(match s.to_str() {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => Cow::Owned(s.to_string_lossy().into_owned()),
        });
    }
    if let Ok(bytes) = v.cast::<PyBytes>() {
        return match std::str::from_utf8(bytes.as_bytes()) {
            Ok(s) => Ok(Cow::Borrowed(s)),
            Err(e) => Err(raise(
                v.py(),
                BindingError::input(format!("{what} is not UTF-8 text (invalid byte at offset {})", e.valid_up_to())),
            )),
        };
    }
    Err(PyTypeError::new_err(format!("{what} must be str or bytes, not {}", type_name(v))))
}

/// An optional text argument (`None` left out).
fn opt_text(v: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<String>> {
    match v {
        Some(v) if !v.is_none() => Ok(Some(text(v, what)?.into_owned())),
        _ => Ok(None),
    }
}

/// A text, or a list or tuple of texts.
fn texts(v: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<String>> {
    if v.is_instance_of::<PyString>() || v.is_instance_of::<PyBytes>() {
        return Ok(vec![text(v, what)?.into_owned()]);
    }
    let items: Vec<Bound<'_, PyAny>> = if let Ok(l) = v.cast::<PyList>() {
        l.iter().collect()
    } else if let Ok(t) = v.cast::<PyTuple>() {
        t.iter().collect()
    } else {
        return Err(PyTypeError::new_err(format!("{what} must be str or a list of str, not {}", type_name(v))));
    };
    items.iter().enumerate().map(|(i, item)| text(item, &format!("{what}[{i}]")).map(Cow::into_owned)).collect()
}

/// Calls: a list (or tuple) of `"METHOD TARGET"` strings and `{"method", "target"}` mappings.
fn calls(v: &Bound<'_, PyAny>) -> PyResult<Vec<CallInput>> {
    let items: Vec<Bound<'_, PyAny>> = if let Ok(l) = v.cast::<PyList>() {
        l.iter().collect()
    } else if let Ok(t) = v.cast::<PyTuple>() {
        t.iter().collect()
    } else {
        return Err(PyTypeError::new_err(format!("calls must be a list, not {}", type_name(v))));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if item.is_instance_of::<PyString>() || item.is_instance_of::<PyBytes>() {
            out.push(CallInput::Text(text(item, &format!("calls[{i}]"))?.into_owned()));
            continue;
        }
        let wrong = || {
            PyTypeError::new_err(format!(
                "calls[{i}] must be a \"METHOD TARGET\" str or a dict with \"method\" and \"target\", not {}",
                type_name(item)
            ))
        };
        let d = item.cast::<PyDict>().map_err(|_| wrong())?;
        match (d.get_item("method")?, d.get_item("target")?) {
            (Some(m), Some(t)) => out.push(CallInput::Pair {
                method: text(&m, &format!("calls[{i}]['method']"))?.into_owned(),
                target: text(&t, &format!("calls[{i}]['target']"))?.into_owned(),
            }),
            _ => return Err(wrong()),
        }
    }
    Ok(out)
}

/// A JSON view as Python objects (dicts, lists, str, int, bool, None).
fn to_py<'py>(py: Python<'py>, v: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, v).map_err(PyErr::from)
}

/// Every scope's name as an interned Python string, by `Scope as usize`.
static NAMES: PyOnceLock<Vec<Py<PyString>>> = PyOnceLock::new();

fn scope_name(py: Python<'_>, scope: Scope) -> Py<PyAny> {
    let names = NAMES.get_or_init(py, || {
        let mut names: Vec<Option<Py<PyString>>> = (0..Scope::all().len()).map(|_| None).collect();
        for info in Scope::all() {
            names[info.scope as usize] = Some(PyString::intern(py, info.name).unbind());
        }
        names.into_iter().map(|n| n.expect("every scope has a name")).collect()
    });
    names[scope as usize].clone_ref(py).into_any()
}

/// The least-privileged scope a request needs (``least_privileged`` of ``resolve``), or ``None``
/// where it needs none. For hot loops: no allocation on the way.
#[pyfunction]
fn least_scope(py: Python<'_>, method: &Bound<'_, PyAny>, target: &Bound<'_, PyAny>) -> PyResult<Option<Py<PyAny>>> {
    let (method, target) = (text(method, "method")?, text(target, "target")?);
    let scope = ok(py, b::least_scope_of(&method, &target))?;
    Ok(scope.map(|s| scope_name(py, s)))
}

/// What one request needs, exactly as ``bc-scopes endpoint METHOD TARGET --json`` prints it.
#[pyfunction]
fn resolve<'py>(
    py: Python<'py>,
    method: &Bound<'py, PyAny>,
    target: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let (m, t) = (text(method, "method")?, text(target, "target")?);
    if let Ok(target) = target.cast::<PyString>() {
        if let Some(p) = ok(py, b::packed(&m, &t))? {
            return from_cache(py, p, target, &m, &t);
        }
    }
    let answer = ok(py, b::resolve(&m, &t))?;
    to_py(py, &answer)
}

/// The answer of each (operation, method) as first built, by packed key: a dict of dicts.
static ANSWERS: PyOnceLock<Py<PyDict>> = PyOnceLock::new();

/// An answer from the cache, completed with the target's parts (see `bindings::packed`).
fn from_cache<'py>(
    py: Python<'py>,
    p: u64,
    target: &Bound<'py, PyString>,
    method: &str,
    t: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let cache = ANSWERS.get_or_init(py, || PyDict::new(py).unbind()).bind(py);
    let key = (p >> 33) * 8 + (p & 7);
    let template = match cache.get_item(key)? {
        Some(a) => a.cast_into::<PyDict>()?,
        None => {
            let first = to_py(py, &ok(py, b::resolve(method, t))?)?.cast_into::<PyDict>()?;
            cache.set_item(key, &first)?;
            first
        }
    };
    let conditional = template.get_item(pyo3::intern!(py, "conditional"))?;
    if conditional.is_some_and(|c| c.len().unwrap_or(1) > 0) {
        // Lists of dicts: built anew rather than deep-copied.
        return to_py(py, &ok(py, b::resolve(method, t))?);
    }
    let a = template.copy()?;
    let parts = b::unpack(p);
    a.set_item(pyo3::intern!(py, "method"), template.get_item(pyo3::intern!(py, "method"))?)?;
    a.set_item(pyo3::intern!(py, "target"), target)?;
    // Lists copied, so that no two answers share one.
    for field in [
        pyo3::intern!(py, "account_types"),
        pyo3::intern!(py, "accepted"),
        pyo3::intern!(py, "conditional"),
        pyo3::intern!(py, "token_scopes"),
        pyo3::intern!(py, "sources"),
        pyo3::intern!(py, "notes"),
    ] {
        if let Some(list) = template.get_item(field)? {
            let list = list.cast_into::<PyList>()?;
            a.set_item(field, list.get_slice(0, list.len()))?;
        }
    }
    let store_hash = parts.store_hash.map(|(start, len)| PyString::new(py, &t[start..start + len]));
    a.set_item(pyo3::intern!(py, "store_hash"), store_hash)?;
    let dropped = PyDict::new(py);
    let d = parts.dropped;
    dropped.set_item(pyo3::intern!(py, "query"), d.query)?;
    dropped.set_item(pyo3::intern!(py, "fragment"), d.fragment)?;
    dropped.set_item(pyo3::intern!(py, "trailing_slash"), d.trailing_slash)?;
    dropped.set_item(pyo3::intern!(py, "json_suffix"), d.json_suffix)?;
    a.set_item(pyo3::intern!(py, "dropped"), dropped)?;
    Ok(a.into_any())
}

/// One scope (variant spellings accepted, with a warning), as ``bc-scopes scope NAME --json``.
#[pyfunction]
fn scope<'py>(py: Python<'py>, name: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let name = text(name, "name")?;
    to_py(py, &ok(py, b::scope(&name))?)
}

/// Every scope, as ``bc-scopes scopes --json``.
#[pyfunction]
fn scopes(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &b::scopes())
}

/// A scope list as a token's ``scope`` string holds it: ``{"scopes", "warnings", "unknown"}``.
#[pyfunction]
#[pyo3(signature = (text, *, strict = false))]
fn parse_scopes<'py>(py: Python<'py>, text: &Bound<'py, PyAny>, strict: bool) -> PyResult<Bound<'py, PyAny>> {
    let t = self::text(text, "text")?;
    to_py(py, &ok(py, b::parse_scopes(&t, strict))?)
}

/// One API (a slug or its documented name), as ``bc-scopes api NAME --json``.
#[pyfunction]
fn api<'py>(py: Python<'py>, name: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let name = text(name, "name")?;
    to_py(py, &ok(py, b::api(&name))?)
}

/// Every API, as ``bc-scopes apis --json``.
#[pyfunction]
fn apis(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &b::apis())
}

/// The kinds of API account and the use-case tables, as ``bc-scopes account-types --json``.
#[pyfunction]
fn account_types(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &b::account_types())
}

/// The least-privilege plan for calls, as ``bc-scopes plan --json``.
#[pyfunction]
#[pyo3(signature = (calls, *, account_type = None))]
fn plan<'py>(
    py: Python<'py>,
    calls: &Bound<'py, PyAny>,
    account_type: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let calls = self::calls(calls)?;
    let opts = b::CallOptions { account_type: opt_text(account_type, "account_type")? };
    to_py(py, &ok(py, b::plan(&calls, &opts))?)
}

/// Granted scopes against calls, as ``bc-scopes audit --json``.
#[pyfunction]
#[pyo3(signature = (granted, calls, *, account_type = None, fail_on = None, token = false))]
fn audit<'py>(
    py: Python<'py>,
    granted: &Bound<'py, PyAny>,
    calls: &Bound<'py, PyAny>,
    account_type: Option<&Bound<'py, PyAny>>,
    fail_on: Option<&Bound<'py, PyAny>>,
    token: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let granted = texts(granted, "granted")?;
    let calls = self::calls(calls)?;
    let opts = b::AuditOptions {
        account_type: opt_text(account_type, "account_type")?,
        fail_on: opt_text(fail_on, "fail_on")?,
        token,
    };
    to_py(py, &ok(py, b::audit(&granted, &calls, &opts))?)
}

/// Check source code (files and directories; none: the working directory), as
/// ``bc-scopes check --json``.
#[pyfunction]
#[pyo3(signature = (paths = None, *, config = None, granted = None, account_type = None, exclude = None, excess = false))]
fn check<'py>(
    py: Python<'py>,
    paths: Option<&Bound<'py, PyAny>>,
    config: Option<&Bound<'py, PyAny>>,
    granted: Option<&Bound<'py, PyAny>>,
    account_type: Option<&Bound<'py, PyAny>>,
    exclude: Option<&Bound<'py, PyAny>>,
    excess: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let list = |v: Option<&Bound<'py, PyAny>>, what: &str| match v {
        Some(v) if !v.is_none() => texts(v, what),
        _ => Ok(Vec::new()),
    };
    let paths: Vec<PathBuf> = list(paths, "paths")?.into_iter().map(PathBuf::from).collect();
    let opts = b::CheckOptions {
        config: opt_text(config, "config")?.map(PathBuf::from),
        granted: list(granted, "granted")?,
        account_type: opt_text(account_type, "account_type")?,
        exclude: list(exclude, "exclude")?,
        excess,
    };
    // The scan walks files in parallel: other Python threads run meanwhile.
    let report = py.detach(|| b::check(&paths, &opts));
    to_py(py, &ok(py, report)?)
}

/// What a GraphQL document sent to ``api`` needs, as ``bc-scopes graphql --api API FILE --json``;
/// ``document`` in the answer is ``name``.
#[pyfunction]
#[pyo3(signature = (document, api = None, *, name = None))]
fn graphql<'py>(
    py: Python<'py>,
    document: &Bound<'py, PyAny>,
    api: Option<&Bound<'py, PyAny>>,
    name: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let document = text(document, "document")?;
    let api = opt_text(api, "api")?.unwrap_or_else(|| "admin".to_owned());
    let name = opt_text(name, "name")?.unwrap_or_else(|| "standard input".to_owned());
    to_py(py, &ok(py, b::graphql(&document, &api, &name))?)
}

/// The data version of the knowledge base.
#[pyfunction]
fn data_version() -> &'static str {
    b::DATA_VERSION
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("BigCommerceScopesError", m.py().get_type::<BigCommerceScopesError>())?;
    m.add("DATA_VERSION", b::DATA_VERSION)?;
    m.add_function(wrap_pyfunction!(least_scope, m)?)?;
    m.add_function(wrap_pyfunction!(resolve, m)?)?;
    m.add_function(wrap_pyfunction!(scope, m)?)?;
    m.add_function(wrap_pyfunction!(scopes, m)?)?;
    m.add_function(wrap_pyfunction!(parse_scopes, m)?)?;
    m.add_function(wrap_pyfunction!(api, m)?)?;
    m.add_function(wrap_pyfunction!(apis, m)?)?;
    m.add_function(wrap_pyfunction!(account_types, m)?)?;
    m.add_function(wrap_pyfunction!(plan, m)?)?;
    m.add_function(wrap_pyfunction!(audit, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(graphql, m)?)?;
    m.add_function(wrap_pyfunction!(data_version, m)?)?;
    Ok(())
}
