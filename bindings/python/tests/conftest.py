"""The CLI the bindings are compared with, and the requests they are compared on. Expected answers
are never written by hand: every one is what the built ``bc-scopes`` prints with --json."""

from __future__ import annotations

import json
import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[3]


def cli_path() -> str:
    """$BC_SCOPES_BIN, else the newest build in target/, else built now."""
    if os.environ.get("BC_SCOPES_BIN"):
        return os.environ["BC_SCOPES_BIN"]
    built = [p for p in (ROOT / "target" / d / "bc-scopes" for d in ("debug", "release")) if p.exists()]
    if built:
        return str(max(built, key=lambda p: p.stat().st_mtime))
    subprocess.run(["cargo", "build", "--bin", "bc-scopes"], cwd=ROOT, check=True)
    return str(ROOT / "target" / "debug" / "bc-scopes")


CLI = cli_path()


def cli_json(args: list[str], *, cwd: str | Path | None = None, input: str | None = None):
    """The CLI's JSON for ``args`` (its answer or its ``{"error": ...}``), whatever its exit status."""
    out = subprocess.run(
        [CLI, *args, "--json", "-q"], cwd=cwd, input=input, capture_output=True, text=True, check=False
    )
    return json.loads(out.stdout)


def cli_many(arg_lists: list[list[str]]) -> list:
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(cli_json, arg_lists))


def _fill(template: str) -> str:
    return re.sub(r"\{[^}]+\}", "12345", template)


def endpoint_cases() -> list[tuple[str, str]]:
    """Every documented route (from ``bc-scopes endpoints --json``) in several spellings."""
    cases = []
    for op in cli_json(["endpoints"]):
        method, t = op["method"], _fill(op["route"])
        if t.startswith("/stores/"):
            bare = t.removeprefix("/stores/12345")
            cases += [
                (method, bare),
                (method, f"https://api.bigcommerce.com/stores/abc123{bare}"),
                (method, f"{bare}?limit=5&page=2"),
            ]
        else:
            url = t.replace("{store_domain}", "shop.example.com").replace("{app_domain}", "app.example.com")
            cases += [(method, url), (method, f"{url}?limit=5"), (method, urlsplit(url).path)]
    cases += [
        ("POST", "https://api.bigcommerce.com/stores/abc123/graphql"),
        ("POST", "/graphql"),
        ("GET", "/stores/abc123/graphql"),
        ("GET", "https://store-abc123.mybigcommerce.com/api/v2/orders.json"),
        ("GET", "/v3/catalog/prodcts"),
        ("FETCH", "/v2/orders"),
        ("GET", "/v3/catalog/../orders"),
    ]
    return cases


CALL_SETS = [
    ["GET /v2/orders", "GET /v3/orders/payment_actions/refunds"],
    ["GET /v3/catalog/products", "POST /v3/catalog/products", "PUT https://api.bigcommerce.com/stores/abc/v3/catalog/products/7?x=1"],
    ["POST https://payments.bigcommerce.com/stores/abc/payments", "POST /v3/payments/access_tokens"],
    ["GET /v3/customers", "GET /v3/nowhere", "FETCH /v2/orders", "POST /v3/orders/5/payment_actions/refunds"],
    ["GET https://shop.example.com/api/storefront/carts", "DELETE /v3/catalog/products/5", "GET /v2/store"],
]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
