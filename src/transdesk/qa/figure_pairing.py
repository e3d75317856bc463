"""Which English figure carries which Korean one: values, units, roundings and conversions.

`read_figures` reads the figures of a pair with their units: Korean digits and native numerals,
English digits and number words, and "a year"-style counts of one. `pair_figures` then pairs them,
most certain first: the same value in an agreeing unit; the same value in another unit (a changed
unit, which the numbers check reports); a rounding ("1.2 trillion" for 1조 2345억); a scale the
English says once for two figures; a conversion into another unit of the same measure ("240km"
as "about 150 miles"). What is left unpaired is what the check reports as missing or added.
"""

from __future__ import annotations

import dataclasses
import re

from transdesk.qa.base import CheckContext
from transdesk.qa.number_words import korean_number_words, word_unit
from transdesk.qa.positions import position_kind
from transdesk.qa.quantities import (
    Quantity,
    english_quantities,
    korean_quantities,
    rounds_to,
    values_match,
)
from transdesk.qa.units import (
    Unit,
    compatible,
    converts,
    english_unit,
    korean_unit,
    names_unit,
    signed_value,
    unit_nouns_with_article,
)

# copy that says a figure is rounded: "about 1.2 trillion", "약 1조 2345억 원", "1만여 명"
_ROUGHLY_EN = re.compile(
    r"\b(?:about|around|approximately|roughly|nearly|almost|some|over|more\s+than|less\s+than|"
    r"fewer\s+than|under|at\s+least|close\s+to|just\s+(?:over|under)|up\s+to|estimated|"
    r"upwards?\s+of)\s+(?:US\$|\$|€|£|¥|₩)?\s?$",
    re.IGNORECASE,
)
_ROUGHLY_KO_BEFORE = re.compile(r"(?:약|대략|거의|무려)\s*$")
_ROUGHLY_KO_AFTER = re.compile(r"여|가량|정도|쯤|남짓|이상|넘|이하|미만|안팎|내외|수준|가까이|에\s?달")


def _roughly(quantity: Quantity, source: str, english: Quantity, target: str) -> bool:
    """Either side says the figure is approximate."""
    return bool(
        _ROUGHLY_KO_BEFORE.search(source[max(0, quantity.start - 4) : quantity.start])
        or _ROUGHLY_KO_AFTER.search(source[quantity.end : quantity.end + 8])
        or _ROUGHLY_EN.search(target[max(0, english.start - 24) : english.start])
    )


def readings(quantity: Quantity) -> tuple[float, ...]:
    """ "9조" is 9 trillion, or Article 9 of a law."""
    if quantity.surface.endswith("조") and quantity.value < 10**15:
        digits = quantity.surface[:-1].replace(",", "")
        if digits.replace(".", "").isdigit():
            return quantity.value, float(digits)
    return (quantity.value,)


def inside(quantity: Quantity, spans: list[tuple[int, int]]) -> bool:
    """The figure lies within one of the spans (a date's, say)."""
    return any(s <= quantity.start and quantity.end <= e for s, e in spans)


def overlaps(quantity: Quantity, others: list[Quantity]) -> bool:
    """The figure shares characters with one of the others."""
    return any(o.start < quantity.end and quantity.start < o.end for o in others)


@dataclasses.dataclass
class Figures:
    """The figures of one pair, with their units, and which English figure carries which."""

    source: list[Quantity]
    target: list[Quantity]  # English figures, then "a year"-style counts of one
    readable: int  # how many of `target` are read figures (the rest are counts of one)
    source_units: list[Unit | None]
    target_units: list[Unit | None]
    carried: dict[int, int] = dataclasses.field(default_factory=dict)  # source → target
    unit_changed: dict[int, int] = dataclasses.field(default_factory=dict)
    positions: dict[int, str] = dataclasses.field(default_factory=dict)
    # values with their signs where the copy writes a sign in words ("영하 10도" is -10); empty
    # where nothing was read with a sign
    source_signed: list[float] = dataclasses.field(default_factory=list)
    target_signed: list[float] = dataclasses.field(default_factory=list)

    def converts(self, i: int, j: int) -> bool:
        """The English figure `j` is source figure `i` converted into another unit of its
        measure ("240km" as "about 150 miles", "영하 10도" as "14 degrees Fahrenheit")."""
        value = self.source_signed[i] if self.source_signed else self.source[i].value
        english = self.target_signed[j] if self.target_signed else self.target[j].value
        return converts(value, self.source_units[i], english, self.target_units[j])

    def free(self) -> list[int]:
        used = set(self.carried.values()) | set(self.unit_changed.values())
        return [j for j in range(len(self.target)) if j not in used]

    def open_source(self) -> list[int]:
        return [
            i
            for i in range(len(self.source))
            if i not in self.carried and i not in self.unit_changed
        ]


def _unit_of_one(one: Quantity) -> Unit | None:
    """The unit an "an hour"-style count of one names itself (not the next unit of the
    sentence: "from an hour to 12 minutes")."""
    noun = re.split(r"[\s-]+", one.surface)[-1]
    return english_unit(Quantity(1.0, 0, 1, "1"), f"1 {noun}")


_HALF_AFTER = re.compile(r"^[\s-]+half\b", re.IGNORECASE)
_HALVES = re.compile(r"[상하]반기|[전후]반")


