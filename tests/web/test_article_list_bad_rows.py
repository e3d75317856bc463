"""An editor's article list never fails because of one bad row.

A row whose slug breaks the slug rule (stored straight through SQLAlchemy, past every check, after
the slug repair migration has run, so nothing repairs it) must not take the list down: the API and
the desk's page still answer 200 with the other articles, and the bad one, where it is shown, is
shown escaped and never as a working link out of the desk."""

from __future__ import annotations

import logging
import re
from urllib.parse import quote

import pytest
from fixtures.desk import SEED_ARTICLE
from fixtures.editors import add_editor, api_token, sign_in

from transdesk.desk.articles import receive_article
from transdesk.ingest import read_article
from transdesk.store.desk_tables import ArticleState, DeskArticle

EVIL = "x) [evil](javascript:alert(1)) ../../etc"
BAD_SLUGS = [EVIL, "Kim Jong/Un", "", "  ", "a/../../b?c#d"]


def _store(database, slug: str) -> None:  # type: ignore[no-untyped-def]
    """The seed article under `slug`, published, written through the ORM (no slug check)."""
    with database.session() as session:
        row, job = receive_article(session, read_article(SEED_ARTICLE))
        row.slug = slug
        row.state = ArticleState.PUBLISHED
        session.delete(job)


@pytest.fixture
def desk_with_bad_row(desk_client, published_slug):  # type: ignore[no-untyped-def]
    database = desk_client.app.state.database
    _store(database, EVIL)
    with database.session() as session:
        assert session.query(DeskArticle).filter_by(slug=EVIL).count() == 1
    add_editor(desk_client, "mina")
    return desk_client, published_slug


def test_the_api_list_answers_with_the_other_articles(desk_with_bad_row):
    client, good = desk_with_bad_row
    bearer = {"Authorization": f"Bearer {api_token(client, 'mina')}"}
    for params in ({}, {"state": "published"}):
        listed = client.get("/api/articles", headers=bearer, params=params)
        assert listed.status_code == 200, listed.text
        articles = listed.json()["articles"]
        assert good in [a["slug"] for a in articles]
        for article in articles:
            assert "javascript:" not in article["url"]
            assert "/../" not in article["url"] and " " not in article["url"]
    public = client.get("/api/articles")  # a reader's list: published articles only
    assert public.status_code == 200, public.text
    assert good in [a["slug"] for a in public.json()["articles"]]


def test_the_desk_page_answers_with_the_other_articles(desk_with_bad_row):
    client, good = desk_with_bad_row
    assert sign_in(client, "mina").status_code == 303
    page = client.get("/desk/articles")
    assert page.status_code == 200, page.text[:500]
    assert f'data-slug="{good}"' in page.text
    links = re.findall(r'(?:href|action)="([^"]*)"', page.text)
    assert links and not [link for link in links if not link.startswith(("/", "#", "?"))]
    assert "<small>x) [evil](javascript:alert(1)) ../../etc</small>" in page.text  # as text
    front = client.get("/")  # the readers' front page lists published articles too
    assert front.status_code == 200, front.text[:500]


@pytest.mark.parametrize("slug", BAD_SLUGS)
def test_no_bad_slug_fails_the_api_list(desk_client, published_slug, slug, caplog):
    """The bad row is listed with its slug as one percent-encoded path segment of its URL, or,
    where no URL can be made of it (an empty slug), left out with a log line."""
    _store(desk_client.app.state.database, slug)
    add_editor(desk_client, "mina")
    bearer = {"Authorization": f"Bearer {api_token(desk_client, 'mina')}"}
    with caplog.at_level(logging.WARNING, logger="transdesk.web.routes.articles"):
        listed = desk_client.get("/api/articles", headers=bearer)
    assert listed.status_code == 200, listed.text
    articles = {a["slug"]: a for a in listed.json()["articles"]}
    assert published_slug in articles
    if slug in articles:
        assert articles[slug]["url"].endswith("/articles/" + quote(slug, safe=""))
    else:
        assert "left out of the list" in caplog.text
    assert sign_in(desk_client, "mina").status_code == 303
    assert desk_client.get("/desk/articles").status_code == 200
