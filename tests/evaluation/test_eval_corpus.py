"""Reading a test set: line-aligned files and TMX, and what is refused with a reason."""

from __future__ import annotations

import pytest

from transdesk.errors import InvalidInput
from transdesk.evaluation import read_line_aligned, read_tmx

from .sample import SAMPLE_EN, SAMPLE_KO

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="ko" datatype="plaintext" segtype="sentence"
 adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="ko-KR"><seg>크렘린궁에서 회담이 열렸다.</seg></tuv>
    <tuv xml:lang="en-US"><seg>Talks were held at the <bpt i="1">&lt;b&gt;</bpt>Kremlin<ept i="1">&lt;/b&gt;</ept>.</seg></tuv></tu>
<tu><tuv xml:lang="ko"><seg>영어 없는 단위</seg></tuv></tu>
<tu><tuv lang="EN"><seg>Second   pair.</seg></tuv><tuv lang="KO"><seg>두 번째 쌍.</seg></tuv></tu>
</body></tmx>
"""


def test_sample_is_fifty_aligned_lines():
    corpus = read_line_aligned(SAMPLE_KO, SAMPLE_EN)
    assert len(corpus) == 50 and corpus.name == "ko-en-news.dev50"
    assert len(corpus.first(10)) == 10 and corpus.first(None) is corpus
    assert corpus.first(10).fingerprint() != corpus.fingerprint()


def test_tmx_pairs_korean_with_english(tmp_path):
    path = tmp_path / "set.tmx"
    path.write_text(TMX, encoding="utf-8")
    corpus = read_tmx(path)
    assert corpus.sources == ("크렘린궁에서 회담이 열렸다.", "두 번째 쌍.")
    assert corpus.references == ("Talks were held at the Kremlin.", "Second pair.")


@pytest.mark.parametrize(
    ("ko", "en", "message"),
    [
        ("하나\n둘\n", "one\n", "2 source sentences but 1 references"),
        ("하나\n\n셋\n", "one\ntwo\nthree\n", "empty source line(s) at 2"),
        (b"\xff\xfe", "one\n", "is not UTF-8 text"),
    ],
)
def test_misaligned_files_are_refused(tmp_path, ko, en, message):
    src, ref = tmp_path / "a.ko", tmp_path / "a.en"
    src.write_bytes(ko if isinstance(ko, bytes) else ko.encode())
    ref.write_text(en, encoding="utf-8")
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_line_aligned(src, ref)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<tmx><body><tu>\n<tuv></tu></body></tmx>", "not well-formed XML at line 2"),
        (
            '<tmx><body><tu><tuv xml:lang="ja"><seg>x</seg></tuv></tu></body></tmx>',
            "no translation unit has both",
        ),
    ],
)
def test_bad_tmx_is_refused(tmp_path, text, message):
    path = tmp_path / "bad.tmx"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput, match=message):
        read_tmx(path)


def test_eval_reads_a_tmx_test_set(run_cli, engine_log, tmp_path):
    sources = SAMPLE_KO.read_text(encoding="utf-8").splitlines()[:5]
    references = SAMPLE_EN.read_text(encoding="utf-8").splitlines()[:5]
    units = "".join(
        f'<tu><tuv xml:lang="ko"><seg>{s}</seg></tuv><tuv xml:lang="en"><seg>{r}</seg></tuv></tu>'
        for s, r in zip(sources, references, strict=True)
    )
    path = tmp_path / "five.tmx"
    path.write_text(f"<tmx><body>{units}</body></tmx>", encoding="utf-8")
    result = run_cli(
        "eval", "--engine", "recorded", "--tmx", str(path), "--out", str(tmp_path / "o")
    )
    assert result.code == 0, result.stderr
    assert "five: 5 lines" in result.stdout
    assert engine_log.translated == sources
