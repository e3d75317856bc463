"""The `openai` engine against scripted chat servers (httpx.MockTransport): prompt contents,
answer parsing, retries, timeouts, concurrency and a dead server."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import time
from collections.abc import Callable

import httpx
import pytest

from transdesk.article import Dateline
from transdesk.engines.base import ArticleContext, MemoryExample, SegmentRequest, TermHint
from transdesk.engines.openai import OpenAIEngine, normalize_base_url
from transdesk.engines.registry import create_engine
from transdesk.errors import ConfigurationError, EngineUnavailable
from transdesk.settings import Settings

CONTEXT = ArticleContext(
    headline="러시아 크렘린궁, 한국과 대화 원해", dateline=Dateline(dt.date(2025, 9, 2))
)
SOURCES = {
    "b1.s0": "크렘린궁은 2일 한국과의 대화를 원한다고 밝혔다.",
    "b1.s1": "드미트리 페스코프 대변인은 기자들에게 이같이 말했다.",
    "b1.s2": "그는 구체적인 일정은 정해지지 않았다고 덧붙였다.",
}
ENGLISH = {
    "b1.s0": "The Kremlin said on Tuesday it wants talks with South Korea.",
    "b1.s1": "Spokesman Dmitry Peskov told reporters so.",
    "b1.s2": "He added that no date had been set.",
}


def requests_for(ids=tuple(SOURCES), **extra) -> list[SegmentRequest]:
    return [SegmentRequest(segment_id=i, text=SOURCES[i], **extra) for i in ids]


class ChatServer:
    """A scripted OpenAI-compatible server: `answer(asked_ids, body)` returns the reply content,
    or an `httpx.Response` to send as it is."""

    def __init__(self, answer: Callable[[list[str], dict], str | httpx.Response]) -> None:
        self.answer = answer
        self.bodies: list[dict] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.delay_s = 0.0
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/models"):
            return httpx.Response(200, json={"data": [{"id": "/models/gemma-3-270m.gguf"}]})
        body = json.loads(request.content)
        with self._lock:
            self.bodies.append(body)
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            time.sleep(self.delay_s)
            reply = self.answer(asked_ids(body), body)
        finally:
            with self._lock:
                self.in_flight -= 1
        if isinstance(reply, httpx.Response):
            return reply
        return httpx.Response(200, json={"choices": [{"message": {"content": reply}}]})

    @property
    def prompts(self) -> list[str]:
        return [b["messages"][-1]["content"] for b in self.bodies]


def asked_ids(body: dict) -> list[str]:
    """The segment ids a prompt asks for (the keys of its 'Answer:' line)."""
    answer_line = body["messages"][-1]["content"].rsplit("Answer: ", 1)[1]
    return list(json.loads(answer_line))


def good(ids: list[str], body: dict) -> str:
    return json.dumps({i: ENGLISH.get(i, ENGLISH["b1.s0"]) for i in ids})


def engine_for(server: ChatServer, **options) -> OpenAIEngine:
    options.setdefault("sleep", lambda s: None)
    return OpenAIEngine("http://llm.test:8080", transport=httpx.MockTransport(server), **options)


def test_window_of_segments_is_translated_in_one_request():
    server = ChatServer(good)
    with engine_for(server) as engine:
        hypotheses = engine.translate(requests_for(), CONTEXT)
    assert [h.text for h in hypotheses] == list(ENGLISH.values())
    assert len(server.bodies) == 1
    assert server.bodies[0]["temperature"] == 0
    assert server.bodies[0]["response_format"] == {"type": "json_object"}
    assert server.bodies[0]["model"] == "gemma-3-270m.gguf"


def test_prompt_carries_headline_neighbours_terms_and_examples():
    request = SegmentRequest(
        segment_id="b1.s1",
        text=SOURCES["b1.s1"],
        before=("앞 문장입니다.",),
        after=("뒤 문장입니다.",),
        terms=(TermHint("크렘린궁", "Kremlin", forbidden=("Kremlin Palace",)),),
        examples=(MemoryExample("페스코프 대변인은 말했다.", "Spokesman Peskov said.", 0.9),),
    )
    server = ChatServer(good)
    with engine_for(server) as engine:
        engine.translate([request], CONTEXT)
    prompt = server.prompts[0]
    for expected in [
        CONTEXT.headline,
        "앞 문장입니다.",
        "뒤 문장입니다.",
        'use "Kremlin" for 크렘린궁, never "Kremlin Palace"',
        "페스코프 대변인은 말했다.",
        "Spokesman Peskov said.",
        SOURCES["b1.s1"],
    ]:
        assert expected in prompt


def test_segments_are_sent_in_windows():
    server = ChatServer(good)
    many = [SegmentRequest(f"b{i}.s0", SOURCES["b1.s0"]) for i in range(10)]
    with engine_for(server, window=4) as engine:
        hypotheses = engine.translate(many, CONTEXT)
    assert len(hypotheses) == 10
    assert sorted(len(asked_ids(b)) for b in server.bodies) == [2, 4, 4]


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param(json.dumps(ENGLISH), id="bare object"),
        pytest.param("```json\n" + json.dumps(ENGLISH, indent=2) + "\n```", id="code fence"),
        pytest.param("Here you go:\n" + json.dumps(ENGLISH) + "\nHope it helps.", id="chatter"),
        pytest.param("{broken} " + json.dumps({**ENGLISH, "extra": "x"}), id="junk then object"),
    ],
)
def test_answer_forms_are_read(reply):
    server = ChatServer(lambda ids, body: reply)
    with engine_for(server) as engine:
        hypotheses = engine.translate(requests_for(), CONTEXT)
    assert [h.text for h in hypotheses] == list(ENGLISH.values())
    assert len(server.bodies) == 1


BAD_ANSWERS = [
    pytest.param("", "empty answer", id="empty"),
    pytest.param("   ", "empty answer", id="blank"),
    pytest.param(SOURCES["b1.s1"], "copied back", id="source copied"),
    pytest.param("페스코프 대변인은 말했다", "still in Korean", id="korean"),
    pytest.param(["Peskov"], "not text", id="list"),
    pytest.param("<English translation>", "template was repeated", id="template echoed"),
    pytest.param(None, "no answer", id="null"),
]


@pytest.mark.parametrize(("bad", "reason"), BAD_ANSWERS)
def test_bad_answer_is_asked_again_alone_then_fails(bad, reason):
    def answer(ids, body):
        return json.dumps({i: (bad if i == "b1.s1" else ENGLISH[i]) for i in ids})

    server = ChatServer(answer)
    with engine_for(server) as engine:
        hypotheses = engine.translate(requests_for(), CONTEXT)
    assert [asked_ids(b) for b in server.bodies] == [list(SOURCES), ["b1.s1"]]
    failed = hypotheses[1]
    assert failed.text is None and failed.attempts == 2
    assert reason in failed.error
    assert [h.text for h in (hypotheses[0], hypotheses[2])] == [ENGLISH["b1.s0"], ENGLISH["b1.s2"]]


def test_missing_segment_is_recovered_by_asking_alone():
    def answer(ids, body):
        return json.dumps({i: ENGLISH[i] for i in ids if len(ids) == 1 or i != "b1.s2"})

    server = ChatServer(answer)
    with engine_for(server) as engine:
        hypotheses = engine.translate(requests_for(), CONTEXT)
    assert [h.text for h in hypotheses] == list(ENGLISH.values())
    assert hypotheses[2].attempts == 2
    assert len(server.bodies) == 2


def test_no_json_at_all_fails_every_segment_after_one_retry_each():
    server = ChatServer(lambda ids, body: "I cannot translate this.")
    with engine_for(server) as engine:
        hypotheses = engine.translate(requests_for(), CONTEXT)
    assert len(server.bodies) == 1 + len(SOURCES)
    assert all(h.failed and "no usable translation" in h.error for h in hypotheses)
    assert not any(h.text in SOURCES.values() for h in hypotheses)


def test_lone_segment_answered_badly_is_also_asked_once_more():
    answers = iter([json.dumps({"b1.s0": ""}), json.dumps({"b1.s0": ENGLISH["b1.s0"]})])
    server = ChatServer(lambda ids, body: next(answers))
    with engine_for(server) as engine:
        (hypothesis,) = engine.translate(requests_for(["b1.s0"]), CONTEXT)
    assert hypothesis.text == ENGLISH["b1.s0"] and hypothesis.attempts == 2
    assert len(server.bodies) == 2


def test_lone_segment_under_a_mangled_key_is_accepted():
    server = ChatServer(lambda ids, body: json.dumps({"b2.s0": ENGLISH["b1.s0"]}))
    with engine_for(server) as engine:
        (hypothesis,) = engine.translate(requests_for(["b1.s0"]), CONTEXT)
    assert hypothesis.text == ENGLISH["b1.s0"]


def test_placeholder_dropped_by_the_model_is_a_bad_answer():
    request = SegmentRequest("b1.s0", "⟦T0⟧은 2일 밝혔다.", placeholders=("⟦T0⟧",))
    server = ChatServer(lambda ids, body: json.dumps({"b1.s0": "The Kremlin said on Tuesday."}))
    with engine_for(server) as engine:
        (hypothesis,) = engine.translate([request], CONTEXT)
    assert hypothesis.failed and "⟦T0⟧" in hypothesis.error


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_transient_server_errors_are_retried_with_growing_backoff(status):
    calls = []

    def answer(ids, body):
        calls.append(1)
        return httpx.Response(status, text="busy") if len(calls) <= 3 else good(ids, body)

    delays: list[float] = []
    server = ChatServer(answer)
    with engine_for(server, retries=3, backoff_s=1.0, sleep=delays.append) as engine:
        hypotheses = engine.translate(requests_for(), CONTEXT)
    assert [h.text for h in hypotheses] == list(ENGLISH.values())
    assert len(delays) == 3
    assert delays == sorted(delays) and 0.5 <= delays[0] <= 1.0 and 2.0 <= delays[2] <= 4.0


def test_retry_after_header_is_respected():
    calls = []

    def answer(ids, body):
        calls.append(1)
        if len(calls) == 1:
            return httpx.Response(429, headers={"Retry-After": "7"}, text="slow down")
        return good(ids, body)

    delays: list[float] = []
    with engine_for(ChatServer(answer), backoff_s=0.1, sleep=delays.append) as engine:
        engine.translate(requests_for(), CONTEXT)
    assert delays == [7.0]


def test_server_errors_beyond_the_retries_fail_the_window_with_the_reason():
    server = ChatServer(lambda ids, body: httpx.Response(503, text="model is loading"))
    with engine_for(server, retries=2) as engine:
        hypotheses = engine.translate(requests_for(), CONTEXT)
    assert len(server.bodies) == 3
    assert all(h.failed for h in hypotheses)
    assert "HTTP 503 (3 attempts): model is loading" in hypotheses[0].error


def test_bad_request_is_not_retried():
    server = ChatServer(lambda ids, body: httpx.Response(400, text="context length exceeded"))
    with engine_for(server, retries=3) as engine:
        hypotheses = engine.translate(requests_for(), CONTEXT)
    assert len(server.bodies) == 1
    assert all(h.failed and "HTTP 400" in h.error for h in hypotheses)


def test_server_without_json_mode_is_asked_in_plain_text():
    def answer(ids, body):
        if "response_format" in body:
            return httpx.Response(400, text="unknown field response_format")
        return good(ids, body)

    server = ChatServer(answer)
    with engine_for(server) as engine:
        first = engine.translate(requests_for(), CONTEXT)
        engine.translate(requests_for(), CONTEXT)
    assert [h.text for h in first] == list(ENGLISH.values())
    assert ["response_format" in b for b in server.bodies] == [True, False, False]


def test_rejected_api_key_makes_the_engine_unavailable():
    server = ChatServer(lambda ids, body: httpx.Response(401, text="bad key"))
    with engine_for(server) as engine, pytest.raises(EngineUnavailable, match="credentials"):
        engine.translate(requests_for(), CONTEXT)


def test_timeouts_become_failed_segments_with_a_clear_error():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/models"):
            return httpx.Response(200, json={"data": []})
        raise httpx.ReadTimeout("timed out", request=request)

    engine = OpenAIEngine(
        "http://llm.test/v1",
        timeout_s=2.5,
        retries=1,
        transport=httpx.MockTransport(handler),
        sleep=lambda s: None,
    )
    with engine:
        hypotheses = engine.translate(requests_for(), CONTEXT)
    assert all(h.failed for h in hypotheses)
    assert "no answer within 2.5 s (2 attempts)" in hypotheses[0].error


def test_concurrency_bound_is_respected():
    server = ChatServer(good)
    server.delay_s = 0.05
    many = [SegmentRequest(f"b{i}.s0", SOURCES["b1.s0"]) for i in range(12)]
    with engine_for(server, window=1, concurrency=3) as engine:
        hypotheses = engine.translate(many, CONTEXT)
    assert all(h.text == ENGLISH["b1.s0"] for h in hypotheses)
    assert server.most_in_flight == 3


def test_progress_is_reported_per_segment():
    done: list[int] = []
    many = [SegmentRequest(f"b{i}.s0", SOURCES["b1.s0"]) for i in range(5)]
    with engine_for(ChatServer(good), window=2) as engine:
        engine.translate(many, CONTEXT, progress=done.append)
    assert sorted(done) == [1, 2, 2]


def test_dead_server_is_engine_unavailable_naming_the_address():
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    engine = OpenAIEngine(
        "http://127.0.0.1:9",
        retries=2,
        transport=httpx.MockTransport(refuse),
        sleep=lambda s: None,
    )
    with engine, pytest.raises(EngineUnavailable) as caught:
        engine.translate(requests_for(), CONTEXT)
    assert "http://127.0.0.1:9/v1" in str(caught.value)
    assert "--base-url" in caught.value.hint


def test_server_dying_mid_article_is_engine_unavailable():
    alive = {"answers": 1}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/models"):
            return httpx.Response(200, json={"data": []})
        if alive["answers"] > 0:
            alive["answers"] -= 1
            return httpx.Response(200, json={"choices": [{"message": {"content": "{}"}}]})
        raise httpx.ConnectError("connection refused", request=request)

    many = [SegmentRequest(f"b{i}.s0", SOURCES["b1.s0"]) for i in range(6)]
    engine = OpenAIEngine(
        "http://llm.test",
        window=1,
        concurrency=2,
        transport=httpx.MockTransport(handler),
        sleep=lambda s: None,
    )
    with engine, pytest.raises(EngineUnavailable, match="cannot reach"):
        engine.translate(many, CONTEXT)


def test_signature_names_server_model_and_prompt():
    with engine_for(ChatServer(good)) as engine:
        signature = engine.signature()
    assert signature["engine"] == "openai"
    assert signature["server"] == "llm.test:8080"
    assert signature["model"] == "gemma-3-270m.gguf"
    assert signature["temperature"] == 0.0
    assert re.fullmatch(r"doc-json-\d+", signature["prompt"])


def test_signature_falls_back_to_the_configured_model_when_server_is_down():
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    engine = OpenAIEngine(
        "http://127.0.0.1:9", model="qwen2.5-7b", retries=0, transport=httpx.MockTransport(refuse)
    )
    with engine:
        assert engine.signature()["model"] == "qwen2.5-7b"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/v1"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/v1"),
        ("http://127.0.0.1:8080/v1/", "http://127.0.0.1:8080/v1"),
        ("https://api.example.com/openai/v1", "https://api.example.com/openai/v1"),
    ],
)
def test_base_url_forms(given, expected):
    assert normalize_base_url(given) == expected


def test_registry_builds_the_engine_from_settings():
    settings = Settings(openai={"base_url": "http://127.0.0.1:8080", "concurrency": 2})
    engine = create_engine("openai", settings)
    with engine:
        assert isinstance(engine, OpenAIEngine)
        assert engine.concurrency == 2 and engine.base_url == "http://127.0.0.1:8080/v1"


def test_settings_without_a_server_address_name_the_setting():
    with pytest.raises(ConfigurationError, match="OpenAI-compatible") as caught:
        create_engine("openai", Settings(openai={"base_url": None}))
    assert "TRANSDESK_OPENAI__BASE_URL" in caught.value.hint
