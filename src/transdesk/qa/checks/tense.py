"""Tense against the calendar: a past event told as future, or a coming one told as past.

The seed article turned "지난해 6월 ... 만난 바 있다" (they met in June last year) into "are set to
meet ... in June 2024", in an article dated Sept. 2, 2025; another story turned "전날 담화를 내고
... 밝힌 바 있다" (said in a statement the day before) into "will issue a statement". The source's
own tense (kiwi's past marker 었/았, the perfect "-ㄴ 바 있다"), its words of time ("전날",
"지난") and its dates resolved against the dateline say when the event happened.

The comparison is between main predicates. A future in the English that belongs to reported
content ("said it will hold talks", "... will continue, he said") or to a relative clause ("in
what will be the first visit") is not the sentence's own tense: it is held only when the Korean
says the reported content itself is past ("약했다고 말했다" → "said it will be weak").
"""

from __future__ import annotations

import re
from dataclasses import replace

from transdesk.article import Finding
from transdesk.dates import resolve_dates
from transdesk.qa.base import CheckContext, finding
from transdesk.ingest.sentences import split_sentences
from transdesk.qa.english import sentence_spans
from transdesk.qa.korean_tense import (
    MainClause,
    dates_a_noun,
    first_clause_past,
    main_clause,
    past_time,
    reports_present,
    source_tense,
    statement_made,
)

