"""The memory stage and the memory engine inside the pipeline, as an editor sees the result."""

from __future__ import annotations

from fixtures.engines import LLM, SEQ2SEQ, PhrasebookEngine

from memory.conftest import article_of
from transdesk.article import SegmentStatus
from transdesk.engines.base import ArticleContext, SegmentRequest
from transdesk.engines.memory import NO_MATCH, MemoryEngine
from transdesk.engines.registry import create_engine
from transdesk.memory import MemoryPair, Origin
from transdesk.memory.stage import MemoryStage
from transdesk.pipeline import Pipeline
from transdesk.settings import Settings

KNOWN = "크렘린궁은 2일 푸틴 대통령과 김정은 국무위원장이 대화를 이어갈 것이라고 밝혔다."
KNOWN_EN = "The Kremlin said on Sept. 2 that Putin and Kim would continue their dialogue."
SIMILAR = KNOWN.replace("2일", "3일")
NEW = "서울은 오늘 맑겠다."


def _fill(memory):
    memory.add(MemoryPair(KNOWN, KNOWN_EN, "kim", Origin.EDITOR))


def test_exact_match_settles_the_sentence_and_skips_the_engine(memory):
    _fill(memory)
    engine = PhrasebookEngine({NEW: "Seoul will be clear today."})
    article = article_of(KNOWN, NEW)
    translated = Pipeline(engine, [MemoryStage(memory, engine.capabilities)]).translate(article)
    first, second = translated.segments
    assert (first.text, first.status, first.origin) == (KNOWN_EN, SegmentStatus.FROM_MEMORY, "memory")
    assert "memory:exact" in first.applied
    assert second.status is SegmentStatus.TRANSLATED
    assert [r.text for r in engine.calls[0]] == [NEW]  # the engine never saw the known sentence
    assert translated.signature["memory"]["newest_entry"] >= 1


def test_fuzzy_matches_become_examples_for_llm_engines(memory):
    _fill(memory)
    engine = PhrasebookEngine({SIMILAR: "The Kremlin said on Sept. 3 ..."}, LLM)
    translated = Pipeline(engine, [MemoryStage(memory, engine.capabilities)]).translate(article_of(SIMILAR))
    request = engine.calls[0][0]
    assert [(e.source, e.target) for e in request.examples] == [(KNOWN, KNOWN_EN)]
    assert 0.9 < request.examples[0].score < 1.0
    applied = translated.segments[0].applied
    assert [a for a in applied if a.startswith("memory:fuzzy:")] == [
        f"memory:fuzzy:{request.examples[0].score:.2f}"
    ]


def test_seq2seq_engines_get_no_examples_but_editors_see_the_score(memory):
    _fill(memory)
    engine = PhrasebookEngine({SIMILAR: "x"}, SEQ2SEQ)
    translated = Pipeline(engine, [MemoryStage(memory, engine.capabilities)]).translate(article_of(SIMILAR))
    assert engine.calls[0][0].examples == ()
    assert any(a.startswith("memory:fuzzy:0.9") for a in translated.segments[0].applied)


def test_conflicting_memory_does_not_settle_the_sentence(memory):
    memory.add_many([MemoryPair(KNOWN, KNOWN_EN, "a", Origin.IMPORT),
                     MemoryPair(KNOWN, "The Kremlin says talks go on.", "b", Origin.IMPORT)])
    engine = PhrasebookEngine({KNOWN: "engine text"})
    translated = Pipeline(engine, [MemoryStage(memory, engine.capabilities)]).translate(article_of(KNOWN))
    segment = translated.segments[0]
    assert segment.status is SegmentStatus.TRANSLATED and "memory:conflict" in segment.applied
    assert len(engine.calls[0][0].examples) == 2


def test_whole_article_is_looked_up_in_few_queries(memory):
    from sqlalchemy import event

    _fill(memory)
    sentences = [KNOWN] + [f"{i}번째 새로운 문장은 아직 번역되지 않았다." for i in range(30)]
    engine = PhrasebookEngine({s: "x" for s in sentences})
    statements: list[str] = []
    event.listen(memory.database.engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *a: statements.append(statement))
    Pipeline(engine, [MemoryStage(memory, engine.capabilities)]).translate(article_of(*sentences))
    lookups = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(lookups) <= 8, lookups


def test_memory_engine_leaves_unmatched_sentences_untranslated(memory):
    _fill(memory)
    engine = MemoryEngine(memory)
    translated = Pipeline(engine).translate(article_of(KNOWN, NEW))
    known, new = translated.segments
    assert (known.text, known.status) == (KNOWN_EN, SegmentStatus.TRANSLATED)
    assert new.text is None and new.status is SegmentStatus.UNTRANSLATED
    assert new.error == NO_MATCH
    assert translated.failed == (new,)


def test_memory_engine_is_registered(tmp_path):
    settings = Settings(data_dir=tmp_path)
    engine = create_engine("memory", settings)
    try:
        assert engine.capabilities.answers_from_memory
        hypothesis = engine.translate([SegmentRequest("s0", NEW)], ArticleContext("headline"))[0]
        assert hypothesis.failed and hypothesis.error == NO_MATCH
    finally:
        engine.close()
