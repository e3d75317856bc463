"""Ways English news copy renders a Korean number without repeating it as a figure.

Each test takes the Korean number (a `Quantity` in the source), the source, the English and the
English quantities, and says whether the English accounts for it:

- clock times: "7시 15분" → "0715" or "7:15"; "0시 26분" → "12:26 a.m.";
- shorthand dates: "6.15 남북공동선언" → "June 15";
- shares told as fractions: "30%" → "a third", "50%" → "half";
- approximate ranges: "2, 3년 전" or "2~3년" → "a couple of years", "a few", "several";
- ages after a name: "조앤(가명, 26)", "야다브(60)" — an age is background English copy often drops:
  still reported, as a minor finding (`is_age`).
"""

from __future__ import annotations

import re

from transdesk.qa.quantities import Quantity

_FRACTIONS = re.compile(
    r"\b(?:(?P<two>two)-?\s?thirds?|(?:a|one)[\s-]third|(?:a|one)[\s-]quarter|"
    r"three[\s-]quarters|half|(?:a|one)[\s-]fifth|(?:a|one)[\s-]tenth)\b",
    re.IGNORECASE,
)
_FRACTION_VALUES = {
    "third": 100 / 3,
    "quarter": 25,
    "half": 50,
    "fifth": 20,
    "tenth": 10,
}
_FEW = re.compile(r"\b(?:couple|few|several|handful)\b", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"^\s*(?:,|~|-|∼|〜)\s*\d")
_RANGE_BEFORE = re.compile(r"\d\s*(?:,|~|-|∼|〜)\s*$")
_AGE = re.compile(r"^[\uac00-\ud7a3]+\s*\((?:[^()]*,\s*)?$")


def _fraction_share(match: re.Match[str]) -> float:
    text = match.group(0).lower()
    if text.startswith("three"):
        return 75.0
    for word, value in _FRACTION_VALUES.items():
        if word in text:
            return value * 2 if match["two"] else value
    return 0.0


def is_clock_time(quantity: Quantity, source: str, english: str) -> bool:
    """ "7시 15분" is "0715" or "7:15 a.m."; "0시" is 12 a.m."""
    after = source[quantity.end : quantity.end + 8]
    hour_match = re.match(r"\s*시(?:\s*(\d{1,2})\s*분)?", after)
    before = re.search(r"(\d{1,2})\s*시\s*$", source[: quantity.start])
    if hour_match:
        hour, minute = int(quantity.value), int(hour_match.group(1) or 0)
    elif before and re.match(r"\s*분", after):
        hour, minute = int(before.group(1)), int(quantity.value)
    else:
        return False
    if quantity.value != int(quantity.value) or hour > 24 or minute > 59:
        return False
    twelve = hour % 12 or 12
    patterns = (
        rf"\b0?{hour}{minute:02d}\b",  # 0715, 1215 GMT
        rf"\b{twelve}:{minute:02d}\b",
        rf"\b{hour}:{minute:02d}\b",
        rf"\b{twelve}\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|noon|midnight)",
    )
    if minute == 0 and hour in (0, 24):
        patterns += (r"\bmidnight\b",)
    return any(re.search(p, english, re.IGNORECASE) for p in patterns)


def is_shorthand_date(quantity: Quantity, english_dates: list[tuple[int, int]]) -> bool:
    """ "6.15 남북공동선언" (June 15), "5.18 민주화운동" (May 18)."""
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})", quantity.surface)
    if not match:
        return False
    return (int(match.group(1)), int(match.group(2))) in english_dates


def is_fraction_of_share(quantity: Quantity, source: str, english: str) -> bool:
    """ "30%" is "a third", "50%" is "half" (within five points)."""
    if not source[quantity.end : quantity.end + 3].lstrip().startswith(("%", "퍼센트", "％")):
        return False
    return any(abs(_fraction_share(m) - quantity.value) <= 5 for m in _FRACTIONS.finditer(english))


def is_approximate_range(quantity: Quantity, source: str, english: str) -> bool:
    """ "2, 3년 전" → "a couple of years ago"; "3~5명" → "a few"."""
    if quantity.value > 10:
        return False
    in_range = _RANGE_AFTER.match(source[quantity.end : quantity.end + 4]) or _RANGE_BEFORE.search(
        source[max(0, quantity.start - 4) : quantity.start]
    )
    return bool(in_range and _FEW.search(english))


def is_age(quantity: Quantity, source: str) -> bool:
    """ "조앤(가명, 26)", "야다브(60)": a person's age in parentheses after the name."""
    if not (1 <= quantity.value <= 120) or quantity.value != int(quantity.value):
        return False
    if source[quantity.end : quantity.end + 1] != ")":
        return False
    return bool(_AGE.search(source[max(0, quantity.start - 12) : quantity.start]))


def clock_values(source: str) -> set[float]:
    """What English makes of the source's clock times: "7시 15분" → 715 (0715), 7, 15;
    "0시" → 12 (12 a.m.)."""
    values: set[float] = set()
    for match in re.finditer(r"(\d{1,2})\s*시(?:\s*(\d{1,2})\s*분)?", source):
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        values |= {float(hour * 100 + minute), float(hour % 12 or 12), float(hour), float(minute)}
    return values
