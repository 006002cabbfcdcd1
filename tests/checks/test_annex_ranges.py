"""A printed annex that prints ranges: every rule judges each bound on its own.

Worked by hand: Xã A has 1.000 households, 100 poor (10,00%) and a target of 10–20 fewer poor;
80 to 90 poor are left (8,00–9,00%), a fall of 1,00–2,00 points.  Xã B has 500 households,
25 poor (5,00%) and a target of 5 (20 left: 4,00%, a fall of 1,00).  The total: 1.500
households, 125 poor (8,33%), 15–25 fewer (100–110 left: 6,67–7,33%, 1,00–1,66 points).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from mdpoverty.checks import check
from mdpoverty.io.files import read_plan_text
from mdpoverty.model.document import Document
from mdpoverty.values.quantities import Quantity

PLAN = """\
kind: plan
header: {issuer: UBND huyện Thử, date: 2024-03, title: Kế hoạch giảm nghèo năm 2024}
area: {name: Huyện Thử, kind: district}
period: {start: 2024}
standard: decree-07-2021
units:
- {id: xa-a, name: Xã A, kind: commune, households: 1000, poor_households: 100}
- {id: xa-b, name: Xã B, kind: commune, households: 500, poor_households: 25}
targets:
- {measure: reduction, value: {low: 10, high: 20}, about: xa-a}
- {measure: reduction, value: 5, about: xa-b}
annex:
  title: MỤC TIÊU
  rows:
  - {label: Xã A, unit: xa-a, number: 1, households: 1000, poor_households: 100,
     start_rate: 10.00, reduction: A_REDUCTION, rate_reduction: {low: 1.00, high: 2.00},
     end_rate: A_END}
  - {label: Xã B, unit: xa-b, number: 2, households: 500, poor_households: 25,
     start_rate: 5.00, reduction: 5, rate_reduction: 1.00, end_rate: 4.00}
  total: {label: Tổng số, households: 1500, poor_households: 125, start_rate: 8.33,
          reduction: {low: 15, high: TOTAL_HIGH}, rate_reduction: {low: 1.00, high: 1.66},
          end_rate: {low: 6.67, high: 7.33}}
"""


def plan(
    a_reduction: str = "{low: 10, high: 20}",
    a_end: str = "{low: 8.00, high: 9.00}",
    total_high: str = "25",
) -> Document:
    text = PLAN.replace("A_REDUCTION", a_reduction).replace("A_END", a_end)
    return read_plan_text(text.replace("TOTAL_HIGH", total_high))


def findings(document: Document) -> list[tuple[str, str, object, object]]:
    return [(f.rule, f.location, f.expected, f.actual) for f in check(document, select="annex")]


def test_a_printed_annex_of_ranges_that_holds_has_no_finding() -> None:
    document = plan()
    assert document.annex is not None
    assert Quantity(10, 20) == document.annex.rows[0].reduction
    assert [] == findings(document)


def test_an_upper_bound_of_the_end_rate_is_judged_on_its_own() -> None:
    # 90 of 1.000 is 9,00%; the fall 1,00 = 10,00 − 9,00 still agrees with the counts
    assert [
        ("annex.rate", "annex/rows/xa-a/end_rate", Decimal("9.00"), Decimal("9.10"))
    ] == findings(plan(a_end="{low: 8.00, high: 9.10}"))


def test_a_bound_of_the_reduction_is_judged_against_the_target() -> None:
    # as for a number, the rates are judged from the row's printed counts: 25 fewer leave 75
    # poor (7,50%), and the units' rows 125 − 30 = 95 of 1.500 (6,33%)
    assert [
        ("annex.counts", "annex/rows/xa-a/reduction", 20, 25),
        ("annex.rate", "annex/rows/xa-a/end_rate", Decimal("7.50"), Decimal("8.00")),
        ("annex.total", "annex/total/reduction", 30, 25),
        ("annex.total", "annex/total/end_rate", Decimal("6.33"), Decimal("6.67")),
    ] == findings(plan(a_reduction="{low: 10, high: 25}"))


@pytest.mark.parametrize(("high", "expected"), [("24", 25), ("26", 25)])
def test_the_total_row_sums_each_bound(high: str, expected: int) -> None:
    assert [("annex.total", "annex/total/reduction", expected, int(high))] == findings(
        plan(total_high=high)
    )


def test_a_range_printed_for_an_exact_target_is_found() -> None:
    assert [("annex.counts", "annex/rows/xa-a/reduction", Quantity(10, 20), 15)] != findings(
        plan(a_reduction="15")
    )  # a number inside the range is accepted
    assert [] == [f for f in findings(plan(a_reduction="15")) if f[0] == "annex.counts"]


def test_a_number_against_a_range_is_no_comparison_and_no_failure() -> None:
    # 10.000 poor of 100.000 households (10,00%) and a target of 10–11 fewer: 9.990 or 9.989
    # poor are left, both 9,99% at 2 decimals, so the counts imply one fall, 0,01.  The row
    # prints that fall against an end rate printed as a range (9,98–9,99): a number against
    # a range is no comparison, so the fall is judged by neither, and the rule does not fail.
    text = (
        PLAN.replace(
            "households: 1000, poor_households: 100}", "households: 100000, poor_households: 10000}"
        )
        .replace("value: {low: 10, high: 20}", "value: {low: 10, high: 11}")
        .replace(
            "households: 1000, poor_households: 100,", "households: 100000, poor_households: 10000,"
        )
        .replace("rate_reduction: {low: 1.00, high: 2.00},", "rate_reduction: 0.01,")
        .replace("A_REDUCTION", "{low: 10, high: 11}")
        .replace("A_END", "{low: 9.98, high: 9.99}")
        .replace("TOTAL_HIGH", "25")
    )
    found = findings(read_plan_text(text))
    assert [] == [f for f in found if f[0] == "annex.rate-reduction"]
