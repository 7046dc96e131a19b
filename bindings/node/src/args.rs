//! Reading arguments: strings, options objects and call lists, with a `TypeError` of kind
//! `invalid_arguments` naming the argument when a value has the wrong type.

use crate::throw::type_error;
use bigcommerce_scopes_bindings::CallInput;
use napi::bindgen_prelude::*;
use napi::sys;
use std::path::PathBuf;
use std::ptr;

/// The JavaScript type of a value, as `typeof` names it (arrays and null named as such).
fn type_name(env: &Env, v: sys::napi_value) -> &'static str {
    let mut t = 0;
    // SAFETY: `v` is a value of the current call's env.
    unsafe {
        sys::napi_typeof(env.raw(), v, &mut t);
        let mut is_array = false;
        sys::napi_is_array(env.raw(), v, &mut is_array);
        if is_array {
            return "an array";
        }
    }
    match t {
        sys::ValueType::napi_undefined => "undefined",
        sys::ValueType::napi_null => "null",
        sys::ValueType::napi_boolean => "a boolean",
        sys::ValueType::napi_number => "a number",
        sys::ValueType::napi_string => "a string",
        sys::ValueType::napi_symbol => "a symbol",
        sys::ValueType::napi_object => "an object",
        sys::ValueType::napi_function => "a function",
        _ => "an external value",
    }
}

fn value_type(env: &Env, v: sys::napi_value) -> sys::napi_valuetype {
    let mut t = 0;
    // SAFETY: as above.
    unsafe { sys::napi_typeof(env.raw(), v, &mut t) };
    t
}

/// A string value's text (lone surrogates become U+FFFD), or `None` if it is no string.
pub(crate) fn to_string(env: &Env, v: sys::napi_value) -> Option<String> {
    let mut len = 0usize;
    // SAFETY: the first call measures; the second writes at most `len + 1` bytes into a buffer of
    // that size, and reports how many it wrote.
    unsafe {
        if sys::napi_get_value_string_utf8(env.raw(), v, ptr::null_mut(), 0, &mut len) != 0 {
            return None;
        }
        let mut buf = vec![0u8; len + 1];
        let mut written = 0usize;
        if sys::napi_get_value_string_utf8(env.raw(), v, buf.as_mut_ptr().cast(), len + 1, &mut written) != 0 {
            return None;
        }
        buf.truncate(written);
        Some(String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
    }
}

/// A string argument.
pub(crate) fn string_arg(env: &Env, v: Unknown<'_>, what: &str) -> Result<String> {
    let raw = v.raw();
    to_string(env, raw).ok_or_else(|| type_error(env, format!("{what} must be a string, not {}", type_name(env, raw))))
}

/// A string, or an array of strings.
pub(crate) fn strings(env: &Env, v: sys::napi_value, what: &str) -> Result<Vec<String>> {
    if let Some(s) = to_string(env, v) {
        return Ok(vec![s]);
    }
    let wrong =
        || type_error(env, format!("{what} must be a string or an array of strings, not {}", type_name(env, v)));
    let items = elements(env, v).ok_or_else(wrong)?;
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            to_string(env, item)
                .ok_or_else(|| type_error(env, format!("{what}[{i}] must be a string, not {}", type_name(env, item))))
        })
        .collect()
}

/// [`strings`] for an argument.
pub(crate) fn string_list(env: &Env, v: Unknown<'_>, what: &str) -> Result<Vec<String>> {
    strings(env, v.raw(), what)
}

/// The elements of an array, or `None` if the value is no array.
fn elements(env: &Env, v: sys::napi_value) -> Option<Vec<sys::napi_value>> {
    // SAFETY: `v` is checked to be an array before its length and elements are read.
    unsafe {
        let mut is_array = false;
        if sys::napi_is_array(env.raw(), v, &mut is_array) != 0 || !is_array {
            return None;
        }
        let mut len = 0u32;
        sys::napi_get_array_length(env.raw(), v, &mut len);
        let mut out = Vec::with_capacity(len as usize);
        for i in 0..len {
            let mut item = ptr::null_mut();
            if sys::napi_get_element(env.raw(), v, i, &mut item) != 0 {
                return None;
            }
            out.push(item);
        }
        Some(out)
    }
}

/// Whether a value is `undefined` or `null` (an option left out).
fn absent(env: &Env, v: sys::napi_value) -> bool {
    matches!(value_type(env, v), sys::ValueType::napi_undefined | sys::ValueType::napi_null)
}

