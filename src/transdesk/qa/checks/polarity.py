"""Polarity: a negated Korean predicate is negated in English, and a direction is not flipped.

"참여하지 않았다" told as "participated in the vote", or "감소했다" as "increased 1.4%", reverses
what the story says while every name and figure survives. The comparison is made at the level of
the sentence's main predicate and held only when it is clear:

- `negation_lost`: the Korean main predicate (or what a verb of saying reports) is negated, and
  the English carries no negation in any form, not even a lexical one ("failed", "skipped",
  "unannounced"); an English shorter than its Korean is a part or a fragment and is left alone.
  A negated predicate English tells with an affirmative opposite ("잊지 않았다": remembered;
  "멈추지 않았다": continued) is lost only where the English, with no clear negation, states
  the predicate's own sense ("forgot", "stopped"; "few" for "적지 않다"). The constructions
  that negate nothing ("-고 말았다", "다름없다", "5명밖에 ... 않았다": `negation_idioms`) need no
  English negation at all. A clause before the main one that states something of its own
  ("증거를 제시하지 않고 있으며 ...", "“...것은 아니다”며", "알아낼 수 없지만"), a relative
  clause ("의존하지 않는 냉동기") and one of manner ("경보를 내리지 않은 채") are held the same
  way, but only where the English carries no negation in any form and has no "unless": which
  English clause renders it is not read;
- `negation_added`: the English statement negates its verb ("did not", "never", "refused to",
  "made no") outside any clause of its own ("..., but it may not", "when it won't"), is one
  sentence not much longer than the Korean, and the Korean has no negation, nor a word English
  renders with one ("모르다", "불과", "아직");
- `direction_flipped`: the Korean names a change in one direction only ("감소", "적자", "부결")
  and the English has the opposite direction's words of the same kind ("rose", "surplus",
  "passed") at least as often as its own; or the Korean names changes of both directions
  ("적자에서 흑자로") and the English as many words of change, all of one direction. A trend
  noun is a change ("하락세를 보였다": fell). A change of a change ("감소 폭 축소": a smaller
  fall, "상승세 둔화") or a negated main predicate on either side is left alone.

Questions are left alone, on either side: a negative question asserts the opposite ("않겠느냐":
surely it will).
"""

from __future__ import annotations

import dataclasses
import re

from transdesk.article import Finding
from transdesk.qa.base import CheckContext, finding, in_the_same_place
from transdesk.qa.coverage import rendering_stems
from transdesk.qa.english import split_english
from transdesk.qa.english_polarity import Direction, DirectionWord
from transdesk.qa.english_polarity import directions as english_directions
from transdesk.qa.english_polarity import (
    main_negations,
    mentions_negation,
    negating_phrases,
    negation_count,
    negations,
)
from transdesk.qa.korean_polarity import (
    DirectionMention,
    Negation,
    compounds_change,
    conditional_negations,
    pace_changes,
    read_negation,
    stated_negations,
)
from transdesk.qa.korean_polarity import directions as korean_directions
from transdesk.qa.lexical_opposites import has_opposite, states_own_sense
from transdesk.qa.lexicon import english_stem
from transdesk.qa.morph import analyse
from transdesk.qa.quantities import english_quantities, korean_quantities, values_match

