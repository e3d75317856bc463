"""JSON output: every segment with its source, its English, where it came from, what was applied
and found, plus the signature of everything that produced the translation."""

from __future__ import annotations

import dataclasses
import json

from transdesk.article import SegmentTranslation, TranslatedArticle
from transdesk.publish.credits import english_byline, english_credit
from transdesk.publish.notice import AI_NOTICE

SCHEMA_VERSION = 1


def translated_to_dict(translated: TranslatedArticle, feedback_url: str) -> dict[str, object]:
    article = translated.source
    return {
        "schema": SCHEMA_VERSION,
        "slug": article.slug,
        "dateline": {"date": article.dateline.date.isoformat(), "timezone": article.dateline.timezone},
        "byline": english_byline(article.byline),
        "source": english_credit(article.source),
        "original": {"byline": article.byline, "source": article.source},  # as received
        "decision": translated.decision,
        "blocks": [
            {
                "index": block.index,
                "kind": block.kind.value,
                "image": block.image,
                "source": block.text,
                "segments": [_segment(s) for s in translated.for_block(block.index)],
            }
            for block in article.blocks
        ],
        "notice": {"text": AI_NOTICE, "feedback_url": feedback_url},
        "signature": translated.signature,
    }


def _segment(s: SegmentTranslation) -> dict[str, object]:
    return {
        "id": s.segment.id,
        "source": s.segment.text,
        "source_span": [s.segment.start, s.segment.end],
        "target": s.text,
        "status": s.status.value,
        "origin": s.origin,
        "score": s.score,
        "applied": list(s.applied),
        "findings": [dataclasses.asdict(f) for f in s.findings],
        "decision": s.decision,
        "error": s.error,
    }


def render_json(translated: TranslatedArticle, feedback_url: str) -> str:
    return json.dumps(translated_to_dict(translated, feedback_url), ensure_ascii=False, indent=2) + "\n"
