"""Hypothesis strategies for plans over real units of the 2025 crosswalk.

A plan drawn here covers some of the units of one real province, before the reorganisation
(:func:`old_unit_plans`: some old units left out, so that some new units are incomplete) or
after it (:func:`new_unit_plans`).  Units are named as the crosswalk names them and carry their
code, except where the draw leaves it out and the name alone is unambiguous in the province.

Requires Hypothesis (``pip install mdpoverty[testing]``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs
from hypothesis import strategies as st

from mdpoverty.model.document import DOCUMENT_CLASSES, Document, DocumentType, Plan
from mdpoverty.model.figures import Figure
from mdpoverty.model.header import Area, Header
from mdpoverty.model.targets import HouseholdGroup, Measure, Target
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.reference import admin_units as au
from mdpoverty.values.dates import PartialDate, Period
from mdpoverty.values.names import core_key
from mdpoverty.values.quantities import Quantity

__all__ = ["new_unit_documents", "new_unit_plans", "old_unit_documents", "old_unit_plans"]

_MAX_HOUSEHOLDS = 20_000


@st.composite
def _unit(
    draw: st.DrawFn, index: int, unit: au.NewUnit | au.OldUnit, *, needs_code: bool
) -> tuple[AdministrativeUnit, Target]:
    households = draw(st.integers(0, _MAX_HOUSEHOLDS))
    poor = draw(st.integers(0, households))
    near_poor = draw(st.none() | st.integers(0, households - poor))
    kind = au.unit_kind(unit.name) or UnitKind.COMMUNE
    with_code = needs_code or draw(st.booleans())
    built = AdministrativeUnit(
        id=f"u{index}",
        name=unit.name,
        kind=kind,
        households=households,
        poor_households=poor,
        near_poor_households=near_poor,
        code=unit.code if with_code else None,
    )
    reduction = Target(Measure.REDUCTION, Quantity(draw(st.integers(0, poor))), about=built.id)
    return built, reduction


def _ambiguous(units: Sequence[au.NewUnit | au.OldUnit]) -> set[str]:
    """The names that more than one of ``units`` answer to, with or without the kind."""
    counts = Counter(core_key(u.name) for u in units)
    return {key for key, n in counts.items() if n > 1}


def _plan(
    draw: st.DrawFn,
    province: au.Province,
    chosen: Sequence[au.NewUnit | au.OldUnit],
    in_province: Sequence[au.NewUnit | au.OldUnit],
    year: int,
) -> Plan:
    ambiguous = _ambiguous(in_province)
    drawn = [
        draw(_unit(i, u, needs_code=core_key(u.name) in ambiguous)) for i, u in enumerate(chosen)
    ]
    return Plan(
        header=Header(issuer="UBND", date=PartialDate(year, 3), title="KẾ HOẠCH"),
        area=Area(name=province.name, kind=UnitKind.PROVINCE),
        period=Period(year),
        standard="decree-07-2021",
        units=[u for u, _ in drawn],
        targets=[t for _, t in drawn],
    )


@st.composite
def old_unit_plans(draw: st.DrawFn, *, max_new_units: int = 4) -> Plan:
    """A 2024 plan over the old units of one real province that some new units took in.

    The draw picks up to ``max_new_units`` new units that took in old units of the province,
    then keeps each of those old units or leaves it out.
    """
    province = draw(st.sampled_from(au.old_provinces()))
    in_province = au.old_units(province.code)
    reached = sorted(
        {link.new.code: link.new for u in in_province for link in au.links_from(u)}.values(),
        key=lambda u: u.code,
    )
    targets = draw(st.lists(st.sampled_from(reached), min_size=1, max_size=max_new_units))
    candidates = sorted(
        {
            link.old.code: link.old
            for target in targets
            for link in au.links_into(target)
            if link.old.province_code == province.code
        }.values(),
        key=lambda u: u.code,
    )
    # Half the plans cover every old unit of the province that matters, half leave some out.
    every = [True] * len(candidates)
    some = st.lists(st.booleans(), min_size=len(every), max_size=len(every))
    keep = every if draw(st.booleans()) else draw(some)
    chosen = [u for u, kept in zip(candidates, keep, strict=True) if kept] or candidates[:1]
    order = draw(st.permutations(chosen))
    return _plan(draw, province, order, in_province, 2024)


@st.composite
def new_unit_plans(draw: st.DrawFn, *, max_units: int = 6) -> Plan:
    """A 2026 plan over some of the new units of one real province."""
    province = draw(st.sampled_from(au.new_provinces()))
    in_province = au.new_units(province.code)
    chosen = draw(
        st.lists(st.sampled_from(in_province), min_size=1, max_size=max_units, unique=True)
    )
    return _plan(draw, province, chosen, in_province, 2026)


@st.composite
def _with_figures(draw: st.DrawFn, plan: Plan) -> Document:
    """``plan`` as a document of any kind, with end-of-year figures about some of its units
    and, for some units, no counts at the start of the year (as a review prints them)."""
    kind = draw(st.sampled_from(list(DocumentType)))
    figures = []
    units = []
    for unit in plan.units:
        households = draw(st.integers(1, _MAX_HOUSEHOLDS))
        groups = draw(st.sets(st.sampled_from([HouseholdGroup.ALL, HouseholdGroup.POOR])))
        if HouseholdGroup.ALL in groups:
            figures.append(Figure(group=HouseholdGroup.ALL, about=unit.id, count=households))
        if HouseholdGroup.POOR in groups:
            poor = draw(st.integers(0, households))
            figures.append(Figure(group=HouseholdGroup.POOR, about=unit.id, count=poor))
        counted = draw(st.booleans())
        units.append(
            unit
            if counted
            else attrs.evolve(
                unit, households=None, poor_households=None, near_poor_households=None
            )
        )
    fields = {f.name: getattr(plan, f.name) for f in attrs.fields(Document)}
    return DOCUMENT_CLASSES[kind](**{**fields, "units": units, "figures": figures})


@st.composite
def old_unit_documents(draw: st.DrawFn, *, max_new_units: int = 4) -> Document:
    """A plan, review or report of 2024 over old units of one real province
    (:func:`old_unit_plans`), with end-of-year figures about some of its units and, for some
    units, no counts at the start of the year.

    >>> from hypothesis import given
    >>> from mdpoverty.aggregate.carried_figures import carry_figures
    >>> @given(old_unit_documents())
    ... def test_a_carried_count_is_never_negative(document):
    ...     assert (carry_figures(document)["count"].dropna() >= 0).all()
    >>> test_a_carried_count_is_never_negative()
    """
    plan = draw(old_unit_plans(max_new_units=max_new_units))
    return draw(_with_figures(plan))


@st.composite
def new_unit_documents(draw: st.DrawFn, *, max_units: int = 6) -> Document:
    """A plan, review or report of 2026 over new units of one real province
    (:func:`new_unit_plans`), with figures as :func:`old_unit_documents`."""
    plan = draw(new_unit_plans(max_units=max_units))
    return draw(_with_figures(plan))
