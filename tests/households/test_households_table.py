"""A household table is validated whole: every problem at once, nothing coerced, nothing changed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from mdpoverty.errors import HouseholdTableError, MdpovertyError, TableProblem
from mdpoverty.households import classify, counts


def _table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit": [1, 1, 2, 2],
            "area": ["rural", "urban", "rural", "urban"],
            "income": [1_000_000, 2_500_000, 1_400_000, 1_900_000],
            "deprivations": [3, 0, 1, 4],
        },
        index=["h1", "h2", "h3", "h4"],
    )


def _problems(error: pytest.ExceptionInfo[HouseholdTableError]) -> set[tuple[str, str, int]]:
    return {(p.column, p.reason, p.count) for p in error.value.problems}


def test_every_problem_is_reported_at_once() -> None:
    table = _table()
    table["area"] = ["rural", "town", "city", "urban"]
    table["income"] = [-1, 2_500_000, -5, 1_900_000]
    table["deprivations"] = [3, 13, 0, 1]
    with pytest.raises(HouseholdTableError) as info:
        counts(table, 2024, units=[1])
    assert {
        ("area", "must be one of 'rural', 'urban'", 2),
        ("income", "must be >= 0", 2),
        ("deprivations", "must be <= 12", 1),
        ("unit", "unknown unit code", 2),
    } == _problems(info)
    [area] = [p for p in info.value.problems if p.column == "area"]
    assert ("h2", "h3") == area.examples
    assert isinstance(info.value, MdpovertyError)
    assert isinstance(info.value, ValueError)
    assert "column 'area': must be one of 'rural', 'urban' in 2 rows (e.g. 'h2', 'h3')" in str(
        info.value
    )


def test_missing_columns_are_named() -> None:
    table = _table().drop(columns=["income", "deprivations"])
    with pytest.raises(HouseholdTableError) as info:
        classify(table, 2018)
    columns = {p.column for p in info.value.problems}
    assert {"income", "health-services", "latrine"} <= columns
    assert 11 == len(info.value.problems)  # income and the 10 indicators of Decision 59


def test_floats_are_not_coerced() -> None:
    table = _table()
    table["income"] = table["income"].astype(float)
    with pytest.raises(HouseholdTableError, match=r"must hold VND \(integers\), not float64"):
        classify(table, 2024)


def test_indicators_must_be_booleans_or_zero_and_one() -> None:
    table = _table().drop(columns=["deprivations"])
    indicators = ["employment", "dependants", "nutrition", "health-insurance"]
    indicators += ["adult-education", "school-attendance", "housing-quality", "floor-area"]
    indicators += ["drinking-water", "latrine", "telecom", "information-access"]
    for n, indicator in enumerate(indicators):
        table[indicator] = np.array([0, 1, 1, 0], dtype=np.uint8) if n else [0, 2, 1, 0]
    with pytest.raises(HouseholdTableError) as info:
        classify(table, 2024)
    assert {("employment", "must be 0 or 1 (or True or False)", 1)} == _problems(info)


def test_missing_values_are_an_error_by_default() -> None:
    table = _table()
    table["income"] = pd.array([1_000_000, None, None, 5], dtype="Int64")
    with pytest.raises(HouseholdTableError) as info:
        classify(table, 2024)
    assert [TableProblem("income", "missing value", 2, ("h2", "h3"))] == list(info.value.problems)


def test_missing_values_can_be_excluded_and_are_counted() -> None:
    table = _table()
    table["income"] = pd.array([1_000_000, None, None, 5], dtype="Int64")
    result = classify(table, 2024, missing="exclude")
    assert ["h1", "h4"] == list(result.index)
    assert 2 == result.attrs["excluded"]
    assert ["poor", "poor"] == result.tolist()
    summary = counts(table, 2024, missing="exclude")
    assert 2 == summary.attrs["excluded"]
    country = summary[(summary.level == "country") & (summary.area == "all")]
    assert [2] == country["households"].tolist()


def test_a_missing_indicator_is_never_counted_as_not_deprived() -> None:
    table = _table().drop(columns=["deprivations"])
    ids = ["health-services", "health-insurance", "adult-education", "school-attendance"]
    ids += ["housing-quality", "floor-area", "drinking-water", "latrine", "telecom"]
    ids += ["information-assets"]
    for indicator in ids:
        table[indicator] = pd.array([True, False, False, False], dtype="boolean")
    table.loc["h1", "latrine"] = pd.NA
    with pytest.raises(HouseholdTableError, match="'latrine': missing value in 1 row"):
        classify(table, 2019)


def test_the_callers_table_is_not_modified() -> None:
    table = _table()
    before = table.copy(deep=True)
    classify(table, 2024)
    counts(table, 2024)
    pd.testing.assert_frame_equal(before, table)


def test_columns_can_be_mapped() -> None:
    table = _table().rename(columns={"income": "thu_nhap", "unit": "ma_xa"})
    mapped = classify(table, 2024, columns={"income": "thu_nhap", "unit": "ma_xa"})
    assert classify(_table(), 2024).tolist() == mapped.tolist()


def test_a_mapping_from_an_unknown_id_suggests_the_nearest() -> None:
    with pytest.raises(HouseholdTableError, match="did you mean 'health-insurance'"):
        classify(_table(), 2024, columns={"health_insurance": "bhyt"})


def test_categorical_areas_and_units() -> None:
    table = _table()
    table["area"] = table["area"].astype("category")
    table["unit"] = table["unit"].astype("category")
    assert classify(_table(), 2024).tolist() == classify(table, 2024).tolist()
    assert counts(_table(), 2024).equals(counts(table, 2024))


def test_year_or_standard_is_required() -> None:
    with pytest.raises(TypeError, match="year"):
        classify(_table())
