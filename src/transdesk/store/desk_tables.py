"""The desk's tables: published articles and their sentences, translation jobs, readers' reports,
correction notes.

An article keeps its Korean source (as the desk received it, in `source`) and one row per sentence
with the current English; the reader's page is built from those rows, so an accepted correction
changes the live page by updating one row and bumping the article's `revision`.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from transdesk.store.db import Base


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class ArticleState(enum.StrEnum):
    RECEIVED = "received"  # stored, waiting for its translation job
    TRANSLATING = "translating"
    PUBLISHED = "published"  # live on the reader's side
    REVIEW = "review"  # the checks sent it to an editor before publishing
    BLOCKED = "blocked"  # the checks refused it
    FAILED = "failed"  # the translation job failed for good
    CANCELLED = "cancelled"


class JobState(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self in (JobState.DONE, JobState.FAILED, JobState.CANCELLED)


class ReportKind(enum.StrEnum):
    MISTRANSLATION = "mistranslation"
    NAME_OR_TITLE = "name_or_title"
    NUMBER_OR_DATE = "number_or_date"
    GRAMMAR_OR_STYLE = "grammar_or_style"
    MISSING_TEXT = "missing_text"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class ReportState(enum.StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class DeskArticle(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    state: Mapped[str] = mapped_column(String(20), default=ArticleState.RECEIVED, index=True)
    headline: Mapped[str] = mapped_column(Text)  # Korean headline, for lists
    dateline: Mapped[dt.date] = mapped_column(Date)
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Seoul")
    byline: Mapped[str | None] = mapped_column(Text)
    credit: Mapped[str | None] = mapped_column(Text)  # source credit line, e.g. "뉴스1"
    # set by an editor: shown to readers exactly as written instead of the romanised byline/credit
    english_byline: Mapped[str | None] = mapped_column("byline_en", Text)
    english_credit: Mapped[str | None] = mapped_column("credit_en", Text)
    source: Mapped[dict] = mapped_column(JSON)  # the Article as received (desk.articles codec)
    signature: Mapped[dict | None] = mapped_column(JSON)  # what produced the translation
    decision: Mapped[str | None] = mapped_column(String(20))  # the gate's article decision
    revision: Mapped[int] = mapped_column(Integer, default=0)  # bumped on every change readers see
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    segments: Mapped[list[ArticleSegment]] = relationship(
        back_populates="article", order_by="ArticleSegment.position", cascade="all, delete-orphan"
    )
    corrections: Mapped[list[ArticleCorrection]] = relationship(
        back_populates="article", order_by="ArticleCorrection.id", cascade="all, delete-orphan"
    )


class ArticleSegment(Base):
    """One sentence of an article: Korean source, the machine's English, the current English."""

    __tablename__ = "article_segments"
    __table_args__ = (UniqueConstraint("article_id", "segment_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    segment_id: Mapped[str] = mapped_column(String(32))  # "b2.s0"
    position: Mapped[int] = mapped_column(Integer)  # order in the article
    block_index: Mapped[int] = mapped_column(Integer)
    block_kind: Mapped[str] = mapped_column(String(20))
    source_text: Mapped[str] = mapped_column(Text)
    machine_english: Mapped[str | None] = mapped_column(Text)  # what the engine produced
    english: Mapped[str | None] = mapped_column(Text)  # what readers see now
    status: Mapped[str] = mapped_column(String(20))  # SegmentStatus
    origin: Mapped[str | None] = mapped_column(String(100))
    score: Mapped[float | None]
    applied: Mapped[list] = mapped_column(JSON, default=list)
    findings: Mapped[list] = mapped_column(JSON, default=list)
    decision: Mapped[str | None] = mapped_column(String(20))
    error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    article: Mapped[DeskArticle] = relationship(back_populates="segments")


class ArticleCorrection(Base):
    """A dated correction note shown at the foot of the article."""

    __tablename__ = "article_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    segment_id: Mapped[str | None] = mapped_column(String(32))
    corrected_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    article: Mapped[DeskArticle] = relationship(back_populates="corrections")


class TranslationJob(Base):
    """The truth about one translation run; the queue only carries this row's id."""

    __tablename__ = "translation_jobs"
    __table_args__ = (Index("ix_translation_jobs_state_lease", "state", "lease_until"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(20), default=JobState.QUEUED)
    done: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    worker: Mapped[str | None] = mapped_column(String(200))  # who holds the lease
    lease_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    cancel_requested: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class ReaderReport(Base):
    """A reader's report on one sentence. `email` is never shown on a public page."""

    __tablename__ = "reader_reports"
    __table_args__ = (Index("ix_reader_reports_article_segment", "article_id", "segment_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    segment_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(32))
    english_seen: Mapped[str | None] = mapped_column(Text)  # the sentence as the reader saw it
    suggestion: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(String(320))
    client: Mapped[str | None] = mapped_column(String(64))  # hashed client address
    state: Mapped[str] = mapped_column(String(20), default=ReportState.OPEN, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
