"""What an editor changed in a sentence, word by word, in newsroom terms.

One tokeniser and one alignment serve every reader of an edit. A date is one word ("Sept. 2"), a
figure is one word ("3,000"), so "on the 2nd" → "on Sept. 2" is the single change "the 2nd" →
"Sept. 2".

- `changes` gives each run of differing words widened by one neighbouring name word
  ("Commissioner Kim" → "leader Kim"): specific enough to look for in other articles, narrow enough
  to find there; the correction note and the regression case speak of these.
- `substitutions` gives what the memory counts and the termbase learns: runs a name's words apart
  are one substitution ("Labor Party of North Korea" → "Workers' Party of Korea") and each is
  widened over the capitalised words around it, so a name or title is recorded whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_DATE = (
    r"(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.(?:\s\d{1,2}(?![\d,.]\d))?"
    r"|(?:March|April|May|June|July)\s\d{1,2}(?![\d,.]\d)"
)
_TOKEN = re.compile(rf"{_DATE}|\d[\d,]*\d(?:\.\d+)?(?!\w)|[\w'’-]+|[^\w\s]", re.UNICODE)
_IS_DATE = re.compile(_DATE)
_MERGE_GAP = 2  # unchanged words between two runs that still make them one substitution
_NAME_LINKS = frozenset({"of", "the", "for", "and", "de"})  # inside names: Party of Korea
MAX_CHARS = 500  # the longest substitution kept (the column's size)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _join(words: list[str]) -> str:
    text = " ".join(words)
    return re.sub(r" ([,.;:!?)\]”’])", r"\1", re.sub(r"([(\[“‘]) ", r"\1", text)).strip()


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def is_name_word(token: str) -> bool:
    return token[:1].isupper() and token[:1].isalpha() and not _IS_DATE.fullmatch(token)


def is_date(token: str) -> bool:
    return _IS_DATE.fullmatch(token) is not None


@dataclass(frozen=True)
class Alignment:
    """Both sentences as words, and the runs that differ (old start, old end, new start, end)."""

    old: list[str]
    new: list[str]
    runs: list[tuple[int, int, int, int]]


def align(before: str, after: str) -> Alignment:
    old, new = tokens(before), tokens(after)
    opcodes = SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    runs = [(a0, a1, b0, b1) for tag, a0, a1, b0, b1 in opcodes if tag != "equal"]
    return Alignment(old, new, runs)


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """The sentence as an editor compares it: `(part, words)` in order, part being "same",
    "del" (only in `before`) or "ins" (only in `after`)."""
    alignment = align(before, after)
    parts: list[tuple[str, str]] = []
    i = 0
    for a0, a1, b0, b1 in alignment.runs:
        if a0 > i:
            parts.append(("same", _join(alignment.old[i:a0])))
        if a1 > a0:
            parts.append(("del", _join(alignment.old[a0:a1])))
        if b1 > b0:
            parts.append(("ins", _join(alignment.new[b0:b1])))
        i = a1
    if i < len(alignment.old):
        parts.append(("same", _join(alignment.old[i:])))
    return parts


# --- changes: what a note speaks of and what is looked for elsewhere ------------------------


@dataclass(frozen=True)
class Change:
    """The words that changed: `wrong` as they were, `right` as they are now (with name words)."""

    wrong: str
    right: str
    subject: str | None = None  # the proper name next to the change ("Kim Jong-un")
    name: str | None = None  # the whole name when the new words are part of one ("the Kremlin")

    @property
    def replaceable(self) -> bool:
        """Specific enough to look for elsewhere: more than one word, or a capitalised one."""
        return bool(self.wrong) and (" " in self.wrong or self.wrong[:1].isupper())


def _name_after(words: list[str], index: int) -> str | None:
    end = index
    while end < len(words) and end - index < 4 and is_name_word(words[end]):
        end += 1
    return " ".join(words[index:end]) or None


def _name_before(words: list[str], index: int) -> str | None:
    start = index
    while start > 0 and index - start < 4 and is_name_word(words[start - 1]):
        start -= 1
    return " ".join(words[start:index]) or None


def changes(before: str, after: str) -> list[Change]:
    """Each run of differing words, widened by one neighbouring name word, in sentence order."""
    alignment = align(before, after)
    return [_change(alignment.old, alignment.new, *run) for run in alignment.runs]


def _change(old: list[str], new: list[str], a0: int, a1: int, b0: int, b1: int) -> Change:
    subject = _name_after(new, b1) or _name_before(new, b0)
    if b1 < len(new) and a1 < len(old) and is_name_word(new[b1]):
        a1, b1 = a1 + 1, b1 + 1
    elif b0 > 0 and a0 > 0 and is_name_word(new[b0 - 1]):
        a0, b0 = a0 - 1, b0 - 1
    right = new[b0:b1]
    name = None
    words = [t for t in right if t.isalpha()]
    if right and not any(map(is_date, right)) and all(map(is_name_word, words)):
        start, end = b0, b1
        while start > 0 and is_name_word(new[start - 1]):
            start -= 1
        while end < len(new) and is_name_word(new[end]):
            end += 1
        article = "the " if start > 0 and new[start - 1].lower() == "the" else ""
        name = article + _join(new[start:end])
        if name.startswith("The "):
            name = "the " + name[4:]
    return Change(_join(old[a0:a1]), _join(right), subject, name)


_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’')]*\s+)[\"“‘'(]*$")


def apply_change(text: str, change: Change) -> str | None:
    """`text` with the wrong words replaced by the right ones (whole words only), or None."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(change.wrong)}(?![\w-])")
    if not pattern.search(text):
        return None

    def right(match: re.Match[str]) -> str:
        # the fix takes the place of words that began a sentence: so does the fix
        if change.wrong[:1].isupper() and _SENTENCE_START.search(text[: match.start()]):
            return change.right[:1].upper() + change.right[1:]
        return change.right

    return pattern.sub(right, text)


