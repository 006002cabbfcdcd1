"""The report's annex shows ranged targets and near-poor households where a document has them."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import attrs

from mdpoverty import html_report, load_plan
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
