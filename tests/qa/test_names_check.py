"""The names check: whole personal names compared syllable by syllable, later references
accepted, places, bodies and compounds never taken for people."""

from __future__ import annotations

import pytest

from transdesk.article import Severity
from transdesk.qa import CheckContext, create_checks
from transdesk.qa.checks.names import find_korean_names
from transdesk.qa.romanize import (
    looks_like_given_name,
    newsroom_romanization,
    spells_family_name,
    spells_syllables,
)


def run(source: str, target: str):
    (check,) = create_checks(["names"])
    return check.run(CheckContext(source, target))


def held(source: str, target: str) -> list[str]:
    return sorted({f.kind for f in run(source, target) if f.severity >= Severity.MAJOR})


@pytest.mark.parametrize(
    ("written", "syllables"),
    [
        ("Jae-myung", "재명"),
        ("Jaemyung", "재명"),
        ("Jae Myung", "재명"),
        ("Jung-kwan", "정관"),
        ("Jeong-gwan", "정관"),
        ("Chong-kwan", "정관"),  # McCune-Reischauer without the breve
        ("Young-sam", "영삼"),
        ("Woo-suk", "우석"),
        ("Duck-soo", "덕수"),
        ("Su-jin", "수진"),
        ("Sub-young", "수병"),  # a misplaced hyphen is a style slip, not another name
    ],
)
def test_a_given_name_is_spelled_in_any_common_romanization(written, syllables):
    assert spells_syllables(written, syllables)


@pytest.mark.parametrize(
    ("written", "syllables"),
    [
        ("Jeong-hwan", "정관"),  # another syllable
        ("Yeon-do", "도연"),  # the syllables swapped
        ("Su-jung", "수진"),
        ("Hyun-jun", "현우"),
        ("Jae", "재명"),  # a syllable short
    ],
)
def test_another_given_name_does_not_spell_it(written, syllables):
    assert not spells_syllables(written, syllables)


def test_family_names_take_the_newsroom_spellings():
    assert spells_family_name("Rhee", "이") and spells_family_name("Yi", "이")
    assert spells_family_name("Choe", "최") and spells_family_name("Pak", "박")
    assert not spells_family_name("Park", "김")


def test_given_name_shapes():
    assert looks_like_given_name("Seo-eun", 2)
    assert looks_like_given_name("Minwoo", 2)
    assert not looks_like_given_name("Trump", 2)
    assert not looks_like_given_name("Chiu-wai", 2)


def test_the_suggestion_is_the_revised_romanization():
    assert newsroom_romanization("최", "은서") == "Choi Eun-seo"
    assert newsroom_romanization("조", "현") == "Cho Hyeon"


@pytest.mark.parametrize(
    "target",
    [
        "Trade Minister Kim Jung-kwan said.",
        "Trade Minister Kim Jeong-gwan said.",
        "Trade Minister Jeong-kwan Kim said.",  # given name first
        "Trade Minister Kim Jung Kwan said.",  # spaced, no hyphen
        "Kim said the plan would go ahead.",  # the family name alone, a later reference
    ],
)
def test_the_same_name_in_another_spelling_or_order_passes(target):
    assert held("김정관 산업통상자원부 장관은 계획을 밝혔다.", target) == []


def test_a_wrong_given_name_is_major_with_the_span_and_the_romanization():
    target = "Trade Minister Kim Jeong-hwan said."
    (found,) = run("김정관 산업통상자원부 장관은 계획을 밝혔다.", target)
    assert (found.kind, found.severity) == ("name_mismatch", Severity.MAJOR)
    assert target[slice(*found.target_span)] == "Kim Jeong-hwan"
    assert found.suggestion == "Kim Jeong-gwan"


def test_swapped_syllables_are_major_and_said_to_be_swapped():
    (found,) = run("최은서 씨는 법정에 출석했다.", "Choi Seo-eun appeared in court.")
    assert (found.kind, found.severity) == ("name_mismatch", Severity.MAJOR)
    assert "swapped" in found.message
    assert found.suggestion == "Choi Eun-seo"


def test_a_wrong_family_name_is_major():
    assert held("정민우 대변인이 말했다.", "Spokesman Park Min-woo said.") == ["name_missing"]
    assert held("정민우 대변인이 말했다.", "Spokesman Chung Min-woo said.") == []


