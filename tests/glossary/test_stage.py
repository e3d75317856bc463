"""The termbase in the pipeline: every engine kind ends with the approved rendering or a flag."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from fixtures.engines import LLM, MEMORY, SEQ2SEQ

from transdesk.article import BlockKind
from transdesk.engines.base import Engine, EngineCapabilities, Hypothesis, SegmentRequest
from transdesk.glossary.matcher import Termbase
from transdesk.glossary.model import TermEntry
from transdesk.glossary.stage import TermbaseStage
from transdesk.ingest import read_article
from transdesk.pipeline import Pipeline
from transdesk.stage import BaseStage

from .conftest import KIM, KREMLIN, WPK, make_article

EXAMPLES = Path(__file__).parents[2] / "examples"
P = BlockKind.PARAGRAPH


class ScriptedEngine(Engine):
    """Answers each segment with what `answer(request)` says: a stand-in for a model's output."""

    name = "scripted"

    def __init__(
        self, capabilities: EngineCapabilities, answer: Callable[[SegmentRequest], str]
    ) -> None:
        self.capabilities = capabilities
        self.answer = answer
        self.requests: list[SegmentRequest] = []

    def translate(self, requests: Sequence[SegmentRequest], context, progress=None):
        self.requests += requests
        return [Hypothesis(r.segment_id, self.answer(r)) for r in requests]


def translate(termbase: Termbase, engine: Engine, article):
    return Pipeline(engine, [TermbaseStage(termbase, engine.capabilities)]).translate(article)


def by_segment(answers: dict[str, str]) -> Callable[[SegmentRequest], str]:
    return lambda request: answers[request.segment_id]


# --- the seed article: real mistakes, every engine kind -----------------------------------------

FORBIDDEN_IN_SEED = ["Kremlin Palace", "Commissioner", "Labor Party of North Korea"]


@pytest.fixture
def seed_article():
    return read_article(EXAMPLES / "putin-kim-beijing.md")


@pytest.mark.parametrize("kind", [LLM, SEQ2SEQ, MEMORY], ids=["llm", "seq2seq", "memory"])
def test_seed_mistakes_never_reach_the_reader(starter_termbase, seed_article, kind):
    """An engine that really writes the seed's English ("Kremlin Palace", "Commissioner Kim",
    "Labor Party of North Korea") ends with the approved renderings, whatever its kind."""
    from fixtures.engines import seed_phrasebook

    phrasebook = seed_phrasebook()
    source_of = {s.id: s.text for s in seed_article.segments()}
    engine = ScriptedEngine(kind, lambda r: phrasebook[source_of[r.segment_id]])
    result = translate(starter_termbase, engine, seed_article)
    text = " ".join(s.text or "" for s in result.segments)
    for forbidden in FORBIDDEN_IN_SEED:
        assert forbidden.lower() not in text.lower()
    assert "The Kremlin stated on the 2nd" in text
    assert "North Korean leader Kim Jong-un are expected" in text
    assert "President Putin and Kim will attend" in text
    assert "an advisor for foreign policy at the Kremlin, announced" in text
    assert "the general secretary of the Workers' Party of Korea" in text
    applied = {a for s in result.segments for a in s.applied}
    assert {"term:크렘린궁", "term:김정은 국무위원장"} <= applied


def test_llm_engine_gets_the_terms_with_first_and_later_reference(small_termbase):
    article = make_article(
        (BlockKind.HEADLINE, "크렘린궁, 김 위원장 방중 확인"),
        (P, "크렘린궁은 김정은 국무위원장이 도착했다고 밝혔다."),
        (P, "김 위원장은 전날 출발했다."),
    )
    engine = ScriptedEngine(LLM, lambda r: "Fine.")
    translate(small_termbase, engine, article)
    hints = {r.segment_id: [(h.source, h.target) for h in r.terms] for r in engine.requests}
    assert hints["b0.s0"] == [("크렘린궁", "the Kremlin"), ("김 위원장", "Kim")]  # headline: short
    assert hints["b1.s0"] == [("크렘린궁", "the Kremlin"), ("김정은 국무위원장", KIM.target)]
    assert hints["b2.s0"] == [("김 위원장", "Kim")]
    kremlin_hint = engine.requests[1].terms[0]
    assert kremlin_hint.forbidden == ("Kremlin Palace",)
    assert all(r.text == s for r, s in zip(engine.requests, [b.text for b in article.blocks]))