# --- substitutions: what the memory counts and the termbase learns --------------------------


@dataclass(frozen=True, slots=True)
class Substitution:
    removed: str  # the words the editor took out ("" for a pure insertion)
    inserted: str  # the words the editor put in ("" for a pure deletion)


def _inside_name(words: list[str]) -> bool:
    return all(_capitalised(t) or t.lower() in _NAME_LINKS for t in words)


def substitutions(before: str, after: str) -> list[Substitution]:
    """The substitutions that turn `before` into `after`, in order."""
    alignment = align(before, after)
    old, new = alignment.old, alignment.new
    found = []
    for i1, i2, j1, j2 in _merged(alignment):
        while i1 > 0 and j1 > 0 and old[i1 - 1] == new[j1 - 1] and _capitalised(old[i1 - 1]):
            i1, j1 = i1 - 1, j1 - 1
        while i2 < len(old) and j2 < len(new) and old[i2] == new[j2] and _capitalised(old[i2]):
            i2, j2 = i2 + 1, j2 + 1
        change = Substitution(_join(old[i1:i2])[:MAX_CHARS], _join(new[j1:j2])[:MAX_CHARS])
        if change.removed != change.inserted:
            found.append(change)
    return found


def _merged(alignment: Alignment) -> list[list[int]]:
    """The runs, two of them a name's words apart made one."""
    regions: list[list[int]] = []
    for i1, i2, j1, j2 in alignment.runs:
        gap = alignment.old[regions[-1][1] : i1] if regions else []
        if regions and len(gap) <= _MERGE_GAP and _inside_name(gap):
            regions[-1][1], regions[-1][3] = i2, j2
        else:
            regions.append([i1, i2, j1, j2])
    return regions


def name_containing(text: str, words: set[str]) -> str | None:
    """The run of capitalised words (a name or title) in `text` holding one of `words`."""
    wanted = {w.casefold() for w in words}
    runs: list[list[str]] = []
    current: list[str] = []
    for token in tokens(text):
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
            return _join(run)[:MAX_CHARS]
    return None
