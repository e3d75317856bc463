"""How much of a Korean sentence an English text accounts for, word by word.

A Korean sentence's content is its content morphemes (Kiwi), its figures and its Latin-script
words. Each one is *known* when there is a way to tell whether the English renders it: the
shipped bilingual lexicon (`qa/lexicon.py`) has it, it is a figure, it is written in Latin
letters, or it is a proper noun (romanized, it should sound alike). A known item is *covered* when
the English has one of its lexicon translations, the same figure, the same Latin word, or a word
that sounds like its romanization. The share covered tells a sentence the English renders from
one it leaves out, with no alignment run at check time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from transdesk.qa.lexicon import Lexicon, english_tokens, morpheme_key, shipped_lexicon
from transdesk.qa.morph import Morpheme, analyse
from transdesk.qa.quantities import english_quantities, korean_quantities, values_match
from transdesk.qa.romanize import SURNAMES, hangul_skeleton, sound_skeleton, split_name

_WORD_TAGS = frozenset({"NNG", "NNP", "VV", "VA", "XR", "MAG", "NR"})
# verbs Korean uses as prepositions ("위해": in order to, "대해": about, "통해": through): English
# tells them with a function word, so they are no content the English must carry
_GRAMMATICAL = frozenset({"위하", "대하", "통하", "따르", "관하", "의하", "비하", "향하"})
_HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_NAME_RUN = re.compile(r"[A-Z][A-Za-z']*(?:(?:\s|-)[A-Z][A-Za-z']*|-[a-z]+)*")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# a figure followed by these names a day, a month or a clock time: often rendered otherwise
_DATE_UNITS = tuple("일월시분")
_MIN_PREFIX = 5  # a lexicon stem this long also covers English words it begins
_MIN_SKELETON = 2  # consonants a romanized word needs before its sound counts as a match


@dataclass(frozen=True)
class Coverage:
    """Known content items of a Korean text, those the English covers, and those it lacks."""

    known: int
    covered: int
    missing: tuple[str, ...]
    missing_anchors: tuple[str, ...] = ()  # the figures, names and Latin words among `missing`

    @property
    def share(self) -> float:
        """Covered share of the known items (1.0 when nothing is known: no evidence)."""
        return self.covered / self.known if self.known else 1.0


@dataclass(frozen=True)
class _English:
    stems: frozenset[str]
    latin: frozenset[str]
    skeletons: tuple[str, ...]
    word_skeletons: frozenset[str]
    words: frozenset[str]
    figures: tuple[float, ...]
    initials: frozenset[str] = frozenset()

    @functools.cached_property
    def stems_by_prefix(self) -> dict[str, tuple[str, ...]]:
        """The stems by their first `_MIN_PREFIX` letters: a stem another begins, or one of its
        word family, shares those letters with it, so `_stems_of` reads one bucket, not all."""
        buckets: dict[str, list[str]] = {}
        for stem in self.stems:
            if len(stem) >= _MIN_PREFIX:
                buckets.setdefault(stem[:_MIN_PREFIX], []).append(stem)
        return {prefix: tuple(stems) for prefix, stems in buckets.items()}


# the small words a name's initials skip: "Ministry of Foreign Affairs" is "MFA"
_NAME_JOINERS = frozenset({"of", "and", "for", "the", "on", "&"})
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")


def _initials(text: str) -> frozenset[str]:
    """The acronyms the English's capitalised names spell: "Metropolitan Transit Authority"
    gives "MTA" (and "MT", "TA"), "International Olympic Committee" "IOC". A Korean that glosses
    a name with its acronym is rendered by an English that spells the name out."""
    found: set[str] = set()
    words = re.findall(r"[A-Za-z][A-Za-z'-]*|&", text)
    run: list[str] = []
    for word in [*words, "."]:
        if word[:1].isupper() and not word.isupper():
            run.append(word[0])
            continue
        if word.lower() in _NAME_JOINERS and run:
            continue  # "Ministry of Foreign Affairs": "MFA"
        for i in range(len(run)):
            for j in range(i + 2, len(run) + 1):
                found.add("".join(run[i:j]))
        run = []
    return frozenset(found)


@functools.lru_cache(maxsize=4096)
def _english(text: str) -> _English:
    # a name may run over a hyphen or a space: "Kim Jong-un" sounds as one ("kmjnn")
    skeletons = {sound_skeleton(run) for run in _NAME_RUN.findall(text)}
    words = {sound_skeleton(w) for w in _EN_WORD.findall(text) if w[:1].isupper()}
    # a loanword is written in lower case ("coronavirus"): matched on three sounds or more
    skeletons |= words | {sound_skeleton(w) for w in _EN_WORD.findall(text) if len(w) >= 5}
    return _English(
        stems=frozenset(english_tokens(text)),
        latin=frozenset(w.lower() for w in _LATIN.findall(text)),
        skeletons=tuple(s for s in skeletons if s),
        word_skeletons=frozenset(words),
        words=frozenset(re.findall(r"[A-Z][a-z]*", text)),
        figures=tuple(q.value for q in english_quantities(text)),
        initials=_initials(text),
    )


def _latin_in(word: str, english: _English) -> bool:
    """A Latin word of the Korean is in the English, or is the acronym of a name it spells out."""
    return word.lower() in english.latin or bool(
        _ACRONYM.match(word) and word in english.initials
    )


_PARENTHESIS = re.compile(r"\(([^()]*)\)")
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z'-]+")


def _glossed_spans(korean: str, english: _English) -> list[tuple[int, int]]:
    """The Korean words that gloss a Latin name the English has: in "뉴욕 대중교통 당국
    (Metropolitan Transit Authority, MTA)" the three Korean words before the parenthesis are the
    name the English writes, however it renders them. A name of n words is glossed by at most n
    Korean words."""
    spans = []
    for match in _PARENTHESIS.finditer(korean):
        name = match.group(1).split(",")[0]
        words = _LATIN_NAME.findall(name)
        if len(words) < 2 or sum(w.lower() in english.latin for w in words) * 2 < len(words):
            continue
        start = match.start()
        before = korean[:start].rstrip()
        eojeols = list(re.finditer(r"\S+", before))[-len(words) :]
        if eojeols:
            spans.append((eojeols[0].start(), match.start()))
    return spans


def _sounds_in(hangul: str, english: _English) -> bool:
    """The romanized Korean word sounds like an English word (or runs inside a spelled name)."""
    if not _HANGUL.match(hangul):
        return False
    skeleton = hangul_skeleton(hangul)
    if len(skeleton) < _MIN_SKELETON:
        return False
    if len(skeleton) == _MIN_SKELETON:
        return skeleton in english.word_skeletons
    return any(
        s == skeleton or (len(skeleton) >= 3 and (s.startswith(skeleton) or skeleton in s))
        for s in english.skeletons
    )


def _name_in(name: str, english: _English) -> bool:
    """A Korean personal name is in the English: its family name in a common spelling, and its
    given name sounding alike ("박민영": "Park Min-young", "Park Minyoung")."""
    family, given = split_name(name)  # type: ignore[misc]
    if not set(SURNAMES[family]) & english.words:
        return False
    skeleton = hangul_skeleton(given)
    return any(skeleton in s for s in english.skeletons) if skeleton else True


def _stems_of(stem: str, english: _English) -> frozenset[str]:
    """The English stems that render the lexicon stem: itself, those it begins ("relation" in
    "relationship", "import" in "importance") when it is long enough not to be chance, and those
    of the same word family ("respons" for "respond")."""
    found = {stem} & english.stems
    if len(stem) >= _MIN_PREFIX:
        bucket = english.stems_by_prefix.get(stem[:_MIN_PREFIX], ())
        found |= {s for s in bucket if s.startswith(stem) or _same_family(stem, s)}
    return frozenset(found)


def _spelled_as_name(word: str, english: _English) -> bool:
    """A three-syllable proper noun the English spells as a person's name: its first syllable
    as a family name and the other two sounding alike. `split_name` does not take a given name
    that ends as a place name does ("태산", "민도"), but the English that writes the name shows
    it is one."""
    if len(word) != 3 or not _HANGUL.match(word) or word[0] not in SURNAMES:
        return False
    spellings = set(SURNAMES[word[0]]) & english.words
    skeleton = hangul_skeleton(word[1:])
    if not spellings or len(skeleton) < _MIN_SKELETON:
        return False
    # the family name and the given name together, as one name run: "Park Tae-san"
    written = {sound_skeleton(f) + skeleton for f in spellings}
    return any(w in s for w in written for s in english.skeletons)


def _stem_in(stem: str, english: _English) -> bool:
    """The stem is among the English stems, or begins one, or is of its word family."""
    return bool(_stems_of(stem, english))


_MIN_FAMILY_PREFIX = 6  # never under _MIN_PREFIX: `stems_by_prefix` relies on it


def _same_family(stem: str, other: str) -> bool:
    """Two stems of one word family that differ in their last letter only: "respons" (response)
    and "respond", "suspens" (suspension) and "suspend". Long enough a shared beginning is not
    chance."""
    if abs(len(stem) - len(other)) > 1 or len(stem) <= _MIN_FAMILY_PREFIX:
        return False
    return stem[:-1] == other[: len(stem) - 1]


def content_keys(korean: str) -> frozenset[str]:
    """The lexicon keys of a Korean text's content words and the surfaces of its figures."""
    keys = {q.surface for q in korean_quantities(korean)}
    keys |= {morpheme_key(m) for m in analyse(korean) if m.tag in _WORD_TAGS or m.tag == "SL"}
    return frozenset(keys)


