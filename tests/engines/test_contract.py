"""The engine contract: the same assertions against every engine the desk ships.

- `ct2` on the tiny random-weight model (tests/fixtures/tiny_ct2.py),
- `openai` against the real llama.cpp server with the bundled model (marker `llama`),
- `memory` on a translation memory holding one approved pair.

Each is built through the registry from settings, the way the desk builds it. Whatever the quality
of its English, an engine answers every request once, in order, with text or with a failure that
says why (never the Korean passed off as English), reports progress for every request, declares its
capabilities, names itself in its signature, and can be closed more than once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from transdesk.engines.base import ArticleContext, Engine, EngineCapabilities, SegmentRequest
from transdesk.engines.registry import create_engine
from transdesk.settings import Settings

pytestmark = pytest.mark.timeout(300)

HEADLINE = "서울시, 내년부터 심야버스 노선 확대"
KNOWN = "서울시는 내년 1월부터 심야버스 노선을 14개에서 20개로 늘린다고 3일 밝혔다."
KNOWN_ENGLISH = "Seoul will run 20 late-night bus routes instead of 14 from January, it said."
UNKNOWN = "요금은 기존과 같은 2500원이다."
CONTEXT = ArticleContext(headline=HEADLINE)

ENGINES = ["ct2", pytest.param("openai", marks=pytest.mark.llama), "memory"]


def _settings(name: str, request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    if name == "ct2":
        return request.getfixturevalue("tiny_ct2_settings")
    if name == "openai":
        base_url = request.getfixturevalue("llama_base_url")
        options = {"base_url": base_url, "max_tokens": 48, "timeout_s": 120, "retries": 1}
        return Settings(data_dir=tmp_path, cache_dir=tmp_path / "cache", openai=options)
    from transdesk.memory import MemoryPair, TranslationMemory
    from transdesk.store.db import Database

    settings = Settings(data_dir=tmp_path, cache_dir=tmp_path / "cache")
    database = Database(settings.resolved_database_url)
    try:
        TranslationMemory(database).add(MemoryPair(KNOWN, KNOWN_ENGLISH, "tests"))
    finally:
        database.close()
    return settings


@pytest.fixture(params=ENGINES)
def engine(request, tmp_path) -> Iterator[Engine]:  # type: ignore[no-untyped-def]
    built = create_engine(request.param, _settings(request.param, request, tmp_path))
    try:
        yield built
    finally:
        built.close()


def _requests(*texts: str) -> list[SegmentRequest]:
    return [SegmentRequest(f"b1.s{i}", text) for i, text in enumerate(texts)]


def test_one_result_per_request_in_order_each_text_or_a_reason(engine):
    requests = _requests(KNOWN, UNKNOWN)
    reported: list[int] = []
    results = engine.translate(requests, CONTEXT, reported.append)
    assert [r.segment_id for r in results] == [r.segment_id for r in requests]
    for result, request in zip(results, requests, strict=True):
        if result.text is None:
            assert result.failed and result.error, "a failed segment must say why"
        else:
            assert result.text.strip() and not result.failed
            assert result.text != request.text, "the source passed off as a translation"
    assert sum(reported) == len(requests)


def test_an_empty_batch_gives_no_results(engine):
    assert engine.translate([], CONTEXT) == []


def test_capabilities_are_declared_by_the_engine_itself(engine):
    declared = type(engine).__dict__.get("capabilities")
    assert isinstance(declared, EngineCapabilities)
    assert engine.capabilities is declared
    flags = engine.capabilities.as_dict()
    assert set(flags) == {
        "takes_term_hints", "takes_examples", "keeps_placeholders", "answers_from_memory",
    }  # fmt: skip
    assert any(flags.values()), "every shipped engine can do something with a request"


def test_the_signature_names_the_engine(engine):
    signature = engine.signature()
    assert signature["engine"] == engine.name


def test_close_can_be_called_more_than_once(engine):
    engine.translate(_requests(KNOWN), CONTEXT)
    engine.close()
    engine.close()
