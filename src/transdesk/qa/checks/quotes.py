"""Quotes: quoted speech in the source is quoted in the translation."""

from __future__ import annotations

import re

from transdesk.article import Finding
from transdesk.qa.base import CheckContext, finding

_SOURCE_QUOTE = re.compile(r"[\"“”]([^\"“”]+)[\"“”]")
_TARGET_QUOTE = re.compile(r"[\"“”]([^\"“”]+)[\"“”]|(?<!\w)['‘]([^'‘’]{3,})['’](?!\w)")
_SPEECH_MIN_CHARS = 12  # shorter quotes are usually titles or emphasis, often unquoted in English


class QuotesCheck:
    name = "quotes"
    description = "quoted speech in the source is quoted in the translation"

    def run(self, context: CheckContext) -> list[Finding]:
        speech = [
            m
            for m in _SOURCE_QUOTE.finditer(context.source)
            if len(m.group(1).strip()) >= _SPEECH_MIN_CHARS and " " in m.group(1).strip()
        ]
        if not speech:
            return []
        quoted = _TARGET_QUOTE.findall(context.target)
        if quoted or context.target.count('"') >= 1 or "“" in context.target:
            return []
        first = speech[0]
        return [
            finding(
                self.name,
                "quote_dropped",
                "minor",
                f"the source quotes {first.group(0)[:40]!r}; the translation has no quotation",
                source_span=first.span(),
            )
        ]