def coverage(
    korean: str,
    english: str,
    lexicon: Lexicon | None = None,
    shared: frozenset[str] = frozenset(),
    claimed: frozenset[str] = frozenset(),
) -> Coverage:
    """Which content items of `korean` the English text `english` accounts for. Items whose key
    is in `shared` (`content_keys` of the sentences merged with this one) are left out: a word
    two sentences share is no evidence that the English renders this one. So are the words whose
    only renderings in the English are `claimed` (`rendering_stems` of the sentences merged with
    this one): the "said" that renders one sentence's 말했다 is no evidence that the English
    renders the other sentence's 밝혔다."""
    lexicon = lexicon if lexicon is not None else shipped_lexicon()
    target = _english(english)
    known = covered = 0
    missing: list[str] = []
    anchors: list[str] = []

    def count(item: str, found: bool, anchor: bool = False) -> None:
        nonlocal known, covered
        known += 1
        if found:
            covered += 1
        else:
            missing.append(item)
            if anchor:
                anchors.append(item)

    glossed = _glossed_spans(korean, target)
    figure_spans = []
    for quantity in korean_quantities(korean):
        figure_spans.append((quantity.start, quantity.end))
        if korean[quantity.end : quantity.end + 1].startswith(_DATE_UNITS):
            continue
        if quantity.surface in shared:
            continue
        found = any(values_match(quantity.value, v) for v in target.figures)
        count(quantity.surface, found, anchor=True)
    morphemes = analyse(korean)
    for index, morpheme in enumerate(morphemes):
        if any(s <= morpheme.start < e for s, e in figure_spans):
            continue
        if morpheme_key(morpheme) in shared:
            continue
        if morpheme.tag == "SL":
            count(morpheme.form, _latin_in(morpheme.form, target), anchor=True)
            continue
        if morpheme.tag not in _WORD_TAGS or morpheme.form in _GRAMMATICAL:
            continue
        if any(s <= morpheme.start < e for s, e in glossed):
            count(morpheme.form, True)  # part of a glossed name the English writes
            continue
        key = morpheme_key(morpheme)
        translations = word_translations(lexicon, morphemes, index)
        rendered = _renderings(translations, target)
        if rendered and claimed and rendered <= claimed:
            continue  # rendered only by words that render a sentence beside it: no evidence
        if rendered:
            count(morpheme.form, True)
        elif morpheme.tag == "NNP" and _spelled_as_name(morpheme.form, target):
            count(morpheme.form, True)  # "박태산": "Park Tae-san", a given name like a place's
        elif morpheme.tag == "NNP" and split_name(morpheme.form):
            count(morpheme.form, _name_in(morpheme.form, target), anchor=True)
        elif morpheme.tag == "NNP" and morpheme.form in SURNAMES:
            count(morpheme.form, bool(set(SURNAMES[morpheme.form]) & target.words), anchor=True)
        elif (morpheme.tag == "NNP" or not translations) and _sounds_in(morpheme.form, target):
            count(morpheme.form, True)  # a name, or a loanword the lexicon does not know
        elif translations or morpheme.tag == "NNP":
            count(morpheme.form, False, anchor=morpheme.tag == "NNP")
    return Coverage(known, covered, tuple(missing), tuple(anchors))



