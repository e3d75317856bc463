"""The one small interface every translation engine implements.

An engine takes a batch of `SegmentRequest`s (one per source sentence, with the article context the
pipeline gathered: headline, neighbouring sentences, termbase hints, memory examples) and returns one
`Hypothesis` per request, in order. A hypothesis with `text=None` is a failed segment: engines never
fill a gap with the source text. Each engine declares its `EngineCapabilities`; the stages shape the
requests by them.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from transdesk.article import Dateline


@dataclass(frozen=True, slots=True)
class EngineCapabilities:
    """What an engine can do with a request beyond its text; the stages read these.

    - `takes_term_hints`: it reads `SegmentRequest.terms` (the termbase's approved renderings).
    - `takes_examples`: it reads `SegmentRequest.examples` (similar approved translations).
    - `keeps_placeholders`: it carries placeholder tokens (⟦T0⟧) through verbatim and honours
      `suppress`, so the termbase swaps terms for placeholders before it.
    - `answers_from_memory`: it is the translation memory itself: a sentence it has no answer for
      is untranslated, not failed, and no memory stage runs in front of it.
    """

    takes_term_hints: bool = False
    takes_examples: bool = False
    keeps_placeholders: bool = False
    answers_from_memory: bool = False

    def as_dict(self) -> dict[str, bool]:
        return {
            "takes_term_hints": self.takes_term_hints,
            "takes_examples": self.takes_examples,
            "keeps_placeholders": self.keeps_placeholders,
            "answers_from_memory": self.answers_from_memory,
        }


@dataclass(frozen=True, slots=True)
class TermHint:
    """A termbase entry that applies to a segment, as an engine needs to see it."""

    source: str  # the Korean form found in the segment
    target: str  # the approved English rendering to use here
    forbidden: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True, slots=True)
class MemoryExample:
    """An approved translation of a similar sentence, offered to LLM engines as an example."""

    source: str
    target: str
    score: float


@dataclass(frozen=True, slots=True)
class ArticleContext:
    headline: str
    dateline: Dateline | None = None
    slug: str | None = None


@dataclass(frozen=True, slots=True)
class SegmentRequest:
    segment_id: str
    text: str  # what the engine must translate (may carry placeholders such as ⟦T0⟧)
    before: tuple[str, ...] = ()  # preceding source sentences, nearest last
    after: tuple[str, ...] = ()  # following source sentences
    terms: tuple[TermHint, ...] = ()
    examples: tuple[MemoryExample, ...] = ()
    suppress: tuple[str, ...] = ()  # English renderings the decoder must not produce
    placeholders: tuple[str, ...] = ()  # placeholder tokens the output must keep verbatim


@dataclass(frozen=True, slots=True)
class Hypothesis:
    segment_id: str
    text: str | None
    score: float | None = None  # engine's own confidence (log-prob per token for ct2), if any
    error: str | None = None  # why text is None
    attempts: int = 1

    @property
    def failed(self) -> bool:
        return self.text is None


ProgressCallback = Callable[[int], None]  # called with the number of segments just finished


class Engine(abc.ABC):
    """Translate batches of Korean segments into English."""

    name: str = "abstract"
    capabilities: EngineCapabilities = EngineCapabilities()

    @abc.abstractmethod
    def translate(
        self,
        requests: Sequence[SegmentRequest],
        context: ArticleContext,
        progress: ProgressCallback | None = None,
    ) -> list[Hypothesis]:
        """Return one hypothesis per request, in the same order."""

    def signature(self) -> dict[str, object]:
        """What produced the translation: engine, model and options (goes into every output)."""
        return {"engine": self.name}

    def close(self) -> None:
        """Release models, connections and threads."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
