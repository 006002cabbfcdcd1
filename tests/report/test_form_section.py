"""The report of a review that prints flows of the year shows the review form as printed."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdpoverty import html_report, load_plan
from mdpoverty.cli import main
from mdpoverty.io.files import read_plan_text
from mdpoverty.model.document import Document
from mdpoverty.model.figures import TimePoint
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.testing import flow_reviews

from ._page import Page

DATA = Path(__file__).parents[1] / "data"
FLOWS = DATA / "province-review-flows-2024.yaml"

# The form's rows as the file prints them, written by hand from its figures (Vietnamese
# notation): a label, then the poor (start, escaped, fell back, new, end) and the near-poor
# (start, escaped, fell back, new, from poor, end), each as households and ethnic-minority
# households.
EXPECTED_VI = [
    ["I. Khu vực thành thị"],
    ["Thành thị", "600", "200", "200", "60", "10", "3", "30", "10", "440", "153",
     "900", "300", "300", "90", "20", "5", "60", "25", "100", "40", "780", "280"],
    ["II. Khu vực nông thôn"],
    ["Nông thôn", "3.300", "2.200", "900", "590", "50", "34", "160", "110", "2.610", "1.754",
     "3.500", "2.300", "850", "590", "60", "40", "290", "180", "570", "360", "3.570", "2.290"],
    ["III. Chung"],
    ["Huyện Bắc", "1.500", "900", "400", "230", "20", "12", "80", "50", "1.200", "732",
     "1.800", "1.000", "500", "280", "30", "15", "150", "85", "250", "140", "1.730", "960"],
    ["Huyện Nam", "2.400", "1.500", "700", "420", "40", "25", "110", "70", "1.850", "1.175",
     "2.600", "1.600", "650", "400", "50", "30", "200", "120", "420", "260", "2.620", "1.610"],
    ["Tổng số", "3.900", "2.400", "1.100", "650", "60", "37", "190", "120", "3.050", "1.907",
     "4.400", "2.600", "1.150", "680", "80", "45", "350", "205", "670", "400", "4.350", "2.570"],
]  # fmt: skip

# Huyện Bắc's poor at the end of the year: figure 45 of the file.
BAC_POOR_END = "{group: poor, about: huyen-bac, count: 1200,"


def _section(page: str, key: str = "review_form") -> str:
    start = page.index(f'<section id="section-{key}"')
    return page[start : page.index("</section>", start)]


def _cell_text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _rows(section: str) -> list[list[str]]:
    body = section[section.index("<tbody>") :]
    return [
        [_cell_text(c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


def test_the_form_shows_the_printed_flows_of_a_review() -> None:
    page = html_report(load_plan(FLOWS))
    assert _rows(_section(page)) == EXPECTED_VI
    assert 'class="differs"' not in _section(page)  # the file's identities all hold
    # before the generic figure table, which stays as it is
    assert page.index('id="section-review_form"') < page.index('id="section-figures"')


def test_a_document_without_flows_has_no_form() -> None:
    assert 'id="section-review_form"' not in html_report(bac_kan_2024())
    review = load_plan(DATA / "province-review-2024.yaml")
    page = html_report(review)
    assert 'id="section-review_form"' not in page
    assert 'id="section-figures"' in page


def test_the_form_has_its_headers_in_english() -> None:
    page = html_report(load_plan(FLOWS), "en")
    section = _section(page)
    head = _cell_text(section[section.index("<thead>") : section.index("</thead>")])
    fields = " ".join(["Count Ethnic minority"] * 11)
    expected = (
        "Unit Poor households Near-poor households "
        "Start of the year Escaped Fell back New cases End of the year "
        f"Start of the year Escaped Fell back New cases From poor End of the year {fields}"
    )
    assert head == expected
    rows = _rows(section)
    assert rows[0] == ["I. Urban areas"]
    assert rows[-1][:3] == ["Total", "3,900", "2,400"]
    assert "The review form: flows of the year" in page


def test_the_command_writes_the_form_in_the_language_asked(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    assert main(["report", str(FLOWS), "-o", str(out), "--lang", "en"]) == 0
    section = _section(out.read_text("utf-8"))
    assert "Near-poor households" in section
    assert "Hộ cận nghèo" not in section


def test_a_cell_that_breaks_the_identity_is_highlighted_and_linked(tmp_path: Path) -> None:
    text = FLOWS.read_text("utf-8")
    assert text.count(BAC_POOR_END) == 1
    planted = tmp_path / "planted.yaml"
    planted.write_text(text.replace(BAC_POOR_END, BAC_POOR_END.replace("1200", "1210")))
    page = html_report(load_plan(planted))
    section = _section(page)
    cells = re.findall(r"<td[^>]*class=\"num differs\"[^>]*>.*?</td>", section, re.S)
    assert len(cells) == 1  # one cell, Huyện Bắc's poor at the end
    cell = cells[0]
    # 1.500 − 400 + 20 + 80 = 1.200 by hand; the copy prints 1.210
    assert 'id="at-figures/45/count"' in cell
    assert _cell_text(cell) == "1.210 → 1.200 !"
    link = re.search(r'href="#(finding-[^"]+)"', cell)
    assert link is not None
    assert link.group(1) == "finding-flows.identity/figures/45/count"
    findings = _section(page, "findings")
    item = re.search(rf'<li id="{re.escape(link.group(1))}"[^>]*>(.*?)</li>', findings, re.S)
    assert item is not None, "the cell links to a finding that is in the list"
    assert "flows.identity" in item.group(1)
    assert 'href="#at-figures/45/count"' in item.group(1)  # and the finding links back
    assert len(re.findall(r'<li id="finding-', findings)) == 1
    # the cell is the only element with its id in the page
    assert page.count('id="at-figures/45/count"') == 1


def test_blank_cells_are_blank_and_text_is_escaped() -> None:
    text = FLOWS.read_text("utf-8")
    bac_new = "{group: poor, about: huyen-bac, flow: new, count: 80, ethnic_minority: 50}"
    assert text.count(bac_new) == 1
    text = text.replace(bac_new, "{group: poor, about: huyen-bac, flow: new, count: 80}")
    text = text.replace("name: Huyện Bắc,", 'name: "Huyện <b>Bắc</b> & Co",')
    page = html_report(read_plan_text(text))
    section = _section(page)
    assert "<b>Bắc</b>" not in section
    assert "Huyện &lt;b&gt;Bắc&lt;/b&gt; &amp; Co" in section
    bac = next(r for r in _rows(section) if r[0].startswith("Huyện <b>"))
    # the ethnic-minority households of the new poor are blank, not 0; its identity is not
    # judged, so nothing is highlighted
    assert bac[7:10] == ["80", "", "1.200"]
    assert 'class="num differs"' not in section


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_form_cell_is_a_place_of_the_page(lang: str) -> None:
    page = html_report(load_plan(FLOWS), lang)  # type: ignore[arg-type]
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))  # no id twice
    # 5 rows of 22 printed cells, each at its figure
    assert len(re.findall(r'<td id="at-figures/\d+/(?:count|ethnic_minority)"', page)) == 110


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flow_reviews(), st.data())
def test_a_moved_end_count_is_highlighted_where_it_was_moved(
    review: Document, data: st.DataObject
) -> None:
    untouched = Page(html_report(review, "en"))
    assert [] == untouched.duplicate_ids
    assert not [e for e in untouched.elements if "differs" in e.attributes.get("class", "")]
    ends = [
        i
        for i, f in enumerate(review.figures)
        if f.flow is None
        and f.time is TimePoint.END
        and f.group in (HouseholdGroup.POOR, HouseholdGroup.NEAR_POOR)
        and f.count is not None
    ]
    i = data.draw(st.sampled_from(ends))
    by = data.draw(st.integers(1, 50))
    figures = list(review.figures)
    figures[i] = attrs.evolve(figures[i], count=figures[i].count + by)  # type: ignore[operator]
    page = Page(html_report(attrs.evolve(review, figures=figures), "en"))
    assert [] == page.duplicate_ids
    highlighted = [e for e in page.elements if "differs" in e.attributes.get("class", "")]
    assert [f"at-figures/{i}/count"] == [e.attributes.get("id") for e in highlighted]
    links = [c.attributes["href"] for c in highlighted[0].children if c.tag == "a"]
    assert [f"#finding-flows.identity/figures/{i}/count"] == links
    finding = page.ids[links[0][1:]]
    assert "flows.identity" in finding.all_text()
