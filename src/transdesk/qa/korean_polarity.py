"""Negation and direction in a Korean sentence, read from its morphemes (kiwi), never its string.

Negation of a predicate takes these forms: "-지 않다" (VX 않), "안"/"못" before a verb (MAG),
"-지 못하다" (VX 못하), "없다" (VA 없), "아니다" (VCN), "-지 말다" (VX 말), the negating prefixes
불-/미-/비-/무- on the noun of a predicate ("불참했다": did not attend; "미정이다": is undecided;
kiwi tags the prefix XPN, or the word is one of the listed nouns), and the verbs of failure,
refusal and denial ("실패했다", "거부했다", "거절했다", "부인했다").

`read_negation` says whether the sentence's main predicate is negated: its final clause, or,
where that clause is a verb of saying or of report ("밝혔다", "것으로 알려졌다"), the clause of what
was said. What is not a negation of the main predicate:

- double negation: "-지 않을 수 없다" (cannot but), "없지 않다", "-지 않으면 안 된다" (must);
- "-ㄹ 수밖에 없다" (has no choice but), "뿐만 아니라" (not only ... but also), "A가 아니라 B"
  (the main clause is B);
- a negative or rhetorical question ("않겠느냐", "않을까", "아닌가"): it asserts the opposite;
- "미만" (less than), "이하" (or less), "-기 전" (before): no negation at all;
- the constructions of `negation_idioms` ("-고 말았다": ended up, "다름없다": amounts to,
  "5명밖에 만나지 않았다": met only five, "않았나 싶다": I think it was).

Each negation names the stem it negates ("잊" in "잊지 않았다"), for the lexical opposites English
tells in the affirmative ("remembered": `lexical_opposites`).

`stated_negations` reads the other clauses that state something of their own: a coordinate or
concessive clause ("밝히지 않았으며 ...", "알아낼 수 없지만 ..."), a quoted sentence inside the
sentence ("“문제가 있었던 것은 아니다”며 ..."), a report ("밝히지 않고 있다고 주장했다"), a
quoted statement ("충돌하지 않는다는 데 합의했다"), a condition ("뛰어들지 않았다면"), a relative
clause before a noun ("승인되지 않은 약": unapproved drugs) and one of manner with 채 ("경보를
내리지 않은 채": without a warning), each of which the English carries with a negation in some
form. A clause is read with its auxiliaries ("-지 않고 있다": is not doing) and its shell ("않을
것이며"); a clause of purpose ("-지 않도록"), manner with -게 ("-지 않게") or concession
("-더라도") is left alone: English tells those with "to prevent" or "free" as often as with
"not".

Its `cue` is wider: any negation anywhere in the sentence, or a word that English may render
with one ("모르다": not know, "어렵다": hardly, "불과": no more than, "아직": not yet, "처음": never
before). A negation is held as added only where there is none of these.

`directions` reads the words of change ("증가", "하락", "늘다", "흑자", "가결", "찬성") with the
kind of change each names, so the English can be read for the same kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from transdesk.qa.lexical_opposites import has_opposite
from transdesk.qa.morph import Morpheme, analyse, heads_predicate
from transdesk.qa.negation_idioms import negated_stem, not_a_negation
from transdesk.qa.speech_verbs import POLARITY_REPORTING

Direction = Literal["up", "down"]

_VERBAL = ("VV", "VA", "NN", "XR", "XS")

_CLAUSE_ENDS = ("EC", "ETM", "EF", "JKQ", "ETN")
# the tags of a clause that only carries what was said: "것으로", "것이라고"
_SHELL_TAGS = frozenset({"NNB", "JKB", "VCP", "EC", "JKQ", "SSC", "SF", "ETM", "JX"})
# the endings that quote: "한다고", "하라고", "말라고", "하자고", "하느냐고"
_QUOTATIVE_ENDINGS = frozenset(
    {"다고", "ᆫ다고", "는다고", "라고", "으라고", "자고", "냐고", "느냐고", "으냐고"}
)
_QUESTION_ENDINGS = ("냐", "느냐", "니", "까", "을까", "ᆯ까", "는가", "ᆫ가", "은가", "나", "랴")
# nouns of failure, refusal and denial, and nouns a negating prefix made ("불참": non-attendance)
_NEGATING_NOUNS = frozenset(
    {
        "실패",
        "거부",
        "거절",
        "부인",
        "불참",
        "불허",
        "불발",
        "불응",
        "불복",
        "불가",
        "불가능",
        "불출마",
        "불기소",
        "불승인",
        "미정",
        "미신고",
        "미확인",
        "미공개",
        "미발표",
        "미지급",
        "미납",
        "미가입",
        "미등록",
        "미이행",
        "미해결",
        "비공개",
        "무산",
        "무효",
        "무죄",
        "무혐의",
    }
)
_NEGATING_PREFIXES = frozenset({"불", "미", "비", "무", "몰"})
# verbs of saying and of report: the negation that matters is in what was said
_REPORTING = POLARITY_REPORTING
# words English may carry with a negation although they are none in Korean
_NEGATION_LIKE = frozenset(
    {
        "모르",
        "어렵",
        "힘들",
        "불과",
        "뿐",
        "아직",
        "전혀",
        "결코",
        "별로",
        "아무",
        "더이상",
        "이상",
        "미만",
        "이하",
        "이내",
        "제외",
        "외",
        "빼",
        "커녕",
        "막",
        "피하",
        "외면",
        "부족",
        "결여",
        "반대",
        "금지",
        "중단",
        "중지",
        "포기",
        "취소",
        "철회",
        "그치",
        "멈추",
        "끊",
        "잃",
        "사라지",
        "숨기",
        "감추",
        "침묵",
        "유보",
        "보류",
        "연기",
        "자제",
        "삼가",
        "배제",
        "부재",
        "결석",
        "누락",
        "빠지",
        "놓치",
        "면하",
        "면제",
        "벗어나",
        "탈락",
        "기각",
        "부정",
        "부결",
        "패배",
        "거의",
        "드물",
        "적",
        "전",
        "만",
        "오직",
        "단지",
        "그만두",
        "끝내",
        "마",
        "차단",
        "봉쇄",
        "방지",
        "막히",
        "제한",
        "어기",
        "위반",
        "안되",
        "못하",
        "의문",
        "글쎄",
        "반면",
        "대신",
        "실종",
        "상실",
        "무시",
        "무관",
        "모자라",
        "거두",
        "폐지",
        "폐쇄",
        "해제",
        "해산",
        "보이콧",
        "불구",
        "처음",
        "최초",
        "아끼",
        "함구",
        "닫",
        "긋",
        "반박",
        "지연",
        "단절",
        "모면",
        "일축",
        "부인",
        "거부",
        "거절",
        "실패",
        # reluctance and declining, which English tells as "did not want to", "declined to",
        # "urged him not to"; "the only" is often "no other"
        "꺼리",
        "고사",
        "사양",
        "만류",
        "기피",
        "유일",
        # no change, which English tells as "did not change", "has not moved", "still not"
        "동결",
        "보합",
        "그대로",
        "여전",
        "여전히",
        "유지",
        # remembering and holding on, which English tells as "never forgot", "refused to budge"
        "기억",
        "고수",
        "견지",
    }
)
# nouns with the prefix letters that are not negations ("비용": cost, "미국": America)
_NOT_PREFIXED = frozenset(
    {"비용", "비판", "비난", "비행", "비밀", "비율", "비교", "비서", "비상", "미래", "미사일",
     "미소", "미디어", "미술", "미인", "불", "불꽃", "불고기", "불길", "불교", "무기", "무대",
     "무역", "무게", "무엇", "무렵", "무장", "무력", "비롯", "미치", "비해", "무척", "미리"}
)


@dataclass(frozen=True)
class Negation:
    form: str
    start: int
    end: int
    stem: str | None = None  # the negated predicate's stem ("잊" in "잊지 않았다"), if read


@dataclass(frozen=True)
class NegationReading:
    main: tuple[Negation, ...]  # what negates a main predicate (empty: all are affirmative)
    question: bool  # every sentence is a question: a negation in one asserts the opposite
    cue: bool  # a negation, or a word English may render with one, anywhere in the sentence
    anywhere: bool = False  # a negation of any predicate, main or not


def _clauses(morphemes: tuple[Morpheme, ...]) -> list[tuple[int, int]]:
    """(start, end) index ranges of the clauses, each ending with its clause ending."""
    ranges, start = [], 0
    for i, m in enumerate(morphemes):
        if m.tag in _CLAUSE_ENDS:
            ranges.append((start, i + 1))
            start = i + 1
    if start < len(morphemes):
        ranges.append((start, len(morphemes)))
    return ranges


def _negations(morphemes: tuple[Morpheme, ...], start: int, end: int) -> list[Negation]:
    """The negations of one clause's predicate."""
    found = []
    for i in range(start, end):
        m = morphemes[i]
        nxt = morphemes[i + 1] if i + 1 < len(morphemes) else None
        prev = morphemes[i - 1] if i > 0 else None
        if _is_negator(m, nxt) and not_a_negation(morphemes, i):
            continue  # "-고 말았다", "다름없다", "5명밖에 ... 않았다", "않았나 싶다"
        if m.tag == "VX" and m.form in ("않", "아니하", "못하", "말"):
            found.append(Negation(m.form, m.start, m.end, negated_stem(morphemes, i)))
        elif m.tag == "MAG" and m.form in ("안", "못") and nxt and nxt.tag[:2] in _VERBAL:
            found.append(Negation(m.form, m.start, m.end, negated_stem(morphemes, i)))
        elif m.tag == "VA" and m.form == "없":  # "배제할 수 없다": the stem is 배제's
            found.append(Negation(m.form, m.start, m.end, negated_stem(morphemes, i)))
        elif m.tag == "VCN":
            # "뿐만 아니라", "A가 아니라 B": not the predicate's negation
            if nxt and nxt.tag == "EC" and nxt.form in ("라", "라고는"):
                continue
            found.append(Negation(m.form, m.start, m.end))
        elif m.tag == "XPN" and m.form in _NEGATING_PREFIXES and nxt and nxt.tag == "NNG":
            # "불참했다", not "비인도적 범죄"; "불기소 처분했다" (decided not to indict)
            if heads_predicate(morphemes, i + 1) or _disposes(morphemes, i + 2):
                noun = m.form + nxt.form
                stem = noun if has_opposite(noun) else None
                found.append(Negation(noun, m.start, nxt.end, stem))
        elif m.tag in ("NNG", "NNP") and m.form in _NEGATING_NOUNS:
            # "거부했다", "미정이다"; "부인" alone is also "wife"
            if not (prev and prev.tag == "XPN") and heads_predicate(morphemes, i):
                stem = m.form if has_opposite(m.form) else None  # "실패": "exploded"
                found.append(Negation(m.form, m.start, m.end, stem))
    return found


