"""The terms check: approved renderings in every news-style shape, forbidden ones only where they
are wrong, nested terms, and missing terms held only when something wrong stands in their place."""

from __future__ import annotations

import pytest

from transdesk.glossary.approved import approved_forms, carries, is_approved_shape
from transdesk.glossary.forbidden import carries_rendering
from transdesk.glossary.matcher import Termbase
from transdesk.glossary.model import TermEntry, TermKind, TermStatus
from transdesk.glossary.starter import starter_entries
from transdesk.qa import CheckContext, create_checks

PARTY = TermEntry(
    "새미래당",
    "the New Future Party (NFP)",
    later="the NFP",
    forbidden=("Saemirae Party", "New Tomorrow Party"),
    kind=TermKind.ORGANISATION,
)
COUNCIL = TermEntry(
    "유엔 인권이사회",
    "the U.N. Human Rights Council",
    forbidden=("UN Human Rights Board",),
    kind=TermKind.ORGANISATION,
)
FESTIVAL = TermEntry(
    "북한 태양절",
    "North Korea's Day of the Sun",
    forbidden=("Sun Festival",),
    kind=TermKind.EVENT,
)
TALKS = TermEntry("4자회담", "the four-party talks", forbidden=("Four-Person Talks",))
CHIEF = TermEntry(
    "최고검사",
    "chief prosecutor",
    forbidden=("Supreme Prosecutor", "Prosecutor Park"),
    kind=TermKind.TITLE,
)
HOLIDAY = TermEntry("한글날", "Hangeul Day", forbidden=("Korean Alphabet Festival",))
ARMY = TermEntry(
    "해방군", "the Liberation Army", forbidden=("Liberation Military",), kind=TermKind.ORGANISATION
)
ARMY_CHIEF = TermEntry(
    "해방군 총사령관 박철",
    "Liberation Army commander Park Chol",
    later="Park",
    forbidden=("Commander-in-Chief Park Chol",),
    kind=TermKind.PERSON,
)
COMMANDER = TermEntry("총사령관", "commander", forbidden=("Supreme Commanding Officer",))
MINISTRY = TermEntry("해양부", "the Maritime Ministry", forbidden=("Ocean Department",))
DAY = TermEntry("광복절", "Liberation Day", forbidden=("Restoration Day",), kind=TermKind.EVENT)
PROPOSED = TermEntry("미래부", "the Future Ministry", status=TermStatus.PROPOSED)

TERMBASE = Termbase(
    [
        PARTY,
        COUNCIL,
        FESTIVAL,
        TALKS,
        CHIEF,
        HOLIDAY,
        ARMY,
        ARMY_CHIEF,
        COMMANDER,
        MINISTRY,
        DAY,
        PROPOSED,
    ]
)


def findings(source: str, target: str, termbase=TERMBASE):
    (check,) = create_checks(["terms"])
    return check.run(CheckContext(source, target, termbase=termbase))


def held(source: str, target: str, termbase=TERMBASE) -> list[str]:
    return sorted({f.kind for f in findings(source, target, termbase) if f.severity >= "major"})


# --- any approved shape counts as rendered ------------------------------------------------


@pytest.mark.parametrize(
    "english",
    [
        "The New Future Party (NFP) said on Monday it would vote no.",
        "New Future Party leaders said they would vote no.",  # no article, modifies a noun
        "The NFP said it would vote no.",  # the abbreviation alone
        "The N.F.P. said it would vote no.",  # periods in the abbreviation
        "The New Future Party's leader said it would vote no.",  # possessive
        "The new future party said it would vote no.",  # case
        "Both New Future parties said they would vote no.",  # plural
    ],
)
def test_every_shape_of_a_party_name_is_rendered(english):
    assert findings("새미래당은 반대표를 던지겠다고 밝혔다.", english) == []


@pytest.mark.parametrize(
    "english",
    [
        "It joined UN Human Rights Council resolutions on the matter.",
        "It joined United Nations Human Rights Council resolutions.",
        "It joined resolutions of the U.N. Human Rights Council.",
    ],
)
def test_periods_and_spelled_out_un_and_modified_heads_are_rendered(english):
    assert findings("유엔 인권이사회 결의에 동참했다.", english) == []


