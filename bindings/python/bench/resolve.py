"""Resolves per second through the module (least_scope, resolve), against the CLI run once per
request. Install a release build first (``pip install ./bindings/python`` or ``maturin develop
--release``). Usage: python bench/resolve.py [seconds]"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import bigcommerce_scopes as bc

ROOT = Path(__file__).resolve().parents[3]
SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
VALUES = ["1234", "9f1c2a44-8b5e-4a1e-9d8a-3c0f6f1e2b7a", "SKU-ABC-77", "summer-sale", "42"]


def cli() -> str:
    for p in ("release", "debug"):
        f = ROOT / "target" / p / "bc-scopes"
        if f.exists():
            return str(f)
    raise SystemExit("build bc-scopes first: cargo build --release")


def inputs():
    """The inputs of benches/resolve.rs: one concrete target per gateway route, bare and full."""
    ops = json.loads(subprocess.run([cli(), "endpoints", "--json"], capture_output=True, check=True).stdout)
    seen, bare, full = set(), [], []
    for i, op in enumerate(ops):
        route = op["route"]
        if not route.startswith("/stores/{store_hash}/") or route in seen:
            continue
        seen.add(route)
        segs = route.removeprefix("/stores/{store_hash}").split("/")
        path = "/".join(VALUES[(j + i) % len(VALUES)] if s.startswith("{") else s for j, s in enumerate(segs))
        bare.append((op["method"], path))
        full.append((op["method"], f"https://api.bigcommerce.com/stores/abc123{path}?limit=50&page=2"))
    return bare, full


def rate(f, cases) -> float:
    """Calls per second, best of 5 rounds of SECONDS/5."""
    best = 0.0
    for _ in range(5):
        n, start = 0, time.perf_counter()
        until = start + SECONDS / 5
        while True:
            for m, t in cases:
                f(m, t)
            n += len(cases)
            now = time.perf_counter()
            if now >= until:
                break
        best = max(best, n / (now - start))
    return best


def cli_rate(cases) -> float:
    sample, bin = cases[:100], cli()
    start = time.perf_counter()
    for m, t in sample:
        subprocess.run([bin, "endpoint", m, t, "--json"], capture_output=True, check=False)
    return len(sample) / (time.perf_counter() - start)


bare, full = inputs()
print(f"python {sys.version.split()[0]}, {len(bare)} gateway routes, CLI: {cli()}")
print(f"least_scope, bare path  {rate(bc.least_scope, bare):>14,.0f} /s")
print(f"least_scope, full URL   {rate(bc.least_scope, full):>14,.0f} /s")
print(f"resolve, bare path      {rate(bc.resolve, bare):>14,.0f} /s")
print(f"resolve, full URL       {rate(bc.resolve, full):>14,.0f} /s")
print(f"CLI subprocess, bare    {cli_rate(bare):>14,.0f} /s")
