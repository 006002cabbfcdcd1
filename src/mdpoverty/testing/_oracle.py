"""What a consistent plan prints, worked out apart from the code under test.

:mod:`mdpoverty.testing` takes the printed annex, the headline results and a parent's funding of
the plans it builds from this module, never from :mod:`mdpoverty.tables`, :func:`mdpoverty.rate`,
the aggregation or the model's own lookups and sums.  Were the printed values taken from the
derivation the rules check against, a wrong derivation would agree with itself and the rules
would stay silent; printed by an independent oracle, a consistent plan has no finding only if
the derivation is right.

It follows the printed convention (docs/explanation/annex.md) in its own arithmetic, with exact
fractions:

* a rate is part ÷ whole × 100, rounded half-up to two decimals, and 0 for an empty whole;
* the end rate is the rate of the poor households left after the reduction;
* the fall of the rate is the start rate minus the end rate, both as rounded (points);
* the total row sums the units' counts and takes its rates from the sums;
* the headline results are the total row's reduction, end count and end rate.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from mdpoverty.model.document import Plan
from mdpoverty.model.funding import CapitalKind, FundingKey
from mdpoverty.model.printed import PrintedAnnex, PrintedRow
from mdpoverty.model.programme import FundingSplit, ProjectComponent
from mdpoverty.model.targets import HouseholdGroup, Measure, Target
from mdpoverty.model.units import AdministrativeUnit
from mdpoverty.values.quantities import Quantity

PLACES = 2
"""Decimals of a printed rate and of a fall of the rate, as the annexes print them."""

_HALF = Fraction(1, 2)


def _hundredths(part: int, whole: int, places: int = PLACES) -> int:
    """``part`` in percent of ``whole`` in hundredths of a point (``10**-places``), half-up."""
    if whole == 0:
        return 0
    scale: int = 10**places
    return math.floor(Fraction(part * 100, whole) * scale + _HALF)


def _decimal(hundredths: int, places: int = PLACES) -> Decimal:
    return Decimal(hundredths).scaleb(-places)


def printed_rate(part: int, whole: int, places: int = PLACES) -> Decimal:
    """``part`` in percent of ``whole`` as an annex prints it: half-up to two decimals (or
    ``places``).

    A half rounds up, never to even: 1 of 800 is 0.125 %, printed 0,13 (Python's
    ``round(0.125, 2)`` gives 0.12); just under the half rounds down.

    >>> printed_rate(1, 800), printed_rate(3, 800)
    (Decimal('0.13'), Decimal('0.38'))
    >>> printed_rate(1, 801)  # 0.12484… %
    Decimal('0.12')
    >>> printed_rate(0, 0)  # no households: no poverty to measure
    Decimal('0.00')
    >>> printed_rate(1, 16, places=1)  # 6.25 %
    Decimal('6.3')
    """
    return _decimal(_hundredths(part, whole, places), places)


@attrs.frozen
class Row:
    """The printed values of one annex row (a unit's, or the total's) with an exact reduction.

    >>> row = Row.of(2347, 27, 2)  # Phường Sông Cầu of the Bắc Kạn plan
    >>> row.start_rate, row.end_rate, row.rate_reduction  # 0,08, not 2 ÷ 2347 = 0,09
    (Decimal('1.15'), Decimal('1.07'), Decimal('0.08'))
    """

    households: int
    poor_households: int
    reduction: int
    start_rate: Decimal
    rate_reduction: Decimal
    end_rate: Decimal

    @classmethod
    def of(cls, households: int, poor_households: int, reduction: int) -> Row:
        start = _hundredths(poor_households, households)
        end = _hundredths(poor_households - reduction, households)
        return cls(
            households,
            poor_households,
            reduction,
            _decimal(start),
            _decimal(start - end),
            _decimal(end),
        )

    @property
    def end_poor_households(self) -> int:
        """The poor households left at the end of the year."""
        return self.poor_households - self.reduction

    def printed(self, label: str, unit: str | None, number: int | None) -> PrintedRow:
        return PrintedRow(
            label=label,
            unit=unit,
            number=number,
            households=self.households,
            poor_households=self.poor_households,
            start_rate=self.start_rate,
            reduction=self.reduction,
            rate_reduction=self.rate_reduction,
            end_rate=self.end_rate,
        )


def annex(counts: Iterable[tuple[int, int, int]]) -> tuple[list[Row], Row]:
    """The unit rows of ``(households, poor households, reduction)`` counts, and the total row.

    >>> rows, total = annex([(2347, 27, 2), (1000, 10, 1)])
    >>> total.households, total.poor_households, total.reduction, total.end_rate
    (3347, 37, 3, Decimal('1.02'))
    """
    rows = [Row.of(*c) for c in counts]
    total = Row.of(
        sum(r.households for r in rows),
        sum(r.poor_households for r in rows),
        sum(r.reduction for r in rows),
    )
    return rows, total


def _counts(unit: AdministrativeUnit) -> tuple[int, int]:
    if unit.households is None or unit.poor_households is None:
        raise ValueError(f"unit {unit.id!r} has no counts to print")
    return unit.households, unit.poor_households


def results(
    units: Sequence[AdministrativeUnit], reductions: Sequence[int], title: str
) -> tuple[list[Target], PrintedAnnex]:
    """The headline targets and the printed annex of ``units`` with these exact reductions."""
    rows, total = annex((*_counts(u), r) for u, r in zip(units, reductions, strict=True))
    headline = [
        Target(Measure.REDUCTION, Quantity(total.reduction), section="II.1"),
        Target(Measure.END_COUNT, Quantity(total.end_poor_households), section="II.2.a"),
        Target(Measure.END_RATE, Quantity(total.end_rate), section="II.2.a"),
    ]
    printed = PrintedAnnex(
        title=title,
        rows=[
            r.printed(u.name, u.id, i) for i, (r, u) in enumerate(zip(rows, units, strict=True), 1)
        ],
        total=total.printed("Tổng số", None, None),
    )
    return headline, printed


def reductions(plan: Plan, units: Iterable[AdministrativeUnit]) -> list[int]:
    """Each unit's reduction of poor households in ``plan``'s year: the unit's first such
    target, read here rather than through the model's lookups."""
    found: dict[str, Target] = {}
    for t in plan.targets:
        if (
            t.about is not None
            and t.measure is Measure.REDUCTION
            and t.group is HouseholdGroup.POOR
            and t.year in (None, plan.period.end)
        ):
            found.setdefault(t.about, t)
    result = []
    for u in units:
        target = found.get(u.id)
        if target is None or not (target.value.is_exact and target.value.is_count):
            raise ValueError(f"unit {u.id!r} of the plan needs an exact reduction target")
        result.append(int(target.value.low))
    return result


