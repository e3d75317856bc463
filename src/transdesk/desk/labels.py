"""Sentence labels as an editor reads them: "headline", "paragraph 3, sentence 2", "caption 1".

Internal ids ("b2.s1") stay in forms and links; people see these labels.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from transdesk.article import Article

_NUMBERED = {"paragraph", "caption", "subheadline"}


class _Sentence(Protocol):
    segment_id: str
    block_index: int
    block_kind: str


def sentence_labels(segments: Iterable[_Sentence]) -> dict[str, str]:
    """`{segment_id: label}` for an article's sentences, given in article order."""
    ordered = list(segments)
    blocks: dict[int, str] = {}
    per_block: dict[int, list[str]] = {}
    for segment in ordered:
        blocks.setdefault(segment.block_index, segment.block_kind)
        per_block.setdefault(segment.block_index, []).append(segment.segment_id)
    ordinal: dict[int, int] = {}
    seen: dict[str, int] = {}
    for index in sorted(blocks):
        kind = blocks[index]
        seen[kind] = seen.get(kind, 0) + 1
        ordinal[index] = seen[kind]
    labels = {}
    for index in sorted(blocks):
        kind, ids = blocks[index], per_block[index]
        name = f"{kind} {ordinal[index]}" if kind in _NUMBERED else kind
        for number, segment_id in enumerate(ids, start=1):
            labels[segment_id] = f"{name}, sentence {number}" if len(ids) > 1 else name
    return labels


@dataclass(frozen=True)
class _ArticleSentence:
    segment_id: str
    block_index: int
    block_kind: str


def article_labels(article: Article) -> dict[str, str]:
    """`{segment_id: label}` for an `Article` as read from a file (not yet on the desk)."""
    return sentence_labels(
        _ArticleSentence(s.id, s.block_index, article.blocks[s.block_index].kind.value)
        for s in article.segments()
    )
