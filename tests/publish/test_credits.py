"""Bylines and credit lines in English: names romanised in newsroom style, role words in English,
outlets from the termbase, then the desk's list, then romanised; no Hangul left."""

from __future__ import annotations

import re

import pytest

from transdesk.publish.credits import english_byline, english_credit

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.mark.parametrize(
    ("korean", "english"),
    [
        ("홍길동 기자", "By Hong Gil-dong, staff reporter"),
        ("홍길동 특파원", "By Hong Gil-dong, correspondent"),
        ("(베이징=뉴스1) 홍길동 특파원", "By Hong Gil-dong, correspondent"),
        ("홍길동·김철수 기자", "By Hong Gil-dong and Kim Cheol-su, staff reporters"),
        ("박지훈 기자 jihoon@news1.kr", "By Park Ji-hun, staff reporter"),
        ("김예슬 선임기자", "By Kim Ye-seul, senior reporter"),
        ("By Jane Doe", "By Jane Doe"),
        (None, None),
    ],
)
def test_bylines(korean, english):
    assert english_byline(korean) == english


@pytest.mark.parametrize(
    ("korean", "english"),
    [
        ("뉴스1", "News1"),
        ("연합뉴스", "Yonhap News Agency"),
        ("연합뉴스 제공", "Courtesy of Yonhap News Agency"),
        ("Reuters", "Reuters"),
    ],
)
def test_credits(korean, english):
    assert english_credit(korean) == english


def test_the_termbase_wins_and_an_unknown_outlet_is_romanised():
    assert english_credit("뉴스1", lambda ko: "News1 Korea" if ko == "뉴스1" else None) == (
        "News1 Korea"
    )
    unknown = english_credit("새매체")
    assert unknown and not HANGUL.search(unknown)


def test_html_and_json_output_carry_the_english_metadata_and_the_reader_css():
    import json
    from pathlib import Path

    from fixtures.engines import PhrasebookEngine, seed_phrasebook

    from transdesk.ingest import read_article
    from transdesk.pipeline import Pipeline
    from transdesk.publish import render

    example = Path(__file__).parents[2] / "examples" / "putin-kim-beijing.md"
    translated = Pipeline(PhrasebookEngine(seed_phrasebook())).translate(read_article(example))
    html = render(translated, "html", "https://news.example/feedback")
    css = (Path(__file__).parents[2] / "src/transdesk/web/static/reader.css").read_text()
    assert "<style>" in html and css.splitlines()[1] in html
    meta = html.split('<p class="meta dateline">')[1].split("</p>")[0]
    assert "By Kim Ye-seul, staff reporter" in meta and "News1" in meta
    assert not HANGUL.search(meta)
    data = json.loads(render(translated, "json", "https://news.example/feedback"))
    assert (data["byline"], data["source"]) == ("By Kim Ye-seul, staff reporter", "News1")
    assert data["original"] == {"byline": "김예슬 기자", "source": "뉴스1"}
