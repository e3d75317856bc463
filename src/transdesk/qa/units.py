"""The unit a figure is counted in, in Korean and English copy, and when two units agree.

A quantity's unit is part of it: "250km" told as "250 miles" is a different distance, "3억 원" told
as "$300 million" a different sum, "3%p" told as "3 percent" a different change. `korean_unit` and
`english_unit` read the unit written after (or, for "$", before) a figure; `compatible` says
whether the English may carry the Korean figure as it is; `converts` whether an English figure in
another unit of the same measure is a correct conversion ("240km" → "about 150 miles").

Units not in these lexicons are unknown (`None`), and an unknown unit is compatible with anything:
the check demands a unit only where copy states one on both sides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transdesk.qa.quantities import Quantity


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit: the measure it belongs to ("length") and its name ("km")."""

    measure: str
    name: str

    def describe(self) -> str:
        return _DESCRIPTIONS.get(self.name, self.name)


# the dollars of other countries: (code, Korean country, English adjective, the letters before
# "$"): "5만 캐나다달러" is "50,000 Canadian dollars" or "C$50,000", never "50,000 U.S. dollars"
_DOLLARS_OF = (
    ("cad", "캐나다", "Canadian", "C"),
    ("aud", "호주", "Australian", "A"),
    ("hkd", "홍콩", r"Hong[\s-]+Kong", "HK"),
    ("sgd", "싱가포르|싱가폴", r"Singapore(?:an)?", "S"),
    ("twd", r"(?:신\s?)?대만", r"(?:New[\s-]+)?Taiwan(?:ese)?|NT", "NT"),
    ("nzd", "뉴질랜드", r"New[\s-]+Zealand", "NZ"),
)

_DESCRIPTIONS = {
    "krw": "won",
    "usd": "U.S. dollars",
    "dollar": "dollars",
    "cad": "Canadian dollars",
    "aud": "Australian dollars",
    "hkd": "Hong Kong dollars",
    "sgd": "Singapore dollars",
    "twd": "Taiwan dollars",
    "nzd": "New Zealand dollars",
    "jpy": "yen",
    "cny": "yuan",
    "eur": "euros",
    "gbp": "pounds sterling",
    "pct": "percent",
    "pp": "percentage points",
    "bp": "basis points",
    "order": "an ordinal",
    "times": "times",
    "multiple": "times (a multiple)",
    "occurrences": "times (occurrences)",
    "people": "people",
    "countries": "countries",
    "w": "watts",
    "kw": "kilowatts",
    "mw": "megawatts",
    "gw": "gigawatts",
    "kwh": "kilowatt-hours",
    "mwh": "megawatt-hours",
    "gwh": "gigawatt-hours",
    "twh": "terawatt-hours",
    "mb": "megabytes",
    "gb": "gigabytes",
    "tb": "terabytes",
}

# the Latin symbols of units a Korean text writes beside its own words ("170메가와트(MW)급",
# "2TB"): measures, not names
UNIT_SYMBOLS = frozenset(
    "kW MW GW kWh MWh GWh TWh TB GB MB km kg cm mm mg ha km2 m2".lower().split()
)

_KO_RANGE_END = re.compile(r"^\s*[~∼〜-]\s*[\d.,]+(?:[조억만천백]+)?")
_EN_RANGE_END = re.compile(r"^\s*(?:-|–|to|and)\s*[\d.,]+(?:\s*(?:million|billion|trillion))?")

