"""Dates on correct English in other forms ("next June", "Sept 3", ranges, decades, parts of a
month or year), beside the errors still held."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.article import Severity
from transdesk.qa import CheckContext, create_checks


def held(source: str, target: str, dateline: dt.date | None = None) -> list[str]:
    (check,) = create_checks(["dates"])
    context = CheckContext(source, target, dateline=dateline)
    return [f.message for f in check.run(context) if f.severity >= Severity.MAJOR]


@pytest.mark.parametrize(
    ("source", "target", "dateline"),
    [
        ("코난 오브라이언이 2009년 6월부터 이 방송을 물려받는다.",
         "Conan O'Brien will take over the show next June.", None),
        ("코난 오브라이언이 2009년 6월부터 이 방송을 물려받는다.",
         "Conan O'Brien will take over the show next June.", dt.date(2008, 7, 21)),
        ("공장은 2007년 3월 문을 닫았다.", "The plant closed in March of last year.",
         dt.date(2008, 7, 21)),
        ("그는 9월 3일 귀국했다.", "He returned home on Sept 3.", None),
        ("행사는 1월 3~5일 열린다.", "The event will be held Jan. 3-5.", None),
        ("그는 1990년대에 미국으로 건너갔다.", "He moved to the U.S. in the 1990s.", None),
        ("회담은 2008년 중반 열린다.", "The talks will be held in mid-2008.", None),
        ("그는 3월 초 귀국한다.", "He will return in early March.", None),
        # a count that reads like a year is the source's count, not a year from nowhere
        ("2008년 행사에는 2천명이 참가했다.", "In 2008, 2000 people took part in the event.", None),
        # a term of years and months is no month
        ("그는 징역 2년6월을 선고받았다.", "He was sentenced to two and a half years in prison.",
         None),
    ],
)
def test_correct_english_is_not_held(source: str, target: str, dateline) -> None:
    assert held(source, target, dateline) == []


@pytest.mark.parametrize(
    ("source", "target", "dateline"),
    [
        # "next June" is 2009 only from a 2008 dateline
        ("코난 오브라이언이 2009년 6월부터 이 방송을 물려받는다.",
         "Conan O'Brien will take over the show next June.", dt.date(2009, 7, 21)),
        # the month itself must still be right
        ("코난 오브라이언이 2009년 6월부터 이 방송을 물려받는다.",
         "Conan O'Brien will take over the show next July.", None),
        ("그는 9월 3일 귀국했다.", "He returned home on Sept 4.", None),
        ("2008년 행사에는 2천명이 참가했다.", "In 2007, 2000 people took part in the event.", None),
        ("그는 2008년 6월 귀국했다.", "He returned home in May 2008.", None),
    ],
)
def test_real_errors_are_still_held(source: str, target: str, dateline) -> None:
    assert held(source, target, dateline)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("올해 1~9월 무역적자는 줄었다.", "The trade deficit narrowed in the first nine months."),
        ("올해 1~9월 무역적자는 줄었다.", "The trade deficit narrowed in the first three quarters."),
        ("올해 1~3월 수출은 늘었다.", "Exports rose in the first quarter of this year."),
        ("7~9월 수출은 늘었다.", "Exports rose in the third quarter."),
        ("7~12월 수출은 늘었다.", "Exports rose in the second half."),
    ],
)
def test_a_span_of_months_told_as_a_part_of_the_year_passes(source, target):
    assert held(source, target) == []
    assert held(source, target, dt.date(2026, 11, 2)) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("올해 1~9월 무역적자는 줄었다.", "The trade deficit narrowed in the first eight months."),
        ("올해 1~3월 수출은 늘었다.", "Exports rose in the second quarter of this year."),
        ("7~12월 수출은 늘었다.", "Exports rose in the first half."),
    ],
)
def test_a_span_of_months_told_as_another_part_is_held(source, target):
    assert held(source, target)


def test_months_through_a_month_told_as_the_first_months_pass():
    source = "올해 9월까지 거둔 운용수익은 145조6천억 원이다."
    assert held(source, "Income for the first nine months was 145.6 trillion won.",
                dt.date(2026, 11, 20)) == []
    assert held(source, "Income for the first eight months was 145.6 trillion won.",
                dt.date(2026, 11, 20))
