"""The ``mdpoverty`` command."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mdpoverty.checks import check
from mdpoverty.cli import KINDS, LEVELS, main, template_text
from mdpoverty.io.files import load_plan, read_plan_text
from mdpoverty.io.schema import plan_schema
from mdpoverty.reference.datasets import bac_kan_2024, example_path

EXAMPLE = ["--example", "bac-kan-2024"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# -- check ----------------------------------------------------------------------------------------


def test_check_reports_the_bac_kan_findings_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", *EXAMPLE)
    assert 1 == status
    assert "" == err
    # DA3.TDA1 prints a total of 1.021 million VND while its sources, 919 + 30, make 949.
    assert "components/DA3.TDA1/funding" in out
    assert "949" in out


def test_check_of_a_file_is_the_check_of_its_plan(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, expected, _ = run(capsys, "check", *EXAMPLE)
    status, out, _ = run(capsys, "check", str(example_path("bac-kan-2024")))
    assert (1, expected) == (status, out)


def test_check_exits_0_without_error_findings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(template_text(), encoding="utf-8")
    status, out, _ = run(capsys, "check", str(path))
    assert 0 == status
    assert "error" not in out.split()


def test_check_can_select_rules(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", *EXAMPLE, "--select", "agencies")
    assert 0 == status
    assert "funding" not in out


def test_check_of_a_bad_file_exits_2_with_every_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = example_path("bac-kan-2024").read_text(encoding="utf-8")
    text = text.replace("date: 2024-03 ", "date: 2024-3 ", 1).replace(
        "households: 827,", "households: x,"
    )
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    status, out, err = run(capsys, "check", str(path), "--lang", "en")
    assert (2, "") == (status, out)
    assert err.startswith(f"{path}: 3 problems:")
    assert "header/date = '2024-3'" in err
    assert "units/1/households = 'x'" in err
    assert "annex/rows/1/households = 'x'" in err
    # In Vietnamese (the default of the tests), the same problems at the same places.
    status, out, err = run(capsys, "check", str(path))
    assert (2, "") == (status, out)
    assert err.startswith(f"tệp {path}: 3 vấn đề:")
    assert "dòng 624, annex/rows/1/households = 'x': phải là số nguyên, không phải văn bản" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "missing.yaml"],
        ["check", "plan.txt"],
        ["check", "--example", "nowhere-2024"],
        ["check"],
        ["annex", *EXAMPLE, "--format", "xlsx"],
        ["frobnicate"],
    ],
)
def test_unreadable_input_and_wrong_command_lines_exit_2(
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.txt").write_text("", encoding="utf-8")
    status, out, err = run(capsys, *argv)
    assert 2 == status
    assert "" == out
    assert err


# -- annex ----------------------------------------------------------------------------------------


def test_annex_prints_the_table_as_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "annex", *EXAMPLE)
    assert 0 == status
    # the total row of the printed annex: Tổng số 12.281 241 1,96 13 0,10 1,86
    assert ["Tổng", "số", "12.281", "241", "1,96", "13", "0,10", "1,86"] == (
        out.splitlines()[-1].split()
    )


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("markdown", "| 1 | Phường Sông Cầu | 2.347 | 27 | 1,15 | 2 | 0,08 | 1,07 |"),
        ("csv", "song-cau,1,Phường Sông Cầu,2347,27,1.15,2,0.08,1.07"),
        ("text", "12,281"),
    ],
)
def test_annex_formats(capsys: pytest.CaptureFixture[str], fmt: str, expected: str) -> None:
    lang = ["--lang", "en"] if fmt == "text" else []
    status, out, _ = run(capsys, "annex", *EXAMPLE, "--format", fmt, *lang)
    assert 0 == status
    assert expected in (out.split() if fmt == "text" else out.splitlines())


def test_annex_xlsx_writes_a_sheet_whose_cells_equal_the_printed_annex(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "annex.xlsx"
    status, out, _ = run(capsys, "annex", *EXAMPLE, "--format", "xlsx", "-o", str(path))
    assert (0, "") == (status, out)
    sheet = load_workbook(path).active
    assert sheet is not None
    # row 1 of the printed annex: Phường Sông Cầu 2.347 27 1,15 2 0,08 1,07
    assert ["Phường Sông Cầu", 2347, 27] == [sheet.cell(6, c).value for c in (2, 3, 4)]
    rates = [Decimal(repr(sheet.cell(6, c).value)).quantize(Decimal("0.01")) for c in (5, 7, 8)]
    assert [Decimal("1.15"), Decimal("0.08"), Decimal("1.07")] == rates


def test_annex_csv_to_a_file_has_a_byte_order_mark_for_excel(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "annex.csv"
    assert 0 == run(capsys, "annex", *EXAMPLE, "--format", "csv", "-o", str(path))[0]
    assert path.read_bytes().startswith(b"\xef\xbb\xbfid,STT,")


# -- new, schema, import-annex --------------------------------------------------------------------


def test_new_writes_the_template_which_is_a_valid_plan(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "plan.yaml"
    assert 0 == run(capsys, "new", "-o", str(path))[0]
    assert read_plan_text(template_text()) == load_plan(path)
    assert template_text(lang="vi") == path.read_text(encoding="utf-8")  # the suite's language
    assert "# " in path.read_text(encoding="utf-8")  # commented
    status, _, err = run(capsys, "new", "-o", str(path))
    assert 2 == status
    assert "--force" in err
    assert 0 == run(capsys, "new", "-o", str(path), "--force")[0]


def test_new_prints_the_template_without_o(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "new", "--lang", "en")
    assert (0, template_text()) == (status, out)


def test_new_without_options_is_the_newest_provincial_plan(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The newest period the library knows: 2027, Decree 351's own criteria, the 2026–2035
    # programme, in the units of 1 July 2025.
    _, out, _ = run(capsys, "new")
    _, same, _ = run(capsys, "new", "--kind", "plan", "--level", "province", "--year", "2027")
    plan = read_plan_text(out)
    assert (same, "plan", "province", 2027) == (
        out,
        plan.kind.value,
        plan.area.kind.value,
        plan.year,
    )
    assert ("decree-351-2025", "resolution-257-2025") == (plan.standard, plan.programme)


def test_new_for_a_year_without_a_template_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "new", "--level", "district", "--year", "2027")
    assert (2, "") == (status, out)
    assert "2022–2025" in err


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("level", LEVELS)
def test_new_for_each_kind_and_level_checks_clean(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str, level: str
) -> None:
    path = tmp_path / f"{kind}-{level}.yaml"
    assert 0 == run(capsys, "new", "--kind", kind, "--level", level, "-o", str(path))[0]
    status, out, err = run(capsys, "check", str(path), "--lang", "en")
    assert (0, "", "no findings") == (status, err, out.partition(" (")[0])


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("level", LEVELS)
def test_annex_prints_the_table_of_every_template(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str, level: str
) -> None:
    path = tmp_path / "document.yaml"
    path.write_text(template_text(kind, level), encoding="utf-8")
    status, out, err = run(capsys, "annex", str(path))
    assert (0, "") == (status, err)
    assert ["Tổng", "số"] == out.splitlines()[-1].split()[:2]  # the total row ends it


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("level", LEVELS)
def test_new_templates_have_no_findings(
    capsys: pytest.CaptureFixture[str], kind: str, level: str
) -> None:
    _, out, _ = run(capsys, "new", "--kind", kind, "--level", level)
    document = read_plan_text(out)
    assert [] == list(check(document).findings)
    assert (kind, level) == (document.kind.value, document.area.kind.value)


def test_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "schema")
    assert 0 == status
    assert plan_schema() == json.loads(out)


def test_import_annex_writes_the_plan_with_the_annex(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = tmp_path / "annex.xlsx"
    out = tmp_path / "plan.json"
    run(capsys, "annex", *EXAMPLE, "--format", "xlsx", "-o", str(sheet))
    status, _, err = run(capsys, "import-annex", *EXAMPLE, str(sheet), "-o", str(out))
    assert (0, "") == (status, err)
    assert bac_kan_2024() == load_plan(out)


@pytest.mark.parametrize(
    "command", [[], ["check"], ["annex"], ["new"], ["schema"], ["import-annex"]]
)
def test_every_command_has_help_with_examples(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    status, out, _ = run(capsys, *command, "--help")
    assert 0 == status
    assert "ví dụ:" in out  # the suite's language, Vietnamese
    status, out, _ = run(capsys, *command, "--help", "--lang", "en")
    assert 0 == status
    assert "examples:" in out


def test_python_dash_m_runs_the_command() -> None:
    result = subprocess.run(  # noqa: S603  (a fixed command line)
        [sys.executable, "-m", "mdpoverty", "check", *EXAMPLE],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert 1 == result.returncode
    assert "components/DA3.TDA1/funding" in result.stdout
