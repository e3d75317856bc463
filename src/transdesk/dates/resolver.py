"""Korean news date expressions → dates or month/year intervals, resolved against the dateline.

Korean newsrooms write "2일", "지난달 31일", "전날", "오는 5일", "지난해 6월", "올해 초": every one
of them means a calendar date only once the article's dateline is known. `resolve_dates` finds
each expression in a sentence and returns a `DateMention` with its span and the interval it
denotes (`first`..`last`, inclusive). Without a dateline only absolute dates resolve; relative
ones keep `first=None` but still carry what they say (the day of the month, the weekday).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re

from transdesk.dates.builders import BUILDERS, safe_date
from transdesk.dates.model import (
    KOREAN_WEEKDAYS,
    REFERENCES,
    RELATIVE_MONTHS,
    RELATIVE_YEARS,
    YEAR_PARTS,
    DateMention,
    Granularity,
)

__all__ = ["DateMention", "Granularity", "resolve_dates"]

# durations, not dates: "3일간", "15일짜리", "10일 앞둔" (ten days before), "5일 전" (five days ago)
_NOT_A_DATE_AFTER = (
    # "12일간" (for 12 days), not "12일 간담회" (a meeting on the 12th)
    # "열흘여 만에" (about ten days), not "19일 여야 원내대표를" (the parties' floor leaders)
    r"(?!\s*(?:간(?![담부호섭첩판식단접소격척])|동안|째|만에|만의|만이|분|치|이내|내내|가량|"
    r"여(?![가-힣])|씩|이상|"
    r"미만|짜리|앞두|앞둔|앞서|"
    r"전에|전부터|후에|뒤에|뒤인|후인))"
)
_YEAR_WORDS = "|".join(sorted(RELATIVE_YEARS, key=len, reverse=True))
_MONTH_WORDS = "|".join(re.escape(w) for w in sorted(RELATIVE_MONTHS, key=len, reverse=True))
_REF_WORDS = "|".join(re.escape(w) for w in sorted(REFERENCES, key=len, reverse=True))
_PART_WORDS = "|".join(sorted(YEAR_PARTS, key=len, reverse=True))

_NAMED_EVENT = (
    r"(?=\s?(?:남북\s?)?(?:군사\s?합의|합의|공동\s?선언|선언|민주화\s?운동|운동|항쟁|사태|참사|"
    r"특별법|정상회담|공동\s?성명|대책|조치))"
)
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
        # "전달했다" (conveyed) is a verb, not "the month before": no 하/했/되 after the word
        (
            "rel_month",
            rf"(?<![가-힣])(?P<rm>{_MONTH_WORDS})(?![하했해되됐된받])"
            rf"(?:\s*(?P<mp>초|상순|중순|하순|말))?",
        ),
        ("month_range", r"(?<![\d.])(?P<m>\d{1,2})\s*[~∼〜-]\s*(?P<m2>\d{1,2})월"),
        ("md_range", r"(?P<m>\d{1,2})월\s*(?P<d>\d{1,2})\s*[~∼〜-]\s*(?P<d2>\d{1,2})일"),
        ("md", r"(?<![\d.])(?P<m>\d{1,2})월\s*(?P<d>\d{1,2})일" + _NOT_A_DATE_AFTER),
        # an event named by its month and day: "9·19 군사합의" (the Sept. 19 military agreement),
        # "5·18 민주화운동", "6·15 공동선언" (not 6·25 전쟁, the Korean War: a name, in the termbase)
        ("md", r"(?<![\d.·])(?P<m>\d{1,2})\s?[·ㆍ]\s?(?P<d>\d{1,2})(?![\d·ㆍ])" + _NAMED_EVENT),
        (
            "month",
            r"(?:(?P<mrel>지난|오는)\s*)?(?<![\d.])(?P<m>\d{1,2})월(?:\s*(?P<mp>초|상순|중순|하순|말))?"
            r"(?!\s*\d{1,2}\s*일)",
        ),
        ("year_range", r"(?<![\d.,])(?P<y>\d{4})\s*[~∼〜-]\s*(?P<y2>\d{4})년"),
        (
            "year",
            r"(?<![\d.,])(?P<y>\d{4})년(?:\s*(?P<part>" + _PART_WORDS + "))?"
            r"(?!\s*(?:간|동안|째|만|전|후|뒤|이상|가량|여))",
        ),
        (
            "weekday",
            rf"(?:(?P<wrel>지난|오는|이번\s*주|지난주|다음\s*주)\s*)?(?P<w>[{KOREAN_WEEKDAYS}])요일",
        ),
        ("dir_day", r"(?P<dir>지난|오는)\s*(?P<d>\d{1,2})일" + _NOT_A_DATE_AFTER),
        (
            "day_range",
            r"(?<![\d.,])(?P<d>\d{1,2})\s*[~∼〜-]\s*(?P<d2>\d{1,2})일" + _NOT_A_DATE_AFTER,
        ),
        (
            "day",
            r"(?<![\d.,월])(?P<d>\d{1,2})일(?!본|반|부(?!터)|대|자|시|각|방|단|환|정|련|선|상)"
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

    The dates stage and the dates, numbers and tense checks resolve the same source against the
    same dateline, so the result is remembered (`clear_caches` forgets it); each caller gets its
    own list of the (frozen) mentions.
    """
    return list(_resolve(text, dateline, anchor))


