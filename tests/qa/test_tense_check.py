"""Tense: a past statement told as future is major; a future that belongs to what was said is
not."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.article import Severity
from transdesk.qa import CheckContext, create_checks
from transdesk.qa.korean_tense import main_clause, past_time, source_tense, statement_made

SEPT_2 = dt.date(2025, 9, 2)


def findings(source: str, target: str, dateline=SEPT_2):
    (check,) = create_checks(["tense"])
    return check.run(CheckContext(source, target, dateline=dateline))


@pytest.mark.parametrize(
    ("source", "target", "english"),
    [
        # the statement itself made future
        ("김 부부장은 전날 담화를 내고 “강력히 대응할 것”이라고 밝힌 바 있다.",
         "Kim will issue a statement vowing a strong response.", "will issue a statement"),
        ("외무성은 성명을 통해 “도발에 대응하겠다”고 밝혔다.",
         "The Foreign Ministry will release a statement saying it will respond to provocations.",
         "will release a statement"),
        ("외교부는 전날 보도자료를 내고 회담 결과를 설명했다.",
         "The Foreign Ministry will explain the results in a press release.", "will explain"),
        ("박물관은 지난 6월 해외 순회전 계획을 발표한 바 있다.",
         "The museum will unveil a plan for an overseas tour in June.", "will unveil a plan"),
        ("박 의원은 선고 직후 페이스북에 “판결을 받아들인다”고 적었다.",
         "Right after the sentencing, Park will write on Facebook, \"I accept the ruling.\"",
         "will write"),
        ("이 대표는 이날 회의에서 “정부가 책임져야 한다”고 말했다.",
         "Lee will tell the meeting that the government must take responsibility.", "will tell"),
        # a completed act made future
        ("그는 지난해 같은 입장을 밝힌 바 있다.", "He is set to state the same position.", "is set to"),
        ("북한 외무성은 전날 담화를 내고 미국을 비난했다.",
         "North Korea's Foreign Ministry is going to criticize the U.S.", "is going to"),
        ("정부는 새 규제안을 발표했다.", "The government plans to announce new rules.", "plans to"),
        # what was said is past, the English makes it future
        ("국방부는 북한이 미사일을 발사했다고 밝혔다.",
         "The Defense Ministry said North Korea will launch a missile.", "will"),
        # a noun of saying that is no predicate ("전망치를 ... 조정했다"): the act is the past
        ("한은은 지난달 27일 발표한 경제전망에서 성장률 전망치를 2.0%로 상향 조정했다.",
         "The BOK plans to raise its growth forecast to 2.0% in the outlook it announced Aug. 27.",
         "plans to"),
        # a past act told as a coming statement
        ("양키스 구단도 수술보다는 재활을 택한 그의 결정에 동의했다.",
         "Posada will say the Yankees agreed with his decision to choose rehab over surgery.",
         "will say"),
    ],
)
def test_a_past_statement_told_as_future_is_major_at_the_future(source, target, english):
    (found,) = findings(source, target)
    assert (found.kind, found.severity) == ("past_as_future", Severity.MAJOR)
    assert target[slice(*found.target_span)] == english


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # reported speech: the future belongs to what was said
        ("북한은 담화를 내고 “강력히 대응하겠다”고 밝혔다.",
         "North Korea said in a statement it will respond strongly."),
        ("그는 이 자리에서 양국이 협력을 강화할 것이라고 말했다.",
         "He said the two countries will strengthen cooperation."),
        ("회담은 다음 주 열린다고 외교부가 밝혔다.", "The talks will be held next week, the ministry said."),
        ("그는 회견을 열겠다고 밝혔다.", "He said he will hold a press conference."),
        ("그는 회견을 열겠다고 밝혔다.", "He will hold a press conference."),
        ("정부는 자료를 공개하겠다고 밝혔다.", "The government will release the data."),
        ("퍼거슨 감독은 지난해 42골을 기록한 호날두가 떠나지 않을 것이라고 확신했다.",
         "Ferguson is confident he will stay after scoring 42 goals last season."),
        # the past told as past; what is coming told as coming
        ("김 부부장은 전날 담화를 내고 “강력히 대응할 것”이라고 밝힌 바 있다.",
         "Kim said in a statement the day before that the North will respond strongly."),
        ("외교부는 전날 보도자료를 내고 회담 결과를 설명했다.",
         "The Foreign Ministry explained the results in a press release the day before."),
        ("대통령은 내일 담화를 발표할 예정이다.", "The president will issue a statement tomorrow."),
        ("양측은 협상을 계속하기로 합의했다.", "The two sides will continue negotiations."),
        ("코난 오브라이언이 2009년 6월부터 이 방송을 물려받게 됐다.",
         "Conan O'Brien will take over the show next June."),
        # a future in a relative clause is not the sentence's own
        ("라이스 장관은 아시아 관계자들과 회담을 시작했다.",
         "Rice has begun talks in what will be the highest-level contact in four years."),
    ],
)
def test_correct_tenses_pass(source, target):
    assert findings(source, target) == []


def test_the_perfect_is_past_and_its_verb_is_the_main_predicate():
    clause = main_clause("김 부부장은 전날 담화를 내고 “강력히 대응할 것”이라고 밝힌 바 있다.")
    assert (clause.past, clause.speech, clause.content_future) == (True, True, True)


def test_an_arrangement_with_게_되다_is_not_past():
    assert not main_clause("그가 내년부터 방송을 맡게 됐다.").past


def test_a_plan_as_object_is_not_a_prospect_of_the_predicate():
    assert not main_clause("정부는 계획을 발표했다.").future
    assert main_clause("그는 방한할 예정이다.").future


def test_words_of_time_place_an_event_in_the_past_without_a_dateline():
    assert past_time("그는 전날 입장을 밝혔다.")
    assert past_time("지난 3일 회담이 열렸다.")
    assert not past_time("회담은 오는 3일 열린다.")
    assert findings("그는 전날 담화를 내고 입장을 밝힌 바 있다.", "He will issue a statement.", None)


def test_a_statement_still_to_come_is_not_one_made():
    assert statement_made("북한은 담화를 내고 입장을 밝혔다.")
    assert not statement_made("그는 회견을 열겠다고 밝혔다.")


def test_a_plan_noun_as_the_object_of_a_past_act_is_no_prospect():
    """"대응 방안을 논의했다" (discussed countermeasures) reports a past act: the plan noun is its
    object, so "will hold ... to discuss" is a past made future."""
    source = "한미 군 당국은 발사 직후 화상회의를 열어 대응 방안을 논의했다."
    (found,) = findings(source, "The allies will hold a video conference to discuss a response.")
    assert found.kind == "past_as_future"
    assert findings(source, "The allies held a video conference to discuss a response.") == []
    # a plan reported, or still to be made, stays a prospect
    assert source_tense("정부는 새 계획을 밝혔다.")[1]
    assert source_tense("정부는 계획을 세울 것이다.")[1]


def test_a_verb_of_saying_frames_only_its_own_english_sentence():
    source = (
        "이 대변인은 브리핑에서 “명백한 결의 위반”이라고 말했다. "
        "한미 군 당국은 발사 직후 화상회의를 열어 대응 방안을 논의했다."
    )
    target = (
        "Spokesperson Lee said at a briefing, \"It is a clear violation.\" "
        "The allies will hold a video conference right after the launch."
    )
    (found,) = findings(source, target)
    assert (found.kind, target[slice(*found.target_span)]) == ("past_as_future", "will")
    said = "The allies held talks, and Lee said the two will meet again."
    assert findings("양국은 회담을 열었고 이 대변인은 두 사람이 다시 만날 것이라고 말했다.", said) == []


@pytest.mark.parametrize(
    ("source", "target", "english"),
    [
        ("정부는 지난 20일 대북 독자 제재 대상으로 개인 8명과 기관 3곳을 지정했다.",
         "The government is to designate eight individuals and three entities.", "is to designate"),
        ("경찰은 용의자를 붙잡아 특수상해 혐의로 구속영장을 신청했다.",
         "Police caught the suspect and plan to seek an arrest warrant.", "plan to"),
        ("국회예산정책처는 올해 국세가 당초 예상보다 30조 원 덜 걷혔다고 분석했다.",
         "The budget office said tax revenue this year will fall 30 trillion won short of "
         "projections.", "will"),
    ],
)
def test_arrangements_and_plans_made_of_past_acts_are_held(source, target, english):
    (found,) = findings(source, target)
    assert target[slice(*found.target_span)] == english


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("행정안전부는 지난 9일 회의를 열어 호우 피해 복구 대책을 점검했다.",
         "The ministry convened a meeting on the 9th and reviewed plans to recover from the damage."),
        ("정부는 감축 목표를 발표했다.", "The government said its goal is to cut emissions by half."),
        ("국무부는 협상이 결렬됐다고 밝혔다.", "The talks on the U.S. plan to build a base collapsed."),
        ("합계출산율은 0.81명으로 작년 같은 달보다 0.05명 상승했다.",
         "The fertility rate, the number of children a woman is expected to have, rose 0.05."),
    ],
)
def test_plans_as_nouns_and_goals_are_no_futures(source, target):
    assert findings(source, target) == []


def test_two_sentences_in_one_pair_are_read_one_by_one():
    source = (
        "우주항공청은 6차 발사에 실릴 큐브위성 8기의 선정도 마쳤다. "
        "6차 발사는 2027년 하반기로 예정돼 있다."
    )
    target = (
        "The agency will also complete the selection of eight cubesats for the sixth launch. "
        "The sixth launch is scheduled for the second half of 2027."
    )
    (found,) = findings(source, target)
    assert target[slice(*found.target_span)] == "will"
    right = target.replace("will also complete", "has also completed")
    assert findings(source, right) == []


def test_will_the_noun_is_no_future_and_last_january_is_past():
    source = "민주당은 한 검사가 지난 2월 기소한 사건에서 진술을 임의로 바꿨다고 주장했다."
    said = "The party claims Han altered the statements at will in a case she indicted in February."
    assert findings(source, said, dt.date(2026, 12, 1)) == []
    source = "극초음속 미사일을 쏜 것은 지난 1월 이후 11개월 만이다."
    told = "It was the first hypersonic missile launch in 11 months, since January."
    assert findings(source, told, dt.date(2026, 12, 9)) == []


def test_a_dated_decision_made_future_and_a_plan_unveiled_before_are_held():
    source = "한국배구연맹은 지난 27일 이사회를 열어 다음 시즌부터 비디오 판독 횟수를 늘리기로 의결했다."
    wrong = "The federation will hold a board meeting on the 27th and decide to allow more reviews."
    right = "The federation decided at a board meeting on Nov. 27 to allow more reviews."
    assert findings(source, wrong, dt.date(2026, 11, 29))
    assert findings(source, right, dt.date(2026, 11, 29)) == []
    source = "기상청은 전날 브리핑에서 천리안 5호 자료를 활용하는 방안을 처음 공개한 바 있다."
    wrong = "The weather agency plans to unveil the plan to use the data for typhoon forecasts."
    (found,) = findings(source, wrong, dt.date(2026, 12, 3))
    assert wrong[slice(*found.target_span)] == "plans to"


def test_a_fiscal_year_is_no_coming_event():
    source = "2일 국회 본회의에서 2027년도 예산안이 가결되고 있다."
    told = "The 2027 budget bill is passed at a plenary session."
    assert findings(source, told, dt.date(2026, 12, 2)) == []


@pytest.mark.parametrize(
    ("source", "wrong", "right", "future"),
    [
        # what was said ends in a past, whatever coming event its nouns name
        ("외교부는 두 장관이 내년 초 서울에서 열릴 예정인 한일 정상회담 준비 상황을 점검했다고 전했다.",
         "The ministry conveyed that the two ministers will check preparations for the summit "
         "scheduled in Seoul early next year.",
         "The ministry said the two ministers reviewed preparations for the summit that will be "
         "held in Seoul early next year.", "will"),
        ("빙상연맹은 전날 송다인을 내년 3월 세계선수권대회 국가대표로 확정했다고 밝힌 바 있다.",
         "The union said on the previous day that it will confirm Song for the worlds in March.",
         "The union said on Dec. 12 it had named Song to the team for the worlds next March.",
         "will"),
        # a past clause of its own opens the sentence; its main predicate plans
        ("양측은 관세 유예 방안을 집중 논의했으며, 다음 달 워싱턴에서 후속 협의를 열기로 했다.",
         "The two sides will discuss ways to defer the tariffs, and decided to hold more talks "
         "in Washington next month.",
         "The two sides focused on ways to defer the tariffs, and agreed to hold more talks in "
         "Washington next month.", "will"),
        ("연구팀은 이번 성과를 지난달 미국 학회에서 발표했으며, 내년 상반기 학술지에 논문을 낼 계획이다.",
         "The team will present the results at a U.S. conference last month, and plans to "
         "publish a paper next year.",
         "The team presented the results at a U.S. conference last month, and plans to publish "
         "a paper next year.", "will"),
    ],
)
def test_a_settled_past_made_future_is_held_beside_coming_events(source, wrong, right, future):
    (found,) = findings(source, wrong, dt.date(2026, 12, 13))
    assert (found.kind, found.severity) == ("past_as_future", Severity.MAJOR)
    assert wrong[slice(*found.target_span)] == future
    assert findings(source, right, dt.date(2026, 12, 13)) == []


def test_a_prospect_stated_beside_a_settled_past_keeps_its_future():
    source = "외교부는 이 장관이 다음 주 일본을 방문할 예정이지만 정상회담 일정은 아직 잡히지 않았다고 밝혔다."
    told = "The ministry said Lee will visit Japan next week, though no summit date has been set."
    assert main_clause(source).content_settled is False
    assert findings(source, told, dt.date(2026, 12, 1)) == []


@pytest.mark.parametrize(
    ("target", "held"),
    [("The budget takes effect on Jan. 1.", False), ("The budget took effect on Jan. 1.", True)],
)
def test_a_schedule_told_in_the_present_is_a_coming_event(target, held):
    found = findings("예산은 내년 1월 1일부터 집행된다.", target, dt.date(2026, 12, 3))
    assert any(f.kind == "future_as_past" for f in found) is held


def test_a_report_of_a_statement_keeps_the_statement_s_own_prospect():
    # 보도했다 reports 말했다, whose content is a prospect (강화할 것): "said it would" is right
    source = "김정은 위원장은 \"핵무력을 더욱 강화할 것\"이라고 말했다고 조선중앙통신이 보도했다."
    right = "Kim Jong-un said the country would further strengthen its nuclear forces, KCNA reported."
    assert findings(source, right) == []
    # the statement's content past (강화했다고), the report of it made future is still held
    past = "김정은 위원장은 핵무력을 강화했다고 말했다고 조선중앙통신이 보도했다."
    assert [f.kind for f in findings(past, right)] == ["past_as_future"]


@pytest.mark.parametrize(
    "target",
    [
        "North Korea fired cruise missiles from the destroyer to be launched last month.",
        "North Korea fired cruise missiles from a destroyer that will be launched two weeks ago.",
    ],
)
def test_a_future_glued_to_a_past_time_is_held(target):
    source = "북한은 지난달 진수한 구축함에서 순항미사일을 쐈다."
    assert [f.kind for f in findings(source, target)] == ["past_as_future"]
    right = "North Korea fired cruise missiles from the destroyer it launched last month."
    assert findings(source, right) == []


def test_a_coming_event_told_earlier_than_usual_is_no_past():
    source = "올해 장마는 예년보다 일찍 시작될 전망이다."
    assert findings(source, "This year's rainy season will begin earlier than usual.") == []


def test_a_stress_already_laid_told_as_a_coming_emphasis_is_held():
    source = '통신에 따르면 김 위원장은 발사 후 "핵무력 강화는 선택이 아닌 필수"라고 강조했다.'
    wrong = ('According to the agency, Kim will emphasize after the launch, "Nuclear strength is '
             'a necessity, not a choice."')
    assert [f.kind for f in findings(source, wrong)] == ["past_as_future"]
    right = ('According to the agency, Kim emphasized after the launch, "Nuclear strength is a '
             'necessity, not a choice."')
    assert findings(source, right) == []
