"""Dropped sentences inside merged pairs are named; a dropped clause of plain words is held.

A Korean sentence with no English counterpart is often paired, with its neighbour, against the
neighbour's English alone (two Korean sentences to one English). The pair's English must then
cover each Korean sentence by itself, and a word that renders the neighbour (the "said" of its
말했다) is no evidence that it renders the other sentence too."""

from __future__ import annotations

import pytest

from transdesk.article import Severity
from transdesk.ingest import read_article
from transdesk.qa import CheckContext, check_translation, create_checks
from transdesk.qa.align import uncovered_in_bead
from transdesk.qa.coverage import coverage, rendering_stems

_ALERT = [
    "국방부는 전방 부대의 경계 태세를 한 단계 높였다고 밝혔다.",
    '국방부 관계자는 "북한군의 동향을 24시간 감시하고 있다"고 말했다.',
]
_CIVIC = [
    "시민단체들은 정부의 결정을 환영한다고 밝혔다.",
    "그러나 대기 오염을 줄이기 위한 추가 대책이 필요하다고 지적했다.",
]
_NAVY = [
    "해군은 동해상에서 연합 해상 훈련을 실시했다고 밝혔다.",
    "훈련에는 구축함 3척과 잠수함 1척이 참가했다.",
]

MERGED = [
    pytest.param(
        _ALERT,
        "An official of the Ministry of National Defense said, \"We are monitoring the "
        'movements of the North Korean military 24 hours a day."',
        [0],
        id="first-dropped-its-said-claimed-by-the-quote",
    ),
    pytest.param(
        _CIVIC,
        "Civic groups said they welcomed the government's decision.",
        [1],
        id="second-dropped",
    ),
    pytest.param(
        _CIVIC,
        "Civic groups said they welcomed the government's decision but that more steps were "
        "needed to reduce air pollution.",
        [],
        id="both-rendered-in-one-sentence",
    ),
    pytest.param(
        _NAVY,
        "The Navy said it conducted a combined maritime drill in the East Sea, which involved "
        "three destroyers and a submarine.",
        [],
        id="both-rendered-freely",
    ),
]


@pytest.mark.parametrize(("korean", "english", "named"), MERGED)
def test_the_sentence_a_merged_pair_leaves_out_is_named(korean, english, named):
    assert uncovered_in_bead(korean, english) == named


def test_words_that_render_the_neighbour_are_no_evidence():
    english = MERGED[0].values[1]
    claimed = rendering_stems(_ALERT[1], english)
    assert "say" in claimed  # 말했다
    alone = coverage(_ALERT[0], english)
    beside = coverage(_ALERT[0], english, claimed=claimed)
    assert "밝히" not in beside.missing  # left out, neither covered nor missing
    assert beside.known < alone.known and beside.covered < alone.covered


ARTICLE = """---
date: 2026-10-28
timezone: Asia/Seoul
---
# 국방부, 전방 경계 태세 격상

북한군 병사 10여 명이 27일 군사분계선을 넘었다가 경고 사격 후 북상했다. 국방부는 전방 부대의 경계 태세를 한 단계 높였다고 밝혔다. 국방부 관계자는 "북한군의 동향을 24시간 감시하고 있다"고 말했다.
"""

ENGLISH = [
    "About 10 North Korean soldiers crossed the Military Demarcation Line on Oct. 27 and "
    "retreated north after warning shots.",
    "The defense ministry said it had raised the alert level of frontline units by one step.",
    'A defense ministry official said, "We are monitoring the movements of the North Korean '
    'military 24 hours a day."',
]


def _report(tmp_path, sentences):
    path = tmp_path / "alert.ko.md"
    path.write_text(ARTICLE, "utf-8")
    translation = "Defense ministry raises frontline alert\n\n" + " ".join(sentences)
    return check_translation(read_article(path), translation)


def test_a_dropped_sentence_in_an_article_is_named(tmp_path):
    report = _report(tmp_path, [ENGLISH[0], ENGLISH[2]])
    held = [f for p in report.pairs for f in p.findings if f.severity >= Severity.MAJOR]
    missing = [f for f in held if f.kind == "sentence_missing"]
    assert len(missing) == 1
    assert "b1.s1" in missing[0].message and "국방부는 전방 부대의" in missing[0].message


def test_the_whole_article_holds_no_omission(tmp_path):
    report = _report(tmp_path, ENGLISH)
    held = [
        f.kind
        for p in report.pairs
        for f in p.findings
        if f.severity >= Severity.MAJOR and f.check in ("omission", "quotes")
    ]
    assert held == []


def omission(source: str, target: str):
    (check,) = create_checks(["omission"])
    return check.run(CheckContext(source, target))


_DEMAND = "시민단체들은 정부의 결정을 환영하면서도 대기 오염을 줄이기 위한 추가 대책이 필요하다고 지적했다."


def test_a_dropped_clause_of_plain_words_is_held_and_says_what_is_missing():
    (found,) = omission(_DEMAND, "Civic groups welcomed the government's decision.")
    assert (found.kind, found.severity) == ("too_short", "major")
    assert "오염" in found.message


def test_the_clause_rendered_freely_is_not_held():
    target = (
        "Civic groups welcomed the decision but said more steps were needed to cut air "
        "pollution."
    )
    assert [f for f in omission(_DEMAND, target) if f.severity >= Severity.MAJOR] == []


def test_a_name_whose_given_name_ends_like_a_place_is_covered_when_spelled():
    source = "박태산 감독은 기자회견에서 소감을 밝혔다."
    spelled = coverage(source, "Manager Park Tae-san spoke at a press conference.")
    other = coverage(source, "Manager Park Min-ho spoke at a press conference.")
    assert "박태산" not in spelled.missing
    assert "박태산" in other.missing
