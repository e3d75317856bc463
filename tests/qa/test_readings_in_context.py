"""Readings that depend on the words around a figure, a name or a negation: a currency's country,
a count of a plain noun, a curling end, an evidential told with a passive, a calling before a
name, a date that belongs to a relative clause, and a sentence dropped with its quotation."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.dates import find_english_dates
from transdesk.qa import CheckContext, create_checks

from tests.qa.held import held


PRIZE = "대한컬링연맹은 우승 상금 5만 캐나다달러와 별도로 선수단에 포상금 1억 원을 지급하기로 했다."


@pytest.mark.parametrize(
    "target",
    [
        "The federation will pay a 100 million won bonus on top of the 50,000 Canadian dollar "
        "prize.",
        "The federation will pay a 100 million won bonus on top of the C$50,000 prize.",
        "The federation will pay a 100 million won bonus on top of the $50,000 prize.",
    ],
)
def test_a_dollar_of_another_country_passes_as_itself_or_as_a_plain_dollar(target):
    assert held("numbers", PRIZE, target) == []


def test_a_canadian_dollar_told_as_a_us_dollar_is_a_changed_unit():
    target = "The federation will pay a 100 million won bonus besides the 50,000 U.S. dollar prize."
    assert held("numbers", PRIZE, target) == ["unit_changed"]


def test_a_curling_end_is_no_yen_and_the_10th_and_final_end_no_date():
    source = "한국은 4-5로 뒤진 9엔드에 2점을 따내 역전했고, 마지막 10엔드에서 1점을 더 보탰다."
    target = (
        "Trailing 5-4 going into the ninth end, South Korea scored two points and added one "
        "more in the 10th and final end."
    )
    assert held("numbers", source, target) == []
    assert list(find_english_dates("one more in the 10th and final end")) == []


STORY = "영화는 1980년대 부산의 한 바닷가 마을을 배경으로 세 자매의 이야기를 그렸다."


def test_a_count_of_a_plain_noun_changed_is_major():
    target = "The film tells the story of four sisters in a seaside village in 1980s Busan."
    assert held("numbers", STORY, target) == ["number_missing"]


@pytest.mark.parametrize(
    "target",
    [
        "The film tells the story of three sisters in a seaside village in 1980s Busan.",
        "Set in a seaside village in 1980s Busan, the film tells the story of the sisters.",
    ],
)
def test_a_count_of_a_plain_noun_kept_or_left_to_the_plural_passes(target):
    assert held("numbers", STORY, target) == []


HURT = "운전자 A(54)씨는 스스로 차에서 빠져나와 크게 다치지는 않은 것으로 전해졌다."


def test_an_evidential_with_a_passive_reports_the_negation_before_it():
    target = "Driver A, 54, escaped from the car unaided and is known to have been badly injured."
    assert held("polarity", HURT, target) == ["negation_lost"]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (HURT, "The driver, 54, climbed out of the car and was reportedly not badly hurt."),
        ("사고 차량 운전자는 안전벨트를 매고 있어 크게 다치지 않았다.",
         "The driver, who was wearing a seat belt, escaped serious injury."),
        ("운전자는 크게 다치지 않았다.", "The driver suffered only minor injuries."),
        ("조사단은 사고 원인을 특정할 만한 증거를 찾지 못했다고 밝혔다.",
         "The investigators said they had come up empty in their search for evidence."),
        ("금융위원회는 제재 수위를 결정하지 않고 다음 회의로 넘겼다.",
         "The Financial Services Commission put off a decision on the sanctions until its next "
         "meeting."),
        ("물에 빠졌다가 구조된 초등학생 2명은 생명에는 지장이 없는 것으로 전해졌다.",
         "Two elementary school students rescued from the water are reported to be out of danger."),
        ("총리는 거부권 행사에 대해 “정당화될 수 없고 불행한 일”이라고 말했다.",
         'The prime minister called the vetoes "difficult to justify" and "unfortunate."'),
        ("대한의사협회는 정부가 증원 방침을 철회하지 않는 한 협의에 참여하지 않겠다고 밝혔다.",
         "The Korean Medical Association said it would stay away from talks unless the government "
         "withdraws its plan."),
    ],
)
def test_harm_escaped_and_searches_that_found_nothing_carry_the_negation(source, target):
    assert held("polarity", source, target) == []


def test_a_verb_made_of_a_noun_is_read_as_that_verb_and_carries_no_negation_of_the_predicate():
    # "prohibiting" renders 금지한 (금지 + 하: the lexicon's 금지하다), not the 않았다 of 포함되지
    source = "다만 교원의 선거운동을 금지한 공직선거법 조항은 이번 심판 대상에 포함되지 않았다."
    target = (
        "However, the Public Official Election Act provision prohibiting election campaigns by "
        "teachers was included in the subject of this trial."
    )
    assert held("polarity", source, target) == ["negation_lost"]


BERTH = "대표팀은 이번 대회 우승으로 내년 3월 열리는 세계여자컬링선수권대회 출전권도 확보했다."
NOV_9 = dt.date(2026, 11, 9)


def test_a_coming_date_in_a_relative_clause_leaves_the_past_main_predicate_past():
    target = "With the win, the team will also secure a berth at the world championship next March."
    assert held("tense", BERTH, target, NOV_9) == ["past_as_future"]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (BERTH, "The win also earned the team a spot at next March's world championship."),
        ("정부는 내년 3월 새 제도를 시행하기로 했다.",
         "The government will introduce the new system next March."),
    ],
)
def test_a_past_berth_told_as_past_and_a_plan_for_next_year_pass(source, target):
    assert held("tense", source, target, NOV_9) == []


SKIP = "스킵 이하은이 이끄는 대표팀은 캐나다를 7-5로 물리쳤다."


def test_a_calling_before_a_name_makes_it_a_name_kiwi_also_reads_as_words():
    assert held("names", SKIP, "The team led by skip Lee Eun-ha defeated Canada 7-5.") == [
        "name_mismatch"
    ]
    assert held("names", SKIP, "The team led by skip Lee Ha-eun defeated Canada 7-5.") == []


def test_an_untitled_word_the_lexicon_finds_rendered_is_no_missing_name():
    (checker,) = create_checks(["names"])
    source = "맨눈으로 오로라를 볼 수 있는 경우는 매우 드물다."
    target = "It is very rare for auroras to be visible to the naked eye."
    assert checker.run(CheckContext(source, target)) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # a report of a report: what was confirmed, then said
        ("소방당국은 불이 난 건물 안에 남아 있는 사람은 없는 것으로 확인했다고 밝혔다.",
         "Fire authorities said they confirmed that some people were still trapped inside."),
        ("국가정보원은 북한이 아직 핵실험 준비를 마치지 않은 것으로 보인다고 국회에 보고했다.",
         "The spy agency told lawmakers that North Korea appears to have completed preparations "
         "for a nuclear test."),
        # a concession with -되 states its own clause
        ("교육부는 수능 일정은 바꾸지 않되, 포항 지역 시험장 4곳은 다른 학교로 옮기기로 했다.",
         "The Education Ministry decided to change the exam schedule and to move four test sites "
         "in Pohang to other schools."),
        # "frozen seafood" is no freeze
        ("식약처는 수입 냉동 수산물에서 기준치를 넘는 중금속은 검출되지 않았다고 밝혔다.",
         "The food safety ministry said heavy metals above the permitted level were detected in "
         "imported frozen seafood."),
    ],
)
def test_negations_reported_twice_or_conceded_are_read(source, target):
    assert held("polarity", source, target) == ["negation_lost"]


def test_sober_carries_the_negation_of_drinking():
    source = "경찰은 사고를 낸 버스 운전기사가 음주 상태가 아니었던 것으로 확인했다."
    assert held("polarity", source, "Police confirmed that the bus driver was sober.") == []


CO_SPONSORS = "올해 결의안에는 62개국이 공동제안국으로 참여해 작년보다 4개국 늘었다."


def test_a_change_told_with_up_or_down_and_a_count_in_words_is_read():
    flipped = "The resolution had 62 co-sponsors this year, down four countries from last year."
    assert held("polarity", CO_SPONSORS, flipped) == ["direction_flipped"]
    kept = "The resolution drew 62 co-sponsors this year, up four from last year."
    assert held("polarity", CO_SPONSORS, kept) == []


def test_the_flipped_english_word_is_the_one_told_where_the_korean_change_is():
    (check,) = create_checks(["polarity"])
    source = "환적 화물은 1천310만TEU로 6.8% 늘었지만, 수출입 화물은 960만TEU로 0.9% 줄었다."
    target = (
        "Transshipment cargo increased by 6.8% to 13.1 million TEU, while import and export "
        "cargo rose 0.9% to 9.6 million TEU."
    )
    (found,) = check.run(CheckContext(source, target))
    start, end = found.target_span
    assert target[start:end] == "rose"


ENVOY = (
    '리성철 차석대사는 "결의안은 우리 체제를 흔들려는 적대 세력의 정치적 모략이다. 우리는 어떤 '
    '결의도 인정하지 않을 것"이라고 말했다.'
)


def test_the_second_quoted_sentence_dropped_after_a_rendered_first_is_held():
    target = (
        'Deputy Ambassador Ri Song-chol said, "The resolution is a political plot by hostile '
        'forces to shake our system."'
    )
    assert "quote_missing" in held("quotes", ENVOY, target)


@pytest.mark.parametrize(
    "target",
    [
        'Deputy Ambassador Ri Song-chol called the resolution "a political plot by hostile forces '
        'to shake our system" and vowed never to recognize any resolution.',
        'Ri said, "The resolution is a political plot by hostile forces to shake our system. We '
        'will not recognize any resolution."',
    ],
)
def test_the_second_quoted_sentence_told_as_reported_speech_or_quoted_passes(target):
    assert held("quotes", ENVOY, target) == []


def test_a_future_of_saying_inside_a_quotation_is_the_speakers():
    source = '통일부 당국자는 "북한이 이번 회의에서 입장을 어떻게 밝힐지 주목하고 있다"고 말했다.'
    target = (
        '"We are watching closely how North Korea will state its position at this meeting," an '
        "official at the Unification Ministry said."
    )
    assert held("tense", source, target, NOV_9) == []


def test_one_past_told_as_two_coming_acts_is_one_finding_over_both():
    (check,) = create_checks(["tense"])
    source = "대표팀은 귀국하지 않고 7일 곧바로 솔트레이크시티로 이동했다."
    target = "The national team will not return home and will move directly to Salt Lake City."
    (found,) = check.run(CheckContext(source, target, dateline=dt.date(2026, 12, 7)))
    start, end = found.target_span
    assert target[start:end].startswith("will not return home and will")


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("2026-2027 시즌 월드컵 3차 대회에서 1위를 차지했다.",
         "She won the third leg of the 2026-27 World Cup season."),
        ("주최 측은 이번 행사에 25만 명이 다녀갔다고 밝혔다.",
         "Organizers said a quarter of a million people visited the event."),
        ("주최 측 추산 50만 명이 모였다.", "Organizers estimated that half a million people turned out."),
    ],
)
def test_a_season_and_parts_of_a_million_are_the_figures_they_stand_for(source, target):
    assert held("numbers", source, target) == []


def test_a_day_before_the_word_for_the_parties_is_a_date_and_about_ten_days_is_not():
    from transdesk.dates import resolve_dates

    dateline = dt.date(2026, 12, 20)
    assert [m.surface for m in resolve_dates("의장은 19일 여야 원내대표를 불렀다.", dateline)] == [
        "19일"
    ]
    assert resolve_dates("사고 후 3일여 만에 구조됐다.", dateline) == []
    source = "우원식 국회의장은 19일 여야 원내대표를 불러 예산안 처리 일정을 논의했다."
    target = (
        "National Assembly Speaker Woo Won-shik called in the rival parties' floor leaders on "
        "the 19th to discuss the budget timetable."
    )
    assert held("numbers", source, target, dateline) == []


@pytest.mark.parametrize(
    ("source", "flipped", "kept"),
    [
        ("SK하이닉스의 영업이익은 12조 원으로 시장 전망치를 웃돌았다.",
         "SK hynix's operating profit came to 12 trillion won, falling short of expectations.",
         "SK hynix's operating profit of 12 trillion won beat market expectations."),
        ("올해 연간 수출액은 정부 목표치인 7천억 달러를 넘어섰다.",
         "This year's exports fell short of the government's $700 billion target.",
         "This year's exports topped the government's $700 billion target."),
        ("올해 1~10월 세종시에는 인구 8천200명이 순유입됐다.",
         "Sejong saw a net outflow of 8,200 people in the January-October period.",
         "Sejong saw a net inflow of 8,200 people in the January-October period."),
        ("외국인 투자자들은 이날 5천200억 원어치를 순매수했다.",
         "Foreign investors offloaded a net 520 billion won worth of shares that day.",
         "Foreign investors bought a net 520 billion won worth of shares that day."),
    ],
)
def test_a_figure_against_its_forecast_and_money_flowing_in_or_out_keep_their_direction(
    source, flipped, kept
):
    assert held("polarity", source, flipped) == ["direction_flipped"]
    assert held("polarity", source, kept) == []
