"""The correction note: the dated line an article ends with once a sentence was corrected, in AP
style: "This article was corrected on Sept. 3 to fix the title of Kim Jong-un."
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from transdesk.feedback.edit import Change, changes, tokens
from transdesk.publish.notice import ap_date
from transdesk.store.desk_tables import DeskArticle, utcnow

_TITLE_WORDS = {
    "president", "chairman", "chairwoman", "commissioner", "leader", "secretary", "minister",
    "premier", "general", "spokesperson", "spokesman", "ambassador", "advisor", "adviser", "aide",
    "director", "governor", "mayor", "chief", "envoy", "king", "queen", "prince", "marshal",
}  # fmt: skip
_DATE_WORDS = re.compile(
    r"\b(Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow)"
    r"|\d(st|nd|rd|th)\b|\b(last|next|this) (week|month|year)\b|day before",
    re.IGNORECASE,
)
_KIND_PHRASES = {
    "mistranslation": "to correct a mistranslated sentence",
    "grammar_or_style": "to fix the wording of a sentence",
    "missing_text": "to restore text missing from the translation",
    "other": "to fix an error in the translation",
}


def corrected_on(article: DeskArticle, now: dt.datetime | None = None) -> dt.date:
    """Today where the article was published (its dateline's time zone)."""
    now = (now or utcnow()).replace(tzinfo=dt.UTC)
    try:
        return now.astimezone(ZoneInfo(article.timezone)).date()
    except (KeyError, ValueError):
        return now.date()


def main_change(before: str, after: str) -> Change | None:
    """The change a note speaks of: the first one about a name or title, else the first."""
    found = changes(before, after)
    if not found:
        return None
    return next((c for c in found if _mentions_title(c) or c.name), found[0])


def _mentions_title(change: Change) -> bool:
    words = {t.lower() for t in tokens(f"{change.wrong} {change.right}")}
    return bool(words & _TITLE_WORDS)


def fix_phrase(kind: str, change: Change | None) -> str:
    """The middle of the note: what was fixed, from the report's kind and the changed words."""
    if kind == "name_or_title" and change is not None:
        if change.subject and (_mentions_title(change) or not change.name):
            return f"to fix the title of {change.subject}"
        if change.name:
            return f"to fix the name of {change.name}"
        return "to fix a name"
    if kind == "number_or_date" and change is not None:
        about = f"{change.wrong} {change.right}"
        return "to fix a date" if _DATE_WORDS.search(about) else "to fix a number"
    return _KIND_PHRASES.get(kind, _KIND_PHRASES["other"])


def correction_note(
    kind: str, before: str | None, after: str, corrected_on: dt.date, *, with_year: bool = False
) -> str:
    """ "This article was corrected on Sept. 3 to fix the title of Kim Jong-un." """
    change = main_change(before or "", after)
    found = changes(before or "", after)
    if kind == "number_or_date" and found:
        change = Change(" ".join(c.wrong for c in found), " ".join(c.right for c in found))
    when = ap_date(corrected_on, with_year=with_year)
    return f"This article was corrected on {when} {fix_phrase(kind, change)}."
