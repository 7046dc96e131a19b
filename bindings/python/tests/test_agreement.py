"""The module gives the CLI's JSON answers: every documented route in several spellings, every
scope and API, plans, audits, a GraphQL document and a check of a small app."""

from __future__ import annotations

import os

import bigcommerce_scopes as bc
from conftest import CALL_SETS, cli_json, cli_many, endpoint_cases


def answer(f):
    """The module's answer, or its error as the CLI writes errors."""
    try:
        return f()
    except bc.BigCommerceScopesError as e:
        return {"error": {"kind": e.kind, "message": e.message, "suggestions": e.suggestions}}


def test_every_documented_route_in_three_spellings():
    cases = endpoint_cases()
    assert len(cases) > 2000
    expected = cli_many([["endpoint", m, t] for m, t in cases])
    resolved = 0
    for (m, t), want in zip(cases, expected):
        got = answer(lambda: bc.resolve(m, t))
        assert got == want, f"{m} {t}"
        least = answer(lambda: bc.least_scope(m, t))
        if "error" in got:
            assert least == got, f"least_scope {m} {t}"
        else:
            resolved += 1
            assert least == got["least_privileged"], f"least_scope {m} {t}"
        # The same request as bytes.
        assert answer(lambda: bc.resolve(m.encode(), t.encode())) == want
    assert resolved > 2000


def test_scopes_apis_and_account_types():
    scopes = cli_json(["scopes"])
    assert bc.scopes() == scopes
    names = [s["name"] for s in scopes] + ["store_checkouts", "store_crat"]
    for n, want in zip(names, cli_many([["scope", n] for n in names])):
        assert answer(lambda: bc.scope(n)) == want, n
    apis = cli_json(["apis"])
    assert bc.apis() == apis
    api_names = [a["name"] for a in apis] + ["GraphQL Storefront API", "rest-nope"]
    for n, want in zip(api_names, cli_many([["api", n] for n in api_names])):
        assert answer(lambda: bc.api(n)) == want, n
    assert bc.account_types() == cli_json(["account-types"])


def test_plans_for_strings_and_mappings():
    for calls in CALL_SETS:
        want = cli_json(["plan", *calls])
        assert answer(lambda: bc.plan(calls)) == want
        pairs = [dict(zip(("method", "target"), c.split(" ", 1))) for c in calls]
        assert answer(lambda: bc.plan(pairs)) == want
        assert answer(lambda: bc.plan(tuple(calls), account_type="account")) == cli_json(
            ["plan", "--account-type", "account", *calls]
        )


def test_audits():
    grants = ["store_v2_orders store_v2_products", "store_v2_orders_read_only,store_payments_access_token_create", "store_cart"]
    for calls in CALL_SETS:
        for granted in grants:
            for fail_on in (None, "any"):
                args = ["audit", "--granted", granted, *(["--fail-on", fail_on] if fail_on else []), *calls]
                assert answer(lambda: bc.audit(granted, calls, fail_on=fail_on)) == cli_json(args), args
    assert answer(lambda: bc.audit("store_crat", ["GET /v2/orders"])) == cli_json(
        ["audit", "--granted", "store_crat", "GET /v2/orders"]
    )


def test_graphql_documents():
    for api, doc in [
        ("admin", "query { store { name } }"),
        ("storefront", "query { site { products { edges { node { name } } } } }"),
        ("admin", "query { store { somethingNew } }"),
        ("admin", "query { store { "),
    ]:
        assert answer(lambda: bc.graphql(doc, api)) == cli_json(["graphql", "--api", api, "-"], input=doc), doc


def test_check_of_the_node_app_fixture(root):
    app = root / "tests" / "fixtures" / "check" / "node-app"
    cwd = os.getcwd()
    os.chdir(app)
    try:
        assert answer(lambda: bc.check(".")) == cli_json(["check", "."], cwd=app)
        want = cli_json(["check", ".", "--granted", "store_v2_products", "--excess"], cwd=app)
        assert answer(lambda: bc.check(["."], granted="store_v2_products", excess=True)) == want
    finally:
        os.chdir(cwd)


def test_data_version():
    v = cli_json(["--version"])["data_version"]
    assert bc.DATA_VERSION == v == bc.data_version()
