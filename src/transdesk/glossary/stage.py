"""`TermbaseStage`: the termbase's place in the pipeline, for every engine, by its capabilities.

Before the engine: an engine that takes term hints gets the matched entries as `TermHint`s; one
that keeps placeholders gets each term swapped for a placeholder and the forbidden renderings
listed for suppression in decoding. After the engine: placeholders go back as the approved English
(a dropped one is flagged unless the model wrote the term anyway), and every engine's output is
checked: a forbidden rendering of a matched term is replaced by the approved one, or the sentence
is flagged when that is ambiguous.

The termbase is asked for once per article (the store reloads it when an editor changed it); the
sentence's job keeps the termbase it was planned with, and the plan is recomputed from the source
after the engine, so one stage can serve any number of articles at once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from transdesk.article import Article, Decision, Finding, Severity, stricter
from transdesk.engines.base import EngineCapabilities, TermHint
from transdesk.glossary.forbidden import Subject, carries_rendering, find_hits, repair
from transdesk.glossary.matcher import Termbase, TermbaseSource
from transdesk.glossary.placeholders import protect, restore
from transdesk.glossary.plan import PlannedTerm, plan_article
from transdesk.stage import TERMBASE_KEPT, BaseStage, SegmentJob, kept_termbase

log = logging.getLogger(__name__)
CHECK = "terms"


class TermbaseStage(BaseStage):
    name = "termbase"

    def __init__(self, termbase: TermbaseSource, capabilities: EngineCapabilities) -> None:
        self.termbase = termbase
        self.capabilities = capabilities

    def signature(self) -> dict[str, object]:
        return {**self.termbase.current().signature(), "enforcement": self.enforcement}

    @property
    def enforcement(self) -> str:
        """How terms reach the engine: in the prompt, as placeholders, or only checked after."""
        if self.capabilities.takes_term_hints:
            return "hints"
        if self.capabilities.keeps_placeholders:
            return "placeholders"
        return "after"

    def before_engine(self, article: Article, jobs: Sequence[SegmentJob]) -> None:
        termbase = self.termbase.current()
        for job in jobs:
            job.kept[TERMBASE_KEPT] = termbase
        for job, planned in zip(jobs, self._plan(termbase, article, jobs), strict=True):
            if job.settled or not planned:
                continue
            if self.capabilities.takes_term_hints:
                hints = tuple(_hint(p) for p in planned)
                job.request = replace(job.request, terms=_unique(job.request.terms + hints))
            elif self.capabilities.keeps_placeholders:
                text, tokens = protect(job.request.text, planned)
                forbidden = tuple(f for p in planned for f in p.entry.forbidden)
                job.request = replace(
                    job.request,
                    text=text,
                    placeholders=job.request.placeholders + tokens,
                    suppress=_unique(job.request.suppress + forbidden),
                )

    def after_engine(self, article: Article, jobs: Sequence[SegmentJob]) -> None:
        kept = kept_termbase(jobs)
        termbase = kept if isinstance(kept, Termbase) else self.termbase.current()
        for job, planned in zip(jobs, self._plan(termbase, article, jobs), strict=True):
            if job.text is None or not planned:
                continue
            tokens = [p.token for p in planned if p.token in job.request.placeholders]
            if tokens:
                self._restore(job, planned, tokens)
            self._enforce(termbase, job, planned)

    def after_article(self, article: Article, jobs: Sequence[SegmentJob]) -> Decision | None:
        flagged = any(
            f.check == CHECK and f.severity == Severity.MAJOR for j in jobs for f in j.findings
        )
        return Decision.REVIEW if flagged else None

    @staticmethod
    def _plan(
        termbase: Termbase, article: Article, jobs: Sequence[SegmentJob]
    ) -> list[list[PlannedTerm]]:
        kinds = {block.index: block.kind for block in article.blocks}
        return plan_article(termbase, ((j.segment, kinds[j.segment.block_index]) for j in jobs))

    def _restore(self, job: SegmentJob, planned: list[PlannedTerm], tokens: list[str]) -> None:
        result = restore(job.text or "", planned, tokens)
        job.set_text(result.text, "termbase:placeholders")
        for term in result.restored:
            job.applied.append(f"term:{term.entry.source}")
        for term in result.missing:
            if carries_rendering(result.text, term.entry) or _has_forbidden(result.text, term):
                continue  # written out by the model; the forbidden check below covers the rest
            _flag(job, term, "term", f"the engine dropped {term.match.surface} ({term.token})")
        if result.stray:
            log.info("segment %s: removed stray placeholders %s", job.segment.id, result.stray)

    def _enforce(self, termbase: Termbase, job: SegmentJob, planned: list[PlannedTerm]) -> None:
        subjects = _subjects(termbase, job.segment.text, planned)
        hits = find_hits(job.text or "", subjects)
        if not hits:
            return
        text = repair(job.text or "", hits)
        if text != job.text:
            repaired = dict.fromkeys(h.subject.entry.source for h in hits if not h.ambiguous)
            job.set_text(text, f"term:{next(iter(repaired))}")
            job.applied.extend(f"term:{source}" for source in list(repaired)[1:])
        for hit in (h for h in hits if h.ambiguous):
            message = f'"{hit.text}" is a forbidden rendering; more than one term claims it'
            _flag(job, hit.subject, "forbidden_term", message, target_span=(hit.start, hit.end))


def _subjects(termbase: Termbase, source: str, planned: list[PlannedTerm]) -> list[Subject]:
    """The planned terms, then terms nested inside them (크렘린궁 in a longer title)."""
    subjects = []
    for entry in dict.fromkeys(p.entry for p in planned):
        mine = [p for p in planned if p.entry is entry]
        span = (mine[0].match.start, mine[0].match.end)
        subjects.append(Subject(entry, tuple(p.rendering for p in mine), span))
    taken = {id(s.entry) for s in subjects}
    for match in termbase.all_matches(source):
        if id(match.entry) not in taken and match.entry.forbidden:
            taken.add(id(match.entry))
            subjects.append(Subject(match.entry, (match.entry.target,), (match.start, match.end)))
    return subjects


def _has_forbidden(text: str, term: PlannedTerm) -> bool:
    return bool(find_hits(text, [Subject(term.entry, (term.rendering,), (0, 0))]))


def _flag(
    job: SegmentJob,
    term: PlannedTerm | Subject,
    kind: str,
    message: str,
    target_span: tuple[int, int] | None = None,
) -> None:
    if isinstance(term, PlannedTerm):
        span, rendering = (term.match.start, term.match.end), term.rendering
    else:
        span, rendering = term.source_span, term.renderings[0]
    job.findings.append(
        Finding(
            check=CHECK,
            kind=kind,
            severity=Severity.MAJOR,
            message=f"{message}; approved: {rendering!r}",
            source_span=span,
            target_span=target_span,
            suggestion=rendering,
        )
    )
    job.decision = stricter(job.decision, Decision.REVIEW)


def _hint(term: PlannedTerm) -> TermHint:
    entry = term.entry
    return TermHint(term.match.surface, term.rendering, entry.forbidden, entry.note)


def _unique(items: tuple) -> tuple:
    return tuple(dict.fromkeys(items))
