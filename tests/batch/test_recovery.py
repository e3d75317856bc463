"""How the coordinator of a fanned-out batch notices lost work: a claim that stops moving (its
worker died) and a message nobody claimed while later ones were claimed; and an engine that
cannot run stopping the batch with exit 3, in one process and with workers."""

from __future__ import annotations

import pytest

from tests.batch.conftest import read_output, write_archive
from transdesk.batch import fanout
from transdesk.batch.build import BatchOptions
from transdesk.batch.inputs import BatchItem
from transdesk.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def coordinator(tmp_path, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(fanout.time, "monotonic", clock)
    made = fanout.Coordinator(
        Settings(data_dir=tmp_path / "data"), BatchOptions(), tmp_path / "out.jsonl"
    )
    made.board.beat(made.epoch)
    made.clock = clock  # type: ignore[attr-defined]
    yield made
    made.close(complete=True)


def item(line: int) -> BatchItem:
    return BatchItem(line=line, key=str(line), data=b"{}", format="json")


def test_a_claim_that_stops_moving_is_sent_again(coordinator):
    flight = coordinator.start(item(1))
    key = coordinator.board.claim_key(flight.name, coordinator.epoch, 1)
    assert coordinator.board.claim(key, "worker-a")
    coordinator.watch([flight])  # claimed, moving
    coordinator.clock.now += 5
    coordinator.board.renew(key, "worker-a", 1)
    coordinator.watch([flight])
    assert flight.attempt == 1
    coordinator.clock.now += fanout.STALE_CLAIM_S + 1  # no beat since: the worker is gone
    coordinator.watch([flight])
    assert flight.attempt == 2 and coordinator.resent == {flight.name: 2}


def test_a_message_never_claimed_while_a_later_one_was_is_sent_again(coordinator):
    first, second = coordinator.start(item(1)), coordinator.start(item(2))
    later = coordinator.board.claim_key(second.name, coordinator.epoch, 1)
    assert coordinator.board.claim(later, "worker-a")
    coordinator.watch([first, second])
    coordinator.clock.now += fanout.LOST_MESSAGE_S / 2
    coordinator.board.renew(later, "worker-a", 1)
    coordinator.watch([first, second])
    assert first.attempt == 1  # not yet: the queue may just be slow
    coordinator.clock.now += fanout.LOST_MESSAGE_S
    coordinator.board.renew(later, "worker-a", 2)
    coordinator.watch([first, second])
    assert (first.attempt, second.attempt) == (2, 1)


def test_a_result_left_by_an_earlier_run_is_taken_without_sending(coordinator):
    first = item(1)
    name = fanout.item_key(first)
    coordinator.board.put_result(name, {"record": {"line": 1}, "counts": {}, "exit_code": 0})
    flight = coordinator.start(first)
    assert flight.attempt == 0 and flight.result is not None


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_engine_that_cannot_run_stops_the_batch(batch_env, monkeypatch, tmp_path, workers):
    monkeypatch.setenv("TRANSDESK_OPENAI__RETRIES", "0")
    archive = write_archive(tmp_path / "in.jsonl", 6)
    out = tmp_path / "out.jsonl"
    result = batch_env(
        "batch", archive, "-o", out, "--no-checks", "--workers", workers,
        "--engine", "openai", "--base-url", "http://127.0.0.1:9/v1",
    )  # fmt: skip
    assert result.code == 3, result.stderr
    assert "cannot reach the translation server" in result.stderr
    assert read_output(out) == []  # nothing half-written; a rerun starts from the first article