_ENGLISH_FUTURE = re.compile(
    # "will", not the noun: "at will", "free will", "the will of the people"
    r"(?<!at\s)(?<!free\s)(?<!good\s)(?<!the\s)(?<!own\s)(?<!political\s)"
    r"\b(?:will(?!\s+of\b)|shall|won't|(?:is|are|was|were)\s+(?:set|scheduled|slated|due|going)\s+to|"
    r"(?:is|are)\s+(?:poised|about)\s+to)\b|'ll\b|"
    # "the government is to designate": an arrangement, not "the goal is to reduce"
    r"(?<!goal\s)(?<!aim\s)(?<!plan\s)(?<!task\s)(?<!idea\s)(?<!purpose\s)(?<!mission\s)"
    r"(?<!intention\s)(?<!objective\s)(?<!priority\s)(?<!point\s)(?<!job\s)(?<!way\s)"
    r"\b(?:is|are)\s+to\s+(?:be\s+)?[a-z]+",
    re.IGNORECASE,
)
# plans told in the present: a future only where the source has no prospect of its own
_ENGLISH_PLAN = re.compile(r"\b(?:plans?|planning|intends?|aims?)\s+to\b", re.IGNORECASE)
# a prospect told in the present ("is expected to launch", "is gearing up to hold", "is
# considering issuing"): the sentence's own tense only where it has no past verb (not in "the
# number of children a woman is expected to have rose")
_ENGLISH_PROSPECTIVE = re.compile(
    r"\b(?:(?:is|are)\s+(?:expected|likely|gearing\s+up|preparing|seeking|looking|moving)\s+to\b|"
    r"(?:is|are)\s+(?:considering|weighing|mulling)(?=\s+\w+ing\b))",
    re.IGNORECASE,
)
_ENGLISH_PAST_VERB = re.compile(
    r"\b(?:\w{3,}ed|was|were|had|did|said|rose|fell|grew|won|lost|met|held|made|took|gave|"
    r"came|went|saw|told|left|led|began|sold|bought|hit|set|put|cut|shot|fought|drew|ran)\b",
    re.IGNORECASE,
)
_ENGLISH_PROSPECT = re.compile(
    r"\b(?:will|would|shall|'ll|won't|going\s+to|set\s+to|scheduled|slated|plans?|planned|"
    r"planning|expect\w*|upcoming|next|coming|later|to\s+be|intend\w*|aim\w*|due|until|hope\w*|"
    r"to\s+\w+|could|may|might|should|must|can|"
    # the present of a schedule: "the budget takes effect on Jan. 1", "the festival opens Friday"
    r"takes?\s+effect|go(?:es)?\s+into\s+effect|comes?\s+into\s+(?:force|effect)|"
    r"begins?|starts?|opens?|runs?|kicks?\s+off|ends?|closes?|expires?|lasts?|applies|apply)\b",
    re.IGNORECASE,
)
# a future put on the verb of saying: "police will say", "he will tell reporters"
_FUTURE_SPEECH = re.compile(
    r"\b(?:will|shall|'ll)\s+(?:\w+ly\s+)?(?:say|tell|report|announce|add|state|claim|insist|"
    r"argue|note|confirm|explain|write|reply|warn|stress|deny|admit|told|said|emphasi[sz]e|"
    r"underscore|highlight|declare|assert|vow|pledge|point\s+out|remark|comment)\b",
    re.IGNORECASE,
)
# a future put on the act of stating itself: "will issue a statement", "is set to hold a press
# conference" (the statement, not what it says, is made future)
_FUTURE_STATEMENT = re.compile(
    r"\b(?:will|shall|'ll|(?:is|are)\s+(?:set|scheduled|slated|due|going)\s+to)\s+(?:\w+ly\s+)?"
    r"(?:issue|release|publish|put\s+out|deliver|make|give|hold|post|send|unveil|read|present)"
    r"\s+(?:\w+\s+){0,3}?(?:statements?|press\s+releases?|announcements?|briefings?|"
    r"(?:press|news)\s+conferences?|remarks|speech|message|communiqu\w+|commentary|posts?|"
    r"letters?|address|declaration|plans?)\b",
    re.IGNORECASE,
)
# a future glued to a past time: "to be launched last month", "will hold talks yesterday" (no
# English says this of a coming event)
_FUTURE_THEN_PAST = re.compile(
    r"\b(?:will(?:\s+be)?|to\s+be)\s+(?:\w+ly\s+)?[a-z]+\s+(?:"
    r"(?:last|earlier\s+this)\s+(?:week|month|year|spring|summer|fall|autumn|winter)(?!['’]s)|"
    r"yesterday|(?:a|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago)\b",
    re.IGNORECASE,
)
# a verb of saying that frames what follows or precedes it as reported content
_ENGLISH_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|stated|states|added|adds|announced|announces|noted|warned|"
    r"stressed|explained|reported|reports|claimed|insisted|wrote|declared|confirmed|predicted|"
    r"argued|vowed|pledged|promised|expects?|expected|believes?|believed|thinks?|thought|"
    r"projected|projects|estimated|anticipated|complained|lamented|admitted|acknowledged|"
    r"conceded|cautioned|"
    r"hopes?|hoped|according\s+to|quoted|statement\s+that|announcement\s+that|confident|sure|"
    r"convinced|certain|predicts?|"
    # the verb, not the noun: "forecast that", not "typhoon forecasts at a briefing"
    r"forecast(?:s|ed)?(?=\s+(?:that|it|he|she|they|a|an|the|\d)\b))\b",
    re.IGNORECASE,
)
# words that open a clause of their own before a future: "in what will be", "when it will"
# ("before" and "after" are left out: in news copy they are mostly prepositions)
_SUBORDINATOR = re.compile(
    r"\b(?:who|whom|whose|which|what|where|when|whether|if|because|until|unless|once|while|how|"
    r"why|whatever|whoever|so\s+that)\b",
    re.IGNORECASE,
)
_QUOTES = "\"“”"
# a decision taken: "늘리기로 의결했다", "하기로 합의했다"; and its English
_DECISION = re.compile(r"기로\s*(?:의결|합의|결정|결의|확정)")
_DECIDED = re.compile(
    r"\b(?:decided|agreed|voted|approved|resolved|endorsed|adopted|passed|settled)\b", re.I
)
# the decision itself still to take: "will decide", "will meet to decide", "plans to vote on"
_FUTURE_DECIDING = re.compile(
    r"\b(?:will|shall|'ll|(?:is|are)\s+(?:set|scheduled|slated|due|going|expected)\s+to|"
    r"plans?\s+to)\s+(?:\w+\s+){0,6}?(?:decide|vote\s+on|agree\s+on|determine|finali[sz]e)\b",
    re.IGNORECASE,
)
# a future on the first verb of what a verb of saying reports: "said on the previous day that it
# will confirm", "conveyed that the two ministers will check" (not "said the summit that will be
# held", a relative clause; not a quotation, which a comma or a quotation mark opens)
_REPORTED_FUTURE = re.compile(
    r"\b(?:said|says|told|conveyed|reported|announced|stated|added|explained|noted|claimed|"
    r"confirmed|revealed|disclosed)\b"
    r"(?:\s+(?!(?:which|who|whom|whose|when|where|if|whether|because|while|although|though|"
    r"unless|until|once|and|but)\b)[\w'’.-]+){0,10}?(?<!\bthat)"
    r"\s+(?P<future>will|would|shall)(?!\s+have\b)\s+(?:\w+ly\s+)?\w+",
    re.IGNORECASE,
)
# where an English sentence's first coordinate clause ends: ", and", ", but", ", while", ";"
_COORDINATE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\b|;")
# a Korean sentence ending before more text: "마쳤다. 누리호 ..." (a cheap test before the
# newsroom's splitter, which also keeps a quotation whole)
_KOREAN_SENTENCE_END = re.compile(r"(?<=[다요]\.)\s+(?=\S)")


