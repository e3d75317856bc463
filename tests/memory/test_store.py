"""Exact and fuzzy lookup on SQLite and PostgreSQL, from the index, with scores and conflicts."""

from __future__ import annotations

import pytest
from sqlalchemy import event, text

from transdesk.memory import MemoryPair, Origin, TranslationMemory
from transdesk.memory.index import Fts5TrigramIndex

KREMLIN = "크렘린궁은 2일 푸틴 대통령과 김정은 국무위원장이 대화를 이어갈 것이라고 밝혔다."
KREMLIN_EN = "The Kremlin said on Sept. 2 that Putin and Kim would continue their dialogue."
PAIRS = [
    (KREMLIN, KREMLIN_EN),
    ("김 위원장은 전날 열차로 북한을 출발해 이날 오후 베이징에 도착했다.",
     "Kim left North Korea by train on Sept. 1 and arrived in Beijing in the afternoon."),
    ("미국은 1992년에 지하 핵실험을 중지시켰다.", "The United States suspended underground nuclear tests in 1992."),
    ("네", "Yes."),
    ("환율", "Exchange rate"),
]


@pytest.fixture
def filled(memory):
    report = memory.add_many(MemoryPair(s, t, "desk", Origin.IMPORT) for s, t in PAIRS)
    assert (report.read, report.added) == (len(PAIRS), len(PAIRS))
    return memory


def test_exact_match_survives_typing_variants(filled):
    variant = KREMLIN.replace(" ", "  ").replace(".", "．")
    match = filled.exact(variant)
    assert match is not None and match.exact
    assert match.target == KREMLIN_EN and match.score == 1.0


def test_exact_many_answers_in_one_call(filled):
    found = filled.exact_many([KREMLIN, "없는 문장이다.", PAIRS[2][0]])
    assert set(found) == {KREMLIN, PAIRS[2][0]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (KREMLIN.replace("2일", "3일"), KREMLIN_EN),  # one character differs
        (KREMLIN.replace("국무위원장이", "위원장이"), KREMLIN_EN),  # a word shorter
        ("미국은 1992년에 지하 핵실험을 중단했다.", PAIRS[2][1]),
    ],
)
def test_fuzzy_finds_similar_sentences_with_a_score(filled, query, expected):
    matches = filled.fuzzy(query)
    assert matches, f"nothing found for {query}"
    assert matches[0].target == expected
    assert 0.75 <= matches[0].score < 1.0


def test_threshold_decides_what_counts_as_similar(filled):
    query = "미국은 지하 핵실험을 했다."
    loose = filled.fuzzy(query, threshold=0.5)
    assert loose and loose[0].target == PAIRS[2][1] and loose[0].score < 0.75
    assert filled.fuzzy(query, threshold=0.75) == []
    strict = TranslationMemory(filled.database, fuzzy_threshold=0.99)
    assert strict.fuzzy(KREMLIN.replace("2일", "3일")) == []


@pytest.mark.parametrize(("query", "expected"), [("네요", "Yes."), ("환율은", "Exchange rate")])
def test_short_sentences_are_matched_without_trigrams(filled, query, expected):
    assert filled.exact(query[:-1]).target == expected
    matches = filled.fuzzy(query, threshold=0.6)
    assert [m.target for m in matches][:1] == [expected]


def test_unrelated_sentence_has_no_fuzzy_match(filled):
    assert filled.fuzzy("오늘 서울의 날씨는 맑고 기온은 영상 5도이다.") == []


def test_conflicting_import_is_kept_flagged_and_reported(filled):
    other = "The Kremlin said Putin and Kim would keep talking."
    report = filled.add_many([MemoryPair(KREMLIN, other, "wire", Origin.IMPORT, line=7)])
    assert report.added == 1 and len(report.conflicts) == 1
    assert report.conflicts[0].line == 7 and "conflicting" in str(report.conflicts[0])
    match = filled.exact(KREMLIN)
    assert match.conflict
    assert filled.stats().conflicts == 2


