"""The correction note: the dated line an article ends with once a sentence was corrected, in AP
style: "This article was corrected on Sept. 3, 2025, to give the correct title of Kim Jong-un."

The note is proposed to the editor, who can rewrite it before the correction is published.
"""

from __future__ import annotations

import datetime as dt
import re

from transdesk.desk.clock import newsroom_now
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
    "other": "to correct an error in the translation",
}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def corrected_on(
    article: DeskArticle, now: dt.datetime | None = None, *, configured: str | None = None
) -> dt.date:
    """Today on the newsroom's clock (`transdesk.desk.clock`: the configured zone, else the
    dateline's)."""
    return newsroom_now(article.timezone, now=now or utcnow(), configured=configured).date()


def main_change(before: str, after: str) -> Change | None:
    """The change a note speaks of: the first one about a name or title, else the first."""
    found = changes(before, after)
    if not found:
        return None
    return next((c for c in found if _mentions_title(c) or c.name), found[0])


def _mentions_title(change: Change) -> bool:
    words = {t.lower() for t in tokens(f"{change.wrong} {change.right}")}
    return bool(words & _TITLE_WORDS)


def _bare_name(name: str) -> str:
    """ "the Energy Department's" → "the Energy Department": a name as a note can name it."""
    name = _POSSESSIVE.sub("", name.strip().rstrip(".,;:"))
    words = name.split()
    if words and words[0].lower() in ("the", "a", "an"):
        return "the " + " ".join(words[1:]) if len(words) > 1 else ""
    return name


_INSTITUTION_WORDS = {
    "department", "ministry", "office", "party", "agency", "committee", "council", "service",
    "bureau", "commission", "assembly", "court", "house", "palace", "army", "navy", "bank",
}  # fmt: skip
_INITIALS = re.compile(r"\b([A-Z])\. (?=[A-Z]\.)")


def _name_of(words: str) -> str:
    """The new words as a name, when they are one ("U.S. Department of Energy's" → "the U.S.
    Department of Energy"); "" when they are not capitalised."""
    name = _bare_name(_INITIALS.sub(r"\1.", words))
    parts = name.split()
    if not parts or not parts[0][:1].isupper():
        return ""
    institution = " of " in name or parts[-1].lower() in _INSTITUTION_WORDS
    return f"the {name}" if institution and not name.startswith("the ") else name


def fix_phrase(kind: str, change: Change | None) -> str:
    """The end of the note, one grammatical template per kind of fix, filled from the changed
    words: "to give the correct name of the U.S. Department of Energy"."""
    if kind == "name_or_title" and change is not None:
        if change.subject and (_mentions_title(change) or not change.name):
            return f"to give the correct title of {_bare_name(change.subject)}"
        name = _bare_name(change.name or "") or _name_of(change.right)
        if name:
            return f"to give the correct name of {name}"
        return "to correct a name"
    if kind == "number_or_date":
        if change is None:
            return "to correct a number"
        about = f"{change.wrong} {change.right}"
        return "to correct a date" if _DATE_WORDS.search(about) else "to correct a number"
    if kind == "name_or_title":
        return "to correct a name"
    return _KIND_PHRASES.get(kind, _KIND_PHRASES["other"])


def correction_note(kind: str, before: str | None, after: str, corrected_on: dt.date) -> str:
    """ "This article was corrected on Dec. 2, 2025, to give the correct name of the U.S.
    Department of Energy." (AP style: the full date, set off by commas.)"""
    change = main_change(before or "", after)
    found = changes(before or "", after)
    if kind == "number_or_date" and found:
        change = Change(" ".join(c.wrong for c in found), " ".join(c.right for c in found))
    when = ap_date(corrected_on, with_year=True)
    return f"This article was corrected on {when}, {fix_phrase(kind, change)}."


def proposed_note(
    kind: str, before: str | None, after: str, article_timezone: str | None,
    configured: str | None = None,
) -> str:
    """The note the editor is shown before accepting, dated today on the newsroom's clock.

    A suggestion that is only a fragment of the sentence ("leader Kim") names nothing reliably:
    the note then says only what kind of fix it is."""
    today = newsroom_now(article_timezone, configured=configured).date()
    if is_fragment(before, after):
        when = ap_date(today, with_year=True)
        return f"This article was corrected on {when}, {fix_phrase(kind, None)}."
    return correction_note(kind, before, after, today)


def is_fragment(before: str | None, after: str) -> bool:
    """Whether `after` is a piece of the sentence rather than the whole of it."""
    return bool(before) and len(tokens(after)) < 0.6 * len(tokens(before or ""))
