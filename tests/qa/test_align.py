"""Aligning a translation produced elsewhere: splits, merges, gaps and hopeless cases."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.article import Article, Block, BlockKind, Dateline, Segment
from transdesk.qa import check_translation
from transdesk.ingest import read_article
from transdesk.qa.align import align_sentences, align_translation, uncovered_in_bead
from transdesk.qa.english import split_english, split_paragraphs
from transdesk.qa.lexicon import Lexicon


def article(*paragraphs: list[str]) -> Article:
    blocks = []
    for b, sentences in enumerate(paragraphs):
        segs = tuple(Segment(f"b{b}.s{i}", b, i, s, 0, len(s)) for i, s in enumerate(sentences))
        kind = BlockKind.HEADLINE if b == 0 else BlockKind.PARAGRAPH
        blocks.append(Block(b, kind, " ".join(sentences), segs))
    return Article("t", tuple(blocks), Dateline(dt.date(2025, 9, 2)))


KO = [
    "크렘린궁은 2일 푸틴 대통령과 김정은 위원장이 3일 열리는 전승절 80주년 행사에 참석한다고 밝혔다.",
    "두 정상의 대면은 약 1년 3개월 만이다.",
    "푸틴 대통령은 지난달 31일 중국 톈진에 도착했다.",
]
EN = [
    "The Kremlin said on Sept. 2 that Putin and Kim will attend the 80th Victory Day event.",
    "It will be their first meeting in about 1 year and 3 months.",
    "Putin arrived in Tianjin, China, on Aug. 31.",
]


def test_one_to_one():
    beads = align_sentences(KO, EN)
    assert [(list(k), list(e)) for k, e in beads] == [([0], [0]), ([1], [1]), ([2], [2])]


def test_one_korean_sentence_becomes_two_english_ones():
    split = [
        "The Kremlin said on Sept. 2 that Putin and Kim will attend an event on Sept. 3.",
        "It marks the 80th anniversary of Victory Day.",
        *EN[1:],
    ]
    beads = align_sentences(KO, split)
    first_korean, first_english = beads[0]
    assert (list(first_korean), list(first_english)) == ([0], [0, 1])


def test_two_korean_sentences_become_one():
    merged = [EN[0], EN[1].rstrip(".") + ", and Putin arrived in Tianjin on Aug. 31."]
    beads = align_sentences(KO, merged)
    assert [(list(k), list(e)) for k, e in beads][-1] == ([1, 2], [1])


def test_a_dropped_sentence_is_left_unpaired():
    result = align_translation(article(["제목"], KO), "Headline\n\n" + " ".join(EN[1:]))
    assert [p.label for p in result.pairs if not p.english] == ["b1.s0"]
    assert result.reliable


def test_a_dropped_short_sentence_is_still_reported_by_name():
    report = check_translation(article(["제목"], KO), "Headline\n\n" + " ".join([EN[0], EN[2]]))
    missing = [f for p in report.pairs for f in p.findings if f.kind == "sentence_missing"]
    assert report.decision == "review"
    assert [f.severity for f in missing] == ["major"]
    assert "b1.s1" in missing[0].message and "두 정상의 대면은" in missing[0].message


def test_paragraph_counts_that_differ_are_noted():
    result = align_translation(article(["제목"], KO[:2], KO[2:]), "Headline\n\n" + " ".join(EN))
    assert result.notes and "paragraphs" in result.notes[0]
    assert all(p.english for p in result.pairs)


def test_unrelated_text_cannot_be_aligned():
    text = "Headline\n\n" + "Weather. " * 1 + "x " * 2000
    result = align_translation(article(["제목"], KO), text)
    assert not result.reliable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He met U.S. President George W. Bush. They talked.",
            ["He met U.S. President George W. Bush.", "They talked."],
        ),
        ('He said, "We know." Then he left.', ['He said, "We know."', "Then he left."]),
        ("It left on Sept. 2 at 3 p.m. Monday.", ["It left on Sept. 2 at 3 p.m. Monday."]),
        (
            "Prices rose 3.5 percent. Nobody knew why!",
            ["Prices rose 3.5 percent.", "Nobody knew why!"],
        ),
    ],
)
def test_english_sentences(text, expected):
    assert split_english(text) == expected


def test_paragraphs_drop_markdown_heading_marks():
    assert split_paragraphs("# Title\n\nOne.\nTwo.\n\n\n") == ["Title", "One. Two."]


# --- dropped sentences in whole articles (`transdesk check` on Markdown) ----------------------

SCIENCE = """---
date: 2026-04-08
timezone: Asia/Seoul
---
# 누리호 5차 발사 성공

