"""Dates: the source's dates, resolved against the dateline, agree with the translation's.

Absolute dates ("9월 11일", "2019년 4월", "1992년") must be in the English; relative ones ("2일",
"전날") may be rendered as a date, a weekday or "the day before", and an English relative date
left unresolved ("on the 2nd") is a style finding that proposes the news-style date.
"""

from __future__ import annotations

import re

from transdesk.article import Finding
from transdesk.dates import (
    DateMention,
    EnglishDate,
    Granularity,
    find_english_dates,
    format_date,
    resolve_dates,
)
from transdesk.dates.builders import nearest_year
from transdesk.dates.rewrite import resolve_english_date
from transdesk.qa.base import CheckContext, finding
from transdesk.qa.number_forms import quarters_told_in_months
from transdesk.qa.quantities import english_number_word, korean_quantities

_LAST_YEAR = re.compile(
    r"\b(?:last|previous|past|a)\s+year|\byear\s+(?:ago|earlier|before)\b", re.IGNORECASE
)
_REFERENCE_OFFSET = {"today": 0, "yesterday": -1, "tomorrow": 1}
# an absolute date the English tells relative to the dateline: "last year" for "2007년"
_RELATIVE_YEAR = re.compile(
    r"\b(?:(?P<last>last|previous|past)|(?P<this>this)|(?P<next>next|coming))\s+year\b|"
    r"\b(?:a|one|(?P<two>two))\s+years?\s+(?:ago|earlier)\b",
    re.IGNORECASE,
)
_RELATIVE_MONTH = re.compile(
    r"\b(?:(?P<last>last|previous|past)|(?P<this>this)|(?P<next>next|coming))\s+month\b",
    re.IGNORECASE,
)


# a year Korean copy names relative to the dateline: "올해", "지난해", "내년", "재작년"
_RELATIVE_YEAR_WORD = re.compile(r"올해|올\s|금년|지난\s?해|작년|재작년|내년|이듬해|내후년")


# a month told by its year relative to the dateline: "next June", "last March", "June of last
# year", "this coming May"
_MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_RELATIVE_MONTH_NAME = re.compile(
    rf"\b(?i:(?P<last>last|previous|past)|(?P<this>this(?:\s+coming)?)|(?P<next>next|coming))\s+"
    rf"{_MONTH_NAMES}|{_MONTH_NAMES}\s+(?:of\s+)?"
    r"(?:(?P<last2>last)|(?P<this2>this)|(?P<next2>next))\s+year\b"
)


def _month_year_told_relative(mention: DateMention, target: str, dateline) -> bool:
    """The English names the month and tells its year relative to the dateline ("next June"
    for "2009년 6월"), right by the dateline when there is one."""
    if mention.first is None or _ENGLISH_YEAR.search(target):
        return False
    for match in _RELATIVE_MONTH_NAME.finditer(target):
        groups = match.groupdict()
        offset = (
            -1 if groups["last"] or groups["last2"] else 1 if groups["next"] or groups["next2"]
            else 0
        )
        if dateline is None or mention.first.year - dateline.year == offset:
            return True
    return False


def _relative_offsets(pattern: re.Pattern[str], target: str) -> set[int]:
    """The offsets from the dateline the English states ("last year": -1, "next month": 1)."""
    offsets = set()
    for match in pattern.finditer(target):
        groups = match.groupdict()
        offsets.add(
            -2 if groups.get("two") else 0 if groups["this"] else 1 if groups["next"] else -1
        )
    return offsets


def _told_relative(mention: DateMention, target: str, dateline) -> bool:
    """The English tells an absolute year or month relative to the dateline, and (when there is
    a dateline to tell by) gets it right. An English that writes a year of its own is not telling
    it relative: "since 2006" for "2005년" is wrong whatever "this year" is."""
    if _ENGLISH_YEAR.search(target) and not mention.relative:
        return False
    if mention.first is None:  # "6월" with no dateline: no year to place it in
        return dateline is None and bool(_relative_offsets(_RELATIVE_MONTH, target))
    if mention.granularity is Granularity.YEAR or mention.month is None:
        # without a dateline "this year" may be the source's own "올해": a written year must stay
        offsets = _relative_offsets(_RELATIVE_YEAR, target)
        return dateline is not None and mention.first.year - dateline.year in offsets
    offsets = _relative_offsets(_RELATIVE_MONTH, target)
    if not offsets:
        return False
    if dateline is None:
        return True
    months = (mention.first.year - dateline.year) * 12 + mention.first.month - dateline.month
    return months in offsets


