"""Which rendering each term occurrence gets: first reference, later reference, headline.

News style names a person or body in full the first time the story mentions it ("North Korean
leader Kim Jong-un") and briefly after ("Kim"). Headlines are written short, and a photo caption
stands on its own, so it always gets the full form.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from transdesk.article import BlockKind, Segment
from transdesk.glossary.matcher import Termbase
from transdesk.glossary.model import TermEntry, TermMatch

_SHORT_BLOCKS = (BlockKind.HEADLINE, BlockKind.SUBHEADLINE)


@dataclass(frozen=True, slots=True)
class PlannedTerm:
    """One term occurrence in one segment, the rendering it must get, and its placeholder."""

    match: TermMatch
    rendering: str
    index: int  # position among the segment's terms: the placeholder is ⟦T{index}⟧

    @property
    def entry(self) -> TermEntry:
        return self.match.entry

    @property
    def token(self) -> str:
        return placeholder_token(self.index)

    @property
    def later(self) -> str:
        """What a further mention of the same entry in this sentence should read."""
        return self.entry.later or self.entry.target


def placeholder_token(index: int) -> str:
    return f"⟦T{index}⟧"


def plan_article(
    termbase: Termbase, segments: Iterable[tuple[Segment, BlockKind]]
) -> list[list[PlannedTerm]]:
    """One list of planned terms per segment, in article order."""
    seen: set[int] = set()
    plans: list[list[PlannedTerm]] = []
    for segment, block_kind in segments:
        planned = []
        for index, match in enumerate(termbase.match(segment.text)):
            entry = match.entry
            key = id(entry)
            if block_kind in _SHORT_BLOCKS:
                rendering = entry.later or entry.target
            elif block_kind is BlockKind.CAPTION or key not in seen:
                rendering = entry.target
            else:
                rendering = entry.later or entry.target
            if block_kind is BlockKind.PARAGRAPH:
                seen.add(key)
            planned.append(PlannedTerm(match, rendering, index))
        plans.append(planned)
    return plans


def renderings_in_order(planned: Sequence[PlannedTerm], entry: TermEntry) -> list[str]:
    """The renderings the segment's mentions of `entry` get, in source order."""
    return [p.rendering for p in planned if p.entry is entry]
