"""`transdesk translate` end to end, in-process: formats, exit codes, no partial output."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from fixtures.engines import seed_phrasebook

from transdesk.ingest import read_article

EXAMPLES = Path(__file__).parents[2] / "examples"


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.*") if p.suffix in {".md", ".json", ".html"}))
def test_golden_examples_every_sentence_accounted_for(run_cli, tiny_ct2_cache, monkeypatch, example, tmp_path):
    """The default engine (ct2, found in the model cache) on every shipped example."""
    monkeypatch.setenv("TRANSDESK_CACHE_DIR", str(tiny_ct2_cache))
    out = tmp_path / "out.json"
    result = run_cli("translate", EXAMPLES / example, "--to", "json", "-o", out)
    assert result.code == 0, result.stderr
    data = json.loads(out.read_text())
    assert data["signature"]["engine"] == "ct2"
    article = read_article(EXAMPLES / example)
    assert [b["kind"] for b in data["blocks"]] == [b.kind.value for b in article.blocks]
    ids = [s["id"] for b in data["blocks"] for s in b["segments"]]
    assert ids == [s.id for s in article.segments()]
    for segment in (s for b in data["blocks"] for s in b["segments"]):
        assert segment["target"] or segment["status"] in ("failed", "untranslated")
    assert result.code == 0, result.stderr


def test_markdown_to_stdout_ends_with_notice(run_cli, phrasebook_engine_registered):
    result = run_cli(
        "translate", EXAMPLES / "putin-kim-beijing.md", "--engine", "phrasebook",
        "--feedback-url", "https://desk.example/f/1",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert result.stdout.rstrip().endswith("[here](https://desk.example/f/1).")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x01\x02binary", "binary"), (b"# English only\n\nHello.", "no Korean")],
)
def test_bad_article_exits_2_and_writes_nothing(run_cli, phrasebook_engine_registered, tmp_path, content, message):
    source = tmp_path / "bad.md"
    source.write_bytes(content)
    out = tmp_path / "out.md"
    result = run_cli("translate", source, "--engine", "phrasebook", "-o", out)
    assert result.code == 2
    assert message in result.stderr
    assert not out.exists()


def test_unknown_engine_lists_known_names(run_cli):
    result = run_cli("translate", EXAMPLES / "putin-kim-beijing.md", "--engine", "nope")
    assert result.code == 2
    assert "no translation engine called 'nope'" in result.stderr
    assert "ct2" in result.stderr and "openai" in result.stderr


def test_strict_exit_code_when_a_sentence_failed(run_cli, phrasebook_engine_registered, tmp_path):
    source = tmp_path / "other.md"
    known = next(iter(seed_phrasebook()))
    source.write_text(f"---\ndate: 2025-09-02\n---\n# {known}\n\n사전에 없는 문장이다.\n", encoding="utf-8")
    result = run_cli("translate", source, "--engine", "phrasebook", "--strict")
    assert result.code == 5
    assert "failed" in result.stderr


def test_nothing_translated_is_an_engine_error_and_writes_nothing(run_cli, phrasebook_engine_registered, tmp_path):
    source = tmp_path / "other.md"
    source.write_text("---\ndate: 2025-09-02\n---\n# 새로운 제목\n\n사전에 없는 문장이다.\n", encoding="utf-8")
    out = tmp_path / "out.md"
    result = run_cli("translate", source, "--engine", "phrasebook", "-o", out)
    assert result.code == 3
    assert "translated none of the 2 sentences" in result.stderr
    assert not out.exists()


def _half_known_article(tmp_path):
    source = tmp_path / "other.md"
    known = next(iter(seed_phrasebook()))
    source.write_text(f"---\ndate: 2025-09-02\n---\n# {known}\n\n사전에 없는 문장이다.\n", encoding="utf-8")
    return source


@pytest.mark.parametrize("to", ["md", "html"])
def test_held_sentences_refuse_reader_output_and_write_nothing(run_cli, phrasebook_engine_registered, tmp_path, to):
    out = tmp_path / f"out.{to}"
    result = run_cli("translate", _half_known_article(tmp_path), "--engine", "phrasebook", "--to", to, "-o", out)
    assert result.code == 5
    assert "1 sentence(s) have no English to publish" in result.stderr
    assert "paragraph 1 (failed" in result.stderr
    assert "--allow-held" in result.stderr
    assert not out.exists() and not list(tmp_path.glob(".out.*"))


def test_allow_held_writes_the_placeholder_and_json_keeps_every_segment(run_cli, phrasebook_engine_registered, tmp_path):
    source = _half_known_article(tmp_path)
    allowed = run_cli("translate", source, "--engine", "phrasebook", "--allow-held")
    assert allowed.code == 0
    assert "held back for review" in allowed.stdout
    as_json = run_cli("translate", source, "--engine", "phrasebook", "--to", "json")
    assert as_json.code == 0
    statuses = [s["status"] for b in json.loads(as_json.stdout)["blocks"] for s in b["segments"]]
    assert len(statuses) == 2 and "failed" in statuses


def test_an_unwritable_output_is_a_storage_error_with_the_path(run_cli, phrasebook_engine_registered, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a folder should be")
    out = blocker / "out.md"
    result = run_cli("translate", EXAMPLES / "putin-kim-beijing.md", "--engine", "phrasebook", "-o", out)
    assert result.code == 4
    assert f"could not write {out}" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_full_disk_is_a_storage_error_and_leaves_nothing(run_cli, phrasebook_engine_registered, tmp_path, monkeypatch):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    real_mkstemp = tempfile.mkstemp

    def mkstemp_on_a_full_disk(*args, **kwargs):  # the temp file exists, its writes hit ENOSPC
        fd, name = real_mkstemp(*args, **kwargs)
        os.close(fd)
        return os.open("/dev/full", os.O_WRONLY), name

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp_on_a_full_disk)
    out = tmp_path / "out.md"
    result = run_cli("translate", EXAMPLES / "putin-kim-beijing.md", "--engine", "phrasebook", "-o", out)
    assert result.code == 4
    assert "No space left on device" in result.stderr
    assert not out.exists() and not list(tmp_path.glob(".out.md.*"))