def test_a_stray_family_name_where_the_name_was_is_major():
    found = run("정민우 대변인이 말했다.", "Park said the test went well.")
    assert [(f.kind, f.severity) for f in found] == [("name_missing", Severity.MAJOR)]


def test_another_person_of_the_sentence_is_no_mismatch():
    source = "김정은 국무위원장과 김여정 부부장이 도착했다."
    assert held(source, "Kim Jong-un and his sister Kim Yo-jong arrived.") == []
    assert held(source, "Kim Jong-un and his sister Kim Yo-sun arrived.") == ["name_mismatch"]


@pytest.mark.parametrize(
    "target",
    ["The minister said the plan would go ahead.", "He said the plan would go ahead."],
)
def test_a_title_or_a_pronoun_in_place_of_the_name_is_minor(target):
    (found,) = run("김정관 산업통상자원부 장관은 계획을 밝혔다.", target)
    assert (found.kind, found.severity) == ("name_missing", Severity.MINOR)
    assert found.suggestion == "Kim Jeong-gwan"


def test_a_name_gone_with_nothing_in_its_place_is_major():
    assert held("김정관 산업통상자원부 장관은 계획을 밝혔다.", "The plan will go ahead.") == [
        "name_missing"
    ]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("서울 서초구 대법원은 판결했다.", "The Supreme Court in Seocho District ruled."),
        ("서울 서초구 대법원은 판결했다.", "The Supreme Court in Seocho-gu, Seoul, ruled."),
        ("한미일 정상은 회담을 열었다.", "The leaders of South Korea, the U.S. and Japan met."),
        ("여의도 국회에서 여야가 합의했다.", "Rival parties reached a deal at the Assembly."),
        ("남북 관계와 한중 관계가 나빠졌다.", "Inter-Korean and Seoul-Beijing ties soured."),
        ("국방부 장관이 말했다.", "The defense minister said."),
        ("강남구청장과 부산시장이 참석했다.", "The district chief and the mayor attended."),
        ("한국 대사가 말했다.", "The ambassador said."),
        ("제주도에서 출발했다.", "It left from the island."),
    ],
)
def test_places_bodies_and_compounds_are_no_names(source, target):
    assert [f for f in run(source, target) if f.kind.startswith("name")] == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("김정관 산업통상자원부 장관은 말했다.", ["김정관"]),  # Kiwi splits it, the title tells
        ("윤석열 전 대통령이 출석했다.", ["윤석열"]),
        ("조현 외교부 장관이 말했다.", ["조현"]),  # two syllables, with a title
        ("박동선씨의 보석 심리가 열렸다.", ["박동선"]),
        ("서울 서초구 대법원은 판결했다.", []),
        ("한미일 정상은 회담을 열었다.", []),
        ("와 세라노 고추가 살모넬라균과 관련 있다.", []),  # 고추 + 가, no Mr. Ko
        ("조현은 말했다.", []),  # two syllables and no title: not enough to tell
        ("대표팀 주장 손흥민이 골을 넣었다.", ["손흥민"]),  # the title before the name
        ("이태원에서 행사가 열렸다.", []),  # a place, by its particle
        ("조지 부시 대통령이 말했다.", []),  # the title is another name's
        ("남궁민 씨가 말했다.", ["남궁민"]),  # a two-syllable family name
        ("박보검 씨가 말했다.", ["박보검"]),  # Kiwi splits it: 박 + 보검 (a sword)
        ("강호동 씨가 말했다.", ["강호동"]),  # ends like a neighbourhood, but "씨" says a person
        ("차관인 그는 말했다.", []),  # 차관 + 이다: a vice minister, no Mr. Cha
    ],
)
def test_which_proper_nouns_are_people(source, expected):
    assert [n.form for n in find_korean_names(source)] == expected


def test_a_name_of_another_language_written_otherwise_is_not_held():
    source = "양조위는 흰 양복을 입었으며 유가령은 붉은색 가운을 입었다고 보도했다."
    target = "The newspaper said Leung donned a white suit, and Lau a red gown."
    assert held(source, target) == []


