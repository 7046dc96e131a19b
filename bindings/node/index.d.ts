/* The answers of bigcommerce-scopes, with the field names of `bc-scopes ... --json` (one public
 * interface: fields are added, never renamed). The functions below are generated from the Rust. */

/** Thrown by every function: `kind`, `message` and `suggestions` as in the CLI's JSON errors.
 * Arguments of the wrong type throw a `TypeError` of kind `invalid_arguments`. */
export interface BigCommerceScopesError extends Error {
  kind:
    | 'unknown_scope' | 'unknown_api' | 'unknown_account_type' | 'unknown_method' | 'invalid_target'
    | 'unknown_endpoint' | 'method_not_documented' | 'invalid_input' | 'invalid_graphql' | 'invalid_arguments'
  code: string
  suggestions: string[]
}

export type AccountType = 'store' | 'app' | 'account' | 'legacy'
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** A call for `plan` and `audit`: `"METHOD TARGET"` or `{method, target}`. */
export type Call = string | { method: string; target: string }

/** What the resolver ignored in a target. */
export interface Dropped { query: boolean; fragment: boolean; trailing_slash: boolean; json_suffix: boolean }

/** A scope needed in addition when a documented condition holds. */
export interface Conditional { scope: string; when: string; [field: string]: unknown }

interface RequestHead {
  method: HttpMethod
  target: string
  route: string
  api: string
  api_name: string
  auth_scheme: string
  header: string | null
  value_format: string | null
  account_types: AccountType[]
}

/** `bc-scopes endpoint METHOD TARGET --json` for a REST route. */
export interface RestEndpoint extends RequestHead {
  requirement: 'scope' | 'default-scope' | 'none'
  least_privileged: string | null
  accepted: string[]
  conditional: Conditional[]
  token_scopes: string[]
  confidence: 'documented' | 'inferred'
  source: string
  sources: string[]
  spec: string
  operation_id: string
  summary: string
  deprecated: boolean
  legacy: boolean
  oauth_url: string | null
  store_hash: string | null
  dropped: Dropped
  notes: string[]
}

/** `bc-scopes endpoint POST .../graphql --json`: the scopes depend on the document. */
export interface GraphqlEndpoint extends RequestHead {
  requirement: 'per-document'
  least_privileged: null
  token_scopes: string[]
  document_command: string
  sources: string[]
  notes: string[]
}

export type EndpointAnswer = RestEndpoint | GraphqlEndpoint

/** One scope (`bc-scopes scopes --json`). */
export interface ScopeInfo {
  name: string
  ui_name: string
  permission: 'read-only' | 'modify' | string
  group: string
  origin: 'docs' | 'spec' | 'token'
  description: string
  resources: { name: string; path: string | null }[]
  twin: string | null
  implies: string[]
  implied_by: string[]
  variants: string[]
  token_names: string[]
  account_types: AccountType[]
  sources: string[]
  notes: string[]
  history: string[]
}

/** `bc-scopes scope NAME --json`. */
export interface ScopeDetail extends ScopeInfo { warnings: string[] }

/** `parseScopes`: the scopes named, warnings about spellings, and names that are no scope. */
export interface ParsedScopes {
  scopes: string[]
  warnings: string[]
  unknown: { name: string; suggestions: string[] }[]
}

/** `bc-scopes api NAME --json`. */
export interface ApiView {
  name: string
  display_name: string
  aliases: string[]
  kind: string
  description: string
  base_urls: string[]
  account_types: AccountType[]
  auth_scheme: string
  auth_scheme_name: string
  location: string
  header: string | null
  query_parameter: string | null
  value_format: string | null
  credential: string
  token_endpoints: string[]
  token_scopes: string[]
  deprecated_headers: string[]
  auth_notes: string[]
  sources: string[]
  notes: string[]
  history: string[]
}

/** `bc-scopes account-types --json`. */
export interface AccountTypes {
  account_types: ({ account_type: AccountType; name: string; apis: string[]; use_cases: string[] } & Record<string, unknown>)[]
  use_cases: Record<string, unknown>[]
}

/** An input that could not be resolved. */
export interface Unresolved { location: Record<string, number | string>; input: string; kind: string; message: string; suggestions: string[] }

/** One operation called (`calls` of a plan or an audit). */
export interface PlannedCall {
  method: HttpMethod
  route: string
  api: string
  auth_scheme: string
  requirement: string
  least_privileged: string | null
  accepted: string[]
  authorized_by: string | null
  targets: string[]
  [field: string]: unknown
}

/** `bc-scopes plan --json`. */
export interface Plan {
  scopes: string[]
  calls: PlannedCall[]
  account_types: AccountType[]
  account_types_reason: string | null
  account_type_fit: Record<string, unknown>[]
  account_type: AccountType | null
  conflicts: Record<string, unknown>[]
  auth_schemes: Record<string, unknown>[]
  unresolved: Unresolved[]
  skipped: Record<string, unknown>[]
  notes: string[]
  warnings: string[]
}

