"""Figures that only name a position: a court instance, a top rank, a party, a designation.

"2심" is the appeals court, "1심" the first-instance (lower) court and "3심" the Supreme Court;
"1위" is "top"; "제1야당" is "the main opposition party"; "한미일 3국" is "South Korea, the United
States and Japan"; "재일교포 2세" is "second-generation". English copy names these positions in
words or not at all, so the figure is not demanded as a digit; but where the English does give a
position and it is another one ("the first-instance court" for 2심), it is wrong. So too a stage
of a tournament ("4강" the semifinals, "8강" the quarterfinals, "16강" the round of 16), a place
in the batting order ("4번 타자" the cleanup hitter), titles won ("3관왕" a treble), terms
served ("3선" a veteran, or a three-term lawmaker) and a court's numbered panel ("대법원 3부":
the Supreme Court, or its Third Division). A round ("2차 공판") is said, as a digit or a
word ("the second hearing", or "secondary" and "follow-up" for a second), like any ordinal, and so
is a place below the top ("third place"), though "runner-up" and "bronze" name one.
"""

from __future__ import annotations

import re

from transdesk.qa.quantities import ORDINAL_BY_VALUE, Quantity

_COURT = re.compile(r"\s?심(?![사의장리각])")
_ROUND = re.compile(r"\s?차(?![례량선원이장액익])")
_RANK = re.compile(r"\s?위(?![원협험반성치기안상헌조로])")
_DESIGNATION = re.compile(r"\s?호(?![텔주남소출응감흡황재칭봉])")
_GROUP = re.compile(r"\s?국(?![가-힣])|\s?국(?=[은는이가의을를과와간에])")
_PARTY = re.compile(r"\s?(?:야당|당(?![가-힣])|당[은이의을에]|교섭단체)")
_GENERATION_BEFORE = re.compile(r"(?:교포|동포|재일|재미|한인|이민|한국계|조선족)\s?$")
_GENERATION_AFTER = re.compile(r"\s?세(?:\s?(?:경영|세대|승계|들))")
# a stage of a knockout tournament: "4강" the semifinals, "8강" the quarterfinals, "16강"
_STAGE = re.compile(r"\s?강(?![가-힣])|\s?강(?:[에은는이의을과와도]|전|진출|행|에서|까지|권)")
_STAGES = (4, 8, 16, 32, 64)
# a slot in a batting order: "4번 타자" the cleanup hitter, "1번 타자" the leadoff hitter
_LINEUP = re.compile(r"\s?번\s?(?:타자|타순)")
# titles won at one event: "3관왕" a treble or triple crown
_TITLES = re.compile(r"\s?관왕")
# the last of a series, named so: "최종 4라운드" the final round, "마지막 5단식" the deciding singles
_FINAL_BEFORE = re.compile(r"(?:최종|마지막)\s?$")
_FINAL_AFTER = re.compile(r"\s?(?:라운드|단식|복식|세트|게임|경기|쿼터|회|차전|전)")
_FINAL_WORDS = re.compile(r"\b(?:final|last|deciding|closing|concluding)\b", re.IGNORECASE)
# a school year: "고등학교 3학년" (12th grade, the final year), "중학교 2학년" (eighth grade)
_SCHOOL_BEFORE = re.compile(r"(?P<school>초등학교|초교|중학교|고등학교|고교|대학교?)\s?$")
_GRADE = re.compile(r"\s?학년")
_US_GRADE_OFFSET = {"초등학교": 0, "초교": 0, "중학교": 6, "고등학교": 9, "고교": 9}
_LAST_YEAR_OF = {"초등학교": 6, "초교": 6, "중학교": 3, "고등학교": 3, "고교": 3, "대학": 4, "대학교": 4}
# a court's numbered panel: "대법원 3부", "서울고법 형사2부", "민사합의31부" (English copy names the
# court, or "the Third Division", or leaves the panel out)
_PANEL_BEFORE = re.compile(r"(?:대법원|고법|고등법원|지법|지방법원|법원|형사|민사|행정|가사|합의|소)\s?$")
_PANEL = re.compile(r"\s?부(?![가-힣])|\s?부[는가의에을이와과도]")
_PANELS_NAMED = re.compile(
    r"\b(?P<word>\w+)\s+(?:(?:criminal|civil|administrative|family)\s+)?(?:division|panel)\b"
    r"|\b(?:division|panel)\s+(?:No\.\s?)?(?P<number>\d+)\b",
    re.IGNORECASE,
)
# terms won in office: "3선 의원" a three-term lawmaker ("38선" is a parallel, not a term)
_TERM = re.compile(r"\s?선(?:\s?(?:의원|의|에|을|고지|도전|연임|째|이|으로|$)|\s)")

