"""Whole names, given name included: the spellings of the same name that English copy uses pass,
a given name with one syllable changed (even a sound away), swapped or put in Western order
wrongly holds the sentence, and places and compounds are never taken for people."""

from __future__ import annotations

import pytest

from transdesk.article import Severity
from transdesk.qa import CheckContext, create_checks
from transdesk.qa.checks.names import find_korean_names
from transdesk.qa.romanize import spells_syllables, syllable_spellings


def held(source: str, target: str) -> list[str]:
    (check,) = create_checks(["names"])
    findings = check.run(CheckContext(source, target))
    return sorted({f.kind for f in findings if f.severity >= Severity.MAJOR})


def name_findings(source: str, target: str) -> list[str]:
    (check,) = create_checks(["names"])
    return [f.kind for f in check.run(CheckContext(source, target)) if f.kind.startswith("name")]


MINISTER = "김현우 장관은 계획을 밝혔다."

CASES = [
    # the same name, in the spellings, orders and hyphenations English copy uses
    (MINISTER, "Minister Kim Hyun-woo unveiled the plan.", []),
    (MINISTER, "Minister Kim Hyunwoo unveiled the plan.", []),
    (MINISTER, "Minister Kim Hyun Woo unveiled the plan.", []),
    (MINISTER, "Minister Hyun-woo Kim unveiled the plan.", []),  # Western order
    (MINISTER, "Minister Hyun Woo Kim unveiled the plan.", []),
    (MINISTER, "Minister Kim Hyeon-u unveiled the plan.", []),  # Revised Romanization
    ("이수진 대변인이 말했다.", "Spokeswoman Rhee Su-jin said.", []),
    ("이수진 대변인이 말했다.", "Spokeswoman Yi Su-jin said.", []),
    ("정민우 대변인이 말했다.", "Spokesman Chung Min-woo said.", []),
    ("정민우 대변인이 말했다.", "Spokesman Jeong Min-u said.", []),
    ("박정천 비서가 말했다.", "Secretary Pak Jong-chon said.", []),
    ("오태민 의원이 말했다.", "Rep. Oh T'ae-min said.", []),  # McCune-Reischauer's apostrophe
    ("오태민 의원이 말했다.", "Rep. Oh Tae-min said.", []),
    ("김대중 전 대통령이 말했다.", "Former President Kim Tae-jung said.", []),  # MR: plain t
    ("정동영 통일부 장관이 말했다.", "Unification Minister Chŏng Tong-yŏng said.", []),
    ("강경화 장관이 말했다.", "Minister Kang Kyung-wha said.", []),  # the person's own spelling
    ("김현우는 말했다.", "Kim Hyun-woo said.", []),  # the name with its particle
    ("김현우씨가 말했다.", "Kim Hyun-woo said.", []),
    # a later reference by family name and title carries no given name to demand
    ("김 장관은 계획을 밝혔다.", "Minister Kim unveiled the plan.", []),
    ("김 장관은 계획을 밝혔다.", "Kim unveiled the plan.", []),
    (MINISTER, "Kim unveiled the plan.", []),
    # one syllable changed to one a sound away: aspiration, vowel, final consonant
    ("김태호 의원이 말했다.", "Rep. Kim Dae-ho said.", ["name_mismatch"]),
    ("오태민 의원이 말했다.", "Rep. Oh Dae-min said.", ["name_mismatch"]),
    ("김대호 의원이 말했다.", "Rep. Kim T'ae-ho said.", ["name_mismatch"]),  # t' is aspirated
    ("이채민 의원이 말했다.", "Rep. Lee Jae-min said.", ["name_mismatch"]),
    ("김성호 의원이 말했다.", "Rep. Kim Seung-ho said.", ["name_mismatch"]),
    ("김종호 의원이 말했다.", "Rep. Kim Jeong-ho said.", ["name_mismatch"]),
    (MINISTER, "Minister Kim Hoon-woo unveiled the plan.", ["name_mismatch"]),
    (MINISTER, "Minister Kim Hyung-woo unveiled the plan.", ["name_mismatch"]),
    ("이수민 의원이 말했다.", "Rep. Lee Joo-min said.", ["name_mismatch"]),
    ("김용수 의원이 말했다.", "Rep. Kim Young-su said.", ["name_mismatch"]),
    ("김영수 의원이 말했다.", "Rep. Kim Yeon-su said.", ["name_mismatch"]),
    ("윤서하 재판관이 말했다.", "Justice Yoon Seo-hee said.", ["name_mismatch"]),
    ("리명혁 대좌가 말했다.", "Colonel Ri Myong-hak said.", ["name_mismatch"]),
    # swapped syllables, and a wrong given name in Western or spaced order
    ("김도연 의원이 말했다.", "Rep. Kim Yeon-do said.", ["name_mismatch"]),
    (MINISTER, "Minister Hyun-jun Kim unveiled the plan.", ["name_mismatch"]),
    (MINISTER, "Minister Kim Hyun Jun unveiled the plan.", ["name_mismatch"]),
    (MINISTER, "Minister Hyun Jun Kim unveiled the plan.", ["name_mismatch"]),
    # the family name and a first syllable of the name itself are no other person's name
    ("4번 타자 홍재민이 홈런을 쳤다.", "Cleanup hitter Hong Jae Mun homered.", ["name_mismatch"]),
    ("4번 타자 홍재민이 홈런을 쳤다.", "Cleanup hitter Hong Jae Min homered.", []),
    # dropped entirely, which is not the same as written wrongly
    (MINISTER, "The plan was unveiled.", ["name_missing"]),
]