class TenseCheck:
    name = "tense"
    description = "a past event is not told as future, nor a coming one as past"

    def run(self, context: CheckContext) -> list[Finding]:
        if context.is_headline:
            return []  # headlines are in the historical present by convention
        found = self._pair(context)
        if found:
            return found
        # two Korean sentences in one pair, told in as many English ones: each on its own, so
        # the next sentence's prospect ("6차 발사는 ... 예정돼 있다") does not cover a past
        # made future in the first ("선정도 마쳤다" as "will also complete the selection")
        if not _KOREAN_SENTENCE_END.search(context.source.strip()):
            return []  # one sentence: nothing to split (the splitter runs kiwi)
        korean = [sentence.text for sentence in split_sentences(context.source)]
        spans = _sentence_spans(context.target)
        if len(korean) < 2 or len(korean) != len(spans):
            return []
        for sentence, (start, end) in zip(korean, spans, strict=True):
            part = replace(context, source=sentence, target=context.target[start:end])
            for item in self._pair(part):
                span = item.target_span
                moved = (span[0] + start, span[1] + start) if span else None
                return [replace(item, target_span=moved)]
        return []

    def _pair(self, context: CheckContext) -> list[Finding]:
        clause = main_clause(context.source)
        settled = self._settled_made_future(context, clause)
        if settled:
            return [self._past_as_future(settled)]
        past, future = source_tense(context.source)
        glued = _FUTURE_THEN_PAST.search(context.target)
        if glued and (past or past_time(context.source)):
            return [self._past_as_future(glued)]
        mentions = resolve_dates(context.source, context.dateline)
        dated_past = past_time(context.source) or any(
            m.last and context.dateline and m.last < context.dateline for m in mentions
        )
        settled_past = clause.past and not clause.future and not clause.speech
        dated_future = any(
            ((m.first and context.dateline and m.first > context.dateline)
             or m.surface.startswith(("오는", "내년", "다음", "내달")))
            and not context.source[m.end : m.end + 1] == "도"  # "2027년도 예산안": a fiscal year
            # "내년 3월 열리는 대회 출전권을 확보했다": the coming date is the championship's
            and not (settled_past and dates_a_noun(context.source, m.end))
            for m in mentions
        )
        if dated_future:
            if not past and not _ENGLISH_PROSPECT.search(context.target):
                return [
                    finding(
                        self.name,
                        "future_as_past",
                        "major",
                        "the source describes a coming event, the translation tells it as past",
                    )
                ]
            return []
        spoken = next(
            (m for m in _FUTURE_SPEECH.finditer(context.target) if not _quoted(context.target, m)),
            None,
        )  # inside quotation marks, a future of saying is the speaker's ("how it will state")
        # "will say" for a past: what was said made future ("말했다"), or a past act told as a
        # coming statement ("동의했다" as "will say he agreed")
        if spoken and clause.past and (clause.speech or not clause.future):
            return [self._past_as_future(spoken)]
        main, reported = _english_futures(context.target, plans=not future or dated_past)
        stated = _FUTURE_STATEMENT.search(context.target)
        if (
            stated
            and main
            and main.start() == stated.start()
            and clause.past
            and not clause.future
            and (not clause.content_future or statement_made(context.source))
        ):
            return [self._past_as_future(stated)]
        deciding = _FUTURE_DECIDING.search(context.target)
        if clause.past and clause.future and _DECISION.search(context.source) and deciding:
            # "찬성 투표를 하기로 결정했다" told as "will hold a meeting to decide on voting in
            # favor": the decision taken is made one still to take
            if not _DECIDED.search(context.target) and not _quoted(context.target, deciding):
                return [self._past_as_future(deciding)]
        if clause.past and clause.future and dated_past and _DECISION.search(context.source):
            # "지난 27일 이사회를 열어 ... 늘리기로 의결했다": the decision is dated and past, so a
            # future on the meeting ("will hold a board meeting on the 27th") with no past verb
            # of deciding beside it makes the decision itself coming
            main, _ = _english_futures(context.target, plans=True)
            if main and not _DECIDED.search(context.target):
                return [self._past_as_future(main)]
            return []
        if not clause.past or clause.future:
            return []
        if clause.speech:
            # "밝혔다" told as "will issue a statement": the statement itself made future
            if main and not _ENGLISH_SPEECH.search(context.target):
                if not clause.content_future or dated_past:
                    return [self._past_as_future(main)]
            # "약했다고 말했다" told as "said it will be weak": what was said made future
            if reported and clause.content_past and not clause.content_future:
                return [self._past_as_future(reported)]
            return []
        candidate = main or reported
        if candidate and (not future or dated_past) and not reports_present(context.source):
            return [self._past_as_future(candidate, _last_future(context.target, candidate))]
        return []

    @staticmethod
    def _settled_made_future(context: CheckContext, clause: MainClause) -> re.Match[str] | None:
        """A past the Korean settles on its own predicate, told as future, whatever coming
        events the rest of the sentence names:

        - what was said ends in a past ("점검했다고 전했다", "확정했다고 밝힌 바 있다") and the
          English puts a future on the first verb of the report ("conveyed that the two
          ministers will check"), though the summit they prepared for is next year's;
        - the sentence opens with a past clause of its own ("집중 논의했으며, 다음 달 ... 열기로
          했다") and the English its first coordinate clause with a future ("will discuss ...,
          and decided to hold").
        """
        target = context.target
        if clause.past and clause.speech and clause.content_settled:
            return next(
                (m for m in _REPORTED_FUTURE.finditer(target) if not _in_adverbial(target, m)),
                None,
            )
        if clause.speech or not first_clause_past(context.source):
            return None
        cut = _COORDINATE_BREAK.search(target)
        if cut is None:
            return None  # told in one clause: which English verb renders the first is not read
        first = target[: cut.start()]
        if _ENGLISH_SPEECH.search(first):
            return None
        main, _ = _english_futures(first, plans=True)
        return main

    def _past_as_future(self, match: re.Match[str], end: int | None = None) -> Finding:
        """The finding at the future (`end`: where the last of the same sentence's main futures
        ends, "will not return home and will move")."""
        group = "future" if "future" in match.re.groupindex else 0  # the future, not the report
        start, finish = match.span(group)
        return finding(
            self.name,
            "past_as_future",
            "major",
            "the source reports a past event, the translation presents it as future "
            f"({match.group(group)!r})",
            target_span=(start, max(finish, end or finish)),
        )


