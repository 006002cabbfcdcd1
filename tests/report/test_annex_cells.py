"""The report's annex shows ranged targets and near-poor households where a document has them."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import attrs

from mdpoverty import html_report, load_plan
from mdpoverty.io.files import read_plan_text
from mdpoverty.reference.datasets import bac_kan_2024

DATA = Path(__file__).parents[1] / "data"


def _annex_text(page: str) -> str:
    start = page.index('<section id="section-annex"')
    body = page[start : page.index("</section>", start)]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_a_ranged_fall_of_the_rate_is_shown_not_blank() -> None:
    plan = load_plan(DATA / "province-plan-2024.yaml")
    # without its province figures: the results section cannot yet report a plan's own
    text = _annex_text(html_report(attrs.evolve(plan, figures=())))
    # Huyện Nam: "giảm 3,0–3,5%" (its own target); the province: 1,4–1,6
    assert re.search(r"Huyện Nam 500–560 3,00?–3,50?", text)
    assert re.search(r"1\.680–1\.920 1,40?–1,60?", text)


def test_near_poor_households_are_shown_where_units_have_them() -> None:
    plan = bac_kan_2024()
    assert "cận nghèo" not in _annex_text(html_report(plan))
    units = [attrs.evolve(u, near_poor_households=10 + i) for i, u in enumerate(plan.units)]
    text = _annex_text(html_report(attrs.evolve(plan, units=units)))
    assert "Số hộ cận nghèo đầu năm 2024" in text
    assert "Phường Sông Cầu 2.347 27 10 1,15" in text
    assert "Tổng số 12.281 241 108 1,96" in text  # 10 + 11 + … + 17


RANGED = """\
kind: plan
header: {issuer: UBND huyện Thử, date: 2024-03, title: Kế hoạch giảm nghèo năm 2024}
area: {name: Huyện Thử, kind: district}
period: {start: 2024}
standard: decree-07-2021
units:
- {id: xa-a, name: Xã A, kind: commune, households: 1000, poor_households: 100}
targets:
- {measure: reduction, value: {low: 10, high: 20}, about: xa-a}
annex:
  title: MỤC TIÊU
  rows:
  - {label: Xã A, unit: xa-a, number: 1, households: 1000, poor_households: 100,
     start_rate: 10.00, reduction: {low: 10, high: 20}, rate_reduction: {low: 1.00, high: 2.00},
     end_rate: END}
"""


def test_a_printed_annex_of_ranges_is_shown_as_printed() -> None:
    # 100 poor of 1.000 less 10–20: 8,00–9,00% at the end, a fall of 1,00–2,00 points
    text = _annex_text(
        html_report(read_plan_text(RANGED.replace("END", "{low: 8.00, high: 9.00}")))
    )
    assert "Xã A 1.000 100 10,00 10–20 1,00–2,00 8,00–9,00" in text
    wrong = read_plan_text(RANGED.replace("END", "{low: 8.00, high: 9.10}"))
    assert "8,00–9,10" in _annex_text(html_report(wrong))
