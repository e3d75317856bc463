"""Markdown output carries English text as text: whatever an engine or the memory wrote, the
rendered page has no link, image, HTML or heading that the desk did not put there."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from transdesk.article import (
    Article,
    Block,
    BlockKind,
    Dateline,
    Segment,
    SegmentStatus,
    SegmentTranslation,
    TranslatedArticle,
)
from transdesk.publish import render
from transdesk.publish.escape import markdown_text, safe_url

PARSER = MarkdownIt("commonmark")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MARKUP = ("link_open", "image", "html_inline", "html_block", "code_inline", "em_open", "strong_open")


def inline_text(tokens) -> str:  # type: ignore[no-untyped-def]
    out = []
    for token in tokens:
        if token.type == "inline":
            out.append("".join(c.content for c in token.children or [] if c.type == "text"))
    return "".join(out)


def markup_of(tokens) -> list[str]:  # type: ignore[no-untyped-def]
    found = [t.type for t in tokens if t.type in MARKUP or t.type.startswith(("heading", "bullet", "ordered", "blockquote", "hr", "fence", "code_block"))]
    for token in tokens:
        found += [c.type for c in token.children or [] if c.type in MARKUP]
    return found


TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200
).filter(lambda t: CONTROL.sub("", t).split())
MARKDOWN_HEAVY = st.text(alphabet=list("abc 12.)#*_-+=>!<[]()`~|&;\\\n\t:/") , min_size=1, max_size=80).filter(lambda t: t.split())  # fmt: skip


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(TEXT, MARKDOWN_HEAVY))
def test_any_text_renders_back_to_itself_with_no_markup(text):
    tokens = PARSER.parse(markdown_text(text))
    assert markup_of(tokens) == []
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    # control characters are dropped and whitespace is collapsed, nothing else changes
    expected = " ".join(CONTROL.sub("", text).split())
    assert " ".join(inline_text(tokens).split()) == expected


@pytest.mark.parametrize(
    "hostile",
    [
        "[click me](javascript:alert(1))",
        "<script>alert(1)</script>",
        "![tracker](https://evil.example/pixel.gif)",
        "line one\n# a heading\n- a list",
        "1. not a list",
        "---",
        "> not a quote",
        "`code` and *emphasis* and __strong__",
        "&lt;b&gt; entity",
        "<https://autolink.example>",
        "text [ref]\n\n[ref]: https://evil.example",
        "Headline ending in hashes ##",
    ],
)
def test_hostile_english_stays_text(hostile):
    tokens = PARSER.parse(markdown_text(hostile))
    assert markup_of(tokens) == []
    assert inline_text(tokens) == " ".join(hostile.split())


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/a.jpg", "https://news.example/a.jpg"),
        ("putin-kim.jpg", "putin-kim.jpg"),
        ("/images/a b.jpg", "/images/a%20b.jpg"),
        ("photos/a (1).jpg", "photos/a%20%281%29.jpg"),
        ("x.jpg) [evil](javascript:alert(1)", None),
        ("photos/x.jpg) [evil](javascript:alert(1)", "photos/x.jpg%29%20%5Bevil%5D%28javascript:alert%281%29"),
        ('a.jpg" onerror="alert(1)', "a.jpg%22%20onerror=%22alert%281%29"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("java\nscript:alert(1)", None),
        (" data:text/html;base64,PHNjcmlwdD4=", None),
        ("vbscript:msgbox", None),
        ("file:///etc/passwd", None),
        ("http:no-host", None),
        ("", None),
        (None, None),
    ],
)
def test_only_http_and_relative_urls_pass(url, expected):
    assert safe_url(url) == expected


def article_with(english: str, image: str | None) -> TranslatedArticle:
    headline = Block(0, BlockKind.HEADLINE, "제목", (Segment("b0.s0", 0, 0, "제목", 0, 2),))
    caption = Block(1, BlockKind.CAPTION, "사진", (Segment("b1.s0", 1, 0, "사진", 0, 2),), image)
    body = Block(2, BlockKind.PARAGRAPH, "본문", (Segment("b2.s0", 2, 0, "본문", 0, 2),))
    article = Article("hostile", (headline, caption, body), Dateline(dt.date(2025, 9, 2)))
    segments = tuple(
        SegmentTranslation(s, english, SegmentStatus.TRANSLATED, "test")
        for s in article.segments()
    )
    return TranslatedArticle(article, segments, {})


@settings(max_examples=150, deadline=None)
@given(english=st.one_of(TEXT, MARKDOWN_HEAVY), image=st.one_of(st.none(), TEXT, MARKDOWN_HEAVY))
def test_a_whole_article_has_only_the_markup_the_desk_put_there(english, image):
    markdown = render(article_with(english, image), "md", "https://news.example/a/feedback")
    tokens = PARSER.parse(markdown)
    headings = [t for t in tokens if t.type == "heading_open"]
    assert [h.tag for h in headings] == ["h1"]
    links = [c for t in tokens for c in t.children or [] if c.type == "link_open"]
    assert [link.attrGet("href") for link in links] == ["https://news.example/a/feedback"]
    images = [c for t in tokens for c in t.children or [] if c.type == "image"]
    assert len(images) <= 1
    for img in images:
        assert safe_url(img.attrGet("src")) is not None
    assert not [t for t in tokens if t.type in ("html_block", "bullet_list_open", "ordered_list_open", "blockquote_open", "hr")]