# an English sentence this much longer than its Korean says more than the Korean: what it adds
# may carry a negation of its own (the median is about 2)
_MAX_LENGTH_RATIO = 3.2
# what tells a negated clause beside an affirmative one without a negation of its own: "unless
# the men are handed over" (넘겨주지 않으면), "apart from setting dates, they agreed" (합의하지
# 못했지만 ... 동의했다), "kept hundreds from reaching the mine" (빠져 나오지 못하고)
_CLAUSE_NEGATION = re.compile(
    r"\b(?:unless|apart\s+from|aside\s+from|save\s+for|but\s+for|"
    r"k(?:eep|eeps|ept|eeping)\s+(?:[\w'-]+\s+){1,6}?from\s+\w+ing)\b",
    re.IGNORECASE,
)
_PUNCTUATION = "\"'“”‘’()[],.!?·…"
# a clause that gives the reason said for the main one: "도주 우려가 없다며" (saying there was no risk)
_REASON_ENDINGS = ("다며", "라며", "다면서", "라면서", "냐며")
# "not yet" in Korean (아직 ... 않았다), which English tells as what is still going on
_NOT_YET = re.compile(r"아직|여전히|여태")
_STILL = re.compile(r"\b(?:still|yet|remain\w*|so\s+far|pending|continu\w+|ongoing)\b", re.I)
# "not the first time" (처음이 아니다), which English tells as what happened before
_NOT_THE_FIRST = re.compile(r"처음(?:은|이|도)?\s*아니")
_BEFORE = re.compile(r"\b(?:before|again|previously|earlier|already)\b", re.IGNORECASE)
# verbs of change, negated: not to change is to keep ("해제하지 않기로": decided to keep the
# warning), which English says with a verb of keeping and no negation
_CHANGE_STEMS = frozenset(
    "해제 완화 바꾸 변경 삭감 인하 인상 늘리 줄이 폐지 철회 중단 축소 확대 조정 연장 단축 "
    "개정 수정 교체 해지 풀 좁히 삭제 낮추 올리 내리 증원 감원 감축 줄".split()
)
_KEEPING = re.compile(
    r"\b(?:keep|keeps|kept|keeping|maintain\w*|retain\w*|preserve\w*|leav(?:e|es|ing)|left|"
    r"h(?:old|olds|eld|olding)|stick(?:s|ing)?\s+(?:with|to)|stuck\s+(?:with|to)|"
    r"st(?:ay|ays|ayed|aying)|remain\w*|unchanged|as\s+(?:it\s+)?is|intact|in\s+place|"
    r"spar(?:e|es|ed|ing)|persist\w*|linger\w*|frozen|freez(?:e|es|ing)|on\s+hold|steady)\b",
    re.IGNORECASE,
)
# an exchange rate told as the value of the won: "환율은 8.3원 내린" is told "the won closed ...
# up 8.3 won" (the won gained) as often as "down 8.3 won" (the rate fell); either is English
# copy's, so the direction is not read
_EXCHANGE_RATE = re.compile(r"환율")
_WON_AS_SUBJECT = re.compile(r"\b(?:the\s+(?:Korean\s+|local\s+)?won|local\s+currency)\b", re.I)
_RATE_IN_ENGLISH = re.compile(r"\b(?:exchange\s+)?rates?\b|\bwon-dollar\b", re.I)
# a threshold, no change: "magnitude 2.0 or higher" (이상), "50 or more"
_THRESHOLD = re.compile(
    r"\bor\s+(?:higher|more|greater|above|over|lower|less|fewer|below|under)\b", re.IGNORECASE
)
# the English of such a reason, after the main clause: ", saying the risk was not high"
_REASON_CLAUSE = re.compile(
    r",\s+(?:saying|citing|noting|arguing|claiming|explaining|insisting|"
    r"on\s+the\s+grounds?\s+that|because|as)\b(?![^\"“”]*[\"“”])",
    re.IGNORECASE,
)


