// Bad input throws the documented errors and never takes the process down.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Worker } from 'node:worker_threads'
import * as bc from '../lib.js'

const throwsKind = (f, kind, ErrorClass = Error) => {
  assert.throws(f, (e) => {
    assert.ok(e instanceof ErrorClass, `${e} is a ${ErrorClass.name}`)
    assert.strictEqual(e.kind, kind)
    assert.strictEqual(e.code, kind)
    assert.ok(Array.isArray(e.suggestions))
    assert.ok(typeof e.message === 'string' && e.message.length > 0)
    return true
  })
}

test('library errors carry kind, message and suggestions', () => {
  assert.throws(() => bc.scope('store_crat'), { kind: 'unknown_scope', message: 'unknown scope `store_crat`', suggestions: ['store_cart'] })
  throwsKind(() => bc.resolve('FETCH', '/v2/orders'), 'unknown_method')
  throwsKind(() => bc.leastScope('GET', '/v3/catalog/prodcts'), 'unknown_endpoint')
  throwsKind(() => bc.leastScope('GET', '/stores/abc/graphql'), 'method_not_documented')
  throwsKind(() => bc.api('rest-nope'), 'unknown_api')
  throwsKind(() => bc.plan([]), 'invalid_input')
  throwsKind(() => bc.plan(['GET /v2/orders'], { accountType: 'shop' }), 'unknown_account_type')
  throwsKind(() => bc.audit('store_cart', ['GET /v2/orders'], { failOn: 'sometimes' }), 'invalid_input')
  throwsKind(() => bc.graphql('query { store { ', 'admin'), 'invalid_graphql')
  throwsKind(() => bc.graphql('{ store { name } }', 'rest-management'), 'unknown_api')
  throwsKind(() => bc.parseScopes('store_crat', { strict: true }), 'unknown_scope')
  throwsKind(() => bc.check('/no/such/path', { granted: 'store_cart' }), 'invalid_input')
})

test('arguments of the wrong type are a TypeError of kind invalid_arguments', () => {
  const bad = [undefined, null, 42, true, {}, [], Symbol('s'), () => 1, 10n]
  for (const v of bad) {
    throwsKind(() => bc.leastScope(v, '/v2/orders'), 'invalid_arguments', TypeError)
    throwsKind(() => bc.leastScope('GET', v), 'invalid_arguments', TypeError)
    throwsKind(() => bc.resolve('GET', v), 'invalid_arguments', TypeError)
    throwsKind(() => bc.scope(v), 'invalid_arguments', TypeError)
    throwsKind(() => bc.parseScopes(v), 'invalid_arguments', TypeError)
    throwsKind(() => bc.graphql(v), 'invalid_arguments', TypeError)
    if (!Array.isArray(v)) throwsKind(() => bc.audit(v, ['GET /v2/orders']), 'invalid_arguments', TypeError)
  }
  throwsKind(() => bc.audit([], ['GET /v2/orders']), 'invalid_input')
  throwsKind(() => bc.audit([3], ['GET /v2/orders']), 'invalid_arguments', TypeError)
  for (const v of [undefined, null, 'GET /v2/orders', 42, {}]) throwsKind(() => bc.plan(v), 'invalid_arguments', TypeError)
  for (const v of [42, null, {}, { method: 'GET' }, { method: 'GET', target: 5 }, ['GET', '/v2/orders']]) {
    throwsKind(() => bc.plan([v]), 'invalid_arguments', TypeError)
  }
  throwsKind(() => bc.plan(['GET /v2/orders'], 'app'), 'invalid_arguments', TypeError)
  throwsKind(() => bc.plan(['GET /v2/orders'], { accountType: 3 }), 'invalid_arguments', TypeError)
  throwsKind(() => bc.parseScopes('store_cart', { strict: 'yes' }), 'invalid_arguments', TypeError)
  throwsKind(() => bc.check(42), 'invalid_arguments', TypeError)
  throwsKind(() => bc.check(['.'], { exclude: [1] }), 'invalid_arguments', TypeError)
  // A getter that throws: its exception comes through.
  const evil = { get accountType() { throw new RangeError('boom') } }
  assert.throws(() => bc.plan(['GET /v2/orders'], evil), RangeError)
})