@pytest.mark.parametrize(
    "english",
    [
        "Day of the Sun celebrations were held in Pyongyang.",  # qualifier left out
        "North Korean Day of the Sun celebrations were held.",  # adjective for possessive
        "North Korea's Day of the Sun's parades were quiet.",  # possessive
    ],
)
def test_a_country_qualifier_may_change_shape_or_go(english):
    assert findings("북한 태양절 행사가 열렸다.", english) == []


@pytest.mark.parametrize(
    "english",
    ["the four party talks resumed", "the four-party talk resumed", "Four-Party Talks resumed"],
)
def test_hyphen_space_and_singular(english):
    assert findings("4자회담이 재개됐다.", english) == []


def test_an_institution_either_way_round():
    assert findings("해양부는 밝혔다.", "The Ministry of Maritime Affairs said.") == []
    assert carries("the Department of Justice", TermEntry("법무부", "the Justice Department"))


def test_the_engine_output_check_accepts_the_same_shapes():
    entry = TermEntry("김정은", "Kim Jong-un", later="Kim")
    assert carries_rendering("North Korea's Kim Jong Un said.", entry)
    assert not carries_rendering("Kimberly said.", entry)


def test_a_word_that_only_starts_like_the_rendering_is_not_it():
    (missing,) = findings("해방군이 철수했다.", "The Liberation Armyists withdrew.")
    assert missing.kind == "term_missing"


def test_approved_forms_keep_the_article_free_and_split_parentheses():
    forms = approved_forms(PARTY)
    assert {"New Future Party (NFP)", "New Future Party", "NFP"} <= set(forms)


def test_a_hyphenated_spelling_of_an_approved_name_is_never_forbidden():
    entry = TermEntry("홍길동", "Hong Gil Dong", forbidden=("Hong Gil-dong", "Hong Kil-tong"))
    assert is_approved_shape("Hong Gil-dong", entry)
    assert held("홍길동이 말했다.", "Hong Gil-dong said.", Termbase([entry])) == []
    assert held("홍길동이 말했다.", "Hong Kil-tong said.", Termbase([entry])) == [
        "forbidden_term",
        "term_missing",
    ]


# --- forbidden renderings inside longer approved phrases --------------------------------


def test_forbidden_inside_approved_renderings_of_the_sentences_terms_is_no_hit():
    # "Prosecutor Park" is forbidden for 최고검사, but here it is the tail of "chief prosecutor"
    # (approved) followed by "Park" (the later reference of the commander entry's person)
    source = "최고검사와 해방군 총사령관 박철이 만났다."
    english = "Chief Prosecutor Park met Liberation Army commander Park Chol."
    assert [f for f in findings(source, english) if f.kind == "forbidden_term"] == []


def test_forbidden_standing_alone_is_a_hit():
    found = findings("최고검사가 말했다.", "Prosecutor Park said.")
    assert {(f.kind, f.severity) for f in found} == {
        ("forbidden_term", "major"),
        ("term_missing", "major"),
    }


def test_forbidden_that_merely_contains_an_approved_rendering_is_still_a_hit():
    assert "forbidden_term" in held("해방군이 말했다.", "The Liberation Military said.")


# --- nested terms ----------------------------------------------------------------------


def test_nested_terms_are_checked_for_forbidden_renderings():
    source = "해방군 총사령관 박철이 연설했다."
    assert TERMBASE.match(source)[0].entry is ARMY_CHIEF  # the longest match
    english = "Liberation Military commander Park Chol gave a speech."
    found = [f for f in findings(source, english) if f.kind == "forbidden_term"]
    assert [english[slice(*f.target_span)] for f in found] == ["Liberation Military"]
    assert found[0].severity == "major"


def test_nested_terms_need_no_rendering_of_their_own():
    # the enclosing person entry is rendered by its later reference; 해방군 and 총사령관 are not
    assert findings("해방군 총사령관 박철이 연설했다.", "Park gave a speech.") == []


def test_match_all_keeps_what_match_gives():
    source = "해방군 총사령관 박철이 연설했다."
    every = TERMBASE.match_all(source)
    assert set(TERMBASE.match(source)) <= set(every)
    assert {m.entry.source for m in every} == {"해방군 총사령관 박철", "해방군", "총사령관"}


def test_a_term_made_of_rendered_nested_terms_is_rendered():
    termbase = Termbase([ARMY, COMMANDER, TermEntry("해방군 총사령관", "the Liberation Army chief")])
    english = "The commander of the Liberation Army spoke."
    assert findings("해방군 총사령관이 연설했다.", english, termbase) == []