def _mostly_korean(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    hangul = sum(1 for c in letters if "\uac00" <= c <= "\ud7a3")
    return bool(letters) and hangul >= len(letters) / 2


def _word_span(source: str, start: int, end: int) -> tuple[int, int]:
    """The space-delimited Korean word around a span: "감소했다" around "감소"."""
    finish = source.find(" ", end)
    return source.rfind(" ", 0, start) + 1, len(source) if finish < 0 else finish


def _predicate_span(source: str, negation: Negation) -> tuple[int, int]:
    """Where the words of the negated predicate are: "밝히지 않았으며" for the "않" in it, "안
    갔다" for the "안", "불참했다" for "불참"."""
    start, end = _word_span(source, negation.start, negation.end)
    word = source[start:end].strip(_PUNCTUATION)
    if negation.start == start and source[:start].rstrip().endswith(("지", "지는", "지도", "지를")):
        start = source.rfind(" ", 0, max(start - 1, 0)) + 1  # "하지 않았다": the verb before
    elif word == negation.form and negation.form in ("안", "못"):
        following = source.find(" ", end + 1)
        end = len(source) if following < 0 else following  # "안 갔다": the verb after
    return start, end


def _predicate(source: str, negation: Negation) -> str:
    """The Korean words of the negated predicate, for the message."""
    start, end = _predicate_span(source, negation)
    return source[start:end].strip(_PUNCTUATION)


_KOREAN_WORD = re.compile(r"\S+")
# the Sino-Korean prefixes of a word that negates itself: 부당 (unfair), 불충분, 비공개, 미확인, 무효
_NEGATING_SYLLABLES = ("부", "불", "비", "미", "무")
_ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# words a negating construction is built of, kept whatever Korean word they also render: "too"
# for 너무 in "너무 멀어 ... 존재할 수 없다" (too far for water to exist)
_CONSTRUCTION_WORDS = frozenset(
    {"too", "no", "not", "never", "without", "nor", "neither", "none", "nobody", "nothing",
     "nowhere"}
)  # fmt: skip


def _without_renderings(source: str, spans: list[tuple[int, int]], english: str) -> str:
    """The English, of the same length, with the words that render the source's words outside
    `spans` (the negated or directed words) blanked: "unusual" for "특이" ("특이 동향은 없다" as
    "there are unusual movements") is no negation of the predicate, and "slowdown" for "둔화"
    ("수요 둔화로 수출은 3.1% 줄었다") no direction of the change."""
    kept = source
    for start, end in spans:
        start, end = _word_span(source, start, end)
        kept = kept[:start] + " " * (end - start) + kept[end:]
    stems = rendering_stems(kept, english)
    if not stems:
        return english
    # a negating phrase is one rendering ("stay away" for 참여하지 않겠다, "difficult to justify"
    # for 정당화될 수 없다): no word of the Korean renders as part of it ("stay" is a gloss of
    # 밝히다, "said"; "justify" of 정당화)
    phrases = negating_phrases(english)

    def blank(match: re.Match[str]) -> str:
        word = match.group(0).lower()
        if word in _CONSTRUCTION_WORDS:
            return match.group(0)
        if any(start <= match.start() and match.end() <= end for start, end in phrases):
            return match.group(0)
        rendered = word in stems or word.rstrip("s") in stems or english_stem(word) in stems
        return " " * len(word) if rendered else match.group(0)

    return _ENGLISH_WORD.sub(blank, english)


_WITHOUT = re.compile(r"\bwithout\b", re.IGNORECASE)
_ONLY = re.compile(r"\bonly\b", re.IGNORECASE)


def _adverbs_without(source: str) -> int:
    """How many times the Korean says the adverb 없이 (without): kiwi's MAG, not the 없이 that
    ends another adverb ("끊임없이": constantly)."""
    return sum(1 for m in analyse(source) if m.tag == "MAG" and m.form == "없이")


def _only_with(context: CheckContext) -> bool:
    """A negation after "없이는" (without it, not) is English's "only with": two negations that
    make one affirmative ("예약 없이는 입장할 수 없었다": open only to those with reservations)."""
    return _adverbs_without(context.source) > 0 and bool(_ONLY.search(context.target))


def _without_adverbs(context: CheckContext, english: str) -> str:
    """The English with one "without" blanked for each adverb 없이 of the Korean ("의심의 여지
    없이": without doubt), which is that adverb's rendering and no negation of the predicate:
    "proven without room for doubt" for "여지 없이 증명되지 않았다" says the opposite."""
    adverbs = _adverbs_without(context.source)
    if not adverbs:
        return english
    return _WITHOUT.sub(lambda m: " " * len(m.group(0)), english, count=adverbs)


# the English of a condition: "if the National Assembly revises the law," up to its comma
_IF_CLAUSE = re.compile(r"\b(?:if|provided)\b([^,;:.]*)", re.IGNORECASE)
# the other Englishes of a negated condition: "unless", "without the West" (서방 세계가
# 없었다면), "but for", "had it not been"
_UNLESS = re.compile(
    r"\b(?:unless|otherwise|or\s+else|failing\s+which|without|but\s+for|absent|"
    r"had\s+it\s+not|were\s+it\s+not)\b",
    re.IGNORECASE,
)


def _own_sense_stated(
    negated: tuple[Negation, ...], english: str
) -> list[tuple[Negation, str | None]]:
    """The negations whose verb English tells by an opposite, each with the English word that
    states that verb's own sense unnegated ("block" for 막지 못하면); none where the English
    carries a clear negation."""
    if negations(english):
        return []
    return [
        (n, word)
        for n in negated
        if n.stem is not None
        and has_opposite(n.stem)
        and (word := states_own_sense(n.stem, english))
    ]


def _condition_lost(
    conditions: tuple[Negation, ...], context: CheckContext
) -> list[tuple[Negation, str | None]]:
    """A negated condition ("법을 고치지 않으면": unless the law is revised) whose English "if"
    clause carries no negation of any kind and no "unless" anywhere: "if the Assembly revises the
    law" says the opposite, whatever else the sentence negates."""
    english = context.target
    clauses = [m.group(1) for m in _IF_CLAUSE.finditer(english)]
    if not conditions or len(clauses) != len(conditions) or _UNLESS.search(english):
        return []
    if not any(mentions_negation(clause) for clause in clauses):
        return [(n, None) for n in conditions]
    # a lexical negation in the clause may be the negated verb's own sense, unnegated: "if the
    # banks ... block the payment" for "지급을 막지 못하면" (if they fail to stop it)
    return [
        found
        for n, clause in zip(conditions, clauses, strict=True)
        for found in _own_sense_stated((n,), clause)
    ]


# "아직 공식 인정하지 않은" (has yet to acknowledge) told with "already": the one word English never
# uses for a "not yet"
_ALREADY = re.compile(r"\balready\b", re.IGNORECASE)


def _yet_made_already(context: CheckContext) -> list[tuple[Negation, str | None]]:
    """The negation that follows 아직, where the English says "already" and negates nothing:
    the main or a stating clause's negation after it, else one within the next few words."""
    source, english = context.source, context.target
    if "아직" not in source or not _ALREADY.search(english) or negations(english):
        return []
    after = source.index("아직")
    rest = source[after:]
    negated = read_negation(rest).main or stated_negations(rest)
    if negated:
        first = negated[0]
        form, start, end, stem = first.form, first.start, first.end, first.stem
    else:
        soon = _NEGATED_SOON.search(rest)
        if soon is None:
            return []
        form, start, end, stem = soon.group(0), soon.start(), soon.end(), None
    return [(Negation(form, after + start, after + end, stem), "already")]


# a negation on the predicate that follows 아직 within a few words, relative clauses included
_NEGATED_SOON = re.compile(r"^아직\s+(?:\S+\s+){0,3}?\S*?(?:지\s*않|지\s*못|못\s|안\s|없)")


def _closes_with_reason(source: str, negation: Negation) -> bool:
    """The negated predicate is the one the -며 clause closes ("중단하지 않을 것이라며 밝혔다"):
    what it says is the statement reported, not a reason beside it."""
    words = [w.strip(_PUNCTUATION) for w in source[negation.start :].split()[:2]]
    return any(w.endswith(_REASON_ENDINGS) for w in words)


def _gives_reason(source: str) -> bool:
    """The Korean states a reason for its main clause ("우려가 크지 않다며", "없다면서")."""
    return any(
        word.strip(_PUNCTUATION).endswith(_REASON_ENDINGS) for word in source.split()[:-1]
    )


class PolarityCheck:
    name = "polarity"
    description = "negation and direction (rise/fall, surplus/deficit) survive translation"

    def run(self, context: CheckContext) -> list[Finding]:
        if not _mostly_korean(context.source) or not context.target.strip():
            return []  # a source in another script is nothing kiwi can read for polarity
        reading = read_negation(context.source)
        if reading.question or "?" in context.target:
            return []
        lost = self._lost(reading.main, context)
        where, severity = "its main predicate", "major"
        if not lost and not reading.main:
            lost = self._lost_in_clause(stated_negations(context.source), context)
            where = "a predicate of its own clause"
            # a headline's clause told by what followed from it ("병원 못 찾아 ... 머문 구급차":
            # ambulances stuck looking for a hospital) is for the editor to see, not to hold
            severity = "minor" if lost and context.is_headline else severity
        if not lost:
            lost = _condition_lost(conditional_negations(context.source), context)
            where = "the condition of its clause" if lost else where
        if not lost:
            lost = _yet_made_already(context)
            where = "a predicate with 아직 (not yet)" if lost else where
        if not lost and reading.main:
            outnumbered = self._outnumbered(reading.main, context)
            if outnumbered:
                return [outnumbered]
        if lost:
            first, last = lost[0][0], lost[-1][0]
            told = ", ".join(dict.fromkeys(_predicate(context.source, n) for n, _ in lost))
            said = [word for _, word in lost if word]
            how = "says it in the affirmative" + (f" ({said[0]!r})" if said else "")
            return [
                finding(
                    self.name,
                    "negation_lost",
                    severity,
                    f"the source negates {where} ({told}), the translation {how}",
                    source_span=(first.start, last.end),
                )
            ]
        denial = _denial_negated(context)
        if denial is not None:
            return [denial]
        added = main_negations(context.target)
        if added and not reading.cue and self._one_statement(context):
            cue = added[0]
            return [
                finding(
                    self.name,
                    "negation_added",
                    "major",
                    f"the translation negates ({cue.text!r}) what the source says in the "
                    "affirmative",
                    target_span=(cue.start, cue.end),
                )
            ]
        if reading.main or added:
            return []  # "did not rise" against "감소하지 않았다": the negations carry the sense
        return self._direction(context)

    @staticmethod
    def _lost(
        main: tuple[Negation, ...], context: CheckContext
    ) -> list[tuple[Negation, str | None]]:
        """The main negations the English does not carry, each with the English word that
        states the opposite where one does ("forgot" against "잊지 않았다")."""
        english = context.target
        if not main or len(english) < len(context.source):  # shorter: a part, or a fragment
            return []
        reason = _REASON_CLAUSE.search(english)
        reported = any(_closes_with_reason(context.source, n) for n in main)
        if reason and _gives_reason(context.source) and not reported:
            # "issued a warrant, saying the risk was not high" for "크지 않다며 ... 발부하지
            # 않았다": the negation inside the reason is the reason's own (one that is itself the
            # statement reported, "중단하지 않을 것이라며 밝혔다", stays; and a reason that quotes,
            # ", saying, \"We will not ...\"", may be the statement itself)
            english = english[: reason.start()]
        if negations(english):
            return []  # a clear negation carries it: "did not forget", "nobody came"
        if _only_with(context):
            return []  # "예약 없이는 입장할 수 없다": "open only to visitors with reservations"
        if _NOT_YET.search(context.source) and _STILL.search(english):
            return []  # "아직 잡히지 않았다": "the blaze was still burning"
        if _NOT_THE_FIRST.search(context.source) and _BEFORE.search(english):
            return []  # "처음은 아니다": "have been hits before"
        if any(n.stem in _CHANGE_STEMS for n in main) and _KEEPING.search(english):
            return []  # "규제를 완화하지 않기로 했다": "decided to keep the rules in place"
        lexical = mentions_negation(english) and mentions_negation(
            _without_renderings(
                context.source,
                [(n.start, n.end) for n in main],
                _without_adverbs(context, english),
            )
        )
        lost: list[tuple[Negation, str | None]] = []
        for negation in main:
            if negation.stem is not None and has_opposite(negation.stem):
                word = states_own_sense(negation.stem, english)
                if word:  # "He forgot": the stem's own sense, unnegated
                    lost.append((negation, word))
            elif not lexical:
                lost.append((negation, None))
        return lost

    def _outnumbered(self, main: tuple[Negation, ...], context: CheckContext) -> Finding | None:
        """A main predicate negated beside a negated reason given for it ("도주 우려가 없다며 ...
        법정구속하지는 않았다"), and the English with fewer negations in any form than that: its one
        "no" tells the reason ("saying there was no flight risk") and the main predicate is
        affirmative ("took him into custody"). Only a reason (-다며, -라면서) is counted apart:
        negated clauses joined by -고 or -으나 share one English negation as often as not ("it
        wasn't perfect, or even close"). Negations English may tell with an affirmative opposite
        are not counted."""
        english = context.target
        if len(english) < len(context.source):
            return None
        source = context.source
        reasons = [
            n
            for n in stated_negations(source)
            if _predicate(source, n).endswith(_REASON_ENDINGS)
            and all(n.start != m.start for m in main)
        ]
        keeping = _KEEPING.search(english) is not None  # "will maintain" for 줄이지 않겠다
        negated = [
            n
            for n in (*reasons, *main)
            if (n.stem is None or not has_opposite(n.stem))
            and not (keeping and n.stem in _CHANGE_STEMS)
        ]
        told = negation_count(english)
        if not reasons or len(negated) < 2 or told >= len(negated):
            return None
        predicates = ", ".join(dict.fromkeys(_predicate(context.source, n) for n in negated))
        return finding(
            self.name,
            "negation_lost",
            "major",
            f"the source negates {len(negated)} predicates ({predicates}), the translation "
            f"carries {told} negation{'s' if told != 1 else ''}: its main predicate is likely "
            "told in the affirmative",
            source_span=(main[0].start, main[-1].end),
        )

    @staticmethod
    def _lost_in_clause(
        stated: tuple[Negation, ...], context: CheckContext
    ) -> list[tuple[Negation, str | None]]:
        """The negations of the stating clauses before the main one, lost where the English
        carries no negation in any form: with a negation anywhere in it, the English may tell
        the clause in a clause of its own, which is not paired here."""
        english = context.target
        if not stated or len(english) < len(context.source):
            return []
        # an English word that renders another Korean word with a negating prefix carries that
        # word's negation, none of these: "unfair" (부당) for "공개하지 않은 것은 부당하다" told as
        # "it was unfair to have disclosed"
        others = [
            m.span()
            for m in _KOREAN_WORD.finditer(context.source)
            if not m.group(0).startswith(_NEGATING_SYLLABLES)
        ]
        own = _without_renderings(
            context.source,
            [_predicate_span(context.source, n) for n in stated] + others,
            _without_adverbs(context, english),
        )
        # a verb English tells by its opposite, stated unnegated with no clear negation anywhere:
        # "he broke the 2:10 wall" for "벽을 넘지 못하고", whatever else reads as one ("stopped")
        own_sense = _own_sense_stated(stated, english)
        if own_sense:
            return own_sense
        if mentions_negation(own) or _CLAUSE_NEGATION.search(english) or _only_with(context):
            return []
        not_yet = [m.start() for m in _NOT_YET.finditer(context.source)]
        if any(at < n.start for at in not_yet for n in stated) and _STILL.search(english):
            # "아직 배송되지 않은 소포": "parcels still in transit" (not a 여전히 of the main
            # clause after it: "끝나지 않아 여전히 고립된 상태다")
            return []
        lost: list[tuple[Negation, str | None]] = []
        for negation in stated:
            if negation.stem is not None and has_opposite(negation.stem):
                word = states_own_sense(negation.stem, english)
                if word:
                    lost.append((negation, word))
            else:
                lost.append((negation, None))
        return lost

    @staticmethod
    def _one_statement(context: CheckContext) -> bool:
        """The English is one sentence and not much longer than the Korean: a negation in it
        belongs to what the Korean says."""
        if len(split_english(context.target)) > 1:
            return False
        return len(context.target) <= _MAX_LENGTH_RATIO * len(context.source)

    def _direction(self, context: CheckContext) -> list[Finding]:
        paced = _pace_flipped(context) or _span_contradicted(context)
        if paced is not None:
            return [self._flip_finding(context, *paced)]
        korean = korean_directions(context.source)
        if not korean or compounds_change(context.source) or _won_for_rate(context):
            return []
        axes = frozenset().union(*(k.axes for k in korean))
        spans = [(k.start, k.end) for k in korean]
        target = _THRESHOLD.sub(lambda m: " " * len(m.group(0)), context.target)
        # a word of change that renders another Korean word is not this change's ("slowdown"
        # for 둔화); one only partly rendering another stays ("record low": 사상 is "record")
        blanked = _without_renderings(context.source, spans, target)
        english = [e for e in english_directions(target, axes) if blanked[e.start : e.end].strip()]
        if not english:
            return []
        flipped = _flipped(korean, english, (len(context.source), len(context.target)))
        flipped = flipped or _flipped_in_clause(context, korean, english)
        if flipped is None:
            return []
        return [self._flip_finding(context, *flipped)]

    def _flip_finding(
        self, context: CheckContext, said: DirectionMention, told: DirectionWord
    ) -> Finding:
        return finding(
            self.name,
            "direction_flipped",
            "major",
            f"the source says {_word(context.source, said.start, said.end)!r} "
            f"({said.direction}), the translation says {told.text!r} ({told.direction})",
            source_span=(said.start, said.end),
            target_span=(told.start, told.end),
        )


# a change told with its two ends: "from 2.2% to 2.0%", and the Korean "2.2%에서 2.0%로"
_ENGLISH_SPAN = re.compile(
    r"\bfrom\s+(?P<a>\d+(?:\.\d+)?)\s*(?:%|percent|won|dollars?)?\s+to\s+"
    r"(?P<b>\d+(?:\.\d+)?)(?![\d.]*\d)",
    re.IGNORECASE,
)
_KOREAN_SPAN = re.compile(r"(?P<a>\d+(?:\.\d+)?)\s*(?:%|퍼센트|원|달러)?\s*에서\s*(?P<b>\d+(?:\.\d+)?)")


def _span_contradicted(context: CheckContext) -> tuple[DirectionMention, DirectionWord] | None:
    """A change whose English word goes against its own two ends ("raised the forecast from
    2.2% to 2.0%" for "2.2%에서 2.0%로 낮췄다"): the figures, the same in the Korean, say which
    way it went, and the Korean word that says so is the one told the other way."""
    for match in _ENGLISH_SPAN.finditer(context.target):
        first, last = float(match["a"]), float(match["b"])
        if first == last:
            continue
        went: Direction = "up" if last > first else "down"
        if not any(
            float(k["a"]) == first and float(k["b"]) == last
            for k in _KOREAN_SPAN.finditer(context.source)
        ):
            continue
        offset = max(0, match.start() - 80)
        before = context.target[offset : match.start()]
        words = english_directions(before, frozenset({"amount"}))
        said = [k for k in korean_directions(context.source) if k.direction == went]
        if not words or not said or words[-1].direction == went:
            continue
        told = words[-1]
        if re.search(r"[.;]", before[told.end :]):
            continue  # the word belongs to another sentence
        return said[-1], dataclasses.replace(
            told, start=told.start + offset, end=told.end + offset
        )
    return None


# a refusal or a denial not made: "부인하지 않았다" (did not deny), "거부하지는 않았다"
_DENIALS = {"부인": "denial", "거부": "rejection", "거절": "refusal"}
# what follows 부인하지: 않다, or 못하다 (read as the auxiliary, or as the adverb 못 and 하다)
_NOT_MADE = frozenset({("VX", "않"), ("VX", "못하"), ("MAG", "못")})
_ENGLISH_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|reject\w*|refus\w*|turn(?:s|ed|ing)?\s+down|rebuff\w*)\b",
    re.IGNORECASE,
)


