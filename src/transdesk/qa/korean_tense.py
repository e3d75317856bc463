"""When a Korean sentence's events happen, read from its morphemes (kiwi).

`source_tense` says whether the sentence has a past marker (었/았) and a marker of the future,
an intention or a prospect ("할 것", "예정", "계획", "겠"). `main_clause` looks at the sentence's
final predicate only: is it past, and is it a verb of saying ("밝혔다", "말했다", "보도했다") whose
quoted content may carry a future of its own? `reports_present` finds quoted content in the
present ("축소한다고 밝혔다": said it will cut), which English renders with "will".

The main clause's past includes the perfect ("만난 바 있다", "간 적이 있다": have met, have
been), which carries no past marker of its own, and leaves out "-게 됐다" (has come to, is to:
"물려받게 됐다"), which Korean uses for arrangements English tells in the future. For a verb of
saying, `main_clause` also reads the tense of what was said: the clauses before it.

`past_time` finds the words that place an event before the dateline without a date ("전날",
"지난 3일", "앞서", "이미"); `statement_made` finds a statement already made ("전날 담화를 내고",
"성명을 통해"), the act English must not tell as "will issue a statement".
"""

from __future__ import annotations

from dataclasses import dataclass

from transdesk.qa.morph import Morpheme, analyse, heads_predicate
from transdesk.qa.speech_verbs import TENSE_SPEECH_VERBS

# Nouns, verbs and endings of the future, an intention or a prospect, with the prospective
# adnominal ending (할, 될: "공개될 영화", "할 수 있다", "할 것"). A bare "것" ("한 것으로
# 알려졌다") and "하기 위해" (in order to) are not: English renders them with a past and "to".
_FUTURE_FORMS = frozenset(
    {
        "겠",
        "예정",
        "계획",
        "방침",
        "전망",
        "앞으로",
        "향후",
        "내년",
        "다음",
        "내달",
        "기로",
        "려",
        "려고",
        "도록",
        "목표",
        "추진",
        "가능성",
        "이듬해",
        "예상",
        "기대",
        "방안",
        "의향",
        "의사",
        "준비",
        "바라",
        "희망",
        "예고",
        "약속",
        "다짐",
        "경고",
        "우려",
        "앞두",
        "합의",
        "동의",
    }
)
_PAST_FORMS = frozenset({"었", "았", "였", "했", "ᆻ", "었었"})
# verbs of saying and thinking (the shared core) with the questions and the denial
_SPEECH_VERBS = TENSE_SPEECH_VERBS


@dataclass(frozen=True)
class MainClause:
    past: bool  # the final predicate is past ("만났다", "밝혔다", "만난 바 있다")
    speech: bool  # ... and it is a verb of saying or thinking
    future: bool = False  # the final predicate itself is a prospect ("할 예정이다", "하기로 했다")
    content_past: bool = False  # for a verb of saying: what was said is past ("약했다고")
    content_future: bool = False  # ... or coming ("방한할 것이라고", "축소한다고")
    # what was said ends in a past predicate that is no prospect of its own ("점검했다고
    # 전했다"), whatever future its nouns hold ("내년 열릴 예정인 정상회담 준비 상황을")
    content_settled: bool = False


def _is_future(morphemes: tuple[Morpheme, ...], i: int) -> bool:
    morpheme = morphemes[i]
    following = morphemes[i + 1].form if i + 1 < len(morphemes) else ""
    if morpheme.form == "기" and following == "로":
        return True  # "주기로 했다": agreed to pay
    if morpheme.tag == "EP":
        return morpheme.form == "겠"
    if morpheme.tag == "ETM":
        # "실릴 큐브위성" (the satellites to be loaded): a relative clause's prospect, not the
        # sentence's; "할 계획", "할 것" keep theirs (the noun, or the bound noun, says it)
        after = morphemes[i + 1] if i + 1 < len(morphemes) else None
        if after is not None and after.tag in ("NNG", "NNP") and after.form not in _FUTURE_FORMS:
            return False
        return morpheme.form in ("ᆯ", "을")
    if morpheme.tag.startswith("NN") and following in ("을", "를") and _object_of_past(morphemes, i):
        return False  # "대응 방안을 논의했다": discussed countermeasures, a past act
    if morpheme.tag.startswith("NN") and following in ("보다", "대로", "치"):
        return False  # "당초 예상보다 덜 걷혔다" (less than expected), "예상치를 웃돌았다"
    after = morphemes[i + 2] if i + 2 < len(morphemes) else None
    if morpheme.tag.startswith("NN") and following == "이" and after and after.tag == "ETM":
        return False  # "열릴 예정인 정상회담": the summit's prospect, in a relative clause
    if morpheme.form in _COMING_TIMES and _modifies_noun(morphemes, i + 1):
        return False  # "내년 3월 열리는 대회": the championship's date, not the sentence's
    return morpheme.form in _FUTURE_FORMS and morpheme.tag.startswith(("N", "M", "E", "V"))


