"""Propagation: one accepted fix to a name or title, offered for every published article that has
the same wrong rendering.

`queue_propagation` finds published sentences (other than the corrected one) that contain the
wrong words as whole words and queues each with the fix applied as a proposal. `apply_all` publishes
every pending proposal of one correction at once, each sentence corrected exactly as if by hand
(`transdesk.feedback.correction.correct`), all in one transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from transdesk.desk import audit
from transdesk.desk.labels import sentence_labels
from transdesk.errors import NotFound
from transdesk.feedback.correction import Correction, correct
from transdesk.feedback.edit import Change, apply_change, changes
from transdesk.feedback.learning import Learner
from transdesk.store.correction_tables import CorrectionRow
from transdesk.store.db import Database
from transdesk.store.desk_tables import ArticleSegment, ArticleState, DeskArticle, utcnow
from transdesk.store.editor_tables import PropagationItem, PropagationState

log = logging.getLogger(__name__)
MAX_ITEMS = 500


def _replaceable(correction: CorrectionRow) -> list[Change]:
    found = changes(correction.before or "", correction.after)
    return [c for c in found if c.replaceable]


def _proposal(text: str, fixes: Sequence[Change]) -> str | None:
    proposed, changed = text, False
    for fix in fixes:
        replaced = apply_change(proposed, fix)
        if replaced is not None:
            proposed, changed = replaced, True
    return proposed if changed else None


def queue_propagation(session: Session, correction_id: int) -> int:
    """Queue every other published sentence with the same wrong words; return how many."""
    correction = session.get(CorrectionRow, correction_id)
    if correction is None:
        raise NotFound(f"no correction {correction_id}")
    fixes = _replaceable(correction)
    if not fixes:
        return 0
    candidates = session.execute(
        select(ArticleSegment, DeskArticle.slug)
        .join(DeskArticle, DeskArticle.id == ArticleSegment.article_id)
        .where(
            DeskArticle.state == ArticleState.PUBLISHED,
            or_(
                *(ArticleSegment.english.contains(fix.wrong, autoescape=True) for fix in fixes)
            ),
            ~and_(
                ArticleSegment.article_id == correction.article_id,
                ArticleSegment.segment_id == correction.segment_id,
            ),
        )
        .order_by(ArticleSegment.article_id, ArticleSegment.position)
    ).all()
    queued = 0
    for segment, _slug in candidates:
        proposed = _proposal(segment.english or "", fixes)
        if proposed is None or queued >= MAX_ITEMS:
            continue
        session.add(
            PropagationItem(
                correction_id=correction.id,
                article_id=segment.article_id,
                segment_id=segment.segment_id,
                before=segment.english,
                proposed=proposed,
                state=PropagationState.PENDING,
                created_at=utcnow(),
            )
        )
        queued += 1
    if queued:
        audit.record(
            session,
            correction.editor,
            "propagation_queued",
            article_id=correction.article_id,
            segment_id=correction.segment_id,
            before=correction.wrong,
            after=correction.right,
            detail={"correction_id": correction.id, "sentences": queued},
        )
    log.info("correction %s: %d other sentences queued with the fix", correction_id, queued)
    return queued


@dataclass(frozen=True)
class PendingFix:
    """One proposal on the propagation page."""

    item_id: int
    correction_id: int
    article_slug: str
    segment_id: str
    before: str
    proposed: str
    wrong: str | None
    right: str | None
    label: str = ""  # "paragraph 3, sentence 2", as the editor reads it


def _labels(session: Session, article_ids: set[int]) -> dict[int, dict[str, str]]:
    articles = session.scalars(select(DeskArticle).where(DeskArticle.id.in_(article_ids)))
    return {article.id: sentence_labels(article.segments) for article in articles}


def pending(session: Session, correction_id: int | None = None) -> list[PendingFix]:
    query = (
        select(PropagationItem, DeskArticle.slug, CorrectionRow.wrong, CorrectionRow.right)
        .join(DeskArticle, DeskArticle.id == PropagationItem.article_id)
        .join(CorrectionRow, CorrectionRow.id == PropagationItem.correction_id)
        .where(PropagationItem.state == PropagationState.PENDING)
        .order_by(PropagationItem.correction_id.desc(), PropagationItem.id)
    )
    if correction_id is not None:
        query = query.where(PropagationItem.correction_id == correction_id)
    rows = session.execute(query).all()
    labels = _labels(session, {item.article_id for item, *_ in rows})
    return [
        PendingFix(
            item.id,
            item.correction_id,
            slug,
            item.segment_id,
            item.before,
            item.proposed,
            wrong,
            right,
            labels.get(item.article_id, {}).get(item.segment_id, item.segment_id),
        )
        for item, slug, wrong, right in rows
    ]


def apply_all(
    db: Database, correction_id: int, editor: str, *, newsroom_timezone: str | None = None
) -> list[int]:
    """Publish every pending proposal of a correction; return the new corrections' ids."""
    applied: list[int] = []
    learner = Learner(db)
    with db.session() as session:
        source = session.get(CorrectionRow, correction_id)
        if source is None:
            raise NotFound(f"no correction {correction_id}")
        items = session.scalars(
            select(PropagationItem)
            .where(
                PropagationItem.correction_id == correction_id,
                PropagationItem.state == PropagationState.PENDING,
            )
            .order_by(PropagationItem.id)
        ).all()
        for item in items:
            correction = _apply_one(session, learner, item, source, editor, newsroom_timezone)
            if correction is not None:
                applied.append(correction.id)
    return applied


def _apply_one(
    session: Session, learner: Learner, item: PropagationItem, source: CorrectionRow, editor: str,
    newsroom_timezone: str | None = None,
) -> Correction | None:
    article = session.get(DeskArticle, item.article_id)
    segment = session.scalar(
        select(ArticleSegment).where(
            ArticleSegment.article_id == item.article_id,
            ArticleSegment.segment_id == item.segment_id,
        )
    )
    item.decided_at, item.decided_by = utcnow(), editor
    if article is None or segment is None or segment.english != item.before:
        item.state = PropagationState.DISMISSED  # the sentence changed since: leave it alone
        audit.record(
            session,
            editor,
            "propagation_skipped",
            article_id=item.article_id,
            segment_id=item.segment_id,
            detail={"reason": "the sentence changed since"},
        )
        return None
    item.state = PropagationState.APPLIED
    return correct(
        session,
        learner,
        article,
        segment,
        after=item.proposed,
        kind=source.kind,
        editor=editor,
        action="propagate",
        newsroom_timezone=newsroom_timezone,
    )


def dismiss(db: Database, item_id: int, editor: str) -> None:
    with db.session() as session:
        item = session.get(PropagationItem, item_id)
        if item is None or item.state != PropagationState.PENDING:
            raise NotFound(f"no pending proposal {item_id}")
        item.state, item.decided_at, item.decided_by = PropagationState.DISMISSED, utcnow(), editor
        audit.record(
            session,
            editor,
            "propagation_dismissed",
            article_id=item.article_id,
            segment_id=item.segment_id,
            before=item.before,
            after=item.proposed,
        )
