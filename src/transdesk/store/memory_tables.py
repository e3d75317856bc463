"""Tables of the translation memory and of editors' corrections.

`memory_segments` holds approved Korean→English sentence pairs with where they came from. Its
`source_norm` column is indexed for fuzzy lookup outside SQLAlchemy's view: an FTS5 trigram table
(`memory_segments_fts`, kept in step by triggers) on SQLite, a pg_trgm GIN index on PostgreSQL;
both are created by migration 0002_memory.

`corrections` is the history of what editors changed (who, when, before, after), and
`correction_changes` the word-level substitutions of each correction, counted to spot a recurring fix.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from transdesk.store.db import Base

FTS_TABLE = "memory_segments_fts"
FTS_VOCAB_TABLE = "memory_segments_fts_vocab"
TRGM_INDEX = "ix_memory_segments_source_norm_trgm"


class MemorySegmentRow(Base):
    __tablename__ = "memory_segments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_hash: Mapped[str] = mapped_column(String(40), index=True)
    source: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text)
    source_norm: Mapped[str] = mapped_column(Text)
    source_length: Mapped[int] = mapped_column(Integer, index=True)
    article_slug: Mapped[str | None] = mapped_column(String(200), index=True)
    previous_source: Mapped[str | None] = mapped_column(Text)
    next_source: Mapped[str | None] = mapped_column(Text)
    article_date: Mapped[dt.date | None] = mapped_column(Date)
    approved_by: Mapped[str] = mapped_column(String(200))
    approved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    origin: Mapped[str] = mapped_column(String(16))  # import | correction | editor
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)


class CorrectionRow(Base):
    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_slug: Mapped[str | None] = mapped_column(String(200), index=True)
    source: Mapped[str] = mapped_column(Text)
    source_hash: Mapped[str] = mapped_column(String(40), index=True)
    before: Mapped[str] = mapped_column(Text)
    after: Mapped[str] = mapped_column(Text)
    editor: Mapped[str] = mapped_column(String(200))
    corrected_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    memory_segment_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("memory_segments.id", ondelete="SET NULL")
    )


class CorrectionChangeRow(Base):
    __tablename__ = "correction_changes"
    __table_args__ = (Index("ix_correction_changes_substitution", "removed", "inserted"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    correction_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("corrections.id", ondelete="CASCADE"), index=True
    )
    removed: Mapped[str] = mapped_column(String(500))
    inserted: Mapped[str] = mapped_column(String(500))
