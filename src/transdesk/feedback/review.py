"""The editors' review queue: readers' reports grouped by sentence.

Each group shows the Korean source, the English readers see now, what the checks found, the
memory's fuzzy matches and the termbase entries that apply, with every report on that sentence.
Groups come most reported first, then newest first; they can be filtered by article, kind and
state. Reports' contact emails are here, for editors only: no reader page reads this module.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import func, or_, select, tuple_
from sqlalchemy.orm import Session

from transdesk.desk.held import HELD_DECISIONS, HeldSentence, held_sentences
from transdesk.desk.labels import sentence_labels
from transdesk.errors import NotFound
from transdesk.store.db import Database
from transdesk.store.desk_tables import (
    ArticleSegment,
    ArticleState,
    DeskArticle,
    ReaderReport,
    ReportState,
    TranslationJob,
)
from transdesk.store.editor_tables import ReportDecision

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReportItem:
    id: int
    kind: str
    state: str
    english_seen: str | None
    suggestion: str | None
    email: str | None
    created_at: dt.datetime
    decided_by: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class SentenceGroup:
    article_id: int
    article_slug: str
    article_state: str
    headline: str
    segment_id: str
    source: str
    english: str | None
    machine_english: str | None
    findings: tuple[dict, ...]
    reports: tuple[ReportItem, ...]
    newest_at: dt.datetime
    label: str = ""  # "paragraph 3, sentence 2"
    memory: tuple[object, ...] = ()  # memory matches (transdesk.memory.model.MemoryMatch)
    terms: tuple[object, ...] = ()  # termbase entries found in the source (TermEntry)

    @property
    def count(self) -> int:
        return len(self.reports)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.kind for r in self.reports))

    @property
    def first_open(self) -> ReportItem | None:
        return next((r for r in self.reports if r.state == ReportState.OPEN), None)


@dataclass(frozen=True)
class QueueFilter:
    article: str | None = None  # slug
    kind: str | None = None
    state: str | None = ReportState.OPEN  # None: every state
    limit: int = 50
    offset: int = 0

    def where(self) -> list:  # type: ignore[type-arg]
        conditions = []
        if self.state:
            conditions.append(ReaderReport.state == self.state)
        if self.kind:
            conditions.append(ReaderReport.kind == self.kind)
        if self.article:
            conditions.append(DeskArticle.slug == self.article)
        return conditions


@dataclass
class QueuePage:
    groups: list[SentenceGroup]
    total: int
    filters: QueueFilter = field(default_factory=QueueFilter)


def review_queue(session: Session, filters: QueueFilter) -> QueuePage:
    """One page of sentence groups, most reported first, then newest first."""
    count, newest = func.count(ReaderReport.id), func.max(ReaderReport.created_at)
    grouped = (
        select(ReaderReport.article_id, ReaderReport.segment_id, count.label("n"), newest)
        .join(DeskArticle, DeskArticle.id == ReaderReport.article_id)
        .where(*filters.where())
        .group_by(ReaderReport.article_id, ReaderReport.segment_id)
    )
    total = session.scalar(select(func.count()).select_from(grouped.subquery())) or 0
    keys = session.execute(
        grouped.order_by(
            count.desc(), newest.desc(), ReaderReport.article_id.desc(), ReaderReport.segment_id
        )
        .limit(filters.limit)
        .offset(filters.offset)
    ).all()
    groups = _load_groups(session, [(k[0], k[1]) for k in keys], filters)
    return QueuePage(groups, total, filters)


def _load_groups(
    session: Session, keys: Sequence[tuple[int, str]], filters: QueueFilter
) -> list[SentenceGroup]:
    if not keys:
        return []
    pair = tuple_(ReaderReport.article_id, ReaderReport.segment_id)
    reports = session.execute(
        select(ReaderReport, ReportDecision.editor, ReportDecision.reason)
        .join(DeskArticle, DeskArticle.id == ReaderReport.article_id)
        .outerjoin(ReportDecision, ReportDecision.report_id == ReaderReport.id)
        .where(pair.in_(keys), *filters.where())
        .order_by(ReaderReport.created_at.desc(), ReaderReport.id.desc())
    ).all()
    by_key: dict[tuple[int, str], list[ReportItem]] = {k: [] for k in keys}
    for report, editor, reason in reports:
        by_key[(report.article_id, report.segment_id)].append(
            ReportItem(
                report.id,
                report.kind,
                report.state,
                report.english_seen,
                report.suggestion,
                report.email,
                report.created_at,
                editor,
                reason,
            )
        )
    segments = session.execute(
        select(ArticleSegment, DeskArticle)
        .join(DeskArticle, DeskArticle.id == ArticleSegment.article_id)
        .where(tuple_(ArticleSegment.article_id, ArticleSegment.segment_id).in_(keys))
    ).all()
    found = {(s.article_id, s.segment_id): (s, a) for s, a in segments}
    labels = {a.id: sentence_labels(a.segments) for _, a in found.values()}
    return [
        replace(_group(*found[k], by_key[k]), label=labels[k[0]].get(k[1], k[1]))
        for k in keys
        if k in found and by_key[k]
    ]


def _group(
    segment: ArticleSegment, article: DeskArticle, reports: list[ReportItem]
) -> SentenceGroup:
    return SentenceGroup(
        article_id=article.id,
        article_slug=article.slug,
        article_state=article.state,
        headline=article.headline,
        segment_id=segment.segment_id,
        source=segment.source_text,
        english=segment.english,
        machine_english=segment.machine_english,
        findings=tuple(segment.findings or ()),
        reports=tuple(reports),
        newest_at=max(r.created_at for r in reports),
    )


def group_of_report(session: Session, report_id: int) -> SentenceGroup:
    """Every report (any state) on the sentence this report is about."""
    report = session.get(ReaderReport, report_id)
    if report is None:
        raise NotFound(f"no report {report_id}")
    groups = _load_groups(
        session, [(report.article_id, report.segment_id)], QueueFilter(state=None)
    )
    if not groups:
        raise NotFound(f"the sentence of report {report_id} is gone")
    return groups[0]


def with_context(
    db: Database, groups: Sequence[SentenceGroup], memory_limit: int = 3
) -> list[SentenceGroup]:
    """Add the termbase entries and memory matches for each group's Korean source."""
    if not groups:
        return []
    termbase = _termbase(db)
    matches = _fuzzy(db, [g.source for g in groups], memory_limit)
    enriched = []
    for group in groups:
        terms = (
            tuple(dict.fromkeys(m.entry for m in termbase.match(group.source))) if termbase else ()
        )
        enriched.append(replace(group, terms=terms, memory=tuple(matches.get(group.source, ()))))
    return enriched


