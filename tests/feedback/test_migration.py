"""Revision 0005_corrections moves the rows of both old correction tables into one."""

from __future__ import annotations

import datetime as dt
import json

from alembic import command
from sqlalchemy import create_engine, select, text

from transdesk.store.correction_tables import CorrectionChangeRow, CorrectionRow
from transdesk.store.db import Database, alembic_config, normalise_url
from transdesk.store.editor_tables import PropagationItem, RegressionCase, ReportDecision

NOW = dt.datetime(2025, 9, 3, 1, 2, 3)


def _old_database(url: str) -> None:
    """A database at the revisions before 0005, with a row in each old table."""
    config = alembic_config(url)
    for revision in ("0001_termbase", "0002_memory", "0004_editor"):
        command.upgrade(config, revision)
    engine = create_engine(normalise_url(url))
    rows = [
        ("INSERT INTO articles (id, slug, state, headline, dateline, timezone, source, revision,"
         " created_at, updated_at) VALUES (1, 'kim', 'published', '김', '2025-09-02',"
         " 'Asia/Seoul', '{}', 2, :now, :now)", {}),
        ("INSERT INTO article_segments (id, article_id, segment_id, position, block_index,"
         " block_kind, source_text, english, status, applied, findings, updated_at)"
         " VALUES (1, 1, 'b2.s0', 0, 2, 'paragraph', '김 위원장', 'leader Kim', 'translated',"
         " '[]', '[]', :now)", {}),
        ("INSERT INTO reader_reports (id, article_id, segment_id, kind, state, created_at)"
         " VALUES (1, 1, 'b2.s0', 'name_or_title', 'accepted', :now)", {}),
        ("INSERT INTO memory_segments (id, source_hash, source, target, source_norm,"
         " source_length, approved_by, approved_at, origin, conflict) VALUES (7, 'h', '김 위원장',"
         " 'leader Kim', '김 위원장', 5, 'mina', :now, 'correction', false)", {}),
        ("INSERT INTO corrections (id, article_slug, source, source_hash, before, after, editor,"
         " corrected_at, memory_segment_id) VALUES (3, 'kim', '김 위원장', 'h',"
         " 'Commissioner Kim', 'leader Kim', 'mina', :now, 7)", {}),
        ("INSERT INTO correction_changes (id, correction_id, removed, inserted)"
         " VALUES (1, 3, 'Commissioner Kim', 'leader Kim')", {}),
        ("INSERT INTO corrections (id, article_slug, source, source_hash, before, after, editor,"
         " corrected_at) VALUES (4, 'gone', '크렘린궁', 'k', 'Kremlin Palace', 'the Kremlin',"
         " 'kim', :now)", {}),
        ("INSERT INTO correction_changes (id, correction_id, removed, inserted)"
         " VALUES (2, 4, 'Kremlin Palace', 'the Kremlin')", {}),
        ("INSERT INTO editor_corrections (id, article_id, segment_id, kind, source_text, before,"
         " after, wrong, \"right\", note, editor, learning, created_at) VALUES (1, 1, 'b2.s0',"
         " 'name_or_title', '김 위원장', 'Commissioner Kim', 'leader Kim', 'Commissioner Kim',"
         " 'leader Kim', 'This article was corrected.', 'mina', :learning, :now)",
         {"learning": json.dumps({"correction_id": 3, "memory_entry_id": 7})}),
        ("INSERT INTO editor_report_decisions (id, report_id, decision, correction_id, editor,"
         " decided_at) VALUES (1, 1, 'accepted', 1, 'mina', :now)", {}),
        ("INSERT INTO editor_regression_cases (id, correction_id, article_slug, segment_id,"
         " dateline, source_text, expected, wrong, \"right\", active, created_at) VALUES (1, 1,"
         " 'kim', 'b2.s0', '2025-09-02', '김 위원장', 'leader Kim', 'Commissioner Kim',"
         " 'leader Kim', true, :now)", {}),
        ("INSERT INTO editor_propagation (id, correction_id, article_id, segment_id, before,"
         " proposed, state, created_at) VALUES (1, 1, 1, 'b2.s0', 'Commissioner Kim', 'leader Kim',"
         " 'pending', :now)", {}),
    ]  # fmt: skip
    with engine.begin() as connection:
        for statement, values in rows:
            connection.execute(text(statement), {"now": NOW, **values})
    engine.dispose()


def test_both_old_tables_move_into_one(database_url):
    _old_database(database_url)
    database = Database(database_url)  # migrates to the newest revision
    try:
        with database.session() as session:
            rows = {r.id: r for r in session.scalars(select(CorrectionRow))}
            changes = {
                (c.correction_id, c.removed) for c in session.scalars(select(CorrectionChangeRow))
            }
            decision = session.scalar(select(ReportDecision))
            case = session.scalar(select(RegressionCase))
            item = session.scalar(select(PropagationItem))
            new = CorrectionRow(kind="other", source="새 문장", source_hash="n", after="new",
                                editor="kim")  # fmt: skip
            session.add(new)
            session.flush()
            new_id = new.id
    finally:
        database.close()
    assert sorted(rows) == [1, 2]
    desk, cli = rows[1], rows[2]
    assert (desk.article_id, desk.article_slug, desk.segment_id, desk.kind) == (
        1, "kim", "b2.s0", "name_or_title",
    )  # fmt: skip
    assert (desk.memory_segment_id, desk.note, desk.wrong) == (
        7, "This article was corrected.", "Commissioner Kim",
    )  # fmt: skip
    assert desk.learned == {"correction_id": 3, "memory_entry_id": 7}
    assert (cli.article_id, cli.article_slug, cli.before, cli.after, cli.editor) == (
        None, "gone", "Kremlin Palace", "the Kremlin", "kim",
    )  # fmt: skip
    assert cli.created_at == NOW
    assert changes == {(1, "Commissioner Kim"), (2, "Kremlin Palace")}
    assert decision.correction_id == case.correction_id == item.correction_id == 1
    assert new_id == 3  # ids go on after the moved rows


def test_the_migration_can_be_undone(database_url):
    _old_database(database_url)
    Database(database_url).close()
    command.downgrade(alembic_config(database_url), "0004_editor")
    engine = create_engine(normalise_url(database_url))
    with engine.connect() as connection:
        desk = connection.execute(text("SELECT id, learning FROM editor_corrections")).all()
        memory = connection.execute(text("SELECT id, article_slug FROM corrections")).all()
        changes = connection.execute(text("SELECT correction_id FROM correction_changes")).all()
    engine.dispose()
    assert [r[0] for r in desk] == [1]
    assert sorted(memory) == [(1, "kim"), (2, "gone")]
    assert sorted(c[0] for c in changes) == [1, 2]
