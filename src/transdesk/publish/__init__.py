"""Rendering a translated article as Markdown, HTML or JSON, ending with the AI notice."""

from __future__ import annotations

from collections.abc import Callable

from transdesk.article import TranslatedArticle
from transdesk.publish.html import render_html
from transdesk.publish.json import render_json
from transdesk.publish.markdown import render_markdown
from transdesk.publish.notice import AI_NOTICE, AI_NOTICE_LINK_TEXT

Renderer = Callable[[TranslatedArticle, str], str]
RENDERERS: dict[str, Renderer] = {"md": render_markdown, "html": render_html, "json": render_json}

__all__ = ["AI_NOTICE", "AI_NOTICE_LINK_TEXT", "RENDERERS", "render"]


def render(translated: TranslatedArticle, fmt: str, feedback_url: str) -> str:
    return RENDERERS[fmt](translated, feedback_url)