def _renderings(translations: tuple[str, ...], english: _English) -> frozenset[str]:
    """The English stems that render any of a word's lexicon translations."""
    found: frozenset[str] = frozenset()
    for translation in translations:
        found |= _stems_of(translation, english)
    return found


def rendering_stems(
    korean: str,
    english: str,
    lexicon: Lexicon | None = None,
    shared: frozenset[str] = frozenset(),
) -> frozenset[str]:
    """The English stems that render the lexicon words of `korean` (those whose key is not in
    `shared`): what of the English this sentence accounts for, so that a sentence merged with it
    is not credited with the same words."""
    lexicon = lexicon if lexicon is not None else shipped_lexicon()
    target = _english(english)
    found: frozenset[str] = frozenset()
    morphemes = analyse(korean)
    for index, morpheme in enumerate(morphemes):
        if morpheme.tag not in _WORD_TAGS or morpheme_key(morpheme) in shared:
            continue
        found |= _renderings(word_translations(lexicon, morphemes, index), target)
    return found


# the suffixes that make a verb of a noun: 금지 + 하 (prohibit), 포함 + 되 (be included)
_VERB_SUFFIXES = {"XSV": ("하", "되", "시키"), "XSA": ("하",)}


def word_translations(
    lexicon: Lexicon, morphemes: Sequence[Morpheme], index: int
) -> tuple[str, ...]:
    """The lexicon's translations of the content word at `index`: a noun made a verb by the
    suffix after it ("금지한": 금지 + 하) is also looked up as that verb ("금지하다": ban,
    prohibit), whose glosses the noun's entry may lack."""
    morpheme = morphemes[index]
    translations = lexicon.translations(morpheme_key(morpheme))
    following = morphemes[index + 1] if index + 1 < len(morphemes) else None
    if morpheme.tag == "NNG" and following is not None:
        if following.form in _VERB_SUFFIXES.get(following.tag, ()):
            verb = lexicon.translations(morpheme.form + following.form + "다")
            translations = (*translations, *(t for t in verb if t not in translations))
    return translations
