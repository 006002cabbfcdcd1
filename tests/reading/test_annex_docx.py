"""The annex written as a Word table by the library reads back to the same figures and ranges;
a provincial plan's ranged table in Word, in the official layout, imports with every figure."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mdpoverty.cli import main
from mdpoverty.io.files import plan_from_data
from mdpoverty.model.targets import Measure
from mdpoverty.reading import Table, read_blocks, read_published
from mdpoverty.reading._annex import parse_range, read_plan_annex
from mdpoverty.tables.annex import annex, fields_of
from mdpoverty.testing import plans
from mdpoverty.values.quantities import Quantity

pytest.importorskip("docx")


def _quantity(value: object) -> Quantity | None:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, Quantity):
        return value
    if isinstance(value, Decimal):
        return Quantity(value)
    return Quantity(int(str(value)))


@st.composite
def ranged_plans(draw: st.DrawFn) -> Any:
    """Plans whose units' reduction targets are exact or ranged."""
    plan = draw(plans(max_units=5))
    targets = []
    for target in plan.targets:
        if target.about is not None and target.measure is Measure.REDUCTION and draw(st.booleans()):
            low = target.value.low
            assert isinstance(low, int)
            poor = plan.unit(target.about).poor_households
            high = draw(st.integers(low, max(low, poor or low)))
            targets.append(attrs.evolve(target, value=Quantity(low, high)))
        else:
            targets.append(target)
    return attrs.evolve(plan, targets=targets, annex=None)


@settings(max_examples=15, deadline=None)
@given(ranged_plans())
def test_an_annex_written_as_docx_reads_back_to_the_same_figures(plan: Any) -> None:
    from mdpoverty.tables.docx import write_annex_docx  # noqa: PLC0415

    frame = annex(plan)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "annex.docx")
        write_annex_docx(frame, path)
        table = next(b for b in read_blocks(path) if isinstance(b, Table))
    read = read_plan_annex(table, lambda *_: None, lambda *_: None)
    assert read is not None
    rows = [*read["rows"], read["total"]]
    assert len(frame) == len(rows)
    for record, row in zip(frame.itertuples(index=False), rows, strict=True):
        for field, value in zip(fields_of(frame), record, strict=True):
            if field == "label":
                assert str(value) == row["label"]
            elif field != "number":
                assert _quantity(value) == _quantity(row.get(field)), field


def test_annex_command_writes_docx(tmp_path: Path) -> None:
    out = tmp_path / "annex.docx"
    assert 0 == main(["annex", "--example", "bac-kan-2024", "--format", "docx", "-o", str(out)])
    table = next(b for b in read_blocks(out) if isinstance(b, Table))
    assert "12.281" == table.rows[-1][2].text
    assert "1,86" == table.rows[-1][7].text
    assert 2 == main(["annex", "--example", "bac-kan-2024", "--format", "docx"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6,5 - 7,2", Quantity(Decimal("6.5"), Decimal("7.2"))),
        ("6,5–7,2", Quantity(Decimal("6.5"), Decimal("7.2"))),
        ("6,5 đến 7,2", Quantity(Decimal("6.5"), Decimal("7.2"))),
        ("1.200 - 1.350", Quantity(Decimal(1200), Decimal(1350))),
        ("7,2 - 6,5", None),
        ("6,5", None),
    ],
)
def test_ranges_as_printed(text: str, expected: Quantity | None) -> None:
    assert expected == parse_range(text, count=False)


PROVINCE_ROWS = [
    ["1", "Huyện Ba Bể", "12.520", "1.315", "10,50", "150 - 180", "1,20 - 1,44", "9,06 - 9,30"],
    [
        "2",
        "Huyện Pác Nặm",
        "8.401",
        "1.890",
        "22,50",
        "200 đến 250",
        "2,38 - 2,98",
        "19,52 - 20,12",
    ],
    ["3", "TP. Bắc Kạn", "12.281", "241", "1,96", "13", "0,10", "1,86"],
    ["", "Tổng số", "33.202", "3.446", "10,38", "363 - 443", "1,09 - 1,33", "9,05 - 9,29"],
]


