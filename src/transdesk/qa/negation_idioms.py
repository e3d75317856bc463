"""Korean constructions built with a negating morpheme that negate nothing, read from kiwi's tags.

A translation that renders them without a negation is right, so none of them is a negation of
the predicate for the polarity check (each still is a cue: English may say it with one):

- "-고 말다" (VX 말 after the connective 고): ended up ("사퇴하고 말았다": ended up resigning);
  "-지 말다" stays a negation (don't);
- "다름(이) 없다", "다름 아니다", "다를 바 없다", "틀림(이) 없다": amounts to, is none other
  than, is certainly;
- "...밖에 없다 / 않다 / 못하다": only ("5명밖에 만나지 않았다": met only five);
- "어쩔 수 없다": had no choice, had to;
- "못하지 않다" (kiwi: 못 MAG, 하 XSA, 지, 않): no less than ("누구 못지않게": as ... as anyone);
- a negation in a hedging question before a verb of thinking or fearing: "-지 않았나 싶다" (I
  think it was), "아닐까 생각한다", "-지 않을까 우려된다" (fears that it will).

`negated_stem` names the predicate a negation negates ("잊지 않았다": 잊), for the lexical
opposites that English tells in the affirmative ("remembered").
"""

from __future__ import annotations

from transdesk.qa.morph import Morpheme

# the endings of a hedging question inside a sentence: "아니었나 싶다", "아닐까 생각한다"
_HEDGE_ENDINGS = frozenset({"나", "ᆯ까", "을까", "ᆫ가", "은가", "는가"})
# what follows a hedging question: thinking, feeling, fearing ("싶다", "생각한다", "우려된다");
# not "보다", the evidential ("안 왔나 보다": it seems he did not come)
_HEDGE_VERBS = frozenset(
    {"싶", "생각", "하", "우려", "걱정", "염려", "두렵", "두려워하", "의심", "추측"}
)
# what may stand between a hedging question and its verb: "아닐까 하는", "않을까 라는"
_HEDGE_GAP_TAGS = frozenset({"JX", "JKQ", "JKO", "SP", "SS", "SSO", "SSC"})
# where the predicate of a negation starts: the clause ending before it (not the "지" of "-지
# 않다", nor the "게" of "-게 되지 않다")
_SPAN_ENDS = frozenset({"EC", "EF", "SF", "ETN", "ETM"})
_INNER_ENDINGS = frozenset({"지", "게"})


def _at(morphemes: tuple[Morpheme, ...], i: int) -> Morpheme | None:
    return morphemes[i] if 0 <= i < len(morphemes) else None


def _is(m: Morpheme | None, form: str, *tags: str) -> bool:
    return m is not None and m.form == form and (not tags or m.tag in tags)


def _modal_stem(morphemes: tuple[Morpheme, ...], i: int) -> str | None:
    """The verb of "-ㄹ 수 없다" (cannot) before the 없 at `i`: "배제" in "배제할 수 없다"."""
    if not (_is(_at(morphemes, i - 1), "수", "NNB") and _at(morphemes, i - 2) is not None):
        return None
    if morphemes[i - 2].tag != "ETM" or morphemes[i - 2].form not in ("ᆯ", "을"):
        return None
    return _predicate_stem(morphemes, i - 3)


def _predicate_stem(morphemes: tuple[Morpheme, ...], i: int) -> str | None:
    """The stem of the predicate whose last morpheme before its ending is at `i`: a verb or an
    adjective ("잊", "해롭"), or the noun a suffix makes one of ("부족" in "부족하다")."""
    stem = _at(morphemes, i)
    if stem and stem.tag.startswith("XSA") and stem.form != "하":
        # "해롭지": kiwi's 해 + 롭 (an adjective suffix) is the adjective 해롭다 (harmful)
        noun = _at(morphemes, i - 1)
        return noun.form + stem.form if noun and noun.end == stem.start else None
    if stem and stem.tag in ("XSV", "XSA"):  # "부족하지", "금하지": the noun before 하
        noun = _at(morphemes, i - 1)
        if noun is None or noun.tag not in ("NNG", "XR"):
            return None
        before = _at(morphemes, i - 2)
        single = len(noun.form) == len(before.form if before else "") == 1
        if before and before.tag == "NNG" and before.end == noun.start and single:
            return before.form + noun.form  # "녹록지" read as 녹 + 록 + 하: the word 녹록하다
        return noun.form
    return stem.form if stem and stem.tag[:2] in ("VV", "VA") else None  # and "VV-I"


def not_a_negation(morphemes: tuple[Morpheme, ...], i: int) -> bool:
    """Whether the negating morpheme at `i` belongs to a construction that negates nothing."""
    m = morphemes[i]
    prev = _at(morphemes, i - 1)
    if m.tag == "VX" and m.form == "말" and prev and prev.tag == "EC" and prev.form == "고":
        return True  # "-고 말았다": ended up
    return (
        _no_different(morphemes, i)
        or _only(morphemes, i)
        or _no_choice(morphemes, i)
        or _no_less(morphemes, i)
        or _hedging_question(morphemes, i)
        or _regardless(morphemes, i)
    )


