"""Finding an approved rendering in English copy, in any of the shapes news style gives it.

A termbase entry names one first-reference rendering and, perhaps, a later-reference one
("the People Power Party (PPP)", "the PPP"). Correct English writes them in many shapes, and a
check that demanded the letter of the entry would hold correct sentences. Each of these counts
as the approved rendering:

- with or without a leading article ("the", "a", "an");
- the spelled-out name alone, the parenthesised abbreviation alone, or both
  ("People Power Party", "PPP", "the People Power Party (PPP)");
- an institution named either way round ("the Foreign Ministry", "the Ministry of Foreign
  Affairs"; "the Justice Department", "the Department of Justice");
- a leading country qualifier as a possessive, as an adjective, or left out when the story
  says it elsewhere ("North Korea's Victory Day", "North Korean Victory Day", "Victory Day");
- the last word singular or plural, possessive ("local election", "the Kremlin's");
- abbreviations with or without periods ("U.N.", "UN"), "U.N."/"U.S." spelled out
  ("United Nations"), hyphen or space between parts ("Kim Jong-un", "Kim Jong Un"),
  straight or curly apostrophes, American or British spelling of "-ize" and "defense" (not of
  "Labour": Britain's party keeps its spelling);
- any case.

Words around the rendering are not its business: "U.N. Security Council resolutions" and
"Victory Day celebrations" carry the approved "the U.N. Security Council" and "Victory Day".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from transdesk.glossary.model import TermEntry

_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_PARENTHESISED = re.compile(r"\s*\(([^)]*)\)")

# a country qualifier that opens a rendering, in its three shapes: (possessive, adjective)
_COUNTRIES = (
    ("North Korea's", "North Korean"),
    ("South Korea's", "South Korean"),
    ("China's", "Chinese"),
    ("Russia's", "Russian"),
    ("Japan's", "Japanese"),
    ("Britain's", "British"),
    ("Taiwan's", "Taiwanese"),
    ("America's", "U.S."),
)
_QUALIFIER = re.compile(
    r"^(?P<q>"
    + "|".join(re.escape(form) for pair in _COUNTRIES for form in pair)
    + r")\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)

_INSTITUTION = re.compile(
    r"(?P<name>[A-Z][\w'’.]*(?: [A-Z][\w'’.]*)?) (?P<head>Ministry|Department)"
)
_SEPARATOR = r"[\s\-‐‑–]+"  # between words: space or hyphen ("inter-Korean", "Korea–U.S.")
_JOIN = r"[\s\-‐‑–]?"  # inside a hyphenated word: hyphen, space or nothing ("Jong-un", "Jong Un")
_EQUIVALENT_WORDS = {
    "u.n.": r"(?:U\.?N\.?|United\s+Nations)",
    "un": r"(?:U\.?N\.?|United\s+Nations)",
    "u.s.": r"(?:U\.?S\.?|United\s+States)",
    "us": r"(?:U\.?S\.?|United\s+States)",
}


def approved_forms(entry: TermEntry) -> tuple[str, ...]:
    """The approved renderings of `entry` in every shape listed above, longest first."""
    return _forms(entry.renderings)


@lru_cache(maxsize=4096)
def _forms(renderings: tuple[str, ...]) -> tuple[str, ...]:
    forms: list[str] = []
    for rendering in renderings:
        forms += _shapes(" ".join(rendering.split()))
    unique = dict.fromkeys(f for f in forms if f and any(c.isalnum() for c in f))
    return tuple(sorted(unique, key=len, reverse=True))


def _shapes(rendering: str) -> list[str]:
    bare = _ARTICLE.sub("", rendering)
    outside = _ARTICLE.sub("", _PARENTHESISED.sub("", bare).strip())
    inside = [_ARTICLE.sub("", part.strip()) for part in _PARENTHESISED.findall(bare)]
    shapes = [bare, outside, *inside]
    for shape in list(shapes):
        shapes += _qualifier_shapes(shape)
    for shape in list(shapes):
        shapes += _institution_shapes(shape)
    return shapes


def _institution_shapes(shape: str) -> list[str]:
    """ "Foreign Ministry" also as "Ministry of Foreign Affairs", "Defense Ministry" as "Ministry
    of (National) Defense", "Justice Department" as "Department of Justice"."""
    found = _INSTITUTION.fullmatch(shape)
    if not found:
        return []
    name, head = found.group("name"), found.group("head")
    shapes = [f"{head} of {name}", f"{head} of the {name}"]
    if head == "Ministry":
        shapes += [f"Ministry of {name} Affairs", f"Ministry of National {name}"]
    return shapes


