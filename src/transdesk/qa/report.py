"""The check report: every sentence pair, its findings and decision, readable and as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from transdesk.article import Finding

_MARK = {"publish": "ok", "review": "REVIEW", "block": "BLOCK"}


@dataclass(frozen=True)
class PairReport:
    label: str  # segment ids ("b1.s0", "b1.s0+b1.s1"), or "(extra)" for English with no source
    source: str
    target: str
    findings: tuple[Finding, ...]
    decision: str


@dataclass(frozen=True)
class CheckReport:
    pairs: tuple[PairReport, ...]
    decision: str
    article_findings: tuple[Finding, ...] = ()
    notes: tuple[str, ...] = ()
    signature: dict[str, object] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        counts = {"publish": 0, "review": 0, "block": 0}
        for pair in self.pairs:
            counts[pair.decision] += 1
        return counts

    def to_dict(self) -> dict[str, object]:
        return {
            "decision": self.decision,
            "counts": self.counts(),
            "notes": list(self.notes),
            "article_findings": [asdict(f) for f in self.article_findings],
            "pairs": [
                {
                    "segments": p.label,
                    "source": p.source,
                    "translation": p.target,
                    "decision": p.decision,
                    "findings": [asdict(f) for f in p.findings],
                }
                for p in self.pairs
            ],
            "signature": self.signature,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_text(self, show_all: bool = False) -> str:
        counts = self.counts()
        summary = (
            f"decision: {self.decision.upper()}  ({counts['publish']} ok, "
            f"{counts['review']} to review, {counts['block']} blocked, "
            f"{len(self.pairs)} sentence pairs)"
        )
        lines = [summary]
        lines += [f"note: {note}" for note in self.notes]
        lines += [_finding_line(f) for f in self.article_findings]
        for pair in self.pairs:
            if not pair.findings and not show_all:
                continue
            lines.append("")
            lines.append(f"[{_MARK[pair.decision]}] {pair.label}")
            lines.append(f"  ko: {pair.source or '—'}")
            lines.append(f"  en: {pair.target or '—'}")
            lines += [_finding_line(f) for f in pair.findings]
        return "\n".join(lines)


def _finding_line(item: Finding) -> str:
    line = f"  - {item.severity}: {item.check}/{item.kind}: {item.message}"
    if item.suggestion and item.suggestion not in item.message:
        line += f" (suggest: {item.suggestion})"
    return line
