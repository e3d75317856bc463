"""The outbox's state machine: claim a due message, record how its try went, find lost ones.

A try *claims* its message with one atomic UPDATE (pending, due, and no live lease), so of two
tasks for one message (a retry re-enqueued at start-up beside the one the queue kept) only one
sends. Its result is written only while the claim is still its own. After a failed try the
message waits `BACKOFF_S[try - 1]` seconds; after `max_tries()` tries, or a 410 Gone, it has
failed (and the 410 disables its endpoint).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import and_, or_, select, update

from transdesk.store.db import Database
from transdesk.store.desk_tables import utcnow
from transdesk.store.webhook_tables import (
    MessageState,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookMessage,
)
from transdesk.webhooks.sender import Answer

log = logging.getLogger(__name__)
BACKOFF_S: tuple[float, ...] = (5, 30, 120, 600, 3600)  # after the 1st, 2nd, ... failed try
LEASE_S = 60.0  # longer than a try can take (the sender's timeout)
LOST_AFTER_S = 60.0  # a due message nobody tried for this long had its task lost


def max_tries() -> int:
    """The first try and one retry per backoff step."""
    return len(BACKOFF_S) + 1


@dataclass(frozen=True)
class Claimed:
    """A message this worker may send now."""

    message_id: int
    msg_id: str
    attempt: int
    event_type: str
    data: dict
    created_at: dt.datetime
    url: str
    secret: str
    endpoint_enabled: bool


def _claimable(now: dt.datetime):  # type: ignore[no-untyped-def]
    return and_(
        WebhookMessage.state == MessageState.PENDING,
        WebhookMessage.next_attempt_at <= now,
        or_(WebhookMessage.lease_until.is_(None), WebhookMessage.lease_until < now),
    )


def claim(db: Database, message_id: int, worker: str) -> Claimed | None:
    """Take the message for one try; None when it is not due, taken, or finished."""
    now = utcnow()
    with db.session() as session:
        taken = session.execute(
            update(WebhookMessage)
            .where(WebhookMessage.id == message_id, _claimable(now))
            .values(
                lease_until=now + dt.timedelta(seconds=LEASE_S), claimed_by=worker,
                attempts=WebhookMessage.attempts + 1,
            )  # fmt: skip
        )
        if taken.rowcount != 1:
            return None
        message = session.get(WebhookMessage, message_id)
        endpoint = session.get(WebhookEndpoint, message.endpoint_id) if message else None
        if message is None or endpoint is None:
            return None
        return Claimed(
            message.id, message.msg_id, message.attempts, message.event_type, dict(message.data),
            message.created_at, endpoint.url, endpoint.secret, endpoint.enabled,
        )  # fmt: skip


@dataclass(frozen=True)
class Outcome:
    state: str
    next_attempt_at: dt.datetime | None  # when the next try is due (pending only)


def record(db: Database, claimed: Claimed, worker: str, answer: Answer) -> Outcome | None:
    """Log the try and move the message on; None when the claim was lost meanwhile."""
    now = utcnow()
    if answer.delivered:
        state, next_at = MessageState.DELIVERED, None
    elif answer.gone or claimed.attempt >= max_tries() or not claimed.endpoint_enabled:
        state, next_at = MessageState.FAILED, None
    else:
        state = MessageState.PENDING
        next_at = now + dt.timedelta(seconds=BACKOFF_S[claimed.attempt - 1])
    error = answer.error
    if answer.gone:
        error = "410 Gone: the endpoint is disabled"
    with db.session() as session:
        mine = session.execute(
            update(WebhookMessage)
            .where(
                WebhookMessage.id == claimed.message_id,
                WebhookMessage.claimed_by == worker,
                WebhookMessage.state == MessageState.PENDING,
            )
            .values(
                state=state, lease_until=None, claimed_by=None, last_error=error,
                next_attempt_at=next_at or now,
                delivered_at=now if state == MessageState.DELIVERED else None,
            )  # fmt: skip
        )
        if mine.rowcount != 1:
            return None
        session.add(
            WebhookDelivery(
                message_id=claimed.message_id, attempt=claimed.attempt, at=now,
                status_code=answer.status_code, error=error, duration_ms=answer.duration_ms,
                next_retry_at=next_at,
            )  # fmt: skip
        )
        if answer.gone:
            _disable(session, claimed.message_id, "the endpoint answered 410 Gone")
    return Outcome(state, next_at)


def _disable(session, message_id: int, reason: str) -> None:  # type: ignore[no-untyped-def]
    """Disable the message's endpoint and fail what still waits for it."""
    endpoint_id = session.scalar(
        select(WebhookMessage.endpoint_id).where(WebhookMessage.id == message_id)
    )
    session.execute(
        update(WebhookEndpoint)
        .where(WebhookEndpoint.id == endpoint_id)
        .values(enabled=False, disabled_reason=reason)
    )
    session.execute(
        update(WebhookMessage)
        .where(
            WebhookMessage.endpoint_id == endpoint_id,
            WebhookMessage.state == MessageState.PENDING,
            or_(WebhookMessage.lease_until.is_(None), WebhookMessage.lease_until < utcnow()),
        )
        .values(state=MessageState.FAILED, last_error=reason)
    )
    log.warning("webhook endpoint %s disabled: %s", endpoint_id, reason)


@dataclass(frozen=True)
class Waiting:
    message_id: int
    due: dt.datetime


def waiting(db: Database, *, lost_only: bool) -> list[Waiting]:
    """Pending messages to put back on the queue: every one (at start-up, when the queue may have
    lost their tasks), or only those overdue with no live try (the periodic sweep)."""
    now = utcnow()
    query = select(WebhookMessage.id, WebhookMessage.next_attempt_at).where(
        WebhookMessage.state == MessageState.PENDING,
        or_(WebhookMessage.lease_until.is_(None), WebhookMessage.lease_until < now),
    )
    if lost_only:
        query = query.where(
            WebhookMessage.next_attempt_at < now - dt.timedelta(seconds=LOST_AFTER_S)
        )
    with db.session() as session:
        rows = session.execute(query.order_by(WebhookMessage.id)).all()
    return [Waiting(message_id, due) for message_id, due in rows]
