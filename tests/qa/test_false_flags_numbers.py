"""Numbers on correct English written in other forms, beside the errors still held: a day count
that is the end of an English date span, a bare day told by its weekday, approximations, scales,
percent spellings, ages and currencies."""

from __future__ import annotations

import pytest

from transdesk.article import Severity
from transdesk.qa import Checker
from transdesk.qa.quantities import english_quantities


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def held(checker: Checker, source: str, target: str, check: str = "numbers") -> list[str]:
    return [
        f.message
        for f in checker.check(source, target)
        if f.check == check and f.severity >= Severity.MAJOR
    ]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("올림픽은 8월 8일부터 24일간 열린다.", "The Olympics run August 8-24."),
        ("그는 “베이징에 도착했던 22에는 최악이었다”고 말했다.",
         '"The day I arrived, Tuesday, was awful," he said.'),
        ("이 회사는 약 150만 명의 고객을 보유하고 있다.", "The company has nearly 1.5 million customers."),
        ("사고로 100여 명이 다쳤다.", "More than 100 people were injured in the accident."),
        ("실업률은 3.5%로 올랐다.", "The jobless rate rose to 3.5 per cent."),
        ("김씨(52)는 경찰에 체포됐다.", "Kim, a 52-year-old, was arrested by police."),
        ("정부는 5억 달러를 지원하기로 했다.", "The government will provide $500 million."),
        ("정부는 5000억 원을 투입한다.", "The government will inject W500 billion."),
        ("응답자의 50%가 반대했다.", "Half of the respondents opposed it."),
        ("약 2만 명이 참가했다.", "Some 20,000 people took part."),
        ("사망자는 12명으로 늘었다.", "The death toll rose to twelve."),
        # fractions and durations told in words
        ("응답자의 3분의 2가 찬성했다.", "Two-thirds of respondents agreed."),
        ("응답자의 4분의 1이 찬성했다.", "A quarter of respondents agreed."),
        ("그는 6개월 동안 입원했다.", "He was hospitalized for half a year."),
        ("그는 2주 동안 입원했다.", "He was hospitalized for a fortnight."),
        ("상황실은 24시간 운영된다.", "The situation room runs around the clock."),
        ("회사는 지분 100%를 인수했다.", "The company acquired the entire stake."),
    ],
)
def test_correct_english_is_not_held(checker: Checker, source: str, target: str) -> None:
    assert held(checker, source, target) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # a count of days that no English date accounts for
        ("올림픽은 8월 8일부터 24일간 열린다.", "The Olympics run from August 8 for two weeks."),
        # a bare figure with a particle of time is a day only where the English has a weekday
        ("그는 “베이징에 도착했던 22에는 최악이었다”고 말했다.",
         '"The day I arrived was awful," he said.'),
        ("정부는 5억 달러를 지원하기로 했다.", "The government will provide $300 million."),
        ("사망자는 12명으로 늘었다.", "The death toll rose to 15."),
        ("응답자의 3분의 2가 찬성했다.", "A third of respondents agreed."),
        ("그는 6개월 동안 입원했다.", "He was hospitalized for a year."),
        ("상황실은 24시간 운영된다.", "The situation room runs 12 hours a day."),
        ("회사는 지분 100%를 인수했다.", "The company acquired 90 percent of the stake."),
        ("회사는 지분 100%를 인수했다.", "The company acquired a stake."),
    ],
)
def test_real_errors_are_still_held(checker: Checker, source: str, target: str) -> None:
    assert held(checker, source, target)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # a quarter told as a compound adjective is the quarter, not three-quarters
        ("삼성전자는 3분기 영업이익이 9조1천억 원으로 잠정 집계됐다고 공시했다.",
         "Samsung Electronics said its third-quarter operating profit came to 9.1 trillion won."),
        ("현대차는 상반기 판매가 늘었다고 밝혔다. 2분기 매출은 40조 원이었다.",
         "Hyundai said sales rose in the first half. Second-quarter revenue was 40 trillion won."),
        # a Latin gloss repeating the figure before it: one figure
        ("SK텔레콤은 자사의 5세대(5G) 이동통신 가입자가 1천500만 명을 넘어설 것으로 예상했다.",
         "SK Telecom expects its 5G subscribers to top 15 million."),
        # a share told as a ratio
        ("응답자의 70%가 주 4일 근무제 도입에 찬성한다고 답했다.",
         "Seven in 10 respondents said they support a four-day workweek."),
        ("성인의 20%가 운동을 하지 않는다.", "One in five adults does not exercise."),
    ],
)
def test_quarters_glosses_and_ratios_are_their_figures(checker, source, target):
    assert held(checker, source, target) == []