한국항공우주연구원은 8일 누리호 5차 발사가 성공했다고 밝혔다. 누리호는 이날 오후 전남 고흥 나로우주센터에서 발사됐다. 위성 13기가 모두 목표 궤도에 올랐다. 연구원은 내년에 6차 발사를 추진할 계획이다.
"""

SCIENCE_EN = [
    "The Korea Aerospace Research Institute said on April 8 that the fifth launch of the "
    "Nuri rocket had succeeded.",
    "Nuri lifted off from the Naro Space Center in Goheung, South Jeolla Province, that "
    "afternoon.",
    "All 13 satellites reached their target orbits.",
    "The institute plans a sixth launch next year.",
]


def _science(tmp_path):
    path = tmp_path / "nuri.ko.md"
    path.write_text(SCIENCE, "utf-8")
    return read_article(path)


def _translation(sentences):
    return "Nuri rocket's fifth launch succeeds\n\n" + " ".join(sentences)


def _held(report):
    return [(p.label, f) for p in report.pairs for f in p.findings if f.severity >= "major"]


@pytest.mark.parametrize("dropped", [1, 2])
def test_a_dropped_sentence_is_named_by_id_and_opening_words(tmp_path, dropped):
    article = _science(tmp_path)
    kept = SCIENCE_EN[:dropped] + SCIENCE_EN[dropped + 1 :]
    report = check_translation(article, _translation(kept))
    missing = [f for _, f in _held(report) if f.kind == "sentence_missing"]
    segment = article.blocks[1].segments[dropped]
    assert len(missing) == 1
    assert segment.id in missing[0].message
    assert " ".join(segment.text.split()[:3]) in missing[0].message


def test_without_the_lexicon_length_alone_merges_the_dropped_sentence(tmp_path):
    article = _science(tmp_path)
    kept = SCIENCE_EN[:2] + SCIENCE_EN[3:]
    blind = align_translation(article, _translation(kept), lexicon=Lexicon({}))
    assert any(len(p.segments) > 1 for p in blind.pairs)  # what the lexicon is there to fix
    seeing = align_translation(article, _translation(kept))
    assert [p.label for p in seeing.pairs if not p.english] == ["b1.s2"]


def test_a_translator_who_merges_two_sentences_is_not_held(tmp_path):
    article = _science(tmp_path)
    merged = [
        SCIENCE_EN[0],
        "Nuri lifted off from the Naro Space Center in Goheung, South Jeolla Province, that "
        "afternoon, and all 13 satellites reached their target orbits.",
        SCIENCE_EN[3],
    ]
    report = check_translation(article, _translation(merged))
    assert [f.kind for _, f in _held(report) if f.check in ("omission", "quotes")] == []


def test_the_whole_article_holds_nothing(tmp_path):
    report = check_translation(_science(tmp_path), _translation(SCIENCE_EN))
    assert _held(report) == []


MERGED_KO = [
    "수출은 지난달 5.8% 늘어 다섯 달 연속 증가했다.",
    "반면 자동차 수출은 미국의 관세 부과로 12% 줄었다.",
]


def test_a_merged_pair_names_the_sentence_its_english_leaves_out():
    english = "Exports rose 5.8% last month, increasing for the fifth month in a row."
    assert uncovered_in_bead(MERGED_KO, english) == [1]


def test_a_merged_pair_whose_english_renders_both_names_none():
    english = (
        "Exports rose 5.8% last month, the fifth straight monthly gain, while car exports "
        "fell 12% because of U.S. tariffs."
    )
    assert uncovered_in_bead(MERGED_KO, english) == []
    assert uncovered_in_bead(MERGED_KO[:1], english) == []  # one sentence: nothing to compare
