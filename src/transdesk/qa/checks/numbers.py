"""Numbers and quantities: every number in the source is in the translation, none from nowhere."""

from __future__ import annotations

import re

from transdesk.article import Finding
from transdesk.dates import find_english_dates, resolve_dates
from transdesk.qa.base import CheckContext, finding
from transdesk.qa.number_forms import (
    clock_values,
    is_age_bracket,
    is_approximate_range,
    is_clock_time,
    is_fraction_of_share,
    is_named_number,
    is_shorthand_date,
    latin_token,
)
from transdesk.qa.quantities import Quantity, english_quantities, korean_quantities, values_match

# "1명" is "a man", "1위" is "top": a lone 1 is too often written without a number.
_SILENT_VALUES = {1.0}
# metric units English copy converts: (Korean unit after the number, factor to the US unit)
# (Korean unit after the number, factor to the US unit, the metric unit in English)
_CONVERSIONS = (
    (re.compile(r"^\s*(?:km|㎞|킬로미터|킬로)"), 0.621371, r"km|kilomet"),
    (re.compile(r"^\s*(?:m|미터)(?![²2])"), 3.28084, r"m\b|met(?:er|re)"),
    (re.compile(r"^\s*(?:m²|㎡|제곱미터)"), 10.7639, r"square\s+met|m²"),
    (re.compile(r"^\s*(?:kg|㎏|킬로그램)"), 2.20462, r"kg|kilogram"),
    (re.compile(r"^\s*(?:cm|㎝|센티미터|센티)"), 0.393701, r"cm|centimet"),
    (re.compile(r"^\s*(?:ha|헥타르)"), 2.47105, r"hectare"),
    (re.compile(r"^\s*(?:리터|ℓ|l\b)"), 0.264172, r"lit(?:er|re)"),
)
_TOLERANCE = 0.12
_EN_RANGE_END = re.compile(r"^\s*(?:-|–|to)\s*[\d.,]+")  # "72-78 degrees", "111 to 130 mph"
_RANGE_END = re.compile(r"^\s*[~∼〜-]\s*[\d.,]+")  # "22~25도": the unit is after the range


_METRIC_WORD = re.compile(
    r"\b(?:kilo)?(?:met(?:er|re)s?|grams?)\b|\bcentimet|\bhectares?\b|"
    r"\blit(?:er|re)s?\b",
    re.IGNORECASE,
)
_US_UNIT = re.compile(
    r"^[\s-]*(?:miles?|feet|foot|ft|pounds?|lbs?|inch(?:es)?|acres?|mph\b|"
    r"gallons?|square[\s-]+(?:feet|foot)|degrees|F\b|°F|-(?:mile|foot|pound))",
    re.IGNORECASE,
)


def _converted(quantity: Quantity, source: str, target: list[Quantity], english: str) -> bool:
    """The English gives the quantity in US units (240km → "150 miles")."""
    after = _RANGE_END.sub("", source[quantity.end : quantity.end + 16], count=1)[:6]
    in_us_units = [
        t
        for t in target
        if _US_UNIT.match(_EN_RANGE_END.sub("", english[t.end : t.end + 24], count=1))
    ]
    for unit, factor, metric in _CONVERSIONS:
        if unit.match(after):
            if re.search(rf"\d[\s-]*(?:{metric})", english, re.IGNORECASE) or _METRIC_WORD.search(
                english
            ):
                return False  # the English keeps metric units: the number must match as is
            expected = quantity.value * factor
            return any(abs(t.value - expected) <= _TOLERANCE * expected for t in in_us_units)
    if after.lstrip().startswith(("도", "℃")):  # Celsius → Fahrenheit
        expected = quantity.value * 9 / 5 + 32
        return any(abs(t.value - expected) <= 2 for t in in_us_units)
    return False


_NAME_AFTER = re.compile(r"^\s*(?:자\s*회담|자\s*협의|호\s*태풍)")


def _part_of_a_name(quantity: Quantity, text: str) -> bool:
    """ "6자회담" is the six-party talks, often just "the talks" in English."""
    return bool(_NAME_AFTER.match(text[quantity.end : quantity.end + 6]))


_COUNTER = re.compile(r"^\s*(?:명|개|건|대|척|차례|번|곳|채|마리|그루|권)")


def _counted(quantity: Quantity, text: str) -> bool:
    """A count of people or things ("2명"), which English repeats when Korean does."""
    after = text[quantity.end : quantity.end + 3]
    if after.startswith("대") and quantity.value in (20, 30, 40, 50, 60, 70, 80, 90):
        return False  # "60대": in one's 60s, not 60 vehicles
    return bool(_COUNTER.match(after))


def _unit(quantity: Quantity, text: str) -> str:
    """The unit written after a figure ("26살의" → "살", "3주" → "주", "10km" → "km")."""
    match = re.match(r"\s?([A-Za-z]{1,3}|[\uac00-\ud7a3%]?)", text[quantity.end : quantity.end + 4])
    return match.group(1) if match else ""


def _slashed(quantity: Quantity, text: str) -> bool:
    return (
        text[quantity.end : quantity.end + 1] == "/"
        or text[quantity.start - 1 : quantity.start] == "/"
    )


def _readings(quantity: Quantity) -> tuple[float, ...]:
    """ "9조" is 9 trillion, or Article 9 of a law."""
    if quantity.surface.endswith("조") and quantity.value < 10**15:
        digits = quantity.surface[:-1].replace(",", "")
        if digits.replace(".", "").isdigit():
            return quantity.value, float(digits)
    return (quantity.value,)


