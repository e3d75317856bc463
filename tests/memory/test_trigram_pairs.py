"""Fuzzy lookup by pairs of rare trigrams: the counts behind them on each backend, the sentences
too short for a pair, the ranking of a crowded pair, and migration 0011 both ways."""

from __future__ import annotations

from collections import Counter

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from transdesk.memory import MemoryPair, Origin, TranslationMemory
from transdesk.memory.normalise import normalise, word_trigrams
from transdesk.store.db import Database, alembic_config, migrate, normalise_url

HEAD = "대통령은 이날 청와대에서 열린 국무회의에서"


def _docs(database: Database) -> dict[str, int]:
    with database.session() as session:
        rows = session.execute(text("SELECT trigram, docs FROM memory_trigram_docs WHERE docs > 0"))
        return dict(rows.all())


def test_word_trigrams_stay_inside_runs_of_letters_and_digits():
    assert word_trigrams(normalise("UN 안보리가, 2일 ABCD_e")) == ["안보리", "보리가", "abc", "bcd"]
    assert word_trigrams("가나 다라 마") == []  # no word of three characters
    assert word_trigrams("가나다가나다") == ["가나다", "나다가", "다가나"]  # distinct, in order


def test_normalise_still_folds_what_its_fast_paths_skip():
    assert normalise("가 , 나 .  다 !") == "가, 나. 다!"
    assert normalise("이미 정리된 문장이다.") == "이미 정리된 문장이다."
    assert normalise("“인용”… 끝 ？") == '"인용"... 끝?'


@pytest.mark.postgres
def test_postgres_counts_follow_single_writes_bulk_imports_and_removals(postgres_url):
    database = Database(postgres_url)
    try:
        memory = TranslationMemory(database)
        memory.add(MemoryPair(f"{HEAD} 발언했다.", "He spoke.", "kim", Origin.EDITOR))
        bulk = [MemoryPair(f"{i}번째 대량 기사 문장입니다.", f"Bulk {i}.", "bulk", Origin.IMPORT)
                for i in range(6000)]  # fmt: skip
        memory.add_many(bulk, batch_size=5000)
        with database.session() as session:
            assert memory.remove_translation(session, "17번째 대량 기사 문장입니다.", "Bulk 17.") == 1
        with database.session() as session:
            norms = session.execute(text("SELECT source_norm FROM memory_segments")).scalars().all()
        expected = Counter(g for norm in norms for g in word_trigrams(norm))
        assert _docs(database) == dict(expected)
        assert expected["입니다"] == 5999 and "17번" in expected
    finally:
        database.close()


def test_a_sentence_of_short_words_is_still_found(memory):
    memory.add(MemoryPair("그는 왜 또 갔나 했다 한다", "Why did he go, he asked.", "kim", Origin.EDITOR))
    memory.add(MemoryPair(f"{HEAD} 발언했다.", "He spoke.", "kim", Origin.EDITOR))
    found = memory.fuzzy("그는 왜 또 갔나 했다 한다.")
    assert [m.target for m in found] == ["Why did he go, he asked."]


def test_the_closest_row_wins_over_the_many_rows_of_a_common_pair(memory):
    tails = [f"{i}개 부처 장관들에게 보고를 받았다." for i in range(400)]
    memory.add_many([MemoryPair(f"{HEAD} {tail}", f"Report {i}.", "wire", Origin.IMPORT)
                     for i, tail in enumerate(tails)])  # fmt: skip
    memory.add(MemoryPair(f"{HEAD} 북한의 핵실험 대응책을 논의했다.", "Nuclear test.", "kim",
                          Origin.EDITOR))  # fmt: skip
    found = memory.fuzzy(f"{HEAD} 북한의 미사일 대응책을 논의했다.")
    assert found[0].target == "Nuclear test."
    assert memory.fuzzy(f"{HEAD} 399개 부처 장관들에게 보고를 받다.")[0].target == "Report 399."


def _scalar(url: str, sql: str):  # type: ignore[no-untyped-def]
    """One value read on a connection of its own (the migration test's database is not open)."""
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql)).scalar()
    finally:
        engine.dispose()


def _fts_sql(url: str) -> str | None:
    return _scalar(url, "SELECT sql FROM sqlite_master WHERE name = 'memory_segments_fts'")


def _has_docs_table(url: str) -> bool:
    return _scalar(url, "SELECT to_regclass('memory_trigram_docs') IS NOT NULL")


def test_migration_0011_goes_both_ways_and_keeps_the_memory_searchable(database_url):
    migrate(database_url)
    database = Database(database_url, migrate_on_open=False)
    try:
        memory = TranslationMemory(database)
        memory.add(MemoryPair(f"{HEAD} 발언했다.", "He spoke.", "kim", Origin.EDITOR))
        sqlite = database.dialect == "sqlite"
        if sqlite:
            assert "detail=none" in _fts_sql(database_url)
        command.downgrade(alembic_config(database_url), "0010_memory_trgm")
        if sqlite:
            assert "detail" not in _fts_sql(database_url)
            assert memory.fuzzy(f"{HEAD} 발언했다고 한다.")[0].target == "He spoke."
        else:
            assert not _has_docs_table(database_url)
        migrate(database_url)  # the counts are filled from the rows already stored
        assert memory.fuzzy(f"{HEAD} 발언했다고 한다.")[0].target == "He spoke."
        expected = Counter(word_trigrams(normalise(f"{HEAD} 발언했다.")))
        if not sqlite:
            assert _docs(database) == dict(expected)
    finally:
        database.close()


def test_a_removal_lowers_existing_counts_and_never_writes_a_negative_one(database):
    from transdesk.memory.index import adjust_docs

    with database.session() as session:
        session.execute(text("DELETE FROM memory_trigram_docs"))
        adjust_docs(session, Counter({"가나다": 2, "나다라": 1}), +1)
        adjust_docs(session, Counter({"가나다": 1, "나다라": 3, "없는것": 1}), -1)
        rows = dict(session.execute(text("SELECT trigram, docs FROM memory_trigram_docs")).all())
    assert rows == {"가나다": 1, "나다라": 0}
