"""Write an evaluation to a folder: the scored files, results.json, report.md and report.html."""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from markdown_it import MarkdownIt

from transdesk.errors import StorageError
from transdesk.evaluation.plots import plot_score_distribution, plot_time_by_length
from transdesk.evaluation.results import EvalReport
from transdesk.evaluation.table import (
    COMPARE_HEADER,
    SCORE_HEADER,
    SIGNIFICANCE_NOTE,
    comparison_rows,
    render_markdown,
    score_row,
)

WORST_SHOWN = 5


@dataclass(frozen=True, slots=True)
class WrittenReport:
    folder: Path
    json: Path
    markdown: Path
    html: Path
    reference: Path
    hypotheses: dict[str, Path]


def file_name(label: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", label).strip("_") or "system"


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line.replace("\n", " ") + "\n" for line in lines), encoding="utf-8")
    return path


def _worst_sentences(report: EvalReport) -> str:
    system = report.systems[0]
    order = sorted(range(len(report.corpus)), key=lambda i: system.sentence_chrf[i])
    rows = [
        (
            str(i + 1),
            f"{system.sentence_chrf[i]:.1f}",
            report.corpus.sources[i],
            system.run.lines[i].hypothesis or "(failed)",
            report.corpus.references[i],
        )
        for i in order[:WORST_SHOWN]
    ]
    header = ("line", "chrF++", "source", system.label, "reference")
    return render_markdown(header, rows)


def markdown_report(report: EvalReport, plots: dict[str, str]) -> str:
    c = report.corpus
    first = report.systems[0]
    parts = [
        f"# Translation evaluation: {c.name}",
        "",
        f"- Corpus: {c.origin}, {len(c)} lines (fingerprint `{c.fingerprint()}`)",
        (
            f"- Translated through the desk's pipeline in pseudo-articles of "
            f"{report.article_lines} lines (one line is one sentence and one paragraph)"
        ),
        f"- Created {report.created}",
        "",
        "## Scores",
        "",
        render_markdown(SCORE_HEADER, [score_row(s) for s in report.systems]),
        "",
        f"- BLEU signature: `{first.bleu.signature}`",
        f"- chrF++ signature: `{first.chrf.signature}`",
        f"- COMET ({first.comet.model}): {first.comet.note}",
        (
            "- flagged: sentences the gate held back (review/block) or with a major/critical"
            " finding; terms ok: of the sentences where a termbase term matched, those with no"
            " term finding left (n/a: no term matched); from memory: exact memory matches"
        ),
    ]
    if report.comparison:
        comparison = report.comparison
        parts += [
            "",
            "## Paired comparison",
            "",
            f"Paired bootstrap resampling with sacrebleu, {comparison.resamples} resamples, "
            f"baseline **{comparison.baseline}**; the interval of Δ comes from the same "
            "resamples. \\" + SIGNIFICANCE_NOTE + ".",
            "",
            render_markdown(COMPARE_HEADER, comparison_rows(comparison)),
            "",
            *(f"- {name} signature: `{sig}`" for name, sig in comparison.signatures.items()),
        ]
    parts += ["", "## Plots", ""]
    parts += [f"![{title}]({path})" for title, path in plots.items()]
    parts += ["", f"## Lowest-scoring sentences ({first.label})", "", _worst_sentences(report)]
    parts += ["", "## Pipelines", ""]
    for system in report.systems:
        signature = json.dumps(system.run.signature, indent=2, ensure_ascii=False, default=str)
        parts += [f"### {system.label}", "", "```json", signature, "```", ""]
    return "\n".join(parts)


def html_report(markdown: str, folder: Path, title: str) -> str:
    """The Markdown report as one self-contained HTML page (plots embedded)."""
    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)

    def embed(match: re.Match[str]) -> str:
        data = base64.b64encode((folder / match.group(1)).read_bytes()).decode()
        return f'src="data:image/png;base64,{data}"'

    body = re.sub(r'src="(plots/[^"]+\.png)"', embed, body)
    style = (
        "body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}"
        "code,pre{background:#f4f4f4}"
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        f"<style>{style}</style></head><body>\n{body}</body></html>\n"
    )


def write_report(report: EvalReport, folder: Path) -> WrittenReport:
    try:
        return _write(report, folder)
    except OSError as error:
        raise StorageError(f"cannot write the evaluation report to {folder}: {error}") from error


def _write(report: EvalReport, folder: Path) -> WrittenReport:
    folder.mkdir(parents=True, exist_ok=True)
    reference = _write_lines(folder / "reference.en", list(report.corpus.references))
    hypotheses = {
        s.label: _write_lines(folder / "hypotheses" / f"{file_name(s.label)}.en", s.run.hypotheses)
        for s in report.systems
    }
    plot_score_distribution(
        [(s.label, s.sentence_chrf) for s in report.systems], folder / "plots" / "scores.png"
    )
    plot_time_by_length(
        [(s.label, s.run.lines) for s in report.systems], folder / "plots" / "time-by-length.png"
    )
    plots = {
        "Sentence chrF++ distribution": "plots/scores.png",
        "Time per sentence by source length": "plots/time-by-length.png",
    }
    data = report.to_dict()
    data["files"] = {
        "reference": reference.name,
        "hypotheses": {k: str(v.relative_to(folder)) for k, v in hypotheses.items()},
    }
    json_path = folder / "results.json"
    json_path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    markdown = markdown_report(report, plots)
    md_path = folder / "report.md"
    md_path.write_text(markdown, encoding="utf-8")
    html_path = folder / "report.html"
    html_path.write_text(html_report(markdown, folder, report.corpus.name), encoding="utf-8")
    return WrittenReport(folder, json_path, md_path, html_path, reference, hypotheses)