# the nouns of a decision that a negated noun before them names: "불기소 처분", "불허 결정"
_DISPOSITIONS = frozenset({"처분", "결정", "판정", "통보", "방침"})


def _disposes(morphemes: tuple[Morpheme, ...], i: int) -> bool:
    """The noun at `i` is a decision made a predicate ("처분했다", "결정했다")."""
    return (
        i < len(morphemes)
        and morphemes[i].tag == "NNG"
        and morphemes[i].form in _DISPOSITIONS
        and heads_predicate(morphemes, i)
    )


def _is_negator(m: Morpheme, nxt: Morpheme | None) -> bool:
    """A morpheme that negates the predicate it belongs to, idiom or not."""
    return (
        (m.tag == "VX" and m.form in ("않", "아니하", "못하", "말"))
        or (m.tag == "MAG" and m.form in ("안", "못") and bool(nxt) and nxt.tag[:2] in _VERBAL)
        or (m.tag == "VA" and m.form == "없")
        or m.tag == "VCN"
    )


def _double(morphemes: tuple[Morpheme, ...], before: tuple[int, int], negated: bool) -> bool:
    """Whether the clause before the main one negates it again: "-지 않을 수 없다", "없지 않다",
    "-지 않으면 안 된다"."""
    if not negated:
        return False
    start, end = before
    ending = morphemes[end - 1]
    if not _negations(morphemes, start, end):
        return False
    return ending.form in ("지", "ᆯ", "을", "으면", "면") and ending.tag in ("EC", "ETM")