# the courts English copy names, by instance; the broad forms also count "on appeal" and the like
_COURTS = {
    1: r"\bfirst[\s-]instance\b|\blower\s+court\b|\bdistrict\s+court\b|\btrial\s+court\b",
    2: r"\bappeals?\s+court\b|\bappellate\s+court\b|\bcourt\s+of\s+appeals?\b|\bhigh\s+court\b"
    r"|\bsecond[\s-]instance\b",
    3: r"\bSupreme\s+Court\b|\btop\s+court\b|\bhighest\s+court\b|\bthird[\s-]instance\b",
}
_BROAD = {
    1: r"|\boriginal\s+trial\b|\bfirst\s+trial\b|\boriginal\s+(?:ruling|verdict)\b",
    2: r"|\bappeal(?:s|ed|late)?\b|\bsecond\s+trial\b",
    3: r"|\bfinal\s+(?:ruling|appeal|verdict)\b",
}
_INSTANCES = {k: re.compile(v, re.IGNORECASE) for k, v in _COURTS.items()}
_INSTANCES_BROAD = {k: re.compile(v + _BROAD[k], re.IGNORECASE) for k, v in _COURTS.items()}
_TOP = re.compile(
    r"\btop(?:ped|s)?\b|\bfirst[\s-]place\b|\bNo\.\s?1\b|\bnumber[\s-]one\b|\blead(?:ing|s|er)?\b"
    r"|\blargest\b|\bbiggest\b|\bhighest\b|\bbest\b|\bmost\b|\bmain\b|\bprimary\b|\bchief\b",
    re.IGNORECASE,
)
# a second round told as a repetition: "the retrial", "a rematch", "another round"; a second
# stage as what follows the first: "secondary damage", "a follow-up inspection"
_AGAIN = re.compile(
    r"\bre-?(?:trial|match|vote|run|take)s?\b|\banother\s+round\b|\bsecondary\b"
    r"|\bfollow[\s-]?up\b",
    re.IGNORECASE,
)
# how English copy names the stages of a knockout tournament, by the number of teams left
_STAGE_WORDS = {
    4: r"\bsemi[\s-]?finals?\b|\bsemis\b|\b(?:final|last)\s+four\b",
    8: r"\bquarter[\s-]?finals?\b|\b(?:final|last)\s+eight\b",
    16: r"\bround\s+of\s+(?:16|sixteen)\b|\blast[\s-](?:16|sixteen)\b|\bsweet\s+16\b",
    32: r"\bround\s+of\s+(?:32|thirty-two)\b|\blast[\s-](?:32|thirty-two)\b",
    64: r"\bround\s+of\s+64\b|\blast[\s-]64\b",
}
_STAGE_NAMES = {k: re.compile(v, re.IGNORECASE) for k, v in _STAGE_WORDS.items()}
# the places below the top that English names in words of their own
_PLACE_WORDS = {
    2: re.compile(r"\brunners?[\s-]up\b|\bsilver(?:[\s-]medal)?\b", re.IGNORECASE),
    3: re.compile(r"\bbronze(?:[\s-]medal)?\b", re.IGNORECASE),
}
_LINEUP_WORDS = {
    1: re.compile(r"\blead[\s-]?off\b", re.IGNORECASE),
    4: re.compile(r"\bclean[\s-]?up\b", re.IGNORECASE),
}
_TITLE_WORDS = {
    2: re.compile(r"\bdouble\b", re.IGNORECASE),
    3: re.compile(r"\btreble\b|\btriple\b|\bhat[\s-]trick\b", re.IGNORECASE),
}
# "a three-term lawmaker", "a two-time champion", "a third consecutive term"
_TERM_COUNT = re.compile(
    r"\b(?P<count>\w+)[\s-]+(?:term|time)\b"
    r"|\b(?P<ordinal>\w+)\s+(?:consecutive\s+|straight\s+)?term\b",
    re.IGNORECASE,
)
_COUNT_WORDS = {
    word: value
    for value, words in enumerate(
        (
            (),
            (),
            ("two", "second", "2"),
            ("three", "third", "3"),
            ("four", "fourth", "4"),
            ("five", "fifth", "5"),
            ("six", "sixth", "6"),
            ("seven", "seventh", "7"),
            ("eight", "eighth", "8"),
            ("nine", "ninth", "9"),
            ("ten", "tenth", "10"),
        )
    )
    for word in words
}
_GENERATION = re.compile(
    r"\b(?:second|third|fourth|2nd|3rd|4th)[\s-]generation\b|\bJr\b|\bjunior\b|\b(?:II|III|IV)\b",
    re.IGNORECASE,
)


