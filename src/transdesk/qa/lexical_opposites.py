"""Negated Korean predicates that English tells with an affirmative opposite.

"잊지 않았다" is "remembered", "멈추지 않았다" "continued", "놓치지 않았다" "seized", "금치
못했다" "expressed", "부족하지 않다" "has enough", "쉽지 않다" "is hard": a correct translation
carries no negation at all. For these stems the negation is lost only where the English states
the stem's own sense outright, unnegated: "He forgot", "There are few barriers" (for "장벽이
적지 않다": many), "It is easy". `OWN_SENSE` holds, per kiwi stem, the English of that sense.
"""

from __future__ import annotations

import re

_SENSES: dict[str, str] = {
    # failing: 실패했다 is told by what went wrong ("the rocket exploded in midair") as often as
    # by "failed"; what reverses it is a success
    "실패": r"succe(?:ed|eds|eded|eding|ss|ssful|ssfully)|managed\s+to|pulled\s+off|"
    r"accomplish(?:ed|es)?|achiev(?:ed|es)",
    # remembering and missing: 잊지 않다 (remember), 놓치지 않다 (seize), 빠뜨리지 않다 (include)
    "잊": r"forg[eo]t\w*",
    "놓치": r"miss(?:es|ed|ing)?|lost|los(?:e|es|ing)|let\s+\w+\s+slip|passed\s+up",
    "빠뜨리": r"omit\w*|left\s+out|leav(?:e|es|ing)\s+out|miss(?:es|ed|ing)?",
    "빼놓": r"omit\w*|left\s+out|leav(?:e|es|ing)\s+out|miss(?:es|ed|ing)?",
    # agreeing, cancelling, raising: 동의하지 않다 (oppose), 취소하지 않다 (go ahead), 늘리지
    # 않다 (keep it at); the negation is lost where the English says they agreed, cancelled, raised
    "동의": r"agree(?:s|d)?|consent\w*|approv\w*",
    "취소": r"cancel\w*|call(?:s|ed)?\s+off|scrap\w*",
    "늘리": r"increas\w*|rais(?:e|es|ed)|extend\w*|expand\w*|lengthen\w*",
    "인상": r"rais(?:e|es|ed)|hik(?:e|es|ed)|increas\w*",
    # stopping something: 막지 못하다 (failed to stop, the attack got through)
    "막": r"block\w*|stop(?:s|ped|ping)?|prevent\w*|thwart\w*|avert\w*|halt\w*",
    "연장": r"extend\w*|prolong\w*|lengthen\w*",
    # not accepting a ruling, not complying: 불복 (challenged, contested, appealed), 불응 (defied)
    "불복": r"accept\w*|abid(?:e|es|ed|ing)\s+by|compl(?:y|ies|ied)|submit\w*|acknowledg\w*",
    "불응": r"compl(?:y|ies|ied)|obey\w*|heed\w*|answer(?:s|ed)?\s+the|accept\w*",
    # breaking a rule: 위배되지 않다, 위반하지 않다 (is constitutional, complies, is lawful)
    "위배": r"(?<!un)violat\w*|breach\w*|contraven\w*|unconstitutional|unlawful|illegal",
    "위법": r"illegal\w*|unlawful\w*|(?<!un)violat\w*|breach\w*",
    "위반": r"(?<!un)violat\w*|breach\w*|contraven\w*|unlawful|illegal",
    # exceeding: 넘지 않다, 초과하지 않다, 웃돌지 않다 (stayed at or below, within, capped at)
    "넘": r"exceed\w*|surpass\w*|top(?:s|ped)\b|(?:more|higher|greater)\s+than|above|over|"
    r"br(?:oke|eaks?|eaking)\b|crack(?:s|ed)?\b",  # 벽을 넘지 못하다: fell short of breaking
    "초과": r"exceed\w*|surpass\w*|(?:more|higher|greater)\s+than|above|over",
    "웃돌": r"exceed\w*|surpass\w*|top(?:s|ped)\b|(?:more|higher|greater)\s+than|above",
    # excluding: 배제하지 않다 (left the possibility open, kept it on the table)
    "배제": r"rul(?:e|es|ed|ing)\s+(?:\w+\s+)?out|exclud\w*|dismiss\w*",
    # losing: 잃지 않다 (kept their focus, held on to)
    "잃": r"los(?:e|es|ing|t)",
    # keeping and worsening: 유지하지 않기로 (lift, end), 악화되지 않고 (remained stable)
    "유지": r"maintain\w*|keep(?:s|ing)?|kept|retain\w*|uphold\w*|upheld|sustain\w*|preserv\w*",
    "악화": r"worsen\w*|deteriorat\w*|aggravat\w*|(?:got|gets|grew|grow|grows)\s+worse",
    # running counter: 헌법에 어긋나지 않다 (is constitutional, consistent with)
    "어긋나": r"violat\w*|contraven\w*|unconstitutional|run(?:s|ning)?\s+counter|ran\s+counter|"
    r"conflict\w*|inconsistent|breach\w*|at\s+odds",
    # harm: 해롭지 않다 (safe, harmless)
    "해롭": r"harmful|hazardous|toxic|poisonous|dangerous|unsafe|detrimental|damaging",
    # haste: 서두르지 않다 (take one's time, proceed with caution)
    "서두르": r"hurr(?:y|ies|ied|ying)|rush(?:es|ed|ing)?|hast(?:e|en|ens|ened|ily)|"
    r"speed(?:s|ed|ing)?\s+up|fast-track\w*|expedit\w*",
    # harm: 다치지 않다 (unhurt, escaped injury); "minor injuries" tells 크게 다치지 않았다
    "다치": r"(?<!minor\s)(?<!light\s)(?<!slight\s)(?:injur\w*|hurt|wound\w*)",
    # weight: 가볍지 않다 (serious), 무겁지 않다 (light)
    "가볍": r"light|lenient|minor|mild|trivial",
    "무겁": r"heavy|severe|grave|serious",
    # stopping: 멈추지 않다, 그치지 않다, 끊이지 않다 (continue, keep on)
    "멈추": r"stop\w*|halt\w*|ceas\w*|paus\w*|end(?:s|ed)?",
    "그치": r"stop\w*|halt\w*|ceas\w*|end(?:s|ed)?",
    "끊이": r"stop\w*|ceas\w*|end(?:s|ed)?",
    # hiding and holding back: 감추지 못하다 (show), 금치 못하다 (express), 참지 못하다
    "감추": r"hid|hid(?:e|es|ing|den)|conceal\w*|mask\w*",
    "숨기": r"hid|hid(?:e|es|ing|den)|conceal\w*|mask\w*",
    "금": r"hid|hid(?:e|es|ing|den)|conceal\w*|suppress\w*|contain\w*",
    "참": r"contain\w*|suppress\w*|held\s+back|hold\w*\s+back|bear|bore|endur\w*|tolerat\w*",
    "억누르": r"suppress\w*|contain\w*|restrain\w*|held\s+back|hold\w*\s+back",
    # yielding: 굴하지 않다, 굽히지 않다, 물러서지 않다, 흔들리지 않다 (stand firm)
    "굴하": r"yield\w*|bow(?:s|ed)?|succumb\w*|g[ai]ve\s+in|cave[ds]?|surrender\w*",
    "굽히": r"yield\w*|bow(?:s|ed)?|bent|bend\w*|back(?:s|ed)?\s+down|budg\w*",
    "물러서": r"back(?:s|ed)?\s+down|retreat\w*|yield\w*|budg\w*",
    "흔들리": r"shak\w*|shook|waver\w*",
    # sparing, hesitating, giving up: 아끼지 않다 (spare no effort), 주저하지 않다, 포기하지 않다
    "아끼": r"spar(?:e|es|ed|ing)|stint\w*|sav(?:e|es|ed|ing)",
    "주저": r"hesitat\w*",
    "망설이": r"hesitat\w*",
    "포기": r"g[ai]ve\s+up|giv(?:es|ing)\s+up|abandon\w*|quit\w*",
    "늦추": r"slow\w*|eas(?:e|es|ed|ing)|relax\w*|loosen\w*|let\s+up",
    # changing: 변하지 않다, 바뀌지 않다, 달라지지 않다 (remain, stay the same)
    "변하": r"chang\w*|shift\w*",
    "바뀌": r"chang\w*|shift\w*",
    "달라지": r"chang\w*|shift\w*|differ\w*",
    "다르": r"differ\w*",
    # amounts and degrees: 적지 않다 (many), 많지 않다 (few), 부족하지 않다 (enough)
    "적": r"(?<!quite\sa\s)(?<!not\sa\s)few|little|small|low",
    "많": r"many|much|numerous|plenty|a\s+lot|lots",
    "작": r"small|little|minor|slight\w*",
    "크": r"big|large|great|major|significant\w*|huge",
    "부족": r"short\w*|lack\w*|insufficient|inadequate|scarc\w*|deficien\w*",
    "모자라": r"short\w*|lack\w*|insufficient|inadequate|scarc\w*",
    "충분": r"enough|sufficient\w*|adequate\w*",
    # clarity: 분명하지 않다, 명확하지 않다, 확실하지 않다 (is unclear, remains uncertain)
    "분명": r"clear(?:ly)?|certain(?:ly)?|evident\w*|obvious\w*",
    "명확": r"clear(?:ly)?|certain(?:ly)?|evident\w*|obvious\w*",
    "확실": r"clear(?:ly)?|certain(?:ly)?|sure|definite\w*",
    # complexity: 복잡하지 않다 (is simple), 간단하지 않다 (is complicated)
    "복잡": r"complex\w*|complicated|intricate|convoluted",
    "간단": r"simpl[ey]|simplest|straightforward|easy",
    # ease: 쉽지 않다 (is hard), 녹록지 않다 (is tough), 어렵지 않다 (is easy)
    "쉽": r"eas(?:y|ily|ier)|simpl[ey]",
    "녹록": r"eas(?:y|ily|ier)|simpl[ey]|smooth\w*|favorabl[ey]|benign",
    "어렵": r"hard|difficult\w*|tough",
}

