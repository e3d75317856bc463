"""Polarity: a negated Korean predicate is negated in English, and a direction is not flipped.

"참여하지 않았다" told as "participated in the vote", or "감소했다" as "increased 1.4%", reverses
what the story says while every name and figure survives. The comparison is made at the level of
the sentence's main predicate and held only when it is clear:

- `negation_lost`: the Korean main predicate (or what a verb of saying reports) is negated, and
  the English carries no negation in any form, not even a lexical one ("failed", "skipped",
  "unannounced"); an English shorter than its Korean is a part or a fragment and is left alone;
- `negation_added`: the English statement negates its verb ("did not", "never", "refused to",
  "made no") outside any clause of its own ("..., but it may not", "when it won't"), is one
  sentence not much longer than the Korean, and the Korean has no negation, nor a word English
  renders with one ("모르다", "불과", "아직");
- `direction_flipped`: the Korean names a change in one direction only ("감소", "적자", "부결")
  and the English has only the opposite direction's words of the same kind ("rose", "surplus",
  "passed"). A sentence with both directions on a side ("적자에서 흑자로"), a change of a change
  ("감소 폭 축소": a smaller fall) or a negated main predicate on either side is left alone.

Questions are left alone, on either side: a negative question asserts the opposite ("않겠느냐":
surely it will).
"""

from __future__ import annotations

from transdesk.article import Finding
from transdesk.qa.base import CheckContext, finding
from transdesk.qa.english import split_english
from transdesk.qa.english_polarity import directions as english_directions
from transdesk.qa.english_polarity import main_negations, mentions_negation
from transdesk.qa.korean_polarity import compounds_change, read_negation
from transdesk.qa.korean_polarity import directions as korean_directions

# an English sentence this much longer than its Korean says more than the Korean: what it adds
# may carry a negation of its own (the median is about 2)
_MAX_LENGTH_RATIO = 3.2


def _mostly_korean(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    hangul = sum(1 for c in letters if "\uac00" <= c <= "\ud7a3")
    return bool(letters) and hangul >= len(letters) / 2


class PolarityCheck:
    name = "polarity"
    description = "negation and direction (rise/fall, surplus/deficit) survive translation"

    def run(self, context: CheckContext) -> list[Finding]:
        if not _mostly_korean(context.source) or not context.target.strip():
            return []  # a source in another script is nothing kiwi can read for polarity
        reading = read_negation(context.source)
        if reading.question or "?" in context.target:
            return []
        if (
            reading.main
            and not mentions_negation(context.target)
            and len(context.target) >= len(context.source)  # shorter: a part, or a fragment
        ):
            first, last = reading.main[0], reading.main[-1]
            forms = ", ".join(dict.fromkeys(n.form for n in reading.main))
            return [
                finding(
                    self.name,
                    "negation_lost",
                    "major",
                    f"the source negates its main predicate ({forms}), the translation says it "
                    "in the affirmative",
                    source_span=(first.start, last.end),
                )
            ]
        added = main_negations(context.target)
        if added and not reading.cue and self._one_statement(context):
            cue = added[0]
            return [
                finding(
                    self.name,
                    "negation_added",
                    "major",
                    f"the translation negates ({cue.text!r}) what the source says in the "
                    "affirmative",
                    target_span=(cue.start, cue.end),
                )
            ]
        if reading.main or added:
            return []  # "did not rise" against "감소하지 않았다": the negations carry the sense
        return self._direction(context)

    @staticmethod
    def _one_statement(context: CheckContext) -> bool:
        """The English is one sentence and not much longer than the Korean: a negation in it
        belongs to what the Korean says."""
        if len(split_english(context.target)) > 1:
            return False
        return len(context.target) <= _MAX_LENGTH_RATIO * len(context.source)

    def _direction(self, context: CheckContext) -> list[Finding]:
        korean = korean_directions(context.source)
        if not korean or len({k.direction for k in korean}) > 1:
            return []
        if compounds_change(context.source):
            return []
        axes = frozenset().union(*(k.axes for k in korean))
        english = english_directions(context.target, axes)
        if not english or len({e.direction for e in english}) > 1:
            return []
        said, told = korean[0], english[0]
        if said.direction == told.direction:
            return []
        return [
            finding(
                self.name,
                "direction_flipped",
                "major",
                f"the source says {said.form!r} ({said.direction}), the translation says "
                f"{told.text!r} ({told.direction})",
                source_span=(said.start, said.end),
                target_span=(told.start, told.end),
            )
        ]
