// The addon gives the CLI's JSON answers: every documented route in several spellings, every
// scope and API, plans, audits, a GraphQL document and a check of a small app.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import * as bc from '../lib.js'
import { CALL_SETS, ROOT, cliJson, endpointCases, pool } from './cli.mjs'

/** The addon's answer, or its error as the CLI writes errors. */
function answer(f) {
  try {
    return f()
  } catch (e) {
    assert.ok(e instanceof Error, 'throws an Error')
    return { error: { kind: e.kind, message: e.message, suggestions: e.suggestions } }
  }
}

test('every documented route, in three spellings, resolves as `bc-scopes endpoint --json`', async () => {
  const cases = await endpointCases()
  assert.ok(cases.length > 2000, `${cases.length} cases`)
  const expected = await pool(cases.map(([m, t]) => () => cliJson(['endpoint', m, t])))
  let resolved = 0
  cases.forEach(([m, t], i) => {
    const got = answer(() => bc.resolve(m, t))
    assert.deepStrictEqual(got, expected[i], `${m} ${t}`)
    const least = answer(() => bc.leastScope(m, t))
    if (got.error) {
      assert.deepStrictEqual(least, got, `leastScope ${m} ${t}`)
    } else {
      resolved++
      assert.strictEqual(least, got.least_privileged, `leastScope ${m} ${t}`)
    }
  })
  assert.ok(resolved > 2000, `${resolved} resolved`)
})

test('scopes, every scope, apis, every API and account types agree with the CLI', async () => {
  const scopes = await cliJson(['scopes'])
  assert.deepStrictEqual(bc.scopes(), scopes)
  const names = [...scopes.map((s) => s.name), 'store_checkouts', 'store_crat']
  const detail = await pool(names.map((n) => () => cliJson(['scope', n])))
  names.forEach((n, i) => assert.deepStrictEqual(answer(() => bc.scope(n)), detail[i], n))
  const apis = await cliJson(['apis'])
  assert.deepStrictEqual(bc.apis(), apis)
  const apiNames = [...apis.map((a) => a.name), 'GraphQL Storefront API', 'rest-nope']
  const one = await pool(apiNames.map((n) => () => cliJson(['api', n])))
  apiNames.forEach((n, i) => assert.deepStrictEqual(answer(() => bc.api(n)), one[i], n))
  assert.deepStrictEqual(bc.accountTypes(), await cliJson(['account-types']))
})

test('plans agree with `bc-scopes plan --json`, for strings and {method, target} objects', async () => {
  for (const calls of CALL_SETS) {
    assert.deepStrictEqual(answer(() => bc.plan(calls)), await cliJson(['plan', ...calls]), calls.join(', '))
    const objects = calls.map((c) => {
      const [method, target] = c.split(' ')
      return { method, target }
    })
    assert.deepStrictEqual(answer(() => bc.plan(objects)), await cliJson(['plan', ...calls]))
    const forApp = await cliJson(['plan', '--account-type', 'account', ...calls])
    assert.deepStrictEqual(answer(() => bc.plan(calls, { accountType: 'account' })), forApp)
  }
})

test('audits agree with `bc-scopes audit --json`', async () => {
  const grants = ['store_v2_orders store_v2_products', 'store_v2_orders_read_only,store_payments_access_token_create', 'store_cart']
  for (const calls of CALL_SETS) {
    for (const granted of grants) {
      for (const failOn of [undefined, 'any']) {
        const args = ['audit', '--granted', granted, ...(failOn ? ['--fail-on', failOn] : []), ...calls]
        assert.deepStrictEqual(answer(() => bc.audit(granted, calls, { failOn })), await cliJson(args), args.join(' '))
      }
    }
  }
  const typo = await cliJson(['audit', '--granted', 'store_crat', 'GET /v2/orders'])
  assert.deepStrictEqual(answer(() => bc.audit('store_crat', ['GET /v2/orders'])), typo)
})

test('a GraphQL document is analysed as `bc-scopes graphql --json`', async () => {
  const docs = [
    ['admin', 'query { store { name } }'],
    ['storefront', 'query { site { products { edges { node { name } } } } }'],
    ['admin', 'query { store { somethingNew } }'],
    ['admin', 'query { store { '],
  ]
  for (const [api, doc] of docs) {
    const expected = await cliJson(['graphql', '--api', api, '-'], { input: doc })
    assert.deepStrictEqual(answer(() => bc.graphql(doc, api)), expected, doc)
  }
})

test('a check of the node-app fixture agrees with `bc-scopes check --json`', async () => {
  const dir = join(ROOT, 'tests', 'fixtures', 'check', 'node-app')
  const expected = await cliJson(['check', '.'], { cwd: dir })
  const cwd = process.cwd()
  process.chdir(dir)
  try {
    assert.deepStrictEqual(answer(() => bc.check('.')), expected)
    const granted = await cliJson(['check', '.', '--granted', 'store_v2_products', '--excess'], { cwd: dir })
    assert.deepStrictEqual(answer(() => bc.check(['.'], { granted: 'store_v2_products', excess: true })), granted)
  } finally {
    process.chdir(cwd)
  }
})

test('DATA_VERSION is the CLI data version', async () => {
  const v = await cliJson(['--version'])
  assert.strictEqual(bc.DATA_VERSION, v.data_version)
  assert.strictEqual(bc.dataVersion(), v.data_version)
})
