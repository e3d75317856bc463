"""What every reader (Markdown, JSON, HTML) produces before sentences are split: plain blocks."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from transdesk.article import Article, Block, BlockKind, Dateline, Segment
from transdesk.errors import InvalidArticle
from transdesk.ingest.sentences import split_sentences

HANGUL = re.compile(r"[\uac00-\ud7a3]")
_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")


@dataclass
class RawBlock:
    kind: BlockKind
    text: str
    image: str | None = None


@dataclass
class RawArticle:
    blocks: list[RawBlock] = field(default_factory=list)
    date: dt.date | None = None
    time: dt.time | None = None
    timezone: str = "Asia/Seoul"
    byline: str | None = None
    source: str | None = None
    slug: str | None = None


def build_article(raw: RawArticle, *, fallback_slug: str | None = None) -> Article:
    """Validate the raw blocks, split them into sentences and freeze them into an `Article`."""
    blocks = [b for b in raw.blocks if b.text.strip()]
    if not any(b.kind is BlockKind.HEADLINE for b in blocks):
        raise InvalidArticle(
            "the article has no headline",
            hint="start a Markdown article with '# headline', or give 'headline' in JSON",
        )
    if not any(HANGUL.search(b.text) for b in blocks):
        raise InvalidArticle(
            "the article has no Korean text",
            hint="transdesk translates Korean news into English; check the file and its encoding",
        )
    if raw.date is None:
        raise InvalidArticle(
            "the article has no publication date",
            hint="add 'date: 2025-09-02' to the front matter (or 'date' in JSON): "
            "relative dates such as '2일' are resolved against it",
        )
    frozen = tuple(_freeze(i, b) for i, b in enumerate(_headline_first(blocks)))
    return Article(
        slug=raw.slug or fallback_slug or _slug_from(frozen[0].text, raw.date),
        blocks=frozen,
        dateline=Dateline(raw.date, raw.timezone, raw.time),
        byline=raw.byline,
        source=raw.source,
    )


def _headline_first(blocks: list[RawBlock]) -> list[RawBlock]:
    headline = next(b for b in blocks if b.kind is BlockKind.HEADLINE)
    return [headline, *(b for b in blocks if b is not headline)]


def _freeze(index: int, raw: RawBlock) -> Block:
    text = unicodedata.normalize("NFC", raw.text.strip())
    segments = tuple(
        Segment(f"b{index}.s{n}", index, n, s.text, s.start, s.end)
        for n, s in enumerate(split_sentences(text))
    )
    return Block(index, raw.kind, text, segments, raw.image)


def _slug_from(headline: str, date: dt.date) -> str:
    digest = hashlib.sha256(headline.encode()).hexdigest()[:8]
    return f"{date.isoformat()}-{digest}"


def slugify(name: str) -> str:
    slug = _SLUG_UNSAFE.sub("-", name.lower()).strip("-")
    return slug[:80] or "article"


def parse_date(value: object, where: str) -> tuple[dt.date, dt.time | None]:
    """Accept a date, a datetime, or an ISO string ('2025-09-02', '2025-09-02T14:30')."""
    if isinstance(value, dt.datetime):
        return value.date(), value.time()
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise InvalidArticle(
                f"{where}: {value!r} is not a date", hint="write dates as YYYY-MM-DD"
            ) from None
        has_time = "T" in value or " " in value.strip()
        return parsed.date(), (parsed.time() if has_time else None)
    raise InvalidArticle(f"{where}: expected a date, got {type(value).__name__}")
