"""Readings a wire story's editor relies on: a prospect told in the present ("is expected to
launch") for a past act, a decision taken told as one still to take, a future inside an adverbial
report, a change sped up or slowed, net selling as one noun, keeping told for a change not made,
a count's rival found where the count stands, a quotation that renders one sentence and leaves
the other, the year a month goes without, and figures told in other units."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.article import Severity
from transdesk.qa import Checker, CheckContext, create_checks
from transdesk.qa.lexicon import Lexicon, read_additions, shipped_lexicon, with_additions

from tests.qa.held import held


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("북한은 이날 새벽 동해상으로 탄도미사일을 발사했다.",
         "North Korea is expected to launch a ballistic missile into the East Sea at dawn."),
        ("서울시는 광화문광장 재개장 기념 행사를 열었다.",
         "The Seoul city government is gearing up to hold an event marking the reopening."),
        ("두 정상은 회담 후 공동성명을 채택했다.",
         "The two leaders intend to adopt a joint statement after their talks."),
        ("정부는 전국에 한파 경보를 발령했다.", "The government is considering issuing a cold wave alert."),
        ("표결에 앞서 국민의힘 의원 107명은 의원총회를 열어 찬성 투표를 하기로 결정했다.",
         "Ahead of the vote, 107 People Power Party lawmakers will hold a general meeting to "
         "decide on voting in favor."),
    ],
)
def test_a_past_act_told_as_a_prospect_or_a_decision_still_to_take_is_held(source, target):
    assert held("tense", source, target) == ["past_as_future"]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("합계출산율은 0.81명으로 작년 같은 달보다 0.05명 상승했다.",
         "The fertility rate, the number of children a woman is expected to have, rose 0.05."),
        ("표결에 앞서 국민의힘 의원 107명은 의원총회를 열어 찬성 투표를 하기로 결정했다.",
         "Ahead of the vote, the 107 People Power Party lawmakers met and decided to vote in "
         "favor."),
        ("금감원은 트럼프 대통령이 지난달 20일 관세 인상 방침을 밝힌 뒤 매도세가 커졌다고 분석했다.",
         "The FSS said the selling gathered pace after President Trump announced on Nov. 20 that "
         "he would raise tariffs."),
    ],
)
def test_a_prospect_of_its_own_clause_or_report_is_no_future_of_the_sentence(source, target):
    assert held("tense", source, target) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("가계부채 증가세가 석 달 만에 둔화됐다.",
         "Growth in household debt accelerated for the first time in three months."),
        ("국제 금값은 온스당 40달러 뛰었다.", "Gold prices slumped $40 an ounce."),
        ("연기금은 코스피 시장에서 1,500억 원어치를 순매도했다.",
         "Pension funds snapped up a net 150 billion won worth of KOSPI shares."),
        ("유럽과 아시아가 순매도를 주도했다.", "Europe and Asia led the net buying."),
        ("국내 여행객 수가 코로나19 이전 수준을 넘어섰다.",
         "The number of domestic travelers remained below pre-COVID-19 levels."),
    ],
)
def test_a_pace_a_flow_or_a_level_told_the_other_way_is_flipped(source, target):
    assert held("polarity", source, target) == ["direction_flipped"]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("가계부채 증가세가 석 달 만에 둔화됐다.",
         "Household debt growth slowed for the first time in three months."),
        ("올해 쌀 생산량은 작황 부진으로 작년보다 3% 줄었다.",
         "This year's rice harvest came in 3 percent smaller due to poor growing conditions."),
        ('박혜정은 "인상에서 밀려 솔직히 불안했다"고 말했다.',
         '"Falling behind in the snatch, I was honestly nervous," Park said.'),
        ("한국은행은 물가가 아직 안정되지 않았다며 금리를 내리지 않았다.",
         "The Bank of Korea kept rates on hold, saying inflation had yet to stabilize."),
        ("삼성전자는 감산 계획이 없다며 투자도 줄이지 않겠다고 밝혔다.",
         "Samsung Electronics said it has no plans to cut output and will maintain its "
         "investment."),
        ("교육부는 의대 모집인원을 3,058명으로 동결하고 증원하지 않기로 했다고 밝혔다.",
         "The education ministry said it will keep medical school admissions frozen at 3,058."),
    ],
)
def test_a_change_told_faithfully_in_other_words_is_not_held(source, target):
    assert held("polarity", source, target) == []


def test_a_delay_rendered_leaves_the_negation_to_be_told():
    source = "다만 GPU 확보가 늦어지면서 당초 목표였던 상반기 가동 일정은 지키지 못했다."
    wrong = "However, as the securing of GPUs was delayed, it kept the schedule of the first half."
    assert held("polarity", source, wrong) == ["negation_lost"]
    right = "However, with GPU supplies delayed, it missed its target of the first half."
    assert held("polarity", source, right) == []


def test_newsroom_additions_join_the_lexicons_translations():
    assert {"delay", "lat"} <= set(shipped_lexicon().translations("늦어지다"))
    assert {"north", "korea", "russia"} <= set(shipped_lexicon().translations("북러"))
    base = Lexicon({"정부": (("government", 0.6),)})
    text = "# note\n정부\tadministration government\n환적\ttransshipment\n"
    added = with_additions(base, read_additions(text))
    assert added.translations("정부") == ("government", "administration")
    assert added.translations("환적") == ("transshipment",)
    assert "환적" in added and len(added) == 2


def test_a_count_changed_is_found_where_it_stands_and_both_sides_are_two():
    source = "양측은 러시아에 억류 중인 한국인 3명의 석방 문제도 논의했다."
    assert held("numbers", source, "The two sides discussed the release of three Koreans.") == []
    (checker,) = create_checks(["numbers"])
    wrong = "The two sides also discussed the release of four Koreans detained in Russia."
    found = checker.run(CheckContext(source, wrong))
    (major,) = [f for f in found if f.severity >= Severity.MAJOR]
    assert "'four'" in major.message


def test_a_quotation_that_renders_one_sentence_well_and_the_other_hardly_drops_the_other():
    source = ('김정훈 국장은 "11월 매도는 일부 반도체 종목의 차익 실현 성격이 강하다. '
              '국내 주식시장의 기초 체력은 여전히 견조하다고 본다"고 말했다.')
    target = ('Kim Jung-hoon said, "The selling in November has a strong character of '
              'profit-taking on some semiconductor stocks."')
    assert held("quotes", source, target) == ["quote_missing"]


def test_the_year_a_month_goes_without_need_not_be_written():
    source = "금감원이 8일 발표한 '2026년 11월 외국인 증권투자 동향'에 따르면 외국인은 순매도했다."
    target = "Foreigners were net sellers, according to the November report the FSS released."
    assert held("dates", source, target, dt.date(2026, 12, 8)) == []
    assert held("dates", "2025년 11월 수출이 늘었다.", "Exports rose in November.",
                dt.date(2026, 12, 8)) == ["date_missing"]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("이 영화는 개봉 17일 만에 관객 1천만 명을 돌파했다.",
         "The film drew its 10 millionth viewer 17 days after its release."),
        ("새로 발탁된 센터의 키는 2m 4cm다.", "The newly called-up center stands 2.04 meters tall."),
        ("이강인은 후반 15분 교체 투입돼 1골을 넣었다.",
         "Lee Kang-in came off the bench in the 60th minute and scored."),
    ],
)
def test_a_figure_in_another_unit_or_count_is_the_same_figure(source, target):
    (checker,) = create_checks(["numbers"])
    assert [f.kind for f in checker.run(CheckContext(source, target))] == []


def test_yoo_may_be_spelled_ryu():
    source = "유승민 대한체육회장은 선수들을 격려했다."
    target = "Korean Sport & Olympic Committee President Ryu Seung-min encouraged the athletes."
    assert held("names", source, target) == []


def test_a_span_of_days_of_next_month_is_one_date():
    source = "이 대통령은 다음 달 2일부터 5일까지 인도네시아를 방문한다."
    target = "President Lee will visit Indonesia from the 2nd through the 5th of next month."
    (checker,) = create_checks(["dates"])
    kinds = [f.kind for f in checker.run(CheckContext(source, target))]
    assert kinds == ["relative_date"]


def test_a_decision_not_to_act_is_a_negation_of_the_sentence():
    source = "정부는 올해 공무원 보수를 3% 인상하기로 했다."
    target = "The government decided not to raise civil servants' pay by 3 percent this year."
    assert held("polarity", source, target) == ["negation_added"]
    negated = "정부는 올해 공무원 보수를 인상하지 않기로 했다."
    assert held("polarity", negated, "The government decided not to raise pay this year.") == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("손흥민은 허벅지 부상으로 이번 평가전 명단에 포함되지 않았다.",
         "Son Heung-min was left off the squad for the friendly because of a thigh injury."),
        ("해당 의원은 기자들의 질문에 답하지 않은 채 회의장을 빠져나갔다.",
         "The lawmaker left the meeting room, brushing off reporters' questions."),
        ("이 영화는 개봉 3주가 지나도록 손익분기점을 넘지 못했다.",
         "Three weeks after its release, the film has yet to break even."),
        ("LG와 두산의 경기는 폭우로 열리지 못했다.", "The LG-Doosan game was rained out."),
        ("서울 아파트 매매가격은 오르지 않았지만 전셋값은 3주 연속 상승했다.",
         "Seoul apartment sale prices were flat, while jeonse prices rose for a third week."),
        ("재판부는 통화기록 삭제 지시 혐의는 증거가 부족하다며 인정하지 않았다.",
         "The court threw out the charge that he ordered call records deleted, citing a lack "
         "of evidence."),
        ("눈 무게를 견디지 못한 비닐하우스가 무너져 70대 남성이 숨졌다.",
         "A man in his 70s was killed when a greenhouse caved in under the weight of the snow."),
        ("대관령 구간에서는 차량들이 최장 9시간 동안 오도 가도 못했다.",
         "On the Daegwallyeong stretch, vehicles were stuck for as long as nine hours."),
        ("폭설에도 불구하고 제주국제공항의 항공편은 결항되지 않았다.",
         "Flights at Jeju International Airport operated normally despite heavy snow."),
    ],
)
def test_a_negation_told_with_an_affirmative_phrase_is_carried(source, target):
    assert held("polarity", source, target) == []


@pytest.mark.parametrize(
    ("source", "target", "kind"),
    [
        ("정부는 당분간 추가 경기부양책을 내놓지 않을 방침이다.",
         "The government plans to roll out additional stimulus measures for now.", "negation_lost"),
        ("폭설에도 불구하고 제주국제공항의 항공편은 결항되지 않았다.",
         "Flights at Jeju International Airport were canceled due to heavy snow.", "negation_lost"),
        ("산간 마을 14곳은 진입로 제설이 끝나지 않아 여전히 고립된 상태다.",
         "As the snow removal has been finished, 14 mountain villages are still isolated.",
         "negation_lost"),
        ("반면 내년 소비자물가 상승률 전망치는 2.2%에서 2.0%로 낮췄다.",
         "It raised the forecast for next year's consumer price inflation from 2.2% to 2.0%.",
         "direction_flipped"),
        ("대한항공은 3분기 영업손익이 흑자로 전환했다.",
         "Korean Air swung to an operating loss in the third quarter.", "direction_flipped"),
        ("지난달 은행 가계대출 증가세는 전월보다 둔화했다.",
         "Household loan growth at banks picked up last month.", "direction_flipped"),
    ],
)
def test_a_plan_not_to_act_a_cause_negated_and_a_change_against_its_ends_are_held(
    source, target, kind
):
    assert held("polarity", source, target) == [kind]


def test_a_still_of_the_main_clause_does_not_carry_the_negation_before_it():
    source = "산간 마을 14곳은 진입로 제설이 끝나지 않아 여전히 고립된 상태다."
    right = "Fourteen mountain villages remain cut off because crews have yet to clear the roads."
    assert held("polarity", source, right) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("김성훈 전 경호처 차장과 이광우 전 경호본부장 등 경호처 간부 3명은 집행유예를 받았다.",
         "Former deputy chief Kim Seong-hoon, former chief Lee Kwang-woo and one other official "
         "received suspended terms."),
        ("지난달 방한 외국인 관광객은 코로나19 이전 수준을 넘어섰다.",
         "Foreign tourist arrivals last month surpassed pre-pandemic levels."),
        ("대구의 한 고등학교가 개교 100주년을 맞았다.", "A high school in Daegu marked its centennial."),
        ("김효주는 15언더파 273타를 기록해 2위를 3타 차로 따돌리고 시즌 2승째를 거뒀다.",
         "Kim Hyo-joo finished at 15-under 273, winning by three strokes for her second victory "
         "of the season."),
        ("배터리 충전 시간을 기존 1시간에서 12분으로 줄이는 기술을 개발했다.",
         "They developed technology that cuts charging time from an hour to 12 minutes."),
    ],
)
def test_figures_told_by_a_list_a_name_or_a_margin_are_accounted_for(source, target):
    assert held("numbers", source, target) == []


def test_a_rate_per_day_is_no_count_of_one_day():
    assert held("numbers", "상황실은 24시간 운영된다.", "The room runs 12 hours a day.") == [
        "number_missing"
    ]
    source = "김성훈 차장과 이광우 본부장 등 경호처 간부 3명은 집행유예를 받았다."
    two_others = "Kim Seong-hoon, Lee Kwang-woo and two other officials received suspended terms."
    assert held("numbers", source, two_others) == ["number_missing"]


def test_seeking_to_act_is_a_prospect_for_an_act_done():
    source = "경찰은 이날 오전 해당 업체 본사를 압수수색했다."
    target = "Police are seeking to raid the company's headquarters in the morning."
    assert held("tense", source, target) == ["past_as_future"]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("소방당국은 불이 났을 당시 건물 안에 사람이 없었다고 밝혔다.",
         "Fire authorities said the building was empty when the fire broke out."),
        ("폭설로 원정팀이 제때 도착하지 못해 경기는 열리지 않았다.",
         "Heavy snow kept the visiting team from arriving on time, and the game was called off."),
        ("이번 발사에서는 비행 내내 이상 징후가 나타나지 않았다.",
         "This time the flight went smoothly from start to finish."),
        ("대통령실은 개각 가능성을 부인하지 않았다.",
         "The presidential office did not deny the possibility of a Cabinet reshuffle."),
    ],
)
def test_more_negations_told_in_other_words_are_carried(source, target):
    assert held("polarity", source, target) == []


@pytest.mark.parametrize(
    ("source", "target", "kind"),
    [
        ("대통령실은 개각 가능성을 부인하지 않았다.",
         "The presidential office denied the possibility of a Cabinet reshuffle.", "negation_lost"),
        ("통일부는 북한이 지원 제안을 거부하지는 않았다고 설명했다.",
         "The unification ministry explained that North Korea rejected the aid offer.",
         "negation_lost"),
        ("한국전력은 3분기에 흑자로 전환했다.", "KEPCO swung to a loss in the third quarter.",
         "direction_flipped"),
        ("외국인 직접투자 신고액은 상반기 기준 사상 최저치를 기록했다.",
         "Foreign direct investment pledges hit an all-time first-half high.", "direction_flipped"),
        ("정부는 내년 국방예산을 올해보다 8.2% 늘렸다.",
         "The government trimmed next year's defense budget by 8.2 percent.", "direction_flipped"),
    ],
)
def test_a_denial_not_made_and_a_level_or_balance_told_the_other_way_are_held(
    source, target, kind
):
    assert held("polarity", source, target) == [kind]


def test_a_denial_that_could_not_be_made_is_named_as_the_source_says_it():
    [lost] = [
        f
        for f in Checker().check(
            "야당은 의혹을 끝내 부인하지 못했다.", "The opposition party denied the allegations."
        )
        if f.check == "polarity"
    ]
    assert "부인하지 못했다" in lost.message and "않았다" not in lost.message


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("김 위원장은 내년 포탄 생산량을 올해의 2.5배로 늘리라고 지시했다.",
         "Kim ordered next year's shell output raised to two and a half times this year's."),
        ("서울중앙지법은 박모 씨에게 징역 2년 6개월과 벌금 1억 원을 선고했다.",
         "The court sentenced Park to two and a half years in prison and fined him 100 million "
         "won."),
        ("공공기관 차량 2부제도 시행된다.", "Public-sector vehicles will drive on an odd-even system."),
        ("이 사찰은 100년 넘게 같은 자리를 지켜 왔다.", "The temple has stood there for over a century."),
        ("현대차의 3분기 매출은 사상 처음으로 50조 원을 넘어섰다.",
         "Hyundai Motor's July-September sales topped 50 trillion won for the first time ever."),
        ("관세청은 수입 물품에 대한 안전성 검사를 확대했다.",
         "The customs agency widened safety inspections of imported goods."),
    ],
)
def test_a_half_a_rotation_a_century_and_a_derived_noun_are_read_as_such(source, target):
    assert held("numbers", source, target) == []
    assert held("names", source, target) == []


def test_a_first_told_as_a_second_time_is_a_changed_count():
    source = "민간 로켓이 궤도 진입에 성공한 것은 이번이 처음이다."
    assert held("numbers", source, "This is the second time a private rocket reached orbit.") == [
        "number_missing"
    ]
    assert held("numbers", source, "It is the first time a private rocket reached orbit.") == []


def test_a_plural_subject_makes_plan_to_a_verb():
    source = "검찰은 전 의원을 뇌물 수수 혐의로 불구속 기소했다."
    target = "Prosecutors plan to indict the former lawmaker on bribery charges."
    assert held("tense", source, target) == ["past_as_future"]
    done = "Prosecutors indicted the former lawmaker on bribery charges."
    assert held("tense", source, done) == []
