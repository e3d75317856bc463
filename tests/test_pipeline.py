"""The pipeline around an engine: every sentence accounted for, stages called in order."""

from __future__ import annotations

from pathlib import Path

from fixtures.engines import PhrasebookEngine, seed_phrasebook

from transdesk.article import SegmentStatus
from transdesk.engines.base import Hypothesis
from transdesk.ingest import read_article
from transdesk.pipeline import Pipeline, build_requests
from transdesk.stage import BaseStage

EXAMPLE = Path(__file__).parents[1] / "examples" / "putin-kim-beijing.md"


def test_every_segment_comes_back_in_order_with_signature():
    article = read_article(EXAMPLE)
    translated = Pipeline(PhrasebookEngine(seed_phrasebook())).translate(article)
    assert [s.segment.id for s in translated.segments] == [s.id for s in article.segments()]
    assert all(s.status is SegmentStatus.TRANSLATED for s in translated.segments)
    assert translated.signature["engine"] == "phrasebook"
    assert "transdesk" in translated.signature


def test_a_failed_segment_is_failed_not_source_text():
    article = read_article(EXAMPLE)
    book = seed_phrasebook()
    missing = next(iter(article.segments())).text
    del book[missing]
    translated = Pipeline(PhrasebookEngine(book)).translate(article)
    failed = translated.failed
    assert [s.segment.text for s in failed] == [missing]
    assert failed[0].text is None and failed[0].status is SegmentStatus.FAILED
    assert failed[0].decision == "block" and "phrasebook" in failed[0].error


def test_requests_carry_neighbouring_sentences():
    article = read_article(EXAMPLE)
    requests = build_requests(article, context_sentences=1)
    texts = [s.text for s in article.segments()]
    assert requests[0].before == () and requests[0].after == (texts[1],)
    assert requests[3].before == (texts[2],) and requests[3].after == (texts[4],)


class SettleFirst(BaseStage):
    """A stage that settles the headline before the engine and repairs text after it."""

    name = "settle"

    def before_engine(self, article, jobs):
        jobs[0].hypothesis = Hypothesis(jobs[0].segment.id, "Settled headline")
        jobs[0].status = SegmentStatus.FROM_MEMORY
        jobs[0].origin = "memory"

    def after_engine(self, article, jobs):
        for job in jobs[1:]:
            if job.text and "Kremlin Palace" in job.text:
                job.set_text(job.text.replace("Kremlin Palace", "the Kremlin"), "term:크렘린궁")

    def after_article(self, article, jobs):
        return "review"

    def signature(self):
        return {"version": 1}


def test_stages_settle_repair_and_decide():
    article = read_article(EXAMPLE)
    engine = PhrasebookEngine(seed_phrasebook())
    pipeline = Pipeline(engine, [SettleFirst()])
    translated = pipeline.translate(article)
    assert len(engine.calls[0]) == len(list(article.segments())) - 1
    assert translated.segments[0].status is SegmentStatus.FROM_MEMORY
    assert translated.segments[0].origin == "memory"
    repaired = [s for s in translated.segments if "term:크렘린궁" in s.applied]
    assert repaired and all("Kremlin Palace" not in s.text for s in repaired)
    assert translated.decision == "review"
    assert translated.signature["settle"] == {"version": 1}
    assert pipeline.last_timings.engine_s <= pipeline.last_timings.total_s


def test_an_article_without_a_headline_is_translated_and_published_whole(tmp_path):
    """Wire copy that opens with a photo caption (no headline) goes through the pipeline and the
    Markdown output keeps its dateline."""
    from transdesk.publish.markdown import render_markdown

    text = EXAMPLE.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("# ")]
    source = tmp_path / "no-headline.md"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    article = read_article(source)
    assert article.headline is None
    translated = Pipeline(PhrasebookEngine(seed_phrasebook())).translate(article)
    assert [s.segment.id for s in translated.segments] == [s.id for s in article.segments()]
    markdown = render_markdown(translated, "https://news.example/feedback")
    assert not markdown.startswith("# ")
    assert "Sept. 2, 2025" in markdown.splitlines()[0]  # the dateline leads
