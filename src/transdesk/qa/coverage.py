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
from dataclasses import dataclass

from transdesk.qa.lexicon import Lexicon, english_tokens, morpheme_key, shipped_lexicon
from transdesk.qa.morph import analyse
from transdesk.qa.quantities import english_quantities, korean_quantities, values_match
from transdesk.qa.romanize import SURNAMES, hangul_skeleton, sound_skeleton, split_name

_WORD_TAGS = frozenset({"NNG", "NNP", "VV", "VA", "XR", "MAG", "NR"})
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
    )


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


def _stem_in(stem: str, english: _English) -> bool:
    """The stem is among the English stems, or begins one of them ("relation" in
    "relationship", "import" in "importance") when it is long enough not to be chance."""
    if stem in english.stems:
        return True
    return len(stem) >= _MIN_PREFIX and any(s.startswith(stem) for s in english.stems)


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
) -> Coverage:
    """Which content items of `korean` the English text `english` accounts for. Items whose key
    is in `shared` (`content_keys` of the sentences merged with this one) are left out: a word
    two sentences share is no evidence that the English renders this one."""
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

    figure_spans = []
    for quantity in korean_quantities(korean):
        figure_spans.append((quantity.start, quantity.end))
        if korean[quantity.end : quantity.end + 1].startswith(_DATE_UNITS):
            continue
        if quantity.surface in shared:
            continue
        found = any(values_match(quantity.value, v) for v in target.figures)
        count(quantity.surface, found, anchor=True)
    for morpheme in analyse(korean):
        if any(s <= morpheme.start < e for s, e in figure_spans):
            continue
        if morpheme_key(morpheme) in shared:
            continue
        if morpheme.tag == "SL":
            count(morpheme.form, morpheme.form.lower() in target.latin, anchor=True)
            continue
        if morpheme.tag not in _WORD_TAGS:
            continue
        key = morpheme_key(morpheme)
        translations = lexicon.translations(key)
        if translations and any(_stem_in(t, target) for t in translations):
            count(morpheme.form, True)
        elif morpheme.tag == "NNP" and split_name(morpheme.form):
            count(morpheme.form, _name_in(morpheme.form, target), anchor=True)
        elif morpheme.tag == "NNP" and morpheme.form in SURNAMES:
            count(morpheme.form, bool(set(SURNAMES[morpheme.form]) & target.words), anchor=True)
        elif (morpheme.tag == "NNP" or not translations) and _sounds_in(morpheme.form, target):
            count(morpheme.form, True)  # a name, or a loanword the lexicon does not know
        elif translations or morpheme.tag == "NNP":
            count(morpheme.form, False, anchor=morpheme.tag == "NNP")
    return Coverage(known, covered, tuple(missing), tuple(anchors))

