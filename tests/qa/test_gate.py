"""The gate turns findings into publish / review / block, per sentence and per article."""

from __future__ import annotations

import pytest

from transdesk.article import Finding
from transdesk.errors import ConfigurationError
from transdesk.qa import Thresholds, article_decision, segment_decision


def f(severity: str) -> Finding:
    return Finding("numbers", "number_missing", severity, "a number is missing")


@pytest.mark.parametrize(
    ("severities", "thresholds", "expected"),
    [
        ([], Thresholds(), "publish"),
        (["info", "minor"], Thresholds(), "publish"),
        (["minor", "minor", "minor"], Thresholds(), "review"),
        (["major"], Thresholds(), "review"),
        (["critical"], Thresholds(), "block"),
        (["major"], Thresholds(review_at="critical"), "publish"),
        (["minor"], Thresholds(review_at="minor"), "review"),
        (["major"], Thresholds(block_at="major"), "block"),
    ],
)
def test_segment_decision(severities, thresholds, expected):
    assert segment_decision([f(s) for s in severities], thresholds) == expected


def test_relative_dates_left_to_resolve_count_once_towards_review():
    style = [Finding("dates", "relative_date", "minor", f"'the {n}th' left") for n in (2, 3, 4)]
    assert segment_decision(style) == "publish"
    added = Finding("numbers", "number_added", "minor", "an added figure")
    assert segment_decision([*style, added]) == "publish"
    assert segment_decision([*style, added, added]) == "review"


@pytest.mark.parametrize(
    ("decisions", "article_findings", "minor_share", "expected"),
    [
        (["publish", "publish"], [], 0.0, "publish"),
        (["publish", "review"], [], 0.0, "review"),
        (["publish", "block"], [], 0.0, "block"),
        (["publish", None], [], 0.0, "block"),  # a sentence nobody decided on is not published
        (["publish"], [f("major")], 0.0, "review"),
        (["publish", "publish"], [], 0.9, "review"),  # minor problems nearly everywhere
    ],
)
def test_article_decision(decisions, article_findings, minor_share, expected):
    assert article_decision(decisions, article_findings, minor_share=minor_share) == expected


def test_thresholds_refuse_nonsense():
    with pytest.raises(ConfigurationError):
        Thresholds(review_at="severe")
    with pytest.raises(ConfigurationError):
        Thresholds(review_at="critical", block_at="minor")