# after a Korean figure: (pattern, measure, name); the first that matches is the unit
_KO_UNITS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), measure, name)
    for pattern, measure, name in (
        (r"(?:%|％|퍼센트)\s*(?:p(?![A-Za-z])|P(?![A-Za-z])|포인트)", "share", "pp"),
        (r"%|％|퍼센트", "share", "pct"),
        (r"㎢|km²|km2|(?:제곱|평방)\s?(?:킬로미터|㎞|km)", "area", "km2"),
        (r"㎡|m²|m2|(?:제곱|평방)\s?(?:미터|m)", "area", "m2"),
        (r"평(?![화양가균창택생])", "area", "pyeong"),
        (r"ha(?![A-Za-z])|㏊|헥타르", "area", "ha"),
        (r"kWh|킬로와트\s?시", "energy", "kwh"),
        (r"MWh|메가와트\s?시", "energy", "mwh"),
        (r"GWh|기가와트\s?시", "energy", "gwh"),
        (r"TWh|테라와트\s?시", "energy", "twh"),
        (r"kW|킬로와트", "power", "kw"),
        (r"MW|메가와트", "power", "mw"),
        (r"GW|기가와트", "power", "gw"),
        (r"와트", "power", "w"),
        (r"TB|테라바이트", "data", "tb"),
        (r"GB|기가바이트", "data", "gb"),
        (r"MB|메가바이트", "data", "mb"),
        (r"km|㎞|킬로미터|킬로(?!그램|와트|리터|바이트)", "length", "km"),
        (r"cm|㎝|센티미터|센티", "length", "cm"),
        (r"mm|㎜|밀리미터", "length", "mm"),
        (r"m(?![A-Za-z²2㎡])|미터", "length", "m"),
        (r"마일", "length", "mile"),
        (r"피트", "length", "ft"),
        (r"인치", "length", "inch"),
        (r"kg|㎏|킬로그램", "mass", "kg"),
        (r"㎍|μg|마이크로그램", "mass", "ug"),
        (r"mg(?![A-Za-z])|㎎|밀리그램", "mass", "mg"),
        (r"g(?![A-Za-z])|그램", "mass", "g"),
        (r"t(?![A-Za-z])|톤", "mass", "t"),
        (r"ℓ|리터|[lL](?![A-Za-z])", "volume", "l"),
        (r"배럴", "volume", "bbl"),
        (r"℃|°C", "temperature", "c"),
        (r"도(?!시|로\S|입|착|전|움|서|중|달|약|망|구|심|덕|면|지사|내|청|민|교|하|매|장|금)",
         "temperature", "degree"),
        (r"원(?![칙자전장인유내외년대회색형소로서]|짜리의)", "currency", "krw"),
        *((rf"(?:{korean})\s?달러", "currency", code) for code, korean, _, _ in _DOLLARS_OF),
        (r"(?:미국\s?)?달러|불(?![가-힣])", "currency", "usd"),
        (r"엔(?![진터씨지트드])", "currency", "jpy"),
        (r"위안", "currency", "cny"),
        (r"유로(?!존|화권)", "currency", "eur"),
        (r"파운드", "currency", "gbp"),
        (r"배(?![추치우구달경출터당제정포상럴럭분열])", "times", "multiple"),
        (r"차례|번씩", "times", "occurrences"),
        (r"명|사람", "people", "people"),
        (r"개국|개\s?나라", "countries", "countries"),
        (r"(?:년|개월|주|일|달)\s?째", "order", "order_duration"),
        (r"번째|째|분기|차(?![례량선원이장액익])|위(?![원협험반성치기안상헌조로])|심(?![사의장리각])", "order", "order"),
        (r"개월|달(?![러성라리려])", "duration", "month"),
        (r"년(?![도생대])|해(?![가-힣])", "duration", "year"),
        (r"주(?:일|간|째)|주(?=\s*(?:동안|만에|전|후|뒤|내|이내|가량|여|만))", "duration", "week"),
        (r"일(?:간|째)|일(?=\s*(?:동안|만에))|이틀|사흘|나흘", "duration", "day"),
        (r"시간", "duration", "hour"),
        (r"분(?=\s*(?:동안|만에|간|전|후|뒤))", "duration", "minute"),
        (r"마이크로초|μs|㎲", "duration", "microsecond"),
        (r"밀리초|ms\b|㎳", "duration", "millisecond"),
        (r"나노초|ns\b", "duration", "nanosecond"),
        (r"초(?![반순등기창대과안점장선청기록])", "duration", "second"),
        (r"살|세(?![가-힣])|세(?=[의가에는로])", "age", "age"),
    )
)

