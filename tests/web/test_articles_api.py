"""Articles through the API and onto the reader's page, on SQLite and PostgreSQL: editors submit,
follow and cancel them; anyone reads the published ones."""

from __future__ import annotations

import dataclasses
import json

import pytest
from fixtures.desk import SEED_ARTICLE, submit, wait_for_job, wire
from fixtures.editors import add_editor, page_csrf, sign_in

from transdesk.desk import audit
from transdesk.desk.articles import receive_article
from transdesk.ingest import read_article

SEED_TEXT = SEED_ARTICLE.read_text(encoding="utf-8")


def test_submitted_article_is_translated_and_published_with_the_ai_notice(
    desk_client, published_slug
):
    page = desk_client.get(f"/articles/{published_slug}")
    assert page.status_code == 200
    html = page.text
    assert "Kremlin Palace stated on the 2nd" in html  # the engine's English, sentence by sentence
    assert '<span class="s" data-segment="b2.s0">' in html
    assert '<time datetime="2025-09-02">Sept. 2, 2025</time>' in html
    assert "News1" in html and "By Kim Ye-seul, staff reporter" in html  # English metadata
    assert "뉴스1" not in html and "김예슬" not in html
    assert (
        "※ This article has been translated by AI. Share your feedback "
        f'<a href="/articles/{published_slug}/feedback" class="feedback-link">here</a>.'
    ) in html
    assert "<figcaption>" in html  # the photo caption is a caption, not a paragraph


def test_article_api_reports_the_job_and_every_sentence(desk_client, published_slug):
    article = desk_client.get(f"/api/articles/{published_slug}").json()
    assert article["state"] == "published"
    assert article["job"]["state"] == "done"
    assert article["job"]["done"] == article["job"]["total"] == len(article["segments"]) >= 8
    assert article["segments"][0]["source"].startswith("크렘린궁")
    assert article["segments"][0]["english"].startswith("Kremlin")
    assert article["signature"]["engine"] == "desk-phrasebook"
    listed = desk_client.get("/api/articles", params={"state": "published"}).json()
    assert listed["total"] == 1 and listed["articles"][0]["slug"] == published_slug
    assert desk_client.get("/").text.count(f'href="/articles/{published_slug}"') == 1


def test_a_json_article_object_is_accepted(desk_client):
    article = {
        "headline": '크렘린궁 "푸틴·김정은, 中 전승절 계기로 대화 이어갈 것"',
        "date": "2025-09-02",
        "slug": "kremlin-json",
        "blocks": [
            {
                "type": "paragraph",
                "text": "그는 두 정상이 이후 대화를 이어갈 것으로 본다고 덧붙였다.",
            }
        ],
    }
    answer = submit(desk_client, {"article": article})
    assert answer.status_code == 202, answer.text
    assert answer.headers["location"].endswith("/api/articles/kremlin-json")
    assert wait_for_job(desk_client, "kremlin-json")["state"] == "done"
    assert "He added that they assume" in desk_client.get("/articles/kremlin-json").text


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"text": "", "format": "md"}, 422, "invalid_request"),
        ({"text": "\x00\x01binary", "format": "md"}, 422, "invalid_article"),
        ({"text": "{not json", "format": "json"}, 422, "invalid_article"),
        ({"text": SEED_TEXT, "article": {"headline": "x"}}, 422, "invalid_request"),
        ({"text": SEED_TEXT, "format": "docx"}, 422, "invalid_request"),
    ],
)
def test_bad_submissions_are_refused_with_a_stable_code(desk_client, body, status, code):
    answer = submit(desk_client, body)
    assert (answer.status_code, answer.json()["code"]) == (status, code)
    assert answer.json()["message"]


def test_same_slug_twice_is_a_conflict(desk_client):
    body = {"text": SEED_TEXT, "format": "md", "slug": "twice"}
    assert submit(desk_client, body).status_code == 202
    again = submit(desk_client, body)
    assert (again.status_code, again.json()["code"]) == (409, "conflict")


@pytest.mark.parametrize(
    "path", ["/api/articles/nope", "/api/articles/nope/status", "/api/articles/nope/reports"]
)
def test_unknown_article_is_a_json_404(desk_client, path):
    method = "POST" if path.endswith("reports") else "GET"
    body = {"segment": "b0.s0", "kind": "other"} if method == "POST" else None
    answer = desk_client.request(method, path, json=body, headers=wire(desk_client))
    assert answer.status_code == 404
    assert answer.json()["code"] == "not_found"


def test_unpublished_or_unknown_page_is_an_html_404(desk_client):
    answer = desk_client.get("/articles/nope")
    assert answer.status_code == 404 and "text/html" in answer.headers["content-type"]


