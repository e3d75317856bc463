"""Termbases and articles shared by the termbase tests."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.article import Article, Block, BlockKind, Dateline, Segment
from transdesk.glossary.matcher import Termbase
from transdesk.glossary.model import TermEntry, TermKind
from transdesk.glossary.starter import starter_entries

KREMLIN = TermEntry(
    "크렘린궁",
    "the Kremlin",
    variants=("러시아 대통령실",),
    forbidden=("Kremlin Palace",),
    kind=TermKind.ORGANISATION,
)
KIM = TermEntry(
    "김정은 국무위원장",
    "North Korean leader Kim Jong-un",
    later="Kim",
    variants=("김 위원장", "김정은 북한 국무위원장"),
    forbidden=(
        "North Korean Commissioner Kim Jong-un",
        "Commissioner Kim Jong-un",
        "Commissioner Kim",
    ),
    kind=TermKind.PERSON,
)
KIM_NAME = TermEntry("김정은", "Kim Jong-un", later="Kim", kind=TermKind.PERSON)
CHAIRMAN = TermEntry(
    "국무위원장", "chairman of the State Affairs Commission", forbidden=("Commissioner",)
)
WPK = TermEntry(
    "노동당",
    "the Workers' Party of Korea (WPK)",
    later="the WPK",
    forbidden=("Labor Party of North Korea", "North Korean Labor Party"),
)
ASSEMBLY = TermEntry("국회", "the National Assembly")
SPEAKER = TermEntry("국회의장", "National Assembly Speaker")
USHAKOV = TermEntry("유리 우샤코프", "Yuri Ushakov", later="Ushakov")


@pytest.fixture
def small_termbase() -> Termbase:
    return Termbase([KREMLIN, KIM, KIM_NAME, CHAIRMAN, WPK, ASSEMBLY, SPEAKER, USHAKOV])


@pytest.fixture(scope="session")
def starter_termbase() -> Termbase:
    return Termbase(entry for _, entry in starter_entries())


def make_article(*blocks: tuple[BlockKind, str]) -> Article:
    """One sentence per block: enough for stage tests that do not test sentence splitting.
    Without a headline among the blocks, a term-free one is added at the end."""
    if all(kind is not BlockKind.HEADLINE for kind, _ in blocks):
        blocks = (*blocks, (BlockKind.HEADLINE, "기사 제목"))
    built = tuple(
        Block(i, kind, text, (Segment(f"b{i}.s0", i, 0, text, 0, len(text)),))
        for i, (kind, text) in enumerate(blocks)
    )
    return Article("test-article", built, Dateline(dt.date(2025, 9, 2)))
