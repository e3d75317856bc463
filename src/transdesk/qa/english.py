"""English sentence splitting for translations produced elsewhere (rule-based, news-aware).

A sentence ends at ".", "!" or "?" (with any closing quotes or brackets) followed by space and
a capital, a digit or an opening quote — except after the abbreviations news copy is full of
("U.S.", "Sept.", "Mr.", "Corp.") and after initials ("George W. Bush").
"""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "gov",
    "sen",
    "rep",
    "st",
    "jr",
    "sr",
    "co",
    "corp",
    "inc",
    "ltd",
    "no",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "u.s",
    "u.n",
    "u.k",
    "e.u",
    "a.m",
    "p.m",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "mt",
    "ft",
    "approx",
    "dept",
    "est",
    "fig",
    "rev",
    "d.c",
    "s",
    "n.k",
    "s.k",
}
_BOUNDARY = re.compile(r"""([.!?]+["'”’)\]]*)\s+(?=["'“‘(\[]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.?$")


def _is_abbreviation(text_before: str) -> bool:
    match = _WORD_BEFORE.search(text_before)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    return word in _ABBREVIATIONS or len(word) == 1


def split_english(text: str) -> list[str]:
    """Sentences of an English paragraph, in order, stripped."""
    sentences, start = [], 0
    for match in _BOUNDARY.finditer(text):
        punct_end = match.start(1) + len(match.group(1))
        if (
            match.group(1).startswith(".")
            and len(match.group(1)) == 1
            and _is_abbreviation(text[start : match.start(1)])
        ):
            continue
        sentence = text[start:punct_end].strip()
        if sentence:
            sentences.append(sentence)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines; Markdown heading marks removed."""
    paragraphs = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [re.sub(r"^\s{0,3}#{1,6}\s+", "", line).strip() for line in chunk.split("\n")]
        paragraph = " ".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return paragraphs