def _unplaced_relative(
    mention: DateMention, mentions: list[DateMention], target: str, dateline
) -> bool:
    """"2024년" told as "last year" with no dateline to place it by: right or wrong, only the
    article's date can say (minor, for the editor), unless the source has a relative year of its
    own ("올해") the English phrase may stand for, or the English writes a year."""
    return (
        dateline is None
        and not _ENGLISH_YEAR.search(target)
        and bool(_relative_offsets(_RELATIVE_YEAR, target))
        and not any(m.relative and m is not mention for m in mentions)
    )


def _day_matches(mention: DateMention, found: EnglishDate, dateline) -> bool:
    if found.day is not None and found.month is None:  # "on the 2nd": day only
        days = {mention.day, mention.first.day if mention.first else None}
        if found.day2 is None:
            return found.day in days
        last = _last_day(mention)  # "from the 14th to the 16th": the span, or one end of it
        if last is None:
            return bool({found.day, found.day2} & days)
        return found.day in days and found.day2 == last
    if found.weekday is not None:
        return mention.first is None or mention.first.weekday() == found.weekday
    if found.offset is not None:
        if mention.reference is not None:
            return _REFERENCE_OFFSET.get(mention.reference) == found.offset or found.offset == 0
        return (
            dateline is None
            or mention.first is None
            or ((mention.first - dateline).days == found.offset)
        )
    if found.month is None or found.day is None:
        return False
    if (
        found.year is not None
        and mention.first is not None
        and not mention.relative
        and found.year != mention.first.year  # "June 30, 2012" for "2011년 6월30일"
    ):
        return False
    if mention.first is None:
        return mention.day == found.day and mention.month in (None, found.month)
    last = found.day2 or found.day
    return (mention.first.month == found.month and found.day <= mention.first.day <= last) or (
        mention.first.month == found.month
        and mention.first.day <= found.day
        and mention.last is not None
        and found.day <= mention.last.day
    )


def _year_goes_without_saying(
    mention: DateMention, dateline, english: list[EnglishDate], target: str
) -> bool:
    """ "2026년 11월" in a story dated Dec. 8, 2026: "November" alone is that month, as news
    style writes it (the year a month named alone would be read in; not "next November")."""
    if dateline is None or mention.first is None or mention.month is None:
        return False
    plain = any(
        _month_matches(mention, f) and not _RELATIVE_BEFORE.search(target, 0, f.start)
        for f in english
    )
    return plain and mention.first.year == nearest_year(mention.month, dateline)


_RELATIVE_BEFORE = re.compile(r"\b(?:next|last|this|coming|previous)\s+$", re.IGNORECASE)


def _last_day(mention: DateMention) -> int | None:
    """The last day of a span of days ("14~16일" → 16), None for a single day."""
    if mention.last is not None and mention.first is not None and mention.last != mention.first:
        return mention.last.day
    span = re.search(r"\d\s*[~∼〜-]\s*(\d{1,2})\s*일", mention.surface)
    return int(span.group(1)) if span else None


def _last_month(mention: DateMention) -> int:
    """The last month a mention covers ("7~9월" → 9), without a dateline to resolve it."""
    digits = re.findall(r"(\d{1,2})월", mention.surface)
    return int(digits[-1]) if digits else mention.month or 0


def _month_accounts(mention: DateMention, found: EnglishDate) -> bool:
    """The source date covers the English month (its year too, when both are written)."""
    if mention.first is None:
        return mention.month is not None and mention.month <= found.month <= _last_month(mention)
    last = mention.last or mention.first
    if found.year is not None and not mention.first.year <= found.year <= last.year:
        return False
    if mention.first.year != last.year:
        return True  # a span of years covers every month
    return mention.first.month <= found.month <= last.month


