"""Placeholder protection for seq2seq engines: ⟦T0⟧ in the Korean, the approved English after.

A sentence-to-sentence model cannot be told which rendering to use, but it copies an opaque token
through. The term is swapped for `⟦T{n}⟧` before the engine (Korean particles stay attached:
`⟦T0⟧은`), and the token is swapped for the approved rendering after. Models sometimes mangle the
token (`[T0]`, `⟦T0`, `T0⟧`); those forms are recognised too. A token that is gone altogether is
reported to the caller, which decides between "the model wrote the term anyway" and a flag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from transdesk.glossary.plan import PlannedTerm
from transdesk.glossary.renderings import substitute

_ANY_TOKEN = re.compile(r"[⟦\[【]\s*T\s*(\d{1,3})\s*[⟧\]】]|⟦T(\d{1,3})|\bT(\d{1,3})⟧")


def protect(text: str, planned: Sequence[PlannedTerm]) -> tuple[str, tuple[str, ...]]:
    """Swap each planned term in `text` for its token; returns the text and the tokens used.

    `text` is normally the segment itself (the match offsets apply); if an earlier stage rewrote
    it, each surface is looked up again from left to right, and a term no longer there is left
    unprotected.
    """
    pieces: list[str] = []
    tokens: list[str] = []
    position = 0
    for term in planned:
        start = text.find(term.match.surface, position)
        if start < 0:
            continue
        pieces += [text[position:start], term.token]
        tokens.append(term.token)
        position = start + len(term.match.surface)
    pieces.append(text[position:])
    return "".join(pieces), tuple(tokens)


@dataclass(frozen=True, slots=True)
class Restored:
    text: str
    restored: tuple[PlannedTerm, ...]  # tokens found (exact or mangled) and replaced
    missing: tuple[PlannedTerm, ...]  # tokens the engine dropped
    stray: tuple[str, ...]  # token-like leftovers that belong to no planned term


def restore(text: str, planned: Sequence[PlannedTerm], tokens: Sequence[str]) -> Restored:
    """Replace every (possibly mangled) token with its term's rendering, right to left."""
    by_index = {p.index: p for p in planned if p.token in tokens}
    occurrences = [
        (m, int(next(g for g in m.groups() if g is not None))) for m in _ANY_TOKEN.finditer(text)
    ]
    first = {}
    for position, (_, index) in enumerate(occurrences):
        first.setdefault(index, position)
    stray: list[str] = []
    for position in range(len(occurrences) - 1, -1, -1):
        match, index = occurrences[position]
        term = by_index.get(index)
        if term is None:
            stray.append(match.group())
            text = text[: match.start()] + text[match.end() :]
            continue
        rendering = term.rendering if first[index] == position else term.later
        text = substitute(text, match.start(), match.end(), rendering)
    text = re.sub(r" {2,}", " ", text).strip()
    restored = tuple(p for i, p in sorted(by_index.items()) if i in first)
    missing = tuple(p for i, p in sorted(by_index.items()) if i not in first)
    return Restored(text, restored, missing, tuple(reversed(stray)))
