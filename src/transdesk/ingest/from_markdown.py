"""Markdown articles: optional YAML front matter, '# headline' (optional: wire copy may open with
the photo caption), '## subheadline', '![caption](image)' photo captions, and paragraphs.

    ---
    date: 2025-09-02
    timezone: Asia/Seoul
    byline: 김예슬 기자
    source: 뉴스1
    ---
    # 크렘린궁 "푸틴·김정은, 전승절 계기 대화 이어갈 것"
    ![블라디미르 푸틴 러시아 대통령과 김정은 북한 국무위원장.](putin-kim.jpg)
    크렘린궁은 2일(현지시간) ...
"""

from __future__ import annotations

import re

import yaml
from markdown_it import MarkdownIt

from transdesk.article import BlockKind
from transdesk.errors import InvalidArticle
from transdesk.ingest.raw import RawArticle, RawBlock, parse_date

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(\n|\Z)", re.DOTALL)
_KNOWN_KEYS = {"date", "time", "timezone", "byline", "source", "slug", "title"}
# HTML elements that sit inside a run of text: dropping their tags joins nothing that was apart
_INLINE_ELEMENTS = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup "
    "time u var wbr".split()
)
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9-]*)")


def read_markdown(text: str) -> RawArticle:
    raw = RawArticle()
    body = _front_matter(text, raw)
    tokens = MarkdownIt("commonmark").parse(body)
    for i, token in enumerate(tokens):
        if token.type != "inline":
            continue
        opener = tokens[i - 1]
        kind = _kind_of(opener)
        if kind is None:
            continue
        raw.blocks.extend(_blocks_from_inline(token, kind))
    return raw


def _front_matter(text: str, raw: RawArticle) -> str:
    match = _FRONT_MATTER.match(text)
    if not match:
        return text
    try:
        meta = yaml.load(match.group(1), Loader=yaml.BaseLoader) or {}  # every value a string
    except yaml.YAMLError as error:
        raise InvalidArticle(f"the front matter is not valid YAML: {error}") from None
    if not isinstance(meta, dict):
        raise InvalidArticle("the front matter must be 'key: value' lines")
    unknown = set(meta) - _KNOWN_KEYS
    if unknown:
        raise InvalidArticle(
            f"unknown front matter field(s): {', '.join(sorted(unknown))}",
            hint=f"known fields: {', '.join(sorted(_KNOWN_KEYS))}",
        )
    if "date" in meta:
        raw.date, raw.time = parse_date(meta["date"], "front matter 'date'")
    raw.timezone = str(meta.get("timezone", raw.timezone))
    raw.byline = _text_or_none(meta.get("byline"))
    raw.source = _text_or_none(meta.get("source"))
    raw.slug = _text_or_none(meta.get("slug"))
    if meta.get("title"):
        raw.blocks.append(RawBlock(BlockKind.HEADLINE, str(meta["title"])))
    return text[match.end() :]


def _kind_of(opener) -> BlockKind | None:  # type: ignore[no-untyped-def]
    if opener.type == "heading_open":
        return BlockKind.HEADLINE if opener.tag == "h1" else BlockKind.SUBHEADLINE
    if opener.type == "paragraph_open":
        return BlockKind.PARAGRAPH
    return None


def _blocks_from_inline(token, kind: BlockKind) -> list[RawBlock]:  # type: ignore[no-untyped-def]
    """A paragraph that is only an image is a photo caption; other inline markup is flattened."""
    children = token.children or []
    images = [c for c in children if c.type == "image"]
    rest = "".join(c.content for c in children if c.type in ("text", "code_inline")).strip()
    if images and kind is BlockKind.PARAGRAPH and not rest:
        return [RawBlock(BlockKind.CAPTION, _image_alt(img), img.attrGet("src")) for img in images]
    text = " ".join("".join(_plain(c) for c in children).split())
    return [RawBlock(kind, text)] if text else []


def _image_alt(image) -> str:  # type: ignore[no-untyped-def]
    """The caption a photo carries: its alt text, with the alt's own markup flattened."""
    return " ".join("".join(_plain(c) for c in (image.children or [])).split())


def _plain(child) -> str:  # type: ignore[no-untyped-def]
    """What one inline token adds to the text: its words, never its markup. Entities arrive
    decoded; emphasis and link marks carry no text; an inline HTML tag is dropped (a tag that
    breaks the line, such as `<br>`, leaves a space)."""
    if child.type in ("softbreak", "hardbreak"):
        return " "
    if child.type == "image":
        return ""
    if child.type == "html_inline":
        name = _TAG_NAME.match(child.content)
        return "" if name is None or name.group(1).lower() in _INLINE_ELEMENTS else " "
    return child.content


def _text_or_none(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None
