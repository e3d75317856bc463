"""Renderings an English news editor writes that carry what the Korean says: a negated adjective
told by its opposite, a court panel left out, a count told by naming what it counts, the pronoun
"no one"; and a quoted sentence whose figure is nowhere in the English, dropped."""

from __future__ import annotations

import pytest

from transdesk.qa.morph import analyse
from transdesk.qa.negation_idioms import negated_stem
from transdesk.qa.quantities import english_quantities
from transdesk.qa.units import english_unit

from tests.qa.held import held


@pytest.mark.parametrize(
    ("text", "stem"),
    [("수출 여건이 녹록지 않을 것이다.", "녹록"), ("이 물질은 인체에 해롭지 않다.", "해롭"),
     ("물부족하지 않다.", "부족"), ("규제를 서두르지 않겠다.", "서두르")],
)  # fmt: skip
def test_the_negated_stem_is_the_word_kiwi_splits(text, stem):
    morphemes = analyse(text)
    [at] = [i for i, m in enumerate(morphemes) if m.tag == "VX" and m.form == "않"]
    assert negated_stem(morphemes, at) == stem


@pytest.mark.parametrize(
    ("source", "faithful", "wrong"),
    [
        ("이 실장은 \"올해는 수출 여건이 녹록지 않을 것\"이라고 말했다.",
         "\"Export conditions will be tough this year,\" Lee said.",
         "\"Export conditions will be easy this year,\" Lee said."),
        ("연구진은 이 물질이 인체에 해롭지 않다는 결론을 내렸다.",
         "The researchers concluded that the substance is safe for humans.",
         "The researchers concluded that the substance is harmful to humans."),
        ("금융위원회는 가상자산 거래소에 대한 추가 규제를 서두르지 않겠다는 입장이다.",
         "The Financial Services Commission intends to take its time on additional regulation "
         "of cryptocurrency exchanges.",
         "The Financial Services Commission intends to rush additional regulation of "
         "cryptocurrency exchanges."),
    ],
)  # fmt: skip
def test_a_negated_predicate_told_by_its_opposite_passes_and_its_own_sense_is_held(
    source, faithful, wrong
):
    assert held("polarity", source, faithful) == []
    assert held("polarity", source, wrong) == ["negation_lost"]


RULING = "대법원 3부는 17일 윤 전 의원의 상고심에서 징역 3년을 선고한 원심을 확정했다."


@pytest.mark.parametrize(
    ("target", "kinds"),
    [
        ("The Supreme Court on Thursday upheld a three-year prison term for former lawmaker "
         "Yoon.", []),
        ("The Third Division of the Supreme Court on the 17th upheld a three-year prison term "
         "for former lawmaker Yoon.", []),
        ("The Second Division of the Supreme Court on the 17th upheld a three-year prison term "
         "for former lawmaker Yoon.", ["number_missing"]),
    ],
)  # fmt: skip
def test_a_court_panel_is_not_demanded_but_another_panel_is_held(target, kinds):
    assert held("numbers", RULING, target) == kinds


@pytest.mark.parametrize(
    ("source", "target", "kinds"),
    [
        ("공정위는 3개 이동통신사에 과징금 1천140억원을 부과했다.",
         "The Fair Trade Commission fined SK Telecom, KT and LG Uplus a combined 114 billion "
         "won.", []),
        ("회의에는 한국·미국·일본 3개국 외교장관이 참석했다.",
         "The foreign ministers of South Korea, the United States and Japan attended the "
         "meeting.", []),
        ("회의에는 한국, 미국, 일본, 호주 4개국 국방장관이 참석했다.",
         "The defense ministers of South Korea, the United States and Japan attended the "
         "meeting.", ["number_missing"]),
        ("공정위는 3개월간 이동통신사들을 조사했다.",
         "The Fair Trade Commission investigated SK Telecom, KT and LG Uplus.", ["number_missing"]),
    ],
)  # fmt: skip
def test_a_count_told_by_naming_as_many_passes(source, target, kinds):
    assert held("numbers", source, target) == kinds


def test_no_one_is_a_pronoun_and_no_1_a_rank():
    text = "so that no one has to die alone, said the world No. 1"
    one, rank = english_quantities(text)
    assert english_unit(one, text) is None
    assert english_unit(rank, text).measure == "order"
    assert held("numbers", "한 사람도 다치지 않았다.", "No one was hurt.") == []


QUOTE = (
    '김상훈 감독은 경기 후 기자회견에서 "선제골을 내준 뒤에도 선수들이 흔들리지 않고 끝까지 '
    '싸워줬다. 조 1위로 16강에 오르는 것이 다음 목표다"라고 말했다.'
)
FIRST = (
    'Coach Kim Sang-hoon said at the press conference after the match, "Even after conceding '
    'the first goal, the players fought to the end without shaking.'
)


