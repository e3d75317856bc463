"""Quotations: every quoted sentence of the source is quoted in the translation."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.qa import CheckContext, check_translation, create_checks
from transdesk.qa.checks.quotes import (
    english_quoted_sentences,
    english_quoted_text,
    quoted_sentences,
    quoted_speech,
)
from transdesk.ingest import read_article

BRIEFING = (
    '기획재정부 대변인은 "올해 성장률 목표는 바꾸지 않는다. 다만 수출 둔화가 길어지면 '
    '하반기에 추가 경기 부양책을 검토하겠다"고 말했다.'
)
FIRST_ONLY = (
    'A spokesperson for the Ministry of Economy and Finance said, "We are not changing this '
    'year\'s growth target."'
)
BOTH = (
    'A spokesperson for the Ministry of Economy and Finance said, "We are not changing this '
    "year's growth target. But if the export slowdown drags on, we will consider additional "
    'stimulus measures in the second half."'
)


def findings(source: str, target: str):
    (check,) = create_checks(["quotes"])
    return check.run(CheckContext(source, target))


def test_a_dropped_second_quoted_sentence_is_major_and_named():
    (found,) = findings(BRIEFING, FIRST_ONLY)
    assert (found.check, found.kind, found.severity) == ("quotes", "quote_missing", "major")
    start, end = found.source_span
    assert BRIEFING[start:end].startswith("다만 수출 둔화가")
    assert "다만 수출 둔화가" in found.message


def test_both_quoted_sentences_rendered_pass():
    assert findings(BRIEFING, BOTH) == []


def test_two_quotes_rendered_as_two_quotations_around_the_speaker_pass():
    source = (
        '한국은행 총재는 "물가 상승세가 둔화하고 있다"며 "금리 인하 시점은 '
        '내년 초가 될 것"이라고 말했다.'
    )
    target = (
        '"Inflation is slowing," the governor of the Bank of Korea said. "The time to cut '
        'interest rates will come early next year.'
    )  # the second quotation runs on, unclosed, as news copy does
    assert findings(source, target) == []


def test_a_fragment_without_the_speaker_is_not_a_dropped_quotation():
    source = (
        '김민수 서울시 대변인은 "지하철 요금은 동결한다"며 "버스 노선은 내년에 개편한다"고 '
        "말했다."
    )
    assert [f.kind for f in findings(source, '"Bus routes will be reorganized next year.')] == []


def test_speech_turned_into_reported_speech_is_only_a_minor_finding():
    target = "The ministry's spokesperson said the growth target would not change."
    assert [(f.kind, f.severity) for f in findings(BRIEFING, target)] == [
        ("quote_dropped", "minor")
    ]


@pytest.mark.parametrize(
    ("text", "speech"),
    [
        ("그는 '우리는 절대 포기하지 않는다'고 말했다.", 1),
        ("'8월 인구동향' 자료를 보면 출생아가 늘었다.", 0),  # a title in single quotes
        ("「국민 여러분께 깊이 사과드립니다」라는 글을 올렸다.", 1),
        ("'핵심' 기술", 0),
    ],
)
def test_which_quotations_are_speech(text, speech):
    assert len(quoted_speech(text)) == speech


def test_quoted_sentences_and_their_offsets():
    sentences = quoted_sentences(BRIEFING)
    assert [s for s, _ in sentences] == [
        "올해 성장률 목표는 바꾸지 않는다.",
        "다만 수출 둔화가 길어지면 하반기에 추가 경기 부양책을 검토하겠다",
    ]
    for sentence, start in sentences:
        assert BRIEFING[start : start + len(sentence)] == sentence


def test_english_quotations_counted_by_sentence():
    assert english_quoted_sentences(BOTH) == 2
    assert english_quoted_sentences(FIRST_ONLY) == 1
    assert english_quoted_text('"One," he said. "Two. Three.') == ["One,", "Two. Three."]


SOURCE = """---
date: 2026-05-12
timezone: Asia/Seoul
---
# 환경부, 일회용컵 보증금제 전국 확대

환경부는 12일 일회용컵 보증금제를 내년 6월부터 전국으로 확대한다고 밝혔다. 환경부 장관은 "일회용컵 사용을 줄이는 것이 목표다"라고 말했다. 장관은 "소상공인의 부담을 덜기 위해 라벨 비용을 정부가 지원하겠다"고 덧붙였다.
"""

REFERENCE = """Environment ministry to extend disposable cup deposit nationwide

The Ministry of Environment said on May 12 that it would extend the deposit system for disposable cups nationwide from June next year. "Our goal is to reduce the use of disposable cups," the environment minister said. "The government will pay for the labels to ease the burden on small businesses," the minister added.
"""

DROPPED = """Environment ministry to extend disposable cup deposit nationwide

