// The package's entry point: the addon's functions (loaded by index.js, which `napi build`
// generates), with `resolve` answering from a cache of each operation's answer when it can.
'use strict'

const native = require('./index.js')

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']
const TWO_13 = 8192
const TWO_33 = 2 ** 33
/** The answer of each (operation, method) as first built by the addon, by packed key. */
const answers = new Map()

/** What one request needs, exactly as `bc-scopes endpoint METHOD TARGET --json` prints it. */
function resolve(method, target) {
  const p = native._resolvePacked(method, target)
  if (p === null) return native.resolve(method, target)
  const key = Math.floor(p / TWO_33) * 8 + (p % 8)
  const a = answers.get(key)
  if (a === undefined) {
    const first = native.resolve(method, target)
    answers.set(key, first)
    return resolve(method, target)
  }
  const start = Math.floor(p / 128) % TWO_13
  const len = Math.floor(p / 1048576) % TWO_13
  const flags = Math.floor(p / 8) % 16
  // Field order as the CLI prints it; arrays copied so that no two answers share one.
  return {
    method: METHODS[p % 8],
    target,
    route: a.route,
    api: a.api,
    api_name: a.api_name,
    auth_scheme: a.auth_scheme,
    header: a.header,
    value_format: a.value_format,
    account_types: a.account_types.slice(),
    requirement: a.requirement,
    least_privileged: a.least_privileged,
    accepted: a.accepted.slice(),
    conditional: a.conditional.length ? structuredClone(a.conditional) : [],
    token_scopes: a.token_scopes.slice(),
    confidence: a.confidence,
    source: a.source,
    sources: a.sources.slice(),
    spec: a.spec,
    operation_id: a.operation_id,
    summary: a.summary,
    deprecated: a.deprecated,
    legacy: a.legacy,
    oauth_url: a.oauth_url,
    store_hash: len ? target.substr(start, len) : null,
    dropped: {
      query: (flags & 1) !== 0,
      fragment: (flags & 2) !== 0,
      trailing_slash: (flags & 4) !== 0,
      json_suffix: (flags & 8) !== 0,
    },
    notes: a.notes.slice(),
  }
}

// Spread from `require` so that ES modules see every name (`import { leastScope } from ...`).
module.exports = { ...require('./index.js'), resolve }
delete module.exports._resolvePacked
