"""The desk's password policy: long enough, not a run of a few characters, and not one of the
passwords (or password stems) everybody tries first, listed in `data/common_passwords.txt`.

"password12", "Password2024!" and "qwertyuiop" are refused as common; "aaaaaaaaaa" and
"abababababab" for having too few different characters.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from transdesk.errors import InvalidInput

MIN_LENGTH = 10
MAX_LENGTH = 1024
MIN_DISTINCT = 5  # different characters
_TRAILING = re.compile(r"[\d\W_]+$")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a",
                       "$": "s", "!": "i"})  # fmt: skip
HINT = "use a passphrase of a few unrelated words, e.g. 'harbour violet tram ledger'"


@functools.cache
def common_passwords() -> frozenset[str]:
    text = (resources.files("transdesk") / "data" / "common_passwords.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def _stems(password: str) -> set[str]:
    lowered = password.lower().strip()
    stems = {lowered, _TRAILING.sub("", lowered), re.sub(r"^[\d\W_]+", "", lowered)}
    stems |= {stem.translate(_LEET) for stem in set(stems)}
    return {stem for stem in stems if stem}


def check_password(password: str, *, name: str | None = None) -> None:
    """Raise `InvalidInput` (with what to do) for a password the desk does not accept."""
    if len(password) < MIN_LENGTH:
        raise InvalidInput(f"the password is too short: use at least {MIN_LENGTH} characters",
                           hint=HINT)  # fmt: skip
    if len(password) > MAX_LENGTH:
        raise InvalidInput(f"the password is too long: use at most {MAX_LENGTH:,} characters")
    if len(set(password.lower())) < MIN_DISTINCT:
        raise InvalidInput(
            "the password repeats too few characters: "
            f"use at least {MIN_DISTINCT} different ones", hint=HINT,
        )  # fmt: skip
    stems = _stems(password)
    if name and name.lower() in stems:
        raise InvalidInput("the password is the account's name", hint=HINT)
    if stems & common_passwords():
        raise InvalidInput("the password is one of the most common passwords, which attackers "
                           "try first", hint=HINT)  # fmt: skip
