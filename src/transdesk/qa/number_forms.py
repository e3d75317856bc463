"""Ways English news copy renders a Korean number without repeating it as a figure.

Each test takes the Korean number (a `Quantity` in the source), the source, the English and the
English quantities, and says whether the English accounts for it:

- clock times: "7시 15분" → "0715" or "7:15"; "0시 26분" → "12:26 a.m.";
- shorthand dates: "6.15 남북공동선언" → "June 15";
- shares told as fractions or ratios: "30%" → "a third", "50%" → "half", "70%" → "seven in 10";
- approximate ranges: "2, 3년 전" or "2~3년" → "a couple of years", "a few", "several";
- names and words that hold a number: "선진 8개국" → "G8", "the Group of Eight"; "10대" → "teens";
  "30분" → "half an hour";
- a quarter told by its months: "3분기" → "the July-September quarter";
- a span told as its total: "1년 1개월" → "13 months", "1시간 30분" → "90 minutes", "2m 4cm" →
  "2.04 meters";
- a score of N-0 told as a sweep: "3-0" → "in straight sets";
- a count of people the source names one by one: "이민호 교수, 정다은 교수 등 2명" → "Professors Lee
  Min-ho and Jung Da-eun";
- a year of a reign glossed with its common-era year: "고종 31년(1894년)" → "in 1894";
- ages after a name told as an age bracket: "야다브(60)" → "in his 60s" — less precise, so still
  reported, as a minor finding (`is_age_bracket`); an age dropped outright is a number missing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from transdesk.dates.english import MONTHS
from transdesk.qa.name_lexicon import PERSON_TITLES
from transdesk.qa.number_words import numeral_value
from transdesk.qa.quantities import (
    Quantity,
    english_number_word,
    english_quantities,
    fraction_shares,
)
from transdesk.qa.units import Unit, english_unit

if TYPE_CHECKING:
    from transdesk.dates import EnglishDate

# "seven in 10 respondents", "one out of five": a share told as a ratio
_RATIO = re.compile(
    r"\b(?P<part>one|two|three|four|five|six|seven|eight|nine|\d)\s+(?:in|out\s+of)\s+"
    r"(?P<whole>two|three|four|five|ten|10|\d)\b",
    re.IGNORECASE,
)
_FEW = re.compile(r"\b(?:couple|few|several|handful)\b", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"^\s*(?:,|~|-|∼|〜)\s*\d")
_RANGE_BEFORE = re.compile(r"\d\s*(?:,|~|-|∼|〜)\s*$")
_AGE = re.compile(r"[\uac00-\ud7a3]+\s*\((?:[^()]*,\s*)?$")


def _shares(english: str, *, percents: bool = False) -> list[float]:
    """The shares English tells: fractions in words ("two-thirds", "half"), ratios ("seven in
    10"), and with `percents` its percentages."""
    shares = [share for share, *_ in fraction_shares(english)]
    shares += [_ratio_share(m) for m in _RATIO.finditer(english)]
    if percents:
        shares += [
            q.value for q in english_quantities(english) if _is_percent(english_unit(q, english))
        ]
    return shares


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


def is_day_of_english_date(
    quantity: Quantity, source: str, english_dates: Sequence[EnglishDate]
) -> bool:
    """A count of days that is the last day of the English date span: Korean copy writes
    "8월 8일부터 24일간" where it means through the 24th, and the English says "August 8-24"."""
    if source[quantity.end : quantity.end + 1] != "일" or quantity.value != int(quantity.value):
        return False
    return any(int(quantity.value) in (d.day, d.day2) for d in english_dates if d.month)


# a bare figure with a particle of time: "22에는", "3부터" (a day the copy wrote without 일)
_BARE_DAY = re.compile(r"^(?:에는|에도|에|부터|까지)")


def is_bare_day(quantity: Quantity, source: str, english_dates: Sequence[EnglishDate]) -> bool:
    """A day of the month written bare ("도착했던 22에는"), which the English tells by its
    weekday ("the day I arrived, Tuesday"); without the month the weekday cannot be checked."""
    if quantity.spelled or quantity.value != int(quantity.value) or not 1 <= quantity.value <= 31:
        return False
    if not _BARE_DAY.match(source[quantity.end : quantity.end + 2]):
        return False
    return any(d.weekday is not None for d in english_dates)


def is_fraction_of_share(quantity: Quantity, source: str, english: str) -> bool:
    """ "30%" is "a third", "50%" is "half" (within five points)."""
    if not source[quantity.end : quantity.end + 3].lstrip().startswith(("%", "퍼센트", "％")):
        return False
    return any(abs(share - quantity.value) <= 5 for share in _shares(english))


# "10곳 가운데 8곳", "10명 중 7명", "네 곳 중 한 곳": a part of a whole, in digits or native
# numerals, with the same counter on both
_RATIO_NUMBER = r"\d+|[\uac00-\ud7a3]{1,3}"
_KOREAN_RATIO = re.compile(
    rf"(?P<whole>{_RATIO_NUMBER})\s*(?P<counter>[\uac00-\ud7a3]{{1,2}})\s*(?:가운데|중에?서?)\s*"
    rf"(?P<part>{_RATIO_NUMBER})\s*(?P=counter)"
)


def _ratio_number(text: str) -> int | None:
    return int(text) if text.isdigit() else numeral_value(text)


def is_part_of_whole(quantity: Quantity, source: str, english: str) -> bool:
    """ "10곳 가운데 8곳" told as a share: "80 percent" (within five points), "a quarter" or
    "one in four" for "네 곳 중 한 곳". Both figures are in it."""
    for match in _KOREAN_RATIO.finditer(source):
        if not match.start() <= quantity.start < match.end():
            continue
        whole, part = _ratio_number(match["whole"]), _ratio_number(match["part"])
        if whole is None or part is None or not 0 < part < whole:
            return False
        share = 100 * part / whole
        return any(abs(value - share) <= 5 for value in _shares(english, percents=True))
    return False


def _is_percent(unit: Unit | None) -> bool:
    return unit is not None and unit.name == "pct"


def _ratio_share(match: re.Match[str]) -> float:
    part, whole = (english_number_word(w) or int(w) for w in (match["part"], match["whole"]))
    return 100 * part / whole if whole > part else 0.0


def is_approximate_range(quantity: Quantity, source: str, english: str) -> bool:
    """ "2, 3년 전" → "a couple of years ago"; "3~5명" → "a few"."""
    if quantity.value > 10:
        return False
    in_range = _RANGE_AFTER.match(source[quantity.end : quantity.end + 4]) or _RANGE_BEFORE.search(
        source[max(0, quantity.start - 4) : quantity.start]
    )
    return bool(in_range and _FEW.search(english))


_DECADES = {
    20: "twenties",
    30: "thirties",
    40: "forties",
    50: "fifties",
    60: "sixties",
    70: "seventies",
    80: "eighties",
    90: "nineties",
}


def is_age_bracket(quantity: Quantity, source: str, english: str) -> bool:
    """ "야다브(60)": a person's age in parentheses after the name, which the English gives only
    as a bracket ("in his 60s", "a man in his sixties")."""
    if not (10 <= quantity.value <= 120) or quantity.value != int(quantity.value):
        return False
    if source[quantity.end : quantity.end + 1] != ")":
        return False
    if not _AGE.search(source[max(0, quantity.start - 12) : quantity.start]):
        return False
    decade = int(quantity.value) // 10 * 10
    bracket = rf"\b{decade}s\b|\b{_DECADES.get(decade, '-')}\b"
    return re.search(bracket, english, re.IGNORECASE) is not None


_SECOND_HALF_MINUTE = re.compile(r"후반\s*(\d{1,2})\s*분")


def match_minutes(source: str) -> set[float]:
    """The minutes of a football match the source counts from the second half: "후반 40분" is
    the 85th minute."""
    return {float(int(m[1]) + 45) for m in _SECOND_HALF_MINUTE.finditer(source) if int(m[1]) <= 45}


def clock_values(source: str) -> set[float]:
    """What English makes of the source's clock times: "7시 15분" → 715 (0715), 7, 15;
    "0시" → 12 (12 a.m.)."""
    values: set[float] = set()
    for match in re.finditer(r"(\d{1,2})\s*시(?:\s*(\d{1,2})\s*분)?", source):
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        values |= {float(hour * 100 + minute), float(hour % 12 or 12), float(hour), float(minute)}
    return values


_GROUP_WORDS = {7: "Seven", 8: "Eight", 20: "Twenty"}  # the G7, the G8, the G20


def is_named_number(quantity: Quantity, source: str, english: str) -> bool:
    """A number English copy says with a name or a word: "선진 8개국" and "G8" are "the Group of
    Eight", "10대" teenagers, "30분" half an hour, "15분" a quarter of an hour."""
    after = source[quantity.end : quantity.end + 3]
    value = quantity.value
    group_of = after.startswith("개국") or re.search(r"\bG-?$", source[: quantity.start])
    if group_of and value in _GROUP_WORDS:
        group = rf"\bG-?{int(value)}\b|\bGroup\s+of\s+(?:{_GROUP_WORDS[int(value)]}|{int(value)})\b"
        return re.search(group, english, re.IGNORECASE) is not None
    if after.startswith("대") and value == 10:
        return re.search(r"\bteen", english, re.IGNORECASE) is not None
    if after.startswith("분") and value in (15, 30):
        word = "half" if value == 30 else "quarter"
        if re.search(r"시간\s*$", source[: quantity.start]):  # "1시간 30분": an hour and a half
            told = rf"\b(?:and\s+a\s+{word}|{word}[\s-]+(?:an\s+)?hour)"
        else:
            told = rf"\b{word}[\s-]+(?:an\s+)?hour"
        if re.search(told, english, re.IGNORECASE):
            return True  # else it may be a match minute: "후반 15분" is the 60th
    # a football minute of the second half: "후반 40분" is the 85th minute
    if after.startswith("분") and re.search(r"후반\s*$", source[: quantity.start]) and value <= 45:
        return re.search(rf"\b{int(value) + 45}(?:st|nd|rd|th)?\b", english) is not None
    # "24시간" round the clock; "100%" entire, fully, unanimous
    if after.startswith("시간") and value == 24:
        return re.search(r"\b(?:a)?round[\s-]the[\s-]clock|\b24/7\b", english, re.I) is not None
    if after.lstrip().startswith(("%", "퍼센트", "％")) and value == 100:
        return _WHOLE.search(english) is not None
    # durations with a name of their own: "6개월" half a year, "2주" a fortnight
    if after.startswith("개월") and value == 6:
        return re.search(r"\bhalf[\s-]+(?:a\s+)?year", english, re.IGNORECASE) is not None
    # "2024년 이후 2년 만에" told as "since 2024": the years between are the span since
    before = source[max(0, quantity.start - 12) : quantity.start]
    since = re.search(r"(\d{4})년\s*(?:이후|이래)\s*$", before)
    if after.startswith("년") and since and re.search(rf"\bsince\s+{since[1]}\b", english):
        return True
    # "2금융권" (the second tier: savings banks, card firms) is named, not numbered
    if after.startswith("금융권") and value in (1, 2):
        tier = r"\b(?:commercial\s+)?banks?\b|first[\s-]tier" if value == 1 else (
            r"\bsecondary\b|second[\s-]tier|non-?bank"
        )
        return re.search(tier, english, re.IGNORECASE) is not None
    # a trip of N nights and N+1 days is told by its days: "2박 3일" a three-day trip
    if re.match(rf"박\s*{int(value) + 1}일", source[quantity.end :]):
        return True
    if after.startswith("주") and value == 2:
        return re.search(r"\bfortnight", english, re.IGNORECASE) is not None
    # the disease named by its year: "코로나19" is "COVID-19", "the pandemic", "the coronavirus"
    if value == 19 and re.search(r"코로나\s*$", source[: quantity.start]):
        return re.search(r"\bcovid|coronavirus|pandemic", english, re.IGNORECASE) is not None
    if after.startswith("주년") and value == 100:  # "개교 100주년": its centennial
        return re.search(r"\bcentenn|\bcentenary", english, re.IGNORECASE) is not None
    if after.startswith("년") and value == 100:  # "100년 넘게": for more than a century
        return re.search(r"\bcentur", english, re.IGNORECASE) is not None
    if after.startswith("부제") and value == 2:  # "차량 2부제": odd-even driving
        rotation = r"\bodd[\s-]even|alternate[\s-]days?|every\s+other\s+day"
        return re.search(rotation, english, re.IGNORECASE) is not None
    # the runner-up beaten by a margin: "2위를 3타 차로 따돌리고" is "won by three strokes"
    following = source[quantity.end : quantity.end + 16]
    if value == 2 and re.match(r"위(?:를|와의?)\s", following) and "따돌" in following:
        return _BEATEN_BY.search(english) is not None
    return False


_BEATEN_BY = re.compile(
    r"\brunner-?up|\bsecond[\s-]place|\bby\s+(?:\w+\s+){1,2}?(?:strokes?|shots?|points?|"
    r"seconds?|goals?|games?|votes?)\b",
    re.IGNORECASE,
)


_QUARTER = re.compile(r"(?<![\d.])([1-4])\s*분기")


def quarters_told_in_months(source: str, english: str) -> list[tuple[int, int, range]]:
    """The source's quarters of a year that the English tells by their months ("3분기" as
    "the July-September quarter"): (start, end, the months)."""
    told = []
    for match in _QUARTER.finditer(source):
        first = 3 * int(match.group(1)) - 2
        span = (
            rf"\b{MONTHS[first - 1]}\s*(?:-|–|to|through)\s*{MONTHS[first + 1]}\b"
        )
        if re.search(span, english, re.IGNORECASE):
            told.append((match.start(), match.end(), range(first, first + 3)))
    return told


def is_quarter_in_months(quantity: Quantity, source: str, english: str) -> bool:
    """ "3분기" told as "July-September": the quarter's number is in its months."""
    return any(
        start <= quantity.start < end for start, end, _ in quarters_told_in_months(source, english)
    )


_WHOLE = re.compile(
    r"\b(?:entire(?:ly)?|full(?:y)?|unanimous(?:ly)?|complete(?:ly)?|whole(?:ly)?|"
    r"total(?:ly)?|outright|sole(?:ly)?|wholly[\s-]owned)\b",
    re.IGNORECASE,
)
# "3분의 2" (denominator first), or "2/3" written with a slash (numerator first)
_KOREAN_FRACTION = re.compile(r"(\d+)\s*분의\s*(\d+)|(?<![\d/.])(\d{1,2})/(\d{1,2})(?![\d/.])")


def is_fraction_in_words(quantity: Quantity, source: str, english: str) -> bool:
    """A Korean fraction ("3분의 2": two-thirds) whose denominator or numerator the English
    tells with a fraction word of the same share ("two-thirds", "a quarter")."""
    for match in _KOREAN_FRACTION.finditer(source):
        if not match.start() <= quantity.start < match.end():
            continue
        if match.group(1):
            denominator, numerator = int(match.group(1)), int(match.group(2))
        else:
            numerator, denominator = int(match.group(3)), int(match.group(4))
        if not denominator:
            return False
        share = 100 * numerator / denominator
        return any(abs(value - share) < 1 for value in _shares(english, percents=True))
    return False


# a year of a reign or an era glossed with the common-era year: "고종 31년(1894년)", and the
# other way about, "1894년(고종 31년)"
_ERA_YEAR_AFTER = re.compile(r"^\s*년\s*\(\s*(?P<year>1\d{3}|20\d\d)\s*년?\s*\)")
_ERA_YEAR_BEFORE = re.compile(r"(?P<year>1\d{3}|20\d\d)\s*년?\s*\(\s*[가-힣]{1,8}\s*$")


def is_era_year(quantity: Quantity, source: str, english: str) -> bool:
    """A year of a reign or era ("고종 31년") that the source glosses with the common-era year,
    which is the year English copy gives ("in 1894")."""
    if quantity.value != int(quantity.value) or not 1 <= quantity.value <= 100:
        return False
    after = _ERA_YEAR_AFTER.match(source[quantity.end : quantity.end + 14])
    before = _ERA_YEAR_BEFORE.search(source[max(0, quantity.start - 18) : quantity.start])
    if before and not re.match(r"\s*년", source[quantity.end : quantity.end + 2]):
        before = None
    match = after or before
    return bool(match) and re.search(rf"\b{match['year']}\b", english) is not None


_SCORE = re.compile(
    r"(?<![\d.])(?:\d{1,2}\s*(?:-|:|대)\s*0|0\s*(?:-|:|대)\s*\d{1,2})(?![\d.])"
)
_SWEEP = re.compile(
    r"\bstraight[\s-](?:sets|games|wins|victories)\b|\bswe(?:ep|pt)\b|\bwhitewash|"
    r"\bto\s+(?:none|nil|love|zero)\b|-nil\b|\bnil\b|\bscoreless\b|\bshut\s?out\b",
    re.IGNORECASE,
)


def is_sweep(quantity: Quantity, source: str, english: str) -> bool:
    """The zero of a score ("세트스코어 3-0", "4대0", "0-2로 끌려갈 때") that the English tells
    in words: a sweep ("in straight sets", "swept the series") or a nil ("two games to none",
    "won 2-nil", "a shutout"); the other side of a sweep goes with it."""
    for match in _SCORE.finditer(source):
        if match.start() <= quantity.start < match.end():
            return _SWEEP.search(english) is not None
    return False


def latin_token(quantity: Quantity, source: str) -> str | None:
    """The Latin-script name a figure is part of ("MP3", "3G", "F-16", "I-35W"), or None."""
    before = source[max(0, quantity.start - 2) : quantity.start]
    after = source[quantity.end : quantity.end + 5]
    if not re.search(r"[A-Za-z]-?$", before) and (
        not re.match(r"[A-Za-z]", after) or _UNIT.match(after)
    ):
        return None
    start = quantity.start
    while start > 0 and re.match(r"[A-Za-z0-9-]", source[start - 1]):
        start -= 1
    end = quantity.end
    while end < len(source) and re.match(r"[A-Za-z0-9]", source[end]):
        end += 1
    return source[start:end].strip("-")


# units written against a figure ("110m", "40kg", "5GB"): a measure, not a name
_UNIT = re.compile(
    r"(?:km|kg|cm|mm|m|g|t|ha|l|mph|kWh|kW|MW|GW|MB|GB|TB|bp|ppm|lb|ft|oz)(?![A-Za-z])",
    re.IGNORECASE,
)


# "A 교수, B 교수 등 3명", "이모(45) 씨와 최모(43) 씨 등 2명": the people counted, each with a title
_TITLED_PERSON = re.compile(
    r"[\uac00-\ud7a3)]\s?(?:" + "|".join(sorted(PERSON_TITLES, key=len, reverse=True)) + r")"
    r"(?=\s|,|와|과|및|$)"
)
_LISTED_BEFORE = re.compile(r"등\s*(?:[\uac00-\ud7a3]+\s+){0,2}$")  # "등 경호처 간부 3명"


_LIST_COUNTERS = ("명", "개 기관", "개기관", "곳", "개국", "개사", "개 대학", "개 단체", "개 팀")
# the items of a Korean list: "극지연구소와 서울대, 부산대, 미국 콜로라도대 등"
_LIST_SEPARATOR = re.compile(r",\s*|(?<=[\uac00-\ud7a3])(?:와|과)\s+|\s+및\s+")


def is_count_of_listed(quantity: Quantity, source: str, english: str) -> bool:
    """ "등 3명" after three people named with their titles, "등 4개 기관" after four bodies
    named, which English tells by listing them: the count is the list's length, and the English
    joins as many items."""
    rest = source[quantity.end :].lstrip()
    if not 2 <= quantity.value <= 8 or not rest.startswith(_LIST_COUNTERS):
        return False
    before = source[: quantity.start]
    if not _LISTED_BEFORE.search(before):
        return False
    clause = re.split(r"[.?!]\s", before)[-1]
    joined = len(re.findall(r",|\band\b", english))
    subject = re.split(r"(?:에는|에서는|은|는|이|가)\s", _LISTED_BEFORE.sub("", clause))[-1]
    items = len([item for item in _LIST_SEPARATOR.split(subject) if item.strip()])
    # people are named with their titles ("A 교수, B 교수 등 3명"), or by office alone ("시장과
    # 부시장, 시의원 등 3명": the mayor, the deputy mayor and a city council member)
    listed = max(len(_TITLED_PERSON.findall(clause)), items) if rest.startswith("명") else items
    # "Kim, Lee and one other official": the English counts the ones the Korean does not name
    others = _OTHERS.search(english)
    if others and listed < quantity.value:
        named = others["n"]
        listed += 1 if named is None else int(english_number_word(named) or named)
    return listed == quantity.value and joined >= quantity.value - 1


# a count English tells by naming what it counts: "3개 이동통신사" as "SK Telecom, KT and LG Uplus",
# "한국·미국·일본 3개국" as "South Korea, the United States and Japan"
_NAMED_COUNTER = re.compile(r"\s?(?:개(?![월년])\s?[\uac00-\ud7a3]|곳|명)")
_NAME = r"(?:the\s)?[A-Z][\w.&'-]*(?:\s(?:of\s)?[A-Z][\w.&'-]*){0,3}"
_NAMED_LIST = re.compile(rf"{_NAME}(?:,\s{_NAME})*,?\s(?:and|or)\s{_NAME}")
_LIST_BREAK = re.compile(r",\s(?:and\s|or\s)?|\s(?:and|or)\s")


def is_count_of_named(quantity: Quantity, source: str, english: str) -> bool:
    """A count of two to eight countries, companies, bodies or people the English names one by
    one instead, in a list of exactly as many names."""
    if not 2 <= quantity.value <= 8 or quantity.value != int(quantity.value):
        return False
    if not _NAMED_COUNTER.match(source, quantity.end):
        return False
    return any(
        len(_LIST_BREAK.split(match.group(0))) == quantity.value
        for match in _NAMED_LIST.finditer(english)
    )


_OTHERS = re.compile(
    r"\b(?:(?P<n>one|two|three|four|five|\d)\s+others?|another)\b(?!\s+(?:time|day|year))",
    re.IGNORECASE,
)


# a span in two units, which English may tell as one total: "1년 1개월" as "13 months", "1시간
# 30분" as "a 90-minute meeting", "2m 4cm" as "2.04 meters", "2년 6개월" as "30 months" or "2.5
# years". Each: the pattern of the two figures, and every total English may tell it in, as `per`
# (at 1 or more, the total is larger × per + smaller, in the smaller unit; below 1, larger +
# smaller × per, in the larger unit) and the total's unit in English
_SPANS = (
    (re.compile(r"(\d{1,2})\s*년\s*(\d{1,2})\s*개월"), ((12, r"months?"), (1 / 12, r"years?"))),
    (re.compile(r"(\d{1,2})\s*시간\s*(\d{1,2})\s*분"), ((60, r"minutes?"),)),
    (re.compile(r"(\d{1,3})\s*m\s*(\d{1,2})\s*cm"), ((1 / 100, r"(?:meters?|metres?|m)"),)),
)


def spans_told_in_total(source: str, english: str) -> list[tuple[int, int, float]]:
    """The source's spans the English tells as one total, in figures or words ("one and a half
    years"): (start, end, total)."""
    told = []
    for pattern, totals in _SPANS:
        for match in pattern.finditer(source):
            larger, smaller = int(match.group(1)), int(match.group(2))
            for per, word in totals:
                total = larger * per + smaller if per >= 1 else round(larger + smaller * per, 2)
                if any(
                    abs(q.value - total) < 0.005
                    and re.match(rf"[\s-]*{word}\b", english[q.end :], re.IGNORECASE)
                    for q in english_quantities(english)
                ):
                    told.append((match.start(), match.end(), float(total)))
    return told


def is_span_in_total(quantity: Quantity, source: str, english: str) -> bool:
    """Either figure of a span the English tells as its total ("13 months" for 1년 1개월)."""
    if quantity.spelled or quantity.value != int(quantity.value):
        return False
    return any(
        start <= quantity.start < end for start, end, _ in spans_told_in_total(source, english)
    )
