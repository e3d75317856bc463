"""Wire copy without a headline (a photo caption first, then paragraphs) is read as it stands,
in every format, and checked sentence by sentence; an article with no text is still refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transdesk.article import BlockKind
from transdesk.errors import InvalidArticle
from transdesk.ingest import parse_article, read_article
from transdesk.qa.review import check_translation

EXAMPLES = Path(__file__).parents[2] / "examples"

CAPTION = "1일 서울 광화문광장에서 시민들이 그늘에서 더위를 피하고 있다."
FIRST = "기상청은 1일 서울 등 수도권 전역에 폭염경보를 발령했다고 밝혔다."
SECOND = "서울시는 무더위 쉼터 운영 시간을 오후 9시까지 연장하기로 했다."

MARKDOWN = f"---\ndate: 2025-08-01\n---\n![{CAPTION}](heat.jpg)\n\n{FIRST}\n\n{SECOND}\n"
JSON = json.dumps(
    {
        "date": "2025-08-01",
        "blocks": [
            {"type": "caption", "text": CAPTION, "image": "heat.jpg"},
            {"type": "paragraph", "text": FIRST},
            {"type": "paragraph", "text": SECOND},
        ],
    },
    ensure_ascii=False,
)
PARAGRAPH = {"type": "paragraph", "text": FIRST}
HTML = f"""<!doctype html><html><head><meta charset="utf-8">
<meta property="article:published_time" content="2025-08-01T09:00:00+09:00"></head>
<body><article><figure><img src="heat.jpg" alt=""><figcaption>{CAPTION}</figcaption></figure>
<p>{FIRST}</p><p>{SECOND}</p></article></body></html>"""


@pytest.mark.parametrize(("data", "fmt"), [(MARKDOWN, "md"), (JSON, "json"), (HTML, "html")])
def test_an_article_without_a_headline_is_read_as_it_stands(data, fmt):
    article = parse_article(data, fmt)
    assert [b.kind for b in article.blocks] == [
        BlockKind.CAPTION,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
    ]
    assert not any(b.kind is BlockKind.HEADLINE for b in article.blocks)
    assert article.blocks[0].text == CAPTION and article.blocks[0].image == "heat.jpg"
    assert [s.id for s in article.segments()] == ["b0.s0", "b1.s0", "b2.s0"]
    assert article.slug  # made from the first block when nothing else names it


def test_a_headline_given_anywhere_still_comes_first():
    article = parse_article(
        f"---\ndate: 2025-08-01\n---\n![{CAPTION}](heat.jpg)\n\n# 폭염경보 발령\n\n{FIRST}\n", "md"
    )
    assert [b.kind for b in article.blocks] == [
        BlockKind.HEADLINE,
        BlockKind.CAPTION,
        BlockKind.PARAGRAPH,
    ]


def test_the_seed_article_without_its_headline_opens_with_its_caption(tmp_path):
    source = tmp_path / "seed.md"
    text = (EXAMPLES / "putin-kim-beijing.md").read_text(encoding="utf-8")
    source.write_text("\n".join(l for l in text.splitlines() if not l.startswith("# ")), "utf-8")
    article = read_article(source)
    assert article.blocks[0].kind is BlockKind.CAPTION
    assert article.blocks[0].image == "putin-kim.jpg"
    assert {b.kind for b in article.blocks[1:]} == {BlockKind.PARAGRAPH}
    assert article.slug == "seed"


def test_headline_less_translation_of_a_headline_less_source_aligns_one_to_one():
    article = parse_article(MARKDOWN, "md")
    translation = (
        "![People escape the heat in the shade at Gwanghwamun Square in Seoul on Aug. 1.](heat.jpg)"
        "\n\nThe Korea Meteorological Administration issued a heat wave warning for Seoul and the "
        "greater capital area on Aug. 1.\n\nThe Seoul city government decided to keep its cooling "
        "shelters open until 9 p.m.\n"
    )
    report = check_translation(article, translation)
    assert [p.label for p in report.pairs] == ["b0.s0", "b1.s0", "b2.s0"]
    assert not report.notes  # paragraphs matched blocks one for one
    assert report.pairs[0].target.startswith("People escape the heat")
    assert "heat.jpg" not in report.pairs[0].target


@pytest.mark.parametrize(
    ("data", "fmt", "message"),
    [
        (b"---\ndate: 2025-09-02\n---\n", "md", "no text"),
        (b"---\ndate: 2025-09-02\n---\n![](photo.jpg)\n", "md", "no text"),
        (json.dumps({"date": "2025-09-02", "blocks": []}).encode(), "json", "blocks"),
        (
            json.dumps({"headline": "", "date": "2025-09-02", "blocks": [PARAGRAPH]}).encode(),
            "json",
            "headline",
        ),
        (b"---\ndate: 2025-09-02\n---\n![In English only.](p.jpg)\n\nBody.\n", "md", "no Korean"),
        (f"![{CAPTION}](heat.jpg)\n\n{FIRST}\n".encode(), "md", "no publication date"),
    ],
)
def test_articles_with_nothing_to_translate_are_still_refused(data, fmt, message):
    with pytest.raises(InvalidArticle) as error:
        parse_article(data, fmt)
    assert message in str(error.value)
