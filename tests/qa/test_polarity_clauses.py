"""Polarity: a negation lost from a clause before the main one that states something of its own
(a coordinate, concessive, quoted, reported or conditional clause), and the clauses left alone."""

from __future__ import annotations

import pytest

from transdesk.article import Severity
from transdesk.qa import CheckContext, create_checks
from transdesk.qa.korean_polarity import stated_negations


def findings(source: str, target: str):
    (check,) = create_checks(["polarity"])
    return check.run(CheckContext(source, target))


@pytest.mark.parametrize(
    ("source", "target", "predicate"),
    [
        # coordinate "-며", the predicate told with its clause
        ("경찰은 용의자의 신원을 밝히지 않았으며 수사를 계속하고 있다고 밝혔다.",
         "Police said they had disclosed the suspect's identity and were continuing the inquiry.",
         "밝히지 않았으며"),
        # "-지 않고 있다": the auxiliary belongs to the negated verb
        ("정부는 구체적인 증거를 제시하지 않고 있으며 관련자들을 모두 구속했다.",
         "The government has presented concrete evidence and has arrested everyone involved.",
         "제시하지 않고"),
        # a quoted sentence inside the sentence: "...아니다”며"
        ("그는 “안전에 문제가 있었던 것은 아니다”며 “기술적인 문제였다”고 설명했다.",
         "\"There was a problem with the safety of the plane,\" he said. \"It was technical.\"",
         "아니다”며"),
        # concessive "-지만", with the modal "-ㄹ 수 없다"
        ("이번 조사로 모든 원인을 알아낼 수는 없지만 중요한 단서를 얻었다.",
         "The investigation can reveal every cause, and it has yielded an important clue.",
         "없지만"),
        # a condition
        ("그는 정부가 적극적으로 나서지 않았다면 협상은 결렬됐을 것이라고 말했다.",
         "He said that if the government had stepped in actively, the talks would have collapsed.",
         "나서지 않았다면"),
        # a report of a progressive negation
        ("변호사는 당국이 체포에 관한 진실을 밝히지 않고 있다고 주장했다.",
         "The lawyer claimed that the authorities were telling the truth about the arrest.",
         "밝히지 않고"),
        # an adnominal that quotes a statement: "-지 않는다는 것"
        ("양국은 군이 무력 충돌을 일으키지 않는다는 것에 합의했다고 통신이 보도했다.",
         "The two sides agreed that their troops would fire on each other, the agency reported.",
         "일으키지 않는다는"),
        # a lexical opposite whose own sense the English states
        ("왕자는 그 고통을 절대로 잊지 않을 것이며 최선을 다하겠다고 적었다.",
         "The prince wrote that he would forget the suffering and would do his utmost.",
         "잊지 않을"),
    ],
)
def test_a_negation_lost_from_a_stating_clause_is_major_and_names_the_predicate(
    source, target, predicate
):
    (found,) = findings(source, target)
    assert (found.kind, found.severity) == ("negation_lost", Severity.MAJOR)
    assert predicate in found.message
    assert "own clause" in found.message


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # the negation carried, by "not", "no" or a lexical negation
        ("경찰은 용의자의 신원을 밝히지 않았으며 수사를 계속하고 있다고 밝혔다.",
         "Police said they had not disclosed the suspect's identity and were continuing the "
         "inquiry."),
        ("정부는 구체적인 증거를 제시하지 않고 있으며 관련자들을 모두 구속했다.",
         "The government has presented no concrete evidence but has arrested everyone involved."),
        ("이번 조사로 모든 원인을 알아낼 수는 없지만 중요한 단서를 얻었다.",
         "The investigation is unable to reveal every cause, but it has yielded an important "
         "clue."),
        # English tells the condition with "unless", the exception with "apart from"
        ("그가 물러나지 않으면 모두 사퇴하겠다고 의원들이 밝혔다.",
         "The lawmakers said they would all resign unless he stepped down from his post."),
        ("장관급 회담의 일정은 합의하지 못했지만 비료 지원에는 동의했다.",
         "Apart from setting dates for ministerial talks, the two sides agreed on fertilizer aid."),
        # "kept ... from -ing": a negation without "not"
        ("광부 수백 명은 곰 때문에 광산에서 빠져나오지 못하고 있다고 통신이 보도했다.",
         "Bears have kept hundreds of miners from leaving the mine, the news agency reported."),
        # a lexical opposite told in the affirmative: 복잡하지 않다 (simple)
        ("토드피쉬의 소리는 복잡하지 않고 가장 단순한 방식으로 의사소통을 한다.",
         "The toadfish's calls are the simplest type of communication among fish."),
        # purpose and relative clauses are not paired: English tells them without "not"
        ("당국은 그 배가 항구에 입항하지 못하도록 압력을 넣고 있다.",
         "The authorities are pressing port officials to keep the ship out of the harbour."),
        ("아직 배송되지 않은 소포를 찾아갈 수 있도록 사무소가 문을 연다.",
         "Post offices will open so that customers can collect parcels still in transit."),
        # an English shorter than its Korean is a part of it
        ("경찰은 용의자의 신원을 밝히지 않았으며 수사를 계속하고 있다고 밝혔다.",
         "Police said the inquiry goes on."),
    ],
)
def test_stating_clauses_rendered_right_or_left_alone_pass(source, target):
    assert [f.kind for f in findings(source, target)] == []


