"""The notice every AI-translated article ends with, and the English dateline in AP style."""

from __future__ import annotations

import datetime as dt

AI_NOTICE = "※ This article has been translated by AI. Share your feedback here."
AI_NOTICE_LINK_TEXT = "here"
AI_NOTICE_BEFORE_LINK = AI_NOTICE.removesuffix(f"{AI_NOTICE_LINK_TEXT}.")

# AP style: months of five letters or fewer are spelled out; the others abbreviated.
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June",
             "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")  # fmt: skip


def ap_date(date: dt.date, *, with_year: bool = True) -> str:
    """`2025-09-02` → "Sept. 2, 2025" (AP style)."""
    text = f"{AP_MONTHS[date.month - 1]} {date.day}"
    return f"{text}, {date.year}" if with_year else text
