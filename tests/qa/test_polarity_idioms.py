"""Polarity on Korean negations that negate nothing, and on negated predicates English tells with
an affirmative opposite: the correct translations pass, the real flips beside them are held."""

from __future__ import annotations

import pytest

from transdesk.article import Severity
from transdesk.qa import CheckContext, create_checks
from transdesk.qa.english_polarity import mentions_negation
from transdesk.qa.korean_polarity import read_negation
from transdesk.qa.lexical_opposites import has_opposite, states_own_sense
from transdesk.qa.morph import analyse
from transdesk.qa.negation_idioms import negated_stem, not_a_negation


def held(source: str, target: str) -> list[str]:
    (check,) = create_checks(["polarity"])
    return [f.kind for f in check.run(CheckContext(source, target)) if f.severity >= Severity.MAJOR]


# (Korean, English, the kind held or None): each idiom beside the flip it must still catch
CASES = [
    # "-지 못하다" on a verb of hiding: could not hide, i.e. showed
    ("그는 판결에 대해 분노를 금치 못했다.", "He expressed outrage at the ruling on Monday.", None),
    ("그는 수상 소식에 기쁨을 감추지 못했다.", "He was visibly delighted at the news of the award.", None),
    ("그는 판결에 대한 분노를 감추지 않았다.", "He hid his anger at the ruling from the press.",
     "negation_lost"),
    # "다름(이) 없다", "다름 아니다", "다를 바 없다": amounts to, none other than
    ("이번 조치는 사실상 항복과 다름이 없다.", "The measure amounts to a surrender, critics said.", None),
    ("이는 다름 아닌 정부의 책임이다.", "This is the responsibility of the government itself.", None),
    ("두 후보의 공약은 다를 바 없다.", "The two candidates' pledges are essentially the same.", None),
    ("이번 조치는 사실상 항복과 다름없다.", "The measure is no different from a surrender.", None),
    # double negation
    ("정부는 결국 세금을 인상하지 않을 수 없었다.", "The government eventually had to raise taxes.", None),
    # "-고 말았다": ended up; "-지 말라": don't
    ("결국 그는 장관직에서 사퇴하고 말았다.", "He eventually ended up resigning from the post.", None),
    ("그는 지지자들에게 시위에 참여하지 말라고 말했다.",
     "He told his supporters to join the protests in the capital.", "negation_lost"),
    # "...밖에 ... 않다 / 없다": only
    ("그는 회담에서 5명밖에 만나지 않았다.", "He met only five people at the talks in Seoul.", None),
    ("남은 시간은 이틀밖에 없다.", "Only two days remain before the crucial vote.", None),
    ("그는 사퇴할 수밖에 없었다.", "He had to resign over the scandal last year.", None),
    ("이밖에 그는 회의에 참석하지 않았다.", "In addition, he attended the meeting on Monday.",
     "negation_lost"),
    # "어쩔 수 없다": had no choice; "못지않다": as ... as
    ("그는 건강 문제로 어쩔 수 없이 사퇴했다.", "He had to resign because of health problems.", None),
    ("그는 건강 문제로 사퇴했는데 어쩔 수 없었다.",
     "He resigned over health problems, as he had to at the time.", None),
    ("그는 대표팀 주전 못지않게 뛰어난 활약을 했다.", "He played as well as the national team's starters.", None),
    ("그의 실력은 누구 못지 않다.", "His skills are as good as anyone's in the league.", None),
    # a hedging question before a verb of thinking or fearing
    ("그는 너무 서두른 것이 아니었나 싶다.", "I think he may have rushed the decision too much.", None),
    ("그가 팀을 떠나지 않을까 우려된다.", "There are fears that he will leave the club this summer.", None),
    ("그는 회의에 오지 않았나 보다.", "It seems he came to the meeting with the delegation.",
     "negation_lost"),
    # lexical opposites: remembered, continued, seized, spared no, stood firm, persisted
    # rules kept and rulings refused, told by their opposites: "is constitutional", "challenge"
    ("헌재는 해당 조항이 헌법에 위배되지 않는다고 판단했다.", "The court ruled the provision constitutional.",
     None),
    ("헌재는 해당 조항이 헌법에 위배되지 않는다고 판단했다.",
     "The court ruled the provision unconstitutional.", "negation_lost"),
    ("그는 법원의 결정에 불복해 항고하겠다고 밝혔다.", "He said he would challenge the decision on appeal.",
     None),
    ("그는 법원의 결정에 불복해 항고하겠다고 밝혔다.",
     "He said he would accept the decision and appeal.", "negation_lost"),
    ("그는 경찰의 출석 요구에 불응했다.", "He defied a police summons.", None),
    ("그는 경찰의 출석 요구에 불응했다.", "He complied with a police summons.", "negation_lost"),
    ("법원은 해당 처분이 위법하지 않다고 판단했다.", "The court ruled that the measure was lawful.", None),
    ("법원은 해당 처분이 위법하지 않다고 판단했다.", "The court ruled that the measure was illegal.",
     "negation_lost"),
    # a word of negative sense that renders another Korean word carries none of the negation:
    # "banned" is 금지, "freeze" 동결
    ("도핑 검사에서 금지약물이 검출되지 않았다.", "Banned substances were detected in the test.",
     "negation_lost"),
    ("도핑 검사에서 금지약물이 검출되지 않았다.", "No banned substances were found in the test.", None),
    ("노조는 임금 동결안을 받아들일 수 없다고 밝혔다.", "The union said it could accept a wage freeze.",
     "negation_lost"),
    # a negated condition whose verb the English states unnegated: "if ... block the payment"
    ("은행이 지급을 막지 못하면 피해액을 배상해야 한다.",
     "Banks must compensate for losses if they fail to stop the payment.", None),
    ("은행이 지급을 막지 못하면 피해액을 배상해야 한다.",
     "Banks must compensate for losses if they detect abnormal transactions and block the payment.",
     "negation_lost"),
    # a clause's negated verb stated in its own sense beside another lexical negation ("stopped")
    ("그는 부상 여파로 2시간10분 벽을 넘지 못하고 12위에 그쳤다.",
     "Due to an injury, he broke the 2:10 wall and stopped at 12th place.", "negation_lost"),
    ("그는 부상 여파로 2시간10분 벽을 넘지 못하고 12위에 그쳤다.",
     "An injury left him short of breaking 2:10, and he finished 12th.", None),
    ("그는 \"끝까지 포기하지 않는 모습이 감동을 줬다\"고 밝혔다.",
     "He said, \"Her refusal to give up until the end moved people.\"", None),
    # exceeding and extending told by their opposites: "stayed at or below", "is final"
    ("물가 상승률은 석 달 연속 2%를 넘지 않았다.", "Inflation stayed at or below 2 percent.", None),
    ("물가 상승률은 석 달 연속 2%를 넘지 않았다.", "Inflation exceeded 2 percent.", "negation_lost"),
    ("정부는 복귀 시한을 더는 연장하지 않겠다고 밝혔다.", "The government said the deadline is final.",
     None),
    ("정부는 복귀 시한을 더는 연장하지 않겠다고 밝혔다.",
     "The government said it would extend the deadline.", "negation_lost"),
    ("그는 그날의 희생을 결코 잊지 않았다.", "He always remembered the sacrifices of that day.", None),
    ("그는 그날의 희생을 잊지 않았다.", "He forgot the sacrifices of that day over the years.",
     "negation_lost"),
    ("반군은 수도에 대한 공격을 멈추지 않았다.", "The rebels continued their attacks on the capital.", None),
    ("반군은 수도에 대한 공격을 멈추지 않았다.", "The rebels stopped their attacks on the capital.",
     "negation_lost"),
    ("그는 대통령과 대화할 기회를 놓치지 않았다.", "He seized the chance to speak to the president.", None),
    ("정부는 피해자 지원을 아끼지 않았다.", "The government spared no effort to help the victims.", None),
    ("야당은 입장을 굽히지 않았다.", "The opposition stood firm on its position in the talks.", None),
    ("선수들은 끝까지 포기하지 않았다.", "The players kept fighting until the very end of the game.", None),
    ("선수들은 끝까지 포기하지 않았다.", "The players gave up before the end of the game.",
     "negation_lost"),
    ("상용화까지는 넘어야 할 기술적 장벽이 적지 않다.",
     "There are quite a few technical barriers before commercialization.", None),
    ("상용화까지는 넘어야 할 기술적 장벽이 적지 않다.",
     "There are few technical barriers to overcome before commercialization.", "negation_lost"),
    ("올해 예산은 사업을 진행하기에 부족하지 않다.", "This year's budget is enough to run the project.", None),
    ("올해 예산은 사업을 진행하기에 부족하지 않다.",
     "This year's budget falls short of what the project needs.", "negation_lost"),
    # English forms of negation that carry the Korean one
    ("회의에는 아무도 참석하지 않았다.", "Nobody attended the meeting in the capital.", None),
    ("누구도 사고에 대한 책임을 지지 않았다.", "No one took responsibility for the accident.", None),
    ("그는 다시는 출마하지 않겠다고 밝혔다.", "He refused to run for office again in the election.", None),
    ("그는 다시는 출마하지 않겠다고 밝혔다.", "He said he will run for office again in the election.",
     "negation_lost"),
    ("그는 그 자리에 참석하지 못했다.", "He was unable to attend the meeting with the president.", None),
    ("정부는 추가 조치를 배제하지 않았다.", "The government did not rule out further measures.", None),
    ("그는 경제뿐만 아니라 안보도 중요하다고 말했다.", "He said security as well as the economy matters.", None),
    ("이번 사고는 운전자 과실이 아니라 차량 결함 때문이었다.",
     "The accident was caused by a defect in the car rather than driver error.", None),
    ("쉬운 해결책을 찾기가 쉽지 않다.", "Finding a solution will be far from easy, officials said.", None),
    ("해결책을 찾기가 쉽지 않다.", "Finding a solution will be difficult, officials said.", None),
    ("해결책을 찾기가 쉽지 않다.", "Finding a solution will be easy, officials said.",
     "negation_lost"),
    ("지지자가 많지 않다.", "He has few supporters in the party, the poll showed.", None),
    ("지지자가 많지 않다.", "He has many supporters in the party, the poll showed.", "negation_lost"),
    # Korean idioms English tells with a negation: no negation is added
    ("그는 건강 문제로 어쩔 수 없이 사퇴했다.", "He had no choice but to resign over his health.", None),
    ("그는 그날의 희생을 늘 기억했다.", "He never forgot the sacrifices of that day.", None),
    ("그들은 아무런 경고 없이 군중을 향해 발포했다.", "They opened fire on the crowd without any warning.", None),
    ("일손이 턱없이 부족하다.", "There are not enough workers to finish the harvest.", None),
    ("정부는 예산이 모자란다고 밝혔다.", "The government said it did not have enough money.", None),
    ("그것이 바로 문제가 아니었나.", "That was exactly the problem all along, he said.", None),
    # a plain negation lost, an added one, a direction flipped
    ("여당 의원들은 표결에 참여하지 않았다.", "Ruling party lawmakers participated in the vote.",
     "negation_lost"),
    ("그는 오늘 오전 서울에서 한국 기업인 다섯 명을 만났다.",
     "He did not meet five Korean business leaders in Seoul.", "negation_added"),
    ("수출이 3% 증가했다.", "Exports fell 3 percent in September.", "direction_flipped"),
    ("결국 수출이 3% 감소하고 말았다.", "In the end, exports rose 3 percent in September.",
     "direction_flipped"),
]


