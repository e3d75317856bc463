"""A relative Korean date told relative in English is rendered: 지난달 → "last month"."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.qa.checks.dates import DatesCheck
from transdesk.qa.base import CheckContext

DATELINE = dt.date(2026, 11, 3)


def _kinds(source: str, target: str) -> list[tuple[str, str]]:
    found = DatesCheck().run(CheckContext(source=source, target=target, dateline=DATELINE))
    return [(f.kind, f.severity.value) for f in found]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("지난달부터 관람 시간을 연장했다.", "It extended its hours starting last month."),
        ("이달 중 예산을 추가로 풀겠다고 말했다.", "He said it would release more this month."),
        ("다음 달 발표할 예정이다.", "It will be announced next month."),
        ("금요일과 토요일 관람 시간을 늘렸다.", "It extended its hours on Fridays and Saturdays."),
    ],
)
def test_a_relative_date_told_relative_is_rendered(source, target):
    assert _kinds(source, target) == []


def test_the_wrong_relative_month_is_still_missing():
    assert ("date_missing", "major") in _kinds(
        "이달 중 예산을 추가로 풀겠다고 말했다.", "He said it would release more next month."
    )


@pytest.mark.parametrize(
    ("month", "held"), [("September", False), ("October", False), ("August", True)]
)
def test_the_month_before_may_be_either_month_before_the_dateline(month, held):
    """전달 is the month before the one the story speaks of: in a November story on October's
    prices, September; on November's own, October."""
    kinds = _kinds("상승률은 전달(2.4%)보다 0.5%포인트 높아졌다.", f"It rose from {month}'s 2.4%.")
    assert any(severity == "major" for _, severity in kinds) is held


@pytest.mark.parametrize(("day", "held"), [("Nov. 3", False), ("Nov. 5", True)])
def test_a_day_a_span_starts_from_is_a_date(day, held):
    """"3일부터" (from the 3rd) is a date, not the 일부 (some) the day pattern keeps out."""
    kinds = _kinds("경찰청은 3일부터 두 달간 특별단속을 벌인다.", f"Police will run checks from {day}.")
    assert ("date_mismatch", "major") in kinds if held else kinds == []


def test_a_date_left_out_of_a_headline_is_minor():
    found = DatesCheck().run(
        CheckContext("외환보유액 두 달 연속 늘어…11월 말 4,268억 달러",
                     "FX reserves rise for second straight month to $426.8 billion",
                     dateline=DATELINE, block_kind="headline")
    )
    assert [(f.kind, f.severity.value) for f in found] == [("date_missing", "minor")]
