"""The row groups of a Parquet file tallied in parallel, on a local cluster of processes."""

from __future__ import annotations

import functools
from fractions import Fraction
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from mdpoverty.errors import HouseholdTableError
from mdpoverty.households import (
    af_measures,
    af_spec,
    af_tally,
    alkire_foster,
    count_tally,
    counts,
    counts_from_tally,
    row_groups,
    tally_row_groups,
)
from mdpoverty.reference.standards import standard_in_force

pytest.importorskip("pyarrow")
pytest.importorskip("dask")

STANDARD = standard_in_force(2024)
IDS = [i.id for i in STANDARD.indicators]
SPEC = af_spec(IDS, Fraction(1, 3), STANDARD)
UNITS = pd.DataFrame({"province": ["01", "01", "02"]}, index=pd.Index(["00101", "00102", "05716"]))


def _table(n: int) -> pd.DataFrame:
    """``n`` households over three communes, their deprivations a fixed pattern of the row."""
    table = pd.DataFrame(
        {
            "unit": pd.array([UNITS.index[r % 3] for r in range(n)], dtype="string"),
            "area": ["rural" if r % 4 else "urban" for r in range(n)],
            "income": [(r * 7919) % 3_000_000 for r in range(n)],
            "size": [1 + r % 5 for r in range(n)],
        }
    )
    for j, indicator in enumerate(IDS):
        table[indicator] = [(r * (j + 3)) % 7 < 3 for r in range(n)]
    return table


def af_of_chunk(chunk: pd.DataFrame) -> pd.DataFrame:
    """A module-level function: it travels to the worker processes by reference."""
    return af_tally(chunk, SPEC, by="unit", population="size")


def _tallies() -> dict[str, Any]:
    count = functools.partial(count_tally, year=2024, units=UNITS, weight="size")
    return {"counts": count, "af": af_of_chunk}


def test_row_groups_are_read_from_the_metadata(tmp_path: Path) -> None:
    path = tmp_path / "review.parquet"
    _table(100).to_parquet(path, row_group_size=30)
    groups = row_groups(path)
    assert [(0, 30), (30, 30), (60, 30), (90, 10)] == [(g.start, g.rows) for g in groups]
    assert [0, 1, 2, 3] == [g.index for g in groups]


def test_one_pass_on_a_local_cluster_of_processes_equals_the_table_in_memory(
    tmp_path: Path,
) -> None:
    distributed: Any = pytest.importorskip("distributed")
    table = _table(2_000)
    path = tmp_path / "review.parquet"
    table.to_parquet(path, row_group_size=250)
    assert 8 == len(row_groups(path))
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    )
    try:
        with distributed.Client(cluster) as client:
            assert 2 == len(client.scheduler_info()["workers"])
            result = tally_row_groups(path, _tallies())
    finally:
        cluster.close()
    expected_counts = counts(table, 2024, units=UNITS, weight="size")
    assert expected_counts.equals(counts_from_tally(result["counts"], UNITS))
    expected_measures = alkire_foster(
        table[[*IDS, "unit", "size"]], k="1/3", weights=STANDARD, by="unit", population="size"
    )
    measures = af_measures(result["af"], SPEC, by="unit")
    assert expected_measures.equals(measures)
    assert {"00101", "00102", "05716"} <= set(measures["unit"].dropna())  # codes stay text


def test_the_local_scheduler_gives_the_same_result(tmp_path: Path) -> None:
    table = _table(300)
    path = tmp_path / "review.parquet"
    table.to_parquet(path, row_group_size=64)
    result = tally_row_groups(path, _tallies(), scheduler="synchronous")
    assert counts(table, 2024, units=UNITS, weight="size").equals(
        counts_from_tally(result["counts"], UNITS)
    )


def test_the_problems_of_every_row_group_are_merged(tmp_path: Path) -> None:
    table = _table(100)
    table.loc[[5, 95], "income"] = -1
    path = tmp_path / "review.parquet"
    table.to_parquet(path, row_group_size=50)
    with pytest.raises(HouseholdTableError) as info:
        tally_row_groups(path, _tallies(), scheduler="synchronous")
    [income] = [p for p in info.value.problems if p.column == "income"]
    assert (2, (5, 95)) == (income.count, income.examples)  # rows keep their file positions


def test_a_file_without_rows_says_so(tmp_path: Path) -> None:
    path = tmp_path / "review.parquet"
    _table(0).to_parquet(path)
    with pytest.raises(HouseholdTableError, match="no households"):
        tally_row_groups(path, _tallies(), scheduler="synchronous")