def test_the_longest_overlapping_forbidden_hit_is_reported_once():
    termbase = Termbase([ARMY_CHIEF, COMMANDER, ARMY])
    english = "Commander-in-Chief Park Chol spoke."
    found = findings("해방군 총사령관 박철이 말했다.", english, termbase)
    assert [f.kind for f in found].count("forbidden_term") == 1


# --- a missing term holds only when something wrong stands in its place -----------------


@pytest.mark.parametrize(
    "english",
    [
        "The party said it would vote no.",  # shortened
        "It said it would vote no.",  # a pronoun
        "The opposition said it would vote no.",  # another way of saying it
    ],
)
def test_a_term_said_another_way_is_not_held(english):
    (missing,) = findings("새미래당은 반대표를 던지겠다고 밝혔다.", english)
    assert missing.kind == "term_missing" and missing.severity == "info"


def test_a_forbidden_rendering_in_its_place_holds():
    found = findings("새미래당은 반대했다.", "The New Tomorrow Party opposed it.")
    assert {(f.kind, f.severity) for f in found} == {
        ("forbidden_term", "major"),
        ("term_missing", "major"),
    }


def test_a_romanization_in_its_place_holds():
    (missing,) = findings("광복절 기념식이 열렸다.", "A Gwangbokjeol ceremony was held.")
    assert missing.severity == "major" and "romanization" in missing.message
    assert missing.target_span == (2, 14)


def test_a_romanized_name_is_only_a_spelling_variant():
    entry = TermEntry("평양", "Pyongyang", kind=TermKind.PLACE)
    (missing,) = findings("평양에서 열렸다.", "It was held in Pyeongyang.", Termbase([entry]))
    assert missing.severity != "major"


def test_a_romanization_of_a_name_approved_as_a_romanization_does_not_hold():
    (missing,) = findings("한글날 행사가 열렸다.", "Hangeulnal events were held.")
    assert missing.severity == "info"


def test_another_name_on_the_same_head_noun_is_for_an_editor():
    (missing,) = findings("새미래당은 반대했다.", "The Grand Unity Party opposed it.")
    assert missing.severity == "minor" and "Grand Unity Party" in missing.message


def test_a_proposed_entry_never_holds():
    found = findings("미래부는 밝혔다.", "The Ministry of Tomorrow said.")
    assert found and all(f.severity <= "minor" for f in found)


def test_a_lookup_without_match_all_still_checks_top_level_terms():
    class Plain:
        def match(self, text):
            return TERMBASE.match(text)

    assert held("해양부가 밝혔다.", "The Ocean Department said.", Plain()) == [
        "forbidden_term",
        "term_missing",
    ]


# --- the starter termbase on newsroom sentences -------------------------------------------


@pytest.fixture(scope="module")
def starter() -> Termbase:
    return Termbase([entry for _, entry in starter_entries()])


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("국민의힘은 반발했다.", "People Power Party lawmakers protested."),
        ("유엔 안전보장이사회 결의 위반이다.", "It violates U.N. Security Council resolutions."),
        ("김정은 총비서가 참석했다.", "General Secretary Kim attended."),
        ("북한 전승절 행사가 열렸다.", "Victory Day celebrations were held in Pyongyang."),
        ("윤석열 전 대통령이 출석했다.", "Former President Yoon Suk-yeol appeared in court."),
        (
            "김정은 총비서와 유엔 사무총장이 만났다.",
            "General Secretary Kim met U.N. Secretary-General Antonio Guterres.",
        ),
    ],
)
def test_starter_lets_correct_english_through(starter, source, english):
    assert held(source, english, starter) == []


@pytest.mark.parametrize(
    ("source", "english", "wrong"),
    [
        ("크렘린궁이 밝혔다.", "The Kremlin Palace said.", "Kremlin Palace"),
        ("김정은 위원장이 말했다.", "Commissioner Kim said.", "Commissioner Kim"),
        ("더불어민주당이 반대했다.", "The Together Democratic Party objected.", "Together"),
        (
            "김정은 북한 노동당 총비서가 참관했다.",
            "General Secretary of the Labor Party of North Korea Kim Jong-un watched.",
            "Labor Party of North Korea",
        ),
    ],
)
def test_starter_holds_wrong_english(starter, source, english, wrong):
    found = [f for f in findings(source, english, starter) if f.kind == "forbidden_term"]
    assert found and all(f.severity == "major" for f in found)
    assert any(wrong in english[slice(*f.target_span)] for f in found)
