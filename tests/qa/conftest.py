"""A tiny termbase for the checks: matches Korean forms by substring."""

from __future__ import annotations

import pytest

from transdesk.glossary.model import TermEntry, TermKind, TermMatch


class SubstringTermbase:
    def __init__(self, entries: list[TermEntry]) -> None:
        self.entries = entries

    def match(self, korean_text: str) -> list[TermMatch]:
        found = []
        for entry in self.entries:
            for form in entry.forms:
                start = korean_text.find(form)
                if start >= 0:
                    found.append(TermMatch(entry, start, start + len(form), form))
                    break
        return found

    def current(self) -> SubstringTermbase:
        return self


SEED_TERMS = [
    TermEntry(
        "크렘린궁",
        "the Kremlin",
        later="Kremlin",
        forbidden=("Kremlin Palace",),
        kind=TermKind.ORGANISATION,
    ),
    TermEntry(
        "김정은",
        "North Korean leader Kim Jong-un",
        later="Kim",
        forbidden=("Commissioner Kim",),
        kind=TermKind.PERSON,
    ),
    TermEntry(
        "노동당",
        "Workers' Party of Korea",
        variants=("조선노동당",),
        forbidden=("Labor Party of North Korea",),
        kind=TermKind.ORGANISATION,
    ),
]


@pytest.fixture
def termbase() -> SubstringTermbase:
    return SubstringTermbase(SEED_TERMS)
