"""Korean news date expressions → dates or month/year intervals, resolved against the dateline.

Korean newsrooms write "2일", "지난달 31일", "전날", "오는 5일", "지난해 6월", "올해 초": every one
of them means a calendar date only once the article's dateline is known. `resolve_dates` finds
each expression in a sentence and returns a `DateMention` with its span and the interval it
denotes (`first`..`last`, inclusive). Without a dateline only absolute dates resolve; relative
ones keep `first=None` but still carry what they say (the day of the month, the weekday).
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from dataclasses import dataclass


class Granularity(enum.StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    PART = "part"  # part of a month or year: 올해 초, 지난달 말, 상반기


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression in a Korean sentence: `text[start:end] == surface`."""

    start: int
    end: int
    surface: str
    granularity: Granularity
    first: dt.date | None  # start of the interval (None: could not be resolved)
    last: dt.date | None  # end of the interval, inclusive
    relative: bool  # written relative to the dateline ("2일", "지난해"), not absolutely
    day: int | None = None  # day of month as written, when there is one
    month: int | None = None  # month as written ("11월"), known even without a dateline
    weekday: int | None = None  # 0 = Monday, as written ("화요일")
    reference: str | None = None  # "today" | "yesterday" | "tomorrow" for 이날/전날/다음 날

    @property
    def resolved(self) -> bool:
        return self.first is not None

    @property
    def is_day(self) -> bool:
        return self.granularity is Granularity.DAY


_WEEKDAYS = "월화수목금토일"
_NOT_A_DATE_AFTER = r"(?!\s*(?:간|동안|째|만에|만의|만이|분|치|이내|내내|가량|여|씩|이상|미만))"
_RELATIVE_YEARS = {
    "재작년": -2,
    "지난해": -1,
    "작년": -1,
    "올해": 0,
    "금년": 0,
    "내년": 1,
    "이듬해": 1,
}
_RELATIVE_MONTHS = {
    "지난달": -1,
    "전달": -1,
    "이달": 0,
    "이번 달": 0,
    "이번달": 0,
    "다음 달": 1,
    "다음달": 1,
    "내달": 1,
}
_PARTS = {
    "초": (1, 3),
    "초반": (1, 3),
    "중반": (4, 9),
    "말": (10, 12),
    "후반": (10, 12),
    "상반기": (1, 6),
    "하반기": (7, 12),
    "1분기": (1, 3),
    "2분기": (4, 6),
    "3분기": (7, 9),
    "4분기": (10, 12),
}
_MONTH_PARTS = {"초": (1, 10), "상순": (1, 10), "중순": (11, 20), "하순": (21, 31), "말": (21, 31)}
_REFERENCES = {
    "이날": (0, "today"),
    "당일": (0, "today"),
    "오늘": (0, "today"),
    "전날": (-1, "yesterday"),
    "전일": (-1, "yesterday"),
    "어제": (-1, "yesterday"),
    "그제": (-2, None),
    "그저께": (-2, None),
    "다음 날": (1, "tomorrow"),
    "다음날": (1, "tomorrow"),
    "그 다음 날": (1, "tomorrow"),
    "이튿날": (1, "tomorrow"),
    "익일": (1, "tomorrow"),
    "내일": (1, "tomorrow"),
    "모레": (2, None),
}

