"""Articles on the desk: store a received article with its translation job, save a translation,
and read what the reader's page and the API show.

The Korean source is kept as JSON (`source_to_json` / `source_from_json`) so a job can rebuild the
exact `Article` it must translate, in this process or on another machine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from transdesk.article import (
    Article,
    Block,
    BlockKind,
    Dateline,
    Segment,
    SegmentStatus,
    TranslatedArticle,
)
from transdesk.desk.held import is_held
from transdesk.errors import Conflict, NotFound
from transdesk.store.db import Database
from transdesk.store.desk_tables import (
    ArticleCorrection,
    ArticleSegment,
    ArticleState,
    DeskArticle,
    JobState,
    TranslationJob,
    utcnow,
)

_STATE_OF_DECISION = {
    None: ArticleState.PUBLISHED,
    "publish": ArticleState.PUBLISHED,
    "review": ArticleState.REVIEW,
    "block": ArticleState.BLOCKED,
}


def source_to_json(article: Article) -> dict:
    return {
        "slug": article.slug,
        "dateline": {
            "date": article.dateline.date.isoformat(),
            "timezone": article.dateline.timezone,
            "time": article.dateline.time.isoformat() if article.dateline.time else None,
        },
        "byline": article.byline,
        "source": article.source,
        "language": article.language,
        "blocks": [
            {
                "kind": str(block.kind),
                "text": block.text,
                "image": block.image,
                "segments": [[s.id, s.index, s.text, s.start, s.end] for s in block.segments],
            }
            for block in article.blocks
        ],
    }


def source_from_json(data: dict) -> Article:
    dateline = data["dateline"]
    blocks = tuple(
        Block(
            index=i,
            kind=BlockKind(block["kind"]),
            text=block["text"],
            image=block.get("image"),
            segments=tuple(
                Segment(id=sid, block_index=i, index=index, text=text, start=start, end=end)
                for sid, index, text, start, end in block["segments"]
            ),
        )
        for i, block in enumerate(data["blocks"])
    )
    return Article(
        slug=data["slug"],
        blocks=blocks,
        dateline=Dateline(
            date=dt.date.fromisoformat(dateline["date"]),
            timezone=dateline["timezone"],
            time=dt.time.fromisoformat(dateline["time"]) if dateline.get("time") else None,
        ),
        byline=data.get("byline"),
        source=data.get("source"),
        language=data.get("language", "ko"),
    )


def receive_article(session: Session, article: Article) -> tuple[DeskArticle, TranslationJob]:
    """Store a new article with one sentence row per segment and a queued translation job."""
    row = DeskArticle(
        slug=article.slug,
        state=ArticleState.RECEIVED,
        headline=(article.headline or article.blocks[0]).text,  # a caption when it has none
        dateline=article.dateline.date,
        timezone=article.dateline.timezone,
        byline=article.byline,
        credit=article.source,
        source=source_to_json(article),
        revision=0,
    )
    row.segments = [
        ArticleSegment(
            segment_id=segment.id,
            position=position,
            block_index=segment.block_index,
            block_kind=str(article.blocks[segment.block_index].kind),
            source_text=segment.text,
            status=SegmentStatus.UNTRANSLATED,
            applied=[],
            findings=[],
        )
        for position, segment in enumerate(article.segments())
    ]
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise Conflict(
            f"an article with the slug {article.slug!r} is already on the desk",
            hint="give the article another slug",
        ) from None
    job = TranslationJob(article_id=row.id, state=JobState.QUEUED, total=len(row.segments))
    session.add(job)
    session.flush()
    return row, job


def save_translation(session: Session, article_id: int, translated: TranslatedArticle) -> str:
    """Write every sentence's English and the article's decision; return the new article state."""
    rows = {
        r.segment_id: r
        for r in session.scalars(
            select(ArticleSegment).where(ArticleSegment.article_id == article_id)
        )
    }
    for result in translated.segments:
        row = rows[result.segment.id]
        row.machine_english = row.english = result.text
        row.status = str(result.status)
        row.origin = result.origin
        row.score = result.score
        row.applied = list(result.applied)
        row.findings = [_finding_json(f) for f in result.findings]
        row.decision = result.decision
        row.error = result.error
    state = _STATE_OF_DECISION.get(translated.decision, ArticleState.REVIEW)
    if state is ArticleState.PUBLISHED and any(is_held(r) for r in rows.values()):
        state = ArticleState.REVIEW  # a sentence without English never goes out on its own
    now = utcnow()
    session.execute(
        update(DeskArticle)
        .where(DeskArticle.id == article_id)
        .values(
            state=state,
            decision=translated.decision,
            signature=_jsonable(translated.signature),
            revision=DeskArticle.revision + 1,
            updated_at=now,
            # a re-translated article keeps the date it was first published
            published_at=func.coalesce(DeskArticle.published_at, now)
            if state is ArticleState.PUBLISHED
            else None,
        )
    )
    return state


def _finding_json(finding) -> dict:  # type: ignore[no-untyped-def]
    return {
        "check": finding.check,
        "kind": finding.kind,
        "severity": finding.severity,
        "message": finding.message,
        "suggestion": finding.suggestion,
    }


def _jsonable(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def article_or_none(session: Session, slug: str) -> DeskArticle | None:
    return session.scalar(select(DeskArticle).where(DeskArticle.slug == slug))


def find_article(session: Session, slug: str) -> DeskArticle:
    row = article_or_none(session, slug)
    if row is None:
        raise NotFound(f"no article called {slug!r} on the desk")
    return row


def latest_job_or_none(session: Session, article_id: int) -> TranslationJob | None:
    return session.scalar(
        select(TranslationJob)
        .where(TranslationJob.article_id == article_id)
        .order_by(TranslationJob.id.desc())
        .limit(1)
    )


def latest_job(session: Session, article_id: int) -> TranslationJob:
    job = latest_job_or_none(session, article_id)
    if job is None:
        raise NotFound("this article has no translation job")
    return job


def list_articles(
    session: Session, *, state: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[Sequence[DeskArticle], int]:
    query = select(DeskArticle)
    count = select(func.count()).select_from(DeskArticle)
    if state:
        query = query.where(DeskArticle.state == state)
        count = count.where(DeskArticle.state == state)
    rows = session.scalars(query.order_by(DeskArticle.id.desc()).limit(limit).offset(offset)).all()
    return rows, session.scalar(count) or 0


_REVISION = (
    select(DeskArticle.revision)
    .where(DeskArticle.slug == bindparam("slug"), DeskArticle.state == ArticleState.PUBLISHED)
)


def published_revision(db: Database, slug: str) -> int | None:
    """The revision readers see, or None when the article is not public (one indexed query)."""
    with db.engine.connect() as connection:
        return connection.execute(_REVISION, {"slug": slug}).scalar()


@dataclass(frozen=True)
class PublicArticle:
    """An article as its reader's page shows it (loaded in full, detached from the session)."""

    row: DeskArticle
    segments: tuple[ArticleSegment, ...]
    corrections: tuple[ArticleCorrection, ...]

    def english(self, segment_id: str) -> str | None:
        return next((s.english for s in self.segments if s.segment_id == segment_id), None)


def load_public_article(session: Session, slug: str) -> PublicArticle:
    row = find_article(session, slug)
    if row.state != ArticleState.PUBLISHED:
        raise NotFound(f"the article {slug!r} is not published")
    return PublicArticle(row=row, segments=tuple(row.segments), corrections=tuple(row.corrections))