def _denial_negated(context: CheckContext) -> Finding | None:
    """A denial or refusal the Korean says was not made ("개각 가능성을 부인하지 않았다") told as
    made ("denied the possibility"), with no negation in the English to carry the 않."""
    told = _ENGLISH_DENIAL.search(context.target)
    if told is None or any(c.start != told.start() for c in negations(context.target)):
        return None  # no denial in the English, or a negation beside it that may carry the 않
    morphemes = analyse(context.source)
    for i, m in enumerate(morphemes[:-3]):
        if m.tag != "NNG" or m.form not in _DENIALS or morphemes[i + 1].tag != "XSV":
            continue
        after = morphemes[i + 2 : i + 5]
        auxiliary = next((n.form for n in after if (n.tag, n.form) in _NOT_MADE), None)
        if auxiliary is not None:
            said = f"{m.form}하지 {'않았다' if auxiliary == '않' else '못했다'}"
            return finding(
                "polarity",
                "negation_lost",
                "major",
                f"the source says no {_DENIALS[m.form]} was made ({said}), the "
                f"translation says it was ({told.group(0)!r})",
                source_span=(m.start, after[-1].end),
                target_span=told.span(),
            )
    return None


def _pace_flipped(context: CheckContext) -> tuple[DirectionMention, DirectionWord] | None:
    """A change slowed told as sped up, or the reverse ("증가세가 둔화됐다" as "growth
    accelerated"): the Korean's pace words all one way, the English's all the other."""
    korean = pace_changes(context.source)
    if not korean or len({k.direction for k in korean}) != 1:
        return None
    english = english_directions(context.target, frozenset({"pace"}))
    if not english or any(e.direction == korean[0].direction for e in english):
        return None
    return korean[0], english[0]


