//! `leastScope` and `resolve`, the calls made in hot loops: their strings are read into buffers
//! on the stack, and a scope's name is a JavaScript string made once per env and kept by
//! reference.

use crate::args::to_string;
use crate::throw::{ok_or_throw, type_error};
use bigcommerce_scopes::{Scope, MAX_TARGET_LEN};
use bigcommerce_scopes_bindings as b;
use napi::bindgen_prelude::*;
use napi::sys;
use std::cell::RefCell;
use std::mem::MaybeUninit;
use std::ptr;

/// Room for the longest target the resolver reads, plus one byte to see that a string is longer,
/// plus the NUL napi writes.
const TARGET_BUF: usize = MAX_TARGET_LEN + 2;
/// Room for any HTTP method (longer strings take the heap path, to report them).
const METHOD_BUF: usize = 32;

/// A string argument, borrowed from a stack buffer when it fits, else copied to the heap (only
/// for strings the resolver refuses anyway: longer than a target can be).
enum Text<'b> {
    Stack(&'b str),
    Heap(String),
}

impl Text<'_> {
    fn as_str(&self) -> &str {
        match self {
            Text::Stack(s) => s,
            Text::Heap(s) => s,
        }
    }
}

fn read<'b>(env: &Env, v: Unknown<'_>, buf: &'b mut [MaybeUninit<u8>], what: &str) -> Result<Text<'b>> {
    let mut written = 0usize;
    // SAFETY: napi writes at most `buf.len()` bytes (the text and a NUL) and reports how many bytes
    // of text it wrote; only those are read back.
    let status = unsafe {
        sys::napi_get_value_string_utf8(env.raw(), v.raw(), buf.as_mut_ptr().cast(), buf.len(), &mut written)
    };
    if status != 0 {
        let t = v.get_type().map(|t| format!("{t:?}").to_lowercase()).unwrap_or_default();
        return Err(type_error(env, format!("{what} must be a string, not {t}")));
    }
    if written + 1 < buf.len() {
        // SAFETY: the first `written` bytes were initialized by napi.
        let bytes = unsafe { std::slice::from_raw_parts(buf.as_ptr().cast::<u8>(), written) };
        if let Ok(s) = std::str::from_utf8(bytes) {
            return Ok(Text::Stack(s));
        }
    }
    // Filled up (perhaps cut short): read the whole string.
    Ok(Text::Heap(to_string(env, v.raw()).unwrap_or_default()))
}

thread_local! {
    /// An array of every scope's name as a JavaScript string, by `Scope as usize`, for the env of
    /// this thread (Node runs one env per thread: the main thread and each worker), kept by a
    /// reference (Node-API references hold objects, not strings, before Node 22); cleared when
    /// the env ends.
    static NAMES: RefCell<Option<(usize, sys::napi_ref)>> = const { RefCell::new(None) };
}

/// The name of `scope` as a JavaScript string, made once per env.
fn scope_name(env: &Env, scope: Scope) -> Result<sys::napi_value> {
    let raw = env.raw();
    let cached = NAMES.with_borrow(|names| match names {
        Some((e, r)) if *e == raw as usize => Some(*r),
        _ => None,
    });
    let r = match cached {
        Some(r) => r,
        None => {
            let (mut array, mut r) = (ptr::null_mut(), ptr::null_mut());
            // SAFETY: values of the current env; the array is kept alive by a reference of count 1.
            unsafe {
                check(sys::napi_create_array_with_length(raw, Scope::all().len(), &mut array))?;
                for info in Scope::all() {
                    let mut s = ptr::null_mut();
                    let name = info.name;
                    check(sys::napi_create_string_latin1(raw, name.as_ptr().cast(), name.len() as isize, &mut s))?;
                    check(sys::napi_set_element(raw, array, info.scope as u32, s))?;
                }
                check(sys::napi_create_reference(raw, array, 1, &mut r))?;
            }
            NAMES.with_borrow_mut(|names| *names = Some((raw as usize, r)));
            // The env's end (a worker exiting) clears the cache, so that a later env on this
            // thread makes its own strings.
            env.add_env_cleanup_hook((), |()| NAMES.with_borrow_mut(|names| *names = None))?;
            r
        }
    };
    let (mut array, mut v) = (ptr::null_mut(), ptr::null_mut());
    // SAFETY: `r` is a live reference of this env (the cache is cleared when the env ends).
    unsafe {
        check(sys::napi_get_reference_value(raw, r, &mut array))?;
        check(sys::napi_get_element(raw, array, scope as u32, &mut v))?;
    }
    Ok(v)
}

fn check(status: sys::napi_status) -> Result<()> {
    if status == 0 {
        Ok(())
    } else {
        Err(Error::new(Status::GenericFailure, format!("napi call failed with status {status}")))
    }
}

pub(crate) fn least_scope<'env>(env: &'env Env, method: Unknown<'env>, target: Unknown<'env>) -> Result<Unknown<'env>> {
    let mut mbuf = [MaybeUninit::<u8>::uninit(); METHOD_BUF];
    let mut tbuf = [MaybeUninit::<u8>::uninit(); TARGET_BUF];
    let method = read(env, method, &mut mbuf, "method")?;
    let target = read(env, target, &mut tbuf, "target")?;
    let scope = ok_or_throw(env, b::least_scope_of(method.as_str(), target.as_str()))?;
    let v = match scope {
        Some(s) => scope_name(env, s)?,
        None => {
            let mut v = ptr::null_mut();
            // SAFETY: the current call's env.
            check(unsafe { sys::napi_get_null(env.raw(), &mut v) })?;
            v
        }
    };
    // SAFETY: `v` is a value of this env, returned to the caller.
    Ok(unsafe { Unknown::from_raw_unchecked(env.raw(), v) })
}

pub(crate) fn resolve<'env>(env: &'env Env, method: Unknown<'env>, target: Unknown<'env>) -> Result<Unknown<'env>> {
    let mut mbuf = [MaybeUninit::<u8>::uninit(); METHOD_BUF];
    let mut tbuf = [MaybeUninit::<u8>::uninit(); TARGET_BUF];
    let method = read(env, method, &mut mbuf, "method")?;
    let target = read(env, target, &mut tbuf, "target")?;
    let answer = ok_or_throw(env, b::resolve(method.as_str(), target.as_str()))?;
    env.to_js_value(&answer)
}

pub(crate) fn resolve_packed<'env>(
    env: &'env Env,
    method: Unknown<'env>,
    target: Unknown<'env>,
) -> Result<Unknown<'env>> {
    let mut mbuf = [MaybeUninit::<u8>::uninit(); METHOD_BUF];
    let mut tbuf = [MaybeUninit::<u8>::uninit(); TARGET_BUF];
    let method = read(env, method, &mut mbuf, "method")?;
    let target = read(env, target, &mut tbuf, "target")?;
    let packed = ok_or_throw(env, b::packed(method.as_str(), target.as_str()))?;
    let mut v = ptr::null_mut();
    // SAFETY: the current call's env. The packed number has at most 48 bits: exact as a double.
    check(unsafe {
        match packed {
            Some(p) => sys::napi_create_double(env.raw(), p as f64, &mut v),
            None => sys::napi_get_null(env.raw(), &mut v),
        }
    })?;
    // SAFETY: `v` is a value of this env, returned to the caller.
    Ok(unsafe { Unknown::from_raw_unchecked(env.raw(), v) })
}
