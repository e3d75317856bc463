"""Where fuzzy-match candidates come from: a trigram index, never a scan of the memory.

SQLite: the FTS5 trigram table. A sentence's trigrams are split into `BUCKETS` runs by position;
from each run the rarest trigram (by `memory_trigram_docs`) represents it, and every pair of
representatives is one `"a" AND "b"` query. An edit in one part of a sentence spoils only the pairs
touching that part; pairs spanning two distant parts are very selective. A row's candidate weight
sums 1/(size of each result it appears in), so rows found by selective pairs come first.

PostgreSQL: pg_trgm's `%` operator over the GIN trigram index, best `similarity()` first, with
`pg_trgm.similarity_threshold` set from the caller's threshold (`PgTrigramIndex.similarity_floor`)
so the index scan skips what cannot match (the planner, blind to what `%` costs per row, may scan
the table: sequential scans are switched off for that one transaction). A bulk import drops the GIN
index and builds it once at the end with more `maintenance_work_mem`.

(The store adds, for sentences of up to `SHORT` characters, the entries of similar length read
through the `source_length` index: an entry of one or two characters has no trigram at all.)
"""

from __future__ import annotations

import itertools
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from transdesk.memory.normalise import MIN_TRIGRAM_LENGTH, trigrams
from transdesk.store.memory_tables import FTS_TABLE, FTS_VOCAB_TABLE, TRGM_INDEX

log = logging.getLogger(__name__)

BUCKETS = 6
ROWS_PER_PAIR = 100
SHORT = 2 * MIN_TRIGRAM_LENGTH - 1  # up to here, also look at entries of similar length
BULK_INDEX_MEMORY = "512MB"  # PostgreSQL's maintenance_work_mem while the trigram index is rebuilt
MAX_COMPOUND = 400  # SQLite allows 500 SELECTs in one compound statement
TRGM_INDEX_SQL = (  # as created by migration 0002_memory, altered by 0010_memory_trgm
    f"CREATE INDEX {TRGM_INDEX} ON memory_segments USING gin (source_norm gin_trgm_ops) "
    "WITH (fastupdate = off)"
)
INSERT_TRIGGER = "memory_segments_fts_insert"
INSERT_TRIGGER_SQL = (  # as created by migration 0002_memory
    f"CREATE TRIGGER {INSERT_TRIGGER} AFTER INSERT ON memory_segments BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, source_norm) VALUES (new.id, new.source_norm); END"
)


class CandidateIndex(Protocol):
    name: str

    def candidates(
        self, session: Session, queries: Sequence[str], limit: int, threshold: float
    ) -> list[list[int]]:
        """For each normalised query, ids of up to `limit` memory rows likely to resemble it
        (`threshold`: the Levenshtein ratio the caller keeps, which an index may narrow by)."""
        ...

    def added(self, session: Session, norms: Sequence[str]) -> None: ...

    def begin_bulk(self, session: Session) -> object:
        """Prepare for a large import; returns what `end_bulk` needs."""
        ...

    def end_bulk(self, session: Session, token: object) -> None: ...

    def removed(self, session: Session, norms: Sequence[str]) -> None: ...


def index_for(dialect: str) -> CandidateIndex:
    return PgTrigramIndex() if dialect == "postgresql" else Fts5TrigramIndex()


def length_window(length: int, threshold: float) -> tuple[int, int]:
    """Lengths a sentence may have and still reach `threshold` (Levenshtein ratio) against `length`."""
    t = max(threshold, 0.01)
    return int(length * t / (2 - t)), int(length * (2 - t) / t + 1)


def short_candidates(session: Session, length: int, limit: int) -> list[int]:
    """Entries about as long as a short sentence (`SHORT` characters or fewer)."""
    low, high = length_window(length, 0.5)
    rows = session.execute(
        text(
            "SELECT id FROM memory_segments WHERE source_length BETWEEN :low AND :high "
            "ORDER BY source_length, id DESC LIMIT :limit"
        ),
        {"low": max(low, 1), "high": high, "limit": limit},
    )
    return [row[0] for row in rows]


