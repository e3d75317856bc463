"""Reading articles in each format, and refusing bad input with a clear error."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from transdesk.article import BlockKind
from transdesk.errors import InvalidArticle
from transdesk.ingest import parse_article, read_article

EXAMPLES = Path(__file__).parents[2] / "examples"


def test_markdown_article_keeps_structure_and_dateline():
    article = read_article(EXAMPLES / "putin-kim-beijing.md")
    kinds = [b.kind for b in article.blocks]
    assert kinds[:2] == [BlockKind.HEADLINE, BlockKind.CAPTION]
    assert set(kinds[2:]) == {BlockKind.PARAGRAPH}
    assert article.blocks[1].image == "putin-kim.jpg"
    assert article.dateline.date == dt.date(2025, 9, 2)
    assert article.dateline.timezone == "Asia/Seoul"
    assert (article.byline, article.source, article.slug) == ("김예슬 기자", "뉴스1", "putin-kim-beijing")


def test_json_article_follows_the_schema():
    article = read_article(EXAMPLES / "bok-rate-decision.json")
    assert article.slug == "bok-rate-decision"
    assert article.blocks[1].kind is BlockKind.SUBHEADLINE
    assert article.blocks[2].kind is BlockKind.CAPTION
    assert article.dateline.time == dt.time(11, 20)


def test_html_news_page_keeps_caption_and_drops_navigation():
    article = read_article(EXAMPLES / "seoul-heatwave.html")
    captions = [b for b in article.blocks if b.kind is BlockKind.CAPTION]
    assert len(captions) == 1 and "광화문광장" in captions[0].text
    assert captions[0].image == "/photos/heatwave.jpg"
    assert article.dateline.date == dt.date(2025, 8, 1)
    text = " ".join(b.text for b in article.blocks)
    assert "무단 전재" not in text and "홈" not in text.split()


def test_segments_keep_their_position():
    article = read_article(EXAMPLES / "putin-kim-beijing.md")
    for block in article.blocks:
        for n, segment in enumerate(block.segments):
            assert segment.id == f"b{block.index}.s{n}"
            assert block.text[segment.start : segment.end] == segment.text


MD_OK = "---\ndate: 2025-09-02\n---\n# 제목입니다\n\n본문입니다.\n"


@pytest.mark.parametrize(
    ("data", "fmt", "message"),
    [
        (b"", None, "empty"),
        (b"   \n\n", None, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", None, "binary"),
        ("제목".encode("euc-kr") + b"\n", "md", "not UTF-8"),
        (b"# Headline only in English\n\nBody.\n", "md", "no Korean"),
        (b"# \xec\xa0\x9c\xeb\xaa\xa9\n\n\xeb\xb3\xb8\xeb\xac\xb8.\n", "md", "no publication date"),
        (b"---\ndate: 2025-13-45\n---\n# \xec\xa0\x9c\xeb\xaa\xa9\n", "md", "not a date"),
        (b"---\nauthor: x\ndate: 2025-09-02\n---\n# \xec\xa0\x9c\xeb\xaa\xa9\n", "md", "unknown front matter"),
        (b"---\ndate: 2025-09-02\n---\n", "md", "no text"),
        (b'{"headline": "\xec\xa0\x9c\xeb\xaa\xa9"', "json", "not valid JSON"),
        (json.dumps({"headline": "제목", "date": "2025-09-02"}).encode(), "json", "blocks"),
        (json.dumps({"headline": "제목", "date": "2025-09-02", "blocks": [{"type": "video", "text": "x"}]}).encode(), "json", "blocks.0.type"),
        (json.dumps([1, 2]).encode(), "json", "shape of an article"),
        (b"<html><body><nav></nav></body></html>", "html", "no article text"),
    ],
)
def test_bad_input_is_refused_with_the_problem_named(data, fmt, message):
    with pytest.raises(InvalidArticle) as error:
        parse_article(data, fmt)
    assert message in str(error.value)


def test_oversized_article_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.md"
    big.write_text(MD_OK + "본문입니다. " * 1000, encoding="utf-8")
    with pytest.raises(InvalidArticle, match="over the 1,000-byte limit"):
        read_article(big, max_bytes=1000)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(InvalidArticle, match="no such file"):
        read_article(tmp_path / "nope.md")
