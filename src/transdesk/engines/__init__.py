"""Translation engines behind one interface, found by name."""

from transdesk.engines.base import (
    ArticleContext,
    Engine,
    EngineKind,
    Hypothesis,
    MemoryExample,
    SegmentRequest,
    TermHint,
)
from transdesk.engines.registry import create_engine, known_engines, register

__all__ = [
    "ArticleContext",
    "Engine",
    "EngineKind",
    "Hypothesis",
    "MemoryExample",
    "SegmentRequest",
    "TermHint",
    "create_engine",
    "known_engines",
    "register",
]