_YEAR_WORDS = "|".join(sorted(_RELATIVE_YEARS, key=len, reverse=True))
_MONTH_WORDS = "|".join(re.escape(w) for w in sorted(_RELATIVE_MONTHS, key=len, reverse=True))
_REF_WORDS = "|".join(re.escape(w) for w in sorted(_REFERENCES, key=len, reverse=True))
_PART_WORDS = "|".join(sorted(_PARTS, key=len, reverse=True))

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        (
            "dotted",
            r"(?<![\d.])(?P<y>(?:19|20)\d{2})\.\s?(?P<m>\d{1,2})(?:\.\s?(?P<d>\d{1,2}))?\.?(?![\d%])",
        ),
        ("ymd", r"(?P<y>\d{4})년\s*(?P<m>\d{1,2})월\s*(?P<d>\d{1,2})일" + _NOT_A_DATE_AFTER),
        ("ym", r"(?P<y>\d{4})년\s*(?P<m>\d{1,2})월(?:\s*(?P<mp>초|상순|중순|하순|말))?"),
        ("rel_year_md", rf"(?P<ry>{_YEAR_WORDS})\s*(?P<m>\d{{1,2}})월(?:\s*(?P<d>\d{{1,2}})일)?"),
        ("rel_year", rf"(?P<ry>{_YEAR_WORDS})(?:\s*(?P<part>{_PART_WORDS}))?"),
        ("rel_month_day", rf"(?P<rm>{_MONTH_WORDS})\s*(?P<d>\d{{1,2}})일" + _NOT_A_DATE_AFTER),
        ("rel_month", rf"(?P<rm>{_MONTH_WORDS})(?:\s*(?P<mp>초|상순|중순|하순|말))?"),
        ("month_range", r"(?<![\d.])(?P<m>\d{1,2})\s*[~∼〜-]\s*(?P<m2>\d{1,2})월"),
        ("md_range", r"(?P<m>\d{1,2})월\s*(?P<d>\d{1,2})\s*[~∼〜-]\s*(?P<d2>\d{1,2})일"),
        ("md", r"(?<![\d.])(?P<m>\d{1,2})월\s*(?P<d>\d{1,2})일" + _NOT_A_DATE_AFTER),
        (
            "month",
            r"(?<![\d.])(?P<m>\d{1,2})월(?:\s*(?P<mp>초|상순|중순|하순|말))?(?!\s*\d{1,2}\s*일)",
        ),
        (
            "year",
            r"(?<![\d.,])(?P<y>\d{4})년(?:\s*(?P<part>" + _PART_WORDS + "))?"
            r"(?!\s*(?:간|동안|째|만|전|후|뒤|이상|가량|여))",
        ),
        (
            "weekday",
            rf"(?:(?P<wrel>지난|오는|이번\s*주|지난주|다음\s*주)\s*)?(?P<w>[{_WEEKDAYS}])요일",
        ),
        ("dir_day", r"(?P<dir>지난|오는)\s*(?P<d>\d{1,2})일" + _NOT_A_DATE_AFTER),
        (
            "day_range",
            r"(?<![\d.,])(?P<d>\d{1,2})\s*[~∼〜-]\s*(?P<d2>\d{1,2})일" + _NOT_A_DATE_AFTER,
        ),
        (
            "day",
            r"(?<![\d.,월])(?P<d>\d{1,2})일(?!본|반|부|대|자|시|각|방|단|환|정|련|선|상)"
            + _NOT_A_DATE_AFTER,
        ),
        ("reference", rf"(?P<ref>{_REF_WORDS})"),
    )
)


def resolve_dates(
    text: str, dateline: dt.date | None, anchor: dt.date | None = None
) -> list[DateMention]:
    """Every date expression in `text`, in order, resolved against `dateline`.

    `anchor` is the day that "전날"/"다음 날" count from (the last day the article mentioned);
    it defaults to the dateline.
    """
    taken: list[tuple[int, int]] = []
    mentions: list[DateMention] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            mention = _BUILDERS[name](match, dateline, anchor or dateline)
            taken.append((start, end))  # an impossible date ("2월 30일") is no date at all
            if mention is not None:
                mentions.append(mention)
    return sorted(mentions, key=lambda m: m.start)


def _mention(match: re.Match[str], granularity: Granularity, first, last, relative, **kw):
    month = match.groupdict().get("m")
    if month is None and first is not None and last is not None and first.month == last.month:
        month = first.month
    return DateMention(
        match.start(),
        match.end(),
        match.group(0),
        granularity,
        first,
        last,
        relative,
        month=int(month) if month else None,
        **kw,
    )


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _nearest_year(month: int, dateline: dt.date) -> int:
    """The year of a month named without one: the one closest to the dateline."""
    offset = month - dateline.month
    if offset > 6:
        return dateline.year - 1
    if offset < -6:
        return dateline.year + 1
    return dateline.year


