"""The integrity of a document across its fields: references that resolve, a hierarchy without
cycles, possible counts, and targets and figures stated once.

A document that breaks one of these cannot be built (:class:`~mdpoverty.errors.ValidationError`);
numbers that are possible but disagree are for the consistency checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from mdpoverty.errors import Problem, describe, location
from mdpoverty.i18n import _
from mdpoverty.model.figures import Figure, TimePoint
from mdpoverty.model.programme import ProjectComponent
from mdpoverty.model.targets import UNIT_COUNT_FIELDS, HouseholdGroup, Measure, Target
from mdpoverty.model.units import AdministrativeUnit
from mdpoverty.values.quantities import Quantity

if TYPE_CHECKING:  # the document calls these checks; they only read it
    from mdpoverty.model.document import Document

__all__ = ["problems"]


def problems(doc: Document) -> Iterator[Problem]:
    """Every cross-field problem of ``doc``: references that do not resolve, impossible counts,
    targets and figures stated twice with different values."""
    yield from _component_problems(doc)
    yield from _reference_problems(doc)
    yield from _target_problems(doc)
    yield from _figure_problems(doc)


def _figure_problems(doc: Document) -> Iterator[Problem]:
    """A figure is printed once: the same subject, group and time with another value is
    refused (the units' counts are their figures at the start of the year)."""
    if not doc.figures:
        return  # the units' counts alone cannot repeat: a unit has one of each
    seen: dict[tuple[object, ...], tuple[int | Quantity | None, Decimal | Quantity | None]] = {
        (unit, group, TimePoint.START, doc.year): (count, None)
        for unit, group, count in doc.unit_counts()
    }
    for index, figure in enumerate(doc.figures):
        count, rate = seen.setdefault(figure.key_in(doc.year), (figure.count, figure.rate))
        if count != figure.count or rate != figure.rate:
            yield Problem(
                "Figure",
                "count" if count != figure.count else "rate",
                figure.count if count != figure.count else figure.rate,
                _("differs from another figure of the same subject, group and time"),
                location("figures", index),
            )


def component_paths(doc: Document) -> Iterator[tuple[str, ProjectComponent]]:
    """Every component with its location in the plan: ``components/1/children/0``, …"""

    def walk(
        items: tuple[ProjectComponent, ...], path: str
    ) -> Iterator[tuple[str, ProjectComponent]]:
        for i, component in enumerate(items):
            here = location(path, i)
            yield here, component
            yield from walk(component.children, location(here, "children"))

    return walk(doc.components, "components")


def _component_problems(doc: Document) -> Iterator[Problem]:
    seen: set[str] = set()
    for path, component in component_paths(doc):
        if component.code in seen:
            yield Problem(
                describe(component),
                "code",
                component.code,
                _("must not repeat a code of the plan"),
                path,
            )
        seen.add(component.code)
    for i, component in enumerate(doc.components):
        if "." in component.code:
            yield Problem(
                describe(component),
                "code",
                component.code,
                _("must be a project (DA…) at the top level; sub-projects go in 'children'"),
                location("components", i),
            )


def _subjects(doc: Document) -> dict[str, str]:
    """Every id a figure or a target may be about, with what it names."""
    subjects = {u.id: "unit" for u in doc.units}
    subjects |= {s.id: "stratum" for s in doc.strata}
    subjects |= {g.id: "group" for g in doc.groups}
    return subjects


def _reference_problems(doc: Document) -> Iterator[Problem]:
    agency_ids = {a.id for a in doc.agencies}
    codes = {c.code for c in doc.all_components()}
    for path, c in component_paths(doc):
        if c.lead is not None and c.lead not in agency_ids:
            yield Problem(describe(c), "lead", c.lead, _("is not a known agency id"), path)
    for i, r in enumerate(doc.responsibilities):
        where, path = f"Responsibility {r.section or r.agency}", location("responsibilities", i)
        if r.agency not in agency_ids:
            yield Problem(where, "agency", r.agency, _("is not a known agency id"), path)
        for code in r.components:
            if code not in codes:
                yield Problem(
                    where, "components", code, _("is not a component code of the plan"), path
                )
    yield from _hierarchy_problems(doc)
    yield from _subject_problems(doc)
    yield from _allocation_problems(doc)


def _allocation_problems(doc: Document) -> Iterator[Problem]:
    """An allocation's unit is a unit of the document and its year lies in the period."""
    unit_ids = {u.id for u in doc.units}
    splits = [(path, c.funding) for path, c in component_paths(doc)]
    splits.insert(0, ("", doc.funding_total))
    for path, split in splits:
        if split is None:
            continue
        where = location(path, "funding") if path else "funding_total"
        for i, a in enumerate(split.allocations):
            here = location(where, "allocations", i)
            if a.unit is not None and a.unit not in unit_ids:
                reason = _("is not a unit id of the plan")
                yield Problem("Allocation", "unit", a.unit, reason, here)
            if a.year is not None and a.year not in doc.period:
                reason = _("must lie in the period {period}", period=str(doc.period))
                yield Problem("Allocation", "year", a.year, reason, here)


def _subject_problems(doc: Document) -> Iterator[Problem]:
    """Strata, groups, targets, figures and annex rows name subjects the document has."""
    unit_ids = {u.id for u in doc.units}
    subjects = _subjects(doc)
    for i, s in enumerate(doc.strata):
        if s.of is not None and s.of not in unit_ids:
            reason = _("is not a known unit id")
            yield Problem(describe(s), "of", s.of, reason, location("strata", i))
    for i, g in enumerate(doc.groups):
        for member in g.members:
            if member not in unit_ids:
                yield Problem(
                    describe(g),
                    "members",
                    member,
                    _("is not a known unit id"),
                    location("groups", i),
                )
    about: list[tuple[Target | Figure, str]]
    about = [(t, location("targets", i)) for i, t in enumerate(doc.targets)]
    about += [(f, location("figures", i)) for i, f in enumerate(doc.figures)]
    for item, where in about:
        subject = item.about
        if subject is not None and subject not in subjects:
            yield Problem(
                describe(item),
                "about",
                subject,
                _("is not a known unit, stratum or group id"),
                where,
            )
    if doc.annex is not None:
        for i, row in enumerate(doc.annex.rows):
            if row.unit is None or row.unit not in unit_ids:
                yield Problem(
                    f"PrintedRow {row.label!r}",
                    "unit",
                    row.unit,
                    _("is not a known unit id"),
                    location("annex/rows", i),
                )


def _hierarchy_problems(doc: Document) -> Iterator[Problem]:
    """Every parent is a unit of the document, and no unit is its own ancestor."""
    parents = {u.id: u.parent for u in doc.units}
    for i, unit in enumerate(doc.units):
        where = location("units", i)
        if unit.parent is None:
            continue
        if unit.parent not in parents:
            yield Problem(
                describe(unit),
                "parent",
                unit.parent,
                _("is not a known unit id"),
                where,
            )
            continue
        seen = {unit.id}
        ancestor: str | None = unit.parent
        while ancestor is not None and ancestor not in seen:
            seen.add(ancestor)
            ancestor = parents.get(ancestor)
        if ancestor == unit.id:
            yield Problem(
                describe(unit),
                "parent",
                unit.parent,
                _("makes the unit its own ancestor"),
                where,
            )


def _target_problems(doc: Document) -> Iterator[Problem]:
    units = {u.id: u for u in doc.units}
    stated: dict[tuple[object, ...], tuple[int, Target]] = {}
    for i, t in enumerate(doc.targets):
        where, path = (
            f"Target {t.measure.value} of {t.about or 'the area'}",
            location("targets", i),
        )
        if t.year is not None and t.year not in doc.period:
            reason = _("must lie in the period {period}", period=str(doc.period))  # 2026–2030
            yield Problem(where, "year", t.year, reason, path)
        key = (t.about, t.group, t.measure, t.year or doc.year)
        if key in stated and stated[key][1].value != t.value:
            first, other = stated[key]
            yield Problem(
                where,
                "value",
                t.value,
                _(
                    "differs from the same target stated at {place} ({value})",
                    place=location("targets", first),
                    value=other.value,
                ),
                path,
            )
        stated.setdefault(key, (i, t))
        if t.measure is not Measure.REDUCTION:
            continue
        if t.about is None:
            start = group_total(doc.units, t.group) if doc.units else None
        else:
            start = group_total([units[t.about]], t.group) if t.about in units else None
        if start is not None and t.value.high > start:
            yield Problem(
                where,
                "value",
                t.value,
                _(
                    "must not exceed the {group} at the start ({start})",
                    group=_GROUPS[t.group],
                    start=start,
                ),
                path,
            )


# The groups whose households at the start of the year a unit counts (see group_total).
_GROUPS = {
    HouseholdGroup.POOR: _("poor households"),
    HouseholdGroup.NEAR_POOR: _("near-poor households"),
}


def group_total(units: Iterable[AdministrativeUnit], group: HouseholdGroup) -> int | None:
    """The units' households of ``group`` (poor or near-poor) at the start of the year, if every
    unit gives them."""
    if group not in (HouseholdGroup.POOR, HouseholdGroup.NEAR_POOR):
        return None
    values: list[int | None] = [getattr(u, UNIT_COUNT_FIELDS[group]) for u in units]
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)