_EN_SCALE_TAIL = re.compile(
    r"^[\d,.]+(?:st|nd|rd|th)?(?:\s*(?:hundred|thousand|million|billion|trillion|mn|bn|tn|"
    r"dozen|decades)\b)?",
    re.IGNORECASE,
)
# after an English figure, past a hyphen or a space ("250-mile", "$3 billion won")
_EN_UNITS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(rf"^[\s-]*(?:{pattern})", re.IGNORECASE), measure, name)
    for pattern, measure, name in (
        (r"percentage[\s-]+points?\b|pct\.?[\s-]+points?\b|%\s?p\b|pp\b|points?\b", "share", "pp"),
        (r"basis[\s-]+points?\b|bps?\b", "share", "bp"),
        (r"%|percent\b|per[\s-]+cent\b|pct\b", "share", "pct"),
        (r"square[\s-]+kilomet(?:er|re)s?\b|sq\.?\s*km\b|km2|km²", "area", "km2"),
        (r"square[\s-]+met(?:er|re)s?\b|sq\.?\s*m\b|m2\b|m²", "area", "m2"),
        (r"square[\s-]+(?:feet|foot)\b|sq\.?\s*ft\b", "area", "sqft"),
        (r"square[\s-]+miles?\b", "area", "sqmi"),
        (r"hectares?\b|ha\b", "area", "ha"),
        (r"acres?\b", "area", "acre"),
        (r"pyeong\b", "area", "pyeong"),
        (r"kilowatt[\s-]+hours?\b|kWh\b", "energy", "kwh"),
        (r"megawatt[\s-]+hours?\b|MWh\b", "energy", "mwh"),
        (r"gigawatt[\s-]+hours?\b|GWh\b", "energy", "gwh"),
        (r"terawatt[\s-]+hours?\b|TWh\b", "energy", "twh"),
        (r"kilowatts?\b|kW\b", "power", "kw"),
        (r"megawatts?\b|MW\b", "power", "mw"),
        (r"gigawatts?\b|GW\b", "power", "gw"),
        (r"watts?\b", "power", "w"),
        (r"terabytes?\b|TB\b", "data", "tb"),
        (r"gigabytes?\b|GB\b", "data", "gb"),
        (r"megabytes?\b|MB\b", "data", "mb"),
        (r"nautical[\s-]+miles?\b", "length", "nmi"),
        (r"kilomet(?:er|re)s?\b|km\b", "length", "km"),
        (r"centimet(?:er|re)s?\b|cm\b", "length", "cm"),
        (r"millimet(?:er|re)s?\b|mm\b", "length", "mm"),
        (r"met(?:er|re)s?\b|m\b", "length", "m"),
        (r"miles?\b|mi\b|mph\b", "length", "mile"),
        (r"feet\b|foot\b|ft\b", "length", "ft"),
        (r"inch(?:es)?\b", "length", "inch"),
        (r"yards?\b", "length", "yd"),
        (r"kilo(?:gram)?s?\b|kg\b", "mass", "kg"),
        (r"micrograms?\b|mcg\b|μg\b", "mass", "ug"),
        (r"milligrams?\b|mg\b", "mass", "mg"),
        (r"grams?\b|g\b", "mass", "g"),
        (r"(?:metric[\s-]+)?(?:tons?|tonnes?)\b|t\b", "mass", "t"),
        (r"pounds?[\s-]+sterling\b", "currency", "gbp"),
        (r"pounds?\b|lbs?\b", "mass", "lb"),
        (r"ounces?\b|oz\b", "mass", "oz"),
        (r"lit(?:er|re)s?\b|l\b", "volume", "l"),
        (r"gallons?\b", "volume", "gal"),
        (r"barrels?\b", "volume", "bbl"),
        (r"degrees?[\s-]+(?:Celsius|C)\b|°C|℃", "temperature", "c"),
        (r"degrees?[\s-]+(?:Fahrenheit|F)\b|°F|℉|F\b", "temperature", "f"),
        # a bare "degrees": Celsius or, in American copy, Fahrenheit ("25도" as "77 degrees")
        (r"degrees?\b", "temperature", "deg"),
        (r"(?:South[\s-]+)?(?:Korean[\s-]+)?won\b|KRW\b", "currency", "krw"),
        *(
            (rf"(?:{english})[\s-]+dollars?\b|{code.upper()}\b", "currency", code)
            for code, _, english, _ in _DOLLARS_OF
        ),
        (r"(?:U\.?S\.?|American)[\s-]+dollars?\b|USD\b", "currency", "usd"),
        (r"dollars?\b", "currency", "dollar"),
        (r"yen\b|JPY\b", "currency", "jpy"),
        (r"yuan\b|renminbi\b|RMB\b|CNY\b", "currency", "cny"),
        (r"euros?\b|EUR\b", "currency", "eur"),
        (r"times\b|fold\b", "times", "times"),
        (r"people\b|persons\b|individuals\b", "people", "people"),
        (r"countries\b|nations?\b|country\b", "countries", "countries"),
        (r"years?[\s-]+old\b|year-olds?\b", "age", "age"),
        (r"years?\b", "duration", "year"),
        (r"months?\b", "duration", "month"),
        (r"weeks?\b", "duration", "week"),
        (r"days?\b", "duration", "day"),
        (r"hours?\b", "duration", "hour"),
        (r"minutes?\b", "duration", "minute"),
        (r"microseconds?\b|μs\b", "duration", "microsecond"),
        (r"milliseconds?\b|ms\b", "duration", "millisecond"),
        (r"nanoseconds?\b|ns\b", "duration", "nanosecond"),
        (r"seconds?\b", "duration", "second"),
    )
)
_EN_CURRENCY_BEFORE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:\bUS|U\.S\.)\$\s?$"), "usd"),
    *((re.compile(rf"\b{sign}\$\s?$"), code) for code, _, _, sign in _DOLLARS_OF),
    (re.compile(r"\$\s?$"), "dollar"),
    (re.compile(r"€\s?$"), "eur"),
    (re.compile(r"£\s?$"), "gbp"),
    (re.compile(r"(?:₩|\bW|\bKRW\s?)$"), "krw"),
    (re.compile(r"¥\s?$"), "yen_or_yuan"),
)
_EN_ORDINAL_WORDS = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"thirtieth|fiftieth|hundredth)$|-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth)$",
    re.IGNORECASE,
)
_EN_TIMES_WORDS = re.compile(r"^(?:once|twice|thrice)$", re.IGNORECASE)
_EN_MULTIPLE_WORDS = re.compile(
    r"^(?:doubl(?:e[sd]?|ing)|tripl(?:e[sd]?|ing)|trebl(?:e[sd]?|ing)|quadrupl(?:e[sd]?|ing)|"
    r"\w+fold)$",
    re.IGNORECASE,
)
# "No. 3", "No 3", "number one"; a bare "no" before a number word is the pronoun ("so that no one
# has to die alone")
_EN_NUMBER_SIGN = re.compile(r"\b(?:Nos?\.|Number\.?|(?P<bare>Nos?))\s*$", re.IGNORECASE)

