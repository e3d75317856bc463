"""`transdesk batch` in one process: output in input order, reruns, bad lines, dedup, memory."""

from __future__ import annotations

import json

import pytest

from tests.batch.conftest import read_output, summary, write_archive
from transdesk.engines.ct2 import Ct2Engine


@pytest.fixture
def engine_calls(monkeypatch):
    """The sentences the ct2 engine is asked to translate, over every call."""
    asked: list[str] = []
    original = Ct2Engine.translate

    def counting(self, requests, context, progress=None):
        asked.extend(r.text for r in requests)
        return original(self, requests, context, progress)

    monkeypatch.setattr(Ct2Engine, "translate", counting)
    return asked


def test_second_run_translates_nothing(batch_env, engine_calls, tmp_path):
    archive = write_archive(tmp_path / "in.jsonl", 20)
    out = tmp_path / "out.jsonl"

    first = batch_env("batch", archive, "-o", out, "--no-checks")
    assert first.code == 0, first.stderr
    asked_first = len(engine_calls)
    before = out.read_bytes()
    second = batch_env("batch", archive, "-o", out, "--no-checks")

    assert second.code == 0, second.stderr
    assert asked_first > 0 and len(engine_calls) == asked_first  # nothing asked the second time
    assert out.read_bytes() == before
    assert summary(second.stderr)["skipped (already done)"] == 20
    assert summary(second.stderr)["articles translated"] == 0


def test_lines_keep_input_order_with_slug_and_line(batch_env, tmp_path):
    archive = write_archive(tmp_path / "in.jsonl", 12)
    out = tmp_path / "out.jsonl"
    assert batch_env("batch", archive, "-o", out, "--no-checks", "--quiet").code == 0
    lines = read_output(out)
    assert [r["line"] for r in lines] == list(range(1, 13))
    assert [r["slug"] for r in lines] == [f"article-{n:04d}" for n in range(12)]
    assert all(r["schema"] == 1 and r["blocks"] for r in lines)  # as `translate --to json`


def test_bad_line_is_reported_and_the_batch_goes_on(batch_env, tmp_path):
    archive = write_archive(tmp_path / "in.jsonl", 8, bad_lines=(3,))
    out = tmp_path / "out.jsonl"
    result = batch_env("batch", archive, "-o", out, "--no-checks")

    assert result.code == 2  # bad input, as `transdesk --help` says
    lines = read_output(out)
    assert [r["line"] for r in lines] == list(range(1, 9))
    bad = lines[3]
    assert bad["error"]["code"] == "invalid_article" and "not valid JSON" in bad["error"]["message"]
    assert all("blocks" in r for i, r in enumerate(lines) if i != 3)
    counts = summary(result.stderr)
    assert (counts["articles translated"], counts["failed"]) == (7, 1)


def test_repeated_sentences_go_to_the_engine_once(batch_env, engine_calls, tmp_path):
    archive = write_archive(tmp_path / "in.jsonl", 30, distinct=6)
    out = tmp_path / "out.jsonl"
    result = batch_env("batch", archive, "-o", out, "--no-checks", "--no-termbase")

    assert result.code == 0, result.stderr
    sources = [s["source"] for r in read_output(out) for b in r["blocks"] for s in b["segments"]]
    distinct = set(sources)
    assert sorted(engine_calls) == sorted(distinct)  # each distinct sentence once
    counts = summary(result.stderr)
    assert counts["sentences"] == len(sources) == 90
    assert counts["from the engine"] == len(distinct)
    assert counts["from the batch cache"] == len(sources) - len(distinct)


def test_memory_matches_never_reach_the_engine(batch_env, engine_calls, tmp_path):
    from transdesk.memory.model import MemoryPair
    from transdesk.memory.store import TranslationMemory
    from transdesk.settings import Settings
    from transdesk.store.db import Database
    from tests.batch.conftest import korean_sentences

    known = korean_sentences()[0]
    database = Database(Settings().resolved_database_url)
    TranslationMemory(database).add(MemoryPair(known, "The approved English.", approved_by="ed"))
    database.close()
    archive = write_archive(tmp_path / "in.jsonl", 12, distinct=4)
    out = tmp_path / "out.jsonl"
    result = batch_env("batch", archive, "-o", out, "--no-checks", "--no-termbase")

    assert result.code == 0, result.stderr
    assert known not in engine_calls
    segments = [s for r in read_output(out) for b in r["blocks"] for s in b["segments"]]
    from_memory = [s for s in segments if s["source"] == known]
    assert from_memory and all(s["status"] == "from_memory" for s in from_memory)
    assert summary(result.stderr)["from memory"] == len(from_memory)


def test_a_folder_of_articles(batch_env, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    write_archive(tmp_path / "in.jsonl", 2)
    for n, line in enumerate((tmp_path / "in.jsonl").read_text(encoding="utf-8").splitlines()):
        (folder / f"{n}-story.json").write_text(line, encoding="utf-8")
    (folder / "z-notes.md").write_text("# 서울시 발표\n\n서울시는 2일 새 도로를 열었다.\n", encoding="utf-8")
    (folder / "ignored.txt").write_text("not an article", encoding="utf-8")
    out = tmp_path / "out.jsonl"

    result = batch_env("batch", folder, "-o", out, "--no-checks")
    assert result.code in (0, 2), result.stderr
    lines = read_output(out)
    assert [r["file"] for r in lines] == ["0-story.json", "1-story.json", "z-notes.md"]
    assert batch_env("batch", folder, "-o", out).code == 0
    assert len(read_output(out)) == 3
    json.dumps(lines)
