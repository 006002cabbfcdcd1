"""Properties of plan files: save then load is the identity; bad input gives only PlanFileError.

The fuzzing tests run ten times the profile's examples (five times for near-valid plans, each a
whole plan to structure): 3 x 3,000 + 1,500 = 10,500 generated cases in the CI profile (300
examples), 1,750 in the quick dev profile (50).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdpoverty.cli import template_text
from mdpoverty.errors import PlanFileError
from mdpoverty.io.files import (
    load_plan,
    plan_from_data,
    plan_to_data,
    read_plan_text,
    write_plan_text,
)
from mdpoverty.model.document import Plan
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.testing import plain_data, plan_data_mutations, plans

# Arbitrary data is cheap to draw and to refuse: more of it than of whole plans, but a few
# times the profile's examples is enough to meet every shape (the thorough profile: 2,000).
FUZZ = settings(
    max_examples=settings().max_examples * 4,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NEAR_VALID = settings(FUZZ, max_examples=settings().max_examples * 2)  # each case is a whole plan


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@given(plan=plans())
def test_writing_then_reading_is_the_identity(fmt: Any, plan: Plan) -> None:
    text = write_plan_text(plan, fmt)
    loaded = read_plan_text(text, fmt)
    assert plan == loaded
    # Equal Decimals may differ in digits (1.1 == 1.10): the texts show every digit.
    assert text == write_plan_text(loaded, fmt)


@given(plan=plans())
def test_yaml_and_json_hold_the_same_data(plan: Plan) -> None:
    from_yaml = read_plan_text(write_plan_text(plan, "yaml"), "yaml")
    from_json = read_plan_text(write_plan_text(plan, "json"), "json")
    assert plan_to_data(from_yaml) == plan_to_data(from_json)


@given(plan=plans(), data=st.data())
def test_a_negative_count_is_reported_where_it_was_made(plan: Plan, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(plan.units) - 1))
    field = data.draw(st.sampled_from(["households", "poor_households"]))
    value = data.draw(st.integers(max_value=-1))
    raw = plan_to_data(plan)
    raw["units"][index][field] = value
    with pytest.raises(PlanFileError) as caught:
        plan_from_data(raw)
    assert [(f"units/{index}/{field}", value)] == [(p.path, p.value) for p in caught.value.problems]


@given(plan=plans(), data=st.data())
def test_every_unknown_field_is_reported(plan: Plan, data: st.DataObject) -> None:
    raw = plan_to_data(plan)
    indexes = data.draw(
        st.lists(st.integers(0, len(plan.units) - 1), min_size=1, max_size=3, unique=True)
    )
    for i in indexes:
        raw["units"][i]["colour"] = "blue"
    raw["header"]["colour"] = "red"
    with pytest.raises(PlanFileError) as caught:
        plan_from_data(raw)
    expected = {"header/colour", *(f"units/{i}/colour" for i in indexes)}
    assert expected == {p.path for p in caught.value.problems}


def _only_plan_file_errors(fn: Any, *args: Any) -> None:
    problems: tuple[Any, ...] = ()
    message = ""
    try:
        result = fn(*args)
    except PlanFileError as error:
        problems, message = error.problems, str(error)  # the message can always be made
    else:
        assert isinstance(result, Plan)
        return
    assert problems
    assert message
    assert all(p.reason for p in problems)


@FUZZ
@given(data=plain_data())
def test_arbitrary_data_raises_only_plan_file_error(data: object) -> None:
    _only_plan_file_errors(plan_from_data, data)


# Real plans to mutate: drawing a fresh plan for each of thousands of cases would be slow.
_BASES = [plan_to_data(bac_kan_2024()), plan_to_data(read_plan_text(template_text()))]


@NEAR_VALID
@given(data=st.data())
def test_near_valid_plan_data_raises_only_plan_file_error(data: st.DataObject) -> None:
    mutated = data.draw(plan_data_mutations(data.draw(st.sampled_from(_BASES))))
    _only_plan_file_errors(plan_from_data, mutated)
    if isinstance(mutated, dict) and data.draw(st.integers(0, 2)) == 0:  # through JSON text
        text = json.dumps(mutated, default=str)
        _only_plan_file_errors(read_plan_text, text, "json")


@FUZZ
@given(
    text=st.one_of(st.text(max_size=200), st.text(alphabet="{}[]:,-&*!|>'\"#\n ab1.", max_size=80))
)
def test_arbitrary_text_raises_only_plan_file_error(text: str) -> None:
    _only_plan_file_errors(read_plan_text, text, "yaml")
    _only_plan_file_errors(read_plan_text, text, "json")


@FUZZ
@given(content=st.binary(max_size=200), suffix=st.sampled_from([".yaml", ".json"]))
def test_arbitrary_bytes_raise_only_plan_file_error(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, f"plan{suffix}")
        path.write_bytes(content)
        _only_plan_file_errors(load_plan, path)


@given(plan=plans())
def test_the_data_of_a_plan_structures_back_to_it(plan: Plan) -> None:
    assert plan == plan_from_data(plan_to_data(plan))
    # Every digit too: Decimal('1.10') == Decimal('1.1') but their texts differ.
    assert write_plan_text(plan) == write_plan_text(plan_from_data(plan_to_data(plan)))
