"""The translation memory: approved sentence pairs, exact and fuzzy lookup, bulk import.

Exact lookup reads the hash of the normalised source through an index; fuzzy lookup reads
candidates from a trigram index (`transdesk.memory.index`) and rescores them with rapidfuzz's
Levenshtein ratio on the normalised text, keeping those at or above the threshold.

When several approved translations of one source exist, an editor's correction wins over an
editor's approval, which wins over an import; the newest wins within each. Conflicting imports
(same source, different target) are kept, both flagged `conflict`, and reported.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from sqlalchemy import Connection, Row, delete, func, select, text, update
from sqlalchemy.orm import Session

from transdesk.errors import InvalidInput
from transdesk.memory.index import SHORT, index_for, short_candidates
from transdesk.memory.model import (
    ImportProblem,
    ImportReport,
    MemoryMatch,
    MemoryPair,
    MemoryStats,
    Origin,
)
from transdesk.memory.normalise import normalise, normalised_hash, source_hash
from transdesk.store.db import Database
from transdesk.store.memory_tables import MemorySegmentRow

log = logging.getLogger(__name__)

_ORIGIN_RANK = {Origin.CORRECTION: 0, Origin.EDITOR: 1, Origin.IMPORT: 2}
_TABLE = MemorySegmentRow.__table__
IN_CHUNK = 500
CANDIDATES = 20
BULK_ROWS = 5000  # an import with a batch this full is indexed in bulk


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _match(row: MemorySegmentRow | Row, score: float, conflict: bool = False) -> MemoryMatch:
    return MemoryMatch(
        id=row.id,
        source=row.source,
        target=row.target,
        score=score,
        origin=Origin(row.origin),
        approved_by=row.approved_by,
        approved_at=_aware(row.approved_at),
        article_slug=row.article_slug,
        article_date=row.article_date,
        previous_source=row.previous_source,
        next_source=row.next_source,
        conflict=conflict,
    )


def _preference(row: MemorySegmentRow | Row) -> tuple[int, float, int]:
    return (_ORIGIN_RANK[Origin(row.origin)], -_aware(row.approved_at).timestamp(), -row.id)


def _row_values(
    pair: MemoryPair, norm: str, key: str, conflict: bool, now: dt.datetime
) -> tuple[object, ...]:
    """A new row's values in `_COPY_COLUMNS` order (`now`: when an import without dates of its
    own approved it, one moment for the batch)."""
    return (
        key,
        pair.source,
        pair.target,
        norm,
        len(norm),
        pair.article_slug,
        pair.previous_source,
        pair.next_source,
        pair.article_date,
        pair.approved_by,
        pair.approved_at or now,
        str(pair.origin),
        conflict,
    )


class TranslationMemory:
    """Approved Korean→English sentence pairs in the desk's database."""

    def __init__(self, database: Database, *, fuzzy_threshold: float = 0.75) -> None:
        self.database = database
        self.fuzzy_threshold = fuzzy_threshold
        self.index = index_for(database.dialect)

    # --- writing -----------------------------------------------------------------------------

    def add(self, pair: MemoryPair) -> ImportReport:
        return self.add_many([pair])

    def add_many(
        self, pairs: Iterable[MemoryPair], *, batch_size: int = 5000, session: Session | None = None
    ) -> ImportReport:
        """Add approved pairs in one transaction; duplicates are skipped, conflicts flagged."""
        if session is None:
            with self.database.session() as own:
                return self.add_many(pairs, batch_size=batch_size, session=own)
        report = ImportReport()
        added_norms: list[str] = []
        batch: list[MemoryPair] = []
        bulk, token, analysed = False, None, 0
        seen: _Seen | None = None
        for pair in pairs:
            batch.append(pair)
            if len(batch) >= batch_size:
                if not bulk and batch_size >= BULK_ROWS:
                    bulk, token = True, self.index.begin_bulk(session)
                    seen = _first_load(session)
                added_norms += self._add_batch(session, batch, report, seen)
                if seen is None:
                    analysed = self._keep_statistics(session, report.added, analysed)
                batch = []
        if batch:
            added_norms += self._add_batch(session, batch, report, seen)
        if seen is not None:
            _restore_indexes(session)
        if bulk:
            self.index.end_bulk(session, token, added_norms)
        else:
            self.index.added(session, added_norms)
        return report

    def _keep_statistics(self, session: Session, written: int, analysed: int) -> int:
        """Let PostgreSQL plan a large import's duplicate checks on statistics that know its rows.

        The check of each batch reads the hashes it holds through the `source_hash` index; on a
        table whose statistics predate the import, the planner expects every key to match
        thousands of rows and scans the table for every 500 keys instead (half a second each at
        10^5 rows). ANALYZE, which sees the import's own uncommitted rows, runs each time the
        import has doubled what it wrote: a handful of times at 10^6 rows. Returns the rows
        written at the latest ANALYZE.
        """
        if self.database.dialect != "postgresql" or written < max(2 * analysed, BULK_ROWS):
            return analysed
        session.execute(text("ANALYZE memory_segments"))
        return written

    def _add_batch(
        self,
        session: Session,
        batch: list[MemoryPair],
        report: ImportReport,
        seen: _Seen | None = None,
    ) -> list[str]:
        """Add one batch; with `seen` (a first load), duplicates are looked up in what this
        import has written so far, not in the database."""
        keyed = [(pair, normalise(pair.source)) for pair in batch]
        keyed = [(pair, norm, normalised_hash(norm)) for pair, norm in keyed]
        # A source the memory lacks keeps its first target unfolded in `first`: most of an import
        # is new sentences, whose targets need folding only if the same source comes again.
        first: dict[str, str]
        now = _now()
        if seen is None:
            known, first = self._targets_by_hash(session, {key for _, _, key in keyed}), {}
        else:
            known, first = seen.known, seen.first
        values, norms, conflicted = [], [], set()
        for pair, norm, key in keyed:
            report.read += 1
            if not norm or not pair.target.strip():
                where = f"line {pair.line}: " if pair.line else ""
                raise InvalidInput(f"{where}a memory entry needs both a source and a target")
            targets = known.get(key)
            if targets is None:
                if key not in first:
                    first[key] = pair.target
                    values.append(_row_values(pair, norm, key, False, now))
                    norms.append(norm)
                    continue
                unfolded = first.pop(key)
                targets = known[key] = {normalise(unfolded): unfolded}
            target_norm = normalise(pair.target)
            if target_norm in targets:
                report.duplicates += 1
                continue
            conflict = bool(targets) and pair.origin is Origin.IMPORT
            if conflict:
                conflicted.add(key)
                report.conflicts.append(_conflict(pair, targets))
            targets[target_norm] = pair.target
            values.append(_row_values(pair, norm, key, conflict, now))
            norms.append(norm)
        if values:
            _insert_rows(session, values)
        if conflicted:
            session.execute(
                update(_TABLE).where(_TABLE.c.source_hash.in_(conflicted)).values(conflict=True)
            )
        report.added += len(values)
        return norms

    @staticmethod
    def _targets_by_hash(session: Session, keys: set[str]) -> dict[str, dict[str, str]]:
        """The stored targets (by normalised target) of each of `keys` the memory holds.

        PostgreSQL: one `= ANY(array)` per batch (the `IN` lists of 500 spent more time in
        rendering and parsing their parameters than in the index)."""
        known: dict[str, dict[str, str]] = {}
        keys_list = list(keys)
        postgres = session.get_bind().dialect.name == "postgresql"
        if postgres:
            chunks = [keys_list] if keys_list else []
        else:
            chunks = [keys_list[i : i + IN_CHUNK] for i in range(0, len(keys_list), IN_CHUNK)]
        for chunk in chunks:
            if postgres:
                rows = session.execute(
                    text(
                        "SELECT source_hash, target FROM memory_segments "
                        "WHERE source_hash = ANY(:keys)"
                    ),
                    {"keys": chunk},
                )
            else:
                rows = session.execute(
                    select(_TABLE.c.source_hash, _TABLE.c.target).where(
                        _TABLE.c.source_hash.in_(chunk)
                    )
                )
            for key, target in rows:
                known.setdefault(key, {})[normalise(target)] = target
        return known

    def remove_translation(self, session: Session, source: str, target: str) -> int:
        """Remove the pairs of `source` whose target is `target` (normalised); how many went."""
        key = source_hash(source)
        rows = session.scalars(select(MemorySegmentRow).where(MemorySegmentRow.source_hash == key))
        doomed = [row for row in rows if normalise(row.target) == normalise(target)]
        if doomed:
            session.execute(delete(_TABLE).where(_TABLE.c.id.in_([row.id for row in doomed])))
            self.index.removed(session, [row.source_norm for row in doomed])
        return len(doomed)

    # --- reading -----------------------------------------------------------------------------

    def exact(self, source: str) -> MemoryMatch | None:
        return self.exact_many([source]).get(source)

    def exact_many(
        self, sources: Sequence[str], *, session: Session | None = None
    ) -> dict[str, MemoryMatch]:
        """The preferred exact match of each source that has one (one indexed query per 500)."""
        if session is None:
            with self.database.session() as own:
                return self.exact_many(sources, session=own)
        keys = {source: source_hash(source) for source in sources}
        best: dict[str, MemoryMatch] = {}
        by_key = self._rows_by_hash(session, set(keys.values()))
        for source, key in keys.items():
            rows = by_key.get(key)
            if rows:
                rows.sort(key=_preference)
                winner = rows[0]
                unresolved = winner.conflict and winner.origin == Origin.IMPORT
                best[source] = _match(winner, 1.0, conflict=unresolved)
        return best

    @staticmethod
    def _rows_by_hash(session: Session, keys: set[str]) -> dict[str, list[Row]]:
        """Plain rows, not ORM objects: a lookup only reads them (a third of its Python time
        went to the identity map)."""
        by_key: dict[str, list[Row]] = {}
        keys_list = list(keys)
        for start in range(0, len(keys_list), IN_CHUNK):
            statement = select(_TABLE).where(
                _TABLE.c.source_hash.in_(keys_list[start : start + IN_CHUNK])
            )
            for row in session.execute(statement):
                by_key.setdefault(row.source_hash, []).append(row)
        return by_key

    def lookup(
        self, source: str, *, threshold: float | None = None, limit: int = 5
    ) -> list[MemoryMatch]:
        """What an editor sees for a sentence: the exact match first, then similar ones (both read
        in one transaction: on PostgreSQL every extra BEGIN/COMMIT is a round trip)."""
        with self.database.session() as session:
            exact = self.exact_many([source], session=session).get(source)
            similar = self.fuzzy_many(
                [source], threshold=threshold, limit=limit + 1, session=session
            )[source]
        if exact is None:
            return similar[:limit]
        return [exact, *(m for m in similar if m.id != exact.id)][:limit]

    def fuzzy(
        self, source: str, *, threshold: float | None = None, limit: int = 5
    ) -> list[MemoryMatch]:
        return self.fuzzy_many([source], threshold=threshold, limit=limit)[source]

    def fuzzy_many(
        self,
        sources: Sequence[str],
        *,
        threshold: float | None = None,
        limit: int = 5,
        session: Session | None = None,
    ) -> dict[str, list[MemoryMatch]]:
        """Similar approved sentences at or above `threshold`, best first, for every source.

        With `session`, reads inside the caller's transaction; on PostgreSQL the index's
        transaction-local settings (`PgTrigramIndex.candidates`) then hold until it ends."""
        if session is None:
            with self.database.session() as own:
                return self.fuzzy_many(sources, threshold=threshold, limit=limit, session=own)
        threshold = self.fuzzy_threshold if threshold is None else threshold
        sources = list(dict.fromkeys(sources))
        norms = [normalise(source) for source in sources]
        found = self.index.candidates(session, norms, CANDIDATES, threshold)
        for ids, norm in zip(found, norms, strict=True):
            if len(norm) <= SHORT:  # entries of one or two characters have no trigrams
                ids += short_candidates(session, len(norm), CANDIDATES)
        rows = self._rows_by_id(session, {i for ids in found for i in ids})
        result: dict[str, list[MemoryMatch]] = {}
        for source, norm, ids in zip(sources, norms, found, strict=True):
            scored = []
            for row in (rows[i] for i in ids if i in rows):
                score = fuzz.ratio(norm, row.source_norm, score_cutoff=threshold * 100) / 100
                if score >= threshold and score > 0:
                    scored.append(_match(row, round(score, 4), conflict=row.conflict))
            scored.sort(key=lambda m: (-m.score, _ORIGIN_RANK[m.origin], -m.id))
            result[source] = _distinct_targets(scored)[:limit]
        return result

    @staticmethod
    def _rows_by_id(session: Session, ids: set[int]) -> dict[int, Row]:
        rows: dict[int, Row] = {}
        ids_list = list(ids)
        for start in range(0, len(ids_list), IN_CHUNK):
            statement = select(_TABLE).where(_TABLE.c.id.in_(ids_list[start : start + IN_CHUNK]))
            rows.update((row.id, row) for row in session.execute(statement))
        return rows

    def pairs(self, batch_size: int = 5000) -> Iterator[MemoryMatch]:
        """Every entry, oldest first, read in batches (for export)."""
        last = 0
        while True:
            with self.database.session() as session:
                statement = (
                    select(MemorySegmentRow)
                    .where(MemorySegmentRow.id > last)
                    .order_by(MemorySegmentRow.id)
                    .limit(batch_size)
                )
                rows = list(session.scalars(statement))
            if not rows:
                return
            yield from (_match(row, 1.0, conflict=row.conflict) for row in rows)
            last = rows[-1].id

    def stats(self) -> MemoryStats:
        with self.database.session() as session:
            count, distinct, conflicts, last = session.execute(
                select(
                    func.count(),
                    func.count(func.distinct(_TABLE.c.source_hash)),
                    func.count().filter(_TABLE.c.conflict.is_(True)),
                    func.max(_TABLE.c.approved_at),
                )
            ).one()
            by_origin = dict(
                session.execute(select(_TABLE.c.origin, func.count()).group_by(_TABLE.c.origin)).all()
            )
        return MemoryStats(
            segments=count,
            distinct_sources=distinct,
            conflicts=conflicts,
            by_origin=by_origin,
            last_approved_at=_aware(last) if last else None,
            index=self.index.name,
        )

    def version(self) -> dict[str, object]:
        """A cheap fingerprint of the memory's content, for translation signatures."""
        with self.database.session() as session:
            newest = session.execute(select(func.max(_TABLE.c.id))).scalar()
        return {"newest_entry": newest or 0, "fuzzy_threshold": self.fuzzy_threshold}


