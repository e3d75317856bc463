"""A correction: one sentence of a published article, corrected by an editor.

`correct` is the one way a correction is made, whether it comes from an accepted report, an edit
on the desk, a propagated fix or `transdesk correct`. In the caller's transaction it publishes the
new English, appends the dated note readers see, writes the correction and its audit entry, teaches
the memory and proposes termbase entries (`transdesk.feedback.learning`), and keeps the correction
as a regression case. Either all of it is kept or, when any write fails, none of it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from transdesk.desk import audit
from transdesk.desk.articles import find_article
from transdesk.errors import Conflict, InvalidInput, NotFound
from transdesk.feedback.learning import Context, Learned, Learner
from transdesk.feedback.note import corrected_on, correction_note, main_change
from transdesk.memory.normalise import normalise, source_hash
from transdesk.store.correction_tables import CorrectionRow
from transdesk.store.db import Database
from transdesk.store.desk_tables import (
    ArticleCorrection,
    ArticleSegment,
    ArticleState,
    DeskArticle,
    ReportKind,
    utcnow,
)
from transdesk.store.editor_tables import RegressionCase
from transdesk.webhooks import events as webhook_events

log = logging.getLogger(__name__)
MAX_WORDING = 5_000


@dataclass(frozen=True)
class Correction:
    """A correction as the desk recorded it, with what it taught the memory and termbase."""

    id: int
    article_slug: str
    segment_id: str
    kind: str
    before: str | None
    after: str
    wrong: str | None  # the changed words, as they were
    right: str | None  # the changed words, as they are now
    note: str
    editor: str
    learned: Learned


def clean_wording(wording: str | None) -> str:
    text = " ".join((wording or "").split())
    if not text:
        raise InvalidInput(
            "there is no corrected wording", hint="type the sentence as it should read"
        )
    if len(text) > MAX_WORDING:
        raise InvalidInput(f"the corrected sentence is over {MAX_WORDING:,} characters")
    return text


def correct(
    session: Session,
    learner: Learner,
    article: DeskArticle,
    segment: ArticleSegment,
    *,
    after: str,
    kind: str,
    editor: str,
    note: str | None = None,
    report_id: int | None = None,
    action: str = "correct",
    newsroom_timezone: str | None = None,
) -> Correction:
    """Publish `after` for one sentence now and record everything it means; see the module."""
    before = segment.english
    if before == after:
        raise InvalidInput("the corrected sentence is the same as the published one")
    change = main_change(before or "", after)
    on = corrected_on(article, configured=newsroom_timezone)
    # dated today on the newsroom's clock; an editor's own note wins over the proposed one
    note = " ".join((note or "").split()) or correction_note(kind, before, after, on)
    segment.english = after
    article.revision += 1
    article.updated_at = utcnow()
    session.add(
        ArticleCorrection(
            article_id=article.id, segment_id=segment.segment_id, corrected_on=on, note=note,
            created_at=utcnow(),
        )
    )  # fmt: skip
    row = CorrectionRow(
        article_id=article.id, article_slug=article.slug, segment_id=segment.segment_id,
        kind=kind, source=segment.source_text, source_hash=source_hash(segment.source_text),
        before=before, after=after, wrong=change.wrong if change else None,
        right=change.right if change else None, note=note, editor=editor, created_at=utcnow(),
    )  # fmt: skip
    session.add(row)
    session.flush()
    learned = learner.learn(session, row, _context(session, article, segment))
    row.learned = learned.record
    audit.record(
        session, editor, action, article_id=article.id, segment_id=segment.segment_id,
        report_id=report_id, before=before, after=after,
        detail={"note": note, "kind": kind, "correction_id": row.id, "learned": row.learned},
    )  # fmt: skip
    _keep_case(session, article, row)
    webhook_events.article_corrected(
        session, article.id, correction_id=row.id, segment_id=segment.segment_id, sentence=after,
        note=note,
    )  # fmt: skip
    log.info("%s %s corrected by %s (correction %s)", article.slug, segment.segment_id, editor,
             row.id)  # fmt: skip
    return Correction(
        row.id, article.slug, segment.segment_id, kind, before, after, row.wrong, row.right, note,
        editor, learned,
    )  # fmt: skip


def _keep_case(session: Session, article: DeskArticle, row: CorrectionRow) -> None:
    """The correction as a test every later pipeline must pass."""
    session.add(
        RegressionCase(
            correction_id=row.id, article_slug=article.slug, segment_id=row.segment_id,
            dateline=article.dateline, source_text=row.source, expected=row.after,
            wrong=row.wrong, right=row.right, active=True, created_at=utcnow(),
        )
    )  # fmt: skip
    session.flush()


def _context(session: Session, article: DeskArticle, segment: ArticleSegment) -> Context:
    rows = list(
        session.scalars(
            select(ArticleSegment)
            .where(ArticleSegment.article_id == article.id)
            .order_by(ArticleSegment.position)
        )
    )
    index = next(i for i, r in enumerate(rows) if r.segment_id == segment.segment_id)
    previous = rows[index - 1].source_text if index > 0 else None
    following = rows[index + 1].source_text if index + 1 < len(rows) else None
    return Context(article.dateline, previous, following)


def correct_published(
    database: Database,
    slug: str,
    *,
    source: str,
    before: str | None,
    after: str,
    editor: str,
    kind: str = ReportKind.OTHER,
    newsroom_timezone: str | None = None,
) -> Correction:
    """Correct the sentence of a published article whose Korean is `source` (as `transdesk
    correct` does): `before`, when given, must be what readers see now. The note is dated in
    `newsroom_timezone` (default: the dateline's)."""
    after = clean_wording(after)
    learner = Learner(database)
    with database.session() as session:
        article = find_article(session, slug)
        if article.state != ArticleState.PUBLISHED:
            raise Conflict(
                f"the article {slug!r} is {article.state}; only a published one is corrected"
            )
        segment = _sentence(article, source, before)
        return correct(
            session, learner, article, segment, after=after, kind=kind, editor=editor,
            action="correct", newsroom_timezone=newsroom_timezone,
        )  # fmt: skip


def _sentence(article: DeskArticle, source: str, before: str | None) -> ArticleSegment:
    wanted = normalise(source)
    found = [s for s in article.segments if normalise(s.source_text) == wanted]
    if not found:
        raise NotFound(
            f"the article {article.slug!r} has no sentence {source!r}",
            hint="give the Korean sentence exactly as the article has it",
        )
    if before is None:
        return found[0]
    same = [s for s in found if " ".join((s.english or "").split()) == " ".join(before.split())]
    if not same:
        raise Conflict(
            f"the sentence does not read {before!r} now but {found[0].english!r}",
            hint="correct the English readers see now",
        )
    return same[0]
