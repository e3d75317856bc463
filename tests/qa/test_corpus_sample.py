"""Human translations from the ko-en-news corpus pass; the same with one number changed do not.

The pairs are in data/ko-en-news-sample.tsv (CC BY-SA 3.0, attribution in data/README.md).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from transdesk.qa import Checker, segment_decision

SAMPLE = Path(__file__).parent / "data" / "ko-en-news-sample.tsv"
with SAMPLE.open(encoding="utf-8") as handle:
    PAIRS = [(row["ko"], row["en"]) for row in csv.DictReader(handle, delimiter="\t")]


@pytest.fixture(scope="module")
def checker() -> Checker:
    checker = Checker()
    checker.prepare([ko for ko, _ in PAIRS])
    return checker


@pytest.mark.parametrize(("ko", "en"), PAIRS)
def test_human_translation_is_published(checker, ko, en):
    assert checker.check(ko, en) == []


@pytest.mark.parametrize(("ko", "en"), PAIRS)
def test_a_changed_number_sends_it_to_review(checker, ko, en):
    corrupted = re.sub(r"\d", lambda m: str((int(m.group(0)) + 3) % 10), en, count=1)
    if corrupted == en:  # numbers spelled out: "six", "two-page"
        corrupted = re.sub(r"\b(six|two)\b", "seven", en, count=1)
    assert segment_decision(checker.check(ko, corrupted)) == "review"