@pytest.mark.parametrize(
    ("source", "forms"),
    [
        ("정부는 증거를 제시하지 않고 있으며 관련자들을 구속했다.", ["않"]),
        ("그는 “문제가 있었던 것은 아니다”며 “기술적인 문제였다”고 설명했다.", ["아니"]),
        ("양국은 충돌을 일으키지 않는다는 데 합의했다.", ["않"]),
        # two negations in one predicate cancel: "없지 않다"
        ("효과가 없지 않지만 한계가 분명하다.", []),
        # negated again by the next clause: "-지 않으면 안 된다" (must)
        ("모두가 참여하지 않으면 안 된다.", []),
        # purpose and manner clauses state nothing of their own
        ("그는 사진을 찍지 못하도록 막았다.", []),
        ("그는 눈에 띄지 않게 행동했다.", []),
        # a relative clause and one of manner with 채 do: the English carries them somewhere
        # ("unapproved", "without")
        ("승인되지 않은 약을 처방했다.", ["않"]),
        ("북한은 항행경보를 내리지 않은 채 미사일을 쐈다.", ["않"]),
        # the main predicate is read elsewhere
        ("그는 회의에 참석하지 않았다.", []),
    ],
)
def test_stated_negations_are_the_clauses_that_state_something(source, forms):
    assert [n.form for n in stated_negations(source)] == forms


@pytest.mark.parametrize(
    ("source", "wrong", "right"),
    [
        ("연구팀은 해외 부품에 의존하지 않는 희석냉동기를 자체 개발했다.",
         "The team developed a dilution refrigerator that depends on overseas parts.",
         "The team developed its own dilution refrigerator without relying on foreign parts."),
        ("북한은 주변 해역에 항행경보를 내리지 않은 채 미사일을 쏜 것으로 알려졌다.",
         "North Korea reportedly fired the missiles while issuing a navigation warning.",
         "North Korea reportedly fired the missiles without issuing a navigation warning."),
        ("와하즈는 불기소된 공모자 170명의 명단에 올라 있다.",
         "Wahhaj is on a list of 170 indicted co-conspirators in the bombing case.",
         "Wahhaj is on a list of 170 unindicted co-conspirators in the bombing case."),
    ],
)
def test_a_negated_relative_or_manner_clause_told_affirmative_is_held(source, wrong, right):
    assert [f.kind for f in findings(source, wrong)] == ["negation_lost"]
    assert findings(source, right) == []


def test_a_lost_main_negation_names_its_predicate():
    (found,) = findings("여당 의원들은 표결에 참여하지 않았다.", "Ruling party lawmakers joined the vote.")
    assert "참여하지 않았다" in found.message and "main predicate" in found.message


def test_a_negated_reason_beside_a_negated_main_predicate_needs_two_negations():
    """"도주 우려가 없다며 법정구속하지는 않았다": the English's one "no" tells the reason, and the
    main predicate is affirmative."""
    source = "다만 재판부는 도주 우려가 없다며 신 전 구청장을 법정구속하지는 않았다."
    (found,) = findings(
        source, "However, the court took Shin into custody, saying there was no flight risk."
    )
    assert (found.kind, found.severity) == ("negation_lost", Severity.MAJOR)
    assert "법정구속하지는 않았다" in found.message
    assert findings(source, "The court did not detain Shin, saying he posed no flight risk.") == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # coordinated negations share one English negation
        ("하지만 완전하지 않았고 완벽에 가깝지도 않았다.", "But it wasn't perfect, or even close to it."),
        ("FDA는 할라피뇨를 날로 섭취하지 말고 관련 식품도 섭취하지 말라고 경고했다.",
         "The FDA warned consumers not to eat raw jalapenos and products made with them."),
    ],
)
def test_coordinated_negations_may_share_one_english_negation(source, target):
    assert findings(source, target) == []