# units of the same measure that copy converts between: (from, to, factor)
_FACTORS = {
    ("km", "mile"): 0.621371,
    ("km", "nmi"): 0.539957,
    ("m", "ft"): 3.28084,
    ("m", "yd"): 1.09361,
    ("cm", "inch"): 0.393701,
    ("mm", "inch"): 0.0393701,
    ("cm", "m"): 0.01,
    ("m", "km"): 0.001,
    ("kg", "lb"): 2.20462,
    ("g", "oz"): 0.035274,
    ("t", "lb"): 2204.62,
    ("l", "gal"): 0.264172,
    ("m2", "sqft"): 10.7639,
    ("km2", "sqmi"): 0.386102,
    ("ha", "acre"): 2.47105,
    ("pyeong", "m2"): 3.3058,
    ("pyeong", "sqft"): 35.583,
    ("pp", "bp"): 100.0,
    ("kg", "t"): 0.001,
    ("g", "kg"): 0.001,
    ("mg", "g"): 0.001,
    ("ug", "mg"): 0.001,
    ("mm", "cm"): 0.1,
    ("year", "month"): 12.0,
    ("week", "day"): 7.0,
    ("hour", "minute"): 60.0,
    ("minute", "second"): 60.0,
    ("hour", "second"): 3600.0,
    ("second", "millisecond"): 1000.0,
    ("millisecond", "microsecond"): 1000.0,
    ("microsecond", "nanosecond"): 1000.0,
    ("second", "microsecond"): 1e6,
    ("day", "hour"): 24.0,
    ("w", "kw"): 0.001,
    ("kw", "mw"): 0.001,
    ("mw", "gw"): 0.001,
    ("kwh", "mwh"): 0.001,
    ("mwh", "gwh"): 0.001,
    ("gwh", "twh"): 0.001,
    ("mb", "gb"): 0.001,
    ("gb", "tb"): 0.001,
}
_TOLERANCE = 0.12


# the scale a Korean temperature names before its figure: "화씨 100도", "영하 섭씨 5도"
_KO_SCALE_BEFORE = re.compile(r"(?P<scale>화씨|섭씨)\s*$")
_KO_BELOW_ZERO = re.compile(r"(?:영하|零下)\s*(?:섭씨|화씨)?\s*$|(?<![\d.,])-$")
_EN_BELOW_ZERO_BEFORE = re.compile(r"(?:\bminus|\bnegative)\s+$|(?<![\w.,])[-−–]$", re.IGNORECASE)
_EN_BELOW_ZERO_AFTER = re.compile(
    r"^[\s-]*(?:degrees?[\s-]*)?(?:(?:Celsius|Fahrenheit|C|F)\b\s*)?below\s+zero\b",
    re.IGNORECASE,
)


