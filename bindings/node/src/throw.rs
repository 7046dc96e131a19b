//! Throwing the bindings' errors: an `Error` (or a `TypeError` for arguments of the wrong type)
//! with `kind`, `message` and `suggestions` as in the CLI's JSON errors, and `code` = `kind`.

use bigcommerce_scopes_bindings::BindingError;
use napi::{sys, Env, Error, Result, Status};
use std::ptr;

/// Throw `e` and return the error napi-rs passes on without throwing again.
pub(crate) fn throw(env: &Env, e: &BindingError, type_error: bool) -> Error {
    let raw = env.raw();
    // SAFETY: `raw` is the live env of the current call; every value is created and used within it.
    unsafe {
        let (mut code, mut msg, mut err) = (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
        if sys::napi_create_string_utf8(raw, e.kind.as_ptr().cast(), e.kind.len() as isize, &mut code) != 0
            || sys::napi_create_string_utf8(raw, e.message.as_ptr().cast(), e.message.len() as isize, &mut msg) != 0
        {
            return Error::new(Status::GenericFailure, e.message.clone());
        }
        let status = if type_error {
            sys::napi_create_type_error(raw, code, msg, &mut err)
        } else {
            sys::napi_create_error(raw, code, msg, &mut err)
        };
        if status != 0 {
            return Error::new(Status::GenericFailure, e.message.clone());
        }
        let mut suggestions = ptr::null_mut();
        sys::napi_create_array_with_length(raw, e.suggestions.len(), &mut suggestions);
        for (i, s) in e.suggestions.iter().enumerate() {
            let mut v = ptr::null_mut();
            sys::napi_create_string_utf8(raw, s.as_ptr().cast(), s.len() as isize, &mut v);
            sys::napi_set_element(raw, suggestions, i as u32, v);
        }
        sys::napi_set_named_property(raw, err, c"kind".as_ptr(), code);
        sys::napi_set_named_property(raw, err, c"suggestions".as_ptr(), suggestions);
        sys::napi_throw(raw, err);
    }
    Error::new(Status::PendingException, e.message.clone())
}

/// The value, or the error thrown.
pub(crate) fn ok_or_throw<T>(env: &Env, r: std::result::Result<T, BindingError>) -> Result<T> {
    r.map_err(|e| throw(env, &e, false))
}

/// Throw a `TypeError` of kind `invalid_arguments`.
pub(crate) fn type_error(env: &Env, message: String) -> Error {
    throw(env, &BindingError::arguments(message), true)
}
