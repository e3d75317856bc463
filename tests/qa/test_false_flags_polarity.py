"""Polarity on correct English that only looks negated or flipped, beside the errors it must
still hold: fixed phrases with "no", "not ... until", lexical refusals, "fell short"."""

from __future__ import annotations

import pytest

from transdesk.article import Severity
from transdesk.qa import CheckContext, create_checks


def held(source: str, target: str) -> list[str]:
    (check,) = create_checks(["polarity"])
    return [f.kind for f in check.run(CheckContext(source, target)) if f.severity >= Severity.MAJOR]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # "no" in fixed phrases
        ("여당은 3월 10일까지 법안을 제출해야 한다.",
         "The ruling party must submit the bill no later than March 10."),
        ("그가 승리한 것은 당연한 일이다.", "It is no surprise that he won."),
        ("그는 세계 랭킹 1위 선수로 꼽힌다.", "He is ranked the world's No 1 player."),
        ("의회는 불신임 투표를 실시했다.", "Parliament held a no-confidence vote."),
        ("그는 결과에 매우 만족한다고 말했다.", "He said he couldn't be happier with the result."),
        ("그는 전적으로 동의한다고 말했다.", "He said he couldn't agree more."),
        ("경기가 회복세를 보이는 것은 분명하다.", "There is no denying the economy is recovering."),
        # "not ... until": only then
        ("경찰은 새벽 3시가 돼서야 현장에 도착했다.",
         "The police did not arrive at the scene until 3 a.m."),
        # a negation in a clause of its own
        ("그는 여전히 건재하다고 말했다.",
         "He said he was still going strong, though he could not say for how long."),
        # a Korean negation told by a refusal without "not"
        ("그는 그 제안을 받아들이지 않았다.", "He turned down the offer."),
        ("그는 이에 대해 언급하지 않았다.", "He kept quiet about the matter."),
        # reluctance and declining told with a negation
        ("그는 언론 인터뷰를 꺼렸다.", "He did not want to give interviews to the press."),
        ("그는 장관직을 고사했다.", "He declined to take the minister post."),
        # no change told with a negation
        ("한국은행은 기준금리를 연 5%로 동결했다.",
         "The Bank of Korea did not change its key rate of 5 percent."),
        ("그는 여전히 병원에 입원해 있다.", "He has not left the hospital yet."),
        # directions told by "cut", "reduce", "fell short of"
        ("수출이 감소했다.", "Exports were cut."),
        ("정부는 예산을 10% 감축했다.", "The government reduced the budget by 10 percent."),
        ("수출이 목표치를 밑돌았다.", "Exports fell short of the target."),
    ],
)
def test_correct_english_is_not_held(source: str, target: str) -> None:
    assert held(source, target) == []


@pytest.mark.parametrize(
    ("source", "target", "kind"),
    [
        ("북한은 미사일을 발사했다.", "North Korea did not launch a missile.", "negation_added"),
        ("그는 회의에 참석했다.", "He did not attend the meeting at all.", "negation_added"),
        ("경찰은 현장에 도착했다.", "The police did not arrive at the scene.", "negation_added"),
        ("그는 언론 인터뷰를 했다.", "He did not give interviews to the press.", "negation_added"),
        ("그는 회의에 참석하지 않았다.",
         "He attended the meeting with his colleagues and spoke for an hour.", "negation_lost"),
        # "only" elsewhere in the sentence is no negation that could carry the lost one
        ("주말에는 온라인 사전 예약자만 입장할 수 있고 현장 발권은 불가능하다.",
         "On weekends, only those who reserved online can enter, and on-site ticketing is "
         "also possible.", "negation_lost"),
        ("수출이 3% 증가했다.", "Exports fell 3 percent.", "direction_flipped"),
        ("수출이 목표치를 밑돌았다.", "Exports rose above the target by 3 percent.",
         "direction_flipped"),
    ],
)
def test_real_errors_are_still_held(source: str, target: str, kind: str) -> None:
    assert kind in held(source, target)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # what has not ended or changed, said as a state
        ("여야 간사들은 막판까지 협상했으나 이견을 좁히지 못했다.",
         "The two parties' negotiators bargained until the last minute, but differences remained."),
        ("입주자 모집은 아직 마감되지 않았으며 오는 20일까지 신청을 받는다.",
         "Applications remain open, with submissions accepted through the 20th."),
        ("거래소는 상장적격성 실질심사가 아직 마무리되지 않았다고 밝혔다.",
         "The exchange said its listing eligibility review is still under way."),
        ("업체는 리콜 대상 차량 절반가량이 아직 수리를 받지 않았다고 밝혔다.",
         "The carmaker said about half of the recalled vehicles are still awaiting repairs."),
        ("금통위는 기준금리를 인하하지 않고 연 3.50%로 유지했다.",
         "The Monetary Policy Board held the benchmark rate steady at 3.50 percent."),
        ("검찰은 김 전 차관에 대해 구속영장을 청구하지 않기로 했다.",
         "Prosecutors decided against seeking an arrest warrant for former Vice Minister Kim."),
        ("노조는 임금 협상 결과에 만족하지 않는다는 입장을 밝혔다.",
         "The union expressed dissatisfaction with the outcome of the wage talks."),
        ("노사는 이견을 보여 올해 임금 협상에서 합의에 이르지 못했다.",
         "Management and the union remained at odds, leaving a deal out of reach."),
    ],
)
def test_a_negation_said_as_a_state_is_carried(source: str, target: str) -> None:
    assert held(source, target) == []


