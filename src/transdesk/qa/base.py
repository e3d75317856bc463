"""What every check shares: the pair it looks at (`CheckContext`) and the `Check` shape.

A check compares one source sentence with its translation, in the article's context (dateline,
termbase, the kind of block), and returns `Finding`s: a kind, a severity, the spans in both texts
and a message an editor understands. The checks are named in `transdesk.qa.registry`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from collections.abc import Iterable
from typing import Protocol, TypeVar

from transdesk.article import Finding, Severity
from transdesk.glossary.model import TermMatch


class TermLookup(Protocol):
    """The one thing the checks need from a termbase."""

    def match(self, korean_text: str) -> list[TermMatch]: ...


class TermSource(Protocol):
    """Where the quality stage gets the termbase for the article in hand (the desk's store)."""

    def current(self) -> TermLookup: ...


@dataclass(frozen=True)
class CheckContext:
    """One source sentence and its translation, with what the checks may need around them."""

    source: str
    target: str
    dateline: dt.date | None = None
    termbase: TermLookup | None = None
    block_kind: str | None = None  # "headline", "caption", ... (None: unknown)
    segment_id: str | None = None
    calibration: dict[str, object] = field(default_factory=dict)

    @property
    def is_headline(self) -> bool:
        return self.block_kind in ("headline", "subheadline")


class Check(Protocol):
    name: str
    description: str

    def run(self, context: CheckContext) -> list[Finding]: ...


def finding(
    check: str, kind: str, severity: Severity | str, message: str, **kw: object
) -> Finding:
    return Finding(check=check, kind=kind, severity=Severity(severity), message=message, **kw)


class _Placed(Protocol):
    @property
    def start(self) -> int: ...


_P = TypeVar("_P", bound=_Placed)


def in_the_same_place(
    items: Iterable[_P], place: int, source_length: int, target_length: int
) -> _P | None:
    """Of the English `items`, the one as far into its sentence (`target_length`) as `place` is
    into the Korean (`source_length`): the English word or figure that tells what the Korean
    says there, where there are several of its kind."""
    share = place / max(source_length, 1)

    def distance(item: _P) -> float:
        return abs(item.start / max(target_length, 1) - share)

    return min(items, key=distance, default=None)
