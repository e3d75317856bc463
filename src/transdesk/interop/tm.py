"""Memory lookups for translation-memory clients: approved pairs with a 0–100 quality.

The quality is the memory's own score (1.0 for an exact match, the fuzzy similarity otherwise)
on a scale of 100, so a client's threshold means what the desk's fuzzy threshold means.
"""

from __future__ import annotations

from dataclasses import dataclass

from transdesk.memory import TranslationMemory


@dataclass(frozen=True, slots=True)
class TmUnit:
    source: str
    target: str
    quality: int


def quality(score: float) -> int:
    return max(0, min(100, round(score * 100)))


def lookup_units(memory: TranslationMemory, text: str, *, limit: int = 10) -> list[TmUnit]:
    """The exact match first, then similar approved sentences, best first."""
    if not text.strip():
        return []
    return [
        TmUnit(match.source, match.target, quality(match.score))
        for match in memory.lookup(text, limit=limit)
    ]
