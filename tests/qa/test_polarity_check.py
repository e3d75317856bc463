"""Polarity: a negation lost or added, a direction flipped; and the idioms that only look so."""

from __future__ import annotations

import pytest

from transdesk.article import Severity
from transdesk.qa import CheckContext, create_checks
from transdesk.qa.english_polarity import mentions_negation, negations
from transdesk.qa.korean_polarity import directions, read_negation


def findings(source: str, target: str):
    (check,) = create_checks(["polarity"])
    return check.run(CheckContext(source, target))


def kinds(source: str, target: str) -> list[str]:
    return sorted({f.kind for f in findings(source, target)})


@pytest.mark.parametrize(
    ("source", "target", "kind", "korean"),
    [
        # -지 않다 / 못 / 없다 / 불- / 부인 / -지 않기로 / reported speech / evidential
        ("여당 의원들은 표결에 참여하지 않았다.", "Ruling party lawmakers participated in the vote.",
         "negation_lost", "않"),
        ("양국 장관은 이견을 좁히지 못했다.", "The two ministers managed to narrow their differences.",
         "negation_lost", "못"),
        ("회담에서는 구체적인 합의가 없었다.", "The talks produced a concrete agreement.",
         "negation_lost", "없"),
        ("야당 의원들은 본회의에 불참했다.", "Opposition lawmakers attended the plenary session.",
         "negation_lost", "불참"),
        ("그는 뇌물 수수 혐의를 부인했다.", "He admitted to taking the bribes.", "negation_lost", "부인"),
        ("그는 총선에 출마하지 않기로 했다.", "He decided to run in the general election.",
         "negation_lost", "않"),
        ("국민의힘은 판결을 받아들일 수 없다고 밝혔다.", "The People Power Party said it accepts the ruling.",
         "negation_lost", "없"),
        ("그는 회의에 참석하지 않은 것으로 알려졌다.", "He reportedly attended the meeting.",
         "negation_lost", "않"),
        ("주말에는 현장 발권이 불가능하다.", "On weekends, on-site ticketing is possible.",
         "negation_lost", "불가능"),
    ],
)
def test_a_lost_negation_is_major_and_points_at_the_korean(source, target, kind, korean):
    (found,) = findings(source, target)
    assert (found.kind, found.severity) == (kind, Severity.MAJOR)
    start, end = found.source_span
    assert source[start:end] == korean


@pytest.mark.parametrize(
    ("source", "target", "english"),
    [
        ("북한은 동해상으로 탄도미사일을 발사했다.", "North Korea did not fire a ballistic missile.", "not"),
        ("정부는 새 규제안을 발표했다.", "The government refused to announce new rules.", "refused to"),
        ("그는 회의에 참석했다.", "He didn't attend the meeting.", "n't"),
    ],
)
def test_an_added_negation_is_major_and_points_at_the_english(source, target, english):
    (found,) = findings(source, target)
    assert (found.kind, found.severity) == ("negation_added", Severity.MAJOR)
    start, end = found.target_span
    assert target[start:end] == english