def parent_funding(children: Sequence[ProjectComponent]) -> FundingSplit | None:
    """The funding of a parent that adds up to its children's, each funded consistently (its
    total the sum of its sources, or stated alone): ``None`` if a child states none.

    >>> from mdpoverty.model.programme import ProjectComponent as C
    >>> parent_funding([C("DA3.TDA1", "a", funding=FundingSplit(Decimal(2), Decimal(2))),
    ...                 C("DA3.TDA2", "b", funding=FundingSplit(Decimal(3), Decimal(3)))])
    FundingSplit(total=Decimal('5'), central=Decimal('5'), local=None, other=None, capital=None,
                 allocations=())
    """
    splits = [c.funding for c in children if c.funding is not None]
    if len(splits) != len(children):
        return None
    if any(s.total is None for s in splits):
        return FundingSplit()
    if any(s.allocations for s in splits):  # finer cells: the parent states its total alone
        return FundingSplit(total=sum((s.total for s in splits if s.total is not None), Decimal(0)))
    # A source is summed only when every child states the same sources, so that the parent's
    # sources still add up to its total (funding.sources-sum) and to its children's
    # (funding.parent-sum); otherwise the parent states its total alone.
    shapes = {(s.central is None, s.local is None, s.other is None) for s in splits}

    def summed(values: list[Decimal | None]) -> Decimal | None:
        if len(shapes) != 1 or any(v is None for v in values):
            return None
        return sum((v for v in values if v is not None), Decimal(0))

    return FundingSplit(
        total=sum((s.total for s in splits if s.total is not None), Decimal(0)),
        central=summed([s.central for s in splits]),
        local=summed([s.local for s in splits]),
        other=summed([s.other for s in splits]),
    )