@pytest.mark.parametrize(("source", "target", "kind"), CASES)
def test_idioms_pass_and_flips_are_held(source: str, target: str, kind: str | None) -> None:
    assert held(source, target) == ([kind] if kind else [])


@pytest.mark.parametrize(
    ("sentence", "form"),
    [
        ("결국 그는 사퇴하고 말았다.", "말"),
        ("이는 항복과 다름이 없다.", "없"),
        ("이는 다름 아닌 항복이다.", "아니"),
        ("그는 5명밖에 만나지 않았다.", "않"),
        ("선택할 수밖에 없다.", "없"),
        ("어쩔 수 없었다.", "없"),
        ("실수가 아니었나 싶다.", "아니"),
    ],
)
def test_idioms_are_read_as_no_negation(sentence: str, form: str) -> None:
    morphemes = analyse(sentence)
    (i,) = [i for i, m in enumerate(morphemes) if m.form == form and m.tag in ("VX", "VA", "VCN")]
    assert not_a_negation(morphemes, i)
    assert read_negation(sentence).main == ()
    assert read_negation(sentence).cue  # English may still say it with a negation


@pytest.mark.parametrize(
    "sentence",
    ["그는 시위에 참여하지 말라고 했다.", "이밖에 그는 참석하지 않았다.", "그는 오지 않았나 보다.",
     "그는 전혀 다르지 않았다."],
)
def test_real_negations_are_not_idioms(sentence: str) -> None:
    assert read_negation(sentence).main


