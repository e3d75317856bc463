"""Polarity: a negated Korean predicate is negated in English, and a direction is not flipped."""

from __future__ import annotations

from transdesk.article import Finding
from transdesk.qa.base import CheckContext


class PolarityCheck:
    name = "polarity"
    description = "negation and direction (rise/fall, surplus/deficit) survive translation"

    def run(self, context: CheckContext) -> list[Finding]:
        return []
