"""Dropped quotations are held and named; quotations told as reported speech pass.

Each case is a Korean statement quoting two sentences (in one quotation, in two quotations of
one sentence, or over two Korean sentences that one English sentence renders) and an English
rendering of it."""

from __future__ import annotations

import pytest

from transdesk.article import Severity
from transdesk.qa import CheckContext, create_checks
from transdesk.qa.checks.quotes import english_unquoted_text, speaker_rendered

_ONE_QUOTATION = (
    '박태산 감독은 "선수들이 끝까지 포기하지 않았다. 팬들의 응원이 가장 큰 힘이 됐다"고 말했다.'
)
_TWO_QUOTATIONS = (
    '한국은행 총재는 "물가 상승세가 둔화하고 있다"며 "금리 인하 시점은 내년 초가 될 것"이라고 '
    "말했다."
)
_TWO_SENTENCES = (
    '국방부 대변인은 "북한군의 동향을 24시간 감시하고 있다"고 말했다. '
    '이어 "추가 도발에 단호히 대응하겠다"고 덧붙였다.'
)
_FIGURES = (
    '남궁현 연구본부장은 "이번 성과는 상용 핵융합로에 필요한 장시간 운전 기술을 확보했다는 '
    '의미가 있다. 다음 목표는 2028년까지 1억도 1천 초 운전"이라고 말했다.'
)

DROPPED = [
    pytest.param(
        _ONE_QUOTATION,
        'Manager Park Tae-san said, "The players did not give up until the end."',
        "팬들의 응원이",
        id="second-sentence-of-one-quotation",
    ),
    pytest.param(
        _TWO_QUOTATIONS,
        'The governor of the Bank of Korea said, "The upward trend in prices is seeing a '
        'slowdown."',
        "금리 인하 시점은",
        id="second-of-two-quotations",
    ),
    pytest.param(
        _TWO_SENTENCES,
        'A defense ministry spokesperson said, "We are monitoring the movements of the North '
        'Korean military 24 hours a day."',
        "추가 도발에",
        id="quotation-of-a-second-korean-sentence",
    ),
    pytest.param(
        _FIGURES,
        'Namgung Hyun, head of the research center, said, "This achievement means that we have '
        'secured the long-term operation technology necessary for commercial fusion reactors."',
        "다음 목표는",
        id="figures-of-the-dropped-sentence",
    ),
]

PASSES = [
    pytest.param(
        _ONE_QUOTATION,
        '"The players did not give up until the end," manager Park Tae-san said, adding that '
        "the fans' support was their biggest strength.",
        id="second-sentence-as-reported-speech",
    ),
    pytest.param(
        _TWO_QUOTATIONS,
        '"The upward trend in prices is seeing a slowdown," the governor said, adding that the '
        "time for an interest rate cut would come early next year.",
        id="second-quotation-as-reported-speech",
    ),
    pytest.param(
        _TWO_SENTENCES,
        'A defense ministry spokesperson said, "We are monitoring the movements of the North '
        'Korean military 24 hours a day," and added that Seoul would respond firmly to any '
        "further provocation.",
        id="second-korean-sentence-as-reported-speech",
    ),
    pytest.param(
        _ONE_QUOTATION,
        'Manager Park Tae-san said, "The players did not give up until the end. The fans\' '
        'support gave us the most strength."',
        id="both-quoted",
    ),
]


def held(source: str, target: str) -> list:
    (check,) = create_checks(["quotes"])
    found = check.run(CheckContext(source, target))
    return [f for f in found if f.severity >= Severity.MAJOR]


@pytest.mark.parametrize(("source", "target", "dropped"), DROPPED)
def test_a_dropped_quoted_sentence_is_held_and_named(source, target, dropped):
    (found,) = held(source, target)
    assert (found.check, found.kind) == ("quotes", "quote_missing")
    start, end = found.source_span
    assert source[start:end].startswith(dropped)
    assert dropped in found.message


@pytest.mark.parametrize(("source", "target"), PASSES)
def test_a_quoted_sentence_rendered_or_reported_passes(source, target):
    assert held(source, target) == []


def test_the_speaker_is_rendered_when_the_english_reports_speech():
    # the lexicon does not find "박태산 감독" in the English, the reporting verb says who speaks
    assert speaker_rendered(_ONE_QUOTATION, 'Park said, "The players did not give up."')
    assert not speaker_rendered(_ONE_QUOTATION, '"The players did not give up until the end."')


def test_unquoted_english_is_what_lies_outside_the_quotations():
    text = '"Inflation is slowing," the governor said. "Rates will fall.'
    assert english_unquoted_text(text).split() == ["the", "governor", "said."]


def test_a_scare_quoted_word_does_not_stand_for_the_dropped_sentence():
    target = (
        'Manager Park Tae-san praised his team\'s "grit" and said, "The players did not give up '
        'until the end."'
    )
    (found,) = held(_ONE_QUOTATION, target)
    assert found.kind == "quote_missing" and "팬들의 응원이" in found.message


def test_a_second_quoted_sentence_dropped_is_found_by_its_own_words():
    """"무대" is in both quoted sentences: the English's "stage" renders the first only."""
    source = (
        '리더 한도윤은 "데뷔 때부터 꿈꾸던 무대에 서게 돼 꿈만 같다. 이 무대는 팬들이 '
        '만들어준 것"이라고 말했다.'
    )
    dropped = 'Leader Han Do-yoon said, "It is like a dream to stand on the stage I dreamed of."'
    kept = (
        'Leader Han Do-yoon said, "It is like a dream to stand on the stage I dreamed of. '
        'This stage was made for us by our fans."'
    )
    (check,) = create_checks(["quotes"])
    assert [f.kind for f in check.run(CheckContext(source, dropped))] == ["quote_missing"]
    assert check.run(CheckContext(source, kept)) == []


def test_a_second_quoted_sentence_folded_into_the_first_is_rendered():
    source = (
        '그는 "오늘 다시 팔레스타인에서 레바논으로 돌아왔다"며 "다시 팔레스타인으로 돌아가기 '
        '위해 잠시 들른 것이다"라고 덧붙였다.'
    )
    target = (
        '"I return today from Palestine, but I return to Lebanon only in order to return to '
        'Palestine," he said.'
    )
    (check,) = create_checks(["quotes"])
    assert [f for f in check.run(CheckContext(source, target)) if f.kind == "quote_missing"] == []
