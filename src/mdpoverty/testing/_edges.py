"""Hypothesis strategies at the edges, where single planted bugs hide.

:func:`edge_plans` draws plans whose units do not all give their counts, whose hierarchy is
partial (some units have communes under them, some not), whose reduction targets are exact,
ranged or missing, and whose counts sit at their bounds (no households, no poor households,
every household poor, a reduction of all the poor).  A unit above others gives the sums of its
parts, worked out here, where each part gives them.  :func:`period_years` draws a period and a
year at its edges: the year before it, its first, its last, the year after.

Properties take their expected values from :mod:`mdpoverty.testing._oracle` (its ``total``,
``parts_bounds`` and ``covers``), never from the code under test.

Requires Hypothesis (``pip install mdpoverty[testing]``).
"""

from __future__ import annotations

from hypothesis import strategies as st

from mdpoverty.model.document import Plan
from mdpoverty.model.header import Area, Header
from mdpoverty.model.targets import Measure, Target
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.reference.standards import poverty_standards
from mdpoverty.values.bounds import MAX_YEAR, MIN_YEAR
from mdpoverty.values.dates import PartialDate, Period
from mdpoverty.values.quantities import Quantity

__all__ = ["edge_plans", "period_years"]


def _edge_count(draw: st.DrawFn, high: int) -> int:
    """A count from 0 to ``high``, its two ends drawn as often as all the rest."""
    return draw(st.sampled_from([0, high]) | st.integers(0, high))


@st.composite
def _leaf(
    draw: st.DrawFn, unit_id: str, parent: str | None
) -> tuple[AdministrativeUnit, Target | None]:
    counted = draw(st.booleans())
    households = _edge_count(draw, 5_000) if counted else None
    poor = _edge_count(draw, households) if households is not None else None
    unit = AdministrativeUnit(
        id=unit_id,
        name=f"Xã {unit_id}",
        kind=UnitKind.COMMUNE,
        households=households,
        poor_households=poor,
        parent=parent,
    )
    shape = draw(st.sampled_from(["none", "exact", "range"]))
    if shape == "none":
        return unit, None
    most = poor if poor is not None else 1_000
    low = _edge_count(draw, most)
    high = low if shape == "exact" else _edge_count(draw, most - low) + low
    return unit, Target(Measure.REDUCTION, Quantity(low, high), about=unit_id)


@st.composite
def edge_plans(draw: st.DrawFn, *, max_units: int = 10) -> Plan:
    """A plan of one year whose units sit at the edges: some without counts, some in a
    partial hierarchy, with exact, ranged or no reduction targets, counts at their bounds.

    A unit with units under it gives their summed counts where every one of them gives its
    counts (else none), and a reduction target whose bounds are the sums of theirs where every
    one of them has a target (else none): the parts add up to the whole wherever both are
    stated.  The plan has no printed annex and no headline targets.
    """
    units: list[AdministrativeUnit] = []
    targets: list[Target] = []
    tops = draw(st.integers(1, max(1, max_units // 3)))
    for t in range(tops):
        top_id = f"u{t}"
        n_parts = draw(st.integers(0, 3))
        if n_parts == 0:
            unit, target = draw(_leaf(top_id, None))
            units.append(unit)
            targets.extend([target] if target else [])
            continue
        parts = [draw(_leaf(f"{top_id}-{c}", top_id)) for c in range(n_parts)]
        counted = all(u.households is not None for u, _ in parts)
        whole = AdministrativeUnit(
            id=top_id,
            name=f"Huyện {top_id}",
            kind=UnitKind.DISTRICT,
            households=sum(u.households or 0 for u, _ in parts) if counted else None,
            poor_households=sum(u.poor_households or 0 for u, _ in parts) if counted else None,
        )
        units.append(whole)
        if all(target is not None for _, target in parts):
            low = sum(int(target.value.low) for _, target in parts if target is not None)
            high = sum(int(target.value.high) for _, target in parts if target is not None)
            targets.append(Target(Measure.REDUCTION, Quantity(low, high), about=top_id))
        for unit, target in parts:
            units.append(unit)
            targets.extend([target] if target else [])
    standard = poverty_standards()[0]
    year = draw(st.sampled_from([standard.period.start, standard.period.end]))
    return Plan(
        header=Header(issuer="UBND", date=PartialDate(year, 3), title="KẾ HOẠCH"),
        area=Area(name="Huyện biên", kind=UnitKind.DISTRICT),
        period=Period(year),
        standard=standard.id,
        units=units,
        targets=targets,
    )


@st.composite
def period_years(draw: st.DrawFn) -> tuple[Period, int]:
    """A period of one to eleven years and a year at its edges or near them: the year before
    it, its first and last years, the year after, or any year within three of its ends."""
    start = draw(st.integers(MIN_YEAR + 3, MAX_YEAR - 13))
    end = start + draw(st.sampled_from([0, 4]) | st.integers(0, 10))
    edges = st.sampled_from([start - 1, start, end, end + 1])
    return Period(start, end), draw(edges | st.integers(start - 3, end + 3))