# words of a coming time, which may date a noun in a relative clause rather than the predicate
_COMING_TIMES = frozenset({"내년", "다음", "내달", "이듬해"})


# verbs of saying that make the plan their object a thing shown, not a prospect reported:
# "방안을 공개한 바 있다" (unveiled the plan)
_DISCLOSING = frozenset({"공개", "발표"})


def _object_of_past(morphemes: tuple[Morpheme, ...], i: int) -> bool:
    """The noun at `i`, with its object particle, is the object of the next predicate, and that
    predicate is past and no verb of saying ("방안을 논의했다"; not "계획을 밝혔다", which reports
    the plan, nor "계획을 세울 것", a prospect of its own)."""
    rest = [m for m in morphemes[i + 2 : i + 8] if m.tag != "MAG"][:4]  # "방안을 처음 공개한"
    if not rest or rest[0].form in _SPEECH_VERBS and rest[0].form not in _DISCLOSING:
        return False
    for m, nxt in zip(rest, (*rest[1:], None), strict=True):
        if m.tag.startswith(("VV", "XSV")) or (m.tag == "NNG" and nxt and nxt.tag == "XSV"):
            continue
        return m.tag == "EP" and m.form in _PAST_FORMS
    return False


def source_tense(text: str) -> tuple[bool, bool]:
    """(has a past marker, has a future, intention or prospect marker)."""
    morphemes = analyse(text)
    past = any(m.tag == "EP" and m.form in _PAST_FORMS for m in morphemes)
    future = any(_is_future(morphemes, i) for i in range(len(morphemes)))
    return past, future


# the bound nouns of the perfect: "만난 바 있다", "간 적이 있다"
_PERFECT_NOUNS = frozenset({"바", "적"})
# where a clause ends: a connective or adnominal ending, a quotative particle ("라고", "고"),
# an earlier sentence ending (inside a quotation)
_CLAUSE_ENDS = ("EC", "ETM", "EF", "JKQ")
_PUNCTUATION = ("SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW")


def _clause_start(morphemes: tuple[Morpheme, ...], end: int) -> int:
    """The index of the clause ending before position `end` (-1: the sentence's start)."""
    return max((i for i in range(end) if morphemes[i].tag in _CLAUSE_ENDS), default=-1)


def _is_perfect(morphemes: tuple[Morpheme, ...], start: int, end: int) -> bool:
    """"-ㄴ 바 있다", "-ㄴ 적(이) 있다": a past adnominal ending at `start`, a bound noun of the
    perfect after it, and "있다" as the clause's verb."""
    if start < 0 or morphemes[start].tag != "ETM" or morphemes[start].form not in ("ᆫ", "은"):
        return False
    clause = morphemes[start + 1 : end]
    return (
        bool(clause)
        and clause[0].tag == "NNB"
        and clause[0].form in _PERFECT_NOUNS
        and any(m.form == "있" and m.tag.startswith("V") for m in clause)
    )


def _has_past(morphemes: tuple[Morpheme, ...], start: int, end: int) -> bool:
    return any(m.tag == "EP" and m.form in _PAST_FORMS for m in morphemes[start:end])


def _has_future(morphemes: tuple[Morpheme, ...], start: int, end: int) -> bool:
    return any(_is_future(morphemes, i) for i in range(max(start, 0), end))


# verbs of writing that report what was written: "...라고 적었다", "...라고 썼다"
_WRITING_VERBS = frozenset({"적", "쓰"})
# nouns that make a predicate a prospect with the copula: "할 예정이다", "할 것이다"
_PROSPECT_NOUNS = frozenset(
    {"예정", "계획", "방침", "전망", "목표", "방안", "의향", "의사", "것", "터", "셈", "생각"}
)


def _predicate_future(morphemes: tuple[Morpheme, ...], start: int, end: int) -> bool:
    """The clause's predicate is itself a prospect: "-겠-", "할 예정이다", "하기로 했다",
    "하려고 한다". A noun of plans as its object ("계획을 발표했다") is not."""
    for i in range(start + 1, end):
        m = morphemes[i]
        nxt = morphemes[i + 1] if i + 1 < len(morphemes) else None
        if m.tag == "EP" and m.form == "겠":
            return True
        if m.form in _PROSPECT_NOUNS and m.tag.startswith("NN") and nxt and nxt.tag == "VCP":
            return True
        if m.form == "기" and nxt and nxt.form == "로":
            return True
    return start >= 0 and morphemes[start].form in ("려고", "려", "고자", "도록")


