"""Figures an editor tells another way: a fraction as a percentage or a ratio, a part of a whole
as a fraction, a span in hours and minutes as minutes, a quarter by its months, a span of days
as "from the 14th to the 16th". Each stays a change when the figure told is another one."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.dates import find_english_dates, resolve_dates
from transdesk.qa.quantities import english_quantities

from tests.qa.held import held


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("응답자의 4분의 3이 찬성했다.", "Seventy-five percent of respondents agreed."),
        ("응답자의 4분의 3이 찬성했다.", "Three in four respondents agreed."),
        ("응답자의 3분의 2가 찬성했다.", "Two-thirds of respondents agreed."),
        ("국민 3명 중 1명이 반대했다.", "One-third of citizens were opposed."),
        ("국민 5명 중 1명이 반대했다.", "A fifth of citizens were opposed."),
        ("미국은 석유 사용량의 1/3 이상을 수입한다.", "The U.S. imports more than one-third of its oil."),
        ("회의는 1시간 30분 동안 진행됐다.", "The meeting lasted 90 minutes."),
        ("회의는 2시간 15분 동안 이어졌다.", "The 135-minute meeting ended without a deal."),
        ("그는 1년 1개월 동안 복역했다.", "He served 13 months in prison."),
        ("3분기 실질 국내총생산은 전 분기보다 1.2% 성장했다.",
         "GDP grew 1.2 percent in the July-September quarter from the previous three months."),
    ],
)
def test_a_figure_told_another_way_is_the_same_figure(source, target):
    assert held("numbers", source, target) == []
    assert held("dates", source, target) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("국민 3명 중 1명이 반대했다.", "Two-thirds of citizens were opposed."),
        ("응답자의 4분의 3이 찬성했다.", "Sixty percent of respondents agreed."),
        ("회의는 1시간 30분 동안 진행됐다.", "The meeting lasted 80 minutes."),
        ("그는 1년 1개월 동안 복역했다.", "He served 14 months in prison."),
    ],
)
def test_another_share_or_total_is_a_changed_figure(source, target):
    assert "number_missing" in held("numbers", source, target)


def test_a_quarter_told_by_another_quarters_months_is_held():
    source = "3분기 실질 국내총생산은 1.2% 성장했다."
    target = "GDP grew 1.2 percent in the April-June quarter."
    assert held("numbers", source, target) == ["number_missing"]
    assert held("dates", source, target) == ["date_mismatch"]


def test_a_fraction_is_no_ordinal_but_a_third_term_still_is():
    assert english_quantities("One-third of citizens") == []
    assert [q.value for q in english_quantities("He seeks a third term.")] == [3]
    assert held("numbers", "그는 세 번째 임기에 도전한다.", "He seeks a third term.") == []


@pytest.mark.parametrize(
    "target",
    [
        "The festival runs from the 14th to the 16th.",
        "The festival runs from the 14th through the 16th.",
        "The festival runs between the 14th and 16th.",
        "The festival runs Dec. 14-16.",
    ],
)
def test_a_span_of_days_told_from_one_day_to_another_is_the_span(target):
    assert held("dates", "축제는 14~16일 열린다.", target, dt.date(2026, 12, 4)) == []
    assert held("dates", "축제는 14일부터 16일까지 열린다.", target, dt.date(2026, 12, 4)) == []


def test_another_span_of_days_is_held():
    target = "The festival runs from the 14th through the 17th."
    assert held("dates", "축제는 14~16일 열린다.", target) == ["date_mismatch"]
    assert [(d.day, d.day2) for d in find_english_dates(target)] == [(14, 17)]


def test_the_end_of_a_span_of_days_keeps_the_month_of_its_start():
    mentions = resolve_dates("축제는 2일부터 28일까지 열린다.", dt.date(2026, 12, 4))
    assert [m.first for m in mentions] == [dt.date(2026, 12, 2), dt.date(2026, 12, 28)]
    # alone, a day well past the dateline is last month's
    alone = resolve_dates("28일 열렸다.", dt.date(2026, 12, 4))
    assert [m.first for m in alone] == [dt.date(2026, 11, 28)]


def test_a_span_whose_end_names_its_month_is_read_as_written():
    mentions = resolve_dates("3일부터 내년 1월 31일까지 단속한다.", dt.date(2026, 12, 2))
    assert [m.first for m in mentions] == [dt.date(2026, 12, 3), dt.date(2027, 1, 31)]
