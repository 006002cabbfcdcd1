"""Strategies for documents of every kind: hierarchies, partitions, ranges, points in time.

:func:`documents` draws a consistent plan, review or implementation report: the leaves of a
hierarchy of depth 1 to 3 draw their households split urban and rural, and every whole is worked
out here by summing its parts (never by the library's aggregation), so that the parts add up to
the whole along every hierarchy and the strata add up to the area.  Rates are printed at 1 or 2
decimals by the oracle of :mod:`mdpoverty.testing._oracle` (exact fractions, half-up), not by
:func:`mdpoverty.rate`.  Some units print no counts and some subjects print no households (a
rate without its denominator); reduction targets are ranges whose lower and upper bounds add
up on their own, and met by the end counts.  A plan may allocate its money to its finest units
(:func:`~mdpoverty.testing._funding.allocated_splits`), consistently.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from hypothesis import strategies as st

from mdpoverty.model.document import DOCUMENT_CLASSES, Document, DocumentType
from mdpoverty.model.figures import Figure, Stratum, StratumKind, TimePoint, UnitGroup
from mdpoverty.model.header import Area, Header
from mdpoverty.model.targets import HouseholdGroup, Measure, Target
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.testing._funding import allocated_splits
from mdpoverty.testing._oracle import printed_rate
from mdpoverty.values.dates import PartialDate, Period
from mdpoverty.values.quantities import Quantity

__all__ = ["documents"]

# The area's kind, and its units' kinds from the top, for each depth of the hierarchy.
_LEVELS = {
    1: (UnitKind.DISTRICT, (UnitKind.COMMUNE,)),
    2: (UnitKind.PROVINCE, (UnitKind.DISTRICT, UnitKind.COMMUNE)),
    3: (UnitKind.COUNTRY, (UnitKind.PROVINCE, UnitKind.DISTRICT, UnitKind.COMMUNE)),
}
_SPLIT = (StratumKind.URBAN, StratumKind.RURAL)


@attrs.frozen
class _Counts:
    """One subject's households, by stratum: (all, poor, near-poor) at the start, and the poor
    households that leave poverty in the year (so the end count is ``poor - reduction``)."""

    by_stratum: tuple[tuple[int, int, int, int], ...]

    def __add__(self, other: _Counts) -> _Counts:
        return _Counts(
            tuple(
                (a + e, b + f, c + g, d + h)
                for (a, b, c, d), (e, f, g, h) in zip(
                    self.by_stratum, other.by_stratum, strict=True
                )
            )
        )

    def total(self) -> tuple[int, int, int, int]:
        households, poor, near, reduction = (
            sum(column) for column in zip(*self.by_stratum, strict=True)
        )
        return households, poor, near, reduction


@st.composite
def _stratum_counts(draw: st.DrawFn) -> tuple[int, int, int, int]:
    households = draw(st.integers(1, 3000))
    poor = draw(st.integers(0, households))
    near = draw(st.integers(0, households - poor))
    return households, poor, near, draw(st.integers(0, poor))


def _leaf_counts() -> st.SearchStrategy[_Counts]:
    return st.tuples(_stratum_counts(), _stratum_counts()).map(_Counts)


@attrs.frozen
class _Node:
    counts: _Counts
    children: tuple[_Node, ...] = ()


def _trees(depth: int) -> st.SearchStrategy[_Node]:
    if depth == 1:
        return _leaf_counts().map(_Node)
    return st.lists(_trees(depth - 1), min_size=1, max_size=2).map(
        lambda children: _Node(_sum(children), tuple(children))
    )


def _sum(nodes: list[_Node] | tuple[_Node, ...]) -> _Counts:
    total = nodes[0].counts
    for node in nodes[1:]:
        total = total + node.counts
    return total


def _figures(
    about: str | None,
    counts: tuple[int, int, int, int],
    places: int,
    *,
    denominator: bool,
    times: tuple[TimePoint, ...] = (TimePoint.START, TimePoint.END),
) -> Iterator[Figure]:
    """The figures of a subject at ``times``: all households where ``denominator``, and the
    poor, near-poor and together, each with its count and its rate at ``places``."""
    households, poor, near, reduction = counts
    for time in times:
        p = poor if time is TimePoint.START else poor - reduction
        if denominator:
            yield Figure(group=HouseholdGroup.ALL, about=about, time=time, count=households)
        for group, count in (
            (HouseholdGroup.POOR, p),
            (HouseholdGroup.NEAR_POOR, near),
            (HouseholdGroup.POOR_AND_NEAR_POOR, p + near),
        ):
            yield Figure(
                group=group,
                about=about,
                time=time,
                count=count,
                rate=printed_rate(count, households, places),
            )


@st.composite
def documents(draw: st.DrawFn, kinds: tuple[DocumentType, ...] = tuple(DocumentType)) -> Document:
    """A consistent document of one of ``kinds``: a plan, a review or a report.

    Units form a hierarchy of depth 1 to 3 (1 to 3 units at the top, 1 or 2 children each);
    the area and every unit that prints its counts print start and end figures of all, poor,
    near-poor and together households, with rates; the area and its first unit are split urban
    and rural, and a complete group of 1 to 3 units at the bottom prints figures of its own.  A unit
    prints its start counts as its own fields too.  Each unit has a ranged reduction target,
    and so does the area: the bounds add up along the hierarchy, and the end counts meet them.
    """
    kind = draw(st.sampled_from(kinds))
    depth = draw(st.integers(1, 3))
    top = draw(st.lists(_trees(depth), min_size=1, max_size=3))
    area_kind, unit_kinds = _LEVELS[depth]
    year = draw(st.integers(2022, 2025))
    places = draw(st.sampled_from((1, 2)))
    units: list[AdministrativeUnit] = []
    figures: list[Figure] = []
    targets: list[Target] = []
    leaves: list[tuple[str, _Counts]] = []

    def target(reduction: int, poor: int) -> Quantity:
        low = draw(st.integers(0, reduction))
        return Quantity(low, draw(st.integers(reduction, poor)))

    def add(node: _Node, level: int, parent: str | None) -> Quantity:
        uid = f"u{len(units) + 1}"
        households, poor, near, reduction = node.counts.total()
        printed = draw(st.integers(0, 4)) > 0
        units.append(
            AdministrativeUnit(
                uid,
                f"Đơn vị {len(units) + 1}",
                unit_kinds[level],
                households=households if printed else None,
                poor_households=poor if printed else None,
                near_poor_households=near if printed else None,
                parent=parent,
            )
        )
        if printed:
            # a unit's start counts are its fields: its printed figures are those of the end
            counts = (households, poor, near, reduction)
            end = (TimePoint.END,)
            figures.extend(
                _figures(uid, counts, places, denominator=draw(st.booleans()), times=end)
            )
        if node.children:
            parts = [add(child, level + 1, uid) for child in node.children]
            value = Quantity(sum(int(q.low) for q in parts), sum(int(q.high) for q in parts))
        else:
            value = target(reduction, poor)
            leaves.append((uid, node.counts))
        targets.append(Target(Measure.REDUCTION, value, about=uid))
        return value

    parts = [add(node, 0, None) for node in top]
    area = _sum(top)
    targets.append(
        Target(
            Measure.REDUCTION,
            Quantity(sum(int(q.low) for q in parts), sum(int(q.high) for q in parts)),
        )
    )
    figures.extend(_figures(None, area.total(), places, denominator=True))
    strata = [Stratum(kind.value, kind.vi.capitalize(), kind) for kind in _SPLIT]
    # the first unit is split too, as the area is: a partition of a unit (``of``)
    strata += [Stratum(f"u1-{kind.value}", kind.vi.capitalize(), kind, of="u1") for kind in _SPLIT]
    split = (*area.by_stratum, *top[0].counts.by_stratum)
    for stratum, counts in zip(strata, split, strict=True):
        figures.extend(_figures(stratum.id, counts, places, denominator=draw(st.booleans())))
    chosen = draw(
        st.lists(st.sampled_from(range(len(leaves))), min_size=1, max_size=3, unique=True)
    )
    members = [leaves[i] for i in sorted(chosen)]
    group = UnitGroup("nhom", "Nhóm đơn vị", [uid for uid, _ in members])
    in_group = members[0][1]
    for _, member in members[1:]:
        in_group = in_group + member
    figures.extend(_figures(group.id, in_group.total(), places, denominator=True))
    # a plan's money allocated to its finest units (by source and kind too), consistent
    leaf_ids = [uid for uid, _ in leaves]
    funding = None
    if kind is DocumentType.PLAN and draw(st.booleans()):
        funding = draw(allocated_splits(leaf_ids, (year,)))
    return DOCUMENT_CLASSES[kind](
        header=Header("Ủy ban nhân dân", PartialDate(year, 12), f"Tài liệu năm {year}"),
        funding_total=funding,
        area=Area("Vùng thử", area_kind),
        period=Period(year),
        standard="decree-07-2021",
        units=units,
        strata=strata,
        groups=[group],
        figures=figures,
        targets=targets,
    )
