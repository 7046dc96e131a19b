"""The least-privilege knowledge base for BigCommerce's APIs, from Python.

Every function answers with the field names of ``bc-scopes ... --json`` (dicts, lists, str,
bool, None). Errors raise :class:`BigCommerceScopesError` with ``kind``, ``message`` and
``suggestions`` as in the CLI's JSON errors; arguments of the wrong type raise ``TypeError``.
"""

from ._native import (
    DATA_VERSION,
    BigCommerceScopesError,
    account_types,
    api,
    apis,
    audit,
    check,
    data_version,
    graphql,
    least_scope,
    parse_scopes,
    plan,
    resolve,
    scope,
    scopes,
)

__all__ = [
    "DATA_VERSION",
    "BigCommerceScopesError",
    "account_types",
    "api",
    "apis",
    "audit",
    "check",
    "data_version",
    "graphql",
    "least_scope",
    "parse_scopes",
    "plan",
    "resolve",
    "scope",
    "scopes",
]
