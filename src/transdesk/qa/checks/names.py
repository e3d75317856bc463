"""Names: the source's personal names are in the translation, spelled as the same person's name.

A Korean personal name is compared whole, family name and given name, syllable by syllable: each
Korean syllable has the small set of spellings English copy uses for it (`transdesk.qa.romanize`),
so "Kim Jung-kwan", "Kim Jeong-gwan" and "Jeong-kwan Kim" all write 김정관 while "Kim Jeong-hwan"
(a wrong given name), "Kim Gwan-jeong" (syllables swapped) and "Kim Dae-ho" for 김태호 (a voiced
letter never writes an aspirated consonant) do not. A wrong given name is read in either order
and hyphenated, joined or spaced ("Hyun-jun Kim", "Kim Hyun Jun"). Later references good
English uses are accepted: the family name alone ("Kim"), the given name alone; a title ("the
minister") or a pronoun where the name is absent is a minor note, not a hold.

What holds the sentence (major): a wrong or swapped given name (`name_mismatch`, with the English
span and the Revised Romanization as the suggestion), another family name on the right given
name ("Park Jae-myung" for 이재명), a family name the source has no one of standing where the
name was ("Park said" for 김정관), or the name gone with nothing in its place (`name_missing`).

Kiwi tags places, institutions and compounds (서초구, 여의도, 한미일) as proper nouns too: a proper
noun counts as a personal name only when it is shaped like one (a family name, then given-name
syllables), is no place, body or compound (`transdesk.qa.name_lexicon`), and either Kiwi reads it
as one proper noun, or as a known proper noun and then syllables it has no word for ("김현우는":
김 + 현 + 우), or a title stands by it ("김정관 산업통상자원부 장관", "주장 손흥민", "최은서(45)씨");
one used as a place ("이태원에서") or opening on a prefix ("최우수 선수", the most valuable
player) is none. A family name and a title alone ("김 장관") is a later reference, no name to
compare. A name Kiwi does not know but that is shaped like one and
has no title, a Chinese one among them (양조위 is "Tony Leung"), is only a minor note when the
English has other names it may be written as. A place the English
writes by its sound ("Seocho-gu") accounts for itself. Latin-script names in the Korean ("IBM",
"ASCI White") must appear as written.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from transdesk.article import Finding
from transdesk.qa.base import CheckContext, finding
from transdesk.qa.coverage import rendering_stems
from transdesk.qa.morph import Morpheme, analyse, is_common_noun, read_as_proper_noun
from transdesk.qa.name_lexicon import (
    BODIES,
    COMPOUND_SYLLABLES,
    ENGLISH_STAND_INS,
    INSTITUTION_SUFFIXES,
    NOT_NAMES,
    PERSON_TITLES,
    PERSONAL_TITLES,
    PLACE_HEAD_TITLES,
    PLACE_PARTICLES,
    PLACE_SUFFIXES,
    PLACES,
    TITLE_MODIFIERS,
)
from transdesk.qa.romanize import (
    GIVEN_NAME_SYLLABLES,
    SURNAMES,
    hangul_skeleton,
    is_family_spelling,
    leading_sound,
    looks_like_given_name,
    newsroom_romanization,
    romanize_syllables,
    sound_skeleton,
    spells_family_name,
    spells_syllables,
)
from transdesk.qa.units import UNIT_SYMBOLS

_LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Za-z][A-Za-z&.\-]*[A-Za-z](?:\s+[A-Z][A-Za-z\-]+)*")
_WORD = re.compile(r"[A-Za-z]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
# a word, from its first Hangul syllable on ("![김정은", "(김정은")
# family names that are also prefixes of nouns: 고 (high), 신 (new), 구 (old), 총 (total)
_PREFIX_SURNAMES = frozenset("고 신 구 총 반 전 소 대".split())
_BODY_STAND_INS = frozenset(
    "institute agency center centre foundation association corporation council committee "
    "company firm academy commission authority".split()
)
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
# a word, or one name of a list joined by middle dots ("오세린·한도윤 재판관": two justices)
_EOJEOL = re.compile(r"[\uac00-\ud7a3][^\s·]*")
# a word that opens inside parentheses glued to the word before: "형사25부(한승우 부장판사)는"
_IN_PARENTHESES = re.compile(r"(?<=\S\()[\uac00-\ud7a3][^\s)]*")
# an age (and affiliation) in parentheses right after the name, as reports introduce people:
# "윤재석(28·한국전력)이", "최은서(45)"
_AGE_IN_PARENTHESES = re.compile(r"\(\d{1,3}(?:\)|[·,]\s*|$)")  # "(28)", "(28·한국전력)"
# morphemes a name's word may end in: particles, endings, the copula
_AFTER_NAME_TAGS = ("J", "E", "VCP", "XSV", "XSA", "S")
# a particle glued to a common noun that Kiwi took for one proper noun ("고추가")
_PARTICLE_SYLLABLES = set("가이은는을를의도와과에")
# McCune-Reischauer's apostrophe of aspiration inside a name part ("T'ae", "P'yong"), not a
# possessive ("Kim's")
_ASPIRATION = r"(?:['\u2019](?!s\b)[a-z]+)*"
# an English name part: a capitalized word, hyphenated given names included ("Jong-un")
_NAME_PART = rf"[A-Z][A-Za-z]*{_ASPIRATION}(?:[-\u2010\u2011][A-Za-z]+{_ASPIRATION})*"
_NAME_TOKEN = re.compile(_NAME_PART)
_NAME_RUN = re.compile(
    rf"{_NAME_PART}(?:['\u2019]s)?(?:[ \t]+{_NAME_PART}(?:['\u2019]s)?)*"
)
# a capitalized word that is not part of a hyphenated Korean given name ("Jae-myung")
_CAPITALIZED = re.compile(r"(?<![-\w])[A-Z][a-z]+(?![-\w])")
# family-name spellings that are also everyday English words or other names: they are not taken,
# alone, for a wrong family name
_AMBIGUOUS_FAMILY_SPELLINGS = frozenset(
    """
    an in o no so do go u um ra na ri im jo ju ji gu ko ki gi chi chu ma min ban bang ham han
    gang song moon sun young long won hong kong wang yang jun chin sin son gil kil sung seong cha
    """.split()
)
# English capitalized words that are no person: months, days, common places and nationalities
_COMMON_CAPITALIZED = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday korea korean koreans south north
    seoul pyongyang japan japanese china chinese united states american americans u.s washington
    russia russian europe european asia asian the a an this that these those it its he she they
    we i you his her their our in on at of for and but or if as by with from after before
    """.split()
)


