"""The termbase in the desk database, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from transdesk.errors import InvalidInput, TermConflict
from transdesk.glossary.model import TermEntry, TermStatus
from transdesk.glossary.starter import open_termbase
from transdesk.glossary.store import TermbaseStore
from transdesk.store.db import Database

from .conftest import KIM, KREMLIN


@pytest.fixture
def store(database_url):
    database = Database(database_url)
    yield TermbaseStore(database)
    database.close()


def test_add_load_and_match(store):
    saved = store.add(KREMLIN, "desk editor")
    assert saved.id is not None and saved.changed_by == "desk editor"
    assert saved.changed_at is not None and saved.changed_at.tzinfo is not None
    termbase = store.load()
    assert [m.entry.target for m in termbase.match("크렘린궁은 밝혔다")] == ["the Kremlin"]
    assert termbase.version == store.version()


def test_conflicting_rendering_is_refused_not_overwritten(store):
    store.add(KREMLIN, "a")
    with pytest.raises(TermConflict) as raised:
        store.add(TermEntry("러시아 대통령실", "the Russian presidential office"), "b")
    assert raised.value.form == "러시아 대통령실" and raised.value.existing_target == "the Kremlin"
    assert [e.target for e in store.list()] == ["the Kremlin"]


def test_same_rendering_is_merged(store):
    store.add(KREMLIN, "a")
    version = store.version()
    merged = store.add(
        TermEntry("크렘린", "Kremlin", variants=("크렘린궁",), forbidden=("Kremlin Castle",)), "b"
    )
    assert merged.target == "the Kremlin" and "크렘린" in merged.variants
    assert set(merged.forbidden) == {"Kremlin Palace", "Kremlin Castle"}
    assert store.version() != version
    unchanged = store.version()
    store.add(KREMLIN, "c")  # nothing new: no write
    assert store.version() == unchanged and len(store.list()) == 1


def test_propose_then_approve(store):
    proposed = store.propose(KIM, "correction learner")
    assert proposed.status is TermStatus.PROPOSED
    assert store.load().match("김 위원장이") == []  # proposals are not enforced
    again = store.propose(KIM, "correction learner")
    assert again.id == proposed.id  # a recurring suggestion is not repeated
    approved = store.approve(proposed.id, "chief editor")
    assert approved.status is TermStatus.APPROVED and approved.changed_by == "chief editor"
    assert [m.surface for m in store.load().match("김 위원장이")] == ["김 위원장"]
    assert store.list(status="proposed") == []


def test_approving_a_clashing_proposal_needs_replace(store):
    store.add(TermEntry("국무위원장", "State Affairs Commissioner"), "a")
    proposal = store.propose(
        TermEntry("국무위원장", "chairman of the State Affairs Commission"), "learner"
    )
    with pytest.raises(TermConflict):
        store.approve(proposal.id, "chief")
    store.approve(proposal.id, "chief", replace_existing=True)
    assert [e.target for e in store.list()] == ["chairman of the State Affairs Commission"]


def test_invalid_entries_are_refused(store):
    with pytest.raises(InvalidInput, match="part of the approved rendering"):
        store.add(TermEntry("크렘린궁", "the Kremlin", forbidden=("Kremlin",)), "a")
    with pytest.raises(InvalidInput, match="empty"):
        store.add(TermEntry(" ", "x"), "a")
    with pytest.raises(InvalidInput, match="no termbase entry"):
        store.approve(999, "a")


def test_import_is_one_transaction_and_reports_conflicts(store):
    store.add(KREMLIN, "a")
    rows = [
        (2, TermEntry("통일부", "the Unification Ministry")),
        (3, TermEntry("크렘린궁", "Kremlin Palace Office")),
        (4, TermEntry("합참", "the Joint Chiefs of Staff")),
    ]
    report = store.import_entries(rows, "importer")
    assert (report.added, report.merged) == (2, 0)
    assert [line for line, _ in report.conflicts] == [3]
    with pytest.raises(InvalidInput, match="line 3"):
        store.import_entries(
            [(2, TermEntry("국회", "the National Assembly")), *rows[1:2]], "x", strict=True
        )
    assert "국회" not in {e.source for e in store.list()}


def test_fresh_desk_gets_the_starter(database_url):
    database = Database(database_url)
    try:
        store = open_termbase(database)
        assert len(store.list()) >= 150
        version = store.version()
        assert open_termbase(database).version() == version  # only the first time
    finally:
        database.close()


def test_current_reloads_only_when_the_termbase_changed(store):
    """What a running desk asks with every article: the same termbase until an editor writes."""
    empty = store.current()
    assert store.current() is empty and len(empty) == 0
    added = store.add(KREMLIN, "a")
    with_kremlin = store.current()
    assert with_kremlin is not empty and with_kremlin.match("크렘린궁은 밝혔다")
    assert store.current() is with_kremlin
    proposed = store.propose(KIM, "learner")
    assert not store.current().match("김 위원장이")  # a proposal changes the version, not the rules
    store.approve(proposed.id, "chief editor")
    assert store.current().match("김 위원장이")
    store.remove(added.id, "a")
    assert not store.current().match("크렘린궁은 밝혔다")


def test_a_second_store_on_the_same_desk_sees_the_first_ones_writes(store):
    """The web desk writes through its own store; the pipeline's store must notice."""
    pipeline_store = TermbaseStore(store.database)
    assert not pipeline_store.current().match("크렘린궁은 밝혔다")
    store.add(KREMLIN, "editor")
    assert pipeline_store.current().match("크렘린궁은 밝혔다")