def test_a_quoted_sentence_whose_figure_is_nowhere_in_the_english_is_missing():
    assert held("quotes", QUOTE, FIRST + '"') == ["quote_missing"]
    both = FIRST + ' Our next goal is to advance to the round of 16 as group winners."'
    assert held("quotes", QUOTE, both) == []


@pytest.mark.parametrize(
    ("source", "target", "kinds"),
    [
        ("국방부는 북한의 추가 도발 가능성을 배제할 수 없다고 밝혔다.",
         "The defense ministry said it can rule out further provocations by North Korea.",
         ["negation_lost"]),
        ("국방부는 북한의 추가 도발 가능성을 배제할 수 없다고 밝혔다.",
         "The defense ministry said further provocations by North Korea remain possible.", []),
        ("기상청은 제10호 태풍이 한반도에 직접 영향을 주지는 않을 것으로 내다봤다.",
         "The weather agency expects the 10th typhoon to directly affect the Korean Peninsula.",
         ["negation_lost"]),
        ("기상청은 제10호 태풍이 한반도에 직접 영향을 주지는 않을 것으로 내다봤다.",
         "The weather agency expects the 10th typhoon to spare the Korean Peninsula a direct "
         "hit.", []),
    ],
)  # fmt: skip
def test_what_cannot_be_done_and_what_is_forecast_keep_their_negation(source, target, kinds):
    assert held("polarity", source, target) == kinds


@pytest.mark.parametrize(
    ("source", "faithful", "wrong"),
    [
        ("정부는 해외 입국자에 대한 격리 의무를 더 이상 유지하지 않기로 했다.",
         "The government decided to lift the mandatory quarantine for overseas arrivals.",
         "The government decided to maintain the mandatory quarantine for overseas arrivals."),
        ("헌법재판소는 해당 조항이 헌법에 어긋나지 않는다고 판단했다.",
         "The Constitutional Court ruled that the provision is constitutional.",
         "The Constitutional Court ruled that the provision violates the Constitution."),
        ("환자의 상태는 악화되지 않고 안정적인 것으로 알려졌다.",
         "The patient's condition is reported to have remained stable.",
         "The patient's condition is reported to have worsened and to be stable."),
    ],
)  # fmt: skip
def test_keeping_worsening_and_running_counter_told_by_their_opposites(source, faithful, wrong):
    assert held("polarity", source, faithful) == []
    assert held("polarity", source, wrong) == ["negation_lost"]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("대표팀은 바레인에 덜미를 잡히며 조 2위로 내려앉았다.",
         "The team rose to second place in the group after the defeat by Bahrain."),
        ("한국전력의 영업적자 규모가 1년 새 3배로 불어났다.",
         "Korea Electric Power Corp.'s operating loss shrank by two-thirds in a year."),
        ("반도체 재고가 석 달 연속 감소했다.", "Chip inventories piled up for a third straight month."),
    ],
)  # fmt: skip
def test_more_words_of_rise_and_fall_are_read(source, target):
    assert held("polarity", source, target) == ["direction_flipped"]


AGREEMENT = "정부는 북한이 추가 도발하면 9·19 군사합의의 효력을 전부 정지하겠다고 밝혔다."


def test_an_event_named_by_its_month_and_day_is_a_date():
    told = (
        "The government said it will suspend the Sept. 19 military agreement if the North "
        "provokes."
    )
    assert held("numbers", AGREEMENT, told) == [] and held("dates", AGREEMENT, told) == []
    shifted = told.replace("Sept. 19", "Sept. 21")
    assert "date_mismatch" in held("dates", AGREEMENT, shifted)


def test_people_counted_after_their_offices_are_told_by_listing_the_offices():
    source = "시장과 부시장, 시의원 등 3명이 뇌물 혐의로 기소됐다."
    target = (
        "The mayor, the deputy mayor and a city council member were indicted on bribery charges."
    )
    assert held("numbers", source, target) == []
    assert held("numbers", source.replace("3명", "4명"), target) == ["number_missing"]


RECORD = "한국은 이번 패배로 1승 1패(승점 3)를 기록해 조 2위로 내려앉았다."


@pytest.mark.parametrize(
    ("source", "target", "kinds"),
    [
        (RECORD, "With this defeat, Korea recorded 1 win and 1 loss (3 points) and rose to 2nd "
         "place in the group.", ["direction_flipped"]),
        (RECORD, "The defeat left Korea with one win and one loss (3 points), dropping it to "
         "second place in the group.", []),
        ("한국 경제의 3분기 성장률은 전 분기 대비 0.6%로 시장 예상치를 밑돌았다.",
         "South Korea's economy expanded 0.6 percent in the third quarter from the previous "
         "quarter, falling short of market expectations.", []),
    ],
)  # fmt: skip
def test_a_kind_of_change_told_only_the_other_way_is_flipped_beside_other_kinds(
    source, target, kinds
):
    assert held("polarity", source, target) == kinds