def test_a_failure_told_by_what_went_wrong_is_no_lost_negation():
    source = "북한은 지난 5월에도 정찰위성 발사를 시도했으나 1단 로켓이 공중에서 폭발해 실패했다."
    told = "North Korea also tried to launch a spy satellite in May, but the first stage exploded."
    assert findings(source, told) == []
    (found,) = findings(source, "North Korea also successfully launched a spy satellite in May.")
    assert found.kind == "negation_lost" and "실패했다" in found.message


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # a cause or a time the main clause follows from
        ("여야는 본회의 일정에 합의하지 못해 협상을 이어가기로 했다.",
         "The parties agreed on the plenary schedule and decided to continue the talks."),
        ("검찰은 피의자가 소환 통보에 응하지 않자 체포영장을 청구했다.",
         "Prosecutors sought an arrest warrant after the suspect complied with the summons."),
        # the English reason clause keeps its own negation; the main predicate lost it
        ("서울중앙지법은 증거인멸 우려가 크지 않다며 구속영장을 발부하지 않았다.",
         "The court issued an arrest warrant, saying the risk of evidence tampering was not high."),
    ],
)
def test_a_negation_lost_beside_a_cause_or_a_reason_is_held(source, target):
    (found,) = findings(source, target)
    assert found.kind == "negation_lost"


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("서울중앙지법은 증거인멸 우려가 크지 않다며 구속영장을 발부하지 않았다.",
         "The court rejected the arrest warrant, saying the risk of evidence tampering was low."),
        ("궈자쿤 대변인은 \"대만 문제는 중국의 내정\"이라며 \"간섭을 용납하지 않겠다\"고 말했다.",
         "\"Taiwan is China's internal affair,\" Guo said, adding, \"We will not tolerate "
         "interference.\""),
        # the -라며 clause is the statement reported, not a reason: its "not" is the main one
        ("북한은 회담을 중단하지 않을 것이라며 정부 관계자가 밝혔다.",
         "An official played down the incident, saying the North would not leave the talks."),
        ("산불 발생 사흘째인 이날 오후까지 주불은 아직 잡히지 않았다.",
         "On the third day of the wildfire, the main blaze was still burning in the afternoon."),
        ("기상청은 먼바다에 내려진 풍랑경보를 아직 해제하지 않았다고 밝혔다.",
         "The weather agency said the high-seas warning remains in effect."),
        ("마포구는 노상 음주 단속을 당분간 시행하지 않기로 했다.",
         "Mapo District has decided to hold off for now on cracking down on street drinking."),
    ],
)
def test_reasons_quotes_and_what_is_still_going_on_pass(source, target):
    assert findings(source, target) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # a negated condition told as a plain "if", whatever else the sentence negates
        ("헌재는 국회가 올해 말까지 법을 고치지 않으면 해당 조항의 효력이 상실된다고 밝혔다.",
         "The court said that if the Assembly revises the law by year's end, the provision will "
         "lose its effect."),
        ("응답자들은 \"처우가 개선되지 않으면 3년 안에 일을 그만두겠다\"고 답했다.",
         "Respondents said, \"If the treatment is improved, I will quit within three years.\""),
        # 아직 ... 않은 told with "already"
        ("이는 북한이 아직 공식 인정하지 않은 파병 사실을 뒷받침하는 정황이다.",
         "This supports the deployment, which North Korea has already officially acknowledged."),
    ],
)
def test_a_negated_condition_or_a_not_yet_told_affirmatively_is_held(source, target):
    (found,) = findings(source, target)
    assert found.kind == "negation_lost"


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("헌재는 국회가 올해 말까지 법을 고치지 않으면 해당 조항의 효력이 상실된다고 밝혔다.",
         "The court said the provision would lose effect unless the Assembly revised the law."),
        ("헌재는 국회가 올해 말까지 법을 고치지 않으면 해당 조항의 효력이 상실된다고 밝혔다.",
         "The court said the provision would lose effect if the Assembly failed to revise it."),
        ("이는 북한이 아직 공식 인정하지 않은 파병 사실을 뒷받침하는 정황이다.",
         "This supports the deployment, which North Korea has yet to officially acknowledge."),
        ("웹툰 원작 드라마가 흥행에 성공한 것은 이번이 처음은 아니다.",
         "Webtoon adaptations have been hits before."),
        ("개정안이 발의됐지만 여야 이견으로 상임위원회 문턱을 넘지 못했다.",
         "A revision was proposed, but it has stalled in committee amid differences."),
    ],
)
def test_the_same_told_right_pass(source, target):
    assert findings(source, target) == []


