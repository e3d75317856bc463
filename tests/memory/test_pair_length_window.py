"""PostgreSQL's pair lookup reads only rows within the query's length window: a row that shares
every rare trigram of the sentence but is too long or too short to reach the threshold is never
read, so it cannot take the place of a closer row under the per-pair limit."""

from __future__ import annotations

import pytest

from transdesk.memory import MemoryPair, Origin, TranslationMemory
from transdesk.memory.index import PgTrigramIndex, length_window
from transdesk.memory.normalise import normalise
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