def test_a_state_word_elsewhere_does_not_excuse_an_affirmative_main_predicate() -> None:
    assert held(
        "노사는 막판까지 협상했으나 합의에 이르지 못했다.",
        "Management and the union bargained until the last minute and reached a deal.",
    ) == ["negation_lost"]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("중국으로의 수출은 지난해 수준을 회복하지 못했다.",
         "Shipments to China remained below last year's level."),
        ("정부는 올겨울 도시가스 요금을 인상하지 않기로 했다.",
         "The government decided to freeze city gas rates this winter."),
    ],
)
def test_a_level_not_regained_and_a_freeze_carry_the_negation(source: str, target: str) -> None:
    assert held(source, target) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("시중은행들도 연말까지 대출 문턱을 쉽게 낮추지 않을 전망이다.",
         "Commercial banks are expected to keep their lending standards tight."),
        ("이견으로 해양 안보 관련 문구는 공동성명에 담기지 못했다.",
         "Language on maritime security was left out of the statement due to differences."),
    ],
)
def test_kept_tight_and_left_out_carry_the_negation(source: str, target: str) -> None:
    assert held(source, target) == []


@pytest.mark.parametrize(
    ("source", "target", "kind"),
    [
        # a negated weight told by the stem's own sense; "lost" for 잃지 않았다
        ("재판부는 \"국회의 기능을 방해한 것으로 죄질이 가볍지 않다\"고 판시했다.",
         "The court ruled, \"As it obstructed the National Assembly, the offense is light.\"",
         "negation_lost"),
        # "unusual" renders 특이, not the negated 없다
        ("합동참모본부는 \"현재까지 북한군의 특이 동향은 없다\"고 밝혔다.",
         "The JCS said, \"So far there are unusual movements of the North Korean military.\"",
         "negation_lost"),
    ],
)
def test_lexical_words_that_render_other_words_carry_no_negation(source, target, kind) -> None:
    assert held(source, target) == [kind]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("감독은 \"선수들이 끝까지 집중력을 잃지 않았다\"고 말했다.",
         "\"The players kept their focus right to the end,\" the coach said."),
        ("재판부는 \"죄질이 가볍지 않다\"고 판시했다.", "The court ruled, \"The offense is serious.\""),
        ("합동참모본부는 \"현재까지 북한군의 특이 동향은 없다\"고 밝혔다.",
         "The JCS said there has been no unusual movement by the North Korean military."),
        ("경찰은 진상을 규명하지 못했다고 밝혔다.", "Police said they failed to uncover the truth."),
    ],
)
def test_the_same_told_right_pass(source: str, target: str) -> None:
    assert held(source, target) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("환자 단체들은 의료계의 집단 휴진에 동의하지 않는다는 입장을 밝혔다.",
         "Patient groups said they oppose the collective walkout by doctors."),
        ("대구시는 올해 축제를 취소하지 않고 예정대로 진행하기로 했다.",
         "Daegu decided to go ahead with this year's festival as scheduled."),
        ("회사는 공장의 가동 시점을 공개하지 않았다.",
         "The company kept under wraps when the plant will begin operations."),
        ("일본 정부는 무비자 체류 기간을 현행 90일에서 늘리지 않기로 했다.",
         "Japan decided to keep the visa-free stay at the current 90 days."),
        ("이 장관은 \"노동시장 개혁은 피할 수 없다\"고 강조했다.",
         "Minister Lee stressed that labor market reform is inevitable."),
        ("창덕궁 후원은 안전 문제로 야간에는 개방하지 않는다.",
         "The Secret Garden will stay closed at night for safety reasons."),
    ],
)
def test_negations_said_with_their_opposite_verb_pass(source: str, target: str) -> None:
    assert held(source, target) == []


