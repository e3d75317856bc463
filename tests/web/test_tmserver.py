"""The translation memory as Weblate's tmserver backend reads it:
`GET /tmserver/{source}/{target}/unit/{text}` → `[{"source", "target", "quality"}]`, quality an
integer 0–100 from the memory's score (100 for the exact match), best first."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from transdesk.memory import MemoryPair, TranslationMemory

SOURCE = "한국은행은 기준금리를 연 2.50%로 동결했다."
TARGET = "The Bank of Korea held its base rate at 2.50 percent."
NEAR = "한국은행은 기준금리를 연 2.50%로 동결했다고 밝혔다."
NEAR_TARGET = "The Bank of Korea said it held its base rate at 2.50 percent."


@pytest.fixture
def tm_desk(make_desk_client):  # type: ignore[no-untyped-def]
    client = make_desk_client(tmserver_enabled=True)
    memory = TranslationMemory(client.app.state.database)
    memory.add(MemoryPair(SOURCE, TARGET, approved_by="editor"))
    memory.add(MemoryPair(NEAR, NEAR_TARGET, approved_by="editor"))
    return client


def _weblate_reads(payload: object, threshold: int = 75) -> list[dict]:
    """What Weblate's tmserver backend does with the answer."""
    assert isinstance(payload, list)
    found = []
    for line in payload:
        assert set(line) == {"source", "target", "quality"}
        quality = int(line["quality"])
        if quality >= threshold:
            found.append({"text": line["target"], "quality": quality, "source": line["source"]})
    return found


def test_an_exact_match_comes_first_with_quality_100_then_similar_ones(tm_desk):
    answer = tm_desk.get(f"/tmserver/ko/en/unit/{quote(SOURCE)}")
    assert answer.status_code == 200, answer.text
    payload = answer.json()
    assert payload[0] == {"source": SOURCE, "target": TARGET, "quality": 100}
    assert all(isinstance(line["quality"], int) and 0 <= line["quality"] <= 100 for line in payload)
    found = _weblate_reads(payload)
    assert [f["text"] for f in found][:2] == [TARGET, NEAR_TARGET]
    assert 75 <= found[1]["quality"] < 100


def test_weblate_language_codes_and_its_languages_url(tm_desk):
    assert tm_desk.get(f"/tmserver/ko/en_us/unit/{quote(SOURCE)}").json()[0]["quality"] == 100
    pairs = tm_desk.get("/tmserver/languages/").json()
    assert pairs == {"sourceLanguages": ["ko"], "targetLanguages": ["en"]}


def test_no_match_and_other_pairs_answer_an_empty_list(tm_desk):
    assert tm_desk.get(f"/tmserver/ko/en/unit/{quote('전혀 다른 문장이다.')}").json() == []
    assert tm_desk.get(f"/tmserver/en/ko/unit/{quote(SOURCE)}").json() == []


def test_the_lookup_is_off_unless_enabled(desk_client):
    assert desk_client.get(f"/tmserver/ko/en/unit/{quote(SOURCE)}").status_code == 404
    assert desk_client.get("/tmserver/languages/").status_code == 404

