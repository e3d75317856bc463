"""Finding terms in Korean: particles attached, longest match, no match inside a longer word."""

from __future__ import annotations

import time

import pytest
from kiwipiepy import Kiwi

from transdesk.glossary.boundaries import is_particle_run
from transdesk.glossary.matcher import Termbase
from transdesk.glossary.model import TermEntry

CASES = [
    # (sentence, expected surfaces in order)
    ("크렘린궁은 2일 이렇게 밝혔다.", ["크렘린궁"]),
    ("크렘린궁에서는 말이 없었다.", ["크렘린궁"]),
    ("유리 우샤코프 크렘린궁 보좌관은", ["유리 우샤코프", "크렘린궁"]),
    ("푸틴 대통령과 김 위원장이 만났다.", ["김 위원장"]),
    ("김 위원장과의 회담", ["김 위원장"]),
    ("김정은 북한 국무위원장이 참석한다.", ["김정은 북한 국무위원장"]),  # variant, longest
    ("김정은 국무위원장은", ["김정은 국무위원장"]),  # not 김정은 + 국무위원장
    ("김정은이 도착했다.", ["김정은"]),
    ("북한 국무위원장은 누구인가", ["국무위원장"]),
    ("국회의원들이 모였다.", []),  # 국회 inside 국회의원 is not the term
    ("국회의장이 국회에서 말했다.", ["국회의장", "국회"]),
    ("국회의 결정", ["국회"]),
    ("노동당원들은 노동당을 지지한다.", ["노동당"]),  # 노동당원 (party member) is another word
    ("조선노동당 대회", []),  # 노동당 glued to a longer word on the left
    ('"크렘린궁"은 부인했다.', ["크렘린궁"]),
    ("러시아 대통령실 측은", ["러시아 대통령실"]),
    ("러시아\u00a0대통령실은", ["러시아\u00a0대통령실"]),  # no-break space in the text
    ("", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_matches(small_termbase, sentence, expected):
    assert [m.surface for m in small_termbase.match(sentence)] == expected


def test_match_offsets_point_at_the_surface(small_termbase):
    text = "크렘린궁은 김 위원장이 온다고 밝혔다"
    for match in small_termbase.match(text):
        assert text[match.start : match.end] == match.surface
        assert match.surface in match.entry.forms or match.surface.replace("\u00a0", " ")


def test_latin_forms_match_case_insensitively():
    termbase = Termbase([TermEntry("비무장지대", "the DMZ", variants=("DMZ",))])
    assert [m.surface for m in termbase.match("dmz에서 총격이")] == ["dmz"]
    assert termbase.match("DMZA에서") == []


@pytest.mark.parametrize(
    ("run", "particles"),
    [
        ("은", True),
        ("에서는", True),
        ("과의", True),
        ("이라고", True),
        ("측은", True),
        ("팀은", True),  # 특검팀은: the special counsel's team
        ("원", False),
        ("의원", False),
        ("의장", False),
        ("근", False),
    ],
)
def test_particle_runs(run, particles):
    assert is_particle_run(run) is particles


KIWI_SENTENCES = [
    "크렘린궁은 2일(현지시간) 블라디미르 푸틴 러시아 대통령과 김정은 북한 국무위원장이 만났다고 밝혔다.",
    "타스통신에 따르면 유리 우샤코프 크렘린궁 외교정책 보좌관은 푸틴 대통령과 김 위원장이 참석한다고 밝혔다.",
    "노동당 총비서는 국회의장과 달리 국회에서 연설하지 않는다.",
    "시진핑 국가주석은 전인대에서 상하이협력기구(SCO) 정상회의 결과를 설명했다.",
    "통일부와 합참은 북한 조선중앙통신이 보도한 내용을 분석하고 있다.",
    "미 국무부는 백악관과 달리 주한미군 문제에 대해 말을 아꼈다.",
]


@pytest.fixture(scope="module")
def kiwi() -> Kiwi:
    return Kiwi()


@pytest.mark.parametrize("sentence", KIWI_SENTENCES)
def test_boundaries_agree_with_kiwi(starter_termbase, kiwi, sentence):
    """Every accepted match starts and ends on a Kiwi morpheme boundary, and what follows it is a
    particle, an ending, punctuation or another word."""
    tokens = kiwi.tokenize(sentence)
    starts = {t.start for t in tokens}
    ends = {t.start + t.len for t in tokens}
    matches = starter_termbase.match(sentence)
    assert matches
    for match in matches:
        assert match.start in starts, match.surface
        assert match.end in ends, match.surface
        attached = [t for t in tokens if t.start == match.end and sentence[match.end - 1] != " "]
        if attached and match.end < len(sentence) and sentence[match.end] != " ":
            assert attached[0].tag[0] in "JESX" or attached[0].tag == "VCP", (match, attached[0])


def test_starter_finds_the_seed_terms(starter_termbase):
    sentence = KIWI_SENTENCES[0]
    found = {m.entry.source for m in starter_termbase.match(sentence)}
    assert {"크렘린궁", "김정은 국무위원장", "블라디미르 푸틴 러시아 대통령", "현지시간"} <= found


def test_matching_time_does_not_grow_with_the_termbase():
    """The automaton scans the text once: 20,000 entries cost about what 200 do."""
    article = " ".join(KIWI_SENTENCES * 5)

    def per_call(n: int) -> float:
        termbase = Termbase(TermEntry(f"용어{i:05d}", f"term {i}") for i in range(n))
        started = time.perf_counter()
        for _ in range(20):
            termbase.match(article)
        return (time.perf_counter() - started) / 20

    small, large = per_call(200), per_call(20_000)
    assert large < small * 5 + 0.002
