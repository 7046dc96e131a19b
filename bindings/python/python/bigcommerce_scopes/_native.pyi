"""Type stubs of the native module: the answers have the field names of ``bc-scopes ... --json``."""

from collections.abc import Sequence
from os import PathLike
from typing import Any, Literal, Mapping, TypedDict, Union

Text = Union[str, bytes]
Call = Union[Text, Mapping[str, Text]]
"""A call: ``"METHOD TARGET"`` or ``{"method": ..., "target": ...}``."""

DATA_VERSION: str

class BigCommerceScopesError(ValueError):
    """``kind``, ``message`` and ``suggestions`` as in the CLI's JSON errors."""

    kind: Literal[
        "unknown_scope",
        "unknown_api",
        "unknown_account_type",
        "unknown_method",
        "invalid_target",
        "unknown_endpoint",
        "method_not_documented",
        "invalid_input",
        "invalid_graphql",
        "invalid_arguments",
    ]
    message: str
    suggestions: list[str]

class Dropped(TypedDict):
    query: bool
    fragment: bool
    trailing_slash: bool
    json_suffix: bool

class _RequestHead(TypedDict):
    method: str
    target: str
    route: str
    api: str
    api_name: str
    auth_scheme: str
    header: str | None
    value_format: str | None
    account_types: list[str]

class RestEndpoint(_RequestHead):
    """``bc-scopes endpoint METHOD TARGET --json`` for a REST route."""

    requirement: Literal["scope", "default-scope", "none"]
    least_privileged: str | None
    accepted: list[str]
    conditional: list[dict[str, Any]]
    token_scopes: list[str]
    confidence: Literal["documented", "inferred"]
    source: str
    sources: list[str]
    spec: str
    operation_id: str
    summary: str
    deprecated: bool
    legacy: bool
    oauth_url: str | None
    store_hash: str | None
    dropped: Dropped
    notes: list[str]

class GraphqlEndpoint(_RequestHead):
    """``bc-scopes endpoint POST .../graphql --json``: the scopes depend on the document."""

    requirement: Literal["per-document"]
    least_privileged: None
    token_scopes: list[str]
    document_command: str
    sources: list[str]
    notes: list[str]

class ScopeInfo(TypedDict):
    name: str
    ui_name: str
    permission: str
    group: str
    origin: str
    description: str
    resources: list[dict[str, str | None]]
    twin: str | None
    implies: list[str]
    implied_by: list[str]
    variants: list[str]
    token_names: list[str]
    account_types: list[str]
    sources: list[str]
    notes: list[str]
    history: list[str]

class ScopeDetail(ScopeInfo):
    warnings: list[str]

class UnknownScope(TypedDict):
    name: str
    suggestions: list[str]

class ParsedScopes(TypedDict):
    scopes: list[str]
    warnings: list[str]
    unknown: list[UnknownScope]

def least_scope(method: Text, target: Text) -> str | None:
    """The least-privileged scope a request needs, or None where it needs none."""

def resolve(method: Text, target: Text) -> RestEndpoint | GraphqlEndpoint:
    """What one request needs, as ``bc-scopes endpoint METHOD TARGET --json``."""

def scope(name: Text) -> ScopeDetail:
    """One scope, as ``bc-scopes scope NAME --json``."""

def scopes() -> list[ScopeInfo]:
    """Every scope, as ``bc-scopes scopes --json``."""

def parse_scopes(text: Text, *, strict: bool = False) -> ParsedScopes:
    """A token's ``scope`` string; unknown names listed (or, strict, raised)."""

def api(name: Text) -> dict[str, Any]:
    """One API, as ``bc-scopes api NAME --json``."""

def apis() -> list[dict[str, Any]]:
    """Every API, as ``bc-scopes apis --json``."""

def account_types() -> dict[str, Any]:
    """The kinds of API account and the use-case tables, as ``bc-scopes account-types --json``."""

def plan(calls: Sequence[Call], *, account_type: Text | None = None) -> dict[str, Any]:
    """The least-privilege plan, as ``bc-scopes plan --json``."""

def audit(
    granted: Text | Sequence[Text],
    calls: Sequence[Call],
    *,
    account_type: Text | None = None,
    fail_on: Literal["missing", "excess", "missing-or-excess", "any"] | None = None,
    token: bool = False,
) -> dict[str, Any]:
    """Granted scopes against calls, as ``bc-scopes audit --json``."""

def check(
    paths: Text | Sequence[Text] | None = None,
    *,
    config: Text | None = None,
    granted: Text | Sequence[Text] | None = None,
    account_type: Text | None = None,
    exclude: Text | Sequence[Text] | None = None,
    excess: bool = False,
) -> dict[str, Any]:
    """The check report, as ``bc-scopes check --json``."""

def graphql(document: Text, api: Text | None = None, *, name: Text | None = None) -> dict[str, Any]:
    """What a GraphQL document needs, as ``bc-scopes graphql --json``."""

def data_version() -> str:
    """The data version of the knowledge base."""
