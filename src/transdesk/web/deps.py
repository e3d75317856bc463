"""Typed dependencies for routes: the settings, the database, a session, the queue, templates.

Everything comes from `app.state`, set once by the app factory's lifespan: nothing is built at
import time. `CurrentEditor` is the signed-in editor (an API token or the session cookie, see
`transdesk.web.auth`); `CurrentAdmin` one whose role is admin; `MaybeEditor` the editor or None.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from transdesk.desk.accounts import Editor
from transdesk.desk.queue import TranslationQueue
from transdesk.settings import Settings
from transdesk.glossary.store import TermbaseStore
from transdesk.store.db import Database
from transdesk.web import auth

# The plain lookups are `async def`: FastAPI runs them on the event loop instead of sending each
# one through the thread pool, which matters on the reader's hot path.


async def _settings(request: Request) -> Settings:
    return request.app.state.settings


async def _database(request: Request) -> Database:
    return request.app.state.database


def _session(request: Request) -> Iterator[Session]:
    with request.app.state.database.session() as session:
        yield session


async def _queue(request: Request) -> TranslationQueue:
    return request.app.state.queue


async def _templates(request: Request) -> Jinja2Templates:
    return request.app.state.templates


async def _termbase(request: Request) -> TermbaseStore:
    return request.app.state.termbase


SettingsDep = Annotated[Settings, Depends(_settings)]
DatabaseDep = Annotated[Database, Depends(_database)]
TermbaseDep = Annotated[TermbaseStore, Depends(_termbase)]  # one per desk: `current()` reloads on change
SessionDep = Annotated[Session, Depends(_session)]
QueueDep = Annotated[TranslationQueue, Depends(_queue)]
TemplatesDep = Annotated[Jinja2Templates, Depends(_templates)]


CurrentEditor = Annotated[Editor, Depends(auth.current_editor)]
CurrentAdmin = Annotated[Editor, Depends(auth.current_admin)]
MaybeEditor = Annotated[Editor | None, Depends(auth.editor_or_none)]
RowId = Annotated[int, Path(ge=1, le=2_147_483_647)]  # a row's id in a URL
