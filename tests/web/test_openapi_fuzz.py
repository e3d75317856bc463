"""Schemathesis against the desk's OpenAPI spec, over HTTP to a real uvicorn server: no request,
however odd, makes the desk answer with a server error, or with a body or content type its own
spec does not document.

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


def test_the_api_never_fails_on_any_request(live_desk):
    schema = schemathesis.openapi.from_url(f"{live_desk}/openapi.json")
    tested = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25, deadline=None, database=None,
            suppress_health_check=list(HealthCheck),
        )
        def fuzz(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(base_url=live_desk, checks=CHECKS)

        fuzz()
        tested.append(operation.label)
    assert len(tested) >= 7, tested