def _won_for_rate(context: CheckContext) -> bool:
    """The Korean tells the exchange rate and the English the won's value ("the local currency
    closed at 1,362.5 won, up 8.3 won"), whose direction copy reads either way."""
    return (
        _EXCHANGE_RATE.search(context.source) is not None
        and _WON_AS_SUBJECT.search(context.target) is not None
        and _RATE_IN_ENGLISH.search(context.target) is None
    )


# where two clauses meet: "12% 줄었지만, 피해액은 ... 늘었다" and ", but the average ... doubled"
_KOREAN_CLAUSE_BREAK = re.compile(r"(?:지만|으나|는데|으며|며|고),\s*")
_ENGLISH_CLAUSE_BREAK = re.compile(r",\s+(?:but|while|whereas|and)\s+|;\s+", re.IGNORECASE)


def _flipped_in_clause(
    context: CheckContext, korean: list[DirectionMention], english: list[DirectionWord]
) -> tuple[DirectionMention, DirectionWord] | None:
    """Two clauses on each side, the first or the second told the other way round, where the
    whole sentence reads no flip (the English told one change with a word that renders another:
    "nearly doubled" for "두 배 가까이 늘었다"). The clauses are paired only where they hold the
    same figure, so an English that reorders them is not read as turning them round."""
    ko_break = _KOREAN_CLAUSE_BREAK.search(context.source)
    en_break = _ENGLISH_CLAUSE_BREAK.search(context.target)
    if ko_break is None or en_break is None:
        return None
    parts = (
        ((0, ko_break.start()), (0, en_break.start())),
        ((ko_break.end(), len(context.source)), (en_break.end(), len(context.target))),
    )
    for (ko_start, ko_end), (en_start, en_end) in parts:
        said = [k for k in korean if ko_start <= k.start < ko_end]
        told = [e for e in english if en_start <= e.start < en_end]
        if not said or not told or len({k.direction for k in said}) != 1:
            continue
        if any(e.direction == said[0].direction for e in told):
            continue
        ko_figures = [q.value for q in korean_quantities(context.source[ko_start:ko_end])]
        en_figures = [q.value for q in english_quantities(context.target[en_start:en_end])]
        if any(values_match(e, k) for k in ko_figures for e in en_figures):
            return said[0], told[0]
    return None