def _termbase(db: Database):  # type: ignore[no-untyped-def]
    try:
        from transdesk.glossary.store import TermbaseStore

        return TermbaseStore(db).load()
    except ImportError:
        return None
    except Exception:
        log.warning("the termbase could not be read for the review queue", exc_info=True)
        return None


def _fuzzy(db: Database, sources: list[str], limit: int) -> dict[str, list]:  # type: ignore[type-arg]
    try:
        from transdesk.memory import TranslationMemory
    except ImportError:
        return {}
    try:
        return TranslationMemory(db).fuzzy_many(sources, limit=limit)
    except Exception:
        log.warning("the memory could not be searched for the review queue", exc_info=True)
        return {}


@dataclass(frozen=True)
class ArticleForReview:
    slug: str
    state: str
    headline: str
    decision: str | None
    open_reports: int
    updated_at: dt.datetime
    held: int = 0  # sentences an editor must resolve before publishing
    job_state: str | None = None
    job_error: str | None = None  # why the last translation job failed


_WAITING = (ArticleState.REVIEW, ArticleState.BLOCKED, ArticleState.FAILED)


def articles_for_review(session: Session, limit: int = 100) -> list[ArticleForReview]:
    """Articles held before publishing (review, blocked, failed) first, then those with open
    reports, then the rest."""
    open_reports = (
        select(ReaderReport.article_id, func.count(ReaderReport.id).label("n"))
        .where(ReaderReport.state == ReportState.OPEN)
        .group_by(ReaderReport.article_id)
        .subquery()
    )
    held_row = or_(
        ArticleSegment.english.is_(None),
        func.trim(ArticleSegment.english) == "",
        ArticleSegment.decision.in_(sorted(HELD_DECISIONS)),
    )
    held = (
        select(ArticleSegment.article_id, func.count(ArticleSegment.id).label("n"))
        .where(held_row)
        .group_by(ArticleSegment.article_id)
        .subquery()
    )
    last_job = (
        select(TranslationJob.article_id, func.max(TranslationJob.id).label("job_id"))
        .group_by(TranslationJob.article_id)
        .subquery()
    )
    reports = func.coalesce(open_reports.c.n, 0)
    rows = session.execute(
        select(
            DeskArticle, reports, func.coalesce(held.c.n, 0), TranslationJob.state,
            TranslationJob.error,
        )
        .outerjoin(open_reports, open_reports.c.article_id == DeskArticle.id)
        .outerjoin(held, held.c.article_id == DeskArticle.id)
        .outerjoin(last_job, last_job.c.article_id == DeskArticle.id)
        .outerjoin(TranslationJob, TranslationJob.id == last_job.c.job_id)
        .order_by(
            DeskArticle.state.in_(_WAITING).desc(), reports.desc(), DeskArticle.id.desc()
        )
        .limit(limit)
    ).all()
    return [
        ArticleForReview(
            a.slug, a.state, a.headline, a.decision, n, a.updated_at, h, job_state, job_error
        )
        for a, n, h, job_state, job_error in rows
    ]


