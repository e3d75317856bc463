"""The newsroom's clock: one time zone for the desk's times, the reader's pages and the dates of
correction notes. `TRANSDESK_NEWSROOM_TIMEZONE` sets it; left unset, an article's own dateline
zone is used (Asia/Seoul for a Seoul desk)."""

from __future__ import annotations

import datetime as dt
import logging
from zoneinfo import ZoneInfo

log = logging.getLogger(__name__)
FALLBACK = "Asia/Seoul"


def newsroom_zone(article_timezone: str | None = None, configured: str | None = None) -> ZoneInfo:
    """The configured newsroom zone (`Settings.newsroom_timezone`), else the article's dateline
    zone, else Seoul."""
    for name in (configured, article_timezone, FALLBACK):
        if not name:
            continue
        try:
            return ZoneInfo(name)
        except (KeyError, ValueError):
            log.warning("unknown time zone %r; trying the next one", name)
    return ZoneInfo(FALLBACK)


def newsroom_now(
    article_timezone: str | None = None, *, now: dt.datetime | None = None,
    configured: str | None = None,
) -> dt.datetime:
    """Now (or `now`, naive UTC as the desk stores it) on the newsroom's clock."""
    moment = (now or dt.datetime.now(dt.UTC).replace(tzinfo=None)).replace(tzinfo=dt.UTC)
    return moment.astimezone(newsroom_zone(article_timezone, configured))


def newsroom_time(
    stored: dt.datetime | None, configured: str | None = None, article_timezone: str | None = None
) -> str:
    """A stored (naive UTC) time as the desk shows it: "2025-12-02 09:15 KST"."""
    if stored is None:
        return ""
    local = newsroom_now(article_timezone, now=stored, configured=configured)
    return local.strftime("%Y-%m-%d %H:%M %Z")