OWN_SENSE: dict[str, re.Pattern[str]] = {
    stem: re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE) for stem, pattern in _SENSES.items()
}


def has_opposite(stem: str | None) -> bool:
    """Whether English may tell the negated stem with an affirmative opposite."""
    return stem in OWN_SENSE


# what makes the sense a negated one although no "not" is there: "hardly easy", "far from few"
_HEDGED = re.compile(
    r"\b(?:hardly|barely|scarcely|far\s+from|less|least|nor|neither|without|short\s+of|"
    # a word of refusal or failure before it: "her refusal to give up", "unable to break"
    r"refus\w*\s+to|declin\w*\s+to|unwilling\s+to|reluctan\w*\s+to|fail\w*\s+to|unable\s+to|"
    r"yet\s+to|"
    # what was escaped: "escaped serious injury", "avoided losing", "spared from harm"
    r"escap\w*|avoid\w*|spared(?:\s+from)?)\s+"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)


def states_own_sense(stem: str, english: str) -> str | None:
    """The English word that states the negated stem's own sense ("forgot" for "잊"), if any:
    not "hardly easy", "far from few", which carry the negation."""
    for match in OWN_SENSE[stem].finditer(english):
        if not _HEDGED.search(english[: match.start()]):
            return match.group(0)
    return None
