"""What makes a termbase entry usable: checked on add, propose and every imported row."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TypeVar

from transdesk.errors import InvalidInput
from transdesk.glossary.matcher import normalise_form
from transdesk.glossary.model import TermEntry
from transdesk.glossary.renderings import contains_phrase

MAX_FORM = 200
MAX_RENDERING = 500
Row = TypeVar("Row")


def entry_problems(entry: TermEntry) -> list[str]:
    """Everything wrong with an entry, in words an editor can act on (empty when it is fine)."""
    problems = []
    if not normalise_form(entry.source):
        problems.append("the Korean term is empty")
    if not entry.target.strip():
        problems.append("the approved English rendering is empty")
    for form in entry.forms:
        if len(form) > MAX_FORM:
            problems.append(
                f"the Korean form {form[:20]!r}... is longer than {MAX_FORM} characters"
            )
    for rendering in (entry.target, entry.later or "", *entry.forbidden):
        if len(rendering) > MAX_RENDERING:
            problems.append(f"{rendering[:20]!r}... is longer than {MAX_RENDERING} characters")
    for bad in entry.forbidden:
        if not bad.strip():
            problems.append("a forbidden rendering is empty")
        elif any(contains_phrase(ok, bad) for ok in entry.renderings):
            problems.append(f"forbidden {bad!r} is part of the approved rendering itself")
    return problems


def clean(entry: TermEntry) -> TermEntry:
    """Trim whitespace, drop empty and repeated variants/forbidden renderings."""
    source = " ".join(entry.source.split())
    variants = tuple(
        v for v in dict.fromkeys(" ".join(v.split()) for v in entry.variants) if v and v != source
    )
    forbidden = tuple(dict.fromkeys(" ".join(f.split()) for f in entry.forbidden if f.strip()))
    later = " ".join(entry.later.split()) if entry.later and entry.later.strip() else None
    return replace(
        entry,
        source=source,
        target=" ".join(entry.target.split()),
        variants=variants,
        later=later if later != entry.target.strip() else None,
        forbidden=forbidden,
        note=(entry.note or "").strip() or None,
        reference=(entry.reference or "").strip() or None,
    )


def entries_or_refuse(
    rows: Iterable[tuple[int, Row]], to_entry: Callable[[Row], TermEntry], what: str
) -> list[tuple[int, TermEntry]]:
    """Every row as an entry with its line, or `InvalidInput` listing every bad line: a file with
    any problem yields no entries at all. `to_entry` raises ValueError for a row it cannot read."""
    entries: list[tuple[int, TermEntry]] = []
    problems: list[str] = []
    for line, row in rows:
        try:
            entry = to_entry(row)
        except ValueError as error:
            problems.append(f"line {line}: {error}")
            continue
        problems += [f"line {line}: {p}" for p in entry_problems(entry)]
        entries.append((line, entry))
    if problems:
        raise InvalidInput(
            f"{what}; nothing was imported:\n  " + "\n  ".join(problems),
            hint="fix the lines listed and import the file again",
        )
    return entries
