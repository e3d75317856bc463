"""The corrections table: every sentence an editor corrected, from the desk or the command line.

One row per correction holds what readers saw before and after, the note, who made it, the memory
entry it became and what the desk learned from it (`learned`). `correction_changes` holds each
correction's word-level substitutions, counted to spot a fix editors keep making. Report decisions,
regression cases and propagation proposals point at `corrections.id`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from transdesk.store.db import Base
from transdesk.store.desk_tables import DeskArticle, utcnow
from transdesk.store.memory_tables import MemorySegmentRow


class CorrectionRow(Base):
    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey(DeskArticle.id, ondelete="SET NULL"), index=True
    )
    article_slug: Mapped[str | None] = mapped_column(String(200), index=True)
    segment_id: Mapped[str | None] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(Text)
    source_hash: Mapped[str] = mapped_column(String(40), index=True)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str] = mapped_column(Text)
    wrong: Mapped[str | None] = mapped_column(Text)  # the changed words, as they were
    right: Mapped[str | None] = mapped_column(Text)  # the changed words, as they are now
    note: Mapped[str | None] = mapped_column(Text)
    editor: Mapped[str] = mapped_column(String(200))
    memory_segment_id: Mapped[int | None] = mapped_column(
        ForeignKey(MemorySegmentRow.id, ondelete="SET NULL")
    )
    learned: Mapped[dict | None] = mapped_column(JSON)  # what the memory and termbase made of it
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class CorrectionChangeRow(Base):
    __tablename__ = "correction_changes"
    __table_args__ = (Index("ix_correction_changes_substitution", "removed", "inserted"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    correction_id: Mapped[int] = mapped_column(
        ForeignKey("corrections.id", ondelete="CASCADE"), index=True
    )
    removed: Mapped[str] = mapped_column(String(500))
    inserted: Mapped[str] = mapped_column(String(500))
