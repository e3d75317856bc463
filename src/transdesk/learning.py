"""Learning from an editor's correction: the memory at once, the termbase by proposal.

`record_correction` keeps the correction in the history (who, when, before, after), makes the
corrected sentence the approved memory entry for its source (replacing the wrong one), and counts
the word-level substitutions it made. A termbase entry is *proposed* (never approved) when

- the sentence contains a termbase term and the correction changed the English of that term: the
  removed words become a forbidden rendering of the term (or, when the editor replaced the approved
  rendering itself, the new words are proposed as its rendering); or
- the same substitution has now been made in `recurrence` corrections: the Korean noun phrase
  common to their sources is proposed with the new words as its rendering, the old as forbidden.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from transdesk.errors import InvalidInput
from transdesk.glossary.model import TermEntry, TermKind, TermMatch, TermStatus
from transdesk.memory.model import MemoryPair, Origin
from transdesk.memory.normalise import normalise, source_hash
from transdesk.memory.store import TranslationMemory
from transdesk.memory.substitutions import Substitution, name_containing, substitutions
from transdesk.store.db import Database
from transdesk.store.memory_tables import CorrectionChangeRow, CorrectionRow, MemorySegmentRow

log = logging.getLogger(__name__)
_NOUNISH = frozenset({"NNG", "NNP", "NR", "SL", "SH", "XPN", "XSN"})


@dataclasses.dataclass(frozen=True)
class CorrectionOutcome:
    correction_id: int
    memory_entry_id: int
    replaced: int  # wrong memory entries the correction replaced
    changes: tuple[Substitution, ...]
    recurring: tuple[Substitution, ...]  # changes now made in `recurrence` corrections or more
    proposals: tuple[TermEntry, ...]  # termbase entries proposed for approval


def record_correction(
    database: Database,
    *,
    before: str,
    after: str,
    segment_source: str,
    editor: str,
    article_slug: str | None = None,
    article_date: dt.date | str | None = None,
    previous_source: str | None = None,
    next_source: str | None = None,
    termbase_store: object | None = None,
    termbase: object | None = None,
    recurrence: int = 2,
) -> CorrectionOutcome:
    """Record that `editor` changed the English of `segment_source` from `before` to `after`."""
    korean, who = segment_source, editor
    if not korean or not korean.strip() or not after.strip() or not who:
        raise InvalidInput("a correction needs the Korean sentence, the corrected English and the editor")
    memory = TranslationMemory(database)
    pair = MemoryPair(
        source=korean.strip(), target=after.strip(), approved_by=who, origin=Origin.CORRECTION,
        article_slug=article_slug, article_date=_as_date(article_date),
        previous_source=previous_source, next_source=next_source,
    )
    changes = substitutions(before, after)
    with database.session() as session:
        replaced = memory.remove_translation(session, pair.source, before)
        memory.remove_translation(session, pair.source, pair.target)
        memory.add_many([pair], session=session)
        entry_id = _newest_entry(session, pair.source)
        correction_id = _remember(session, pair, before, entry_id, changes)
        recurring = [c for c in changes if c.removed and _times_made(session, c) >= recurrence]
        sources = {c: _sources_with(session, c) for c in recurring}
    proposals = _propose(
        korean, changes, recurring, sources, who, correction_id, termbase_store, termbase, database
    )
    log.info("correction %s recorded: %d change(s), %d proposal(s)", correction_id, len(changes),
             len(proposals))
    return CorrectionOutcome(
        correction_id, entry_id, replaced, tuple(changes), tuple(recurring), tuple(proposals)
    )


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _newest_entry(session: Session, korean: str) -> int:
    return session.execute(
        select(func.max(MemorySegmentRow.id)).where(
            MemorySegmentRow.source_hash == source_hash(korean),
            MemorySegmentRow.origin == Origin.CORRECTION.value,
        )
    ).scalar_one()


def _remember(
    session: Session, pair: MemoryPair, before: str, entry_id: int, changes: list[Substitution]
) -> int:
    row = CorrectionRow(
        article_slug=pair.article_slug, source=pair.source, source_hash=source_hash(pair.source),
        before=before, after=pair.target, editor=pair.approved_by,
        corrected_at=dt.datetime.now(dt.UTC), memory_segment_id=entry_id,
    )
    session.add(row)
    session.flush()
    session.add_all(
        CorrectionChangeRow(correction_id=row.id, removed=c.removed, inserted=c.inserted)
        for c in changes
    )
    session.flush()
    return row.id


def _times_made(session: Session, change: Substitution) -> int:
    return session.execute(
        select(func.count(func.distinct(CorrectionChangeRow.correction_id))).where(
            CorrectionChangeRow.removed == change.removed,
            CorrectionChangeRow.inserted == change.inserted,
        )
    ).scalar_one()


def _sources_with(session: Session, change: Substitution) -> list[str]:
    rows = session.execute(
        select(CorrectionRow.source)
        .join(CorrectionChangeRow, CorrectionChangeRow.correction_id == CorrectionRow.id)
        .where(
            CorrectionChangeRow.removed == change.removed,
            CorrectionChangeRow.inserted == change.inserted,
        )
        .distinct()
    )
    return [row[0] for row in rows]


def _propose(
    korean: str,
    changes: list[Substitution],
    recurring: list[Substitution],
    sources: dict[Substitution, list[str]],
    editor: str,
    correction_id: int,
    termbase_store: object | None,
    termbase: object | None,
    database: Database,
) -> list[TermEntry]:
    store = termbase_store if termbase_store is not None else _default_store(database)
    if store is None:
        return []
    if termbase is None:
        termbase = store.load()  # type: ignore[attr-defined]
    note = f"proposed from correction #{correction_id}"
    proposals, explained = [], set()
    for match in _distinct_entries(termbase.match(korean)):  # type: ignore[attr-defined]
        for change in changes:
            entry = _term_proposal(match.entry, change, editor, note)
            if entry is not None:
                proposals.append(entry)
                explained.add(change)
    for change in recurring:
        if change not in explained and change.inserted:
            entry = _recurring_proposal(change, sources[change], editor, correction_id)
            if entry is not None:
                proposals.append(entry)
    return [store.propose(entry, by=editor) for entry in proposals]  # type: ignore[attr-defined]


def _default_store(database: Database) -> object | None:
    try:
        from transdesk.glossary.store import TermbaseStore
    except ImportError:
        return None
    return TermbaseStore(database)


def _distinct_entries(matches: Sequence[TermMatch]) -> list[TermMatch]:
    seen, kept = set(), []
    for match in matches:
        key = match.entry.id if match.entry.id is not None else match.entry.source
        if key not in seen:
            seen.add(key)
            kept.append(match)
    return kept


def _contains(haystack: str, needle: str) -> bool:
    return bool(needle) and needle.casefold() in haystack.casefold()


def _term_proposal(
    entry: TermEntry, change: Substitution, editor: str, note: str
) -> TermEntry | None:
    """The entry as this correction suggests it, or None when the change is not about it."""
    if not change.removed or any(_contains(change.removed, f) for f in entry.forbidden):
        return None  # nothing to forbid, or already forbidden
    renderings = [r for r in entry.renderings if r]
    in_removed = any(_contains(change.removed, r) for r in renderings)
    in_inserted = any(_contains(change.inserted, r) or _contains(r, change.inserted)
                      for r in renderings if len(change.inserted) >= 3)
    if not (in_removed or in_inserted):
        return None
    words = {w for r in renderings for w in r.split() if len(w) >= 3}
    wrong = name_containing(change.removed, words) or change.removed
    if any(_contains(wrong, f) for f in entry.forbidden):
        return None
    base = dataclasses.replace(
        entry, forbidden=(*entry.forbidden, wrong), status=TermStatus.PROPOSED,
        changed_by=editor, changed_at=None, id=None, note=note,
    )
    if in_removed and not in_inserted and change.inserted:
        return dataclasses.replace(base, target=change.inserted, later=None)  # new rendering
    return base


def _recurring_proposal(
    change: Substitution, sources: list[str], editor: str, correction_id: int
) -> TermEntry | None:
    term = common_noun_phrase(sources)
    if term is None:
        log.info("recurring change %r has no Korean noun phrase in common", change)
        return None
    return TermEntry(
        source=term, target=change.inserted, forbidden=(change.removed,), kind=TermKind.OTHER,
        status=TermStatus.PROPOSED, changed_by=editor,
        note=f"the same correction was made {len(sources)} times (latest #{correction_id})",
    )


def common_noun_phrase(sources: Sequence[str]) -> str | None:
    """The longest run of noun morphemes of the first sentence found in every other one."""
    if not sources:
        return None
    first = normalise(sources[0])
    others = [normalise(s) for s in sources[1:]]
    candidates = sorted(_noun_phrases(first), key=len, reverse=True)
    return next((c for c in candidates if len(c) >= 2 and all(c in o for o in others)), None)


def _noun_phrases(text: str) -> set[str]:
    from transdesk.qa.morph import analyse

    morphemes = analyse(text)
    runs: list[list[tuple[int, int]]] = [[]]
    for i, morpheme in enumerate(morphemes):
        following = morphemes[i + 1] if i + 1 < len(morphemes) else None
        attached = following is not None and following.start == morpheme.end  # 총비서: 총+비서
        nounish = morpheme.tag in _NOUNISH or (morpheme.tag == "MM" and attached)
        joined = runs[-1] and morpheme.start - runs[-1][-1][1] <= 1
        if nounish and (joined or not runs[-1]):
            runs[-1].append((morpheme.start, morpheme.end))
        elif nounish:
            runs.append([(morpheme.start, morpheme.end)])
        elif runs[-1]:
            runs.append([])
    phrases = set()
    for run in runs:
        for i in range(len(run)):
            for j in range(i, len(run)):
                phrases.add(text[run[i][0] : run[j][1]])
    return phrases
