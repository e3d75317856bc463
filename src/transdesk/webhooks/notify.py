"""Wake the delivery queue once an outbox row is committed, never before.

`events.emit` hands the ids of the messages it wrote to `after_commit(session, ids)`; when that
session's transaction commits, they go to the delivery queue this process registered for the
session's database engine (`register`). A rolled-back transaction sends nothing. A process with
no queue (a command-line correction, say) leaves the rows pending: the worker's sweep finds them.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable, Sequence

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)
_KEY = "transdesk.webhooks.pending"
_queues: weakref.WeakKeyDictionary[Engine, Callable[[int], None]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def register(engine: Engine, enqueue: Callable[[int], None]) -> None:
    """Send the messages committed on `engine` to `enqueue(message_id)`."""
    with _lock:
        _queues[engine] = enqueue


def unregister(engine: Engine) -> None:
    with _lock:
        _queues.pop(engine, None)


def after_commit(session: Session, message_ids: Sequence[int]) -> None:
    """Enqueue `message_ids` when `session` commits; forget them if it rolls back."""
    if not message_ids:
        return
    if _KEY not in session.info:
        session.info[_KEY] = []
        event.listen(session, "after_commit", _committed)
        event.listen(session, "after_rollback", _rolled_back)
    session.info[_KEY].extend(message_ids)


def _committed(session: Session) -> None:
    ids, session.info[_KEY] = session.info.get(_KEY, []), []
    if not ids:
        return
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    with _lock:
        enqueue = _queues.get(engine)
    if enqueue is None:
        log.debug("%d webhook messages wait for the worker's sweep", len(ids))
        return
    for message_id in ids:
        try:
            enqueue(message_id)
        except Exception:  # committed already: the sweep sends it when the queue is back
            log.warning("could not enqueue webhook message %s", message_id, exc_info=True)


def _rolled_back(session: Session) -> None:
    session.info[_KEY] = []
