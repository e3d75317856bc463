"""A restart in the middle of the retries loses nothing and sends nothing twice: the receiver
fails the first try (500), the desk and its worker stop and start again, and the retry arrives
once, with the same `webhook-id`, whether or not the queue kept the retry's task."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from fixtures.desk import bare_pipeline
from sqlalchemy import select

from transdesk.store.webhook_tables import WebhookDelivery, WebhookMessage
from transdesk.web.app import create_app
from transdesk.webhooks import outbox, subscriptions

RETRY_S = 3.0  # long enough to stop the desk before the retry is due
RUN_WORKER = Path(__file__).resolve().parents[1] / "web" / "run_worker.py"


def _start(settings) -> TestClient:  # type: ignore[no-untyped-def]
    client = TestClient(create_app(settings, pipeline_factory=bare_pipeline))
    client.__enter__()  # the lifespan: database, queue, the worker in threads
    return client


def _tries(database) -> list[WebhookDelivery]:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return list(session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id)))


def _wait(condition, timeout_s: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def _fail_the_first_try_and_stop(desk_settings, database, published, receiver, monkeypatch):  # type: ignore[no-untyped-def]
    """A subscriber whose first try fails (500); a reader report sends it; the desk stops while
    the retry waits."""
    monkeypatch.setattr(outbox, "BACKOFF_S", (RETRY_S, RETRY_S))
    with database.session() as session:
        receiver.secret = subscriptions.add(session, receiver.url, (), "boss").secret
    receiver.answers = [500]
    first = _start(desk_settings)
    try:
        filed = first.post(
            f"/api/articles/{published}/reports", json={"segment": "b2.s0", "kind": "other"}
        )
        assert filed.status_code == 201, filed.text
        _wait(lambda: len(_tries(database)) == 1, 20, "the first try to be logged")
    finally:
        first.__exit__(None, None, None)  # the desk and its worker stop mid-retry


def _assert_retried_once(receiver, database) -> None:  # type: ignore[no-untyped-def]
    """The failed try and one retry arrived, both signed, the same message under one id."""
    assert [r.answered for r in receiver.received] == [500, 200]
    assert all(r.error is None for r in receiver.received)  # both signatures verify
    assert receiver.received[0].body == receiver.received[1].body
    assert len({r.headers["webhook-id"] for r in receiver.received}) == 1
    assert [t.status_code for t in _tries(database)] == [500, 200]


@pytest.mark.parametrize("queue_lost", [False, True], ids=["queue-kept", "queue-lost"])
def test_a_retry_survives_a_restart_and_arrives_once(
    desk_settings, database, published, receiver, monkeypatch, queue_lost
):
    _fail_the_first_try_and_stop(desk_settings, database, published, receiver, monkeypatch)
    [failed] = _tries(database)
    assert failed.status_code == 500 and failed.next_retry_at is not None
    if queue_lost:  # as if the queue's storage went with the machine
        for path in desk_settings.data_dir.glob("queue.db*"):
            path.unlink()

    second = _start(desk_settings)
    try:
        receiver.wait_for(2, timeout_s=RETRY_S + 20)
        time.sleep(RETRY_S + 1.5)  # a duplicate task would have sent it again by now
    finally:
        second.__exit__(None, None, None)

    _assert_retried_once(receiver, database)
    with database.session() as session:
        message = session.scalar(select(WebhookMessage))
    assert (message.state, message.attempts) == ("delivered", 2)
    assert message.delivered_at is not None


def test_a_retry_lost_with_the_desk_is_sent_by_a_worker_started_later(
    desk_settings, database, published, receiver, monkeypatch, tmp_path
):
    """The desk stops mid-retry with its queue; `transdesk worker`, started afresh, sends it."""
    _fail_the_first_try_and_stop(desk_settings, database, published, receiver, monkeypatch)
    for path in desk_settings.data_dir.glob("queue.db*"):
        path.unlink()

    env = {
        **os.environ,
        "TRANSDESK_DATA_DIR": str(desk_settings.data_dir),
        "TRANSDESK_CACHE_DIR": str(desk_settings.cache_dir),
        "TRANSDESK_DATABASE_URL": desk_settings.resolved_database_url,
        "TRANSDESK_ENGINE": "desk-phrasebook",
    }
    with (tmp_path / "worker.log").open("ab") as output:
        worker = subprocess.Popen(
            [sys.executable, str(RUN_WORKER), "-v", "worker"], env=env, stdout=output,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        receiver.wait_for(2, timeout_s=60)
        time.sleep(1.0)
    finally:
        worker.terminate()
        worker.wait(15)
    _assert_retried_once(receiver, database)