def test_a_negated_condition_told_with_without_passes():
    source = "서방 세계가 없었다면 그들은 모두 무너졌을 것이며, 서방이 그들을 지키는 한 분노를 부를 것이다."
    target = "Without the West, they would all fall, and as long as it keeps them, it invites rage."
    assert findings(source, target) == []


@pytest.mark.parametrize(
    ("source", "target", "lost"),
    [
        # the adverb 없이 is the English "without", no negation of the main predicate
        ('재판부는 "의심의 여지 없이 증명되지 않았다"고 밝혔다.',
         'The court said, "It has been proven without room for doubt."', True),
        ('재판부는 "의심의 여지 없이 증명되지 않았다"고 밝혔다.',
         'The court said, "It has not been proven beyond a reasonable doubt."', False),
        ("그는 아무런 설명 없이 회의에 참석하지 않았다.",
         "He skipped the meeting without any explanation.", False),
        # what a survey found: "-지 않은 것으로 조사됐다"
        ("10명 중 4명은 복지 서비스를 한 번도 이용하지 않은 것으로 조사됐다.",
         "Four in 10 were found to have used welfare services at least once.", True),
        ("10명 중 4명은 복지 서비스를 한 번도 이용하지 않은 것으로 조사됐다.",
         "Four in 10 had never used a welfare service, the survey found.", False),
        # "off-label": not approved for that use
        ("인가되지 않은 상태의 의약품을 처방해줄 의사가 있는지 물어본다.",
         'Ask if he or she is willing to consider prescribing these drugs "off label."', False),
        # a negated clause made the subject ("-지 않은 것은"), told beside another word's "un-"
        ("시민단체들은 정부가 화재 관련 자료를 공개하지 않은 것은 부당하다고 주장했다.",
         "Civic groups argued it was unfair for the government to have disclosed the fire data.",
         True),
        ("시민단체들은 정부가 화재 관련 자료를 공개하지 않은 것은 부당하다고 주장했다.",
         "Civic groups argued it was unfair for the government to withhold the fire data.", False),
        # a negated decision: "불기소 처분했다"
        ("검찰은 해당 의원을 불기소 처분했다.", "Prosecutors decided to indict the lawmaker.", True),
        ("검찰은 해당 의원을 불기소 처분했다.", "Prosecutors decided not to indict the lawmaker.",
         False),
        # "nobody" for 아무도 ... 않는 is the negation itself
        ("2, 3년 전만해도 암호화는 아무도 관심을 두지 않는 단편적인 기술에 불과했습니다.",
         "A couple years ago it was just a piece of technology that nobody really cared about.",
         False),
        # "없이는 ... 수 없다" is "only with"; "가리지 않고" is "alike", negating nothing
        ("이 전시관은 사전 예약 없이는 입장할 수 없었지만 예약이 매일 10분 안에 마감됐다.",
         "It was open only to visitors with advance reservations, and slots filled in 10 minutes.",
         False),
        ("이 전시관은 사전 예약 없이는 입장할 수 없었다.",
         "Visitors could enter the hall without advance reservations.", True),
        ("단속은 평일과 주말을 가리지 않고 매일 밤 시간대에 이뤄지며, 낮에도 불시 단속을 한다.",
         "Checks will run every night, on weekdays and weekends alike, and by day as well.", False),
        # a mind with nothing in it
        ('그는 "퍼트가 들어가는 순간 아무 생각도 나지 않았다"고 말했다.',
         '"My mind went completely blank the moment the putt dropped," he said.', False),
    ],
)
def test_negations_beside_adverbs_and_survey_findings(source, target, lost):
    assert any(f.kind == "negation_lost" for f in findings(source, target)) is lost


def test_a_headlines_clause_told_by_what_followed_is_for_the_editor():
    """A clause's negation lost in a headline is minor; in body copy it holds the sentence."""
    (check,) = create_checks(["polarity"])
    source = "병원 못 찾아 1시간 넘게 길 위에 머문 구급차 올해 3천 건 넘어"
    english = "Ambulances stuck on the road for over an hour looking for a hospital top 3,000"
    headline = check.run(CheckContext(source, english, block_kind="headline"))
    body = check.run(CheckContext(source, english))
    assert [f.severity for f in headline] == [Severity.MINOR]
    assert [f.severity for f in body] == [Severity.MAJOR]
