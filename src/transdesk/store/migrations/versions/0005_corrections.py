"""One corrections table: the desk's `editor_corrections` and the memory's `corrections` merged.

Every row of both tables moves into the new `corrections`. A desk correction keeps its id (report
decisions, regression cases and propagation proposals point at it); the memory row it was learned
as (named in its `learning` record) is folded into it, with its word-level substitutions. A memory
row no desk correction names (one recorded from the command line) becomes a correction of its own,
tied to its article by slug when the desk has that article. The tables that point at corrections
are rebuilt to point at the new table.

Revision ID: 0005_corrections
Revises: 0002_memory, 0004_editor
Create Date: 2026-12-01
"""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa
from alembic import op

from transdesk.memory.normalise import source_hash

revision = "0005_corrections"
down_revision = ("0002_memory", "0004_editor")
branch_labels = None
depends_on = None

_CHILDREN = ("correction_changes", "editor_report_decisions", "editor_regression_cases",
             "editor_propagation")  # fmt: skip


def _fk(table: str, ondelete: str = "CASCADE") -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete=ondelete)


def _naive_utc(moment: dt.datetime | str | None) -> dt.datetime | None:
    if isinstance(moment, str):
        moment = dt.datetime.fromisoformat(moment)
    if moment is not None and moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


def _table(name: str) -> sa.Table:
    return sa.Table(name, sa.MetaData(), autoload_with=op.get_bind())


def _rows(name: str) -> list[dict]:
    """Every row, typed as the reflected columns say (dates, JSON, booleans)."""
    table = _table(name)
    query = sa.select(table).order_by(table.c.id)
    return [dict(r) for r in op.get_bind().execute(query).mappings()]


def _json(value: object) -> object:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def _learned_as(learning: object) -> int | None:
    """The memory correction a desk correction's `learning` record names."""
    learning = _json(learning)
    value = learning.get("correction_id") if isinstance(learning, dict) else None
    return value if isinstance(value, int) else None


def _create_corrections() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.Integer, _fk("articles", "SET NULL")),
        sa.Column("article_slug", sa.String(200)),
        sa.Column("segment_id", sa.String(32)),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("source_hash", sa.String(40), nullable=False),
        sa.Column("before", sa.Text),
        sa.Column("after", sa.Text, nullable=False),
        sa.Column("wrong", sa.Text),
        sa.Column("right", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("editor", sa.String(200), nullable=False),
        sa.Column("memory_segment_id", sa.Integer, _fk("memory_segments", "SET NULL")),
        sa.Column("learned", sa.JSON),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_corrections_article_id", "corrections", ["article_id"])
    op.create_index("ix_corrections_article_slug", "corrections", ["article_slug"])
    op.create_index("ix_corrections_source_hash", "corrections", ["source_hash"])


def _create_children(changes_of: str, decided_by: str) -> None:
    """The tables that point at corrections: substitutions at `changes_of`, the rest at
    `decided_by` (one table since this revision; two before it)."""
    op.create_table(
        "correction_changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("correction_id", sa.Integer, _fk(changes_of), nullable=False),
        sa.Column("removed", sa.String(500), nullable=False),
        sa.Column("inserted", sa.String(500), nullable=False),
    )
    op.create_index("ix_correction_changes_correction_id", "correction_changes", ["correction_id"])
    op.create_index(
        "ix_correction_changes_substitution", "correction_changes", ["removed", "inserted"]
    )
    op.create_table(
        "editor_report_decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("report_id", sa.Integer, _fk("reader_reports"), nullable=False, unique=True),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("correction_id", sa.Integer, _fk(decided_by, "SET NULL")),
        sa.Column("editor", sa.String(64), nullable=False),
        sa.Column("decided_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "editor_regression_cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("correction_id", sa.Integer, _fk(decided_by, "SET NULL")),
        sa.Column("article_slug", sa.String(200), nullable=False),
        sa.Column("segment_id", sa.String(32), nullable=False),
        sa.Column("dateline", sa.Date, nullable=False),
        sa.Column("source_text", sa.Text, nullable=False),
        sa.Column("expected", sa.Text, nullable=False),
        sa.Column("wrong", sa.Text),
        sa.Column("right", sa.Text),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "editor_propagation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("correction_id", sa.Integer, _fk(decided_by), nullable=False),
        sa.Column("article_id", sa.Integer, _fk("articles"), nullable=False),
        sa.Column("segment_id", sa.String(32), nullable=False),
        sa.Column("before", sa.Text, nullable=False),
        sa.Column("proposed", sa.Text, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("decided_at", sa.DateTime),
        sa.Column("decided_by", sa.String(64)),
    )
    op.create_index("ix_editor_propagation_state", "editor_propagation", ["state", "correction_id"])


def _drop_children() -> None:
    for table in reversed(_CHILDREN):
        op.drop_table(table)  # their indexes go with them


def _insert(table: str, rows: list[dict]) -> None:
    if not rows:
        return
    bind = op.get_bind()
    bind.execute(_table(table).insert(), rows)
    if bind.dialect.name == "postgresql":
        bind.execute(sa.text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT coalesce(max(id), 1) FROM {table}))"
        ))  # fmt: skip


