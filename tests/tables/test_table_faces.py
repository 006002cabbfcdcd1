"""The two faces of every table: printed labels and stable fields, with and without the total."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mdpoverty import testing
from mdpoverty.errors import ValidationError
from mdpoverty.io.files import load_plan
from mdpoverty.model.document import Plan
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.tables.annex import ANNEX_COLUMNS, TOTAL, annex
from mdpoverty.tables.figure_tables import figure_table

ATTRS = {"table", "document", "year", "lang", "labels", "total", "units"}


@settings(max_examples=25, deadline=None)
@given(testing.plans(max_units=5), st.sampled_from(["vi", "en"]))
def test_fields_are_the_same_in_every_year_and_language(plan: Plan, lang: str) -> None:
    frame = annex(plan, lang, labels="fields", total=False)  # type: ignore[arg-type]
    expected = list(ANNEX_COLUMNS)
    if any(u.near_poor_households is not None for u in plan.units):  # printed where given
        expected.insert(expected.index("poor_households") + 1, "near_poor_households")
    assert expected == frame.columns.tolist()
    assert TOTAL not in frame.index
    assert [u.id for u in plan.units] == frame.index.tolist()


@settings(max_examples=25, deadline=None)
@given(testing.plans(max_units=5))
def test_both_faces_hold_the_same_cells_and_attrs(plan: Plan) -> None:
    printed = annex(plan)
    fields = annex(plan, labels="fields", total=False)
    assert printed.iloc[:-1].to_numpy().tolist() == fields.to_numpy().tolist()
    assert ATTRS <= set(printed.attrs)
    assert {k: v for k, v in printed.attrs.items() if k not in ("labels", "total")} == {
        k: v for k, v in fields.attrs.items() if k not in ("labels", "total")
    }
    assert ("printed", True) == (printed.attrs["labels"], printed.attrs["total"])
    assert ("fields", False) == (fields.attrs["labels"], fields.attrs["total"])


def test_a_mean_of_units_without_the_total_row() -> None:
    # The printed Bắc Kạn annex: 12,281 households in 8 units (the total row's count).
    fields = annex(bac_kan_2024(), labels="fields", total=False)
    assert 8 == len(fields)
    assert 12281 == fields["households"].sum()
    assert pd.Int64Dtype() == fields["households"].dtype
    assert "percent" == fields.attrs["units"]["start_rate"]
    assert "plan thành phố Bắc Kạn 2024" == fields.attrs["document"]


def test_the_figure_table_of_a_review_has_fields_too() -> None:
    # a review of counts and rates (one that prints flows has the review form instead)
    review = load_plan(Path(__file__).parents[1] / "data" / "national-review-2023.yaml")
    printed = figure_table(review)
    fields = figure_table(review, "en", labels="fields", total=False)
    assert "label" == fields.columns[0]
    assert len(printed.columns) == len(fields.columns)
    assert "poor.count.end" in fields.columns
    assert TOTAL in printed.index
    assert TOTAL not in fields.index
    assert annex(review, labels="fields").columns.tolist() == fields.columns.tolist()


@pytest.mark.parametrize(
    ("labels", "total", "lang"),
    [("field", True, "vi"), ("fields", 1, "vi"), ("fields", True, "fr")],
)
def test_a_wrong_switch_is_refused(labels: str, total: object, lang: str) -> None:
    with pytest.raises(ValidationError):
        annex(bac_kan_2024(), lang, labels=labels, total=total)  # type: ignore[arg-type]