def _says(clause: tuple[Morpheme, ...]) -> bool:
    """The clause's predicate is a verb of saying or writing. Kiwi tags an irregular verb
    "VV-I" ("묻다": asked); a noun of saying is the verb only where it heads the predicate
    ("전망했다", not "전망치를 상향 조정했다")."""
    return any(
        (m.form in _SPEECH_VERBS and (_heads(clause, k) or m.tag.startswith("VV")))
        or (m.form in _WRITING_VERBS and m.tag.startswith("VV"))
        for k, m in enumerate(clause)
    )


def main_clause(text: str) -> MainClause:
    """The tense of the sentence's final predicate, whether it reports speech, and, for
    speech, the tense of what was said."""
    morphemes = analyse(text)
    ends = [i for i, m in enumerate(morphemes) if m.tag == "EF"]
    if not ends:
        return MainClause(past=False, speech=False)
    end = ends[-1]
    start = _clause_start(morphemes, end)
    perfect = _is_perfect(morphemes, start, end)
    if perfect:  # "밝힌 바 있다": the predicate is the verb before the bound noun
        end, start = start, _clause_start(morphemes, start)
    clause = morphemes[start + 1 : end]
    eventual = (
        start >= 0
        and morphemes[start].form == "게"
        and any(m.form == "되" for m in clause)  # "-게 됐다": has come to, is to
    )
    past = perfect or (not eventual and _has_past(morphemes, start + 1, end))
    speech = _says(clause)
    future = _predicate_future(morphemes, start, end)
    content_past = content_future = False
    if speech and start >= 0:
        # what was said: the clause before the quotative ending or particle at `start`
        last = start - 1
        while last >= 0 and (
            morphemes[last].tag in _PUNCTUATION or morphemes[last].tag in ("EF", "VCP")
        ):
            last -= 1
        opened = _clause_start(morphemes, last + 1)
        content_past = _has_past(morphemes, opened + 1, start)
        content_future = _has_future(morphemes, 0, start) or reports_present(text)
        content_settled = (
            content_past
            and morphemes[start].form in _QUOTATIVE_PAST
            and not _predicate_future(morphemes, opened, start)
            and not _prospect_stated(morphemes, start)
        )
        if content_settled and _says(morphemes[opened + 1 : start]):
            # "강화할 것이라고 말했다고 보도했다": what was reported is a statement, settled only
            # where its own content is ("강화했다고 말했다고"), not a prospect ("said it would")
            inner = text[: morphemes[start].start].rstrip() + "다."
            content_settled = main_clause(inner).content_settled
    return MainClause(
        past=past,
        speech=speech,
        future=future,
        content_past=content_past,
        content_future=content_future,
        content_settled=speech and start >= 0 and content_settled,
    )


def _heads(clause: tuple[Morpheme, ...], k: int) -> bool:
    """The noun at `k` is made the predicate: "발표했다" (발표 + 하), "발표를 했다", "설명이다"."""
    if clause[k].tag != "NNG":
        return False
    if heads_predicate(clause, k):
        return True
    rest = clause[k + 1 : k + 3]
    if rest and rest[0].form == "하":
        return True  # "답했다" is read 답 + 하 (VV) beside a question
    return len(rest) == 2 and rest[0].tag in ("JKO", "JX") and rest[1].form == "하"


def _prospect_stated(morphemes: tuple[Morpheme, ...], end: int) -> bool:
    """A clause before `end` states a prospect of its own ("방문할 예정이지만", "열기로 했고",
    "하겠다며"); a relative clause's ("열릴 예정인 정상회담") is the noun's."""
    for i in range(end):
        m = morphemes[i]
        nxt = morphemes[i + 1] if i + 1 < end else None
        after = morphemes[i + 2] if i + 2 < end else None
        if (m.tag == "EP" and m.form == "겠") or (m.form == "기" and nxt and nxt.form == "로"):
            return True
        if m.form in _PROSPECT_NOUNS and m.tag.startswith("NN") and nxt and nxt.tag == "VCP":
            if not (after and after.tag == "ETM"):
                return True
    return False


# the quotative endings of what was said, after a past marker: "점검했다고", "확정했다며"
_QUOTATIVE_PAST = frozenset({"다고", "다며", "다면서", "고"})
# the connective endings of a clause that states something of its own before the next one:
# "논의했으며", "전달했고", "합의했지만"
_STATING_CONNECTIVES = frozenset({"으며", "며", "고", "지만", "으나", "나", "는데", "ᆫ데"})