def _month_interval(year: int, month: int, part: str | None):
    if not 1 <= month <= 12:
        return None, None
    last = _month_end(year, month)
    if not part:
        return dt.date(year, month, 1), last
    low, high = _MONTH_PARTS[part]
    return dt.date(year, month, low), min(last, dt.date(year, month, min(high, last.day)))


def _dotted(match, dateline, anchor):
    """ "2005.10" or "2025.9.2", as in datestamps."""
    if match["d"]:
        return _ymd(match, dateline, anchor)
    return _ym(match, dateline, anchor)


def _ymd(match, dateline, anchor):
    day = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    if day is None:
        return None
    return _mention(match, Granularity.DAY, day, day, False, day=day.day)


def _ym(match, dateline, anchor):
    part = match.groupdict().get("mp")
    first, last = _month_interval(int(match["y"]), int(match["m"]), part)
    if first is None:
        return None
    gran = Granularity.PART if part else Granularity.MONTH
    return _mention(match, gran, first, last, False)


def _rel_year_md(match, dateline, anchor):
    month, day = int(match["m"]), match["d"]
    if not 1 <= month <= 12:
        return None
    if dateline is None:
        return _mention(
            match,
            Granularity.DAY if day else Granularity.MONTH,
            None,
            None,
            True,
            day=int(day) if day else None,
        )
    year = dateline.year + _RELATIVE_YEARS[match["ry"]]
    if day:
        date = _safe_date(year, month, int(day))
        return (
            None
            if date is None
            else _mention(match, Granularity.DAY, date, date, True, day=date.day)
        )
    first, last = _month_interval(year, month, None)
    return _mention(match, Granularity.MONTH, first, last, True)


def _rel_year(match, dateline, anchor):
    part = match["part"]
    gran = Granularity.PART if part else Granularity.YEAR
    if dateline is None:
        return _mention(match, gran, None, None, True)
    year = dateline.year + _RELATIVE_YEARS[match["ry"]]
    low, high = _PARTS[part] if part else (1, 12)
    return _mention(match, gran, dt.date(year, low, 1), _month_end(year, high), True)


def _rel_month_day(match, dateline, anchor):
    day = int(match["d"])
    if dateline is None:
        return _mention(match, Granularity.DAY, None, None, True, day=day)
    year, month = _shift_month(dateline.year, dateline.month, _RELATIVE_MONTHS[match["rm"]])
    date = _safe_date(year, month, day)
    return None if date is None else _mention(match, Granularity.DAY, date, date, True, day=day)


def _rel_month(match, dateline, anchor):
    part = match["mp"]
    gran = Granularity.PART if part else Granularity.MONTH
    if dateline is None:
        return _mention(match, gran, None, None, True)
    year, month = _shift_month(dateline.year, dateline.month, _RELATIVE_MONTHS[match["rm"]])
    first, last = _month_interval(year, month, part)
    return _mention(match, gran, first, last, True)


def _md_range(match, dateline, anchor):
    month, d1, d2 = int(match["m"]), int(match["d"]), int(match["d2"])
    if dateline is None or not 1 <= month <= 12:
        return _mention(match, Granularity.DAY, None, None, False, day=d1)
    year = _nearest_year(month, dateline)
    first, last = _safe_date(year, month, d1), _safe_date(year, month, d2)
    if first is None or last is None or last < first:
        return None
    return _mention(match, Granularity.DAY, first, last, False, day=d1)


def _month_range(match, dateline, anchor):
    """"7~9월": from the first month to the end of the last."""
    first_month, last_month = int(match["m"]), int(match["m2"])
    if not 1 <= first_month < last_month <= 12:
        return None
    if dateline is None:
        return _mention(match, Granularity.MONTH, None, None, False)
    year = _nearest_year(first_month, dateline)
    first, last = dt.date(year, first_month, 1), _month_end(year, last_month)
    return _mention(match, Granularity.MONTH, first, last, False)


