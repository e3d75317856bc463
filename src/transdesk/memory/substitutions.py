"""What an editor's correction changed, word by word, in newsroom terms.

"met at the Kremlin Palace on" → "met at the Kremlin on" is one substitution,
"Kremlin Palace" → "Kremlin": changed words are found with difflib, neighbouring changes a word or
two apart are merged ("Labor Party of North Korea" → "Workers' Party of Korea"), and a change is
widened over the capitalised words around it, so that the wrong rendering of a name or title is
recorded whole rather than as the one word that differed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKEN = re.compile(r"[\w'’\-]+|[^\w\s]")
_MERGE_GAP = 2  # unchanged words between two changes that still make them one substitution
_NAME_LINKS = frozenset({"of", "the", "for", "and", "de"})  # inside names: Party of Korea
MAX_CHARS = 500


@dataclass(frozen=True, slots=True)
class Substitution:
    removed: str  # the words the editor took out ("" for a pure insertion)
    inserted: str  # the words the editor put in ("" for a pure deletion)


def _join(tokens: list[str]) -> str:
    return re.sub(r" ([,.;:!?)\]”’])", r"\1", " ".join(tokens)).strip()[:MAX_CHARS]


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _inside_name(tokens: list[str]) -> bool:
    return all(_capitalised(t) or t.lower() in _NAME_LINKS for t in tokens)


def substitutions(before: str, after: str) -> list[Substitution]:
    """The substitutions that turn `before` into `after`, in order."""
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    regions = _changed_regions(opcodes, old)
    found = []
    for i1, i2, j1, j2 in regions:
        while i1 > 0 and j1 > 0 and old[i1 - 1] == new[j1 - 1] and _capitalised(old[i1 - 1]):
            i1, j1 = i1 - 1, j1 - 1
        while i2 < len(old) and j2 < len(new) and old[i2] == new[j2] and _capitalised(old[i2]):
            i2, j2 = i2 + 1, j2 + 1
        change = Substitution(_join(old[i1:i2]), _join(new[j1:j2]))
        if change.removed != change.inserted:
            found.append(change)
    return found


def _changed_regions(
    opcodes: list[tuple[str, int, int, int, int]], old: list[str]
) -> list[list[int]]:
    """Changed token ranges [i1, i2, j1, j2]; two changes a name's words apart become one."""
    regions: list[list[int]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        gap = old[regions[-1][1] : i1] if regions else []
        if regions and len(gap) <= _MERGE_GAP and _inside_name(gap):
            regions[-1][1], regions[-1][3] = i2, j2
        else:
            regions.append([i1, i2, j1, j2])
    return regions


def name_containing(text: str, words: set[str]) -> str | None:
    """The run of capitalised words (a name or title) in `text` holding one of `words`."""
    tokens = _TOKEN.findall(text)
    wanted = {w.casefold() for w in words}
    runs, current = [], []
    for token in tokens:
        if _capitalised(token) or (current and token.lower() in _NAME_LINKS):
            current.append(token)
        else:
            runs.append(current)
            current = []
    runs.append(current)
    for run in runs:
        while run and not _capitalised(run[-1]):
            run.pop()
        if any(t.casefold() in wanted for t in run):
            return _join(run)
    return None
