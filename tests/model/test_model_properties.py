"""Laws of the model, over generated plans (strategies in mdpoverty.testing)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from random import Random
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty import (
    AdministrativeUnit,
    AnnexRow,
    FundingSplit,
    Measure,
    Plan,
    Quantity,
    Target,
    ValidationError,
    annex_rows,
)
from mdpoverty.testing import administrative_units, funding_splits, plans
from mdpoverty.testing._oracle import printed_rate


def _counts(unit: AdministrativeUnit | AnnexRow) -> tuple[int, int]:
    """Households and poor households, which every drawn unit has."""
    assert unit.households is not None
    assert unit.poor_households is not None
    return unit.households, unit.poor_households


@given(plans())
def test_every_generated_plan_constructs_and_its_rates_recompute(plan: Plan) -> None:
    rows = annex_rows(plan)
    for unit, row in zip(plan.units, rows, strict=False):
        households, poor = _counts(unit)
        assert row.start_rate == printed_rate(poor, households)
        assert row.reduction is not None
        assert row.end_rate is not None
        assert row.end_rate.low == printed_rate(poor - int(row.reduction.low), households)


@given(plans())
def test_rates_are_ordered(plan: Plan) -> None:
    for row in annex_rows(plan):
        assert row.end_rate is not None
        assert row.rate_reduction is not None
        assert row.start_rate is not None
        assert Decimal(0) <= row.end_rate.low <= row.start_rate <= Decimal(100)
        assert row.rate_reduction.low == row.start_rate - row.end_rate.low


@given(plans())
def test_total_row_is_computed_from_summed_counts(plan: Plan) -> None:
    *rows, total = annex_rows(plan)
    counts = [_counts(r) for r in rows]
    households, poor = _counts(total)
    assert households == sum(h for h, _ in counts)
    assert poor == sum(p for _, p in counts)
    assert total.start_rate == printed_rate(poor, households)
    # The total's rate lies within the units' rates, up to the rounding of each.
    if households:
        exact = Fraction(poor * 100, households)
        exact_rates = [Fraction(p * 100, h) for h, p in counts if h]
        assert min(exact_rates) <= exact <= max(exact_rates)


@given(plans(), st.randoms())
def test_the_total_does_not_depend_on_the_order_of_units(plan: Plan, random: Random) -> None:
    units = list(plan.units)
    random.shuffle(units)
    shuffled = attrs.evolve(plan, units=units, annex=None)
    assert annex_rows(shuffled)[-1] == attrs.evolve(annex_rows(plan)[-1], label="Tổng số")


# -- every kind of invalid field raises, naming that field -----------------------------------------

_BAD_UNIT_VALUES: dict[str, st.SearchStrategy[object]] = {
    "households": st.one_of(st.integers(max_value=-1), st.floats(allow_nan=False), st.text()),
    "poor_households": st.one_of(st.integers(max_value=-1), st.booleans(), st.decimals()),
    "near_poor_households": st.one_of(st.integers(max_value=-1), st.text()),
    "id": st.text(alphabet="ABCĐ ăơ!/", min_size=1),
    "name": st.sampled_from(["", "  ", "\t"]) | st.integers(),
    "kind": st.text(),
}


@pytest.mark.parametrize("field", sorted(_BAD_UNIT_VALUES))
@given(unit=administrative_units(unit_id="u"), data=st.data())
def test_an_invalid_unit_field_is_named(
    unit: AdministrativeUnit, field: str, data: st.DataObject
) -> None:
    value = data.draw(_BAD_UNIT_VALUES[field])
    with pytest.raises(ValidationError) as error:
        attrs.evolve(unit, **{field: value})  # type: ignore[arg-type]
    assert field in [p.field for p in error.value.problems]
    assert all(p.obj.startswith("AdministrativeUnit") for p in error.value.problems)


@given(administrative_units(unit_id="u"), st.integers(1, 1000))
def test_more_poor_than_households_is_refused(unit: AdministrativeUnit, extra: int) -> None:
    with pytest.raises(ValidationError) as error:
        attrs.evolve(unit, poor_households=_counts(unit)[0] + extra, near_poor_households=None)
    assert [p.field for p in error.value.problems] == ["poor_households"]


@given(plans(), st.integers(1, 100))
def test_a_reduction_above_the_poor_households_is_refused(plan: Plan, extra: int) -> None:
    unit = plan.units[0]
    targets = [
        Target(Measure.REDUCTION, Quantity(_counts(unit)[1] + extra), about=unit.id)
        if t.about == unit.id
        else t
        for t in plan.targets
    ]
    with pytest.raises(ValidationError) as error:
        attrs.evolve(plan, targets=targets)
    assert any(p.field == "value" and unit.id in p.obj for p in error.value.problems)


@given(
    funding_splits(),
    st.sampled_from(["total", "central", "local", "other"]),
    st.one_of(st.decimals(max_value=Decimal("-0.001"), allow_nan=False), st.floats(), st.text()),
)
def test_an_invalid_amount_is_named(split: FundingSplit, field: str, value: object) -> None:
    with pytest.raises(ValidationError) as error:
        attrs.evolve(split, **{field: value})  # type: ignore[arg-type]
    assert [p.field for p in error.value.problems] == [field]


def _dangling(plan: Plan, kind: str) -> tuple[dict[str, Any], str]:
    """Changes to ``plan`` that leave one reference unresolved, and the field it is in."""
    first = plan.components[0]
    responsibility = plan.responsibilities[0]
    cases: dict[str, tuple[dict[str, Any], str]] = {
        "lead": (
            {"components": [attrs.evolve(first, lead="nobody"), *plan.components[1:]]},
            "lead",
        ),
        "unit": (
            {"targets": [*plan.targets, Target(Measure.REDUCTION, Quantity(0), about="nowhere")]},
            "about",
        ),
        "agency": (
            {"responsibilities": [attrs.evolve(responsibility, agency="ghost")]},
            "agency",
        ),
        "components": (
            {"responsibilities": [attrs.evolve(responsibility, components=["DA9"])]},
            "components",
        ),
    }
    return cases[kind]


@given(plans(), st.sampled_from(["lead", "unit", "agency", "components"]))
def test_a_dangling_reference_is_named(plan: Plan, kind: str) -> None:
    changes, field = _dangling(plan, kind)
    with pytest.raises(ValidationError) as error:
        attrs.evolve(plan, **changes)
    assert field in [p.field for p in error.value.problems]
