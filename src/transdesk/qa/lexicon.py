"""The bilingual lexicon the omission checks read: p(English word | Korean content morpheme).

It is learnt by word alignment (eflomal) on the shipped news corpus plus the desk's translation
memory, merged with a learner's dictionary's glosses (`transdesk.qa.lexicon_build`, run as
`python -m transdesk.qa.lexicon_build`), and ships as
`transdesk/data/lexicon/ko-en.tsv.gz` (gzipped text, one Korean key a line; see the README beside
it). At check time nothing is aligned: the checks ask which English stems a Korean morpheme may
become and look for them in the translation (`qa/coverage.py`).

Both sides are cut the same way at build and at check time: Korean into Kiwi morphemes (a verb or
adjective stem takes "다", so 밝히 becomes 밝히다; function morphemes become "form/TAG"), English
into lowercased words reduced to a crude stem ("announced", "announces" → "announc").
"""

from __future__ import annotations

import functools
import gzip
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from transdesk.qa.morph import Morpheme, analyse

log = logging.getLogger(__name__)

LEXICON_RESOURCE = ("transdesk", "data/lexicon/ko-en.tsv.gz")
NEWSROOM_ADDITIONS = ("transdesk", "data/lexicon/newsroom.tsv")
_ADDED_PROBABILITY = 0.2  # a hand-added sense: likely, not the most likely

# morphemes that carry content a translation must render (kiwi tags)
CONTENT_TAGS = frozenset({"NNG", "NNP", "VV", "VA", "XR", "MAG", "NR", "SL", "SH"})
_SKIPPED_TAGS = frozenset({"SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW", "SB", "UN"})
_EN_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z]+(?:'[A-Za-z]+)?|\d+(?:[.,]\d+)*")

# English words that render no Korean content word by themselves
EN_FUNCTION_WORDS = frozenset(
    "a an the of to in on at for with from by as and or but that this these those it its is are "
    "was were be been being has have had do does did will would shall should can could may might "
    "must he she they them their his her him we our us you your i me my not no which who whom "
    "whose what when where while than then there here also so such into over about after before "
    "up out if because all any some more most very just".split()
)

# the irregular forms news copy uses most, to the form the stemmer reduces alike
_IRREGULAR = {
    "said": "say", "says": "say", "met": "meet", "told": "tell", "took": "take", "taken": "take",
    "made": "make", "gave": "give", "given": "give", "went": "go", "gone": "go", "came": "come",
    "held": "hold", "left": "leave", "began": "begin", "begun": "begin", "won": "win",
    "lost": "lose", "found": "find", "got": "get", "saw": "see", "seen": "see",
    "thought": "think", "brought": "bring", "bought": "buy", "sent": "send", "built": "build",
    "fell": "fall", "fallen": "fall", "rose": "rise", "risen": "rise", "paid": "pay",
    "kept": "keep", "led": "lead", "ran": "run", "spent": "spend", "stood": "stand",
    "struck": "strike", "wrote": "write", "written": "write", "spoke": "speak",
    "spoken": "speak", "knew": "know", "known": "know", "grew": "grow", "grown": "grow",
    "chose": "choose", "chosen": "choose", "sold": "sell", "felt": "feel", "heard": "hear",
    "meant": "mean", "shot": "shoot", "broke": "break", "broken": "break", "threw": "throw",
    "flew": "fly", "drew": "draw", "fled": "flee", "born": "bear", "became": "become",
    "men": "man", "women": "woman", "children": "child", "people": "person", "died": "die",
    "killed": "kill", "countries": "country", "better": "good", "best": "good",
    "worse": "bad", "worst": "bad",
}


@functools.lru_cache(maxsize=65_536)
def english_stem(word: str) -> str:
    """A crude English stem, enough to meet a word in its other forms."""
    word = word.lower()
    if "." in word and word[:1].isalpha():
        return word.rstrip(".")  # "U.S." → "u.s"
    if word.endswith("'s"):
        word = word[:-2]
    word = _IRREGULAR.get(word, word)
    if word[:1].isdigit():
        return word.replace(",", "")
    for suffix, keep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""),
                         ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            word = word[: -len(suffix)] + keep
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "stopp(ed)" → "stop"
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def english_tokens(text: str) -> list[str]:
    """The stems of the words of an English text, in order."""
    return [english_stem(w) for w in _EN_WORD.findall(text)]


