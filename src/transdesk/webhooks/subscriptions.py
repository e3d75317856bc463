"""The endpoints an admin subscribes to the desk's events, and the log of what was sent them.

`add` checks the URL and the event types and makes the endpoint's `whsec_` secret (shown once, to
the admin who adds it); `remove` deletes it with its messages; `deliveries` is the log of tries,
newest first, with where each message stands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from transdesk.desk import audit
from transdesk.errors import InvalidInput, NotFound
from transdesk.store.desk_tables import utcnow
from transdesk.store.webhook_tables import WebhookDelivery, WebhookEndpoint, WebhookMessage
from transdesk.webhooks.events import EventType
from transdesk.webhooks.signing import new_secret

MAX_URL = 2_000


def check_url(url: str) -> str:
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > MAX_URL:
        raise InvalidInput(
            f"{url[:200]!r} is not an http(s) URL a webhook can be sent to",
            hint="give the receiver's full address, e.g. https://cms.example.org/hooks/transdesk",
        )
    return url


def check_events(events: Iterable[str]) -> list[str]:
    """The event types asked for, known and without repeats; empty means every event."""
    known = [e.value for e in EventType]
    chosen = list(dict.fromkeys(e.strip() for e in events if e and e.strip()))
    unknown = [e for e in chosen if e not in known]
    if unknown:
        raise InvalidInput(
            f"unknown webhook event {unknown[0]!r}", hint=f"use one of: {', '.join(known)}"
        )
    return chosen


def add(session: Session, url: str, events: Iterable[str], admin: str) -> WebhookEndpoint:
    """Subscribe `url` to `events` (every event when none); its secret is on the returned row."""
    endpoint = WebhookEndpoint(
        url=check_url(url), secret=new_secret(), events=check_events(events), enabled=True,
        created_by=admin, created_at=utcnow(),
    )  # fmt: skip
    session.add(endpoint)
    session.flush()
    audit.record(
        session, admin, "add_webhook", after=endpoint.url,
        detail={"endpoint_id": endpoint.id, "events": endpoint.events},
    )  # fmt: skip
    return endpoint


def endpoints(session: Session) -> list[WebhookEndpoint]:
    return list(session.scalars(select(WebhookEndpoint).order_by(WebhookEndpoint.id)))


def find(session: Session, endpoint_id: int) -> WebhookEndpoint:
    endpoint = session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None:
        raise NotFound(
            f"there is no webhook endpoint {endpoint_id}",
            hint="`transdesk webhooks list` shows them",
        )
    return endpoint


def remove(session: Session, endpoint_id: int, admin: str) -> WebhookEndpoint:
    """Unsubscribe the endpoint; its messages and their log go with it."""
    endpoint = find(session, endpoint_id)
    audit.record(
        session, admin, "remove_webhook", before=endpoint.url, detail={"endpoint_id": endpoint.id}
    )
    session.delete(endpoint)  # the database's ON DELETE CASCADE takes the messages and tries
    session.flush()
    return endpoint


def events_of(endpoint: WebhookEndpoint) -> str:
    return ", ".join(endpoint.events) if endpoint.events else "every event"


@dataclass(frozen=True)
class Try:
    """One line of the delivery log: a try of a message, and where the message stands."""

    endpoint_id: int
    url: str
    message_id: int
    msg_id: str
    event_type: str
    state: str
    attempt: int | None  # None: the message was not tried yet
    at: dt.datetime | None
    status_code: int | None
    error: str | None
    next_retry_at: dt.datetime | None


def deliveries(session: Session, endpoint_id: int | None = None, limit: int = 200) -> list[Try]:
    """The log, newest first: each try of each message, and messages not tried yet."""
    query = (
        select(WebhookMessage, WebhookEndpoint.url, WebhookDelivery)
        .join(WebhookEndpoint, WebhookEndpoint.id == WebhookMessage.endpoint_id)
        .outerjoin(WebhookDelivery, WebhookDelivery.message_id == WebhookMessage.id)
        .order_by(WebhookMessage.id.desc(), WebhookDelivery.attempt.desc())
        .limit(limit)
    )
    if endpoint_id is not None:
        query = query.where(WebhookMessage.endpoint_id == endpoint_id)
    rows = []
    for message, url, tried in session.execute(query):
        rows.append(
            Try(
                message.endpoint_id, url, message.id, message.msg_id, message.event_type,
                message.state, tried.attempt if tried else None, tried.at if tried else None,
                tried.status_code if tried else None, tried.error if tried else None,
                tried.next_retry_at if tried else (
                    message.next_attempt_at if message.state == "pending" else None
                ),
            )  # fmt: skip
        )
    return rows
