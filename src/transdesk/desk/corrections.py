"""Editors' decisions on readers' reports.

Accepting a report (optionally with the editor's own wording) publishes the corrected sentence at
once, appends a dated correction note to the article, resolves every open report on that sentence,
keeps the correction as a regression case and writes the audit log, all in one transaction. Then
the correction goes to the memory and termbase (`transdesk.learning.record_correction`) and, for a
name or title, the desk looks for the same wrong rendering in other published articles.
Rejecting a report keeps the editor's reason.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from transdesk.desk import audit
from transdesk.desk.changes import changed_words, correction_note
from transdesk.errors import Conflict, InvalidInput, NotFound
from transdesk.learning import record_correction
from transdesk.store.db import Database
from transdesk.store.desk_tables import (
    ArticleCorrection,
    ArticleSegment,
    DeskArticle,
    ReaderReport,
    ReportKind,
    ReportState,
    utcnow,
)
from transdesk.store.editor_tables import EditorCorrection, RegressionCase, ReportDecision


log = logging.getLogger(__name__)
MAX_WORDING = 5_000


@dataclass(frozen=True)
class Accepted:
    correction_id: int
    article_slug: str
    segment_id: str
    before: str | None
    after: str
    note: str
    resolved_reports: tuple[int, ...]
    learning: dict | None = None
    propagation_queued: int = 0


def corrected_on(article: DeskArticle, now: dt.datetime | None = None) -> dt.date:
    """Today where the article was published (its dateline's time zone)."""
    now = (now or utcnow()).replace(tzinfo=dt.UTC)
    try:
        return now.astimezone(ZoneInfo(article.timezone)).date()
    except (KeyError, ValueError):
        return now.date()


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


def _clean_wording(wording: str | None) -> str:
    text = " ".join((wording or "").split())
    if not text:
        raise InvalidInput(
            "there is no corrected wording", hint="type the sentence as it should read"
        )
    if len(text) > MAX_WORDING:
        raise InvalidInput(f"the corrected sentence is over {MAX_WORDING:,} characters")
    return text


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


def correct_sentence(
    session: Session,
    article: DeskArticle,
    segment: ArticleSegment,
    *,
    after: str,
    kind: str,
    editor: str,
    note: str | None = None,
    report_id: int | None = None,
    action: str = "correct",
) -> EditorCorrection:
    """Publish `after` for one sentence now: new English, a dated note, a regression case, audit."""
    before = segment.english
    if before == after:
        raise InvalidInput("the corrected sentence is the same as the published one")
    change = changed_words(before or "", after)
    on = corrected_on(article)
    # AP style: a date in the current year goes without the year, and a correction is dated today
    note = " ".join((note or "").split()) or correction_note(kind, before, after, on)
    segment.english = after
    article.revision += 1
    article.updated_at = utcnow()
    session.add(
        ArticleCorrection(
            article_id=article.id,
            segment_id=segment.segment_id,
            corrected_on=on,
            note=note,
            created_at=utcnow(),
        )
    )
    correction = EditorCorrection(
        article_id=article.id,
        segment_id=segment.segment_id,
        kind=kind,
        source_text=segment.source_text,
        before=before,
        after=after,
        note=note,
        editor=editor,
        wrong=change.wrong if change else None,
        right=change.right if change else None,
        created_at=utcnow(),
    )
    session.add(correction)
    session.flush()
    session.add(
        RegressionCase(
            correction_id=correction.id,
            article_slug=article.slug,
            segment_id=segment.segment_id,
            dateline=article.dateline,
            source_text=segment.source_text,
            expected=after,
            wrong=correction.wrong,
            right=correction.right,
            active=True,
            created_at=utcnow(),
        )
    )
    audit.record(
        session,
        editor,
        action,
        article_id=article.id,
        segment_id=segment.segment_id,
        report_id=report_id,
        before=before,
        after=after,
        detail={"note": note, "kind": kind, "correction_id": correction.id},
    )
    return correction


def accept_report(
    db: Database,
    report_id: int,
    editor: str,
    *,
    wording: str | None = None,
    note: str | None = None,
) -> Accepted:
    """Accept a report, with the reader's suggestion or the editor's `wording`; see the module."""
    with db.session() as session:
        report = _open_report(session, report_id)
        after = _clean_wording(wording if wording and wording.strip() else report.suggestion)
        article = session.get(DeskArticle, report.article_id)
        assert article is not None
        segment = _segment(session, article.id, report.segment_id)
        correction = correct_sentence(
            session,
            article,
            segment,
            after=after,
            kind=report.kind,
            editor=editor,
            note=note,
            report_id=report.id,
            action="accept_report",
        )
        resolved = _resolve_group(session, report, editor, correction.id)
        accepted = Accepted(
            correction.id,
            article.slug,
            segment.segment_id,
            correction.before,
            after,
            correction.note,
            tuple(resolved),
        )
    learning = learn_from(db, correction.id)
    queued = 0
    if report.kind == ReportKind.NAME_OR_TITLE:
        from transdesk.desk.propagation import queue_propagation

        queued = queue_propagation(db, correction.id)
    log.info(
        "report %s accepted by %s: %s %s corrected",
        report_id,
        editor,
        accepted.article_slug,
        accepted.segment_id,
    )
    return Accepted(**{**accepted.__dict__, "learning": learning, "propagation_queued": queued})


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


def learn_from(db: Database, correction_id: int) -> dict:
    """Hand the correction to the memory and termbase; keep what came back with the correction."""
    with db.session() as session:
        correction = session.get(EditorCorrection, correction_id)
        assert correction is not None
        article = session.get(DeskArticle, correction.article_id)
        context = _neighbours(session, correction.article_id, correction.segment_id)
        slug, dateline = (article.slug, article.dateline) if article else (None, None)
    try:
        result = record_correction(
            db,
            segment_source=correction.source_text,
            before=correction.before or "",
            after=correction.after,
            editor=correction.editor,
            article_slug=slug,
            article_date=dateline,
            previous_source=context[0],
            next_source=context[1],
        )
        outcome = _describe(result)
    except Exception as error:  # the correction is published; learning can be redone
        log.exception("the memory and termbase could not learn correction %s", correction_id)
        outcome = {"error": f"{type(error).__name__}: {error}"[:500]}
    with db.session() as session:
        session.execute(
            update(EditorCorrection)
            .where(EditorCorrection.id == correction_id)
            .values(learning=outcome)
        )
        audit.record(
            session,
            correction.editor,
            "learn",
            article_id=correction.article_id,
            segment_id=correction.segment_id,
            detail=outcome,
        )
    return outcome


def _neighbours(
    session: Session, article_id: int, segment_id: str
) -> tuple[str | None, str | None]:
    rows = list(
        session.scalars(
            select(ArticleSegment)
            .where(ArticleSegment.article_id == article_id)
            .order_by(ArticleSegment.position)
        )
    )
    index = next((i for i, r in enumerate(rows) if r.segment_id == segment_id), None)
    if index is None:
        return None, None
    previous = rows[index - 1].source_text if index > 0 else None
    following = rows[index + 1].source_text if index + 1 < len(rows) else None
    return previous, following


def _describe(result: object) -> dict:
    """A JSON-able account of what the learning call did."""
    if result is None:
        return {"memory": "recorded"}
    if isinstance(result, dict):
        return {str(k): _plain(v) for k, v in result.items()}
    fields = getattr(result, "__dataclass_fields__", None)
    if fields:
        return {name: _plain(getattr(result, name)) for name in fields}
    return {"result": str(result)}


def _plain(value: object) -> object:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    fields = getattr(value, "__dataclass_fields__", None)
    if fields:
        return {name: _plain(getattr(value, name)) for name in fields}
    return str(value)
