// The CLI the bindings are compared with, and the requests they are compared on. Expected answers
// are never written by hand: every one is what the built `bc-scopes` prints with --json.
import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

/** The `bc-scopes` binary: $BC_SCOPES_BIN, else the newest build in target/, else built now. */
export function cliPath() {
  if (process.env.BC_SCOPES_BIN) return process.env.BC_SCOPES_BIN
  const built = ['debug', 'release']
    .map((p) => join(ROOT, 'target', p, 'bc-scopes'))
    .filter((p) => existsSync(p))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
  if (built.length) return built[0]
  execFileSync('cargo', ['build', '--bin', 'bc-scopes'], { cwd: ROOT, stdio: 'inherit' })
  return join(ROOT, 'target', 'debug', 'bc-scopes')
}

const CLI = cliPath()

/** The CLI's JSON for `args` (its answer or its `{"error": ...}`), whatever its exit status. */
export async function cliJson(args, opts = {}) {
  if (opts.input !== undefined) {
    const r = spawnSync(CLI, [...args, '--json', '-q'], { input: opts.input, maxBuffer: 64 << 20, encoding: 'utf8' })
    return JSON.parse(r.stdout)
  }
  try {
    const { stdout } = await run(CLI, [...args, '--json', '-q'], { maxBuffer: 64 << 20, ...opts })
    return JSON.parse(stdout)
  } catch (e) {
    if (typeof e.stdout === 'string' && e.stdout.length) return JSON.parse(e.stdout)
    throw e
  }
}

/** Run `jobs` (functions returning promises) a few at a time. */
export async function pool(jobs, width = 4) {
  const out = new Array(jobs.length)
  let next = 0
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++
      out[i] = await jobs[i]()
    }
  }
  await Promise.all(Array.from({ length: width }, worker))
  return out
}

/** A template with its parameters filled (`{product_id}` → `12345`). */
const fill = (t) => t.replace(/\{[^}]+\}/g, '12345')

/** Every documented route (from `bc-scopes endpoints --json`) in several spellings. */
export async function endpointCases() {
  const ops = await cliJson(['endpoints'])
  const cases = []
  for (const { method, route } of ops) {
    const t = fill(route)
    if (t.startsWith('/stores/')) {
      const bare = t.replace(/^\/stores\/12345/, '')
      cases.push([method, bare], [method, `https://api.bigcommerce.com/stores/abc123${bare}`], [method, `${bare}?limit=5&page=2`])
    } else {
      const url = t.replace('{store_domain}', 'shop.example.com').replace('{app_domain}', 'app.example.com')
      const path = new URL(url).pathname
      cases.push([method, url], [method, `${url}?limit=5`], [method, path])
    }
  }
  // GraphQL endpoints, a method they do not document, a legacy URL, refusals with suggestions.
  cases.push(
    ['POST', 'https://api.bigcommerce.com/stores/abc123/graphql'],
    ['POST', '/graphql'],
    ['GET', '/stores/abc123/graphql'],
    ['GET', 'https://store-abc123.mybigcommerce.com/api/v2/orders.json'],
    ['GET', '/v3/catalog/prodcts'],
    ['FETCH', '/v2/orders'],
    ['GET', '/v3/catalog/../orders'],
  )
  return cases
}

/** Calls for plans and audits. */
export const CALL_SETS = [
  ['GET /v2/orders', 'GET /v3/orders/payment_actions/refunds'],
  ['GET /v3/catalog/products', 'POST /v3/catalog/products', 'PUT https://api.bigcommerce.com/stores/abc/v3/catalog/products/7?x=1'],
  ['POST https://payments.bigcommerce.com/stores/abc/payments', 'POST /v3/payments/access_tokens'],
  ['GET /v3/customers', 'GET /v3/nowhere', 'FETCH /v2/orders', 'POST /v3/orders/5/payment_actions/refunds'],
  ['GET https://shop.example.com/api/storefront/carts', 'DELETE /v3/catalog/products/5', 'GET /v2/store'],
]
