"""The paths a large memory takes: bulk imports (COPY on PostgreSQL), one transaction per lookup,
and the pg_trgm similarity floor that keeps the candidate scan small."""

from __future__ import annotations

import pytest
from sqlalchemy import event, text

from transdesk.memory import MemoryPair, Origin, TranslationMemory
from transdesk.memory.index import PgTrigramIndex
from transdesk.memory.normalise import normalise, normalised_hash, source_hash

KREMLIN = "크렘린궁은 2일 푸틴 대통령과 김정은 국무위원장이 대화를 이어갈 것이라고 밝혔다."


def _bulk(count: int) -> list[MemoryPair]:
    return [MemoryPair(f"{i}번째 대량 기사 문장입니다.", f"Bulk {i}.", "bulk", Origin.IMPORT, line=i)
            for i in range(count)]  # fmt: skip


def test_bulk_import_merges_duplicates_and_flags_conflicts(memory):
    memory.add(MemoryPair(KREMLIN, "The Kremlin said so.", "kim", Origin.EDITOR))
    memory.add(MemoryPair("7번째 대량 기사 문장입니다.", "Bulk 7.", "wire", Origin.IMPORT))
    pairs = _bulk(6000)
    variant = MemoryPair(KREMLIN + " ", "The Kremlin said so. ", "x", Origin.IMPORT, line=-1)
    pairs.insert(10, variant)
    pairs.append(MemoryPair("5번째 대량 기사 문장입니다.", "Bulk 5.", "again", Origin.IMPORT))
    pairs.append(MemoryPair("9번째 대량 기사 문장입니다.", "Ninth.", "other", Origin.IMPORT, line=9))
    report = memory.add_many(pairs, batch_size=5000)  # two batches: the bulk path
    # the Kremlin variant, Bulk 7 (already stored) and Bulk 5 (twice in the import) are duplicates
    assert (report.read, report.added, report.duplicates) == (6003, 6000, 3)
    assert [problem.line for problem in report.conflicts] == [9]
    assert memory.exact("9번째 대량 기사 문장입니다.").conflict
    assert memory.stats().conflicts == 2 and memory.stats().segments == 6002
    assert memory.exact(KREMLIN).target == "The Kremlin said so."
    assert memory.fuzzy("5999번째 대량 기사 문장이다.")[0].target == "Bulk 5999."


def test_a_bad_pair_in_a_later_batch_undoes_the_whole_bulk_import(memory):
    from transdesk.errors import InvalidInput

    pairs = [*_bulk(5500), MemoryPair("빈 번역이다.", " ", "x", Origin.IMPORT, line=5501)]
    with pytest.raises(InvalidInput, match="line 5501"):
        memory.add_many(pairs, batch_size=5000)
    assert memory.stats().segments == 0
    memory.add(MemoryPair(KREMLIN, "The Kremlin said so.", "kim", Origin.EDITOR))  # index intact
    assert memory.fuzzy(KREMLIN.replace("2일", "3일"))[0].target == "The Kremlin said so."


def _index_names(memory) -> set[str]:
    from sqlalchemy import inspect

    with memory.database.engine.connect() as connection:
        return {i["name"] for i in inspect(connection).get_indexes("memory_segments")}


def test_a_first_load_finds_its_own_duplicates_across_batches_and_rebuilds_its_indexes(memory):
    indexes = _index_names(memory)
    pairs = _bulk(6000)
    pairs.append(MemoryPair("5번째 대량 기사 문장입니다.", "Bulk 5.", "again", Origin.IMPORT))
    pairs.append(MemoryPair("9번째 대량 기사 문장입니다.", "Ninth.", "other", Origin.IMPORT, line=9))
    pairs.append(MemoryPair("9번째 대량 기사 문장입니다.", "Ninth.", "more", Origin.IMPORT))
    report = memory.add_many(pairs, batch_size=5000)  # an empty memory: the first-load path
    assert (report.read, report.added, report.duplicates) == (6003, 6001, 2)
    assert [problem.line for problem in report.conflicts] == [9]
    assert memory.exact("9번째 대량 기사 문장입니다.").conflict
    assert _index_names(memory) == indexes
    assert memory.exact("5999번째 대량 기사 문장입니다.").target == "Bulk 5999."
    assert memory.fuzzy("5999번째 대량 기사 문장이다.")[0].target == "Bulk 5999."


