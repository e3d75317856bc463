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
from transdesk.dates.rewrite import resolve_english_date
from transdesk.qa.base import CheckContext, finding, register

_LAST_YEAR = re.compile(
    r"\b(?:last|previous|past|a)\s+year|\byear\s+(?:ago|earlier|before)\b", re.IGNORECASE
)
_REFERENCE_OFFSET = {"today": 0, "yesterday": -1, "tomorrow": 1}


def _day_matches(mention: DateMention, found: EnglishDate, dateline) -> bool:
    if found.day is not None and found.month is None:  # "on the 2nd": day only
        return mention.day == found.day or (
            mention.first is not None and mention.first.day == found.day
        )
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
    if mention.first is None:
        return mention.day == found.day and mention.month in (None, found.month)
    last = found.day2 or found.day
    return (mention.first.month == found.month and found.day <= mention.first.day <= last) or (
        mention.first.month == found.month
        and mention.first.day <= found.day
        and mention.last is not None
        and found.day <= mention.last.day
    )


def _last_month(mention: DateMention) -> int:
    """The last month a mention covers ("7~9월" → 9), without a dateline to resolve it."""
    digits = re.findall(r"(\d{1,2})월", mention.surface)
    return int(digits[-1]) if digits else mention.month or 0


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
    months = {mention.first.month, mention.last.month if mention.last else mention.first.month}
    return found.month in months or (
        mention.last is not None and mention.first.month <= found.month <= mention.last.month
    )


@register
class DatesCheck:
    name = "dates"
    description = "absolute and relative dates in the source agree with the translation"

    def run(self, context: CheckContext) -> list[Finding]:
        mentions = resolve_dates(context.source, context.dateline)
        english = find_english_dates(context.target)
        findings = [self._check_mention(m, english, context) for m in mentions]
        findings = [f for f in findings if f is not None]
        findings += self._conflicts(mentions, english, context.source)
        findings += self._unresolved(mentions, english, context)
        return findings

    def _check_mention(self, mention: DateMention, english, context) -> Finding | None:
        target, dateline = context.target, context.dateline
        if mention.granularity is Granularity.DAY:
            if any(_day_matches(mention, f, dateline) for f in english):
                return None
            severity = "minor" if mention.relative else "major"
        elif mention.granularity is Granularity.YEAR:
            if mention.first and str(mention.first.year) in target:
                return None
            if mention.relative and (
                mention.first is None or _LAST_YEAR.search(target) or "year" in target.lower()
            ):
                return None
            severity = "minor" if mention.relative else "major"
        elif mention.month is None:  # part of a year: "2007년 말", "올해 초"
            if mention.relative or mention.first is None or str(mention.first.year) in target:
                return None  # "early this year", "later this month": wording varies
            severity = "major"
        else:  # a month, or part of one
            written_year = re.search(r"\d{4}", mention.surface)  # "2019년 4월", not "4월"
            year = written_year.group(0) if written_year else None
            if any(_month_matches(mention, f) for f in english) and (
                year is None or year in target
            ):
                return None
            severity = "minor" if "." in mention.surface else "major"  # "2005.10": a stamp
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
            if (found.month, found.day) in shorthand:
                continue  # "9/11 테러", "6.15 남북공동선언"
            severity = "major"
            findings.append(
                finding(
                    self.name,
                    "date_mismatch",
                    severity,
                    f"the date {found.surface!r} in the translation is not in the source",
                    target_span=(found.start, found.end),
                )
            )
        return findings

    def _unresolved(self, mentions, english, context) -> list[Finding]:
        findings = []
        for found in english:
            if not found.unresolved:
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