def test_latin_script_names_stay_as_written():
    assert run("ASCI White로 알려진 컴퓨터", "The computer known as ASCI White") == []
    (found,) = run("ASCI White로 알려진 컴퓨터", "The computer")
    assert found.kind == "latin_name_missing"


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("김정은 국무위원장이 말했다.", "North Korean leader Kim Jong Un said."),  # AP style
        ("리병철 당 비서가 참관했다.", "Party Secretary Ri Pyong Chol watched."),
        ("왕이 중국 외교부장과 회담했다.", "They met Chinese Foreign Minister Wang Yi."),
        ("박지원 의원이 말했다.", "Rep. Park Jie-won said."),  # the person's own spelling
        ("정세균 전 총리가 말했다.", "Former Prime Minister Chung Sye-kyun said."),
        ("기시다 후미오 일본 총리가 말했다.", "Japanese Prime Minister Fumio Kishida said."),
    ],
)
def test_names_as_the_wires_write_them_pass(source, target):
    assert held(source, target) == []


def test_a_personal_spelling_keeps_the_consonants():
    assert spells_syllables("Jie-won", "지원")
    assert not spells_syllables("Su-jung", "수진")  # "ng" is not "n"


def test_mccune_reischauer_diacritics_read_as_plain_letters():
    assert held("정동영 통일부 장관이 말했다.", "Unification Minister Chŏng Tong-yŏng said.") == []
    target = "Unification Minister Chŏng Tong-hwan said."
    (found,) = run("정동영 통일부 장관이 말했다.", target)
    assert target[slice(*found.target_span)] == "Chŏng Tong-hwan"


def test_a_calling_after_a_country_is_no_name_and_rarer_given_syllables_are_read():
    assert find_korean_names("한국 시인으로는 처음이다.") == []
    assert find_korean_names("중국 배우가 참석했다.") == []
    assert [n.form for n in find_korean_names("노태악 대법관은 원심을 확정했다.")] == ["노태악"]
    assert held("노태악 대법관은 원심을 확정했다.", "Justice Noh Dae-ak upheld the ruling.") == [
        "name_mismatch"
    ]
    assert held("노태악 대법관은 원심을 확정했다.", "Justice Noh Tae-ak upheld the ruling.") == []


def test_a_spelling_a_person_chose_is_their_name():
    source = "안규백 국방부 장관은 긴급 지휘관회의를 주재했다."
    assert held(source, "Defense Minister Ahn Gyu-back presided over an emergency meeting.") == []
    assert held(source, "Defense Minister Ahn Gyu-bok presided over an emergency meeting.") == [
        "name_mismatch"
    ]


def test_names_joined_by_a_middle_dot_and_after_an_age_are_each_read():
    names = find_korean_names("오세린·한도윤 재판관은 반대 의견을 냈다.")
    assert [n.form for n in names] == ["오세린", "한도윤"]
    source = "오세린·한도윤 재판관은 반대 의견을 냈다."
    assert held(source, "Justices Oh Se-rin and Han Do-yeon dissented.") == ["name_mismatch"]
    assert held(source, "Justices Oh Se-rin and Han Do-yoon dissented.") == []
    assert [n.form for n in find_korean_names("윤재석(28·한국전력)이 우승했다.")] == ["윤재석"]
    assert [n.form for n in find_korean_names("배우 윤하람이 상을 받았다.")] == ["윤하람"]
    assert find_korean_names("이슬람 반군과 교전했다.") == []


def test_a_body_s_short_name_told_by_its_acronym_is_for_the_editor():
    source = "표준연이 앞서 공개한 20큐비트 시스템보다 큐비트 수를 5배로 늘린 것이다."
    assert held(source, "It has five times as many qubits as the system KRISS unveiled.") == []
    assert held(source, "It has five times the qubits of the system the institute unveiled.") == []


def test_a_prefix_on_a_noun_is_no_family_name():
    assert find_korean_names("참가자 비율은 고용량군에서 87.5%에 달했다.") == []
    assert [n.form for n in find_korean_names("고영희 씨는 말했다.")] == ["고영희"]


def test_a_place_before_a_word_is_no_title_of_it():
    # "평양" ends as the title "양" (Miss) does; "원정서" is 원정 (away trip) with its particle
    assert find_korean_names("여자축구, 9년 만의 평양 원정서 북한과 1-1 무승부") == []
    (name,) = find_korean_names("대표팀 주장 손흥민이 결승골을 넣었다.")
    assert (name.form, name.titled) == ("손흥민", True)
