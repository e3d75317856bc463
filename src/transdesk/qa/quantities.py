"""Numbers as written in Korean and English news copy, reduced to values that can be compared.

Korean: "1억1천만 달러" → 110,000,000; "12조3천억" → 12.3e12; "80주년" → 80; "3.5%" → 3.5.
English: "$110 million" → 110,000,000; "12.3 trillion"; "80th"; "3.5 percent"; "six"; "a dozen".
Markup is no figure: entities, link targets and URLs are blanked first (`figure_markup`), so the
spans are the original text's.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from transdesk.qa.figure_markup import blank_markup

_KO_BIG = {"조": 10**12, "억": 10**8, "만": 10**4}
_KO_SMALL = {"천": 1000, "백": 100}
_NUM = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_KO_GROUP = rf"(?:{_NUM})[조억만천백]+"
# the rest below the last multiplier, written apart in copy: "26만 5,000대" (265,000), "1만 320원"
_KO_REST_APART = r"\s(?:\d,\d{3}|\d{3,4})(?![\d,.%]|\s?[년월일])"
_KO_NUMBER = re.compile(
    rf"(?<![\d.,])(?:{_KO_GROUP}(?:\s?{_KO_GROUP})*(?:{_NUM}|{_KO_REST_APART})?|(?:{_NUM}))"
    r"(?![\d])"
)
_KO_PART = re.compile(rf"({_NUM})?\s?([조억만천백])")

_EN_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "hundred": 100,
    "thousand": 1000,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "hundredth": 100,
    "once": 1,
    "twice": 2,
    "thrice": 3,
    "both": 2,
    "pair": 2,
    "couple": 2,
    "double": 2,
    "twin": 2,
    "triple": 3,
    "single": 1,
    "decade": 10,
    "decades": 10,
    "half": 0.5,
    "quarter": 0.25,
    "doubled": 2,
    "doubling": 2,
    "tripled": 3,
    "triples": 3,
    "tripling": 3,
    "treble": 3,
    "trebled": 3,
    "trebles": 3,
    "quadruple": 4,
    "quadrupled": 4,
    "quadruples": 4,
    "quadrupling": 4,
    "twofold": 2,
    "threefold": 3,
    "fourfold": 4,
    "fivefold": 5,
    "tenfold": 10,
    "hundredfold": 100,
}
_ORDINAL_WORDS = frozenset(
    w for w in _EN_WORDS if w.endswith(("st", "nd", "rd", "th")) and w not in ("both", "thousand")
)
# "twelfth" for 12: the English ordinal word of each value that has one
ORDINAL_BY_VALUE = {int(_EN_WORDS[w]): w for w in _ORDINAL_WORDS}
_EN_SCALES = {
    "hundred": 100,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "mn": 10**6,
    "bn": 10**9,
    "tn": 10**12,
    "mln": 10**6,
    "bln": 10**9,
    "trln": 10**12,
    "m": 10**6,
    "b": 10**9,
    "decades": 10,
    "dozen": 12,
}


def _by_first_letter(words) -> str:  # type: ignore[no-untyped-def]
    """An alternation of the words, longest first, grouped under their first letter ("t(?:hirteen|
    wenty|...)"): the same matches as the flat alternation, since words that open on different
    letters never match at one place, but a place is tried against one group, not every word."""
    ordered = sorted(words, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for word in ordered:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


_EN_WORD_RE = _by_first_letter(_EN_WORDS)
_EN_SCALE_RE = "hundred|thousand|million|billion|trillion|mn|bn|tn|mln|bln|trln|decades|dozen"
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# regnal and ordinal numbers after a name: "Benedict XVI", "World War II", "Henry VIII"
_EN_ROMAN = re.compile(
    r"\bWorld\s+War\s+(?P<war>I{1,2})\b"
    r"|(?<=[a-z]\s)(?P<roman>(?=[IVXLC]{2,}\b)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))\b"
)
_EN_BARE_SCALE = re.compile(
    r"\b(?:a\s+|one\s+)?(?P<scale>million|billion|trillion)\b", re.IGNORECASE
)
_EN_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_EN_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_EN_NUMBER = re.compile(
    # every figure opens on a digit or a point, every number word on a word's first letter: the
    # lookahead lets the scan pass over the rest of a word without trying each form there
    r"(?=[\d.]|\b[a-z])(?:"
    # digits; "$.79"; "euro500", "W3 billion" (a currency written against the figure)
    rf"(?:(?<![A-Za-z0-9_.])|(?<=\$)(?=\.\d)|(?<=euro)|(?<=EUR)|(?<=USD)|(?<=KRW)"
    r"|(?<=\bW)(?=[\d.,]+(?![A-Za-z\d])))"
    rf"(?P<digits>{_NUM}|\.\d+)(?:st|nd|rd|th)?(?:\s*(?P<scale>{_EN_SCALE_RE})(?:th)?\b|"
    r"(?P<short>[mb])\b)?"
    # "thirty-two", "Thirty two", "six"
    rf"|\b(?P<word>(?:{_EN_TENS})\s(?:{_EN_UNITS})|"
    rf"(?:{_EN_WORD_RE})(?:-(?:{_EN_WORD_RE}))?)(?:\s+(?P<wscale>{_EN_SCALE_RE}))?\b"
    r")",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(r"[$£€¥]\s?$|\b(?:US|HK|C|A)\$\s?$")


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    start: int
    end: int
    surface: str
    spelled: bool = False  # written as a word ("six"), not digits

    def matches(self, other: Quantity) -> bool:
        return values_match(self.value, other.value)


def values_match(a: float, b: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def _to_float(digits: str) -> float:
    return float(digits.replace(",", ""))


def korean_value(surface: str) -> float:
    """The value of one Korean number ("1억1천만" → 110000000.0)."""
    if not any(unit in surface for unit in "조억만천백"):
        return _to_float(surface)
    total, section = 0.0, 0.0
    for digits, unit in _KO_PART.findall(surface):
        number = _to_float(digits) if digits else None
        if unit in _KO_SMALL:
            section += (number if number is not None else 1) * _KO_SMALL[unit]
        else:
            section += number or 0
            total += (section or 1) * _KO_BIG[unit]
            section = 0.0
    trailing = re.search(rf"({_NUM})$", surface)
    if trailing and surface[-1].isdigit():
        section += _to_float(trailing.group(1))
    return total + section


# a race time in sports copy: "13초04" is 13.04 seconds
_KO_RACE_TIME = re.compile(r"(?<![\d.])(\d{1,3})초\s?(\d{2,3})(?!\d)")  # "21초 384": 21.384
# a batting average in baseball copy: "2할6푼8리" is .268
_KO_BATTING = re.compile(r"(?<![\d.])(\d)할(?:\s?(\d)푼)?(?:\s?(\d)리)?")


def korean_quantities(text: str) -> list[Quantity]:
    """Every number written with digits in Korean text (with 조/억/만/천/백 multipliers)."""
    text = blank_markup(text)
    found = [
        Quantity(float(f"{m.group(1)}.{m.group(2)}"), m.start(), m.end(), m.group(0))
        for m in _KO_RACE_TIME.finditer(text)
    ]
    found += [
        Quantity(
            float(f"0.{m.group(1)}{m.group(2) or 0}{m.group(3) or 0}"),
            m.start(),
            m.end(),
            m.group(0),
        )
        for m in _KO_BATTING.finditer(text)
    ]
    taken = [(q.start, q.end) for q in found]
    for match in _KO_NUMBER.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        surface = match.group(0).strip()
        try:
            value = korean_value(surface)
        except ValueError:
            continue
        if _glosses(text, found, match.start(), value):
            continue  # "5세대(5G)": the Latin gloss repeats the figure before it
        found.append(Quantity(value, match.start(), match.start() + len(surface), surface))
    return found


def _glosses(text: str, found: list[Quantity], start: int, value: float) -> bool:
    """A figure opening a parenthesis that glosses the word just before it, with the same
    figure: "5세대(5G)", "3차원(3D)"."""
    if not found or not text[:start].endswith("("):
        return False
    before = found[-1]
    return before.value == value and 0 < start - 1 - before.end <= 3


def english_number_word(word: str) -> float | None:
    """The value of one English number word ("seven" → 7, "tenth" → 10), or None."""
    return _EN_WORDS.get(word.lower())


def _word_value(word: str) -> float:
    parts = re.split(r"[-\s]", word.lower())
    if len(parts) == 2 and parts[0] in _EN_WORDS and parts[1] in _EN_WORDS:
        first, second = _EN_WORDS[parts[0]], _EN_WORDS[parts[1]]
        if parts[1] in ("quarter", "half") and parts[0] in _ORDINAL_WORDS:
            return first  # "third-quarter profit", "second-half sales": the third quarter
        return first + second if first >= 20 and second < 10 else first * second
    return _EN_WORDS[parts[0]]


def english_quantities(text: str) -> list[Quantity]:
    """Every number in English text, digits or words, with million/billion scales applied.

    The numbers check and the figure pairing read the same translation more than once, so the
    result is remembered per text (`clear_caches` forgets it); each caller gets its own list.
    """
    return list(_english_quantities(text))


def clear_caches() -> None:
    """Forget the remembered readings (a benchmark's run then pays what a new article pays)."""
    _english_quantities.cache_clear()


# a fraction in words: "one-third", "two-thirds", "a fifth of", "three-quarters", "half"
_FRACTION = re.compile(
    r"\b(?:(?P<num>a|one|two|three|four|five|six|seven|eight|nine)(?P<join>[\s-]+)"
    r"(?P<den>thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
    r"|(?P<half>half))\b(?P<of>\s+of\b)?",
    re.IGNORECASE,
)
_DENOMINATORS = {
    "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}


def fraction_shares(text: str) -> list[tuple[float, int, int, bool]]:
    """The fractions English copy tells in words, as (percent, start, end, plainly a fraction):
    "two-thirds" is 66.7. "a third" alone may be an ordinal ("a third term"); hyphenated, plural
    or followed by "of" it is plainly a fraction."""
    shares = []
    for match in _FRACTION.finditer(text):
        if match["half"]:
            shares.append((50.0, match.start(), match.end(), True))
            continue
        denominator = match["den"].lower()
        numerator = 1 if match["num"].lower() in ("a", "one") else _word_value(match["num"])
        plural = denominator.endswith("s")
        share = 100 * numerator / _DENOMINATORS[denominator.rstrip("s")]
        plain = plural or "-" in match["join"] or match["of"] is not None
        shares.append((share, match.start(), match.end(), plain and share < 100))
    return shares


@functools.lru_cache(maxsize=4096)
def _english_quantities(text: str) -> tuple[Quantity, ...]:
    text = blank_markup(text)
    fractions = [  # "a quarter", "three-quarter" and "half" are read as their values below
        (start, end)
        for _, start, end, plain in fraction_shares(text)
        if plain and not re.search(r"quarter|half", text[start:end], re.IGNORECASE)
    ]
    found = []
    for match in _EN_NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in fractions):
            continue  # "one-third", "two-thirds of": a share, read by the numbers check's forms
        if match["digits"]:
            value = _to_float(match["digits"])
            season = _SEASON_START.search(text, 0, match.start())
            if season is not None and re.fullmatch(r"\d\d", match["digits"]):
                # "the 2026-27 season": the range ends in 2027
                century = int(season["year"]) // 100 * 100
                if century + value > int(season["year"]):
                    value += century
            scale = (match["scale"] or "").lower()
            if match["short"] and _CURRENCY_BEFORE.search(
                text[max(0, match.start() - 4) : match.start()]
            ):
                scale = match["short"].lower()  # "$110m" is millions; "110m hurdles" is meters
            spelled = False
        else:
            value = _word_value(match["word"])
            scale = (match["wscale"] or "").lower()
            spelled = True
        if scale:
            value *= _EN_SCALES[scale]
        found.append(Quantity(value, match.start(), match.end(), match.group(0), spelled))
    for match in _EN_ROMAN.finditer(text):
        value = len(match["war"]) if match["war"] else _roman_value(match["roman"])
        found.append(Quantity(value, match.start(), match.end(), match.group(0), True))
    for match in _AND_A_HALF.finditer(text):  # "two and a half times": 2.5
        whole = [q for q in found if q.start == match.start()]
        if whole:
            found = [q for q in found if not match.start() <= q.start < match.end()]
            value = whole[0].value + 0.5
            found.append(Quantity(value, match.start(), match.end(), match.group(0), True))
    found.sort(key=lambda q: q.start)
    taken = [(q.start, q.end) for q in found]
    for match in _EN_BARE_SCALE.finditer(text):  # "a billion-dollar lab"
        if not any(s <= match.start("scale") < e for s, e in taken):
            value = float(_EN_SCALES[match["scale"].lower()])
            start = match.start()
            part = _PART_BEFORE.search(text, 0, start)
            if part is not None:  # "half a million", "a quarter of a million": one figure
                found = [q for q in found if not part.start() <= q.start < start]
                value /= 2 if part["part"] else 4
                start = part.start()
            found.append(Quantity(value, start, match.end(), text[start : match.end()], True))
    return tuple(found)


_AND_A_HALF = re.compile(r"\b(?:\d+|[a-z]+)\s+and\s+a\s+half\b", re.IGNORECASE)
_SEASON_START = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-–/]$")
_PART_BEFORE = re.compile(r"\b(?:(?P<part>half)|(?:a\s+)?quarter\s+of)\s+$", re.IGNORECASE)


