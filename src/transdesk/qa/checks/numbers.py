"""Numbers and quantities: every number in the source is in the translation, none from nowhere.

A quantity is its value and its unit: "250km" told as "250 miles" is changed, though the figure
is the same, and "250 kilometers (155 miles)" is right. Korean scales (만/억/조) are read into
values, so "1조 2천억 원" is "1.2 trillion won" or "1,200 billion won", and a figure the English
rounds ("about 1.2 trillion") passes. Numbers written as words count on both sides ("다섯 번째" and
"fifth", "두 차례" and "twice", "세 배" and "tripled"), and a count in words told as another
("재판관 두 명" as "three justices") is a changed figure, held like a changed digit. A conversion
into another unit of the measure passes ("영하 10도" as "14 degrees Fahrenheit", "240km" as "150
miles"). Markup is no figure, and a figure that only names a position (2심, 1위, 4강, 제1야당)
need not be repeated as a digit, unless the English gives another one.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence

from transdesk.article import Finding
from transdesk.dates import EnglishDate, find_english_dates, resolve_dates
from transdesk.glossary.approved import approved_spans
from transdesk.qa.base import CheckContext, finding, in_the_same_place
from transdesk.qa.figure_markup import blank_markup
from transdesk.qa.number_forms import (
    clock_values,
    is_age_bracket,
    is_approximate_range,
    is_count_of_listed,
    is_count_of_named,
    is_span_in_total,
    is_bare_day,
    is_clock_time,
    is_day_of_english_date,
    is_era_year,
    is_fraction_in_words,
    is_fraction_of_share,
    is_part_of_whole,
    is_quarter_in_months,
    is_named_number,
    is_shorthand_date,
    is_sweep,
    latin_token,
    match_minutes,
    spans_told_in_total,
)
from transdesk.qa.figure_pairing import Figures, inside, pair_figures, read_figures
from transdesk.qa.positions import (
    contradicts,
    is_demanded,
    is_generation,
    told_in_words,
)
from transdesk.qa.number_words import counter_follows, counts_a_noun
from transdesk.qa.quantities import Quantity, values_match
from transdesk.qa.units import compatible

# what a count in words may count: people, countries, things (no unit the lexicon knows)
_COUNTS = {"people", "countries"}
_CARDINAL_WORDS = {
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
}

# "1명" is "a man", "1위" is "top": a lone 1 is too often written without a number.
_SILENT_VALUES = {1.0}
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


_POSITION_NAMES = {
    "court": "court",
    "stage": "stage of the tournament",
    "lineup": "place in the batting order",
    "term": "number of terms",
    "place": "place",
    "panel": "court panel",
}


def _unit(quantity: Quantity, text: str) -> str:
    """The unit written after a figure ("26살의" → "살", "3주" → "주", "10km" → "km")."""
    match = re.match(r"\s?([A-Za-z]{1,3}|[\uac00-\ud7a3%]?)", text[quantity.end : quantity.end + 4])
    return match.group(1) if match else ""


def _slashed(quantity: Quantity, text: str) -> bool:
    return (
        text[quantity.end : quantity.end + 1] == "/"
        or text[quantity.start - 1 : quantity.start] == "/"
    )


_APPROXIMATE_CONVERSION = re.compile(r"^\s*약|원|달러|유로|엔|파운드|위안")


_TITLE_QUOTE = re.compile(r"['‘]([^'‘’]{2,40})['’]")


# a court's division by its number: "형사합의27부", "민사25부", "형사2부"
_COURT_DIVISION = re.compile(r"(?:형사|민사|행정|가사)(?:합의|항소|단독)?\s?$")


def _names_a_division(quantity: Quantity, text: str) -> bool:
    """English copy often names the panel by its judge ("a panel led by Judge Han"), not by the
    division's number: a number left out there is for the editor."""
    return text[quantity.end : quantity.end + 1] == "부" and bool(
        _COURT_DIVISION.search(text[max(0, quantity.start - 6) : quantity.start])
    )


def _in_a_title(quantity: Quantity, text: str) -> bool:
    """A figure inside a quoted title ("'3분기 가계신용(잠정)' 통계"): English copy names the
    report its own way, or only by what it says."""
    return any(m.start(1) <= quantity.start < m.end(1) for m in _TITLE_QUOTE.finditer(text))