@dataclass(frozen=True)
class KoreanName:
    """A personal name in the Korean: its form and place, its family and given name, and whether
    a title stands by it (what makes it surely a person)."""

    form: str
    start: int
    end: int
    family: str
    given: str
    titled: bool

    @property
    def romanized(self) -> str:
        return newsroom_romanization(self.family, self.given)


def split_person_name(stem: str) -> tuple[str, str] | None:
    """(family name, given name) of a 2–4-syllable word shaped like a Korean personal name."""
    if not 2 <= len(stem) <= 4 or not _HANGUL.fullmatch(stem) or stem in NOT_NAMES:
        return None
    if len(stem) == 3 and stem[0] in _PREFIX_SURNAMES and is_common_noun(stem[1:]):
        return None  # "고용량" (a high dose), "신기술": a prefix on a noun, no family name
    sizes = {4: (2, 1), 3: (1, 2)}.get(len(stem), (1,))  # 남궁민: a two-syllable family name
    for size in sizes:
        family, given = stem[:size], stem[size:]
        if family in SURNAMES and 1 <= len(given) <= 2 and set(given) <= GIVEN_NAME_SYLLABLES:
            return family, given
    return None


def _is_place_or_body(stem: str) -> bool:
    """A place, a body or a compound, by its form: 서초구, 여의도, 국방부, 한미일, 남북."""
    if stem in PLACES or stem in BODIES or all(s in COMPOUND_SYLLABLES for s in stem):
        return True
    if stem[0] == "주" and all(s in COMPOUND_SYLLABLES for s in stem[1:]):
        return True  # 주한미 (stationed in South Korea, of the U.S.), 주중

    suffixes = PLACE_SUFFIXES | INSTITUTION_SUFFIXES
    return any(stem.endswith(s) and len(stem) > len(s) for s in suffixes)


