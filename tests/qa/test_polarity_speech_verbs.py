"""One list of the verbs of saying for polarity and tense, each check's additions apart."""

from __future__ import annotations

import pytest

from transdesk.article import Severity
from transdesk.qa import CheckContext, create_checks
from transdesk.qa.korean_polarity import read_negation
from transdesk.qa.korean_tense import main_clause
from transdesk.qa.speech_verbs import (
    CORE_SPEECH_VERBS,
    POLARITY_ADDITIONS,
    POLARITY_REPORTING,
    TENSE_ADDITIONS,
    TENSE_SPEECH_VERBS,
)


def held(source: str, target: str) -> list[str]:
    (check,) = create_checks(["polarity"])
    return [f.kind for f in check.run(CheckContext(source, target)) if f.severity >= Severity.MAJOR]


def test_each_check_adds_to_one_core() -> None:
    assert POLARITY_REPORTING - CORE_SPEECH_VERBS == POLARITY_ADDITIONS
    assert TENSE_SPEECH_VERBS - CORE_SPEECH_VERBS == TENSE_ADDITIONS
    assert not POLARITY_ADDITIONS & TENSE_ADDITIONS
    assert POLARITY_REPORTING & TENSE_SPEECH_VERBS == CORE_SPEECH_VERBS


@pytest.mark.parametrize(
    "sentence",
    [
        "그는 다시는 출마하지 않겠다고 약속했다.",  # a promise: core
        "그는 회의에 참석하지 않았다고 시인했다.",  # an admission: core
        "그는 회의에 참석하지 않은 것으로 알려졌다.",  # an evidential: polarity's own
        "그는 회의에 참석하지 않겠다고 했다.",  # the "하다" of a quotation
    ],
)
def test_polarity_reads_the_negation_in_what_was_said(sentence: str) -> None:
    assert read_negation(sentence).main


def test_a_question_asked_is_not_what_polarity_reads() -> None:
    assert "묻" not in POLARITY_REPORTING
    assert read_negation("기자들은 그가 왜 참석하지 않았느냐고 물었다.").main == ()


@pytest.mark.parametrize(
    ("source", "target", "kind"),
    [
        ("그는 다시는 출마하지 않겠다고 약속했다.", "He promised to run for office again next year.",
         "negation_lost"),
        ("그는 다시는 출마하지 않겠다고 약속했다.", "He promised not to run for office again.", None),
        ("그는 시위에 참여하지 말라고 했다.", "He told them to join the protests in the capital.",
         "negation_lost"),
    ],
)
def test_a_negated_promise_or_quotation_is_held_when_lost(source, target, kind) -> None:
    assert held(source, target) == ([kind] if kind else [])


@pytest.mark.parametrize(
    "sentence",
    [
        "전문가들은 수출이 크게 감소했다고 분석했다.",  # judging: core, new to tense
        "그는 회담이 열릴 것이냐고 물었다.",  # a question: tense's own
        "그는 참석했다고 말했다.",
    ],
)
def test_tense_reads_the_same_verbs_as_speech(sentence: str) -> None:
    assert main_clause(sentence).speech


def test_an_answer_to_a_question_reports_what_was_answered():
    """"질문에 ... 수 없다고 답했다": kiwi reads 답했다 as 답 + 하, a verb of saying all the same."""
    from transdesk.qa import CheckContext, create_checks

    (check,) = create_checks(["polarity"])
    source = '국무부는 물밑 접촉이 있었느냐는 질문에 "확인해 줄 수 없다"고 답했다.'
    wrong = 'Asked about behind-the-scenes contact, the State Department replied, "We can confirm it."'
    right = 'Asked about behind-the-scenes contact, the department replied, "We cannot confirm it."'
    assert [f.kind for f in check.run(CheckContext(source, wrong))] == ["negation_lost"]
    assert check.run(CheckContext(source, right)) == []