test('huge strings, NUL bytes and odd text are refused or answered, never a crash', () => {
  const huge = '/v3/' + 'a'.repeat(10_000_000)
  throwsKind(() => bc.leastScope('GET', huge), 'invalid_target')
  throwsKind(() => bc.resolve('GET', huge), 'invalid_target')
  assert.match(errorOf(() => bc.resolve('GET', huge)).message, /10000004 bytes long/)
  // Just over the stack buffer and exactly at the limit.
  for (const n of [8190, 8191, 8192, 8193, 8194, 8195]) {
    const t = '/v3/catalog/products?' + 'q'.repeat(n - 21)
    assert.strictEqual(t.length, n)
    const least = answerOf(() => bc.leastScope('GET', t))
    const full = answerOf(() => bc.resolve('GET', t))
    assert.deepStrictEqual(least, full.error ? full : full.least_privileged, `length ${n}`)
  }
  throwsKind(() => bc.leastScope('GET'.repeat(1000), '/v2/orders'), 'unknown_method')
  throwsKind(() => bc.leastScope('GET', '/v2/orders\0/x'), 'invalid_target')
  throwsKind(() => bc.resolve('GET\0', '/v2/orders'), 'unknown_method')
  throwsKind(() => bc.scope('store_cart\0'), 'unknown_scope')
  throwsKind(() => bc.leastScope('GET', '/v2/\ud800orders'), 'unknown_endpoint')
  throwsKind(() => bc.leastScope('GET', '/v2/örders'), 'unknown_endpoint')
  throwsKind(() => bc.graphql('{'.repeat(100_000), 'admin'), 'invalid_graphql')
  assert.strictEqual(bc.parseScopes('x '.repeat(100_000)).unknown.length, 1)
  const plan = bc.plan(['GET ' + huge, 'GET /v2/orders\0'])
  assert.strictEqual(plan.unresolved.length, 2)
  assert.ok(plan.unresolved[0].input.length < 1000, 'the input is shortened in the report')
})

test('leastScope returns the same string for a scope each time, and null where none is needed', () => {
  assert.strictEqual(bc.leastScope('GET', '/v2/orders'), 'store_v2_orders_read_only')
  assert.strictEqual(bc.leastScope('GET', '/v2/orders'), bc.leastScope('head', 'https://api.bigcommerce.com/stores/x/v2/orders'))
  assert.strictEqual(bc.leastScope('POST', '/graphql'), null)
  for (const s of bc.scopes()) assert.strictEqual(typeof s.name, 'string')
})

test('worker threads answer with their own strings, and exit cleanly', async () => {
  const code = `
    const { parentPort } = require('node:worker_threads')
    const bc = require(${JSON.stringify(new URL('../lib.js', import.meta.url).pathname)})
    parentPort.postMessage([bc.leastScope('GET', '/v2/orders'), bc.leastScope('POST', '/v3/catalog/products')])`
  for (let i = 0; i < 3; i++) {
    const got = await new Promise((resolve, reject) => {
      const w = new Worker(code, { eval: true })
      w.once('message', resolve)
      w.once('error', reject)
    })
    assert.deepStrictEqual(got, ['store_v2_orders_read_only', 'store_v2_products'])
  }
  assert.strictEqual(bc.leastScope('GET', '/v2/orders'), 'store_v2_orders_read_only')
})

function errorOf(f) {
  try {
    f()
  } catch (e) {
    return e
  }
  assert.fail('expected an error')
}

function answerOf(f) {
  try {
    return f()
  } catch (e) {
    return { error: { kind: e.kind, message: e.message } }
  }
}