def test_an_opposite_verb_said_unnegated_is_still_held() -> None:
    assert held(
        "환자 단체들은 의료계의 집단 휴진에 동의하지 않는다는 입장을 밝혔다.",
        "Patient groups said they agree with the collective walkout by doctors.",
    ) == ["negation_lost"]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("기상청은 풍랑경보를 해제하지 않기로 했다.",
         "The weather agency decided to keep the high-seas warning in place."),
        ("정부는 대출 규제를 완화하지 않기로 했다.", "The government decided to maintain its lending curbs."),
        ("구단은 감독을 교체하지 않기로 했다.", "The club decided to stick with its manager."),
    ],
)
def test_not_changing_said_as_keeping_carries_the_negation(source: str, target: str) -> None:
    assert held(source, target) == []


def test_a_change_said_as_made_is_still_held() -> None:
    assert held("기상청은 풍랑경보를 해제하지 않기로 했다.", "The agency decided to lift the warning.") == [
        "negation_lost"
    ]


@pytest.mark.parametrize(
    ("source", "right", "wrong"),
    [
        # "too ... for ... to" is built of a word that also renders 너무; kept as the negation
        ("다만 중심별과 너무 멀어 액체 상태의 물은 존재할 수 없다.",
         "The planet, however, is too far from its star for liquid water to exist.",
         "The planet, however, is far from its star, and liquid water can exist."),
        ("류쉬안은 한지우의 빠른 공격에 제대로 대응하지 못했다.",
         "Liu struggled to cope with Han's quick attacks.",
         "Liu coped well with Han's quick attacks."),
        # 배제하지 않다 is to leave open; "ruled out" states 배제 itself
        ("한은은 4분기 성장률이 0%대에 머물 가능성도 배제하지 않았다.",
         "The bank left open the possibility that growth could stay in the 0-percent range.",
         "The bank ruled out the possibility that growth could stay in the 0-percent range."),
        ("당시 김 위원장은 \"용납할 수 없는 범죄적 행위\"라고 질타하며 책임자 처벌을 지시했다.",
         "Kim at the time denounced it as an \"intolerable criminal act\" and ordered punishment.",
         "Kim at the time denounced it as an \"acceptable criminal act\" and ordered punishment."),
        ("전문가 감정 결과 어보의 손잡이와 인면에서는 뚜렷한 훼손 흔적이 없었다.",
         "An expert appraisal found the seal's handle and inscribed face intact.",
         "An expert appraisal found clear traces of damage on the seal's handle and face."),
    ],
)
def test_constructions_that_negate_pass_and_the_affirmative_is_held(source, right, wrong):
    assert held(source, right) == []
    assert held(source, wrong) == ["negation_lost"]


def test_a_threshold_is_no_change_and_the_change_told_the_other_way_is_held():
    source = "규모 2.0 이상 지진은 최근 5년간 연평균 14회로, 이전 5년보다 40% 늘었다."
    wrong = "Quakes of magnitude 2.0 or higher averaged 14 a year, decreasing by 40% on before."
    right = "Quakes of magnitude 2.0 or higher averaged 14 a year, up 40% on the five years before."
    assert held(source, wrong) == ["direction_flipped"]
    assert held(source, right) == []
