"""The review form: its table, its text, its sheet with merged headers, and reading it back.

Golden values are those printed in ``tests/data/province-review-flows-2024.yaml``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from openpyxl import load_workbook

from mdpoverty.cli import main
from mdpoverty.errors import PlanFileError
from mdpoverty.io.files import load_plan
from mdpoverty.model.document import Document
from mdpoverty.model.figures import Figure, Flow
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.tables import annex, import_annex, render, write_annex_xlsx
from mdpoverty.tables.review_form import has_flows, review_form
from mdpoverty.tables.review_form_import import import_review_form
from mdpoverty.testing import flow_reviews
from mdpoverty.values.quantities import Quantity

DATA = Path(__file__).parent.parent / "data"
REVIEW = DATA / "province-review-flows-2024.yaml"


def review() -> Document:
    return load_plan(REVIEW)


def printed(document: Document) -> dict[tuple[object, ...], tuple[int | None, int | None]]:
    """Every count of the form's groups, by key: what the form must carry there and back."""
    return {
        f.key_in(document.year): (f.exact_count, f.ethnic_minority)
        for f in document.figures
        if f.group.value in ("poor", "near-poor") and f.flow is not Flow.FALL
    }


def without_flows(document: Document) -> Document:
    kept = [f for f in document.figures if f.flow is None or f.flow is Flow.FALL]
    return attrs.evolve(document, figures=kept)


def test_the_form_has_the_sections_and_the_printed_counts() -> None:
    form = annex(review())
    assert "review-form" == form.attrs["table"]
    assert [
        "section:urban",
        "urban",
        "section:rural",
        "rural",
        "section:all",
        "huyen-bac",
        "huyen-nam",
        "total",
    ] == list(form.index)
    # the province: poor 3.900 (2.400) − 1.100 (650) + 60 (37) + 190 (120) = 3.050 (1.907)
    assert [3900, 2400, 1100, 650, 60, 37, 190, 120, 3050, 1907] == list(form.loc["total"])[1:11]
    # Huyện Bắc's near-poor: 1.800, 500, 30, 150, 250 from poor, 1.730 at the end
    assert [1800, 500, 30, 150, 250, 1730] == list(form.loc["huyen-bac"])[11::2]
    assert ["I. Khu vực thành thị", "Thành thị"] == list(form.iloc[:2, 0])


def test_the_form_prints_in_vietnamese_and_english() -> None:
    vi = render(review_form(review()), "text").splitlines()
    en = render(review_form(review(), "en"), "text").splitlines()
    assert vi[-1].split()[:4] == ["Tổng", "số", "3.900", "2.400"]
    assert en[-1].split()[:3] == ["Total", "3,900", "2,400"]
    assert "Hộ cận nghèo" in vi[2]
    assert "Near-poor households" in en[2]
    assert "Phát sinh mới" in vi[3]
    assert "Fell back" in en[3]


