"""A `/metrics` endpoint of its own for a process that serves no web desk: `transdesk worker`.

The jobs a worker runs are counted in that worker's process, so each worker with
`--metrics-port` (or `TRANSDESK_WORKER_METRICS_PORT`) serves its registry on a small threaded
HTTP server, under the same access rule as the web desk (`transdesk.observability.access`).
"""

from __future__ import annotations

import logging
import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server
from wsgiref.types import WSGIApplication

from prometheus_client import CollectorRegistry
from prometheus_client.exposition import make_wsgi_app
from pydantic import SecretStr

from transdesk.observability.access import metrics_refusal

log = logging.getLogger(__name__)
_REASONS = {401: "Unauthorized", 403: "Forbidden", 404: "Not Found"}


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        log.debug("metrics: " + format, *args)


def metrics_app(registry: CollectorRegistry, token: SecretStr | None) -> WSGIApplication:
    """The WSGI app: `/metrics` for those the access rule lets in."""
    exposition = make_wsgi_app(registry)

    def app(environ, start_response):  # type: ignore[no-untyped-def]
        def answer(status: int, message: str, headers: dict[str, str]) -> list[bytes]:
            start_response(
                f"{status} {_REASONS[status]}",
                [("Content-Type", "text/plain; charset=utf-8"), *headers.items()],
            )
            return [message.encode()]

        if environ.get("PATH_INFO", "/") != "/metrics":
            return answer(404, "the metrics are at /metrics\n", {})
        headers = {
            name[5:].replace("_", "-").lower(): value
            for name, value in environ.items()
            if name.startswith("HTTP_")
        }
        refused = metrics_refusal(token, environ.get("REMOTE_ADDR"), headers)
        if refused is not None:
            return answer(refused.status, refused.message, refused.headers)
        return exposition(environ, start_response)

    return app


class MetricsServer:
    """Serves `registry` at http://host:port/metrics in a background thread until `stop()`."""

    def __init__(
        self, registry: CollectorRegistry, host: str, port: int, token: SecretStr | None
    ) -> None:
        self._server = make_server(
            host, port, metrics_app(registry, token),
            server_class=_ThreadingServer, handler_class=_QuietHandler,
        )  # fmt: skip
        self.host, self.port = host, self._server.server_port
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="metrics", daemon=True
        )

    def start(self) -> MetricsServer:
        self._thread.start()
        log.info("metrics on http://%s:%d/metrics", self.host, self.port)
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
