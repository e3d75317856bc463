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
_CLOSING_PUNCT = ",.!?;:"
# The characters `_TABLE` changes, and what each becomes (an import folds 10^6 sentences)
_FOLDINGS = {
    chr(code): folded if isinstance(folded, str) else chr(folded)
    for code, folded in _TABLE.items()
}
_FOLDED = re.compile("[" + re.escape("".join(_FOLDINGS)) + "]")
_SPACE_BEFORE_CLOSING = re.compile(" [" + re.escape(_CLOSING_PUNCT) + "]")
_WORD_RUN = re.compile(r"[^\W_]{3,}")  # three or more letters or digits

MIN_TRIGRAM_LENGTH = 3


def normalise(text: str) -> str:
    """The form of `text` the memory compares: NFC, one kind of each punctuation, single spaces."""
    text = unicodedata.normalize("NFC", text)
    # each change only where it has work to do, found by the cheapest test: a substitution of
    # the few characters to fold (a sentence holds a handful: `str.translate` would look up
    # every character), substring tests for an ellipsis and for a space before punctuation
    text = _FOLDED.sub(_fold, text)
    if "…" in text or "⋯" in text or "..." in text:
        text = _ELLIPSIS.sub("...", text)
    text = " ".join(text.split())  # runs of (Unicode) whitespace to one space, ends stripped
    if " " in text and _SPACE_BEFORE_CLOSING.search(text):  # no space before closing punctuation
        for mark in _CLOSING_PUNCT:
            text = text.replace(" " + mark, mark)
    return text


def _fold(match: re.Match[str]) -> str:
    return _FOLDINGS[match.group()]


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


def word_trigrams(normalised: str) -> list[str]:
    """Distinct lower-cased trigrams lying inside one run of letters or digits, in order.

    pg_trgm indexes the trigrams of each word (padded with spaces at its edges): a LIKE pattern
    `%abc%` of three word characters reads exactly one of its posting lists, while a trigram that
    holds a space or a punctuation mark maps to a padded, far commoner one. These are the
    trigrams the PostgreSQL index queries and counts."""
    seen: dict[str, None] = {}
    for run in _WORD_RUN.findall(normalised.lower()):
        for i in range(len(run) - MIN_TRIGRAM_LENGTH + 1):
            seen.setdefault(run[i : i + MIN_TRIGRAM_LENGTH], None)
    return list(seen)
