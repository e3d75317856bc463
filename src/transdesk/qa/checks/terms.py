"""Terms: approved renderings of termbase terms are used, forbidden ones are not.

Which terms: every term the termbase finds in the Korean, the longest match and the terms nested
inside it (노동당 inside 김정은 북한 노동당 총비서). Nested terms are checked for their forbidden
renderings; they never need a rendering of their own, since the term around them carries that
(and is rendered when its nested terms are, below).

Rendered: any approved shape of the entry's first or later reference counts
(`transdesk.glossary.approved`: with or without "the", with or without the abbreviation in
parentheses, singular or plural, "U.N." or "UN", hyphen or space). A term whose own rendering is
absent but whose nested terms are rendered and make up most of it ("general secretary of the
WPK" for 노동당 총비서) is rendered too.

Forbidden: a forbidden rendering in the English is a major finding, unless it lies inside
approved renderings of the terms in the sentence ("Secretary Kim" inside "General Secretary
Kim", where "general secretary" and "Kim" are both approved), or is itself an approved shape
("Yoon Suk-yeol" for "Yoon Suk Yeol").

Missing: a term that is not rendered holds the sentence only when something wrong stands in its
place (`transdesk.qa.term_stand_ins`):

- major: a forbidden rendering of the term or of a term nested in it, or a literal
  romanization of the Korean ("Gwangbokjeol" for 광복절);
- minor: another capitalised name on the approved rendering's head noun ("... Party");
- info: nothing wrong in its place (a paraphrase, a pronoun, a shortened form, or the sentence
  does not name it). An entry still only proposed is never more than minor.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from transdesk.article import Finding
from transdesk.glossary.approved import approved_spans, is_approved_shape, merge_spans
from transdesk.glossary.model import TermEntry, TermMatch, TermStatus
from transdesk.qa.base import CheckContext, TermLookup, finding
from transdesk.qa.term_stand_ins import StandIn, literal_rendering, other_name

_GAP = re.compile(r"[\s,\-‐‑–]*")  # what may separate two approved renderings that read as one
_COMPOSED = 2 / 3  # share of a term's letters its rendered nested terms must cover


@functools.lru_cache(maxsize=4096)
def _forbidden_pattern(english: str) -> re.Pattern[str]:
    """A case-insensitive whole-word pattern for a forbidden rendering, inflections included."""
    words = [re.escape(w) for w in english.split()]
    inflection = r"(?:'s|’s|s|es|n|an|ns|ans|ese|i|is)?" if english[-1:].isalpha() else ""
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + inflection + r"(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SourceTerm:
    """A term found in the source, with the top-level match it sits in (itself when on top)."""

    match: TermMatch
    enclosing: TermMatch

    @property
    def nested(self) -> bool:
        return self.match is not self.enclosing


@dataclass(frozen=True, slots=True)
class _Hit:
    term: SourceTerm
    form: str
    span: tuple[int, int]
    text: str


def source_terms(termbase: TermLookup, source: str) -> list[SourceTerm]:
    """The top-level matches, then every match nested in (or overlapping) one of them."""
    top = termbase.match(source)
    terms = [SourceTerm(m, m) for m in top]
    match_all = getattr(termbase, "match_all", None)
    if match_all is None:
        return terms
    chosen = {(m.start, m.end, m.entry.source) for m in top}
    for candidate in match_all(source):
        if (candidate.start, candidate.end, candidate.entry.source) in chosen:
            continue
        enclosing = next(
            (m for m in top if m.start < candidate.end and candidate.start < m.end), None
        )
        if enclosing is not None:
            terms.append(SourceTerm(candidate, enclosing))
    return terms


def _covered(target: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Approved spans joined across the spaces, commas and hyphens between them."""
    joined: list[tuple[int, int]] = []
    for start, end in merge_spans(spans):
        if joined and _GAP.fullmatch(target[joined[-1][1] : start]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _inside(span: tuple[int, int], covered: Sequence[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in covered)


def _forbidden_hits(
    terms: list[SourceTerm], target: str, covered: list[tuple[int, int]]
) -> list[_Hit]:
    """Forbidden renderings in the English, the longest on any words, none inside approved."""
    raw: list[_Hit] = []
    seen: set[int] = set()
    for term in terms:
        entry = term.match.entry
        if id(entry) in seen:
            continue
        seen.add(id(entry))
        for form in entry.forbidden:
            if not form.strip() or is_approved_shape(form, entry):
                continue
            for found in _forbidden_pattern(form).finditer(target):
                if not _inside(found.span(), covered):
                    raw.append(_Hit(term, form, found.span(), found.group(0)))
    raw.sort(key=lambda h: (h.span[0] - h.span[1], h.span[0]))
    kept: list[_Hit] = []
    for hit in raw:
        if not any(k.span[0] <= hit.span[0] and hit.span[1] <= k.span[1] for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.span[0])


def _composed(term: SourceTerm, terms: list[SourceTerm], rendered: set[int]) -> bool:
    """True when rendered nested terms make up most of the term's Korean."""
    start, end = term.match.start, term.match.end
    letters = {i for i in range(start, end) if not term.match.surface[i - start].isspace()}
    parts = [
        t.match
        for t in terms
        if t.nested and t.enclosing is term.match and id(t.match.entry) in rendered
    ]
    covered = {i for p in parts for i in range(p.start, p.end)} & letters
    return bool(letters) and len(covered) >= _COMPOSED * len(letters)


def _missing_severity(
    entry: TermEntry, wrong: _Hit | StandIn | None, other: StandIn | None
) -> str:
    if entry.status is not TermStatus.APPROVED:
        return "minor" if wrong or other else "info"
    if wrong is not None:
        return "major"
    return "minor" if other is not None else "info"


class TermsCheck:
    name = "terms"
    description = (
        "termbase terms in the source have their approved rendering, never a forbidden one"
    )

    def run(self, context: CheckContext) -> list[Finding]:
        if context.termbase is None:
            return []
        terms = source_terms(context.termbase, context.source)
        if not terms:
            return []
        target = context.target
        spans_by_entry = {id(t.match.entry): approved_spans(target, t.match.entry) for t in terms}
        covered = _covered(target, [s for spans in spans_by_entry.values() for s in spans])
        hits = _forbidden_hits(terms, target, covered)
        findings = [self._forbidden(hit) for hit in hits]
        rendered = {key for key, spans in spans_by_entry.items() if spans}
        seen: set[str] = set()
        for term in terms:
            entry = term.match.entry
            if term.nested or entry.source in seen:
                continue
            seen.add(entry.source)
            if id(entry) in rendered or _composed(term, terms, rendered):
                continue
            findings.append(self._missing(term, terms, hits, target, covered))
        return findings

    def _forbidden(self, hit: _Hit) -> Finding:
        match, entry = hit.term.match, hit.term.match.entry
        return finding(
            self.name,
            "forbidden_term",
            "major",
            f"{hit.text!r} is a forbidden rendering of {match.surface!r}; use {entry.target!r}",
            source_span=(match.start, match.end),
            target_span=hit.span,
            suggestion=entry.target,
        )

    def _missing(
        self,
        term: SourceTerm,
        terms: list[SourceTerm],
        hits: list[_Hit],
        target: str,
        covered: list[tuple[int, int]],
    ) -> Finding:
        match, entry = term.match, term.match.entry
        own = next((h for h in hits if h.term.enclosing is match), None)
        wrong: _Hit | StandIn | None = own or literal_rendering(
            entry, match.surface, target, covered
        )
        other = None if wrong else other_name(entry, target, covered)
        severity = _missing_severity(entry, wrong, other)
        message = f"{match.surface!r} should be rendered {entry.target!r}"
        if isinstance(wrong, _Hit):
            message += f"; the translation has the forbidden {wrong.text!r} in its place"
        elif wrong is not None:
            message += f"; {wrong.text!r} in its place is a romanization, not a translation"
        elif other is not None:
            message += f"; the translation names {other.text!r} instead: check it is the same"
        else:
            message += " (not found; fine if the sentence says it another way)"
        place = wrong or other
        return finding(
            self.name,
            "term_missing",
            severity,
            message,
            source_span=(match.start, match.end),
            target_span=place.span if place is not None else None,
            suggestion=entry.target,
        )
