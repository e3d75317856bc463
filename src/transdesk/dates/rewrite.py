"""Rewrite Korean-newsroom relative dates left in English copy into news style.

"on the 2nd" → "on Sept. 2", "on the 31st of last month" → "on Aug. 31", "the day before" →
"on Sept. 1": each resolved with the source sentence's own date expressions first (so "the 31st"
takes its month from "지난달 31일"), and with the dateline otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from transdesk.dates.english import EnglishDate, find_english_dates, format_date
from transdesk.dates.resolver import DateMention, resolve_dates

_PREPOSITION_BEFORE = re.compile(
    r"\b(?:on|of|from|since|until|till|by|before|after|for|to)\s+$", re.IGNORECASE
)
_NOUN_AFTER = re.compile(r"^\s+(?:(?:the|a|an|his|her|their|its|our|this|that)\b|[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class DateRewrite:
    """One change: `original` (as written) became `replacement`, meaning `date`."""

    original: str
    replacement: str
    date: dt.date
    start: int
    end: int


def resolve_english_date(
    found: EnglishDate, mentions: Sequence[DateMention], dateline: dt.date | None
) -> dt.date | None:
    """The calendar date an unresolved English expression stands for, or None."""
    if found.day is not None and found.offset is None:
        return _resolve_ordinal(found, mentions, dateline)
    if found.offset is not None:
        for mention in mentions:
            if mention.resolved and mention.reference and _offset_of(mention) == found.offset:
                return mention.first
        return dateline + dt.timedelta(days=found.offset) if dateline else None
    return None


def _offset_of(mention: DateMention) -> int | None:
    return {"today": 0, "yesterday": -1, "tomorrow": 1}.get(mention.reference or "")


def _resolve_ordinal(found, mentions, dateline):
    candidates = [
        m for m in mentions if m.resolved and m.is_day and m.day == found.day and m.first == m.last
    ]
    if found.previous_month:
        previous = [m for m in candidates if dateline and m.first < dateline.replace(day=1)]
        candidates = previous or candidates
    if candidates:
        return candidates[0].first
    if dateline is None:
        return None
    year, month = dateline.year, dateline.month
    if found.previous_month or found.day > dateline.day + 10:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    try:
        return dt.date(year, month, found.day)
    except ValueError:
        return None


def rewrite_relative_dates(
    english: str, source: str, dateline: dt.date | None
) -> tuple[str, list[DateRewrite]]:
    """The English with every unresolved relative date written as a news-style date."""
    if dateline is None:
        return english, []
    mentions = resolve_dates(source, dateline)
    rewrites: list[DateRewrite] = []
    for found in find_english_dates(english):
        if not found.unresolved:
            continue
        date = resolve_english_date(found, mentions, dateline)
        if date is None:
            continue
        replacement = _replacement(english, found, date, dateline)
        if replacement is not None:
            rewrites.append(DateRewrite(found.surface, replacement, date, found.start, found.end))
    text = english
    for rewrite in reversed(rewrites):
        text = text[: rewrite.start] + rewrite.replacement + text[rewrite.end :]
    return text, rewrites


def _replacement(english: str, found: EnglishDate, date: dt.date, dateline: dt.date) -> str | None:
    formatted = format_date(date, dateline)
    surface = found.surface
    if found.offset is not None:  # "the day before": only where it stands alone
        if _NOUN_AFTER.match(english[found.end :]):
            return None
        if _PREPOSITION_BEFORE.search(english[: found.start]):
            return formatted
        return f"on {formatted}"
    if surface.lower().startswith("on "):
        return surface[:3] + formatted
    return formatted
