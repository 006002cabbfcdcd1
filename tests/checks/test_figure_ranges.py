"""Figures printed as ranges ("1.200–1.350 hộ", "2,40–2,70%"): read, judged bound by bound,
shown and read back as printed.

The test document ``province-review-ranges-2024.yaml`` is invented and worked by hand in its
comments; each planted defect below is one change to it, its finding worked out by hand.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty import html_report
from mdpoverty.aggregate.results import results as results_of
from mdpoverty.checks import Severity, check
from mdpoverty.errors import PlanFileError, ValidationError
from mdpoverty.io.files import load_plan, read_plan_text, write_plan_text
from mdpoverty.model.document import Document
from mdpoverty.model.figures import Figure
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.tables import annex, figures_csv
from mdpoverty.tables.figure_import import import_figures
from mdpoverty.tables.figure_tables import cell_text, figure_table, figures
from mdpoverty.testing import documents, flow_reviews, ranged_documents
from mdpoverty.values.quantities import Quantity

DOCUMENT = Path(__file__).parents[1] / "data" / "province-review-ranges-2024.yaml"
POOR = HouseholdGroup.POOR


def review() -> Document:
    return load_plan(DOCUMENT)


def planted(old: str, new: str) -> Document:
    text = DOCUMENT.read_text(encoding="utf-8")
    assert text.count(old) == 1
    return read_plan_text(text.replace(old, new))


def errors(document: Document) -> set[tuple[str, str]]:
    return {(f.rule, f.location) for f in check(document) if f.severity is Severity.ERROR}


def test_the_ranged_review_reads_its_ranges_and_checks_clean() -> None:
    document = review()
    poor = document.figures[1]
    assert poor.count == Quantity(1200, 1350)
    assert poor.rate == Quantity(Decimal("2.40"), Decimal("2.70"))
    assert poor.rate_places == 2
    assert document.figures[2].count == 900  # an exact value stays a plain number
    assert errors(document) == set()
    assert not check(document, select="figures")


def test_a_lower_bound_that_breaks_a_sum_is_found_at_the_whole_and_the_together() -> None:
    # Huyện Hai's poor 700–790 → 690–790: the districts add up to 1.190–1.350, not the
    # area's 1.200–1.350 (figures/1), and 690–790 + 500 = 1.190–1.290, not 1.200–1.290
    # (figures/11); 690 of 30.000 is 2,30%, not the printed lower bound 2,33 (figures/9);
    # urban and rural still add up to the area.
    document = planted("count: {low: 700, high: 790}", "count: {low: 690, high: 790}")
    found = check(document)
    assert {(f.rule, f.location) for f in found} == {
        ("figures.parts-sum", "figures/1/count"),
        ("figures.together", "figures/11/count"),
        ("figures.rate", "figures/9/rate"),
    }
    parts = next(f for f in found if f.rule == "figures.parts-sum")
    assert (parts.expected, parts.actual) == (Quantity(1190, 1350), Quantity(1200, 1350))


def test_an_upper_bound_that_breaks_a_sum_is_found() -> None:
    # Rural poor 900–1.020 → 900–1.030: urban and rural add up to 1.200–1.360 (figures/1),
    # and 900–1.030 + 750 = 1.650–1.780 together (figures/19).
    document = planted("count: {low: 900, high: 1020}", "count: {low: 900, high: 1030}")
    assert errors(document) == {
        ("figures.parts-sum", "figures/1/count"),
        ("figures.together", "figures/19/count"),
    }


def test_a_rate_bound_is_judged_against_its_count_bound() -> None:
    # 790 of 30.000 households is 2,633… → 2,63%, the document prints 2,64.
    document = planted("rate: {low: 2.33, high: 2.63}", "rate: {low: 2.33, high: 2.64}")
    (finding,) = check(document)
    assert (finding.rule, finding.location) == ("figures.rate", "figures/9/rate")
    assert finding.expected == Quantity(Decimal("2.33"), Decimal("2.63"))


def test_a_range_against_an_exact_value_is_not_judged() -> None:
    # The area's poor printed as the exact 1.000 against its districts' 1.200–1.350, and its
    # rate as 2,40–2,70 against that exact count: neither says where in the range the truth
    # lies, so neither sum nor rate is judged (never a false alarm).
    document = planted(
        "- {group: poor, count: {low: 1200, high: 1350}",
        "- {group: poor, count: 1000",
    )
    assert not {r for r, _ in errors(document)} & {"figures.parts-sum", "figures.rate"}
    # ... but the together (1.000 + 900 = 1.900 against 2.100–2.250) is not judged either.
    assert ("figures.together", "figures/3/count") not in errors(document)


def test_ranges_are_checked_when_made() -> None:
    with pytest.raises(ValidationError, match="count"):
        Figure(group=POOR, count=Quantity(Decimal(1), Decimal(2)))
    with pytest.raises(ValidationError, match="rate"):
        Figure(group=POOR, rate=Quantity(Decimal(99), Decimal(101)))
    with pytest.raises(ValidationError, match="rate"):
        Figure(group=POOR, rate=Quantity(1, 2))
    with pytest.raises(ValidationError, match="ethnic_minority"):
        Figure(group=POOR, count=Quantity(10, 20), ethnic_minority=21)
    # The sub-count may reach the range's upper bound; a range of one value is its number.
    assert Figure(group=POOR, count=Quantity(10, 20), ethnic_minority=20).ethnic_minority == 20
    assert Figure(group=POOR, count=Quantity(7)).count == 7


def test_a_range_in_a_plan_file_that_is_not_one_is_a_clear_error() -> None:
    text = DOCUMENT.read_text(encoding="utf-8")
    bad = text.replace("count: {low: 700, high: 790}", "count: {low: 790, high: 700}")
    with pytest.raises(ValueError, match="figures/9/count"):
        read_plan_text(bad)


def test_the_ranged_review_saves_and_loads_unchanged() -> None:
    document = review()
    assert read_plan_text(write_plan_text(document, "json"), "json") == document
    assert read_plan_text(write_plan_text(document)) == document


def test_the_figure_table_shows_the_ranges_as_printed() -> None:
    table = figure_table(review(), labels="fields")
    assert table.loc["total", "poor.count.end"] == Quantity(1200, 1350)
    assert cell_text(table.loc["total", "poor.count.end"], "vi") == "1.200–1.350"
    assert cell_text(table.loc["total", "poor.rate.end"], "vi") == "2,40–2,70"
    assert cell_text(table.loc["total", "poor.count.end"], "en") == "1,200–1,350"
    tidy = figures(review())
    assert tidy.loc[1, "count"] == Quantity(1200, 1350)
    assert tidy.loc[2, "count"] == 900


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_figure_table_reads_back_its_ranges(lang: str) -> None:
    document = review()
    text = figures_csv(annex(document, lang))  # type: ignore[arg-type]
    assert "huyen-hai,Huyện Hai,30000,700–790,2.33–2.63," in text
    assert read_back(document, text) == document


def read_back(document: Document, text: str) -> Document:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "figures.csv")
        path.write_text(text, encoding="utf-8")
        return import_figures(document, path)


def test_a_range_cell_read_back_in_either_notation() -> None:
    document = review()
    text = figures_csv(annex(document)).replace("700–790", "700 — 790")
    assert read_back(document, text) == document


@given(documents(), st.data())
def test_a_figure_widened_around_its_value_makes_no_new_error(
    document: Document, data: st.DataObject
) -> None:
    widened = data.draw(ranged_documents(st.just(document), at_most=1))
    assert errors(widened) <= errors(document)


@given(ranged_documents(documents()), st.sampled_from(("vi", "en")))
def test_every_ranged_figure_table_reads_back(document: Document, lang: str) -> None:
    figures_only = attrs.evolve(document, targets=())  # no annex of targets: its figure table
    table = annex(figures_only, lang)  # type: ignore[arg-type]
    assert table.attrs["table"] == "figures"
    assert read_back(figures_only, figures_csv(table)) == figures_only


@given(flow_reviews(), st.data())
def test_a_flow_widened_around_its_value_makes_no_new_error(
    document: Document, data: st.DataObject
) -> None:
    # flows.identity and flows.change read only exact counts: a range is not judged.
    widened = data.draw(ranged_documents(st.just(document), at_most=1))
    assert errors(widened) <= errors(document)


@pytest.mark.parametrize("name", ["report-2024.yaml", "report-changes-2024.yaml"])
def test_a_result_printed_as_a_range_is_not_judged(name: str) -> None:
    # Every figure of a report widened by one household either way (and its rate by one unit
    # of its last place): no result is one value any more, so results.target-met says nothing.
    document = load_plan(DOCUMENT.parent / name)
    ranged = attrs.evolve(document, figures=[widen(f) for f in document.figures])
    assert not [f for f in check(ranged) if f.rule == "results.target-met"]
    assert results_of(ranged)["achieved"].isna().all()
    assert results_of(document)["achieved"].notna().any()  # the exact report achieves some


def widen(figure: Figure) -> Figure:
    count = figure.count
    if isinstance(count, int):
        count = Quantity(max(0, count - 1), count + 1)
    rate = figure.rate
    if isinstance(rate, Decimal):
        step = Decimal(1).scaleb(-(figure.rate_places or 0))
        rate = Quantity(max(Decimal(0), rate - step), min(Decimal(100), rate + step))
    return attrs.evolve(figure, count=count, rate=rate)


def test_the_report_of_a_ranged_review_shows_its_ranges() -> None:
    page = html_report(review())
    assert "1.200–1.350" in page
    assert "2,40–2,70" in page


def test_a_range_cell_out_of_order_is_a_clear_error_at_its_cell() -> None:
    document = review()
    text = figures_csv(annex(document)).replace("700–790", "790–700")
    with pytest.raises(PlanFileError) as error:
        read_back(document, text)
    (problem,) = error.value.problems
    assert (problem.cell, problem.value) == ("D3", "790–700")