def korean_unit(quantity: Quantity, text: str) -> Unit | None:
    """The unit written after a Korean figure ("250km", "3억 원", "3%p", "다섯 번째"), or None."""
    after = _KO_RANGE_END.sub("", text[quantity.end : quantity.end + 24], count=1).lstrip()
    for pattern, measure, name in _KO_UNITS:
        if pattern.match(after):
            if name == "degree":
                scale = _KO_SCALE_BEFORE.search(text[max(0, quantity.start - 4) : quantity.start])
                if scale:  # "화씨 100도" is Fahrenheit, "섭씨 38도" Celsius
                    return Unit(measure, "f" if scale["scale"] == "화씨" else "c")
            return Unit(measure, name)
    return None


def signed_value(quantity: Quantity, text: str, unit: Unit | None, korean: bool) -> float:
    """A temperature's value with its sign, which copy writes in words: "영하 10도" is -10,
    "minus 4 degrees" and "4 degrees below zero" are -4. Other figures keep their value."""
    if unit is None or unit.measure != "temperature":
        return quantity.value
    before = text[max(0, quantity.start - 10) : quantity.start]
    if korean:
        below = _KO_BELOW_ZERO.search(before)
    else:
        after = text[quantity.end : quantity.end + 40]
        below = _EN_BELOW_ZERO_BEFORE.search(before) or _EN_BELOW_ZERO_AFTER.match(after)
    return -quantity.value if below else quantity.value


def english_unit(quantity: Quantity, text: str) -> Unit | None:
    """The unit of an English figure ("250 miles", "$1.5 billion", "fifth", "twice"), or None."""
    surface = quantity.surface
    word = surface.strip().lower()
    if _EN_TIMES_WORDS.match(word):
        return Unit("times", "times")
    if _EN_MULTIPLE_WORDS.match(word):
        return Unit("times", "times")
    if _EN_ORDINAL_WORDS.search(word) or re.search(r"\d(?:st|nd|rd|th)$", word):
        return Unit("order", "order")
    before = text[max(0, quantity.start - 8) : quantity.start]
    if re.search(r"\d:$", before) or text[quantity.end : quantity.end + 1] == ":":
        return None  # a clock time: "21:30 hours"
    sign = _EN_NUMBER_SIGN.search(before)
    if sign and not (sign["bare"] and quantity.spelled):  # "no one", "No two"
        return Unit("order", "order")
    for pattern, name in _EN_CURRENCY_BEFORE:
        if pattern.search(before):
            return Unit("currency", name)
    scaled = _EN_SCALE_TAIL.match(surface)
    rest = surface[scaled.end() :] if scaled else ""
    after = rest + text[quantity.end : quantity.end + 32]
    after = _EN_RANGE_END.sub("", after, count=1)
    for pattern, measure, name in _EN_UNITS:
        if pattern.match(after):
            return Unit(measure, name)
    return None


_DOLLARS = frozenset({"usd", *(code for code, *_ in _DOLLARS_OF)})


def compatible(korean: Unit | None, english: Unit | None) -> bool:
    """Whether an English figure in `english` may carry a Korean figure in `korean` as it is."""
    if korean is None or english is None or korean == english:
        return True
    if korean.measure == "times" and english.measure == "times":
        return "times" in (korean.name, english.name)
    if {korean.measure, english.measure} <= {"order", "times", "duration", "age"} and (
        "order" in (korean.measure, english.measure)
    ):
        # "2차례" as "for the second time", "14년" as "his 14th season", but "3배" is no ordinal
        return "multiple" not in (korean.name, english.name)
    if {korean.measure, english.measure} == {"age", "duration"}:
        return "year" in (korean.name, english.name)
    if {korean.name, english.name} == {"gbp", "lb"}:
        return True  # "파운드" and "pounds": sterling or weight, English does not say
    if korean.measure == english.measure == "currency":
        if english.name == "dollar":  # "$" and "dollars" say no country: any dollar
            return korean.name in _DOLLARS
        return "yen_or_yuan" == english.name and korean.name in ("jpy", "cny")
    if korean.name == "degree":  # "30도" is Celsius, but "38도선" is the 38th parallel
        return english.measure != "temperature" or english.name in ("c", "deg")
    if korean.name == "order_duration":  # "3년째": "for three years" or "the third year"
        return english.measure in ("order", "duration", "age")
    return False  # "250km" as "250 miles", "1년" as "a month", "3%p" as "3 percent"