def upgrade() -> None:
    desk, memory = _rows("editor_corrections"), _rows("corrections")
    children = {table: _rows(table) for table in _CHILDREN}
    articles = {r["slug"]: r["id"] for r in _rows("articles")}
    slugs = {v: k for k, v in articles.items()}
    by_memory_id = {m["id"]: m for m in memory}

    merged, moved = [], {}  # moved: memory correction id -> corrections id
    for row in desk:
        learned_as = by_memory_id.get(_learned_as(row["learning"]) or 0)
        if learned_as is not None:
            moved[learned_as["id"]] = row["id"]
        merged.append({
            "id": row["id"], "article_id": row["article_id"],
            "article_slug": slugs.get(row["article_id"]), "segment_id": row["segment_id"],
            "kind": row["kind"], "source": row["source_text"],
            "source_hash": (learned_as or {}).get("source_hash") or source_hash(row["source_text"]),
            "before": row["before"], "after": row["after"], "wrong": row["wrong"],
            "right": row["right"], "note": row["note"], "editor": row["editor"],
            "memory_segment_id": learned_as["memory_segment_id"] if learned_as else None,
            "learned": _json(row["learning"]), "created_at": _naive_utc(row["created_at"]),
        })  # fmt: skip
    next_id = max((r["id"] for r in desk), default=0) + 1
    for row in memory:
        if row["id"] in moved:
            continue
        moved[row["id"]] = next_id
        merged.append({
            "id": next_id, "article_id": articles.get(row["article_slug"]),
            "article_slug": row["article_slug"], "segment_id": None, "kind": "other",
            "source": row["source"], "source_hash": row["source_hash"], "before": row["before"],
            "after": row["after"], "wrong": None, "right": None, "note": None,
            "editor": row["editor"], "memory_segment_id": row["memory_segment_id"],
            "learned": None, "created_at": _naive_utc(row["corrected_at"]),
        })  # fmt: skip
        next_id += 1
    changes = [
        {**c, "correction_id": moved[c["correction_id"]]}
        for c in children["correction_changes"]
        if c["correction_id"] in moved
    ]

    _drop_children()
    op.drop_table("editor_corrections")
    op.drop_table("corrections")
    _create_corrections()
    _create_children("corrections", "corrections")
    _insert("corrections", merged)
    _insert("correction_changes", changes)
    for table in _CHILDREN[1:]:
        _insert(table, children[table])


def downgrade() -> None:
    corrections = _rows("corrections")
    children = {table: _rows(table) for table in _CHILDREN}
    desk = [r for r in corrections if r["article_id"] is not None and r["segment_id"] is not None]
    desk_ids = {r["id"] for r in desk}

    _drop_children()
    op.drop_table("corrections")
    op.create_table(
        "editor_corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, _fk("articles"), nullable=False),
        sa.Column("segment_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("source_text", sa.Text, nullable=False),
        sa.Column("before", sa.Text),
        sa.Column("after", sa.Text, nullable=False),
        sa.Column("wrong", sa.Text),
        sa.Column("right", sa.Text),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("editor", sa.String(64), nullable=False),
        sa.Column("learning", sa.JSON),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_slug", sa.String(200)),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("source_hash", sa.String(40), nullable=False),
        sa.Column("before", sa.Text, nullable=False),
        sa.Column("after", sa.Text, nullable=False),
        sa.Column("editor", sa.String(200), nullable=False),
        sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("memory_segment_id", sa.Integer, _fk("memory_segments", "SET NULL")),
    )
    op.create_index("ix_corrections_article_slug", "corrections", ["article_slug"])
    op.create_index("ix_corrections_source_hash", "corrections", ["source_hash"])
    _create_children("corrections", "editor_corrections")
    _insert("editor_corrections", [{
        "id": r["id"], "article_id": r["article_id"], "segment_id": r["segment_id"],
        "kind": r["kind"], "source_text": r["source"], "before": r["before"], "after": r["after"],
        "wrong": r["wrong"], "right": r["right"], "note": r["note"] or "", "editor": r["editor"],
        "learning": _json(r["learned"]), "created_at": r["created_at"],
    } for r in desk])  # fmt: skip
    _insert("corrections", [{
        "id": r["id"], "article_slug": r["article_slug"], "source": r["source"],
        "source_hash": r["source_hash"], "before": r["before"] or "", "after": r["after"],
        "editor": r["editor"], "corrected_at": r["created_at"],
        "memory_segment_id": r["memory_segment_id"],
    } for r in corrections])  # fmt: skip
    _insert("correction_changes", children["correction_changes"])
    for table in ("editor_report_decisions", "editor_regression_cases"):
        _insert(table, [
            {**r, "correction_id": r["correction_id"] if r["correction_id"] in desk_ids else None}
            for r in children[table]
        ])  # fmt: skip
    _insert(
        "editor_propagation",
        [r for r in children["editor_propagation"] if r["correction_id"] in desk_ids],
    )
