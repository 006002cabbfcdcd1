"""The cells of a funding split: made once per split, shared by the checks and the tables."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from mdpoverty import check
from mdpoverty.aggregate import (
    funding_by_agency,
    funding_by_capital,
    funding_by_component,
    funding_by_source,
    funding_by_unit,
    funding_by_year,
    rollup,
)
from mdpoverty.aggregate._sums import FundingSum, Part
from mdpoverty.model._derived import forget
from mdpoverty.model.funding import (
    AXES,
    Allocation,
    CapitalKind,
    Cells,
    FundingKey,
    FundingSplit,
)
from mdpoverty.reference.datasets import bac_kan_2024

SOURCE, CAPITAL, YEAR, UNIT = range(len(AXES))


def test_every_split_s_cells_are_made_once_for_the_checks_and_every_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan = attrs.evolve(bac_kan_2024())
    made: list[int] = []
    of = Cells.of.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Cells], split: FundingSplit) -> Cells:
        made.append(id(split))
        result: Cells = of(cls, split)
        return result

    monkeypatch.setattr(Cells, "of", classmethod(counted))
    forget()
    check(plan)
    for table in (
        funding_by_source,
        funding_by_component,
        funding_by_capital,
        funding_by_year,
        funding_by_unit,
        funding_by_agency,
    ):
        table(plan)
    combined = rollup([plan])
    combined.funding_by_source()
    combined.funding_by_plan()
    splits = [plan.funding_total, *(c.funding for c in plan.all_components())]
    assert sorted(id(s) for s in splits if s is not None) == sorted(made)


def test_the_axes_a_split_names_are_those_some_cell_names() -> None:
    assert (False,) * 4 == Cells.of(FundingSplit(total=Decimal(5))).named
    old_form = FundingSplit(total=Decimal(5), central=Decimal(5))
    assert (True, False, False, False) == Cells.of(old_form).named
    by_year = FundingSplit(
        total=Decimal(5),
        allocations=[Allocation(year=2027, unit="xa-a", amount=Decimal(5))],
    )
    assert (False, False, True, True) == Cells.of(by_year).named


def test_an_axis_no_cell_names_has_no_parts_and_a_split_of_one_kind_is_that_kind() -> None:
    split = FundingSplit(
        total=Decimal(9), central=Decimal(5), local=Decimal(4), capital=CapitalKind.RECURRENT
    )
    cells = Cells.of(split)
    assert {} == dict(cells.parts(FundingKey(), YEAR))
    assert {CapitalKind.RECURRENT: Decimal(9)} == dict(cells.parts(FundingKey(), CAPITAL))
    assert {"central": Decimal(5), "local": Decimal(4)} == dict(cells.parts(FundingKey(), SOURCE))


def test_the_parts_of_a_cell_are_found_once_and_are_the_stated_or_summed_parts() -> None:
    split = FundingSplit(
        total=Decimal(100),
        allocations=[
            Allocation(source="central", amount=Decimal(60)),
            Allocation(source="local", year=2026, amount=Decimal(15)),
            Allocation(source="local", year=2027, amount=Decimal(25)),
        ],
    )
    cells = Cells.of(split)
    parts = cells.parts(FundingKey(), SOURCE)
    assert {"central": Decimal(60), "local": Decimal(40)} == dict(parts)
    assert parts is cells.parts(FundingKey(), SOURCE)
    assert {2026: Decimal(15), 2027: Decimal(25)} == dict(cells.parts(FundingKey(), YEAR))


def test_a_sum_adds_its_parts_in_order_as_one_by_one() -> None:
    amounts = [Decimal("1.50"), None, Decimal(2), Decimal("0.125")]
    total = FundingSum()
    for i, amount in enumerate(amounts):
        sources = {} if amount is None else {"central": amount, "world-bank": Decimal(i)}
        total.add(Part(amount, sources, amount))
    expected = Decimal(0)
    for amount in amounts:
        if amount is not None:
            expected += amount
    assert (str(expected), 4, 3) == (str(total.amount), total.n, total.n_declared)
    assert str(expected) == str(total.by_source["central"])
    assert {"central": 3, "world-bank": 3, "any": 3} == {
        k: v for k, v in total.n_source.items() if v
    }
    assert Decimal(0 + 2 + 3) == total.by_source["world-bank"] == total.other
