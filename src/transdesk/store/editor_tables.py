"""The editors' tables: accounts and API tokens, decisions on readers' reports, the audit log,
regression cases, and the propagation queue (corrections themselves are in `correction_tables`).

Every table is prefixed `editor_` so it never clashes with another area's tables. The audit log is
append-only: who did what, when, and the text before and after.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from transdesk.store.correction_tables import CorrectionRow
from transdesk.store.db import Base
from transdesk.store.desk_tables import utcnow


class Role(enum.StrEnum):
    EDITOR = "editor"  # reviews reports, corrects and publishes articles
    ADMIN = "admin"  # also manages accounts and everyone's API tokens


class PropagationState(enum.StrEnum):
    PENDING = "pending"
    APPLIED = "applied"
    DISMISSED = "dismissed"


class EditorUser(Base):
    __tablename__ = "editor_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16), default=Role.EDITOR)
    password_hash: Mapped[str] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    session_epoch: Mapped[int] = mapped_column(Integer, default=0)  # bump: every session ends
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class EditorApiToken(Base):
    """A token for automation. Only its SHA-256 is stored; the token is shown once."""

    __tablename__ = "editor_api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("editor_users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(16))  # the first characters, to tell tokens apart
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class LoginThrottle(Base):
    """Sign-in attempts counted in a fixed window, for one account ("account:NAME") or one client
    address ("address:IP"); kept in the database so a restart does not reset them."""

    __tablename__ = "editor_login_throttle"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ReportDecision(Base):
    """What an editor decided about a reader's report, and why."""

    __tablename__ = "editor_report_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("reader_reports.id", ondelete="CASCADE"), unique=True
    )
    decision: Mapped[str] = mapped_column(String(16))  # accepted | rejected
    reason: Mapped[str | None] = mapped_column(Text)
    correction_id: Mapped[int | None] = mapped_column(
        ForeignKey(CorrectionRow.id, ondelete="SET NULL")
    )
    editor: Mapped[str] = mapped_column(String(64))
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class RegressionCase(Base):
    """An accepted correction kept as a test: the wrong words must not come back."""

    __tablename__ = "editor_regression_cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    correction_id: Mapped[int | None] = mapped_column(
        ForeignKey(CorrectionRow.id, ondelete="SET NULL")
    )
    article_slug: Mapped[str] = mapped_column(String(200))
    segment_id: Mapped[str] = mapped_column(String(32))
    dateline: Mapped[dt.date] = mapped_column(Date)
    source_text: Mapped[str] = mapped_column(Text)
    expected: Mapped[str] = mapped_column(Text)  # the accepted sentence
    wrong: Mapped[str | None] = mapped_column(Text)  # must not reappear
    right: Mapped[str | None] = mapped_column(Text)  # must be present
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class PropagationItem(Base):
    """Another published sentence with the same wrong rendering, and the fix proposed for it."""

    __tablename__ = "editor_propagation"
    __table_args__ = (Index("ix_editor_propagation_state", "state", "correction_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    correction_id: Mapped[int] = mapped_column(
        ForeignKey(CorrectionRow.id, ondelete="CASCADE")
    )
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    segment_id: Mapped[str] = mapped_column(String(32))
    before: Mapped[str] = mapped_column(Text)
    proposed: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default=PropagationState.PENDING)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[str | None] = mapped_column(String(64))


class AuditEntry(Base):
    """Append-only: every change an editor (or the CLI) made, with the text before and after."""

    __tablename__ = "editor_audit_log"
    __table_args__ = (Index("ix_editor_audit_log_article", "article_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))
    article_id: Mapped[int | None] = mapped_column(Integer)  # kept even if the article goes
    segment_id: Mapped[str | None] = mapped_column(String(32))
    report_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[dict | None] = mapped_column(JSON)
