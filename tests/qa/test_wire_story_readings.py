"""Readings a wire story's editor relies on: a prospect told in the present ("is expected to
launch") for a past act, a decision taken told as one still to take, a future inside an adverbial
report, a change sped up or slowed, net selling as one noun, keeping told for a change not made,
a count's rival found where the count stands, a quotation that renders one sentence and leaves
the other, the year a month goes without, and figures told in other units."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.article import Severity
from transdesk.qa import CheckContext, create_checks
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
