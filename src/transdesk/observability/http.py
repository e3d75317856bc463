"""ASGI middleware for the web desk's HTTP traffic: request ids, then metrics and the access log.

`RequestIds` takes the caller's `X-Request-ID` (or makes one), puts it in the context for every
log line of the request, and echoes it on the response. `HttpObserver` times each request and
counts it by method, route *template* (`/api/articles/{slug}`, never the raw path, so a crawler
cannot grow the series without bound) and status, and writes one access line to the
`transdesk.access` logger at INFO.
"""

from __future__ import annotations

import logging
import time

from prometheus_client import CollectorRegistry, Counter, Histogram
from starlette.datastructures import MutableHeaders
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from transdesk.observability import context

access_log = logging.getLogger("transdesk.access")
UNMATCHED = "<unmatched>"  # the route label of a request no route answers (404s)
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


class HttpMetrics:
    """The HTTP series of one app, in that app's registry."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.requests = Counter(
            "transdesk_http_requests_total",
            "HTTP requests answered, by method, route template and status",
            ["method", "route", "status"],
            registry=registry,
        )
        self.duration = Histogram(
            "transdesk_http_request_duration_seconds",
            "Time to answer an HTTP request, by method and route template",
            ["method", "route"],
            registry=registry,
        )


class RequestIds:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        offered = None
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                offered = value.decode("latin-1")
                break
        request_id = context.accept_request_id(offered)

        async def with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[context.REQUEST_ID_HEADER] = request_id
            await send(message)

        token = context.request_id.set(request_id)
        try:
            await self.app(scope, receive, with_id)
        except BaseException:
            # left set: the server's error handler, outside this middleware, logs the failure
            # with the id (the request's task, and its context, end with the answer)
            raise
        context.request_id.reset(token)


def route_template(scope: Scope) -> str:
    """The path template of the route that answered (or would answer) the request."""
    route = scope.get("route")
    if route is None:  # refused before routing (a body over its limit): find who would answer
        app = scope.get("app")
        for candidate in getattr(app, "routes", ()):
            match, _ = candidate.matches(dict(scope))
            if match is not Match.NONE:
                route = candidate
                break
    return getattr(route, "path", None) or UNMATCHED


class HttpObserver:
    def __init__(self, app: ASGIApp, metrics: HttpMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the server sends when the app raised before answering

        async def noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, noting_status)
        finally:
            self._record(scope, status, time.perf_counter() - started)

    def _record(self, scope: Scope, status: int, seconds: float) -> None:
        method = scope["method"] if scope["method"] in METHODS else "other"
        route = route_template(scope)
        self.metrics.requests.labels(method=method, route=route, status=str(status)).inc()
        self.metrics.duration.labels(method=method, route=route).observe(seconds)
        access_log.info(
            "%s %s %d %.1f ms", method, scope["path"], status, seconds * 1000,
            extra={"method": method, "route": route, "path": scope["path"], "status": status,
                   "duration_ms": round(seconds * 1000, 2)},
        )  # fmt: skip
