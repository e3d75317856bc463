"""Readers' reports: the plain form (no JavaScript), the API, and the protections around them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from transdesk.store.db import Database
from transdesk.store.desk_tables import ReaderReport


@pytest.fixture
def stored_reports(desk_settings):
    database = Database(desk_settings.resolved_database_url, migrate_on_open=False)

    def reports() -> list[ReaderReport]:
        with database.session() as session:
            return list(session.scalars(select(ReaderReport).order_by(ReaderReport.id)))

    yield reports
    database.close()


def test_a_reader_reports_a_sentence_without_javascript(desk_client, published_slug, stored_reports):
    chooser = desk_client.get(f"/articles/{published_slug}/feedback")
    assert f'href="/articles/{published_slug}/feedback?segment=b2.s0"' in chooser.text
    form = desk_client.get(f"/articles/{published_slug}/feedback", params={"segment": "b2.s0"})
    assert "Kremlin Palace stated on the 2nd" in form.text
    assert 'name="website"' in form.text  # the honeypot is there, hidden
    sent = desk_client.post(
        f"/articles/{published_slug}/feedback",
        data={"segment": "b2.s0", "kind": "name_or_title", "suggestion": "The Kremlin said"},
        follow_redirects=False,
    )
    assert sent.status_code == 303
    thanks = desk_client.get(sent.headers["location"])
    assert "Thank you" in thanks.text
    [report] = stored_reports()
    assert (report.segment_id, report.kind, report.suggestion) == (
        "b2.s0", "name_or_title", "The Kremlin said"
    )
    assert report.english_seen.startswith("Kremlin Palace stated")
    assert report.state == "open" and report.email is None


def test_a_reader_reports_through_the_api(desk_client, published_slug, stored_reports):
    answer = desk_client.post(
        f"/api/articles/{published_slug}/reports",
        json={"segment": "b3.s0", "kind": "mistranslation", "email": "reader@example.org"},
    )
    assert answer.status_code == 201, answer.text
    assert answer.json()["status"] == "received" and "email" not in answer.json()
    [report] = stored_reports()
    assert (report.segment_id, report.email) == ("b3.s0", "reader@example.org")


@pytest.mark.parametrize("via", ["form", "api"])
def test_a_filled_honeypot_is_thanked_but_not_kept(desk_client, published_slug, stored_reports, via):
    fields = {"segment": "b2.s0", "kind": "other", "website": "http://spam.example"}
    if via == "form":
        answer = desk_client.post(f"/articles/{published_slug}/feedback", data=fields)
        assert answer.status_code == 200 and "Thank you" in answer.text
    else:
        answer = desk_client.post(f"/api/articles/{published_slug}/reports", json=fields)
        assert answer.status_code == 201
    assert stored_reports() == []


def test_a_huge_report_is_refused_with_413(desk_client, published_slug, stored_reports):
    data = {"segment": "b2.s0", "kind": "other", "suggestion": "x" * 50_000}
    form = desk_client.post(f"/articles/{published_slug}/feedback", data=data)
    assert form.status_code == 413 and "byte limit" in form.text
    api = desk_client.post(f"/api/articles/{published_slug}/reports", json=data)
    assert (api.status_code, api.json()["code"]) == (413, "too_large")
    assert stored_reports() == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"suggestion": "y" * 2_500}, "2,500 characters; the limit is 2,000"),
        ({"email": "not-an-email"}, "does not look like an email"),
        ({"kind": "rude"}, "kind"),
        ({"segment": "b99.s0"}, "no sentence"),
    ],
)
def test_a_bad_report_is_sent_back_with_the_reason(
    desk_client, published_slug, stored_reports, fields, message
):
    data = {"segment": "b2.s0", "kind": "other", **fields}
    answer = desk_client.post(f"/articles/{published_slug}/feedback", data=data)
    assert answer.status_code in (404, 422)
    assert message in answer.text
    assert stored_reports() == []


def test_reports_are_rate_limited_per_client(make_desk_client, stored_reports):
    from fixtures.desk import SEED_ARTICLE, submit, wait_for_job

    client = make_desk_client(report_rate_limit="3/minute")
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    slug = submit(client, {"text": text, "format": "md"}).json()["slug"]
    assert wait_for_job(client, slug)["state"] == "done"
    body = {"segment": "b2.s0", "kind": "other"}
    codes = [client.post(f"/api/articles/{slug}/reports", json=body).status_code for _ in range(3)]
    limited = client.post(f"/api/articles/{slug}/reports", json=body)
    form = client.post(f"/articles/{slug}/feedback", data=body)
    assert codes == [201, 201, 201]
    assert (limited.status_code, limited.json()["code"]) == (429, "rate_limited")
    assert int(limited.headers["retry-after"]) >= 1
    assert form.status_code == 429 and "Too many requests" in form.text
    assert len(stored_reports()) == 3


def test_what_readers_send_is_never_shown_raw(desk_client, published_slug, stored_reports):
    nasty = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    desk_client.post(
        f"/articles/{published_slug}/feedback",
        data={"segment": "b2.s0", "kind": "other", "suggestion": nasty, "email": "x@example.org"},
    )
    bad = desk_client.post(
        f"/articles/{published_slug}/feedback",
        data={"segment": "b2.s0", "kind": "other", "suggestion": nasty, "email": "<b>@x"},
    )
    assert bad.status_code == 422
    assert "<script>alert" not in bad.text and "&lt;script&gt;" in bad.text  # echoed, escaped
    pages = [
        desk_client.get(f"/articles/{published_slug}").text,
        desk_client.get(f"/articles/{published_slug}/thanks").text,
        desk_client.get(f"/articles/{published_slug}/feedback").text,
        desk_client.get(f"/api/articles/{published_slug}").text,
    ]
    for page in pages:
        assert "<script>alert" not in page and "onerror=alert" not in page
        assert "x@example.org" not in page  # no reader sees another's email
    assert stored_reports()[0].suggestion == nasty  # kept as sent, for the editor (escaped there)


def test_the_byline_and_credit_are_in_english_and_no_hangul_is_left_in_the_metadata(desk):
    import re

    page = desk.client.get(f"/articles/{desk.slug}").text
    meta = page.split('<p class="meta">')[1].split("</p>")[0]
    assert "By Kim Ye-seul, staff reporter" in meta and "News1" in meta
    assert not re.search(r"[\uac00-\ud7a3]", meta)
