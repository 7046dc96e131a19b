"""Bad input raises the documented errors and never takes the interpreter down."""

from __future__ import annotations

import threading

import bigcommerce_scopes as bc
import pytest


def raises_kind(kind, f, *args, **kwargs):
    with pytest.raises(bc.BigCommerceScopesError) as info:
        f(*args, **kwargs)
    e = info.value
    assert isinstance(e, ValueError)
    assert e.kind == kind
    assert isinstance(e.message, str) and e.message
    assert isinstance(e.suggestions, list)
    return e


def test_library_errors_carry_kind_message_and_suggestions():
    e = raises_kind("unknown_scope", bc.scope, "store_crat")
    assert (e.message, e.suggestions) == ("unknown scope `store_crat`", ["store_cart"])
    assert str(e) == "unknown scope `store_crat` (did you mean `store_cart`?)"
    raises_kind("unknown_method", bc.resolve, "FETCH", "/v2/orders")
    raises_kind("unknown_endpoint", bc.least_scope, "GET", "/v3/catalog/prodcts")
    raises_kind("method_not_documented", bc.least_scope, "GET", "/stores/abc/graphql")
    raises_kind("unknown_api", bc.api, "rest-nope")
    raises_kind("invalid_input", bc.plan, [])
    raises_kind("unknown_account_type", bc.plan, ["GET /v2/orders"], account_type="shop")
    raises_kind("invalid_input", bc.audit, "store_cart", ["GET /v2/orders"], fail_on="sometimes")
    raises_kind("invalid_input", bc.audit, [], ["GET /v2/orders"])
    raises_kind("invalid_graphql", bc.graphql, "query { store { ", "admin")
    raises_kind("unknown_api", bc.graphql, "{ store { name } }", "rest-management")
    raises_kind("unknown_scope", bc.parse_scopes, "store_crat", strict=True)
    raises_kind("invalid_input", bc.check, "/no/such/path", granted="store_cart")


@pytest.mark.parametrize("bad", [None, 42, 1.5, True, [], {}, object(), bytearray(b"GET")])
def test_wrong_types_raise_type_error(bad):
    for f in (
        lambda: bc.least_scope(bad, "/v2/orders"),
        lambda: bc.least_scope("GET", bad),
        lambda: bc.resolve("GET", bad),
        lambda: bc.scope(bad),
        lambda: bc.parse_scopes(bad),
        lambda: bc.graphql(bad),
    ):
        with pytest.raises(TypeError):
            f()
    if not isinstance(bad, list):
        with pytest.raises(TypeError):
            bc.plan(bad)
        with pytest.raises(TypeError):
            bc.audit(bad, ["GET /v2/orders"])
    if bad is not None:
        with pytest.raises(TypeError):
            bc.plan([bad])
        with pytest.raises(TypeError):
            bc.plan(["GET /v2/orders"], account_type=bad if not isinstance(bad, bytearray) else 3)


def test_wrong_shapes_raise_type_error():
    for call in ({"method": "GET"}, {"method": "GET", "target": 5}, ("GET", "/v2/orders")):
        with pytest.raises(TypeError):
            bc.plan([call])
    with pytest.raises(TypeError):
        bc.check(42)
    with pytest.raises(TypeError):
        bc.check(["."], exclude=[1])
    with pytest.raises(TypeError):
        bc.least_scope("GET")  # missing argument
    with pytest.raises(TypeError):
        bc.plan(["GET /v2/orders"], "app")  # options are keyword-only


def test_huge_strings_nul_bytes_and_invalid_utf8():
    huge = "/v3/" + "a" * 10_000_000
    e = raises_kind("invalid_target", bc.least_scope, "GET", huge)
    assert "10000004 bytes long" in e.message
    raises_kind("invalid_target", bc.resolve, "GET", huge.encode())
    raises_kind("unknown_method", bc.least_scope, "GET" * 1000, "/v2/orders")
    raises_kind("invalid_target", bc.least_scope, "GET", "/v2/orders\0/x")
    raises_kind("unknown_method", bc.resolve, "GET\0", "/v2/orders")
    raises_kind("unknown_scope", bc.scope, "store_cart\0")
    for bad in (b"/v2/\xff", b"\xc3", b"/v2/orders\xed\xa0\x80"):
        e = raises_kind("invalid_input", bc.least_scope, "GET", bad)
        assert "not UTF-8" in e.message
    raises_kind("invalid_input", bc.scope, b"store_\xffcart")
    raises_kind("invalid_input", bc.plan, [b"GET /v2/\xff"])
    raises_kind("unknown_endpoint", bc.least_scope, "GET", "/v2/\ud800orders")  # a lone surrogate
    raises_kind("invalid_graphql", bc.graphql, "{" * 100_000, "admin")
    assert len(bc.parse_scopes("x " * 100_000)["unknown"]) == 1
    plan = bc.plan(["GET " + huge, "GET /v2/orders\0"])
    assert len(plan["unresolved"]) == 2
    assert len(plan["unresolved"][0]["input"]) < 1000


def test_least_scope_returns_one_interned_string_per_scope():
    a = bc.least_scope("GET", "/v2/orders")
    b = bc.least_scope(b"head", b"https://api.bigcommerce.com/stores/x/v2/orders")
    assert a == "store_v2_orders_read_only" and a is b
    assert bc.least_scope("POST", "/graphql") is None


def test_threads():
    out = []
    ts = [threading.Thread(target=lambda: out.append(bc.least_scope("GET", "/v2/orders"))) for _ in range(8)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert out == ["store_v2_orders_read_only"] * 8
