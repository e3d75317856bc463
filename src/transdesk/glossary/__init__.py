"""Termbase: match terms in the Korean, protect and enforce them in the English, CSV/TBX in and out.

- `Termbase`: approved entries in an Aho–Corasick automaton; `match(text)` finds terms on
  morpheme boundaries, longest first.
- `TermbaseStore`: the termbase in the desk database (add, propose, approve, load, version).
- `transdesk.glossary.stage.TermbaseStage`: the pipeline stage (term hints or placeholders, as
  the engine's capabilities say; forbidden renderings repaired or flagged for every engine).
"""

from transdesk.glossary.matcher import Termbase
from transdesk.glossary.model import TermEntry, TermKind, TermMatch, TermStatus
from transdesk.glossary.store import ImportReport, TermbaseStore

__all__ = [
    "ImportReport",
    "TermEntry",
    "TermKind",
    "TermMatch",
    "TermStatus",
    "Termbase",
    "TermbaseStore",
]
