"""A correction is recorded in one transaction: the live sentence, the note, the audit entry, the
memory, the termbase proposal and the regression case, or none of them."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from transdesk.desk.audit import entries
from transdesk.errors import Conflict, NotFound
from transdesk.feedback import correction as correction_module
from transdesk.feedback.correction import correct_published
from transdesk.glossary.model import TermEntry, TermKind, TermStatus
from transdesk.glossary.store import TermbaseStore
from transdesk.memory import TranslationMemory
from transdesk.store.correction_tables import CorrectionChangeRow, CorrectionRow
from transdesk.store.desk_tables import ArticleCorrection, ArticleSegment, DeskArticle
from transdesk.store.editor_tables import AuditEntry, RegressionCase
from transdesk.store.termbase_tables import TermEntryRow

KREMLIN_KO = (
    "크렘린궁은 2일(현지시간) 블라디미르 푸틴 러시아 대통령과 김정은 북한 국무위원장이 3일 열리는 "
    "중국 전승절 80주년 행사에 참석하면서 대화를 이어갈 것으로 예상된다고 밝혔다."
)
WRONG = (
    "Kremlin Palace stated on the 2nd that Russian President Vladimir Putin and North Korean "
    "Commissioner Kim Jong-un are expected to continue their dialogue as they attend the 80th "
    "anniversary event of China's Victory Day on the 3rd (local time)."
)
RIGHT = WRONG.replace("Kremlin Palace stated", "The Kremlin said")
KREMLIN = TermEntry(source="크렘린궁", target="the Kremlin", kind=TermKind.ORGANISATION)


def _english(database, slug: str) -> str | None:
    with database.session() as session:
        return session.scalar(
            select(ArticleSegment.english)
            .join(DeskArticle)
            .where(DeskArticle.slug == slug, ArticleSegment.source_text == KREMLIN_KO)
        )


def _count(database, table) -> int:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(table))


def test_a_correction_records_everything_it_means(database, published):
    TermbaseStore(database).add(KREMLIN, by="desk")
    done = correct_published(
        database, published, source=KREMLIN_KO, before=WRONG, after=RIGHT, editor="kim"
    )
    assert _english(database, published) == RIGHT
    assert (done.wrong, done.right) == ("Kremlin", "The Kremlin")
    assert done.note.startswith("This article was corrected on ")
    with database.session() as session:
        row = session.get(CorrectionRow, done.id)
        assert (row.article_slug, row.segment_id, row.before, row.after) == (
            published, done.segment_id, WRONG, RIGHT,
        )  # fmt: skip
        assert row.learned["memory_entry_id"] == row.memory_segment_id
        [case] = session.scalars(select(RegressionCase)).all()
        assert (case.correction_id, case.expected) == (done.id, RIGHT)
        [note] = session.scalars(select(ArticleCorrection)).all()
        assert note.note == done.note
        [entry] = entries(session, article_id=row.article_id)
        assert (entry.action, entry.actor) == ("correct", "kim")
        assert entry.detail["correction_id"] == done.id
    assert TranslationMemory(database).exact(KREMLIN_KO).target == RIGHT
    [proposal] = done.learned.proposals
    assert proposal.status is TermStatus.PROPOSED and "Kremlin Palace" in proposal.forbidden
    assert [e.source for e in TermbaseStore(database).list(TermStatus.PROPOSED)] == ["크렘린궁"]


def test_when_the_last_write_fails_nothing_of_the_correction_remains(
    database, published, monkeypatch
):
    TermbaseStore(database).add(KREMLIN, by="desk")
    before = {t: _count(database, t) for t in (AuditEntry, TermEntryRow, CorrectionChangeRow)}

    def fail(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(correction_module, "_keep_case", fail)
    with pytest.raises(RuntimeError):
        correct_published(
            database, published, source=KREMLIN_KO, before=WRONG, after=RIGHT, editor="kim"
        )
    assert _english(database, published) == WRONG
    for table in (CorrectionRow, ArticleCorrection, RegressionCase):
        assert _count(database, table) == 0, table
    assert {t: _count(database, t) for t in before} == before
    assert TranslationMemory(database).exact(KREMLIN_KO) is None
    with database.session() as session:
        assert session.scalar(select(DeskArticle.revision)) == 0


def test_the_sentence_must_read_as_the_editor_says(database, published):
    with pytest.raises(Conflict):
        correct_published(
            database, published, source=KREMLIN_KO, before="Something else.", after=RIGHT,
            editor="kim",
        )  # fmt: skip
    with pytest.raises(NotFound):
        correct_published(database, published, source="없는 문장.", before=None, after=RIGHT,
                          editor="kim")  # fmt: skip
    with pytest.raises(NotFound):
        correct_published(database, "no-such-article", source=KREMLIN_KO, before=None,
                          after=RIGHT, editor="kim")  # fmt: skip


def test_a_proposal_the_termbase_would_refuse_never_stops_the_correction(
    database, published, monkeypatch
):
    """A rewrite whose learned proposal is invalid (its forbidden words inside its own rendering)
    is still corrected; only the proposal is left out."""
    from transdesk.feedback import learning

    TermbaseStore(database).add(KREMLIN, by="desk")
    invalid = TermEntry(source="크렘린궁", target="the Kremlin in Beijing", forbidden=("Beijing",))
    monkeypatch.setattr(learning, "_term_proposal", lambda *args: invalid)
    before = _count(database, TermEntryRow)
    done = correct_published(
        database, published, source=KREMLIN_KO, before=WRONG, after=RIGHT, editor="kim"
    )
    assert _english(database, published) == RIGHT and done.id
    assert _count(database, TermEntryRow) == before