The Ministry of Environment said on May 12 that it would extend the deposit system for disposable cups nationwide from June next year. "The government will pay for the labels to ease the burden on small businesses," the minister added.
"""


def _report(tmp_path, translation: str):
    path = tmp_path / "cups.ko.md"
    path.write_text(SOURCE, "utf-8")
    return check_translation(read_article(path), translation)


def test_a_quoted_sentence_dropped_whole_is_named_with_its_quotation(tmp_path):
    report = _report(tmp_path, DROPPED)
    found = [(p.label, f) for p in report.pairs for f in p.findings if f.severity >= "major"]
    assert [(f.check, f.kind) for _, f in found] == [("omission", "sentence_missing")]
    label, missing = found[0]
    assert "b1.s1" in label.split("+")
    assert "b1.s1" in missing.message and "환경부 장관은" in missing.message
    assert "and the quotation" in missing.message


def test_the_whole_article_rendered_holds_nothing_for_quotes(tmp_path):
    report = _report(tmp_path, REFERENCE)
    kinds = {f.kind for p in report.pairs for f in p.findings}
    assert not kinds & {"quote_missing", "sentence_missing", "quote_dropped"}


def test_dateline_is_read(tmp_path):
    path = tmp_path / "cups.ko.md"
    path.write_text(SOURCE, "utf-8")
    assert read_article(path).dateline.date == dt.date(2026, 5, 12)


@pytest.mark.parametrize(
    ("source", "target", "missing"),
    [
        # the second sentence shares the first's theme (도발), so keeps a third of its words
        ('합참 관계자는 "이번 사격은 한반도의 긴장을 고조시키는 명백한 도발 행위다. 북한은 무모한 '
         '도발을 즉각 중단해야 한다"고 강조했다.',
         'A Joint Chiefs of Staff official emphasized, "This firing is a clear act of provocation '
         'that heightens tension on the Korean Peninsula."', "북한은 무모한"),
        # the first is rendered at the rendered share exactly, the second not at all
        ('이정민 국제무역통상연구원장은 "반도체를 제외한 주력 품목의 수출 여건은 여전히 녹록지 '
         '않다. 수출 시장과 품목을 다변화하는 데 속도를 내야 한다"고 말했다.',
         'Lee Jung-min, director of the Institute for International Trade, said, "The export '
         'conditions of the main items excluding semiconductors are still not easy."',
         "수출 시장과"),
    ],
)
def test_fewer_sentences_quoted_name_the_least_covered_one(source, target, missing):
    (found,) = findings(source, target)
    assert found.kind == "quote_missing"
    assert source[slice(*found.source_span)].startswith(missing)


def test_two_quoted_sentences_merged_into_one_quoted_sentence_pass():
    source = (
        '합참 관계자는 "이번 사격은 한반도의 긴장을 고조시키는 명백한 도발 행위다. 북한은 무모한 '
        '도발을 즉각 중단해야 한다"고 강조했다.'
    )
    merged = (
        'A Joint Chiefs of Staff official said, "The firing is a clear provocation that raises '
        'tension on the Korean Peninsula, and North Korea must immediately stop its reckless '
        'provocations."'
    )
    assert findings(source, merged) == []


@pytest.mark.parametrize(
    ("source", "dropped", "kept"),
    [
        ('장관은 "한미 동맹은 굳건하다"며 "관세 협상도 곧 마무리될 것"이라고 말했다.',
         'The minister said, "The South Korea-U.S. alliance is solid."',
         'The minister said, "The South Korea-U.S. alliance is solid, and the tariff talks will '
         'be wrapped up soon."'),
        ('재판부는 "죄질이 불량하다"면서도 "초범인 점을 고려했다"고 밝혔다.',
         'The court said the crime was "of a bad nature."',
         'The court said the crime was "of a bad nature" but that it took into account that he '
         "was a first-time offender."),
    ],
)
def test_a_short_quoted_sentence_before_a_quotative_ending_is_speech(source, dropped, kept):
    assert [f.kind for f in findings(source, dropped) if f.kind == "quote_missing"]
    assert [f for f in findings(source, kept) if f.kind == "quote_missing"] == []


def test_a_short_quotation_without_a_quotative_ending_is_no_speech():
    source = '그는 이번 조치를 "사실상 항복"이라고 규정하고 "굴욕 외교"를 비판했다.'
    assert quoted_sentences(source) == []


def test_a_second_quote_told_as_the_demand_it_makes_is_not_missing():
    source = '대변인은 "이번 인사는 명백한 보은 인사"라며 "즉각 철회하라"고 요구했다.'
    demanded = ('The spokesperson called the appointment "clearly a reward for loyalty" and '
                "demanded that it be withdrawn immediately.")
    assert [f for f in findings(source, demanded) if f.kind == "quote_missing"] == []