@pytest.mark.parametrize(
    ("sentence", "stem"),
    [
        ("그는 그날을 잊지 않았다.", "잊"),
        ("그는 분노를 금치 못했다.", "금"),
        ("예산이 부족하지 않다.", "부족"),
        ("해결이 쉽지 않다.", "쉽"),  # kiwi: VA-I, an irregular adjective
        ("그는 그날을 안 잊었다.", "잊"),
        ("합의가 없었다.", None),
    ],
)
def test_the_negated_stem_is_named(sentence: str, stem: str | None) -> None:
    (negation,) = read_negation(sentence).main
    assert negation.stem == stem
    morphemes = analyse(sentence)
    (i,) = [i for i, m in enumerate(morphemes) if m.start == negation.start]
    assert negated_stem(morphemes, i) == stem


@pytest.mark.parametrize(
    "english",
    ["He failed to win.", "They lack funds.", "Few came.", "He hardly spoke.", "He denied it.",
     "The court rejected it.", "He refused.", "Work was halted.", "They stopped work.",
     "He ruled out a run.", "None came.", "Nobody came.", "Neither side agreed.",
     "He was unable to go.", "It is impossible.", "He was absent.", "The talks ceased.",
     "He quit the race.", "There is a shortage of doctors.", "He dropped out of the race.",
     "A deal is out of the question.", "He declined comment.", "He opted against running."],
)
def test_english_forms_of_negation_are_read(english: str) -> None:
    assert mentions_negation(english)


@pytest.mark.parametrize(
    "english", ["Exports declined 3 percent.", "Prices dropped 3 percent.", "He quite liked it."]
)
def test_english_without_negation_is_not_read_as_one(english: str) -> None:
    assert not mentions_negation(english)


def test_the_own_sense_is_read_unless_quite_a_few() -> None:
    assert has_opposite("잊") and not has_opposite("참석")
    assert states_own_sense("잊", "He forgot the date.") == "forgot"
    assert states_own_sense("적", "There are quite a few barriers.") is None
    assert states_own_sense("적", "There are few barriers.") == "few"
    assert states_own_sense("쉽", "It will be far from easy.") is None
