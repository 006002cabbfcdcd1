"""The laws of aggregation, as Hypothesis properties over generated plans.

Totals equal the sum of their parts; no result depends on the order of units, components or
plans; aggregating the union of disjoint plans is the sum of aggregating each; a roll-up's
rate lies between its parts' rates and is the rate of its summed counts; a roll-up of one plan
is that plan.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, cast

import attrs
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty import Level, Plan, ProjectComponent
from mdpoverty.aggregate import (
    FUNDING_COLUMNS,
    RollupError,
    deficit_targets,
    funding_by_agency,
    funding_by_capital,
    funding_by_component,
    funding_by_source,
    rollup,
    units_by_kind,
)
from mdpoverty.testing import _oracle as oracle
from mdpoverty.testing import plan_sets, plans
from mdpoverty.values.quantities import Quantity

LEVELS = st.sampled_from([None, *Level])
MONEY = [c for c in FUNDING_COLUMNS if c not in ("share", "statements")]
SOURCE_COLUMNS = ("central", "local", "policy_credit", "integrated", "mobilised", "other")


def _parts(table: pd.DataFrame) -> pd.DataFrame:
    return table.drop(index="total")


def _at(table: pd.DataFrame, label: str, column: str) -> Any:
    """One cell, untyped (pandas-stubs type ``.loc`` cells as a union of every scalar)."""
    value: Any = table.loc[label, column]
    return value


def _shuffled(draw: Callable[[st.SearchStrategy[Any]], Any], plan: Plan) -> Plan:
    """``plan`` with its units, targets, components and their children in a drawn order."""

    def shuffle_children(c: ProjectComponent) -> ProjectComponent:
        children = draw(st.permutations([shuffle_children(k) for k in c.children]))
        return attrs.evolve(c, children=children)

    return attrs.evolve(
        plan,
        units=draw(st.permutations(plan.units)),
        targets=draw(st.permutations(plan.targets)),
        components=draw(st.permutations([shuffle_children(c) for c in plan.components])),
    )


def _sorted(table: pd.DataFrame) -> pd.DataFrame:
    return table.sort_index(key=lambda idx: idx.map(str))


# -- totals are the sums of their parts --------------------------------------------------------


@given(plans(), LEVELS)
def test_funding_totals_are_sums_of_rows(plan: Plan, level: Level | None) -> None:
    by_capital = funding_by_capital(plan)
    for table in (funding_by_component(plan, level), funding_by_agency(plan), by_capital):
        parts = _parts(table)
        for column in MONEY:
            assert table.loc["total", column] == sum(parts[column], Decimal(0))
        if table is by_capital:  # a statement split over both kinds counts once in the total
            assert _at(table, "total", "statements") <= parts["statements"].sum()
        else:
            assert table.loc["total", "statements"] == parts["statements"].sum()
        assert _at(table, "total", "sources") == sum(
            (_at(table, "total", c) for c in SOURCE_COLUMNS), Decimal(0)
        )


@given(plans(), LEVELS)
def test_every_funding_view_has_the_same_total(plan: Plan, level: Level | None) -> None:
    by_source = funding_by_source(plan)
    columns = list(FUNDING_COLUMNS)
    finest = funding_by_component(plan, None)
    expected = {c: _at(finest, "total", c) for c in columns}

    for table in (
        funding_by_component(plan, level),
        funding_by_agency(plan),
        funding_by_capital(plan),
    ):
        assert {c: _at(table, "total", c) for c in columns} == expected
    assert by_source.loc["total", "amount"] == expected["sources"]
    assert by_source.loc["declared", "amount"] == expected["declared"]
    rows = _source_rows(by_source)
    for column in SOURCE_COLUMNS:
        assert rows.get(column, Decimal(0)) == expected[column]


def _source_rows(by_source: pd.DataFrame) -> dict[str, Decimal]:
    """The by-source table's rows as the funding columns name them: a named source in
    ``other``."""
    rows: dict[str, Decimal] = {}
    for label, amount in by_source["amount"].drop(index=["total", "declared"]).items():
        column = str(label).replace("-", "_")
        column = column if column in SOURCE_COLUMNS else "other"
        rows[column] = rows.get(column, Decimal(0)) + amount
    return rows


@given(plans())
def test_source_total_is_the_sum_of_sources(plan: Plan) -> None:
    table = funding_by_source(plan)

    sources = table.index.drop(["total", "declared"])
    assert _at(table, "total", "amount") == sum(
        (_at(table, source, "amount") for source in sources), Decimal(0)
    )


@given(plans())
def test_counted_funding_is_the_sum_of_the_finest_statements(plan: Plan) -> None:
    # Stated independently of the module: a component counts when it states an amount and
    # none of its descendants do.
    def states(c: ProjectComponent) -> bool:
        return c.funding is not None and c.funding.amount is not None

    counted = [
        c
        for c in plan.all_components()
        if states(c) and not any(states(d) for d in c.walk() if d is not c)
    ]
    table = funding_by_source(plan)

    assert table.loc["central", "amount"] == sum(
        (c.funding.central or Decimal(0) for c in counted if c.funding), Decimal(0)
    )
    assert table.loc["declared", "amount"] == sum(
        (c.funding.total or Decimal(0) for c in counted if c.funding), Decimal(0)
    )


@given(plans())
def test_units_by_kind_total_is_the_sum_of_kinds_and_the_annex_total(plan: Plan) -> None:
    table = units_by_kind(plan)
    parts = _parts(table)
    # the total row the oracle printed in the plan's annex (plans() prints one)
    assert plan.annex is not None
    total = plan.annex.total
    assert total is not None

    for column in ("units", "households", "poor_households"):
        assert table.loc["total", column] == parts[column].sum()
    assert table.loc["total", "units"] == len(plan.units)
    assert table.loc["total", "households"] == total.households
    assert table.loc["total", "start_rate"] == total.start_rate
    assert table.loc["total", "end_rate"] == total.end_rate
    assert table.loc["total", "reduction"] == sum(parts["reduction"])


# -- order does not matter ---------------------------------------------------------------------


@given(st.data(), plans(), LEVELS)
def test_tables_do_not_depend_on_the_order_of_units_and_components(
    data: st.DataObject, plan: Plan, level: Level | None
) -> None:
    other = _shuffled(data.draw, plan)

    pd.testing.assert_frame_equal(funding_by_source(plan), funding_by_source(other))
    pd.testing.assert_frame_equal(
        funding_by_component(plan, level), funding_by_component(other, level)
    )
    pd.testing.assert_frame_equal(funding_by_agency(plan), funding_by_agency(other))
    pd.testing.assert_frame_equal(funding_by_capital(plan), funding_by_capital(other))
    pd.testing.assert_frame_equal(units_by_kind(plan), units_by_kind(other))


@given(st.data(), plan_sets(min_size=2))
def test_rollup_does_not_depend_on_the_order_of_plans(
    data: st.DataObject, parts: list[Plan]
) -> None:
    a = rollup(parts)
    b = rollup(data.draw(st.permutations(parts)))

    pd.testing.assert_frame_equal(a.funding_by_source(), b.funding_by_source())
    pd.testing.assert_frame_equal(a.funding_by_component(), b.funding_by_component())
    pd.testing.assert_frame_equal(a.funding_by_capital(), b.funding_by_capital())
    pd.testing.assert_frame_equal(a.by_kind(), b.by_kind())
    pd.testing.assert_frame_equal(_sorted(a.by_plan()), _sorted(b.by_plan()))
    pd.testing.assert_frame_equal(_sorted(a.units()), _sorted(b.units()))
    a_targets = a.deficit_targets()
    b_targets = b.deficit_targets().reindex(columns=a_targets.columns)  # b's plan columns
    pd.testing.assert_frame_equal(_sorted(a_targets), _sorted(b_targets))
    assert a.total == b.total


# -- additivity --------------------------------------------------------------------------------


def _added(x: pd.DataFrame, y: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The row-wise sum of two tables over ``columns``; a row missing in one counts as zero."""
    index = x.index.union(y.index, sort=False)
    zero = {
        c: 0 if c in ("statements", "units", "households", "poor_households") else Decimal(0)
        for c in columns
    }
    x2 = x[columns].reindex(index).astype(object).apply(lambda s: s.fillna(zero[s.name]))
    y2 = y[columns].reindex(index).astype(object).apply(lambda s: s.fillna(zero[s.name]))
    return cast(pd.DataFrame, x2 + y2)


