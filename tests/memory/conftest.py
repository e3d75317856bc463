"""Shared helpers for the translation-memory tests: a memory on each backend, article builders."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.article import Article, Block, BlockKind, Dateline, Segment
from transdesk.memory import TranslationMemory
from transdesk.store.db import Database


@pytest.fixture
def sqlite_database(sqlite_url):
    db = Database(sqlite_url)
    yield db
    db.close()


@pytest.fixture
def memory(database) -> TranslationMemory:
    return TranslationMemory(database, fuzzy_threshold=0.75)


def article_of(*sentences: str, slug: str = "test-article") -> Article:
    """An article whose headline is the first sentence and whose paragraph holds the rest."""
    blocks = []
    for index, (kind, texts) in enumerate(
        [(BlockKind.HEADLINE, sentences[:1]), (BlockKind.PARAGRAPH, sentences[1:])]
    ):
        segments, offset = [], 0
        for i, text in enumerate(texts):
            segments.append(Segment(f"b{index}.s{i}", index, i, text, offset, offset + len(text)))
            offset += len(text) + 1
        blocks.append(Block(index, kind, " ".join(texts), tuple(segments)))
    return Article(slug, tuple(blocks), Dateline(dt.date(2025, 9, 2)))
