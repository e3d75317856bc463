"""Terms: approved renderings of termbase terms are used, forbidden ones are not."""

from __future__ import annotations

import functools
import re

from transdesk.article import Finding
from transdesk.glossary.model import TermStatus
from transdesk.qa.base import CheckContext, finding


@functools.lru_cache(maxsize=4096)
def _phrase(english: str) -> re.Pattern[str]:
    """A case-insensitive whole-word pattern for an English rendering."""
    words = [re.escape(w) for w in english.split()]
    inflection = r"(?:'s|’s|s|es|n|an|ns|ans|ese|i|is)?" if english[-1:].isalpha() else ""
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + inflection + r"(?!\w)", re.IGNORECASE)


def _rendered(renderings: tuple[str, ...], target: str) -> bool:
    return any(_phrase(r).search(target) for r in renderings if r.strip())


class TermsCheck:
    name = "terms"
    description = (
        "termbase terms in the source have their approved rendering, never a forbidden one"
    )

    def run(self, context: CheckContext) -> list[Finding]:
        if context.termbase is None:
            return []
        findings: list[Finding] = []
        seen: set[str] = set()
        for match in context.termbase.match(context.source):
            entry = match.entry
            for forbidden in entry.forbidden:
                hit = _phrase(forbidden).search(context.target) if forbidden.strip() else None
                if hit and forbidden.casefold() not in {r.casefold() for r in entry.renderings}:
                    findings.append(
                        finding(
                            self.name,
                            "forbidden_term",
                            "major",
                            f"{hit.group(0)!r} is a forbidden rendering of {match.surface!r}; "
                            f"use {entry.target!r}",
                            source_span=(match.start, match.end),
                            target_span=hit.span(),
                            suggestion=entry.target,
                        )
                    )
            if entry.source in seen:
                continue
            seen.add(entry.source)
            if not _rendered(entry.renderings, context.target):
                severity = "major" if entry.status is TermStatus.APPROVED else "minor"
                findings.append(
                    finding(
                        self.name,
                        "term_missing",
                        severity,
                        f"{match.surface!r} should be rendered {entry.target!r}",
                        source_span=(match.start, match.end),
                        suggestion=entry.target,
                    )
                )
        return findings
