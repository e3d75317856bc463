"""`transdesk check SOURCE TRANSLATION`: the report an editor reads, and the JSON a script reads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transdesk.cli import app
from transdesk.glossary.matcher import Termbase
from transdesk.glossary.model import TermEntry
from transdesk.glossary.starter import starter_entries

DATA = Path(__file__).parent / "data"
runner = CliRunner()


@pytest.fixture(autouse=True)
def _desk_home(tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSDESK_DATA_DIR", str(tmp_path / "desk"))
    from transdesk.settings import get_settings

    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_report_names_the_seed_mistakes():
    result = runner.invoke(
        app, ["check", str(DATA / "seed-article.ko.md"), str(DATA / "seed-article.ai.en.txt")]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1].startswith("decision: REVIEW")
    assert "past_as_future" in result.output
    assert "news style: 'Aug. 31'" in result.output
    assert "news style: 'Sept. 1'" in result.output


def test_json_report(tmp_path):
    result = runner.invoke(
        app,
        [
            "check",
            str(DATA / "seed-article.ko.md"),
            str(DATA / "seed-article.ai.en.txt"),
            "--json",
            "--published",
        ],
    )
    report = json.loads(result.output)
    assert report["decision"] == "review"
    assert report["article_findings"][0]["kind"] == "feedback_link_missing"
    kinds = {f["kind"] for p in report["pairs"] for f in p["findings"]}
    assert {"past_as_future", "relative_date"} <= kinds


def test_strict_exit_code_when_held_back():
    result = runner.invoke(
        app,
        [
            "check",
            str(DATA / "seed-article.ko.md"),
            str(DATA / "seed-article.ai.en.txt"),
            "--strict",
        ],
    )
    assert result.exit_code == 5


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "BLOCK"),  # empty translation
        ("번역되지 않은 한국어 문장입니다. 그대로 두었다.".encode(), "hangul"),
        (("A very long line without end " * 2000).encode(), "could not be aligned"),
    ],
)
def test_bad_translations_are_findings_not_crashes(tmp_path, content, expected):
    translation = tmp_path / "t.txt"
    translation.write_bytes(content)
    result = runner.invoke(app, ["check", str(DATA / "seed-article.ko.md"), str(translation)])
    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_binary_translation_is_a_clear_error(tmp_path):
    translation = tmp_path / "t.bin"
    translation.write_bytes(b"\x00\x01\x02")
    result = runner.invoke(app, ["check", str(DATA / "seed-article.ko.md"), str(translation)])
    assert result.exit_code != 0
    assert "binary" in str(result.exception or result.output)


def test_dateline_option_overrides_the_article(tmp_path):
    source = tmp_path / "a.md"
    shutil.copy(DATA / "seed-article.ko.md", source)
    result = runner.invoke(
        app,
        ["check", str(source), str(DATA / "seed-article.ai.en.txt"), "--dateline", "2025-10-02"],
    )
    assert "news style: 'Oct. 2'" in result.output


# --- the termbase a check applies ------------------------------------------------------------

SEED = [str(DATA / "seed-article.ko.md"), str(DATA / "seed-article.ai.en.txt")]


def _starter() -> Termbase:
    return Termbase(entry for _, entry in starter_entries())


def _desk_database(tmp_path) -> str:
    from transdesk.settings import get_settings

    url = get_settings().resolved_database_url
    (tmp_path / "desk").mkdir(parents=True, exist_ok=True)
    return url


def _forbidden_terms(report: dict) -> set[str]:
    return {
        p["translation"][slice(*f["target_span"])]
        for p in report["pairs"]
        for f in p["findings"]
        if f["kind"] == "forbidden_term"
    }


def test_a_fresh_machine_checks_against_the_starter_termbase(tmp_path):
    result = runner.invoke(app, ["check", *SEED])
    assert result.exit_code == 0, result.output
    starter = _starter()
    assert result.output.splitlines()[0] == (
        f"termbase: starter ({len(starter)} entries, version {starter.version})"
    )
    assert "'Kremlin Palace' is a forbidden rendering" in result.output
    assert "'Commissioner Kim' is a forbidden rendering" in result.output
    assert not (tmp_path / "desk" / "transdesk.db").exists()  # checking a file makes no desk


def test_the_json_report_names_the_termbase_in_its_signature():
    result = runner.invoke(app, ["check", *SEED, "--json"])
    report = json.loads(result.output)
    starter = _starter()
    assert report["signature"]["termbase"] == {
        "name": "starter",
        "entries": len(starter),
        "version": starter.version,
    }
    assert {"Kremlin Palace", "Commissioner Kim"} <= _forbidden_terms(report)


def test_no_termbase_skips_the_terms_and_says_so():
    text = runner.invoke(app, ["check", *SEED, "--no-termbase"]).output
    assert text.splitlines()[0] == "termbase: none (--no-termbase: terms not checked)"
    assert "forbidden_term" not in text
    report = json.loads(runner.invoke(app, ["check", *SEED, "--no-termbase", "--json"]).output)
    assert report["signature"]["termbase"]["name"] == "none"
    assert _forbidden_terms(report) == set()


def test_a_desk_checks_against_its_own_termbase(tmp_path):
    from transdesk.glossary.store import TermbaseStore
    from transdesk.store.db import Database

    database = Database(_desk_database(tmp_path))
    store = TermbaseStore(database)
    store.add(TermEntry("크렘린궁", "the Kremlin", forbidden=("Kremlin Palace",)), by="editor")
    version = store.version()
    database.close()
    result = runner.invoke(app, ["check", *SEED, "--json"])
    report = json.loads(result.output)
    assert report["signature"]["termbase"] == {"name": "desk", "entries": 1, "version": version}
    # the desk's one entry applies; the starter's "Commissioner Kim" does not
    assert _forbidden_terms(report) == {"Kremlin Palace"}
    first = runner.invoke(app, ["check", *SEED]).output.splitlines()[0]
    assert first == f"termbase: desk (1 entry, version {version})"


def test_a_desk_with_an_empty_termbase_gets_the_starter(tmp_path):
    from transdesk.store.db import Database

    Database(_desk_database(tmp_path)).close()
    result = runner.invoke(app, ["check", *SEED])
    assert result.output.splitlines()[0].startswith("termbase: starter (")
