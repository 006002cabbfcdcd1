"""The report says which unverified facts of the library's data a document's checks rely on,
and names the standard as it applies to the document's year."""

from __future__ import annotations

import attrs

from mdpoverty.cli import template_text
from mdpoverty.io.files import read_plan_text
from mdpoverty.model.document import Document
from mdpoverty.model.header import Header
from mdpoverty.model.programme import ProjectComponent
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.reference.reliance import FactKind, unverified_facts
from mdpoverty.report import html_report
from mdpoverty.report.labels import label
from mdpoverty.report.sections import sections_for
from mdpoverty.values.dates import PartialDate, Period

from ._page import Page


def _plan_2027() -> Document:
    plan = read_plan_text(template_text("plan", "province"))
    components = [
        ProjectComponent(
            code="HP1",
            name="Xây dựng nông thôn mới gắn với giảm nghèo bền vững",
            children=[ProjectComponent(code="HP1.ND1", name="Nội dung 1")],
        )
    ]
    return attrs.evolve(
        plan, programme="resolution-257-2025", components=components, responsibilities=()
    )


def test_a_2027_plan_relies_on_decree_351_and_the_unverified_programme() -> None:
    facts = {(f.kind, f.key) for f in unverified_facts(_plan_2027())}
    assert {
        (FactKind.STANDARD, "decree-351-2025"),
        (FactKind.CATALOG, "resolution-257-2025"),
        (FactKind.CATALOG_ENTRY, "HP1"),
    } <= facts


def test_the_bac_kan_plan_relies_on_no_unverified_fact() -> None:
    # Decree 07/2021 in 2024 and Decision 90/QĐ-TTg's entries that it names are verified.
    assert () == unverified_facts(bac_kan_2024())
    assert "unverified" not in [s.key for s in sections_for(bac_kan_2024())]


def test_the_report_lists_the_unverified_facts() -> None:
    plan = _plan_2027()
    assert ["unverified", "findings"] == [s.key for s in sections_for(plan)][-2:]
    page = Page(html_report(plan, "en"))
    assert label("unverified_note", "en") in page.chrome
    table = next(e for e in page.elements if e.attributes.get("class") == "unverified")
    text = " ".join(table.all_text().split())
    assert "resolution-257-2025" in text
    assert "HP1" in text


def test_the_report_names_the_standard_for_the_year_served() -> None:
    review = read_plan_text(template_text("review", "province"))
    header: Header = attrs.evolve(review.header, date=PartialDate(2027, 1, 12))
    review_2026 = attrs.evolve(review, period=Period(2026), header=header)
    page = Page(html_report(review_2026, "vi"))
    text = " ".join(e.all_text() for e in page.elements if e.tag in {"dd", "td"})
    assert "Chuẩn nghèo đa chiều quốc gia giai đoạn 2026 - 2030" in text
    assert "tiêu chí áp dụng từ năm 2027" in text
    assert "kết quả rà soát định kỳ cuối năm 2026 dùng cho năm 2027" in text
