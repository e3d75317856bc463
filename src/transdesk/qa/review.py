"""Check a translation produced elsewhere: align it with the Korean article, then run the checks.

A Korean sentence the translation leaves out is reported by name (segment id and opening words):
when the alignment leaves it unpaired, and when it sits in a merged pair whose English neither
covers it (bilingual lexicon) nor is long enough for it (`qa.align.uncovered_in_bead`), or, if it
quotes someone, when the merged English quotes nobody and covers it poorly. A left-out sentence
that quotes someone takes its quotation with it, and the finding says so.
"""

from __future__ import annotations

from collections.abc import Mapping

from transdesk.article import Article, Decision, Finding, Segment
from transdesk.qa.align import AlignedPair, align_translation, uncovered_in_bead
from transdesk.qa.base import TermLookup, finding
from transdesk.qa.checks.notice import AI_NOTICE, check_notice
from transdesk.qa.checks.quotes import english_quoted_text, quoted_speech
from transdesk.qa.coverage import coverage
from transdesk.qa.gate import Thresholds, article_decision, segment_decision
from transdesk.qa.report import CheckReport, PairReport
from transdesk.qa.runner import Checker

# a sentence is usually covered this well by its own English (dev references: median share)
RENDERED_SHARE = 0.45

_NOTICE_MARK = "translated by ai"


def _without_notice(translation: str) -> str:
    lines = translation.splitlines()
    kept = [line for line in lines if _NOTICE_MARK not in line.lower()]
    return "\n".join(kept)


def _opening(text: str, words: int = 6) -> str:
    head = text.split()
    return " ".join(head[:words]) + (" …" if len(head) > words else "")


def left_out(segment: Segment, offset: int = 0) -> Finding:
    """The finding for a Korean sentence the translation leaves out (`offset`: where the sentence
    starts in the pair's source)."""
    span = (offset, offset + len(segment.text))
    named = f"source sentence {segment.id} ({_opening(segment.text)!r})"
    speech = quoted_speech(segment.text)
    lost = (
        f", and the quotation {speech[0].group(0)[:40]!r} with it" if speech else ""
    )  # a sentence that quotes someone: its quotation is dropped as well
    return finding(
        "omission",
        "sentence_missing",
        "major",
        f"{named} has no counterpart in the translation{lost}",
        source_span=span,
    )


def _offsets(pair: AlignedPair) -> list[int]:
    """Where each Korean sentence starts in `pair.source` (which joins them with one space)."""
    offsets, at = [], 0
    for segment in pair.segments:
        offsets.append(at)
        at += len(segment.text) + 1
    return offsets


def _merged_and_left_out(pair: AlignedPair, ratio: float) -> list[Finding]:
    """Findings for the sentences of a merged pair that its English leaves out: those the
    lexicon and the length agree on, and a quoting sentence when the English quotes nobody and
    covers less of it than a rendered sentence is usually covered."""
    korean = [s.text for s in pair.segments]
    missing = set(uncovered_in_bead(korean, pair.target, ratio=ratio))
    if len(korean) > 1 and not english_quoted_text(pair.target):
        for i, text in enumerate(korean):
            if quoted_speech(text) and coverage(text, pair.target).share < RENDERED_SHARE:
                missing.add(i)
    offsets = _offsets(pair)
    return [left_out(pair.segments[i], offsets[i]) for i in sorted(missing)]


def _pair_findings(
    pair: AlignedPair, checker: Checker, article: Article, ratio: float
) -> list[Finding]:
    if not pair.segments:
        return [
            finding(
                "omission",
                "unmatched_translation",
                "major",
                "this English has no counterpart in the source: added text, or a "
                "sentence the alignment could not place",
            )
        ]
    if not pair.english:
        return [left_out(s, offset) for s, offset in zip(pair.segments, _offsets(pair))]
    block = article.blocks[pair.segments[0].block_index]
    return _merged_and_left_out(pair, ratio) + checker.check(
        pair.source,
        pair.target,
        article.dateline.date,
        block_kind=block.kind.value,
        segment_id=pair.label,
    )


def _termbase_signature(termbase: TermLookup | None) -> Mapping[str, object]:
    if termbase is None:
        return {"name": "none", "entries": 0, "version": None}
    describe = getattr(termbase, "signature", None)
    return {"name": "given", **(describe() if callable(describe) else {})}


def check_translation(
    article: Article,
    translation: str,
    termbase: TermLookup | None = None,
    thresholds: Thresholds | None = None,
    published: bool = False,
    termbase_signature: Mapping[str, object] | None = None,
) -> CheckReport:
    """The report for `translation` (plain text or Markdown) of the Korean `article`.

    `termbase_signature` says which termbase the report used (name, entries, version) when the
    caller knows more than the termbase itself does (the desk's or the starter)."""
    thresholds = thresholds or Thresholds()
    checker = Checker(termbase=termbase)
    article_findings = check_notice(translation, severity="major" if published else "info")
    body = _without_notice(translation)
    if not body.strip():
        empty = finding("untranslated", "empty", "critical", "the translation is empty")
        return CheckReport((), Decision.BLOCK, (*article_findings, empty))
    alignment = align_translation(article, body)
    if not alignment.reliable:
        article_findings.append(
            finding(
                "alignment",
                "unaligned",
                "major",
                "the translation could not be aligned with the source sentence by sentence; "
                "the findings below may be about mismatched sentences",
            )
        )
    checker.prepare([s.text for s in article.segments()])
    pairs = []
    for pair in alignment.pairs:
        findings = _pair_findings(pair, checker, article, alignment.ratio)
        pairs.append(
            PairReport(
                pair.label,
                pair.source,
                pair.target,
                tuple(findings),
                segment_decision(findings, thresholds),
            )
        )
    with_minor = sum(1 for p in pairs if any(f.severity == "minor" for f in p.findings))
    decision = article_decision(
        [p.decision for p in pairs],
        article_findings,
        thresholds,
        minor_share=with_minor / max(1, len(pairs)),
    )
    signature = {
        "checks": checker.names,
        "thresholds": thresholds.as_dict(),
        "termbase": dict(termbase_signature or _termbase_signature(termbase)),
        "notice": AI_NOTICE,
    }
    return CheckReport(tuple(pairs), decision, tuple(article_findings), alignment.notes, signature)
