"""Inline markup in a Korean Markdown article is read as text: tags, link targets and entities
never reach the sentences the desk translates and checks."""

from __future__ import annotations

import pytest

from transdesk.article import BlockKind
from transdesk.ingest import parse_article

HEAD = "---\ndate: 2025-09-02\n---\n# 제목\n\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<b>김정은</b> 위원장이 말했다.", "김정은 위원장이 말했다."),
        ("첫 줄<br>둘째 줄이다.", "첫 줄 둘째 줄이다."),
        ("[노동신문](https://example.kp/2025/09/8801) 보도다.", "노동신문 보도다."),
        ("**강조**와 *기울임*이 있다.", "강조와 기울임이 있다."),
        ("수출 &#8212; 증가 &amp; 흑자.", "수출 — 증가 & 흑자."),
        ("주석은 <!-- 메모 -->읽지 않는다.", "주석은 읽지 않는다."),
        ("3 < 4 이고 a_b_c 는 그대로다.", "3 < 4 이고 a_b_c 는 그대로다."),
    ],
)
def test_paragraph_markup_is_flattened(body, expected):
    article = parse_article(HEAD + body + "\n", "md")
    assert article.blocks[1].kind is BlockKind.PARAGRAPH
    assert article.blocks[1].text == expected


def test_caption_alt_text_is_flattened_and_keeps_its_photo():
    article = parse_article(HEAD + "![사진 &amp; <i>설명</i> *강조*](photo_2025_0902.jpg)\n", "md")
    caption = article.blocks[1]
    assert caption.kind is BlockKind.CAPTION
    assert (caption.text, caption.image) == ("사진 & 설명 강조", "photo_2025_0902.jpg")