def _md(match, dateline, anchor):
    month, day = int(match["m"]), int(match["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if dateline is None:
        return _mention(match, Granularity.DAY, None, None, False, day=day)
    date = _safe_date(_nearest_year(month, dateline), month, day)
    return None if date is None else _mention(match, Granularity.DAY, date, date, False, day=day)


def _month(match, dateline, anchor):
    month = int(match["m"])
    if not 1 <= month <= 12:
        return None
    gran = Granularity.PART if match["mp"] else Granularity.MONTH
    if dateline is None:
        return _mention(match, gran, None, None, False)
    first, last = _month_interval(_nearest_year(month, dateline), month, match["mp"])
    return _mention(match, gran, first, last, False)


def _year(match, dateline, anchor):
    year = int(match["y"])
    if not 1000 <= year <= 2999:
        return None
    part = match["part"]
    low, high = _PARTS[part] if part else (1, 12)
    gran = Granularity.PART if part else Granularity.YEAR
    return _mention(match, gran, dt.date(year, low, 1), _month_end(year, high), False)


def _weekday(match, dateline, anchor):
    weekday = _WEEKDAYS.index(match["w"])
    if dateline is None:
        return _mention(match, Granularity.DAY, None, None, True, weekday=weekday)
    rel = (match["wrel"] or "").replace(" ", "")
    monday = dateline - dt.timedelta(days=dateline.weekday())
    if rel == "오는":
        date = dateline + dt.timedelta(days=(weekday - dateline.weekday()) % 7 or 7)
    elif rel == "지난":
        date = dateline - dt.timedelta(days=(dateline.weekday() - weekday) % 7 or 7)
    else:  # "다음 주", "지난주", "이번 주", or bare: the weekday of that week
        week = {"다음주": 7, "지난주": -7}.get(rel, 0)
        date = monday + dt.timedelta(days=week + weekday)
    return _mention(match, Granularity.DAY, date, date, True, weekday=weekday)


def _dir_day(match, dateline, anchor):
    day = int(match["d"])
    if dateline is None:
        return _mention(match, Granularity.DAY, None, None, True, day=day)
    step = -1 if match["dir"] == "지난" else 1
    year, month = dateline.year, dateline.month
    for _ in range(3):
        date = _safe_date(year, month, day)
        if date and ((step < 0 and date < dateline) or (step > 0 and date > dateline)):
            return _mention(match, Granularity.DAY, date, date, True, day=day)
        year, month = _shift_month(year, month, step)
    return None


def _bare_day(day: int, dateline: dt.date) -> dt.date | None:
    """ "2일" in a story: this month's 2nd, unless that is well ahead of the dateline."""
    year, month = dateline.year, dateline.month
    if day > dateline.day + 10:
        year, month = _shift_month(year, month, -1)
    return _safe_date(year, month, day)


def _day_range(match, dateline, anchor):
    d1, d2 = int(match["d"]), int(match["d2"])
    if not (1 <= d1 <= 31 and 1 <= d2 <= 31) or d2 < d1:
        return None
    if dateline is None:
        return _mention(match, Granularity.DAY, None, None, True, day=d1)
    first = _bare_day(d1, dateline)
    last = first and _safe_date(first.year, first.month, d2)
    if first is None or last is None:
        return None
    return _mention(match, Granularity.DAY, first, last, True, day=d1)


def _day(match, dateline, anchor):
    day = int(match["d"])
    if not 1 <= day <= 31:
        return None
    if dateline is None:
        return _mention(match, Granularity.DAY, None, None, True, day=day)
    date = _bare_day(day, dateline)
    return None if date is None else _mention(match, Granularity.DAY, date, date, True, day=day)


def _reference(match, dateline, anchor):
    offset, reference = _REFERENCES[match["ref"]]
    base = anchor or dateline
    if base is None:
        return _mention(match, Granularity.DAY, None, None, True, reference=reference)
    date = base + dt.timedelta(days=offset)
    return _mention(match, Granularity.DAY, date, date, True, reference=reference, day=date.day)


_BUILDERS = {
    "dotted": _dotted,
    "ymd": _ymd,
    "ym": _ym,
    "rel_year_md": _rel_year_md,
    "rel_year": _rel_year,
    "rel_month_day": _rel_month_day,
    "rel_month": _rel_month,
    "month_range": _month_range,
    "md_range": _md_range,
    "md": _md,
    "month": _month,
    "year": _year,
    "weekday": _weekday,
    "dir_day": _dir_day,
    "day_range": _day_range,
    "day": _day,
    "reference": _reference,
}
