"""The desk's events, written into the webhook outbox in the transaction of the change.

`emit(session, type, data)` adds one message per enabled endpoint subscribed to `type`, in the
caller's session: the messages are kept exactly when the change is, and queued for delivery once
it commits (`notify`). `data` is a function, called only when some endpoint wants the event: a
desk with no webhooks reads nothing more for it (a reader's report is one insert, not three
more queries for a payload nobody is sent). The helpers below are what the desk's own paths
call: an article published (by an editor or by its translation job), a correction published, a
reader's report received.

A message's `data` names the article by slug; its public URL is added when it is sent, from the
desk's `public_url`.
"""

from __future__ import annotations

import enum
import logging
import secrets
from collections.abc import Callable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from transdesk.store.desk_tables import ArticleSegment, DeskArticle, ReaderReport, utcnow
from transdesk.store.webhook_tables import MessageState, WebhookEndpoint, WebhookMessage
from transdesk.webhooks import notify

log = logging.getLogger(__name__)


class EventType(enum.StrEnum):
    ARTICLE_PUBLISHED = "article.published"
    ARTICLE_CORRECTED = "article.corrected"
    REPORT_RECEIVED = "report.received"


def new_message_id() -> str:
    """A `webhook-id`: unique per message, the same on every try of it."""
    return f"msg_{secrets.token_urlsafe(18)}"


def subscribed(endpoint: WebhookEndpoint, event_type: str) -> bool:
    return endpoint.enabled and (not endpoint.events or event_type in endpoint.events)


def emit(
    session: Session, event_type: EventType, data: Callable[[], Mapping[str, object]]
) -> list[int]:
    """Write the event for every subscribed endpoint in `session`; return the messages' ids."""
    endpoints = session.scalars(select(WebhookEndpoint).where(WebhookEndpoint.enabled.is_(True)))
    wanting = [endpoint for endpoint in endpoints if subscribed(endpoint, event_type)]
    if not wanting:
        return []
    payload, now = dict(data()), utcnow()
    messages = [
        WebhookMessage(
            endpoint_id=endpoint.id, msg_id=new_message_id(), event_type=str(event_type),
            data=dict(payload), created_at=now, state=MessageState.PENDING, attempts=0,
            next_attempt_at=now,
        )  # fmt: skip
        for endpoint in wanting
    ]
    session.add_all(messages)
    session.flush()
    ids = [m.id for m in messages]
    notify.after_commit(session, ids)
    log.info("%s for %d webhook endpoints", event_type, len(ids))
    return ids


def english_headline(session: Session, article_id: int, fallback: str) -> str:
    parts = session.scalars(
        select(ArticleSegment.english)
        .where(ArticleSegment.article_id == article_id, ArticleSegment.block_kind == "headline")
        .order_by(ArticleSegment.position)
    )
    return " ".join(p.strip() for p in parts if p and p.strip()) or fallback


def _article(session: Session, article_id: int) -> DeskArticle:
    found = session.scalars(
        select(DeskArticle)
        .where(DeskArticle.id == article_id)
        .execution_options(populate_existing=True)  # as the change left it, bulk updates too
    ).one()
    return found


def _about(session: Session, article: DeskArticle) -> dict[str, object]:
    return {
        "slug": article.slug,
        "headline": english_headline(session, article.id, article.slug),
        "revision": article.revision,
    }


def article_published(session: Session, article_id: int) -> list[int]:
    """`article.published`: the article is live (by an editor, or straight from its job); sent
    again, at its new revision, when a published article is translated again."""
    session.flush()
    return emit(
        session, EventType.ARTICLE_PUBLISHED, lambda: _about(session, _article(session, article_id))
    )


def article_corrected(
    session: Session, article_id: int, *, correction_id: int, segment_id: str, sentence: str,
    note: str,
) -> list[int]:  # fmt: skip
    """`article.corrected`: one sentence corrected on the live page, with the note readers see."""
    session.flush()

    def data() -> dict[str, object]:
        return {
            **_about(session, _article(session, article_id)),
            "correction_id": correction_id,
            "segment_id": segment_id,
            "sentence": sentence,
            "note": note,
        }

    return emit(session, EventType.ARTICLE_CORRECTED, data)


def report_received(session: Session, report: ReaderReport) -> list[int]:
    """`report.received`: a reader reported a sentence (the reader's email is never sent)."""
    session.flush()

    def data() -> dict[str, object]:
        return {
            **_about(session, _article(session, report.article_id)),
            "report_id": report.id,
            "kind": report.kind,
            "segment_id": report.segment_id,
            "sentence": report.english_seen,
            "suggestion": report.suggestion,
        }

    return emit(session, EventType.REPORT_RECEIVED, data)
