"""The audit log: every change made on the editors' side, who made it, when, before and after."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from transdesk.store.desk_tables import utcnow
from transdesk.store.editor_tables import AuditEntry


def record(
    session: Session,
    actor: str,
    action: str,
    *,
    article_id: int | None = None,
    segment_id: str | None = None,
    report_id: int | None = None,
    before: str | None = None,
    after: str | None = None,
    detail: dict | None = None,
) -> AuditEntry:
    """Append one entry in the caller's transaction (so it is kept exactly when the change is)."""
    entry = AuditEntry(
        at=utcnow(),
        actor=actor,
        action=action,
        article_id=article_id,
        segment_id=segment_id,
        report_id=report_id,
        before=before,
        after=after,
        detail=detail,
    )
    session.add(entry)
    return entry


def entries(
    session: Session, *, article_id: int | None = None, limit: int = 200
) -> Sequence[AuditEntry]:
    """Newest first."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if article_id is not None:
        query = query.where(AuditEntry.article_id == article_id)
    return session.scalars(query).all()
