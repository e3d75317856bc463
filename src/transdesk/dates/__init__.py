"""Korean news date expressions resolved against the dateline, and English news-style dates."""

from __future__ import annotations

from transdesk.dates.english import (
    EnglishDate,
    find_english_dates,
    format_date,
    format_month,
)
from transdesk.dates.resolver import DateMention, Granularity, resolve_dates
from transdesk.dates.rewrite import DateRewrite, rewrite_relative_dates
from transdesk.dates.stage import DateStyleStage

__all__ = [
    "DateMention",
    "DateRewrite",
    "DateStyleStage",
    "EnglishDate",
    "Granularity",
    "default_stages",
    "find_english_dates",
    "format_date",
    "format_month",
    "resolve_dates",
    "rewrite_relative_dates",
]


def default_stages(settings=None) -> list[DateStyleStage]:
    """The date stages the pipeline runs by default (news-style rewriting is on by default)."""
    enabled = settings.rewrite_dates if settings is not None else True
    return [DateStyleStage(enabled=enabled)]
