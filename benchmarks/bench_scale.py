"""Aggregation and checks at national scale: ~700 district plans, ~10,600 communes, and 10×.

The plans are generated, not drawn by Hypothesis: each district is the Bắc Kạn plan's
structure (its components, agencies, responsibilities and deficit targets) with its own
communes, counts, reduction targets, headline targets, printed annex and funding amounts,
from a seeded random generator, so every run measures the same plans.

Run with ``pytest benchmarks/ --benchmark-only``; the figures are recorded in
``benchmarks/README.md``.  Cost should grow linearly with the number of units: compare the
mean time of the ``x10`` case with ten times the ``x1`` case.
"""

from __future__ import annotations

import functools
import gc
import random
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from hierarchy import province
from pytest_benchmark.fixture import BenchmarkFixture

from mdpoverty import Level, Plan, ProjectComponent, check
from mdpoverty.aggregate import rollup
from mdpoverty.model._derived import forget
from mdpoverty.model.header import Area
from mdpoverty.model.programme import FundingSplit
from mdpoverty.model.targets import Measure, Target
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.testing import with_agreeing_results
from mdpoverty.values.quantities import Quantity

check: Callable[[Plan], object] | None

DISTRICTS = 700
"""District plans at scale ×1 (Vietnam has about 700 districts)."""

COMMUNES = 10_600
"""Communes at scale ×1, in all (Vietnam has about 10,600)."""

SCALES = (1, 10)


def _scaled(split: FundingSplit, factor: int) -> FundingSplit:
    def times(value: Decimal | None) -> Decimal | None:
        return None if value is None else value * factor

    return attrs.evolve(
        split,
        total=times(split.total),
        central=times(split.central),
        local=times(split.local),
        other=times(split.other),
    )


def _with_funding(component: ProjectComponent, rng: random.Random) -> ProjectComponent:
    funding = component.funding
    return attrs.evolve(
        component,
        funding=None if funding is None else _scaled(funding, rng.randint(1, 9)),
        children=[_with_funding(c, rng) for c in component.children],
    )


def district(template: Plan, number: int, communes: int, rng: random.Random) -> Plan:
    """District ``number`` with ``communes`` communes, its numbers drawn from ``rng``."""
    units = []
    targets = []
    for c in range(communes):
        households = rng.randint(300, 4_000)
        poor = rng.randint(0, households // 5)
        unit = AdministrativeUnit(
            id=f"d{number}-c{c}",
            name=f"Xã {c} huyện {number}",
            kind=UnitKind.TOWNSHIP if c == 0 else UnitKind.COMMUNE,
            households=households,
            poor_households=poor,
        )
        units.append(unit)
        targets.append(
            Target(
                Measure.REDUCTION, Quantity(rng.randint(0, poor)), about=unit.id, section="annex"
            )
        )
    base = attrs.evolve(
        template,
        area=Area(name=f"huyện {number}", kind=UnitKind.DISTRICT, province="tỉnh X"),
        units=units,
        targets=targets,
        components=[_with_funding(c, rng) for c in template.components],
        annex=None,
    )
    return with_agreeing_results(base, template.annex.title if template.annex else "")


@functools.cache
def national(scale: int) -> tuple[Plan, ...]:
    """``scale`` × 700 district plans with ``scale`` × ~10,600 communes in all."""
    rng = random.Random(20_240_000 + scale)  # noqa: S311  (reproducible data, not secrets)
    template = bac_kan_2024()
    districts = DISTRICTS * scale
    mean = COMMUNES / DISTRICTS
    sizes = [max(1, round(rng.uniform(mean - 8, mean + 8))) for _ in range(districts)]
    plans = tuple(district(template, n, size, rng) for n, size in enumerate(sizes))
    # The plans are long-lived inputs.  Left in the collector's generations, every collection
    # during a measured run rescans all of them, so a run's time would grow with the size of
    # the *input set* rather than with the work done on it; freezing them measures the work.
    gc.collect()
    gc.freeze()
    return plans


def aggregate(plans: tuple[Plan, ...]) -> None:
    """The roll-up of every plan and its tables: the province's view of the country."""
    combined = rollup(plans)
    combined.by_plan()
    combined.by_kind()
    combined.units()
    combined.funding_by_source()
    combined.funding_by_component()
    combined.funding_by_component(Level.PROJECT)
    combined.funding_by_capital()
    combined.funding_by_plan()
    combined.deficit_targets()


def check_all(plans: tuple[Plan, ...]) -> None:
    """The consistency checks of every plan."""
    for plan in plans:
        check(plan)


def _cold(plans: tuple[Plan, ...]) -> Callable[[], tuple[tuple[object, ...], dict[str, object]]]:
    """A round's setup: the facts derived from the plans forgotten, so that every round
    measures the derivations too (they are kept for the latest documents)."""

    def setup() -> tuple[tuple[object, ...], dict[str, object]]:
        forget()
        return (plans,), {}

    return setup


@pytest.mark.parametrize("scale", SCALES, ids=[f"x{s}" for s in SCALES])
def test_aggregate(benchmark: BenchmarkFixture, scale: int) -> None:
    plans = national(scale)
    benchmark.extra_info.update(
        plans=len(plans), units=sum(len(p.units) for p in plans), scale=scale
    )
    benchmark.pedantic(aggregate, setup=_cold(plans), rounds=3, iterations=1)  # type: ignore[no-untyped-call]


@pytest.mark.parametrize("scale", SCALES, ids=[f"x{s}" for s in SCALES])
def test_check(benchmark: BenchmarkFixture, scale: int) -> None:
    plans = national(scale)
    benchmark.extra_info.update(
        plans=len(plans), units=sum(len(p.units) for p in plans), scale=scale
    )
    benchmark.pedantic(check_all, setup=_cold(plans), rounds=3, iterations=1)  # type: ignore[no-untyped-call]


@pytest.mark.parametrize("communes", [2_000, 20_000])
def test_check_hierarchy(benchmark: BenchmarkFixture, communes: int) -> None:
    """One province plan of ``communes`` communes in districts, checked (see hierarchy.py)."""
    document = province(communes)
    benchmark.extra_info.update(units=len(document.units))

    def setup() -> tuple[tuple[object, ...], dict[str, object]]:
        forget()
        return (document,), {}

    benchmark.pedantic(check, setup=setup, rounds=5, iterations=1)  # type: ignore[no-untyped-call, arg-type]
