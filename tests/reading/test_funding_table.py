"""Components' funding printed as a table (a row a project or sub-project, columns of the
total and each source, in million VND) is read where the text states none, each amount traced
to its cell; a table that does not say its unit is a gap, never read as millions."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from mdpoverty.io.files import plan_from_data
from mdpoverty.reading import read_published

docx = pytest.importorskip("docx")

ROWS = [
    ["1", "Dự án 2: Đa dạng hóa sinh kế", "2.332", "2.264", "68"],
    ["2", "Dự án 3: Hỗ trợ phát triển sản xuất", "1.096", "992", ""],
    ["", "Tiểu dự án 1: Hỗ trợ phát triển sản xuất nông nghiệp", "1.021", "919", "30"],
    ["", "Tiểu dự án 2: Cải thiện dinh dưỡng", "75", "73", "2"],
]


def _plan(path: Path, unit_line: str) -> None:
    document = docx.Document()
    for line in (
        "Số: 12/KH-UBND",
        "Na Rì, ngày 10 tháng 3 năm 2024",
        "KẾ HOẠCH",
        "Giảm nghèo bền vững năm 2024 trên địa bàn huyện Na Rì",
        "III. NỘI DUNG THỰC HIỆN",
        "1. Dự án 2: Đa dạng hóa sinh kế",
        "Vận động người dân đăng ký dự án.",
        "2. Dự án 3: Hỗ trợ phát triển sản xuất",
        "IV. KINH PHÍ THỰC HIỆN",
        unit_line,
    ):
        document.add_paragraph(line)
    table = document.add_table(rows=2 + len(ROWS), cols=5)
    for c, text in enumerate(["STT", "Nội dung", "Tổng kinh phí"]):
        table.cell(0, c).text = text
        table.cell(0, c).merge(table.cell(1, c))
    table.cell(0, 3).text = "Trong đó"
    table.cell(0, 3).merge(table.cell(0, 4))
    table.cell(1, 3).text = "Ngân sách trung ương"
    table.cell(1, 4).text = "Ngân sách địa phương"
    for r, row in enumerate(ROWS, start=2):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(path))


def test_funding_in_a_table_is_read_with_its_cells(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.docx"
    _plan(path, "Đơn vị tính: triệu đồng")
    draft = read_published(path)
    plan = plan_from_data(draft.data)
    da2 = plan.component("DA2").funding
    assert da2 is not None
    assert (Decimal(2332), Decimal(2264), Decimal(68)) == (da2.total, da2.central, da2.local)
    da3 = plan.component("DA3").funding
    assert da3 is not None
    assert da3.local is None  # a blank cell is no amount, never 0
    tda1 = plan.component("DA3.TDA1").funding
    assert tda1 is not None
    assert (Decimal(1021), Decimal(919), Decimal(30)) == (tda1.total, tda1.central, tda1.local)
    assert "Hỗ trợ phát triển sản xuất nông nghiệp" == plan.component("DA3.TDA1").name
    trace = draft.source_of(("components", 1, "children", 0, "funding", "total"))
    assert trace is not None
    assert "1.021" == trace.text
    assert (5, 3) == (trace.place.row, trace.place.column)


def test_a_funding_table_without_its_unit_is_a_gap(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.docx"
    _plan(path, "Kinh phí thực hiện như sau:")
    draft = read_published(path)
    assert all("funding" not in c for c in draft.data["components"])
    assert any("triệu đồng" in g.reason for g in draft.gaps)
