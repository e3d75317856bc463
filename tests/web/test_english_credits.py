"""The byline and credit readers see: romanised by the desk, or exactly as an editor set them
(Korean kept only on purpose), audited, and back to the desk's own when emptied."""

from __future__ import annotations

from fixtures.editors import page_csrf
from sqlalchemy import select, update

from transdesk.glossary.model import TermEntry, TermKind
from transdesk.glossary.store import TermbaseStore
from transdesk.store.desk_tables import DeskArticle
from transdesk.store.editor_tables import AuditEntry


def _save(desk, **fields):  # type: ignore[no-untyped-def]
    edit = f"/desk/articles/{desk.slug}/edit"
    token = page_csrf(desk.client, edit)
    return desk.client.post(edit, data={"csrf_token": token, **fields})


def test_the_byline_is_romanised_until_an_editor_sets_it(desk):
    with desk.client.app.state.database.session() as session:
        session.execute(update(DeskArticle).values(byline="홍길동 기자", credit="뉴스1"))
    page = desk.client.get(f"/articles/{desk.slug}").text
    assert "By Hong Gil-dong, staff reporter" in page and "홍길동" not in page
    edit = desk.client.get(f"/desk/articles/{desk.slug}/edit").text
    assert 'name="byline" maxlength="500" value="By Hong Gil-dong, staff reporter"' in edit

    answer = _save(desk, byline="By Hong Gil-dong (홍길동), Seoul", credit="News1")
    assert answer.status_code == 200 and "Changes saved" in answer.text
    page = desk.client.get(f"/articles/{desk.slug}").text
    assert "By Hong Gil-dong (홍길동), Seoul" in page  # kept on purpose, exactly as written
    with desk.client.app.state.database.session() as session:
        row = session.scalar(select(DeskArticle))
        assert row.english_byline == "By Hong Gil-dong (홍길동), Seoul"
        assert row.english_credit is None  # the same as the desk's own: nothing to keep
        actions = [e.action for e in session.scalars(select(AuditEntry))]
    assert actions.count("edit-credits") == 1

    _save(desk, byline="", credit="News1")
    page = desk.client.get(f"/articles/{desk.slug}").text
    assert "By Hong Gil-dong, staff reporter" in page and "홍길동" not in page


def test_the_credit_follows_the_termbase_on_the_page_and_the_edit_form_alike(desk, monkeypatch):
    """One termbase, kept by the desk and reloaded only when it changes, renders the credit for
    readers and proposes it to editors; saving that rendering keeps nothing of its own."""
    store = desk.client.app.state.termbase
    store.add(TermEntry(source="뉴스1", target="News1 Korea", kind=TermKind.ORGANISATION), by="ed")
    with desk.client.app.state.database.session() as session:
        session.execute(update(DeskArticle).values(credit="뉴스1"))
    loads = []
    original = TermbaseStore.load
    monkeypatch.setattr(TermbaseStore, "load", lambda self: loads.append(1) or original(self))

    assert "News1 Korea" in desk.client.get(f"/articles/{desk.slug}").text
    edit = desk.client.get(f"/desk/articles/{desk.slug}/edit").text
    assert 'value="News1 Korea"' in edit
    _save(desk, credit="News1 Korea")
    with desk.client.app.state.database.session() as session:
        assert session.scalar(select(DeskArticle)).english_credit is None
    desk.client.get(f"/articles/{desk.slug}/feedback")
    assert len(loads) <= 1  # loaded once for all those views, not once per view
