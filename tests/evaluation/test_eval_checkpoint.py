"""The checkpoint: what an interrupted evaluation keeps, and what a rerun takes back."""

from __future__ import annotations

import datetime as dt

import pytest

from transdesk.article import Dateline
from transdesk.evaluation import read_line_aligned, run_system
from transdesk.evaluation.checkpoint import Checkpoint
from transdesk.pipeline import Pipeline

from .conftest import EngineLog, RecordedEngine
from .sample import SAMPLE_EN, SAMPLE_KO

DATELINE = Dateline(dt.date(2025, 9, 2))


def run(log: EngineLog, checkpoint: Checkpoint, drop_every: int = 4, **options):
    corpus = read_line_aligned(SAMPLE_KO, SAMPLE_EN).first(12)
    pipeline = Pipeline(RecordedEngine("recorded", drop_every, log))
    options.setdefault("dateline", DATELINE)
    return run_system("recorded", pipeline, corpus, checkpoint, article_lines=4, **options)


def test_a_half_written_last_record_is_translated_again(tmp_path):
    checkpoint, log = Checkpoint(tmp_path / "checkpoint.jsonl"), EngineLog()
    run(log, checkpoint)
    records = checkpoint.path.read_text().splitlines()
    checkpoint.path.write_text("\n".join(records[:-1]) + "\n" + records[-1][:40])
    log.translated.clear()
    again = run(log, checkpoint)
    assert again.resumed == 11 and len(log.translated) == 1
    assert [line.index for line in again.lines] == list(range(12))
    assert run(log, checkpoint).resumed == 12  # and the file is readable again afterwards


@pytest.mark.parametrize(
    ("change", "translated_again"),
    [
        ({}, 0),
        ({"drop_every": 3}, 12),  # another engine configuration
        ({"dateline": Dateline(dt.date(2025, 9, 3))}, 12),  # another dateline
    ],
)
def test_only_the_same_configuration_resumes(tmp_path, change, translated_again):
    checkpoint, log = Checkpoint(tmp_path / "checkpoint.jsonl"), EngineLog()
    run(log, checkpoint)
    log.translated.clear()
    run(log, checkpoint, **change)
    assert len(log.translated) == translated_again


def test_failed_lines_are_asked_again(tmp_path):
    checkpoint, log = Checkpoint(tmp_path / "checkpoint.jsonl"), EngineLog()
    first = run(log, checkpoint)
    engine = RecordedEngine("recorded", 4, log)
    missing = first.lines[5].source
    engine.answers.pop(missing)  # the engine cannot translate line 5 this time
    corpus = read_line_aligned(SAMPLE_KO, SAMPLE_EN).first(12)
    checkpoint.discard()
    failed = run_system("recorded", Pipeline(engine), corpus, checkpoint, article_lines=4,
                        dateline=DATELINE)  # fmt: skip
    assert failed.lines[5].failed and failed.hypotheses[5] == ""
    log.translated.clear()
    again = run(log, checkpoint)
    assert log.translated == [missing] and not again.lines[5].failed