@given(plan_sets(min_size=2, max_size=2), LEVELS)
def test_funding_of_the_union_is_the_sum_of_each(parts: list[Plan], level: Level | None) -> None:
    a, b = parts
    combined = rollup(parts)
    columns = [*MONEY, "statements"]

    for whole, x, y in (
        (
            combined.funding_by_component(level),
            funding_by_component(a, level),
            funding_by_component(b, level),
        ),
        (combined.funding_by_capital(), funding_by_capital(a), funding_by_capital(b)),
    ):
        expected = _added(x, y, columns)
        for label in whole.index:
            for column in columns:
                assert whole.loc[label, column] == expected.loc[label, column]
    by_source = combined.funding_by_source()
    # a source stated by one plan only has a row in that plan's table alone
    tables = (funding_by_source(a), funding_by_source(b))
    for column in ("amount", "statements"):
        cells = [t[column].to_dict() for t in tables]
        for label in by_source.index:
            assert by_source.loc[label, column] == sum(c.get(label, 0) for c in cells)


@given(plan_sets(min_size=2, max_size=2))
def test_units_of_the_union_are_the_sum_of_each(parts: list[Plan]) -> None:
    a, b = parts
    whole = rollup(parts).by_kind()
    expected = _added(
        units_by_kind(a), units_by_kind(b), ["units", "households", "poor_households"]
    )

    for label in whole.index:
        for column in ("units", "households", "poor_households"):
            assert whole.loc[label, column] == expected.loc[label, column]


