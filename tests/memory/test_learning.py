"""An editor's correction: the memory learns it at once, the termbase by proposal, and the same
article translated again comes out corrected, whatever kind of engine made the mistake."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fixtures.engines import LLM, SEQ2SEQ, PhrasebookEngine, seed_phrasebook
from sqlalchemy import select

from transdesk.article import SegmentStatus
from transdesk.glossary.matcher import Termbase
from transdesk.glossary.model import TermEntry, TermKind, TermStatus
from transdesk.glossary.store import TermbaseStore
from transdesk.ingest import read_article
from transdesk.feedback.learning import Context, Learner
from transdesk.memory import MemoryPair, Origin, TranslationMemory, source_hash
from transdesk.memory.stage import MemoryStage
from transdesk.pipeline import Pipeline
from transdesk.store.correction_tables import CorrectionRow

EXAMPLE = Path(__file__).parents[2] / "examples" / "putin-kim-beijing.md"
KREMLIN_KO = next(k for k, v in seed_phrasebook().items() if v.startswith("Kremlin Palace stated"))
KREMLIN_WRONG = seed_phrasebook()[KREMLIN_KO]
KREMLIN_RIGHT = (
    "The Kremlin said on Sept. 2 that Russian President Vladimir Putin and North Korean leader "
    "Kim Jong-un are expected to continue their dialogue as they attend the 80th anniversary "
    "event of China's Victory Day on Sept. 3."
)
KREMLIN_TERM = TermEntry(source="크렘린궁", target="the Kremlin", kind=TermKind.ORGANISATION,
                         reference="AP Stylebook")


def _correct(database, source=KREMLIN_KO, before=KREMLIN_WRONG, after=KREMLIN_RIGHT, *,
             editor="kim", slug="putin-kim-beijing", context=Context(), **kw):
    """Learn from a correction (as `transdesk.feedback.correction.correct` has it learned)."""
    learner = Learner(database, **kw)
    with database.session() as session:
        row = CorrectionRow(article_slug=slug, kind="other", source=source,
                            source_hash=source_hash(source), before=before, after=after,
                            editor=editor)
        session.add(row)
        session.flush()
        return learner.learn(session, row, context)


def test_memory_is_updated_at_once_and_replaces_the_wrong_pair(database):
    memory = TranslationMemory(database)
    memory.add(MemoryPair(KREMLIN_KO, KREMLIN_WRONG, "import", Origin.IMPORT))
    outcome = _correct(database)
    match = memory.exact(KREMLIN_KO)
    assert (match.target, match.origin, match.approved_by) == (KREMLIN_RIGHT, Origin.CORRECTION, "kim")
    assert match.id == outcome.memory_entry_id and outcome.replaced == 1
    assert memory.stats().segments == 1
    with database.session() as session:
        history = session.scalars(select(CorrectionRow)).all()
    assert [(h.editor, h.before, h.after) for h in history] == [("kim", KREMLIN_WRONG, KREMLIN_RIGHT)]
    assert history[0].created_at is not None and history[0].memory_segment_id == match.id


def test_changed_term_rendering_is_proposed_with_the_wrong_one_forbidden(database):
    store = TermbaseStore(database)
    store.add(KREMLIN_TERM, by="desk")
    outcome = _correct(database, termbase_store=store, termbase=Termbase([KREMLIN_TERM]))
    assert [(p.source, p.target, p.status) for p in outcome.proposals] == [
        ("크렘린궁", "the Kremlin", TermStatus.PROPOSED)
    ]
    assert "Kremlin Palace" in outcome.proposals[0].forbidden
    assert [e.source for e in store.list(TermStatus.PROPOSED)] == ["크렘린궁"]


def test_no_proposal_when_the_correction_does_not_touch_a_term(database):
    store = TermbaseStore(database)
    store.add(KREMLIN_TERM, by="desk")
    outcome = _correct(
        database, before=KREMLIN_RIGHT.replace("Sept. 3", "the 3rd"), after=KREMLIN_RIGHT,
        termbase_store=store, termbase=Termbase([KREMLIN_TERM]),
    )
    assert outcome.changes and outcome.proposals == ()


def test_the_same_substitution_twice_proposes_a_term(database):
    store = TermbaseStore(database)
    sentences = [
        ("노동당 총비서는 2일 연설했다.", "The General Secretary of the Labor Party of North Korea spoke."),
        ("그는 조선 노동당 총비서로서 참석했다.", "He attended as General Secretary of the Labor Party of North Korea."),
    ]
    outcomes = [
        _correct(database, source=ko, before=en,
                 after=en.replace("Labor Party of North Korea", "Workers' Party of Korea"),
                 termbase_store=store, termbase=Termbase([]))
        for ko, en in sentences
    ]
    assert outcomes[0].recurring == () and outcomes[0].proposals == ()
    proposal = outcomes[1].proposals[0]
    assert (proposal.source, proposal.target) == ("노동당 총비서", "Workers' Party of Korea")
    assert proposal.forbidden == ("Labor Party of North Korea",)
    assert proposal.status is TermStatus.PROPOSED and proposal.id is not None


def test_correction_keeps_who_and_when(database):
    outcome = _correct(database, editor="lee", slug="s", context=Context(dt.date(2025, 9, 2)))
    match = TranslationMemory(database).exact(KREMLIN_KO)
    assert match.approved_by == "lee" and match.article_date.isoformat() == "2025-09-02"
    assert outcome.memory_entry_id == match.id


@pytest.mark.parametrize("capabilities", [LLM, SEQ2SEQ], ids=["llm", "seq2seq"])
def test_after_a_correction_the_article_comes_out_corrected(database, capabilities):
    article = read_article(EXAMPLE)
    engine = PhrasebookEngine(seed_phrasebook(), capabilities)
    memory = TranslationMemory(database)
    pipeline = Pipeline(engine, [MemoryStage(memory, capabilities)])
    first = {s.segment.text: s for s in pipeline.translate(article).segments}
    assert first[KREMLIN_KO].text == KREMLIN_WRONG

    _correct(database)
    again = {s.segment.text: s for s in pipeline.translate(article).segments}
    corrected = again[KREMLIN_KO]
    assert corrected.text == KREMLIN_RIGHT
    assert (corrected.status, corrected.origin) == (SegmentStatus.FROM_MEMORY, "memory")
    assert all("Kremlin Palace stated" not in (s.text or "") for s in again.values())
    assert KREMLIN_KO not in [r.text for r in engine.calls[-1]]
