"""Refuse request bodies over a size limit before anything reads them (413, with a clear message).

Articles may be as large as `max_article_bytes`; everything else a client sends (a reader's report,
a form) is small, and limited to `max_form_bytes`. Bodies sent without a Content-Length are counted
as they stream in. A large path may hold `*` for one path segment ("/desk/articles/*/xliff").
"""

from __future__ import annotations

import json
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    def __init__(self, app: ASGIApp, *, default_limit: int, large_paths: dict[str, int]) -> None:
        self.app = app
        self.default_limit = default_limit
        self.large_paths = large_paths  # exact path (or a pattern with `*` segments) → limit
        self._patterns = [
            (re.compile(re.escape(pattern).replace(r"\*", "[^/]+")), limit)
            for pattern, limit in large_paths.items()
            if "*" in pattern
        ]

    def limit_for(self, path: str) -> int:
        path = path.rstrip("/")
        if path in self.large_paths:
            return self.large_paths[path]
        return next(
            (limit for pattern, limit in self._patterns if pattern.fullmatch(path)),
            self.default_limit,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refuse(scope, send, limit)
            return
        seen = 0
        started = exceeded = refused = False

        async def counted_receive() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    exceeded = True
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started, refused
            if exceeded and not started:
                # the app answered a body it could not read in full (a form parser turns the
                # error into a 400): the client gets the 413 instead
                started = refused = True
                await self._refuse(scope, send, limit)
            if refused:
                return  # the app's own answer is dropped
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(scope, send, limit)

    async def _refuse(self, scope: Scope, send: Send, limit: int) -> None:
        message = f"the request body is over the {limit:,}-byte limit for {scope['path']}"
        if scope["path"].startswith("/api/"):
            body = json.dumps({"code": "too_large", "message": message}).encode()
            kind = b"application/json"
        else:
            body = f"<!doctype html><title>Too large</title><p>{message}</p>".encode()
            kind = b"text/html; charset=utf-8"
        headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})