def test_a_failed_first_load_leaves_the_indexes_in_place(memory):
    from transdesk.errors import InvalidInput

    indexes = _index_names(memory)
    pairs = [*_bulk(5500), MemoryPair("빈 번역이다.", " ", "x", Origin.IMPORT, line=5501)]
    with pytest.raises(InvalidInput):
        memory.add_many(pairs, batch_size=5000)
    assert _index_names(memory) == indexes and memory.stats().segments == 0


def test_the_fts5_buffer_is_back_to_its_default_after_a_bulk_import(memory):
    if memory.database.dialect != "sqlite":
        pytest.skip("FTS5 is SQLite's")
    from transdesk.memory.index import FTS_DEFAULT_HASH

    memory.add_many(_bulk(6000), batch_size=5000)
    with memory.database.engine.connect() as connection:
        rows = dict(connection.execute(text("SELECT k, v FROM memory_segments_fts_config")).all())
    assert int(rows.get("hashsize", FTS_DEFAULT_HASH)) == FTS_DEFAULT_HASH


def test_a_lookup_is_one_transaction(memory):
    memory.add_many(_bulk(50))
    begun: list[object] = []
    listener = lambda connection: begun.append(connection)  # noqa: E731
    event.listen(memory.database.engine, "begin", listener)
    try:
        matches = memory.lookup("49번째 대량 기사 문장이다.")
    finally:
        event.remove(memory.database.engine, "begin", listener)
    assert matches[0].target == "Bulk 49." and len(begun) == 1


def test_the_pg_trgm_floor_follows_the_threshold():
    index = PgTrigramIndex()
    assert index.similarity_floor(0.75) == 0.5
    assert index.similarity_floor(0.5) == index.MIN_FLOOR == 0.3
    assert index.similarity_floor(0.99) == 0.74


@pytest.mark.postgres
def test_postgres_lookup_queries_rare_trigram_pairs_through_the_gin_index(postgres_url):
    from transdesk.store.db import Database

    database = Database(postgres_url)
    try:
        memory = TranslationMemory(database)
        memory.add_many(_bulk(6000), batch_size=5000)
        statements: list[str] = []
        listener = lambda c, cur, statement, *rest: statements.append(statement)  # noqa: E731
        event.listen(database.engine, "before_cursor_execute", listener)
        with database.session() as session:
            memory.fuzzy_many(["4321번째 대량 기사 문장이다."], session=session)
            floor = session.execute(text("SHOW pg_trgm.similarity_threshold")).scalar_one()
            query = normalise("4321번째 대량 기사 문장이다.")
            plan = session.execute(
                text("EXPLAIN ANALYZE SELECT id FROM memory_segments "
                     "WHERE source_norm LIKE '%432%' AND source_norm LIKE '%1번째%' LIMIT 100"),
            ).scalars().all()
            assert memory.fuzzy_many([query], session=session)[query][0].target == "Bulk 4321."
        event.remove(database.engine, "before_cursor_execute", listener)
    finally:
        database.close()
    assert float(floor) == 0.3  # pg_trgm's default: only the `%` fallback sets the floor
    assert any("ix_memory_segments_source_norm_trgm" in line for line in plan)
    assert not any("seq scan" in line.lower() for line in plan)
    pair_queries = [s for s in statements if "source_norm LIKE" in s]
    assert pair_queries and not any("% q.query" in statement for statement in statements)


@pytest.mark.postgres
def test_postgres_trigram_index_has_no_pending_list_before_and_after_a_bulk_import(postgres_url):
    from transdesk.store.db import Database

    database = Database(postgres_url)
    options = text("SELECT reloptions FROM pg_class WHERE relname = :name")
    name = {"name": "ix_memory_segments_source_norm_trgm"}
    try:
        with database.session() as session:
            migrated = session.execute(options, name).scalar_one()
        TranslationMemory(database).add_many(_bulk(6000), batch_size=5000)
        with database.session() as session:
            rebuilt = session.execute(options, name).scalar_one()
    finally:
        database.close()
    assert migrated == rebuilt == ["fastupdate=off"]


def test_normalised_hash_is_the_source_hash_of_a_normalised_text():
    variant = KREMLIN.replace(" ", "  ").replace(".", "．")
    assert normalised_hash(normalise(variant)) == source_hash(variant) == source_hash(KREMLIN)