def test_a_ratio_of_another_share_and_a_quarter_of_another_number_stay_changes(checker):
    assert held(checker, "응답자의 70%가 찬성했다.", "Six in 10 respondents were in favor.")
    assert held(checker, "3분기 매출은 40조 원이었다.", "Fourth-quarter revenue was 40 trillion won.")
    assert [q.value for q in english_quantities("a three-quarter share")] == [0.75]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # native tens up to 90
        ("순천에 사는 아흔두 살 박영희 할머니가 검정고시에 합격했다.",
         "Park Young-hee, a 92-year-old grandmother in Suncheon, passed the equivalency exam."),
        ("최고령 완주자는 여든한 살의 김복남 씨였다.", "The oldest finisher was 81-year-old Kim Bok-nam."),
        # a count of people the source names one by one, told by listing them
        ("호암상은 서울대 이민호 교수, KAIST 정다은 교수, 포스텍 한승우 교수 등 3명에게 돌아갔다.",
         "The prize went to Professor Lee Min-ho of SNU, Professor Jung Da-eun of KAIST and "
         "Professor Han Seung-woo of POSTECH."),
        ("이 사고로 운전자 이모(45) 씨와 동승자 최모(43) 씨 등 2명이 다쳤다.",
         "The driver, a 45-year-old surnamed Lee, and a 43-year-old passenger surnamed Choi were "
         "injured."),
    ],
)
def test_native_tens_and_listed_counts_are_their_figures(checker, source, target):
    assert held(checker, source, target) == []


def test_a_listed_count_the_english_lists_short_is_still_missing(checker):
    assert held(
        checker,
        "호암상은 서울대 이민호 교수, KAIST 정다은 교수, 포스텍 한승우 교수 등 3명에게 돌아갔다.",
        "The prize went to Professor Lee Min-ho of SNU and Professor Jung Da-eun of KAIST.",
    )
    assert held(checker, "아흔두 살 할머니가 합격했다.", "A 93-year-old grandmother passed.")


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("후반 40분에는 교체 투입된 공격수가 결승골을 뽑았다.",
         "The substitute striker scored the winner in the 85th minute."),
        ("무인기들은 약 1시간 30분 만에 모두 북쪽으로 되돌아갔다.",
         "All the drones flew back north within an hour and a half."),
        ("11월 반도체 수출은 187억달러로 사상 최대를 기록했다.",
         "Chip exports hit a record $18.7 bln in November."),
    ],
)
def test_football_minutes_half_hours_and_bln(checker, source, target):
    assert held(checker, source, target) == []


def test_a_figure_a_headline_leaves_out_is_for_the_editor(checker):
    source = "FC서울, 9년 만에 K리그1 정상…통산 7번째 우승"
    target = "FC Seoul win first K League 1 title in nine years"
    body = [f for f in checker.check(source, target) if f.check == "numbers"]
    headline = [
        f for f in checker.check(source, target, block_kind="headline") if f.check == "numbers"
    ]
    assert [f.severity for f in body] == [Severity.MAJOR]
    assert [f.severity for f in headline] == [Severity.MINOR]
    changed = checker.check(source, "FC Seoul win sixth title in nine years", block_kind="headline")
    assert any(f.check == "numbers" and f.severity >= Severity.MAJOR for f in changed)


def test_a_figure_in_a_quoted_title_and_the_nights_of_a_trip(checker):
    title = "한국은행이 발표한 '3분기 가계신용(잠정)' 통계에 따르면 잔액은 1,998조 원이다."
    assert held(checker, title, "Household credit stood at 1,998 trillion won, BOK data showed.") == []
    trip = "이 대통령은 2박 3일간의 일정을 마치고 귀국한다."
    assert held(checker, trip, "Lee returns home, wrapping up a three-day trip.") == []
    assert held(checker, trip, "Lee returns home, wrapping up a four-day trip.")


def test_a_court_division_number_and_the_years_since(checker):
    court = "서울중앙지법 형사합의27부(한정우 부장판사)는 노 전 장관에게 징역 1년을 선고했다."
    told = "A panel of the Seoul Central District Court led by Judge Han sentenced Rho to a year."
    assert held(checker, court, told) == []
    since = "현대캐피탈은 2024년 이후 2년 만에 정상에 올랐다."
    assert held(checker, since, "Hyundai Capital won its first title since 2024.") == []
    assert held(checker, since, "Hyundai Capital won its first title in three years.")


