"""What one check holds in one pair: the kinds of its findings at major or worse."""

from __future__ import annotations

import datetime as dt

from transdesk.article import Severity
from transdesk.qa import CheckContext, create_checks


def held(check: str, source: str, target: str, dateline: dt.date | None = None) -> list[str]:
    (checker,) = create_checks([check])
    found = checker.run(CheckContext(source, target, dateline=dateline))
    return [f.kind for f in found if f.severity >= Severity.MAJOR]
