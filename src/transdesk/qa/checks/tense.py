"""Tense against the calendar: a past event told as future, or a coming one told as past.

The seed article turned "지난해 6월 ... 만난 바 있다" (they met in June last year) into "are set to
meet ... in June 2024", in an article dated Sept. 2, 2025. The source's own tense (kiwi's past
marker 었/았) and its dates resolved against the dateline say when the event happened.
"""

from __future__ import annotations

import re

from transdesk.article import Finding
from transdesk.dates import resolve_dates
from transdesk.qa.base import CheckContext, finding, register
from transdesk.qa.morph import analyse

_ENGLISH_FUTURE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are|was|were)\s+(?:set|scheduled|slated|due|going)\s+to)\b|'ll\b",
    re.IGNORECASE,
)
_ENGLISH_PROSPECT = re.compile(
    r"\b(?:will|would|shall|'ll|won't|going\s+to|set\s+to|scheduled|slated|plans?|planned|"
    r"planning|expect\w*|upcoming|next|coming|later|to\s+be|intend\w*|aim\w*|due|until|hope\w*|"
    r"to\s+\w+|could|may|might|should|must|can)\b",
    re.IGNORECASE,
)
# Korean forms of the future, intention or prospect. The list is broad on purpose: a sentence
# that reports a plan ("할 예정이라고 밝혔다") may well be told with "will" in English.
_FUTURE_FORMS = {
    "겠",
    "예정",
    "계획",
    "방침",
    "전망",
    "앞으로",
    "향후",
    "내년",
    "오",
    "다음",
    "내달",
    "기로",
    "려",
    "려고",
    "도록",
    "목표",
    "추진",
    "할",
    "것",
    "가능성",
    "수",
    "이듬해",
    "예상",
    "기대",
    "방안",
    "의향",
    "의사",
    "준비",
    "위해",
    "위하",
}
_PAST_FORMS = {"었", "았", "였", "했", "ᆻ"}


def _source_tense(text: str) -> tuple[bool, bool]:
    """(has a past marker, has a future, intention or prospect marker)."""
    past = future = False
    morphemes = analyse(text)
    for i, morpheme in enumerate(morphemes):
        if morpheme.form == "기" and i + 1 < len(morphemes) and morphemes[i + 1].form == "로":
            future = True  # "주기로 했다": agreed to pay
        elif morpheme.tag == "EP" and morpheme.form in _PAST_FORMS:
            past = True
        elif (
            morpheme.tag == "EP"
            and morpheme.form == "겠"
            or morpheme.form in _FUTURE_FORMS
            and morpheme.tag.startswith(("N", "M", "E", "V"))
            or morpheme.tag == "ETM"
            and morpheme.form in ("ᆯ", "을")
        ):
            future = True
    return past, future


@register
class TenseCheck:
    name = "tense"
    description = "a past event is not told as future, nor a coming one as past"

    def run(self, context: CheckContext) -> list[Finding]:
        if context.is_headline:
            return []  # headlines are in the historical present by convention
        past, future = _source_tense(context.source)
        mentions = resolve_dates(context.source, context.dateline)
        dated_past = any(
            m.last and context.dateline and m.last < context.dateline for m in mentions
        )
        dated_future = any(
            (m.first and context.dateline and m.first > context.dateline)
            or m.surface.startswith(("오는", "내년", "다음", "내달"))
            for m in mentions
        )
        english_future = _ENGLISH_FUTURE.search(context.target)
        if english_future and (past or dated_past) and not future and not dated_future:
            return [
                finding(
                    self.name,
                    "past_as_future",
                    "major",
                    "the source reports a past event, the translation presents it as future "
                    f"({english_future.group(0)!r})",
                    target_span=english_future.span(),
                )
            ]
        if dated_future and not past and not _ENGLISH_PROSPECT.search(context.target):
            return [
                finding(
                    self.name,
                    "future_as_past",
                    "major",
                    "the source describes a coming event, the translation tells it as past",
                )
            ]
        return []