def _qualifier_shapes(shape: str) -> list[str]:
    found = _QUALIFIER.match(shape)
    if not found:
        return []
    qualifier, rest = found.group("q").lower(), found.group("rest")
    for possessive, adjective in _COUNTRIES:
        if qualifier in (possessive.lower(), adjective.lower()):
            return [f"{possessive} {rest}", f"{adjective} {rest}", rest]
    return [rest]  # pragma: no cover - the pattern only matches listed qualifiers


@lru_cache(maxsize=8192)
def approved_pattern(form: str) -> re.Pattern[str]:
    """A tolerant, case-insensitive pattern for one approved form (see the module docstring)."""
    words = form.split()
    parts = [_word(word, last=index == len(words) - 1) for index, word in enumerate(words)]
    return re.compile(
        r"(?<![A-Za-z0-9])" + _SEPARATOR.join(parts) + r"(?![A-Za-z0-9])", re.IGNORECASE
    )


def _word(word: str, *, last: bool) -> str:
    pieces = [piece for piece in re.split(r"[\-‐‑–]", word) if piece] or [word]
    return _JOIN.join(
        _piece(piece, last=last and index == len(pieces) - 1) for index, piece in enumerate(pieces)
    )


def _piece(piece: str, *, last: bool) -> str:
    """One word, or one part of a hyphenated word ("Korea", "U.S." in "South Korea-U.S.")."""
    equivalent = _EQUIVALENT_WORDS.get(piece.lower())
    if equivalent:
        return equivalent + (r"(?:['’]s?)?" if last else "")
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}", piece) or re.fullmatch(r"[A-Z]{2,6}", piece):
        body = "".join(re.escape(letter) + r"\.?" for letter in piece.replace(".", ""))
        return body + (r"(?:s|['’]s?)?" if last else "")
    if piece.endswith(".") and piece[:-1].isalpha():  # "Sept.", "Gen."
        return re.escape(piece[:-1]) + r"\.?"
    body = _spelling(piece)
    return _inflected(body) if last and piece[-1:].isalpha() else body


def _spelling(piece: str) -> str:
    text = re.escape(piece)
    text = re.sub(r"['’]", "['’]?", text)
    text = re.sub(r"(?i)iz(?=e|ation|ing)", "i[sz]", text)
    text = re.sub(r"(?i)defen[cs]e", "defen[cs]e", text)
    return text


def _inflected(body: str) -> str:
    """The last word singular or plural, and possessive."""
    if body.endswith("y") and not body.endswith(("ay", "ey", "oy", "uy")):
        body = body[:-1] + "(?:y|ies)"
    elif body.endswith("s") and not body.endswith("ss"):
        body = body[:-1] + "s?"
    else:
        body += "(?:s|es)?"
    return body + r"(?:['’]s?)?"


def approved_spans(text: str, entry: TermEntry) -> list[tuple[int, int]]:
    """Where `text` carries an approved rendering of `entry` (overlapping spans merged)."""
    spans = [
        m.span() for form in approved_forms(entry) for m in approved_pattern(form).finditer(text)
    ]
    return merge_spans(spans)


def carries(text: str, entry: TermEntry) -> bool:
    return any(approved_pattern(form).search(text) for form in approved_forms(entry))


def is_approved_shape(phrase: str, entry: TermEntry) -> bool:
    """True when `phrase` as a whole is one of the approved shapes ("Yoon Suk-yeol" is the
    approved "Yoon Suk Yeol" hyphenated): such a phrase can never be a forbidden rendering."""
    phrase = " ".join(phrase.split())
    return any(approved_pattern(form).fullmatch(phrase) for form in approved_forms(entry))


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
