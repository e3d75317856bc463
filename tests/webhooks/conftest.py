"""A real webhook receiver for the tests: an HTTP server on loopback, in a thread, that verifies
every request's Standard Webhooks signature with `standardwebhooks` and answers as scripted."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError


@dataclass
class Received:
    headers: dict[str, str]
    body: str
    payload: dict | None  # the verified payload; None when the signature did not verify
    error: str | None
    answered: int


@dataclass
class Receiver:
    """Answers each request with the next status of `answers` (then `otherwise`)."""

    url: str = ""
    secret: str | None = None
    answers: list[int] = field(default_factory=list)
    otherwise: int = 200
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, headers: dict[str, str], body: str) -> int:
        with self.lock:
            status = self.answers.pop(0) if self.answers else self.otherwise
            try:
                payload = Webhook(self.secret).verify(body, headers) if self.secret else None
                error = None if self.secret else "no secret to verify with"
            except WebhookVerificationError as failed:
                payload, error = None, str(failed)
            self.received.append(Received(headers, body, payload, error, status))
            return status

    def wait_for(self, count: int, timeout_s: float = 20) -> list[Received]:
        deadline = time.monotonic() + timeout_s
        while len(self.received) < count:
            assert time.monotonic() < deadline, f"{len(self.received)} of {count} webhooks came"
            time.sleep(0.05)
        return list(self.received)

    @property
    def payloads(self) -> list[dict]:
        assert all(r.error is None for r in self.received), [r.error for r in self.received]
        return [r.payload for r in self.received]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length).decode("utf-8")
            status = state.take(dict(self.headers.items()), body)
            answer = json.dumps({"status": status}).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, name="webhook-receiver", daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/transdesk"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def fast_retries(monkeypatch) -> tuple[float, ...]:
    """Retries after a fraction of a second instead of 5 s, 30 s, ..."""
    from transdesk.webhooks import outbox

    backoff = (0.5, 0.5, 0.5)
    monkeypatch.setattr(outbox, "BACKOFF_S", backoff)
    return backoff
