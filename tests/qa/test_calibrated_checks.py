"""What human translations render otherwise (times, fractions, ages, foreign names, tense of
reported speech) passes; the same errors still do not. The dropped-clause model is calibrated."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.qa import CheckContext, create_checks
from transdesk.qa.calibration import dropped_clause_model, load_calibration
from transdesk.qa.korean_tense import main_clause, source_tense
from transdesk.qa.omission_model import FEATURES, features, fit, score

SEPT_2 = dt.date(2025, 9, 2)


def findings(check: str, source: str, target: str, **kw):
    (checker,) = create_checks([check])
    return checker.run(CheckContext(source, target, dateline=SEPT_2, **kw))


def kinds(check: str, source: str, target: str, **kw) -> list[str]:
    return sorted({f.kind for f in findings(check, source, target, **kw)})


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("시속 120km의 강풍", "winds of 75 mph", []),
        ("시속 120km의 강풍", "winds of 95 mph", ["number_added", "number_missing"]),
        ("975 m²의 반사경", "a 10,500-square-foot reflector", []),
        ("현지시간 7시 15분에 전화가 왔다.", "A call came at 0715.", []),
        ("오전 0시 26분 발생한 지진", "the quake, which struck about 12:26 a.m.", []),
        ("오후 5시에 끝났다.", "It ended at 5 p.m.", []),
        ("오후 5시에 끝났다.", "It ended at 6 p.m.", ["number_added", "number_missing"]),
        ("6.15 남북공동선언 5주년", "the fifth anniversary of the June 15 summit", []),
        ("지지율은 30%를 웃돌았다.", "just over a third back him", []),
        ("지지율은 30%를 웃돌았다.", "just over half back him", ["number_missing"]),
        ("2, 3년 전만 해도", "A couple years ago", []),
        ("2, 3년 전만 해도", "Years ago", ["number_missing"]),
        ("60대의 야다브(60)가 당선됐다.", "Yadav, who is in his 60s, won.", ["number_missing"]),
        ("10대 청소년들이 모였다.", "Teenagers gathered.", []),
        ("선진 8개국(G8) 정상회의", "the Group of Eight summit", []),
        ("선진 8개국 정상회의", "the G8 summit", []),
        ("30분 동안 회의했다.", "They met for half an hour.", []),
        ("MP3 플레이어를 샀다.", "He bought an MP3 player.", []),
        ("32명이 숨졌다.", "Thirty two people died.", []),
        ("주가는 0.79달러였다.", "The stock was $.79.", []),
        ("입장료는 500유로다.", "Admission is euro500.", []),
        ("기온은 22~25도였다.", "Temperatures were 72-78 degrees Fahrenheit.", []),
        ("시속 178~209km의 강풍", "winds of 111 to 130 mph", []),
        ("110m 허들에서 13초04를 기록했다.", "He ran the 110m hurdles in 13.04 seconds.", []),
        (
            "110m 허들에서 13초04를 기록했다.",
            "He ran the hurdles in 13.4 seconds.",
            ["number_added", "number_missing"],
        ),
        ("그는 15일짜리 부상자 명단에 올랐다.", "He went on the 15-day disabled list.", []),
        # a figure said twice in Korean may be said once in English, if it is the same quantity
        ("90년 전 총살됐다. 그들이 죽은지 90년이 흐른 뒤", "It was 90 years ago.", []),
        (
            "3주 전에도 돌진해 3명이 숨졌다.",
            "three weeks after, killing people",
            ["number_missing"],
        ),
        # a changed figure is not a dropped one: an age or a "1" changed is major
        (
            "카라지치(63)는 기소됐다.",
            "Karadzic, 68, was charged.",
            ["number_added", "number_missing"],
        ),
        (
            "1급 허리케인이 됐다.",
            "It became a Category 5 hurricane.",
            ["number_added", "number_missing"],
        ),
        ("1급 허리케인이 됐다.", "It became a hurricane.", []),
    ],
)
def test_numbers_rendered_otherwise(source, target, expected):
    assert kinds("numbers", source, target) == expected


@pytest.mark.parametrize(
    ("source", "target", "severity"),
    [
        ("결선에서 야다브(63)가 당선됐다.", "Yadav, in his 60s, won.", "minor"),
        ("결선에서 야다브(63)가 당선됐다.", "Yadav, in his sixties, won.", "minor"),
        ("조앤(가명, 26)이 알고 싶어 한다.", "That's what Joanne wants to know.", "major"),
        ("야다브(60)가 당선됐다.", "Yadav won.", "major"),
        ("구조대 26명이 출동했다.", "Lifeguards responded.", "major"),
    ],
)
def test_an_age_told_as_a_bracket_is_minor_a_dropped_age_is_not(source, target, severity):
    assert [f.severity for f in findings("numbers", source, target)] == [severity]


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("그러나 볼턴은 오시마를 만났다.", "But Bolton met with Oshima.", []),
        ("사우스 차이나 모닝 포스트가 보도했다.", "The South China Morning Post said.", []),
        ("그러나 볼턴은 오시마를 만났다.", "But Bolton met with Ono.", ["name_missing"]),
        ("이재명 대통령이 말했다.", "President Park Jae-myung said.", ["name_missing"]),
        ("이재명 대통령이 말했다.", "President Park Jaemyung said.", ["name_missing"]),
    ],
)
def test_foreign_names_in_hangul(source, target, expected):
    assert kinds("names", source, target) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (
            "경찰은 26일 이들이 문을 열려 했다고 밝혔다.",
            "Police will say they tried.",
            ["past_as_future"],
        ),
        ("그는 방한할 것이라고 말했다.", "He will say he visits.", ["past_as_future"]),
        ("그는 내년에 방한할 것이라고 말했다.", "He said he will visit next year.", []),
        ("곰은 또다시 공격할 수 있다고 말했다.", "They will do it again, he said.", []),
        ("86명이 체포된 것으로 알려졌다.", "86 people will be arrested.", ["past_as_future"]),
        ("86명이 체포된 것으로 알려졌다.", "86 people were arrested.", []),
        ("2년 안에 완료되길 바란다고 말했다.", "He said it will be done in two years.", []),
        ("취임을 26시간 앞둔 오바마는 일정을 시작했다.", "the man who will be president", []),
    ],
)
def test_tense_of_reported_speech(source, target, expected):
    assert kinds("tense", source, target) == expected


@pytest.mark.parametrize(
    ("source", "past", "future", "main_past", "speech"),
    [
        ("두 정상은 평양에서 만났다.", True, False, True, False),
        ("그는 방한할 것이라고 밝혔다.", True, True, True, True),
        ("한 것으로 알려졌다.", True, False, True, False),
        ("정상회의는 오는 5일 열린다.", False, False, False, False),
    ],
)
def test_korean_tense(source, past, future, main_past, speech):
    assert source_tense(source) == (past, future)
    clause = main_clause(source)
    assert (clause.past, clause.speech) == (main_past, speech)


FULL = (
    "김정일 북한 지도자와 고이즈미 주니치로 일본 총리는 이 회담에서 양국이 외교 관계 수립에 "
    "관한 협의를 재개한다는 데 합의했다고 일본의 NHK 공영 방송이 전했다."
)
FULL_EN = (
    "North Korean leader Kim Jong Il and Japanese Prime Minister Junichiro Koizumi agreed at "
    "the summit that their two nations would resume talks on establishing diplomatic ties, "
    "Japan's NHK public broadcaster said."
)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (FULL_EN, []),
        (
            (
                "Their two nations would resume talks on establishing diplomatic ties, "
                "Japan's NHK public broadcaster said."
            ),
            ["too_short"],
        ),
    ],
)
def test_dropped_clause_model(target, expected):
    assert kinds("omission", FULL, target) == expected


def test_shipped_model_is_calibrated_on_dev():
    model = dropped_clause_model()
    assert model is not None and model["features"] == list(FEATURES)
    assert model["references_flagged"] <= 0.03 and model["dropped_clauses_flagged"] >= 0.5
    assert len(features(FULL, FULL_EN)) == len(FEATURES) == len(model["weights"])
    assert 0 <= score(features(FULL, FULL_EN), model) < float(model["threshold"])


def test_without_a_model_the_length_bands_decide():
    bands_only = {"length_ratio": load_calibration()["length_ratio"]}
    context = CheckContext(FULL, "Talks resume.", calibration=bands_only)
    (checker,) = create_checks(["omission"])
    (found,) = checker.run(context)
    assert found.kind == "too_short" and "expected at least" in found.message


def test_fit_separates_two_groups():
    rows = [[-1.0, 0.0], [-0.8, 0.1], [-1.2, -0.1], [1.0, 0.0], [0.9, 0.2], [1.1, -0.2]]
    bias, *weights = fit(rows, [1, 1, 1, 0, 0, 0])
    model = {"bias": bias, "weights": weights}
    assert score([-1.0, 0.0], model) > 0.8 and score([1.0, 0.0], model) < 0.2


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("9/11 테러 7주년 기간 동안", "during the anniversary of the September 11 attacks", []),
        ("6.15 공동선언 5주년", "the fifth anniversary of the June 15 declaration", []),
        ("올림픽이 열린다.", "The Olympics open on August 9.", ["date_mismatch"]),
    ],
)
def test_a_date_from_nowhere(source, target, expected):
    assert kinds("dates", source, target) == expected
    if expected:
        assert findings("dates", source, target)[0].severity == "major"
