"""English news style: AP month abbreviations, and relative dates rewritten as dates."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.dates import find_english_dates, format_date, format_month, rewrite_relative_dates

SEPT_2 = dt.date(2025, 9, 2)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (dt.date(2025, 9, 2), "Sept. 2"),
        (dt.date(2025, 8, 31), "Aug. 31"),
        (dt.date(2025, 3, 1), "March 1"),
        (dt.date(2025, 6, 30), "June 30"),
        (dt.date(2025, 1, 5), "Jan. 5"),
        (dt.date(2024, 12, 24), "Dec. 24, 2024"),  # another year: the year is given
    ],
)
def test_format_date_uses_ap_abbreviations(date, expected):
    assert format_date(date, SEPT_2) == expected


def test_months_alone_are_spelled_out_with_year_only_when_it_differs():
    assert format_month(2024, 6, SEPT_2) == "June 2024"
    assert format_month(2025, 9, SEPT_2) == "September"


@pytest.mark.parametrize(
    ("english", "korean", "expected"),
    [
        (
            "The Kremlin said on the 2nd that they would meet.",
            "크렘린궁은 2일 밝혔다.",
            "The Kremlin said on Sept. 2 that they would meet.",
        ),
        (
            "They attend the parade on the 3rd (local time).",
            "3일(현지시간) 참석한다.",
            "They attend the parade on Sept. 3 (local time).",
        ),
        (
            "Putin arrived on the 31st of last month.",
            "지난달 31일 도착했다.",
            "Putin arrived on Aug. 31.",
        ),
        (
            "Kim left by train the day before.",
            "전날 열차로 출발했다.",
            "Kim left by train on Sept. 1.",
        ),
        (
            "He arrived in Beijing on this day.",
            "이날 베이징에 도착했다.",
            "He arrived in Beijing on Sept. 2.",
        ),
        ("It happened in the 21st century.", "21세기에", "It happened in the 21st century."),
        (
            "He left the day before the summit.",
            "정상회담 전날 떠났다.",
            "He left the day before the summit.",
        ),
        ("Nothing relative here.", "아무 날짜도 없다.", "Nothing relative here."),
    ],
)
def test_rewrites_unresolved_relative_dates(english, korean, expected):
    text, _ = rewrite_relative_dates(english, korean, SEPT_2)
    assert text == expected


def test_rewrite_reports_each_change():
    _, rewrites = rewrite_relative_dates("on the 2nd and on the 3rd", "2일 3일", SEPT_2)
    assert [(r.original, r.replacement) for r in rewrites] == [
        ("on the 2nd", "on Sept. 2"),
        ("on the 3rd", "on Sept. 3"),
    ]


def test_no_dateline_no_rewrite():
    assert rewrite_relative_dates("on the 2nd", "2일", None) == ("on the 2nd", [])


@pytest.mark.parametrize(
    ("text", "month", "day", "year"),
    [
        ("on Sept. 2, 2025", 9, 2, 2025),
        ("on September 11", 9, 11, None),
        ("on 11 September", 9, 11, None),
        ("in April 2019", 4, None, 2019),
        ("Aug. 8-24", 8, 8, None),
    ],
)
def test_finds_english_dates(text, month, day, year):
    (found,) = find_english_dates(text)
    assert (found.month, found.day, found.year) == (month, day, year)


def test_the_verb_may_is_not_a_month():
    assert find_english_dates("He may go, and they march on.") == []


def test_may_day_and_may_i_are_not_months():
    assert find_english_dates("The pilot sent a May Day call. May I ask why?") == []
    assert [d.month for d in find_english_dates("In May, he left.")] == [5]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Park Jun-hyuk, a lawmaker, said", []),  # a syllable of a name, not June
        ("Lee Jun said on Monday", []),  # a bare three-letter form alone is no month
        ("Kim Mar-a of the ministry", []),
        ("The ruling came on Jun 5.", [6]),  # with a day it is one
        ("in June and in Sept.", [6, 9]),
    ],
)
def test_a_month_is_never_part_of_a_name(text, months):
    from transdesk.dates.english import find_english_dates

    assert [d.month for d in find_english_dates(text) if d.month] == months


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Kim left for Russia on the 9th via Pyongyang.", [9]),
        ("The court on the 17th sentenced a former mayor.", [17]),
        ("The office is on the 5th floor.", []),  # what the ordinal counts follows it
        ("He won on the 3rd straight day.", []),
        ("It was built in the 17th century.", []),
    ],
)
def test_a_bare_ordinal_after_on_is_a_day_unless_it_counts_a_noun(text, days):
    assert [d.day for d in find_english_dates(text)] == days
