"""Shared pieces of the batch tests: a small archive with repeated sentences, and the settings
(environment) that point the command at the tiny CTranslate2 model."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

TRAINING_KO = Path(__file__).resolve().parent.parent / "data" / "tiny_ct2" / "train.ko"


def korean_sentences() -> list[str]:
    return [line for line in TRAINING_KO.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_archive(
    path: Path, count: int, *, distinct: int = 12, bad_lines: tuple[int, ...] = ()
) -> Path:
    """`count` JSON articles (3 sentences each, drawn from `distinct` sentences so that they
    repeat), one per line; the article numbers in `bad_lines` are written as broken JSON."""
    pool = korean_sentences()[:distinct]
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            if n in bad_lines:
                handle.write('{"headline": "깨진 줄", \n')
                continue
            article = {
                "headline": pool[n % len(pool)],
                "date": "2025-09-02",
                "slug": f"article-{n:04d}",
                "blocks": [
                    {"type": "paragraph", "text": pool[(n * 7 + 3) % len(pool)]},
                    {"type": "paragraph", "text": pool[(n * 5 + 1) % len(pool)]},
                ],
            }
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


def read_output(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def summary(stderr: str) -> dict[str, int]:
    """The summary table's counts, by row name."""
    rows = {}
    for line in stderr.splitlines():
        match = re.match(r"^\s*([a-z/ ()]+?)\s{2,}([\d,]+)$", line)
        if match:
            rows[match.group(1).strip()] = int(match.group(2).replace(",", ""))
    return rows


@pytest.fixture
def batch_env(run_cli, monkeypatch, tiny_ct2_cache, tmp_path):
    """`run_cli` with the tiny model as the default ct2 model (beam 1, one thread)."""
    values = {
        "TRANSDESK_CACHE_DIR": str(tiny_ct2_cache),
        "TRANSDESK_DATA_DIR": str(tmp_path / "data"),
        "TRANSDESK_CT2__BEAM_SIZE": "1",
        "TRANSDESK_CT2__THREADS": "1",
        "TRANSDESK_CT2__BATCH_SIZE": "8",
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return run_cli


@pytest.fixture
def batch_subprocess_env(tiny_ct2_cache, tmp_path) -> dict[str, str]:
    """The environment for `transdesk batch` run as a separate process."""
    return {
        **os.environ,
        "TRANSDESK_CACHE_DIR": str(tiny_ct2_cache),
        "TRANSDESK_DATA_DIR": str(tmp_path / "data"),
        "TRANSDESK_CT2__BEAM_SIZE": "1",
        "TRANSDESK_CT2__THREADS": "1",
        "TRANSDESK_CT2__BATCH_SIZE": "8",
    }
