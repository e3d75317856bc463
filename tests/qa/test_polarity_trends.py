"""Polarity: a flipped direction told with trend nouns ("하락세", "증가세") or with two changes,
and the changes of a change that are left alone."""

from __future__ import annotations

import pytest

from transdesk.article import Severity
from transdesk.qa import CheckContext, create_checks
from transdesk.qa.korean_polarity import compounds_change, directions


def findings(source: str, target: str):
    (check,) = create_checks(["polarity"])
    return check.run(CheckContext(source, target))


@pytest.mark.parametrize(
    ("source", "target", "korean", "english"),
    [
        # a one-word trend noun is the change: "하락세를 보였다" (fell)
        ("코스피는 외국인 매도로 하락세를 보였다.", "The KOSPI rose on foreign selling.",
         "하락세", "rose"),
        ("수출 증가세가 석 달째 이어졌다.", "The decline in exports continued for a third month.",
         "증가세", "decline"),
        ("유가는 사흘째 상승세를 이어갔다.", "Oil prices slid for a third straight day.",
         "상승세", "slid"),
        # one direction in the Korean, the opposite at least as often in the English
        ("수요가 늘어나면서 가격도 오를 것이다.",
         "Prices will fall as demand increases.", "늘어나", "fall"),
        # changes of both directions in the Korean, the English all of one
        ("국제유가는 하락세를 이어간 끝에 상승세로 돌아섰다.",
         "Oil prices rallied strongly after their longest rise in years.", "하락세", "rallied"),
        # "뒷걸음질했다" is a fall, no change of one; the change named is the amount's, not the
        # weak building work (부진) that caused it
        ("정부는 예비비를 2조5천억 원 깎았다.", "The government raised reserve funds by 2.5 trillion.",
         "깎", "raised"),
        ("건설투자는 건물 건설 부진으로 2.7% 줄어 6분기 연속 뒷걸음질했다.",
         "Construction investment increased 2.7% on sluggish building, retreating for six "
         "quarters.", "줄", "increased"),
    ],
)
def test_a_flipped_trend_is_major_and_names_the_korean(source, target, korean, english):
    (found,) = findings(source, target)
    assert (found.kind, found.severity) == ("direction_flipped", Severity.MAJOR)
    assert source[slice(*found.source_span)] == korean
    assert target[slice(*found.target_span)] == english
    assert korean in found.message


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("코스피는 외국인 매도로 하락세를 보였다.", "The KOSPI fell on foreign selling."),
        ("수출 증가세가 석 달째 이어졌다.", "Exports grew for a third straight month."),
        # the English tells the later change first
        ("국제유가는 하락세를 이어간 끝에 상승세로 돌아섰다.",
         "Oil prices rebounded strongly after their longest slide in years."),
        # a change of a change: the directions multiply
        ("물가 상승세가 둔화됐다.", "Inflation eased."),
        ("물가 상승률이 낮아졌다.", "Inflation fell."),
        ("수출 감소폭이 커졌다.", "The drop in exports deepened, with shipments falling further."),
        # the English names more changes than the Korean ("지지" is no word of direction)
        ("이 조항은 후보자를 지지하거나 반대하는 게시물을 금지해 왔다.",
         "The provision has banned online posts supporting or opposing candidates."),
        # two changes on the Korean side, one word in the English: left alone
        ("줄어들던 헌혈자 수를 늘렸다.", "They increased the number of blood donors."),
    ],
)
def test_trends_said_right_or_compounded_pass(source, target):
    assert [f.kind for f in findings(source, target)] == []


@pytest.mark.parametrize(
    ("source", "compound"),
    [
        ("주가는 하락세를 보였다.", False),
        ("코스피는 이틀째 상승세를 이어갔다.", False),
        ("달러 강세가 유가 하락세에 압박을 더했다.", False),
        ("상승세가 둔화됐다.", True),
        ("수출 감소 폭이 전월보다 축소됐다.", True),
        ("하락폭이 커졌다.", True),
    ],
)
def test_a_trend_is_a_change_of_a_change_only_where_something_changes_it(source, compound):
    assert compounds_change(source) is compound


