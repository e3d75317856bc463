"""The memos behind the checks: each caller owns what it is given, and a memo can be emptied.

The dates stage and several checks read the same sentence, so the readings of a sentence are
remembered; a caller that edits its list must not change what the next caller reads, and a
benchmark must be able to make a run pay what a new article pays.
"""

from __future__ import annotations

import datetime as dt

from transdesk.dates import english as english_dates
from transdesk.dates import resolver
from transdesk.dates.english import find_english_dates
from transdesk.dates.resolver import resolve_dates
from transdesk.qa import morph, quantities, romanize
from transdesk.qa.english_polarity import negations
from transdesk.qa.quantities import english_quantities
from transdesk.qa.romanize import sound_skeleton

DATELINE = dt.date(2024, 9, 3)


def test_english_dates_list_belongs_to_the_caller() -> None:
    text = "The port opened on Sept. 2 and closed on Tuesday."
    first = find_english_dates(text)
    assert [d.surface for d in first] == ["Sept. 2", "Tuesday"]
    first.clear()
    assert [d.surface for d in find_english_dates(text)] == ["Sept. 2", "Tuesday"]


def test_resolved_dates_list_belongs_to_the_caller() -> None:
    text = "부산항은 지난 2일 자동화 부두를 열었다."
    first = resolve_dates(text, DATELINE)
    assert [m.first for m in first] == [dt.date(2024, 9, 2)]
    first.append(first[0])
    assert len(resolve_dates(text, DATELINE)) == 1


def test_resolved_dates_depend_on_the_dateline() -> None:
    text = "부산항은 지난 2일 자동화 부두를 열었다."
    assert resolve_dates(text, DATELINE)[0].first == dt.date(2024, 9, 2)
    assert resolve_dates(text, dt.date(2025, 1, 10))[0].first == dt.date(2025, 1, 2)


def test_english_quantities_list_belongs_to_the_caller() -> None:
    text = "The terminal handles 2.4 million containers with 30 cranes."
    first = english_quantities(text)
    assert [q.value for q in first] == [2_400_000, 30]
    first.pop()
    assert [q.value for q in english_quantities(text)] == [2_400_000, 30]


def test_clear_caches_empties_each_memo() -> None:
    find_english_dates("on Monday")
    resolve_dates("3일 열렸다", DATELINE)
    english_quantities("five cranes")
    sound_skeleton("Oshima")
    morph.analyse("부산항이 열렸다.")
    english_dates.clear_caches()
    resolver.clear_caches()
    quantities.clear_caches()
    romanize.clear_caches()
    morph.clear_caches()
    assert english_dates._english_dates.cache_info().currsize == 0
    assert resolver._resolve.cache_info().currsize == 0
    assert quantities._english_quantities.cache_info().currsize == 0
    assert sound_skeleton.cache_info().currsize == 0
    assert morph.is_common_noun.cache_info().currsize == 0
    assert "부산항이 열렸다." not in morph._cache


def test_capitalised_dates_are_still_found() -> None:
    """The patterns skip positions by their opening letter: capitals must open them too."""
    found = find_english_dates("TODAY the port, Earlier in the day, On the 3rd of last month.")
    assert [d.surface for d in found] == ["TODAY", "Earlier in the day", "On the 3rd of last month"]
    assert [d.surface for d in find_english_dates("DEC. 5, 2024 and SUNDAY")] == [
        "DEC. 5, 2024",
        "SUNDAY",
    ]


def test_capitalised_idioms_are_still_set_aside() -> None:
    assert negations("NOT ONLY the port but the rail link grew.") == []
    assert negations("Cannot help but smile.") == []
    assert [c.text for c in negations("Officials did NOT confirm it.")] == ["NOT"]


def test_capitalised_number_words_are_still_read() -> None:
    assert [q.value for q in english_quantities("THIRTY-TWO cranes and Six ships")] == [32, 6]
    assert [q.value for q in english_quantities("$.79 a box, euro500 a day")] == [0.79, 500]


def test_number_words_are_read_longest_first() -> None:
    """The number words are tried by first letter: within a letter the longest still wins."""
    found = english_quantities("Seventeen ships, sixty cranes and a sixteenth berth")
    assert [(q.surface, q.value) for q in found] == [
        ("Seventeen", 17),
        ("sixty", 60),
        ("sixteenth", 16),
    ]
