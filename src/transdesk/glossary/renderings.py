"""Putting an approved English rendering into a sentence, and finding forbidden ones in it.

English needs two small courtesies that Korean does not: an article ("the Kremlin" after "at",
but not "the the Kremlin" when the sentence already says "the") and a capital at the start of a
sentence ("The Kremlin said ...", "General secretary ..." when a lowercase title opens it).
"""

from __future__ import annotations

import re
from functools import lru_cache

# words after which a rendering's own leading "the" would be doubled or wrong
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their|our|your|this|that|these|those)|'s|s')\s+$", re.IGNORECASE
)
_SENTENCE_START = re.compile(r"(?:(?:^|[.!?]\s+|[.!?][\"'”’]\s+)[\"'“‘(]?|(?:^|\s)[\"“])$")


@lru_cache(maxsize=8192)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Case-insensitive, whole-word pattern for an English phrase (any run of spaces between words;
    "U.S." also matches "US", "U.N." "UN")."""
    words = [_word_pattern(word) for word in phrase.split()]
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE)


def _word_pattern(word: str) -> str:
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}", word):
        return "".join(re.escape(letter) + r"\.?" for letter in word[::2])
    return re.escape(word)


def contains_phrase(text: str, phrase: str) -> bool:
    return bool(phrase.strip()) and phrase_pattern(phrase).search(text) is not None


def fit(rendering: str, before: str) -> str:
    """The rendering as it should read after `before` (the text that precedes it)."""
    if rendering[:4].lower() == "the " and _DETERMINER_BEFORE.search(before):
        rendering = rendering[4:]
    if _SENTENCE_START.search(before):
        rendering = rendering[:1].upper() + rendering[1:]
    return rendering


def substitute(text: str, start: int, end: int, rendering: str) -> str:
    """Replace text[start:end] with the rendering, fitted to what precedes it."""
    before = text[:start]
    return before + fit(rendering, before) + text[end:]