def _flipped_in_one_kind(
    korean: list[DirectionMention], english: list[DirectionWord]
) -> tuple[DirectionMention, DirectionWord] | None:
    """Of one direction in the Korean, a kind of change (amount, contest, ...) that the Korean
    names once and the English names once, the other way."""
    for said in korean:
        if any(e.direction == said.direction and e.axis in said.axes for e in english):
            continue  # told its own way in one of its kinds: "밑돌았다" as "falling short"
        for axis in said.axes:
            same_kind = [e for e in english if e.axis == axis]
            named = [k for k in korean if axis in k.axes]
            if len(same_kind) == len(named) == 1 and same_kind[0].direction != said.direction:
                return said, same_kind[0]
    return None


def _flipped(
    korean: list[DirectionMention], english: list[DirectionWord], lengths: tuple[int, int]
) -> tuple[DirectionMention, DirectionWord] | None:
    """The Korean word of change and the English word that turns it round, if the English
    does:

    - one direction on each side, opposite ("감소했다" against "increased");
    - one direction in the Korean, both in the English, the opposite one at least as often
      and no more words of change than the Korean has ("늘어나면서 ... 오를 것" against
      "will fall as ... increases"; not "supporting or opposing" for "반대하는", which says
      more than the Korean);
    - changes of both directions in the Korean, as many words of change in the English, all
      of one direction: one of them was turned round ("하락세를 이어간 끝에 상승세로 돌아섰다"
      against "rebounded after the largest slide", with "slide" made "rally"). The pairs are not
      read in order: English often tells the later change first. With fewer words in the
      English, it may have told a change with no word of direction, and is left alone;
    - as many words of change on each side, in other numbers of each direction (two falls and a
      rise against two rises and a fall).
    """
    said = {k.direction for k in korean}
    told = {e.direction for e in english}
    if len(said) == 1:
        direction = korean[0].direction
        opposite = [e for e in english if e.direction != direction]
        if len(english) > len(korean) and len(told) > 1:
            # "supporting or opposing" for "반대하는": more than the Korean says; but a kind of
            # change told only the other way ("내려앉았다" (amount) as "rose", beside a record of
            # "1 win and 1 loss" the Korean tells in figures) is turned round
            return _flipped_in_one_kind(korean, english)
        # at least as often the other way, or as many words of change with one turned round:
        # "줄어 ... 뒷걸음질했다" (fell, retreating) against "increased ..., retreating"
        if opposite and (
            len(opposite) >= len(english) - len(opposite) or len(english) == len(korean)
        ):
            # the Korean word of the English word's kind: "줄어" (amount) for "increased", not
            # the "부진" (condition) that caused it
            told_wrong = opposite[0]
            said_kind = next((k for k in korean if told_wrong.axis in k.axes), korean[0])
            return said_kind, told_wrong
        return None
    if len(english) != len(korean):
        return None
    source_length, target_length = lengths
    if len(told) == 1:
        lost = next(k for k in korean if k.direction not in told)
        # the English word of the lost change's kind ("expanding" (amount) for "줄었다", not
        # "surplus" (balance) for "흑자"), about as far into its sentence: in "increased 6.8%,
        # while cargo rose 0.9%" for "6.8% 늘었지만 ... 0.9% 줄었다", the "rose"
        kind = [e for e in english if e.axis in lost.axes] or english[:1]
        told_there = in_the_same_place(kind, lost.start, source_length, target_length)
        return (lost, told_there) if told_there is not None else None
    if sorted(k.direction for k in korean) != sorted(e.direction for e in english):
        # as many words of change, in other numbers of each direction ("늘어난 ... 하락 ... 줄었다"
        # against "increasing ... increased ... fall"): one was turned round; in order, the
        # first pair that disagrees names it (or, where the English reordered, a neighbour)
        told_wrong = next(
            (e for k, e in zip(korean, english, strict=True) if k.direction != e.direction), None
        )
        if told_wrong is None:
            return None
        # the Korean word it turns round: of the other direction, about as far into its sentence
        place = told_wrong.start / max(target_length, 1)
        return min(
            (k for k in korean if k.direction != told_wrong.direction),
            key=lambda k: abs(k.start / max(source_length, 1) - place),
        ), told_wrong
    return None


def _word(source: str, start: int, end: int) -> str:
    """The Korean word around a span, for the message: "감소했다" for "감소"."""
    begin, finish = _word_span(source, start, end)
    return source[begin:finish].strip(_PUNCTUATION)
