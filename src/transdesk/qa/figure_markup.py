"""Markup that holds digits but no figure of the story, blanked out before figures are read.

An HTML entity (`&#8212;` is a dash, not the number 8212), a Markdown image or link target
(`![caption](photo-2024.jpg)`), a bare URL and a footnote mark (`[1]`, `[^2]`, `¹`) are never
figures an editor checks. `blank_markup` replaces each with spaces of the same length, so every
offset found in the blanked text is an offset in the original.
"""

from __future__ import annotations

import re

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# "![alt](target)" and "[text](target)": the target goes, the visible text stays
_LINK_TARGET = re.compile(r"(?<=\])\((?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"]*\")?\)")
_IMAGE_MARK = re.compile(r"!(?=\[)")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\]\"']+", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
# "[1]", "[^2]" written against a word or a stop, and superscript digits
_FOOTNOTE = re.compile(
    r"(?<=[^\s\[])\[\^?\d{1,3}\](?!\()|\[\^\d{1,3}\](?!\()"
    r"|(?<=[^\W\dmM])[¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?<=[.,)”\"’])[¹²³⁴⁵⁶⁷⁸⁹⁰]+"
)


_MARKS = "&[(<¹²³⁴⁵⁶⁷⁸⁹⁰"


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def blank_markup(text: str) -> str:
    """The text with entities, link and image targets, URLs, tags and footnote marks blanked."""
    if not any(mark in text for mark in _MARKS) and "www." not in text and "://" not in text:
        return text
    for pattern in (_ENTITY, _HTML_TAG, _LINK_TARGET, _URL, _IMAGE_MARK, _FOOTNOTE):
        text = pattern.sub(_blank, text)
    return text