def test_seq2seq_engine_gets_placeholders_and_suppressions(small_termbase):
    article = make_article((P, "크렘린궁은 김 위원장이 도착했다고 밝혔다."))
    engine = ScriptedEngine(SEQ2SEQ, lambda r: "⟦T0⟧ said ⟦T1⟧ had arrived.")
    result = translate(small_termbase, engine, article)
    request = engine.requests[0]
    assert request.text == "⟦T0⟧은 ⟦T1⟧이 도착했다고 밝혔다."
    assert request.placeholders == ("⟦T0⟧", "⟦T1⟧")
    assert "Kremlin Palace" in request.suppress and "Commissioner Kim" in request.suppress
    assert (
        result.segments[0].text == "The Kremlin said North Korean leader Kim Jong-un had arrived."
    )
    assert result.segments[0].findings == ()


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("⟦T0⟧ said it.", "The Kremlin said it."),
        ("An aide at ⟦T0⟧ said it.", "An aide at the Kremlin said it."),
        ("An aide at the ⟦T0⟧ said it.", "An aide at the Kremlin said it."),
        ("An aide at [T0] said it.", "An aide at the Kremlin said it."),  # mangled brackets
        ("An aide at ⟦T0 said it.", "An aide at the Kremlin said it."),  # lost closing bracket
        ("An aide at 【T0】 said it.", "An aide at the Kremlin said it."),
        ('He said: "⟦T0⟧ agrees."', 'He said: "The Kremlin agrees."'),
    ],
)
def test_placeholders_are_restored(output, expected):
    article = make_article((P, "크렘린궁 보좌관이 말했다."))
    engine = ScriptedEngine(SEQ2SEQ, lambda r: output)
    result = translate(Termbase([KREMLIN]), engine, article)
    assert result.segments[0].text == expected
    assert "term:크렘린궁" in result.segments[0].applied


def test_dropped_placeholder_is_flagged_for_review():
    article = make_article((P, "크렘린궁은 이렇게 밝혔다."))
    engine = ScriptedEngine(SEQ2SEQ, lambda r: "Russia said so.")
    result = translate(Termbase([KREMLIN]), engine, article)
    segment = result.segments[0]
    assert segment.text == "Russia said so."
    assert [(f.check, f.kind, f.severity) for f in segment.findings] == [("terms", "term", "major")]
    assert segment.findings[0].suggestion == "the Kremlin"
    assert segment.decision == "review" and result.decision == "review"


def test_dropped_placeholder_but_term_written_anyway_is_fine():
    article = make_article((P, "크렘린궁은 이렇게 밝혔다."))
    engine = ScriptedEngine(SEQ2SEQ, lambda r: "The Kremlin said so.")
    result = translate(Termbase([KREMLIN]), engine, article)
    assert result.segments[0].findings == () and result.decision is None


def test_dropped_placeholder_with_forbidden_rendering_is_repaired():
    article = make_article((P, "크렘린궁은 이렇게 밝혔다."))
    engine = ScriptedEngine(SEQ2SEQ, lambda r: "Kremlin Palace said so.")
    result = translate(Termbase([KREMLIN]), engine, article)
    assert result.segments[0].text == "The Kremlin said so."
    assert result.segments[0].findings == ()


def test_stray_placeholder_never_reaches_the_reader():
    article = make_article((P, "크렘린궁은 이렇게 밝혔다."))
    engine = ScriptedEngine(SEQ2SEQ, lambda r: "⟦T0⟧ said ⟦T7⟧ so.")
    result = translate(Termbase([KREMLIN]), engine, article)
    assert result.segments[0].text == "The Kremlin said so."


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("Kremlin Palace stated it.", "The Kremlin stated it."),
        ("The Kremlin Palace stated it.", "The Kremlin stated it."),
        ("An aide at the Kremlin Palace's office said.", "An aide at the Kremlin's office said."),
        ("An aide at KREMLIN PALACE said.", "An aide at the Kremlin said."),
        ("Kremlin Palaces are old.", "Kremlin Palaces are old."),  # not the forbidden phrase
    ],
)
def test_forbidden_rendering_is_replaced(output, expected):
    article = make_article((P, "크렘린궁은 이렇게 밝혔다."))
    engine = ScriptedEngine(LLM, lambda r: output)
    assert translate(Termbase([KREMLIN]), engine, article).segments[0].text == expected


