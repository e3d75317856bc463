"""Korean sentence splitting: what must stay one sentence in news copy."""

from __future__ import annotations

import pytest

from transdesk.ingest import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("물가가 3.5% 올랐다. 금리는 동결됐다.", ["물가가 3.5% 올랐다.", "금리는 동결됐다."]),
        ("크렘린궁은 2일(현지시간) 이같이 밝혔다.", ["크렘린궁은 2일(현지시간) 이같이 밝혔다."]),
        (
            '그는 "우리는 준비가 됐다. 대화할 것이다"라고 말했다. 회담은 3일 열린다.',
            ['그는 "우리는 준비가 됐다. 대화할 것이다"라고 말했다.', "회담은 3일 열린다."],
        ),
        ("그는… 아무 말도 하지 않았다. 다음 날 떠났다.", ["그는… 아무 말도 하지 않았다.", "다음 날 떠났다."]),
        ("그는 ... 아무 말도 하지 않았다.", ["그는 ... 아무 말도 하지 않았다."]),
        ("소식통은 (확인되지 않았다. 다만 유력하다) 전했다.", ["소식통은 (확인되지 않았다. 다만 유력하다) 전했다."]),
        ("정말 그랬을까? 아무도 모른다.", ["정말 그랬을까?", "아무도 모른다."]),
        ("", []),
    ],
)
def test_split(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_point_into_the_text():
    text = "첫 문장이다.  두 번째 문장이다."
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