def clear_caches() -> None:
    """Forget the remembered resolutions (a benchmark's run then pays what a new article pays)."""
    _resolve.cache_clear()


@functools.lru_cache(maxsize=4096)
def _resolve(
    text: str, dateline: dt.date | None, anchor: dt.date | None
) -> tuple[DateMention, ...]:
    taken: list[tuple[int, int]] = []
    mentions: list[DateMention] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            mention = BUILDERS[name](match, dateline, anchor or dateline)
            taken.append((start, end))  # an impossible date ("2월 30일") is no date at all
            if mention is not None:
                mentions.append(mention)
    return _following_years(_day_spans(text, sorted(mentions, key=lambda m: m.start)))


_BARE_DAY = re.compile(r"\d{1,2}\s*일")
_SPAN_BETWEEN = re.compile(r"\s*(?:부터|에서)\s*$")


def _day_spans(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """The end of a span of bare days keeps the month of its start: "14일부터 16일까지" on a
    Dec. 4 dateline is Dec. 14 to Dec. 16, though a bare 16일 alone would be Nov. 16."""
    spanned = list(mentions)
    for index in range(1, len(spanned)):
        start, end = spanned[index - 1], spanned[index]
        if not (start.is_day and end.is_day and start.first and end.first and end.day):
            continue
        if re.search(r"\d\s*월", start.surface) or not _BARE_DAY.fullmatch(end.surface):
            continue  # "11월 28일부터 3일까지", "3일부터 내년 1월 31일까지" name their months
        if not text[end.end : end.end + 2].startswith("까지"):
            continue
        if not _SPAN_BETWEEN.search(text[start.end : end.start]) or end.day < start.first.day:
            continue
        same_month = safe_date(start.first.year, start.first.month, end.day)
        if same_month is not None and same_month != end.first:
            spanned[index] = dataclasses.replace(
                end, first=same_month, last=same_month, month=same_month.month
            )
    return spanned


def _following_years(mentions: list[DateMention]) -> tuple[DateMention, ...]:
    """"이듬해" (the year after) counts from the year the sentence last named, not from the
    dateline's: "2021년 3월부터 이듬해 5월까지" is March 2021 to May 2022."""
    named: int | None = None
    resolved: list[DateMention] = []
    for mention in mentions:
        if mention.surface.startswith("이듬해") and named is not None and mention.first:
            shift = named + 1 - mention.first.year  # from the dateline's next year to named's
            mention = dataclasses.replace(
                mention,
                first=_years_later(mention.first, shift),
                last=_years_later(mention.last, shift) if mention.last else None,
            )
        elif not mention.relative and mention.first is not None:
            named = mention.first.year
        resolved.append(mention)
    return tuple(resolved)


def _years_later(date: dt.date, shift: int) -> dt.date:
    """The same day `shift` years away (28 February for a 29th that year lacks)."""
    try:
        return date.replace(year=date.year + shift)
    except ValueError:
        return date.replace(year=date.year + shift, day=28)
