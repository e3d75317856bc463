"""What every reader (Markdown, JSON, HTML) produces before sentences are split: plain blocks."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from transdesk.article import Article, Block, BlockKind, Dateline, Segment
from transdesk.errors import InvalidArticle
from transdesk.ingest.sentences import split_sentences

HANGUL = re.compile(r"[\uac00-\ud7a3]")
_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")
# the one rule for an article's slug, whatever it came from (front matter, JSON, the API, a file
# name): it is a URL path segment and part of the feedback link
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,79}$"
_SLUG = re.compile(SLUG_PATTERN)


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
    """Validate the raw blocks, split them into sentences and freeze them into an `Article`.

    A headline is not required: wire copy often arrives as a photo caption and paragraphs, and
    is read as it stands (no headline block). When there is a headline it comes first. An
    article with no text at all, or no Korean, is refused.
    """
    blocks = [b for b in raw.blocks if b.text.strip()]
    if not blocks:
        raise InvalidArticle(
            "the article has no text: no headline, photo caption or paragraph",
            hint="write the Korean article below the front matter ('# headline' is optional)",
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
    check_timezone(raw.timezone)
    slug = check_slug(raw.slug) if raw.slug else None
    frozen = tuple(_freeze(i, b) for i, b in enumerate(_headline_first(blocks)))
    return Article(
        slug=slug or fallback_slug or _slug_from(frozen[0].text, raw.date),
        blocks=frozen,
        dateline=Dateline(raw.date, raw.timezone, raw.time),
        byline=raw.byline,
        source=raw.source,
    )


def _headline_first(blocks: list[RawBlock]) -> list[RawBlock]:
    """The blocks with the headline, if there is one, moved to the front."""
    headline = next((b for b in blocks if b.kind is BlockKind.HEADLINE), None)
    if headline is None:
        return blocks
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


def check_slug(slug: str) -> str:
    """The slug itself when it follows the slug rule; otherwise `InvalidArticle` naming a fix."""
    if _SLUG.match(slug):
        return slug
    shown = slug if len(slug) <= 60 else slug[:57] + "..."
    raise InvalidArticle(
        f"the slug {shown!r} is not allowed: a slug is 1 to 80 lowercase letters, digits and "
        "hyphens, starting with a letter or digit",
        hint=f"use 'slug: {slugify(slug)}', or leave the slug out to have one made",
    )


def check_timezone(name: str) -> str:
    """The IANA time zone name itself when it is known here; otherwise `InvalidArticle`."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        shown = name if len(name) <= 60 else name[:57] + "..."
        raise InvalidArticle(
            f"the time zone {shown!r} is not a known IANA time zone",
            hint="write it as an IANA name such as 'Asia/Seoul' or 'UTC'",
        ) from None
    return name


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