@dataclass(frozen=True)
class WaitingArticle:
    """An article held before publishing, with the sentences that hold it."""

    slug: str
    state: str
    headline: str
    held: tuple[HeldSentence, ...]
    job_error: str | None


def articles_waiting(session: Session, limit: int = 20) -> list[WaitingArticle]:
    """Articles in review or blocked, and those whose translation failed: the editors' first
    work, shown above the readers' reports."""
    waiting = [a for a in articles_for_review(session, limit=limit) if a.state in _WAITING]
    found = []
    for item in waiting:
        article = session.scalar(select(DeskArticle).where(DeskArticle.slug == item.slug))
        if article is None:
            continue
        found.append(
            WaitingArticle(
                item.slug, item.state, item.headline, tuple(held_sentences(article.segments)),
                item.job_error,
            )
        )
    return found


@dataclass(frozen=True)
class QueueCounts:
    """What waits for a person, as the desk's navigation shows it."""

    review: int = 0
    blocked: int = 0
    failed: int = 0
    reports: int = 0  # open reader reports

    @property
    def articles(self) -> int:
        return self.review + self.blocked + self.failed


def queue_counts(session: Session) -> QueueCounts:
    """Articles waiting by state and open reader reports: two counting queries."""
    by_state = dict(
        session.execute(
            select(DeskArticle.state, func.count(DeskArticle.id))
            .where(DeskArticle.state.in_(_WAITING))
            .group_by(DeskArticle.state)
        ).all()
    )
    reports = session.scalar(
        select(func.count(ReaderReport.id)).where(ReaderReport.state == ReportState.OPEN)
    )
    return QueueCounts(
        review=by_state.get(ArticleState.REVIEW, 0),
        blocked=by_state.get(ArticleState.BLOCKED, 0),
        failed=by_state.get(ArticleState.FAILED, 0),
        reports=reports or 0,
    )