@pytest.mark.parametrize(("source", "target", "expected"), CASES)
def test_whole_names(source, target, expected):
    assert held(source, target) == expected


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("서울 서초구청은 발표했다.", "The Seocho District Office in Seoul said."),
        ("강남구 주민들이 반대했다.", "Gangnam residents objected."),
        ("세종시에서 회의가 열렸다.", "The meeting was held in Sejong."),
        ("세종시는 발표했다.", "The city said."),
        ("한미일 외교장관이 만났다.", "The foreign ministers of the three countries met."),
        ("남북 정상이 만났다.", "The leaders of the two Koreas met."),
        ("그는 시리즈 최우수선수(MVP)로 뽑혔다.", "He was named the series MVP."),
        ("최우수 선수로 뽑혔다.", "He was named the best player."),
    ],
)
def test_places_compounds_and_prefixed_words_are_never_names(source, target):
    assert name_findings(source, target) == []


def test_a_wrong_given_name_points_at_the_english_and_says_swapped():
    (check,) = create_checks(["names"])
    target = "Rep. Kim Yeon-do said."
    (found,) = check.run(CheckContext("김도연 의원이 말했다.", target))
    assert target[slice(*found.target_span)] == "Kim Yeon-do"
    assert "swapped" in found.message
    assert found.suggestion == "Kim Do-yeon"


def test_a_western_order_wrong_given_name_points_at_both_parts():
    (check,) = create_checks(["names"])
    target = "Minister Hyun Jun Kim unveiled the plan."
    (found,) = check.run(CheckContext(MINISTER, target))
    assert target[slice(*found.target_span)] == "Hyun Jun Kim"


@pytest.mark.parametrize(
    ("syllable", "spelled", "not_spelled"),
    [
        ("태", {"tae", "t'ae", "thae"}, {"dae"}),  # voiced d writes only the plain ㄷ
        ("대", {"dae", "tae"}, {"t'ae"}),  # the apostrophe writes only the aspirated ㅌ
        ("채", {"chae", "ch'ae"}, {"jae"}),
        ("정", {"jeong", "jung", "chung", "chong", "jong"}, {"jeung"}),
        ("성", {"seong", "sung", "song"}, {"seung"}),
        ("현", {"hyeon", "hyun", "hyon"}, {"hoon", "hyung"}),
        ("우", {"u", "woo"}, {"o"}),
        ("이", {"i", "yi", "ee"}, {"ye"}),
    ],
)
def test_each_syllable_has_a_closed_set_of_spellings(syllable, spelled, not_spelled):
    spellings = syllable_spellings(syllable)
    assert spelled <= spellings
    assert not (not_spelled & spellings)


def test_typographic_apostrophes_and_breves_are_read():
    assert spells_syllables("T\u2019ae-min", "태민")
    assert spells_syllables("Ch\u014fng-il", "정일")
    assert not spells_syllables("T\u2019ae-min", "대민")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("김현우는 말했다.", ["김현우"]),  # Kiwi splits it (김 + 현 + 우), no title: still a name
        ("정민우는 말했다.", ["정민우"]),
        ("최은서(45)씨는 법정에 출석했다.", ["최은서"]),  # the title glued on after the age
        ("김현우(서울대)교수는 말했다.", ["김현우"]),
        ("최신 송전선을 설치한다.", []),  # 송전 + 선: the rest is a word (전선)
        ("시리즈 최우수선수(MVP)로 뽑혔다.", []),  # 최 is a prefix (most), no family name
        ("최정상급 선수가 출전했다.", []),
        ("한국산 제품이 팔렸다.", []),
    ],
)
def test_which_words_are_names(source, expected):
    assert [n.form for n in find_korean_names(source)] == expected


def test_a_bare_name_with_its_particle_is_compared_too():
    assert held("김현우는 계획을 밝혔다.", "Kim Hyun-jun unveiled the plan.") == ["name_mismatch"]
    assert held("김현우는 계획을 밝혔다.", "Kim Hyun-woo unveiled the plan.") == []


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("Foreign Minister Cho Hyun said.", []),
        ("Foreign Minister Cho Hyeon said.", []),
        ("Foreign Minister Cho Hyung said.", ["name_mismatch"]),  # 형, not 현
        ("Foreign Minister Cho Hoon said.", ["name_mismatch"]),  # 훈, not 현
    ],
)
def test_a_one_syllable_given_name_is_compared_too(target, expected):
    assert held("조현 외교부 장관이 말했다.", target) == expected
