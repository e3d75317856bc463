"""Quotes and omission on correct English: a closing quotation mark left out, and a name glossed
in Korean with its acronym that the English spells out; beside the errors still held."""

from __future__ import annotations

from transdesk.article import Severity
from transdesk.qa import CheckContext, create_checks
from transdesk.qa.checks.quotes import english_quoted_sentences
from transdesk.qa.coverage import coverage

_SOURCE = (
    "린드버그 부위원장은 “상황이 좋지 않아 보이지만 어제는 조금 괜찮았다”며 "
    "“베이징에 도착했던 날이 최악이었다”고 말했다."
)


def held(source: str, target: str) -> list[str]:
    (check,) = create_checks(["quotes"])
    return [
        f.kind for f in check.run(CheckContext(source, target)) if f.severity >= Severity.MAJOR
    ]


def test_a_second_opening_mark_starts_a_second_quotation() -> None:
    text = (
        '"It does not look good, but yesterday was better, said Lindberg. '
        '"The day I arrived was awful.'
    )
    assert english_quoted_sentences(text) == 2


def test_a_closing_mark_left_out_is_not_a_dropped_quote() -> None:
    target = (
        '"It doesn\'t look so good, but yesterday was better, said Lindberg. '
        '"The day I arrived in Beijing was the worst.'
    )
    assert held(_SOURCE, target) == []


def test_a_dropped_second_quotation_is_still_held() -> None:
    target = '"It doesn\'t look so good, but yesterday was a little better," said Lindberg.'
    assert "quote_missing" in held(_SOURCE, target)


def test_an_acronym_the_english_spells_out_is_covered() -> None:
    source = "의원은 뉴욕 대중교통 당국(Metropolitan Transit Authority, MTA)에 광고를 거절하라고 촉구했다."
    found = coverage(source, "He urged the Metropolitan Transit Authority to reject the ads.")
    assert "MTA" not in found.missing_anchors
    assert "뉴욕" not in found.missing


def test_an_acronym_of_another_name_is_not_covered() -> None:
    source = "의원은 뉴욕 대중교통 당국(Metropolitan Transit Authority, MTA)에 광고를 거절하라고 촉구했다."
    found = coverage(source, "He urged the city council to reject the ads.")
    assert "MTA" in found.missing_anchors
    assert "뉴욕" in found.missing


_TWO_SENTENCES = "김 장관은 “북한의 도발은 용납할 수 없다. 강력히 대응하겠다”고 말했다."


def test_a_quoted_sentence_told_as_indirect_speech_is_not_dropped() -> None:
    target = (
        '"We cannot tolerate the North\'s provocation," Kim said, adding that Seoul would '
        "respond firmly."
    )
    assert held(_TWO_SENTENCES, target) == []


def test_a_quoted_sentence_left_out_entirely_is_still_held() -> None:
    target = '"We cannot tolerate the North\'s provocation," Minister Kim said.'
    assert "quote_missing" in held(_TWO_SENTENCES, target)


def test_stems_of_one_word_family_cover_each_other() -> None:
    assert coverage("대응하겠다", "Seoul would respond.").covered == 1
    assert coverage("대응하겠다", "Seoul would resist.").covered == 0
