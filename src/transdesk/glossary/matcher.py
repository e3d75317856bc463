"""The in-memory termbase: every Korean form of every approved entry in one Aho–Corasick automaton.

`Termbase.match(text)` scans a sentence once (time grows with the text, not with the number of
entries), keeps the candidates that sit on morpheme boundaries, and resolves overlaps so that the
longest form wins (김정은 국무위원장 over 김정은 and 국무위원장). `Termbase.match_all(text)` gives the
nested and overlapping matches as well, for checks that must see every term the source names.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Protocol

import ahocorasick

from transdesk.glossary.boundaries import ends_on_boundary, starts_on_boundary
from transdesk.glossary.model import TermEntry, TermMatch

# Same-length folding, so offsets in the folded text are offsets in the original.
_FOLD = {ord(c): ord(c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_FOLD.update({0x00A0: 0x20, 0x3000: 0x20, 0x2009: 0x20, 0x202F: 0x20})


def fold(text: str) -> str:
    """Fold ASCII case and unusual spaces without changing the length of the text."""
    return text.translate(_FOLD)


def normalise_form(form: str) -> str:
    return fold(" ".join(unicodedata.normalize("NFC", form).split()))


class Termbase:
    """Approved entries, ready to be found in Korean text."""

    def __init__(self, entries: Iterable[TermEntry], version: str | None = None) -> None:
        self.entries: tuple[TermEntry, ...] = tuple(entries)
        self._automaton = ahocorasick.Automaton()
        for entry in self.entries:
            for form in entry.forms:
                key = normalise_form(form)
                if key and not self._automaton.exists(key):
                    # first entry to claim a form keeps it; the store reports such conflicts
                    self._automaton.add_word(key, (len(key), entry))
        if self.entries:
            self._automaton.make_automaton()
        self.version = version or content_version(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def match(self, text: str) -> list[TermMatch]:
        """Every term occurrence in `text`, longest first on overlaps, in text order."""
        if not self.entries or not text:
            return []
        chosen = _resolve(self._candidates(text))
        return [TermMatch(entry, start, end, text[start:end]) for start, end, entry in chosen]

    def match_all(self, text: str) -> list[TermMatch]:
        """What `match` gives, and the matches nested inside or overlapping them (노동당 inside
        김정은 북한 노동당 총비서), in text order, the enclosing match first. `match` stays what
        the pipeline works from; the checks use this to see every term the source names."""
        if not self.entries or not text:
            return []
        found = sorted(self._candidates(text), key=lambda c: (c[0], c[0] - c[1]))
        return [TermMatch(entry, start, end, text[start:end]) for start, end, entry in found]

    def all_matches(self, text: str) -> list[TermMatch]:
        """Every occurrence on a morpheme boundary, overlapping ones included (크렘린궁 inside
        a longer entry), longest first; the enforcer uses them to catch a nested term's forbidden
        rendering."""
        if not self.entries or not text:
            return []
        found = sorted(self._candidates(text), key=lambda c: (c[0] - c[1], c[0]))
        return [TermMatch(entry, start, end, text[start:end]) for start, end, entry in found]

    def _candidates(self, text: str) -> Iterator[tuple[int, int, TermEntry]]:
        for last, (length, entry) in self._automaton.iter(fold(text)):
            start, end = last + 1 - length, last + 1
            if starts_on_boundary(text, start) and ends_on_boundary(text, end):
                yield start, end, entry

    def signature(self) -> dict[str, object]:
        return {"version": self.version, "entries": len(self.entries)}

    def current(self) -> Termbase:
        """A fixed termbase is its own source (the store's `current()` reloads on change)."""
        return self


class TermbaseSource(Protocol):
    """Where a stage gets the termbase for the article in hand: the desk's `TermbaseStore`
    (reloaded when an editor changes it) or a fixed `Termbase`."""

    def current(self) -> Termbase: ...


def _resolve(
    candidates: Iterable[tuple[int, int, TermEntry]],
) -> list[tuple[int, int, TermEntry]]:
    """Longest match wins; among equals the leftmost; chosen spans never overlap."""
    ordered = sorted(candidates, key=lambda c: (c[0] - c[1], c[0]))
    chosen: list[tuple[int, int, TermEntry]] = []
    for start, end, entry in ordered:
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, entry))
    chosen.sort(key=lambda c: c[0])
    return chosen


def content_version(entries: Iterable[TermEntry]) -> str:
    """A short hash of what the entries say (not who changed them when)."""
    digest = hashlib.sha256()
    for entry in sorted(entries, key=lambda e: (e.source, e.target)):
        record = [entry.source, entry.target, entry.later, entry.variants, entry.forbidden]
        digest.update(json.dumps(record, ensure_ascii=False).encode())
    return digest.hexdigest()[:12]