def _is_question(morphemes: tuple[Morpheme, ...]) -> bool:
    for m in reversed(morphemes):
        if m.tag == "SF":
            if m.form == "?":
                return True
            continue
        if m.tag in ("SSC", "SW", "SE", "SO", "SP"):
            continue
        return m.tag in ("EF", "EC") and m.form.endswith(_QUESTION_ENDINGS)
    return False


def _reports(morphemes: tuple[Morpheme, ...], start: int, end: int) -> bool:
    """The clause is a verb of saying or report, or the "하다" of a quotation ("-지 말라고
    했다": told them not to; "않겠다고 했다": said he would not)."""
    clause = morphemes[start:end]
    # kiwi tags an irregular verb "VV-I" ("묻다", "이르다")
    if any(
        m.form in _REPORTING and (m.tag in ("NNG", "VX") or m.tag.startswith("VV"))
        for m in clause
    ):
        return True
    before = morphemes[start - 1] if start > 0 else None
    quoted = before is not None and (
        before.tag == "JKQ" or (before.tag == "EC" and before.form in _QUOTATIVE_ENDINGS)
    )
    return quoted and any(m.form == "하" and m.tag == "VV" for m in clause)


def _sentences(morphemes: tuple[Morpheme, ...]) -> list[tuple[Morpheme, ...]]:
    """The sentences of a pair's source (two Korean sentences may share one English)."""
    found, start = [], 0
    for i, m in enumerate(morphemes):
        nxt = morphemes[i + 1] if i + 1 < len(morphemes) else None
        if m.tag == "SF" and i > 0 and morphemes[i - 1].tag in ("EF", "SSC") and (
            nxt is None or nxt.tag not in ("SF", "SSC", "JKQ")
        ):
            found.append(morphemes[start : i + 1])
            start = i + 1
    if start < len(morphemes):
        found.append(morphemes[start:])
    return found