_APPROXIMATE_CONVERSION = re.compile(r"^\s*약|원|달러|유로|엔|파운드|위안")


def _in_parentheses(quantity: Quantity, text: str) -> bool:
    """Conversions such as "(약 2400억 원)" that English copy usually leaves out."""
    opened = text.rfind("(", 0, quantity.start)
    if opened <= text.rfind(")", 0, quantity.start):
        return False
    closed = text.find(")", quantity.end)
    inner = text[opened + 1 : closed if closed > 0 else len(text)]
    return bool(_APPROXIMATE_CONVERSION.search(inner))


def _inside(quantity: Quantity, spans: list[tuple[int, int]]) -> bool:
    return any(s <= quantity.start and quantity.end <= e for s, e in spans)


class NumbersCheck:
    name = "numbers"
    description = "every number in the source appears in the translation, and none from nowhere"

    def run(self, context: CheckContext) -> list[Finding]:
        mentions = resolve_dates(context.source, context.dateline)
        date_spans = [(m.start, m.end) for m in mentions]
        english_date_spans = [(d.start, d.end) for d in find_english_dates(context.target)]
        source = [q for q in korean_quantities(context.source) if not _inside(q, date_spans)]
        target = [
            q for q in english_quantities(context.target) if not _inside(q, english_date_spans)
        ]
        explained = {float(v) for m in mentions if m.first for v in (m.first.year, m.first.day)}
        explained |= clock_values(context.source)
        explained |= {
            t.value
            for t in target
            if any(_converted(s, context.source, [t], context.target) for s in source)
        }
        english_dates = find_english_dates(context.target)
        in_dates = {float(v) for d in english_dates for v in (d.month, d.day, d.year) if v}
        days = [(d.month, d.day) for d in english_dates if d.month and d.day]
        explained |= {  # "야다브(63)" told as "in his 60s"
            float(q.value // 10 * 10)
            for q in source
            if is_age_bracket(q, context.source, context.target)
        }
        unexplained = _unexplained(source, target, explained)
        # a figure in the English that nothing explains: a source number missing beside it was
        # probably changed, not left out ("Karadzic, 68" for "카라지치(63)")
        changed = [t for t in unexplained if t.surface[:1].isdigit()]
        findings = self._missing(source, target, (in_dates, days), context, changed)
        return findings + [self._added(quantity) for quantity in unexplained]

    def _missing(
        self,
        source: list[Quantity],
        target: list[Quantity],
        dates: tuple[set[float], list[tuple[int, int]]],
        context: CheckContext,
        changed: list[Quantity],
    ) -> list[Finding]:
        in_dates, days = dates
        findings, text = [], context.source
        available = list(target)
        for quantity in source:
            match = next(
                (t for t in available for v in _readings(quantity) if values_match(t.value, v)),
                None,
            )
            if match is not None:
                available.remove(match)
                continue
            if any(values_match(t.value, quantity.value) for t in target) and any(
                values_match(s.value, quantity.value)
                and _unit(s, text) == _unit(quantity, text)
                and not _counted(s, text)
                for s in source
                if s is not quantity and s.start < quantity.start
            ):
                continue  # said twice in Korean, once in English: "26살 ... 26살의 여성"
                # (not "2명 ... 2명", two counts; nor "3주 전 ... 3명", two quantities)
            if quantity.value in _SILENT_VALUES and not any(
                t.value < 10 and t.value == int(t.value) for t in changed
            ):
                continue  # "1명" → "a man" (but not "Category 1" → "Category 5")
            if quantity.value in in_dates and _slashed(quantity, text):
                continue  # "9/11" → "September 11"
            if _converted(quantity, text, target, context.target):
                continue
            token = latin_token(quantity, text)
            if token and token.lower() in context.target.lower():
                continue  # "MP3", "iPhone 3G": the figure is part of a name the English repeats
            if self._rendered_otherwise(quantity, context, days):
                continue
            minor = _in_parentheses(quantity, text) or (
                (_part_of_a_name(quantity, text) or is_age_bracket(quantity, text, context.target))
                and not changed
            )
            severity = "minor" if minor else "major"
            findings.append(
                finding(
                    self.name,
                    "number_missing",
                    severity,
                    f"the number {quantity.surface!r} in the source is not in the translation",
                    source_span=(quantity.start, quantity.end),
                )
            )
        return findings

    @staticmethod
    def _rendered_otherwise(
        quantity: Quantity, context: CheckContext, days: list[tuple[int, int]]
    ) -> bool:
        """A clock time, a shorthand date, a share as a fraction, a range as "a few"."""
        source, english = context.source, context.target
        return (
            is_clock_time(quantity, source, english)
            or is_shorthand_date(quantity, days)
            or is_fraction_of_share(quantity, source, english)
            or is_approximate_range(quantity, source, english)
            or is_named_number(quantity, source, english)
        )

    def _added(self, quantity: Quantity) -> Finding:
        return finding(
            self.name,
            "number_added",
            "minor",
            f"the translation has {quantity.surface!r}, which is not in the source",
            target_span=(quantity.start, quantity.end),
        )


def _unexplained(
    source: list[Quantity], target: list[Quantity], explained: set[float]
) -> list[Quantity]:
    """English figures (not spelled-out words) that no source number or known form explains."""
    return [
        quantity
        for quantity in target
        if not quantity.spelled
        and quantity.value not in explained
        and not any(values_match(quantity.value, s.value) for s in source)
    ]
