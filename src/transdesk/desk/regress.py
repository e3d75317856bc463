"""Regression: every accepted correction is a test the current pipeline must still pass.

`run_regression` re-translates each case's Korean sentence with the pipeline it is given (the
current engine, termbase and memory), inside its whole original article when the desk still has it
(so context and dateline are the same as the first time), and reports a case as failed when the
old wrong words came back or the accepted words are missing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from transdesk.article import Article, Block, BlockKind, Dateline, Segment
from transdesk.desk.articles import source_from_json
from transdesk.pipeline import Pipeline
from transdesk.store.db import Database
from transdesk.store.desk_tables import DeskArticle
from transdesk.store.editor_tables import RegressionCase

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaseResult:
    case_id: int
    article_slug: str
    segment_id: str
    source: str
    expected: str
    wrong: str | None
    right: str | None
    got: str | None
    status: str  # "ok" | "mistake_back" | "fix_missing" | "failed"

    @property
    def passed(self) -> bool:
        return self.status == "ok"


def _has(text: str, words: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text) is not None


def judge(got: str | None, expected: str, wrong: str | None, right: str | None) -> str:
    """What a new translation says about one case."""
    if not got:
        return "failed"
    if wrong and _has(got, wrong) and not (right and _has(right, wrong) and _has(got, right)):
        return "mistake_back"
    if right and not _has(got, right):
        return "fix_missing"
    if not wrong and not right and " ".join(got.split()) != " ".join(expected.split()):
        return "fix_missing"
    return "ok"


def _single(case: RegressionCase) -> tuple[Article, str]:
    """The sentence on its own, when its article is no longer on the desk."""
    segment = Segment("b0.s0", 0, 0, case.source_text, 0, len(case.source_text))
    block = Block(0, BlockKind.HEADLINE, case.source_text, (segment,))
    article = Article(slug=f"regress-{case.id}", blocks=(block,), dateline=Dateline(case.dateline))
    return article, "b0.s0"


def _articles(db: Database, cases: Sequence[RegressionCase]) -> dict[str, Article]:
    slugs = {c.article_slug for c in cases}
    with db.session() as session:
        rows = session.execute(
            select(DeskArticle.slug, DeskArticle.source).where(DeskArticle.slug.in_(slugs))
        ).all()
    return {slug: source_from_json(source) for slug, source in rows}


def active_cases(db: Database) -> list[RegressionCase]:
    with db.session() as session:
        return list(
            session.scalars(
                select(RegressionCase)
                .where(RegressionCase.active.is_(True))
                .order_by(RegressionCase.id)
            )
        )


def run_regression(db: Database, pipeline: Pipeline) -> list[CaseResult]:
    """Translate every active case again and judge it; one pipeline call per article."""
    cases = active_cases(db)
    articles = _articles(db, cases)
    translations: dict[str, dict[str, str | None]] = {}
    results = []
    for case in cases:
        article = articles.get(case.article_slug)
        segment_id = case.segment_id
        if article is None or not _same_source(article, segment_id, case.source_text):
            article, segment_id = _single(case)
        if article.slug not in translations:
            translated = pipeline.translate(article)
            translations[article.slug] = {s.segment.id: s.text for s in translated.segments}
        got = translations[article.slug].get(segment_id)
        status = judge(got, case.expected, case.wrong, case.right)
        results.append(
            CaseResult(
                case.id,
                case.article_slug,
                case.segment_id,
                case.source_text,
                case.expected,
                case.wrong,
                case.right,
                got,
                status,
            )
        )
    back = sum(not r.passed for r in results)
    log.info("regression: %d cases, %d failed", len(results), back)
    return results


def _same_source(article: Article, segment_id: str, source: str) -> bool:
    try:
        return article.segment(segment_id).text == source
    except KeyError:
        return False