def morpheme_key(morpheme: Morpheme) -> str:
    """How a morpheme is written in the lexicon ("밝히다", "정부", "은/JX")."""
    if morpheme.tag in ("VV", "VA"):
        return morpheme.form + "다"
    if morpheme.tag == "SL":
        return morpheme.form.lower()
    if morpheme.tag in CONTENT_TAGS or morpheme.tag == "SN":
        return morpheme.form
    return f"{morpheme.form}/{morpheme.tag}"


def korean_tokens(text: str) -> list[str]:
    """The lexicon keys of a Korean sentence's morphemes, punctuation left out, in order."""
    return [
        morpheme_key(m).replace(" ", "_")
        for m in analyse(text)
        if m.tag in ("SL", "SH", "SN") or not (m.tag in _SKIPPED_TAGS or m.tag.startswith("S"))
    ]


class _ParsedOnDemand(Mapping[str, tuple[tuple[str, float], ...]]):
    """Lexicon rows kept as text until asked for: loading 40,000 rows stays quick."""

    def __init__(self, rows: dict[str, str]) -> None:
        self._rows = rows
        self._parsed: dict[str, tuple[tuple[str, float], ...]] = {}

    def __getitem__(self, key: str) -> tuple[tuple[str, float], ...]:
        parsed = self._parsed.get(key)
        if parsed is None:
            pairs = []
            for cell in self._rows[key].split():
                word, _, probability = cell.rpartition(":")
                pairs.append((word, float(probability)))
            parsed = self._parsed[key] = tuple(pairs)
        return parsed

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, key: object) -> bool:
        return key in self._rows


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Korean key → (English stem, probability), most likely first (hashed by identity)."""

    entries: Mapping[str, tuple[tuple[str, float], ...]]

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def translations(self, key: str, min_probability: float = 0.0) -> tuple[str, ...]:
        return tuple(w for w, p in self.entries.get(key, ()) if p >= min_probability)

    def dumps(self, header: Sequence[str] = ()) -> str:
        lines = [f"# {line}" if line else "#" for line in header]
        for key in sorted(self.entries):
            cells = " ".join(f"{w}:{p:.2f}" for w, p in self.entries[key])
            lines.append(f"{key}\t{cells}")
        return "\n".join(lines) + "\n"

    @classmethod
    def loads(cls, text: str) -> Lexicon:
        """The lexicon of a file's text (each line parsed when its key is first asked for)."""
        rows: dict[str, str] = {}
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                key, _, cells = line.partition("\t")
                rows[key] = cells
        return cls(_ParsedOnDemand(rows))

    @classmethod
    def from_counts(
        cls,
        counts: Mapping[str, Mapping[str, float]],
        min_probability: float = 0.1,
        per_entry: int = 6,
        min_links: float = 1.0,
    ) -> Lexicon:
        """p(en|ko) from link counts, content morphemes only, among the English content words;
        a translation needs `min_links` links (half a link per direction of one alignment)."""
        function_stems = {english_stem(w) for w in EN_FUNCTION_WORDS}
        entries = {}
        for key, row in counts.items():
            if "/" in key or key[:1].isdigit():
                continue  # function morphemes; figures are compared as figures
            content = {w: c for w, c in row.items() if w not in function_stems}
            total = sum(content.values())
            if not total:
                continue
            ranked = sorted(
                ((w, c / total) for w, c in content.items() if c >= min_links),
                key=lambda item: (-item[1], item[0]),
            )
            kept = tuple((w, round(p, 2)) for w, p in ranked[:per_entry] if p >= min_probability)
            if kept:
                entries[key] = kept
        return cls(entries)


    def merged(self, other: Lexicon, per_entry: int = 12) -> Lexicon:
        """Both lexicons' translations, each probability the mean of the two (0 where absent)."""
        entries = {}
        for key in set(self.entries) | set(other.entries):
            mine, theirs = dict(self.entries.get(key, ())), dict(other.entries.get(key, ()))
            order = list(dict.fromkeys([*mine, *theirs]))  # ties keep the first sense first
            mixed = {w: (mine.get(w, 0.0) + theirs.get(w, 0.0)) / 2 for w in order}
            ranked = sorted(mixed.items(), key=lambda item: (-item[1], order.index(item[0])))
            ranked = ranked[:per_entry]
            entries[key] = tuple((w, max(0.01, round(p, 2))) for w, p in ranked)
        return Lexicon(entries)


