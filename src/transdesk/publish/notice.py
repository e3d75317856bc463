"""The notice every AI-translated article ends with, and the English dateline in AP style."""

from __future__ import annotations

import datetime as dt

from transdesk.dates.english import format_date

AI_NOTICE = "※ This article has been translated by AI. Share your feedback here."
AI_NOTICE_LINK_TEXT = "here"
AI_NOTICE_BEFORE_LINK = AI_NOTICE.removesuffix(f"{AI_NOTICE_LINK_TEXT}.")


def ap_date(date: dt.date, *, with_year: bool = True) -> str:
    """`2025-09-02` → "Sept. 2, 2025" (AP style, the months of `transdesk.dates`)."""
    return format_date(date, None if with_year else date)
