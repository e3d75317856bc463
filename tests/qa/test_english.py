"""The English a check reads: paragraphs reduced to their text, markup never read as words or
figures."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.article import Article, Block, BlockKind, Dateline, Segment
from transdesk.qa.align import align_translation
from transdesk.qa.english import inline_text, split_english, split_paragraphs


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # a photo caption is its alt text; the file name (and its digits) is not text
        (
            "![Kim Jong-un inspects a launch on Sept. 2.](kcna-2025-0902-3.jpg)",
            "Kim Jong-un inspects a launch on Sept. 2.",
        ),
        ('![Alt with *emphasis*.](photo.jpg "Title 7")', "Alt with emphasis."),
        # a link is its text, without the URL
        (
            "Read [the ministry's statement](https://example.go.kr/2025/09/1234) in full.",
            "Read the ministry's statement in full.",
        ),
        ("See <https://example.org/> now.", "See https://example.org/ now."),
        # emphasis and code marks
        ("**Seoul** said it was _not_ involved.", "Seoul said it was not involved."),
        ("The `KOSPI` rose.", "The KOSPI rose."),
        # HTML inline tags and entities
        ("<b>Kim</b>'s <span class=\"x\">party</span> won.", "Kim's party won."),
        ("One line<br>another line.", "One line another line."),
        ("<p>First.</p><p>Second.</p>", "First. Second."),
        ("Exports rose &#8212; again.", "Exports rose — again."),
        ("Samsung &amp; LG, AT&amp;T and R&D.", "Samsung & LG, AT&T and R&D."),
        ("a&nbsp;b", "a b"),
    ],
)
def test_inline_markup_reads_as_its_text(markup, expected):
    assert inline_text(markup) == expected


@pytest.mark.parametrize(
    "plain",
    [
        "Prices rose 3.5% in 2025, the ministry said.",
        '"We know," he said. 3 < 4 and 7 > 2.',
        "2025. That was the year exports peaked.",  # block syntax is not read: not a list
        "- Not a bullet list, an English dash line.",
        "> Not a quotation block.",
        "The [bracketed] word and a_b_c stay.",
        "Only one *star here.",
    ],
)
def test_plain_text_is_left_as_it_is(plain):
    assert inline_text(plain) == plain


def test_entities_are_decoded_once():
    assert inline_text("AT&amp;amp;T") == "AT&amp;T"


def test_caption_paragraph_gives_the_caption_text():
    translation = (
        "# North Korea fires missile\n\n"
        "![Kim Jong-un watches the test &#8212; KCNA photo.](kcna_20250902_250.jpg)\n\n"
        "North Korea fired a missile on Sept. 2. It flew 250 km.\n"
    )
    assert split_paragraphs(translation) == [
        "North Korea fires missile",
        "Kim Jong-un watches the test — KCNA photo.",
        "North Korea fired a missile on Sept. 2. It flew 250 km.",
    ]
    assert split_english(split_paragraphs(translation)[2]) == [
        "North Korea fired a missile on Sept. 2.",
        "It flew 250 km.",
    ]


def test_paragraphs_without_markup_are_unchanged():
    assert split_paragraphs("# Title\n\nOne.\nTwo.\n\n\n") == ["Title", "One. Two."]
    assert split_paragraphs("   \n\n![](empty-alt.jpg)\n\n") == []


def _article(*blocks: tuple[BlockKind, list[str]]) -> Article:
    built = []
    for b, (kind, sentences) in enumerate(blocks):
        segments = tuple(
            Segment(f"b{b}.s{i}", b, i, s, 0, len(s)) for i, s in enumerate(sentences)
        )
        built.append(Block(b, kind, " ".join(sentences), segments))
    return Article("t", tuple(built), Dateline(dt.date(2025, 9, 2)))


def test_aligned_caption_pair_carries_no_markup():
    article = _article(
        (BlockKind.HEADLINE, ["북한, 미사일 발사"]),
        (BlockKind.CAPTION, ["김정은 북한 노동당 총비서가 시험 발사를 지켜보고 있다."]),
        (BlockKind.PARAGRAPH, ["북한은 2일 미사일을 발사했다."]),
    )
    translation = (
        "# North Korea fires missile\n\n"
        "![North Korean leader Kim Jong-un watches the test launch.](photo_2025_0902_7.jpg)\n\n"
        "North Korea fired a missile on Sept. 2.\n"
    )
    pairs = align_translation(article, translation).pairs
    caption = next(p for p in pairs if p.segments and p.segments[0].id == "b1.s0")
    assert caption.target == "North Korean leader Kim Jong-un watches the test launch."
    assert all("](" not in p.target and ".jpg" not in p.target for p in pairs)
