"""Laws of funding as it is allocated, over lattices drawn by ``mdpoverty.testing``.

Every split is a lattice whose printed wholes are sums of its leaves worked out by the strategy
(plain addition); the places of the findings a raised cell causes come from the oracle
(``mdpoverty.testing._oracle.raised_cell_findings``), never from the rules' own machinery.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.aggregate import (
    funding_by_capital,
    funding_by_source,
    funding_by_unit,
    funding_by_year,
    rollup,
)
from mdpoverty.checks import check
from mdpoverty.io.files import load_plan, read_plan_text, write_plan_text
from mdpoverty.model.document import Document
from mdpoverty.model.funding import FundingKey, FundingSplit
from mdpoverty.model.programme import ProjectComponent
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.testing import _oracle as oracle
from mdpoverty.testing import allocated_splits, money
from mdpoverty.values.dates import Period

DATA = Path(__file__).parent.parent / "data"
UNITS = ("a", "b", "c")
YEARS = (2026, 2027, 2028)
PREFIX = "components/HP1/funding"


@functools.cache
def _base() -> Document:
    units = [AdministrativeUnit(u, f"Xã {u}", UnitKind.COMMUNE) for u in UNITS]
    plan = load_plan(DATA / "province-plan-2027.yaml")
    return attrs.evolve(
        plan, period=Period(YEARS[0], YEARS[-1]), units=units, funding_total=None, components=()
    )


def _plan(split: FundingSplit) -> Document:
    return attrs.evolve(_base(), components=[ProjectComponent("HP1", "Hợp phần 1", funding=split)])


def _found(plan: Document) -> set[tuple[str, str]]:
    return {(f.rule, f.location) for f in check(plan, select="funding")}


@given(allocated_splits(UNITS, YEARS))
def test_a_split_whose_every_axis_sums_has_no_finding(split: FundingSplit) -> None:
    assert _found(_plan(split)) == set()


@given(allocated_splits(UNITS, YEARS, full=True), st.data())
def test_a_raised_cell_is_reported_where_it_was_made(
    split: FundingSplit, data: st.DataObject
) -> None:
    places = oracle.funding_places(split, PREFIX)
    key = data.draw(st.sampled_from(sorted(places, key=str)))
    delta = data.draw(money(1000).map(lambda d: d + Decimal("0.001")))
    raised = _raise(split, key, delta)

    expected = oracle.raised_cell_findings(split, key, PREFIX, set(YEARS), set(UNITS))

    assert _found(_plan(raised)) == expected


@given(allocated_splits(UNITS, YEARS), st.data())
def test_a_raised_leaf_is_reported_only_at_printed_wholes_that_contain_it(
    split: FundingSplit, data: st.DataObject
) -> None:
    places = oracle.funding_places(split, PREFIX)
    finest = max(sum(v is not None for v in key) for key in places)
    leaves = sorted((k for k in places if sum(v is not None for v in k) == finest), key=str)
    leaf = data.draw(st.sampled_from(leaves))
    delta = data.draw(money(1000).map(lambda d: d + Decimal("0.001")))

    found = check(_plan(_raise(split, leaf, delta)), select="funding")

    # Found (the total at least contains it), and only where a printed whole contains the
    # leaf, each whole exceeded by its parts.
    wholes = oracle.printed_wholes(split, leaf, PREFIX)
    assert found
    assert {f.location for f in found} <= wholes
    assert all(Decimal(str(f.actual)) < Decimal(str(f.expected)) for f in found)


def _raise(split: FundingSplit, key: FundingKey, delta: Decimal) -> FundingSplit:
    if key == FundingKey():
        return attrs.evolve(split, total=(split.total or 0) + delta)
    if key == FundingKey(key.source) and key.source in ("central", "local", "other"):
        field = str(key.source)
        return attrs.evolve(split, **{field: getattr(split, field) + delta})
    allocations = [
        attrs.evolve(a, amount=a.amount + delta) if a.key == key else a for a in split.allocations
    ]
    return attrs.evolve(split, allocations=allocations)


@given(allocated_splits(UNITS, YEARS))
def test_save_then_load_is_the_identity(split: FundingSplit) -> None:
    plan = _plan(split)

    assert read_plan_text(write_plan_text(plan)) == plan


@given(allocated_splits(UNITS, YEARS), st.randoms(use_true_random=False))
def test_the_order_of_the_allocations_does_not_matter(split: FundingSplit, rng: object) -> None:
    shuffled = list(split.allocations)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    plan, other = _plan(split), _plan(attrs.evolve(split, allocations=shuffled))

    for table in (funding_by_source, funding_by_capital, funding_by_year, funding_by_unit):
        assert table(plan).equals(table(other))


@given(allocated_splits(UNITS, YEARS, full=True))
def test_every_axis_view_has_the_total_and_each_row_is_its_printed_whole(
    split: FundingSplit,
) -> None:
    plan = _plan(split)
    total: object = funding_by_source(plan).loc["total", "amount"]
    printed = {
        key: a.amount for a in split.allocations for key in [a.key] if sum(map(bool, key)) == 1
    }

    for axis, table in (
        ("capital", funding_by_capital(plan)),
        ("year", funding_by_year(plan)),
        ("unit", funding_by_unit(plan)),
    ):
        got: object = table.loc["total", "amount"]
        assert got == total
        assert total == split.total
        for key, amount in printed.items():
            value = getattr(key, axis)
            if value is not None:
                label = value.value if axis == "capital" else value
                assert table.loc[label, "amount"] == amount


OTHER_UNITS = ("d", "e", "f")


@given(allocated_splits(UNITS, YEARS), allocated_splits(OTHER_UNITS, YEARS))
def test_a_rollup_by_year_and_unit_is_the_sum_of_its_plans(
    one: FundingSplit, two: FundingSplit
) -> None:
    a = _plan(one)
    units = [AdministrativeUnit(u, f"Xã {u}", UnitKind.COMMUNE) for u in OTHER_UNITS]
    b = attrs.evolve(
        a, units=units, components=[ProjectComponent("HP1", "Hợp phần 1", funding=two)]
    )
    combined = rollup({"a": a, "b": b})

    for mine, each in (
        (combined.funding_by_year(), funding_by_year),
        (combined.funding_by_unit(), funding_by_unit),
    ):
        tables = [each(a)["amount"].to_dict(), each(b)["amount"].to_dict()]
        assert mine["amount"].to_dict() == {
            label: sum((t.get(label, Decimal(0)) for t in tables), Decimal(0))
            for label in mine.index
        }
    assert rollup([a]).funding_by_unit().equals(funding_by_unit(a))
