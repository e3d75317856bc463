"""The review queue: reports grouped by sentence with their evidence, order, filters, emails for
editors only, hostile text escaped, articles waiting for review listed first."""

from __future__ import annotations

import re

import pytest
from fixtures.editors import file_report, page_csrf, reports_on
from markupsafe import escape

from transdesk.glossary.model import TermEntry, TermKind
from transdesk.glossary.store import TermbaseStore
from transdesk.memory import MemoryPair, TranslationMemory


def _keys(queue: dict) -> list[str]:
    return [g["segment"] for g in queue["groups"]]


def test_reports_are_grouped_by_sentence_most_reported_then_newest_first(desk):
    file_report(desk.client, desk.slug, "b5.s0", suggestion="one")
    for _ in range(3):
        file_report(desk.client, desk.slug, "b2.s0", suggestion="leader Kim")
    file_report(desk.client, desk.slug, "b6.s1", kind="number_or_date")
    queue = reports_on(desk.client, desk.token)
    assert queue["total"] == 3
    assert _keys(queue) == ["b2.s0", "b6.s1", "b5.s0"]  # 3 reports; then the newer of the 1s
    first = queue["groups"][0]
    assert len(first["reports"]) == 3
    assert first["source"].startswith("크렘린궁은 2일(현지시간)")
    assert "Commissioner Kim Jong-un" in first["english"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"kind": "number_or_date"}, ["b6.s1"]),
        ({"kind": "name_or_title"}, ["b2.s0", "b5.s0"]),
        ({"state": "rejected"}, ["b5.s0"]),
        ({"article": "no-such-article"}, []),
    ],
)
def test_the_queue_filters_by_kind_status_and_article(desk, filters, expected):
    file_report(desk.client, desk.slug, "b2.s0")
    file_report(desk.client, desk.slug, "b2.s0")
    file_report(desk.client, desk.slug, "b5.s0")
    file_report(desk.client, desk.slug, "b6.s1", kind="number_or_date")
    if filters.get("state") == "rejected":
        desk.client.post("/api/reports/3/reject", json={"reason": "fine"}, headers=desk.auth)
        expected_open = ["b2.s0", "b6.s1"]
        assert _keys(reports_on(desk.client, desk.token)) == expected_open
    assert _keys(reports_on(desk.client, desk.token, **filters)) == expected


def test_the_article_filter_on_the_queue_page(desk):
    file_report(desk.client, desk.slug, "b2.s0")
    mine = desk.client.get("/desk", params={"article": desk.slug}).text
    other = desk.client.get("/desk", params={"article": "another-one"}).text
    assert 'data-segment="b2.s0"' in mine and 'data-segment="b2.s0"' not in other


def test_the_queue_shows_the_termbase_entries_and_memory_matches_that_apply(desk):
    database = desk.client.app.state.database
    TermbaseStore(database).add(
        TermEntry(
            source="김정은 국무위원장",
            target="North Korean leader Kim Jong-un",
            variants=("김정은 북한 국무위원장",),
            later="Kim",
            forbidden=("Commissioner Kim",),
            kind=TermKind.PERSON,
        ),
        by="mina",
    )
    TranslationMemory(database).add(
        MemoryPair(
            source="크렘린궁은 1일(현지시간) 블라디미르 푸틴 러시아 대통령과 "
            "김정은 북한 국무위원장이 3일 열리는 중국 전승절 행사에서 "
            "만날 것으로 예상된다고 밝혔다.",
            target="The Kremlin said on Sept. 1 that Putin and Kim would meet.",
            approved_by="mina",
        )
    )
    file_report(desk.client, desk.slug, "b2.s0")
    page = desk.client.get("/desk").text
    group = page[page.index('data-segment="b2.s0"') :]
    assert "North Korean leader Kim Jong-un" in group and "Commissioner Kim" in group
    assert "The Kremlin said on Sept. 1 that Putin and Kim would meet." in group
    assert re.search(r'class="score">\d+%', group)


def test_a_sentence_the_checks_flagged_shows_their_findings(desk):
    from sqlalchemy import update

    from transdesk.store.desk_tables import ArticleSegment

    finding = {
        "check": "names",
        "kind": "title",
        "severity": "major",
        "message": "title of 김정은 not rendered as approved",
        "suggestion": "leader Kim",
    }
    with desk.client.app.state.database.session() as session:
        session.execute(
            update(ArticleSegment)
            .where(ArticleSegment.segment_id == "b2.s0")
            .values(findings=[finding])
        )
    file_report(desk.client, desk.slug, "b2.s0")
    assert "title of 김정은 not rendered as approved" in desk.client.get("/desk/reports/1").text


