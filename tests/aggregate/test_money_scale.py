"""Money columns of the funding tables show one scale per column, exactly."""

from __future__ import annotations

import io
import random
from decimal import Decimal
from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from mdpoverty import testing
from mdpoverty.aggregate import funding_by_component, funding_by_source, rollup
from mdpoverty.aggregate._faces import one_scale
from mdpoverty.io.files import load_plan
from mdpoverty.model.document import Document, Plan
from mdpoverty.reference.datasets import bac_kan_2024

PLAN_2027 = Path(__file__).parent.parent / "data" / "province-plan-2027.yaml"

MONEY = ("declared", "central", "local", "policy_credit", "integrated", "mobilised", "other")


def with_half_millions() -> Document:
    """The 2027 plan with its components' central budgets 7.999,5 and 4.000,5 (not 8.000 and
    4.000): the central sum is 12.000,0, every other source stays whole."""
    text = PLAN_2027.read_text(encoding="utf-8")
    text = text.replace("\n    central: 8000\n", "\n    central: 7999.5\n")
    text = text.replace("\n    central: 4000\n", "\n    central: 4000.5\n")
    return load_plan(io.BytesIO(text.encode()), name="plan.yaml")


def texts(column: pd.Series) -> list[str]:
    return [str(v) for v in column]


def test_a_sum_with_a_decimal_puts_the_whole_column_at_its_scale() -> None:
    table = funding_by_source(with_half_millions())
    # 7999,5 + 4000,5 = 12000,0; the others are printed whole, and shown with one decimal too.
    assert [
        "12000.0",
        "3000.0",
        "1500.0",
        "300.0",
        "200.0",
        "0.0",
        "17000.0",
        "17000.0",
    ] == texts(table["amount"])
    assert Decimal("12000") == table.loc["central", "amount"]


def test_each_column_has_its_own_scale() -> None:
    table = funding_by_component(with_half_millions())
    assert ["7999.5", "4000.5", "12000.0"] == texts(table["central"])
    assert ["2500", "500", "3000"] == texts(table["local"])  # no decimal printed: none added


def test_whole_amounts_are_unchanged() -> None:
    # Bắc Kạn's plan prints whole millions (4.675 central, 134 local, 4.881 declared).
    amounts = texts(funding_by_source(bac_kan_2024())["amount"])
    assert ["4675", "134", "0", "4809", "4881"] == amounts


def test_one_scale_keeps_blanks_and_ranges() -> None:
    column = pd.Series([Decimal("284"), None, Decimal("7766.0"), Decimal("1E+3")], dtype=object)
    assert ["284.0", "None", "7766.0", "1000.0"] == texts(one_scale(column))


@given(st.lists(st.one_of(testing.money(), st.none()), max_size=12), st.randoms())
def test_one_scale_is_exact_and_shared_and_order_free(
    values: list[Decimal | None], rnd: random.Random
) -> None:
    column = pd.Series(values, dtype=object)
    scaled = one_scale(column)
    assert values == scaled.tolist()  # equal values (Decimal compares by value), None kept
    exponents = {v.as_tuple().exponent for v in scaled if v is not None}
    assert len(exponents) <= 1
    shuffled = list(values)
    rnd.shuffle(shuffled)
    again = one_scale(pd.Series(shuffled, dtype=object))
    assert exponents == {v.as_tuple().exponent for v in again if v is not None}
    if exponents:
        most = max(max(0, -int(v.as_tuple().exponent)) for v in values if v is not None)
        assert {-most} == exponents


@settings(max_examples=25, deadline=None)
@given(testing.plans(max_units=3))
def test_every_money_column_of_a_funding_table_has_one_scale(plan: Plan) -> None:
    tables = [
        funding_by_source(plan)[["amount"]],
        funding_by_component(plan),
        rollup([plan]).funding_by_plan(),
    ]
    for table in tables:
        for column in (c for c in table.columns if c in (*MONEY, "amount", "sources")):
            cells = [v for v in table[column] if isinstance(v, Decimal)]
            assert len({v.as_tuple().exponent for v in cells}) <= 1, (column, cells)
