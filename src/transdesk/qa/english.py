"""English sentence splitting for translations produced elsewhere (rule-based, news-aware).

A translation arrives as plain text, Markdown or Markdown with inline HTML. The checks read what a
reader reads, so every paragraph is first reduced to its text: a photo's `![alt](photo.jpg)` is its
alt text, a link is its link text without the URL, emphasis marks and HTML tags are dropped and
entities are decoded (`&#8212;` is "—", `&amp;` is "&"). Only inline markup is read this way; block
structure (a line that starts "2025. " is not a list) is left alone.

A sentence ends at ".", "!" or "?" (with any closing quotes or brackets) followed by space and
a capital, a digit or an opening quote — except after the abbreviations news copy is full of
("U.S.", "Sept.", "Mr.", "Corp.") and after initials ("George W. Bush").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

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
    return [text[start:end] for start, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of an English paragraph lies, its surrounding spaces left out."""
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        punct_end = match.start(1) + len(match.group(1))
        if (
            match.group(1).startswith(".")
            and len(match.group(1)) == 1
            and _is_abbreviation(text[start : match.start(1)])
        ):
            continue
        spans.extend(_stripped(text, start, punct_end))
        start = match.end()
    spans.extend(_stripped(text, start, len(text)))
    return spans


def _stripped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span without its leading and trailing whitespace; none if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines, as the reader sees them: Markdown heading marks
    removed and inline markup reduced to its text (see `inline_text`)."""
    paragraphs = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [re.sub(r"^\s{0,3}#{1,6}\s+", "", line).strip() for line in chunk.split("\n")]
        paragraph = inline_text(" ".join(line for line in lines if line))
        if paragraph:
            paragraphs.append(paragraph)
    return paragraphs


# HTML elements that sit inside a run of text: dropping their tags joins nothing that was apart
_INLINE_ELEMENTS = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup "
    "time u var wbr".split()
)
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9-]*)")
_SPACES = re.compile(r"\s+")


@functools.cache
def _inline_parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


def inline_text(markup: str) -> str:
    """The text a reader sees in one line of Markdown or inline HTML.

    Images become their alt text, links their link text (the URL is not text), emphasis and code
    marks are dropped, HTML tags are dropped (a block tag such as `<br>` or `<p>` leaves a space)
    and character entities are decoded once, as CommonMark says (`&amp;amp;` reads `&amp;`).
    Text without markup comes back as it was, its runs of spaces collapsed.
    """
    if not markup.strip():
        return ""
    tokens = _inline_parser().parseInline(markup)
    text = "".join(_flatten(token.children or ()) for token in tokens)
    return _SPACES.sub(" ", text).strip()


def _flatten(children: Sequence[Token]) -> str:
    """The text of a run of inline tokens (an image's alt text included, its URL not)."""
    parts = []
    for child in children:
        if child.type == "image":
            parts.append(_flatten(child.children or ()))
        elif child.type in ("text", "code_inline", "text_special"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "html_inline":
            parts.append(_html_tag_text(child.content))
        # link_open/link_close, em/strong and strikethrough marks carry no text
    return "".join(parts)


def _html_tag_text(tag: str) -> str:
    """What an inline HTML tag leaves in the text: nothing, or a space where it breaks a line."""
    match = _TAG_NAME.match(tag)
    if match is None:  # a comment or a processing instruction
        return ""
    return "" if match.group(1).lower() in _INLINE_ELEMENTS else " "
