"""One function per kind of Korean date expression: the regex match → a `DateMention`."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from transdesk.dates.model import (
    ANAPHORIC_MONTHS,
    KOREAN_WEEKDAYS,
    MONTH_PARTS,
    REFERENCES,
    RELATIVE_MONTHS,
    RELATIVE_YEARS,
    YEAR_PARTS,
    DateMention,
    Granularity,
)


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


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def nearest_year(month: int, dateline: dt.date) -> int:
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
    low, high = MONTH_PARTS[part]
    return dt.date(year, month, low), min(last, dt.date(year, month, min(high, last.day)))


def _dotted(match, dateline, anchor):
    """ "2005.10" or "2025.9.2", as in datestamps."""
    if match["d"]:
        return _ymd(match, dateline, anchor)
    return _ym(match, dateline, anchor)


def _ymd(match, dateline, anchor):
    day = safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
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
    year = dateline.year + RELATIVE_YEARS[match["ry"]]
    if day:
        date = safe_date(year, month, int(day))
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
    year = dateline.year + RELATIVE_YEARS[match["ry"]]
    low, high = YEAR_PARTS[part] if part else (1, 12)
    return _mention(match, gran, dt.date(year, low, 1), _month_end(year, high), True)


def _rel_month_day(match, dateline, anchor):
    day = int(match["d"])
    if dateline is None:
        return _mention(match, Granularity.DAY, None, None, True, day=day)
    year, month = _shift_month(dateline.year, dateline.month, RELATIVE_MONTHS[match["rm"]])
    date = safe_date(year, month, day)
    return None if date is None else _mention(match, Granularity.DAY, date, date, True, day=day)


def _rel_month(match, dateline, anchor):
    part = match["mp"]
    gran = Granularity.PART if part else Granularity.MONTH
    if dateline is None:
        return _mention(match, gran, None, None, True)
    year, month = _shift_month(dateline.year, dateline.month, RELATIVE_MONTHS[match["rm"]])
    first, last = _month_interval(year, month, part)
    if match["rm"] in ANAPHORIC_MONTHS and not part:
        # "전달" is the month before the one the story speaks of, which is often itself the
        # month before the dateline ("11월 물가 ... 전달보다": October, in a December story)
        year, month = _shift_month(year, month, -1)
        first, _ = _month_interval(year, month, None)
    return _mention(match, gran, first, last, True)


def _md_range(match, dateline, anchor):
    month, d1, d2 = int(match["m"]), int(match["d"]), int(match["d2"])
    if dateline is None or not 1 <= month <= 12:
        return _mention(match, Granularity.DAY, None, None, False, day=d1)
    year = nearest_year(month, dateline)
    first, last = safe_date(year, month, d1), safe_date(year, month, d2)
    if first is None or last is None or last < first:
        return None
    return _mention(match, Granularity.DAY, first, last, False, day=d1)


def _month_range(match, dateline, anchor):
    """ "7~9월": from the first month to the end of the last."""
    first_month, last_month = int(match["m"]), int(match["m2"])
    if not 1 <= first_month < last_month <= 12:
        return None
    if dateline is None:
        return _mention(match, Granularity.MONTH, None, None, False)
    year = nearest_year(first_month, dateline)
    first, last = dt.date(year, first_month, 1), _month_end(year, last_month)
    return _mention(match, Granularity.MONTH, first, last, False)


def _md(match, dateline, anchor):
    month, day = int(match["m"]), int(match["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if dateline is None:
        return _mention(match, Granularity.DAY, None, None, False, day=day)
    date = safe_date(nearest_year(month, dateline), month, day)
    return None if date is None else _mention(match, Granularity.DAY, date, date, False, day=day)


def _month(match, dateline, anchor):
    month = int(match["m"])
    if not 1 <= month <= 12:
        return None
    gran = Granularity.PART if match["mp"] else Granularity.MONTH
    if dateline is None:
        return _mention(match, gran, None, None, False)
    year = nearest_year(month, dateline)
    if match["mrel"] == "지난" and month >= dateline.month:
        year = dateline.year - 1  # "지난 1월" in December: this January, not the next
    elif match["mrel"] == "지난":
        year = dateline.year
    elif match["mrel"] == "오는" and month <= dateline.month:
        year = dateline.year + 1  # "오는 3월" in December: next March
    elif match["mrel"] == "오는":
        year = dateline.year
    first, last = _month_interval(year, month, match["mp"])
    return _mention(match, gran, first, last, False)


def _year(match, dateline, anchor):
    year = int(match["y"])
    if not 1000 <= year <= 2999:
        return None
    part = match["part"]
    low, high = YEAR_PARTS[part] if part else (1, 12)
    gran = Granularity.PART if part else Granularity.YEAR
    return _mention(match, gran, dt.date(year, low, 1), _month_end(year, high), False)


def _year_range(match, dateline, anchor):
    """ "2005~2006년": from the start of the first year to the end of the last."""
    first_year, last_year = int(match["y"]), int(match["y2"])
    if not 1000 <= first_year < last_year <= 2999:
        return None
    return _mention(
        match, Granularity.YEAR, dt.date(first_year, 1, 1), dt.date(last_year, 12, 31), False
    )


def _weekday(match, dateline, anchor):
    weekday = KOREAN_WEEKDAYS.index(match["w"])
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
        date = safe_date(year, month, day)
        if date and ((step < 0 and date < dateline) or (step > 0 and date > dateline)):
            return _mention(match, Granularity.DAY, date, date, True, day=day)
        year, month = _shift_month(year, month, step)
    return None


def _bare_day(day: int, dateline: dt.date) -> dt.date | None:
    """ "2일" in a story: this month's 2nd, unless that is well ahead of the dateline."""
    year, month = dateline.year, dateline.month
    if day > dateline.day + 10:
        year, month = _shift_month(year, month, -1)
    return safe_date(year, month, day)


def _day_range(match, dateline, anchor):
    d1, d2 = int(match["d"]), int(match["d2"])
    if not (1 <= d1 <= 31 and 1 <= d2 <= 31) or d2 < d1:
        return None
    if dateline is None:
        return _mention(match, Granularity.DAY, None, None, True, day=d1)
    first = _bare_day(d1, dateline)
    last = first and safe_date(first.year, first.month, d2)
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
    offset, reference = REFERENCES[match["ref"]]
    base = anchor or dateline
    if base is None:
        return _mention(match, Granularity.DAY, None, None, True, reference=reference)
    date = base + dt.timedelta(days=offset)
    return _mention(match, Granularity.DAY, date, date, True, reference=reference, day=date.day)


BUILDERS = {
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
    "year_range": _year_range,
    "year": _year,
    "weekday": _weekday,
    "dir_day": _dir_day,
    "day_range": _day_range,
    "day": _day,
    "reference": _reference,
}
