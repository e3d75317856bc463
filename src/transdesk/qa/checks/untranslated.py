"""Untranslated text: Hangul left in the translation, or a translation identical to the source."""

from __future__ import annotations

import re

from transdesk.article import Finding
from transdesk.qa.base import CheckContext, finding

_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+(?:\s+[\uac00-\ud7a3]+)*")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_OTHER_SCRIPT = re.compile(r"[\u0400-\u04ff\u3040-\u30ff\u0600-\u06ff]+")  # Cyrillic, kana, Arabic
_LETTER = re.compile(r"[^\W\d_]")


class UntranslatedCheck:
    name = "untranslated"
    description = "no Hangul (or other foreign script) left in the English"

    def run(self, context: CheckContext) -> list[Finding]:
        source, target = context.source.strip(), context.target.strip()
        if not any(c.isalnum() for c in target):
            return [finding(self.name, "empty", "critical", "the translation is empty")]
        if source and target == source:
            return [
                finding(
                    self.name,
                    "identical",
                    "critical",
                    "the translation is the source text, untranslated",
                    source_span=(0, len(context.source)),
                    target_span=(0, len(context.target)),
                )
            ]
        findings = []
        letters = len(_LETTER.findall(target)) or 1
        runs = list(_HANGUL_RUN.finditer(target))
        hangul = sum(len(m.group(0).replace(" ", "")) for m in runs)
        for match in runs:
            severity = "critical" if hangul / letters > 0.5 else "major"
            findings.append(
                finding(
                    self.name,
                    "hangul",
                    severity,
                    f"Korean text left untranslated: {match.group(0)!r}",
                    target_span=match.span(),
                )
            )
        for match in _HAN.finditer(target):
            findings.append(
                finding(
                    self.name,
                    "hanja",
                    "major",
                    f"Chinese characters left in the translation: {match.group(0)!r}",
                    target_span=match.span(),
                )
            )
        for match in _OTHER_SCRIPT.finditer(target):
            findings.append(
                finding(
                    self.name,
                    "script",
                    "minor",
                    f"unexpected script in the translation: {match.group(0)!r}",
                    target_span=match.span(),
                )
            )
        return findings