def read_negation(text: str) -> NegationReading:
    """Whether the main predicate of each sentence (or of what it reports) is negated."""
    morphemes = analyse(text)
    main: list[Negation] = []
    statements = 0
    for sentence in _sentences(morphemes):
        if _is_question(sentence):
            continue
        statements += 1
        main.extend(_main_negation(sentence))
    return NegationReading(
        tuple(main),
        question=statements == 0 and bool(morphemes),
        cue=_any_cue(morphemes),
        anywhere=bool(_negations(morphemes, 0, len(morphemes))),
    )


def _main_negation(morphemes: tuple[Morpheme, ...]) -> list[Negation]:
    """The negations of one sentence's main predicate, cancelled by a second negation."""
    clauses = [
        c for c in _clauses(morphemes) if any(m.tag[0] in "NVMX" for m in morphemes[c[0] : c[1]])
    ]
    if not clauses:
        return []
    clauses = _passive_joined(morphemes, clauses)
    index = len(clauses) - 1
    while index > 0 and _reports(morphemes, *clauses[index]) and not _negations(
        morphemes, *clauses[index]
    ):
        # a verb of saying or report: what was said, past a shell ("것으로", "것이라고"), and
        # through a report of a report ("없는 것으로 확인했다고 밝혔다")
        index -= 1
        start, end = clauses[index]
        if index > 0 and all(m.tag in _SHELL_TAGS for m in morphemes[start:end]):
            index -= 1
    start, _ = clauses[index]
    if index > 0 and morphemes[start].form == "로" and morphemes[start - 1].form == "기":
        index -= 1  # "-지 않기로 했다": decided not to
    elif index > 0 and _prospect_named(morphemes, *clauses[index]):
        index -= 1  # "-지 않을 방침이다", "않을 계획이라고 밝혔다": plans not to
    main = _negations(morphemes, *clauses[index])
    if index > 0 and _double(morphemes, clauses[index - 1], bool(main)):
        return []
    if index + 1 < len(clauses) and main:
        # "-지 않을 수 없다" read from the inner clause: the clause after negates it again
        after = clauses[index + 1]
        if morphemes[clauses[index][1] - 1].form in ("ᆯ", "을") and _negations(morphemes, *after):
            return []
    return main


# the nouns a coming act is named by, made the predicate with 이다: "내놓지 않을 방침이다"
_PROSPECT_NOUNS = frozenset({"방침", "계획", "예정", "입장", "생각", "뜻", "의향", "구상", "전망"})


def _prospect_named(morphemes: tuple[Morpheme, ...], start: int, end: int) -> bool:
    """The clause is only a prospect noun and its copula ("방침이다", "계획이라고"): what is
    planned is the clause before it."""
    content = [
        m for m in morphemes[start:end] if m.tag not in _SHELL_TAGS and m.tag[0] not in "ES"
    ]
    return (
        len(content) == 1
        and content[0].tag == "NNG"
        and content[0].form in _PROSPECT_NOUNS
        and any(m.tag == "VCP" for m in morphemes[start:end])
    )


