"""Flows over the year, printed changes, excerpts and headers of what the source gives.

The documents in ``tests/data`` are invented and worked out by hand in their comments; each
test plants one change in a loaded copy and expects exactly the findings it implies, at their
place (the untouched documents are clean: ``test_figures.test_each_document_is_clean_as_written``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from mdpoverty import Flow, results
from mdpoverty.checks import check, resolve
from mdpoverty.errors import PlanFileError, ValidationError
from mdpoverty.io.files import load_plan, read_plan_text, write_plan_text
from mdpoverty.model.document import Document, ImplementationReport, Review
from mdpoverty.model.figures import Figure, TimePoint
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.values.quantities import Quantity

DATA = Path(__file__).parent.parent / "data"
REVIEW, EXCERPT, REPORT = (
    "province-review-flows-2024.yaml",
    "national-excerpt-2024.yaml",
    "report-changes-2024.yaml",
)


def load(name: str) -> Document:
    return load_plan(DATA / name)


def with_figure(document: Document, i: int, **changes: object) -> Document:
    figures = list(document.figures)
    figures[i] = attrs.evolve(figures[i], **changes)  # type: ignore[arg-type]
    return attrs.evolve(document, figures=figures)


def findings(document: Document) -> list[tuple[str, str, object, object]]:
    return [(f.rule, f.location, f.expected, f.actual) for f in check(document)]


# -- a provincial review with flows, by district and urban/rural ------------------------------


def test_the_review_prints_its_flows_as_figures() -> None:
    review = load(REVIEW)
    assert isinstance(review, Review)
    # figure 3: the province's poor who escaped; 45: Huyện Bắc's poor at the end
    assert (Flow.ESCAPED, 1100, 650) == (
        resolve(review, "figures/3/flow"),
        resolve(review, "figures/3/count"),
        resolve(review, "figures/3/ethnic_minority"),
    )
    assert (TimePoint.END, 1200, 732) == (
        resolve(review, "figures/45/time"),
        resolve(review, "figures/45/count"),
        resolve(review, "figures/45/ethnic_minority"),
    )
    assert read_plan_text(write_plan_text(review)) == review


def test_an_ethnic_minority_sub_count_that_breaks_the_identity_is_found_once() -> None:
    broken = with_figure(load(REVIEW), 45, ethnic_minority=737)  # 900 − 230 + 12 + 50 = 732
    assert [("flows.identity", "figures/45/ethnic_minority", 732, 737)] == findings(broken)


def test_a_flow_of_a_district_is_found_in_its_identity_and_in_the_province() -> None:
    broken = with_figure(load(REVIEW), 48, count=35)  # Huyện Bắc's near-poor fell back: 30
    assert [
        ("figures.parts-sum", "figures/9/count", 85, 80),  # the districts' fell-back: 35 + 50
        ("flows.identity", "figures/51/count", 1735, 1730),  # 1.800 − 500 + 35 + 150 + 250
    ] == findings(broken)


def test_an_urban_flow_is_found_in_its_section_and_in_the_province() -> None:
    broken = with_figure(load(REVIEW), 16, count=210)  # urban poor escaped: 200
    assert [
        ("figures.parts-sum", "figures/3/count", 1110, 1100),  # 210 + 900
        ("flows.identity", "figures/19/count", 430, 440),  # 600 − 210 + 10 + 30
    ] == findings(broken)


def test_a_printed_fall_is_the_difference_of_the_two_ends() -> None:
    review = load(REVIEW)
    assert [("flows.change", "figures/65/count", 850, 860)] == findings(
        with_figure(review, 65, count=860)
    )
    # 7,80 − 5,98 = 1,82 points: the difference of the printed rates
    assert [("flows.change", "figures/65/rate", Decimal("1.82"), Decimal("1.83"))] == findings(
        with_figure(review, 65, rate=Decimal("1.83"))
    )
    # printed with one decimal, 1,82 is 1,8
    assert [] == findings(with_figure(review, 65, rate=Decimal("1.8")))


def test_a_rise_printed_where_the_group_fell_is_found() -> None:
    broken = with_figure(load(REVIEW), 65, flow=Flow.RISE)
    assert [
        ("flows.change", "figures/65/count", -850, 850),
        ("flows.change", "figures/65/rate", Decimal("-1.82"), Decimal("1.82")),
    ] == findings(broken)


def test_every_flow_moved_by_one_is_found_at_its_subjects_end() -> None:
    review = load(REVIEW)
    ends = {
        (f.about, f.group): i
        for i, f in enumerate(review.figures)
        if f.flow is None and f.time is TimePoint.END
    }
    for i, figure in enumerate(review.figures):
        if figure.flow is None or figure.flow is Flow.FALL:
            continue
        assert figure.exact_count is not None
        found = [
            f
            for f in findings(with_figure(review, i, count=figure.exact_count + 1))
            if f[0] == "flows.identity"
        ]
        end = ends[(figure.about, figure.group)]
        assert [f"figures/{end}/count"] == [f[1] for f in found], (i, found)


def with_together(document: Document, *figures: Figure) -> Document:
    return attrs.evolve(document, figures=[*document.figures, *figures])


def test_the_together_flows_are_not_judged_as_sums_of_the_poor_and_near_poor_flows() -> None:
    # The province's poor and near-poor who left the two groups together: 1.100 poor escaped,
    # of whom 670 became near-poor (still in the union), and 1.150 near-poor escaped:
    # 1.100 − 670 + 1.150 = 1.580, not 1.100 + 1.150.  No sum of the two is asserted for a
    # flow (the form does not define one), so nothing is found.
    escaped = Figure(group=HouseholdGroup.POOR_AND_NEAR_POOR, flow=Flow.ESCAPED, count=1580)
    assert [] == findings(with_together(load(REVIEW), escaped))


def test_the_together_fall_is_the_sum_of_the_two_falls() -> None:
    # The poor fell by 3.900 − 3.050 = 850 and the near-poor by 4.400 − 4.350 = 50: 900.
    right = Figure(group=HouseholdGroup.POOR_AND_NEAR_POOR, flow=Flow.FALL, count=900)
    near = Figure(group=HouseholdGroup.NEAR_POOR, flow=Flow.FALL, count=50)
    assert [] == findings(with_together(load(REVIEW), near, right))
    wrong = with_together(load(REVIEW), near, attrs.evolve(right, count=905))
    assert [("figures.together", "figures/67/count", 900, 905)] == findings(wrong)


def test_a_change_in_points_is_not_judged_as_a_share_of_the_change_of_all_households() -> None:
    # The province's households rose by 51.000 − 50.000 = 1.000.  Beside it, a rise of 50
    # near-poor households by 0,27 points: 50 ÷ 1.000 is no rate of anything (5%), the points
    # of a change are no share of the change of all households.  (flows.change judges it.)
    rise = Figure(group=HouseholdGroup.ALL, flow=Flow.RISE, count=1000)
    near = Figure(group=HouseholdGroup.NEAR_POOR, flow=Flow.RISE, count=50, rate=Decimal("0.27"))
    found = findings(with_together(load(REVIEW), rise, near))
    assert [] == [f for f in found if f[0] == "figures.rate"]


def test_a_flow_from_poor_is_a_near_poor_flow() -> None:
    with pytest.raises(ValidationError, match="near-poor"):
        with_figure(load(REVIEW), 11, group=load(REVIEW).figures[3].group)


def test_a_sub_count_larger_than_its_count_is_refused() -> None:
    with pytest.raises(ValidationError, match="ethnic_minority"):
        with_figure(load(REVIEW), 3, ethnic_minority=1101)


# -- an excerpt of a national table ------------------------------------------------------------


def test_an_excerpt_loads_without_issuer_title_or_day_and_names_its_source() -> None:
    excerpt = load(EXCERPT)
    assert excerpt.excerpt
    head = excerpt.header
    assert (None, None, "2025") == (head.issuer, head.title, str(head.date))
    assert head.source.startswith("Trích phụ lục")
    assert not head.complete
    assert () == resolve(excerpt, "groups/huyen-ngheo/members")
    assert read_plan_text(write_plan_text(excerpt)) == excerpt


def test_an_excerpt_is_not_summed_but_its_rates_are_judged() -> None:
    excerpt = load(EXCERPT)
    # read as a whole table, the two provinces would have to make the country
    assert [
        ("figures.parts-sum", "figures/0/count", 80000, 27000000),
        ("figures.parts-sum", "figures/1/count", 3334, 420000),
    ] == findings(attrs.evolve(excerpt, excerpt=False))
    # 1.234 of 50.000 is 2,47%
    assert [("figures.rate", "figures/3/rate", Decimal("2.47"), Decimal("2.48"))] == findings(
        with_figure(excerpt, 3, rate=Decimal("2.48"))
    )


def test_a_header_without_issuer_must_name_its_source() -> None:
    text = (DATA / EXCERPT).read_text("utf-8")
    without = "\n".join(line for line in text.splitlines() if "source:" not in line)
    with pytest.raises(PlanFileError, match="header/source") as error:
        read_plan_text(without)
    assert "issuer, title are not given" in str(error.value)


# -- a report printing its results as changes --------------------------------------------------


def test_a_report_reads_its_results_from_the_printed_falls() -> None:
    report = load(REPORT)
    assert isinstance(report, ImplementationReport)
    table = results(report)
    assert [300, Decimal("3.09"), 120, 180] == table["achieved"].tolist()
    assert [True] * 4 == table["met"].tolist()


def test_a_commune_fall_short_of_its_target_is_found() -> None:
    broken = with_figure(load(REPORT), 5, count=110)  # Xã Đông: 120
    assert [
        ("figures.parts-sum", "figures/4/count", 290, 300),
        ("results.target-met", "targets/2", Quantity(120), 110),
    ] == findings(broken)


def test_a_fall_in_points_that_disagrees_with_the_rates_is_found() -> None:
    broken = with_figure(load(REPORT), 4, rate=Decimal("2.90"))  # 12,00 − 8,91 = 3,09
    assert [
        ("flows.change", "figures/4/rate", Decimal("3.09"), Decimal("2.90")),
        ("results.target-met", "targets/1", Quantity(Decimal("3.0")), Decimal("2.90")),
    ] == findings(broken)
