"""Tense against the calendar: a past event told as future, or a coming one told as past.

The seed article turned "지난해 6월 ... 만난 바 있다" (they met in June last year) into "are set to
meet ... in June 2024", in an article dated Sept. 2, 2025. The source's own tense (kiwi's past
marker 었/았) and its dates resolved against the dateline say when the event happened.
"""

from __future__ import annotations

import re

from transdesk.article import Finding
from transdesk.dates import resolve_dates
from transdesk.qa.base import CheckContext, finding
from transdesk.qa.korean_tense import main_clause, reports_present, source_tense

_ENGLISH_FUTURE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are|was|were)\s+(?:set|scheduled|slated|due|going)\s+to)\b|'ll\b",
    re.IGNORECASE,
)
_ENGLISH_PROSPECT = re.compile(
    r"\b(?:will|would|shall|'ll|won't|going\s+to|set\s+to|scheduled|slated|plans?|planned|"
    r"planning|expect\w*|upcoming|next|coming|later|to\s+be|intend\w*|aim\w*|due|until|hope\w*|"
    r"to\s+\w+|could|may|might|should|must|can)\b",
    re.IGNORECASE,
)
# a future put on the verb of saying: "police will say", "he will tell reporters"
_FUTURE_SPEECH = re.compile(
    r"\b(?:will|shall|'ll)\s+(?:\w+ly\s+)?(?:say|tell|report|announce|add|state|claim|insist|"
    r"argue|note|confirm|explain|write|reply|warn|stress|deny|admit|told|said)\b",
    re.IGNORECASE,
)


class TenseCheck:
    name = "tense"
    description = "a past event is not told as future, nor a coming one as past"

    def run(self, context: CheckContext) -> list[Finding]:
        if context.is_headline:
            return []  # headlines are in the historical present by convention
        past, future = source_tense(context.source)
        mentions = resolve_dates(context.source, context.dateline)
        dated_past = any(
            m.last and context.dateline and m.last < context.dateline for m in mentions
        )
        dated_future = any(
            (m.first and context.dateline and m.first > context.dateline)
            or m.surface.startswith(("오는", "내년", "다음", "내달"))
            for m in mentions
        )
        spoken = _FUTURE_SPEECH.search(context.target)
        if spoken and not dated_future:
            clause = main_clause(context.source)
            if clause.past and clause.speech:
                return [self._past_as_future(spoken)]
        english_future = _ENGLISH_FUTURE.search(context.target)
        if (
            english_future
            and (past or dated_past)
            and not future
            and not dated_future
            and not reports_present(context.source)
        ):
            return [self._past_as_future(english_future)]
        if dated_future and not past and not _ENGLISH_PROSPECT.search(context.target):
            return [
                finding(
                    self.name,
                    "future_as_past",
                    "major",
                    "the source describes a coming event, the translation tells it as past",
                )
            ]
        return []

    def _past_as_future(self, match: re.Match[str]) -> Finding:
        return finding(
            self.name,
            "past_as_future",
            "major",
            "the source reports a past event, the translation presents it as future "
            f"({match.group(0)!r})",
            target_span=match.span(),
        )
