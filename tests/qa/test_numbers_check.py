"""The numbers check on units, scales, numbers written as words, markup and positions.

Each rule has a fault it must catch (major, on the right spans) and correct English it must pass.
"""

from __future__ import annotations

import pytest

from transdesk.article import Severity
from transdesk.qa import CheckContext, create_checks
from transdesk.qa.figure_markup import blank_markup
from transdesk.qa.number_words import korean_number_words, numeral_value
from transdesk.qa.quantities import english_quantities, korean_quantities, rounds_to
from transdesk.qa.units import Unit, compatible, converts


def run(source: str, target: str):
    (checker,) = create_checks(["numbers"])
    return checker.run(CheckContext(source, target))


def held(source: str, target: str):
    return [f for f in run(source, target) if f.severity >= Severity.MAJOR]


def spans(found, source: str, target: str) -> tuple[str, str]:
    source_text = source[slice(*found.source_span)] if found.source_span else ""
    target_text = target[slice(*found.target_span)] if found.target_span else ""
    return source_text, target_text


# --- faults the check must hold, with the source and English spans it names -----------------


CHANGED_UNITS = [  # the same figure in another unit
    ("국경에서 320km 떨어진 기지", "a base 320 miles from the border", "320", "320"),
    ("무게는 40kg이었다.", "It weighed 40 pounds.", "40", "40"),
    ("예산 7억 원을 배정했다.", "It set aside $700 million.", "7억", "700 million"),
    ("지원금 50만 달러", "aid of 500,000 won", "50만", "500,000"),
    ("실업률이 1.2%p 올랐다.", "Unemployment rose 1.2 percent.", "1.2", "1.2"),
    ("참석자가 12명이었다.", "Turnout was 12 percent.", "12", "12"),
    ("30억 달러를 냈다.", "He paid W3 billion.", "30억", "3 billion"),
]
CHANGED_COUNTS = [  # an ordinal or a count written as a word, or a position, told as another
    ("다섯 번째 정상회담이다.", "It is the fourth summit.", "다섯", "fourth"),
    ("세 번째 도전에 나섰다.", "He made his second attempt.", "세", "second"),
    ("징역 1년을 선고했다.", "It sentenced him to two years in prison.", "1", "two"),
    ("한 달 만에 재개됐다.", "It resumed three months later.", "한", "three"),
    ("두 명이 구조됐다.", "Three people were rescued.", "두", "Three"),
    ("세 차례 협상했다.", "They negotiated twice.", "세", "twice"),
    ("첫 공판이 열렸다.", "The second hearing was held.", "첫", "second"),
    ("셋째 날 회의에서", "at the meeting on the fourth day", "셋째", "fourth"),
    ("사흘 동안 머물렀다.", "He stayed for five days.", "사흘", "five"),
    ("2심 재판부는 원심을 유지했다.", "The first-instance court upheld it.", "2", "first"),
    ("3차 공판에서", "at the fourth hearing", "3", "fourth"),
]


@pytest.mark.parametrize(
    ("kind", "source", "target", "source_span", "target_span"),
    [("unit_changed", *row) for row in CHANGED_UNITS]
    + [("number_missing", *row) for row in CHANGED_COUNTS],
)
def test_fault_is_held_on_its_spans(kind, source, target, source_span, target_span):
    found = [f for f in held(source, target) if f.kind == kind]
    assert found, run(source, target)
    assert spans(found[0], source, target) == (source_span, target_span)


@pytest.mark.parametrize(
    ("source", "target", "source_span"),
    [
        ("1조 2천억 원을 투입한다.", "It will spend 12 trillion won.", "1조 2천억"),
        ("3억 원을 받았다.", "He received 30 million won.", "3억"),
        ("다섯 명이 다쳤다.", "Several people were hurt.", "다섯"),
        ("2심 재판부는 형을 유지했다.", "The lower court upheld the sentence.", "2"),
        ("2차 공판에서 증언했다.", "He testified at the hearing.", "2"),
        ("5차전을 치른다.", "They play Game of the series.", "5"),
        ("15m 간격으로 설치됐다.", "They were placed meters (49 feet) apart.", "15"),
        ("900mm의 비가 내렸다.", "It dropped up to 36 inches ( mm) of rain.", "900"),
        ("38명이 숨졌다.", "At least 30 people died.", "38"),
        ("부상자는 114명이다.", "The number of wounded is 110.", "114"),
        ("오늘은 1억5천만 유로, 내일은 2억 유로다.", "150 million euros today, 300 tomorrow.", "2억"),
        ("타율 3할1푼2리를 기록했다.", "He batted .321.", "3할1푼2리"),
        # a figure hidden in markup is no figure: the number the English lacks is still missing
        ("사망자는 8212명이다.", "The death toll &#8212; rose.", "8212"),
    ],
)
def test_wrong_or_dropped_figure_is_held(source, target, source_span):
    found = [f for f in held(source, target) if f.kind == "number_missing"]
    assert found, run(source, target)
    assert source[slice(*found[0].source_span)] == source_span


