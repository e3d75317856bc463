"""What an editor changed in a sentence, and the correction note that says so.

`changed_words("... North Korean Commissioner Kim Jong-un ...", "... North Korean leader Kim
Jong-un ...")` finds the words that differ ("Commissioner" → "leader") and widens them over the
name they belong to ("Commissioner Kim" → "leader Kim"), so the wrong rendering can be looked for
in other articles without matching every "Commissioner". `correction_note` turns the report's kind
and those words into the dated line the article ends with, in AP style:
"This article was corrected on Sept. 3 to fix the title of Kim Jong-un."
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from transdesk.publish.notice import ap_date

_TOKEN = re.compile(r"\d[\d,]*\d(?:\.\d+)?(?!\w)|[\w'’-]+|[^\w\s]", re.UNICODE)
_TITLE_WORDS = {
    "president",
    "chairman",
    "chairwoman",
    "commissioner",
    "leader",
    "secretary",
    "minister",
    "premier",
    "general",
    "spokesperson",
    "spokesman",
    "ambassador",
    "advisor",
    "adviser",
    "aide",
    "director",
    "governor",
    "mayor",
    "chief",
    "envoy",
    "king",
    "queen",
    "prince",
    "marshal",
}
_MONTHS = re.compile(
    r"\b(Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow)",
    re.IGNORECASE,
)
_DATE_WORDS = re.compile(
    _MONTHS.pattern + r"|\d(st|nd|rd|th)\b|\b(last|next|this) (week|month|year)\b|day before",
    re.IGNORECASE,
)
_KIND_PHRASES = {
    "mistranslation": "to correct a mistranslated sentence",
    "grammar_or_style": "to fix the wording of a sentence",
    "missing_text": "to restore text missing from the translation",
    "other": "to fix an error in the translation",
}


@dataclass(frozen=True)
class Change:
    """The words that changed: `wrong` as they were, `right` as they are now (with name words)."""

    wrong: str
    right: str
    subject: str | None = None  # the proper name next to the change ("Kim Jong-un")
    name: str | None = None  # the whole name when the new words are part of one ("the Kremlin")

    @property
    def replaceable(self) -> bool:
        """Specific enough to look for elsewhere: more than one word, or a capitalised one."""
        return bool(self.wrong) and (" " in self.wrong or self.wrong[:1].isupper())


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _is_name_word(token: str) -> bool:
    return token[:1].isupper() and token[:1].isalpha()


def _span(tokens: list[str], start: int, end: int) -> str:
    return " ".join(tokens[start:end])


def _name_after(tokens: list[str], index: int) -> tuple[str | None, int]:
    """The run of capitalised words starting at `index`, and where it ends."""
    end = index
    while end < len(tokens) and end - index < 4 and _is_name_word(tokens[end]):
        end += 1
    return (_span(tokens, index, end) or None), end


def _name_before(tokens: list[str], index: int) -> tuple[str | None, int]:
    start = index
    while start > 0 and index - start < 4 and _is_name_word(tokens[start - 1]):
        start -= 1
    return (_span(tokens, start, index) or None), start


def changes(before: str, after: str) -> list[Change]:
    """Each run of differing words, widened by one neighbouring name word, in sentence order."""
    old, new = _tokens(before), _tokens(after)
    opcodes = SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    return [_change(old, new, *op[1:]) for op in opcodes if op[0] != "equal"]


def _change(old: list[str], new: list[str], a0: int, a1: int, b0: int, b1: int) -> Change:
    subject, _ = _name_after(new, b1)
    if subject is None:
        subject, _ = _name_before(new, b0)
    if b1 < len(new) and a1 < len(old) and _is_name_word(new[b1]):
        a1, b1 = a1 + 1, b1 + 1
    elif b0 > 0 and a0 > 0 and _is_name_word(new[b0 - 1]):
        a0, b0 = a0 - 1, b0 - 1
    right_tokens = new[b0:b1]
    name = None
    if right_tokens and all(_is_name_word(t) for t in right_tokens if t.isalpha()):
        start, end = b0, b1
        while start > 0 and _is_name_word(new[start - 1]):
            start -= 1
        while end < len(new) and _is_name_word(new[end]):
            end += 1
        article = "the " if start > 0 and new[start - 1].lower() == "the" else ""
        name = article + _join(new[start:end])
        if name.startswith("The "):
            name = "the " + name[4:]
    return Change(_join(old[a0:a1]), _join(right_tokens), subject, name)


def changed_words(before: str, after: str) -> Change | None:
    """The change a note should speak of: the first one about a name or title, else the first."""
    found = changes(before, after)
    if not found:
        return None
    return next((c for c in found if _mentions_title(c) or c.name), found[0])


def _mentions_title(change: Change) -> bool:
    words = {t.lower() for t in _tokens(f"{change.wrong} {change.right}")}
    return bool(words & _TITLE_WORDS)


def _join(tokens: list[str]) -> str:
    text = " ".join(tokens)
    return re.sub(r" ([,.;:!?)\]”’])", r"\1", re.sub(r"([(\[“‘]) ", r"\1", text))


def fix_phrase(kind: str, change: Change | None) -> str:
    """The middle of the note: what was fixed, from the report's kind and the changed words."""
    if kind == "name_or_title" and change is not None:
        if change.subject and (_mentions_title(change) or not change.name):
            return f"to fix the title of {change.subject}"
        if change.name:
            return f"to fix the name of {change.name}"
        return "to fix a name"
    if kind == "number_or_date" and change is not None:
        return (
            "to fix a date"
            if _DATE_WORDS.search(f"{change.wrong} {change.right}")
            else "to fix a number"
        )
    return _KIND_PHRASES.get(kind, _KIND_PHRASES["other"])


def correction_note(
    kind: str, before: str | None, after: str, corrected_on: dt.date, *, with_year: bool = False
) -> str:
    """ "This article was corrected on Sept. 3 to fix the title of Kim Jong-un." """
    change = changed_words(before or "", after)
    found = changes(before or "", after)
    if kind == "number_or_date" and found:
        change = Change(" ".join(c.wrong for c in found), " ".join(c.right for c in found))
    when = ap_date(corrected_on, with_year=with_year)
    return f"This article was corrected on {when} {fix_phrase(kind, change)}."


def apply_change(text: str, change: Change) -> str | None:
    """`text` with the wrong words replaced by the right ones (whole words only), or None."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(change.wrong)}(?![\w-])")
    if not pattern.search(text):
        return None
    return pattern.sub(lambda _m: change.right, text)
