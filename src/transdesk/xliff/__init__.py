"""XLIFF for post-editors: an article on the desk out to a CAT tool (Trados, memoQ, OmegaT) and the
edited English back in as corrections.

- `transdesk.xliff.export.export_article` (to files) / `article_xliff` (the bytes): one unit per
  sentence (id, Korean, English, state, the checks' findings as notes, memory matches as
  `alt-trans` / `mtc:match`), XLIFF 1.2 or 2.0, and a TBX of the article's matched terms beside it.
- `transdesk.xliff.importing.import_edits`: every changed target checked first, then recorded as
  corrections through `transdesk.feedback.correction.correct`, all in one transaction.
"""

from transdesk.xliff.export import (
    ArticleXliff,
    ExportResult,
    article_xliff,
    export_article,
    render_article,
)
from transdesk.xliff.importing import ImportResult, import_edits, read_edits

__all__ = [
    "ArticleXliff",
    "ExportResult",
    "ImportResult",
    "article_xliff",
    "export_article",
    "import_edits",
    "read_edits",
    "render_article",
]
