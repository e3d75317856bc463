"""The date stage rewrites engine output in news style and records what it did."""

from __future__ import annotations

import datetime as dt

from transdesk.article import Article, Block, BlockKind, Dateline, Segment
from transdesk.dates.stage import DateStyleStage
from transdesk.engines.base import Engine, Hypothesis
from transdesk.pipeline import Pipeline


class ScriptedEngine(Engine):
    """Answers each Korean sentence with the English the test gives it."""

    name = "scripted"

    def __init__(self, answers: dict[str, str]) -> None:
        self.answers = answers

    def translate(self, requests, context, progress=None):
        return [Hypothesis(r.segment_id, self.answers.get(r.text)) for r in requests]


def _article(*sentences: str) -> Article:
    headline = Block(0, BlockKind.HEADLINE, "", ())
    segments = tuple(Segment(f"b1.s{i}", 1, i, s, 0, len(s)) for i, s in enumerate(sentences))
    block = Block(1, BlockKind.PARAGRAPH, " ".join(sentences), segments)
    return Article("seed", (headline, block), Dateline(dt.date(2025, 9, 2)))


def test_stage_rewrites_and_records():
    korean = "크렘린궁은 2일 밝혔다."
    engine = ScriptedEngine({korean: "The Kremlin said on the 2nd."})
    result = Pipeline(engine, [DateStyleStage()]).translate(_article(korean))
    (segment,) = result.segments
    assert segment.text == "The Kremlin said on Sept. 2."
    assert segment.applied == ("date:on the 2nd→on Sept. 2",)


def test_stage_can_be_switched_off_and_leaves_failed_segments_alone():
    korean, failed = "크렘린궁은 2일 밝혔다.", "실패한 문장이다."
    engine = ScriptedEngine({korean: "The Kremlin said on the 2nd."})
    off = Pipeline(engine, [DateStyleStage(enabled=False)]).translate(_article(korean, failed))
    assert off.segments[0].text == "The Kremlin said on the 2nd."
    assert off.segments[1].text is None