def _phrase(gram: str) -> str:
    return '"' + gram.replace('"', '""') + '"'


def _pairs(grams: list[str], docs: dict[str, int]) -> list[str]:
    """FTS5 MATCH expressions for one sentence (see the module docstring)."""
    known = [g for g in grams if docs.get(g)]
    if not known:
        return []
    n = len(known)
    runs = [known[i * n // BUCKETS : (i + 1) * n // BUCKETS] for i in range(BUCKETS)]
    representatives = list(dict.fromkeys(min(run, key=docs.__getitem__) for run in runs if run))
    if len(representatives) == 1:
        return [_phrase(representatives[0])]
    return [f"{_phrase(a)} AND {_phrase(b)}" for a, b in itertools.combinations(representatives, 2)]


class Fts5TrigramIndex:
    name = "fts5-trigram"

    def candidates(
        self, session: Session, queries: Sequence[str], limit: int, threshold: float
    ) -> list[list[int]]:
        grams = [trigrams(q) for q in queries]
        docs = self._docs(session, {g for gs in grams for g in gs})
        found: list[list[int]] = [[] for _ in queries]
        searches: list[tuple[int, str]] = []
        for i, query_grams in enumerate(grams):
            searches.extend((i, expression) for expression in _pairs(query_grams, docs))
        weights: list[Counter[int]] = [Counter() for _ in queries]
        for start in range(0, len(searches), MAX_COMPOUND):
            self._search(session, searches[start : start + MAX_COMPOUND], weights)
        for i, weight in enumerate(weights):
            found[i] += [row_id for row_id, _ in weight.most_common(limit)]
        return found

    @staticmethod
    def _search(
        session: Session, searches: list[tuple[int, str]], weights: list[Counter[int]]
    ) -> None:
        selects = " UNION ALL ".join(
            f"SELECT * FROM (SELECT {k} AS search, rowid FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH :m{k} LIMIT {ROWS_PER_PAIR})"
            for k in range(len(searches))
        )
        params = {f"m{k}": expression for k, (_, expression) in enumerate(searches)}
        hits = session.execute(text(selects), params).all()
        sizes = Counter(search for search, _ in hits)
        for search, row_id in hits:
            weights[searches[search][0]][row_id] += 1.0 / sizes[search]

    @staticmethod
    def _docs(session: Session, grams: Iterable[str]) -> dict[str, int]:
        grams = list(grams)
        if not grams:
            return {}
        statement = text(
            "SELECT trigram, docs FROM memory_trigram_docs WHERE trigram IN :grams"
        ).bindparams(bindparam("grams", expanding=True))
        docs: dict[str, int] = {}
        for start in range(0, len(grams), 900):
            docs.update(session.execute(statement, {"grams": grams[start : start + 900]}).all())
        return docs

    def added(self, session: Session, norms: Sequence[str]) -> None:
        self._adjust(session, norms, +1)

    def begin_bulk(self, session: Session) -> object:
        """Index a large import in one statement at the end instead of a trigger per row
        (three times faster); all inside the import's transaction, so a failure undoes it.

        Python's sqlite3 opens a transaction only before an INSERT, UPDATE or DELETE and runs any
        other statement outside one: without the explicit BEGIN, dropping the trigger before the
        import's first row would be committed at once, and a failed import would leave a memory
        whose later writes are never indexed."""
        if not session.connection().connection.driver_connection.in_transaction:
            session.execute(text("BEGIN"))
        newest = session.execute(text("SELECT coalesce(max(id), 0) FROM memory_segments"))
        session.execute(text(f"DROP TRIGGER {INSERT_TRIGGER}"))
        return newest.scalar_one()

    def end_bulk(self, session: Session, token: object) -> None:
        session.execute(
            text(f"INSERT INTO {FTS_TABLE}(rowid, source_norm) "
                 "SELECT id, source_norm FROM memory_segments WHERE id > :newest"),
            {"newest": token},
        )
        session.execute(text(INSERT_TRIGGER_SQL))
        self.recount(session)

    def removed(self, session: Session, norms: Sequence[str]) -> None:
        self._adjust(session, norms, -1)

    @staticmethod
    def recount(session: Session) -> None:
        """Read every trigram's document count from the FTS5 index (a few seconds at 10^6 rows)."""
        session.execute(text("DELETE FROM memory_trigram_docs"))
        session.execute(
            text(
                f"INSERT INTO memory_trigram_docs(trigram, docs) "
                f"SELECT term, doc FROM {FTS_VOCAB_TABLE}"
            )
        )

    @staticmethod
    def _adjust(session: Session, norms: Sequence[str], sign: int) -> None:
        counts = Counter(g for norm in norms for g in trigrams(norm))
        if not counts:
            return
        session.execute(
            text(
                "INSERT INTO memory_trigram_docs(trigram, docs) VALUES (:trigram, :docs) "
                "ON CONFLICT(trigram) DO UPDATE SET docs = max(docs + excluded.docs, 0)"
            ),
            [{"trigram": g, "docs": sign * n} for g, n in counts.items()],
        )


class PgTrigramIndex:
    name = "pg_trgm"
    # pg_trgm's own similarity a candidate needs (`pg_trgm.similarity_threshold`, read by `%`):
    # the caller's Levenshtein threshold less `FLOOR_MARGIN`, never under `MIN_FLOOR`. The GIN
    # scan skips rows that cannot reach it, so a higher floor reads less of the long posting
    # lists of common trigrams (at 10^5 segments, 0.5 instead of 0.3 cuts the scan by a third).
    # A sentence with one word of twelve changed keeps a similarity of 0.6 or more; candidates
    # are rescored with the Levenshtein ratio afterwards.
    MIN_FLOOR = 0.3
    FLOOR_MARGIN = 0.25

    def similarity_floor(self, threshold: float) -> float:
        return round(max(self.MIN_FLOOR, threshold - self.FLOOR_MARGIN), 3)

    def candidates(
        self, session: Session, queries: Sequence[str], limit: int, threshold: float
    ) -> list[list[int]]:
        found: list[list[int]] = [[] for _ in queries]
        session.execute(
            text(
                "SELECT set_config('pg_trgm.similarity_threshold', :floor, true), "
                "set_config('enable_seqscan', 'off', true)"  # the planner underrates `%` per row
            ),
            {"floor": str(self.similarity_floor(threshold))},
        )
        rows = session.execute(
            text(
                "SELECT q.ord, c.id FROM unnest(CAST(:queries AS text[])) WITH ORDINALITY "
                "AS q(query, ord) CROSS JOIN LATERAL (SELECT m.id FROM memory_segments m "
                "WHERE m.source_norm % q.query "
                "ORDER BY similarity(m.source_norm, q.query) DESC LIMIT :limit) c"
            ),
            {"queries": list(queries), "limit": limit},
        )
        for ordinal, row_id in rows:
            found[ordinal - 1].append(row_id)
        return found

    def added(self, session: Session, norms: Sequence[str]) -> None:
        return None

    def begin_bulk(self, session: Session) -> object:
        """Build the trigram index once after a large import rather than row by row."""
        session.execute(text(f"DROP INDEX IF EXISTS {TRGM_INDEX}"))
        return None

    def end_bulk(self, session: Session, token: object) -> None:
        # The GIN build sorts every trigram of every row: with the default 64 MB of
        # maintenance_work_mem it spills to disk in many passes at 10^6 rows.
        session.execute(text(f"SET LOCAL maintenance_work_mem = '{BULK_INDEX_MEMORY}'"))
        session.execute(text(TRGM_INDEX_SQL))
        session.execute(text("ANALYZE memory_segments"))

    def removed(self, session: Session, norms: Sequence[str]) -> None:
        return None
