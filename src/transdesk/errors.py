"""Typed errors. Each says what went wrong and what to do next; the CLI maps them to exit codes."""

from __future__ import annotations


class TransdeskError(Exception):
    """Base of every error the desk reports to a person."""

    exit_code = 1
    code = "error"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  hint: {self.hint}" if self.hint else self.message


class InvalidArticle(TransdeskError):
    """The input is not a Korean news article we can read (empty, binary, wrong shape, too big)."""

    exit_code = 2
    code = "invalid_article"


class InvalidInput(TransdeskError):
    """A file given to the desk (TMX, TBX, CSV, a translation) cannot be used as it is."""

    exit_code = 2
    code = "invalid_input"


class UnknownEngine(TransdeskError):
    exit_code = 2
    code = "unknown_engine"


class ConfigurationError(TransdeskError):
    exit_code = 2
    code = "configuration"


class EngineUnavailable(TransdeskError):
    """The engine cannot run: model missing and not downloadable, server down, ..."""

    exit_code = 3
    code = "engine_unavailable"


class EngineError(TransdeskError):
    """The engine ran but failed in a way that is not about one segment."""

    exit_code = 3
    code = "engine_error"


class StorageError(TransdeskError):
    """The database or a file could not be written (disk full, read-only, locked)."""

    exit_code = 4
    code = "storage"


class NotFound(TransdeskError):
    """The article, job or report asked for does not exist (or is not public)."""

    exit_code = 2
    code = "not_found"


class Conflict(TransdeskError):
    """The request clashes with the desk's current state (slug taken, job already finished)."""

    exit_code = 2
    code = "conflict"


class TermConflict(TransdeskError):
    """A Korean form already has an approved termbase entry with a different English rendering."""

    exit_code = 2
    code = "term_conflict"

    def __init__(
        self, form: str, existing_target: str, new_target: str, existing_id: int | None = None
    ) -> None:
        super().__init__(
            f"{form} is already approved as {existing_target!r}"
            + (f" (entry {existing_id})" if existing_id is not None else "")
            + f", not {new_target!r}",
            hint="keep the approved entry, or propose the new one and approve it with --replace",
        )
        self.form = form
        self.existing_target = existing_target
        self.new_target = new_target
        self.existing_id = existing_id


class HeldSentences(TransdeskError):
    """Reader-facing output was asked for while sentences are held back (no English to show)."""

    exit_code = 5
    code = "held_sentences"


class UnresolvedSentences(Conflict):
    """Publishing was refused: sentences held for the editor are not resolved yet."""

    code = "unresolved_sentences"

    def __init__(self, message: str, held: list[dict[str, str | None]]) -> None:
        super().__init__(
            message,
            hint="edit each held sentence, or accept it as it is, then publish again",
        )
        self.held = held