def _roman_value(numeral: str) -> int:
    values = [_ROMAN_DIGITS[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


_SIGNIFICAND = re.compile(r"[\d,]*\d(?:\.\d+)?|\.\d+")


@dataclass(frozen=True, slots=True)
class Rounding:
    """What an English figure is rounded to: "1.2 trillion" is to 0.1 trillion (`step` 1e11,
    `written_step` 0.1, two `significant` digits); "12,000" to a thousand (1000, 1000, 2)."""

    step: float
    written_step: float
    significant: int


def rounding_of(quantity: Quantity) -> Rounding | None:
    """How an English figure is rounded; None for a figure written in words."""
    if quantity.spelled:
        return None
    match = _SIGNIFICAND.match(quantity.surface)
    if not match:
        return None
    digits = match.group(0).replace(",", "")
    written = float(digits)
    if written == 0:
        return None
    scale = quantity.value / written
    if "." in digits:
        whole, decimals = digits.split(".")
        written_step = 10.0 ** -len(decimals)
        significant = len((whole + decimals).lstrip("0"))
    else:
        zeros = len(digits) - len(digits.rstrip("0"))
        written_step = 10.0**zeros
        significant = len(digits.lstrip("0")) - zeros
    return Rounding(written_step * scale, written_step, significant)


def rounds_to(value: float, english: Quantity, approximate: bool) -> bool:
    """Whether the English figure is `value` rounded to its own last digit: "1조 2345억" as
    "1.2 trillion", "3.45%" as "3.5 percent", "1만2천345명" as "12,000". A figure as precise as
    the source's must match it exactly (45% is not "46 percent"); a count under 10,000 is not
    rounded to tens (114 is not "110"); a single significant digit needs an "about".
    `approximate`: either side says the figure is approximate ("약", "about", "more than")."""
    rounding = rounding_of(english)
    if rounding is None or value <= 0:
        return False
    step = rounding.step
    if math.isclose(round(value / step) * step, value, rel_tol=1e-9):
        return False  # the source is no finer than the English: no rounding to allow
    if rounding.significant < 2 and not approximate:
        return False
    if rounding.written_step >= 1 and value < 10_000:
        return False
    return abs(value - english.value) < step / 2 * (1 - 1e-9)
