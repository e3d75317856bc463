"""Where fuzzy-match candidates come from: a trigram index, never a scan of the memory.

Both backends query pairs of rare trigrams. A sentence's trigrams are split into `BUCKETS` runs by
position; from each run the rarest trigram (by `memory_trigram_docs`) represents it, and every
pair of representatives is one query for the rows holding both. An edit in one part of a sentence
spoils only the pairs touching that part; pairs spanning two distant parts are very selective.
Each pair reads at most `ROWS_PER_PAIR` rows.

SQLite: the FTS5 trigram table (`detail=none`: rowids only, which is all a `"a" AND "b"` query
needs), one `MATCH` per pair; a row's candidate weight sums 1/(size of each result it appears in),
so rows found by selective pairs come first. `memory_trigram_docs` counts every trigram, read from
the FTS5 vocabulary after a bulk import.

PostgreSQL: the pg_trgm GIN index serves `source_norm LIKE '%abc%' AND source_norm LIKE '%def%'`
by intersecting the posting lists of two rare trigrams, where the `%` similarity operator read
the long posting lists of every common trigram of the sentence (308 ms at 10^6 segments). Only
trigrams inside a run of letters or digits are used (`word_trigrams`: pg_trgm pads words, so a
trigram holding a space is not one of its keys), and `memory_trigram_docs` counts those, kept in
step by the store's writes. Each pair reads at most `PG_ROWS_PER_PAIR` rows, only those within
the query's `length_window` (a row outside it cannot reach the threshold; without this filter a
common pair's first rows, in table order, crowd out the rest), and a sentence's pairs together
at most `PG_ROWS_PER_QUERY`: its pairs run in one prepared statement (a lateral join over
arrays of patterns, planned once per connection, where 15 subqueries were planned on every
lookup), those spanning the most distant parts of the sentence first. Distant parts rarely
share rows by chance, so those pairs return the sentence looked for and little else; pairs
within one part return the same common rows again and again, and the budget stops them (at
10^6 segments, p95 of the pair statement 13.5 -> 8.5 ms, recall unchanged with one word or
two changed). The rows come back with their text, which is rescored at once with the
Levenshtein ratio. A sentence with fewer than two such trigrams known to the memory falls back
to `%` at `PgTrigramIndex.similarity_floor`, with sequential scans switched off for its
transaction (the planner, blind to what `%` costs per row, may scan the table); an AND of two
`LIKE`s is estimated rare enough to take the index. A bulk import drops the GIN index and builds
it once at the end with more `maintenance_work_mem` (counting its rows' trigrams meanwhile), and
adds the counts in one statement.

(The store adds, for sentences of up to `SHORT` characters, the entries of similar length read
through the `source_length` index: an entry of one or two characters has no trigram at all.)
"""

from __future__ import annotations

import itertools
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from rapidfuzz import fuzz
from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from transdesk.memory.normalise import MIN_TRIGRAM_LENGTH, trigrams, word_trigrams
from transdesk.store.memory_tables import FTS_TABLE, FTS_VOCAB_TABLE, TRGM_INDEX

log = logging.getLogger(__name__)

