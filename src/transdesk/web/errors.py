"""Errors as the API speaks them: JSON `{"code": ..., "message": ...}` with a stable code.

Typed desk errors map to HTTP statuses here, in one table; pages for readers get a short HTML page
instead of JSON.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Annotated

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import AfterValidator, BaseModel
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from transdesk.errors import (
    ConfigurationError,
    Conflict,
    InvalidArticle,
    InvalidInput,
    NotFound,
    StorageError,
    TransdeskError,
)
from transdesk.store.failures import STORAGE_EXCEPTIONS, as_storage_error
from transdesk.web import security_headers

log = logging.getLogger(__name__)


def _as_utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


# the desk stores naive UTC; the API says so (RFC 3339 with an offset)
UtcDatetime = Annotated[dt.datetime, AfterValidator(_as_utc)]


class ErrorBody(BaseModel):
    """Every API error: `code` is stable (match on it), `message` is for people."""

    code: str
    message: str
    hint: str | None = None


class ApiError(TransdeskError):
    """An error raised by a route itself, with its HTTP status."""

    def __init__(self, status: int, code: str, message: str, *, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.status = status
        self.code = code
        self.headers: dict[str, str] = {}

    def with_headers(self, headers: dict[str, str]) -> ApiError:
        self.headers.update(headers)
        return self


_STATUS = {
    NotFound: 404,
    Conflict: 409,
    InvalidArticle: 422,
    InvalidInput: 422,
    StorageError: 503,
    ConfigurationError: 500,
}
_HTTP_CODES = {
    400: "bad_request", 401: "not_authenticated", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 409: "conflict", 413: "too_large", 415: "unsupported_media_type",
    422: "invalid_request", 429: "rate_limited",
}  # fmt: skip
ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody, "description": code.replace("_", " ")}
    for status, code in _HTTP_CODES.items()
    if status in (404, 409, 413, 422, 429)
}


def status_of(error: TransdeskError) -> int:
    if isinstance(error, ApiError):
        return error.status
    for kind, status in _STATUS.items():
        if isinstance(error, kind):
            return status
    return 500


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_response(request: Request, status: int, code: str, message: str, hint: str | None = None):  # type: ignore[no-untyped-def]
    if _wants_json(request):
        body = ErrorBody(code=code, message=message, hint=hint).model_dump(exclude_none=True)
        return JSONResponse(body, status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message, "hint": hint},
        status_code=status,
    )


def _too_deep(request: Request):  # type: ignore[no-untyped-def]
    """A body nested so deep that parsing it ran out of stack: the request's fault (400)."""
    log.info("%s %s: refused a body nested too deeply", request.method, request.url.path)
    message = "the request body is nested too deeply to read"
    hint = "send a flat JSON object, as the API documentation at /docs shows"
    return error_response(request, 400, "bad_request", message, hint)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(TransdeskError)
    async def _desk_error(request: Request, error: TransdeskError):  # type: ignore[no-untyped-def]
        status = status_of(error)
        if status >= 500:
            log.error("%s %s failed: %s", request.method, request.url.path, error)
        response = error_response(request, status, error.code, error.message, error.hint)
        response.headers.update(getattr(error, "headers", {}))
        if status == 503:
            response.headers["Retry-After"] = "60"
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError):  # type: ignore[no-untyped-def]
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}"
            for e in error.errors()
        )
        return error_response(request, 422, "invalid_request", problems or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException):  # type: ignore[no-untyped-def]
        if isinstance(error.__cause__, RecursionError):
            return _too_deep(request)
        code = _HTTP_CODES.get(error.status_code, "error")
        response = error_response(request, error.status_code, code, str(error.detail))
        for name, value in (error.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(DataError)
    async def _unstorable(request: Request, error: DataError):  # type: ignore[no-untyped-def]
        # e.g. a NUL character, which PostgreSQL text cannot hold: the request's fault, not ours
        log.info("%s %s: the database refused a value: %s", request.method, request.url.path,
                 error.orig)  # fmt: skip
        message = "the request holds a value the database cannot store (such as a NUL character)"
        return error_response(request, 422, "invalid_request", message)

    async def _storage(request: Request, error: Exception):  # type: ignore[no-untyped-def]
        failure = as_storage_error(error)
        if failure is None:
            raise error  # not the storage's: the unexpected-error handler answers
        return await _desk_error(request, failure)  # the disk or the database, at any layer

    for kind in STORAGE_EXCEPTIONS:
        app.add_exception_handler(kind, _storage)

    @app.exception_handler(RecursionError)
    async def _nested(request: Request, error: RecursionError):  # type: ignore[no-untyped-def]
        return _too_deep(request)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception):  # type: ignore[no-untyped-def]
        log.exception("%s %s failed", request.method, request.url.path)
        response = error_response(request, 500, "internal", "the desk hit an unexpected error")
        security_headers.apply(response.headers, request.url.path)  # outside the middleware
        return response
