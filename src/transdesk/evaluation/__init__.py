"""Measure translation quality and desk speed on a test set, the way MT research reports them.

`evaluate()` translates a line-aligned or TMX test set through the desk's pipeline (so termbase,
memory and checks are measured as they publish), scores it with sacrebleu (BLEU, chrF++, with
signatures) and COMET where installed, adds the desk's own figures (flag rate, termbase
compliance, memory share, speed), compares systems with paired bootstrap resampling, and writes a
JSON file and a Markdown/HTML report with plots. A checkpoint lets an interrupted run resume.
"""

from transdesk.evaluation.compare import Comparison, PairedResult, paired_bootstrap
from transdesk.evaluation.corpus import ParallelCorpus, read_line_aligned, read_tmx
from transdesk.evaluation.results import EvalReport, SystemReport
from transdesk.evaluation.run import EvalOptions, PipelineFactory, SystemSpec, evaluate
from transdesk.evaluation.system import SystemRun, pseudo_article, run_system
from transdesk.evaluation.table import terminal_summary

__all__ = [
    "Comparison",
    "EvalOptions",
    "EvalReport",
    "PairedResult",
    "ParallelCorpus",
    "PipelineFactory",
    "SystemReport",
    "SystemRun",
    "SystemSpec",
    "evaluate",
    "paired_bootstrap",
    "pseudo_article",
    "read_line_aligned",
    "read_tmx",
    "run_system",
    "terminal_summary",
]
