"""Held sentences in front of the editor: a blocked article is in the queue with why, publishing
is refused (409, with the sentences) until each held sentence is edited or accepted, and nothing
is ever dropped from the reader's page."""

from __future__ import annotations

from fixtures.editors import page_csrf
from sqlalchemy import update

from transdesk.store.desk_tables import ArticleSegment, DeskArticle
from transdesk.store.editor_tables import AuditEntry


def _block(desk) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Block the seed article as the gate does: the headline without English, one sentence
    blocked with its English; return (headline id, blocked id)."""
    segments = desk.client.get(f"/api/articles/{desk.slug}", headers=desk.auth).json()["segments"]
    headline = next(s["id"] for s in segments if s["kind"] == "headline")
    blocked = next(s["id"] for s in segments if s["kind"] == "paragraph")
    with desk.client.app.state.database.session() as session:
        session.execute(update(DeskArticle).values(state="blocked", decision="block",
                                                   published_at=None))  # fmt: skip
        session.execute(
            update(ArticleSegment).where(ArticleSegment.segment_id == headline)
            .values(english=None, decision="block", status="failed")
        )  # fmt: skip
        session.execute(
            update(ArticleSegment).where(ArticleSegment.segment_id == blocked)
            .values(decision="block", findings=[{"check": "numbers", "kind": "number",
                    "severity": "critical", "message": "the figure 49 is missing"}])
        )  # fmt: skip
    return headline, blocked


def _publish(desk, **body):  # type: ignore[no-untyped-def]
    return desk.client.post(f"/api/articles/{desk.slug}/publish", json=body, headers=desk.auth)


def test_a_blocked_article_is_in_the_queue_with_why(desk):
    _block(desk)
    queue = desk.client.get("/desk").text
    assert "Articles held before publishing" in queue and f'data-slug="{desk.slug}"' in queue
    assert "2 held sentences" in queue and "headline (no English" in queue
    assert "the figure 49 is missing" in queue
    listing = desk.client.get("/desk/articles").text
    row = listing.split(f'data-slug="{desk.slug}"')[1].split("</tr>")[0]
    assert "Resolve held sentences" in row and "Publish</button>" not in row


def test_a_bare_publish_request_is_refused_with_the_held_sentences(desk):
    headline, blocked = _block(desk)
    answer = _publish(desk)
    assert answer.status_code == 409, answer.text
    body = answer.json()
    assert body["code"] == "unresolved_sentences"
    assert [h["id"] for h in body["unresolved"]] == [headline, blocked]
    assert body["unresolved"][0]["label"] == "headline"
    assert body["unresolved"][1]["label"].startswith("paragraph 1")
    assert desk.client.get(f"/articles/{desk.slug}").status_code == 404  # still not public
    token = page_csrf(desk.client, "/desk/articles")
    page = desk.client.post(f"/desk/articles/{desk.slug}/publish", data={"csrf_token": token})
    assert "Not published" in page.text and "2 held sentences to resolve" in page.text
    assert desk.client.get(f"/articles/{desk.slug}").status_code == 404


def test_a_sentence_without_english_cannot_be_accepted_as_it_is(desk):
    headline, _ = _block(desk)
    answer = _publish(desk, accept=[headline])
    assert answer.status_code == 422 and "headline has no English" in answer.json()["message"]


def test_each_held_sentence_resolved_publishes_the_whole_article(desk):
    headline, blocked = _block(desk)
    partly = _publish(desk, accept=[blocked])
    assert partly.status_code == 409 and [h["id"] for h in partly.json()["unresolved"]] == [
        headline
    ]  # the acceptance stands; the headline still holds the article
    title = "Putin and Kim meet in Beijing"
    done = _publish(desk, edits={headline: title})
    assert done.status_code == 200, done.text
    assert done.json()["state"] == "published"
    assert not any(s["held"] for s in done.json()["segments"])
    page = desk.client.get(f"/articles/{desk.slug}").text
    assert title in page
    with desk.client.app.state.database.session() as session:
        actions = [(e.action, e.segment_id) for e in session.query(AuditEntry).all()]
    assert ("accept-held", blocked) in actions and ("edit", headline) in actions
    assert ("publish", None) in actions


def test_the_edit_page_resolves_and_publishes_in_one_go(desk):
    headline, blocked = _block(desk)
    edit = f"/desk/articles/{desk.slug}/edit"
    html = desk.client.get(edit).text
    assert "Headline · " in html and 'value="' + blocked + '"' in html  # accept box for it
    token = page_csrf(desk.client, edit)
    answer = desk.client.post(edit, data={
        "csrf_token": token, f"en:{headline}": "Putin and Kim meet", "accept": blocked,
        "publish": "1",
    })  # fmt: skip
    assert answer.status_code == 200 and "Published:" in answer.text
    assert "Putin and Kim meet" in desk.client.get(f"/articles/{desk.slug}").text


def test_a_sentence_without_english_is_shown_as_missing_never_dropped(desk):
    headline, _ = _block(desk)
    with desk.client.app.state.database.session() as session:  # as an older desk left it
        session.execute(update(DeskArticle).values(state="published"))
    page = desk.client.get(f"/articles/{desk.slug}").text
    assert f'data-segment="{headline}">[This sentence is not yet available in English.]' in page