def first_clause_past(text: str) -> bool:
    """The sentence opens with a clause of its own whose predicate is past and no prospect
    ("양측은 ... 집중 논의했으며, 다음 달 ... 열기로 했다"), before any sentence ending or
    quotation: an event already done, whatever the main predicate plans."""
    morphemes = analyse(text)
    for i, m in enumerate(morphemes):
        if m.tag in ("EF", "JKQ", "SSO") or m.form in ("\"", "“"):
            return False
        if m.tag == "EC" and m.form in _STATING_CONNECTIVES:
            before = morphemes[i - 1] if i else None
            return bool(
                before
                and before.tag == "EP"
                and before.form in _PAST_FORMS
                and not _predicate_future(morphemes, _clause_start(morphemes, i), i)
            )
        if m.tag == "EC" and m.form not in ("어", "아", "여", "해", "게", "지"):
            return False  # a clause of cause, purpose or condition comes first
    return False


# the quotative endings of an action verb in the present: "축소한다고", "먹는다며", "간다면서"
_QUOTATIVE = ("ᆫ다고", "는다고", "ᆫ다며", "는다며", "ᆫ다면서", "는다면서")


def reports_present(text: str) -> bool:
    """Quoted or reported action in the present tense, which Korean uses for what is coming
    ("예산을 축소한다고 밝혔다": announced it will cut the budget; not "문제라고": is)."""
    morphemes = analyse(text)
    start = 0
    for i, morpheme in enumerate(morphemes):
        if morpheme.tag not in ("EC", "EF", "ETM"):
            continue
        clause = morphemes[start:i]
        start = i + 1
        if (
            morpheme.tag == "EC"
            and morpheme.form in _QUOTATIVE
            and not any(m.tag == "EP" and m.form in _PAST_FORMS for m in clause)
        ):
            return True
    return False


# words that place an event before the dateline without a date: "전날" (the day before), "지난"
# (last ...), "앞서" (earlier), "이미" (already), "당시" (at the time)
_PAST_TIME_NOUNS = frozenset({"전날", "어제", "작년", "지난해", "지난달", "지난주", "당시", "그간"})
_PAST_TIME_ADVERBS = frozenset({"앞서", "이미", "어제", "일찍이", "벌써"})


def past_time(text: str) -> bool:
    """The sentence places its event in the past by a word of time, not a date."""
    morphemes = analyse(text)
    for i, m in enumerate(morphemes):
        if m.tag.startswith("NN") and m.form in _PAST_TIME_NOUNS:
            return True
        if m.tag == "MAG" and m.form in _PAST_TIME_ADVERBS:
            return True
        following = morphemes[i + 1] if i + 1 < len(morphemes) else None
        if m.form == "지나" and m.tag == "VV" and following and following.form == "ᆫ":
            nxt = morphemes[i + 2] if i + 2 < len(morphemes) else None
            if nxt and nxt.tag.startswith(("NN", "SN")):  # "지난 3일", "지난 주말"
                return True
    return False


def dates_a_noun(text: str, position: int) -> bool:
    """The time ending at `position` belongs to a relative clause, not to the main predicate:
    the first predicate after it modifies a noun ("내년 3월 열리는 대회", the championship to be
    held next March; "다음 달 출시될 신차"), so the coming date is that noun's."""
    morphemes = analyse(text)
    after = next((i for i, m in enumerate(morphemes) if m.start >= position), len(morphemes))
    return _modifies_noun(morphemes, after)


def _modifies_noun(morphemes: tuple[Morpheme, ...], start: int) -> bool:
    """The first predicate from `start` on ends in an adnominal before a noun, before any
    clause of its own ends."""
    for i in range(start, len(morphemes) - 2):
        m, nxt = morphemes[i], morphemes[i + 1]
        if m.tag in ("SF", "EF") or (m.tag == "EC" and m.form not in ("어", "아", "여")):
            return False  # a clause of its own ends first: the time is its predicate's
        if m.tag.startswith(("VV", "VA", "XSV", "XSA", "VX", "EP")) and nxt.tag == "ETM":
            return morphemes[i + 2].tag in ("NNG", "NNP")
    return False


# nouns of a statement made: "담화를 내고", "성명을 통해", "보도자료에서", "기자회견을 열어"
_STATEMENT_NOUNS = frozenset(
    {"담화", "성명", "보도자료", "회견", "기자회견", "브리핑", "입장문", "발표문", "논평", "메시지",
     "서한", "연설", "글", "게시물", "공보", "담화문", "성명서", "자료"}
)


def statement_made(text: str) -> bool:
    """The sentence names a statement already made ("전날 담화를 내고", "성명을 통해"): a noun of
    statement in a clause with no future of its own ("회견을 열겠다고" is one still to come)."""
    morphemes = analyse(text)
    start = 0
    for i, m in enumerate(morphemes):
        if m.tag not in ("EC", "EF", "ETM", "JKQ") and i + 1 < len(morphemes):
            continue
        clause = range(start, i + 1)
        if any(
            morphemes[j].form in _STATEMENT_NOUNS and morphemes[j].tag.startswith("NN")
            for j in clause
        ) and not any(_is_future(morphemes, j) for j in clause):
            return True
        start = i + 1
    return False