def _regardless(morphemes: tuple[Morpheme, ...], i: int) -> bool:
    """"가리지 않고" (whatever the kind: "on weekdays and weekends alike", "regardless of")."""
    return (
        _is(morphemes[i], "않", "VX")
        and _is(_at(morphemes, i - 1), "지", "EC")
        and _is(_at(morphemes, i - 2), "가리")
        and _is(_at(morphemes, i + 1), "고", "EC")
    )


def _no_different(morphemes: tuple[Morpheme, ...], i: int) -> bool:
    """"다름(이) 없다", "다름 아니다", "다를 바 없다", "틀림(이) 없다"."""
    if morphemes[i].form not in ("없", "아니"):
        return False
    j = i - 1
    if _at(morphemes, j) and morphemes[j].tag in ("JKS", "JX", "JKC"):
        j -= 1  # "다름이 없다", "다름은 아니다"
    if _is(_at(morphemes, j), "바", "NNB"):
        return _is(_at(morphemes, j - 1), "ᆯ", "ETM") and _is(_at(morphemes, j - 2), "다르")
    return _is(_at(morphemes, j), "ᆷ", "ETN") and any(
        _is(_at(morphemes, j - 1), stem) for stem in ("다르", "틀리")
    )


def _only(morphemes: tuple[Morpheme, ...], i: int) -> bool:
    """"...밖에" in the negated predicate's own span: only."""
    j = i - 1
    while j >= 0:
        m = morphemes[j]
        if m.form == "밖에" and m.tag == "JX":
            # "5명밖에", "수밖에"; not "이밖에" / "그밖에" (besides), which open a sentence
            before, opening = _at(morphemes, j - 1), _at(morphemes, j - 2)
            besides = before is not None and before.form in ("이", "그") and before.tag == "NP"
            return before is not None and not (
                besides and (opening is None or opening.tag in ("SF", "SP", "SS", "SSO"))
            )
        if m.tag in _SPAN_ENDS and not (m.tag == "EC" and m.form in _INNER_ENDINGS):
            return False
        j -= 1
    return False


def _no_choice(morphemes: tuple[Morpheme, ...], i: int) -> bool:
    """"어쩔 수 없다": had no choice."""
    return (
        _is(morphemes[i], "없")
        and _is(_at(morphemes, i - 1), "수", "NNB")
        and _is(_at(morphemes, i - 2), "ᆯ", "ETM")
        and _is(_at(morphemes, i - 3), "어쩌")
    )


def _no_less(morphemes: tuple[Morpheme, ...], i: int) -> bool:
    """"못하지 않다" (no less than), read at either of its two negations."""
    m = morphemes[i]
    if m.form == "못" and m.tag == "MAG":
        start = i
    elif m.form == "않" and m.tag == "VX":
        start = i - 3
    else:
        return False
    return (
        _is(_at(morphemes, start), "못", "MAG")
        and _is(_at(morphemes, start + 1), "하", "XSA")
        and _is(_at(morphemes, start + 2), "지", "EC")
        and _is(_at(morphemes, start + 3), "않", "VX")
    )


def _hedging_question(morphemes: tuple[Morpheme, ...], i: int) -> bool:
    """A negation ending in a question before a verb of thinking or fearing: "않았나 싶다"."""
    j = i + 1
    if morphemes[i].form == "못" and _is(_at(morphemes, j), "하"):
        j += 1  # "-지 못했나": 못 MAG, 하 XSV
    while _at(morphemes, j) and morphemes[j].tag == "EP":
        j += 1
    ending = _at(morphemes, j)
    if not ending or ending.tag != "EC" or ending.form not in _HEDGE_ENDINGS:
        return False
    j += 1
    while _at(morphemes, j) and morphemes[j].tag in _HEDGE_GAP_TAGS:
        j += 1
    following = _at(morphemes, j)
    return bool(following and following.form in _HEDGE_VERBS and following.tag[0] in "VN")


def negated_stem(morphemes: tuple[Morpheme, ...], i: int) -> str | None:
    """The stem of the predicate the negation at `i` negates: "잊" in "잊지 않았다", "부족" in
    "부족하지 않다", "잊" in "안 잊었다", "배제" in "배제할 수 없다"; None for "없다" and "아니다"
    otherwise, which are predicates."""
    m = morphemes[i]
    if m.tag == "VA" and m.form == "없":
        return _modal_stem(morphemes, i)
    if m.tag == "MAG" and m.form in ("안", "못"):
        before = _at(morphemes, i - 1)
        if not _is(before, "지", "EC"):  # "안 잊었다": the verb after it
            after = _at(morphemes, i + 1)
            return after.form if after and after.tag[:2] in ("VV", "VA") else None
    elif not (m.tag == "VX" and m.form in ("않", "아니하", "못하", "말")):
        return None
    before = _at(morphemes, i - 1)
    if before and before.tag == "JX" and before.form in ("는", "도", "ᆫ"):
        i -= 1  # "다치지는 않았다", "가볍지도 않다": the particle after 지
    if not _is(_at(morphemes, i - 1), "지", "EC"):
        return None
    return _predicate_stem(morphemes, i - 2)
