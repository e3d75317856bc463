"""Webhook delivery on the desk's job queue (Huey): one task per try of a message.

`WebhookDelivery(settings, database, huey)` registers the `webhook` task and a sweep every minute
on the queue it is given (the translation queue's: `transdesk worker` and the desk's in-process
worker run both), and tells `notify` to enqueue a message as soon as its event commits. A try
claims the message, signs and POSTs it, logs the answer, and schedules the next try after the
backoff. At start-up (`recover()`) every pending message is put back on the queue, so a restart
in the middle of the retries loses nothing; a message sent twice is refused by its claim. A
message committed by a process with no queue (`transdesk correct`) is sent by the sweep, within
about two minutes.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import uuid
from urllib.parse import quote

from huey import Huey, crontab

from transdesk.settings import Settings
from transdesk.store.db import Database
from transdesk.store.desk_tables import utcnow
from transdesk.webhooks import notify, outbox, sender, signing
from transdesk.webhooks.outbox import Claimed

log = logging.getLogger(__name__)


class WebhookDelivery:
    """Sends the outbox's messages through `huey`; see the module."""

    def __init__(self, settings: Settings, database: Database, huey: Huey) -> None:
        self.database = database
        self.huey = huey
        self.public_url = settings.public_url.rstrip("/")
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._task = huey.task(name="webhook")(self.deliver)
        huey.periodic_task(crontab(minute="*"), name="webhook-sweep")(self._sweep)
        notify.register(database.engine, self.enqueue)

    def enqueue(self, message_id: int, *, eta: dt.datetime | None = None) -> None:
        """Queue a try of the message (at `eta`, naive UTC, when that is still to come)."""
        if eta is not None and eta > utcnow():
            self._task.schedule((message_id,), eta=eta.replace(tzinfo=dt.UTC))
        else:
            self._task(message_id)

    def recover(self, *, lost_only: bool = False) -> int:
        """Put pending messages back on the queue, each at its due time; see `outbox.waiting`."""
        found = outbox.waiting(self.database, lost_only=lost_only)
        for message in found:
            self.enqueue(message.message_id, eta=message.due)
        if found:
            log.info("re-enqueued %d pending webhook messages", len(found))
        return len(found)

    def _sweep(self) -> None:
        """Every minute: messages overdue with nobody trying them (their task was lost)."""
        self.recover(lost_only=True)

    def deliver(self, message_id: int) -> None:
        """One try of one message (the `webhook` task)."""
        claimed = outbox.claim(self.database, message_id, self.worker_id)
        if claimed is None:
            log.debug("webhook message %s is not due, taken or finished", message_id)
            return
        answer = self._send(claimed)
        outcome = outbox.record(self.database, claimed, self.worker_id, answer)
        if outcome is None:
            log.warning("webhook message %s: the try's claim was lost; not recorded", message_id)
            return
        log.info(
            "webhook %s %s to %s: try %d, %s -> %s", claimed.event_type, claimed.msg_id,
            claimed.url, claimed.attempt, answer.status_code or answer.error, outcome.state,
        )  # fmt: skip
        if outcome.next_attempt_at is not None:
            self.enqueue(message_id, eta=outcome.next_attempt_at)

    def article_url(self, slug: str) -> str:
        """The article's page for readers, at the desk's public address."""
        return f"{self.public_url}/articles/{quote(slug, safe='')}"

    def _send(self, claimed: Claimed) -> sender.Answer:
        if not claimed.endpoint_enabled:
            return sender.Answer(None, "the endpoint is disabled", 0)
        data = {**claimed.data, "url": self.article_url(str(claimed.data["slug"]))}
        payload = signing.body(claimed.event_type, claimed.created_at, data)
        headers = signing.headers(claimed.secret, claimed.msg_id, payload, utcnow())
        return sender.post(claimed.url, payload, headers)

    def close(self) -> None:
        """Stop enqueuing new messages from this process (they wait for a sweep)."""
        notify.unregister(self.database.engine)
