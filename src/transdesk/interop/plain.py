"""Plain texts through the desk's pipeline: memory, termbase, engine, date style, checks.

Each text becomes one paragraph of a small article dated today (in the newsroom's time zone), so
every stage sees sentences exactly as it sees them in an article; lines are kept as they were
sent. A sentence the engine could not translate, or one the checks block, fails the whole
request: the desk never hands out Korean as English, nor English it would not publish.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from transdesk.article import (
    Article,
    Block,
    BlockKind,
    Dateline,
    Decision,
    Segment,
    SegmentStatus,
    TranslatedArticle,
)
from transdesk.errors import EngineError
from transdesk.ingest.sentences import split_sentences
from transdesk.pipeline import Pipeline
from transdesk.settings import Settings

log = logging.getLogger(__name__)
SLUG = "plain-text"
_LINE_BREAKS = re.compile(r"(\s*\n\s*)")
DEFAULT_ZONE = "Asia/Seoul"


class Untranslatable(EngineError):
    """A sentence of the text got no English the desk would stand behind."""

    code = "untranslatable"


@dataclass(frozen=True, slots=True)
class _Piece:
    """One line of one text: its Korean (None for the whitespace between lines)."""

    text: str
    block: int | None


def _pieces(texts: Sequence[str]) -> list[list[_Piece]]:
    """Each text cut at its line breaks; lines that hold words become numbered blocks."""
    numbered: list[list[_Piece]] = []
    block = 1  # block 0 is the article's (empty) headline
    for text in texts:
        pieces = []
        for part in _LINE_BREAKS.split(text):
            if part.strip():
                pieces.append(_Piece(part, block))
                block += 1
            elif part:
                pieces.append(_Piece(part, None))
        numbered.append(pieces)
    return numbered


def _article(lines: list[_Piece], today: dt.date, zone: str) -> Article:
    blocks = [Block(0, BlockKind.HEADLINE, "", ())]
    for piece in lines:
        assert piece.block is not None
        segments = tuple(
            Segment(f"b{piece.block}.s{i}", piece.block, i, s.text, s.start, s.end)
            for i, s in enumerate(split_sentences(piece.text))
        )
        blocks.append(Block(piece.block, BlockKind.PARAGRAPH, piece.text, segments))
    return Article(slug=SLUG, blocks=tuple(blocks), dateline=Dateline(today, zone))


def _check(translated: TranslatedArticle) -> None:
    for sentence in translated.segments:
        missing = sentence.status in (SegmentStatus.FAILED, SegmentStatus.UNTRANSLATED)
        if missing or not sentence.text:
            raise Untranslatable(
                f"no English for {sentence.segment.text!r}"
                + (f": {sentence.error}" if sentence.error else "")
            )
        if sentence.decision is Decision.BLOCK:
            found = "; ".join(f.message for f in sentence.findings) or "blocked by the checks"
            raise Untranslatable(f"the checks held back {sentence.segment.text!r}: {found}")


def _english_of(piece: _Piece, translated: TranslatedArticle) -> str:
    if piece.block is None:
        return piece.text
    lead = piece.text[: len(piece.text) - len(piece.text.lstrip())]
    trail = piece.text[len(piece.text.rstrip()) :]
    return lead + translated.block_text(piece.block) + trail


class PlainTranslator:
    """Translates plain texts with one pipeline, built on first use and kept for the next."""

    def __init__(self, settings: Settings, factory: Callable[[Settings], Pipeline]) -> None:
        self.settings = settings
        self._factory = factory
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()  # one text at a time through one engine

    def _today(self) -> tuple[dt.date, str]:
        zone = self.settings.newsroom_timezone or DEFAULT_ZONE
        return dt.datetime.now(ZoneInfo(zone)).date(), zone

    def translate(self, texts: Sequence[str]) -> list[str]:
        """The English of every text, in order; raises Untranslatable when a sentence has none."""
        numbered = _pieces(texts)
        lines = [piece for pieces in numbered for piece in pieces if piece.block is not None]
        if not lines:
            return list(texts)
        today, zone = self._today()
        article = _article(lines, today, zone)
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self._factory(self.settings)
            translated = self._pipeline.translate(article)
        _check(translated)
        log.info("translated %d texts, %d sentences", len(texts), len(translated.segments))
        return ["".join(_english_of(p, translated) for p in pieces) for pieces in numbered]

    def close(self) -> None:
        with self._lock:
            if self._pipeline is not None:
                self._pipeline.close()
                self._pipeline = None
