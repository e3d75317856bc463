"""Figures that only name a position: a court instance, a top rank, a party, a designation.

"2심" is the appeals court, "1심" the first-instance (lower) court and "3심" the Supreme Court;
"1위" is "top"; "제1야당" is "the main opposition party"; "한미일 3국" is "South Korea, the United
States and Japan"; "재일교포 2세" is "second-generation". English copy names these positions in
words or not at all, so the figure is not demanded as a digit; but where the English does give a
position and it is another one ("the first-instance court" for 2심), it is wrong. A round ("2차
공판") is said, as a digit or a word ("the second hearing"), like any ordinal.
"""

from __future__ import annotations

import re

from transdesk.qa.quantities import Quantity

_COURT = re.compile(r"\s?심(?![사의장리각])")
_ROUND = re.compile(r"\s?차(?![례량선원이장액익])")
_RANK = re.compile(r"\s?위(?![원협험반성치기안상헌조로])")
_DESIGNATION = re.compile(r"\s?호(?![텔주남소출응감흡황재칭봉])")
_GROUP = re.compile(r"\s?국(?![가-힣])|\s?국(?=[은는이가의을를과와간에])")
_PARTY = re.compile(r"\s?(?:야당|당(?![가-힣])|당[은이의을에]|교섭단체)")
_GENERATION_BEFORE = re.compile(r"(?:교포|동포|재일|재미|한인|이민|한국계|조선족)\s?$")
_GENERATION_AFTER = re.compile(r"\s?세(?:\s?(?:경영|세대|승계|들))")

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
# a second round told as a repetition: "the retrial", "a rematch", "another round"
_AGAIN = re.compile(r"\bre-?(?:trial|match|vote|run|take)s?\b|\banother\s+round\b", re.IGNORECASE)
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
    if before.endswith("제") and _PARTY.match(after):
        return "party"
    if _GENERATION_BEFORE.search(before) or _GENERATION_AFTER.match(after):
        return "generation" if value <= 5 else None
    if _ROUND.match(after) and value <= 30:
        return "round"
    if _RANK.match(after) and value == 1:
        return "rank"  # "1위" is "top"; a lower rank is said ("third place", "No. 3")
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
    return False


def is_demanded(kind: str) -> bool:
    """Whether a position must still be said when the English names it in no words of its own:
    a round is ("the second hearing", "Game 5"); a court instance or a top rank is not."""
    return kind == "round"


def contradicts(quantity: Quantity, kind: str, english: str) -> bool:
    """The English names another court instance and not this one (2심 as "the lower court")."""
    if kind != "court":
        return False
    named = court_instances(english)
    return bool(named) and int(quantity.value) not in named


def is_generation(quantity: Quantity, source: str, english: str) -> bool:
    """ "케네디 2세" told as "Kennedy Jr." or "the second generation": a 세 after a figure that
    the English gives as a generation, not an age."""
    if quantity.value not in (2.0, 3.0, 4.0):
        return False
    if not re.match(r"\s?세(?![가-힣])|\s?세[가는의를]", source[quantity.end : quantity.end + 3]):
        return False
    return _GENERATION.search(english) is not None
