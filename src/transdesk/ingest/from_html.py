"""HTML of a news page: trafilatura extracts the article text and metadata; photo captions
(figcaption, or the alt text of the lead image) are taken from the page with lxml, because
extractors drop them."""

from __future__ import annotations

import logging

import lxml.html
import trafilatura

from transdesk.article import BlockKind
from transdesk.errors import InvalidArticle
from transdesk.ingest.raw import HANGUL, RawArticle, RawBlock, parse_date

log = logging.getLogger(__name__)


def read_html(text: str) -> RawArticle:
    document = trafilatura.bare_extraction(
        text, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    if document is None or not (document.text or "").strip():
        raise InvalidArticle(
            "no article text found in the HTML page",
            hint="save the article page itself (not a list or home page), or use Markdown/JSON",
        )
    raw = RawArticle()
    if document.date:
        raw.date, raw.time = parse_date(document.date, "the page's publication date")
    raw.byline = document.author or None
    raw.source = document.sitename or None
    headline = (document.title or "").strip()
    if headline:
        raw.blocks.append(RawBlock(BlockKind.HEADLINE, headline))
    raw.blocks.extend(_captions(text))
    for paragraph in document.text.split("\n"):
        paragraph = paragraph.strip()
        if paragraph and paragraph != headline and not _is_caption(paragraph, raw.blocks):
            raw.blocks.append(RawBlock(BlockKind.PARAGRAPH, paragraph))
    return raw


def _captions(page: str) -> list[RawBlock]:
    try:
        tree = lxml.html.fromstring(page)
    except (lxml.etree.ParserError, ValueError):
        return []
    captions = []
    for figure in tree.iter("figure"):
        caption = figure.find(".//figcaption")
        image = figure.find(".//img")
        text = caption.text_content().strip() if caption is not None else ""
        if not text and image is not None:
            text = (image.get("alt") or "").strip()
        if text and HANGUL.search(text):
            src = image.get("src") if image is not None else None
            captions.append(RawBlock(BlockKind.CAPTION, " ".join(text.split()), src))
    return captions


def _is_caption(paragraph: str, blocks: list[RawBlock]) -> bool:
    return any(b.kind is BlockKind.CAPTION and b.text == paragraph for b in blocks)