_COPY_COLUMNS = (
    "source_hash", "source", "target", "source_norm", "source_length", "article_slug",
    "previous_source", "next_source", "article_date", "approved_by", "approved_at", "origin",
    "conflict",
)  # fmt: skip


def _insert_rows(session: Session, values: list[tuple[object, ...]]) -> None:
    """Write new memory rows inside the session's transaction.

    PostgreSQL: one `COPY ... FROM STDIN` per batch through psycopg 3 (an executemany sends one
    INSERT per row, ten times slower at 10^5 rows). SQLite: one executemany, which its driver runs
    as a single prepared statement. Either way a failure rolls back with the rest of the import.
    """
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        _sqlite_insert(connection, values)
        return
    driver = connection.connection.driver_connection
    statement = f"COPY memory_segments ({', '.join(_COPY_COLUMNS)}) FROM STDIN"
    with driver.cursor() as cursor, cursor.copy(statement) as copy:
        for row in values:
            copy.write_row(row)


def _sqlite_insert(connection: Connection, values: list[tuple[object, ...]]) -> None:
    """One executemany of plain tuples: the columns' own SQLAlchemy bind processors (dates to
    text, booleans to 0/1) are applied here, without the per-row parameter building of an
    ORM-level insert (a third of a 10^6-row import). A processed value is remembered: an import
    repeats the same few (one approval moment per batch, two booleans, a handful of dates)."""
    processors = [
        (i, process, {})
        for i, column in enumerate(_COPY_COLUMNS)
        if (process := _TABLE.c[column].type.bind_processor(connection.dialect)) is not None
    ]
    statement = (
        f"INSERT INTO memory_segments ({', '.join(_COPY_COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in _COPY_COLUMNS)})"
    )
    # what the driver would otherwise adapt row by row (sqlite3 writes a datetime as its
    # isoformat), done once per distinct value
    moments: dict[dt.datetime, str] = {}
    timed = [
        i for i, column in enumerate(_COPY_COLUMNS)
        if _TABLE.c[column].type.python_type is dt.datetime
    ]
    rows = []
    for row in values:
        fields = list(row)
        for i, process, done in processors:
            value = fields[i]
            if value is not None:
                processed = done.get(value)
                if processed is None:
                    processed = done[value] = process(value)
                fields[i] = processed
        for i in timed:
            value = fields[i]
            if isinstance(value, dt.datetime):
                fields[i] = moments.get(value) or moments.setdefault(value, value.isoformat(" "))
        rows.append(tuple(fields))
    connection.exec_driver_sql(statement, rows)


