"""Markdown output: same block structure as the Korean source, the AI notice with its link last."""

from __future__ import annotations

from transdesk.article import BlockKind, TranslatedArticle
from transdesk.publish.notice import AI_NOTICE_BEFORE_LINK, AI_NOTICE_LINK_TEXT, ap_date

HELD_BACK = "[held back for review]"


def render_markdown(translated: TranslatedArticle, feedback_url: str) -> str:
    article = translated.source
    lines: list[str] = []
    for block in article.blocks:
        text = _block_text(translated, block.index)
        if block.kind is BlockKind.HEADLINE:
            lines.append(f"# {text}")
            lines.append(_dateline(translated))
        elif block.kind is BlockKind.SUBHEADLINE:
            lines.append(f"## {text}")
        elif block.kind is BlockKind.CAPTION:
            lines.append(f"![{_escape_alt(text)}]({block.image or ''})")
            lines.append(f"*{text}*")
        else:
            lines.append(text)
    lines.append(f"{AI_NOTICE_BEFORE_LINK}[{AI_NOTICE_LINK_TEXT}]({feedback_url}).")
    return "\n\n".join(lines) + "\n"


def _block_text(translated: TranslatedArticle, block_index: int) -> str:
    parts = [s.text if s.text else HELD_BACK for s in translated.for_block(block_index)]
    return " ".join(parts)


def _dateline(translated: TranslatedArticle) -> str:
    article = translated.source
    parts = [ap_date(article.dateline.date)]
    if article.byline:
        parts.append(article.byline)
    if article.source:
        parts.append(article.source)
    return "_" + " · ".join(parts) + "_"


def _escape_alt(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")