# -- roll-up rates -----------------------------------------------------------------------------


@given(plan_sets(min_size=1))
def test_rollup_rate_lies_between_the_parts_and_is_the_rate_of_the_sums(
    parts: list[Plan],
) -> None:
    combined = rollup(parts)
    rows = combined.by_plan()
    plan_rows = _parts(rows)
    households = sum(u.households or 0 for p in parts for u in p.units)  # drawn with counts
    poor = sum(u.poor_households or 0 for p in parts for u in p.units)
    reduction = sum(sum(oracle.reductions(p, p.units)) for p in parts)

    assert combined.total.start_rate == oracle.printed_rate(poor, households)
    assert rows.loc["total", "start_rate"] == oracle.printed_rate(poor, households)
    assert rows.loc["total", "end_rate"] == oracle.printed_rate(poor - reduction, households)
    for column in ("start_rate", "end_rate"):
        values = [v for v, n in zip(plan_rows[column], plan_rows["households"], strict=True) if n]
        if values:
            assert min(values) <= rows.loc["total", column] <= max(values)


# -- a roll-up of one plan is the plan ---------------------------------------------------------


@given(plans(), LEVELS)
def test_rollup_of_one_plan_is_the_plan(plan: Plan, level: Level | None) -> None:
    combined = rollup([plan])

    pd.testing.assert_frame_equal(combined.funding_by_source(), funding_by_source(plan))
    pd.testing.assert_frame_equal(
        combined.funding_by_component(level), funding_by_component(plan, level)
    )
    pd.testing.assert_frame_equal(combined.funding_by_capital(), funding_by_capital(plan))
    pd.testing.assert_frame_equal(combined.by_kind(), units_by_kind(plan))
    pd.testing.assert_frame_equal(
        cast(pd.DataFrame, combined.deficit_target_rows().loc[plan.area.name]),
        deficit_targets(plan),
    )
    # the annex the oracle printed in the plan, row by row and its total
    assert plan.annex is not None
    assert plan.annex.total is not None
    rows = [*plan.annex.rows, plan.annex.total]
    units = combined.units()
    assert list(units.index) == [*(u.id for u in plan.units), "total"]
    for row, (_, got) in zip(rows, units.iterrows(), strict=True):
        assert got["households"] == row.households
        assert got["poor_households"] == row.poor_households
        assert got["start_rate"] == row.start_rate
        assert got["reduction"] == row.reduction
        assert got["rate_reduction"] == row.rate_reduction
        assert got["end_rate"] == row.end_rate
    total = combined.total
    assert (total.households, total.poor_households) == (
        rows[-1].households,
        rows[-1].poor_households,
    )
    assert (total.start_rate, total.reduction) == (
        rows[-1].start_rate,
        _quantity(rows[-1].reduction or 0),
    )
    assert total.end_rate == _quantity(rows[-1].end_rate or Decimal(0))


def _quantity(value: int | Decimal | Quantity) -> Quantity:
    return value if isinstance(value, Quantity) else Quantity(value)


# -- what cannot be rolled up ------------------------------------------------------------------


@given(plan_sets(min_size=2, max_size=3), st.data())
def test_a_shared_unit_is_an_error_naming_both_plans(
    parts: list[Plan], data: st.DataObject
) -> None:
    i, j = data.draw(st.permutations(range(len(parts))))[:2]
    source = parts[i]
    if not source.units:
        return
    unit = data.draw(st.sampled_from(source.units))
    parts[j] = attrs.evolve(parts[j], units=[*parts[j].units, unit])

    try:
        rollup(parts)
    except RollupError as error:
        first, second = sorted((i, j))
        message = str(error)
        assert repr(parts[first].area.name) in message
        assert repr(parts[second].area.name) in message
        assert repr(unit.id) in message
    else:
        raise AssertionError("a unit shared by two plans was not reported")


@given(plan_sets(min_size=2, max_size=3), st.data())
def test_different_years_are_an_error_naming_both_plans(
    parts: list[Plan], data: st.DataObject
) -> None:
    j = data.draw(st.integers(1, len(parts) - 1))
    moved = attrs.evolve(
        parts[j].period, start=parts[j].period.start + 1, end=parts[j].period.end + 1
    )
    parts[j] = attrs.evolve(parts[j], period=moved)

    try:
        rollup(parts)
    except RollupError as error:
        message = str(error)
        assert f"Plan {parts[0].area.name!r} and plan {parts[j].area.name!r}: 'period'" in message
    else:
        raise AssertionError("plans of different years were rolled up")
