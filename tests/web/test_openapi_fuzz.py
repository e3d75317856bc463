"""Schemathesis against the desk's OpenAPI spec, over HTTP to a real uvicorn server: no request,
however odd, makes the desk answer with a server error, or with a body or content type its own
spec does not document.

Requests carry an editor's API token, so the operations behind sign-in (submitting, cancelling,
the review queue, the termbase) are fuzzed past the 401 too. Revoking tokens is fuzzed without it:
the fuzzer would otherwise revoke its own token half-way.

(Schemathesis' lazy pytest loader does not run under pytest 9, so each operation gets a Hypothesis
test built from `operation.as_strategy()` here.)
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
SIGNED_IN_ONLY = ["POST /api/articles", "POST /api/articles/{slug}/cancel", "GET /api/reports"]


def _fuzz(operation, base: str, headers: dict | None, seen: set[int]):  # type: ignore[no-untyped-def]
    @given(case=operation.as_strategy())
    @settings(
        max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def fuzz(case) -> None:  # type: ignore[no-untyped-def]
        response = case.call_and_validate(base_url=base, headers=headers, checks=CHECKS)
        seen.add(response.status_code)

    return fuzz


def test_the_api_never_fails_on_any_request(live_desk_with_token):
    base = live_desk_with_token.url
    editor = {"Authorization": f"Bearer {live_desk_with_token.token}"}
    schema = schemathesis.openapi.from_url(f"{base}/openapi.json")
    statuses: dict[str, set[int]] = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        headers = None if operation.path.endswith("/revoke") else editor
        _fuzz(operation, base, headers, statuses.setdefault(operation.label, set()))()
    assert len(statuses) >= 7, statuses
    for label in SIGNED_IN_ONLY:  # the token let the fuzzer in
        assert statuses[label] - {401, 403}, (label, statuses[label])
