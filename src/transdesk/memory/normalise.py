"""How two sentences are recognised as "the same sentence" by the translation memory.

Editors and wire services type the same sentence with different quotes (“ ” vs "), full-width
punctuation (，！？), an ellipsis character or three dots, and stray spaces. `normalise` folds those
variants so that an exact match survives them; `source_hash` is the indexed key of the exact match.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_QUOTES = {
    **dict.fromkeys("“”„‟″〝〞＂「」『』", '"'),
    **dict.fromkeys("‘’‚‛′＇", "'"),
}
_PUNCTUATION = {
    **dict.fromkeys("‐‑‒–—―－", "-"),
    **dict.fromkeys("∼〜～", "~"),
    **dict.fromkeys("・･", "·"),
    "、": ",",
    "。": ".",
    "\u3000": " ",
}
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_TABLE = str.maketrans({**_FULL_WIDTH, **_QUOTES, **_PUNCTUATION})
_ELLIPSIS = re.compile(r"[…⋯]|\.{3,}")
_ELLIPSIS_MARKS = ("…", "⋯", "...")
_CLOSING_PUNCT = ",.!?;:"

MIN_TRIGRAM_LENGTH = 3


def normalise(text: str) -> str:
    """The form of `text` the memory compares: NFC, one kind of each punctuation, single spaces."""
    text = unicodedata.normalize("NFC", text).translate(_TABLE)
    if any(mark in text for mark in _ELLIPSIS_MARKS):  # the regex only where it has work to do
        text = _ELLIPSIS.sub("...", text)
    text = " ".join(text.split())  # runs of (Unicode) whitespace to one space, ends stripped
    if " " in text:  # no space before closing punctuation
        for mark in _CLOSING_PUNCT:
            text = text.replace(" " + mark, mark)
    return text


def source_hash(text: str) -> str:
    """The exact-match key of a source sentence (SHA-1 of its normalised form, 40 hex digits)."""
    return normalised_hash(normalise(text))


def normalised_hash(normalised: str) -> str:
    """`source_hash` of a text `normalise` has already folded (saves folding it twice)."""
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()


def trigrams(normalised: str) -> list[str]:
    """Distinct lower-cased character trigrams, in order of first appearance (FTS5 trigram folding)."""
    folded = normalised.lower()
    seen: dict[str, None] = {}
    for i in range(len(folded) - MIN_TRIGRAM_LENGTH + 1):
        seen.setdefault(folded[i : i + MIN_TRIGRAM_LENGTH], None)
    return list(seen)
