"""One word diff: what a correction changed, for the note, propagation, the memory and termbase."""

from __future__ import annotations

from transdesk.feedback.edit import Change, Substitution, apply_change, changes, substitutions

KREMLIN_WRONG = "Kremlin Palace stated on the 2nd."
KREMLIN_RIGHT = "The Kremlin said on Sept. 2."


def test_a_date_stays_whole():
    assert Change("the 2nd", "Sept. 2") in changes(KREMLIN_WRONG, KREMLIN_RIGHT)
    assert substitutions(KREMLIN_WRONG, KREMLIN_RIGHT) == [
        Substitution("Kremlin Palace stated", "The Kremlin said"),
        Substitution("the 2nd", "Sept. 2"),
    ]


def test_a_month_without_a_day_and_a_figure_stay_whole():
    assert [(c.wrong, c.right) for c in changes("It cost 300 won.", "It cost 3,000 won.")] == [
        ("300", "3,000")
    ]
    assert [(c.wrong, c.right) for c in changes("in the 9th month", "in Sept.")] == [
        ("the 9th month", "Sept.")
    ]


def test_a_title_change_is_widened_by_the_name_it_belongs_to():
    [change] = changes(
        "North Korean Commissioner Kim Jong-un said.", "North Korean leader Kim Jong-un said."
    )
    assert (change.wrong, change.right, change.subject) == (
        "Commissioner Kim", "leader Kim", "Kim Jong-un",
    )  # fmt: skip
    assert change.replaceable
    assert apply_change("Commissioner Kim left.", change) == "Leader Kim left."
    assert apply_change("Commissioner Kimberly left.", change) is None


def test_a_substitution_holds_the_whole_name():
    before = "The General Secretary of the Labor Party of North Korea spoke."
    after = before.replace("Labor Party of North Korea", "Workers' Party of Korea")
    assert substitutions(before, after) == [
        Substitution("Labor Party of North Korea", "Workers' Party of Korea")
    ]


def test_a_fix_that_begins_a_sentence_begins_with_a_capital():
    from transdesk.feedback.edit import Change, apply_change

    fix = Change(wrong="Commissioner Kim", right="leader Kim")
    assert apply_change("Commissioner Kim left by train.", fix) == "Leader Kim left by train."
    assert apply_change('He said. "Commissioner Kim left."', fix) == 'He said. "Leader Kim left."'
    assert (
        apply_change("Putin and Commissioner Kim met.", fix) == "Putin and leader Kim met."
    )  # inside a sentence it stays as the editor wrote it
