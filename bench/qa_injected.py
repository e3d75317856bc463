"""Corrupt human reference translations in each checkable way (one error per sentence).

Each injector takes (Korean, English) and returns the corrupted English, or None when the pair
offers nothing to corrupt in that way. Used by `bench/qa_measure.py`.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable

from transdesk.dates import find_english_dates, resolve_dates
from transdesk.dates.english import MONTHS
from transdesk.glossary.matcher import Termbase
from transdesk.glossary.model import TermEntry
from transdesk.qa.checks.names import korean_names
from transdesk.qa.quantities import english_quantities, korean_quantities, values_match
from transdesk.qa.romanize import family_spellings

# A small newsroom termbase for the corpus: approved renderings and the wrong ones MT produces.
BENCH_TERMS = [
    TermEntry("북한", "North Korea", later="North", forbidden=("Northern Korea",)),
    TermEntry("백악관", "White House", forbidden=("White Palace",)),
    TermEntry("크렘린", "Kremlin", forbidden=("Kremlin Palace",)),
    TermEntry("유엔", "United Nations", later="U.N.", forbidden=("Union of Nations",)),
    TermEntry(
        "국제원자력기구",
        "International Atomic Energy Agency",
        later="IAEA",
        forbidden=("International Nuclear Power Organization",),
    ),
    TermEntry("6자회담", "six-party", variants=("6자 회담",), forbidden=("six-way",)),
    TermEntry("이라크", "Iraq", forbidden=("Irak",)),
    TermEntry("탈레반", "Taliban", forbidden=("Taleban",)),
    TermEntry("국무부", "State Department", forbidden=("Ministry of State Affairs",)),
    TermEntry("노동당", "Workers' Party", forbidden=("Labor Party",)),
    TermEntry("올림픽", "Olympic", later="Games", forbidden=("Olympiad",)),
    TermEntry("이스라엘", "Israel", forbidden=("Israil",)),
]
_PAST_TO_FUTURE = [
    ("said", "will say"),
    ("was", "will be"),
    ("were", "will be"),
    ("met", "will meet"),
    ("had", "will have"),
    ("announced", "will announce"),
    ("reported", "will report"),
    ("told", "will tell"),
    ("killed", "will kill"),
    ("began", "will begin"),
    ("arrived", "will arrive"),
    ("added", "will add"),
]
_CLAUSE_SPLIT = re.compile(r"(,\s+|;\s+|\s+(?:and|but|while|which|who|after|before|because)\s+)")


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def change_number(ko: str, en: str, rng: random.Random) -> str | None:
    source = [q.value for q in korean_quantities(ko)]
    dates = [(d.start, d.end) for d in find_english_dates(en)]
    options = [
        q
        for q in english_quantities(en)
        if not q.spelled
        and q.surface[0].isdigit()
        and any(values_match(q.value, v) for v in source)
        and not any(s <= q.start < e for s, e in dates)
    ]
    if not options:
        return None
    target = rng.choice(options)
    digits = re.match(r"[\d,.]+", target.surface).group(0).rstrip(".,")
    position = rng.randrange(len(digits))
    while not digits[position].isdigit():
        position = rng.randrange(len(digits))
    new_digit = str((int(digits[position]) + rng.randint(1, 8)) % 10)
    if position == 0 and new_digit == "0":
        new_digit = "9" if digits[0] != "9" else "8"
    changed = digits[:position] + new_digit + digits[position + 1 :]
    return _replace(en, target.start, target.start + len(digits), changed)


def drop_number(ko: str, en: str, rng: random.Random) -> str | None:
    source = [q.value for q in korean_quantities(ko)]
    dates = [(d.start, d.end) for d in find_english_dates(en)]
    options = [
        q
        for q in english_quantities(en)
        if any(values_match(q.value, v) for v in source)
        and q.value != 1
        and not any(s <= q.start < e for s, e in dates)
    ]
    if not options:
        return None
    target = rng.choice(options)
    start, end = target.start, target.end
    if start and en[start - 1] == "$":
        start -= 1
    return re.sub(r"\s{2,}", " ", _replace(en, start, end, "")).strip()


def shift_date(ko: str, en: str, rng: random.Random) -> str | None:
    mentions = resolve_dates(ko, None)
    years = {m.first.year for m in mentions if m.first and not m.relative}
    options = [d for d in find_english_dates(en) if d.month and not d.unresolved]
    for match in re.finditer(r"\b(1[89]\d\d|20\d\d)\b", en):
        if int(match.group(1)) in years:
            options.append(match)
    if not options:
        return None
    target = rng.choice(options)
    if isinstance(target, re.Match):
        return _replace(en, target.start(), target.end(), str(int(target.group(1)) + 1))
    if target.day:
        day = target.day + 1 if target.day < 28 else target.day - 1
        surface = re.sub(rf"\b{target.day}\b", str(day), target.surface, count=1)
        return _replace(en, target.start, target.end, surface)
    month = MONTHS[target.month % 12]
    return _replace(en, target.start, target.end, re.sub(r"^[A-Za-z.]+", month, target.surface))


def swap_name(ko: str, en: str, rng: random.Random) -> str | None:
    for name, _, _ in korean_names(ko):
        for spelling in family_spellings(name):
            match = re.search(rf"\b{spelling}\b", en)
            if match:
                other = "Park" if spelling != "Park" else "Choi"
                return re.sub(rf"\b{spelling}\b", other, en)
    return None


def drop_clause(ko: str, en: str, rng: random.Random) -> str | None:
    """Remove the longest clause (five words or more, a quarter of the sentence or more)."""
    parts = _CLAUSE_SPLIT.split(en)
    clauses = [
        (i, p)
        for i, p in enumerate(parts)
        if i % 2 == 0 and len(p.split()) >= 5 and len(p) >= 0.25 * len(en)
    ]
    if len(parts) < 3 or not clauses:
        return None
    index, _ = max(clauses, key=lambda c: len(c[1]))
    kept = parts[: max(0, index - 1)] + parts[index + 1 :] if index else parts[2:]
    text = "".join(kept).strip(" ,;")
    return text[0].upper() + text[1:] if text else None


def leave_korean(ko: str, en: str, rng: random.Random) -> str | None:
    words = en.split()
    phrases = re.findall(r"[\uac00-\ud7a3]{2,}(?:\s+[\uac00-\ud7a3]{2,})?", ko)
    if len(words) < 4 or not phrases:
        return None
    start = rng.randrange(len(words) - 2)
    size = rng.randint(1, 3)
    return " ".join(words[:start] + [rng.choice(phrases)] + words[start + size :])


@functools.cache
def bench_termbase() -> Termbase:
    return Termbase(BENCH_TERMS)


def forbidden_term(ko: str, en: str, rng: random.Random) -> str | None:
    for match in bench_termbase().match(ko):
        entry = match.entry
        if entry.forbidden:
            for rendering in entry.renderings:
                match = re.search(rf"(?<!\w){re.escape(rendering)}(?!\w)", en)
                if match:
                    return _replace(en, match.start(), match.end(), entry.forbidden[0])
    return None


def make_future(ko: str, en: str, rng: random.Random) -> str | None:
    if not re.search(r"(었|았|였|했|됐|졌|났|웠)", ko) or re.search(r"\bwill\b", en):
        return None
    for past, future in _PAST_TO_FUTURE:
        match = re.search(rf"\b{past}\b", en)
        if match:
            return _replace(en, match.start(), match.end(), future)
    return None


_KOREAN_NEGATION = re.compile(r"않|못|없|아니|\b안\s")
_ENGLISH_NEGATION = re.compile(r"\s+not\b|n't\b|\bnever\s+")
_CONTRACTED = {"can't": "can", "won't": "will", "don't": "do", "doesn't": "does", "didn't": "did"}


def drop_negation(ko: str, en: str, rng: random.Random) -> str | None:
    """A negated Korean sentence whose English carries exactly one "not", "n't" or "never":
    take it out ("did not attend" → "did attend", "can't" → "can")."""
    if not _KOREAN_NEGATION.search(ko):
        return None
    found = list(_ENGLISH_NEGATION.finditer(en))
    if len(found) != 1:
        return None
    match = found[0]
    word_start = en.rfind(" ", 0, match.start()) + 1
    word = en[word_start : match.end()]
    if word.lower() in _CONTRACTED:
        return _replace(en, word_start, match.end(), _CONTRACTED[word.lower()])
    keep = " " if match.group().startswith("never") else ""
    return _replace(en, match.start(), match.end(), keep).replace("  ", " ")


_DIRECTIONS = {
    "increased": "decreased", "decreased": "increased", "rose": "fell", "fell": "rose",
    "risen": "fallen", "fallen": "risen", "surplus": "deficit", "deficit": "surplus",
    "higher": "lower", "lower": "higher", "grew": "shrank", "gained": "lost",
    "increase": "decrease", "decrease": "increase", "rise": "fall", "fall": "rise",
    "increases": "decreases", "decreases": "increases", "rises": "falls", "falls": "rises",
    "increasing": "decreasing", "decreasing": "increasing", "rising": "falling",
    "falling": "rising", "climbed": "fell", "jumped": "fell", "surged": "plunged",
    "plunged": "surged", "declined": "rose", "dropped": "rose", "slid": "rose", "expanded":
    "shrank", "shrank": "expanded", "widened": "narrowed", "narrowed": "widened", "gain": "loss",
    "loss": "gain", "gains": "losses", "losses": "gains", "growth": "decline", "decline": "growth",
    "raised": "lowered", "lowered": "raised",
}  # fmt: skip
_KOREAN_DIRECTION = re.compile(r"증가|감소|상승|하락|늘|줄|오르|올랐|내리|내렸|흑자|적자|급등|급락")


def flip_direction(ko: str, en: str, rng: random.Random) -> str | None:
    """A Korean rise, fall, surplus or deficit whose English direction word is turned round."""
    if not _KOREAN_DIRECTION.search(ko):
        return None
    for match in re.finditer(r"\b[a-z]+\b", en):
        opposite = _DIRECTIONS.get(match.group())
        if opposite:
            return _replace(en, match.start(), match.end(), opposite)
    return None


INJECTORS: dict[str, tuple[str, Callable[[str, str, random.Random], str | None]]] = {
    "number changed": ("numbers", change_number),
    "number dropped": ("numbers", drop_number),
    "date shifted": ("dates", shift_date),
    "name swapped": ("names", swap_name),
    "clause dropped": ("omission", drop_clause),
    "Korean left in": ("untranslated", leave_korean),
    "forbidden term": ("terms", forbidden_term),
    "past made future": ("tense", make_future),
    "negation dropped": ("polarity", drop_negation),
    "direction flipped": ("polarity", flip_direction),
}
