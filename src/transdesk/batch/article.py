"""One article of a batch through the pipeline, into the line the output gets.

The line is what `transdesk translate --to json` writes, with the article's place in the input
(`line`, and `file` for a folder) beside it. An article that cannot be read, or that the engine
translated none of, becomes an error line naming the reason; the batch goes on. An engine that
cannot run at all (`EngineUnavailable`) stops the batch instead: every later article would fail
the same way.
"""

from __future__ import annotations

import logging

from transdesk.article import SegmentStatus, TranslatedArticle
from transdesk.batch.cache import CachingEngine
from transdesk.batch.inputs import BatchItem
from transdesk.batch.stats import ArticleCounts, ArticleResult
from transdesk.errors import EngineError, EngineUnavailable, TransdeskError
from transdesk.ingest import parse_article
from transdesk.pipeline import Pipeline
from transdesk.publish.json import translated_to_dict
from transdesk.settings import Settings

log = logging.getLogger(__name__)


class ArticleTranslator:
    """Turns batch items into output lines with one pipeline whose engine is a `CachingEngine`."""

    def __init__(self, pipeline: Pipeline, settings: Settings) -> None:
        if not isinstance(pipeline.engine, CachingEngine):
            raise TypeError("the batch pipeline's engine must be a CachingEngine")
        self.pipeline = pipeline
        self.cache: CachingEngine = pipeline.engine
        self.settings = settings

    def translate(self, item: BatchItem) -> ArticleResult:
        """The output line for `item`, with its sentence counts (or its failure's exit code)."""
        hits, misses = self.cache.hits, self.cache.misses
        try:
            article = parse_article(
                item.data, item.format, max_bytes=self.settings.max_article_bytes,
                slug=item.slug_hint, where=item.file or f"line {item.line}",
            )  # fmt: skip
            translated = self.pipeline.translate(article)
            _refuse_untranslated(translated, self.pipeline.engine.name)
        except EngineUnavailable:
            raise
        except TransdeskError as error:
            log.info("%s: %s", _where(item), error.message)
            line = error_line(item, error.code, str(error))
            return ArticleResult(line, exit_code=error.exit_code)
        except Exception as error:  # a fault of the desk with this one article: say so, go on
            log.exception("%s: the article could not be translated", _where(item))
            reason = f"{type(error).__name__}: {error}"
            return ArticleResult(error_line(item, "internal", reason), exit_code=1)
        counts = ArticleCounts(
            sentences=len(translated.segments),
            from_memory=sum(s.status is SegmentStatus.FROM_MEMORY for s in translated.segments),
            from_engine=self.cache.misses - misses,
            from_cache=self.cache.hits - hits,
        )
        record = translated_to_dict(translated, self.settings.feedback_url_for(article.slug))
        return ArticleResult({**_place(item), **record}, counts)


def _refuse_untranslated(translated: TranslatedArticle, engine: str) -> None:
    """As `transdesk translate`: an article of which no sentence was translated is an error."""
    if translated.segments and len(translated.failed) == len(translated.segments):
        raise EngineError(
            f"the {engine} engine translated none of the {len(translated.segments)} sentences",
            hint="first failure: " + (translated.failed[0].error or "unknown"),
        )


def _place(item: BatchItem) -> dict[str, object]:
    place: dict[str, object] = {"line": item.line}
    if item.file is not None:
        place["file"] = item.file
    return place


def _where(item: BatchItem) -> str:
    return item.file or f"line {item.line}"


def error_line(item: BatchItem, code: str, message: str) -> dict[str, object]:
    """The line of an article that could not be translated: where it is, and why."""
    return {**_place(item), "slug": item.slug_hint, "error": {"code": code, "message": message}}
