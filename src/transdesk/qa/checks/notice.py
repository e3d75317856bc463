"""Notice: a published article carries the AI notice and its feedback link."""

from __future__ import annotations

import re

from transdesk.article import Finding
from transdesk.qa.base import finding

AI_NOTICE = "※ This article has been translated by AI. Share your feedback here."
_NOTICE = re.compile(r"translated\s+by\s+AI", re.IGNORECASE)
_LINK = re.compile(r"https?://\S+|href=|\]\(|/feedback", re.IGNORECASE)


def check_notice(published_text: str, *, severity: str = "major") -> list[Finding]:
    """Findings when the published text lacks the AI notice or its feedback link."""
    notice = _NOTICE.search(published_text)
    if notice is None:
        return [
            finding(
                "notice",
                "notice_missing",
                severity,
                f"the article does not carry the notice {AI_NOTICE!r}",
                suggestion=AI_NOTICE,
            )
        ]
    if not _LINK.search(published_text[notice.start() :]):
        return [
            finding(
                "notice",
                "feedback_link_missing",
                severity,
                "the AI notice has no feedback link after it",
            )
        ]
    return []
