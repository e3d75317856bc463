"""English news-style dates: AP month abbreviations, and finding dates in English copy.

AP style abbreviates Jan., Feb., Aug., Sept., Oct., Nov. and Dec. when a month is used with a
specific date ("Sept. 2"), spells out March through July, spells out every month standing alone or
with a year only ("June 2024"), and gives the year only when it differs from the dateline's.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
AP_ABBREVIATIONS = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH_FORMS: dict[str, int] = {}
for _number, (_full, _ap) in enumerate(zip(MONTHS, AP_ABBREVIATIONS, strict=True), start=1):
    for _form in {_full, _ap, _full[:3], _full[:3] + ".", _full[:4] + "."}:
        _MONTH_FORMS[_form.lower()] = _number
# "Sept 3": the AP abbreviation without its period, as copy often writes it
_MONTH_FORMS["sept"] = 9

def _alternatives(forms) -> str:  # type: ignore[no-untyped-def]
    return "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))


# a month is never the syllable of a hyphenated name ("Park Jun-hyuk", "Kim Mar-a")
_MONTH_RE = "(?:" + _alternatives(_MONTH_FORMS) + r")(?![-‐]\w)"
# alone (no day after it), only the full name or a dotted abbreviation counts: "Jun" or "Mar" by
# itself is far more often a name or a word than a month in news copy
_MONTH_ALONE_RE = "(?:" + _alternatives(
    f for f in _MONTH_FORMS if f.endswith(".") or f in {m.lower() for m in MONTHS}
) + r")(?![-‐]\w)"
_ORDINAL = r"(?P<{name}>\d{{1,2}})(?:st|nd|rd|th)?"
# each pattern opens with a lookahead on the letters (or digits) its forms can start with, so
# that the scan passes over every other position without trying each month's forms there
_MONTH_DAY = re.compile(
    rf"(?=[adfjmnos])\b(?P<month>{_MONTH_RE})(?!\w)\s*{_ORDINAL.format(name='day')}(?![\d,]*\d)"
    r"(?:\s*(?:-|–|to|and)\s*(?P<day2>\d{1,2})(?:st|nd|rd|th)?)?"
    r"(?:,?\s+(?P<year>\d{4}))?",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(
    rf"(?=[t\d])\b(?:the\s+)?{_ORDINAL.format(name='day')}\s+(?:of\s+)?(?P<month>{_MONTH_RE})(?!\w)"
    r"(?:,?\s+(?P<year>\d{4}))?",
    re.IGNORECASE,
)
_MONTH_ALONE = re.compile(
    rf"(?=[adfjmnos])\b(?P<month>{_MONTH_ALONE_RE})(?!\w)(?:,?\s+(?P<year>\d{{4}}))?", re.IGNORECASE
)
_NOT_A_MONTH = re.compile(r"May\s+(?:Day|I|we|you|he|she|it|they)\b")
_WEEKDAY = re.compile(r"(?=[fmstw])\b(?P<weekday>" + "|".join(WEEKDAYS) + r")s?\b", re.IGNORECASE)
# "on the 17th sentenced", "on the 9th via": after "on", any word but what an ordinal counts
# ("on the 5th floor"); without it, only a word that cannot be the noun counted ("the 17th
# century")
_COUNTED_NOUN = (
    r"(?:floors?|stor(?:e)?y|storeys?|day|anniversary|round|century|time|hole|inning|lap|term|"
    r"place|attempt|try|stage|minute|game|match|edition|session|meeting|plenary|generation|"
    r"grade|year|week|month|leg|set|pick|seed|spot|position|largest|biggest|highest|straight|"
    r"consecutive)\b"
)
# "the 31st of last month": a bare day placed in a month by words
_OF_MONTH = r"(?P<rel>\s+of\s+(?:last|this|next|the\s+(?:previous|same|following))\s+month)?"
_BARE_ORDINAL = re.compile(
    r"(?=[ot])\b(?:(?P<on>on)\s+)?the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b" + _OF_MONTH +
    r"(?!\s+(?:and|or)\s+(?:final|last|deciding)\b)"  # "the 10th and final end": a count
    r"(?(on)(?!\s+" + _COUNTED_NOUN + r")|"
    r"(?!\s+(?!(?:of|and|or|that|to|in|at|on|when|after|before|with|as|but|from|for|the|a)\b)"
    r"[a-z]))",
    re.IGNORECASE,
)
# "from the 14th to the 16th", "between the 14th and 16th": a span of bare days, one date
_BARE_ORDINAL_SPAN = re.compile(
    r"(?=[ot])\bthe\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\s+(?:to|through|until|till|and)\s+"
    r"(?:the\s+)?(?P<day2>\d{1,2})(?:st|nd|rd|th)\b" + _OF_MONTH +
    r"(?!\s+(?:of|and|or)\s+(?!the\b)[a-z])",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"(?=[eoty])\b(?P<ref>today|yesterday|tomorrow|the\s+day\s+before|the\s+previous\s+day|"
    r"the\s+following\s+day|the\s+next\s+day|the\s+same\s+day|that\s+day|this\s+day|"
    r"earlier\s+in\s+the\s+day|on\s+the\s+day)\b",
    re.IGNORECASE,
)
_REFERENCE_OFFSETS = {
    "today": 0,
    "that day": 0,
    "this day": 0,
    "the same day": 0,
    "on the day": 0,
    "earlier in the day": 0,
    "yesterday": -1,
    "the day before": -1,
    "the previous day": -1,
    "tomorrow": 1,
    "the following day": 1,
    "the next day": 1,
}


@dataclass(frozen=True, slots=True)
class EnglishDate:
    """A date expression found in English copy."""

    start: int
    end: int
    surface: str
    month: int | None = None
    day: int | None = None
    day2: int | None = None
    year: int | None = None
    weekday: int | None = None
    offset: int | None = None  # relative reference: 0 today, -1 the day before, ...
    unresolved: bool = False  # "on the 2nd", "the 31st of last month": a style problem
    previous_month: bool = False


def format_date(date: dt.date, dateline: dt.date | None = None) -> str:
    """ "Sept. 2"; "Sept. 2, 2024" when the year is not the dateline's."""
    text = f"{AP_ABBREVIATIONS[date.month - 1]} {date.day}"
    if dateline is None or date.year != dateline.year:
        text += f", {date.year}"
    return text


