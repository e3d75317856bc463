"""Accepting and rejecting readers' reports: the live page, the note, the audit log, the memory,
propagation to other articles, and regression runs."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fixtures.desk import submit, wait_for_job
from fixtures.editors import csrf_of, file_report, page_csrf
from sqlalchemy import select

from transdesk.feedback.note import corrected_on, correction_note
from transdesk.desk.regress import run_regression
from transdesk.memory import TranslationMemory
from transdesk.publish.notice import ap_date
from transdesk.store.desk_tables import DeskArticle, ReaderReport
from transdesk.store.editor_tables import AuditEntry, RegressionCase

LEADER = (
    "Kremlin Palace stated on the 2nd that Russian President Vladimir Putin and North Korean "
    "leader Kim Jong-un are expected to continue their dialogue as they attend the 80th "
    "anniversary event of China's Victory Day on the 3rd (local time)."
)


def _today(desk) -> dt.date:  # type: ignore[no-untyped-def]
    with desk.client.app.state.database.session() as session:
        return corrected_on(session.scalar(select(DeskArticle)))


def _accept_in_browser_form(desk, report_id: int, wording: str = "", note: str = ""):  # type: ignore[no-untyped-def]
    token = csrf_of(desk.client.get(f"/desk/reports/{report_id}").text)
    return desk.client.post(
        f"/desk/reports/{report_id}/accept",
        data={"wording": wording, "note": note, "csrf_token": token},
        follow_redirects=False,
    )


def test_accepting_publishes_the_sentence_at_once_with_a_dated_note(desk):
    file_report(desk.client, desk.slug, "b2.s0", suggestion="North Korean leader Kim")
    desk.client.get(f"/articles/{desk.slug}")  # the page is cached at this revision
    answer = _accept_in_browser_form(desk, 1, wording=LEADER)
    assert answer.status_code == 303, answer.text

    page = desk.client.get(f"/articles/{desk.slug}").text
    assert "North Korean leader Kim Jong-un are expected" in page
    assert "North Korean Commissioner Kim Jong-un" not in page
    note = (
        f"This article was corrected on {ap_date(_today(desk))}, to give the correct "
        "title of Kim Jong-un."
    )
    assert note in page


def test_the_edited_wording_wins_over_the_readers_suggestion(desk):
    file_report(desk.client, desk.slug, "b2.s0", suggestion="Kim the leader")
    answer = desk.client.post("/api/reports/1/accept", json={"wording": LEADER}, headers=desk.auth)
    assert answer.status_code == 200, answer.text
    assert desk.english("b2.s0") == LEADER
    body = answer.json()
    assert body["before"].startswith("Kremlin Palace") and body["after"] == LEADER


def test_accepting_resolves_every_report_on_the_sentence_and_is_audited(desk):
    for suggestion in ("leader Kim", "Chairman Kim"):
        file_report(desk.client, desk.slug, "b2.s0", suggestion=suggestion)
    file_report(desk.client, desk.slug, "b5.s0", suggestion="elsewhere")
    done = desk.client.post("/api/reports/2/accept", json={"wording": LEADER}, headers=desk.auth)
    assert done.json()["resolved_reports"] == [1, 2]
    with desk.client.app.state.database.session() as session:
        states = dict(session.execute(select(ReaderReport.id, ReaderReport.state)).all())
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "accept_report"))
    assert states == {1: "accepted", 2: "accepted", 3: "open"}
    assert (entry.actor, entry.segment_id, entry.after) == ("mina", "b2.s0", LEADER)
    assert "Commissioner Kim Jong-un" in entry.before
    assert entry.at <= dt.datetime.now(dt.UTC).replace(tzinfo=None)


def test_a_report_is_decided_once(desk):
    file_report(desk.client, desk.slug, "b2.s0", suggestion=LEADER)
    assert desk.client.post("/api/reports/1/accept", json={}, headers=desk.auth).status_code == 200
    again = desk.client.post("/api/reports/1/accept", json={}, headers=desk.auth)
    assert again.status_code == 409 and again.json()["code"] == "conflict"


def test_accepting_records_the_correction_in_the_memory(desk):
    file_report(desk.client, desk.slug, "b2.s0", suggestion=LEADER)
    body = desk.client.post("/api/reports/1/accept", json={}, headers=desk.auth).json()
    assert "error" not in (body["learning"] or {}), body["learning"]
    with desk.client.app.state.database.session() as session:
        source = session.scalar(select(RegressionCase.source_text))
    match = TranslationMemory(desk.client.app.state.database).exact(source)
    assert match is not None and match.target == LEADER and match.approved_by == "mina"
    lookup = desk.client.get("/api/memory/lookup", params={"q": source}, headers=desk.auth)
    assert lookup.json()[0]["target"] == LEADER


def test_rejecting_keeps_the_reason_and_the_article(desk):
    file_report(desk.client, desk.slug, "b5.s0", kind="grammar_or_style", suggestion="meh")
    before = desk.english("b5.s0")
    token = page_csrf(desk.client, "/desk/reports/1")
    missing = desk.client.post(
        "/desk/reports/1/reject", data={"reason": " ", "csrf_token": token}, follow_redirects=False
    )
    assert "say why" in desk.client.get(missing.headers["location"]).text
    done = desk.client.post(
        "/desk/reports/1/reject", data={"reason": "The sentence is accurate.", "csrf_token": token}
    )
    assert done.status_code == 200
    assert desk.english("b5.s0") == before
    queue = desk.client.get("/api/reports", params={"state": "rejected"}, headers=desk.auth).json()
    report = queue["groups"][0]["reports"][0]
    assert (report["state"], report["reason"], report["decided_by"]) == (
        "rejected",
        "The sentence is accurate.",
        "mina",
    )


@pytest.mark.parametrize(
    ("kind", "before", "after", "fix"),
    [
        (
            "name_or_title",
            "North Korean Commissioner Kim Jong-un said.",
            "North Korean leader Kim Jong-un said.",
            "to give the correct title of Kim Jong-un",
        ),
        (
            "name_or_title",
            "Kremlin Palace stated it.",
            "The Kremlin said it.",
            "to give the correct name of the Kremlin",
        ),
        (
            "number_or_date",
            "He arrived on the 31st of last month.",
            "He arrived on Aug. 31.",
            "to correct a date",
        ),
        ("number_or_date", "It cost 300 won.", "It cost 3,000 won.", "to correct a number"),
        (
            "missing_text",
            "He left.",
            "He left by train.",
            "to restore text missing from the translation",
        ),
        (
            "grammar_or_style",
            "They was there.",
            "They were there.",
            "to fix the wording of a sentence",
        ),
        (
            "name_or_title",
            "It was the Energy Department's plan.",
            "It was the U.S. Department of Energy's plan.",
            "to give the correct name of the U.S. Department of Energy",
        ),
        ("mistranslation", "He ate rain.", "He walked in the rain.",
         "to correct a mistranslated sentence"),
        ("other", "He left at noon .", "He left at noon.", "to correct an error in the translation"),
    ],
)
def test_the_correction_note_says_what_was_fixed_in_ap_style(kind, before, after, fix):
    note = correction_note(kind, before, after, dt.date(2025, 9, 3))
    assert note == f"This article was corrected on Sept. 3, 2025, {fix}."


SECOND_ARTICLE = """---
date: 2025-09-03
timezone: Asia/Seoul
---
# 크렘린궁 "푸틴·김정은, 中 전승절 계기로 대화 이어갈 것"

