"""The outbox: written in the change's transaction (a rolled-back change sends nothing), tried
with backoff until it gives up, and an endpoint that answers 410 Gone disabled."""

from __future__ import annotations

import datetime as dt

import pytest
from huey import MemoryHuey
from sqlalchemy import select, update

from transdesk.desk.articles import find_article
from transdesk.feedback.correction import correct, correct_published
from transdesk.feedback.learning import Learner
from transdesk.feedback.reports import ReportDraft, file_report
from transdesk.store.desk_tables import ArticleCorrection, utcnow
from transdesk.store.webhook_tables import (
    WebhookDelivery as TryRow,
)
from transdesk.store.webhook_tables import (
    WebhookEndpoint,
    WebhookMessage,
)
from transdesk.webhooks import notify, outbox, subscriptions
from transdesk.webhooks.delivery import WebhookDelivery

BETTER = "The Kremlin said on the 2nd that the two leaders would keep talking."


def _subscribe(database, receiver, events=()):  # type: ignore[no-untyped-def]
    with database.session() as session:
        endpoint = subscriptions.add(session, receiver.url, events, "boss")
        receiver.secret = endpoint.secret
        return endpoint.id


def _messages(database) -> list[WebhookMessage]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return list(session.scalars(select(WebhookMessage).order_by(WebhookMessage.id)))


def _tries(database) -> list[TryRow]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return list(session.scalars(select(TryRow).order_by(TryRow.id)))


def _report(database, slug: str) -> None:  # type: ignore[no-untyped-def]
    file_report(database, slug, ReportDraft("b2.s0", "other"), max_chars=2000)


@pytest.fixture
def sender(desk_settings, database):  # type: ignore[no-untyped-def]
    """The desk's delivery on a queue nobody consumes: the tests run each try themselves."""
    delivery = WebhookDelivery(desk_settings, database, MemoryHuey("tests", immediate=False))
    yield delivery
    delivery.close()


def test_a_rolled_back_change_emits_nothing(database, published, receiver):
    _subscribe(database, receiver)
    queued: list[int] = []
    notify.register(database.engine, queued.append)
    try:
        with pytest.raises(RuntimeError), database.session() as session:
            article = find_article(session, published)
            segment = next(s for s in article.segments if s.segment_id == "b2.s0")
            source = segment.source_text
            correct(session, Learner(database), article, segment, after=BETTER, kind="other",
                    editor="mina")  # fmt: skip
            assert session.scalars(select(WebhookMessage)).all()  # written with the change
            raise RuntimeError("the rest of the change fails")
        assert _messages(database) == [] and queued == []
        with database.session() as session:
            assert session.scalars(select(ArticleCorrection)).all() == []

        correct_published(database, published, source=source, before=None, after=BETTER,
                          editor="mina")  # fmt: skip
        [message] = _messages(database)
        assert queued == [message.id] and message.event_type == "article.corrected"
    finally:
        notify.unregister(database.engine)


def test_a_failing_receiver_is_retried_with_backoff_then_given_up(
    database, published, receiver, sender
):
    receiver.otherwise = 500
    _subscribe(database, receiver)
    _report(database, published)
    [message] = _messages(database)
    for _ in range(outbox.max_tries()):
        with database.session() as session:  # due now, instead of waiting out the backoff
            session.execute(update(WebhookMessage).values(next_attempt_at=utcnow()))
        sender.deliver(message.id)
    sender.deliver(message.id)  # finished: not tried again
    tries = _tries(database)
    assert [t.status_code for t in tries] == [500] * outbox.max_tries()
    assert [t.attempt for t in tries] == list(range(1, outbox.max_tries() + 1))
    waits = [(t.next_retry_at - t.at).total_seconds() for t in tries[:-1]]
    assert waits == pytest.approx([5, 30, 120, 600, 3600], abs=0.01)
    assert tries[-1].next_retry_at is None
    [message] = _messages(database)
    assert (message.state, message.attempts) == ("failed", outbox.max_tries())
    assert len(receiver.received) == outbox.max_tries()
    assert len({r.headers["webhook-id"] for r in receiver.received}) == 1  # one message, retried
    assert all(r.error is None for r in receiver.received)


def test_a_try_that_is_not_due_or_already_taken_sends_nothing(
    database, published, receiver, sender
):
    _subscribe(database, receiver)
    _report(database, published)
    [message] = _messages(database)
    claimed = outbox.claim(database, message.id, "another worker")
    assert claimed is not None
    sender.deliver(message.id)  # the other worker holds the lease
    assert receiver.received == []
    with database.session() as session:
        session.execute(update(WebhookMessage).values(
            lease_until=None, next_attempt_at=utcnow() + dt.timedelta(hours=1)
        ))  # fmt: skip
    sender.deliver(message.id)  # not due yet
    assert receiver.received == []


def test_410_gone_disables_the_endpoint(database, published, receiver, sender):
    receiver.otherwise = 410
    endpoint_id = _subscribe(database, receiver)
    _report(database, published)
    _report(database, published)
    first, second = _messages(database)
    sender.deliver(first.id)
    with database.session() as session:
        endpoint = session.get(WebhookEndpoint, endpoint_id)
        assert not endpoint.enabled and "410" in endpoint.disabled_reason
    first, second = _messages(database)
    assert (first.state, second.state) == ("failed", "failed")  # what waited fails with it
    sender.deliver(second.id)
    assert len(receiver.received) == 1
    [gone] = _tries(database)
    assert gone.status_code == 410 and gone.next_retry_at is None
    _report(database, published)
    assert len(_messages(database)) == 2  # a disabled endpoint is sent no new events


def test_an_unreachable_receiver_is_logged_and_retried(database, published, sender):
    with database.session() as session:
        subscriptions.add(session, "http://127.0.0.1:9/nobody-listens", (), "boss")
    _report(database, published)
    [message] = _messages(database)
    sender.deliver(message.id)
    [tried] = _tries(database)
    assert tried.status_code is None and "ConnectError" in tried.error
    assert tried.next_retry_at is not None
    assert _messages(database)[0].state == "pending"


def test_the_sweep_requeues_only_messages_whose_task_was_lost(
    database, published, receiver, sender
):
    _subscribe(database, receiver)
    _report(database, published)
    assert sender.huey.pending_count() == 1  # enqueued as the report committed
    sender.huey.flush()  # ... and lost with the queue
    assert sender.recover(lost_only=True) == 0  # due just now: not taken for lost yet
    with database.session() as session:
        session.execute(update(WebhookMessage).values(
            next_attempt_at=utcnow() - dt.timedelta(seconds=outbox.LOST_AFTER_S + 5)
        ))  # fmt: skip
    assert sender.recover(lost_only=True) == 1
    assert sender.huey.pending_count() == 1
    assert sender.recover() == 1  # at start-up: every pending message
