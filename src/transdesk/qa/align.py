"""Align a translation produced elsewhere with its Korean article, sentence by sentence.

Paragraphs are paired in order when both sides have as many; otherwise the whole article is
aligned at once. Within that, a dynamic programme over sentence lengths (after Gale and Church),
helped by the numbers both sides share, allows one Korean sentence to become two English ones and
the reverse, and leaves a sentence unpaired when nothing fits it. When too much is unpaired the
alignment says so.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from transdesk.article import Article, Segment
from transdesk.qa.checks.omission import visible_length
from transdesk.qa.english import split_english, split_paragraphs
from transdesk.qa.quantities import english_quantities, korean_quantities

# (Korean sentences, English sentences) a bead may hold, and what it costs beyond a plain 1–1
_BEADS = {
    (1, 1): 0.0,
    (1, 2): 0.9,
    (2, 1): 0.9,
    (1, 3): 2.0,
    (3, 1): 2.0,
    (2, 2): 2.0,
    (1, 0): 2.8,
    (0, 1): 2.8,
}
_EXPECTED_RATIO = 2.2  # English/Korean characters in human news translation (dev corpus median)
_UNALIGNED_SHARE_LIMIT = 0.34
_MEAN_COST_LIMIT = 2.5  # beyond this the sentences do not fit their pairs: not this article


@dataclass(frozen=True)
class AlignedPair:
    """Korean sentences (one or more, or none) and the English sentences that render them."""

    segments: tuple[Segment, ...]
    english: tuple[str, ...]
    block_index: int | None = None

    @property
    def source(self) -> str:
        return " ".join(s.text for s in self.segments)

    @property
    def target(self) -> str:
        return " ".join(self.english)

    @property
    def label(self) -> str:
        return "+".join(s.id for s in self.segments) or "(extra)"


@dataclass(frozen=True)
class Alignment:
    pairs: tuple[AlignedPair, ...]
    notes: tuple[str, ...]
    reliable: bool

    @property
    def unaligned_share(self) -> float:
        odd = sum(1 for p in self.pairs if not p.segments or not p.english)
        return odd / max(1, len(self.pairs))


@functools.lru_cache(maxsize=4096)
def _numbers(text: str, korean: bool) -> frozenset[float]:
    found = korean_quantities(text) if korean else english_quantities(text)
    return frozenset(q.value for q in found if not q.spelled)


def _cost(korean: Sequence[str], english: Sequence[str]) -> float:
    bead = _BEADS[(len(korean), len(english))]
    if not korean or not english:
        return bead
    ko_text, en_text = " ".join(korean), " ".join(english)
    ko_len, en_len = max(1, visible_length(ko_text)), max(1, visible_length(en_text))
    cost = bead + 2.5 * abs(math.log(en_len / (ko_len * _EXPECTED_RATIO)))
    ko_numbers, en_numbers = _numbers(ko_text, True), _numbers(en_text, False)
    if ko_numbers or en_numbers:
        shared = len(ko_numbers & en_numbers) / len(ko_numbers | en_numbers)
        cost += 0.8 * (0.5 - shared)
    return cost


def align_sentences(korean: Sequence[str], english: Sequence[str]) -> list[tuple[range, range]]:
    """The best sequence of beads: (Korean indices, English indices) per bead."""
    n, m = len(korean), len(english)
    best = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == math.inf:
                continue
            for di, dj in _BEADS:
                if i + di > n or j + dj > m:
                    continue
                cost = best[i][j] + _cost(korean[i : i + di], english[j : j + dj])
                if cost < best[i + di][j + dj]:
                    best[i + di][j + dj] = cost
                    back[i + di][j + dj] = (di, dj)
    beads, i, j = [], n, m
    while i or j:
        di, dj = back[i][j]  # type: ignore[misc]
        beads.append((range(i - di, i), range(j - dj, j)))
        i, j = i - di, j - dj
    return beads[::-1]


def _align_block(
    segments: Sequence[Segment], english: Sequence[str], block_index: int | None
) -> list[AlignedPair]:
    beads = align_sentences([s.text for s in segments], english)
    return [
        AlignedPair(tuple(segments[k] for k in ko), tuple(english[k] for k in en), block_index)
        for ko, en in beads
    ]


def align_translation(article: Article, translation: str, max_sentences: int = 600) -> Alignment:
    """Pair every Korean sentence of `article` with the English of `translation`."""
    paragraphs = split_paragraphs(translation)
    blocks = [b for b in article.blocks if b.segments]
    notes: list[str] = []
    if len(paragraphs) == len(blocks):
        pairs = []
        for block, paragraph in zip(blocks, paragraphs, strict=True):
            pairs += _align_block(block.segments, split_english(paragraph), block.index)
    else:
        notes.append(
            f"the translation has {len(paragraphs)} paragraphs for {len(blocks)} "
            "Korean blocks: aligned sentence by sentence across the article"
        )
        english = [s for p in paragraphs for s in split_english(p)]
        segments = list(article.segments())
        if len(english) > max_sentences or len(segments) > max_sentences:
            notes.append(
                f"too long to align ({len(segments)} Korean and {len(english)} English sentences)"
            )
            return Alignment((), tuple(notes), reliable=False)
        pairs = _align_block(segments, english, None)
    alignment = Alignment(tuple(pairs), tuple(notes), reliable=True)
    mean_cost = sum(_cost([s.text for s in p.segments], p.english) for p in pairs) / max(
        1, len(pairs)
    )
    if alignment.unaligned_share > _UNALIGNED_SHARE_LIMIT or mean_cost > _MEAN_COST_LIMIT:
        notes.append(
            f"could not align {alignment.unaligned_share:.0%} of the sentences: the "
            "translation may not be of this article, or may be incomplete"
        )
        return Alignment(tuple(pairs), tuple(notes), reliable=False)
    return alignment
