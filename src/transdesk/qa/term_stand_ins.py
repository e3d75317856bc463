"""What stands in the place of a termbase term the translation does not render.

When the approved rendering of a term is absent, the English either says the concept some other
acceptable way (a paraphrase, a pronoun, "the party" for the People Power Party, or nothing,
because the sentence does not need the name) or it puts a wrong rendering in its place. Only the
second should hold the sentence. Two wrong renderings can be told from the data at hand, without
guessing at meaning:

- a **forbidden** rendering of the term (the termbase lists it; the caller finds those);
- a **literal** rendering: the Revised Romanization of two or more of the term's syllables
  ("Gwangbokjeol" for 광복절, "Deobureo" for 더불어민주당). It does not apply to a term whose
  approved rendering is itself a romanization ("Rodong Sinmun"): another romanization of such a
  name is a spelling variant for an editor, not a mistranslation.

A third shape is worth an editor's look but does not hold: **another name** built on the head
noun of the approved rendering ("the Grand National Party" where the entry says "the People
Power Party (PPP)"). Parties are renamed and outlets word institutions differently, so a
capitalised phrase with the same head may well be correct.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from transdesk.glossary.approved import approved_forms
from transdesk.glossary.model import TermEntry
from transdesk.qa.romanize import romanize_syllables

_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]{2,}")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_MIN_LETTERS = 5  # shorter romanizations ("Han", "Bukhan" is 6) match ordinary words
_ROMANIZED_NAME = 75  # rapidfuzz ratio at which an approved word reads as a romanization
_MAX_WINDOW = 4  # "Deo Bu Reo Min" at most: longer runs are not one romanized word


@dataclass(frozen=True, slots=True)
class StandIn:
    """A wrong rendering found where the term should be."""

    kind: str  # "literal" or "other_name"
    text: str
    span: tuple[int, int]


@lru_cache(maxsize=4096)
def romanizations(korean: str) -> frozenset[str]:
    """Revised Romanizations (letters only, lowercase) of every run of two or more syllables."""
    found: set[str] = set()
    for run in _HANGUL_RUN.findall(korean):
        for start in range(len(run)):
            for end in range(start + 2, len(run) + 1):
                letters = romanize_syllables(run[start:end]).lower()
                if len(letters) >= _MIN_LETTERS:
                    found.add(letters)
    return frozenset(found)


def _windows(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Runs of up to four Latin words joined only by spaces or hyphens, as lowercase letters."""
    words = list(_LATIN_WORD.finditer(text))
    windows = []
    for i, first in enumerate(words):
        letters = first.group(0).lower()
        windows.append((letters, first.span()))
        for j in range(i + 1, min(i + _MAX_WINDOW, len(words))):
            if not re.fullmatch(r"[\s\-‐‑–]{1,2}", text[words[j - 1].end() : words[j].start()]):
                break
            letters += words[j].group(0).lower()
            windows.append((letters, (first.start(), words[j].end())))
    return windows


def _named_by_romanization(entry: TermEntry, korean: str) -> bool:
    names = romanizations(korean) | romanizations(entry.source)
    if not names:
        return False
    return any(
        fuzz.ratio(letters, name) >= _ROMANIZED_NAME
        for form in approved_forms(entry)
        for letters, _ in _windows(form)
        for name in names
    )


def _inside(span: tuple[int, int], covered: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in covered)


def literal_rendering(
    entry: TermEntry, korean: str, target: str, covered: list[tuple[int, int]]
) -> StandIn | None:
    """A romanization of the term's Korean in the English, outside any approved rendering."""
    names = romanizations(korean)
    if not names or _named_by_romanization(entry, korean):
        return None
    for letters, span in _windows(target):
        if letters in names and not _inside(span, covered):
            return StandIn("literal", target[span[0] : span[1]], span)
    return None


def other_name(entry: TermEntry, target: str, covered: list[tuple[int, int]]) -> StandIn | None:
    """A capitalised name on the approved rendering's head noun that is not the approved one."""
    heads = {form.split()[-1] for form in approved_forms(entry) if len(form.split()) > 1}
    for head in sorted(h for h in heads if h[:1].isupper() and h.isalpha()):
        pattern = re.compile(r"(?:\b[A-Z][\w'’.\-]*\s+){1,4}" + re.escape(head) + r"s?\b")
        for found in pattern.finditer(target):
            if not _inside(found.span(), covered):
                return StandIn("other_name", found.group(0), found.span())
    return None