# words of dictionary glosses that render nothing by themselves ("be hit by", "one's")
_GLOSS_FILLERS = frozenset(
    "one one's someone someone's something oneself state being get make become kind sort "
    "thing way".split()
)


def gloss_lexicon(glosses: Mapping[str, Iterable[str]], per_entry: int = 12) -> Lexicon:
    """A lexicon from dictionary glosses (headword → "trend; tendency" strings): each sense's
    content words, stemmed, sharing the headword's probability equally."""
    function_stems = {english_stem(w) for w in EN_FUNCTION_WORDS | _GLOSS_FILLERS}
    entries = {}
    for headword, senses in glosses.items():
        stems: list[str] = []
        for gloss in senses:
            for sense in gloss.split(";"):
                content = [w for w in english_tokens(sense) if w not in function_stems]
                stems += [w for w in content if w not in stems]
        if stems:
            share = round(1 / len(stems), 2)
            entries[headword] = tuple((w, max(0.01, share)) for w in stems[:per_entry])
    return Lexicon(entries)


def read_lexicon(path: Path) -> Lexicon:
    data = path.read_bytes()
    return Lexicon.loads((gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8"))


@functools.cache
def shipped_lexicon() -> Lexicon:
    """The lexicon that ships with the desk, with the newsroom's additions (empty if the data
    file is missing: the checks that read it then find no evidence and stay quiet)."""
    package, name = LEXICON_RESOURCE
    try:
        data = resources.files(package).joinpath(name).read_bytes()
    except FileNotFoundError:
        log.warning("no bilingual lexicon at %s: coverage tests are off", name)
        return Lexicon({})
    lexicon = Lexicon.loads(gzip.decompress(data).decode("utf-8"))
    package, name = NEWSROOM_ADDITIONS
    additions = resources.files(package).joinpath(name).read_text("utf-8")
    return with_additions(lexicon, read_additions(additions))


def read_additions(text: str) -> dict[str, tuple[str, ...]]:
    """Hand additions (key, then English words; "#" comments), as the words' stems."""
    additions: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, words = line.partition("\t")
            stems = dict.fromkeys(english_stem(w) for w in re.split(r"[\s-]+", words) if w)
            additions[key.strip()] = tuple(stems)
    return additions


def with_additions(lexicon: Lexicon, additions: Mapping[str, Iterable[str]]) -> Lexicon:
    """The lexicon with each added stem among its key's translations."""
    return Lexicon(_Added(lexicon.entries, additions))


class _Added(Mapping[str, tuple[tuple[str, float], ...]]):
    """A lexicon's rows, with hand-added stems appended where they are new."""

    def __init__(
        self,
        base: Mapping[str, tuple[tuple[str, float], ...]],
        additions: Mapping[str, Iterable[str]],
    ) -> None:
        self._base = base
        self._additions = {key: tuple(stems) for key, stems in additions.items()}

    def __getitem__(self, key: str) -> tuple[tuple[str, float], ...]:
        added = self._additions.get(key)
        if added is None:
            return self._base[key]
        row = self._base.get(key, ())
        known = {w for w, _ in row}
        return (*row, *((w, _ADDED_PROBABILITY) for w in added if w not in known))

    def __iter__(self) -> Iterator[str]:
        yield from self._base
        yield from (key for key in self._additions if key not in self._base)

    def __len__(self) -> int:
        return len(self._base) + sum(1 for key in self._additions if key not in self._base)

    def __contains__(self, key: object) -> bool:
        return key in self._additions or key in self._base