# --- correct English the check must pass ----------------------------------------------------


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # units and conversions
        ("국경에서 320km 떨어진 기지", "a base 320 kilometers (199 miles) from the border"),
        ("국경에서 320km 떨어진 기지", "a base about 200 miles from the border"),
        ("국경에서 320km 떨어진 기지", "a base 320km from the border"),
        ("무게는 40kg이었다.", "It weighed 40 kilograms (88 pounds)."),
        ("900mm의 비가 내렸다.", "It dropped up to 36 inches of rain."),
        ("기온이 35도까지 올랐다.", "Temperatures rose to 95 degrees Fahrenheit."),
        ("북위 38도선 인근", "near the 38th parallel"),
        # Korean scales and currencies
        ("예산 7억 원을 배정했다.", "It set aside 700 million won."),
        ("1조 2천억 원을 투입한다.", "It will spend 1.2 trillion won."),
        ("1조 2천억 원을 투입한다.", "It will spend 1,200 billion won."),
        ("1조 2345억 원을 투입한다.", "It will spend about 1.2 trillion won."),
        ("1조 2345억 원을 투입한다.", "It will spend 1.23 trillion won."),
        ("15억 달러를 지원한다.", "It will provide $1.5 billion."),
        ("5만 명이 모였다.", "50,000 people gathered."),
        ("약 3만 2천 명이 모였다.", "About 32,000 people gathered."),
        ("1만 2천여 명이 참가했다.", "More than 12,000 people took part."),
        ("30억 원을 냈다.", "He paid W3 billion."),
        ("100엔짜리 동전", "a 100-yen coin"),
        ("이적료 3천만 파운드", "a transfer fee of 30 million pounds"),
        ("24개월 동안 복무한다.", "They serve for two years."),
        ("20억 위안 규모", "worth 2 billion yuan"),
        ("3천만 유로를 냈다.", "He paid 30 million euros."),
        # shares, points and multiples
        ("실업률이 1.2%p 올랐다.", "Unemployment rose 1.2 percentage points."),
        ("실업률이 1.2%p 올랐다.", "Unemployment rose 1.2 points."),
        ("물가가 3.4% 올랐다.", "Prices rose 3.4 percent."),
        ("수출이 3배 늘었다.", "Exports tripled."),
        ("수출이 3배 늘었다.", "Exports rose threefold."),
        ("수출이 3배 늘었다.", "Exports grew three times over."),
        # ordinals and counts written as words
        ("다섯 번째 정상회담이다.", "It is the fifth summit."),
        ("다섯 번째 정상회담이다.", "It is the 5th summit."),
        ("세 번째 도전에 나섰다.", "He made his third attempt."),
        ("셋째 날 회의에서", "at the meeting on the third day"),
        ("두 명이 구조됐다.", "Two people were rescued."),
        ("두 명이 구조됐다.", "Both were rescued."),
        ("징역 1년을 선고했다.", "It sentenced him to a year in prison."),
        ("징역 1년을 선고했다.", "It sentenced him to one year in prison."),
        ("한 달 만에 재개됐다.", "It resumed a month later."),
        ("두 차례 협상했다.", "They negotiated twice."),
        ("세 차례 협상했다.", "They negotiated three times."),
        ("세 차례 협상했다.", "They negotiated thrice."),
        ("첫 공판이 열렸다.", "The first hearing was held."),
        ("첫 공판이 열렸다.", "The opening hearing was held."),
        ("사흘 동안 머물렀다.", "He stayed for three days."),
        ("열두 명이 다쳤다.", "Twelve people were hurt."),
        ("스물한 번째 생일", "his twenty-first birthday"),
        # markup holds no figures
        ("그는 침묵했다.", "He said nothing &#8212; not a word."),
        ("그는 침묵했다.", "He said nothing&nbsp;at all &amp; left."),
        ("김 위원장이 연설했다.", "![Kim speaks](photo-2024-0915.jpg) Kim spoke."),
        ("김 위원장이 연설했다.", "Kim spoke (see https://example.com/2024/09/15/a1)."),
        ("김 위원장이 연설했다.", "Kim spoke.[3]"),
        # positions named in words
        ("2심 재판부는 형을 유지했다.", "The appeals court upheld the sentence."),
        ("1심 재판부는 징역형을 선고했다.", "The lower court handed down a prison term."),
        ("3심에서 확정됐다.", "It was upheld by the Supreme Court."),
        ("2차 공판에서 증언했다.", "He testified at the second hearing."),
        ("재심 2차 공판이 시작됐다.", "The retrial got underway."),
        ("매출 1위를 차지했다.", "It ranked top in sales."),
        ("매출 3위를 기록했다.", "It ranked third in sales."),
        ("한미일 3국 정상이 만났다.", "The leaders of South Korea, the U.S. and Japan met."),
        ("제1야당인 국민의힘은", "The main opposition People Power Party"),
        ("재일교포 2세인 그는", "He, a second-generation Korean resident of Japan,"),
        ("존 F. 케네디 2세가 말했다.", "John F. Kennedy Jr. said."),
        ("태풍 제9호가 북상한다.", "Typhoon No. 9 is moving north."),
        # a scale said once for two figures; a batting average; a figure repeated in a gloss
        ("오늘은 1억5천만 유로, 내일은 2억 유로다.", "150 million euros today, 200 tomorrow."),
        ("타율 3할1푼2리를 기록했다.", "He batted .312."),
        ("넘버 7 카페 (Number 7 Cafe, 7번 카페)", "the Number 7 Cafe"),
        # clocks, durations told as ordinals, counts told as the nth time
        ("21시간 30분 동안 구금됐다.", "He has been held since 21:30 hours."),
        ("14년에 걸쳐 뛰었다.", "It is his 14th season."),
        ("올 시즌 2차례 부상자 명단에 올랐다.", "He is on the disabled list for the second time."),
        ("두 시간 간격으로 두 명이 숨졌다.", "Two were killed two hours apart."),
    ],
)
def test_correct_english_passes(source, target):
    assert held(source, target) == [], run(source, target)


