"""Run the checks on sentence pairs, standalone (source text, translation text, dateline, termbase)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from transdesk.article import Finding
from transdesk.qa.base import Check, CheckContext, TermLookup, finding
from transdesk.qa.morph import prefetch
from transdesk.qa.registry import create_checks

log = logging.getLogger(__name__)

MAX_SEGMENT_CHARS = 5_000  # a "sentence" longer than this is not one: reported, not analysed


class Checker:
    """The configured set of checks, run sentence by sentence."""

    def __init__(
        self, checks: Sequence[Check] | None = None, termbase: TermLookup | None = None
    ) -> None:
        self.checks = list(checks) if checks is not None else create_checks()
        self.termbase = termbase

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.checks]

    def prepare(self, sources: Sequence[str]) -> None:
        """Analyse all source sentences in one batch before checking them one by one."""
        prefetch(s for s in sources if s and len(s) <= MAX_SEGMENT_CHARS)

    def check(
        self,
        source: str,
        target: str | None,
        dateline: dt.date | None = None,
        block_kind: str | None = None,
        segment_id: str | None = None,
        termbase: TermLookup | None = None,
    ) -> list[Finding]:
        """Findings for one pair; `termbase` stands in for the checker's own for this pair."""
        if target is None or not any(c.isalnum() for c in target):
            return [finding("untranslated", "empty", "critical", "the translation is empty")]
        if len(source) > MAX_SEGMENT_CHARS or len(target) > 2 * MAX_SEGMENT_CHARS:
            return [
                finding(
                    "input",
                    "too_long",
                    "major",
                    f"sentence of {max(len(source), len(target))} characters is too long "
                    "to check; split it",
                )
            ]
        context = CheckContext(
            source=source,
            target=target,
            dateline=dateline,
            termbase=termbase if termbase is not None else self.termbase,
            block_kind=block_kind,
            segment_id=segment_id,
        )
        findings: list[Finding] = []
        for check in self.checks:
            try:
                findings.extend(check.run(context))
            except Exception:  # a broken check must not stop the desk; the editor is told
                log.exception("check %s failed on segment %s", check.name, segment_id)
                findings.append(
                    finding(
                        check.name,
                        "check_failed",
                        "major",
                        f"the {check.name} check could not run on this sentence",
                    )
                )
        return findings


def check_pair(
    source: str, target: str, dateline: dt.date | None = None, termbase: TermLookup | None = None
) -> list[Finding]:
    """Findings for one sentence pair with every registered check."""
    return Checker(termbase=termbase).check(source, target, dateline)