/// A named property of an object (`None` when undefined or null).
fn property(env: &Env, obj: sys::napi_value, key: &str) -> Result<Option<sys::napi_value>> {
    let name = std::ffi::CString::new(key).map_err(|_| Error::from_reason("property name with a NUL byte"))?;
    let mut v = ptr::null_mut();
    // SAFETY: `obj` is an object of the current call's env.
    let status = unsafe { sys::napi_get_named_property(env.raw(), obj, name.as_ptr(), &mut v) };
    if status != 0 {
        // A getter threw: let its exception through.
        return Err(Error::new(Status::PendingException, format!("reading {key}")));
    }
    Ok((!absent(env, v)).then_some(v))
}

/// The options object, if given; anything but an object, undefined or null is a `TypeError`.
fn options(env: &Env, options: Option<Unknown<'_>>) -> Result<Option<sys::napi_value>> {
    let Some(o) = options.map(|o| o.raw()).filter(|o| !absent(env, *o)) else {
        return Ok(None);
    };
    if value_type(env, o) != sys::ValueType::napi_object || elements(env, o).is_some() {
        return Err(type_error(env, format!("options must be an object, not {}", type_name(env, o))));
    }
    Ok(Some(o))
}

/// A string option.
pub(crate) fn string_field(env: &Env, opts: Option<Unknown<'_>>, key: &str) -> Result<Option<String>> {
    let Some(o) = options(env, opts)? else { return Ok(None) };
    let Some(v) = property(env, o, key)? else { return Ok(None) };
    to_string(env, v)
        .map(Some)
        .ok_or_else(|| type_error(env, format!("options.{key} must be a string, not {}", type_name(env, v))))
}

/// A boolean option (false when left out).
pub(crate) fn bool_field(env: &Env, opts: Option<Unknown<'_>>, key: &str) -> Result<bool> {
    let Some(o) = options(env, opts)? else { return Ok(false) };
    let Some(v) = property(env, o, key)? else { return Ok(false) };
    let mut b = false;
    // SAFETY: `v` is a value of the current call's env.
    if unsafe { sys::napi_get_value_bool(env.raw(), v, &mut b) } != 0 {
        return Err(type_error(env, format!("options.{key} must be a boolean, not {}", type_name(env, v))));
    }
    Ok(b)
}

/// A string-or-array-of-strings option (empty when left out).
pub(crate) fn list_field(env: &Env, opts: Option<Unknown<'_>>, key: &str) -> Result<Vec<String>> {
    let Some(o) = options(env, opts)? else { return Ok(Vec::new()) };
    match property(env, o, key)? {
        Some(v) => strings(env, v, &format!("options.{key}")),
        None => Ok(Vec::new()),
    }
}

/// The paths to check: a string, an array of strings, or none (the working directory).
pub(crate) fn path_list(env: &Env, paths: Option<Unknown<'_>>) -> Result<Vec<PathBuf>> {
    match paths.map(|p| p.raw()).filter(|p| !absent(env, *p)) {
        Some(p) => Ok(strings(env, p, "paths")?.into_iter().map(PathBuf::from).collect()),
        None => Ok(Vec::new()),
    }
}

/// Calls: an array of `"METHOD TARGET"` strings and `{method, target}` objects.
pub(crate) fn call_list(env: &Env, calls: Unknown<'_>) -> Result<Vec<CallInput>> {
    let raw = calls.raw();
    let items = elements(env, raw)
        .ok_or_else(|| type_error(env, format!("calls must be an array, not {}", type_name(env, raw))))?;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        if let Some(s) = to_string(env, item) {
            out.push(CallInput::Text(s));
            continue;
        }
        let wrong = |env: &Env| {
            type_error(
                env,
                format!(
                    "calls[{i}] must be a \"METHOD TARGET\" string or a {{method, target}} object of strings, not {}",
                    type_name(env, item)
                ),
            )
        };
        if value_type(env, item) != sys::ValueType::napi_object {
            return Err(wrong(env));
        }
        let method = property(env, item, "method")?.and_then(|v| to_string(env, v));
        let target = property(env, item, "target")?.and_then(|v| to_string(env, v));
        match (method, target) {
            (Some(method), Some(target)) => out.push(CallInput::Pair { method, target }),
            _ => return Err(wrong(env)),
        }
    }
    Ok(out)
}