/** `bc-scopes audit --json`. */
export interface Audit {
  granted: string[]
  missing: Record<string, unknown>[]
  excess: Record<string, unknown>[]
  downgrades: Record<string, unknown>[]
  unresolved: Unresolved[]
  fail_on: 'missing' | 'excess' | 'missing-or-excess' | 'any'
  fails: boolean
  warnings: string[]
  [field: string]: unknown
}

/** `bc-scopes check --json`. */
export interface CheckReport {
  calls: Record<string, unknown>[]
  findings: Record<string, unknown>[]
  needed_scopes: string[]
  warnings: string[]
  [field: string]: unknown
}

/** `bc-scopes graphql --json`. */
export interface GraphqlAnalysis {
  document: string
  api: string
  endpoint: string
  operations: Record<string, unknown>[]
  needs: Record<string, unknown>[]
  scopes: string[]
  token_scopes: string[]
  unknown: string[]
  warnings: string[]
}


/**
 * Which binding artifact the generated loader actually loaded: `'native'` for
 * a native addon, otherwise the `platformArchABI` of the WASI flavor. Every
 * flavor napi-rs can build is listed, because `NAPI_RS_NATIVE_LIBRARY_PATH`
 * can point the loader at a WASI artifact this package does not build itself.
 */
export declare const __napiBindingTarget: 'native' | 'wasm32-wasi' | 'wasm32-wasip1'

/**
 * `resolve`'s fast path (used by the package's `resolve`): the answer packed into a number, or
 * null where the full answer must be built (see `bigcommerce_scopes_bindings::packed`).
 */
export declare function _resolvePacked(method: string, target: string): number | null

/** The kinds of API account and the use-case tables, as `bc-scopes account-types --json`. */
export declare function accountTypes(): AccountTypes

/** One API (a slug or its documented name), as `bc-scopes api NAME --json`. */
export declare function api(name: string): ApiView

/** Every API, as `bc-scopes apis --json`. */
export declare function apis(): ApiView[]

/**
 * Granted scopes (a scope list, or an array of them) against calls, as `bc-scopes audit --json`.
 * `failOn`: `missing`, `excess`, `missing-or-excess` (default) or `any`; `token: true` reads
 * `granted` as BigCommerce wrote it (a token response or its `scope` string: unknown names are
 * reported in `unknown_granted`, not thrown).
 */
export declare function audit(granted: string | string[], calls: Call[], options?: { accountType?: string, failOn?: 'missing' | 'excess' | 'missing-or-excess' | 'any', token?: boolean }): Audit

/**
 * Check source code (files and directories; none: the working directory), as
 * `bc-scopes check --json`.
 */
export declare function check(paths?: string | string[], options?: { config?: string, granted?: string | string[], accountType?: string, exclude?: string[], excess?: boolean }): CheckReport

/** The data version of the knowledge base (`bc-scopes --version`'s second line). */
export declare const DATA_VERSION: string

/** The data version, as a function (the same as `DATA_VERSION`). */
export declare function dataVersion(): string

/**
 * What a GraphQL document sent to `api` (`admin`, the default; `account`; `storefront`) needs,
 * as `bc-scopes graphql --api API FILE --json`; `document` in the answer is `options.name`
 * (default `"standard input"`, as the CLI shows a document read from stdin).
 */
export declare function graphql(document: string, api?: string, options?: { name?: string }): GraphqlAnalysis

/**
 * The least-privileged scope a request needs (`least_privileged` of `resolve`), or null where it
 * needs none. For hot loops: no allocation on the way.
 */
export declare function leastScope(method: string, target: string): string | null

/**
 * A scope list as a token's `scope` string holds it: `{scopes, warnings, unknown}`. Unknown
 * names are listed with their nearest names; with `{strict: true}` they are an `unknown_scope`
 * error instead.
 */
export declare function parseScopes(text: string, options?: { strict?: boolean }): ParsedScopes

/**
 * The least-privilege plan for calls (`"METHOD TARGET"` strings or `{method, target}` objects),
 * as `bc-scopes plan --json`.
 */
export declare function plan(calls: Call[], options?: { accountType?: string }): Plan

/** What one request needs, exactly as `bc-scopes endpoint METHOD TARGET --json` prints it. */
export declare function resolve(method: string, target: string): EndpointAnswer

/** One scope (variant spellings accepted, with a warning), as `bc-scopes scope NAME --json`. */
export declare function scope(name: string): ScopeDetail

/** Every scope, as `bc-scopes scopes --json`. */
export declare function scopes(): ScopeInfo[]