def test_emails_are_shown_to_editors_and_to_nobody_else(desk):
    file_report(desk.client, desk.slug, "b2.s0", suggestion="leader", email="reader@example.com")
    assert "reader@example.com" in desk.client.get("/desk").text
    assert (
        reports_on(desk.client, desk.token)["groups"][0]["reports"][0]["email"]
        == "reader@example.com"
    )
    desk.client.cookies.clear()
    for path in (
        f"/articles/{desk.slug}",
        f"/articles/{desk.slug}/feedback?segment=b2.s0",
        f"/articles/{desk.slug}/thanks",
        f"/api/articles/{desk.slug}",
        "/",
    ):
        assert "reader@example.com" not in desk.client.get(path).text, path
    assert desk.client.get("/api/reports").status_code == 401
    assert desk.client.get("/desk", follow_redirects=False).status_code == 303


HOSTILE = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "</textarea><script>alert(2)</script>",
    "{{ 7*7 }} {% raw %}",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_report_text_is_escaped_in_the_queue_and_the_report_page(desk, text):
    file_report(desk.client, desk.slug, "b2.s0", kind="other", suggestion=text)
    for path in ("/desk", "/desk/reports/1"):
        page = desk.client.get(path).text
        assert str(escape(text)) in page, path
        assert ("<" not in text and '"' not in text) or text not in page, path
    assert "49" not in desk.client.get("/desk/reports/1").text.split("suggestion")[1][:40]


def test_articles_sent_to_review_are_listed_first_and_can_be_published(desk):
    from sqlalchemy import update

    from transdesk.store.desk_tables import DeskArticle

    with desk.client.app.state.database.session() as session:
        session.execute(update(DeskArticle).values(state="review", decision="review"))
    listing = desk.client.get("/desk/articles").text
    assert f'data-slug="{desk.slug}"' in listing and "Publish</button>" in listing
    assert desk.client.get(f"/articles/{desk.slug}").status_code == 404
    assert desk.slug in desk.client.get("/desk").text  # flagged on the queue page too
    token = page_csrf(desk.client, "/desk/articles")
    done = desk.client.post(f"/desk/articles/{desk.slug}/publish", data={"csrf_token": token})
    assert done.status_code == 200
    assert desk.client.get(f"/articles/{desk.slug}").status_code == 200


def test_an_editor_edits_a_sentence_of_an_article_under_review(desk):
    from sqlalchemy import update

    from transdesk.store.desk_tables import DeskArticle

    with desk.client.app.state.database.session() as session:
        session.execute(update(DeskArticle).values(state="review"))
    token = page_csrf(desk.client, f"/desk/articles/{desk.slug}/edit")
    new = "The Kremlin said on Sept. 2 that the leaders would keep talking."
    desk.client.post(
        f"/desk/articles/{desk.slug}/edit", data={"csrf_token": token, "en:b2.s0": new}
    )
    assert desk.english("b2.s0") == new


def test_an_editor_translates_an_article_again(desk):
    token = page_csrf(desk.client, "/desk/articles")
    answer = desk.client.post(f"/desk/articles/{desk.slug}/retranslate", data={"csrf_token": token})
    assert answer.status_code == 200
    from fixtures.desk import wait_for_job

    job = wait_for_job(desk.client, desk.slug)
    assert job["state"] == "done" and job["attempts"] == 1
    assert desk.client.get(f"/articles/{desk.slug}").status_code == 200


def test_the_queue_confirms_an_accept_and_a_reject_and_labels_sentences(desk):
    file_report(desk.client, desk.slug, "b2.s0", suggestion="leader Kim")
    queue = desk.client.get("/desk").text
    assert "paragraph 1" in queue.split('data-segment="b2.s0"')[1].split("</h2>")[0]
    token = page_csrf(desk.client, "/desk/reports/1")
    accepted = desk.client.post(
        "/desk/reports/1/accept", data={"csrf_token": token, "wording": "Kremlin said so."}
    )
    assert accepted.status_code == 200 and "Correction published" in accepted.text
    file_report(desk.client, desk.slug, "b5.s0", suggestion="other")
    token = page_csrf(desk.client, "/desk/reports/2")
    rejected = desk.client.post(
        "/desk/reports/2/reject", data={"csrf_token": token, "reason": "It is right."}
    )
    assert rejected.status_code == 200 and "Report rejected" in rejected.text


def test_the_report_page_shows_the_suggestion_as_a_word_diff(desk):
    english = desk.english("b2.s0")
    file_report(desk.client, desk.slug, "b2.s0",
                suggestion=english.replace("Commissioner", "leader"))  # fmt: skip
    page = desk.client.get("/desk/reports/1").text
    assert "<del>Commissioner</del>" in page and "<ins>leader</ins>" in page