# the shorthand Korean copy uses for a date that names an event: "9/11 테러", "6.15 공동선언"
_SHORTHAND_DATE = re.compile(r"(?<![\d.])(1[0-2]|0?[1-9])[./](3[01]|[12]\d|0?[1-9])(?![\d.])")


def _month_matches(mention: DateMention, found: EnglishDate) -> bool:
    if found.month is None:
        return False
    if mention.first is None:
        return mention.month is not None and mention.month <= found.month <= _last_month(mention)
    written_year = re.search(r"\d{4}", mention.surface)
    if found.year is not None and written_year and found.year != int(written_year.group(0)):
        return False
    if (
        found.year is not None
        and _RELATIVE_YEAR_WORD.search(mention.surface)
        and found.year not in _years(mention)
    ):
        return False  # "지난해 3월" under a 2008 dateline is not "March 2006"
    months = {mention.first.month, mention.last.month if mention.last else mention.first.month}
    return found.month in months or (
        mention.last is not None and mention.first.month <= found.month <= mention.last.month
    )


# a span of months told as a part of the year: "1~9월" as "the first nine months" or "the first
# three quarters", "1~3월" as "the first quarter", "7~12월" as "the second half"
_FIRST_MONTHS = re.compile(r"\bfirst\s+(?P<count>\w+)\s+(?P<part>months|quarters)\b", re.IGNORECASE)
_QUARTER = re.compile(r"\b(?P<which>first|second|third|fourth|final|last)[\s-]quarter\b", re.I)
_HALF = re.compile(r"\b(?P<which>first|second|latter|last)\s+half\b", re.IGNORECASE)
_PART_ORDER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": -1, "last": -1,
               "latter": -1}  # fmt: skip


def _month_span(mention: DateMention, source: str) -> tuple[int, int] | None:
    """The first and last month of a span of months within one year ("1~9월": 1, 9; "올해
    9월까지", through September: 1, 9)."""
    if mention.first is not None and mention.last is not None:
        if mention.first.year != mention.last.year:
            return None
        first, last = mention.first.month, mention.last.month
    else:
        first, last = mention.month or 0, _last_month(mention)
    if first == last and source[mention.end : mention.end + 2] == "까지":
        first = 1
    return (first, last) if 1 <= first < last <= 12 else None


def _span_told_as_part_of_year(mention: DateMention, source: str, target: str) -> bool:
    span = _month_span(mention, source)
    if span is None:
        return False
    first, last = span
    for match in _FIRST_MONTHS.finditer(target):
        count = english_number_word(match["count"]) or (
            int(match["count"]) if match["count"].isdigit() else None
        )
        size = 3 if match["part"].lower() == "quarters" else 1
        if first == 1 and count is not None and count * size == last:
            return True
    for pattern, size in ((_QUARTER, 3), (_HALF, 6)):
        if last - first + 1 != size or first % size != 1:
            continue
        number = (first - 1) // size + 1
        for match in pattern.finditer(target):
            which = _PART_ORDER[match["which"].lower()]
            if which == number or (which == -1 and last == 12):
                return True
    return False


def _years(mention: DateMention) -> list[int]:
    """The years a resolved mention spans ("2005~2006년": both)."""
    assert mention.first is not None
    last = mention.last.year if mention.last else mention.first.year
    return list(range(mention.first.year, last + 1))


def _year_written(year: int, target: str) -> bool:
    """The year is in the translation, in full or as the end of a span ("2005-06")."""
    return (
        str(year) in target
        or re.search(rf"\d{{4}}\s*[-–/]\s*{year % 100:02d}\b", target) is not None
    )


_ENGLISH_YEAR = re.compile(r"(?<![\d.,$])\b(1[89]\d\d|20\d\d)\b(?![\d.,]\d|\s*(?:%|percent))")


# "징역 2년6월": a term of two years and six months, not June
_YEARS_BEFORE = re.compile(r"(?<!\d)\d{1,2}\s*년\s*$")