def test_duplicates_are_skipped(filled):
    report = filled.add_many([MemoryPair(KREMLIN, KREMLIN_EN + " ", "again", Origin.IMPORT)])
    assert (report.added, report.duplicates) == (0, 1)


def test_editor_approval_beats_import(filled):
    filled.add(MemoryPair(KREMLIN, "The Kremlin said so.", "kim", Origin.EDITOR))
    match = filled.exact(KREMLIN)
    assert match.target == "The Kremlin said so." and not match.conflict


def test_stats_count_by_origin(filled):
    filled.add(MemoryPair("새 문장이다.", "A new sentence.", "kim", Origin.EDITOR))
    stats = filled.stats()
    assert stats.segments == len(PAIRS) + 1
    assert stats.by_origin == {"import": len(PAIRS), "editor": 1}
    assert stats.last_approved_at is not None


def test_bulk_add_in_batches(memory):
    pairs = [MemoryPair(f"{i}번째 기사 문장입니다.", f"Sentence {i}.", "bulk", Origin.IMPORT)
             for i in range(1200)]
    report = memory.add_many(pairs, batch_size=250)
    assert report.added == 1200
    assert memory.exact("777번째 기사 문장입니다.").target == "Sentence 777."
    assert memory.fuzzy("777번째 기사 문장이다.")[0].target == "Sentence 777."


def test_sqlite_fuzzy_candidates_come_from_the_fts_index(sqlite_database):
    memory = TranslationMemory(sqlite_database)
    memory.add_many(MemoryPair(s, t, "desk", Origin.IMPORT) for s, t in PAIRS)
    with sqlite_database.engine.connect() as connection:
        plan = connection.execute(
            text("EXPLAIN QUERY PLAN SELECT rowid FROM memory_segments_fts "
                 "WHERE memory_segments_fts MATCH :m LIMIT 100"),
            {"m": '"크렘린" AND "베이징"'},
        ).all()
        exact_plan = connection.execute(
            text("EXPLAIN QUERY PLAN SELECT * FROM memory_segments WHERE source_hash = 'x'")
        ).all()
    assert "VIRTUAL TABLE INDEX" in plan[0][-1] and "memory_segments_fts" in plan[0][-1]
    assert "USING INDEX ix_memory_segments_source_hash" in exact_plan[0][-1]


@pytest.mark.parametrize("query", [KREMLIN.replace("2일", "3일"), "네요", KREMLIN])
def test_sqlite_lookup_never_scans_the_memory_table(sqlite_database, query):
    memory = TranslationMemory(sqlite_database)
    memory.add_many(MemoryPair(s, t, "desk", Origin.IMPORT) for s, t in PAIRS)
    statements: list[tuple[str, object]] = []
    listener = lambda conn, cursor, statement, parameters, *rest: statements.append(
        (statement, parameters)
    )
    event.listen(sqlite_database.engine, "before_cursor_execute", listener)
    memory.lookup(query)
    event.remove(sqlite_database.engine, "before_cursor_execute", listener)
    selects = [(s, p) for s, p in statements if s.lstrip().upper().startswith("SELECT")]
    assert selects
    with sqlite_database.engine.connect() as connection:
        plans = [
            row[-1]
            for statement, parameters in selects
            for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
        ]
    assert not [p for p in plans if p.startswith("SCAN memory_segments") and "VIRTUAL" not in p]
    if len(query) >= 3 and query != KREMLIN:
        assert any("memory_segments_fts VIRTUAL TABLE" in p for p in plans)


def test_trigram_counts_follow_small_writes(sqlite_database):
    memory = TranslationMemory(sqlite_database)
    memory.add_many(MemoryPair(s, t, "desk", Origin.IMPORT) for s, t in PAIRS)
    with sqlite_database.session() as session:
        counted = dict(session.execute(text("SELECT trigram, docs FROM memory_trigram_docs")).all())
        Fts5TrigramIndex.recount(session)
        recounted = dict(session.execute(text("SELECT trigram, docs FROM memory_trigram_docs")).all())
    assert counted == recounted and counted["크렘린"] == 1


