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

