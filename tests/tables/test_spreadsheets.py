"""The annex as text, Markdown, CSV and .xlsx, and annexes read back from spreadsheets."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from mdpoverty.errors import FileProblem, PlanFileError
from mdpoverty.model.document import Document
from mdpoverty.model.targets import Measure
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.tables import (
    annex_csv,
    annex_markdown,
    format_annex,
    import_annex,
    read_annex,
    write_annex_xlsx,
)
from mdpoverty.tables.annex import annex
from mdpoverty.values.names import name_key

# The annex of the Bắc Kạn 2024 plan as printed, transcribed by hand from the source document
# (examples/sources/bac-kan-2024-plan.vi.txt): STT, name, households, poor households, rate,
# reduction, rate reduction, end rate.
PRINTED = [
    ("1", "Phường Sông Cầu", "2.347", "27", "1,15", "2", "0,08", "1,07"),
    ("2", "Phường Xuất Hóa", "827", "34", "4,11", "2", "0,24", "3,87"),
    ("3", "Phường Đức Xuân", "2.494", "24", "0,96", "1", "0,04", "0,92"),
    ("4", "P. Nguyễn Thị Minh Khai", "1.416", "8", "0,56", "1", "0,07", "0,49"),
    ("5", "Phường Phùng Chí Kiên", "2.036", "12", "0,59", "1", "0,05", "0,54"),
    ("6", "Phường Huyền Tụng", "1.382", "73", "5,28", "3", "0,21", "5,07"),
    ("7", "Xã Nông Thượng", "916", "34", "3,71", "2", "0,22", "3,49"),
    ("8", "Xã Dương Quang", "863", "29", "3,36", "1", "0,12", "3,24"),
    ("", "Tổng số", "12.281", "241", "1,96", "13", "0,10", "1,86"),
]
TITLE = "MỤC TIÊU PHẤN ĐẤU GIẢM TỶ LỆ HỘ NGHÈO NĂM 2024"
HEADERS = (
    "STT",
    "Tên đơn vị",
    "Tổng số hộ dân đầu năm 2024 (hộ)",
    "Số hộ nghèo đầu năm 2024",
    "Tỷ lệ hộ nghèo đầu năm 2024(%)",
)
GROUP = "Mục tiêu phấn đấu giảm tỷ lệ hộ nghèo năm 2024"
SUBHEADERS = (
    "Giảm số hộ nghèo (hộ)",
    "Giảm tỷ lệ hộ nghèo (%)",
    "Tỷ lệ hộ nghèo cuối năm 2024 (%)",
)


def vi_int(text: str) -> int:
    return int(text.replace(".", ""))


def vi_decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


@pytest.fixture(scope="module")
def plan() -> Document:
    return bac_kan_2024()


@pytest.fixture(scope="module")
def sheet(plan: Document, tmp_path_factory: pytest.TempPathFactory) -> Worksheet:
    path = tmp_path_factory.mktemp("xlsx") / "annex.xlsx"
    write_annex_xlsx(annex(plan), path)
    sheet = load_workbook(path).active
    assert isinstance(sheet, Worksheet)
    return sheet


# -- text -----------------------------------------------------------------------------------------


def test_the_text_annex_prints_every_cell_as_the_document(plan: Document) -> None:
    lines = format_annex(annex(plan)).splitlines()
    assert TITLE == lines[0].strip()
    first_rule = next(i for i, line in enumerate(lines) if line.startswith("---"))
    body = [line for line in lines[first_rule:] if not line.startswith("---")]
    assert len(PRINTED) == len(body)
    for printed, line in zip(PRINTED, body, strict=True):
        assert [w for cell in printed for w in cell.split()] == line.split()


def test_the_english_text_annex_uses_english_notation(plan: Document) -> None:
    text = format_annex(annex(plan, "en"), "en")
    assert "12,281" in text
    assert "1.15" in text
    assert "Total" in text


def test_the_markdown_annex(plan: Document) -> None:
    lines = annex_markdown(annex(plan)).splitlines()
    assert f"**{TITLE}**" == lines[0]
    assert "| 1 | Phường Sông Cầu | 2.347 | 27 | 1,15 | 2 | 0,08 | 1,07 |" == lines[4]
    assert lines[3].startswith("| ---: | :--- |")
    assert "| **Tổng số** | **12.281** |" in lines[-1]


def test_the_csv_annex_has_plain_numbers_and_unit_ids(plan: Document) -> None:
    rows = list(csv.reader(io.StringIO(annex_csv(annex(plan)))))
    assert ["id", *HEADERS, *SUBHEADERS] == rows[0]
    assert len(PRINTED) + 1 == len(rows)
    for printed, row in zip(PRINTED, rows[1:], strict=True):
        assert printed[1] == row[2]
        assert [str(vi_int(printed[2])), printed[3]] == row[3:5]
        assert [str(vi_decimal(c)) for c in (printed[4], printed[6], printed[7])] == [
            row[5],
            row[7],
            row[8],
        ]
    assert "total" == rows[-1][0]


# -- xlsx -----------------------------------------------------------------------------------------


def test_the_sheet_has_the_title_and_the_caption(sheet: Worksheet, plan: Document) -> None:
    assert TITLE == sheet["A1"].value
    assert plan.annex is not None
    assert plan.annex.caption == sheet["A2"].value
    assert {"A1:H1", "A2:H2"} <= {str(r) for r in sheet.merged_cells.ranges}


def test_the_header_is_merged_as_the_annex_prints_it(sheet: Worksheet) -> None:
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "F4:H4"} <= merged
    assert list(HEADERS) == [sheet.cell(4, c).value for c in range(1, 6)]
    assert GROUP == sheet["F4"].value
    assert list(SUBHEADERS) == [sheet.cell(5, c).value for c in range(6, 9)]


def test_the_cells_equal_the_printed_annex(sheet: Worksheet) -> None:
    for offset, printed in enumerate(PRINTED):
        row = 6 + offset
        number, label, households, poor, rate, reduction, points, end = printed
        assert (int(number) if number else None) == sheet.cell(row, 1).value
        assert label == sheet.cell(row, 2).value
        for col, text in ((3, households), (4, poor), (6, reduction)):
            value: object = sheet.cell(row, col).value
            assert type(value) is int
            assert vi_int(text) == value
            assert "#,##0" == sheet.cell(row, col).number_format
        for col, text in ((5, rate), (7, points), (8, end)):
            value = sheet.cell(row, col).value
            assert isinstance(value, float)
            assert vi_decimal(text) == Decimal(repr(value)).quantize(Decimal("0.01"))
            assert "0.00" == sheet.cell(row, col).number_format
    assert sheet.cell(6 + len(PRINTED), 1).value is None  # nothing below the total row
    assert sheet.cell(5 + len(PRINTED), 2).font.b  # the total row is bold


def test_the_english_sheet(plan: Document, tmp_path: Path) -> None:
    write_annex_xlsx(annex(plan, "en"), tmp_path / "annex.xlsx")
    sheet = load_workbook(tmp_path / "annex.xlsx").active
    assert sheet is not None
    assert "Targets for reducing the poverty rate in 2024" == sheet["A1"].value
    assert "Poverty reduction targets for 2024" == sheet["F4"].value
    assert "Annex" == sheet.title
    assert "Total" == sheet["B14"].value
    assert 12281 == sheet["C14"].value


# -- reading annexes ------------------------------------------------------------------------------


def test_the_exported_sheet_reads_back_as_the_printed_annex(plan: Document, tmp_path: Path) -> None:
    write_annex_xlsx(annex(plan), tmp_path / "annex.xlsx")
    read = read_annex(tmp_path / "annex.xlsx")
    assert plan.annex is not None
    assert TITLE == read.title
    assert plan.annex.caption == read.caption
    assert list(plan.annex.rows) == list(read.rows)  # the hidden id column names the units
    assert plan.annex.total == read.total


def test_importing_the_exported_annex_gives_back_the_plan(plan: Document, tmp_path: Path) -> None:
    for name, content in (("annex.xlsx", None), ("annex.csv", annex_csv(annex(plan)))):
        path = tmp_path / name
        if content is None:
            write_annex_xlsx(annex(plan), path)
        else:
            path.write_text(content, encoding="utf-8-sig")
        assert plan == import_annex(plan, path)


def write_printed_csv(path: Path, rows: Sequence[Sequence[str]], delimiter: str = ";") -> None:
    """The annex as an official would save it: Vietnamese notation, two header rows."""
    lines = [
        [TITLE],
        ["(Ban hành kèm theo Kế hoạch)"],
        [],
        [*HEADERS, GROUP, "", ""],
        ["", "", "", "", "", *SUBHEADERS],
        *rows,
    ]
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=delimiter).writerows(lines)


def test_an_annex_in_vietnamese_notation_is_read(tmp_path: Path) -> None:
    path = tmp_path / "annex.csv"
    write_printed_csv(path, PRINTED)
    read = read_annex(path)
    assert TITLE == read.title
    assert [vi_int(p[2]) for p in PRINTED[:-1]] == [r.households for r in read.rows]
    assert [vi_decimal(p[4]) for p in PRINTED[:-1]] == [r.start_rate for r in read.rows]
    assert read.total is not None
    assert (12281, 241, Decimal("0.10")) == (
        read.total.households,
        read.total.poor_households,
        read.total.rate_reduction,
    )


def test_importing_into_a_plan_matches_units_by_name(plan: Document, tmp_path: Path) -> None:
    path = tmp_path / "annex.csv"
    changed = [list(p) for p in PRINTED]
    changed[3][1] = "Phường Nguyễn Thị Minh Khai"  # spelt out, not "P."
    changed[3][2] = "1.500"
    changed[3][5] = "2"
    write_printed_csv(path, [tuple(r) for r in changed])
    result = import_annex(plan, path)
    unit = result.unit("nguyen-thi-minh-khai")
    assert 1500 == unit.households
    target = result.unit_target("nguyen-thi-minh-khai", Measure.REDUCTION)
    assert target is not None
    assert 2 == target.value.low
    assert [u.id for u in plan.units] == [u.id for u in result.units]


def test_a_row_for_a_new_unit_adds_it(plan: Document, tmp_path: Path) -> None:
    path = tmp_path / "annex.csv"
    rows = [*PRINTED[:-1], ("9", "Xã Mới Lập", "1.000", "10", "1,00", "1", "0,10", "0,90")]
    write_printed_csv(path, rows)
    result = import_annex(plan, path, add_units=True)
    new = result.units[-1]
    assert ("moi-lap", UnitKind.COMMUNE, 1000, 10) == (
        new.id,
        new.kind,
        new.households,
        new.poor_households,
    )


def test_every_bad_cell_is_reported_by_its_reference(plan: Document, tmp_path: Path) -> None:
    path = tmp_path / "annex.csv"
    rows = [list(p) for p in PRINTED]
    rows[0][2] = "hai nghìn"  # C6
    rows[2][3] = "-4"  # D8
    rows[4][4] = "0,5,9"  # E10
    rows[6][1] = "Tổ dân phố 7"  # B12: no unit of that name, and no kind in the name
    write_printed_csv(path, [tuple(r) for r in rows])
    with pytest.raises(PlanFileError) as caught:
        import_annex(plan, path)
    found = {p.cell: p for p in caught.value.problems}
    assert {"C6", "D8", "E10", "B12"} == set(found)
    assert "hai nghìn" == found["C6"].value
    assert -4 == found["D8"].value
    assert "Tổ dân phố 7" == found["B12"].value
    # the same places as locations in the plan, which resolve() turns back into the row
    assert {
        "annex/rows/0/households",
        "annex/rows/2/poor_households",
        "annex/rows/4/start_rate",
        "annex/rows/6/label",
    } == {p.path for p in caught.value.problems}


def test_a_sheet_without_a_header_is_refused(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "nothing here"
    workbook.save(tmp_path / "x.xlsx")
    with pytest.raises(PlanFileError, match="header"):
        read_annex(tmp_path / "x.xlsx")


@pytest.mark.parametrize("name", ["annex.ods", "annex.xlsx"])
def test_unreadable_spreadsheets_raise_plan_file_error(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"not a spreadsheet")
    with pytest.raises(PlanFileError):
        read_annex(tmp_path / name)


# -- names as people write them, and no silent new units ----------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "Phường Xuất Hoá",  # the other tone-mark placement
        "phường xuất hóa",  # lower case
        "Phường  Xuất   Hóa",  # doubled spaces
        "P. Xuất Hoá",  # the abbreviated kind, and the other placement
        unicodedata.normalize("NFD", "Phường Xuất Hóa"),  # decomposed
    ],
)
def test_a_row_matches_its_unit_as_people_write_the_name(
    plan: Document, tmp_path: Path, label: str
) -> None:
    path = tmp_path / "annex.csv"
    rows = [list(p) for p in PRINTED]
    assert "Phường Xuất Hóa" == rows[1][1]
    rows[1][1] = label
    write_printed_csv(path, [tuple(r) for r in rows])
    result = import_annex(plan, path)
    assert [u.id for u in plan.units] == [u.id for u in result.units]
    assert plan.units == result.units  # no duplicate ward, the same totals


def test_a_row_that_matches_no_unit_is_an_error_unless_adding_units_is_asked(
    plan: Document, tmp_path: Path
) -> None:
    path = tmp_path / "annex.csv"
    rows = [*PRINTED[:-1], ("9", "Xã Mới Lập", "1.000", "10", "1,00", "1", "0,10", "0,90")]
    write_printed_csv(path, rows)
    with pytest.raises(PlanFileError) as caught:
        import_annex(plan, path)
    assert ["annex/rows/8/label"] == [p.path for p in caught.value.problems]
    assert "--add-units" in caught.value.problems[0].reason
    assert "moi-lap" == import_annex(plan, path, add_units=True).units[-1].id


def test_matching_rows_to_units_looks_each_name_up_once(
    plan: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Linear, not quadratic: n rows against n units compute O(n) name keys, not n².
    from mdpoverty.tables import importing  # noqa: PLC0415

    calls = 0
    real = name_key

    def counting(text: str) -> str:
        nonlocal calls
        calls += 1
        return real(text)

    monkeypatch.setattr(importing, "name_key", counting)
    units = [
        AdministrativeUnit(f"u{i}", f"Xã Số {i}", UnitKind.COMMUNE, 100, 1) for i in range(300)
    ]
    big = attrs.evolve(plan, units=units, targets=(), annex=None)
    path = tmp_path / "annex.csv"
    rows = [(str(i + 1), f"Xã Số {i}", "100", "1", "1,00", "", "", "") for i in range(300)]
    write_printed_csv(path, rows)
    import_annex(big, path)
    assert calls <= 4 * 2 * len(units)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("start_rate", float("inf")),  # what openpyxl reads from a cell holding 1e999
        ("start_rate", float("nan")),
        ("start_rate", 1e300),
        ("start_rate", "1" * 5000),
        ("households", "1" * 5000),
        ("households", 10**19),
    ],
)
def test_a_cell_out_of_the_bounds_is_refused_by_its_reference(field: str, value: object) -> None:
    from mdpoverty.tables.read import _Cell, _Layout, _read_row  # noqa: PLC0415

    layout = _Layout("T", "", {"label": 0, field: 1}, 1)
    problems: list[FileProblem] = []
    _read_row([_Cell("B6", "Xã A"), _Cell("C6", value)], layout, "annex/rows/0", problems)
    assert [("annex/rows/0/" + field, "C6")] == [(p.path, p.cell) for p in problems]
