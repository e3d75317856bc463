"""What every check shares: the pair it looks at (`CheckContext`), the `Check` shape, the registry.

A check compares one source sentence with its translation, in the article's context (dateline,
termbase, the kind of block), and returns `Finding`s: a kind, a severity, the spans in both texts
and a message an editor understands. Checks register themselves by a stable name; the registry's
miss lists every name it knows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from transdesk.article import Finding
from transdesk.errors import ConfigurationError
from transdesk.glossary.model import TermMatch

SEVERITIES = ("info", "minor", "major", "critical")


class TermLookup(Protocol):
    """The one thing the checks need from a termbase."""

    def match(self, korean_text: str) -> list[TermMatch]: ...


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


_REGISTRY: dict[str, Callable[[], Check]] = {}


def register(factory: Callable[[], Check]) -> Callable[[], Check]:
    """Class decorator: make a check available under its `name`."""
    name = factory.name  # type: ignore[attr-defined]
    _REGISTRY[name] = factory
    return factory


def check_names() -> list[str]:
    _load_builtin_checks()
    return list(_REGISTRY)


def create_checks(names: list[str] | None = None) -> list[Check]:
    """Instances of the named checks (all of them by default), in registry order."""
    _load_builtin_checks()
    if names is None:
        return [factory() for factory in _REGISTRY.values()]
    unknown = [n for n in names if n not in _REGISTRY]
    if unknown:
        raise ConfigurationError(
            f"unknown check(s): {', '.join(unknown)}",
            hint=f"known checks: {', '.join(_REGISTRY)}",
        )
    return [_REGISTRY[n]() for n in names]


def _load_builtin_checks() -> None:
    from transdesk.qa import checks  # noqa: F401  (importing registers them)


def finding(check: str, kind: str, severity: str, message: str, **kw: object) -> Finding:
    assert severity in SEVERITIES, severity
    return Finding(check=check, kind=kind, severity=severity, message=message, **kw)