def position_kind(quantity: Quantity, source: str) -> str | None:
    """What position the figure names ("court", "rank", "party", ...), or None if it counts."""
    if quantity.value != int(quantity.value) or quantity.value <= 0:
        return None
    value = int(quantity.value)
    before = source[max(0, quantity.start - 12) : quantity.start]
    after = source[quantity.end : quantity.end + 6]
    if _COURT.match(after) and value <= 3:
        return "court"
    if _PANEL.match(after) and _PANEL_BEFORE.search(before) and value <= 60:
        return "panel"
    if _STAGE.match(after) and value in _STAGES:
        return "stage"
    if _LINEUP.match(after) and value <= 9:
        return "lineup"
    if _TITLES.match(after) and value <= 10:
        return "titles"
    if _TERM.match(after) and 2 <= value <= 12:
        return "term"
    if before.endswith("제") and _PARTY.match(after):
        return "party"
    if _FINAL_BEFORE.search(before) and _FINAL_AFTER.match(after) and value <= 20:
        return "final"
    school = _SCHOOL_BEFORE.search(before)
    if school and _GRADE.match(after) and value <= 6:
        return f"grade:{school['school']}"
    if _GENERATION_BEFORE.search(before) or _GENERATION_AFTER.match(after):
        return "generation" if value <= 5 else None
    if _ROUND.match(after) and value <= 30:
        return "round"
    if _RANK.match(after) and value == 1:
        return "rank"  # "1위" is "top"; a lower rank is said ("third place", "No. 3")
    if _RANK.match(after) and value in _PLACE_WORDS:
        return "place"  # "2위": "second place", or in a word of its own ("runner-up")
    if _DESIGNATION.match(after) and value <= 1000:
        return "designation"
    if _GROUP.match(after) and not before.endswith("개") and value <= 30:
        return "group"
    return None


def court_instances(english: str, broad: bool = False) -> set[int]:
    """The court instances an English sentence names (1, 2, 3); `broad` counts "on appeal"."""
    patterns = _INSTANCES_BROAD if broad else _INSTANCES
    return {instance for instance, pattern in patterns.items() if pattern.search(english)}


