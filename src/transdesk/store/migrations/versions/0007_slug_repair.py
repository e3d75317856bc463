"""Repair stored slugs that break the slug rule (`transdesk.ingest.raw.SLUG_PATTERN`).

Articles stored before every way in checked its slug may have one with capitals, spaces, slashes
or other characters no URL of the desk can carry. Each becomes `slugify(slug)` (with `-2`, `-3`, …
when that is taken), and the rows that name an article by slug (corrections, regression cases,
memory segments) follow it. Every change is logged. The old slugs are not kept: downgrading
leaves the repaired ones.

Revision ID: 0007_slug_repair
Revises: 0006_login_throttle
Create Date: 2026-12-01
"""

from __future__ import annotations

import logging
import re

import sqlalchemy as sa
from alembic import op

from transdesk.ingest.raw import SLUG_PATTERN, slugify

revision = "0007_slug_repair"
down_revision = "0006_login_throttle"
branch_labels = None
depends_on = None

log = logging.getLogger("transdesk.store.migrations")
_RULE = re.compile(SLUG_PATTERN)
_NAMED_BY_SLUG = ("corrections", "editor_regression_cases", "memory_segments")  # .article_slug


def _free_slug(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = wanted[: 80 - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        n += 1


def repairs(slugs: list[str]) -> dict[str, str]:
    """Old slug → new slug, for every slug that breaks the rule."""
    taken = {s for s in slugs if _RULE.match(s)}
    fixed: dict[str, str] = {}
    for slug in slugs:
        if _RULE.match(slug):
            continue
        new = _free_slug(slugify(slug), taken)
        taken.add(new)
        fixed[slug] = new
    return fixed


def upgrade() -> None:
    bind = op.get_bind()
    articles = sa.table("articles", sa.column("id"), sa.column("slug"))
    slugs = [row.slug for row in bind.execute(sa.select(articles.c.slug).order_by(articles.c.id))]
    fixed = repairs(slugs)
    inspector = sa.inspect(bind)
    named = [t for t in _NAMED_BY_SLUG if t in inspector.get_table_names()]
    for old, new in fixed.items():
        bind.execute(articles.update().where(articles.c.slug == old).values(slug=new))
        for name in named:
            table = sa.table(name, sa.column("article_slug"))
            bind.execute(table.update().where(table.c.article_slug == old).values(article_slug=new))
        log.warning("article slug %r broke the slug rule: it is now %r", old, new)


def downgrade() -> None:
    pass  # the old slugs were not usable in a URL; the repaired ones stay
