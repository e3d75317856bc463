"""Omission on correct English: a parenthesis that glosses a Latin name for Korean readers has its
counterpart when the English writes the name; beside the parenthesis truly dropped."""

from __future__ import annotations

from transdesk.qa import CheckContext, create_checks

_SOURCE = (
    "판사가 지적한 이름 중에는 ‘넘버 16 버스 쉐터 (Number 16 Bus Shelter, 16번 버스 종착지)’ "
    "등이 있다."
)


def kinds(source: str, target: str) -> list[str]:
    (check,) = create_checks(["omission"])
    return [f.kind for f in check.run(CheckContext(source, target))]


def test_a_glossed_latin_name_the_english_writes_is_not_dropped() -> None:
    target = "Among the names the judge cited was Number 16 Bus Shelter."
    assert "parenthesis_dropped" not in kinds(_SOURCE, target)


def test_a_parenthesis_the_english_leaves_out_is_still_reported() -> None:
    target = "Among the names the judge cited was a bus stop."
    assert "parenthesis_dropped" in kinds(_SOURCE, target)


def test_a_parenthesis_naming_the_presiding_judge_the_english_names_is_rendered() -> None:
    source = "서울중앙지법 형사합의25부(재판장 김민준 부장판사)는 전 시장에게 징역 5년을 선고했다."
    named = ("Criminal Division 25 of the Seoul Central District Court, presided over by Chief "
             "Judge Kim Min-jun, sentenced a former mayor to five years in prison.")
    assert "parenthesis_dropped" not in kinds(source, named)
    unnamed = "The Seoul Central District Court sentenced a former mayor to five years in prison."
    assert "parenthesis_dropped" in kinds(source, unnamed)