def _provincial_plan(path: Path) -> None:
    import docx  # noqa: PLC0415
    from docx.enum.section import WD_ORIENT  # noqa: PLC0415

    document = docx.Document()
    for line in (
        "UBND TỈNH BẮC KẠN",
        "Số: 120/KH-UBND",
        "Bắc Kạn, ngày 15 tháng 3 năm 2024",
        "KẾ HOẠCH",
        "Giảm nghèo bền vững năm 2024 trên địa bàn tỉnh Bắc Kạn",
    ):
        document.add_paragraph(line)
    section = document.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_paragraph("MỤC TIÊU GIẢM TỶ LỆ HỘ NGHÈO NĂM 2024")
    document.add_paragraph("(Kèm theo Kế hoạch số 120/KH-UBND ngày 15/3/2024 của UBND tỉnh)")
    headers = [
        "STT",
        "Tên đơn vị",
        "Tổng số hộ dân đầu năm 2024 (hộ)",
        "Số hộ nghèo đầu năm 2024",
        "Tỷ lệ hộ nghèo đầu năm 2024 (%)",
    ]
    subs = ["Giảm số hộ nghèo (hộ)", "Giảm tỷ lệ hộ nghèo (%)", "Tỷ lệ hộ nghèo cuối năm 2024 (%)"]
    table = document.add_table(rows=2 + len(PROVINCE_ROWS), cols=8)
    for c, text in enumerate(headers):
        table.cell(0, c).text = text
        table.cell(0, c).merge(table.cell(1, c))
    table.cell(0, 5).text = "Mục tiêu phấn đấu giảm tỷ lệ hộ nghèo năm 2024"
    for c, text in enumerate(subs, start=5):
        table.cell(1, c).text = text
    table.cell(0, 5).merge(table.cell(0, 7))
    for r, row in enumerate(PROVINCE_ROWS, start=2):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(path))


def test_a_ranged_provincial_table_in_word_imports_every_figure_and_range(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tinh.docx"
    _provincial_plan(path)
    draft = read_published(path)
    plan = plan_from_data(draft.data)
    assert "120" == plan.header.number
    assert "UBND TỈNH BẮC KẠN" == plan.header.issuer
    assert ["Huyện Ba Bể", "Huyện Pác Nặm", "Thành phố Bắc Kạn"] == [u.name for u in plan.units]
    assert [12520, 8401, 12281] == [u.households for u in plan.units]
    assert [1315, 1890, 241] == [u.poor_households for u in plan.units]
    ranges = {(t.about, t.measure.value): t.value for t in plan.targets}
    assert Quantity(150, 180) == ranges[("ba-be", "reduction")]
    assert Quantity(200, 250) == ranges[("pac-nam", "reduction")]
    assert Quantity(13) == ranges[("bac-kan", "reduction")]
    assert Quantity(Decimal("9.06"), Decimal("9.30")) == ranges[("ba-be", "end-rate")]
    assert Quantity(Decimal("2.38"), Decimal("2.98")) == ranges[("pac-nam", "rate-reduction")]
    assert plan.annex is not None
    assert plan.annex.total is not None
    assert 33202 == plan.annex.total.households
    assert Decimal("10.38") == plan.annex.total.start_rate
    assert [Decimal("10.50"), Decimal("22.50"), Decimal("1.96")] == [
        r.start_rate for r in plan.annex.rows
    ]
    # The ranged total is the area's target, traced to its cell; nothing is a gap but codes.
    trace = next(t for t in draft.sources if t.text == "150 - 180")
    assert (3, 6) == (trace.place.row, trace.place.column)
    assert all(g.path[-1] == "code" for g in draft.gaps), draft.gaps