def test_trend_nouns_carry_their_direction():
    assert [(d.form, d.direction) for d in directions("주가가 하락세를 보였다.")] == [
        ("하락세", "down")
    ]


@pytest.mark.parametrize(
    ("source", "target", "english"),
    [
        # contests by their voice, votes, widths, levels reached, seats lost
        ("여당 후보는 보궐선거에서 야당 후보에게 8천여 표 차로 패했다.",
         "The ruling party candidate defeated the opposition candidate by some 8,000 votes.",
         "defeated"),
        ("주민투표에서 두 시의 통합안이 찬성 62%로 가결됐다.",
         "The merger plan was rejected in a referendum with 62 percent in favor.", "rejected"),
        ("정부는 노후 경유차 운행 제한 지역을 수도권 전역으로 확대했다.",
         "The government narrowed the area where old diesel vehicles are restricted.", "narrowed"),
        ("지난해 출생아 수는 역대 최저치를 기록하며 전년보다 7.7% 감소했다.",
         "Births last year hit a record low, rising 7.7 percent from the year before.", "rising"),
        ("제1야당은 총선에서 의석을 20석 가까이 잃었다.",
         "The main opposition party gained nearly 20 seats in the general election.", "gained"),
    ],
)
def test_more_directions_flipped_are_held(source, target, english):
    (found,) = findings(source, target)
    assert found.kind == "direction_flipped"
    assert target[slice(*found.target_span)] == english


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("여당 후보는 보궐선거에서 야당 후보에게 8천여 표 차로 패했다.",
         "The ruling party candidate lost to the opposition candidate by some 8,000 votes."),
        ("여당 후보는 보궐선거에서 야당 후보에게 패했다.",
         "The ruling party candidate was defeated by the opposition candidate."),
        ("주민투표에서 두 시의 통합안이 찬성 62%로 가결됐다.",
         "The merger plan was approved in a referendum with 62 percent in favor."),
        ("지난해 출생아 수는 역대 최저치를 기록하며 전년보다 7.7% 감소했다.",
         "Births last year fell 7.7 percent from the year before to a record low."),
        # "surgeons" is no surge; "runner-up" is the final lost
        ("그는 사고로 시력을 잃었고 의사들은 수술을 권했다.",
         "He lost his sight in the accident, and surgeons recommended an operation."),
        ("지난해 결승에서 패했던 그는 올해 결승에서 승리했다.",
         "Last year's runner-up, he won this year's final."),
    ],
)
def test_the_same_changes_told_right_pass(source, target):
    assert findings(source, target) == []


def test_a_surplus_narrowing_told_as_widening_is_held_at_the_change():
    source = "대미 무역수지 흑자 폭은 412억 달러로 지난해보다 17% 줄었다."
    target = "The trade surplus with the U.S. was $41.2 billion, expanding 17% from a year earlier."
    (found,) = findings(source, target)
    assert target[slice(*found.target_span)] == "expanding"
    assert findings(source, "The surplus with the U.S. narrowed 17% to $41.2 billion.") == []


def test_a_length_compared_the_other_way_is_flipped():
    source = "합참은 비행거리가 북한 주장보다 짧은 약 800km로 분석했다."
    (found,) = findings(source, "The JCS put the range at about 800 km, longer than claimed.")
    assert found.kind == "direction_flipped"
    assert findings(source, "The JCS put the range at about 800 km, shorter than claimed.") == []
    assert findings("그는 더 이상 길게 말하지 않았다.", "He no longer spoke at length.") == []


def test_a_difference_in_number_told_the_other_way_is_flipped():
    source = "현대캐피탈의 범실은 상대보다 13개 많았다."
    (found,) = findings(source, "Hyundai Capital made 13 fewer errors than its opponent.")
    assert found.kind == "direction_flipped"
    assert findings(source, "Hyundai Capital made 13 more errors than its opponent.") == []
    assert findings("많은 사람들이 모였다.", "Fewer people than expected gathered.") == []


def test_an_adjective_made_a_change_is_a_direction():
    source = "변동금리 하단은 석 달 전보다 낮아진 연 3.8%였다."
    (found,) = findings(source, "The floor was 3.8 percent a year, higher than three months ago.")
    assert found.kind == "direction_flipped"
    assert findings(source, "The floor was 3.8 percent a year, lower than three months ago.") == []


