"""`transdesk check SOURCE TRANSLATION`: the report an editor reads, and the JSON a script reads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transdesk.cli import app

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
    assert result.output.startswith("decision: REVIEW")
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