def told_in_words(quantity: Quantity, kind: str, english: str) -> bool:
    """The English names the same position in words: "the appeals court" for 2심, "top" for 1위,
    "the main opposition party" for 제1야당, "second-generation" for 2세."""
    value = int(quantity.value)
    if kind == "court":
        return value in court_instances(english, broad=True)
    if kind in ("rank", "party") and value == 1:
        return _TOP.search(english) is not None
    if kind == "generation":
        return _GENERATION.search(english) is not None
    if kind == "round" and value == 2:
        return _AGAIN.search(english) is not None
    if kind == "stage":
        return _STAGE_NAMES[value].search(english) is not None
    if kind == "place":
        return _PLACE_WORDS[value].search(english) is not None
    if kind == "lineup" and value in _LINEUP_WORDS:
        return _LINEUP_WORDS[value].search(english) is not None
    if kind == "titles" and value in _TITLE_WORDS:
        return _TITLE_WORDS[value].search(english) is not None
    if kind == "final":
        return _FINAL_WORDS.search(english) is not None
    if kind.startswith("grade:"):
        return _grade_told(value, kind.removeprefix("grade:"), english)
    if kind == "panel":
        return value in _panels_named(english)
    return False


def _grade_told(value: int, school: str, english: str) -> bool:
    """A school year told as the American grade ("12th grade", "eighth-graders") or as the last
    year ("final year of high school", "seniors")."""
    if value == _LAST_YEAR_OF.get(school) and re.search(
        r"\b(?:final|last|senior)s?\b", english, re.IGNORECASE
    ):
        return True
    offset = _US_GRADE_OFFSET.get(school)
    if offset is None or not 1 <= value + offset <= 12:
        return False
    grade = value + offset
    named = rf"(?:{grade}(?:st|nd|rd|th)|{ORDINAL_BY_VALUE[grade]})[\s-]+grade"
    return re.search(rf"\b{named}|\bgrade\s+{grade}\b", english, re.IGNORECASE) is not None


def _panels_named(english: str) -> set[int]:
    """The numbers of the court panels an English sentence names ("the Third Division",
    "Criminal Division 2")."""
    numbers = set()
    for match in _PANELS_NAMED.finditer(english):
        if match["number"]:
            numbers.add(int(match["number"]))
            continue
        word = match["word"].lower()
        ordinal = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
        if ordinal or word in _COUNT_WORDS or word == "first":
            numbers.add(int(ordinal[1]) if ordinal else _COUNT_WORDS.get(word, 1))
    return numbers


def _terms_named(english: str) -> set[int]:
    """The counts of terms an English sentence gives in words ("three-term", "a third term")."""
    counts = set()
    for match in _TERM_COUNT.finditer(english):
        word = (match["count"] or match["ordinal"] or "").lower()
        if word in _COUNT_WORDS:
            counts.add(_COUNT_WORDS[word])
    return counts


def is_demanded(kind: str) -> bool:
    """Whether a position must still be said when the English names it in no words of its own:
    a round is ("the second hearing", "Game 5"), and a place below the top ("third place"); a
    court instance, a stage of a tournament or a top rank is not. A school year is ("fourth
    grade", "the final year of high school")."""
    return kind in ("round", "place") or kind.startswith("grade:")


def contradicts(quantity: Quantity, kind: str, english: str) -> bool:
    """The English names another position of the same kind and not this one: 2심 as "the lower
    court", 4강 as "the quarterfinals", 4번 타자 as "the leadoff hitter", 3선 as "two-term"."""
    value = int(quantity.value)
    if kind == "court":
        named = court_instances(english)
    elif kind == "stage":
        named = {k for k, pattern in _STAGE_NAMES.items() if pattern.search(english)}
    elif kind == "lineup":
        named = {k for k, pattern in _LINEUP_WORDS.items() if pattern.search(english)}
    elif kind == "term":
        named = _terms_named(english)
    elif kind == "place":
        named = {k for k, pattern in _PLACE_WORDS.items() if pattern.search(english)}
    elif kind == "panel":
        named = _panels_named(english)
    else:
        return False
    return bool(named) and value not in named


def is_generation(quantity: Quantity, source: str, english: str) -> bool:
    """ "케네디 2세" told as "Kennedy Jr." or "the second generation": a 세 after a figure that
    the English gives as a generation, not an age."""
    if quantity.value not in (2.0, 3.0, 4.0):
        return False
    if not re.match(r"\s?세(?![가-힣])|\s?세[가는의를]", source[quantity.end : quantity.end + 3]):
        return False
    return _GENERATION.search(english) is not None
