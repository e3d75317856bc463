"""JSON articles. The schema (also printed by `transdesk translate --help`):

{
  "headline": "크렘린궁 ...",              required
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
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from transdesk.article import BlockKind
from transdesk.errors import InvalidArticle
from transdesk.ingest.raw import RawArticle, RawBlock, parse_date


class JsonBlock(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["caption", "paragraph", "subheadline"]
    text: str = Field(min_length=1)
    image: str | None = None


class JsonArticle(BaseModel):
    model_config = ConfigDict(extra="forbid")
    headline: str = Field(min_length=1)
    subheadline: str | None = None
    date: dt.date | dt.datetime | str
    timezone: str = "Asia/Seoul"
    byline: str | None = None
    source: str | None = None
    slug: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9-]{0,79}$")
    blocks: list[JsonBlock] = Field(min_length=1)


def read_json(text: str) -> RawArticle:
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
