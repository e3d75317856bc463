"""Reading articles: Markdown, JSON and HTML in → `Article`, with every block split into sentences.

`read_article` checks the input before parsing it (empty, binary, not UTF-8, over the size limit)
and raises `InvalidArticle` naming the problem; the CLI turns that into exit code 2.
"""

from __future__ import annotations

from pathlib import Path

from transdesk.article import Article
from transdesk.errors import InvalidArticle
from transdesk.ingest.from_html import read_html
from transdesk.ingest.from_json import read_json
from transdesk.ingest.from_markdown import read_markdown
from transdesk.ingest.raw import build_article, slugify
from transdesk.ingest.sentences import Sentence, split_sentences
from transdesk.settings import Settings

FORMATS = {"md": read_markdown, "json": read_json, "html": read_html}
_SUFFIXES = {".md": "md", ".markdown": "md", ".json": "json", ".html": "html", ".htm": "html"}
DEFAULT_MAX_BYTES: int = Settings.model_fields["max_article_bytes"].default

__all__ = ["FORMATS", "Sentence", "parse_article", "read_article", "split_sentences"]


def read_article(
    path: str | Path, format: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """Read the article in the file at `path`; the format comes from the suffix unless given."""
    path = Path(path)
    if not path.is_file():
        raise InvalidArticle(f"{path}: no such file")
    size = path.stat().st_size
    if size > max_bytes:
        raise InvalidArticle(
            f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit for one article",
            hint="split the file, or raise TRANSDESK_MAX_ARTICLE_BYTES",
        )
    fmt = format or _SUFFIXES.get(path.suffix.lower())
    data = path.read_bytes()
    return parse_article(data, fmt, max_bytes=max_bytes, slug=slugify(path.stem), where=str(path))


def parse_article(
    data: bytes | str,
    format: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    slug: str | None = None,
    where: str | None = None,
) -> Article:
    """Parse an article from bytes or text. Without a format, it is guessed from the content."""
    text = _decode(data, max_bytes, where or "the article")
    fmt = format or _guess_format(text)
    if fmt not in FORMATS:
        raise InvalidArticle(
            f"unknown article format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}"
        )
    try:
        return build_article(FORMATS[fmt](text), fallback_slug=slug)
    except InvalidArticle as error:
        if where is None:
            raise
        raise InvalidArticle(f"{where}: {error.message}", hint=error.hint) from None


def _decode(data: bytes | str, max_bytes: int, where: str) -> str:
    raw = data.encode() if isinstance(data, str) else data
    if len(raw) > max_bytes:
        raise InvalidArticle(f"{where}: {len(raw):,} bytes is over the {max_bytes:,}-byte limit")
    if not raw.strip():
        raise InvalidArticle(f"{where}: the file is empty")
    if b"\x00" in raw[:8192]:
        raise InvalidArticle(f"{where}: this is a binary file, not an article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidArticle(
            f"{where}: not UTF-8 text (byte {error.start})",
            hint="save the article as UTF-8 (EUC-KR files: iconv -f euc-kr -t utf-8)",
        ) from None
    return text.replace("\r\n", "\n")


def _guess_format(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith("{"):
        return "json"
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    return "md"
