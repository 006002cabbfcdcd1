"""What the command line writes: never over an existing file without --force, never an empty
chart, and official codes as text with their leading zeros."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pandas as pd
import pytest

from mdpoverty.cli import build_parser, main
from mdpoverty.reference.standards import standard_in_force

EXAMPLE = ["--example", "bac-kan-2024"]

INDICATORS = [i.id for i in standard_in_force(2027).indicators]

# Three households under Decree 351/2025 (2027): the rural line is 2,200,000, the urban one
# 2,800,000; poor with at least 3 deprivations at or below the line, near-poor with fewer.
REVIEW = pd.DataFrame(
    {
        "ma_xa": ["05716", "05716", "00102"],
        "area": ["rural", "rural", "urban"],
        "income": [2_200_000, 2_200_001, 2_800_000],
        "huyen": ["00164", "00164", "00010"],
    }
    | {i: [n < 3, n < 5, n < 2] for n, i in enumerate(INDICATORS)}
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _households_file(folder: Path) -> Path:
    path = folder / "review.csv"
    REVIEW.to_csv(path, index=False)
    return path


def _writing_commands(folder: Path) -> dict[str, list[str]]:
    """Every command that writes a file, with an output name of the right kind."""
    households = str(_households_file(folder))
    sheet = folder / "annex.csv"
    sheet.write_text(
        (Path(__file__).parent.joinpath("data").exists() and "") or "", encoding="utf-8"
    )
    assert 0 == main(["annex", *EXAMPLE, "--format", "csv", "-o", str(sheet), "--force"])
    return {
        "annex": ["annex", *EXAMPLE, "--format", "csv", "-o", "out.csv"],
        "annex-xlsx": ["annex", *EXAMPLE, "--format", "xlsx", "-o", "out.xlsx"],
        "new": ["new", "-o", "out.yaml"],
        "schema": ["schema", "-o", "out.json"],
        "import-annex": ["import-annex", *EXAMPLE, str(sheet), "-o", "out.yaml"],
        "classify": [
            *("households", "classify", households, "--year", "2027"),
            *("--column", "unit=ma_xa", "-o", "out.csv"),
        ],
        "measures": [
            *("households", "measures", households, "--year", "2027", "--k", "1/3"),
            *("--column", "unit=ma_xa", "-o", "out.csv"),
        ],
        "report": ["report", *EXAMPLE, "-o", "out.html"],
        "chart": ["chart", *EXAMPLE, "--what", "rates", "-o", "out.svg"],
    }


def test_every_subcommand_with_an_output_takes_force() -> None:
    def leaves(parser: argparse.ArgumentParser, path: str) -> list[tuple[str, set[str]]]:
        found: list[tuple[str, set[str]]] = []
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found += leaves(sub, f"{path} {name}".strip())
        options = {o for a in parser._actions for o in a.option_strings}
        return [*found, (path, options)] if path else found

    with_output = [
        (path, options) for path, options in leaves(build_parser(), "") if "-o" in options
    ]
    assert len(with_output) >= 8
    assert [] == [path for path, options in with_output if "--force" not in options]


@pytest.mark.parametrize(
    "command",
    [
        "annex",
        "annex-xlsx",
        "new",
        "schema",
        "import-annex",
        "classify",
        "measures",
        "report",
        "chart",
    ],
)
def test_an_existing_output_is_replaced_only_with_force(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: str,
) -> None:
    if command in {"report", "chart"}:
        pytest.importorskip("matplotlib")
    args = _writing_commands(tmp_path)[command]
    monkeypatch.chdir(tmp_path)
    output = tmp_path / args[args.index("-o") + 1]
    output.write_bytes(b"keep me")
    status, out, err = run(capsys, *args)
    assert (2, "") == (status, out)
    assert f"{output.name} đã có; dùng --force để ghi đè" in err  # the suite's language
    status, out, err = run(capsys, *args, "--lang", "en")
    assert (2, "") == (status, out)
    assert f"{output.name} exists; use --force to replace it" in err
    assert b"keep me" == output.read_bytes()
    status, _, err = run(capsys, *args, "--force")
    assert (0, "") == (status, err)
    assert b"keep me" != output.read_bytes()


# -- charts with nothing to draw ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("what", "why"),
    [
        ("rates", "no unit of the document has its households and poor households counted"),
        ("funding", "the document states no funding of a programme component by source"),
    ],
)
def test_a_chart_with_nothing_to_draw_exits_2_and_says_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, what: str, why: str
) -> None:
    pytest.importorskip("matplotlib")
    review = tmp_path / "review.yaml"
    assert 0 == main(["new", "--kind", "review", "--level", "province", "-o", str(review)])
    chart = tmp_path / "chart.png"
    status, out, err = run(
        capsys, "chart", str(review), "--what", what, "-o", str(chart), "--lang", "en"
    )
    assert (2, "") == (status, out)
    assert f"mdpoverty chart: error: nothing to draw: {why}" in err
    assert not chart.exists()


def test_a_chart_with_bars_is_written(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    chart = tmp_path / "rates.svg"
    assert (0, "", "") == run(capsys, "chart", *EXAMPLE, "--what", "rates", "-o", str(chart))
    assert 'id="rates/start/song-cau"' in chart.read_text(encoding="utf-8")


# -- codes are text -------------------------------------------------------------------------------


def test_classify_keeps_leading_zeros_with_and_without_units(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    households = str(_households_file(tmp_path))
    units = tmp_path / "units.csv"
    units.write_text("commune,district,province\n05716,00164,01\n00102,00010,01\n")
    base = ["households", "classify", households, "--year", "2027", "--column", "unit=ma_xa"]
    status, out, err = run(capsys, *base, "--progress", "never")
    assert (0, "") == (status, err)
    assert {"05716", "00102", ""} == set(
        pd.read_csv(_text(out), dtype=str, keep_default_na=False).unit
    )
    status, out, err = run(capsys, *base, "--units", str(units), "--progress", "never")
    assert (0, "") == (status, err)
    table = pd.read_csv(_text(out), dtype=str, keep_default_na=False)
    assert {"05716", "00102", "00164", "00010", "01", ""} == set(table.unit)
    lines = out.splitlines()
    assert "commune,05716,all,2,1,0,1,1" in lines  # 2,200,000 rural with 3: poor; +1 VND: not
    assert "district,00164,all,2,1,0,1,1" in lines


def test_measures_by_unit_keep_leading_zeros(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    households = str(_households_file(tmp_path))
    args = ["households", "measures", households, "--year", "2027", "--k", "1/3"]
    status, out, err = run(capsys, *args, "--column", "unit=ma_xa", "--by", "huyen")
    assert (0, "") == (status, err)
    table = pd.read_csv(_text(out), dtype=str, keep_default_na=False)
    assert {"00164", "00010", ""} == set(table.huyen)


def _text(out: str) -> io.StringIO:
    return io.StringIO(out)


def test_codes_saved_as_numbers_against_a_unit_list_say_why_they_do_not_match(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "review.parquet"
    REVIEW.assign(ma_xa=REVIEW["ma_xa"].astype("int64")).to_parquet(path)  # 05716 saved as 5716
    units = tmp_path / "units.csv"
    units.write_text("commune\n05716\n00102\n")
    args = ["households", "classify", str(path), "--year", "2027", "--column", "unit=ma_xa"]
    status, _, err = run(
        capsys, *args, "--units", str(units), "--progress", "never", "--lang", "en"
    )
    assert 2 == status
    assert "the table's codes are numbers, the unit list's are text" in err
