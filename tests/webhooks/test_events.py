"""Events through the desk's own paths, sent by its worker to a real receiver that verifies each
signature: a report filed, a correction published, an article published by hand and by its job."""

from __future__ import annotations

import datetime as dt

from fixtures.desk import SEED_ARTICLE, submit, wait_for_job
from fixtures.editors import file_report
from sqlalchemy import event, func, select, update

from transdesk.store.desk_tables import ArticleState, DeskArticle
from transdesk.store.webhook_tables import WebhookMessage
from transdesk.webhooks import subscriptions

LEADER = (
    "Kremlin Palace stated on the 2nd that Russian President Vladimir Putin and North Korean "
    "leader Kim Jong-un are expected to continue their dialogue as they attend the 80th "
    "anniversary event of China's Victory Day on the 3rd (local time)."
)


def subscribe(database, receiver, events=()):  # type: ignore[no-untyped-def]
    with database.session() as session:
        endpoint = subscriptions.add(session, receiver.url, events, "boss")
        receiver.secret = endpoint.secret
        return endpoint.id


def test_a_report_and_its_correction_are_sent_signed(desk, receiver):
    subscribe(desk.client.app.state.database, receiver)
    file_report(desk.client, desk.slug, "b2.s0", suggestion="North Korean leader Kim")
    [report] = receiver.wait_for(1)
    assert report.headers["webhook-id"].startswith("msg_")
    assert report.headers["webhook-signature"].startswith("v1,")
    [payload] = receiver.payloads  # verified with standardwebhooks
    assert payload["type"] == "report.received"
    assert set(payload) == {"type", "timestamp", "data"}
    sent_at = dt.datetime.fromisoformat(payload["timestamp"].replace("Z", "+00:00"))
    assert abs(dt.datetime.now(dt.UTC) - sent_at) < dt.timedelta(minutes=1)
    data = payload["data"]
    assert data["report_id"] == 1 and data["kind"] == "name_or_title"
    assert data["slug"] == desk.slug
    assert data["url"] == f"http://127.0.0.1:8000/articles/{desk.slug}"  # from public_url
    assert data["sentence"].startswith("Kremlin Palace stated")
    assert data["suggestion"] == "North Korean leader Kim" and "email" not in data

    answer = desk.client.post("/api/reports/1/accept", json={"wording": LEADER}, headers=desk.auth)
    assert answer.status_code == 200, answer.text
    receiver.wait_for(2)
    corrected = receiver.payloads[1]
    assert corrected["type"] == "article.corrected"
    assert corrected["data"]["sentence"] == LEADER and corrected["data"]["segment_id"] == "b2.s0"
    assert "was corrected on" in corrected["data"]["note"]
    assert corrected["data"]["revision"] == data["revision"] + 1
    assert receiver.received[0].headers["webhook-id"] != receiver.received[1].headers["webhook-id"]


def test_publishing_by_hand_and_from_a_job_is_sent(desk, receiver):
    database = desk.client.app.state.database
    subscribe(database, receiver, events=["article.published"])
    file_report(desk.client, desk.slug, "b2.s0")  # not subscribed: sends nothing
    with database.session() as session:
        session.execute(update(DeskArticle).values(state=ArticleState.REVIEW))
    published = desk.client.post(f"/api/articles/{desk.slug}/publish", json={}, headers=desk.auth)
    assert published.status_code == 200, published.text
    [by_hand] = [r.payload for r in receiver.wait_for(1)]
    assert by_hand["type"] == "article.published" and by_hand["data"]["slug"] == desk.slug
    with database.session() as session:
        row = session.scalar(select(DeskArticle).where(DeskArticle.slug == desk.slug))
        english = " ".join(s.english for s in row.segments if s.block_kind == "headline")
    assert by_hand["data"]["revision"] == row.revision
    assert by_hand["data"]["headline"] == english and english  # the English readers see

    text = SEED_ARTICLE.read_text(encoding="utf-8")
    again = submit(desk.client, {"text": text, "format": "md", "slug": "seed-again"})
    assert again.status_code == 202, again.text
    assert wait_for_job(desk.client, "seed-again")["state"] == "done"
    receiver.wait_for(2)
    from_job = receiver.payloads[1]
    assert from_job["type"] == "article.published" and from_job["data"]["slug"] == "seed-again"
    assert from_job["data"]["url"].endswith("/articles/seed-again")
    assert len(receiver.received) == 2


def test_an_event_nobody_subscribed_to_reads_nothing_for_its_payload(desk, receiver):
    """With no endpoint for `report.received`, filing a report reads the sentence and writes the
    report: the article and its headline, which only a payload needs, are not read."""
    database = desk.client.app.state.database
    subscribe(database, receiver, events=["article.published"])
    statements: list[str] = []
    listener = lambda _c, _cur, statement, *_rest: statements.append(statement)  # noqa: E731
    event.listen(database.engine, "before_cursor_execute", listener)
    try:
        file_report(desk.client, desk.slug, "b2.s0", suggestion="North Korean leader Kim")
    finally:
        event.remove(database.engine, "before_cursor_execute", listener)
    assert any(s.startswith("INSERT INTO reader_reports") for s in statements)
    assert not any("block_kind" in s for s in statements)  # the headline of a payload
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(WebhookMessage)) == 0