def _in_parentheses(quantity: Quantity, text: str) -> bool:
    """Conversions such as "(약 2400억 원)" that English copy usually leaves out."""
    opened = text.rfind("(", 0, quantity.start)
    if opened <= text.rfind(")", 0, quantity.start):
        return False
    closed = text.find(")", quantity.end)
    inner = text[opened + 1 : closed if closed > 0 else len(text)]
    return bool(_APPROXIMATE_CONVERSION.search(inner))


def _in_gloss(quantity: Quantity, text: str) -> bool:
    """Inside a parenthesised gloss that repeats the name before it: "넘버 16 버스 쉐터 (Number 16
    Bus Shelter, 16번 버스 종착지)"."""
    opened = text.rfind("(", 0, quantity.start)
    return opened > text.rfind(")", 0, quantity.start) and bool(
        re.search(r"[A-Za-z]{3,}", text[opened : quantity.start])
    )


class NumbersCheck:
    name = "numbers"
    description = "every number in the source appears in the translation, and none from nowhere"

    def run(self, context: CheckContext) -> list[Finding]:
        context = dataclasses.replace(
            context, source=blank_markup(context.source), target=blank_markup(context.target)
        )
        mentions = resolve_dates(context.source, context.dateline)
        date_spans = [(m.start, m.end) for m in mentions]
        english_dates = find_english_dates(context.target)
        english_date_spans = [(d.start, d.end) for d in english_dates]
        figures = read_figures(context, date_spans, english_date_spans)
        pair_figures(figures, context)
        source, target = figures.source, figures.target[: figures.readable]
        explained = {float(v) for m in mentions if m.first for v in (m.first.year, m.first.day)}
        explained |= clock_values(context.source) | match_minutes(context.source)
        if _BOTH.search(context.source):
            explained.add(2.0)  # "양측", "양국": "the two sides", "the two countries"
        explained |= {t for *_, t in spans_told_in_total(context.source, context.target)}
        explained |= {  # "야다브(63)" told as "in his 60s"
            float(q.value // 10 * 10)
            for q in source
            if is_age_bracket(q, context.source, context.target)
        }
        carried = set(figures.carried.values()) | set(figures.unit_changed.values())
        converted = {
            j for j in range(len(target)) for i in range(len(source)) if figures.converts(i, j)
        }
        termed, term_renderings = _rendered_terms(context)
        unexplained = [
            target[j]
            for j in _unexplained(source, target, explained)
            if j not in carried and j not in converted and not inside(target[j], term_renderings)
        ]
        # a figure in the English that nothing explains: a source number missing beside it was
        # probably changed, not left out ("Karadzic, 68" for "카라지치(63)")
        changed = [t for t in unexplained if t.surface[:1].isdigit()]
        in_dates = {float(v) for d in english_dates for v in (d.month, d.day, d.year) if v}
        days = [(d.month, d.day) for d in english_dates if d.month and d.day]
        findings = self._unit_findings(figures)
        findings += [
            f
            for f in self._missing(
                figures, (in_dates, days), context, changed, explained, english_dates
            )
            if f.source_span is None or not _within_span(f.source_span, termed)
        ]
        first = self._first_told_as_another(context)
        return findings + ([first] if first else []) + [self._added(q) for q in unexplained]

    def _first_told_as_another(self, context: CheckContext) -> Finding | None:
        """ "이번이 처음이다" (the first time) told as "the second time": 처음 and 최초 are no
        figure, but an English ordinal of times against them is a changed one."""
        said = _FIRST.search(context.source)
        told = _NTH_TIME.search(context.target)
        if said is None or told is None or re.search(r"\bfirst\b", context.target, re.I):
            return None
        return finding(
            self.name,
            "number_missing",
            "major",
            f"{said.group(0)!r} (the first) in the source is {told.group(0)!r} in the translation",
            source_span=said.span(),
            target_span=told.span(),
        )

    def _unit_findings(self, figures: Figures) -> list[Finding]:
        findings = []
        for i, j in figures.unit_changed.items():
            quantity, english = figures.source[i], figures.target[j]
            unit, english_unit_ = figures.source_units[i], figures.target_units[j]
            if unit is None or english_unit_ is None:
                continue
            # "3%" told as "3 percentage points": Korean copy often writes % for a point change
            severity = "minor" if (unit.name, english_unit_.name) == ("pct", "pp") else "major"
            findings.append(
                finding(
                    self.name,
                    "unit_changed",
                    severity,
                    f"{quantity.surface!r} ({unit.describe()}) in the source is "
                    f"{english.surface!r} ({english_unit_.describe()}) in the translation",
                    source_span=(quantity.start, quantity.end),
                    target_span=(english.start, english.end),
                )
            )
        return findings

    def _rival(self, figures: Figures, i: int, explained: set[float]) -> Quantity | None:
        """An English figure left over in the unit of an unmatched source figure: the source's
        figure was changed ("다섯 번째" as "fourth", "1년" as "two years")."""
        unit = figures.source_units[i]
        if unit is None:
            return None
        candidates = []
        for j in figures.free():
            english, english_unit_ = figures.target[j], figures.target_units[j]
            if english_unit_ is None or english_unit_.measure != unit.measure:
                continue
            if not compatible(unit, english_unit_) or english.value in explained:
                continue
            if any(values_match(english.value, s.value) for s in figures.source):
                continue
            candidates.append(english)
        # of several, the one nearest in size: "0.026초" against "24 seconds" and "0.036 seconds"
        value = figures.source[i].value
        return min(candidates, key=lambda e: _size_gap(e.value, value), default=None)

    def _word_rival(
        self, figures: Figures, i: int, explained: set[float], text: str, english_text: str
    ) -> Quantity | None:
        """A count in words left over in the English where a source count is missing: "재판관
        두 명" as "three justices". English names what it counts in many ways ("justices", not
        "people"), so a cardinal word with no unit of its own stands against any count; an
        ordinal or a "twice" stands only against its own kind, in `_rival`."""
        quantity, unit = figures.source[i], figures.source_units[i]
        if quantity.value != int(quantity.value) or not 1 <= quantity.value <= 20:
            return None
        if quantity.value == 1 and not counter_follows(text, quantity.end):
            return None  # "1발" (one missile) counts; a bare 1 is often "a", "the", or nothing
        if unit is not None and unit.measure not in _COUNTS and unit.name != "occurrences":
            return None  # "두 차례 연장" may be "three extensions": a count of times, in nouns
        candidates = []
        for j in figures.free():
            english = figures.target[j]
            if j >= figures.readable or not english.spelled or figures.target_units[j] is not None:
                continue
            if english.value != int(english.value) or not 2 <= english.value <= 20:
                continue
            if english.surface.strip().lower() not in _CARDINAL_WORDS:
                continue
            if english.value in explained or any(
                values_match(english.value, s.value) for s in figures.source
            ):
                continue
            candidates.append(english)
        # of several, the one as far into its sentence as the Korean count ("The two sides
        # discussed the release of four Koreans" for "한국인 3명")
        return in_the_same_place(candidates, quantity.start, len(text), len(english_text))

    def _missing(
        self,
        figures: Figures,
        dates: tuple[set[float], list[tuple[int, int]]],
        context: CheckContext,
        changed: list[Quantity],
        explained: set[float],
        english_dates: Sequence[EnglishDate] = (),
    ) -> list[Finding]:
        in_dates, days = dates
        findings, text = [], context.source
        source, target = figures.source, figures.target[: figures.readable]
        for i in figures.open_source():
            quantity = source[i]
            rival = (
                self._rival(figures, i, explained)
                or _digit_rival(quantity, changed)
                or self._word_rival(figures, i, explained, text, context.target)
            )
            if rival is not None and (
                is_span_in_total(quantity, text, context.target)
                or is_quarter_in_months(quantity, text, context.target)
            ):
                continue  # "1년 1개월" as "13 months", 3분기 as "July-September": no rival
            if rival is not None:
                findings.append(self._changed(quantity, rival))
                continue
            kind = figures.positions.get(i)
            if kind is not None:
                if contradicts(quantity, kind, context.target):
                    findings.append(
                        finding(
                            self.name,
                            "number_missing",
                            "major",
                            f"{quantity.surface!r} in the source names another "
                            f"{_POSITION_NAMES.get(kind, 'position')} than the translation does",
                            source_span=(quantity.start, quantity.end),
                        )
                    )
                    continue
                if told_in_words(quantity, kind, context.target) or not (
                    changed or is_demanded(kind)
                ):
                    continue  # a position, not a count: "the appeals court", "top", "retrial"
            score = _score_rival(quantity, text, changed, context.target)
            if score is not None:
                findings.append(self._changed(quantity, score))
                continue  # "6-9 ... 11-9" as "6-9 ... 11-7": the second 9 was changed
            if any(values_match(t.value, quantity.value) for t in target) and any(
                values_match(s.value, quantity.value)
                and (
                    (_unit(s, text) == _unit(quantity, text) and not _counted(s, text))
                    or _in_gloss(quantity, text)
                )
                for s in source
                if s is not quantity and s.start < quantity.start
            ):
                continue  # said twice in Korean, once in English: "26살 ... 26살의 여성"
                # (not "2명 ... 2명", two counts; nor "3주 전 ... 3명", two quantities)
            if counts_a_noun(quantity, text) and not changed:
                continue  # "두 정상은" as "they", "세 자매" as "the sisters": read for a rival only
            if quantity.value in _SILENT_VALUES and not any(
                t.value < 10 and t.value == int(t.value) for t in changed
            ):
                continue  # "1명" → "a man" (but not "Category 1" → "Category 5")
            if quantity.value in in_dates and _slashed(quantity, text):
                continue  # "9/11" → "September 11"
            token = latin_token(quantity, text)
            if token and token.lower() in context.target.lower():
                continue  # "MP3", "iPhone 3G": the figure is part of a name the English repeats
            if self._rendered_otherwise(quantity, context, days):
                continue
            if self._carried_for_another(figures, i, context, days):
                continue
            if is_day_of_english_date(quantity, text, english_dates) or is_bare_day(
                quantity, text, english_dates
            ):
                continue  # "8일부터 24일간" as "August 8-24"; "22에는" as "Tuesday"
            minor = (
                _in_parentheses(quantity, text)
                or _in_a_title(quantity, text)
                or _names_a_division(quantity, text)
            ) or (
                (_part_of_a_name(quantity, text) or is_age_bracket(quantity, text, context.target))
                and not changed
            )
            # "두 사람" is often "both", "the pair" or a plural: a small count in words, dropped,
            # is for the editor to see, not to hold (unless a figure from nowhere stands in its
            # place: "두 명" as "3 justices")
            minor = minor or (quantity.spelled and quantity.value <= 2 and not changed)
            # a headline keeps what it has room for: a figure left out of it is for the editor
            # ("통산 7번째 우승" as "win first title in nine years"); one changed is still major
            minor = minor or (context.is_headline and not changed)
            severity = "minor" if minor else "major"
            findings.append(
                finding(
                    self.name,
                    "number_missing",
                    severity,
                    f"the number {_named(quantity)} in the source is not in the translation",
                    source_span=(quantity.start, quantity.end),
                )
            )
        return findings

    def _changed(self, quantity: Quantity, english: Quantity) -> Finding:
        return finding(
            self.name,
            "number_missing",
            "major",
            f"the number {_named(quantity)} in the source is {english.surface!r} in the "
            "translation",
            source_span=(quantity.start, quantity.end),
            target_span=(english.start, english.end),
        )

    def _carried_for_another(
        self, figures: Figures, i: int, context: CheckContext, days: list[tuple[int, int]]
    ) -> bool:
        """An English figure of this value was paired with another source figure that the
        English renders otherwise: it is this one's ("2위를 3타 차로 따돌리고 시즌 2승째" as
        "winning by three strokes for her second victory": the runner-up beaten is told by the
        margin, and "second" is the second win's)."""
        value = figures.source[i].value
        return any(
            other != i
            and values_match(figures.target[j].value, value)
            and self._rendered_otherwise(figures.source[other], context, days)
            for other, j in figures.carried.items()
        )

    @staticmethod
    def _rendered_otherwise(
        quantity: Quantity, context: CheckContext, days: list[tuple[int, int]]
    ) -> bool:
        """A clock time, a shorthand date, a share as a fraction, a range as "a few", a score
        of N-0 as a sweep, a year of a reign as its common-era year."""
        source, english = context.source, context.target
        return (
            is_clock_time(quantity, source, english)
            or is_shorthand_date(quantity, days)
            or is_fraction_of_share(quantity, source, english)
            or is_part_of_whole(quantity, source, english)
            or is_approximate_range(quantity, source, english)
            or is_named_number(quantity, source, english)
            or is_fraction_in_words(quantity, source, english)
            or is_generation(quantity, source, english)
            or is_sweep(quantity, source, english)
            or is_era_year(quantity, source, english)
            or is_count_of_listed(quantity, source, english)
            or is_count_of_named(quantity, source, english)
            or is_span_in_total(quantity, source, english)
            or is_quarter_in_months(quantity, source, english)
        )

    def _added(self, quantity: Quantity) -> Finding:
        return finding(
            self.name,
            "number_added",
            "minor",
            f"the translation has {quantity.surface!r}, which is not in the source",
            target_span=(quantity.start, quantity.end),
        )


def _size_gap(a: float, b: float) -> float:
    """How far apart two figures are in size (orders of magnitude; 0 for the same)."""
    if a <= 0 or b <= 0:
        return abs(a - b)
    return abs(math.log10(a / b))


def _digit_rival(quantity: Quantity, changed: list[Quantity]) -> Quantity | None:
    """The figure from nowhere nearest in size to a missing source figure written in digits:
    "14건" told as "15 memorandums" is changed to 15, not to the "two" of "the two leaders"."""
    if quantity.spelled or not changed or quantity.value <= 0 or quantity.value in _SILENT_VALUES:
        return None  # "1유로" is "a euro": a 1 beside a figure from nowhere is not changed to it
    near = [t for t in changed if t.value > 0 and 0.5 <= t.value / quantity.value <= 2]
    return min(near, key=lambda t: _size_gap(t.value, quantity.value), default=None)


def _rendered_terms(
    context: CheckContext,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans of the source's termbase terms the English renders in an approved form, and
    those renderings' spans: a figure inside such a term is the term's, carried by its name
    ("6·25 전쟁" as "the 1950-53 Korean War")."""
    if context.termbase is None:
        return [], []
    termed, renderings = [], []
    for match in context.termbase.match(context.source):
        spans = approved_spans(context.target, match.entry)
        if spans:
            termed.append((match.start, match.end))
            renderings += spans
    return termed, renderings


def _within_span(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in spans)


_SCORE_BEFORE = re.compile(r"\d\s?[-:–]\s?$")
_SCORE_AFTER = re.compile(r"^\s?[-:–]\s?\d")


def _in_score(quantity: Quantity, text: str) -> bool:
    """The figure is one side of a score or a tally: "11-9", "3:1"."""
    return bool(
        _SCORE_BEFORE.search(text[max(0, quantity.start - 4) : quantity.start])
        or _SCORE_AFTER.match(text[quantity.end : quantity.end + 4])
    )


def _score_rival(
    quantity: Quantity, source: str, changed: list[Quantity], english: str
) -> Quantity | None:
    """A figure of a score from nowhere in the English, where a figure of a source score is
    missing: the score was changed, even when the same figure stands in another score ("6-9 ...
    11-9로 이겼다" as "trailing 6-9 ... won 11-7")."""
    if not _in_score(quantity, source):
        return None
    return next((t for t in changed if _in_score(t, english)), None)


_FIRST = re.compile(r"처음(?!부터)|최초")
_NTH_TIME = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:nd|rd|th))\s+"
    r"(?:time|ever|occasion)\b",
    re.IGNORECASE,
)
# a pair named with 양 (both): 양측, 양국, 양사, 양당, 양 정상
_BOTH = re.compile(r"(?<![가-힣])양\s?(?:측|국|사|당|정상|팀|기관)")


def _unexplained(
    source: list[Quantity], target: list[Quantity], explained: set[float]
) -> list[int]:
    """English figures (not spelled-out words) that no source number or known form explains."""
    return [
        j
        for j, quantity in enumerate(target)
        if not quantity.spelled
        and quantity.value not in explained
        and not any(values_match(quantity.value, s.value) for s in source)
    ]


def _named(quantity: Quantity) -> str:
    """ "'250km'" for a figure; "'다섯' (5)" for a number written as a word."""
    if quantity.spelled:
        return f"{quantity.surface!r} ({quantity.value:g})"
    return repr(quantity.surface)
