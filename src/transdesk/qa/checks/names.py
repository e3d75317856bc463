"""Names: the source's proper nouns are accounted for in the translation.

Korean personal names (kiwi tags them NNP) must appear through the termbase or a romanization
(the family name in any common spelling: "Lee", "Yi", "Rhee"); Latin-script names in the Korean
("IBM", "ASCI White") must appear as written.
"""

from __future__ import annotations

import re

from transdesk.article import Finding
from transdesk.qa.base import CheckContext, finding
from transdesk.qa.morph import analyse, is_common_noun
from transdesk.qa.romanize import (
    family_spellings,
    hangul_skeleton,
    leading_sound,
    romanize_name,
    romanize_syllables,
    sound_skeleton,
    split_name,
)

_LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Za-z][A-Za-z&.\-]*[A-Za-z](?:\s+[A-Z][A-Za-z\-]+)*")
_WORD = re.compile(r"[A-Za-z]+")
# a name kiwi does not know is still a name when a title follows it: "박정민 장관"
_NAME_BEFORE_TITLE = re.compile(
    r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{3,4})\s+(?=(?:대통령|위원장|장관|차관|의원|총리|대표|"
    r"회장|사장|씨|교수|감독|선수|대사|장군|국장|실장|총장|지사|시장|기자|부장|판사|검사|변호사)"
    r"(?![\uac00-\ud7a3]{2}))"
)


def korean_names(text: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of every Korean personal name: kiwi's proper nouns (not those its
    dictionary also has as a common noun), names before titles."""
    names = {}
    for morpheme in analyse(text):
        if (
            morpheme.tag == "NNP"
            and split_name(morpheme.form)
            and not is_common_noun(morpheme.form)  # "유전자" (gene) is no Mr. Yu
        ):
            names[morpheme.start] = (morpheme.form, morpheme.start, morpheme.end)
    for match in _NAME_BEFORE_TITLE.finditer(text):
        candidate = match.group(1)
        if split_name(candidate) and not is_common_noun(candidate) and match.start() not in names:
            names[match.start()] = (match.group(1), match.start(), match.end(1))
    return [names[k] for k in sorted(names)]


# a capitalized word that is not part of a hyphenated Korean given name ("Jae-myung")
_CAPITALIZED = re.compile(r"(?<![-\w])[A-Z][a-z]+(?![-\w])")


def _spoken_alike(name: str, sounds: set[str]) -> bool:
    """The whole name, romanized, sounds like a capitalized English word ("Oshima"), from its
    first sound on (so "이재명" is not "Jaemyung")."""
    skeleton = hangul_skeleton(name)
    return len(skeleton) >= 2 and (leading_sound(romanize_syllables(name)), skeleton) in sounds


def _termbase_covers(context: CheckContext, start: int, end: int) -> bool:
    if context.termbase is None:
        return False
    return any(m.start <= start and end <= m.end for m in context.termbase.match(context.source))


class NamesCheck:
    name = "names"
    description = "personal names and Latin-script names in the source are in the translation"

    def run(self, context: CheckContext) -> list[Finding]:
        words = {w.lower() for w in _WORD.findall(context.target)}
        sounds = {
            (leading_sound(w), sound_skeleton(w)) for w in _CAPITALIZED.findall(context.target)
        }
        findings = []
        for name, start, end in korean_names(context.source):
            if any(s.lower() in words for s in family_spellings(name)):
                continue
            if _spoken_alike(name, sounds):
                continue  # a name of another language: "오시마" → "Oshima", "차이나" → "China"
            if _termbase_covers(context, start, end):
                continue  # the terms check holds it to the approved rendering
            romanized = romanize_name(name)
            findings.append(
                finding(
                    self.name,
                    "name_missing",
                    "major",
                    f"the name {name!r} ({romanized}) is not in the translation",
                    source_span=(start, end),
                    suggestion=romanized,
                )
            )
        missing = self._latin_missing(context)
        if missing:
            listed = ", ".join(repr(m.group(0)) for m in missing[:5])
            findings.append(
                finding(
                    self.name,
                    "latin_name_missing",
                    "minor",
                    f"written in Latin script in the source but not in the translation: {listed}",
                    source_span=missing[0].span(),
                )
            )
        return findings

    def _latin_missing(self, context: CheckContext) -> list[re.Match[str]]:
        """Latin-script names ("IBM", "ASCI White") the English does not repeat."""
        target = context.target.lower()
        return [
            m
            for m in _LATIN_NAME.finditer(context.source)
            if len(m.group(0)) >= 2
            and any(c.isupper() for c in m.group(0))
            and m.group(0).lower() not in target
        ]
