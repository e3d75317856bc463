"""The desk's log lines: plain text for a terminal, or one JSON object per line for a collector.

`configure_logging(format, level)` installs one handler on the root logger (replacing the one an
earlier call installed, leaving any other alone). Every record is given `request_id` and `job_id`
from `transdesk.observability.context` by a filter on that handler, so both formats can show them.
A JSON line holds `time` (UTC, RFC 3339 with milliseconds), `level`, `logger`, `message`, the ids
that are set, any `extra={...}` fields the call passed, and `exception` with the traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from typing import IO, Literal

from transdesk.observability import context

LogFormat = Literal["text", "json"]
TEXT_FORMAT = "%(levelname)s %(name)s: %(message)s%(ids)s"

# the attributes every LogRecord has: anything else on a record came from `extra=`
_RECORD_ATTRIBUTES = frozenset(
    logging.LogRecord("", 0, "", 0, "", None, None).__dict__
) | {"message", "asctime", "request_id", "job_id", "ids", "taskName"}


class ContextFilter(logging.Filter):
    """Puts the current request id and job id on each record (None when there is none)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = getattr(record, "request_id", None) or context.request_id.get()
        record.job_id = getattr(record, "job_id", None) or context.job_id.get()
        ids = [f"{name}={value}" for name in ("request_id", "job_id")
               if (value := getattr(record, name)) is not None]  # fmt: skip
        record.ids = f" [{' '.join(ids)}]" if ids else ""
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in ("request_id", "job_id"):
            if (value := getattr(record, name, None)) is not None:
                line[name] = value
        for name, value in record.__dict__.items():
            if name not in _RECORD_ATTRIBUTES and not name.startswith("_"):
                line[name] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            line["exception"] = record.exc_text
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def make_handler(format: LogFormat, stream: IO[str] | None = None) -> logging.Handler:
    """A stream handler (stderr by default) writing `format` lines, with the ids filled in."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if format == "json" else logging.Formatter(TEXT_FORMAT))
    handler.addFilter(ContextFilter())
    return handler


_INSTALLED = "_transdesk_handler"  # marks the handler `configure_logging` put on the root


def configure_logging(format: LogFormat = "text", level: int = logging.WARNING) -> None:
    """Send the desk's logs to stderr in `format`, from `level` up.

    A second call replaces the first one's handler. Like `logging.basicConfig`, it leaves alone a
    root logger that something else has already given handlers (a program embedding the desk, a
    test runner): that program decides where log lines go.
    """
    if format not in ("text", "json"):
        raise ValueError(f"unknown log format {format!r}: use text or json")
    root = logging.getLogger()
    ours = [h for h in root.handlers if getattr(h, _INSTALLED, False)]
    if len(ours) < len(root.handlers):
        return
    for handler in ours:
        root.removeHandler(handler)
    handler = make_handler(format)
    setattr(handler, _INSTALLED, True)
    root.addHandler(handler)
    root.setLevel(level)
