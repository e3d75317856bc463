"""The `openai` engine over several servers: two real HTTP servers on this machine, speaking the
chat-completions shape; requests take turns between them, and when one dies (or answers 5xx) its
requests go to the other, and it is skipped for its cool-down."""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from transdesk.engines.base import ArticleContext, SegmentRequest
from transdesk.engines.openai import OpenAIEngine
from transdesk.engines.openai_options import split_base_urls
from transdesk.engines.registry import create_engine
from transdesk.errors import EngineUnavailable
from transdesk.settings import Settings

CONTEXT = ArticleContext(headline="서울시 발표")


class ChatHandler(BaseHTTPRequestHandler):
    """/v1/models and /v1/chat/completions; the answer names the server that gave it."""

    server: ChatHTTPServer

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self._reply(200, {"data": [{"id": "tiny-chat"}]})

    def do_POST(self) -> None:  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.record("chat")
        if self.server.status != 200:
            self._reply(self.server.status, {"error": "broken"})
            return
        answer_line = body["messages"][-1]["content"].rsplit("Answer: ", 1)[1]
        ids = list(json.loads(answer_line))
        content = json.dumps({i: f"Sentence {i}, from server {self.server.name}." for i in ids})
        self._reply(200, {"choices": [{"message": {"content": content}}]})

    def _reply(self, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        return None


class ChatHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, name: str, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), ChatHandler)
        self.name = name
        self.status = 200
        self.calls: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def record(self, what: str) -> None:
        with self._lock:
            self.calls[what] += 1

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


@pytest.fixture
def servers() -> Iterator[tuple[ChatHTTPServer, ChatHTTPServer]]:
    started = ChatHTTPServer("a"), ChatHTTPServer("b")
    yield started
    for server in started:
        try:
            server.stop()
        except OSError:
            pass


def requests(count: int) -> list[SegmentRequest]:
    return [SegmentRequest(f"b{i}.s0", f"서울시는 {i}일 새 도로를 열었다.") for i in range(count)]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def engine_for(urls: list[str], **options) -> OpenAIEngine:
    options.setdefault("window", 1)
    options.setdefault("concurrency", 1)
    return OpenAIEngine(urls, sleep=lambda s: None, retries=1, timeout_s=5, **options)


def answered_by(hypotheses) -> Counter[str]:
    return Counter(h.text.rsplit(" ", 1)[1].rstrip(".") for h in hypotheses)


def test_requests_take_turns_over_the_servers(servers):
    a, b = servers
    with engine_for([a.url, b.url]) as engine:
        hypotheses = engine.translate(requests(16), CONTEXT)
    assert all(not h.failed for h in hypotheses)
    assert a.calls["chat"] == b.calls["chat"] == 8
    assert answered_by(hypotheses) == {"a": 8, "b": 8}


def test_a_dead_server_is_skipped_and_its_requests_go_to_the_other(servers):
    a, b = servers
    clock = Clock()
    with engine_for([a.url, b.url], cooldown_s=30, clock=clock) as engine:
        engine.served_model()
        b.stop()  # b dies: connection refused from now on
        hypotheses = engine.translate(requests(10), CONTEXT)
        assert all(not h.failed for h in hypotheses)
        assert answered_by(hypotheses) == {"a": 10}
        assert engine.servers.healthy_count() == 1

        revived = ChatHTTPServer("b", port=int(b.url.split(":")[2].split("/")[0]))
        try:
            clock.now += 10  # still cooling down: b gets nothing
            assert answered_by(engine.translate(requests(4), CONTEXT)) == {"a": 4}
            clock.now += 30  # the cool-down is over: b takes its turns again
            assert answered_by(engine.translate(requests(4), CONTEXT)) == {"a": 2, "b": 2}
        finally:
            revived.stop()


def test_a_server_answering_5xx_fails_over(servers):
    a, b = servers
    a.status = 503
    with engine_for([a.url, b.url], cooldown_s=60) as engine:
        hypotheses = engine.translate(requests(6), CONTEXT)
    assert all(not h.failed for h in hypotheses)
    assert answered_by(hypotheses) == {"b": 6}
    assert a.calls["chat"] == 1  # tried once, then benched for the cool-down


def test_every_server_dead_is_engine_unavailable(servers):
    a, b = servers
    urls = [a.url, b.url]
    a.stop()
    b.stop()
    with engine_for(urls) as engine, pytest.raises(EngineUnavailable, match="servers at"):
        engine.translate(requests(2), CONTEXT)


def test_settings_name_several_servers(servers):
    a, b = servers
    settings = Settings(openai={"base_url": f"{a.url}, {b.url}"})
    assert settings.openai.base_urls == [a.url, b.url]
    as_list = Settings(openai={"base_url": [a.url, b.url]})
    assert as_list.openai.base_url == f"{a.url},{b.url}"
    with create_engine("openai", settings) as engine:
        assert engine.base_urls == [a.url, b.url]
        assert engine.signature()["server"] == ",".join(u.split("/")[2] for u in (a.url, b.url))
    assert split_base_urls(None) == [] and split_base_urls("http://x:1") == ["http://x:1"]


def test_environment_variable_takes_a_comma_separated_list(monkeypatch, servers):
    a, b = servers
    monkeypatch.setenv("TRANSDESK_OPENAI__BASE_URL", f"{a.url},{b.url}")
    assert Settings().openai.base_urls == [a.url, b.url]
