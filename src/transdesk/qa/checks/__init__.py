"""The built-in checks: importing this package registers each of them."""

from transdesk.qa.checks import (  # noqa: F401
    dates,
    names,
    numbers,
    omission,
    quotes,
    tense,
    terms,
    untranslated,
)
from transdesk.qa.checks.notice import AI_NOTICE, check_notice

__all__ = ["AI_NOTICE", "check_notice"]
