"""The HTML report: one offline page with the annex, the charts, the funding and the findings."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest

from mdpoverty import check
from mdpoverty.i18n import localize
from mdpoverty.model.document import Plan
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.report import anchor, html_report
from mdpoverty.report.labels import label
from mdpoverty.values.numbers import format_vi

from ._page import Page

# The Bắc Kạn plan's findings (from its published text): two errors, a warning, a note.
FINDINGS = {
    ("funding.sources-sum", "components/DA3.TDA1/funding"),
    ("dates.annex", "annex/date"),
    ("dates.basis-year", "legal_bases/0/date"),
    ("agencies.spelling", "agencies/culture-information"),
}


@pytest.fixture(scope="module")
def plan() -> Plan:
    return bac_kan_2024()


@pytest.fixture(scope="module")
def page_vi(plan: Plan) -> Page:
    return Page(html_report(plan, "vi"))


@pytest.fixture(scope="module")
def page_en(plan: Plan) -> Page:
    return Page(html_report(plan, "en"))


def _cell_text(page: Page, location: str) -> str:
    return " ".join(page.ids[anchor(location)].all_text().split())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_references_no_external_resource(plan: Plan, lang: str) -> None:
    html = html_report(plan, lang)  # type: ignore[arg-type]
    page = Page(html)
    assert [] == [e.tag for e in page.elements if e.tag in {"script", "link", "img", "iframe"}]
    assert [] == [e.attributes["src"] for e in page.elements if "src" in e.attributes]
    links = [e.attributes.get("href") or e.attributes.get("xlink:href") for e in page.elements]
    assert [] == [link for link in links if link and not link.startswith("#")]
    styles = "".join(e.all_text() for e in page.elements if e.tag == "style")
    assert re.search(r"@import|url\(", styles) is None
    assert [] == [
        e.attributes for e in page.elements if e.tag == "use" and "href" not in str(e.attributes)
    ]
    assert [] == page.duplicate_ids


def test_every_internal_link_has_its_target(page_vi: Page) -> None:
    targets = {
        e.attributes.get("href") or e.attributes.get("xlink:href")
        for e in page_vi.elements
        if e.tag == "a"
    }
    assert set() == {t for t in targets if t and t[1:] not in page_vi.ids}


def test_the_page_has_every_printed_annex_cell(plan: Plan, page_vi: Page) -> None:
    # The first row of the annex as the document prints it.
    assert "Phường Sông Cầu" == _cell_text(page_vi, "units/song-cau")
    expected = {
        "households": "2.347",
        "poor_households": "27",
        "start_rate": "1,15",
        "reduction": "2",
        "rate_reduction": "0,08",
        "end_rate": "1,07",
    }
    assert expected == {f: _cell_text(page_vi, f"annex/rows/song-cau/{f}") for f in expected}
    assert "12.281" == _cell_text(page_vi, "annex/total/households")
    assert "1,86" == _cell_text(page_vi, "annex/total/end_rate")
    assert plan.annex is not None
    for row in plan.annex.rows:
        for field in expected:
            assert _cell_text(page_vi, f"annex/rows/{row.unit}/{field}") != ""


def test_a_printed_cell_that_differs_is_highlighted_with_the_derived_value(plan: Plan) -> None:
    assert plan.annex is not None
    rows = list(plan.annex.rows)
    rows[0] = attrs.evolve(rows[0], start_rate=Decimal("1.25"))
    changed = attrs.evolve(plan, annex=attrs.evolve(plan.annex, rows=rows))
    page = Page(html_report(changed, "vi"))
    cell = page.ids[anchor("annex/rows/song-cau/start_rate")]
    assert "differs" in cell.attributes["class"].split()
    assert "1,25 → 1,15" == " ".join(cell.all_text().split())
    untouched = page.ids[anchor("annex/rows/song-cau/end_rate")]
    assert "differs" not in untouched.attributes["class"].split()
    # the finding about that cell links to it
    links = [
        e.attributes["href"]
        for e in page.elements
        if e.tag == "a" and "location" in e.attributes.get("class", "")
    ]
    assert "#" + anchor("annex/rows/song-cau/start_rate") in links


def test_the_page_has_every_finding_linking_to_its_place(plan: Plan, page_vi: Page) -> None:
    findings = [e for e in page_vi.elements if "finding" in e.attributes.get("class", "").split()]
    assert len(FINDINGS) == len(findings) == len(check(plan))
    rules = {(f.rule, f.location) for f in check(plan)}
    assert FINDINGS == rules
    links = {
        e.all_text(): e.attributes["href"] for f in findings for e in f.children if e.tag == "a"
    }
    assert "#" + anchor("components/DA3.TDA1/funding") == links["components/DA3.TDA1/funding"]
    assert "#" + anchor("annex/date") == links["annex/date"]
    assert "#" + anchor("legal_bases/0") == links["legal_bases/0/date"]  # the nearest place
    assert "#" + anchor("agencies/culture-information") == links["agencies/culture-information"]
    severities = [f.attributes["class"].split()[1] for f in findings]
    assert ["error", "error", "warning", "info"] == severities


def test_the_page_has_every_component_and_its_amounts(plan: Plan, page_vi: Page) -> None:
    def cells(code: str) -> list[str]:
        row = page_vi.ids[anchor(f"components/{code}")]
        return [" ".join(td.all_text().split()) for td in row.children if td.tag == "td"]

    # code, declared, central, local, other, sum of the sources, as the plan prints them
    assert ["DA2", "2.332", "2.264", "68", "", "2.332"] == [cells("DA2")[0], *cells("DA2")[2:]]
    assert ["1.021 ≠ 949", "919", "30"] == cells("DA3.TDA1")[2:5]
    for component in plan.all_components():
        row = cells(component.code)
        assert component.code == row[0]
        if component.funding is not None:
            stated = [v for v in component.funding.sources.values() if v is not None]
            assert [format_vi(v) for v in stated] == [c for c in row[3:6] if c]
    declared = page_vi.ids[anchor("components/DA3.TDA1/funding")]
    assert "differs" in declared.attributes["class"].split()


def test_the_page_has_the_three_charts_as_inline_svg(page_vi: Page) -> None:
    for name in ("rates", "funding", "deficits"):
        figure = page_vi.ids[f"chart-{name}"]
        assert ["svg"] == [c.tag for c in figure.children if c.tag != "#text"]


def test_numbers_follow_the_language(page_en: Page) -> None:
    assert "2,347" == _cell_text(page_en, "annex/rows/song-cau/households")
    assert "1.15" == _cell_text(page_en, "annex/rows/song-cau/start_rate")
    assert "1,021 ≠ 949" == " ".join(
        page_en.ids[anchor("components/DA3.TDA1/funding")].all_text().split()
    )


def test_the_units_of_2025_are_shown_old_to_new(page_vi: Page) -> None:
    table = next(e for e in page_vi.elements if "carry-over" in e.attributes.get("class", ""))
    text = " ".join(table.all_text().split())
    assert "Phường Sông Cầu (01837)" in text
    assert "→ Phường Bắc Kạn (01843)" in text


def _vietnamese_letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha() and ord(c) > 127)


def test_english_chrome_has_no_vietnamese_left(plan: Plan, page_en: Page) -> None:
    # the findings' messages are the checks' to say in English (test_languages says more)
    messages = {localize(f.message, "en") for f in check(plan)}
    assert [] == [t for t in page_en.chrome if _vietnamese_letters(t) and t not in messages]


def test_a_plan_without_a_printed_annex_shows_the_derived_one(plan: Plan) -> None:
    page = Page(html_report(attrs.evolve(plan, annex=None), "en"))
    assert "1.15" == _cell_text(page, "annex/rows/song-cau/start_rate")
    total = page.ids[anchor("annex/total")]
    assert "Total" in " ".join(total.all_text().split())
    table = next(e for e in page.elements if e.attributes.get("class") == "annex")
    assert "differs" not in str(table)
    assert label("no_printed_annex", "en") in page.chrome