@pytest.mark.parametrize(
    ("source", "target", "korean", "english"),
    [
        ("9월 수출은 전년 동월 대비 1.4% 감소했다.", "September exports increased 1.4% on year.",
         "감소", "increased"),
        ("수입은 1.2% 줄었다.", "Imports rose 1.2 percent.", "줄", "rose"),
        ("출생아 수는 0.05명 상승했다.", "The number of births was falling by 0.05.", "상승", "falling"),
        ("대중 무역수지는 48억 달러 적자를 기록했다.",
         "The trade balance with China posted a surplus of $4.8 billion.", "적자", "surplus"),
        ("한국은행은 기준금리를 0.25%포인트 인하했다.",
         "The Bank of Korea raised its key rate by 0.25 percentage point.", "인하", "raised"),
        ("원화는 달러 대비 강세를 보였다.", "The won weakened against the dollar.", "강세", "weakened"),
        ("고용 사정이 악화됐다.", "Employment conditions improved.", "악화", "improved"),
        ("개정안은 본회의에서 부결됐다.", "The revision bill was passed at the plenary session.",
         "부결", "passed"),
        ("한국은 일본에 2-1로 승리했다.", "South Korea lost to Japan 2-1.", "승리", "lost"),
        ("관람객은 둘째 달에 오히려 늘었다.", "Visitors rather decreased in the second month.",
         "늘", "decreased"),
    ],
)
def test_a_flipped_direction_is_major_with_both_spans(source, target, korean, english):
    (found,) = findings(source, target)
    assert (found.kind, found.severity) == ("direction_flipped", Severity.MAJOR)
    assert source[slice(*found.source_span)] == korean
    assert target[slice(*found.target_span)] == english


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # the same polarity, said otherwise
        ("여당 의원들은 표결에 참여하지 않았다.", "Ruling party lawmakers did not take part in the vote."),
        ("여당 의원들은 표결에 불참했다.", "Ruling party lawmakers boycotted the vote."),
        ("그는 혐의를 부인했다.", "He denied the charges."),
        ("경찰은 아직 범인의 신원을 밝히지 못했다.", "Police have yet to identify the gunman."),
        ("인명 피해는 없었다.", "No one was hurt."),
        ("그는 언급을 자제했다.", "He declined to comment."),
        ("추가 발사 가능성을 배제할 수 없다.", "A further launch cannot be ruled out."),
        # double negation and necessity: affirmative
        ("그는 사과하지 않을 수 없었다.", "He had to apologize."),
        ("정부는 규제를 풀 수밖에 없다.", "The government has no choice but to ease the rules."),
        ("이 조치는 효과가 없지 않다.", "The measure has some effect."),
        # not only ... but also; contrast; before; less than
        ("이는 경제뿐만 아니라 안보에도 영향을 준다.", "This affects not only the economy but also security."),
        ("이는 경제뿐만 아니라 안보에도 영향을 준다.", "This affects the economy as well as security."),
        ("그는 표결 전에 회의장을 떠났다.", "He left the chamber before the vote."),
        ("10세 미만 어린이는 무료로 입장할 수 있다.", "Children under 10 can enter for free."),
        ("5명 이하의 소규모 모임은 허용된다.", "Small gatherings of five or fewer are allowed."),
        # a rhetorical question asserts the opposite
        ("그것이 바로 국민의 뜻이 아니겠느냐.", "That is exactly what the people want."),
        # the direction is the same, or both directions are there
        ("9월 수출은 1.4% 감소했다.", "September exports fell 1.4 percent."),
        ("수출 감소 폭이 전월보다 축소됐다.", "The decline in exports narrowed from the previous month."),
        ("무역수지는 적자에서 흑자로 돌아섰다.", "The trade balance swung to a surplus from a deficit."),
        ("법안은 찬성 150표, 반대 100표로 가결됐다.", "The bill passed 150 to 100."),
        ("바그다드에서 북쪽으로 240km 떨어진 곳에서 집회가 열렸다.", "A rally was held 150 miles north of Baghdad."),
        ("주가는 3% 올랐다.", "Shares were up 3 percent."),
        ("유가 하락으로 수출이 줄었다.", "Exports shrank as oil prices dropped."),
    ],
)
def test_correct_renderings_pass(source, target):
    assert kinds(source, target) == []


def test_a_negation_in_a_subordinate_clause_is_not_the_main_predicate():
    reading = read_negation("비가 그치지 않아 경기는 연기됐다.")
    assert reading.main == () and reading.anywhere


def test_each_sentence_of_a_merged_pair_is_read():
    reading = read_negation("석유화학 수출은 회복되지 못했다. 자동차 수출은 유지됐다.")
    assert [n.form for n in reading.main] == ["못"]


def test_names_that_begin_like_negations_are_not_negations():
    assert read_negation("불고기와 비빔밥은 미국에서도 인기다.").main == ()
    assert read_negation("비용이 많이 든다.").main == ()


def test_english_idioms_are_not_clear_negations():
    assert negations("This is not only cheap but also fast.") == []
    assert negations("He had nothing but praise.") == []
    assert [c.text for c in negations("He did not come.")] == ["not"]
    assert mentions_negation("Police have not yet identified him.")
    assert mentions_negation("The meeting was held behind closed doors, unannounced.")
    assert not mentions_negation("North Korea fired a missile, the No. 2 official said.")


def test_korean_directions_come_with_their_kind_of_change():
    (mention,) = directions("무역수지가 적자를 냈다.")
    assert (mention.form, mention.direction, "balance" in mention.axes) == ("적자", "down", True)
