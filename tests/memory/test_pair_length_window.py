"""PostgreSQL's pair lookup reads only rows within the query's length window: a row that shares
every rare trigram of the sentence but is too long or too short to reach the threshold is never
read, so it cannot take the place of a closer row under the per-pair limit; and a sentence's pairs
share one budget of rows, read farthest-apart pairs first."""

from __future__ import annotations

import pytest

from transdesk.memory import MemoryPair, Origin, TranslationMemory
from transdesk.memory.index import (
    PG_ROWS_PER_QUERY,
    PgTrigramIndex,
    length_window,
    rare_pairs,
    trigram_docs,
)
from transdesk.memory.normalise import normalise, word_trigrams
from transdesk.store.db import Database

SENTENCE = "국방부는 이날 북한이 동해상으로 탄도미사일을 발사했다고 밝혔다."


def test_the_window_holds_every_length_that_can_reach_the_threshold():
    def best_ratio(a: int, b: int) -> float:  # Levenshtein ratio of two texts sharing all they can
        return 2 * min(a, b) / (a + b)

    low, high = length_window(40, 0.75)
    assert best_ratio(40, low) >= 0.75 and best_ratio(40, high) >= 0.74
    assert best_ratio(40, low - 1) < 0.75 and best_ratio(40, high + 1) < 0.75


@pytest.mark.postgres
def test_a_row_outside_the_length_window_is_not_a_candidate(postgres_url):
    database = Database(postgres_url)
    try:
        memory = TranslationMemory(database)
        padding = " 그리고 합동참모본부는 추가 도발에 대비해 경계 태세를 강화하고 있다" * 3
        memory.add(MemoryPair(SENTENCE + padding, "Long.", "kim", Origin.EDITOR))
        memory.add(MemoryPair(SENTENCE, "Short.", "kim", Origin.EDITOR))
        query = normalise(SENTENCE.replace("동해상으로", "서해상으로"))
        with database.session() as session:
            ids = PgTrigramIndex().candidates(session, [query], 20, 0.75)[0]
            assert len(ids) == 1
            # with a threshold low enough for the long row, both come back
            assert len(PgTrigramIndex().candidates(session, [query], 20, 0.3)[0]) == 2
        assert [m.target for m in memory.fuzzy(query)] == ["Short."]
    finally:
        database.close()


def test_pairs_spanning_the_most_distant_parts_come_first():
    grams = [f"g{i:02d}" for i in range(12)]
    docs = {gram: 10 + i for i, gram in enumerate(grams)}  # the first of each run is its rarest
    pairs = rare_pairs(grams, docs, farthest_first=True)
    assert pairs[0] == ("g00", "g10") and pairs[-1] == ("g08", "g10")
    assert sorted(pairs) == sorted(rare_pairs(grams, docs)) and len(pairs) == 15


@pytest.mark.postgres
def test_rows_sharing_the_start_of_the_sentence_do_not_crowd_it_out(postgres_url):
    """Three times `PG_ROWS_PER_QUERY` rows share the sentence's first half: the pairs within
    it return them until the budget stops, and the sentence is still found (by the pairs that
    span both halves, read first)."""
    head = "국방부는 이날 북한이 동해상으로 단거리 탄도미사일 여러 발을"
    database = Database(postgres_url)
    try:
        memory = TranslationMemory(database)
        others = (
            MemoryPair(f"{head} 발사했다고 {n}번째 보도자료에서 밝혔다", f"Other {n}.", "kim",
                       Origin.IMPORT)
            for n in range(3 * PG_ROWS_PER_QUERY)
        )  # fmt: skip
        memory.add_many(others, batch_size=1000)
        memory.add(MemoryPair(f"{head} 쏘아 올렸으며 합동참모본부는 경계태세를 강화했다",
                              "The one.", "kim", Origin.EDITOR))  # fmt: skip
        query = normalise(f"{head} 쏘아 올렸으며 합동참모본부는 경계태세를 높였다")
        with database.session() as session:
            index = PgTrigramIndex()
            scores: list[dict[int, float]] = [{}]
            grams = word_trigrams(query)
            pairs = rare_pairs(grams, trigram_docs(session, grams), farthest_first=True)
            index._search(session, [query], [(0, pair) for pair in pairs], scores, 0.75)
            assert len(scores[0]) <= PG_ROWS_PER_QUERY
        assert [m.target for m in memory.fuzzy(query)][:1] == ["The one."]
    finally:
        database.close()