def test_the_sheet_merges_the_group_and_flow_headers(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    write_annex_xlsx(annex(review()), path)
    sheet = load_workbook(path).active
    assert sheet is not None
    merged = {str(r) for r in sheet.merged_cells.ranges}
    # the label over three rows; the poor over 5 × 2 columns, the near-poor over 6 × 2
    assert {"A3:A5", "B3:K3", "L3:W3", "B4:C4", "J4:K4", "T4:U4", "V4:W4"} <= merged
    assert ("Hộ nghèo", "Thoát", "Trong đó DTTS") == (
        sheet["B3"].value,
        sheet["D4"].value,
        sheet["E5"].value,
    )
    assert ("Tổng số", 3900, 1907) == (sheet["A13"].value, sheet["B13"].value, sheet["K13"].value)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_form_reads_back_into_a_review_without_its_flows(tmp_path: Path, suffix: str) -> None:
    document = review()
    path = tmp_path / f"form{suffix}"
    form = annex(document)
    if suffix == ".xlsx":
        write_annex_xlsx(form, path)
    else:
        path.write_text(render(form, "csv"), encoding="utf-8")
    stripped = without_flows(document)
    assert not has_flows(stripped)
    assert printed(document) == printed(import_review_form(stripped, path))
    assert document == import_annex(document, path)


def test_import_annex_writes_the_review_with_the_forms_counts(tmp_path: Path) -> None:
    sheet, out = tmp_path / "form.xlsx", tmp_path / "out.yaml"
    assert 0 == main(["annex", str(REVIEW), "--format", "xlsx", "-o", str(sheet)])
    workbook = load_workbook(sheet)
    active = workbook.active
    assert active is not None
    active["D11"] = 410  # Huyện Bắc's poor who escaped: 400
    workbook.save(sheet)
    assert 0 == main(["import-annex", str(REVIEW), str(sheet), "-o", str(out)])
    changed = load_plan(out)
    escaped = [f for f in changed.figures if f.about == "huyen-bac" and f.flow is Flow.ESCAPED]
    assert [410, 500] == [f.exact_count for f in escaped]


def test_a_cell_that_is_not_a_count_and_a_row_of_no_unit_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    write_annex_xlsx(annex(review()), path)
    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    sheet["D11"] = "bốn trăm"
    sheet["A12"] = "Huyện Không Có"
    workbook.save(path)
    with pytest.raises(PlanFileError) as error:
        import_annex(review(), path)
    assert ["D11", "A12"] == [p.cell for p in error.value.problems]


def test_a_range_cell_out_of_order_or_not_of_counts_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    write_annex_xlsx(annex(review()), path)
    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    sheet["D11"] = "40–30"
    sheet["E11"] = "30–bốn"
    workbook.save(path)
    with pytest.raises(PlanFileError) as error:
        import_annex(review(), path)
    assert ["D11", "E11"] == [p.cell for p in error.value.problems]


@settings(max_examples=15, deadline=None)
@given(flow_reviews())
def test_a_drawn_form_written_and_read_is_the_review(document: Document) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name in ("form.xlsx", "form.csv"):
            path = Path(folder, name)
            form = review_form(document)
            if name.endswith(".xlsx"):
                write_annex_xlsx(form, path)
            else:
                path.write_text(render(form, "csv"), encoding="utf-8")
            assert printed(document) == printed(import_review_form(without_flows(document), path))
            assert document == import_review_form(document, path)


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("9" * 5000, "characters"),  # int() refuses more than 4300 digits: was a ValueError
        ("²", "whole number"),  # a digit to str.isdigit, not to int(): was a ValueError
        ("-5", "whole number"),
    ],
)
def test_a_cell_that_cannot_be_a_count_is_a_problem_at_its_cell_never_an_exception(
    tmp_path: Path, cell: str, reason: str
) -> None:
    lines = render(annex(review()), "csv").splitlines()
    n = next(i for i, line in enumerate(lines) if line.startswith("huyen-bac,"))
    row = lines[n].split(",")
    row[4] = cell  # Huyện Bắc's poor who escaped
    lines[n] = ",".join(row)
    path = tmp_path / "form.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(PlanFileError) as error:
        import_review_form(review(), path)
    [problem] = error.value.problems
    assert "form/rows/5/poor/escaped/count" == problem.path
    assert reason in problem.reason


def test_a_count_in_vietnamese_notation_is_read_as_import_annex_reads_it(tmp_path: Path) -> None:
    lines = render(annex(review()), "csv").splitlines()
    n = next(i for i, line in enumerate(lines) if line.startswith("huyen-nam,"))
    row = lines[n].split(",")
    assert "2400" == row[2]  # Huyện Nam's poor at the start
    row[2] = '"2.400"'
    lines[n] = ",".join(row)
    path = tmp_path / "form.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert review() == import_review_form(review(), path)


def test_a_document_with_targets_and_flows_reads_back_the_annex_it_prints(
    tmp_path: Path,
) -> None:
    # The Bắc Kạn plan with one flow of the year (320 poor escaped, invented): annex() prints
    # its annex of targets, and import_annex must read that sheet, not look for the form.
    plan = bac_kan_2024()
    escaped = Figure(group=HouseholdGroup.POOR, flow=Flow.ESCAPED, count=320)
    document = attrs.evolve(plan, figures=[*plan.figures, escaped])
    assert "annex" == annex(document).attrs["table"]
    path = tmp_path / "annex.xlsx"
    write_annex_xlsx(annex(document), path)
    assert document == import_annex(document, path)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_flow_printed_as_a_range_reads_back(tmp_path: Path, suffix: str) -> None:
    # The first flow of the review printed "n–n+25": the form shows it and reads it back.
    document = review()
    i, flow = next((i, f) for i, f in enumerate(document.figures) if f.flow is not None)
    assert isinstance(flow.count, int)
    figures = list(document.figures)
    figures[i] = attrs.evolve(flow, count=Quantity(flow.count, flow.count + 25))
    ranged = attrs.evolve(document, figures=figures)
    form = annex(ranged)
    shown = render(form, "csv")
    assert f"{flow.count}–{flow.count + 25}" in shown
    path = tmp_path / f"form{suffix}"
    if suffix == ".xlsx":
        write_annex_xlsx(form, path)
    else:
        path.write_text(shown, encoding="utf-8")
    assert ranged == import_annex(ranged, path)
