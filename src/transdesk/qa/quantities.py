"""Numbers as written in Korean and English news copy, reduced to values that can be compared.

Korean: "1억1천만 달러" → 110,000,000; "12조3천억" → 12.3e12; "80주년" → 80; "3.5%" → 3.5.
English: "$110 million" → 110,000,000; "12.3 trillion"; "80th"; "3.5 percent"; "six"; "a dozen".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KO_BIG = {"조": 10**12, "억": 10**8, "만": 10**4}
_KO_SMALL = {"천": 1000, "백": 100}
_NUM = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_KO_GROUP = rf"(?:{_NUM})[조억만천백]+"
_KO_NUMBER = re.compile(
    rf"(?<![\d.,])(?:{_KO_GROUP}(?:\s?{_KO_GROUP})*(?:{_NUM})?|(?:{_NUM}))(?![\d])"
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
    "twentieth": 20,
    "thirtieth": 30,
    "fiftieth": 50,
    "hundredth": 100,
    "once": 1,
    "twice": 2,
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
    "tripled": 3,
    "quadrupled": 4,
    "twofold": 2,
    "threefold": 3,
    "fourfold": 4,
    "fivefold": 5,
    "tenfold": 10,
    "hundredfold": 100,
}
_EN_SCALES = {
    "hundred": 100,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "mn": 10**6,
    "bn": 10**9,
    "tn": 10**12,
    "m": 10**6,
    "b": 10**9,
    "decades": 10,
    "dozen": 12,
}
_EN_WORD_RE = "|".join(sorted(_EN_WORDS, key=len, reverse=True))
_EN_SCALE_RE = "hundred|thousand|million|billion|trillion|mn|bn|tn|decades|dozen"
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
    # digits; "$.79"; "euro500" (a currency code written against the figure)
    rf"(?:(?<![A-Za-z0-9_.])|(?<=\$)(?=\.\d)|(?<=euro)|(?<=EUR)|(?<=USD))"
    rf"(?P<digits>{_NUM}|\.\d+)(?:st|nd|rd|th)?(?:\s*(?P<scale>{_EN_SCALE_RE})\b|"
    r"(?P<short>[mb])\b)?"
    # "thirty-two", "Thirty two", "six"
    rf"|\b(?P<word>(?:{_EN_TENS})\s(?:{_EN_UNITS})|"
    rf"(?:{_EN_WORD_RE})(?:-(?:{_EN_WORD_RE}))?)(?:\s+(?P<wscale>{_EN_SCALE_RE}))?\b",
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
_KO_RACE_TIME = re.compile(r"(?<![\d.])(\d{1,3})초(\d{2})(?!\d)")


def korean_quantities(text: str) -> list[Quantity]:
    """Every number written with digits in Korean text (with 조/억/만/천/백 multipliers)."""
    found = [
        Quantity(float(f"{m.group(1)}.{m.group(2)}"), m.start(), m.end(), m.group(0))
        for m in _KO_RACE_TIME.finditer(text)
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
        found.append(Quantity(value, match.start(), match.start() + len(surface), surface))
    return found


def _word_value(word: str) -> float:
    parts = re.split(r"[-\s]", word.lower())
    if len(parts) == 2 and parts[0] in _EN_WORDS and parts[1] in _EN_WORDS:
        first, second = _EN_WORDS[parts[0]], _EN_WORDS[parts[1]]
        return first + second if first >= 20 and second < 10 else first * second
    return _EN_WORDS[parts[0]]


def english_quantities(text: str) -> list[Quantity]:
    """Every number in English text, digits or words, with million/billion scales applied."""
    found = []
    for match in _EN_NUMBER.finditer(text):
        if match["digits"]:
            value = _to_float(match["digits"])
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
    taken = [(q.start, q.end) for q in found]
    for match in _EN_BARE_SCALE.finditer(text):  # "a billion-dollar lab"
        if not any(s <= match.start("scale") < e for s, e in taken):
            value = float(_EN_SCALES[match["scale"].lower()])
            found.append(Quantity(value, match.start(), match.end(), match.group(0), True))
    return found


def _roman_value(numeral: str) -> int:
    values = [_ROMAN_DIGITS[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
