//! Node.js bindings of bigcommerce-scopes (napi-rs): the knowledge base and the checker, with the
//! field names of the CLI's `--json` output. Every answer is computed by
//! `bigcommerce-scopes-bindings`; this crate converts arguments in and answers out.
//!
//! Errors are thrown as `Error` objects carrying `kind`, `message` and `suggestions` (the CLI's
//! JSON errors); an argument of the wrong type is a `TypeError` of kind `invalid_arguments`.
//!
//! `leastScope` and `resolve` read their strings into a buffer on the stack and answer a scope
//! with a JavaScript string made once per scope: no allocation in Rust on the way.

mod args;
mod fast;
mod throw;

use args::{bool_field, call_list, path_list, string_arg, string_field, string_list};
use bigcommerce_scopes_bindings as b;
use napi::bindgen_prelude::*;
use napi_derive::napi;
use throw::ok_or_throw;

/// The data version of the knowledge base (`bc-scopes --version`'s second line).
#[napi(js_name = "DATA_VERSION")]
pub const DATA_VERSION: &str = bigcommerce_scopes::DATA_VERSION;

/// The data version, as a function (the same as `DATA_VERSION`).
#[napi]
pub fn data_version() -> &'static str {
    b::DATA_VERSION
}

/// The least-privileged scope a request needs (`least_privileged` of `resolve`), or null where it
/// needs none. For hot loops: no allocation on the way.
#[napi(ts_args_type = "method: string, target: string", ts_return_type = "string | null")]
pub fn least_scope<'env>(env: &'env Env, method: Unknown<'env>, target: Unknown<'env>) -> Result<Unknown<'env>> {
    fast::least_scope(env, method, target)
}

/// What one request needs, exactly as `bc-scopes endpoint METHOD TARGET --json` prints it.
#[napi(ts_args_type = "method: string, target: string", ts_return_type = "EndpointAnswer")]
pub fn resolve<'env>(env: &'env Env, method: Unknown<'env>, target: Unknown<'env>) -> Result<Unknown<'env>> {
    fast::resolve(env, method, target)
}

/// `resolve`'s fast path (used by the package's `resolve`): the answer packed into a number, or
/// null where the full answer must be built (see `bigcommerce_scopes_bindings::packed`).
#[doc(hidden)]
#[napi(js_name = "_resolvePacked", ts_args_type = "method: string, target: string", ts_return_type = "number | null")]
pub fn resolve_packed<'env>(env: &'env Env, method: Unknown<'env>, target: Unknown<'env>) -> Result<Unknown<'env>> {
    fast::resolve_packed(env, method, target)
}

/// One scope (variant spellings accepted, with a warning), as `bc-scopes scope NAME --json`.
#[napi(ts_args_type = "name: string", ts_return_type = "ScopeDetail")]
pub fn scope<'env>(env: &'env Env, name: Unknown<'env>) -> Result<Unknown<'env>> {
    let name = string_arg(env, name, "name")?;
    let view = ok_or_throw(env, b::scope(&name))?;
    env.to_js_value(&view)
}

/// Every scope, as `bc-scopes scopes --json`.
#[napi(ts_return_type = "ScopeInfo[]")]
pub fn scopes(env: &Env) -> Result<Unknown<'_>> {
    env.to_js_value(&b::scopes())
}

/// A scope list as a token's `scope` string holds it: `{scopes, warnings, unknown}`. Unknown
/// names are listed with their nearest names; with `{strict: true}` they are an `unknown_scope`
/// error instead.
#[napi(ts_args_type = "text: string, options?: { strict?: boolean }", ts_return_type = "ParsedScopes")]
pub fn parse_scopes<'env>(
    env: &'env Env,
    text: Unknown<'env>,
    options: Option<Unknown<'env>>,
) -> Result<Unknown<'env>> {
    let text = string_arg(env, text, "text")?;
    let strict = bool_field(env, options, "strict")?;
    let parsed = ok_or_throw(env, b::parse_scopes(&text, strict))?;
    env.to_js_value(&parsed)
}

/// One API (a slug or its documented name), as `bc-scopes api NAME --json`.
#[napi(ts_args_type = "name: string", ts_return_type = "ApiView")]
pub fn api<'env>(env: &'env Env, name: Unknown<'env>) -> Result<Unknown<'env>> {
    let name = string_arg(env, name, "name")?;
    let view = ok_or_throw(env, b::api(&name))?;
    env.to_js_value(&view)
}

