"""Korean news date expressions resolved against the dateline, and English news-style dates.

The pipeline's date stage is `transdesk.dates.stage.DateStyleStage`.
"""

from __future__ import annotations

from transdesk.dates.english import (
    EnglishDate,
    find_english_dates,
    format_date,
    format_month,
)
from transdesk.dates.resolver import DateMention, Granularity, resolve_dates
from transdesk.dates.rewrite import DateRewrite, rewrite_relative_dates

__all__ = [
    "DateMention",
    "DateRewrite",
    "EnglishDate",
    "Granularity",
    "find_english_dates",
    "format_date",
    "format_month",
    "resolve_dates",
    "rewrite_relative_dates",
]
