"""A refused unit edit says why as a code and parameters, and never rounds what was typed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.unit_edits import (
    ENGLISH,
    NAME_LIMIT,
    NOTES_LIMIT,
    UnitEditError,
    check_unit_edit,
    edit_problem,
)


def refusal(field: str, value: object) -> UnitEditError:
    with pytest.raises(UnitEditError) as caught:
        check_unit_edit(field, value)
    return caught.value


def test_the_name_limit_is_the_columns_length():
    from store.schema import Unit

    assert Unit.__table__.c.name.type.length == NAME_LIMIT


def test_a_ten_thousand_character_name_is_refused_with_the_limit():
    error = refusal("name", "长" * 10000)
    assert (error.field, error.code) == ("name", "too-long")
    assert error.params == {"limit": NAME_LIMIT, "length": 10000}
    assert str(error) == f"name: at most {NAME_LIMIT} characters (10000 given)"


def test_a_name_at_the_limit_is_taken():
    assert check_unit_edit("name", "长" * NAME_LIMIT) == "长" * NAME_LIMIT


def test_notes_have_their_own_limit():
    assert check_unit_edit("notes", "x" * NOTES_LIMIT) == "x" * NOTES_LIMIT
    assert refusal("notes", "x" * (NOTES_LIMIT + 1)).params["limit"] == NOTES_LIMIT


@pytest.mark.parametrize(("field", "typed", "code", "params"), [
    ("ceiling_height", "abc", "not-a-number", {"value": "abc", "places": 2}),
    ("power_capacity", "1,2", "not-a-number", {"value": "1,2", "places": 1}),
    ("asking_rent", "８８．８８８８８", "too-many-decimals",
     {"value": "８８．８８８８８", "places": 4}),
    ("floor_load", "－５", "negative", {"value": "－５"}),
    ("ceiling_height", "100.01", "too-large", {"value": "100.01", "limit": Decimal(100)}),
    ("status", "sold", "not-a-choice",
     {"value": "sold", "choices": "leasable, reserved, under_renovation, frozen, not_leasable"}),
])
def test_each_refusal_carries_its_code_and_parameters(field, typed, code, params):
    error = refusal(field, typed)
    assert (error.field, error.code, error.params) == (field, code, params)
    assert str(error).startswith(f"{field}: ")  # the English text, for logs


def test_more_decimals_than_a_field_keeps_are_refused_not_rounded():
    assert refusal("ceiling_height", "3.456").code == "too-many-decimals"
    assert check_unit_edit("ceiling_height", "3.450") == Decimal("3.45")  # zeros are no loss
    assert check_unit_edit("power_capacity", "１，２００．５") == Decimal("1200.5")


def test_a_field_that_is_not_editable_is_named():
    error = refusal("gross_area", "12")
    assert (error.field, error.code) == ("gross_area", "not-editable")


def test_edit_problem_is_the_same_rule_without_raising():
    assert edit_problem("asking_rent", "１２０．５") is None
    assert edit_problem("asking_rent", "") is None  # an empty rent clears it
    problem = edit_problem("asking_rent", "12a")
    assert problem is not None and problem.code == "not-a-number"


def test_every_code_has_an_english_text():
    raised = {
        refusal(field, value).code
        for field, value in [
            ("name", "x" * 201), ("ceiling_height", "x"), ("ceiling_height", "1.001"),
            ("ceiling_height", "-1"), ("ceiling_height", "101"), ("status", "x"),
            ("code", "x"),
        ]
    }
    assert raised == set(ENGLISH)
