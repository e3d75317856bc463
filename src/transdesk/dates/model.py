"""What a Korean date expression resolves to, and the newsroom words for relative dates."""

from __future__ import annotations

import datetime as dt
import enum
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


KOREAN_WEEKDAYS = "월화수목금토일"
RELATIVE_YEARS = {
    "재작년": -2,
    "지난해": -1,
    "작년": -1,
    "올해": 0,
    "금년": 0,
    "내년": 1,
    "이듬해": 1,
}
RELATIVE_MONTHS = {
    "지난달": -1,
    "전달": -1,
    "전월": -1,
    "이달": 0,
    "이번 달": 0,
    "이번달": 0,
    "다음 달": 1,
    "다음달": 1,
    "내달": 1,
}
# the month before the one just spoken of, not before the dateline's ("전달보다 0.5%포인트"
# in a story on last month's figures): either of the two months before the dateline
ANAPHORIC_MONTHS = frozenset({"전달", "전월"})
YEAR_PARTS = {
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
MONTH_PARTS = {"초": (1, 10), "상순": (1, 10), "중순": (11, 20), "하순": (21, 31), "말": (21, 31)}
REFERENCES = {
    "이날": (0, "today"),
    "같은 날": (0, "today"),  # "같은 날 서울에서는": the day just named, the dateline's own
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
