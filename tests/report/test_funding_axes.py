"""The report's funding section gains the axes a plan allocates along, and only those."""

from __future__ import annotations

import re
from pathlib import Path

from mdpoverty.io.files import load_plan
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.report import html_report

DATA = Path(__file__).parent.parent / "data"


def _funding(page: str) -> str:
    start = page.index('<table class="funding">')
    return page[start : page.index("</section>", start)]


def _rows(section: str, title: str) -> list[tuple[str, str]]:
    table = section[section.index(f"<h3>{title}</h3>") :]
    table = table[: table.index("</table>")]
    return re.findall(r'<td class="name">([^<]*)</td><td class="num">([^<]*)</td>', table)


def test_a_2027_plan_shows_its_sources_kinds_and_communes() -> None:
    section = _funding(html_report(load_plan(DATA / "province-plan-2027.yaml"), lang="en"))

    assert '<th scope="col">Policy credit</th>' in section
    # the file's figures: credit 1,500 of HP1; investment 5,600 + 1,500 + 3,000; recurrent
    # 2,400 + 1,000 + 1,000; the rest (credit, integrated, mobilised, HP2's local) 2,500
    assert _rows(section, "By kind of capital") == [
        ("Recurrent capital", "4,400"),
        ("Investment capital", "10,100"),
        ("Not stated", "2,500"),
        ("Total", "17,000"),
    ]
    # xa-c: 3,000 (HP1) + 2,500 (HP2); xa-d: 2,000 + 2,500
    assert _rows(section, "By unit allocated to")[:4] == [
        ("Xã Bạch Thông", "4,000"),
        ("Xã Chợ Đồn", "3,000"),
        ("Xã Nà Phặc", "5,500"),
        ("Xã Bằng Vân", "4,500"),
    ]
    assert "<h3>By year</h3>" not in section


def test_a_table_for_each_axis_the_plan_states_and_only_those() -> None:
    section = _funding(html_report(bac_kan_2024(), lang="en"))

    # Bắc Kạn names one kind of capital: DA6.TDA1's 62 "từ vốn sự nghiệp"
    assert _rows(section, "By kind of capital")[0] == ("Recurrent capital", "62")
    assert "<h3>By year</h3>" not in section
    assert "<h3>By unit allocated to</h3>" not in section
    assert "Policy credit" not in section
