"""`transdesk correct` makes a correction the way the desk does: `transdesk regress` re-tests it,
the article lists it among its corrections and the audit log has it."""

from __future__ import annotations

from sqlalchemy import select

from transdesk.desk.audit import entries
from transdesk.memory import TranslationMemory
from transdesk.store.desk_tables import DeskArticle

KO = "김 위원장은 전날 열차로 북한을 출발해 이날 오후 베이징에 도착했다."
WRONG = (
    "Commissioner Kim departed from North Korea by train the day before and arrived in Beijing "
    "that afternoon."
)
RIGHT = WRONG.replace("Commissioner Kim", "leader Kim")


def test_a_correction_from_the_command_line_is_retested_and_logged(cli, database, published):
    done = cli(
        "correct", "--article", published, "--source", KO, "--before", WRONG, "--after", RIGHT,
        "--editor", "kim",
    )  # fmt: skip
    assert done.code == 0, done.stderr
    assert "correction #1 recorded" in done.stdout
    assert "changed: Commissioner Kim → leader Kim" in done.stdout

    with database.session() as session:
        article = session.scalar(select(DeskArticle).where(DeskArticle.slug == published))
        notes = [c.note for c in article.corrections]
        logged = [(e.action, e.actor, e.after) for e in entries(session, article_id=article.id)]
    assert len(notes) == 1 and notes[0].startswith("This article was corrected on ")
    assert notes[0] in done.stdout
    assert logged == [("correct", "kim", RIGHT)]
    match = TranslationMemory(database).exact(KO)
    assert (match.target, match.approved_by) == (RIGHT, "kim")

    desk_as_a_whole = cli("regress", "--engine", "desk-phrasebook")
    assert desk_as_a_whole.code == 0, desk_as_a_whole.stderr
    assert "1 cases, 0 failed" in desk_as_a_whole.stderr
    alone = cli("regress", "--engine", "desk-phrasebook", "--no-memory", "--no-termbase")
    assert alone.code == 1 and "1 cases, 1 failed" in alone.stderr
    assert alone.stdout.startswith("mistake_back\t") and "Commissioner Kim" in alone.stdout


def test_correcting_a_sentence_that_changed_since_is_refused(cli, published):
    done = cli(
        "correct", "--article", published, "--source", KO, "--before", "Kim left.", "--after",
        RIGHT, "--editor", "kim",
    )  # fmt: skip
    assert done.code != 0 and "does not read" in done.stderr
    missing = cli(
        "correct", "--article", "no-such-article", "--source", KO, "--after", RIGHT,
        "--editor", "kim",
    )  # fmt: skip
    assert missing.code != 0 and "no article called" in missing.stderr
