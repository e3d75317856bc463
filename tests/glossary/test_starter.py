"""The starter termbase that ships with transdesk."""

from __future__ import annotations

import pytest

from transdesk.glossary.matcher import normalise_form
from transdesk.glossary.model import TermKind
from transdesk.glossary.starter import starter_entries


@pytest.fixture(scope="module")
def entries():
    return [entry for _, entry in starter_entries()]


def test_starter_is_big_enough_and_sourced(entries):
    assert len(entries) >= 150
    assert all(e.reference for e in entries), "every entry names the outlets it was checked against"
    kinds = {e.kind for e in entries}
    assert {TermKind.PERSON, TermKind.TITLE, TermKind.ORGANISATION, TermKind.PLACE} <= kinds


def test_no_korean_form_means_two_things(entries):
    owner: dict[str, str] = {}
    for entry in entries:
        for form in entry.forms:
            key = normalise_form(form)
            assert owner.setdefault(key, entry.source) == entry.source, form


@pytest.mark.parametrize(
    ("korean", "target", "forbidden"),
    [
        ("크렘린궁", "the Kremlin", "Kremlin Palace"),
        ("김정은 국무위원장", "North Korean leader Kim Jong-un", "Commissioner Kim"),
        ("노동당", "the Workers' Party of Korea (WPK)", "Labor Party of North Korea"),
        ("조선중앙통신", "the Korean Central News Agency (KCNA)", None),
        ("미 국방부", "the Pentagon", None),
        ("전인대", "the National People's Congress (NPC)", None),
        ("현지시간", "local time", None),
        ("상하이협력기구", "the Shanghai Cooperation Organization (SCO)", None),
    ],
)
def test_seed_and_brief_terms(entries, korean, target, forbidden):
    entry = next(e for e in entries if korean in e.forms)
    assert entry.target == target
    if forbidden:
        assert forbidden in entry.forbidden
