"""Negation and direction words in an English sentence (lexicons and patterns, no parser).

Two readings of negation, for the two ways a translation can go wrong:

- `negations` finds the clear cues a reader takes as "this did not happen": "not", "n't",
  "never", "nobody", "nothing", "neither", "nor", "failed to", "refused to", "declined to",
  "denied". "Not only ... but also", "not just", "no doubt", "no matter", "nothing but", "none
  other than", "no longer" and "no more than" are left out: they are affirmative, or say what
  Korean says without a negation ("그만뒀다", "불과").
- `mentions_negation` answers a wider question: could this sentence be carrying a negation in
  any form? It adds "without", "no", "unable", "lack", "absent", "instead", "rather than", "yet
  to", "free of", "hardly", negating prefixes ("unannounced", "non-binding", "illegal") and the
  verbs of refusal and absence ("boycott", "skip", "reject", "stay away"). A negation is held as
  lost only when none of these is there.

`directions` reads the direction words of each kind of change ("rose", "surplus", "improved",
"approved", "won", "opposed"), each with its span, so the check can point at the word that
flipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Direction = Literal["up", "down"]

# --- negation -------------------------------------------------------------------------------

_CLEAR_NEGATION = re.compile(
    r"\b(?:not|never|nobody|nothing|neither|nor|none|cannot|no(?!\.?\s*\d|-\w))\b|n't\b|"
    r"\b(?:fail(?:s|ed|ing)?|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing))\s+to\b|"
    r"\b(?:den(?:y|ies|ied|ying))\b",
    re.IGNORECASE,
)
# affirmative or non-negating uses of the same words
# every phrase below starts with n, c, o, a or i: the lookahead lets the scan skip every other
# position without trying each phrase there
_NOT_A_NEGATION = re.compile(
    r"(?=[ncoai])(?:"
    r"\bnot\s+(?:only|just|merely|simply|least|to\s+mention|until|unlike|a\s+little|"
    r"without|uncommon|unusual|unlike)\b|"
    r"\bnothing\s+(?:but|less|short)\b|\bnone\s+other\b|\bnever\s+before\b|"
    r"\bcannot\s+help\b|\bcan't\s+help\b|\bnever\s+been\s+(?:higher|better|stronger|more)\b|"
    r"\b(?:not|no)\s+(?:more|less|fewer)\s+than\b|\bor\s+not\b|\basked\s+not\s+to\b|"
    r"\bno\s+(?:doubt|matter|longer|wonder|sooner|one\s+else)\b|"
    r"\bif\s+not\b|\bnot\s+(?:yet|long|far|least)\b|\bnot\s+too\b|"
    # fixed phrases with no negation in them: "no later than" (by), "no surprise" (as
    # expected), "no exception" (likewise), "couldn't be happier", "can't wait" (looks forward),
    # "couldn't agree more", "there is no denying" (clearly), "it won't be long before" (soon)
    r"\bno\s+(?:later|earlier|sooner|fewer|less|more)\s+than\b|"
    r"\bno\s+(?:surprise|exception|stranger|small|mean|shortage)\b|"
    r"\b(?:could|can)(?:n't|\s+not)\s+(?:be|have\s+been)\s+\w+er\b|"
    r"\b(?:can't|cannot|couldn't)\s+wait\b|\bnot\s+to\s+be\s+outdone\b|"
    r"\b(?:could|can)(?:n't|\s+not)\s+agree\s+more\b|\bno\s+(?:denying|question|end)\b|"
    r"(?:n't|\bnot)\s+be\s+long\s+(?:before|until)\b"
    r")",
    re.IGNORECASE,
)
_WIDER_NEGATION = re.compile(
    r"\b(?:no(?!\.\s*\d)|without|unable|outside|dismiss\w*|premature|equal(?:ly)?|lack\w*|"
    r"absen\w+|instead|rather\s+than|yet\s+to|free\s+of|"
    r"hardly|barely|scarcely|rarely|seldom|few|fewer|little|zero|nil|refrain\w*|"
    r"abstain\w*|boycott\w*|skip(?:s|ped|ping)?|miss(?:es|ed|ing)?|avoid\w*|reject\w*|refus\w*|"
    r"declin(?:e|es|ed|ing)\s+to|fail\w*|"
    r"den(?:y|ies|ied|ying|ial)|ban(?:s|ned|ning)?|bar(?:s|red|ring)?|prohibit\w*|forbid\w*|"
    r"stop\w*|halt\w*|rul(?:e|es|ed|ing)\s+out|kept\s+mum|"
    r"prevent\w*|block\w*|cancel\w*|abandon\w*|withdr\w+|suspend\w*|postpon\w*|delay\w*|"
    r"exclud\w*|except\w*|exempt\w*|acquit\w*|innocent|silent|silence|ignor\w*|neglect\w*|"
    r"unknown|unclear|unless|far\s+from|short\s+of|other\s+than|"
    r"impossible|illegal\w*|"
    r"irregular|improper\w*|inadequate|insufficient|incomplete|inconclusive|invalid|"
    r"intolerabl\w*|inexcusabl\w*|inadmissibl\w*|inappropriat\w*|incapabl\w*|intact|"
    r"dis(?:agree|approv|miss|allow|qualif|continu|regard|pute|miss|satisf|like)\w*|"
    r"mis(?!sile|sion|ter|t\b|ty)[a-z]{3,}|"
    r"under\s+wraps|un[a-z]{3,}|non-?[a-z]+|\w+less|anti-?\w+|free\s+of|"
    # refusals and absences said without a negation: "turned down", "withheld", "kept quiet",
    # "sat out", "too weak to", "remains to be seen" ("only" and "below" are left out: too
    # common in affirmative copy to count as a negation)
    r"turn(?:s|ed|ing)?\s+down|spurn\w*|snub\w*|shun\w*|rebuff\w*|pass(?:es|ed)?\s+up|"
    r"withh[eo]ld\w*|k(?:ept|eep|eeps|eeping)\s+(?:quiet|secret|silent|mum)|"
    r"st(?:ay|ays|ayed|aying)\s+(?:away|out|quiet|silent|closed|shut)|sat\s+out|sit\s+out|"
    r"too\s+[a-z]+\s+(?:[\w'-]+\s+){0,8}?(?:to|for)\b|remains?\s+to\s+be\s+seen|nowhere|"
    r"in\s+vain|struggl(?:e|es|ed|ing)\s+to|outstanding|beyond|less\s+than|"
    # ending and going without: "ceased", "quit", "dropped out", "a shortage", "out of the
    # question", "declined comment", "opted against"
    r"ceas(?:e|es|ed|ing)|quit(?:s|ting)?|drop(?:s|ped|ping)?\s+out|shortages?|scarc\w*|"
    r"devoid|out\s+of\s+the\s+question|declin(?:e|es|ed|ing)\s+(?:comment|an?\s+invitation)|"
    r"opt(?:s|ed|ing)?\s+against|off[\s-]label|"
    # harm escaped and searches that found nothing (다치지 않았다, 찾지 못했다), a decision put off
    # (결정하지 않고): "escaped serious injury", "came up empty", "put off a decision"
    r"escap(?:e|es|ed|ing)\s+(?:\w+\s+){0,2}?(?:injur\w*|harm|unhurt|unscathed|death|damage|"
    r"casualt\w*)|spared|c(?:ame|ome|omes|oming)\s+up\s+(?:empty|short|dry)|empty-handed|"
    # a storm that passes by (영향을 주지 않을 것): "spare the peninsula a direct hit"
    r"spar(?:e|es|ing)\s+(?:\w+\s+){0,3}?(?:a\s+|any\s+)?(?:direct\s+)?(?:hit|impact|damage|harm)|"
    r"p(?:ut|uts|utting)\s+off|defer(?:s|red|ring)?|out\s+of\s+(?:danger|harm'?s\s+way)|"
    # what cannot be done, softened: "difficult to justify" (정당화될 수 없다)
    r"(?:difficult|hard)\s+to\s+(?:justify|accept|believe|understand|explain|imagine|see|"
    r"predict|tell|say|find|deny|ignore)|"
    # a mind with nothing in it (아무 생각도 나지 않았다): "my mind went blank", "drew a blank"
    r"(?:went|go|goes|going|gone)\s+(?:completely\s+|totally\s+)?blank|dr[ae]w\s+a\s+blank|"
    # what has not changed or ended, said as a state: "the deadline remains open" (마감되지 않았다),
    # "differences remained" (좁히지 못했다), "the review is still under way" (마무리되지 않았다),
    # "held the rate steady" (인하하지 않고), "decided against seeking" (청구하지 않기로)
    r"remain(?:s|ed|ing)?\s+(?:\w+ly\s+)?(?:open|unresolved|unclear|unknown|divided|apart|"
    r"elusive|out\s+of\s+reach|at\s+odds|unchanged|steady|in\s+place|closed|pending|intact|"
    r"stalled|deadlocked|undecided|unsettled|uncertain|a\s+mystery|below|under|short)|"
    r"st(?:ay|ays|ayed|aying)\s+(?:below|under)|freez(?:e|es|ing)|froze\b|"
    # a freeze, not frozen food: "the rate was frozen", "remains frozen"
    r"(?:was|were|is|are|be|been|remains?|remained|stays?|stayed|kept|keeps|left)\s+frozen|"
    r"sober|"  # 음주 상태가 아니었다: "was sober"
    # left out, put aside, called off by the weather, gave in: "left off the squad" (포함되지
    # 않았다), "brushing off questions" (답하지 않은 채), "rained out" (열리지 못했다), "prices
    # were flat" (오르지 않았다), "threw out the charge" (인정하지 않았다), "caved in under the
    # snow" (견디지 못한), "stuck for nine hours" (오도 가도 못했다)
    r"le(?:ft|ave|aves|aving)\s+off|brush(?:es|ed|ing)?\s+(?:off|aside)|rain(?:ed|s)?\s+out|"
    r"(?:was|were|is|are|stayed|stays|held|holding|remained|remains|largely|virtually)\s+flat|"
    r"thr(?:ew|ow|ows|owing|own)\s+out|c(?:ave|aved|aves|aving)\s+in|g(?:ave|ive|ives|iving)\s+way|"
    r"(?:is|are|was|were|got|gets|been|remain\w*|left)\s+(?:\w+ly\s+)?(?:stuck|stranded)|"
    # what was not called off: "flights operated normally" (결항되지 않았다), "went ahead"
    r"(?:operat|r[au]n|proceed|continu)\w*\s+(?:\w+\s+){0,3}?(?:normally|as\s+(?:normal|usual|"
    r"scheduled|planned)|on\s+schedule)|w(?:ent|ill\s+go|as\s+going)\s+ahead|unaffected|"
    # nobody there, nothing wrong, called off: "the building was empty" (사람이 없었다), "went
    # smoothly" (이상 징후가 나타나지 않았다), "the game was called off" (열리지 않았다)
    r"empty|vacant|deserted|(?:went|ran|go|goes|going|proceeded)\s+smoothly|without\s+a\s+hitch|"
    r"trouble[\s-]free|flawless\w*|call(?:s|ed|ing)?\s+off|scrap(?:s|ped|ping)?|"
    r"(?:differences|gaps?|disagreements?|divisions?|questions|doubts)\s+(?:still\s+)?"
    r"remain(?:s|ed)?|at\s+odds|out\s+of\s+reach|"
    r"still\s+(?:under\s?way|awaiting|pending|in\s+progress|ongoing|open|unresolved|being)|"
    r"await(?:s|ed|ing)|pending|loss(?:es)?\s+of|remain(?:s|ed|ing)?\s+in\s+(?:effect|force|place)|"
    r"remain(?:s|ed)?\s+to\s+be\s+\w+|h(?:old|olds|eld|olding)\s+off|off\s+the\s+table|"
    r"sold\s+out|negligible|st(?:ay|ays|ayed|aying)\s+within|"
    r"h(?:old|olds|eld|olding)\s+(?:its|their|his|her|the)\s+(?:place|ground|position|lead)|"
    r"(?:h[eo]ld|holds|holding|k(?:ept|eep|eeps|eeping)|le(?:ft|ave|aves|aving))\s+"
    r"(?:[\w'-]+\s+){0,5}?(?:steady|unchanged|on\s+hold|intact|in\s+place|frozen|tight|firm|"
    r"closed|shut)|left\s+out|leav(?:e|es|ing)\s+out|omit\w*|stall(?:s|ed|ing)?|"
    r"(?:decid|vot|advis|warn|argu|cho)(?:e|es|ed|ing|se|sing)?\s+against|"
    r"il(?:legitim|licit|logic)\w*|ir(?:relevan|respons|revers|replac|rational)\w*|"
    r"in(?:abil|capab|access|eligib|effect|decis|compat|conceiv|consisten|visib|activ)\w*|"
    r"im(?:practic|material|mobil|patien)\w*|inevitab\w*)\b|n't\b",
    re.IGNORECASE,
)
# "un-" words that do not negate
_NOT_UN = frozenset(
    {
        "under",
        "understand",
        "understood",
        "understanding",
        "undertake",
        "undertaken",
        "undertook",
        "underway",
        "underground",
        "underline",
        "underlined",
        "underscore",
        "underscored",
        "union",
        "unions",
        "united",
        "unite",
        "unit",
        "units",
        "unity",
        "universal",
        "universe",
        "university",
        "universities",
        "unique",
        "uniform",
        "uniforms",
        "unilateral",
        "unveil",
        "unveiled",
        "unveils",
        "unveiling",
        "unfold",
        "unfolded",
        "unfolding",
        "uncover",
        "uncovered",
        "uncovering",
        "unearth",
        "unearthed",
        "unleash",
        "unleashed",
        "unload",
        "unloaded",
        "unpack",
        "unless",
        "until",
        "unto",
    }
)


# "-less" words that do not negate a predicate
_NOT_LESS = frozenset({"nevertheless", "nonetheless", "wireless", "countless", "bless", "unless"})


@dataclass(frozen=True)
class Cue:
    text: str
    start: int
    end: int


# apostrophes of other typefaces, so "don’t" and "don´t" read as "don't"
_APOSTROPHES = str.maketrans({"’": "'", "´": "'", "`": "'", "‘": "'"})

# a negation on a verb: "did not attend", "won't", "never", "failed to", "denied"
_VERBAL_NEGATION = re.compile(
    r"\b(?:do|does|did|is|are|was|were|has|have|had|will|would|could|can|should|may|might|"
    r"must|been|be)\s+(?:\w+ly\s+)?not\b|n't\b|\bnever\b|\bcannot\b|"
    r"\b(?:made|make|makes|had|has|have|is|was|were|are|showed|shows|found|gave|offered|"
    r"received|got|took|saw|reached|there\s+(?:is|was|were|are))\s+no\b|"
    r"\b(?:fail(?:s|ed)?|refus(?:e|es|ed)|declin(?:e|es|ed))\s+to\b|\bden(?:y|ies|ied)\b|"
    # a decision or a promise not to act: "decided not to raise" (인상하지 않기로 했다)
    r"\b(?:decid(?:e|es|ed)|agree[sd]?|cho(?:se|oses?)|opt(?:s|ed)?|vow(?:s|ed)?|"
    r"pledg(?:e|es|ed)|promis(?:e|es|ed)|plan(?:s|ned)?|intend(?:s|ed)?)\s+not\s+to\b",
    re.IGNORECASE,
)


def verbal_negations(text: str) -> list[Cue]:
    """The clear negations that sit on a verb ("did not attend", "refused to"): what adds a
    negation to a predicate, not to a phrase ("not easy", "not splashing")."""
    return [c for c in negations(text) if _VERBAL_NEGATION.match(_unify(text), _back(text, c))]


# what opens a clause of its own, where a negation is not the sentence's: "when it won't",
# "..., but it may not be"
_CLAUSE_OPENER = re.compile(
    r"\b(?:but|yet|although|though|while|whereas|when|whenever|if|unless|because|since|who|"
    r"which|where|whether|as)\b",
    re.IGNORECASE,
)
# a short quotation is a label or a name ("the 'Eight don't asks'"), not a statement
_SHORT_QUOTE = re.compile(r"[\"“]([^\"“”]{1,40})[\"”]")


# "did not arrive until 3 a.m.": it arrived only then, which Korean says without a negation
# ("3시가 돼서야 도착했다"); the "until" stands in the negation's own clause
_NOT_UNTIL = re.compile(r"[^,;:.!?]{0,60}?\b(?:until|till)\b", re.IGNORECASE)


def main_negations(text: str) -> list[Cue]:
    """The verbal negations that belong to the sentence's own statement: not after a
    conjunction or subordinator that opens another clause, not in a short quoted label, not
    the "not ... until" that says "only then"."""
    unified = _unify(text)
    labels = [m.span() for m in _SHORT_QUOTE.finditer(unified) if len(m.group(1).split()) <= 4]
    found = []
    for cue in verbal_negations(text):
        if _CLAUSE_OPENER.search(unified[: cue.start]):
            continue
        if any(start <= cue.start < end for start, end in labels):
            continue
        if _NOT_UNTIL.match(unified, cue.end):
            continue
        found.append(cue)
    return found


def _unify(text: str) -> str:
    return text.translate(_APOSTROPHES)


def _back(text: str, cue: Cue) -> int:
    """Where a verbal negation ending at the cue would start: the auxiliary before "not"."""
    if cue.text.lower() not in ("not", "no"):
        return cue.start
    match = re.search(
        r"(\b(?:there\s+)?\w+\s+(?:\w+ly\s+)?)(?:not|no)$", _unify(text)[: cue.end], re.IGNORECASE
    )
    return match.start(1) if match else cue.start


def negations(text: str) -> list[Cue]:
    """The clear negations of the sentence, without affirmative idioms."""
    text = _unify(text)
    clear = list(_CLEAR_NEGATION.finditer(text))
    if not clear:
        return []  # most sentences: no negation, so no idiom to set aside either
    excluded = [m.span() for m in _NOT_A_NEGATION.finditer(text)]
    cues = []
    for match in clear:
        if any(start <= match.start() < end for start, end in excluded):
            continue
        cues.append(Cue(match.group(0), match.start(), match.end()))
    return cues


# the words of "one" that begin as "un-" does: "unify", "union", "unique", "unit", "universal",
# "unilateral", "unison", "unicorn"
_UNI_WORDS = ("unif", "unio", "uniq", "unit", "univ", "unil", "unis", "unic")


def mentions_negation(text: str) -> bool:
    """Whether the sentence may carry a negation in any form, clear or lexical."""
    text = _unify(text)
    if _CLEAR_NEGATION.search(text):  # idioms included: "not yet", "no longer"
        return True
    for match in _WIDER_NEGATION.finditer(text):
        word = match.group(0).lower()
        if word in _NOT_UN or word in _NOT_LESS or (
            word.startswith(("under", *_UNI_WORDS)) and " " not in word
        ):
            continue  # "undergoing", "unification", "universal" (not "under wraps", nor
            # "unidentified" and "unindicted", which negate)
        return True
    return False



# phrases that negate as a whole: a phrasal verb ("stay away", "turned down", "decided
# against") and what cannot be done, softened ("difficult to justify")
_WHOLE_PHRASE = re.compile(
    r"\s(?:away|down|off|out|up|back|against)$|^(?:difficult|hard)\s", re.IGNORECASE
)


def negating_phrases(text: str) -> list[tuple[int, int]]:
    """Where the sentence negates with a phrase of several words that is one rendering: "stay
    away", "turned down", "put off", "held back", "difficult to justify"."""
    return [m.span() for m in _WIDER_NEGATION.finditer(_unify(text)) if _WHOLE_PHRASE.search(m[0])]


