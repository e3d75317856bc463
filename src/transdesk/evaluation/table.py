"""Plain-text tables of an evaluation, for the terminal and for the Markdown report."""

from __future__ import annotations

from collections.abc import Sequence

from transdesk.evaluation.compare import Comparison, PairedResult
from transdesk.evaluation.results import EvalReport, SystemReport

SCORE_HEADER = (
    "system",
    "lines",
    "BLEU",
    "chrF++",
    "COMET",
    "flagged",
    "terms ok",
    "from memory",
    "sent/s",
    "s/article",
)
SIGNIFICANCE_NOTE = "* p < 0.05 and the 95% interval of Δ excludes 0"
COMPARE_HEADER = ("metric", "system", "score", "mean ± 95% CI", "Δ vs baseline", "95% CI of Δ", "p")


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def number(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def score_row(system: SystemReport) -> tuple[str, ...]:
    f = system.figures
    comet = number(system.comet.value, 4) if system.comet.value is not None else "n/a"
    return (
        system.label,
        str(f.sentences),
        f"{system.bleu.value:.2f}",
        f"{system.chrf.value:.2f}",
        comet,
        percent(f.flag_rate),
        percent(f.term_compliance),
        percent(f.memory_share),
        number(f.sentences_per_second),
        number(f.seconds_per_article, 3),
    )


def comparison_rows(comparison: Comparison) -> list[tuple[str, ...]]:
    rows = []
    for r in comparison.results:
        baseline = r.p_value is None
        rows.append(
            (
                r.metric,
                r.system + (" (baseline)" if baseline else ""),
                f"{r.score:.2f}",
                f"{r.mean:.2f} ± {r.ci:.2f}",
                "" if baseline else f"{r.delta:+.2f}",
                "" if baseline else f"[{r.delta_low:+.2f}, {r.delta_high:+.2f}]",
                _p_cell(r),
            )
        )
    return rows


def _p_cell(result: PairedResult) -> str:
    if result.p_value is None:
        return ""
    if result.identical:
        return "identical output"
    return f"{result.p_value:.4f}" + (" *" if result.significant else "")


def render_text(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


def render_markdown(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(header), "|" + "---|" * len(header), *(line(r) for r in rows)])


def terminal_summary(report: EvalReport) -> str:
    """What `transdesk eval` prints: the scores, their signatures, and the comparison."""
    parts = [
        f"{report.corpus.name}: {len(report.corpus)} lines ({report.corpus.origin})",
        "",
        render_text(SCORE_HEADER, [score_row(s) for s in report.systems]),
        "",
    ]
    for system in report.systems:
        parts.append(
            f"{system.label}: {system.run.translated} lines translated, "
            f"{system.run.resumed} taken from the checkpoint"
        )
        failed = [line for line in system.run.lines if line.failed]
        if failed:
            parts.append(
                f"  {len(failed)} failed (scored as empty), e.g. line "
                f"{failed[0].index + 1}: {failed[0].error}"
            )
    first = report.systems[0]
    parts += [
        f"BLEU signature:   {first.bleu.signature}",
        f"chrF++ signature: {first.chrf.signature}",
    ]
    if first.comet.value is None:
        parts.append(f"COMET: {first.comet.note}")
    if report.comparison:
        c = report.comparison
        parts += [
            "",
            f"Paired bootstrap resampling ({c.resamples} resamples), baseline {c.baseline}:",
            render_text(COMPARE_HEADER, comparison_rows(c)),
            SIGNIFICANCE_NOTE,
        ]
        parts += [f"{name} signature: {sig}" for name, sig in c.signatures.items()]
    return "\n".join(parts)
