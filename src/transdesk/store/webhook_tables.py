"""The webhook tables: the endpoints an admin subscribed, the outbox of messages to send them, and
the log of every try.

An event writes one `webhook_messages` row per subscribed endpoint in the transaction of the change
it reports, so a message exists exactly when the change was kept. A message is `pending` until a
try gets a 2xx (`delivered`) or the tries run out, or its endpoint answers 410 Gone (`failed`);
each try is a `webhook_deliveries` row. Removing an endpoint removes its messages and their log.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from transdesk.store.db import Base
from transdesk.store.desk_tables import utcnow


class MessageState(enum.StrEnum):
    PENDING = "pending"  # waiting for its next try
    DELIVERED = "delivered"  # a try got a 2xx
    FAILED = "failed"  # the tries ran out, or the endpoint is gone


class WebhookEndpoint(Base):
    """A URL that receives the desk's events, signed with its own secret."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    secret: Mapped[str] = mapped_column(String(100))  # "whsec_" + base64
    events: Mapped[list] = mapped_column(JSON, default=list)  # event types; empty: every event
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class WebhookMessage(Base):
    """One event for one endpoint (the outbox row): what to send and where it stands."""

    __tablename__ = "webhook_messages"
    __table_args__ = (Index("ix_webhook_messages_state_due", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    endpoint_id: Mapped[int] = mapped_column(
        ForeignKey("webhook_endpoints.id", ondelete="CASCADE"), index=True
    )
    msg_id: Mapped[str] = mapped_column(String(40), unique=True)  # the `webhook-id` header
    event_type: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)  # the event's time
    state: Mapped[str] = mapped_column(String(16), default=MessageState.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    lease_until: Mapped[dt.datetime | None] = mapped_column(DateTime)  # while a try is sending
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    delivered_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)


class WebhookDelivery(Base):
    """One try at sending a message: when, the answer (status code) or the error, what next."""

    __tablename__ = "webhook_deliveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("webhook_messages.id", ondelete="CASCADE"), index=True
    )
    attempt: Mapped[int] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    status_code: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)
    next_retry_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