def households_fit(rates: Sequence[tuple[int, Decimal]], total: int | None = None) -> bool:
    """Whether one whole number of households makes every ``(count, printed rate)`` true (at
    least each count, each rate the count's rate of it at its printed decimals), found by
    trying numbers of households one by one; only ``total`` where it is printed.

    >>> households_fit([(1234, Decimal("2.47")), (2345, Decimal("4.69"))])
    True
    >>> households_fit([(1234, Decimal("2.48")), (2345, Decimal("4.69"))])
    False
    """

    def fits(n: int) -> bool:
        return all(n >= max(1, c) and printed_rate(c, n, _places(r)) == r for c, r in rates)

    if total is not None:
        return fits(total)
    if any(c == 0 and r != 0 for c, r in rates):
        return False  # no household is 0 % of any number of households
    bounded = [(c, r) for c, r in rates if r != 0]
    if not bounded:
        return True  # enough households bring any count's rate down to 0
    # The count's households lie around 100·c/r: the numbers that print r for it are the
    # consecutive ones reached by walking from its floor or ceiling.  Walk the largest
    # count's (the narrowest), trying every rate at each number.
    count, printed = max(bounded)
    centre = Fraction(100 * count) / Fraction(printed)
    places = _places(printed)

    def prints(n: int) -> bool:
        return n >= max(1, count) and printed_rate(count, n, places) == printed

    starts = [n for n in (math.floor(centre), math.ceil(centre)) if prints(n)]
    return bool(starts) and any(_walk(starts[0], step, prints, fits) for step in (-1, 1))


def _walk(
    start: int, step: int, prints: Callable[[int], bool], fits: Callable[[int], bool]
) -> bool:
    """Whether a number from ``start`` on by ``step`` while ``prints`` holds also ``fits``."""
    n = start
    while prints(n):
        if fits(n):
            return True
        n += step
    return False


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


# -- funding as it is allocated ----------------------------------------------------------------

_AXIS_RULES = ("funding.sources-sum", "funding.capital-sum", "funding.year-sum", "funding.unit-sum")


def funding_places(split: FundingSplit, prefix: str) -> dict[FundingKey, str]:
    """Where each printed cell of ``split`` is: ``prefix`` for the total, ``prefix/central``
    for a source's field, ``prefix/allocations/<i>`` for an allocation."""
    places: dict[FundingKey, str] = {}
    if split.total is not None:
        places[FundingKey()] = prefix
    for source in ("central", "local", "other"):
        if getattr(split, source) is not None:
            places[FundingKey(source)] = f"{prefix}/{source}"
    for i, a in enumerate(split.allocations):
        places[FundingKey(a.source, a.capital, a.year, a.unit)] = f"{prefix}/allocations/{i}"
    return places