def _passive_joined(
    morphemes: tuple[Morpheme, ...], clauses: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The last clause joined to the one before when it is only the passive auxiliary of that
    one's verb: kiwi reads "전해졌다" as 전하 + 어 + 지(VX) + 었다, so "다치지 않은 것으로
    전해졌다" (reportedly not hurt) ends in a clause "졌다" that is no verb of report by itself."""
    if len(clauses) < 2:
        return clauses
    (start, end), (last, finish) = clauses[-2], clauses[-1]
    joined = morphemes[last].tag == "VX" and morphemes[last].form == "지"
    if joined and morphemes[end - 1].tag == "EC" and morphemes[end - 1].form in ("어", "아", "여"):
        return [*clauses[:-2], (start, finish)]
    return clauses


# the clause endings of a clause that states something of its own: coordinate and concessive
# ("-고", "-며", "-지만", "-으나", "-는데"), quotative ("-다고", "-라며") and conditional ("-다면")
_STATING_ENDINGS = frozenset(
    {"고", "며", "으며", "지만", "으나", "나", "는데", "ᆫ데", "은데", "다고", "ᆫ다고", "는다고",
     "라고", "다며", "ᆫ다며", "는다며", "라며", "면서", "으면서", "다면", "ᆫ다면", "는다면", "라면",
     # a cause or a time the main clause follows from: "합의하지 못해 (처리가) 미뤄졌다" (failing
     # to agree, it was delayed), "응하지 않자 (영장을) 청구했다" (when he did not comply)
     "어", "아", "여", "어서", "아서", "여서", "자", "니", "으니", "니까", "으니까", "므로", "으므로",
     # a concession that keeps the main clause apart: "일정은 바꾸지 않되" (the schedule stays)
     "되", "으되"}
)  # fmt: skip
# the tags of a clause that only closes the one before it: "것이며", "”며", "것이라고"
_CLOSING_TAGS = frozenset({"NNB", "VCP", "EC", "JX", "JKQ", "SSC", "SSO", "SF", "SP", "SW"})


def _predicates(morphemes: tuple[Morpheme, ...]) -> list[tuple[int, int]]:
    """The clauses of one sentence, each with its auxiliaries ("-지 않고 있다": the 않 and the
    있 belong to 하) and with what only closes it ("않을 것이며", "아니다”며")."""
    merged: list[tuple[int, int]] = []
    for start, end in _clauses(morphemes):
        clause = morphemes[start:end]
        joins = (
            clause[0].tag.startswith("VX")
            or (clause[0].tag == "NNB" and clause[0].form == "수")  # "않을 수 있다", "할 수 없다"
            or all(m.tag in _CLOSING_TAGS for m in clause)
        )
        if merged and joins:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _ending(morphemes: tuple[Morpheme, ...], start: int, end: int) -> Morpheme | None:
    for m in reversed(morphemes[start:end]):
        if m.tag in _CLAUSE_ENDS:
            return m
    return None


# the adnominal endings that quote a statement: "일으키지 않는다는 것", "끝나지 않았다는 증거"
_QUOTING_ADNOMINALS = frozenset({"다는", "ᆫ다는", "는다는", "라는"})


def _states(ending: Morpheme) -> bool:
    """The clause ending closes a statement: a sentence ending inside the sentence, a
    coordinate, quotative or conditional connective, or an adnominal that quotes ("-다는")."""
    if ending.tag == "EF":
        return True
    if ending.tag == "EC":
        return ending.form in _STATING_ENDINGS
    return ending.tag == "ETM" and ending.form in _QUOTING_ADNOMINALS


def _adnominal(morphemes: tuple[Morpheme, ...], end: int) -> bool:
    """The clause ending at `end` modifies what follows it, and states something English must
    carry: a relative clause before a noun ("의존하지 않는 희석냉동기", "우승자가 아닌 10대
    연주자", "타결되지 못한 협상"), or one of manner with 채 ("항행경보를 내리지 않은 채 쐈다":
    fired without issuing a warning)."""
    ending = morphemes[end - 1] if end else None
    following = morphemes[end] if end < len(morphemes) else None
    if not (ending and following and ending.tag == "ETM"):
        return False
    if following.tag == "NNB":
        # "경보를 내리지 않은 채"; "공개하지 않은 것은 부당하다" (not disclosing it was unfair)
        after = morphemes[end + 1] if end + 1 < len(morphemes) else None
        subject = following.form == "것" and after is not None and after.tag in ("JX", "JKS")
        return following.form == "채" or (subject and after.form in ("은", "는", "이", "가"))
    return ending.form in ("ᆫ", "는", "은") and following.tag in ("NNG", "NNP")


def stated_negations(text: str) -> tuple[Negation, ...]:
    """The negations of the clauses before the main one that state something of their own
    ("제시하지 않고 있으며", "알아낼 수 없지만", "“...것은 아니다”며"), each a claim the English
    must carry as well. A clause negated again by the next ("-지 않으면 안 된다") is left out."""
    found: list[Negation] = []
    for sentence in _sentences(analyse(text)):
        if _is_question(sentence):
            continue
        clauses = _predicates(sentence)
        for index, (start, end) in enumerate(clauses[:-1]):
            ending = _ending(sentence, start, end)
            if ending is None or not (_states(ending) or _adnominal(sentence, end)):
                continue
            if ending.form.endswith("면") and _negations(sentence, *clauses[index + 1]):
                continue  # negated again: "-지 않으면 안 된다" (must)
            negated = _negations(sentence, start, end)
            if len(negated) == 1:  # two in one predicate cancel: "없지 않다", "않을 수 없다"
                found.extend(negated)
    return tuple(found)


_CONDITIONS = frozenset({"면", "으면", "다면", "ᆫ다면", "는다면", "라면"})


def conditional_negations(text: str) -> tuple[Negation, ...]:
    """The negations of conditions ("법을 고치지 않으면": unless the law is revised), not those
    negated again by the next clause ("-지 않으면 안 된다": must)."""
    found: list[Negation] = []
    for sentence in _sentences(analyse(text)):
        clauses = _predicates(sentence)
        for index, (start, end) in enumerate(clauses[:-1]):
            ending = _ending(sentence, start, end)
            if ending is None or ending.tag != "EC" or ending.form not in _CONDITIONS:
                continue
            if _negations(sentence, *clauses[index + 1]):
                continue
            negated = _negations(sentence, start, end)
            if len(negated) == 1:
                found.extend(negated)
    return tuple(found)


def _any_cue(morphemes: tuple[Morpheme, ...]) -> bool:
    if _negations(morphemes, 0, len(morphemes)):
        return True
    for i, m in enumerate(morphemes):
        if _is_negator(m, morphemes[i + 1] if i + 1 < len(morphemes) else None):
            return True  # the idioms too: "다름없다" is "no different", "-고 말았다" "could not"
        if m.tag in ("VA", "MAG") and m.form.endswith(("없", "없이", "않")):
            return True  # "다름없다", "못지않다", "어쩔 수 없이" (had no choice)
        if m.form in _NEGATION_LIKE and m.tag[0] in "NVMX":
            return True
        if m.tag == "XPN" and m.form in _NEGATING_PREFIXES:
            return True
        if (
            m.tag == "NNG"
            and len(m.form) >= 2
            and m.form[0] in _NEGATING_PREFIXES
            and m.form not in _NOT_PREFIXED
        ):
            return True
        if m.tag == "VA" and m.form == "없":
            return True
    return False


# --- direction ------------------------------------------------------------------------------

# word → (direction, the kinds of change English may render it as)
_DIRECTION_NOUNS: dict[str, tuple[Direction, frozenset[str]]] = {}
_DIRECTION_VERBS: dict[str, tuple[Direction, frozenset[str]]] = {}


def _add(table, words: str, direction: Direction, *axes: str) -> None:
    for word in words.split():
        table[word] = (direction, frozenset(axes))


_add(_DIRECTION_NOUNS, "증가 급증 증대 상승 급등 폭등 반등 상향 인상 확대 증액 확장 웃돌", "up", "amount")
_add(_DIRECTION_NOUNS, "감소 급감 감축 하락 급락 폭락 하향 인하 축소 삭감 감액 밑돌 뒷걸음", "down", "amount")
_add(_DIRECTION_NOUNS, "흑자", "up", "balance")
_add(_DIRECTION_NOUNS, "적자", "down", "balance")
_add(_DIRECTION_NOUNS, "강세", "up", "market", "amount")
_add(_DIRECTION_NOUNS, "약세", "down", "market", "amount")
_add(_DIRECTION_NOUNS, "호전 개선 회복 호조", "up", "condition")
_add(_DIRECTION_NOUNS, "악화 침체 부진", "down", "condition")
_add(_DIRECTION_NOUNS, "가결", "up", "vote")
_add(_DIRECTION_NOUNS, "부결", "down", "vote")
_add(_DIRECTION_NOUNS, "승리 완승 압승 신승 낙승", "up", "contest")
_add(_DIRECTION_NOUNS, "패배 패 완패 참패 석패 대패", "down", "contest")
# a level reached, read with its "치": "역대 최저치를 기록하며 감소했다" (fell to a record low)
_LEVELS: dict[str, tuple[Direction, frozenset[str]]] = {}
_add(_LEVELS, "최고 최대 최다", "up", "amount", "level")
_add(_LEVELS, "최저 최소", "down", "amount", "level")
_add(_DIRECTION_NOUNS, "찬성", "up", "stance")
_add(_DIRECTION_NOUNS, "반대", "down", "stance")
_add(_DIRECTION_VERBS, "늘 늘어나 늘리 오르 치솟 높아지 높이 뛰 뛰어오르 웃돌 커지 키우 불어나 올라서",
     "up", "amount")  # fmt: skip
_add(_DIRECTION_VERBS, "줄 줄어들 줄이 내리 떨어지 낮아지 낮추 곤두박질치 밑돌 작아지 잃 깎 내려앉 주저앉",
     "down", "amount")  # fmt: skip
_add(_DIRECTION_VERBS, "길", "up", "length")  # "주장보다 짧은 거리": shorter than claimed
_add(_DIRECTION_VERBS, "짧", "down", "length")
_add(_DIRECTION_VERBS, "이기", "up", "contest")
_add(_DIRECTION_VERBS, "패하", "down", "contest")
# a figure against a forecast or goal, a change in amount as well: "전망치를 웃돌았다" (beat)
_add(_DIRECTION_VERBS, "웃돌 넘어서", "up", "amount", "target")
_add(_DIRECTION_VERBS, "밑돌", "down", "amount", "target")
_add(_DIRECTION_NOUNS, "웃돌 상회", "up", "amount", "target")
_add(_DIRECTION_NOUNS, "밑돌 하회 미달", "down", "amount", "target")
# money and people moving in or out: "순매수했다" (bought a net), "순유입됐다" (a net inflow)
_add(_DIRECTION_NOUNS, "매수 유입 순매수 순유입", "up", "flow")  # kiwi reads 순매도 as one noun
_add(_DIRECTION_NOUNS, "매도 유출 순매도 순유출", "down", "flow")
# the pace of a change: "증가세가 둔화됐다" (growth slowed), "하락 속도가 빨라졌다" (sped up)
_PACE: dict[str, tuple[Direction, frozenset[str]]] = {}
_add(_PACE, "둔화 둔해지 느려지 주춤", "down", "pace")
_add(_PACE, "가속 가속화 빨라지", "up", "pace")
# a difference in number: "13개 많았다" (13 more), "2명 적은" (two fewer)
_COUNTS: dict[str, tuple[Direction, frozenset[str]]] = {}
_add(_COUNTS, "많", "up", "count")
_add(_COUNTS, "적", "down", "count")


# an adjective made a change with -어지다, as kiwi splits it: "낮아진" is 낮 + 어 + 지 + ᆫ
_BECOMING = {"낮": "낮아지", "높": "높아지", "작": "작아지", "크": "커지"}


def _becomes(morphemes: tuple[Morpheme, ...], i: int) -> bool:
    return (
        i + 2 < len(morphemes)
        and morphemes[i + 1].tag == "EC"
        and morphemes[i + 1].form in ("어", "아")
        and morphemes[i + 2].tag == "VX"
        and morphemes[i + 2].form == "지"
    )


def _counted_before(morphemes: tuple[Morpheme, ...], i: int) -> bool:
    """A figure and its counter just before: "13개 많았다", "2명 적은"."""
    return i >= 2 and morphemes[i - 2].tag == "SN" and morphemes[i - 1].tag in ("NNB", "NNG")


# a change of a change: "감소 폭 축소" (a smaller fall), "상승세 둔화" (a slower rise)
_MARGIN_NOUNS = frozenset({"폭", "세", "률", "율", "속도", "규모", "폭이"})


@dataclass(frozen=True)
class DirectionMention:
    form: str
    direction: Direction
    axes: frozenset[str]
    start: int
    end: int


_RECORDING = frozenset({"기록", "경신", "찍"})


def _level_reached(morphemes: tuple[Morpheme, ...], i: int) -> bool:
    """ "최저치", or "최저를 기록했다" (hit a record low): a level reached, not the "최저" of
    "최저임금" (minimum wage)."""
    nxt = morphemes[i + 1] if i + 1 < len(morphemes) else None
    if nxt is None:
        return False
    if nxt.form == "치":
        return True
    return nxt.tag.startswith("JK") and _predicate_after(morphemes, i + 2) in _RECORDING


def directions(text: str) -> list[DirectionMention]:
    """The words of change in the sentence, in order."""
    morphemes = analyse(text)
    found = []
    for i, m in enumerate(morphemes):
        nxt = morphemes[i + 1] if i + 1 < len(morphemes) else None
        if m.tag == "NNG" and m.form in _LEVELS and _level_reached(morphemes, i):
            entry = _LEVELS[m.form]  # "최저치": a record low, not "최저임금" (minimum wage)
        elif m.tag == "NNG":
            entry = _DIRECTION_NOUNS.get(_trend_stem(m) or m.form)
        elif m.tag.startswith("VA") and m.form in _COUNTS and _counted_before(morphemes, i):
            entry = _COUNTS[m.form]  # "실책이 13개 많았다": 13 more, not "많은 사람"
        elif m.tag.startswith("VA") and m.form in _BECOMING and _becomes(morphemes, i):
            entry = _DIRECTION_VERBS.get(_BECOMING[m.form])  # "낮아진": kiwi's 낮 + 어 + 지
        elif m.tag.startswith("VV") or m.tag.startswith("VA"):
            entry = _DIRECTION_VERBS.get(m.form)
        else:
            entry = None
        if entry is None:
            continue
        if m.form == "떨어지" and _distance_before(morphemes, i):
            continue  # "240km 떨어진 곳": lies away, not falls
        if m.form == "반대":
            nxt = morphemes[i + 1] if i + 1 < len(morphemes) else None
            if nxt and nxt.tag == "JKG" or (nxt and nxt.form in ("편", "쪽", "방향", "로")):
                continue  # "반대 방향", "반대로": the opposite, not opposition
        found.append(DirectionMention(m.form, entry[0], entry[1], m.start, m.end))
    return found


def pace_changes(text: str) -> list[DirectionMention]:
    """The words that speed a change up or slow it down ("둔화", "빨라지다"), in order."""
    return [
        DirectionMention(m.form, *_PACE[m.form], m.start, m.end)
        for m in analyse(text)
        if m.tag in ("NNG", "VV", "VA") and m.form in _PACE
    ]


_DISTANCE_UNITS = frozenset({"km", "㎞", "킬로미터", "킬로", "m", "미터", "마일", "리", "cm"})


def _distance_before(morphemes: tuple[Morpheme, ...], i: int) -> bool:
    before = morphemes[max(0, i - 3) : i]
    return any(
        m.form.lower() in _DISTANCE_UNITS or (m.tag == "JKB" and m.form in ("에서", "로부터"))
        for m in before
    )


# what a trend is told with, where it is the change itself: "하락세를 보였다" (fell), "증가세를
# 이어갔다" (kept rising), "상승세로 돌아섰다" (turned up)
_TREND_VERBS = frozenset(
    {"보이", "잇", "이어가", "이어지", "지속", "계속", "나타내", "타", "기록", "유지", "돌아서", "전환"}
)  # fmt: skip
# the trend nouns kiwi reads as one word: "하락세", "증가세", "상승률", "감소폭"
_TREND_SUFFIXES = ("세", "률", "율", "폭")


def _trend_stem(m: Morpheme) -> str | None:
    """The direction noun of a one-word trend noun ("하락" in "하락세"), if it is one."""
    if m.tag == "NNG" and len(m.form) > 2 and m.form.endswith(_TREND_SUFFIXES):
        stem = m.form[:-1]
        return stem if stem in _DIRECTION_NOUNS else None
    return None


# what changes a change: "둔화" (slows), "가속" (speeds up), "꺾이다" (turns), "커지다" (widens)
_RATE_CHANGES = frozenset(_PACE) | frozenset(
    {"완화", "심화", "꺾이", "커지", "작아지", "멈추", "그치", "크", "작", "낮", "높", "좁히",
     "벌어지", "약화", "강화"}
)  # fmt: skip


def compounds_change(text: str) -> bool:
    """A change of a change ("감소 폭이 축소됐다", "상승세가 둔화됐다"), where the directions
    multiply and the English may say either. A trend told with a verb that only shows or
    continues it ("하락세를 보였다": fell, "증가세가 이어졌다": kept rising), or not changed at
    all ("하락세에 압박을 더했다"), is the change itself."""
    morphemes = analyse(text)
    for i, m in enumerate(morphemes[:-1]):
        entry = _DIRECTION_NOUNS.get(m.form) if m.tag == "NNG" else None
        if entry and "balance" in entry[1]:
            continue  # "흑자 폭이 줄었다": a surplus is a level, its margin narrowing one change
        # "감소 폭", "증가세"; not "뒷걸음질" (질 makes the change a verb, no change of it)
        following = morphemes[i + 1]
        if entry and (
            following.form in _MARGIN_NOUNS or (following.tag == "XSN" and following.form != "질")
        ):
            if _predicate_after(morphemes, i + 2) not in _TREND_VERBS:
                return True
        elif _trend_stem(m):
            after = _predicate_after(morphemes, i + 1)
            if after in _RATE_CHANGES or after in _DIRECTION_NOUNS or after in _DIRECTION_VERBS:
                return True
    return False


def _predicate_after(morphemes: tuple[Morpheme, ...], start: int) -> str | None:
    """The stem of the first predicate from `start`: a verb or adjective, or the noun of a
    "-하다"/"-되다" verb ("둔화됐다": 둔화)."""
    for j in range(start, len(morphemes)):
        m = morphemes[j]
        if m.tag.startswith(("VV", "VA")):
            return m.form
        nxt = morphemes[j + 1] if j + 1 < len(morphemes) else None
        if m.tag == "NNG" and nxt is not None and nxt.tag in ("XSV", "XSA"):
            return m.form
    return None