BUCKETS = 6
ROWS_PER_PAIR = 100
# PostgreSQL reads each row a pair returns from the table (pg_trgm's LIKE is always rechecked
# against the text), so a pair reads fewer, all within the query's length window: the sentence
# looked for is in most of its pairs. At 10^6 segments, 100 rows: p50 27 ms, recall 90.5%; 40
# rows in the window: p50 16 ms, recall 89%.
PG_ROWS_PER_PAIR = 40
PG_ROWS_PER_QUERY = 150  # all pairs of one sentence together (module docstring)
SHORT = 2 * MIN_TRIGRAM_LENGTH - 1  # up to here, also look at entries of similar length
BULK_INDEX_MEMORY = "512MB"  # PostgreSQL's maintenance_work_mem while the trigram index is rebuilt
# SQLite's page cache while a bulk import runs (a negative size is in KiB): the duplicate checks
# and the `source_hash` index read and write pages all over a table of 10^6 rows, which the
# default 2 MB keeps evicting. Set back at the end (a failed import leaves only a larger limit).
BULK_CACHE_KIB = -262144
# FTS5's in-memory buffer of new postings while a bulk import is indexed (its default, 1 MiB,
# is restored afterwards): `Fts5TrigramIndex.end_bulk`.
BULK_FTS_HASH = 64 * 1024 * 1024
FTS_DEFAULT_HASH = 1024 * 1024
_FTS_HASHSIZE = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('hashsize', :size)"
MAX_COMPOUND = 400  # SQLite allows 500 SELECTs in one compound statement
TRGM_INDEX_SQL = (  # as created by migration 0002_memory, altered by 0010_memory_trgm
    f"CREATE INDEX {TRGM_INDEX} ON memory_segments USING gin (source_norm gin_trgm_ops) "
    "WITH (fastupdate = off)"
)
# PostgreSQL's pair lookup (`PgTrigramIndex._search`). `+ 0`: the length is a filter on the rows
# the trigram index finds (with the `source_length` index the planner may read every row of the
# window: seconds at 10^6 rows).
_PAIR_STATEMENT = (
    "SELECT q.ord, c.id, c.source_norm "
    "FROM unnest(%(lows)s::int[], %(highs)s::int[]) WITH ORDINALITY AS q(low, high, ord) "
    "CROSS JOIN LATERAL ("
    " SELECT m.id, m.source_norm "
    " FROM unnest(%(firsts)s::text[], %(seconds)s::text[], %(owners)s::int[]) AS p(a, b, owner) "
    " CROSS JOIN LATERAL ("
    "  SELECT id, source_norm FROM memory_segments "
    "  WHERE source_norm LIKE p.a AND source_norm LIKE p.b "
    "  AND source_length + 0 BETWEEN q.low AND q.high "
    f"  LIMIT {PG_ROWS_PER_PAIR}) m "
    " WHERE p.owner = q.ord "
    f" LIMIT {PG_ROWS_PER_QUERY}) c"
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

    def end_bulk(self, session: Session, token: object, norms: Sequence[str]) -> None:
        """Finish a large import whose new rows' normalised sources are `norms`."""
        ...

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


def rare_pairs(
    grams: list[str], docs: dict[str, int], *, farthest_first: bool = False
) -> list[tuple[str, ...]]:
    """The trigram pairs (or the one trigram) one sentence is looked up by (module docstring);
    trigrams no stored row holds are left out. `farthest_first`: pairs whose trigrams represent
    the most distant parts of the sentence come first."""
    known = [g for g in grams if docs.get(g)]
    if not known:
        return []
    n = len(known)
    runs = [known[i * n // BUCKETS : (i + 1) * n // BUCKETS] for i in range(BUCKETS)]
    representatives = list(dict.fromkeys(min(run, key=docs.__getitem__) for run in runs if run))
    if len(representatives) == 1:
        return [(representatives[0],)]
    pairs = list(itertools.combinations(enumerate(representatives), 2))
    if farthest_first:
        pairs.sort(key=lambda pair: pair[0][0] - pair[1][0])  # stable: ties keep their order
    return [(first, second) for (_, first), (_, second) in pairs]


def _pairs(grams: list[str], docs: dict[str, int]) -> list[str]:
    """FTS5 MATCH expressions for one sentence."""
    return [" AND ".join(_phrase(g) for g in pair) for pair in rare_pairs(grams, docs)]


def trigram_docs(session: Session, grams: Iterable[str]) -> dict[str, int]:
    """`memory_trigram_docs` for `grams` (those no row holds are absent)."""
    grams = list(grams)
    if not grams:
        return {}
    if session.get_bind().dialect.name == "postgresql":  # one array, not one parameter each
        statement = text(
            "SELECT trigram, docs FROM memory_trigram_docs WHERE trigram = ANY(:grams)"
        )
        return dict(session.execute(statement, {"grams": grams}).all())
    statement = text(
        "SELECT trigram, docs FROM memory_trigram_docs WHERE trigram IN :grams"
    ).bindparams(bindparam("grams", expanding=True))
    docs: dict[str, int] = {}
    for start in range(0, len(grams), 900):
        docs.update(session.execute(statement, {"grams": grams[start : start + 900]}).all())
    return docs


def adjust_docs(session: Session, counts: Counter[str], sign: int) -> None:
    """Add (`sign` +1) or take away (-1) `counts` to `memory_trigram_docs`, never below 0 (a
    removal only lowers counts that exist: it never writes a row for a trigram never counted)."""
    if not counts:
        return
    floor = "greatest" if session.get_bind().dialect.name == "postgresql" else "max"
    if sign > 0:
        statement = (
            "INSERT INTO memory_trigram_docs(trigram, docs) VALUES (:trigram, :docs) "
            "ON CONFLICT(trigram) DO UPDATE SET docs = memory_trigram_docs.docs + excluded.docs"
        )
    else:
        statement = (
            f"UPDATE memory_trigram_docs SET docs = {floor}(docs - :docs, 0) "
            "WHERE trigram = :trigram"
        )
    session.execute(text(statement), [{"trigram": g, "docs": n} for g, n in counts.items()])


class Fts5TrigramIndex:
    name = "fts5-trigram"

    def candidates(
        self, session: Session, queries: Sequence[str], limit: int, threshold: float
    ) -> list[list[int]]:
        grams = [trigrams(q) for q in queries]
        docs = trigram_docs(session, {g for gs in grams for g in gs})
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
        cache = session.execute(text("PRAGMA cache_size")).scalar_one()
        session.execute(text(f"PRAGMA cache_size = {BULK_CACHE_KIB}"))
        newest = session.execute(text("SELECT coalesce(max(id), 0) FROM memory_segments"))
        session.execute(text(f"DROP TRIGGER {INSERT_TRIGGER}"))
        return newest.scalar_one(), cache

    def end_bulk(self, session: Session, token: object, norms: Sequence[str]) -> None:
        """Index the import's rows in one statement, FTS5's pending-terms table enlarged for it.

        FTS5 buffers new postings in memory and writes them out as a new segment whenever the
        buffer passes `hashsize` (1 MiB by default): at 10^6 rows, thousands of small segments,
        merged and merged again as they come. With `BULK_FTS_HASH` the same rows make a few large
        segments (half the time, and the index reads no slower). The setting is FTS5's own
        (kept in its config table), set back to the default inside the same transaction."""
        newest, cache = token  # type: ignore[misc]
        session.execute(text(_FTS_HASHSIZE), {"size": BULK_FTS_HASH})
        session.execute(
            text(f"INSERT INTO {FTS_TABLE}(rowid, source_norm) "
                 "SELECT id, source_norm FROM memory_segments WHERE id > :newest"),
            {"newest": newest},
        )
        session.execute(text(_FTS_HASHSIZE), {"size": FTS_DEFAULT_HASH})
        session.execute(text(INSERT_TRIGGER_SQL))
        self.recount(session)
        session.execute(text(f"PRAGMA cache_size = {int(cache)}"))

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
        adjust_docs(session, Counter(g for norm in norms for g in trigrams(norm)), sign)


class PgTrigramIndex:
    name = "pg_trgm"
    # The fallback `%` lookup's pg_trgm similarity (`pg_trgm.similarity_threshold`): the
    # caller's Levenshtein threshold less `FLOOR_MARGIN`, never under `MIN_FLOOR`. A sentence with
    # one word of twelve changed keeps a similarity of 0.6 or more.
    MIN_FLOOR = 0.3
    FLOOR_MARGIN = 0.25

    def similarity_floor(self, threshold: float) -> float:
        return round(max(self.MIN_FLOOR, threshold - self.FLOOR_MARGIN), 3)

    def candidates(
        self, session: Session, queries: Sequence[str], limit: int, threshold: float
    ) -> list[list[int]]:
        grams = [word_trigrams(q) for q in queries]
        docs = trigram_docs(session, {g for gs in grams for g in gs})
        searches: list[tuple[int, tuple[str, ...]]] = []
        fallback: list[int] = []
        for i, query_grams in enumerate(grams):
            pairs = rare_pairs(query_grams, docs, farthest_first=True)
            if pairs and len(pairs[0]) > 1:
                searches.extend((i, pair) for pair in pairs)
            else:
                fallback.append(i)
        scores: list[dict[int, float]] = [{} for _ in queries]
        if searches:
            self._search(session, queries, searches, scores, threshold)
        if fallback:
            session.execute(
                text(
                    "SELECT set_config('pg_trgm.similarity_threshold', :floor, true), "
                    "set_config('enable_seqscan', 'off', true)"
                ),
                {"floor": str(self.similarity_floor(threshold))},
            )
            self._similar(session, [queries[i] for i in fallback], fallback, limit, scores)
        return [sorted(found, key=found.__getitem__, reverse=True)[:limit] for found in scores]

    @staticmethod
    def _search(
        session: Session,
        queries: Sequence[str],
        searches: list[tuple[int, tuple[str, ...]]],
        scores: list[dict[int, float]],
        threshold: float,
    ) -> None:
        """Every pair of every sentence in one statement of a fixed text, sent straight to the
        driver, which prepares it after a few runs; each row is scored once. The pairs of one
        sentence are read in the order given (a nested loop over the array keeps it) until
        `PG_ROWS_PER_QUERY` rows have come back."""
        windows = [length_window(len(query), threshold) for query in queries]
        params = {
            "lows": [low for low, _ in windows],
            "highs": [high for _, high in windows],
            "firsts": [f"%{pair[0]}%" for _, pair in searches],
            "seconds": [f"%{pair[1]}%" for _, pair in searches],
            "owners": [i + 1 for i, _ in searches],
        }
        driver = session.connection().connection.driver_connection
        with driver.cursor() as cursor:
            cursor.execute(_PAIR_STATEMENT, params)
            for ordinal, row_id, norm in cursor.fetchall():
                i = ordinal - 1
                if row_id not in scores[i]:
                    scores[i][row_id] = fuzz.ratio(queries[i], norm)

    @staticmethod
    def _similar(
        session: Session,
        queries: list[str],
        positions: list[int],
        limit: int,
        scores: list[dict[int, float]],
    ) -> None:
        """pg_trgm's `%` for sentences with too few word trigrams for a pair."""
        rows = session.execute(
            text(
                "SELECT q.ord, c.id, similarity(c.source_norm, q.query) FROM "
                "unnest(CAST(:queries AS text[])) WITH ORDINALITY AS q(query, ord) "
                "CROSS JOIN LATERAL (SELECT m.id, m.source_norm FROM memory_segments m "
                "WHERE m.source_norm % q.query "
                "ORDER BY similarity(m.source_norm, q.query) DESC LIMIT :limit) c"
            ),
            {"queries": queries, "limit": limit},
        )
        for ordinal, row_id, similarity in rows:
            scores[positions[ordinal - 1]][row_id] = 100.0 * similarity

    def added(self, session: Session, norms: Sequence[str]) -> None:
        adjust_docs(session, _word_counts(norms), +1)

    def begin_bulk(self, session: Session) -> object:
        """Build the trigram index once after a large import rather than row by row."""
        session.execute(text(f"DROP INDEX IF EXISTS {TRGM_INDEX}"))
        return None

    def end_bulk(self, session: Session, token: object, norms: Sequence[str]) -> None:
        # The GIN build sorts every trigram of every row: with the default 64 MB of
        # maintenance_work_mem it spills to disk in many passes at 10^6 rows. The server builds
        # it on one core, so the rows' trigram counts are taken meanwhile, in a thread of this
        # process (the driver waits for the server without holding the interpreter).
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="trigram-counts") as pool:
            counting = pool.submit(_word_counts, norms)
            session.execute(text(f"SET LOCAL maintenance_work_mem = '{BULK_INDEX_MEMORY}'"))
            session.execute(text(TRGM_INDEX_SQL))
            counts = counting.result()
        self._merge_docs(session, counts)
        session.execute(text("ANALYZE memory_segments"))

    @staticmethod
    def _merge_docs(session: Session, counts: Counter[str]) -> None:
        """Add a bulk import's counts through COPY and one upsert (an executemany of 10^5
        upserts takes half a minute)."""
        if not counts:
            return
        driver = session.connection().connection.driver_connection
        with driver.cursor() as cursor:
            cursor.execute(
                "CREATE TEMPORARY TABLE memory_trigram_docs_import "
                "(trigram text NOT NULL, docs integer NOT NULL) ON COMMIT DROP"
            )
            with cursor.copy("COPY memory_trigram_docs_import (trigram, docs) FROM STDIN") as copy:
                for row in counts.items():
                    copy.write_row(row)
            cursor.execute(
                "INSERT INTO memory_trigram_docs (trigram, docs) "
                "SELECT trigram, docs FROM memory_trigram_docs_import "
                "ON CONFLICT (trigram) DO UPDATE "
                "SET docs = memory_trigram_docs.docs + excluded.docs"
            )
            cursor.execute("DROP TABLE memory_trigram_docs_import")

    def removed(self, session: Session, norms: Sequence[str]) -> None:
        adjust_docs(session, _word_counts(norms), -1)


def _word_counts(norms: Iterable[str]) -> Counter[str]:
    """How many of `norms` hold each of their `word_trigrams`."""
    counts: Counter[str] = Counter()
    for norm in norms:
        counts.update(word_trigrams(norm))
    return counts
