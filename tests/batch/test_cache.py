"""The batch's sentence cache in front of the engine."""

from __future__ import annotations

from collections.abc import Sequence

from transdesk.batch.cache import CachingEngine
from transdesk.engines.base import ArticleContext, Engine, Hypothesis, SegmentRequest, TermHint

CONTEXT = ArticleContext(headline="")


class RecordingEngine(Engine):
    """Answers every request with its text reversed, and remembers what it was asked."""

    name = "recording"

    def __init__(self, fail: str | None = None) -> None:
        self.asked: list[str] = []
        self.fail = fail

    def translate(
        self, requests: Sequence[SegmentRequest], context, progress=None
    ) -> list[Hypothesis]:
        self.asked.extend(r.text for r in requests)
        return [
            Hypothesis(r.segment_id, None, error="no") if r.text == self.fail
            else Hypothesis(r.segment_id, r.text[::-1])
            for r in requests
        ]


def request(segment_id: str, text: str, **extra) -> SegmentRequest:
    return SegmentRequest(segment_id=segment_id, text=text, **extra)


def test_a_repeated_sentence_reaches_the_engine_once():
    inner = RecordingEngine()
    engine = CachingEngine(inner)
    first = engine.translate([request("a", "가나"), request("b", "다라"), request("c", "가나")], CONTEXT)
    second = engine.translate([request("x", "다라", before=("앞",)), request("y", "마바")], CONTEXT)

    assert inner.asked == ["가나", "다라", "마바"]
    assert [h.segment_id for h in first] == ["a", "b", "c"]
    assert [h.text for h in first] == ["나가", "라다", "나가"]
    assert [(h.segment_id, h.text) for h in second] == [("x", "라다"), ("y", "바마")]
    assert (engine.hits, engine.misses) == (2, 3)


def test_term_hints_are_part_of_the_key_and_failures_are_not_kept():
    inner = RecordingEngine(fail="실패")
    engine = CachingEngine(inner)
    hint = (TermHint(source="가나", target="Gana"),)
    engine.translate([request("a", "가나"), request("b", "가나", terms=hint)], CONTEXT)
    engine.translate([request("c", "실패")], CONTEXT)
    again = engine.translate([request("d", "실패")], CONTEXT)

    assert inner.asked == ["가나", "가나", "실패", "실패"]
    assert again[0].failed


class DictShared:
    """A shared sentence cache in a dict, as two workers of one batch would see it."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple[str, float | None]] = {}

    def get_many(self, digests):
        return {d: self.entries[d] for d in digests if d in self.entries}

    def put_many(self, answers):
        self.entries.update(answers)


def test_workers_find_each_others_sentences_in_the_shared_cache():
    from transdesk.batch.cache import sharing

    shared = DictShared()
    first_inner, second_inner = RecordingEngine(), RecordingEngine()
    first, second = CachingEngine(first_inner), CachingEngine(second_inner)
    with sharing(shared):
        first.translate([request("a", "가나"), request("b", "다라")], CONTEXT)
        answers = second.translate([request("c", "다라"), request("d", "마바")], CONTEXT)
    second.translate([request("e", "다라")], CONTEXT)  # now in its own cache too

    assert first_inner.asked == ["가나", "다라"]
    assert second_inner.asked == ["마바"]
    assert [(h.segment_id, h.text) for h in answers] == [("c", "라다"), ("d", "바마")]
    assert (second.hits, second.misses) == (2, 1)
    assert len(shared.entries) == 3
