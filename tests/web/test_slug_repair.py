"""Revision 0007_slug_repair: slugs stored before the slug rule was checked everywhere are
repaired, the rows naming them follow, and the editors' article list then works."""

from __future__ import annotations

import datetime as dt

from alembic import command
from fixtures.editors import add_editor, api_token
from sqlalchemy import create_engine, text

from transdesk.ingest.raw import check_slug
from transdesk.store.db import alembic_config, normalise_url

NOW = dt.datetime(2025, 9, 3, 1, 2, 3)
BAD = {2: "Kim Jong/Un", 3: "kim-jong-un!", 4: "  "}


def _old_database(url: str) -> None:
    command.upgrade(alembic_config(url), "0006_login_throttle")
    engine = create_engine(normalise_url(url))
    with engine.begin() as connection:
        for id_, slug in {1: "kim", **BAD}.items():
            connection.execute(text(
                "INSERT INTO articles (id, slug, state, headline, dateline, timezone, source,"
                " revision, created_at, updated_at) VALUES (:id, :slug, 'published', '김',"
                " '2025-09-02', 'Asia/Seoul', '{}', 1, :now, :now)"
            ), {"id": id_, "slug": slug, "now": NOW})  # fmt: skip
        connection.execute(text(
            "INSERT INTO corrections (id, article_id, article_slug, kind, source, source_hash,"
            " after, editor, created_at) VALUES (1, 2, 'Kim Jong/Un', 'other', '김', 'h',"
            " 'Kim', 'mina', :now)"
        ), {"now": NOW})  # fmt: skip
    engine.dispose()


def test_bad_stored_slugs_are_repaired_and_the_list_works(database_url, make_desk_client):
    _old_database(database_url)
    client = make_desk_client()  # opening the desk migrates to the newest revision
    with client.app.state.database.session() as session:
        slugs = dict(session.execute(text("SELECT id, slug FROM articles")).all())
        named = session.scalar(text("SELECT article_slug FROM corrections WHERE id = 1"))
    assert slugs == {1: "kim", 2: "kim-jong-un", 3: "kim-jong-un-2", 4: "article"}
    assert all(check_slug(s) for s in slugs.values()) and named == "kim-jong-un"

    add_editor(client, "mina")
    bearer = {"Authorization": f"Bearer {api_token(client, 'mina')}"}
    listed = client.get("/api/articles", headers=bearer)
    assert listed.status_code == 200, listed.text
    assert sorted(a["slug"] for a in listed.json()["articles"]) == sorted(slugs.values())