def _half_of_year(quantity: Quantity, source: str, english: str) -> bool:
    """ "the second half" for 하반기 (or 후반): a part of a year or a match, no figure."""
    return (
        quantity.surface.lower() in ("first", "second")
        and _HALF_AFTER.match(english[quantity.end : quantity.end + 8]) is not None
        and _HALVES.search(source) is not None
    )


def read_figures(
    context: CheckContext,
    date_spans: list[tuple[int, int]],
    english_date_spans: list[tuple[int, int]],
) -> Figures:
    """The figures of a pair outside its dates, with their units and the positions they name."""
    text, english = context.source, context.target
    digits = [q for q in korean_quantities(text) if not inside(q, date_spans)]
    words = [
        q
        for q in korean_number_words(text)
        if not inside(q, date_spans) and not overlaps(q, digits)
    ]
    source = sorted(digits + words, key=lambda q: q.start)
    target = [
        q
        for q in english_quantities(english)
        if not inside(q, english_date_spans) and not _half_of_year(q, text, english)
    ]
    ones = [q for q in unit_nouns_with_article(english) if not overlaps(q, target)]
    source_units = [
        (word_unit(q, text) or korean_unit(q, text)) if q.spelled else korean_unit(q, text)
        for q in source
    ]
    target_units = [english_unit(q, english) for q in target] + [_unit_of_one(q) for q in ones]
    figures = Figures(source, target + ones, len(target), source_units, target_units)
    figures.source_signed = [
        signed_value(q, text, unit, korean=True) for q, unit in zip(source, source_units)
    ]
    figures.target_signed = [
        signed_value(q, english, unit, korean=False)
        for q, unit in zip(target + ones, target_units)
    ]
    figures.positions = {
        i: kind for i, q in enumerate(source) if (kind := position_kind(q, text)) is not None
    }
    return figures


def pair_figures(figures: Figures, context: CheckContext) -> None:
    """Which English figure carries which source figure: the same value in an agreeing unit
    first, then the same value in another unit (a changed unit), then a rounding, then a
    conversion into another unit of the same measure."""
    source, target = figures.source, figures.target
    units, english_units = figures.source_units, figures.target_units

    def same_value(i: int, j: int) -> bool:
        if j >= figures.readable and source[i].value != 1:
            return False
        return any(values_match(target[j].value, v) for v in readings(source[i]))

    def agrees(i: int, j: int) -> bool:
        return i in figures.positions or compatible(units[i], english_units[j])

    def both_known(i: int, j: int) -> bool:
        return units[i] is not None and english_units[j] is not None

    # "두 시간 ... 두 명" and "two hours ... two were killed": units that are stated pair first;
    # a figure that names a position last, since English often names it in words ("4번 타자 ...
    # 4타수 3안타" as "cleanup hitter ... 3-for-4")
    for strong in (True, False):
        for i in sorted(figures.open_source(), key=lambda i: i in figures.positions):
            j = next(
                (
                    j
                    for j in figures.free()
                    if same_value(i, j) and agrees(i, j) and (both_known(i, j) or not strong)
                ),
                None,
            )
            if j is not None:
                figures.carried[i] = j
    for i in figures.open_source():
        j = next((j for j in figures.free() if same_value(i, j)), None)
        if j is not None:
            figures.unit_changed[i] = j
    for i in figures.open_source():
        j = next(
            (
                j
                for j in figures.free()
                if j < figures.readable
                and agrees(i, j)
                and _approximates(i, j, figures, context)
            ),
            None,
        )
        if j is not None:
            figures.carried[i] = j
    for i in figures.open_source():
        j = next(
            (j for j in figures.free() if j < figures.readable and _elided(i, j, figures)),
            None,
        )
        if j is not None:
            figures.carried[i] = j
    for i in figures.open_source():
        free = figures.free()
        if names_unit(context.target, units[i]):
            continue  # the English gives the source's own unit: that figure must match
        j = next((j for j in free if figures.converts(i, j)), None)
        if j is not None:
            figures.carried[i] = j


def _approximates(i: int, j: int, figures: Figures, context: CheckContext) -> bool:
    """The English figure is the source's rounded ("1.2 trillion" for 1조 2345억) or, where a
    side says the figure is approximate, told in dozens ("10여 명" as "about a dozen", "20여
    명" as "two dozen")."""
    quantity, english = figures.source[i], figures.target[j]
    roughly = _roughly(quantity, context.source, english, context.target)
    if rounds_to(quantity.value, english, roughly):
        return True
    return (
        roughly
        and "dozen" in english.surface.lower()
        and abs(english.value - quantity.value) <= max(2.0, 0.2 * quantity.value)
    )


_SCALE_WORDS = {10**3: "thousand", 10**6: "million", 10**9: "billion", 10**12: "trillion"}


def _elided(i: int, j: int, figures: Figures) -> bool:
    """ "1억5천만 유로였다가 내일은 2억 유로" → "150 million euros ... tomorrow it will be 200":
    the English says the scale once and leaves it off the next figure."""
    quantity, english = figures.source[i], figures.target[j]
    if english.spelled or not english.surface[:1].isdigit() or english.value <= 0:
        return False
    if re.search(r"[A-Za-z]", english.surface):
        return False  # the figure has a scale of its own
    for scale, word in _SCALE_WORDS.items():
        if values_match(english.value * scale, quantity.value) and any(
            word in other.surface.lower() for other in figures.target[: figures.readable]
        ):
            return True
    return False


