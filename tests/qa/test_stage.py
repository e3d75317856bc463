"""The quality stage in the pipeline: findings on each sentence, a decision for it and the article."""

from __future__ import annotations

import datetime as dt

from transdesk.article import Article, Block, BlockKind, Dateline, Segment
from transdesk.assembly import build_pipeline
from transdesk.dates.stage import DateStyleStage
from transdesk.engines.base import Engine, Hypothesis
from transdesk.pipeline import Pipeline
from transdesk.qa.gate import Thresholds
from transdesk.qa.stage import QualityStage
from transdesk.settings import Settings

KO_SAID = "크렘린궁은 2일 푸틴 대통령과 김정은 위원장이 대화를 이어갈 것이라고 밝혔다."
KO_MET = "두 정상은 지난해 6월 평양에서 만난 바 있다."


class ScriptedEngine(Engine):
    name = "scripted"

    def __init__(self, answers: dict[str, str | None]) -> None:
        self.answers = answers

    def translate(self, requests, context, progress=None):
        return [
            Hypothesis(r.segment_id, self.answers.get(r.text), error="no answer") for r in requests
        ]


def _article(*sentences: str) -> Article:
    headline = Block(0, BlockKind.HEADLINE, "", ())
    segments = tuple(Segment(f"b1.s{i}", 1, i, s, 0, len(s)) for i, s in enumerate(sentences))
    return Article(
        "seed",
        (headline, Block(1, BlockKind.PARAGRAPH, " ".join(sentences), segments)),
        Dateline(dt.date(2025, 9, 2)),
    )


def test_good_translation_is_published(termbase):
    engine = ScriptedEngine(
        {KO_SAID: "The Kremlin said on Sept. 2 that Putin and Kim would continue their dialogue."}
    )
    result = Pipeline(engine, [QualityStage(termbase=termbase)]).translate(_article(KO_SAID))
    assert result.decision == "publish"
    assert result.segments[0].decision == "publish" and result.segments[0].findings == ()


def test_seed_mistakes_send_the_article_to_review(termbase):
    engine = ScriptedEngine(
        {
            KO_SAID: "Kremlin Palace stated on the 2nd that Putin and Commissioner Kim Jong-un "
            "are expected to continue their dialogue.",
            KO_MET: "They are set to meet again in Pyongyang in June 2024.",
        }
    )
    stages = [DateStyleStage(), QualityStage(termbase=termbase)]
    result = Pipeline(engine, stages).translate(_article(KO_SAID, KO_MET))
    said, met = result.segments
    assert said.text.startswith("Kremlin Palace stated on Sept. 2")  # dates fixed before checks
    assert {f.kind for f in said.findings} == {"forbidden_term"}
    assert {f.kind for f in met.findings} == {"past_as_future"}
    assert said.decision == met.decision == result.decision == "review"


def test_failed_segment_is_blocked_with_a_reason():
    result = Pipeline(ScriptedEngine({}), [QualityStage()]).translate(_article(KO_SAID))
    (segment,) = result.segments
    assert segment.decision == "block" and result.decision == "block"
    assert "no answer" in segment.findings[0].message


def test_thresholds_come_from_settings():
    settings = Settings(qa_review_at="critical")
    pipeline = build_pipeline(
        settings, engine=ScriptedEngine({}), use_memory=False, use_termbase=False, date_style=False
    )
    (stage,) = pipeline.stages
    assert stage.thresholds == Thresholds(review_at="critical")
    assert stage.signature()["checks"] and stage.signature()["termbase"] is False
