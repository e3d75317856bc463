"""A year Korean copy names relative to the dateline (올해, 지난해, 내년) may be told as the
explicit year it resolves to; another explicit year is a changed date and is held."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.article import Severity
from transdesk.qa.base import CheckContext
from transdesk.qa.checks.dates import DatesCheck

DATELINE = dt.date(2008, 7, 1)


def _held(source: str, target: str, dateline: dt.date | None = DATELINE) -> list[str]:
    found = DatesCheck().run(CheckContext(source=source, target=target, dateline=dateline))
    return [f.kind for f in found if f.severity >= Severity.MAJOR]


@pytest.mark.parametrize(
    ("source", "target", "dateline"),
    [
        ("올해 수출이 10% 늘었다.", "Exports rose 10 percent in 2008.", DATELINE),
        ("지난해 수출이 10% 늘었다.", "Exports rose 10 percent in 2007.", DATELINE),
        ("내년에 완공된다.", "It will be completed in 2009.", DATELINE),
        ("지난해 3월 발표했다.", "It announced in March 2007.", DATELINE),
        ("지난해 3월 발표했다.", "It announced in March last year.", DATELINE),
        ("올해 수출이 2005년보다 늘었다.", "Exports rose this year from 2005.", DATELINE),
        ("올해는 2005년 이후 처음이다.", "It is the first time since 2005.", DATELINE),
        # no dateline: the year cannot be checked, so it is not held
        ("지난해 수출이 10% 늘었다.", "Exports rose 10 percent in 2007.", None),
    ],
)
def test_a_relative_year_told_as_its_year_is_not_held(source, target, dateline) -> None:
    assert _held(source, target, dateline) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("올해 수출이 10% 늘었다.", "Exports rose 10 percent in 2007."),
        ("지난해 수출이 10% 늘었다.", "Exports rose 10 percent in 2006."),
        ("내년에 완공된다.", "It will be completed in 2010."),
        ("지난해 3월 발표했다.", "It announced in March 2006."),
        ("올해 수출이 2005년보다 늘었다.", "Exports rose in 2007 from 2005."),
    ],
)
def test_another_explicit_year_is_held(source: str, target: str) -> None:
    assert "date_mismatch" in _held(source, target) or "date_missing" in _held(source, target)


def test_a_written_year_told_relative_without_a_dateline_is_for_the_editor():
    source = "산림청에 따르면 2024년 한 해 동안 발생한 산불은 모두 279건으로 집계됐다."
    target = "A total of 279 wildfires broke out last year, the Korea Forest Service said."
    assert _held(source, target, None) == []
    assert [f.kind for f in DatesCheck().run(CheckContext(source, target))] == ["date_missing"]
    assert _held(source, target, dt.date(2025, 3, 1)) == []
    assert _held(source, target, dt.date(2026, 3, 1)) == ["date_missing"]


def test_last_month_beside_a_year_of_its_own_is_last_month():
    source = "지난달 은행권 가계대출은 5조8천억 원 늘어 2021년 7월 이후 가장 큰 증가 폭을 기록했다."
    target = "Bank loans grew by 5.8 trillion won last month, the most since July 2021."
    assert _held(source, target, dt.date(2026, 11, 20)) == []
