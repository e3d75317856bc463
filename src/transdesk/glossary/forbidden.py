"""Find forbidden renderings of the matched terms in an engine's English, and repair them.

A forbidden rendering ("Kremlin Palace" for 크렘린궁) is replaced by the approved one when it is
unambiguous which term it stands for; when two matched terms claim the same wrong words with
different approved renderings, the sentence is left as it is and flagged for an editor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from transdesk.glossary.approved import approved_forms, carries
from transdesk.glossary.model import TermEntry
from transdesk.glossary.renderings import phrase_pattern, substitute


@dataclass(frozen=True, slots=True)
class Subject:
    """A term found in the source and the renderings its mentions get, in order."""

    entry: TermEntry
    renderings: tuple[str, ...]
    source_span: tuple[int, int]

    def rendering_for(self, mention: int) -> str:
        if mention < len(self.renderings):
            return self.renderings[mention]
        return self.entry.later or self.entry.target


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    text: str
    subject: Subject
    rendering: str
    ambiguous: bool


def find_hits(text: str, subjects: Sequence[Subject]) -> list[Hit]:
    """Every forbidden rendering in `text`, longest forms first, never two on the same words."""
    raw: list[tuple[int, int, Subject]] = []
    for subject in subjects:
        for form in sorted(subject.entry.forbidden, key=len, reverse=True):
            for m in phrase_pattern(form).finditer(text):
                if all(m.end() <= s or m.start() >= e for s, e, _ in raw):
                    raw.append((m.start(), m.end(), subject))
    mentions: dict[int, int] = {}
    hits = []
    for start, end, subject in sorted(raw, key=lambda r: r[0]):
        mention = mentions.get(id(subject.entry), 0)
        mentions[id(subject.entry)] = mention + 1
        rendering = subject.rendering_for(mention)
        claims = _claimants(text[start:end], subjects)
        ambiguous = len({s.rendering_for(0) for s in claims}) > 1
        hits.append(Hit(start, end, text[start:end], subject, rendering, ambiguous))
    return hits


def _claimants(words: str, subjects: Sequence[Subject]) -> list[Subject]:
    folded = " ".join(words.lower().split())
    return [
        s for s in subjects if any(" ".join(f.lower().split()) == folded for f in s.entry.forbidden)
    ]


def repair(text: str, hits: Sequence[Hit]) -> str:
    """Replace the unambiguous hits with their approved rendering (right to left)."""
    for hit in sorted(hits, key=lambda h: h.start, reverse=True):
        if not hit.ambiguous:
            text = substitute(text, hit.start, hit.end, hit.rendering)
    return text


def accepted_forms(entry: TermEntry) -> list[str]:
    """Ways the approved rendering may legitimately appear: with or without "the", the spelled-out
    name or its abbreviation in parentheses ("Korean Central News Agency (KCNA)"), and the other
    news-style shapes `transdesk.glossary.approved` lists."""
    return list(approved_forms(entry))


def carries_rendering(text: str, entry: TermEntry) -> bool:
    return carries(text, entry)
