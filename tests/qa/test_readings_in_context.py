"""Readings that depend on the words around a figure, a name or a negation: a currency's country,
a count of a plain noun, a curling end, an evidential told with a passive, a calling before a
name, a date that belongs to a relative clause, and a sentence dropped with its quotation."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.article import Severity
from transdesk.dates import find_english_dates
from transdesk.qa import CheckContext, create_checks


def held(check: str, source: str, target: str, dateline: dt.date | None = None) -> list[str]:
    (checker,) = create_checks([check])
    found = checker.run(CheckContext(source, target, dateline=dateline))
    return [f.kind for f in found if f.severity >= Severity.MAJOR]


PRIZE = "대한컬링연맹은 우승 상금 5만 캐나다달러와 별도로 선수단에 포상금 1억 원을 지급하기로 했다."


@pytest.mark.parametrize(
    "target",
    [
        "The federation will pay a 100 million won bonus on top of the 50,000 Canadian dollar "
        "prize.",
        "The federation will pay a 100 million won bonus on top of the C$50,000 prize.",
        "The federation will pay a 100 million won bonus on top of the $50,000 prize.",
    ],
)
def test_a_dollar_of_another_country_passes_as_itself_or_as_a_plain_dollar(target):
    assert held("numbers", PRIZE, target) == []


def test_a_canadian_dollar_told_as_a_us_dollar_is_a_changed_unit():
    target = "The federation will pay a 100 million won bonus besides the 50,000 U.S. dollar prize."
    assert held("numbers", PRIZE, target) == ["unit_changed"]


def test_a_curling_end_is_no_yen_and_the_10th_and_final_end_no_date():
    source = "한국은 4-5로 뒤진 9엔드에 2점을 따내 역전했고, 마지막 10엔드에서 1점을 더 보탰다."
    target = (
        "Trailing 5-4 going into the ninth end, South Korea scored two points and added one "
        "more in the 10th and final end."
    )
    assert held("numbers", source, target) == []
    assert list(find_english_dates("one more in the 10th and final end")) == []


STORY = "영화는 1980년대 부산의 한 바닷가 마을을 배경으로 세 자매의 이야기를 그렸다."


def test_a_count_of_a_plain_noun_changed_is_major():
    target = "The film tells the story of four sisters in a seaside village in 1980s Busan."
    assert held("numbers", STORY, target) == ["number_missing"]


@pytest.mark.parametrize(
    "target",
    [
        "The film tells the story of three sisters in a seaside village in 1980s Busan.",
        "Set in a seaside village in 1980s Busan, the film tells the story of the sisters.",
    ],
)
def test_a_count_of_a_plain_noun_kept_or_left_to_the_plural_passes(target):
    assert held("numbers", STORY, target) == []


HURT = "운전자 A(54)씨는 스스로 차에서 빠져나와 크게 다치지는 않은 것으로 전해졌다."


def test_an_evidential_with_a_passive_reports_the_negation_before_it():
    target = "Driver A, 54, escaped from the car unaided and is known to have been badly injured."
    assert held("polarity", HURT, target) == ["negation_lost"]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (HURT, "The driver, 54, climbed out of the car and was reportedly not badly hurt."),
        ("사고 차량 운전자는 안전벨트를 매고 있어 크게 다치지 않았다.",
         "The driver, who was wearing a seat belt, escaped serious injury."),
        ("운전자는 크게 다치지 않았다.", "The driver suffered only minor injuries."),
        ("조사단은 사고 원인을 특정할 만한 증거를 찾지 못했다고 밝혔다.",
         "The investigators said they had come up empty in their search for evidence."),
        ("금융위원회는 제재 수위를 결정하지 않고 다음 회의로 넘겼다.",
         "The Financial Services Commission put off a decision on the sanctions until its next "
         "meeting."),
        ("물에 빠졌다가 구조된 초등학생 2명은 생명에는 지장이 없는 것으로 전해졌다.",
         "Two elementary school students rescued from the water are reported to be out of danger."),
        ("총리는 거부권 행사에 대해 “정당화될 수 없고 불행한 일”이라고 말했다.",
         'The prime minister called the vetoes "difficult to justify" and "unfortunate."'),
        ("대한의사협회는 정부가 증원 방침을 철회하지 않는 한 협의에 참여하지 않겠다고 밝혔다.",
         "The Korean Medical Association said it would stay away from talks unless the government "
         "withdraws its plan."),
    ],
)
def test_harm_escaped_and_searches_that_found_nothing_carry_the_negation(source, target):
    assert held("polarity", source, target) == []


def test_a_verb_made_of_a_noun_is_read_as_that_verb_and_carries_no_negation_of_the_predicate():
    # "prohibiting" renders 금지한 (금지 + 하: the lexicon's 금지하다), not the 않았다 of 포함되지
    source = "다만 교원의 선거운동을 금지한 공직선거법 조항은 이번 심판 대상에 포함되지 않았다."
    target = (
        "However, the Public Official Election Act provision prohibiting election campaigns by "
        "teachers was included in the subject of this trial."
    )
    assert held("polarity", source, target) == ["negation_lost"]


BERTH = "대표팀은 이번 대회 우승으로 내년 3월 열리는 세계여자컬링선수권대회 출전권도 확보했다."
NOV_9 = dt.date(2026, 11, 9)


def test_a_coming_date_in_a_relative_clause_leaves_the_past_main_predicate_past():
    target = "With the win, the team will also secure a berth at the world championship next March."
    assert held("tense", BERTH, target, NOV_9) == ["past_as_future"]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (BERTH, "The win also earned the team a spot at next March's world championship."),
        ("정부는 내년 3월 새 제도를 시행하기로 했다.",
         "The government will introduce the new system next March."),
    ],
)
def test_a_past_berth_told_as_past_and_a_plan_for_next_year_pass(source, target):
    assert held("tense", source, target, NOV_9) == []


SKIP = "스킵 이하은이 이끄는 대표팀은 캐나다를 7-5로 물리쳤다."


def test_a_calling_before_a_name_makes_it_a_name_kiwi_also_reads_as_words():
    assert held("names", SKIP, "The team led by skip Lee Eun-ha defeated Canada 7-5.") == [
        "name_mismatch"
    ]
    assert held("names", SKIP, "The team led by skip Lee Ha-eun defeated Canada 7-5.") == []


def test_an_untitled_word_the_lexicon_finds_rendered_is_no_missing_name():
    (checker,) = create_checks(["names"])
    source = "맨눈으로 오로라를 볼 수 있는 경우는 매우 드물다."
    target = "It is very rare for auroras to be visible to the naked eye."
    assert checker.run(CheckContext(source, target)) == []