def _is_glued_common_noun(stem: str) -> bool:
    """ "고추가": a common noun with its particle, which Kiwi took for one proper noun."""
    return stem[-1] in _PARTICLE_SYLLABLES and len(stem) >= 3 and is_common_noun(stem[:-1])


def _title_follows(words: list[tuple[str, list[Morpheme]]], through_bodies_only: bool) -> bool:
    """A title within the next few words, past a body's name and "전" (former): "김정관
    산업통상자원부 장관", "윤석열 전 대통령". With `through_bodies_only`, only bodies (외교부) and
    "전" may stand between: "조현 외교부 장관", not "조지 부시 대통령"."""
    for text, morphemes in words[:3]:
        stem = _noun_stem(text, morphemes)
        if any(stem.endswith(t) for t in PERSON_TITLES):
            return True
        if stem in TITLE_MODIFIERS:
            continue
        if not stem or stem != _leading_hangul(text):
            return False  # a word with a particle ends the name's phrase
        if through_bodies_only and not any(stem.endswith(s) for s in INSTITUTION_SUFFIXES):
            return False
    return False


def _unread_name(text: str, morphemes: list[Morpheme]) -> bool:
    """A bare word shaped like a name that Kiwi split into nouns, with no ending or verb in it
    (not "차관인", "방대한")."""
    return (
        3 <= len(text) <= 4
        and _HANGUL.fullmatch(text) is not None
        and split_person_name(text) is not None
        and all(m.tag.startswith("N") for m in morphemes)
    )


def _personal_title_follows(words: list[tuple[str, list[Morpheme]]]) -> bool:
    """The next word is a form of address or calling only a person has: "강호동 씨"."""
    return bool(words) and _noun_stem(*words[0]) in PERSONAL_TITLES


def _is_title_word(text: str, morphemes: list[Morpheme]) -> bool:
    """The word is a bare title, no particle on it: "주장" in "대표팀 주장 손흥민"."""
    stem = _noun_stem(text, morphemes)
    return (
        bool(stem)
        and stem == text
        and any(stem.endswith(t) for t in PERSON_TITLES)
        and not any(stem.endswith(t) for t in PLACE_HEAD_TITLES)
        and not _is_place_or_body(stem)  # "평양" ends as "양" (Miss) does: a place, no title
    )


def _leading_hangul(text: str) -> str:
    hangul = _HANGUL.match(text)
    return hangul.group(0) if hangul else ""


def _noun_stem(text: str, morphemes: list[Morpheme]) -> str:
    """The word without what follows its nouns (particles, endings): "장관은" → "장관"."""
    hangul = _HANGUL.match(text)
    if not hangul:
        return ""
    kept = 0
    for m in morphemes:
        if m.tag.startswith(_AFTER_NAME_TAGS):
            break
        kept = m.end
    return text[: max(0, min(kept, hangul.end()))]


def find_korean_names(text: str) -> list[KoreanName]:
    """Every Korean personal name in the sentence (see the module's note for what counts)."""
    morphemes = analyse(text)
    starts = [m.start for m in morphemes]
    in_order = all(a <= b for a, b in zip(starts, starts[1:]))
    words = []
    spans = sorted(
        [m.span() for m in _EOJEOL.finditer(text)]
        + [m.span() for m in _IN_PARENTHESES.finditer(text)]
    )
    for word_start, word_end in spans:
        word = text[word_start:word_end]
        # the morphemes of the word: found by their start offsets (Kiwi gives them in order)
        # rather than by reading every morpheme of the sentence for every word
        nearby = (
            morphemes[bisect_left(starts, word_start) : bisect_right(starts, word_end)]
            if in_order
            else morphemes
        )
        inside = [
            Morpheme(m.form, m.tag, m.start - word_start, m.end - word_start)
            for m in nearby
            if word_start <= m.start and m.end <= word_end
        ]
        words.append((word_start, word, inside))
    bodies = [(w, ms) for _, w, ms in words]
    names = []
    for index, (offset, text_of_word, inside) in enumerate(words):
        before = bodies[index - 1] if index else None
        following = bodies[index + 1 :]
        name = _name_in_word(text_of_word, inside, following, before)
        if name is not None:
            stem, titled = name
            family, given = split_person_name(stem)  # type: ignore[misc]
            names.append(KoreanName(stem, offset, offset + len(stem), family, given, titled))
    return names


