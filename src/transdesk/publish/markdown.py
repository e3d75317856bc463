"""Markdown output: same block structure as the Korean source, the AI notice with its link last."""

from __future__ import annotations

from transdesk.article import BlockKind, TranslatedArticle
from transdesk.publish.credits import english_byline, english_credit
from transdesk.publish.escape import markdown_text, safe_url
from transdesk.publish.notice import AI_NOTICE_BEFORE_LINK, AI_NOTICE_LINK_TEXT, ap_date

HELD_BACK = "[held back for review]"


def render_markdown(translated: TranslatedArticle, feedback_url: str) -> str:
    article = translated.source
    lines: list[str] = [] if article.headline else [_dateline(translated)]
    for block in article.blocks:
        text = markdown_text(_block_text(translated, block.index))
        if block.kind is BlockKind.HEADLINE:
            lines.append(f"# {text}")
            lines.append(_dateline(translated))
        elif block.kind is BlockKind.SUBHEADLINE:
            lines.append(f"## {text}")
        elif block.kind is BlockKind.CAPTION:
            image = safe_url(block.image)
            if image:
                lines.append(f"![{text}]({image})")
            lines.append(f"*{text}*")
        else:
            lines.append(text)
    notice = markdown_text(AI_NOTICE_BEFORE_LINK)
    link = safe_url(feedback_url)
    lines.append(f"{notice} [{AI_NOTICE_LINK_TEXT}]({link})." if link else notice)
    return "\n\n".join(lines) + "\n"


def _block_text(translated: TranslatedArticle, block_index: int) -> str:
    parts = [s.text if s.text else HELD_BACK for s in translated.for_block(block_index)]
    return " ".join(parts)


def _dateline(translated: TranslatedArticle) -> str:
    article = translated.source
    parts = [ap_date(article.dateline.date)]
    for credit in (english_byline(article.byline), english_credit(article.source)):
        if credit:
            parts.append(credit)
    return "_" + markdown_text(" · ".join(parts)) + "_"
