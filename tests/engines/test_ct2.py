"""The ct2 engine on the tiny random-weight model, loaded the way the real quickmt model is."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import ctranslate2
import pytest

from transdesk.cli.options import engine_settings
from transdesk.engines.base import ArticleContext, SegmentRequest
from transdesk.engines.ct2 import Ct2Engine
from transdesk.engines.ct2_options import DEFAULT_MODEL
from transdesk.engines.ct2_pieces import PieceCodec
from transdesk.engines.models import model_files
from transdesk.engines.registry import create_engine
from transdesk.errors import ConfigurationError

TRAINING_KO = Path(__file__).resolve().parents[1] / "data" / "tiny_ct2" / "train.ko"
CONTEXT = ArticleContext(headline="서울시, 한강 공원에 자전거 도로 개통")


def korean(count: int) -> list[str]:
    return TRAINING_KO.read_text(encoding="utf-8").splitlines()[:count]


def requests_for(texts: list[str], **fields) -> list[SegmentRequest]:
    return [SegmentRequest(f"p1.s{i}", text, **fields) for i, text in enumerate(texts)]


@pytest.fixture
def engine(tiny_ct2_settings):
    with create_engine("ct2", tiny_ct2_settings) as engine:
        yield engine


def test_default_model_comes_from_the_cache(engine, tiny_ct2_cache):
    assert isinstance(engine, Ct2Engine)
    assert engine.model == DEFAULT_MODEL
    assert engine.directory == tiny_ct2_cache / "models" / "quickmt--quickmt-ko-en"


def test_one_hypothesis_per_request_in_order(engine):
    requests = requests_for(korean(5))
    hypotheses = engine.translate(requests, CONTEXT)
    assert [h.segment_id for h in hypotheses] == [r.segment_id for r in requests]
    for hypothesis in hypotheses:
        assert not hypothesis.failed and hypothesis.text.strip()
        assert not any("\uac00" <= ch <= "\ud7a3" for ch in hypothesis.text)  # no Korean copied
        assert -20 < hypothesis.score < 0  # log-probability per token, not per sentence


def test_more_requests_than_batch_size_report_progress_per_batch(engine):
    requests = requests_for(korean(11))
    done: list[int] = []
    hypotheses = engine.translate(requests, CONTEXT, progress=done.append)
    assert done == [4, 4, 3]  # batch_size 4
    assert len(hypotheses) == 11 and not any(h.failed for h in hypotheses)


def test_batching_keeps_each_translation_with_its_request(tiny_ct2_settings):
    """Batches are sorted by length; with one sentence per batch the decoder sees exactly what
    it sees alone, so any mix-up in putting results back shows."""
    one_a_batch = tiny_ct2_settings.ct2.model_copy(update={"batch_size": 1})
    settings = tiny_ct2_settings.model_copy(update={"ct2": one_a_batch})
    requests = requests_for(korean(6))
    with create_engine("ct2", settings) as engine:
        together = engine.translate(requests, CONTEXT)
        alone = [engine.translate([r], CONTEXT)[0] for r in requests]
    assert [h.text for h in together] == [h.text for h in alone]


def with_ct2(settings, **options):
    return settings.model_copy(update={"ct2": settings.ct2.model_copy(update=options)})


def test_batch_tokens_cut_batches_by_padded_pieces(tiny_ct2_settings):
    """Sorted by length, a batch stops growing once sentences x its longest pass batch_tokens."""
    requests = requests_for(korean(8))
    settings = with_ct2(tiny_ct2_settings, batch_size=8, batch_tokens=40)
    with create_engine("ct2", settings) as engine:
        pieces = [engine.load().codec.encode_source(r.text) for r in requests]
        batches = [batch for _, batch in engine._batches(requests, pieces)]
        hypotheses = engine.translate(requests, CONTEXT)
    assert sorted(i for batch in batches for i in batch) == list(range(8))
    for batch in batches:
        longest = max(len(pieces[i]) for i in batch)
        assert len(batch) == 1 or len(batch) * longest <= 40
    assert len(batches) > 1 and not any(h.failed for h in hypotheses)


def test_a_sentence_longer_than_batch_tokens_still_goes_alone(tiny_ct2_settings):
    settings = with_ct2(tiny_ct2_settings, batch_tokens=1)
    with create_engine("ct2", settings) as engine:
        done: list[int] = []
        hypotheses = engine.translate(requests_for(korean(3)), CONTEXT, progress=done.append)
    assert done == [1, 1, 1] and not any(h.failed for h in hypotheses)


def test_overlapping_jobs_translate_at_once_with_inter_threads(tiny_ct2_settings):
    from concurrent.futures import ThreadPoolExecutor

    settings = with_ct2(tiny_ct2_settings, inter_threads=2)
    requests = requests_for(korean(6))
    with create_engine("ct2", settings) as engine:
        assert engine.load().translator.num_translators == 2
        alone = [h.text for h in engine.translate(requests, CONTEXT)]
        with ThreadPoolExecutor(2) as pool:
            jobs = [pool.submit(engine.translate, requests, CONTEXT) for _ in range(2)]
            together = [[h.text for h in job.result()] for job in jobs]
    assert together == [alone, alone]


def test_suppressed_rendering_is_never_produced(engine):
    request = SegmentRequest("p1.s0", korean(1)[0])
    free = engine.translate([request], CONTEXT)[0].text
    forbidden = free.split()[0]  # a word this random model does produce here
    suppressed = engine.translate(
        [SegmentRequest("p1.s0", request.text, suppress=(forbidden,))], CONTEXT
    )[0]
    assert suppressed.text != free
    assert forbidden not in suppressed.text.split()


def test_requests_with_different_suppress_sets_are_decoded_apart(engine):
    text = korean(1)[0]
    forbidden = engine.translate([SegmentRequest("a", text)], CONTEXT)[0].text.split()[0]
    plain, restricted = engine.translate(
        [SegmentRequest("a", text), SegmentRequest("b", text, suppress=(forbidden,))], CONTEXT
    )
    assert forbidden in plain.text.split()
    assert forbidden not in restricted.text.split()


@pytest.mark.parametrize(
    ("text", "placeholders", "expected"),
    [
        ("⟦T0⟧는 2일 기자회견을 열었다.", ("⟦T0⟧",), ["▁⟦T0⟧"]),
        ("대통령은 ⟦T0⟧ 장관과 ⟦T1⟧에서 만났다.", ("⟦T0⟧", "⟦T1⟧"), ["▁⟦T0⟧", "▁⟦T1⟧"]),
        ("국회는(⟦T12⟧) 법안을 통과시켰다.", (), ["⟦T12⟧"]),  # found by pattern when not listed
    ],
)
def test_placeholders_survive_encoding_as_one_piece(
    tiny_ct2_model_dir, text, placeholders, expected
):
    codec = PieceCodec(model_files(tiny_ct2_model_dir))
    pieces = codec.encode_source(text, placeholders)
    assert [p for p in pieces if "⟦" in p or "⟧" in p] == expected
    assert "<unk>" not in pieces


@pytest.mark.parametrize(
    ("output", "source", "attention", "expected"),
    [
        (["▁the", "▁⟦T0⟧", "▁said"], [], None, "the ⟦T0⟧ said"),
        (["▁⟦T0⟧", "'", "s", "▁year"], [], None, "⟦T0⟧'s year"),
        (["▁in", "<unk>", "."], ["▁서울", "▁⟦T3⟧"], [[1, 0], [0.2, 0.8], [1, 0]], "in ⟦T3⟧."),
        (["▁in", "<unk>", "."], ["▁서울", "▁⟦T3⟧"], [[1, 0], [0.8, 0.2], [1, 0]], "in."),
    ],
)
def test_placeholders_come_back_from_the_output(
    tiny_ct2_model_dir, output, source, attention, expected
):
    codec = PieceCodec(model_files(tiny_ct2_model_dir))
    assert codec.decode_target(output, source, attention) == expected


def test_segment_with_placeholder_is_translated(engine):
    request = SegmentRequest("p1.s0", "⟦T0⟧는 2일 기자회견을 열었다.", placeholders=("⟦T0⟧",))
    (hypothesis,) = engine.translate([request], CONTEXT)
    assert not hypothesis.failed and "⁇" not in hypothesis.text


@pytest.mark.parametrize("text", ["", "   "])
def test_nothing_to_translate_is_a_failed_segment_not_an_echo(engine, text):
    requests = [SegmentRequest("a", korean(1)[0]), SegmentRequest("b", text)]
    done: list[int] = []
    good, empty = engine.translate(requests, CONTEXT, progress=done.append)
    assert not good.failed
    assert empty.failed and empty.text is None and empty.error
    assert sum(done) == 2


def test_empty_model_output_is_a_failed_hypothesis(engine):
    model = engine.load()
    result = SimpleNamespace(hypotheses=[[]], scores=[-0.1], attention=[])
    hypothesis = engine._hypothesis(model, SegmentRequest("a", "서울"), ["▁서울"], result)
    assert hypothesis.failed and hypothesis.error == "the model produced no text"


def test_signature_names_model_revision_and_options(engine):
    signature = engine.signature()
    assert signature["engine"] == "ct2"
    assert signature["model"] == DEFAULT_MODEL
    assert str(signature["model_revision"]).startswith("sha256:")
    assert signature["beam_size"] == 2 and signature["compute_type"] == "int8"
    assert signature["ctranslate2"] == ctranslate2.__version__


def test_local_model_directory_is_used_as_it_is(tiny_ct2_settings, tiny_ct2_model_dir):
    settings = engine_settings(model=str(tiny_ct2_model_dir), base=tiny_ct2_settings)
    with create_engine("ct2", settings) as engine:
        (hypothesis,) = engine.translate(requests_for(korean(1)), CONTEXT)
        assert engine.directory == tiny_ct2_model_dir
        assert engine.signature()["model"] == tiny_ct2_model_dir.name
    assert not hypothesis.failed


def test_model_loads_lazily_and_close_releases_it(tiny_ct2_settings):
    engine = create_engine("ct2", tiny_ct2_settings)
    assert not engine.loaded
    engine.translate(requests_for(korean(1)), CONTEXT)
    assert engine.loaded
    engine.close()
    assert not engine.loaded
    assert not engine.translate(requests_for(korean(1)), CONTEXT)[0].failed  # loads again
    engine.close()


@pytest.mark.parametrize(
    ("remove", "named"),
    [
        (["model.bin"], "no model.bin"),
        (["src.spm.model", "tgt.spm.model"], "SentencePiece"),
        (["source_vocabulary.json"], "source_vocabulary.json"),
    ],
)
def test_bad_model_directory_gives_a_clear_error(
    tiny_ct2_settings, tiny_ct2_model_dir, tmp_path, remove, named
):
    broken = tmp_path / "broken-model"
    shutil.copytree(tiny_ct2_model_dir, broken)
    for name in remove:
        (broken / name).unlink()
    settings = engine_settings(model=str(broken), base=tiny_ct2_settings)
    with pytest.raises(ConfigurationError, match=named) as error:
        create_engine("ct2", settings).translate(requests_for(korean(1)), CONTEXT)
    assert str(broken) in str(error.value)


def test_missing_model_directory_gives_a_clear_error(tiny_ct2_settings, tmp_path):
    settings = engine_settings(model=str(tmp_path / "no-such-model"), base=tiny_ct2_settings)
    with pytest.raises(ConfigurationError, match="no model directory at"):
        create_engine("ct2", settings).load()