def test_a_direction_word_that_renders_another_korean_word_is_not_the_change():
    # "slowdown" renders 둔화, the cause, not the change 줄었다; the change told as a rise is held
    source = "다만 중국 수요 둔화로 디스플레이 패널 수출은 같은 기간 3.1% 줄었다."
    wrong = "However, due to the slowdown in Chinese demand, display panel exports increased 3.1%."
    right = "Display panel exports, however, fell 3.1 percent on slowing Chinese demand."
    (found,) = findings(source, wrong)
    assert found.kind == "direction_flipped"
    assert wrong[slice(*found.target_span)] == "increased"
    assert findings(source, right) == []


def test_as_many_changes_in_other_numbers_of_each_direction_is_flipped():
    source = "수출은 1년 전보다 9.8% 늘어난 638억 달러를 기록했고, 수입은 유가 하락 영향으로 2.1% 줄었다."
    wrong = ("Exports recorded $63.8 billion, increasing 9.8% from a year ago, and imports "
             "increased 2.1% due to the fall in oil prices.")
    right = ("Exports rose 9.8 percent to $63.8 billion, while imports fell 2.1 percent on "
             "lower oil prices.")
    (found,) = findings(source, wrong)
    assert found.kind == "direction_flipped"
    assert wrong[slice(*found.target_span)] == "increased"
    assert findings(source, right) == []


def test_the_won_told_for_the_exchange_rate_is_not_read_for_direction():
    # 환율 (won per dollar) falling is the won rising; copy tells it "up 8.3 won" (the won) as
    # often as "down 8.3 won" (the rate), so neither is held
    source = "원·달러 환율은 전날보다 8.3원 내린 1,362.5원에 거래를 마감했다."
    won = "The Korean won closed at 1,362.5 per dollar, up 8.3 won from the previous session."
    assert findings(source, won) == []
    assert findings(source, won.replace("up 8.3", "down 8.3")) == []
    # told as the rate itself, the direction is the Korean's own
    rate_down = "The won-dollar exchange rate fell 8.3 won to close at 1,362.5."
    assert findings(source, rate_down) == []
    assert findings(source, rate_down.replace("fell", "rose"))[0].kind == "direction_flipped"


@pytest.mark.parametrize(
    ("source", "right", "wrong"),
    [
        ("국제 금값은 사상 최고치를 경신했다.", "Gold prices hit a record high.",
         "Gold prices hit a record low."),
        ("지난해 교통사고 사망자 수는 역대 최저를 기록했다.",
         "Traffic deaths last year were the lowest on record.",
         "Traffic deaths last year were the highest on record."),
        ("수출은 역대 최대치를 기록했다.", "Exports were the largest on record.",
         "Exports were the smallest on record."),
    ],
)
def test_a_level_reached_told_as_the_other_extreme_is_flipped(source, right, wrong):
    assert findings(source, right) == []
    assert [f.kind for f in findings(source, wrong)] == ["direction_flipped"]


def test_the_minimum_wage_is_no_level_reached():
    assert findings("최저임금은 시간당 1만 320원으로 결정됐다.", "The minimum wage was set higher.") == []


def test_a_clause_turned_round_beside_a_change_told_by_a_figure_word_is_flipped():
    # "nearly doubled" renders 두 배 as well as 늘었다; the first clause, holding 12%, is flipped
    source = ("같은 기간 피해 건수는 지난해보다 12% 줄었지만, 건당 평균 피해액은 5천200만 원으로 "
              "두 배 가까이 늘었다.")
    wrong = ("The number of cases showed an increase of 12% from last year, but the average loss "
             "per case nearly doubled to 52 million won.")
    (found,) = findings(source, wrong)
    assert found.kind == "direction_flipped"
    assert wrong[slice(*found.target_span)] == "increase"
    right = ("The number of cases fell 12% from last year, but the average loss per case nearly "
             "doubled to 52 million won.")
    assert findings(source, right) == []
    reordered = ("The average loss per case nearly doubled to 52 million won, while the number of "
                 "cases fell 12% from last year.")
    assert findings(source, reordered) == []
