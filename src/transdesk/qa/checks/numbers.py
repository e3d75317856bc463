"""Numbers and quantities: every number in the source is in the translation, none from nowhere."""

from __future__ import annotations

from transdesk.article import Finding
from transdesk.dates import find_english_dates, resolve_dates
from transdesk.qa.base import CheckContext, finding, register
from transdesk.qa.quantities import Quantity, english_quantities, korean_quantities, values_match

# "1명" is "a man", "1위" is "top": a lone 1 is too often written without a number.
_SILENT_VALUES = {1.0}


def _inside(quantity: Quantity, spans: list[tuple[int, int]]) -> bool:
    return any(s <= quantity.start and quantity.end <= e for s, e in spans)


@register
class NumbersCheck:
    name = "numbers"
    description = "every number in the source appears in the translation, and none from nowhere"

    def run(self, context: CheckContext) -> list[Finding]:
        mentions = resolve_dates(context.source, context.dateline)
        date_spans = [(m.start, m.end) for m in mentions]
        english_date_spans = [(d.start, d.end) for d in find_english_dates(context.target)]
        source = [q for q in korean_quantities(context.source) if not _inside(q, date_spans)]
        target = [q for q in english_quantities(context.target)
                  if not _inside(q, english_date_spans)]
        explained = {float(v) for m in mentions if m.first for v in (m.first.year, m.first.day)}
        findings = self._missing(source, target)
        findings += self._unexplained(source, target, explained)
        return findings

    def _missing(self, source: list[Quantity], target: list[Quantity]) -> list[Finding]:
        findings = []
        available = list(target)
        for quantity in source:
            match = next((t for t in available if values_match(t.value, quantity.value)), None)
            if match is not None:
                available.remove(match)
                continue
            if any(values_match(t.value, quantity.value) for t in target):
                continue  # the same number twice in Korean, once in English
            if quantity.value in _SILENT_VALUES:
                continue
            findings.append(finding(
                self.name, "number_missing", "major",
                f"the number {quantity.surface!r} in the source is not in the translation",
                source_span=(quantity.start, quantity.end),
            ))
        return findings

    def _unexplained(self, source, target, explained) -> list[Finding]:
        findings = []
        for quantity in target:
            if quantity.spelled or quantity.value in explained:
                continue
            if any(values_match(quantity.value, s.value) for s in source):
                continue
            findings.append(finding(
                self.name, "number_added", "minor",
                f"the translation has {quantity.surface!r}, which is not in the source",
                target_span=(quantity.start, quantity.end),
            ))
        return findings
