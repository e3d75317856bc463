"""Korean news date expressions resolve against the dateline to the dates an editor expects."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.dates import Granularity, resolve_dates

D = dt.date
SEPT_2 = D(2025, 9, 2)  # a Tuesday, the seed article's dateline


@pytest.mark.parametrize(
    ("text", "surface", "first", "last"),
    [
        ("크렘린궁은 2일 밝혔다.", "2일", D(2025, 9, 2), D(2025, 9, 2)),
        ("3일(현지시간) 열리는 행사", "3일", D(2025, 9, 3), D(2025, 9, 3)),
        ("이날 베이징에 도착했다.", "이날", SEPT_2, SEPT_2),
        ("김 위원장은 전날 열차로 출발했다.", "전날", D(2025, 9, 1), D(2025, 9, 1)),
        ("그 다음 날 돌아왔다.", "그 다음 날", D(2025, 9, 3), D(2025, 9, 3)),
        ("지난달 31일 톈진에 도착했다.", "지난달 31일", D(2025, 8, 31), D(2025, 8, 31)),
        ("오는 5일 발표한다.", "오는 5일", D(2025, 9, 5), D(2025, 9, 5)),
        ("지난 29일 회담했다.", "지난 29일", D(2025, 8, 29), D(2025, 8, 29)),
        ("28일 회견에서", "28일", D(2025, 8, 28), D(2025, 8, 28)),  # well past today: last month
        ("다음 달 방한한다.", "다음 달", D(2025, 10, 1), D(2025, 10, 31)),
        ("지난해 평양에서", "지난해", D(2024, 1, 1), D(2024, 12, 31)),
        ("올해 초 발표된", "올해 초", D(2025, 1, 1), D(2025, 3, 31)),
        ("작년 6월 만났다.", "작년 6월", D(2024, 6, 1), D(2024, 6, 30)),
        ("지난해 6월 평양에서", "지난해 6월", D(2024, 6, 1), D(2024, 6, 30)),
        ("2019년 4월 블라디보스토크에서", "2019년 4월", D(2019, 4, 1), D(2019, 4, 30)),
        ("2023년 9월 13일 만났다.", "2023년 9월 13일", D(2023, 9, 13), D(2023, 9, 13)),
        ("1992년에 중단했다.", "1992년", D(1992, 1, 1), D(1992, 12, 31)),
        ("3~5일 열린다.", "3~5일", D(2025, 9, 3), D(2025, 9, 5)),
        ("9월 11일 테러", "9월 11일", D(2025, 9, 11), D(2025, 9, 11)),
        ("화요일 밝혔다.", "화요일", SEPT_2, SEPT_2),
        ("지난 금요일 발표했다.", "지난 금요일", D(2025, 8, 29), D(2025, 8, 29)),
        ("오는 월요일 출국한다.", "오는 월요일", D(2025, 9, 8), D(2025, 9, 8)),
        ("하반기에는", None, None, None),  # a half-year without a year: nothing to resolve
    ],
)
def test_resolves_against_the_dateline(text, surface, first, last):
    mentions = resolve_dates(text, SEPT_2)
    if surface is None:
        assert mentions == []
        return
    assert [m.surface for m in mentions] == [surface]
    assert (mentions[0].first, mentions[0].last) == (first, last)


@pytest.mark.parametrize(
    "text",
    [
        "1년 3개월 만의 만남",
        "3일간 머물렀다.",
        "일본을 방문했다.",
        "14일 만에 돌아왔다.",
        "1600년 전 만들어진 필사본",
        "3일째 이어졌다.",
        "북한 측에 초청 의사를 전달했고 대화가 있을 것",
        "메시지가 전달된 뒤",
    ],
)
def test_durations_and_words_are_not_dates(text):
    assert resolve_dates(text, SEPT_2) == []


def test_january_dateline_puts_december_in_the_previous_year():
    (mention,) = resolve_dates("12월 30일 발표했다.", D(2026, 1, 3))
    assert mention.first == D(2025, 12, 30)


def test_without_dateline_relative_dates_keep_what_they_say():
    mentions = resolve_dates("2일 밝혔다. 9월 11일 테러", None)
    assert [(m.surface, m.first, m.day) for m in mentions] == [
        ("2일", None, 2),
        ("9월 11일", None, 11),
    ]
    assert all(m.granularity is Granularity.DAY for m in mentions)


def test_impossible_dates_are_dropped_not_raised():
    assert resolve_dates("2월 30일", SEPT_2) == []
    assert [m.surface for m in resolve_dates("지난달 31일", D(2025, 3, 5))] == []  # no Feb. 31


@pytest.mark.parametrize(
    ("text", "dateline", "first"),
    [
        ("지난 1월 이후 11개월 만이다.", D(2026, 12, 9), D(2026, 1, 1)),
        ("지난 11월 발표했다.", D(2026, 3, 9), D(2025, 11, 1)),
        ("오는 3월 발표한다.", D(2026, 12, 9), D(2027, 3, 1)),
        ("오는 12월 열린다.", D(2026, 3, 9), D(2026, 12, 1)),
        ("1월에 열린다.", D(2026, 12, 9), D(2027, 1, 1)),  # bare: the nearest January
    ],
)
def test_a_month_after_지난_or_오는_is_the_one_before_or_after_the_dateline(text, dateline, first):
    (mention,) = resolve_dates(text, dateline)
    assert mention.first == first


def test_the_same_day_is_the_day_of_the_article():
    (mention,) = resolve_dates("같은 날 서울에서는 회담이 열렸다.", D(2026, 12, 3))
    assert mention.first == D(2026, 12, 3)


def test_a_meeting_on_the_12th_is_a_date_and_12일간_a_span():
    assert [m.day for m in resolve_dates("지난 12일 간담회를 열었다.", None)] == [12]
    assert resolve_dates("12일간 열린다.", None) == []


def test_the_year_after_counts_from_the_year_the_sentence_named():
    """이듬해 after 2021년 is 2022, whatever the dateline; alone, it is the dateline's next."""
    named = resolve_dates("2021년 3월부터 이듬해 5월까지 받았다.", dt.date(2026, 12, 5))
    assert [(m.first.year, m.first.month) for m in named if m.first] == [(2021, 3), (2022, 5)]
    (alone,) = resolve_dates("이듬해 5월 완공된다.", dt.date(2026, 12, 5))
    assert alone.first is not None and alone.first.year == 2027
