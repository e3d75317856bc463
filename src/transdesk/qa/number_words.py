"""Korean numbers written as words: "다섯 번째", "세 명", "두 차례", "한 달", "첫", "셋째", "사흘".

Native Korean numerals are words, not digits, so digit reading misses them; yet "다섯 번째" told
as "fourth" is as wrong as "5th" told as "4th". A numeral counts only where Kiwi reads it as one
(a numeral, NR, or a determiner, MM) and a counter follows it ("세 명", "두 차례", "다섯 번째"):
"세" alone may be a tax and "한" a verb ending, but not before "명". A determiner of two or more
also counts the noun after it ("세 자매": three sisters; not "한 마을", a village). Ordinals ending in 째
("셋째") and day counts ("이틀", "사흘") stand on their own.
"""

from __future__ import annotations

import logging

from transdesk.qa.morph import Morpheme, analyse
from transdesk.qa.quantities import Quantity
from transdesk.qa.units import Unit

log = logging.getLogger(__name__)

_UNITS = {
    "한": 1,
    "하나": 1,
    "두": 2,
    "둘": 2,
    "세": 3,
    "셋": 3,
    "석": 3,
    "서": 3,
    "네": 4,
    "넷": 4,
    "넉": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
}
# numerals that are also the first syllable of common words: read only when written apart
_RARE_FORMS = frozenset({"서", "석", "넉"})
_TENS = {
    "열": 10, "스무": 20, "스물": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70, "여든": 80,
    "아흔": 90,
}  # fmt: skip
_FIRST = {"첫": 1, "첫째": 1}
_DAYS = {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "열흘": 10}
# what a native numeral counts: people, times, things, places, months, years, ages, ordinals
_COUNTERS = {
    "명",
    "사람",
    "분",
    "번",
    "차례",
    "개",
    "가지",
    "곳",
    "군데",
    "살",
    "달",
    "해",
    "시간",
    "개월",
    "마리",
    "건",
    "척",
    "기",  # satellites, missiles, reactors: "세 기"
    "발",  # shots, rounds: "두 발"
    "채",  # houses: "다섯 채"
    "권",  # books, volumes
    "편",  # films, works
    "대",
    "채",
    "권",
    "잔",
    "병",
    "쌍",
    "나라",
    "주",
    "주일",
    "배",  # "세 배": three times as much, which "doubled" gets wrong
}
_NUMERAL_TAGS = {"NR", "MM"}


def numeral_value(word: str) -> int | None:
    """The value of a native numeral ("다섯" → 5, "스물두" → 22, "셋째" → 3), or None."""
    if word.endswith("째") and word not in _FIRST:
        word = word[:-1]
        if word == "둘":
            return 2
    if word in _FIRST:
        return _FIRST[word]
    if word in _UNITS:
        return _UNITS[word]
    for ten, value in _TENS.items():
        if word == ten:
            return value
        if word.startswith(ten) and word[len(ten) :] in _UNITS:
            return value + _UNITS[word[len(ten) :]]
    return None


def counter_follows(text: str, end: int) -> bool:
    """A native counter follows the figure that ends at `end`: "1발", "1 곳", "1기"."""
    after = text[end : end + 4].lstrip()
    return any(after.startswith(counter) for counter in _COUNTERS)


def _is_counter(morpheme: Morpheme) -> bool:
    return morpheme.tag in ("NNB", "NNG") and morpheme.form in _COUNTERS


def korean_number_words(text: str) -> list[Quantity]:
    """Native numerals that count or order something, as quantities with their spans."""
    try:
        morphemes = analyse(text)
    except Exception:  # an analyser failure must not stop the number reading of digits
        log.warning("Korean analysis failed; number words are not read", exc_info=True)
        return []
    found: list[Quantity] = []
    for index, morpheme in enumerate(morphemes):
        if morpheme.form in _DAYS and morpheme.tag.startswith("NN"):
            found.append(_quantity(_DAYS[morpheme.form], morpheme))
            continue
        if morpheme.tag not in _NUMERAL_TAGS or numeral_value(morpheme.form) is None:
            continue
        following = morphemes[index + 1] if index + 1 < len(morphemes) else None
        if following is not None and following.tag in _NUMERAL_TAGS and (
            following.start == morpheme.end and morpheme.form in _TENS
        ):
            continue  # "열두": Kiwi splits the tens from the units; read them as one
        start = morpheme.start
        previous = morphemes[index - 1] if index else None
        if previous is not None and previous.form in _TENS and previous.end == morpheme.start:
            start = previous.start
        form = text[start : morpheme.end]
        value = numeral_value(form)
        if value is None:
            continue
        ordinal = form.endswith("째") or form == "첫"
        if form in _RARE_FORMS and following is not None and following.start == morpheme.end:
            continue  # "서명에" (signing) read as 서 + 명: these numerals stand apart, "석 달"
        if ordinal or (following is not None and _is_counter(following)):
            found.append(Quantity(float(value), start, morpheme.end, form, True))
        elif value >= 2 and morpheme.tag == "MM" and following is not None:
            if following.tag == "NNG" and following.start > morpheme.end:
                found.append(Quantity(float(value), start, morpheme.end, form, True))
    return found


def counts_a_noun(quantity: Quantity, text: str) -> bool:
    """A native numeral before a plain noun, with no counter: "세 자매" (three sisters), "두
    회사" (the two companies). English may leave such a count to the plural or to "both"."""
    return (
        quantity.spelled
        and quantity.surface in _UNITS
        and not counter_follows(text, quantity.end)
    )


def _quantity(value: int, morpheme: Morpheme) -> Quantity:
    return Quantity(float(value), morpheme.start, morpheme.end, morpheme.form, True)


def word_unit(quantity: Quantity, text: str) -> Unit | None:
    """What a native numeral counts, where its own form says so ("셋째", "첫", "이틀", "두 번");
    None leaves the unit to the counter after it."""
    if quantity.surface in _DAYS:
        if text[quantity.end : quantity.end + 1] == "째":
            return Unit("order", "order_duration")  # "이틀째": the second day
        return Unit("duration", "day")
    if quantity.surface.endswith("째") or quantity.surface == "첫":
        return Unit("order", "order")
    after = text[quantity.end : quantity.end + 4].lstrip()
    if after.startswith("번") and not after.startswith("번째"):
        return Unit("times", "occurrences")  # "두 번": twice
    return None
