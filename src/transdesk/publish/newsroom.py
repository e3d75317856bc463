"""The newsroom as the reader's pages and feeds name it: its name, its public address, its clock,
and the policies it publishes (from `Settings`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

from transdesk.desk.clock import newsroom_now
from transdesk.settings import Settings


@dataclass(frozen=True)
class Newsroom:
    name: str
    public_url: str
    timezone: str | None = None  # the newsroom's clock; None: each article's dateline zone
    publishing_principles_url: str | None = None
    corrections_policy_url: str | None = None

    @classmethod
    def of(cls, settings: Settings) -> Newsroom:
        return cls(
            name=settings.newsroom_name,
            public_url=settings.public_url.rstrip("/"),
            timezone=settings.newsroom_timezone,
            publishing_principles_url=settings.publishing_principles_url,
            corrections_policy_url=settings.corrections_policy_url,
        )

    def url(self, path: str) -> str:
        """The public address of a path of the desk ("/feeds/articles.atom")."""
        return f"{self.public_url.rstrip('/')}{path}"

    def article_url(self, slug: str) -> str:
        return self.url(f"/articles/{quote(slug, safe='')}")

    def local(self, stored: dt.datetime, article_timezone: str | None = None) -> dt.datetime:
        """A stored time (naive UTC) on the newsroom's clock, with its offset."""
        return newsroom_now(article_timezone, now=stored, configured=self.timezone)