# what makes "plans to" a noun: "reviewed plans to recover", "its plans to expand"
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|its|their|his|her|our|your|new|any|no|such|of|on|with|for|about|"
    r"this|that|these|those)|"
    r"\w+ed|'s|’s)\s+$",
    re.IGNORECASE,
)


# what a bare "plan to" needs before it to be a verb: "they plan to", "and plan to seek"
_SUBJECT_BEFORE = re.compile(
    r"\b(?:they|we|i|you|also|still|now|and|who|officials|authorities|police|"
    # a plural subject: "Prosecutors plan to indict" (not "his plan to", "this plan to")
    r"(?!(?:his|its|this|thus|was|has|is|us|as)\b)[a-z]{2,}s)\s+$",
    re.IGNORECASE,
)


def _plan_is_noun(target: str, match: re.Match[str]) -> bool:
    """ "reviewed plans to recover", "the U.S. plan to put": a noun, not a future."""
    word = match.group(0).lower().split()[0]
    before = target[max(0, match.start() - 30) : match.start()]
    if word in ("plan", "aim"):  # "intend" is never a noun
        return not _SUBJECT_BEFORE.search(before)
    return word.startswith(("plan", "aim")) and bool(_NOUN_BEFORE.search(before))


def _english_futures(
    target: str, plans: bool
) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The first future on the English main predicate, and the first in reported content (after
    or before a verb of saying, or inside quotation marks). A future in a relative or adverbial
    clause is neither."""
    matches = list(_ENGLISH_FUTURE.finditer(target))
    if plans:
        matches += [m for m in _ENGLISH_PLAN.finditer(target) if not _plan_is_noun(target, m)]
        if not _ENGLISH_PAST_VERB.search(_ENGLISH_PROSPECTIVE.sub(" ", target)):
            matches += list(_ENGLISH_PROSPECTIVE.finditer(target))
    matches.sort(key=lambda m: m.start())
    spans = _sentence_spans(target)
    main = reported = None
    for match in matches:
        start, end = next(((a, b) for a, b in spans if a <= match.start() < b), (0, len(target)))
        before = target[start : match.start()]
        quoted = _quoted(target, match)
        if _SUBORDINATOR.search(before) and not quoted:
            continue
        if quoted or _ENGLISH_SPEECH.search(target, start, end):
            reported = reported or match
        else:
            main = main or match
    return main, reported


def _last_future(target: str, first: re.Match[str]) -> int:
    """Where the last future of the first one's sentence that is joined to it by "and" ends:
    one past told as two coming acts ("will not return home and will move") is one finding."""
    end = first.end()
    for match in _ENGLISH_FUTURE.finditer(target, first.end()):
        between = target[end : match.start()]
        if re.search(r"[.;!?\"“”]", between) or not re.search(r"\band\b", between):
            break
        end = match.end()
    return end


# an adverbial clause opened just before a report: "after Trump announced that he would"
_ADVERBIAL_BEFORE = re.compile(
    r"\b(?:after|before|since|when|once|until|as)\s+(?:[\w.'’-]+\s+){0,6}$", re.IGNORECASE
)


def _in_adverbial(target: str, match: re.Match[str]) -> bool:
    """The report is inside an adverbial clause of the sentence: its future belongs to that
    report ("gathered pace after Trump announced that he would raise tariffs"), not to the
    sentence's own."""
    return _ADVERBIAL_BEFORE.search(target, 0, match.start()) is not None


def _quoted(target: str, match: re.Match[str]) -> bool:
    """The match lies inside quotation marks."""
    return sum(target[: match.start()].count(q) for q in _QUOTES) % 2 == 1


def _sentence_spans(target: str) -> list[tuple[int, int]]:
    """Where each English sentence lies: a verb of saying frames only its own sentence ("...,
    he said. The allies will hold talks" has a main future in the second)."""
    return sentence_spans(target) or [(0, len(target))]
