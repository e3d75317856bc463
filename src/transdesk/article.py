"""The article types every stage shares: Article, Block, Segment, Dateline, and their translations.

An article is an ordered tuple of blocks (headline, subheadline, captions, paragraphs); every block is
split into sentence segments that remember where they sit (block index, sentence index, character
span), so a translation can be put back together in the same shape and every sentence accounted for.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo


class BlockKind(enum.StrEnum):
    HEADLINE = "headline"
    SUBHEADLINE = "subheadline"
    CAPTION = "caption"
    PARAGRAPH = "paragraph"


@dataclass(frozen=True, slots=True)
class Dateline:
    """When the article was published: the reference point for "2일", "지난달 31일", "지난해"."""

    date: dt.date
    timezone: str = "Asia/Seoul"
    time: dt.time | None = None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def isoformat(self) -> str:
        if self.time is None:
            return self.date.isoformat()
        return dt.datetime.combine(self.date, self.time, self.zone).isoformat()


@dataclass(frozen=True, slots=True)
class Segment:
    """One source sentence, with its place in the article.

    `id` is stable and readable ("b2.s0": block 2, sentence 0); `start`/`end` are character
    offsets of the sentence inside its block's text.
    """

    id: str
    block_index: int
    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    index: int
    kind: BlockKind
    text: str
    segments: tuple[Segment, ...]
    image: str | None = None  # the photo a caption describes


@dataclass(frozen=True, slots=True)
class Article:
    """A Korean news article as the desk receives it."""

    slug: str
    blocks: tuple[Block, ...]
    dateline: Dateline
    byline: str | None = None
    source: str | None = None  # credit line, e.g. "뉴스1"
    language: str = "ko"

    @property
    def headline(self) -> Block | None:
        """The headline block, or None: wire copy may open with a photo caption instead."""
        return next((b for b in self.blocks if b.kind is BlockKind.HEADLINE), None)

    def segments(self) -> Iterator[Segment]:
        for block in self.blocks:
            yield from block.segments

    def segment(self, segment_id: str) -> Segment:
        for segment in self.segments():
            if segment.id == segment_id:
                return segment
        raise KeyError(segment_id)


class _Ranked(enum.StrEnum):
    """A StrEnum ordered by declaration, from the mildest member to the strictest.

    Members equal their strings ("publish", "major"), so stored rows and templates read them
    as they always have; comparisons follow the ranking, not the alphabet.
    """

    @property
    def rank(self) -> int:
        return list(type(self)).index(self)

    def _other(self, other: object) -> _Ranked:
        if isinstance(other, str):
            return type(self)(other)
        return NotImplemented

    def __lt__(self, other: object) -> bool:
        return self.rank < self._other(other).rank

    def __le__(self, other: object) -> bool:
        return self.rank <= self._other(other).rank

    def __gt__(self, other: object) -> bool:
        return self.rank > self._other(other).rank

    def __ge__(self, other: object) -> bool:
        return self.rank >= self._other(other).rank


class Severity(_Ranked):
    """How serious a finding is, mildest first."""

    INFO = "info"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"


class Decision(_Ranked):
    """The gate's decision on a sentence or an article, mildest first."""

    PUBLISH = "publish"
    REVIEW = "review"
    BLOCK = "block"


def stricter(a: Decision | str | None, b: Decision | str | None) -> Decision | None:
    """The stricter of two decisions; no decision yet (None) is milder than any."""
    if a is None or b is None:
        chosen = a if b is None else b
        return None if chosen is None else Decision(chosen)
    return max(Decision(a), Decision(b))


class SegmentStatus(enum.StrEnum):
    TRANSLATED = "translated"  # produced by the engine
    FROM_MEMORY = "from_memory"  # exact translation-memory match, engine skipped
    UNTRANSLATED = "untranslated"  # nothing could translate it (e.g. memory engine, no match)
    FAILED = "failed"  # the engine was asked and gave no usable answer


@dataclass(frozen=True, slots=True)
class Finding:
    """Something a check or a stage noticed about one segment."""

    check: str
    kind: str
    severity: Severity
    message: str
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class SegmentTranslation:
    segment: Segment
    text: str | None
    status: SegmentStatus
    origin: str  # engine name, or "memory"
    score: float | None = None
    applied: tuple[str, ...] = ()  # what the pipeline did: "memory:exact", "term:크렘린궁", ...
    findings: tuple[Finding, ...] = ()
    decision: Decision | None = None  # the gate's decision on this sentence
    error: str | None = None


@dataclass(frozen=True, slots=True)
class TranslatedArticle:
    source: Article
    segments: tuple[SegmentTranslation, ...]
    signature: dict[str, object]
    decision: Decision | None = None
    notes: tuple[str, ...] = field(default=())

    def for_block(self, block_index: int) -> tuple[SegmentTranslation, ...]:
        return tuple(s for s in self.segments if s.segment.block_index == block_index)

    def block_text(self, block_index: int) -> str:
        """The English text of one block, sentences joined by a space (failed ones left out)."""
        parts = [s.text for s in self.for_block(block_index) if s.text]
        return " ".join(parts)

    @property
    def failed(self) -> tuple[SegmentTranslation, ...]:
        return tuple(
            s
            for s in self.segments
            if s.status in (SegmentStatus.FAILED, SegmentStatus.UNTRANSLATED)
        )
