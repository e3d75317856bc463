"""schema.org `NewsArticle` JSON-LD for a reader's page: what search engines and news aggregators
read to know the page is a machine translation of a Korean article, by whom, and how corrected.

`news_article` builds the object as a dict; `script_json` serialises it for a
`<script type="application/ld+json">` element, with every `<`, `>` and `&` written as a JSON
escape, so no headline or note can end the element (`</script>`) or open a comment (`<!--`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from transdesk.publish.escape import safe_url
from transdesk.publish.newsroom import Newsroom

CONTEXT = "https://schema.org"
MACHINE_TRANSLATION = "Machine translation"
# characters an HTML parser acts on inside a script element, as JSON escapes (still valid JSON)
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


@dataclass(frozen=True)
class Original:
    """The Korean article the English translates."""

    headline: str
    published: dt.date | dt.datetime  # its dateline
    url: str | None = None  # where the source published it, when the desk knows


@dataclass(frozen=True)
class CorrectionNote:
    published: dt.datetime  # with its offset, on the newsroom's clock
    text: str


@dataclass(frozen=True)
class TranslatedPage:
    """What the JSON-LD says about one published article."""

    slug: str
    headline: str
    published: dt.datetime  # with offsets, on the newsroom's clock
    modified: dt.datetime
    original: Original
    signature: Mapping[str, object]  # what produced the translation (engine, model, versions)
    corrections: Sequence[CorrectionNote] = ()


def news_article(page: TranslatedPage, newsroom: Newsroom) -> dict[str, object]:
    """The page's `NewsArticle`: headline, dates, languages, the original it translates, the
    machine translator, the publisher, its corrections and the newsroom's policies."""
    url = newsroom.article_url(page.slug)
    original = _original(page.original)
    data: dict[str, object] = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": page.headline,
        "inLanguage": "en",
        "datePublished": page.published.isoformat(),
        "dateModified": max(page.modified, page.published).isoformat(),
        "translationOfWork": original,
        "isBasedOn": original,
        "translator": translators(page.signature, newsroom),
        "publisher": publisher(newsroom),
    }
    if page.corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "datePublished": note.published.isoformat(),
                "text": note.text,
            }
            for note in page.corrections
        ]
    if newsroom.publishing_principles_url:
        data["publishingPrinciples"] = newsroom.publishing_principles_url
    if newsroom.corrections_policy_url:
        data["correctionsPolicy"] = newsroom.corrections_policy_url
    return data


def _original(original: Original) -> dict[str, object]:
    work: dict[str, object] = {
        "@type": "CreativeWork",
        "inLanguage": "ko",
        "headline": original.headline,
        "datePublished": original.published.isoformat(),
    }
    url = safe_url(original.url)
    if url and url.startswith(("http://", "https://")):
        work["url"] = url
    return work


def translators(signature: Mapping[str, object], newsroom: Newsroom) -> list[dict[str, object]]:
    """The desk that publishes the translation and the software that made it, marked as
    machine translation, naming the engine and model of the article's signature."""
    engine = str(signature.get("engine") or "unknown engine")
    model = signature.get("model")
    made_by = f"{MACHINE_TRANSLATION} by the {engine} engine" + (f" ({model})" if model else "")
    software: dict[str, object] = {
        "@type": "SoftwareApplication",
        "name": "transdesk",
        "applicationCategory": MACHINE_TRANSLATION,
        "description": f"{made_by}, Korean to English.",
    }
    version = signature.get("transdesk")
    if version:
        software["softwareVersion"] = str(version)
    desk = {
        "@type": "Organization",
        "name": f"{newsroom.name} translation desk",
        "url": newsroom.url("/"),
        "description": f"{MACHINE_TRANSLATION} desk of {newsroom.name}.",
    }
    return [desk, software]


def publisher(newsroom: Newsroom) -> dict[str, object]:
    organisation: dict[str, object] = {
        "@type": "NewsMediaOrganization",
        "name": newsroom.name,
        "url": newsroom.url("/"),
    }
    if newsroom.publishing_principles_url:
        organisation["publishingPrinciples"] = newsroom.publishing_principles_url
    if newsroom.corrections_policy_url:
        organisation["correctionsPolicy"] = newsroom.corrections_policy_url
    return organisation


def script_json(data: Mapping[str, object]) -> str:
    """`data` as JSON safe inside `<script type="application/ld+json">`: nothing in it can close
    the element or open an HTML comment."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)
