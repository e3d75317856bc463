"""Translation memory: approved sentence pairs, exact and fuzzy lookup, TMX in and out."""

from transdesk.memory.model import (
    ImportProblem,
    ImportReport,
    MemoryMatch,
    MemoryPair,
    MemoryStats,
    Origin,
)
from transdesk.memory.normalise import normalise, source_hash
from transdesk.memory.store import TranslationMemory

__all__ = [
    "ImportProblem",
    "ImportReport",
    "MemoryMatch",
    "MemoryPair",
    "MemoryStats",
    "Origin",
    "TranslationMemory",
    "normalise",
    "source_hash",
]
