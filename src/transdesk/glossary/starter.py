"""The starter termbase that ships with transdesk: Korean politics and diplomacy news.

About 230 entries for the titles and institutions of both Koreas, the U.S., China, Russia and
Japan that machine translation gets wrong, each with how major English-language outlets write it
(`reference`). A fresh desk gets it on first use; `transdesk glossary import --starter` loads it
into any desk (entries already there are merged, conflicts reported).
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from transdesk.glossary.csv_format import read_csv
from transdesk.glossary.matcher import Termbase
from transdesk.glossary.model import TermEntry
from transdesk.glossary.store import ImportReport, TermbaseStore
from transdesk.store.db import Database

log = logging.getLogger(__name__)
STARTER_BY = "transdesk starter termbase"


def starter_path() -> Path:
    return Path(str(resources.files("transdesk") / "data" / "termbase" / "starter.csv"))


def starter_entries() -> list[tuple[int, TermEntry]]:
    return read_csv(starter_path())


def import_starter(store: TermbaseStore, by: str = STARTER_BY) -> ImportReport:
    report = store.import_entries(starter_entries(), by)
    log.info(
        "starter termbase: %d added, %d merged, %d conflicts",
        report.added,
        report.merged,
        len(report.conflicts),
    )
    return report


def open_termbase(database: Database, *, seed: bool = True) -> TermbaseStore:
    """The desk's termbase; a desk whose termbase was never written to gets the starter."""
    store = TermbaseStore(database)
    if seed and store.is_fresh():
        import_starter(store)
    return store


def load_desk_termbase(database_url: str) -> Termbase:
    """The approved termbase of the desk at `database_url` (a fresh desk gets the starter first),
    loaded into memory; the database is closed again."""
    database = Database(database_url)
    try:
        return open_termbase(database).load()
    finally:
        database.close()