def negation_count(text: str) -> int:
    """How many negations the sentence carries in any form, clear or lexical, each place once:
    "saying there was no concern" is one, "did not detain him, saying there was no risk" two."""
    unified = _unify(text)
    places = [(cue.start, cue.end) for cue in negations(text)]
    for match in _WIDER_NEGATION.finditer(unified):
        word = match.group(0).lower()
        if word in _NOT_UN or word in _NOT_LESS or (
            word.startswith(("under", "uni")) and " " not in word
        ):
            continue
        if any(start < match.end() and match.start() < end for start, end in places):
            continue
        places.append(match.span())
    return len(places)

# --- direction ------------------------------------------------------------------------------

# "up 3%", "down four countries": a figure after the word, in digits or in words
_NUMBER_AFTER = (
    r"(?=\s+(?:by\s+)?(?:about\s+|some\s+|nearly\s+|almost\s+)?(?:[$€£¥₩]?\d|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|a\s+(?:third|quarter|fifth|tenth))\b))"
)

_LEXICON: dict[str, dict[Direction, str]] = {
    # amounts, prices, rates: 증가/감소, 상승/하락, 늘다/줄다, 오르다/내리다, 확대/축소, 인상/인하
    "amount": {
        "up": r"ris(?:e|es|en|ing)|rose|increas\w*|gr[oe]w(?:s|n|ing)?|growth|climb\w*|"
        r"gain(?:s|ed|ing)?|jump\w*|surg(?:e|es|ed|ing)|soar\w*|rall(?:ies|ied|ying)|rebound\w*|"
        r"higher|record\s+high|expan\w+|boost\w*|hik(?:e|es|ed|ing)|spik\w+|swell\w*|swollen|"
        r"upward|upturn|increment\w*|doubl\w+|tripl\w+|rais(?:e|es|ed|ing)|widen\w*|broaden\w*|"
        r"(?:edged|inched|ticked)\s+(?:up|higher)|pil(?:e|es|ed|ing)\s+up|"
        r"up" + _NUMBER_AFTER,
        "down": r"fall(?:s|en|ing)?|fell|decreas\w*|declin(?:e|es|ed|ing)(?!\s+to\b)|"
        r"drop(?:s|ped|ping)?|slid(?:e|es|ing)?|shr[iau]nk\w*|lower(?:ed|ing|s)?|record\s+low|"
        r"plung\w+|plummet\w*|slump\w*|tumbl\w+|dip(?:s|ped|ping)?|sank|sink\w*|"
        r"cut(?:s|ting)?|reduc\w+|slash\w*|trim(?:s|med|ming)?|contracted|contraction|downward|"
        r"downturn|"
        r"retreat\w*|halv\w+|slip(?:s|ped|ping)?|shed(?:s|ding)?|sag(?:s|ged|ging)?|narrow\w*|"
        r"slow(?:s|ed|ing)?(?!\s+down\b)|slowdown|decelerat\w*|"
        r"(?:edged|inched|ticked)\s+(?:down|lower)|"
        r"down" + _NUMBER_AFTER,
    },
    # a level reached: 최고치/최저치, "역대 최저를 기록했다" (the highest, a record low)
    "level": {
        "up": r"highest|largest|biggest|greatest|record[\s-]+highs?|"
        r"all[\s-]+time\s+(?:[\w-]+\s+)?highs?|"
        r"peak(?:s|ed)?",
        "down": r"lowest|smallest|fewest|record[\s-]+lows?|all[\s-]+time\s+(?:[\w-]+\s+)?lows?",
    },
    # trade and budgets: 흑자/적자
    "balance": {
        "up": r"surplus\w*|in\s+the\s+black|(?:operating|net)\s+profits?|"
        r"swung\s+to\s+(?:a\s+)?profit",
        "down": r"deficits?|in\s+the\s+red|shortfall\w*|(?:operating|net)\s+loss(?:es)?|"
        r"swung\s+to\s+(?:a\s+)?loss",
    },
    # markets and currencies: 강세/약세
    "market": {
        "up": r"strong\w*|strength\w*|gain(?:s|ed|ing)?|rall(?:ies|ied|ying)|bull\w*|"
        r"ris(?:e|es|en|ing)|rose|higher|firm(?:ed|er)",
        "down": r"weak\w*|los(?:e|es|s|ses|ing)|lost|bear\w*|fall(?:s|en|ing)?|fell|lower\w*|"
        r"slid(?:e|es|ing)?|declin(?:e|es|ed|ing)",
    },
    # conditions: 호전/개선/회복 vs 악화/침체/부진
    "condition": {
        "up": r"improv\w*|better|recover\w*|rebound\w*|upturn|brighten\w*|boom\w*",
        "down": r"worse\w*|worsen\w*|deteriorat\w*|aggravat\w*|sour\w*|downturn|sluggish|"
        r"slump\w*|stagna\w+|recession\w*",
    },
    # votes on a bill or motion: 가결/부결
    "vote": {
        "up": r"pass(?:es|ed|ing|age)?|approv\w*|adopt\w*|endors\w*|ratif\w*",
        "down": r"reject\w*|voted\s+down|vote\s+down|defeat\w*|veto\w*|fail(?:s|ed|ing)?",
    },
    # contests: 승리/패배; "beat" and "defeated" by their voice: "A defeated B" is A's win,
    # "A was defeated" A's loss ("B가 A에 패배" may be either, so the active needs its object)
    "contest": {
        "up": r"wins?|won|winning|winners?|victor\w*|triumph\w*|"
        r"(?<!was\s)(?<!were\s)(?<!been\s)(?<!being\s)(?:defeated|beat)(?=\s+(?:the|his|her|"
        r"their|its|rival|[A-Z]))",
        "down": r"los(?:e|es|ing|s|ses)|lost|losers?|runners?-up|(?:was|were|been)\s+(?:\w+ly\s+)?"
        r"(?:defeated|beaten)|defeats?\b(?!\s+(?:the|his|her|their|its))",
    },
    # a difference in number: 많다/적다 after a figure
    "count": {
        "up": r"more",
        "down": r"fewer|less",
    },
    # lengths and distances compared: 길다/짧다
    "length": {
        "up": r"longer|lengthen\w*",
        "down": r"shorter|shorten\w*",
    },
    # a figure against a forecast or a goal: 웃돌다/밑돌다, 상회/하회, 넘어서다/미달 ("fell short
    # of" is no fall in amount, but a target missed)
    "target": {
        "up": r"beat(?:s|ing)?|topp(?:ed|ing)|exceed\w*|surpass\w*|outpac\w*|outstrip\w*|"
        r"above\s+(?:\w+\s+){0,2}?(?:expectations|forecasts?|estimates|targets?|levels?)",
        "down": r"f(?:ell|all(?:s|ing)?|allen)\s+short|"
        r"miss(?:ed|es|ing)\s+(?:\w+\s+){0,2}?"
        r"(?:expectations|forecasts?|estimates|targets?|goals?)|"
        r"below\s+(?:[\w-]+\s+){0,2}?(?:expectations|forecasts?|estimates|targets?|levels?)",
    },
    # money and people moving in or out: 순매수/순매도, 유입/유출
    "flow": {
        "up": r"net\s+(?:inflows?|buy\w*|purchas\w*)|inflows?|influx|bought|buying|net\s+buyers?|"
        r"(?:snapp|scoop)(?:ed|ing)\s+up|snaps\s+up|scoops\s+up",
        "down": r"net\s+(?:outflows?|sell\w*|sales?)|outflows?|exodus|sold|selling|net\s+sellers?|"
        r"offload\w*|dump(?:ed|ing|s)?|unload\w*",
    },
    # the pace of a change: 가속/둔화 ("growth accelerated", "the rise slowed")
    "pace": {
        "up": r"accelerat\w*|quicken\w*|sped\s+up|speed(?:s|ing)?\s+up|faster|"
        r"pick(?:ed|s|ing)?\s+up|gather\w*\s+(?:pace|speed|momentum)",
        "down": r"slow(?:s|ed|ing)?|slowdown|slower|decelerat\w*|moderat(?:ed|ing)|"
        r"los(?:t|es|ing)\s+(?:momentum|steam)|cool(?:ed|ing)",
    },
    # stances: 찬성/반대
    "stance": {
        "up": r"support\w*|favou?r\w*|endors\w*|approv\w*|backing|backed",
        "down": r"oppos\w+|against|objec\w+|reject\w*|resist\w*|protest\w*",
    },
}
_PATTERNS: dict[tuple[str, Direction], re.Pattern[str]] = {
    (axis, direction): re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)
    for axis, words in _LEXICON.items()
    for direction, pattern in words.items()
}
# uses of the same words that name no change: "the lower house", "higher education", "cut ties"
_NOT_A_DIRECTION = re.compile(
    r"\b(?:lower\s+(?:house|chamber|court)|higher\s+(?:education|court|authorit\w+|up\w*)|"
    r"high\s+(?:school|court|level|ranking)|cut\s+(?:ties|off|short)|"
    r"rais(?:e|es|ed|ing)\s+(?:concerns?|questions?|doubts?|the\s+issue|fears?|hopes?|"
    r"money|funds?|awareness)|f(?:all|alls|ell|alling|allen)\s+(?:in\s+love|short|apart|behind)|"
    r"r(?:ise|ises|ose|isen|ising)\s+to\s+(?:power|fame|prominence)|drop(?:s|ped)?\s+(?:the\s+)?"
    r"(?:charges?|out|by)|gain(?:s|ed)?\s+(?:support|access|control|ground)|"
    r"growing\s+(?:concern|fear|calls?|number|conditions|seasons?|regions?|areas?)|"
    r"passed\s+(?:away|through|by)|"
    r"pass(?:ing)?\s+(?:away|through|by)|back(?:ed|ing)?\s+(?:down|off|away)|"
    r"support(?:ers)?\s+of|(?:no|any)\s+longer)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DirectionWord:
    axis: str
    direction: Direction
    text: str
    start: int
    end: int


def directions(text: str, axes: frozenset[str]) -> list[DirectionWord]:
    """The direction words of the given kinds of change in the sentence, in order."""
    excluded = [m.span() for m in _NOT_A_DIRECTION.finditer(text)]
    found = []
    for (axis, direction), pattern in _PATTERNS.items():
        if axis not in axes:
            continue
        for match in pattern.finditer(text):
            if axis != "target" and any(start <= match.start() < end for start, end in excluded):
                continue  # ("fell short" is excluded as a fall, not as a target missed)
            found.append(DirectionWord(axis, direction, match.group(0), *match.span()))
    found.sort(key=lambda w: w.start)
    # one word, one change: "rejected" is a vote's and a stance's, but said once
    return [w for i, w in enumerate(found) if not any(v.start == w.start for v in found[:i])]
