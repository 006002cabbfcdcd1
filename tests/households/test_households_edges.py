"""Inputs at and beyond the edges: each gives a documented error or a right result.

Weights whose sum would wrap an int64, cutoffs with a zero denominator or a power of ten of a
billion digits, tables of the wrong type or with a name for two columns, files with a header
only.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from mdpoverty.cli import main
from mdpoverty.errors import (
    HouseholdArgumentError,
    HouseholdTableError,
    InexactNumberError,
    MdpovertyError,
    MeasureError,
)
from mdpoverty.households import (
    af_spec,
    af_tally,
    alkire_foster,
    classify,
    combine_tallies,
    count_tally,
    counts,
    exact,
    review,
    tally_file,
)


def _households(n: int, weight: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit": [1] * n,
            "area": ["rural"] * n,
            "income": [100] * n,
            "deprivations": [5] * n,
            "w": [weight] * n,
        }
    )


def _columns(info: pytest.ExceptionInfo[HouseholdTableError]) -> set[tuple[str, str]]:
    return {(p.column, p.reason.split(",")[0].split(" (")[0]) for p in info.value.problems}


# -- weights that would wrap --------------------------------------------------------------------


def test_weights_that_would_wrap_an_int64_are_refused_not_summed_negative() -> None:
    # Four weights of 2**61 sum to 2**63: an int64 sum wraps to -2**63, which passed the
    # "below 2**53" check and gave N = -9223372036854775808 and H = -1/2.
    table = pd.DataFrame({"a": [True, True, False, False], "w": [2**61] * 4})
    with pytest.raises(HouseholdTableError, match=r"9,223,372,036,854,775,808"):
        alkire_foster(table, k="1/2", indicators=["a"], population="w")
    with pytest.raises(HouseholdTableError, match=r"must sum to less than 2\*\*53"):
        counts(_households(4, 2**61), 2024, weight="w")


def test_weights_just_below_the_bound_are_counted_exactly() -> None:
    # 2**53 - 1 = 9,007,199,254,740,991 in three households: 3,002,399,751,580,330 + twice
    # 3,002,399,751,580,330 + 1 -- every one poor (income 100, five deprivations).
    third = (2**53 - 1) // 3
    table = _households(3, third)
    table.loc[2, "w"] = 2**53 - 1 - 2 * third
    result = counts(table, 2024, weight="w")
    country = result[(result.level == "country") & (result.area == "all")].iloc[0]
    assert (2**53 - 1, 2**53 - 1) == (int(country.households), int(country.poor))
    table["w"] = [third, third, 2**53 - 2 * third]
    with pytest.raises(HouseholdTableError, match="2\\*\\*53"):
        counts(table, 2024, weight="w")


def test_combined_tallies_that_would_wrap_are_refused() -> None:
    # Each chunk's weights sum below 2**53; 1,024 such chunks would reach 2**63.  Two tallies
    # of 2**62 stand for them.
    part = count_tally(_households(1, 1), 2024, weight="w") * 0
    part.iloc[0] = 2**62  # one (unit, area): the other area stays 0
    with pytest.raises(HouseholdTableError, match="beyond 2\\*\\*63 - 1"):
        combine_tallies([part, part])
    less = part.copy()
    less.iloc[0] = 2**62 - 1
    assert 2**63 - 1 == int(combine_tallies([part, less]).iloc[0]["households"])


# -- the cutoff at the door ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("k", "message"),
    [
        ("1/0", "zero denominator"),
        ("1e-999999999", "power of ten"),
        ("1e999999999", "power of ten"),
        ("1e-101", "power of ten"),
        (Decimal("1e-999999999"), "power of ten"),
        (Decimal("NaN"), "finite"),
        (Decimal("Infinity"), "finite"),
        ("1" * 101, "longer than 100"),
        ("one third", "not a number"),
        ("0.5/2", "not a number"),
        ("", "not a number"),
    ],
)
def test_a_cutoff_out_of_bounds_is_a_measure_error_at_once(k: Any, message: str) -> None:
    start = time.perf_counter()
    with pytest.raises(MeasureError, match=message):
        exact(k, "k")
    with pytest.raises(MeasureError, match=message):
        alkire_foster(pd.DataFrame({"a": [True]}), k=k)
    assert time.perf_counter() - start < 1  # 1e-10000000 took 7.9 s, 1e-999999999 hung


def test_cutoffs_at_the_bounds_are_exact() -> None:
    assert Fraction(1, 10**100) == exact("1e-100", "k")
    assert Fraction(1, 3) == exact(" 1 / 3 ", "k")
    assert Fraction(1) == af_spec(["a"], "1e0").k
    with pytest.raises(MeasureError, match="k must be > 0 and <= 1"):
        af_spec(["a"], "1e100")


@pytest.mark.parametrize("k", [0.5, True, None, [1, 3]])
def test_a_cutoff_of_another_type_is_an_inexact_number_error(k: object) -> None:
    with pytest.raises(InexactNumberError):
        exact(k, "k")


def test_weights_whose_common_denominator_overflows_a_score_are_refused() -> None:
    # Normalised: 1/(2**62 + 1) and 2**62/(2**62 + 1), so a score is counted in 1/(2**62 + 1).
    weights = {"a": 1, "b": 2**62}
    with pytest.raises(MeasureError, match="below 2\\*\\*62"):
        af_spec(["a", "b"], "1/2", weights)
    assert 2**62 - 1 == af_spec(["a", "b"], "1/2", {"a": 1, "b": 2**62 - 2}).denominator


def test_a_wrong_cutoff_is_found_before_the_table_is_read() -> None:
    with pytest.raises(MeasureError, match="zero denominator"):
        review(None, 2024, k="1/0")  # type: ignore[arg-type]


# -- wrong types --------------------------------------------------------------------------------


@pytest.mark.parametrize("table", [None, {"unit": [1]}, [[1, "rural", 100, 5]], "review.csv"])
def test_a_table_that_is_not_a_dataframe_is_an_argument_error(table: object) -> None:
    calls: list[Callable[[], object]] = [
        lambda: classify(table, 2024),  # type: ignore[arg-type]
        lambda: counts(table, 2024),  # type: ignore[arg-type]
        lambda: count_tally(table, 2024),  # type: ignore[arg-type]
        lambda: review(table, 2024, k="1/3"),  # type: ignore[arg-type]
        lambda: alkire_foster(table, k="1/3"),  # type: ignore[arg-type]
        lambda: af_tally(table, af_spec(["a"], "1/3")),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(HouseholdArgumentError, match="must be a pandas DataFrame") as info:
            call()
        assert isinstance(info.value, TypeError)
        assert isinstance(info.value, MdpovertyError)


@pytest.mark.parametrize(
    ("year", "standard", "message"),
    [
        (None, None, "give the review's year"),
        ("2024", None, "year must be an int"),
        (2024.0, None, "year must be an int"),
        (True, None, "year must be an int"),
        (None, 351, "standard must be a PovertyStandard or its id"),
    ],
)
def test_neither_year_nor_standard_is_an_argument_error(
    year: object, standard: object, message: str
) -> None:
    with pytest.raises(HouseholdArgumentError, match=message):
        counts(_households(1, 1), year, standard=standard)  # type: ignore[arg-type]


def test_an_unknown_missing_policy_is_an_argument_error() -> None:
    with pytest.raises(HouseholdArgumentError, match="missing must be"):
        counts(_households(1, 1), 2024, missing="drop")  # type: ignore[arg-type]


def test_a_name_for_two_columns_is_reported_for_every_such_column() -> None:
    table = _households(2, 1)[["unit", "area", "income", "deprivations"]]
    table.columns = pd.Index(["unit", "area", "area", "deprivations"])
    with pytest.raises(HouseholdTableError) as info:
        counts(table, 2024)
    assert {("area", "duplicate column name")} == _columns(info)
    twice = pd.DataFrame([[True, False, True]], columns=["a", "a", "b"])
    with pytest.raises(HouseholdTableError, match="column 'a': duplicate column name"):
        alkire_foster(twice, k="1/2")
    by_twice = pd.DataFrame([[True, 1, 2]], columns=["a", "g", "g"])
    with pytest.raises(HouseholdTableError, match="column 'g': duplicate column name"):
        alkire_foster(by_twice, k="1/2", indicators=["a"], by="g")


# -- files with a header only -------------------------------------------------------------------


def test_a_csv_file_with_a_header_only_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MDPOVERTY_LANG", "en")  # the words asserted are the English ones
    path = tmp_path / "review.csv"
    path.write_text("unit,area,income,deprivations\n")
    with pytest.raises(HouseholdTableError, match=r"no households: review\.csv has column names"):
        tally_file(path, functools.partial(count_tally, year=2024))
    args = ["households", "classify", str(path), "--year", "2024", "--progress", "never"]
    status = main([*args, "--lang", "en"])
    out, err = capsys.readouterr()
    assert (2, "") == (status, out)
    assert "no households: review.csv has column names but no rows" in err


def test_a_parquet_file_without_rows_says_so(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "review.parquet"
    _households(0, 1).to_parquet(path)
    with pytest.raises(HouseholdTableError, match=r"no households: review\.parquet"):
        tally_file(path, functools.partial(count_tally, year=2024))


def test_weights_that_would_wrap_fail_the_command_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MDPOVERTY_LANG", "en")  # the words asserted are the English ones
    path = tmp_path / "review.csv"
    _households(4, 2**61).to_csv(path, index=False)
    args = ["households", "classify", str(path), "--year", "2024", "--weight", "w"]
    status = main([*args, "--progress", "never", "--lang", "en"])
    out, err = capsys.readouterr()
    assert (2, "") == (status, out)
    assert "column 'w': must sum to less than 2**53" in err


@pytest.mark.parametrize("rows", ["0", "-5"])
def test_batch_rows_must_be_positive(tmp_path: Path, rows: str) -> None:
    path = tmp_path / "review.csv"
    _households(1, 1).to_csv(path, index=False)
    with pytest.raises(HouseholdArgumentError, match="batch_rows must be a positive int"):
        tally_file(path, functools.partial(count_tally, year=2024), batch_rows=int(rows))


def test_an_empty_table_by_unit_has_the_measures_of_no_one() -> None:
    # No household: N = q = 0, every share 0 and no contribution (nothing to divide), for the
    # whole only (there is no unit).  The tally of no row has every column; it used to raise
    # IndexError when the whole's row was made of three zeros.
    empty = pd.DataFrame(
        {"a": pd.Series([], dtype=bool), "b": pd.Series([], dtype=bool), "unit": []}
    )
    measures = alkire_foster(empty, "1/2", by="unit")
    values = dict(
        zip(
            measures["measure"] + ":" + measures["indicator"].fillna(""),
            measures["value"],
            strict=True,
        )
    )
    assert {"unit"} >= set(measures.columns) - {"measure", "indicator", "k", "value"}
    assert measures["unit"].isna().all()
    assert (0, 0, 0, 0, 0) == tuple(values[m + ":"] for m in ("N", "q", "H", "A", "M0"))
    assert (0, 0, 0, None) == tuple(values[m + ":a"] for m in ("hd", "hdk", "actb", "pctb"))
