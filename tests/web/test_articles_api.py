"""Articles through the API and onto the reader's page, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from fixtures.desk import SEED_ARTICLE, wait_for_job

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
    assert "뉴스1" in html and "김예슬 기자" in html
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
        "headline": "크렘린궁 \"푸틴·김정은, 中 전승절 계기로 대화 이어갈 것\"",
        "date": "2025-09-02",
        "slug": "kremlin-json",
        "blocks": [{"type": "paragraph", "text": "그는 두 정상이 이후 대화를 이어갈 것으로 본다고 덧붙였다."}],
    }
    answer = desk_client.post("/api/articles", json={"article": article})
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
    answer = desk_client.post("/api/articles", json=body)
    assert (answer.status_code, answer.json()["code"]) == (status, code)
    assert answer.json()["message"]


def test_same_slug_twice_is_a_conflict(desk_client):
    body = {"text": SEED_TEXT, "format": "md", "slug": "twice"}
    assert desk_client.post("/api/articles", json=body).status_code == 202
    again = desk_client.post("/api/articles", json=body)
    assert (again.status_code, again.json()["code"]) == (409, "conflict")


@pytest.mark.parametrize(
    "path", ["/api/articles/nope", "/api/articles/nope/status", "/api/articles/nope/reports"]
)
def test_unknown_article_is_a_json_404(desk_client, path):
    method = "POST" if path.endswith("reports") else "GET"
    body = {"segment": "b0.s0", "kind": "other"} if method == "POST" else None
    answer = desk_client.request(method, path, json=body)
    assert answer.status_code == 404
    assert answer.json()["code"] == "not_found"


def test_unpublished_or_unknown_page_is_an_html_404(desk_client):
    answer = desk_client.get("/articles/nope")
    assert answer.status_code == 404 and "text/html" in answer.headers["content-type"]


def test_cancelled_job_never_publishes(make_desk_client):
    client = make_desk_client(worker_in_process=False)  # nothing runs the job: it stays queued
    slug = client.post("/api/articles", json={"text": SEED_TEXT, "format": "md"}).json()["slug"]
    assert client.get(f"/api/articles/{slug}/status").json()["state"] == "queued"
    cancelled = client.post(f"/api/articles/{slug}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
    again = client.post(f"/api/articles/{slug}/cancel")
    assert (again.status_code, again.json()["code"]) == (409, "conflict")
    assert client.get(f"/articles/{slug}").status_code == 404
    assert client.get(f"/api/articles/{slug}").json()["state"] == "cancelled"


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
