// Resolves per second through the addon (leastScope, resolve), against the CLI run once per
// request. Build with `npm run build` (release) first. Usage: node bench/resolve.mjs [seconds]
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import * as bc from '../lib.js'
import { ROOT } from '../test/cli.mjs'

const SECONDS = Number(process.argv[2] ?? 1)
const VALUES = ['1234', '9f1c2a44-8b5e-4a1e-9d8a-3c0f6f1e2b7a', 'SKU-ABC-77', 'summer-sale', '42']

// The inputs of benches/resolve.rs: one concrete target per gateway route, bare and full.
const ops = JSON.parse(execFileSync(cli(), ['endpoints', '--json'], { maxBuffer: 64 << 20 }))
const seen = new Set()
const bare = []
const full = []
ops.forEach(({ method, route }, i) => {
  if (!route.startsWith('/stores/{store_hash}/') || seen.has(route)) return
  seen.add(route)
  const path = route
    .replace('/stores/{store_hash}', '')
    .split('/')
    .map((s, j) => (s.startsWith('{') ? VALUES[(j + i) % VALUES.length] : s))
    .join('/')
  bare.push([method, path])
  full.push([method, `https://api.bigcommerce.com/stores/abc123${path}?limit=50&page=2`])
})

function cli() {
  for (const p of ['release', 'debug']) {
    const f = join(ROOT, 'target', p, 'bc-scopes')
    if (existsSync(f)) return f
  }
  throw new Error('build bc-scopes first: cargo build --release')
}

/** Calls per second of `f` over `inputs`, best of 5 rounds of SECONDS/5. */
function rate(f, inputs) {
  let best = 0
  for (let round = 0; round < 5; round++) {
    let n = 0
    const start = process.hrtime.bigint()
    const until = start + BigInt(Math.round((SECONDS / 5) * 1e9))
    let now = start
    let sink = 0
    while (now < until) {
      for (const [m, t] of inputs) {
        if (f(m, t) !== null) sink++
      }
      n += inputs.length
      now = process.hrtime.bigint()
    }
    best = Math.max(best, n / (Number(now - start) / 1e9))
    if (sink < 0) console.log(sink)
  }
  return best
}

function cliRate(inputs) {
  const bin = cli()
  const sample = inputs.slice(0, 100)
  const start = process.hrtime.bigint()
  for (const [m, t] of sample) spawnSync(bin, ['endpoint', m, t, '--json'])
  return sample.length / (Number(process.hrtime.bigint() - start) / 1e9)
}

const fmt = (x) => Math.round(x).toLocaleString('en-US').padStart(12)
console.log(`node ${process.version}, ${bare.length} gateway routes, CLI: ${cli()}`)
console.log(`leastScope, bare path   ${fmt(rate(bc.leastScope, bare))} /s`)
console.log(`leastScope, full URL    ${fmt(rate(bc.leastScope, full))} /s`)
console.log(`resolve, bare path      ${fmt(rate(bc.resolve, bare))} /s`)
console.log(`resolve, full URL       ${fmt(rate(bc.resolve, full))} /s`)
console.log(`CLI subprocess, bare    ${fmt(cliRate(bare))} /s`)
