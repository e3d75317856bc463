"""The checks are named by dotted path, like the engines: each path resolves to a check that
answers to the name it is registered under, in the order the checks run."""

from __future__ import annotations

from transdesk.qa.registry import check_names, create_checks

ORDER = ["dates", "names", "numbers", "omission", "polarity", "quotes", "tense", "terms", "untranslated"]


def test_every_name_resolves_to_the_check_of_that_name():
    assert check_names() == ORDER
    assert [check.name for check in create_checks()] == ORDER
    assert all(check.description for check in create_checks())


def test_a_subset_comes_in_the_order_asked():
    assert [c.name for c in create_checks(["terms", "dates"])] == ["terms", "dates"]