def test_listed_bodies_and_a_span_in_months(checker):
    bodies = "이번 연구에는 극지연구소와 서울대, 부산대, 미국 콜로라도대 등 4개 기관이 참여했다."
    told = "Researchers from KOPRI, Seoul National University, Pusan National University and the " \
        "University of Colorado took part in the study."
    assert held(checker, bodies, told) == []
    span = "양국 통상장관이 만난 것은 약 1년 1개월 만이다."
    assert held(checker, span, "It was the ministers' first meeting in about 13 months.") == []
    assert held(checker, span, "It was the ministers' first meeting in about 14 months.")


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # 서명 (signing) is no 서 (three) + 명
        ("양측은 지난해 3월 협상을 타결한 지 1년 9개월 만에 서명에 이르렀다.",
         "The signing came one year and nine months after the two sides wrapped up the talks in "
         "March last year."),
        ("저축은행과 상호금융 등 2금융권에도 똑같이 적용된다.",
         "The rules apply equally to secondary lenders such as savings banks."),
        ("큐비트의 결맞음 시간은 평균 150마이크로초로 늘었다.",
         "Coherence time rose to an average of 150 microseconds."),
    ],
)
def test_words_that_hold_a_numeral_and_small_units(checker, source, target):
    assert held(checker, source, target) == []


def test_microseconds_told_as_milliseconds_are_a_changed_unit(checker):
    assert held(checker, "결맞음 시간은 평균 150마이크로초로 늘었다.", "It rose to 150 milliseconds.")


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("김서윤은 결승에서 2분 21초 384로 우승했다.", "Kim won the final in 2 minutes, 21.384 seconds."),
        ("박준혁은 1,000m 결승에서 1분 24초 117을 기록했다.", "Park won the 1,000m final in 1:24.117."),
        ("저용량 25㎍과 고용량 50㎍으로 나눠 접종했다.", "Doses of 25 and 50 micrograms were given."),
    ],
)
def test_race_times_in_thousandths_and_micrograms(checker, source, target):
    assert held(checker, source, target) == []


def test_micrograms_told_as_milligrams_are_a_changed_unit(checker):
    assert held(checker, "저용량 25㎍으로 접종했다.", "A low dose of 25 mg was given.")


def test_a_part_of_a_whole_told_as_a_percentage_passes_and_a_wrong_share_is_held(checker):
    source = "전국 개농장 10곳 가운데 8곳 이상이 문을 닫은 것으로 나타났다."
    share = "More than 80 percent of the country's dog farms have closed."
    assert held(checker, source, share) == []
    assert len(held(checker, source, share.replace("80", "60"))) == 2


@pytest.mark.parametrize(
    ("source", "share"),
    [
        ("전국 편의점 네 곳 중 한 곳은 심야 영업을 하지 않는다.", "A quarter of stores close early."),
        ("전국 택시 기사 4명 중 1명은 고령자다.", "One in four taxi drivers are elderly."),
        ("응답자 10명 가운데 7명이 찬성했다.", "Seven in 10 respondents agreed."),
    ],
)
def test_a_part_of_a_whole_told_as_a_fraction_or_a_ratio_passes(checker, source, share):
    assert held(checker, source, share) == []


def test_a_part_of_a_whole_told_as_another_fraction_is_held(checker):
    source = "전국 택시 기사 4명 중 1명은 70대 이상인 것으로 나타났다."
    assert held(checker, source, "A third of taxi drivers nationwide are aged 70 or older.")


def test_hectares_in_the_compatibility_sign_convert_to_acres(checker):
    source = "이번 산불로 산림 200㏊가 불에 탔다."
    assert held(checker, source, "The wildfire burned about 494 acres of forest.") == []
    assert held(checker, source, "The wildfire burned about 200 acres of forest.")


def test_one_counted_told_as_another_count_in_words_is_held(checker):
    source = "합참은 ICBM 1발을 포착했다고 밝혔다."
    assert held(checker, source, "The JCS said it detected two ICBMs.")
    assert held(checker, source, "The JCS said it detected an ICBM.") == []
    assert held(checker, "북한은 1일 미사일을 쐈다.", "North Korea fired two missiles on Dec. 1.") == []