def format_month(year: int, month: int, dateline: dt.date | None = None) -> str:
    """ "June"; "June 2024" when the year is not the dateline's (months alone are spelled out)."""
    text = MONTHS[month - 1]
    return text if dateline is not None and year == dateline.year else f"{text} {year}"


def find_english_dates(text: str) -> list[EnglishDate]:
    """Dates in English copy, in order, longest forms first (no overlaps).

    The dates stage and the dates, numbers and tense checks all read the same translation, so
    the scan is remembered per text (`clear_caches` forgets it); each caller gets its own list.
    """
    return list(_english_dates(text))


def clear_caches() -> None:
    """Forget the remembered scans (a benchmark's run then pays what a new article pays)."""
    _english_dates.cache_clear()


@functools.lru_cache(maxsize=4096)
def _english_dates(text: str) -> tuple[EnglishDate, ...]:
    found: list[EnglishDate] = []
    taken: list[tuple[int, int]] = []

    def add(item: EnglishDate) -> None:
        if not any(item.start < e and s < item.end for s, e in taken):
            taken.append((item.start, item.end))
            found.append(item)

    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for m in pattern.finditer(text):
            day = int(m["day"])
            if 1 <= day <= 31:
                add(
                    EnglishDate(
                        m.start(),
                        m.end(),
                        m[0],
                        month=_MONTH_FORMS[m["month"].lower()],
                        day=day,
                        day2=_int(m.groupdict().get("day2")),
                        year=_int(m["year"]),
                    )
                )
    for m in _MONTH_ALONE.finditer(text):
        if not text[m.start()].isupper():
            continue  # "march on", "they may": months are capitalised
        if _NOT_A_MONTH.match(text, m.start()):
            continue  # "a May Day call", "May I ask"
        add(
            EnglishDate(
                m.start(),
                m.end(),
                m[0],
                month=_MONTH_FORMS[m["month"].lower()],
                year=_int(m["year"]),
            )
        )
    for m in _WEEKDAY.finditer(text):
        add(EnglishDate(m.start(), m.end(), m[0], weekday=_weekday_index(m["weekday"])))
    for m in _BARE_ORDINAL_SPAN.finditer(text):
        day, day2 = int(m["day"]), int(m["day2"])
        if 1 <= day < day2 <= 31:
            add(
                EnglishDate(
                    m.start(),
                    m.end(),
                    m[0],
                    day=day,
                    day2=day2,
                    unresolved=True,
                    previous_month=_of_last_month(m),
                )
            )
    for m in _BARE_ORDINAL.finditer(text):
        add(
            EnglishDate(
                m.start(),
                m.end(),
                m[0],
                day=int(m["day"]),
                unresolved=True,
                previous_month=_of_last_month(m),
            )
        )
    for m in _REFERENCE.finditer(text):
        key = re.sub(r"\s+", " ", m["ref"].lower())
        add(
            EnglishDate(
                m.start(),
                m.end(),
                m[0],
                offset=_REFERENCE_OFFSETS[key],
                unresolved=key
                in (
                    "the day before",
                    "this day",
                    "the previous day",
                    "the following day",
                    "the next day",
                ),
            )
        )
    return tuple(sorted(found, key=lambda d: d.start))


def _of_last_month(match: re.Match[str]) -> bool:
    """The bare day is placed in last month ("the 31st of last month")."""
    return bool(match["rel"] and "last" in match["rel"].lower())


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _weekday_index(name: str) -> int:
    return [w.lower() for w in WEEKDAYS].index(name.lower())