@pytest.mark.postgres
def test_postgres_has_a_trigram_index(postgres_url):
    from transdesk.store.db import Database

    database = Database(postgres_url)
    try:
        with database.engine.connect() as connection:
            definition = connection.execute(
                text("SELECT indexdef FROM pg_indexes WHERE tablename = 'memory_segments' "
                     "AND indexname = 'ix_memory_segments_source_norm_trgm'")
            ).scalar_one()
            memory = TranslationMemory(database)
            memory.add_many(MemoryPair(s, t, "desk", Origin.IMPORT) for s, t in PAIRS)
            connection.execute(text("SET enable_seqscan = off"))
            plan = connection.execute(
                text("EXPLAIN SELECT id FROM memory_segments WHERE source_norm % :q"),
                {"q": KREMLIN},
            ).scalars().all()
    finally:
        database.close()
    assert "gin" in definition.lower() and "gin_trgm_ops" in definition
    assert any("ix_memory_segments_source_norm_trgm" in line for line in plan)


def test_bulk_import_is_indexed_like_single_writes(sqlite_database):
    memory = TranslationMemory(sqlite_database)
    memory.add(MemoryPair("먼저 들어온 문장이다.", "First in.", "desk", Origin.EDITOR))
    pairs = [MemoryPair(f"{i}번째 대량 기사 문장입니다.", f"Bulk {i}.", "bulk", Origin.IMPORT)
             for i in range(12_000)]
    assert memory.add_many(pairs, batch_size=5000).added == 12_000
    memory.add(MemoryPair("나중에 들어온 문장이다.", "Last in.", "desk", Origin.EDITOR))
    assert memory.fuzzy("먼저 들어온 문장입니다.")[0].target == "First in."
    assert memory.fuzzy("11999번째 대량 기사 문장이다.")[0].target == "Bulk 11999."
    assert memory.fuzzy("나중에 들어온 문장입니다.")[0].target == "Last in."
    with sqlite_database.session() as session:
        indexed = session.execute(text(  # every row, read from the index itself
            "SELECT count(*) FROM memory_segments_fts "
            "WHERE memory_segments_fts MATCH '\"문장이\" OR \"문장입\"'")).scalar()
        counted = dict(session.execute(text("SELECT trigram, docs FROM memory_trigram_docs")).all())
        Fts5TrigramIndex.recount(session)
        recounted = dict(session.execute(text("SELECT trigram, docs FROM memory_trigram_docs")).all())
    assert indexed == 12_002 and counted == recounted


def test_an_empty_pair_rejects_the_whole_batch(memory):
    pairs = [MemoryPair("좋은 문장이다.", "A good sentence.", "x", Origin.IMPORT, line=1),
             MemoryPair("빈 번역이다.", "  ", "x", Origin.IMPORT, line=2)]
    from transdesk.errors import InvalidInput

    with pytest.raises(InvalidInput, match="line 2"):
        memory.add_many(pairs)
    assert memory.stats().segments == 0


def test_bulk_import_then_lookup_on_each_backend(memory):
    pairs = [MemoryPair(f"{i}번째 대량 기사 문장입니다.", f"Bulk {i}.", "bulk", Origin.IMPORT)
             for i in range(6000)]
    assert memory.add_many(pairs, batch_size=5000).added == 6000
    memory.add(MemoryPair("나중에 들어온 문장이다.", "Last in.", "desk", Origin.EDITOR))
    assert memory.fuzzy("5999번째 대량 기사 문장이다.")[0].target == "Bulk 5999."
    assert memory.fuzzy("나중에 들어온 문장입니다.")[0].target == "Last in."
