"""Every aggregation table takes the same switches and carries the same attrs."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest
from hypothesis import given, settings

from mdpoverty import testing
from mdpoverty.aggregate import (
    TOTAL,
    deficit_targets,
    funding_by_agency,
    funding_by_capital,
    funding_by_component,
    funding_by_source,
    rollup,
    units_by_kind,
)
from mdpoverty.errors import RollupError, ValidationError
from mdpoverty.model.document import Document, Plan
from mdpoverty.reference.datasets import bac_kan_2024

ATTRS = {"table", "document", "year", "lang", "labels", "total", "units"}

Table = Callable[..., pd.DataFrame]
TABLES: dict[str, Callable[[Document], Table]] = {
    "funding_by_source": lambda p: lambda **kw: funding_by_source(p, **kw),
    "funding_by_agency": lambda p: lambda **kw: funding_by_agency(p, **kw),
    "funding_by_capital": lambda p: lambda **kw: funding_by_capital(p, **kw),
    "funding_by_component": lambda p: lambda **kw: funding_by_component(p, **kw),
    "units_by_kind": lambda p: lambda **kw: units_by_kind(p, **kw),
    "rollup.units": lambda p: lambda **kw: rollup([p]).units(**kw),
    "rollup.by_plan": lambda p: lambda **kw: rollup([p]).by_plan(**kw),
    "rollup.funding_by_plan": lambda p: lambda **kw: rollup([p]).funding_by_plan(**kw),
    "rollup.funding_by_source": lambda p: lambda **kw: rollup([p]).funding_by_source(**kw),
}


@pytest.mark.parametrize("name", list(TABLES))
def test_both_faces_with_and_without_the_total(name: str) -> None:
    table = TABLES[name](bac_kan_2024())
    # the faces differ in their headers only: the cells are said in the table's language
    fields = table(total=False, lang="en")
    printed = table(labels="printed", lang="en")
    assert ATTRS <= set(fields.attrs)
    assert ATTRS <= set(printed.attrs)
    assert TOTAL not in fields.index
    assert TOTAL in printed.index
    assert len(fields.columns) == len(printed.columns)
    assert fields.to_numpy().tolist() == printed.loc[fields.index].to_numpy().tolist()
    assert 2024 == fields.attrs["year"]
    assert ("fields", "printed") == (fields.attrs["labels"], printed.attrs["labels"])
    assert fields.attrs["units"] == printed.attrs["units"]


def test_money_and_counts_have_their_units_and_dtypes() -> None:
    table = funding_by_source(bac_kan_2024())
    assert "million VND" == table.attrs["units"]["amount"]
    assert "percent" == table.attrs["units"]["share"]
    assert pd.Int64Dtype() == table["statements"].dtype
    assert "Kinh phí" in funding_by_source(bac_kan_2024(), labels="printed").columns


def test_deficit_targets_have_no_total() -> None:
    assert deficit_targets(bac_kan_2024()).attrs["total"] is False
    with pytest.raises(ValidationError):
        deficit_targets(bac_kan_2024(), total=True)


def test_the_stacked_deficit_targets_of_a_rollup_have_both_faces_and_no_total() -> None:
    combined = rollup({"a": bac_kan_2024()})
    fields = combined.deficit_target_rows()
    printed = combined.deficit_target_rows(labels="printed", lang="vi")
    assert ATTRS <= set(fields.attrs)
    assert ("fields", "printed") == (fields.attrs["labels"], printed.attrs["labels"])
    assert fields.to_numpy().tolist() == printed.to_numpy().tolist()
    assert "Chỉ tiêu" in printed.columns  # the printed header of "value"
    assert len(bac_kan_2024().deficit_indicators) == len(fields)
    with pytest.raises(ValidationError):
        combined.deficit_target_rows(total=True)


@settings(max_examples=20, deadline=None)
@given(testing.plans(max_units=5))
def test_a_units_total_is_the_sum_of_its_rows_on_both_faces(plan: Plan) -> None:
    fields = units_by_kind(plan, total=False)
    with_total = units_by_kind(plan)
    assert fields["units"].sum() == with_total.loc[TOTAL, "units"] == len(plan.units)


def test_a_plan_keyed_total_cannot_collide_with_the_total_row() -> None:
    plan = bac_kan_2024()
    with pytest.raises(RollupError) as raised:
        rollup({TOTAL: plan})
    assert ["key"] == [p.field for p in raised.value.problems]


def test_wrong_input_to_a_table_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as raised:
        funding_by_source("plan.yaml", labels="pretty")  # type: ignore[arg-type]
    assert ["plan", "labels"] == [p.field for p in raised.value.problems]