def converts(value: float, korean: Unit | None, english_value: float, english: Unit | None) -> bool:
    """Whether `english_value` in `english` units is `value` in `korean` units, converted."""
    if korean is not None and korean.name == "gbp" and english is not None:
        if english.measure == "mass":  # "100파운드": pounds of weight, told in kilograms
            korean = Unit("mass", "lb")
    if korean is not None and english is not None and korean.name == "multiple":
        if english.name == "pct":  # "두 배로 늘었다": "rose 100 percent", or "200 percent of"
            shares = ((value - 1) * 100, value * 100)
            return any(abs(english_value - share) < 1e-6 for share in shares)
    if korean is None or english is None or korean.measure != english.measure:
        return False
    if korean.measure == "temperature":
        return _temperature_converts(value, korean.name, english_value, english.name)
    factor = _FACTORS.get((korean.name, english.name))
    if factor is None:
        reverse = _FACTORS.get((english.name, korean.name))
        factor = 1 / reverse if reverse else None
    if factor is None:
        return False
    expected = value * factor
    return abs(english_value - expected) <= _TOLERANCE * abs(expected)


def _temperature_converts(value: float, scale: str, english_value: float, english: str) -> bool:
    """Celsius told in Fahrenheit or the other way, to within the rounding copy uses (a whole
    degree, or two Fahrenheit for a Celsius figure): "영하 10도" as "14 degrees Fahrenheit"."""
    celsius = scale in ("c", "degree")
    if celsius and english in ("f", "deg"):
        return abs(value * 9 / 5 + 32 - english_value) <= 2
    if scale == "f" and english == "c":
        return abs((value - 32) * 5 / 9 - english_value) <= 1.1
    return False


_UNIT_WORDS = {
    "km": r"\bkilomet(?:er|re)s?\b|\bkm\b|(?:\d|\()[\s-]?km\b",
    "m": r"\bmet(?:er|re)s?\b|(?:\d|\()[\s-]?m\b",
    "cm": r"\bcentimet(?:er|re)s?\b|\bcm\b|(?:\d|\()[\s-]?cm\b",
    "mm": r"\bmillimet(?:er|re)s?\b|\bmm\b|(?:\d|\()[\s-]?mm\b",
    "kg": r"\bkilo(?:gram)?s?\b|\bkg\b|(?:\d|\()[\s-]?kg\b",
    "g": r"\bgrams?\b|(?:\d|\()[\s-]?g\b",
    "t": r"\b(?:metric\s+)?tonnes?\b|\btons?\b",
    "l": r"\blit(?:er|re)s?\b",
    "m2": r"\bsquare[\s-]+met(?:er|re)s?\b|m²",
    "km2": r"\bsquare[\s-]+kilomet(?:er|re)s?\b|km²",
    "ha": r"\bhectares?\b",
    "c": r"\bCelsius\b|°C|℃",
    "degree": r"\bCelsius\b|°C|℃",
}


def names_unit(english: str, unit: Unit | None) -> bool:
    """Whether the English uses the unit at all ("meters (49 feet)" or "km (69 miles)" with its
    figure dropped). Abbreviations that are words of their own ("m", "g") count only after a
    figure."""
    pattern = _UNIT_WORDS.get(unit.name) if unit else None
    return bool(pattern and re.search(pattern, english, re.IGNORECASE))


def unit_nouns_with_article(text: str) -> list[Quantity]:
    """ "a year", "an hour", "one month": a count of one said with an article, which English
    number reading leaves out (an "a" is no figure anywhere else)."""
    return [
        Quantity(1.0, match.start(), match.end(), match.group(0), True)
        for match in _ARTICLE_UNIT.finditer(text)
        if not _RATE_BEFORE.search(text, 0, match.start())
    ]


# "12 hours a day", "three times a week", "$5 a month": a rate, no count of one
_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:hours?|minutes?|days?|weeks?|months?|times|percent|dollars?|won|cents?|"
    r"shifts?|meals?|sessions?|games?|flights?|trains?|trips?))\s+$",
    re.IGNORECASE,
)


_ARTICLE_UNIT = re.compile(
    r"\b(?:an?|one)[\s-]+(?:(?:full|whole|single|mere)\s+)?"
    r"(?:year|month|week|day|hour|minute|decade)\b(?!\s+(?:ago|earlier|later|before|after))",
    re.IGNORECASE,
)
