"""``mdpoverty households classify`` and ``measures`` on CSV and Parquet files."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from mdpoverty.cli import main

REVIEW = """\
ma_xa,area,income,deprivations
101,rural,2200000,3
101,rural,2200001,5
102,urban,2800000,2
102,urban,100,4
"""


def test_classify_writes_counts(tmp_path: Path) -> None:
    source = tmp_path / "review.csv"
    source.write_text(REVIEW)
    units = tmp_path / "units.csv"
    units.write_text("commune,province\n101,1\n102,1\n")
    output = tmp_path / "counts.csv"
    args = ["households", "classify", str(source), "--year", "2027", "--column", "unit=ma_xa"]
    args += ["--units", str(units), "-o", str(output), "--progress", "never"]
    status = main(args)
    assert 0 == status
    counts = pd.read_csv(output)
    country = counts[(counts.level == "country") & (counts.area == "all")].iloc[0]
    # Decree 351 (2027): 2,200,000 rural with 3 deprivations is poor; one VND above is not;
    # 2,800,000 urban with 2 is near-poor; 100 VND with 4 is poor.
    assert (4, 2, 1, 1) == (
        country.households,
        country.poor,
        country["near-poor"],
        country["not-poor"],
    )
    province = counts[(counts.level == "province") & (counts.area == "all")]
    assert [4] == province.households.tolist()


def test_measures_writes_exact_fractions(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    indicators = ["employment", "dependants", "nutrition", "health-insurance"]
    indicators += ["adult-education", "school-attendance", "housing-quality", "floor-area"]
    indicators += ["drinking-water", "latrine", "telecom", "information-access"]
    # Household 0 deprived in the whole employment dimension (score 1/6), household 1 in
    # nothing: k = 1/6 makes household 0 poor: H = 1/2, A = 1/6, M0 = 1/12.
    table = pd.DataFrame({i: [n < 2, False] for n, i in enumerate(indicators)})
    source = tmp_path / "review.parquet"
    table.to_parquet(source)
    output = tmp_path / "measures.csv"
    args = ["households", "measures", str(source), "--year", "2024", "--k", "1/6"]
    args += ["-o", str(output), "--progress", "always"]
    status = main(args)
    assert 0 == status
    measures = pd.read_csv(output, dtype=str)
    core = measures[measures.indicator.isna()].set_index("measure")["value"]
    assert ["2", "1", "1/2", "1/6", "1/12"] == core.loc[["N", "q", "H", "A", "M0"]].tolist()


def test_a_bad_table_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MDPOVERTY_LANG", "en")  # the words asserted are the English ones
    source = tmp_path / "review.csv"
    source.write_text("unit,area,income,deprivations\n1,city,-5,3\n")
    assert 2 == main(["households", "classify", str(source), "--year", "2024", "--lang", "en"])
    err = capsys.readouterr().err
    assert "column 'area'" in err
    assert "column 'income': must be >= 0" in err


def test_a_float_cutoff_text_is_exact_and_a_bad_one_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "review.csv"
    source.write_text(REVIEW)
    args = ["households", "measures", str(source), "--year", "2024", "--k", "abc"]
    assert 2 == main([*args, "--lang", "en"])
    assert "--k is not a number" in capsys.readouterr().err


def test_measures_has_no_missing_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The AF measures have no way to leave households out: --missing is classify's only.
    source = tmp_path / "review.csv"
    source.write_text(REVIEW)
    args = ["households", "measures", str(source), "--year", "2024", "--k", "1/3"]
    assert 2 == main([*args, "--missing", "exclude", "--lang", "en"])
    assert "unrecognized arguments: --missing exclude" in capsys.readouterr().err
    assert 2 == main([*args, "--missing", "exclude", "--lang", "vi"])
    assert "tham số không nhận ra: --missing exclude" in capsys.readouterr().err


def test_the_help_lists_the_commands() -> None:
    out = io.StringIO()
    from contextlib import redirect_stdout  # noqa: PLC0415

    with redirect_stdout(out):
        main(["households", "--help"])
    assert "classify" in out.getvalue()
    assert "measures" in out.getvalue()


def test_weights_count_people_instead_of_households(tmp_path: Path) -> None:
    source = tmp_path / "review.csv"
    sizes = ["size", "3", "4", "5", "6"]
    lines = REVIEW.splitlines()
    source.write_text("\n".join(f"{a},{b}" for a, b in zip(lines, sizes, strict=True)) + "\n")
    output = tmp_path / "people.csv"
    args = ["households", "classify", str(source), "--year", "2027", "--column", "unit=ma_xa"]
    args += ["--weight", "size", "-o", str(output), "--progress", "never"]
    assert 0 == main(args)
    counts = pd.read_csv(output)
    country = counts[(counts.level == "country") & (counts.area == "all")].iloc[0]
    # poor: rows 0 (3 people) and 3 (6); near-poor: row 2 (5); not poor: row 1 (4)
    assert (18, 9, 5, 4) == tuple(
        int(country[c]) for c in ("households", "poor", "near-poor", "not-poor")
    )


def test_measures_with_a_population_weight(tmp_path: Path) -> None:
    indicators = ["employment", "dependants", "nutrition", "health-insurance"]
    indicators += ["adult-education", "school-attendance", "housing-quality", "floor-area"]
    indicators += ["drinking-water", "latrine", "telecom", "information-access"]
    # As above, household 0 (score 1/6, poor at k = 1/6) now stands for 3 people and
    # household 1 for 1: N = 4, q = 3, H = 3/4, A = 1/6, M0 = 1/8.
    table = pd.DataFrame({i: [n < 2, False] for n, i in enumerate(indicators)})
    table["people"] = [3, 1]
    source = tmp_path / "review.csv"
    table.to_csv(source, index=False)
    output = tmp_path / "measures.csv"
    args = ["households", "measures", str(source), "--year", "2024", "--k", "1/6"]
    args += ["--weight", "people", "-o", str(output), "--progress", "never"]
    assert 0 == main(args)
    measures = pd.read_csv(output, dtype=str)
    core = measures[measures.indicator.isna()].set_index("measure")["value"]
    assert ["4", "3", "3/4", "1/6", "1/8"] == core.loc[["N", "q", "H", "A", "M0"]].tolist()


def test_batch_rows_default_is_the_library_default(capsys: pytest.CaptureFixture[str]) -> None:
    """The command line states the default without importing pandas; it must be the same."""
    from mdpoverty.households.files import DEFAULT_BATCH_ROWS  # noqa: PLC0415

    assert 0 == main(["households", "classify", "--help", "--lang", "en"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert f"(default {DEFAULT_BATCH_ROWS:,})" in help_text
    assert 0 == main(["households", "classify", "--help", "--lang", "vi"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert f"(mặc định {DEFAULT_BATCH_ROWS:,})".replace(",", ".") in help_text
