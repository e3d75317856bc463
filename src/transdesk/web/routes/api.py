"""The editors' API: every route needs an editor, `Authorization: Bearer <API token>`, or the
session cookie with the `X-CSRF-Token` header on writes. Each resource's module makes its router
with `editors_router()`.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from transdesk.web import auth
from transdesk.web.errors import ERROR_RESPONSES, ErrorBody

RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERROR_RESPONSES,
    401: {"model": ErrorBody, "description": "not signed in, or the API token is unknown"},
    403: {"model": ErrorBody, "description": "forbidden (role, or CSRF token missing)"},
}


def editors_router() -> APIRouter:
    return APIRouter(
        prefix="/api", tags=["editors"], responses=RESPONSES, dependencies=[auth.CsrfChecked]
    )
