"""The check report: every sentence pair, its findings and decision, readable and as JSON.

In the terminal a pair is marked `[ok]` only when nothing above info was found in it; any other
pair shows the gate's decision and its worst finding (`[publish · minor]`, `[REVIEW · major]`),
so an editor never reads "ok" above a finding. Info lines are listed only with `--all`.
The summary line says why the article got its decision when no sentence pair explains it (an
article-level finding, or minor findings in most sentences).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from transdesk.article import Decision, Finding, Severity
from transdesk.qa.gate import Thresholds, segment_decision

_DECISION_MARK = {"publish": "publish", "review": "REVIEW", "block": "BLOCK"}


def worst_severity(findings: tuple[Finding, ...]) -> Severity | None:
    """The most serious severity among `findings`, or None when there are none."""
    return max((Severity(f.severity) for f in findings), default=None)


@dataclass(frozen=True)
class PairReport:
    label: str  # segment ids ("b1.s0", "b1.s0+b1.s1"), or "(extra)" for English with no source
    source: str
    target: str
    findings: tuple[Finding, ...]
    decision: str

    @property
    def worst(self) -> Severity | None:
        return worst_severity(self.findings)

    @property
    def clean(self) -> bool:
        """Nothing above info was found: the only pairs the report marks ok."""
        worst = self.worst
        return (worst is None or worst is Severity.INFO) and self.decision == Decision.PUBLISH

    @property
    def mark(self) -> str:
        """`ok`, or the decision and the worst severity (`publish · minor`, `REVIEW · major`)."""
        if self.clean:
            return "ok"
        decision = _DECISION_MARK[Decision(self.decision)]
        return f"{decision} · {self.worst}" if self.worst is not None else decision


@dataclass(frozen=True)
class CheckReport:
    pairs: tuple[PairReport, ...]
    decision: str
    article_findings: tuple[Finding, ...] = ()
    notes: tuple[str, ...] = ()
    signature: dict[str, object] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """Sentence pairs per gate decision (publish, review, block)."""
        counts = {"publish": 0, "review": 0, "block": 0}
        for pair in self.pairs:
            counts[pair.decision] += 1
        return counts

    def severity_counts(self) -> dict[str, int]:
        """Sentence pairs per worst finding: "none" for pairs with no finding at all."""
        counts = {"none": 0, **{str(s): 0 for s in Severity}}
        for pair in self.pairs:
            worst = pair.worst
            counts["none" if worst is None else str(worst)] += 1
        return counts

    def reasons(self) -> list[str]:
        """Why the article got its decision, in an editor's words (empty when it publishes)."""
        if self.decision == Decision.PUBLISH:
            return []
        counts = self.counts()
        reasons = []
        if counts["block"]:
            reasons.append(f"{_pairs(counts['block'])} blocked")
        if counts["review"]:
            reasons.append(f"{_pairs(counts['review'])} to review")
        thresholds = self._thresholds()
        if segment_decision(self.article_findings, thresholds) > Decision.PUBLISH:
            worst = worst_severity(self.article_findings)
            reasons.append(f"findings on the whole article, the worst {worst}")
        with_minor = sum(1 for p in self.pairs if any(f.severity == "minor" for f in p.findings))
        if not reasons and with_minor:
            reasons.append(
                f"minor findings in {with_minor} of {len(self.pairs)} sentence pairs "
                f"(more than {thresholds.article_review_share:.0%})"
            )
        return reasons

    def _thresholds(self) -> Thresholds:
        """The thresholds the gate used (recorded in the signature), or the defaults."""
        given = self.signature.get("thresholds")
        if not isinstance(given, dict):
            return Thresholds()
        known = {k: v for k, v in given.items() if k in Thresholds.__dataclass_fields__}
        return Thresholds(**known)

    def to_dict(self) -> dict[str, object]:
        return {
            "decision": self.decision,
            "reasons": self.reasons(),
            "counts": self.counts(),
            "severity_counts": self.severity_counts(),
            "notes": list(self.notes),
            "article_findings": [asdict(f) for f in self.article_findings],
            "pairs": [
                {
                    "segments": p.label,
                    "source": p.source,
                    "translation": p.target,
                    "decision": p.decision,
                    "worst_severity": None if p.worst is None else str(p.worst),
                    "ok": p.clean,
                    "findings": [asdict(f) for f in p.findings],
                }
                for p in self.pairs
            ],
            "signature": self.signature,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_text(self, show_all: bool = False) -> str:
        """The report an editor reads: the decision, then every pair with a finding above info
        (with `show_all`, every pair and every info line too)."""
        lines = [self._summary()]
        lines += [f"note: {note}" for note in self.notes]
        lines += [_finding_line(f) for f in self.article_findings if show_all or _above_info(f)]
        for pair in self.pairs:
            if pair.clean and not show_all:
                continue
            lines.append("")
            lines.append(f"[{pair.mark}] {pair.label}")
            lines.append(f"  ko: {pair.source or '—'}")
            lines.append(f"  en: {pair.target or '—'}")
            lines += [_finding_line(f) for f in pair.findings if show_all or _above_info(f)]
        hidden = self._hidden_info_count()
        if hidden and not show_all:
            lines.append("")
            lines.append(f"({hidden} info line(s) not shown; --all lists them)")
        return "\n".join(lines)

    def _summary(self) -> str:
        counts = self.counts()
        ok = sum(1 for p in self.pairs if p.clean)
        minor = counts["publish"] - ok
        parts = [f"{ok} ok"]
        if minor:
            parts.append(f"{minor} publishable with minor findings")
        parts += [
            f"{counts['review']} to review",
            f"{counts['block']} blocked",
            f"{len(self.pairs)} sentence pairs",
        ]
        summary = f"decision: {self.decision.upper()}  ({', '.join(parts)})"
        reasons = self.reasons()
        return summary + (f"\nwhy: {'; '.join(reasons)}" if reasons else "")

    def _hidden_info_count(self) -> int:
        findings = [*self.article_findings, *(f for p in self.pairs for f in p.findings)]
        return sum(1 for f in findings if not _above_info(f))


def _pairs(count: int) -> str:
    return f"{count} sentence pair" + ("" if count == 1 else "s")


def _above_info(item: Finding) -> bool:
    return Severity(item.severity) > Severity.INFO


def _finding_line(item: Finding) -> str:
    line = f"  - {item.severity}: {item.check}/{item.kind}: {item.message}"
    if item.suggestion and item.suggestion not in item.message:
        line += f" (suggest: {item.suggestion})"
    return line
