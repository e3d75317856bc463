"""The `openai` engine against a real llama.cpp server with the bundled 270M model.

The model is tiny and its answers are poor, often malformed or Korean copied back. What these tests
hold the engine to is robustness: one result per sentence, each either an English text or a failure
with a reason, never the source passed off as a translation, and no hang when the server is slow or
dies.
"""

from __future__ import annotations

import datetime as dt
import threading
import time

import httpx
import pytest

from transdesk.article import Article, Block, BlockKind, Dateline, Segment, SegmentStatus
from transdesk.devtools.llama_server import MODEL_ALIAS, start_llama_server
from transdesk.engines.base import ArticleContext, SegmentRequest
from transdesk.engines.openai import OpenAIEngine
from transdesk.engines.prompts import check_translation
from transdesk.errors import EngineUnavailable
from transdesk.pipeline import Pipeline

pytestmark = [pytest.mark.llama, pytest.mark.timeout(300)]

HEADLINE = "서울시, 내년부터 심야버스 노선 확대"
SENTENCES = [
    "서울시는 내년 1월부터 심야버스 노선을 14개에서 20개로 늘린다고 3일 밝혔다.",
    "시는 늦은 시간 귀가하는 시민들의 교통 불편을 줄이기 위해 이같이 결정했다.",
    "새 노선은 강남역과 홍대입구역 등 이용객이 많은 지역을 지난다.",
    "요금은 기존과 같은 2500원이다.",
]
CONTEXT = ArticleContext(headline=HEADLINE)


def small_article(sentences: list[str]) -> Article:
    headline = Block(
        0, BlockKind.HEADLINE, HEADLINE, (Segment("b0.s0", 0, 0, HEADLINE, 0, len(HEADLINE)),)
    )
    text = " ".join(sentences)
    segments, start = [], 0
    for i, sentence in enumerate(sentences):
        segments.append(Segment(f"b1.s{i}", 1, i, sentence, start, start + len(sentence)))
        start += len(sentence) + 1
    body = Block(1, BlockKind.PARAGRAPH, text, tuple(segments))
    return Article("night-buses", (headline, body), Dateline(dt.date(2025, 9, 3)))


def requests_for(sentences: list[str]) -> list[SegmentRequest]:
    return [SegmentRequest(f"b1.s{i}", s) for i, s in enumerate(sentences)]


def assert_honest(results: list, sources: list[str]) -> None:
    """Every result is English text or a failure with a reason; no source passed off."""
    assert len(results) == len(sources)
    for result, source in zip(results, sources, strict=True):
        if result.text is None:
            assert result.error, "a failed segment must say why"
        else:
            assert check_translation(result.text, SegmentRequest("x", source)) is None, result.text


def test_article_through_the_pipeline_is_accounted_for_sentence_by_sentence(llama_base_url):
    article = small_article(SENTENCES[:1])
    with OpenAIEngine(llama_base_url, max_tokens=48, timeout_s=120) as engine:
        translated = Pipeline(engine).translate(article)
        signature = engine.signature()

    assert [s.segment.id for s in translated.segments] == ["b0.s0", "b1.s0"]
    assert_honest(list(translated.segments), [s.text for s in article.segments()])
    for segment in translated.segments:
        assert (segment.status is SegmentStatus.FAILED) == (segment.text is None)
    assert signature["model"] == MODEL_ALIAS
    assert translated.signature["engine"] == "openai"


class CountingTransport(httpx.HTTPTransport):
    """A real HTTP transport that records how many chat requests were in flight at once."""

    def __init__(self) -> None:
        super().__init__()
        self.in_flight = self.most_in_flight = 0
        self._lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            response = super().handle_request(request)
            response.read()
            return response
        finally:
            with self._lock:
                self.in_flight -= 1


def test_concurrent_requests_are_all_answered(llama_base_url):
    transport = CountingTransport()
    engine = OpenAIEngine(
        llama_base_url,
        window=1,
        concurrency=2,
        max_tokens=16,
        timeout_s=120,
        transport=transport,
    )
    with engine:
        hypotheses = engine.translate(requests_for(SENTENCES[:2]), CONTEXT)

    assert transport.most_in_flight == 2
    assert_honest(hypotheses, SENTENCES[:2])
    assert not any("HTTP" in (h.error or "") or "connection" in (h.error or "") for h in hypotheses)


def test_short_timeout_fails_segments_quickly_with_the_reason(llama_base_url):
    engine = OpenAIEngine(
        llama_base_url, window=1, timeout_s=0.05, retries=1, backoff_s=0.05, max_tokens=4
    )
    started = time.monotonic()
    with engine:
        hypotheses = engine.translate(requests_for(SENTENCES[:1]), CONTEXT)

    assert time.monotonic() - started < 20
    assert all(h.failed for h in hypotheses)
    assert all("no answer within 0.05 s (2 attempts)" in h.error for h in hypotheses)


def test_server_killed_mid_article_stops_cleanly(start_llama):
    server = start_llama()
    engine = OpenAIEngine(
        server.base_url,
        window=1,
        concurrency=2,
        max_tokens=32,
        timeout_s=60,
        retries=2,
        backoff_s=0.1,
    )
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["hypotheses"] = engine.translate(requests_for(SENTENCES), CONTEXT)
        except EngineUnavailable as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=run)
    worker.start()
    time.sleep(1.5)  # requests are being answered
    server.kill()
    worker.join(timeout=90)
    engine.close()

    assert not worker.is_alive(), "translate hung after the server died"
    if "error" in outcome:
        assert server.base_url in str(outcome["error"])
    else:
        hypotheses = outcome["hypotheses"]
        assert_honest(hypotheses, SENTENCES)
        assert any(h.failed for h in hypotheses)


def test_server_on_a_taken_port_is_refused_by_name(llama_server, tmp_path):
    with pytest.raises(EngineUnavailable, match=f"port {llama_server.port} .* already in use"):
        start_llama_server(tmp_path / "unused.gguf", port=llama_server.port, log_dir=tmp_path)
