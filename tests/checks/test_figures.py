"""The figure, target and result rules on invented documents of every kind and level.

Each document in ``tests/data`` is consistent as written (no error, no warning); each test
plants one defect by editing the loaded document and expects exactly the findings it implies,
at their place.  The numbers are invented and worked out by hand in the files' comments.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pandas as pd
import pytest

from mdpoverty import results
from mdpoverty.checks import check, resolve
from mdpoverty.errors import UnknownNameError, ValidationError
from mdpoverty.io.files import load_plan
from mdpoverty.model.document import Document, ImplementationReport, Plan, Review
from mdpoverty.model.targets import Target
from mdpoverty.values.quantities import Quantity

DATA = Path(__file__).parent.parent / "data"
FILES = sorted(p.name for p in DATA.glob("*.yaml"))
NEW_RULES = ("figures", "targets", "results")


def load(name: str) -> Document:
    return load_plan(DATA / name)


def with_figure(document: Document, i: int, **changes: object) -> Document:
    figures = list(document.figures)
    figures[i] = attrs.evolve(figures[i], **changes)  # type: ignore[arg-type]
    return attrs.evolve(document, figures=figures)


def with_target(document: Document, i: int, value: Quantity) -> Document:
    targets: list[Target] = list(document.targets)
    targets[i] = attrs.evolve(targets[i], value=value)
    return attrs.evolve(document, targets=targets)


def findings(document: Document) -> list[tuple[str, str, object, object]]:
    return [(f.rule, f.location, f.expected, f.actual) for f in check(document)]


def test_there_is_a_document_of_each_kind() -> None:
    kinds = {type(load(name)) for name in FILES}
    assert {Plan, Review, ImplementationReport} == kinds


@pytest.mark.parametrize("name", FILES)
def test_each_document_is_clean_as_written(name: str) -> None:
    report = check(load(name))
    assert [] == [str(f) for f in report.errors + report.warnings]
    assert [] == list(report)


@pytest.mark.parametrize("name", FILES)
def test_removing_any_figure_or_target_adds_no_finding(name: str) -> None:
    document = load(name)
    for i in range(len(document.figures)):
        fewer = attrs.evolve(document, figures=document.figures[:i] + document.figures[i + 1 :])
        assert [] == list(check(fewer))
    for i in range(len(document.targets)):
        fewer = attrs.evolve(document, targets=document.targets[:i] + document.targets[i + 1 :])
        assert [] == list(check(fewer, select=NEW_RULES))


# -- a provincial plan: ranged district targets, no district counts -----------------------------


def test_a_province_plan_judges_each_bound_on_its_own() -> None:
    plan = load("province-plan-2024.yaml")
    assert plan.units
    assert all(u.households is None for u in plan.units)
    assert Quantity(1680, 1920) == resolve(plan, "targets/0/value")
    # the lower bound of the province moves: only the lower bound is found
    assert [("targets.ranges", "targets/0/value", 1680, 1700)] == findings(
        with_target(plan, 0, Quantity(1700, 1920))
    )
    # a district's upper bound moves: the province's upper bound no longer adds up
    assert [("targets.ranges", "targets/0/value", 1930, 1920)] == findings(
        with_target(plan, 5, Quantity(460, 540))
    )
    # overlapping ranges are not enough: both bounds are reported
    assert [
        ("targets.ranges", "targets/0/value", 1680, 1600),
        ("targets.ranges", "targets/0/value", 1920, 1900),
    ] == findings(with_target(plan, 0, Quantity(1600, 1900)))


# -- a provincial review: poor, near-poor, together; urban and rural ----------------------------


def test_a_province_review_adds_up_by_district_and_by_stratum() -> None:
    review = load("province-review-2024.yaml")
    assert isinstance(review, Review)
    assert {1, 2} == {f.rate_places for f in review.figures if f.rate is not None}
    assert Decimal("8.8") == resolve(review, "figures/9/rate")


def test_a_stratum_count_that_does_not_add_up_is_found() -> None:
    review = load("province-review-2024.yaml")
    broken = with_figure(review, 5, count=1060)  # urban poor: 1.050 → 1.060, rate still 3,0
    assert [
        ("figures.together", "figures/7/count", 1760, 1750),
        ("figures.parts-sum", "figures/1/count", 6310, 6300),
    ] == findings(broken)


def test_a_printed_rate_off_by_one_digit_is_found_and_together_holds_within_rounding() -> None:
    review = load("province-review-2024.yaml")
    broken = with_figure(review, 10, rate=Decimal("4.9"))  # 2.900 of 60.000 is 4,8%
    assert [("figures.rate", "figures/10/rate", Decimal("4.8"), Decimal("4.9"))] == findings(broken)


def test_a_together_rate_beyond_the_rounding_is_found() -> None:
    review = load("province-review-2024.yaml")
    broken = with_figure(review, 3, count=None, rate=Decimal("10.60"))
    # no count printed: the together count is 6.300 + 3.600 = 9.900, 10,42% of 95.000
    assert [("figures.denominator", "figures/3/rate", Decimal("10.42"), Decimal("10.60"))] == [
        f for f in findings(broken) if f[0].startswith("figures.")
    ]


# -- a national review: provinces, their districts, the poor districts --------------------------


def test_a_national_review_adds_up_at_every_level_and_in_its_group() -> None:
    review = load("national-review-2023.yaml")
    assert "country" == review.area.kind.value
    assert ("huyen-mot-a", "huyen-hai-a") == resolve(review, "groups/huyen-ngheo/members")
    broken = with_figure(review, 15, count=1150)  # a district of Tỉnh Hai: 1.100 → 1.150
    assert [
        ("figures.rate", "figures/15/rate", Decimal("5.23"), Decimal("5.00")),
        ("figures.parts-sum", "figures/5/count", 4750, 4700),
    ] == findings(broken)


def test_a_poor_district_perturbed_is_found_in_its_group_and_its_province() -> None:
    review = load("national-review-2023.yaml")
    broken = with_figure(review, 9, count=4100, rate=Decimal("20.50"))
    assert [
        ("figures.parts-sum", "figures/3/count", 5600, 5500),
        ("figures.parts-sum", "figures/17/count", 7700, 7600),
    ] == findings(broken)


def test_a_national_rate_is_compared_at_its_printed_precision() -> None:
    review = load("national-review-2023.yaml")
    broken = with_figure(review, 1, rate=Decimal("8.97"))
    assert [("figures.rate", "figures/1/rate", Decimal("8.96"), Decimal("8.97"))] == findings(
        broken
    )
    assert [] == findings(with_figure(review, 1, rate=Decimal("9.0")))  # 8,96 at 1 decimal


# -- a multi-year plan ------------------------------------------------------------------------


def test_a_multi_year_plan_adds_up_year_by_year() -> None:
    plan = load("multi-year-plan-2021-2025.yaml")
    assert (2021, 2025) == (plan.period.start, plan.period.end)
    broken = with_target(plan, 12, Quantity(60))  # Xã Ba in 2024: 50 → 60
    assert [("targets.ranges", "targets/9/value", 140, 130)] == findings(broken)


def test_a_fall_in_points_is_the_difference_of_the_printed_rates() -> None:
    plan = load("multi-year-plan-2021-2025.yaml")
    broken = with_target(plan, 4, Quantity(Decimal("2.6")))  # 15,20 − 12,70 = 2,50
    assert [
        ("targets.rate-reduction", "targets/4/value", Decimal("2.5"), Quantity(Decimal("2.6")))
    ] == findings(broken)


# -- a report against its plan ----------------------------------------------------------------


def test_a_report_meets_its_targets() -> None:
    report = load("report-2024.yaml")
    assert isinstance(report, ImplementationReport)
    table = results(report)
    assert [65, Decimal("5.55"), Decimal("1.12"), 25, 20, 20] == table["achieved"].tolist()
    assert [True] * 6 == table["met"].tolist()
    assert [0, Decimal("0.03"), Decimal("0.03"), 0, 0, 0] == table["by"].tolist()


def test_a_report_that_falls_short_is_found_target_by_target() -> None:
    report = load("report-2024.yaml")
    short = with_figure(report, 9, count=150, rate=Decimal("5.95"))  # Xã Ba ends at 150
    short = with_figure(short, 3, count=345, rate=Decimal("5.71"))
    assert [
        ("results.target-met", "targets/0", Quantity(65), 55),
        ("results.target-met", "targets/1", Quantity(Decimal("5.58")), Decimal("5.71")),
        ("results.target-met", "targets/2", Quantity(Decimal("1.09")), Decimal("0.96")),
        ("results.target-met", "targets/5", Quantity(20), 10),
    ] == findings(short)
    assert {"info"} == {f.severity.value for f in check(short)}
    table = results(short)
    assert [False, False, False, True, True, False] == table["met"].tolist()
    assert -10 == table["by"].iloc[0]


def test_results_of_a_plan_against_a_review_it_does_not_print_are_not_judged() -> None:
    plan = load("province-plan-2024.yaml")
    review = load("province-review-2024.yaml")
    table = results(plan, review)
    assert len(plan.targets) == len(table)
    assert table["met"].isna().all()
    assert pd.isna(table["met"].iloc[0])


def test_results_of_a_plan_against_its_report_read_the_reports_figures() -> None:
    report = load("report-2024.yaml")
    plan = Plan(
        header=report.header,
        area=report.area,
        period=report.period,
        standard=report.standard,
        units=report.units,
        targets=report.targets[3:],  # the communes' targets only
    )
    table = results(plan, report)
    assert ["xa-mot", "xa-hai", "xa-ba"] == table["subject"].tolist()
    assert [25, 20, 20] == table["achieved"].tolist()
    assert [Quantity(25), Quantity(20), Quantity(20)] == table["target"].tolist()


def test_results_need_an_outcome_unless_given_a_report() -> None:
    with pytest.raises(ValidationError, match="outcome"):
        results(load("province-plan-2024.yaml"))


def test_strata_and_groups_are_locations() -> None:
    review = load("province-review-2024.yaml")
    assert "Nông thôn" == resolve(review, "strata/rural/name")
    national = load("national-review-2023.yaml")
    assert 7600 == resolve(national, "figures/17/count")
    with pytest.raises(UnknownNameError):
        resolve(national, "groups/no-such-group")


def test_a_rate_without_its_denominator_is_judged_by_the_households_it_allows() -> None:
    review = load("province-review-2024.yaml")
    without = attrs.evolve(review, figures=review.figures[1:])  # the province's households
    assert [] == findings(without)
    broken = with_figure(without, 0, rate=Decimal("6.64"))  # 6,63 as a count over 95.000
    # 6.300 at 6,64% allows 94.809…94.951 households; 3.600 at 3,79% 94.862…95.112 and
    # 9.900 at 10,42% 94.965…95.055, of which 6.300 is 6,634…6,628%: printed 6,63
    assert [
        ("figures.denominator", "figures/0/rate", Quantity(Decimal("6.63")), Decimal("6.64"))
    ] == findings(broken)
    judged = with_figure(review, 1, rate=Decimal("6.64"))  # with its denominator, it is
    assert [("figures.rate", "figures/1/rate", Decimal("6.63"), Decimal("6.64"))] == findings(
        judged
    )
