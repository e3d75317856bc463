"""Automatic checks on every sentence, and the gate that decides: publish, review or block.

    from transdesk.qa import check_pair, check_translation

One module per check under `qa/checks/` (numbers, dates, tense, terms, names, untranslated,
omission, quotes; the notice check runs on the published article), named in `qa/registry.py`
(`create_checks`), the gate (`Thresholds`, `segment_decision`, `article_decision`), the alignment
of a translation produced elsewhere (`check_translation`) and its report. The pipeline's stage is
`transdesk.qa.stage.QualityStage`.
"""

from __future__ import annotations

from transdesk.qa.base import Check, CheckContext, TermLookup
from transdesk.qa.gate import Thresholds, article_decision, segment_decision, thresholds_from
from transdesk.qa.registry import check_names, create_checks
from transdesk.qa.report import CheckReport, PairReport
from transdesk.qa.review import check_translation
from transdesk.qa.runner import Checker, check_pair

__all__ = [
    "Check",
    "CheckContext",
    "CheckReport",
    "Checker",
    "PairReport",
    "TermLookup",
    "Thresholds",
    "article_decision",
    "check_names",
    "check_pair",
    "check_translation",
    "create_checks",
    "segment_decision",
    "thresholds_from",
]
