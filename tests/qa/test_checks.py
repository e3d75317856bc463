"""Each check, on a table of sentence pairs: what it must flag, and what it must let through."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.errors import ConfigurationError
from transdesk.qa import CheckContext, create_checks

SEPT_2 = dt.date(2025, 9, 2)


def kinds(check: str, source: str, target: str, dateline=SEPT_2, termbase=None, **kw):
    (checker,) = create_checks([check])
    context = CheckContext(source, target, dateline=dateline, termbase=termbase, **kw)
    return sorted({f.kind for f in checker.run(context)})


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("전승절 80주년 행사", "the 80th anniversary of Victory Day", []),
        ("약 1년 3개월 만이다.", "the first in about 1 year and 3 months", []),
        ("물가가 3.5% 올랐다.", "Prices rose 3.5 percent.", []),
        ("1억 2천만 달러를 지원한다.", "It will provide $120 million.", []),
        ("69명이 숨졌다.", "69 people died.", []),
        ("초당 12조3천억 번의 계산", "12.3 trillion calculations a second", []),
        ("6개 의회 도서관", "six Libraries of Congress", []),
        ("240km 떨어진 곳", "about 150 miles away", []),  # converted units are fine
        ("69명이 숨졌다.", "96 people died.", ["number_added", "number_missing"]),
        ("69명이 숨졌다.", "Many people died.", ["number_missing"]),
        (
            "1억 2천만 달러를 지원한다.",
            "It will provide $12 million.",
            ["number_added", "number_missing"],
        ),
        ("사고가 났다.", "Seven people were hurt in 2 crashes.", ["number_added"]),
        ("9월 11일 테러", "the September 11 attacks", []),  # dates are the dates check's
        ("교황 베네딕토 16세가 말했다.", "Pope Benedict XVI said.", []),
        ("2차 세계대전 당시", "during World War II", []),
        ("10억 달러 연구소", "a billion-dollar research lab", []),
        ("15m 간격으로", "55 meters (49 feet) apart", ["number_added", "number_missing"]),
        ("2명이 숨지고 2명이 다쳤다.", "Two died and others were hurt.", ["number_missing"]),
    ],
)
def test_numbers(source, target, expected):
    assert kinds("numbers", source, target) == expected


def test_number_missing_is_major_and_names_the_number():
    (checker,) = create_checks(["numbers"])
    (found,) = checker.run(CheckContext("69명이 숨졌다.", "Many people died."))
    assert found.severity == "major" and "69" in found.message and found.source_span == (0, 2)


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("크렘린궁은 2일 밝혔다.", "The Kremlin said on Sept. 2.", []),
        ("크렘린궁은 2일 밝혔다.", "The Kremlin said Tuesday.", []),  # Sept. 2, 2025 is a Tuesday
        ("크렘린궁은 2일 밝혔다.", "The Kremlin said on the 2nd.", ["relative_date"]),
        (
            "크렘린궁은 2일 밝혔다.",
            "The Kremlin said on Sept. 3.",
            ["date_mismatch", "date_missing"],
        ),
        ("2019년 4월 만났다.", "They met in April 2019.", []),
        ("2019년 4월 만났다.", "They met in May 2019.", ["date_mismatch", "date_missing"]),
        ("9월 11일 테러", "the September 12 attacks", ["date_mismatch", "date_missing"]),
        ("1992년 중단했다.", "It stopped in 1992.", []),
        ("7~9월 사이에", "between July and September", []),
        ("2004년 2월 이후", "since February 2005", ["date_mismatch", "date_missing"]),
        ("지난 2월 30대 남성과", "in February to a man in his 30s", []),
        ("1992년 중단했다.", "It stopped in 1993.", ["date_mismatch", "date_missing"]),
        ("지난해 6월 만났다.", "They met in June last year.", []),
        ("전날 출발했다.", "He left the day before.", ["relative_date"]),
        ("전날 출발했다.", "He left on Sept. 1.", []),
        # a month, a year or a day the source's dates do not account for
        ("7~9월 사이에", "between July and October", ["date_mismatch"]),
        (
            "계약기간은 2011년 6월30일.",
            "a contract through June 30, 2012",
            ["date_mismatch", "date_missing"],
        ),
        ("계약기간은 2011년 6월30일.", "a contract through June 30, 2011", []),
        ("2005~2006년 정상으로 이끌었다", "to titles in 2005 and 2006", []),
        ("2005~2006년 정상으로 이끌었다", "in the 2005-06 season", []),
        (
            "2005~2006년 정상으로 이끌었다",
            "to titles in 2005 and 2007",
            ["date_mismatch", "date_missing"],
        ),
        (
            "크렘린궁은 2일 밝혔다.",
            "The Kremlin said on the 3rd.",
            ["date_mismatch", "date_missing"],
        ),
        ("회담이 열렸다.", "The talks were held in February.", ["date_mismatch"]),
        ("지난달 회담이 열렸다.", "The talks were held in August.", []),  # dated Sept. 2
        (
            "지난달 회담이 열렸다.",
            "The talks were held in February.",
            ["date_mismatch", "date_missing"],
        ),
    ],
)
def test_dates(source, target, expected):
    assert kinds("dates", source, target) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [  # an absolute date told relative to the dateline (Sept. 2, 2025)
        ("2024년 서울에 도착했다.", "He arrived in Seoul last year.", []),
        ("2023년 서울에 도착했다.", "He arrived in Seoul two years ago.", []),
        ("2023년 서울에 도착했다.", "He arrived in Seoul last year.", ["date_missing"]),
        ("2025년 8월 서울에 도착했다.", "He arrived in Seoul last month.", []),
        ("2025년 6월 서울에 도착했다.", "He arrived in Seoul last month.", ["date_missing"]),
    ],
)
def test_absolute_dates_told_relative_to_the_dateline(source, target, expected):
    assert kinds("dates", source, target) == expected


def test_without_a_dateline_a_month_told_relative_is_not_checked_a_year_is():
    assert kinds("dates", "그는 6월 서울에 도착했다.", "He arrived last month.", None) == []
    # a written year is not excused without a dateline: "this year" may be the source's "올해"
    assert kinds("dates", "2007년 서울에 도착했다.", "He arrived last year.", None) == [
        "date_missing"
    ]
    # an English that writes a year of its own must write the source's
    assert kinds(
        "dates", "2005년 퇴출된 후 올해 합류했다.", "Out since 2006, he joined this year.", None
    ) == ["date_missing"]


def test_without_a_dateline_a_relative_month_could_be_any_month():
    assert kinds("dates", "지난달 회담이 열렸다.", "The talks were held in February.", None) == []
    assert kinds("dates", "지난 5일 회견을 열었다.", "He spoke on Aug. 6.", None) == [
        "date_mismatch",
        "date_missing",
    ]


def test_unresolved_relative_date_proposes_the_news_style_date():
    (checker,) = create_checks(["dates"])
    found = checker.run(
        CheckContext(
            "지난달 31일 도착했다.", "He arrived on the 31st of last month.", dateline=SEPT_2
        )
    )
    assert [f.suggestion for f in found] == ["Aug. 31"]


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (
            "두 정상은 지난해 6월 평양에서 만난 바 있다.",
            "The two leaders are set to meet in Pyongyang in June 2024.",
            ["past_as_future"],
        ),
        (
            "두 정상은 지난해 6월 평양에서 만났다.",
            "The two leaders will meet in Pyongyang.",
            ["past_as_future"],
        ),
        (
            "두 정상은 지난해 6월 평양에서 만났다.",
            "The two leaders met in Pyongyang in June last year.",
            [],
        ),
        ("그는 내년에 방한할 것이라고 밝혔다.", "He said he will visit next year.", []),
        ("정상회의는 오는 5일 열린다.", "The summit opened on Sept. 5.", ["future_as_past"]),
        ("정상회의는 오는 5일 열린다.", "The summit will open on Sept. 5.", []),
        ("630만 달러를 주기로 했다.", "It will pay $6.3 million.", []),
        # reported action in the present is what is coming: "축소한다고 밝혔다"
        ("정부는 예산을 축소한다고 밝혔다.", "The government said it will cut the budget.", []),
        ("그는 경제가 약했다고 말했다.", "He said the economy will be weak.", ["past_as_future"]),
    ],
)
def test_tense(source, target, expected):
    assert kinds("tense", source, target) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("크렘린궁은 2일 밝혔다.", "The Kremlin said on Sept. 2.", []),
        ("크렘린궁은 2일 밝혔다.", "Kremlin Palace stated on Sept. 2.", ["forbidden_term"]),
        ("크렘린궁은 2일 밝혔다.", "Moscow said on Sept. 2.", ["term_missing"]),
        ("김정은 위원장", "Commissioner Kim Jong-un", ["forbidden_term"]),
        (
            "노동당 총비서",
            "General Secretary of the Labor Party of North Korea",
            ["forbidden_term", "term_missing"],
        ),
        ("김정은 위원장이 도착했다.", "Kim arrived.", []),  # the later-reference rendering
        ("아무 용어도 없다.", "No terms here.", []),
    ],
)
def test_terms(termbase, source, target, expected):
    assert kinds("terms", source, target, termbase=termbase) == expected


def test_terms_without_a_termbase_has_nothing_to_do():
    assert kinds("terms", "크렘린궁은 밝혔다.", "Kremlin Palace said.") == []


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("김정은 위원장이 도착했다.", "Kim Jong-un arrived.", []),
        ("이재명 대통령이 말했다.", "President Lee Jae-myung said.", []),
        ("이재명 대통령이 말했다.", "President Yi said.", []),  # another spelling of 이
        ("이재명 대통령이 말했다.", "President Park Jae-myung said.", ["name_missing"]),
        ("오바마 대통령이 말했다.", "President Obama said.", []),  # not a Korean name
        ("IBM이 만들었다.", "IBM built it.", []),
        ("IBM이 만들었다.", "The company built it.", ["latin_name_missing"]),
        # common nouns that look like a family name and a given name are not names
        ("그는 유전자 검사를 받았다.", "He took a DNA test.", []),
        ("경제학 교수가 말했다.", "A business professor said.", []),
    ],
)
def test_names(source, target, expected):
    assert kinds("names", source, target) == expected


def test_name_finding_suggests_the_newsroom_romanization():
    (checker,) = create_checks(["names"])
    (found,) = checker.run(CheckContext("박정민 장관이 말했다.", "The minister said."))
    assert found.suggestion == "Park Jeong-min"


def test_names_covered_by_the_termbase_are_left_to_the_terms_check(termbase):
    assert (
        kinds("names", "김정은 위원장이 도착했다.", "The leader arrived.", termbase=termbase) == []
    )


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("그는 말했다.", "He said.", []),
        ("그는 말했다.", "그는 말했다.", ["identical"]),
        ("그는 말했다.", "He 말했다.", ["hangul"]),
        ("그는 말했다.", "   ", ["empty"]),
        ("에너지省 차관", "the Energy 省 official", ["hanja"]),
        ("그는 말했다.", "He said Путин.", ["script"]),
    ],
)
def test_untranslated(source, target, expected):
    assert kinds("untranslated", source, target) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (
            "크렘린궁은 2일 푸틴 대통령과 김정은 위원장이 대화를 이어갈 것이라고 밝혔다.",
            "The Kremlin said on Sept. 2 that Putin and Kim would continue their dialogue.",
            [],
        ),
        (
            "크렘린궁은 2일 푸틴 대통령과 김정은 위원장이 대화를 이어갈 것이라고 밝혔다.",
            "The Kremlin said.",
            ["too_short"],
        ),
        (
            "그는 말했다.",
            "He said that the talks, which had been going on for a very long time, would "
            + "continue for many more months and perhaps for years to come, as both sides agreed.",
            ["too_long"],
        ),
        ("회담이 열렸다.", "The talks were held the talks were held.", ["repetition"]),
        (
            "유엔(국제연합 안전보장이사회)이 밝혔다.",
            "The U.N. said so in a statement today.",
            ["parenthesis_dropped"],
        ),
    ],
)
def test_omission(source, target, expected):
    assert kinds("omission", source, target) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (
            '그는 "대화가 있을 것으로 생각한다"고 말했다.',
            'He said, "We think there will be talks."',
            [],
        ),
        (
            '그는 "대화가 있을 것으로 생각한다"고 말했다.',
            "He said there would be talks.",
            ["quote_dropped"],
        ),
        ("'핵심' 기술", "key technology", []),  # emphasis, not speech
    ],
)
def test_quotes(source, target, expected):
    assert kinds("quotes", source, target) == expected


def test_unknown_check_lists_the_known_ones():
    with pytest.raises(ConfigurationError) as error:
        create_checks(["spelling"])
    assert "numbers" in str(error.value)
