"""Household counts and measures carry the attrs every table carries."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
from hypothesis import given, settings

from mdpoverty.households import alkire_foster, counts, review
from mdpoverty.reference.standards import poverty_standard, standard_in_force
from mdpoverty.testing import household_tables

SHARED = {"table", "document", "year", "lang", "labels", "total", "units"}


def small_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit": [101, 101, 102],
            "area": ["rural", "urban", "rural"],
            "income": [1_000_000, 1_900_000, 2_500_000],
            "deprivations": [4, 1, 0],
            "size": [4, 2, 5],
        }
    )


def test_counts_carry_the_shared_attrs() -> None:
    result = counts(small_table(), 2024)
    every = "households"
    assert {
        "table": "household_counts",
        "document": "household table",
        "year": 2024,
        "lang": "vi",
        "labels": "fields",
        "total": True,
        # Decree 07/2021's groups in 2024, and both together.
        "units": {
            "households": every,
            "poor": every,
            "near-poor": every,
            "middle-living-standard": every,
            "poor-and-near-poor": every,
            "not-poor": every,
        },
        "standard": "decree-07-2021",
        "excluded": 0,
    } == result.attrs
    # The country rows are the totals the attrs announce: 3 households, 1 poor, 1 near-poor.
    country = result[(result.level == "country") & (result.area == "all")]
    assert [3, 1, 1] == country[["households", "poor", "near-poor"]].iloc[0].tolist()


def test_weighted_counts_say_what_they_sum_and_a_standard_has_no_year() -> None:
    result = counts(small_table(), standard="decree-07-2021", weight="size")
    assert result.attrs["year"] is None
    assert {"sum of size"} == set(result.attrs["units"].values())
    assert 11 == result[(result.level == "country") & (result.area == "all")].households.item()


def test_measures_carry_the_shared_attrs() -> None:
    table = pd.DataFrame(
        {"water": [True, True, False, False], "school": [True, False, False, True]}
    )
    result = alkire_foster(table, k="1/2")
    assert {
        "table": "af_measures",
        "document": "household table",
        "year": None,
        "lang": "vi",
        "labels": "fields",
        "total": True,
        "units": {},
        "standard": None,
    } == result.attrs


def test_a_review_fills_both_tables() -> None:
    standard = standard_in_force(2024)
    table = pd.DataFrame(
        {"unit": [1, 1], "area": ["rural", "urban"], "income": [900_000, 2_500_000]}
    )
    for n, indicator in enumerate(standard.indicators):
        table[indicator.id] = [n < 4, False]
    figures = review(table, 2024, k="1/3")
    assert ("household_counts", 2024, "decree-07-2021") == (
        figures.counts.attrs["table"],
        figures.counts.attrs["year"],
        figures.counts.attrs["standard"],
    )
    assert ("af_measures", 2024, "decree-07-2021") == (
        figures.measures.attrs["table"],
        figures.measures.attrs["year"],
        figures.measures.attrs["standard"],
    )
    m = figures.measures
    assert Fraction(1, 6) == m[(m.measure == "M0") & m.commune.isna()].value.item()


@settings(max_examples=30, deadline=None)
@given(household_tables(max_size=20))
def test_the_attrs_name_every_count_column_and_do_not_depend_on_row_order(
    table: pd.DataFrame,
) -> None:
    standard = poverty_standard(table.attrs["standard"])
    result = counts(table, standard=standard)
    assert SHARED <= set(result.attrs)
    assert [c for c in result.columns if c not in ("level", "unit", "area")] == list(
        result.attrs["units"]
    )
    reversed_ = counts(table.iloc[::-1].reset_index(drop=True), standard=standard)
    assert result.attrs == reversed_.attrs
    pd.testing.assert_frame_equal(result, reversed_)
