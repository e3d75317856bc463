"""A standalone HTML page of the translated article (the web desk has its own templates), styled
like the reader's page: its stylesheet is carried inline, so the file needs nothing else."""

from __future__ import annotations

import functools
from importlib import resources

from jinja2 import Environment, select_autoescape
from markupsafe import Markup

from transdesk.article import TranslatedArticle
from transdesk.publish.credits import english_byline, english_credit
from transdesk.publish.escape import safe_url
from transdesk.publish.notice import AI_NOTICE_BEFORE_LINK, AI_NOTICE_LINK_TEXT, ap_date

_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ headline }}</title>
<style>{{ css }}</style></head>
<body><main class="article"><article data-slug="{{ slug }}">
{% for block in blocks %}
{%- if block.kind == "headline" %}<h1>{{ block.html }}</h1>
<p class="meta dateline"><time datetime="{{ date_iso }}">{{ date }}</time>
{%- if byline %}<span class="byline">{{ byline }}</span>{% endif %}{% if source %}<span class="credit">{{ source }}</span>{% endif %}</p>
{%- elif block.kind == "subheadline" %}<h2 class="subheadline">{{ block.html }}</h2>
{%- elif block.kind == "caption" %}<figure class="photo">{% if block.image %}<img src="{{ block.image }}" alt="">{% endif %}<figcaption>{{ block.html }}</figcaption></figure>
{%- else %}<p>{{ block.html }}</p>{% endif %}
{% endfor %}
<p class="ai-notice">{{ notice }}<a href="{{ feedback_url }}">{{ link_text }}</a>.</p>
</article></main></body></html>
"""

_env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
_template = _env.from_string(_TEMPLATE)


@functools.cache
def reader_css() -> Markup:
    """The reader's page stylesheet (`transdesk/web/static/reader.css`), for inlining."""
    css = (resources.files("transdesk") / "web" / "static" / "reader.css").read_text("utf-8")
    return Markup(css.replace("</", "<\\/"))  # nothing in it can close the <style> element


def render_html(translated: TranslatedArticle, feedback_url: str) -> str:
    article = translated.source
    blocks = [
        {
            "kind": block.kind.value,
            "image": safe_url(block.image),
            "html": " ".join(
                s.text if s.text else "[held back for review]"
                for s in translated.for_block(block.index)
            ),
        }
        for block in article.blocks
    ]
    return _template.render(
        headline=translated.block_text(article.headline.index) if article.headline else "",
        slug=article.slug,
        blocks=blocks,
        date=ap_date(article.dateline.date),
        date_iso=article.dateline.isoformat(),
        byline=english_byline(article.byline),
        source=english_credit(article.source),
        notice=AI_NOTICE_BEFORE_LINK,
        link_text=AI_NOTICE_LINK_TEXT,
        feedback_url=safe_url(feedback_url) or "",
        css=reader_css(),
    )
