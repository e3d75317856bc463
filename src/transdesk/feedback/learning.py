"""Learning from a correction: the memory at once, the termbase by proposal.

`Learner.learn` runs inside the correction's transaction. It makes the corrected sentence the
approved memory entry for its source (replacing the wrong one) and keeps the word-level
substitutions the correction made. A termbase entry is *proposed* (never approved) when

- the sentence contains a termbase term and the correction changed the English of that term: the
  removed words become a forbidden rendering of the term (or, when the editor replaced the approved
  rendering itself, the new words are proposed as its rendering); or
- the same substitution has now been made in `recurrence` corrections: the Korean noun phrase
  common to their sources is proposed with the new words as its rendering, the old as forbidden.

What was learned comes back as `Learned`, and is kept with the correction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from transdesk.feedback.edit import Substitution, name_containing, substitutions
from transdesk.glossary.matcher import Termbase
from transdesk.glossary.model import TermEntry, TermKind, TermMatch, TermStatus
from transdesk.glossary.store import TermbaseStore
from transdesk.glossary.validation import clean, entry_problems
from transdesk.memory.model import MemoryPair, Origin
from transdesk.memory.normalise import normalise, source_hash
from transdesk.memory.store import TranslationMemory
from transdesk.store.correction_tables import CorrectionChangeRow, CorrectionRow
from transdesk.store.db import Database
from transdesk.store.memory_tables import MemorySegmentRow

log = logging.getLogger(__name__)
_NOUNISH = frozenset({"NNG", "NNP", "NR", "SL", "SH", "XPN", "XSN"})


@dataclasses.dataclass(frozen=True)
class Context:
    """Where the corrected sentence stands: its article's date and the sentences around it."""

    article_date: dt.date | None = None
    previous_source: str | None = None
    next_source: str | None = None


@dataclasses.dataclass(frozen=True)
class Learned:
    """What the desk learned from one correction."""

    memory_entry_id: int  # the approved memory pair the corrected sentence became
    replaced: int  # wrong memory entries the correction replaced
    changes: tuple[Substitution, ...]
    recurring: tuple[Substitution, ...]  # changes now made in `recurrence` corrections or more
    proposals: tuple[TermEntry, ...]  # termbase entries proposed for approval

    @property
    def record(self) -> dict:
        """A JSON account, kept with the correction and shown to the editor."""
        return {
            "memory_entry_id": self.memory_entry_id,
            "replaced": self.replaced,
            "changes": _pairs(self.changes),
            "recurring": _pairs(self.recurring),
            "proposals": [
                {"id": p.id, "source": p.source, "target": p.target, "forbidden": list(p.forbidden)}
                for p in self.proposals
            ],
        }


def _pairs(found: Sequence[Substitution]) -> list[dict[str, str]]:
    return [{"removed": c.removed, "inserted": c.inserted} for c in found]


class Learner:
    """The memory and termbase a correction teaches."""

    def __init__(
        self,
        database: Database,
        *,
        termbase_store: TermbaseStore | None = None,
        termbase: Termbase | None = None,
        recurrence: int = 2,
    ) -> None:
        self.memory = TranslationMemory(database)
        self.termbase_store = termbase_store or TermbaseStore(database)
        self._termbase = termbase
        self.recurrence = recurrence

    @property
    def termbase(self) -> Termbase:
        if self._termbase is None:
            self._termbase = self.termbase_store.load()
        return self._termbase

    def learn(self, session: Session, correction: CorrectionRow, context: Context) -> Learned:
        """Teach the memory and termbase `correction` (a flushed row), in `session`."""
        before, source = correction.before or "", correction.source.strip()
        pair = MemoryPair(
            source=source, target=correction.after.strip(), approved_by=correction.editor,
            origin=Origin.CORRECTION, article_slug=correction.article_slug,
            article_date=context.article_date, previous_source=context.previous_source,
            next_source=context.next_source,
        )  # fmt: skip
        changes = substitutions(before, correction.after)
        replaced = self.memory.remove_translation(session, pair.source, before)
        self.memory.remove_translation(session, pair.source, pair.target)
        self.memory.add_many([pair], session=session)
        correction.memory_segment_id = _newest_entry(session, pair.source)
        session.add_all(
            CorrectionChangeRow(correction_id=correction.id, removed=c.removed, inserted=c.inserted)
            for c in changes
        )
        session.flush()
        recurring = [c for c in changes if c.removed and _times_made(session, c) >= self.recurrence]
        sources = {c: _sources_with(session, c) for c in recurring}
        proposals = self._propose(session, source, changes, recurring, sources, correction)
        log.info("correction %s learned: %d change(s), %d proposal(s)", correction.id,
                 len(changes), len(proposals))  # fmt: skip
        return Learned(
            correction.memory_segment_id, replaced, tuple(changes), tuple(recurring),
            tuple(proposals),
        )  # fmt: skip

    def _propose(
        self,
        session: Session,
        korean: str,
        changes: list[Substitution],
        recurring: list[Substitution],
        sources: dict[Substitution, list[str]],
        correction: CorrectionRow,
    ) -> list[TermEntry]:
        editor, note = correction.editor, f"proposed from correction #{correction.id}"
        proposals, explained = [], set()
        for match in _distinct_entries(self.termbase.match(korean)):
            for change in changes:
                entry = _term_proposal(match.entry, change, editor, note)
                if entry is not None:
                    proposals.append(entry)
                    explained.add(change)
        for change in recurring:
            if change not in explained and change.inserted:
                entry = _recurring_proposal(change, sources[change], editor, correction.id)
                if entry is not None:
                    proposals.append(entry)
        kept = []
        for entry in proposals:  # a proposal the termbase would refuse is left out, never fatal:
            problems = entry_problems(clean(entry))  # the correction itself stands
            if problems:
                log.info("correction #%s: no termbase proposal for %r (%s)",
                         correction.id, entry.source, "; ".join(problems))  # fmt: skip
            else:
                kept.append(entry)
        return [self.termbase_store.propose(e, by=editor, session=session) for e in kept]


def _newest_entry(session: Session, korean: str) -> int:
    return session.execute(
        select(func.max(MemorySegmentRow.id)).where(
            MemorySegmentRow.source_hash == source_hash(korean),
            MemorySegmentRow.origin == Origin.CORRECTION.value,
        )
    ).scalar_one()


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
                      for r in renderings if len(change.inserted) >= 3)  # fmt: skip
    if not (in_removed or in_inserted):
        return None
    words = {w for r in renderings for w in r.split() if len(w) >= 3}
    wrong = name_containing(change.removed, words) or change.removed
    if any(_contains(wrong, f) for f in entry.forbidden):
        return None
    base = dataclasses.replace(
        entry, forbidden=(*entry.forbidden, wrong), status=TermStatus.PROPOSED,
        changed_by=editor, changed_at=None, id=None, note=note,
    )  # fmt: skip
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
    )  # fmt: skip


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