def test_later_reference_in_the_same_sentence():
    article = make_article((P, "김 위원장은 전날 출발했고 김 위원장은 오늘 도착했다."))
    engine = ScriptedEngine(
        LLM, lambda r: "Commissioner Kim left yesterday and Commissioner Kim arrived."
    )
    text = translate(Termbase([KIM]), engine, article).segments[0].text
    assert text == "North Korean leader Kim Jong-un left yesterday and Kim arrived."


def test_forbidden_rendering_claimed_by_two_terms_is_flagged_not_guessed():
    a = TermEntry(
        "국무위원장", "chairman of the State Affairs Commission", forbidden=("Commissioner",)
    )
    b = TermEntry("집행위원", "commission member", forbidden=("Commissioner",))
    article = make_article((P, "국무위원장과 집행위원이 만났다."))
    engine = ScriptedEngine(LLM, lambda r: "The Commissioner met someone.")
    result = translate(Termbase([a, b]), engine, article)
    segment = result.segments[0]
    assert segment.text == "The Commissioner met someone."
    assert [(f.check, f.kind, f.severity) for f in segment.findings] == [
        ("terms", "forbidden_term", "major")
    ]
    assert segment.findings[0].target_span == (4, 16)
    assert result.decision == "review"


def test_forbidden_rendering_of_an_unmatched_term_is_left_alone():
    article = make_article((P, "그는 이렇게 밝혔다."))
    engine = ScriptedEngine(LLM, lambda r: "Kremlin Palace is a building.")
    assert translate(Termbase([KREMLIN]), engine, article).segments[0].text == (
        "Kremlin Palace is a building."
    )


def test_nested_term_forbidden_rendering_is_repaired():
    ushakov_aide = TermEntry(
        "우샤코프 크렘린궁 보좌관", "Kremlin aide Yuri Ushakov", later="Ushakov"
    )
    article = make_article((P, "우샤코프 크렘린궁 보좌관은 밝혔다."))
    engine = ScriptedEngine(
        LLM, lambda r: "Ushakov, an aide at the Kremlin Palace, said."
    )
    text = translate(Termbase([ushakov_aide, KREMLIN]), engine, article).segments[0].text
    assert text == "Ushakov, an aide at the Kremlin, said."


def test_caption_gets_the_full_form():
    article = make_article(
        (P, "노동당은 회의를 열었다."),
        (BlockKind.CAPTION, "노동당 회의 모습."),
        (P, "노동당은 결정을 발표했다."),
    )
    engine = ScriptedEngine(LLM, lambda r: "Fine.")
    translate(Termbase([WPK]), engine, article)
    targets = [[h.target for h in r.terms] for r in engine.requests]
    assert targets[:3] == [[WPK.target], [WPK.target], ["the WPK"]]


def test_signature_names_the_termbase_version(small_termbase):
    stage = TermbaseStage(small_termbase, LLM)
    assert stage.signature()["version"] == small_termbase.version
    assert re.fullmatch(r"[0-9a-f]{12}", small_termbase.version)
    assert stage.signature()["enforcement"] == "hints"


class SettleFirst(BaseStage):
    """Stands in for the memory stage: the first segment comes from memory, engine skipped."""

    name = "settle"

    def before_engine(self, article, jobs):
        jobs[0].hypothesis = Hypothesis(jobs[0].segment.id, "The Kremlin said it.")


def test_settled_segment_is_not_protected_but_counts_as_first_mention():
    article = make_article((P, "크렘린궁은 김 위원장이 왔다고 밝혔다."), (P, "김 위원장은 떠났다."))
    engine = ScriptedEngine(SEQ2SEQ, lambda r: "⟦T0⟧ left.")
    stages = [SettleFirst(), TermbaseStage(Termbase([KREMLIN, KIM]), engine.capabilities)]
    result = Pipeline(engine, stages).translate(article)
    assert [r.segment_id for r in engine.requests] == ["b1.s0", "b2.s0"]
    assert engine.requests[0].text == "⟦T0⟧은 떠났다."
    assert result.segments[0].text == "The Kremlin said it."
    assert result.segments[1].text == "Kim left."
