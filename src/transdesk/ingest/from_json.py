"""JSON articles. The schema (also printed by `transdesk translate --help`):

{
  "headline": "크렘린궁 ...",              optional (wire copy may start with a caption)
  "subheadline": "...",                    optional
  "date": "2025-09-02" | "2025-09-02T14:30",  required
  "timezone": "Asia/Seoul",               optional, IANA name
  "byline": "김예슬 기자", "source": "뉴스1", "slug": "putin-kim-beijing",  optional
  "blocks": [                              required, in reading order
    {"type": "caption", "text": "...", "image": "putin-kim.jpg"},
    {"type": "paragraph", "text": "..."}
  ]
}
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from transdesk.article import BlockKind
from transdesk.errors import InvalidArticle
from transdesk.ingest.raw import SLUG_PATTERN, RawArticle, RawBlock, parse_date

MAX_DEPTH = 32  # an article nests three levels deep; more is a mistake or an attack
_SIGNIFICANT = re.compile(r'[\[\]{}"\\]')  # what matters for nesting: brackets, quotes, escapes


class JsonBlock(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["caption", "paragraph", "subheadline"]
    text: str = Field(min_length=1)
    image: str | None = None


class JsonArticle(BaseModel):
    model_config = ConfigDict(extra="forbid")
    headline: str | None = Field(default=None, min_length=1)
    subheadline: str | None = None
    date: dt.date | dt.datetime | str
    timezone: str = "Asia/Seoul"
    byline: str | None = None
    source: str | None = None
    slug: str | None = Field(default=None, pattern=SLUG_PATTERN)
    blocks: list[JsonBlock] = Field(min_length=1)


def read_json(text: str) -> RawArticle:
    check_json_depth(text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidArticle(
            f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    try:
        article = JsonArticle.model_validate(data)
    except ValidationError as error:
        raise InvalidArticle(
            "the JSON does not have the shape of an article: " + _describe(error),
            hint="see the schema in `transdesk translate --help` or the README",
        ) from None
    return from_model(article)


def check_json_depth(text: str) -> None:
    """Refuse JSON nested deeper than MAX_DEPTH before parsing it (the parser and the validation
    recurse, and 100,000 levels exhaust the stack)."""
    depth = 0
    in_string = False
    escaped_at = -1  # the position of a character a backslash escapes
    for match in _SIGNIFICANT.finditer(text):
        char, position = match.group(), match.start()
        if in_string:
            if position == escaped_at:
                continue
            if char == "\\":
                escaped_at = position + 1
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise InvalidArticle(
                    f"the JSON is nested more than {MAX_DEPTH} levels deep",
                    hint="an article is an object with a list of block objects; "
                    "see the schema in `transdesk translate --help`",
                )
        elif char in "]}":
            depth -= 1


def from_model(article: JsonArticle) -> RawArticle:
    date, time = parse_date(article.date, "'date'")
    raw = RawArticle(
        date=date,
        time=time,
        timezone=article.timezone,
        byline=article.byline,
        source=article.source,
        slug=article.slug,
    )
    if article.headline:
        raw.blocks.append(RawBlock(BlockKind.HEADLINE, article.headline))
    if article.subheadline:
        raw.blocks.append(RawBlock(BlockKind.SUBHEADLINE, article.subheadline))
    for block in article.blocks:
        raw.blocks.append(RawBlock(BlockKind(block.type), block.text, block.image))
    return raw


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(p) for p in item["loc"]) or "(top level)"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)
