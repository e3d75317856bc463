"""Aligning a translation produced elsewhere: splits, merges, gaps and hopeless cases."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.article import Article, Block, BlockKind, Dateline, Segment
from transdesk.qa import check_translation
from transdesk.qa.align import align_sentences, align_translation
from transdesk.qa.english import split_english, split_paragraphs


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


def test_a_dropped_short_sentence_is_still_reported():
    report = check_translation(article(["제목"], KO), "Headline\n\n" + " ".join([EN[0], EN[2]]))
    messages = " ".join(f.message for p in report.pairs for f in p.findings)
    assert report.decision == "review" and "'1'" not in messages and "'3'" in messages


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
