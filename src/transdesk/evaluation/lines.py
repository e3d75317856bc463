"""What the desk did with one line of the test set, as the evaluation records it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from transdesk.article import Finding, SegmentStatus, SegmentTranslation

_SERIOUS = frozenset({"major", "critical"})
_HELD_BACK = frozenset({"review", "block"})


@dataclass(frozen=True, slots=True)
class LineResult:
    """One translated line: its text, what the pipeline's stages said about it, and its timing.

    `article` names the pseudo-article ("first-last" line index) the line was translated in;
    `article_seconds` is that whole article's time through the pipeline, `article_lines` its size.
    """

    index: int
    source: str
    hypothesis: str | None
    status: str
    decision: str | None
    flagged: bool
    term_matched: bool
    term_compliant: bool
    article: str
    article_lines: int
    article_seconds: float
    error: str | None = None

    @property
    def failed(self) -> bool:
        return self.status in (SegmentStatus.FAILED, SegmentStatus.UNTRANSLATED)

    @property
    def from_memory(self) -> bool:
        return self.status == SegmentStatus.FROM_MEMORY

    @property
    def seconds(self) -> float:
        """This line's share of its article's time."""
        return self.article_seconds / self.article_lines

    def to_record(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_record(cls, record: dict[str, object]) -> LineResult:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in record.items() if k in names})  # type: ignore[arg-type]


def is_term_finding(finding: Finding) -> bool:
    return finding.kind.startswith("term") or finding.check in ("term", "terms", "termbase")


def is_flagged(translation: SegmentTranslation) -> bool:
    """Held back by the gate, or carrying a finding of severity major or worse."""
    if translation.decision in _HELD_BACK:
        return True
    return any(f.severity in _SERIOUS for f in translation.findings)


def term_outcome(translation: SegmentTranslation) -> tuple[bool, bool]:
    """(did a termbase term match this sentence, does the output carry the approved renderings).

    A term matched when the pipeline applied one ("term:..." in `applied`) or a term check spoke
    about the sentence; the output complies when no term finding above "info" remains.
    """
    term_findings = [f for f in translation.findings if is_term_finding(f)]
    matched = bool(term_findings) or any(a.startswith("term:") for a in translation.applied)
    compliant = translation.text is not None and not any(
        f.severity != "info" for f in term_findings
    )
    return matched, matched and compliant


def line_result(
    index: int,
    translation: SegmentTranslation,
    *,
    article: str,
    article_lines: int,
    article_seconds: float,
) -> LineResult:
    matched, compliant = term_outcome(translation)
    return LineResult(
        index=index,
        source=translation.segment.text,
        hypothesis=translation.text,
        status=str(translation.status),
        decision=translation.decision,
        flagged=is_flagged(translation),
        term_matched=matched,
        term_compliant=compliant,
        article=article,
        article_lines=article_lines,
        article_seconds=article_seconds,
        error=translation.error,
    )