def _name_in_word(
    text: str,
    morphemes: list[Morpheme],
    following: list[tuple[str, list[Morpheme]]],
    before: tuple[str, list[Morpheme]] | None = None,
) -> tuple[str, bool] | None:
    """(the name, whether a title stands by it) if the word opens on a personal name. The title
    may follow ("정민우 대변인") or come first ("대표팀 주장 손흥민")."""
    stem = _noun_stem(text, morphemes)
    titled = False
    nouns = [m for m in morphemes if m.end <= len(stem)]
    last = nouns[-1].form if nouns else ""
    if len(nouns) >= 2 and last in PERSON_TITLES and last not in PLACE_HEAD_TITLES:
        stem, titled = stem[: nouns[-1].start], True  # "박동선씨"
        nouns = nouns[:-1]
    if (split_person_name(stem) is None or stem != text) and _unread_name(text, morphemes):
        if following and _is_title_word(*following[0]):
            stem, nouns = text, list(morphemes)  # "이하은 씨": Kiwi read it otherwise
    if split_person_name(stem) is None:
        return None
    bare = stem == _leading_hangul(text)
    glued_title = _title_after_parenthesis(text[len(stem) :]) if bare else None
    titled = titled or glued_title is not None
    titled = titled or (bare and _title_follows(following, through_bodies_only=len(stem) == 2))
    # an age in parentheses introduces a person even where Kiwi reads the given name as a common
    # noun (윤 + 재석, "seat"): three syllables, a family name first
    titled = titled or (
        bare and len(stem) == 3 and _AGE_IN_PARENTHESES.match(text[len(stem) :]) is not None
    )
    called = before is not None and _is_title_word(*before)  # "스킵 이하은이", "주장 손흥민"
    titled = titled or called
    addressed = titled and (
        last in PERSONAL_TITLES
        or glued_title in PERSONAL_TITLES
        or _personal_title_follows(following)
    )
    one_proper_noun = len(nouns) == 1 and nouns[0].tag == "NNP" and nouns[0].form == stem
    if nouns and nouns[0].tag.startswith("XP"):
        return None  # a prefix, no family name: 최우수 선수 (the most valuable player), 최정상급
    if len(nouns) == 2 and nouns[0].tag == "NNG" and nouns[1].tag == "XSN" and not called:
        return None  # a noun and its suffix: 안전성 검사 (a safety inspection), 현실화
    if all(s in COMPOUND_SYLLABLES for s in stem) or stem in PLACES or stem in BODIES:
        return None  # "한국 시인", "중국 배우": a calling after a country is a person of it
    if _is_place_or_body(stem) and not addressed:
        return None
    if not titled and _leading_hangul(text)[len(stem) :] in PLACE_PARTICLES:
        return None  # "이태원에서": a place, the way it is used
    if len(stem) == 2:
        # two-syllable names ("조현") only where a title says so, the family name a proper noun,
        # and not a place's head ("김해 시장")
        if not (titled and nouns and nouns[0].tag == "NNP"):
            return None
        if following and _noun_stem(*following[0]) in PLACE_HEAD_TITLES:
            return None
    elif not (titled or one_proper_noun or _read_as_unknown_name(nouns, stem)):
        return None
    # a common noun on its own ("유전자 검사") or with its particle ("고추가"), unless Kiwi reads
    # it here as a proper noun that a form of address follows ("이하은 씨"); asked last, since
    # it asks Kiwi to read the word alone, and every test above only reads what is at hand
    # (nor where a calling before it names a person and Kiwi reads the word, particle and
    # all, as that proper noun: "스킵 이하은이" is no 이하 + 은)
    proper = (addressed and one_proper_noun) or (
        called and text != stem and read_as_proper_noun(_leading_hangul(text), stem)
    )
    if not proper and (is_common_noun(stem) or _is_glued_common_noun(stem)):
        return None
    return stem, titled


