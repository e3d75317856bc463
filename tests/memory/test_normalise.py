"""Typing variants of one sentence are the same sentence to the memory; different ones are not."""

from __future__ import annotations

import pytest

from transdesk.memory.normalise import normalise, source_hash, trigrams

BASE = '크렘린궁은 "대화를 이어갈 것"이라고 밝혔다...'


@pytest.mark.parametrize(
    "variant",
    [
        '크렘린궁은 “대화를 이어갈 것”이라고 밝혔다…',  # curly quotes, ellipsis character
        '크렘린궁은  "대화를 이어갈 것"이라고\t밝혔다...',  # extra whitespace
        '  크렘린궁은 ＂대화를 이어갈 것＂이라고 밝혔다⋯ ',  # full-width quotes, midline ellipsis
        '크렘린궁은 「대화를 이어갈 것」이라고 밝혔다....',  # corner brackets, four dots
        "크렘린궁은 \"대화를 이어갈 것\"이라고 밝혔다...".replace("크", "\u110f\u1173"),  # NFD jamo
    ],
)
def test_variants_share_the_exact_match_key(variant):
    assert normalise(variant) == normalise(BASE)
    assert source_hash(variant) == source_hash(BASE)


@pytest.mark.parametrize(
    "different",
    [
        '크렘린궁은 "대화를 이어갈 것"이라고 밝혔다?',
        '크렘린궁이 "대화를 이어갈 것"이라고 밝혔다...',
        '크렘린궁은 "대화를 이어갈 것"이라고 말했다...',
    ],
)
def test_different_sentences_have_different_keys(different):
    assert source_hash(different) != source_hash(BASE)


def test_full_width_letters_and_digits_fold():
    assert normalise("ＵＮ　안보리，２일！") == "UN 안보리,2일!"


@pytest.mark.parametrize(("text", "expected"), [("가", []), ("가나", []), ("가나다", ["가나다"])])
def test_short_text_has_no_trigrams(text, expected):
    assert trigrams(text) == expected