/// Every API, as `bc-scopes apis --json`.
#[napi(ts_return_type = "ApiView[]")]
pub fn apis(env: &Env) -> Result<Unknown<'_>> {
    env.to_js_value(&b::apis())
}

/// The kinds of API account and the use-case tables, as `bc-scopes account-types --json`.
#[napi(ts_return_type = "AccountTypes")]
pub fn account_types(env: &Env) -> Result<Unknown<'_>> {
    env.to_js_value(&b::account_types())
}

/// The least-privilege plan for calls (`"METHOD TARGET"` strings or `{method, target}` objects),
/// as `bc-scopes plan --json`.
#[napi(ts_args_type = "calls: Call[], options?: { accountType?: string }", ts_return_type = "Plan")]
pub fn plan<'env>(env: &'env Env, calls: Unknown<'env>, options: Option<Unknown<'env>>) -> Result<Unknown<'env>> {
    let calls = call_list(env, calls)?;
    let opts = b::CallOptions { account_type: string_field(env, options, "accountType")? };
    let view = ok_or_throw(env, b::plan(&calls, &opts))?;
    env.to_js_value(&view)
}

/// Granted scopes (a scope list, or an array of them) against calls, as `bc-scopes audit --json`.
/// `failOn`: `missing`, `excess`, `missing-or-excess` (default) or `any`; `token: true` reads
/// `granted` as BigCommerce wrote it (a token response or its `scope` string: unknown names are
/// reported in `unknown_granted`, not thrown).
#[napi(
    ts_args_type = "granted: string | string[], calls: Call[], options?: { accountType?: string, failOn?: 'missing' | 'excess' | 'missing-or-excess' | 'any', token?: boolean }",
    ts_return_type = "Audit"
)]
pub fn audit<'env>(
    env: &'env Env,
    granted: Unknown<'env>,
    calls: Unknown<'env>,
    options: Option<Unknown<'env>>,
) -> Result<Unknown<'env>> {
    let granted = string_list(env, granted, "granted")?;
    let calls = call_list(env, calls)?;
    let opts = b::AuditOptions {
        account_type: string_field(env, options, "accountType")?,
        fail_on: string_field(env, options, "failOn")?,
        token: bool_field(env, options, "token")?,
    };
    let view = ok_or_throw(env, b::audit(&granted, &calls, &opts))?;
    env.to_js_value(&view)
}

/// Check source code (files and directories; none: the working directory), as
/// `bc-scopes check --json`.
#[napi(
    ts_args_type = "paths?: string | string[], options?: { config?: string, granted?: string | string[], accountType?: string, exclude?: string[], excess?: boolean }",
    ts_return_type = "CheckReport"
)]
pub fn check<'env>(
    env: &'env Env,
    paths: Option<Unknown<'env>>,
    options: Option<Unknown<'env>>,
) -> Result<Unknown<'env>> {
    let paths = path_list(env, paths)?;
    let opts = b::CheckOptions {
        config: string_field(env, options, "config")?.map(Into::into),
        granted: args::list_field(env, options, "granted")?,
        account_type: string_field(env, options, "accountType")?,
        exclude: args::list_field(env, options, "exclude")?,
        excess: bool_field(env, options, "excess")?,
    };
    let report = ok_or_throw(env, b::check(&paths, &opts))?;
    env.to_js_value(&report)
}

/// What a GraphQL document sent to `api` (`admin`, the default; `account`; `storefront`) needs,
/// as `bc-scopes graphql --api API FILE --json`; `document` in the answer is `options.name`
/// (default `"standard input"`, as the CLI shows a document read from stdin).
#[napi(
    ts_args_type = "document: string, api?: string, options?: { name?: string }",
    ts_return_type = "GraphqlAnalysis"
)]
pub fn graphql<'env>(
    env: &'env Env,
    document: Unknown<'env>,
    api: Option<Unknown<'env>>,
    options: Option<Unknown<'env>>,
) -> Result<Unknown<'env>> {
    let document = string_arg(env, document, "document")?;
    let api = match api {
        Some(a) if !matches!(a.get_type()?, ValueType::Undefined | ValueType::Null) => string_arg(env, a, "api")?,
        _ => "admin".to_owned(),
    };
    let name = string_field(env, options, "name")?.unwrap_or_else(|| "standard input".to_owned());
    let view = ok_or_throw(env, b::graphql(&document, &api, &name))?;
    env.to_js_value(&view)
}