@dataclass
class _Seen:
    """What a first load has written so far, by source hash: the targets of sources seen more
    than once (`known`, by normalised target), the one target of each source seen once."""

    known: dict[str, dict[str, str]] = field(default_factory=dict)
    first: dict[str, str] = field(default_factory=dict)


def _first_load(session: Session) -> _Seen | None:
    """Prepare a bulk import into an empty memory, or return None where the memory has rows.

    Into an empty memory, only the import itself can hold a duplicate: it is found in memory
    (`_Seen`), not by a lookup per batch, and the secondary indexes (source hash, length, slug)
    are dropped and built once at the end, by sorting, instead of row by row (at 10^6 rows the
    random source hashes made their index the import's slowest write). Both inside the import's
    transaction: a failure restores them with the rest."""
    if session.execute(select(_TABLE.c.id).limit(1)).first() is not None:
        return None
    connection = session.connection()
    for index in _TABLE.indexes:
        index.drop(connection)
    return _Seen()


def _restore_indexes(session: Session) -> None:
    connection = session.connection()
    for index in _TABLE.indexes:
        index.create(connection)


def _conflict(pair: MemoryPair, targets: dict[str, str]) -> ImportProblem:
    known = "; ".join(repr(t) for t in list(targets.values())[:2])
    return ImportProblem(
        pair.line,
        f"{pair.source!r} is already approved as {known}; {pair.target!r} kept as well, "
        "both flagged as conflicting until an editor corrects one",
    )


def _distinct_targets(matches: list[MemoryMatch]) -> list[MemoryMatch]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for match in matches:
        key = (match.source, match.target)
        if key not in seen:
            seen.add(key)
            kept.append(match)
    return kept
