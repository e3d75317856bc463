"""An article goes out as XLIFF, a post-editor changes it in a CAT tool (here translate-toolkit's
own reader and writer), and it comes back as corrections the way `transdesk correct` makes them:
the live page, a correction row with its audit entry, the memory, a regression case."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from translate.storage import xliff, xliff2

from transdesk.desk.audit import entries
from transdesk.glossary.tbx_format import read_tbx
from transdesk.memory import MemoryPair, TranslationMemory
from transdesk.store.correction_tables import CorrectionRow
from transdesk.store.desk_tables import DeskArticle
from transdesk.store.editor_tables import RegressionCase

KO = "김 위원장은 전날 열차로 북한을 출발해 이날 오후 베이징에 도착했다."
WRONG = (
    "Commissioner Kim departed from North Korea by train the day before and arrived in Beijing "
    "that afternoon."
)
RIGHT = WRONG.replace("Commissioner Kim", "leader Kim")


def article(database, slug: str) -> DeskArticle:  # type: ignore[no-untyped-def]
    with database.session() as session:
        row = session.scalar(select(DeskArticle).where(DeskArticle.slug == slug))
        row.segments, row.corrections  # noqa: B018  (loaded before the session ends)
        return row


def english_of(database, slug: str, source: str) -> str | None:  # type: ignore[no-untyped-def]
    return next(s.english for s in article(database, slug).segments if s.source_text == source)


def corrections(database) -> int:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(CorrectionRow))


def test_an_edit_made_in_xliff_12_becomes_a_correction(cli, database, published, tmp_path):
    TranslationMemory(database).add(MemoryPair(KO, "Kim arrived in Beijing.", "desk"))
    out = tmp_path / "kim.xlf"
    done = cli("xliff", "export", published, "-o", out)
    assert done.code == 0, done.stderr
    assert "XLIFF 1.2" in done.stdout

    store = xliff.xlifffile.parsestring(out.read_bytes())
    units = {unit.source: unit for unit in store.units}
    unit = units[KO]
    assert unit.target == WRONG
    assert unit.xmlelement.get("id") == next(
        s.segment_id for s in article(database, published).segments if s.source_text == KO
    )
    assert unit.xmlelement.find(unit.namespaced("target")).get("state") == "final"
    (match,) = unit.getalttrans()
    assert (match.source, match.target) == (KO, "Kim arrived in Beijing.")
    assert match.xmlelement.get("match-quality") == "100"

    unit.settarget(RIGHT)
    out.write_bytes(bytes(store))
    done = cli("xliff", "import", out, "--editor", "lee")
    assert done.code == 0, done.stderr
    assert "1 corrections recorded" in done.stdout

    assert english_of(database, published, KO) == RIGHT
    row = article(database, published)
    assert row.revision == 1 and len(row.corrections) == 1
    with database.session() as session:
        (correction,) = session.scalars(select(CorrectionRow)).all()
        logged = [(e.action, e.actor, e.after) for e in entries(session, article_id=row.id)]
        cases = session.scalars(select(RegressionCase)).all()
    assert (correction.before, correction.after, correction.editor) == (WRONG, RIGHT, "lee")
    assert logged == [("xliff_import", "lee", RIGHT)]
    assert [case.expected for case in cases] == [RIGHT]
    match = TranslationMemory(database).exact(KO)
    assert (match.target, match.approved_by) == (RIGHT, "lee")

    again = cli("xliff", "import", out, "--editor", "lee")
    assert again.code == 2 and "changed since this file was exported" in again.stderr


def test_an_edit_made_in_xliff_20_becomes_a_correction(cli, database, published, tmp_path):
    out = tmp_path / "kim.xlf"
    done = cli("xliff", "export", published, "-o", out, "--version", "2.0")
    assert done.code == 0, done.stderr

    store = xliff2.Xliff2File.parsestring(out.read_bytes())
    unit = next(u for u in store.units if u.source == KO)
    assert unit.target == WRONG and unit.isapproved()
    unit.settarget(RIGHT)
    out.write_bytes(bytes(store))

    done = cli("xliff", "import", out, "--editor", "lee")
    assert done.code == 0, done.stderr
    assert english_of(database, published, KO) == RIGHT
    assert TranslationMemory(database).exact(KO).target == RIGHT
    regress = cli("regress", "--engine", "desk-phrasebook")
    assert regress.code == 0 and "1 cases, 0 failed" in regress.stderr


def test_the_articles_matched_terms_go_beside_it_as_tbx(cli, published, tmp_path):
    out = tmp_path / "kim.xlf"
    done = cli("xliff", "export", published, "-o", out)
    assert done.code == 0, done.stderr
    terms = {entry.source: entry for _, entry in read_tbx(tmp_path / "kim.tbx")}
    assert terms["크렘린궁"].target == "the Kremlin"
    assert "Kremlin Palace" in terms["크렘린궁"].forbidden
    assert f"terms to {tmp_path / 'kim.tbx'}" in done.stdout


def test_several_edits_are_recorded_together(cli, database, published, tmp_path):
    out = tmp_path / "kim.xlf"
    cli("xliff", "export", published, "-o", out)
    store = xliff.xlifffile.parsestring(out.read_bytes())
    first, second = store.units[0], store.units[1]
    first.settarget(first.target + " (updated)")
    second.settarget("  " + second.target.replace("The image", "A photo") + "  ")
    out.write_bytes(bytes(store))

    done = cli("xliff", "import", out, "--editor", "lee")
    assert done.code == 0, done.stderr
    assert "2 corrections recorded, 8 unchanged" in done.stdout
    assert corrections(database) == 2
    assert article(database, published).revision == 2
    assert english_of(database, published, second.source).startswith("A photo of")


def test_a_file_nobody_changed_records_nothing(cli, database, published, tmp_path):
    out = tmp_path / "kim.xlf"
    cli("xliff", "export", published, "-o", out)
    done = cli("xliff", "import", out, "--editor", "lee")
    assert done.code == 0 and "nothing recorded" in done.stdout
    assert corrections(database) == 0


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_held_sentences_go_out_for_review_with_the_checks_findings(
    cli, database, published, tmp_path, version
):
    finding = {"check": "numbers", "kind": "missing", "severity": "major", "message": "3 is gone"}
    with database.session() as session:
        row = session.scalar(select(DeskArticle).where(DeskArticle.slug == published))
        row.state = "review"
        row.segments[1].decision, row.segments[1].findings = "review", [finding]
        row.segments[2].english = None
        row.segments[3].findings = [finding]
    out = tmp_path / "kim.xlf"
    done = cli("xliff", "export", published, "-o", out, "--version", version)
    assert done.code == 0, done.stderr
    assert "2 held" in done.stdout

    if version == "1.2":
        units = xliff.xlifffile.parsestring(out.read_bytes()).units
        states = [u.xmlelement.find(u.namespaced("target")).get("state") for u in units[:4]]
        assert states == ["translated", "needs-review-translation", "needs-review-translation",
                          "translated"]  # fmt: skip
        assert units[2].target == ""
        assert "held for review by the checks" in units[1].getnotes()
        assert "major (numbers): 3 is gone" in units[3].getnotes()
    else:
        units = xliff2.Xliff2File.parsestring(out.read_bytes()).units
        states = [u.xmlelement.get("state") for u in units[:4]]
        assert states == ["translated", "translated", "initial", "translated"]
        assert units[1].xmlelement.get("subState") == "transdesk:needs-review"
        assert "major (numbers): 3 is gone" in Path(out).read_text(encoding="utf-8")

    refused = cli("xliff", "import", out, "--editor", "lee")
    assert refused.code == 2 and "only a published one is corrected" in refused.stderr


def test_an_unknown_version_or_article_is_refused(cli, published, tmp_path):
    done = cli("xliff", "export", published, "-o", tmp_path / "a.xlf", "--version", "1.1")
    assert done.code == 2 and "1.2 or 2.0" in done.stderr
    done = cli("xliff", "export", "no-such-article", "-o", tmp_path / "a.xlf")
    assert done.code == 2 and "no article called 'no-such-article'" in done.stderr
    assert not (tmp_path / "a.xlf").exists()


def test_a_desk_page_gets_the_bytes_and_hands_the_upload_back(database, published):
    from transdesk.xliff import article_xliff, import_edits

    made = article_xliff(database, published, version="2.0")
    assert made.units == 10 and any(t.source == "크렘린궁" for t in made.terms)
    store = xliff2.Xliff2File.parsestring(made.data)
    next(u for u in store.units if u.source == KO).settarget(RIGHT)
    done = import_edits(database, bytes(store), editor="lee")
    assert [c.after for c in done.corrections] == [RIGHT] and done.unchanged == 9
    assert english_of(database, published, KO) == RIGHT


def test_an_uploaded_file_that_is_not_xliff_is_refused(database, published):
    from transdesk.errors import InvalidInput
    from transdesk.xliff import import_edits

    with pytest.raises(InvalidInput, match="the uploaded file is not XLIFF"):
        import_edits(database, b"<html/>", editor="lee")
