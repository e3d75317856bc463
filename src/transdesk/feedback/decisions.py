"""Editors' decisions on readers' reports.

Accepting a report (optionally with the editor's own wording) makes the correction
(`transdesk.feedback.correction.correct`: the live sentence, the note, the audit entry, the memory,
the termbase proposal, the regression case), resolves every open report on that sentence and, for
a name or title, queues the same fix for other published articles, all in one transaction.
Rejecting a report keeps the editor's reason.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from transdesk.desk import audit
from transdesk.errors import Conflict, InvalidInput, NotFound
from transdesk.feedback.correction import Correction, clean_wording, correct
from transdesk.feedback.learning import Learner
from transdesk.feedback.propagation import queue_propagation
from transdesk.observability import metrics
from transdesk.store.db import Database
from transdesk.store.desk_tables import (
    ArticleSegment,
    DeskArticle,
    ReaderReport,
    ReportKind,
    ReportState,
    utcnow,
)
from transdesk.store.editor_tables import ReportDecision

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Accepted:
    correction: Correction
    resolved_reports: tuple[int, ...]
    propagation_queued: int = 0


def _open_report(session: Session, report_id: int) -> ReaderReport:
    report = session.get(ReaderReport, report_id)
    if report is None:
        raise NotFound(f"no report {report_id}")
    if report.state != ReportState.OPEN:
        raise Conflict(f"report {report_id} was already {report.state}")
    return report


def _segment(session: Session, article_id: int, segment_id: str) -> ArticleSegment:
    row = session.scalar(
        select(ArticleSegment).where(
            ArticleSegment.article_id == article_id, ArticleSegment.segment_id == segment_id
        )
    )
    if row is None:
        raise NotFound(f"the article has no sentence {segment_id!r}")
    return row


def _resolve_group(
    session: Session, report: ReaderReport, editor: str, correction_id: int
) -> list[int]:
    """Mark every open report on the sentence accepted (one conditional UPDATE: none twice)."""
    ids = list(
        session.scalars(
            select(ReaderReport.id).where(
                ReaderReport.article_id == report.article_id,
                ReaderReport.segment_id == report.segment_id,
                ReaderReport.state == ReportState.OPEN,
            )
        )
    )
    done = session.execute(
        update(ReaderReport)
        .where(ReaderReport.id.in_(ids), ReaderReport.state == ReportState.OPEN)
        .values(state=ReportState.ACCEPTED)
        .execution_options(synchronize_session=False)
    )
    if report.id not in ids or done.rowcount != len(ids):
        raise Conflict(f"report {report.id} was decided by someone else a moment ago")
    for report_id in ids:
        session.add(
            ReportDecision(
                report_id=report_id,
                decision="accepted",
                editor=editor,
                correction_id=correction_id,
                decided_at=utcnow(),
            )
        )
    return ids


def accept_report(
    db: Database,
    report_id: int,
    editor: str,
    *,
    wording: str | None = None,
    note: str | None = None,
    newsroom_timezone: str | None = None,
) -> Accepted:
    """Accept a report, with the reader's suggestion or the editor's `wording`; see the module."""
    learner = Learner(db)
    with db.session() as session:
        report = _open_report(session, report_id)
        after = clean_wording(wording if wording and wording.strip() else report.suggestion)
        article = session.get(DeskArticle, report.article_id)
        assert article is not None
        segment = _segment(session, article.id, report.segment_id)
        correction = correct(
            session, learner, article, segment, after=after, kind=report.kind, editor=editor,
            note=note, report_id=report.id, action="accept_report",
            newsroom_timezone=newsroom_timezone,
        )  # fmt: skip
        resolved = _resolve_group(session, report, editor, correction.id)
        queued = 0
        if report.kind == ReportKind.NAME_OR_TITLE:
            queued = queue_propagation(session, correction.id)
    metrics.count_reports_decided("accepted", resolved)
    log.info("report %s accepted by %s: %s %s corrected", report_id, editor,
             correction.article_slug, correction.segment_id)  # fmt: skip
    return Accepted(correction, tuple(resolved), queued)


def reject_report(db: Database, report_id: int, editor: str, reason: str) -> None:
    """Close a report without changing the article; the reason is kept with the decision."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidInput("say why the report is rejected", hint="the reason is kept in the log")
    with db.session() as session:
        report = _open_report(session, report_id)
        done = session.execute(
            update(ReaderReport)
            .where(ReaderReport.id == report_id, ReaderReport.state == ReportState.OPEN)
            .values(state=ReportState.REJECTED)
            .execution_options(synchronize_session=False)
        )
        if done.rowcount != 1:
            raise Conflict(f"report {report_id} was decided by someone else a moment ago")
        session.add(
            ReportDecision(
                report_id=report_id,
                decision="rejected",
                reason=reason[:2000],
                editor=editor,
                decided_at=utcnow(),
            )
        )
        audit.record(
            session,
            editor,
            "reject_report",
            article_id=report.article_id,
            segment_id=report.segment_id,
            report_id=report_id,
            before=report.english_seen,
            detail={"reason": reason[:2000]},
        )
    metrics.count_reports_decided("rejected")
