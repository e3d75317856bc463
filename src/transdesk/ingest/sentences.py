"""Korean sentence splitting with kiwipiepy, with the newsroom's exceptions.

Kiwi splits well on its own; on top of it we re-join what must stay one sentence in news copy:
a split inside quoted speech or inside parentheses ("(현지시간)"), and a split after an ellipsis
that does not close a sentence ("그는… 말했다").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transdesk.korean import kiwi, kiwi_lock

_QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "(": ")", "（": "）", "[": "]"}
_ELLIPSIS_END = re.compile(r"(\.\.\.|…|⋯)\s*$")
_FINAL_ENDING = re.compile(r"(다|요|까|죠|네|지|라|자|오)[\"”’'」』)]*\s*(\.\.\.|…|⋯)\s*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Split Korean text into sentences with their character offsets in `text`."""
    if not text.strip():
        return []
    with kiwi_lock:
        raw = [(s.start, s.end) for s in kiwi().split_into_sents(text)]
    spans = _rejoin(text, raw)
    return [Sentence(text[a:b], a, b) for a, b in spans if text[a:b].strip()]


def _rejoin(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and _must_continue(text[merged[-1][0] : merged[-1][1]]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return [_trim(text, a, b) for a, b in merged]


def _must_continue(sentence: str) -> bool:
    """True when `sentence` cannot end where Kiwi ended it."""
    if _open_brackets(sentence):
        return True
    if sentence.count('"') % 2 == 1:  # inside straight-quoted speech
        return True
    return bool(_ELLIPSIS_END.search(sentence)) and not _FINAL_ENDING.search(sentence)


def _open_brackets(sentence: str) -> bool:
    return any(sentence.count(o) > sentence.count(c) for o, c in _QUOTE_PAIRS.items())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
