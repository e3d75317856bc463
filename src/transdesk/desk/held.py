"""Held sentences: those an editor must resolve before the article goes to readers.

A sentence is held when it has no English (the engine failed, nothing could translate it) or when
the gate held it (review or block). An editor resolves it by editing it or by accepting it as it
is; both are in the audit log. Until every held sentence is resolved the article is not
published, so no sentence is ever dropped from a reader's page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Protocol

from transdesk.desk.labels import sentence_labels

HELD_DECISIONS = frozenset({"review", "block"})
RESOLVED = "publish"  # the decision a sentence takes once an editor resolved it


class _Sentence(Protocol):
    segment_id: str
    block_index: int
    block_kind: str
    source_text: str
    english: str | None
    decision: str | None
    findings: list


@dataclass(frozen=True)
class HeldSentence:
    id: str
    label: str
    source: str
    english: str | None
    reason: str

    def as_dict(self) -> dict[str, str | None]:
        return asdict(self)


def is_held(segment: _Sentence) -> bool:
    return not (segment.english or "").strip() or segment.decision in HELD_DECISIONS


def reason(segment: _Sentence) -> str:
    """Why the sentence is held, in a line."""
    worst = _worst_finding(segment.findings or ())
    why = f": {worst}" if worst else ""
    if not (segment.english or "").strip():
        return "no English: the translation failed" + why
    if segment.decision == "block":
        return "blocked by the checks" + why
    return "held for review by the checks" + why


def _worst_finding(findings: Iterable[dict]) -> str | None:
    order = {"critical": 0, "major": 1, "minor": 2, "info": 3}
    ranked = sorted(findings, key=lambda f: order.get(str(f.get("severity")), 9))
    return ranked[0].get("message") if ranked else None


def held_sentences(segments: Iterable[_Sentence]) -> list[HeldSentence]:
    ordered = list(segments)
    labels = sentence_labels(ordered)
    return [
        HeldSentence(s.segment_id, labels[s.segment_id], s.source_text, s.english, reason(s))
        for s in ordered
        if is_held(s)
    ]