def test_cancelled_job_never_publishes(make_desk_client):
    client = make_desk_client(worker_in_process=False)  # nothing runs the job: it stays queued
    slug = submit(client, {"text": SEED_TEXT, "format": "md"}).json()["slug"]
    editor = wire(client)
    assert client.get(f"/api/articles/{slug}/status", headers=editor).json()["state"] == "queued"
    cancelled = client.post(f"/api/articles/{slug}/cancel", headers=editor)
    assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
    again = client.post(f"/api/articles/{slug}/cancel", headers=editor)
    assert (again.status_code, again.json()["code"]) == (409, "conflict")
    assert client.get(f"/articles/{slug}").status_code == 404
    assert client.get(f"/api/articles/{slug}", headers=editor).json()["state"] == "cancelled"


def test_health(desk_client, database_url):
    health = desk_client.get("/api/health").json()
    assert health["status"] == "ok"
    assert health["database"] == ("sqlite" if database_url.startswith("sqlite") else "postgresql")


def test_openapi_documents_every_api_route(desk_client):
    spec = desk_client.get("/openapi.json").json()
    assert set(spec["paths"]) >= {
        "/api/articles", "/api/articles/{slug}", "/api/articles/{slug}/status",
        "/api/articles/{slug}/cancel", "/api/articles/{slug}/reports", "/api/health",
    }  # fmt: skip
    assert "ErrorBody" in json.dumps(spec["components"])


# --- who may do what ---------------------------------------------------------------------------

STRANGERS = {
    "nobody": {},
    "unknown token": {"Authorization": "Bearer tdk_not-a-real-token"},
    "basic auth": {"Authorization": "Basic bWluYTpwdw=="},
}


@pytest.mark.parametrize("headers", STRANGERS.values(), ids=STRANGERS.keys())
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/api/articles"),
        ("POST", "/api/articles/{slug}/cancel"),
        ("GET", "/api/articles/{slug}"),
        ("GET", "/api/articles/{slug}/status"),
        ("GET", "/api/articles?state=received"),
        ("GET", "/api/articles/nope"),
    ],
)
def test_only_editors_submit_cancel_or_read_unpublished_articles(
    make_desk_client, method, path, headers
):
    client = make_desk_client(worker_in_process=False)  # the article stays queued
    slug = submit(client, {"text": SEED_TEXT, "format": "md", "slug": "queued"}).json()["slug"]
    body = {"text": SEED_TEXT, "format": "md", "slug": "sneaked-in"} if method == "POST" else None
    answer = client.request(method, path.format(slug=slug), json=body, headers=headers)
    assert answer.status_code == 401, answer.text
    assert answer.json()["code"] == "not_authenticated" and answer.json()["message"]
    assert answer.headers["www-authenticate"] == "Bearer"
    job = client.get(f"/api/articles/{slug}/status", headers=wire(client)).json()
    assert job["state"] == "queued"  # not cancelled
    listed = client.get("/api/articles", headers=wire(client)).json()
    assert [a["slug"] for a in listed["articles"]] == ["queued"]  # nothing sneaked in


def test_readers_see_only_published_articles_through_the_api(desk_client, published_slug):
    with desk_client.app.state.database.session() as session:  # received, never translated
        receive_article(session, dataclasses.replace(read_article(SEED_ARTICLE), slug="later"))
    public = desk_client.get("/api/articles").json()
    assert [a["slug"] for a in public["articles"]] == [published_slug] and public["total"] == 1
    assert desk_client.get(f"/api/articles/{published_slug}").status_code == 200
    assert desk_client.get(f"/api/articles/{published_slug}/status").status_code == 200
    assert desk_client.get("/api/articles/later").status_code == 401
    everything = desk_client.get("/api/articles", headers=wire(desk_client)).json()
    assert [a["slug"] for a in everything["articles"]] == ["later", published_slug]
    report = {"segment": "b2.s0", "kind": "other"}
    filed = desk_client.post(f"/api/articles/{published_slug}/reports", json=report)
    assert filed.status_code == 201
    assert desk_client.get("/api/health").status_code == 200


def test_an_editor_submits_with_the_session_cookie_and_its_csrf_header(desk_client):
    add_editor(desk_client, "mina")
    sign_in(desk_client, "mina")
    body = {"text": SEED_TEXT, "format": "md", "slug": "from-the-desk"}
    refused = desk_client.post("/api/articles", json=body)
    assert (refused.status_code, refused.json()["code"]) == (403, "csrf")
    token = page_csrf(desk_client)
    answer = desk_client.post("/api/articles", json=body, headers={"X-CSRF-Token": token})
    assert answer.status_code == 202, answer.text
    with desk_client.app.state.database.session() as session:
        actions = [(e.actor, e.action) for e in audit.entries(session, limit=5)]
    assert ("mina", "submit") in actions


def test_a_value_the_database_cannot_store_is_a_422_not_a_server_error(desk_client):
    answer = desk_client.get(
        "/api/memory/lookup", params={"q": "김\x00정은"}, headers=wire(desk_client)
    )
    assert answer.status_code in (200, 422)  # SQLite stores NUL; PostgreSQL text cannot
    if answer.status_code == 422:
        assert answer.json()["code"] == "invalid_request"
