"""A standalone HTML page of the translated article (the web desk has its own templates)."""

from __future__ import annotations

from jinja2 import Environment, select_autoescape

from transdesk.article import TranslatedArticle
from transdesk.publish.escape import safe_url
from transdesk.publish.notice import AI_NOTICE_BEFORE_LINK, AI_NOTICE_LINK_TEXT, ap_date

_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ headline }}</title></head>
<body><article data-slug="{{ slug }}">
{% for block in blocks %}
{%- if block.kind == "headline" %}<h1>{{ block.html }}</h1>
<p class="dateline"><time datetime="{{ date_iso }}">{{ date }}</time>
{%- if byline %} · {{ byline }}{% endif %}{% if source %} · {{ source }}{% endif %}</p>
{%- elif block.kind == "subheadline" %}<h2>{{ block.html }}</h2>
{%- elif block.kind == "caption" %}<figure>{% if block.image %}<img src="{{ block.image }}" alt="">{% endif %}<figcaption>{{ block.html }}</figcaption></figure>
{%- else %}<p>{{ block.html }}</p>{% endif %}
{% endfor %}
<p class="ai-notice">{{ notice }}<a href="{{ feedback_url }}">{{ link_text }}</a>.</p>
</article></body></html>
"""

_env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
_template = _env.from_string(_TEMPLATE)


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
        headline=translated.block_text(article.headline.index),
        slug=article.slug,
        blocks=blocks,
        date=ap_date(article.dateline.date),
        date_iso=article.dateline.isoformat(),
        byline=article.byline,
        source=article.source,
        notice=AI_NOTICE_BEFORE_LINK,
        link_text=AI_NOTICE_LINK_TEXT,
        feedback_url=safe_url(feedback_url) or "",
    )