푸틴 대통령과 김 위원장이 대면하는 것은 약 1년 3개월 만이다.

김 위원장은 전날 열차로 북한을 출발해 이날 오후 베이징에 도착했다.
"""


def test_a_name_fix_is_proposed_for_other_articles_and_applied_to_all_at_once(desk):
    answer = submit(desk.client, {"text": SECOND_ARTICLE, "format": "md", "slug": "kim-arrives"})
    assert answer.status_code == 202, answer.text
    assert wait_for_job(desk.client, "kim-arrives")["state"] == "done"
    assert "Commissioner Kim departed" in desk.client.get("/articles/kim-arrives").text

    file_report(desk.client, desk.slug, "b2.s0", suggestion=LEADER)
    accepted = _accept_in_browser_form(desk, 1)
    assert accepted.headers["location"].startswith("/desk/propagation")
    proposals = desk.client.get(accepted.headers["location"]).text
    assert proposals.count('data-item="') == 5  # 3 in the same article, 2 in the other
    assert "President Putin and leader Kim in about 1 year" in proposals

    token = csrf_of(proposals)
    correction = re.search(r'data-correction="(\d+)"', proposals).group(1)
    applied = desk.client.post(f"/desk/propagation/{correction}/apply", data={"csrf_token": token})
    assert applied.status_code == 200 and 'data-item="' not in applied.text

    other = desk.client.get("/articles/kim-arrives").text
    assert "Leader Kim departed from North Korea" in other and "Commissioner" not in other
    assert "to give the correct title of Kim" in other
    with desk.client.app.state.database.session() as session:
        logged = session.scalars(select(AuditEntry).where(AuditEntry.action == "propagate")).all()
    assert len(logged) == 5 and {e.actor for e in logged} == {"mina"}


def test_regress_reports_a_mistake_that_came_back(desk, seed_engine):
    from transdesk.pipeline import Pipeline

    file_report(desk.client, desk.slug, "b2.s0", suggestion=LEADER)
    desk.client.post("/api/reports/1/accept", json={}, headers=desk.auth)
    database = desk.client.app.state.database

    [back] = run_regression(database, Pipeline(seed_engine))  # the engine that made the mistake
    assert back.status == "mistake_back" and "Commissioner Kim" in back.got
    assert (back.wrong, back.right) == ("Commissioner Kim", "leader Kim")

    fixed = dict(seed_engine.phrasebook)
    fixed.update({k: v.replace("Commissioner Kim", "leader Kim") for k, v in fixed.items()})
    seed_engine.phrasebook = fixed
    [ok] = run_regression(database, Pipeline(seed_engine))
    assert ok.passed and ok.got == LEADER


def test_the_regress_command_exits_1_when_a_mistake_came_back(desk, run_cli, monkeypatch):
    file_report(desk.client, desk.slug, "b2.s0", suggestion=LEADER)
    desk.client.post("/api/reports/1/accept", json={}, headers=desk.auth)
    settings = desk.client.app.state.settings
    monkeypatch.setenv("TRANSDESK_DATABASE_URL", settings.resolved_database_url)
    desk_as_a_whole = run_cli("regress", "--engine", "desk-phrasebook")
    assert desk_as_a_whole.code == 0, desk_as_a_whole.stderr  # the memory learned the fix
    assert "1 cases, 0 failed" in desk_as_a_whole.stderr
    result = run_cli("regress", "--engine", "desk-phrasebook", "--no-memory", "--no-termbase")
    assert result.code == 1, result.stderr  # the engine alone still makes the mistake
    assert result.stdout.startswith("mistake_back\t") and "1 cases, 1 failed" in result.stderr


def test_users_add_reads_the_password_from_the_environment(desk_client, run_cli, monkeypatch):
    from transdesk.desk.accounts import authenticate

    settings = desk_client.app.state.settings
    monkeypatch.setenv("TRANSDESK_DATABASE_URL", settings.resolved_database_url)
    monkeypatch.setenv("TRANSDESK_NEW_PASSWORD", "a long secret phrase")
    result = run_cli("users", "add", "jiwoo", "--role", "admin")
    assert (result.code, result.stdout) == (0, "jiwoo\tadmin\n")
    with desk_client.app.state.database.session() as session:
        assert authenticate(session, "jiwoo", "a long secret phrase") is not None
    again = run_cli("users", "add", "jiwoo")
    assert again.code == 2 and "already an editor called 'jiwoo'" in again.stderr


@pytest.mark.parametrize(
    ("configured", "dateline_zone", "day"),
    [
        (None, "Asia/Seoul", "Dec. 2, 2025"),  # 15:30 UTC on Dec. 1 is Dec. 2 in Seoul
        ("America/New_York", "Asia/Seoul", "Dec. 1, 2025"),  # the newsroom's clock wins
        (None, "America/New_York", "Dec. 1, 2025"),
    ],
)
@pytest.mark.parametrize("kind", ["name_or_title", "number_or_date", "mistranslation",
                                  "grammar_or_style", "missing_text", "other"])
def test_every_kind_of_note_is_dated_on_the_newsroom_clock(kind, configured, dateline_zone, day):
    from transdesk.desk.clock import newsroom_now

    now = dt.datetime(2025, 12, 1, 15, 30)  # naive UTC, as the desk stores it
    today = newsroom_now(dateline_zone, now=now, configured=configured).date()
    note = correction_note(kind, "It cost 300 won on Monday.", "It cost 3,000 won on Monday.", today)
    assert note.startswith(f"This article was corrected on {day}, to ")
    assert note.endswith(".") and not note.endswith("'s.") and ".." not in note
    assert note.count(day) == 1


def test_the_editor_sees_the_proposed_note_and_a_word_diff_before_accepting(desk):
    file_report(desk.client, desk.slug, "b2.s0", kind="name_or_title", suggestion=LEADER)
    page = desk.client.get("/desk/reports/1").text
    assert "<del>Commissioner</del>" in page and "<ins>leader</ins>" in page
    assert "to give the correct title of Kim Jong-un.</textarea>" in page
    assert "Report on paragraph 1" in page
    own = "This article was corrected to give the right title of Kim Jong-un."
    answer = _accept_in_browser_form(desk, 1, wording=LEADER, note=own)
    assert answer.status_code == 303
    assert own in desk.client.get(f"/articles/{desk.slug}").text


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])  # 25 hours apart
def test_the_desk_dates_notes_on_the_newsroom_clock_it_is_set_to(desk, zone):
    from transdesk.desk.clock import newsroom_now

    app = desk.client.app
    app.state.settings = app.state.settings.model_copy(update={"newsroom_timezone": zone})
    file_report(desk.client, desk.slug, "b2.s0", kind="name_or_title", suggestion=LEADER)
    answer = desk.client.post("/api/reports/1/accept", json={}, headers=desk.auth)
    assert answer.status_code == 200, answer.text
    day = ap_date(newsroom_now(None, configured=zone).date())
    assert f"This article was corrected on {day}, to give the correct title" in (
        desk.client.get(f"/articles/{desk.slug}").text
    )


def test_a_fragment_suggestion_gets_a_plain_note_and_no_diff(desk):
    file_report(desk.client, desk.slug, "b2.s0", kind="name_or_title",
                suggestion="North Korean leader Kim Jong-un")  # fmt: skip
    page = desk.client.get("/desk/reports/1").text
    assert "Suggested change:" not in page
    assert ", to correct a name.</textarea>" in page