def raised_cell_findings(
    split: FundingSplit, key: FundingKey, prefix: str, years: set[int], units: set[str]
) -> set[tuple[str, str]]:
    """The ``(rule, location)`` of every finding once the amount of ``key`` is raised, in a
    split that prints every whole of its lattice (``allocated_splits(full=True)``) in a plan
    over ``years`` and ``units`` (none with a parent).

    The raised cell exceeds each whole it is a part of: one finding at that whole, for the
    axis that separates them.  It is more than its own parts along an axis it leaves blank:
    a finding at the cell where those parts are the whole breakdown (every source of the
    total; both kinds, within a source; every year of the period; every unit).
    """
    places = funding_places(split, prefix)
    seen = [{k[axis] for k in places if k[axis] is not None} for axis in range(4)]
    complete = (
        True,
        key.source is not None and seen[1] == set(CapitalKind),
        seen[2] >= years,
        seen[3] >= units,
    )
    found = set()
    for axis, rule_id in enumerate(_AXIS_RULES):
        if key[axis] is not None:
            cells: list[Any] = list(key)
            cells[axis] = None
            found.add((rule_id, places[FundingKey(*cells)]))
        elif seen[axis] and complete[axis]:
            found.add((rule_id, places[key]))
    return found


def printed_wholes(split: FundingSplit, cell: FundingKey, prefix: str) -> set[str]:
    """The places of the printed cells that contain ``cell`` (equal to it on every axis they
    name), other than ``cell`` itself."""
    return {
        place
        for whole, place in funding_places(split, prefix).items()
        if whole != cell and all(w is None or c == w for c, w in zip(cell, whole, strict=True))
    }


# -- the edges: units without counts, ranged targets, the years of a period ---------------------


@attrs.frozen
class Total:
    """The total row of an annex as the printed convention states it: the households and poor
    households only when every unit gives both (a partial sum would pass for the whole), and
    the reduction's two bounds only when every unit has a reduction target (each bound the sum
    of the units' same bound)."""

    households: int | None
    poor_households: int | None
    reduction: tuple[int, int] | None


def _reduction_bounds(plan: Plan) -> dict[str, tuple[int, int]]:
    """Each unit's plan-year poor-household reduction target, as (lower, upper) bounds: the
    first such target of the unit, read here rather than through the model's lookups."""
    found: dict[str, tuple[int, int]] = {}
    for t in plan.targets:
        if (
            t.about is not None
            and t.measure is Measure.REDUCTION
            and t.group is HouseholdGroup.POOR
            and t.year in (None, plan.period.end)
            and t.about not in found
        ):
            found[t.about] = (int(t.value.low), int(t.value.high))
    return found


def total(plan: Plan) -> Total:
    """The total row of ``plan``'s annex, summed unit by unit in this module's own arithmetic
    (every unit of the plan, as the annex lists them)."""
    bounds = _reduction_bounds(plan)
    households = poor = low = high = 0
    every_counted = every_targeted = True
    for unit in plan.units:
        if unit.households is None or unit.poor_households is None:
            every_counted = False
        else:
            households += unit.households
            poor += unit.poor_households
        if unit.id in bounds:
            low += bounds[unit.id][0]
            high += bounds[unit.id][1]
        else:
            every_targeted = False
    counted = every_counted and bool(plan.units)
    return Total(
        households if counted else None,
        poor if counted else None,
        (low, high) if every_targeted and plan.units else None,
    )


def parts_bounds(plan: Plan, parent: str) -> tuple[int, int] | None:
    """The sum of the reduction bounds of the units whose parent is ``parent``; ``None`` if one
    of them has no reduction target or there are none."""
    bounds = _reduction_bounds(plan)
    children = [u.id for u in plan.units if u.parent == parent]
    if not children or any(c not in bounds for c in children):
        return None
    return sum(bounds[c][0] for c in children), sum(bounds[c][1] for c in children)


def covers(start: int, end: int, year: int) -> bool:
    """Whether a period of the years ``start`` to ``end`` covers ``year``: both ends are years
    of the period (a 2021–2025 plan covers 2025).

    >>> covers(2021, 2025, 2025), covers(2021, 2025, 2026), covers(2024, 2024, 2024)
    (True, False, True)
    """
    return year in set(range(start, end + 1))