# what may follow a title glued on after a parenthesis: "최은서(45)씨는", "씨가", "씨의"
_TITLE_PARTICLES = frozenset("은 는 이 가 을 를 의 도 와 과 에게 께서 만".split()) | {""}
_PARENTHESIS_THEN_WORD = re.compile(r"\([^()]*\)([\uac00-\ud7a3]+)")


def _title_after_parenthesis(rest: str) -> str | None:
    """The title glued on after an age or an affiliation in parentheses, the way Korean reports
    introduce people: "최은서(45)씨는" → "씨", "김현우(서울대)교수는" → "교수"."""
    match = _PARENTHESIS_THEN_WORD.match(rest)
    if match is None:
        return None
    word = match.group(1)
    for title in sorted(PERSON_TITLES, key=len, reverse=True):
        if word.startswith(title) and word[len(title) :] in _TITLE_PARTICLES:
            return title
    return None


def _read_as_unknown_name(nouns: list[Morpheme], stem: str) -> bool:
    """Kiwi reads the three syllables as a proper noun it knows (the family name, or the family
    name and a syllable: 김 + 현 + 우, 정민 + 우) and then syllables it has no word for: a name
    it does not know, with only its particle ("김현우는"), not a word it knows."""
    if len(stem) != 3 or len(nouns) < 2 or "".join(m.form for m in nouns) != stem:
        return False
    first, rest = nouns[0], nouns[1:]
    return (
        first.tag == "NNP"
        and first.form not in PLACES
        and all(len(m.form) == 1 and m.tag in ("NNG", "NNB", "MM") for m in rest)
        and not is_common_noun(stem[1:])  # 송전 + 선: the rest is a word (전선, a power line)
    )


