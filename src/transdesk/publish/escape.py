"""Text and link targets made safe for CommonMark output.

English from an engine or the memory is text, never markup: `markdown_text` escapes everything
CommonMark (and the GFM extensions) would read as a link, an image, raw HTML, an entity, emphasis,
code or strikethrough, joins lines, and escapes a marker that would start a heading, a list, a
quote or a thematic break. `safe_url` lets through only http(s) and relative URLs,
percent-encoding what could end a Markdown link or an HTML attribute early; anything else is None.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

# inline markup: backslash, code, emphasis, links and images, raw HTML, GFM strikethrough,
# and the '#' that would close an ATX heading
_INLINE = re.compile(r"([\\`*_\[\]<~#])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")  # '&amp;' would be read as '&'
_LINE_START = re.compile(r"^([>+=|\-])")  # quote, list, setext underline, table
_ORDERED_ITEM = re.compile(r"^(\d{1,9})([.)])")  # "1. " starts an ordered list
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_URL_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # tabs and line breaks included
_ALLOWED_SCHEMES = {"http", "https"}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
# characters kept as they are in a link target; everything else (spaces, parentheses, quotes,
# angle brackets, backslashes, non-ASCII) is percent-encoded
_URL_SAFE = "/:?#@!$&*+,;=%~-._'"


def markdown_text(text: str) -> str:
    """`text` as CommonMark that renders back to exactly this text (whitespace collapsed)."""
    text = " ".join(_CONTROL.sub("", text).split())
    text = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text))
    text = _ORDERED_ITEM.sub(r"\1\\\2", text)
    return _LINE_START.sub(r"\\\1", text)


def safe_url(url: str | None) -> str | None:
    """An http(s) or relative URL, percent-encoded for a Markdown link or an HTML attribute;
    None for anything else (javascript:, data:, file:, …)."""
    if not url:
        return None
    # browsers drop tabs and newlines inside URLs ("java\nscript:"), so judge the scheme without them
    cleaned = _URL_CONTROL.sub("", url).strip()
    if not cleaned:
        return None
    match = _SCHEME.match(cleaned)
    if match and match.group(1).lower() not in _ALLOWED_SCHEMES:
        return None
    if not match and ":" in cleaned.split("/", 1)[0]:
        return None  # "javascript&colon;…" after decoding, or another scheme in disguise
    encoded = quote(cleaned, safe=_URL_SAFE)
    parts = urlsplit(encoded)
    if match and not parts.netloc:
        return None  # "http:evil" has no host
    return encoded
