"""Security headers on every response the desk sends, pages, API and errors alike.

The pages load only the desk's own scripts and styles (`/static/…`), none inline, so the
Content-Security-Policy allows `'self'` alone and no page may be framed. The API documentation
(`/docs`, `/redoc`) is FastAPI's, which loads Swagger UI / ReDoc from their CDN with an inline
start-up script: those two pages get a policy that allows just that.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
_CDN = "https://cdn.jsdelivr.net"
DOCS_POLICY = (
    f"default-src 'self'; script-src 'self' 'unsafe-inline' {_CDN}; "
    f"style-src 'self' 'unsafe-inline' {_CDN} https://fonts.googleapis.com; "
    "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
    "font-src 'self' https://fonts.gstatic.com; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_PATHS = frozenset({"/docs", "/redoc", "/docs/oauth2-redirect"})
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def apply(headers: MutableHeaders, path: str) -> None:
    """Set the desk's security headers on one response's headers."""
    headers["Content-Security-Policy"] = DOCS_POLICY if path in DOCS_PATHS else PAGE_POLICY
    for name, value in HEADERS.items():
        headers[name] = value


class SecurityHeaders:
    """The middleware for every response that passes through the app. An unexpected error's 500
    is answered by Starlette's outermost layer, outside every middleware: its handler calls
    `apply` itself."""


    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                apply(MutableHeaders(scope=message), scope["path"])
            await send(message)

        await self.app(scope, receive, with_headers)
