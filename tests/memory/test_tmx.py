"""TMX and parallel files in and out: round trip, the shipped corpus sample, and bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from translate.storage import tmx

from transdesk.errors import InvalidInput
from transdesk.memory import MemoryPair, Origin
from transdesk.memory.tmx import read_parallel, read_tmx, write_tmx

CORPUS = Path(__file__).parents[2] / "examples" / "corpus"
KO, EN = CORPUS / "ko-en-news.dev50.ko", CORPUS / "ko-en-news.dev50.en"


def _sample_tmx(path: Path) -> Path:
    """A TMX made with translate-toolkit from the 50-line sample of the dev corpus."""
    store = tmx.tmxfile(sourcelanguage="ko", targetlanguage="en")
    for source, target in zip(KO.read_text().splitlines(), EN.read_text().splitlines()):
        store.addtranslation(source, "ko", target, "en")
    path.write_bytes(bytes(store))
    return path


def test_corpus_sample_imports_from_tmx(memory, tmp_path):
    pairs = read_tmx(_sample_tmx(tmp_path / "dev50.tmx"), approved_by="corpus")
    report = memory.add_many(pairs)
    assert report.added == 50 and not report.conflicts
    first_ko, first_en = KO.read_text().splitlines()[0], EN.read_text().splitlines()[0]
    assert memory.exact(first_ko).target == first_en


def test_parallel_files_import(memory):
    report = memory.add_many(read_parallel(KO, EN, approved_by="corpus"))
    assert (report.read, report.added) == (50, 50)
    assert memory.stats().by_origin == {"import": 50}


def test_round_trip_keeps_pairs_and_provenance(memory, tmp_path):
    approved = dt.datetime(2025, 9, 2, 9, 30, tzinfo=dt.UTC)
    memory.add(MemoryPair(
        "크렘린궁은 2일 밝혔다.", "The Kremlin said on Sept. 2.", "kim", Origin.CORRECTION,
        approved_at=approved, article_slug="putin-kim-beijing", previous_source="앞 <문장> & 끝",
        next_source="다음 문장.", article_date=dt.date(2025, 9, 2),
    ))
    memory.add_many(read_parallel(KO, EN, approved_by="corpus"))
    out = tmp_path / "memory.tmx"
    assert write_tmx(memory.pairs(), out) == 51
    back = read_tmx(out, approved_by="someone")
    assert len(back) == 51
    first = back[0]
    assert (first.source, first.target) == ("크렘린궁은 2일 밝혔다.", "The Kremlin said on Sept. 2.")
    assert (first.approved_by, first.approved_at, first.origin) == ("kim", approved, Origin.CORRECTION)
    assert (first.article_slug, first.article_date) == ("putin-kim-beijing", dt.date(2025, 9, 2))
    assert (first.previous_source, first.next_source) == ("앞 <문장> & 끝", "다음 문장.")
    assert memory.add_many(back).duplicates == 51


MALFORMED = {
    "not xml": ("<tmx><body><tu><tuv xml:lang='ko'><seg>가</seg></tuv>\n<tu>\n", [3]),
    "missing english": (
        (
        '<tmx version="1.4"><header/><body>\n'
        '<tu><tuv xml:lang="ko"><seg>좋다.</seg></tuv><tuv xml:lang="en"><seg>Good.</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="ko"><seg>나쁘다.</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="ko-KR"><seg>빈칸</seg></tuv><tuv xml:lang="en-US"><seg> </seg></tuv></tu>\n'
        "</body></tmx>\n"
        ),
        [3, 4],
    ),
    "bad date": (
        (
        '<tmx version="1.4"><header/><body>\n'
        '<tu creationdate="yesterday"><tuv xml:lang="ko"><seg>좋다.</seg></tuv>'
        '<tuv xml:lang="en"><seg>Good.</seg></tuv></tu>\n</body></tmx>\n'
        ),
        [2],
    ),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_tmx_is_reported_by_line_and_nothing_imported(memory, tmp_path, case):
    content, lines = MALFORMED[case]
    path = tmp_path / "bad.tmx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput) as raised:
        memory.add_many(read_tmx(path, approved_by="x"))
    message = str(raised.value)
    assert "nothing was imported" in message
    for line in lines:
        assert f"line {line}:" in message
    assert memory.stats().segments == 0


def test_misaligned_parallel_files_are_refused(tmp_path, memory):
    (tmp_path / "a.ko").write_text("하나.\n\n셋.\n넷.\n", encoding="utf-8")
    (tmp_path / "a.en").write_text("One.\nTwo.\nThree.\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as raised:
        read_parallel(tmp_path / "a.ko", tmp_path / "a.en", approved_by="x")
    assert "line 2: line is empty" in str(raised.value)
    assert "line 4:" in str(raised.value) and "4 lines" in str(raised.value)
    assert memory.stats().segments == 0