def korean_names(text: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of every Korean personal name in the sentence."""
    return [(n.form, n.start, n.end) for n in find_korean_names(text)]


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int


def _english_runs(target: str) -> list[list[_Token]]:
    """Runs of capitalized words ("President Lee Jae-myung's"), possessives dropped, diacritics
    read as their plain letters ("Chŏng" as "Chong"; offsets stay those of the target)."""
    plain = (
        target  # ASCII letters are their own plain letters
        if target.isascii()
        else "".join(unicodedata.normalize("NFKD", c)[0] for c in target)
    )
    runs = []
    for run in _NAME_RUN.finditer(plain):
        tokens = []
        for token in _NAME_TOKEN.finditer(run.group(0)):
            start = run.start() + token.start()
            tokens.append(_Token(token.group(0), start, start + len(token.group(0))))
        runs.append(tokens)
    return runs


def _given_after(run: list[_Token], i: int) -> list[tuple[str, int]]:
    """What may be the given name after the family name at i: one word or two ("Jong Un")."""
    options = []
    if i + 1 < len(run):
        options.append((run[i + 1].text, run[i + 1].end))
    if i + 2 < len(run) and "-" not in run[i + 1].text:
        options.append((f"{run[i + 1].text} {run[i + 2].text}", run[i + 2].end))
    return options


def _given_before(run: list[_Token], i: int) -> list[tuple[str, int]]:
    """What may be the given name before the family name at i ("Jae-myung Lee", "Jae Myung Lee")."""
    options = []
    if i >= 1:
        options.append((run[i - 1].text, run[i - 1].start))
    if i >= 2 and "-" not in run[i - 1].text:
        options.append((f"{run[i - 2].text} {run[i - 1].text}", run[i - 2].start))
    return options


@dataclass(frozen=True)
class _Reading:
    """How the English renders one Korean name."""

    verdict: str  # "full", "reference", "wrong_family", "wrong_given", "absent"
    span: tuple[int, int] | None = None
    written: str = ""  # the whole name as the English writes it
    given_written: str = ""  # its given name


def _read(name: KoreanName, runs: list[list[_Token]], source: str) -> _Reading:
    """Find the name in the English runs of capitalized words: whole (either order), only its
    family name or its given name (a later reference), or with a wrong part."""
    wrong_given: _Reading | None = None
    wrong_family: _Reading | None = None
    family_alone = given_alone = False
    for run in runs:
        for i, token in enumerate(run):
            if spells_family_name(token.text, name.family):
                for written, end in _given_after(run, i):
                    if spells_syllables(written, name.given):
                        return _Reading("full", (token.start, end), f"{token.text} {written}")
                for written, start in _given_before(run, i):
                    if spells_syllables(written, name.given):
                        return _Reading("full", (start, token.end), f"{written} {token.text}")
                other = _other_given_name(run, i, name, source)
                if other is not None:
                    wrong_given = wrong_given or other
                else:
                    family_alone = True
            elif spells_syllables(token.text, name.given):
                neighbour = run[i - 1] if i >= 1 else None
                if neighbour is None and len(name.given) >= 2 and i + 1 < len(run):
                    neighbour = run[i + 1]  # "Jae-myung Park"
                if neighbour is not None and is_family_spelling(neighbour.text):
                    span = (min(token.start, neighbour.start), max(token.end, neighbour.end))
                    written = f"{neighbour.text} {token.text}"
                    wrong_family = wrong_family or _Reading("wrong_family", span, written)
                else:
                    given_alone = True
    if wrong_given is not None:
        return wrong_given
    if wrong_family is not None:
        return wrong_family
    if family_alone or given_alone:
        return _Reading("reference")
    return _Reading("absent")


def writes_whole_name(name: KoreanName, target: str, source: str) -> bool:
    """The English writes the name whole, family and given name in either order, in any spelling
    the check accepts ("Chief Judge Kim Min-jun" for 김민준)."""
    return _read(name, _english_runs(target), source).verdict == "full"


def _other_given_name(
    run: list[_Token], i: int, name: KoreanName, source: str
) -> _Reading | None:
    """The family name at i carries a given name that is not this one's ("Kim Jeong-hwan" for
    김정관), and that no other Korean name in the sentence accounts for."""
    family, size = run[i], len(name.given)
    candidates = []
    if size == 2 and i + 2 < len(run) and _reads_as_spaced_given_name(run[i + 1 : i + 3]):
        written = f"{run[i + 1].text} {run[i + 2].text}"  # "Kim Hyun Jun"
        candidates.append((written, (family.start, run[i + 2].end), True))
    elif i + 1 < len(run) and _reads_as_given_name(run[i + 1].text, size):
        candidates.append((run[i + 1].text, (family.start, run[i + 1].end), True))
    elif size == 1 and i + 2 == len(run) and _reads_as_one_syllable_name(run[i + 1].text):
        candidates.append((run[i + 1].text, (family.start, run[i + 1].end), True))  # "Cho Hyung"
    if i >= 1 and i == len(run) - 1:  # the given name first: "Hyun-jun Kim", "Hyun Jun Kim"
        if size == 2 and i >= 2 and _reads_as_spaced_given_name(run[i - 2 : i]):
            written = f"{run[i - 2].text} {run[i - 1].text}"
            candidates.append((written, (run[i - 2].start, family.end), False))
        elif _reads_as_given_name(run[i - 1].text, size):
            candidates.append((run[i - 1].text, (run[i - 1].start, family.end), False))
    for written, span, family_first in candidates:
        if _source_writes(source, family.text, written, name.form):
            continue  # another person of the sentence: "김정은" beside "김여정"
        whole = f"{family.text} {written}" if family_first else f"{written} {family.text}"
        return _Reading("wrong_given", span, whole, written)
    return None


def _reads_as_given_name(written: str, syllables: int) -> bool:
    """The word is shaped like a romanized Korean given name: hyphenated syllables ("Jeong-hwan")
    or as many syllables as the name has ("Jeonghwan"); not another family name or a title."""
    if is_family_spelling(written) or written.lower() in ENGLISH_STAND_INS:
        return False
    if written.lower() in _COMMON_CAPITALIZED:
        return False
    pieces = written.split("-")
    if len(pieces) > 1:
        return looks_like_given_name(written, len(pieces))
    return looks_like_given_name(written, syllables)


def _reads_as_one_syllable_name(written: str) -> bool:
    """The last word of the run is one given-name syllable, though it is also a family name's
    spelling: "Hyung" in "Cho Hyung" (for 조현) ends the name, it starts no other."""
    word = written.lower()
    return (
        "-" not in word
        and word not in _COMMON_CAPITALIZED
        and word not in ENGLISH_STAND_INS
        and word not in _AMBIGUOUS_FAMILY_SPELLINGS
        and looks_like_given_name(written, 1)
    )


def _reads_as_spaced_given_name(parts: list[_Token]) -> bool:
    """Two words, each one given-name syllable ("Hyun Jun", AP's "Jong Un"); either may also be
    a family name's spelling ("Hyun", "Min"), but not an English word or a hyphenated name."""
    texts = [p.text for p in parts]
    return all(
        "-" not in text
        and text.lower() not in _COMMON_CAPITALIZED
        and text.lower() not in ENGLISH_STAND_INS
        for text in texts
    ) and looks_like_given_name(" ".join(texts), 2)


def _source_writes(source: str, family: str, given: str, name: str) -> bool:
    """Some run of syllables in the Korean is this family and given name ("Kim Yo-jong" → 김여정),
    other than a part of the name itself (the "Hong Jae" of "Hong Jae Mun" is in 홍재민)."""
    for hangul in _HANGUL.finditer(source):
        word = hangul.group(0)
        for p in range(len(word)):
            if not spells_family_name(family, word[p]):
                continue
            for size in (1, 2, 3):
                given_part = word[p + 1 : p + 1 + size]
                if len(given_part) < size or name.startswith(word[p] + given_part):
                    continue
                if spells_syllables(given, given_part):
                    return True
    return False


def _spoken_alike(name: str, sounds: set[tuple[str, str]]) -> bool:
    """The whole name, romanized, sounds like a capitalized English word ("Oshima"), from its
    first sound on (so "이재명" is not "Jaemyung")."""
    skeleton = hangul_skeleton(name)
    return len(skeleton) >= 2 and (leading_sound(romanize_syllables(name)), skeleton) in sounds


def _written_by_sound(name: KoreanName, runs: list[list[_Token]]) -> bool:
    """The English writes the whole word by its sound, the way places are ("Seocho-gu")."""
    for run in runs:
        for i in range(len(run)):
            for j in range(i + 1, min(len(run), i + 3) + 1):
                written = " ".join(t.text for t in run[i:j])
                if spells_syllables(written, name.form):
                    return True
    return False


def _termbase_covers(context: CheckContext, start: int, end: int) -> bool:
    if context.termbase is None:
        return False
    return any(m.start <= start and end <= m.end for m in context.termbase.match(context.source))


def _stray_family_name(
    runs: list[list[_Token]], names: list[KoreanName], source: str
) -> _Token | None:
    """A Korean family name in the English ("Park") that no name in the Korean accounts for."""
    for run in runs:
        for i, token in enumerate(run):
            word = token.text
            if (
                not is_family_spelling(word)
                or word.isupper()  # a dateline or an acronym: "HONG KONG (CNN)"
                or word.lower() in _AMBIGUOUS_FAMILY_SPELLINGS
                or any(spells_family_name(word, n.family) for n in names)
                or (i + 1 < len(run) and not _reads_as_given_name(run[i + 1].text, 2))
            ):
                continue
            if not any(spells_family_name(word, s) for s in set(source) if s in SURNAMES):
                return token
    return None


def _foreign_names_present(context: CheckContext, runs: list[list[_Token]]) -> bool:
    """The English has capitalized names the Korean does not account for: a name that is no
    Korean one ("양조위" → "Tony Leung") may be among them."""
    source_latin = context.source.lower()
    for run in runs:
        for token in run:
            word = token.text.lower()
            if token.start == 0 or word in _COMMON_CAPITALIZED or word in source_latin:
                continue
            if word in ENGLISH_STAND_INS or is_family_spelling(word) or len(word) < 3:
                continue
            return True
    return False


class NamesCheck:
    name = "names"
    description = "personal names and Latin-script names in the source are in the translation"

    def run(self, context: CheckContext) -> list[Finding]:
        runs = _english_runs(context.target)
        words = {w.lower() for w in _WORD.findall(context.target)}
        sounds = {
            (leading_sound(w), sound_skeleton(w)) for w in _CAPITALIZED.findall(context.target)
        }
        names = find_korean_names(context.source)
        findings = [
            f
            for name in names
            if (f := self._check_name(context, name, names, runs, words, sounds)) is not None
        ]
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

    def _check_name(
        self,
        context: CheckContext,
        name: KoreanName,
        names: list[KoreanName],
        runs: list[list[_Token]],
        words: set[str],
        sounds: set[tuple[str, str]],
    ) -> Finding | None:
        reading = _read(name, runs, context.source)
        source_span = (name.start, name.end)
        suggestion = name.romanized
        if reading.verdict in ("full", "reference"):
            return None
        if reading.verdict == "wrong_given":
            swapped = len(name.given) == 2 and spells_syllables(
                reading.given_written, name.given[::-1]
            )
            why = "its given-name syllables swapped" if swapped else "a different given name"
            return finding(
                self.name,
                "name_mismatch",
                "major",
                f"the name {name.form!r} ({suggestion}) is written {reading.written!r}, {why}",
                source_span=source_span,
                target_span=reading.span,
                suggestion=suggestion,
            )
        if reading.verdict == "wrong_family":
            return finding(
                self.name,
                "name_missing",
                "major",
                f"the name {name.form!r} ({suggestion}) is not in the translation: "
                f"{reading.written!r} has another family name",
                source_span=source_span,
                target_span=reading.span,
                suggestion=suggestion,
            )
        if (
            _spoken_alike(name.form, sounds)
            or _written_by_sound(name, runs)
            or _termbase_covers(context, name.start, name.end)
            or (not name.titled and rendering_stems(name.form, context.target))
        ):
            # another language's name ("오시마" → "Oshima"), the terms check's, or a word the
            # bilingual lexicon knows and finds rendered ("오로라": "auroras"), no one's name
            return None
        stray = _stray_family_name(runs, names, context.source)
        if stray is not None:
            return finding(
                self.name,
                "name_missing",
                "major",
                f"the name {name.form!r} ({suggestion}) is not in the translation; "
                f"{stray.text!r} names no one in the source",
                source_span=source_span,
                target_span=(stray.start, stray.end),
                suggestion=suggestion,
            )
        stand_in = words & ENGLISH_STAND_INS
        if not name.titled and not stand_in:
            # an untitled "name" may be a body's short name (표준연: the standards institute),
            # which English tells by its acronym or as "the institute"
            stand_in = (words & _BODY_STAND_INS) | set(_ACRONYM.findall(context.target))
        foreign = not name.titled and _foreign_names_present(context, runs)
        severity = "minor" if stand_in or foreign else "major"
        note = (
            f"; {sorted(stand_in)[0]!r} may refer to them" if stand_in
            else "; the translation may write it in another language's spelling" if foreign
            else ""
        )
        return finding(
            self.name,
            "name_missing",
            severity,
            f"the name {name.form!r} ({suggestion}) is not in the translation{note}",
            source_span=source_span,
            suggestion=suggestion,
        )

    def _latin_missing(self, context: CheckContext) -> list[re.Match[str]]:
        """Latin-script names ("IBM", "ASCI White") the English does not repeat."""
        target = context.target.lower()
        return [
            m
            for m in _LATIN_NAME.finditer(context.source)
            if len(m.group(0)) >= 2
            and any(c.isupper() for c in m.group(0))
            and m.group(0).lower() not in target
            and m.group(0).lower() not in UNIT_SYMBOLS
        ]
