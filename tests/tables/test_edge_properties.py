"""Properties at the edges: units without counts, partial hierarchies, ranged targets, the
first and last years of a period.  Every expected value is the independent oracle's
(:mod:`mdpoverty.testing._oracle`), never the library's own derivation.

Each of these catches a single planted bug that the properties over consistent, complete plans
let through (``tools/mutate.py`` plants them): a total row that counts one unit fewer than the
units without counts, upper bounds summed from the lower bounds, a period without its last
year.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import given

from mdpoverty.aggregate import rollup
from mdpoverty.checks import check
from mdpoverty.model.document import Plan
from mdpoverty.model.targets import Measure, Target
from mdpoverty.tables.annex import annex_rows
from mdpoverty.testing import _oracle as oracle
from mdpoverty.testing import edge_plans, period_years
from mdpoverty.values.dates import Period
from mdpoverty.values.quantities import Quantity


def _bounds(value: Quantity | None) -> tuple[int, int] | None:
    return None if value is None else (int(value.low), int(value.high))


@given(edge_plans())
def test_the_total_row_is_the_oracles_total(plan: Plan) -> None:
    expected = oracle.total(plan)
    row = annex_rows(plan)[-1]
    assert (expected.households, expected.poor_households) == (row.households, row.poor_households)
    assert expected.reduction == _bounds(row.reduction)


@given(edge_plans())
def test_the_rollup_total_of_one_plan_is_the_oracles_total(plan: Plan) -> None:
    expected = oracle.total(plan)
    row = rollup([plan]).total
    assert (expected.households, expected.poor_households) == (row.households, row.poor_households)
    assert expected.reduction == _bounds(row.reduction)


@given(edge_plans())
def test_parts_whose_ranges_add_up_to_their_whole_have_no_ranges_finding(plan: Plan) -> None:
    # The strategy states each whole's target as the sum of its parts', bound by bound, where
    # every part has one; the oracle says which wholes that is.
    wholes = [u.id for u in plan.units if oracle.parts_bounds(plan, u.id) is not None]
    found = check(plan, select="targets.ranges")
    assert [] == [f.location for f in found]
    # and a whole moved off its parts' sum by one household, on one bound, is found there
    for whole in wholes[:1]:
        low, high = oracle.parts_bounds(plan, whole) or (0, 0)
        if high == 0:
            continue  # nothing below 0 to move to, and above it the poor households may end
        moved_bounds, expected = ((low, high - 1), high) if high > low else ((low - 1, high), low)
        i = next(n for n, t in enumerate(plan.targets) if t.about == whole)
        moved = attrs.evolve(plan.targets[i], value=Quantity(*moved_bounds))
        targets = [*plan.targets[:i], moved, *plan.targets[i + 1 :]]
        perturbed = check(attrs.evolve(plan, targets=targets), select="targets.ranges")
        assert [f"targets/{i}/value"] == [f.location for f in perturbed]
        assert [expected] == [f.expected for f in perturbed]


@given(period_years())
def test_a_period_covers_exactly_its_years_from_first_to_last(drawn: tuple[Period, int]) -> None:
    period, year = drawn
    assert oracle.covers(period.start, period.end, year) == (year in period)


@given(period_years(), edge_plans(max_units=3))
def test_a_target_in_any_year_of_its_plans_period_is_accepted(
    drawn: tuple[Period, int], plan: Plan
) -> None:
    period, year = drawn
    if not oracle.covers(period.start, period.end, year):
        year = period.end  # the last year: the edge a plan most often names
    target = Target(Measure.END_RATE, Quantity(Decimal("1.5")), year=year)
    dated = attrs.evolve(plan, period=period, targets=[*plan.targets, target])
    assert target in dated.targets