def _term_in_months(mention: DateMention, source: str) -> bool:
    """A month that ends a span of years and months ("2년6월", "1년 6월"), not a month."""
    return bool(
        re.fullmatch(r"\d{1,2}월", mention.surface)
        and _YEARS_BEFORE.search(source[: mention.start])
    )


class DatesCheck:
    name = "dates"
    description = "absolute and relative dates in the source agree with the translation"

    def run(self, context: CheckContext) -> list[Finding]:
        mentions = [
            m
            for m in resolve_dates(context.source, context.dateline)
            if not _term_in_months(m, context.source)
        ]
        english = find_english_dates(context.target)
        findings = [self._check_mention(m, mentions, english, context) for m in mentions]
        findings = [f for f in findings if f is not None]
        findings += self._conflicts(mentions, english, context.source)
        findings += self._month_conflicts(mentions, english, context)
        findings += self._year_conflicts(mentions, context)
        findings += self._relative_year_conflicts(mentions, context)
        findings += self._unresolved(mentions, english, context)
        return findings

    def _check_mention(
        self, mention: DateMention, mentions: list[DateMention], english, context
    ) -> Finding | None:
        target, dateline = context.target, context.dateline
        if mention.granularity is Granularity.DAY:
            if any(_day_matches(mention, f, dateline) for f in english):
                return None
            severity = "minor" if mention.relative else "major"
        elif mention.granularity is Granularity.YEAR:
            if mention.first and all(_year_written(y, target) for y in _years(mention)):
                return None
            if mention.first and not mention.relative and _told_relative(mention, target, dateline):
                return None
            if mention.relative and (
                mention.first is None or _LAST_YEAR.search(target) or "year" in target.lower()
            ):
                return None
            severity = "minor" if mention.relative or _unplaced_relative(
                mention, mentions, target, dateline
            ) else "major"
        elif mention.month is None:  # part of a year: "2007년 말", "올해 초"
            if mention.relative or mention.first is None or str(mention.first.year) in target:
                return None  # "early this year", "later this month": wording varies
            severity = "major"
        else:  # a month, or part of one
            written_year = re.search(r"\d{4}", mention.surface)  # "2019년 4월", not "4월"
            year = written_year.group(0) if written_year else None
            if any(_month_matches(mention, f) for f in english) and (
                year is None
                or year in target
                or _year_goes_without_saying(mention, dateline, english, target)
            ):
                return None
            if _told_relative(mention, target, dateline):  # "last month" for 지난달 or 9월
                return None
            if _span_told_as_part_of_year(mention, context.source, target):
                return None  # "the first nine months" for 1~9월
            if any(_month_matches(mention, f) for f in english) and _month_year_told_relative(
                mention, target, dateline
            ):
                return None  # "next June" for "2009년 6월"
            severity = "minor" if "." in mention.surface else "major"  # "2005.10": a stamp
        if context.is_headline:
            severity = "minor"  # a headline keeps what it has room for: a date left out of it
        suggestion = (
            format_date(mention.first, dateline)
            if (mention.first and mention.is_day and mention.first == mention.last)
            else None
        )
        return finding(
            self.name,
            "date_missing",
            severity,
            f"the date {mention.surface!r} is not rendered in the translation",
            source_span=(mention.start, mention.end),
            suggestion=suggestion,
        )

    def _conflicts(
        self, mentions: list[DateMention], english: list[EnglishDate], source: str
    ) -> list[Finding]:
        """An English month-and-day that no source date accounts for (a date from nowhere)."""
        findings = []
        shorthand = {(int(m), int(d)) for m, d in _SHORTHAND_DATE.findall(source)}
        for found in english:
            if found.month is None or found.day is None:
                continue
            if any(_day_matches(m, found, None) for m in mentions if m.is_day):
                continue
            if any(  # "전날" resolved: "Dec. 12" for the day before a Dec. 13 dateline
                m.reference and m.first and (m.first.month, m.first.day) == (found.month, found.day)
                for m in mentions
            ):
                continue
            if (found.month, found.day) in shorthand:
                continue  # "9/11 테러", "6.15 남북공동선언"
            findings.append(
                self._mismatch(
                    f"the date {found.surface!r} in the translation is not in the source",
                    (found.start, found.end),
                )
            )
        return findings

    def _month_conflicts(
        self, mentions: list[DateMention], english: list[EnglishDate], context: CheckContext
    ) -> list[Finding]:
        """An English month that none of the source's dates can account for ("October" for
        "7~9월", or a month in a sentence whose source has no date). Not where a source date
        is relative and unresolved ("지난달" without a dateline could be any month)."""
        if any(m.first is None and m.month is None for m in mentions):
            return []
        findings = []
        quarters = quarters_told_in_months(context.source, context.target)
        for found in english:
            if found.month is None or found.day is not None:
                continue
            if any(_month_accounts(m, found) for m in mentions):
                continue
            if any(found.month in months for *_, months in quarters):
                continue  # "the July-September quarter" for 3분기
            findings.append(
                self._mismatch(
                    f"the month {found.surface!r} in the translation is not in the source",
                    (found.start, found.end),
                )
            )
        return findings

    def _year_conflicts(self, mentions: list[DateMention], context) -> list[Finding]:
        """An English year that the source, which writes its years out, does not have."""
        written = [
            m for m in mentions if m.first and not m.relative and re.search(r"\d{4}", m.surface)
        ]
        if not written or any(m.relative for m in mentions):
            return []
        source_years = {y for m in written for y in _years(m)}
        # a figure the source counts ("2천명" as "2000 people") is a count, not a year
        counts = {q.value for q in korean_quantities(context.source)}
        findings = []
        for match in _ENGLISH_YEAR.finditer(context.target):
            year = int(match.group(1))
            if year in source_years or match.group(1) in context.source or year in counts:
                continue
            findings.append(
                self._mismatch(
                    f"the year {year} in the translation is not in the source", match.span(1)
                )
            )
        return findings

    def _relative_year_conflicts(self, mentions: list[DateMention], context) -> list[Finding]:
        """An English year that is not the year a relative one resolves to: "올해" told as "in
        2007" under a 2008 dateline. Without a dateline there is nothing to tell it by, and an
        English that says the year relative ("last year") is judged by `_told_relative`."""
        if context.dateline is None or _RELATIVE_YEAR.search(context.target):
            return []
        relative = [
            m
            for m in mentions
            if m.relative and m.first is not None and _RELATIVE_YEAR_WORD.search(m.surface)
        ]
        if not relative:
            return []
        years = {y for m in mentions if m.first is not None for y in _years(m)}
        if any(_year_written(y, context.target) for m in relative for y in _years(m)):
            return []
        counts = {q.value for q in korean_quantities(context.source)}
        findings = []
        for match in _ENGLISH_YEAR.finditer(context.target):
            year = int(match.group(1))
            if year in years or match.group(1) in context.source or year in counts:
                continue
            named = ", ".join(f"{m.surface!r} ({m.first.year})" for m in relative if m.first)
            findings.append(
                self._mismatch(
                    f"the year {year} in the translation is not the source's {named}",
                    match.span(1),
                )
            )
        return findings

    def _mismatch(self, message: str, span: tuple[int, int]) -> Finding:
        """A date in the translation that the source does not have."""
        return finding(self.name, "date_mismatch", "major", message, target_span=span)

    def _unresolved(self, mentions, english, context) -> list[Finding]:
        findings = []
        days = [m for m in mentions if m.is_day and (m.day or m.first)]
        for found in english:
            if not found.unresolved:
                continue
            if (
                found.day is not None
                and days
                and not any(_day_matches(m, found, None) for m in days)
            ):
                findings.append(
                    self._mismatch(
                        f"the day {found.surface!r} in the translation is not the source's",
                        (found.start, found.end),
                    )
                )
                continue
            date = resolve_english_date(found, mentions, context.dateline)
            suggestion = format_date(date, context.dateline) if date else None
            message = f"relative date {found.surface!r} left unresolved"
            if suggestion:
                message += f"; news style: {suggestion!r}"
            findings.append(
                finding(
                    self.name,
                    "relative_date",
                    "minor",
                    message,
                    target_span=(found.start, found.end),
                    suggestion=suggestion,
                )
            )
        return findings