def test_a_conversion_beside_the_metric_figure_is_not_added():
    found = run("국경에서 320km 떨어진 기지", "a base 320 kilometers (199 miles) from the border")
    assert found == []


def test_a_percent_told_as_points_is_minor():
    (found,) = run("물가가 3% 올랐다.", "Prices rose 3 percentage points.")
    assert found.kind == "unit_changed" and found.severity == "minor"


# --- the readers the check is built on ------------------------------------------------------


def test_markup_is_blanked_with_offsets_kept():
    text = "A dash&#8212;then ![alt 3](img-2024.jpg) and https://x.org/9 end[2]"
    blanked = blank_markup(text)
    assert len(blanked) == len(text)
    assert [q.value for q in english_quantities(text)] == [3.0]
    assert blanked.endswith("end   ")
    assert blank_markup("50 m² area") == "50 m² area"


def test_korean_quantities_ignore_entities():
    assert [q.value for q in korean_quantities("그는&#8212;5명을")] == [5.0]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("26만 5,000대를 판매했다", [265000.0]),
        ("시간당 1만 320원으로", [10320.0]),
        ("3억 5천만 원", [350000000.0]),
        ("관객 10만 명, 2,000명", [100000.0, 2000.0]),  # a counter between: two figures
        ("10만 2026년", [100000.0, 2026.0]),  # a year after a figure is no part of it
    ],
)
def test_the_rest_below_a_multiplier_written_apart_is_one_figure(text, values):
    assert [q.value for q in korean_quantities(text)] == values


def test_a_figure_with_its_rest_apart_is_checked_whole():
    source = "기아는 지난달 전년 동월보다 3.2% 증가한 26만 5,000대를 판매했다."
    right = "Kia sold 265,000 vehicles last month, up 3.2 percent from a year earlier."
    assert held(source, right) == []
    assert held(source, right.replace("265,000", "256,000"))


def test_korean_number_words_need_a_counter():
    words = korean_number_words("세 명이 세금을 냈고 다섯 번째 회의를 한 뒤 이틀 쉬었다.")
    assert [(q.surface, q.value) for q in words] == [("세", 3.0), ("다섯", 5.0), ("이틀", 2.0)]
    assert numeral_value("스물두") == 22 and numeral_value("넷째") == 4
    assert numeral_value("둘째") == 2 and numeral_value("가나") is None


def test_units_agree_and_convert():
    km, mile = Unit("length", "km"), Unit("length", "mile")
    assert not compatible(km, mile) and compatible(km, None) and compatible(km, km)
    assert converts(240, km, 150, mile) and not converts(240, km, 240, mile)
    assert not compatible(Unit("share", "pp"), Unit("share", "pct"))
    assert compatible(Unit("times", "multiple"), Unit("times", "times"))


def test_rounding_allows_only_what_the_english_rounds():
    (trillion,) = english_quantities("1.2 trillion won")
    assert rounds_to(1.2345e12, trillion, approximate=False)
    assert not rounds_to(1.29e12, trillion, approximate=False)
    (percent,) = english_quantities("46 percent")
    assert not rounds_to(45, percent, approximate=True)  # as precise as the source: exact
