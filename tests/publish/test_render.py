"""Rendered output keeps the article's structure and ends with the AI notice and its link."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures.engines import PhrasebookEngine, seed_phrasebook

from transdesk.ingest import read_article
from transdesk.pipeline import Pipeline
from transdesk.publish import AI_NOTICE, render

EXAMPLE = Path(__file__).parents[2] / "examples" / "putin-kim-beijing.md"
URL = "https://news.example/articles/putin-kim-beijing/feedback"


@pytest.fixture(scope="module")
def translated():
    return Pipeline(PhrasebookEngine(seed_phrasebook())).translate(read_article(EXAMPLE))


def test_markdown_ends_with_notice_linking_to_feedback(translated):
    text = render(translated, "md", URL)
    last = text.strip().splitlines()[-1]
    assert last == f"※ This article has been translated by AI. Share your feedback [here]({URL})."
    assert text.startswith("# Kremlin")
    assert "![The image of Vladimir Putin" in text and "(putin-kim.jpg)" in text
    assert "_Sept. 2, 2025 · By Kim Ye-seul, staff reporter · News1_" in text


def test_html_escapes_text_and_links_here(translated):
    html = render(translated, "html", URL)
    assert f'Share your feedback <a href="{URL}">here</a>.' in html
    assert "&#34;We know that he (Kim Jong-un)" in html or "&quot;We know" in html
    assert "<figcaption>The image of" in html
    assert '<time datetime="2025-09-02">Sept. 2, 2025</time>' in html


def test_json_aligns_source_and_target_per_segment(translated):
    data = json.loads(render(translated, "json", URL))
    article = translated.source
    segments = [s for block in data["blocks"] for s in block["segments"]]
    assert [s["id"] for s in segments] == [s.id for s in article.segments()]
    assert all(s["source"] == article.segment(s["id"]).text for s in segments)
    assert all(s["target"] for s in segments)
    assert data["signature"]["engine"] == "phrasebook"
    assert data["notice"] == {"text": AI_NOTICE, "feedback_url": URL}


def test_failed_sentence_is_visibly_held_back():
    article = read_article(EXAMPLE)
    book = seed_phrasebook()
    del book[article.blocks[3].segments[1].text]
    translated = Pipeline(PhrasebookEngine(book)).translate(article)
    assert "\\[held back for review\\]" in render(translated, "md", URL)
