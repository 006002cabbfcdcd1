"""Counts per unit and stratum, up the hierarchy; chunks add up to the whole."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.errors import HouseholdTableError, UnknownNameError
from mdpoverty.households import (
    administrative_units,
    alkire_foster,
    combine_tallies,
    count_tally,
    counts,
    counts_from_tally,
    review,
)
from mdpoverty.households.files import iter_households, read_households, tally_file
from mdpoverty.model.units import UnitKind
from mdpoverty.reference.standards import standard_in_force
from mdpoverty.testing import household_tables

UNITS = pd.DataFrame(
    {"district": [10, 10, 20], "province": [1, 1, 1]}, index=pd.Index([101, 102, 201])
)


def _review() -> pd.DataFrame:
    # Eight households of three communes under Decree 351/2025 (2027): rural line 2,200,000,
    # urban 2,800,000; poor with >= 3 deprivations at or below it, near-poor with fewer.
    return pd.DataFrame(
        {
            "unit": [101, 101, 101, 102, 102, 201, 201, 201],
            "area": ["rural", "rural", "urban", "rural", "urban", "urban", "urban", "rural"],
            "income": [2_200_000, 2_200_001, 2_800_000, 1_000_000, 3_000_000, 100, 2_800_001, 0],
            "deprivations": [3, 5, 2, 0, 6, 3, 3, 2],
        }
    )


def _row(result: pd.DataFrame, level: str, unit: object, area: str) -> list[int]:
    cells = result[(result.level == level) & (result.unit == unit) & (result.area == area)]
    columns = ["households", "poor", "near-poor", "poor-and-near-poor", "not-poor"]
    return [int(v) for v in cells[columns].iloc[0]]


def test_counts_by_hand() -> None:
    result = counts(_review(), 2027, units=UNITS)
    #                           households poor near both not
    assert [3, 1, 1, 2, 1] == _row(result, "commune", 101, "all")
    assert [2, 1, 0, 1, 1] == _row(result, "commune", 101, "rural")
    assert [1, 0, 1, 1, 0] == _row(result, "commune", 101, "urban")
    assert [2, 0, 1, 1, 1] == _row(result, "commune", 102, "all")
    assert [3, 1, 1, 2, 1] == _row(result, "commune", 201, "all")
    assert [5, 1, 2, 3, 2] == _row(result, "district", 10, "all")
    assert [3, 1, 1, 2, 1] == _row(result, "district", 20, "all")
    assert [8, 2, 3, 5, 3] == _row(result, "province", 1, "all")
    assert [8, 2, 3, 5, 3] == _row(result, "country", "", "all")
    assert [4, 1, 2, 3, 1] == _row(result, "country", "", "rural")
    assert [4, 1, 1, 2, 2] == _row(result, "country", "", "urban")
    assert ["commune", "district", "province", "country"] == list(dict.fromkeys(result.level))


def test_a_listed_unit_without_households_has_zeros() -> None:
    units = pd.concat([UNITS, pd.DataFrame({"district": [20], "province": [1]}, index=[202])])
    result = counts(_review(), 2027, units=units)
    assert [0, 0, 0, 0, 0] == _row(result, "commune", 202, "all")


def test_counts_are_integers() -> None:
    result = counts(_review(), 2027)
    assert all(str(result[c].dtype) == "int64" for c in ["households", "poor", "near-poor"])


@given(household_tables(max_size=40), st.integers(1, 5))
def test_chunked_tallies_equal_the_whole(table: pd.DataFrame, parts: int) -> None:
    standard = table.attrs["standard"]
    whole = count_tally(table, standard=standard)
    size = -(-len(table) // parts) or 1
    chunks = [table.iloc[i : i + size] for i in range(0, max(len(table), 1), size)]
    combined = combine_tallies(count_tally(c, standard=standard) for c in chunks)
    # Equal tallies give equal counts: counts_from_tally is a function of the tally alone.
    assert whole.to_dict("index") == combined.to_dict("index")


@given(household_tables(min_size=1, max_size=30))
def test_the_total_is_the_sum_of_the_parts(table: pd.DataFrame) -> None:
    result = counts(table, standard=table.attrs["standard"])
    groups = [c for c in result.columns if c not in ("level", "unit", "area", "households")]
    groups.remove("poor-and-near-poor")
    assert (result[groups].sum(axis=1) == result["households"]).all()
    country = result[result.level == "country"].set_index("area")["households"]
    assert len(table) == country["all"] == country["rural"] + country["urban"]


def test_parquet_row_groups_equal_in_memory(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    table = pd.concat([_review()] * 50, ignore_index=True)
    path = tmp_path / "review.parquet"
    table.to_parquet(path, row_group_size=7)
    tally = functools.partial(count_tally, year=2027, units=UNITS)
    chunked = tally_file(path, tally, batch_rows=5)
    assert counts(table, 2027, units=UNITS).equals(counts_from_tally(chunked, UNITS))
    batches = list(iter_households(path, batch_rows=5))
    assert 400 == sum(len(b) for b in batches)
    assert 5 == max(len(b) for b in batches)
    assert list(range(400)) == [i for b in batches for i in b.index]  # rows keep file positions


def test_csv_files_with_blanks_keep_their_types(tmp_path: Path) -> None:
    path = tmp_path / "review.csv"
    path.write_text("unit,area,income,deprivations\n1,rural,,3\n1,urban,5,\n2,rural,7,1\n")
    table = read_households(path)
    assert "Int64" == str(table["income"].dtype)
    tally = functools.partial(count_tally, year=2024, missing="exclude")
    assert 1 == int(tally_file(path, tally, batch_rows=2)["households"].sum())


def test_the_problems_of_every_chunk_are_merged(tmp_path: Path) -> None:
    path = tmp_path / "review.csv"
    path.write_text("unit,area,income,deprivations\n1,rural,-1,3\n1,city,5,1\n2,rural,-7,1\n")
    with pytest.raises(HouseholdTableError) as info:
        tally_file(path, functools.partial(count_tally, year=2024), batch_rows=2)
    income = [p for p in info.value.problems if p.column == "income"]
    assert [(2, (0, 2))] == [(p.count, p.examples) for p in income]


def test_dask_partitions_equal_in_memory() -> None:
    dd: Any = pytest.importorskip("dask.dataframe")
    dask: Any = pytest.importorskip("dask")

    table = pd.concat([_review()] * 10, ignore_index=True)
    frame = dd.from_pandas(table, npartitions=4)
    tally = functools.partial(count_tally, year=2027, units=UNITS)
    partials = dask.compute(
        *[dask.delayed(tally)(p) for p in frame.to_delayed()], scheduler="synchronous"
    )
    combined = combine_tallies(partials)
    assert counts(table, 2027, units=UNITS).equals(counts_from_tally(combined, UNITS))


def test_a_weight_column_counts_people() -> None:
    table = _review().assign(size=[4, 1, 2, 3, 5, 6, 1, 2])
    result = counts(table, 2027, weight="size")
    # Poor: the households of 4 (101, rural, at the line with 3), 6 (201, urban, 100 VND) and
    # 2 (201, rural, 0 VND with 2 deprivations is near-poor, not poor): 4 + 6 = 10 people.
    # Near-poor: 2 (101 urban) + 3 (102 rural) + 2 (201 rural) = 7.  All: 24.
    assert [24, 10, 7, 17, 7] == _row(result, "country", "", "all")


def test_a_negative_weight_is_reported() -> None:
    table = _review().assign(size=[4, -1, 2, 3, 5, 6, 1, 2])
    with pytest.raises(HouseholdTableError, match="'size': must be >= 0 in 1 row"):
        counts(table, 2027, weight="size")


def test_weights_summing_to_2_53_are_reported_by_counts_and_measures() -> None:
    # float64 adds integers exactly only below 2**53: both tallies refuse a larger total.
    table = _review().assign(size=[1 << 52, 1 << 52, 0, 0, 0, 0, 0, 0])
    message = "'size': must sum to less than 2\\*\\*53"
    with pytest.raises(HouseholdTableError, match=message):
        counts(table, 2027, weight="size")
    flags = pd.DataFrame({"water": [True, False] * 4, "size": table["size"]})
    with pytest.raises(HouseholdTableError, match=message):
        alkire_foster(flags, "1/2", population="size")
    below = table.assign(size=[1 << 52, (1 << 52) - 1, 0, 0, 0, 0, 0, 0])
    assert (1 << 53) - 1 == _row(counts(below, 2027, weight="size"), "country", "", "all")[0]


def test_review_agrees_with_counts_and_alkire_foster() -> None:
    standard = standard_in_force(2027)
    ids = [i.id for i in standard.indicators]
    table = _review().drop(columns=["deprivations"])
    for n, indicator in enumerate(ids):
        table[indicator] = [(n + row) % 3 == 0 for row in range(len(table))]
    figures = review(table, 2027, k="1/3", units=UNITS)
    assert counts(table, 2027, units=UNITS).equals(figures.counts)
    expected = alkire_foster(table[ids].assign(commune=table["unit"]), "1/3", standard, "commune")
    assert expected.equals(figures.measures)


def test_review_needs_the_indicator_columns() -> None:
    with pytest.raises(HouseholdTableError, match="need the indicator columns"):
        review(_review(), 2027, k="1/3")


def test_administrative_units_from_counts() -> None:
    names = {102: ("b", "Xã B", UnitKind.COMMUNE), 101: ("a", "Phường A", UnitKind.WARD)}
    units = administrative_units(counts(_review(), 2027), names)
    assert [("b", 2, 0, 1), ("a", 3, 1, 1)] == [
        (u.id, u.households, u.poor_households, u.near_poor_households) for u in units
    ]
    with pytest.raises(UnknownNameError, match="999"):
        administrative_units(counts(_review(), 2027), {999: ("c", "Xã C", UnitKind.COMMUNE)})


def test_review_with_a_weight_agrees_with_counts_and_alkire_foster() -> None:
    standard = standard_in_force(2027)
    ids = [i.id for i in standard.indicators]
    table = _review().drop(columns=["deprivations"]).assign(size=[4, 1, 2, 3, 5, 6, 1, 2])
    for n, indicator in enumerate(ids):
        table[indicator] = [(n * row) % 4 == 1 for row in range(len(table))]
    figures = review(table, 2027, k="1/4", weight="size")
    assert counts(table, 2027, weight="size").equals(figures.counts)
    frame = table[ids].assign(commune=table["unit"])
    expected = alkire_foster(frame, "1/4", standard, "commune", population=table["size"])
    assert expected.equals(figures.measures)
