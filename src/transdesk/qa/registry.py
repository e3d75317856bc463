"""The checks, found by a stable name. Each is named by the dotted path of its class and imported
when first asked for (as `transdesk.engines.registry` names engines); a miss lists every name."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from transdesk.errors import ConfigurationError
from transdesk.qa.base import Check

CheckFactory = Callable[[], Check]

# name → "module:Class", in the order the checks run
_CHECKS: dict[str, str | CheckFactory] = {
    "dates": "transdesk.qa.checks.dates:DatesCheck",
    "names": "transdesk.qa.checks.names:NamesCheck",
    "numbers": "transdesk.qa.checks.numbers:NumbersCheck",
    "omission": "transdesk.qa.checks.omission:OmissionCheck",
    "polarity": "transdesk.qa.checks.polarity:PolarityCheck",
    "quotes": "transdesk.qa.checks.quotes:QuotesCheck",
    "tense": "transdesk.qa.checks.tense:TenseCheck",
    "terms": "transdesk.qa.checks.terms:TermsCheck",
    "untranslated": "transdesk.qa.checks.untranslated:UntranslatedCheck",
}


def register(name: str, target: str | CheckFactory) -> None:
    """Make a check available under `name`: a "module:Class" path, or the factory itself."""
    _CHECKS[name] = target


def check_names() -> list[str]:
    return list(_CHECKS)


def _factory(name: str) -> CheckFactory:
    target = _CHECKS[name]
    if not isinstance(target, str):
        return target
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def create_checks(names: list[str] | None = None) -> list[Check]:
    """Instances of the named checks (all of them by default), in registry order."""
    if names is None:
        names = check_names()
    unknown = [n for n in names if n not in _CHECKS]
    if unknown:
        raise ConfigurationError(
            f"unknown check(s): {', '.join(unknown)}",
            hint=f"known checks: {', '.join(_CHECKS)}",
        )
    return [_factory(name)() for name in names]
