"""A strategy for reviews in the layout of the review form: flows over the year.

:func:`flow_reviews` draws, for each unit and each of its urban and rural sections, the
households at the start and the end of the year and, for the poor and the near-poor, those at
the start, the flows of the year (escaped, fell back, new; the poor who became near-poor) with
their ethnic-minority sub-counts.  The end is worked out here from the identity (start −
escaped + fell back + new + from poor), every whole by summing its parts, and the rates and the
fall in points by the oracle of :mod:`mdpoverty.testing._oracle` (exact fractions, half-up) —
never by the library.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs
from hypothesis import strategies as st

from mdpoverty.model.document import Document, Review
from mdpoverty.model.figures import Figure, Flow, Stratum, StratumKind, TimePoint
from mdpoverty.model.header import Area, Header
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.testing._oracle import printed_rate
from mdpoverty.values.dates import PartialDate, Period

__all__ = ["FLOW_ORDER", "flow_reviews"]

FLOW_ORDER = (Flow.ESCAPED, Flow.FELL_BACK, Flow.NEW, Flow.FROM_POOR)
"""The flows of the review form, in printed order."""


@attrs.frozen
class _Group:
    """One group's start and flows (``FLOW_ORDER``; from-poor is 0 for the poor), each as
    (households, of which ethnic minorities)."""

    start: tuple[int, int]
    flows: tuple[tuple[int, int], ...]

    @property
    def end(self) -> tuple[int, int]:
        signs = (-1, 1, 1, 1)
        count = self.start[0] + sum(s * f[0] for s, f in zip(signs, self.flows, strict=True))
        minority = self.start[1] + sum(s * f[1] for s, f in zip(signs, self.flows, strict=True))
        return count, minority

    def __add__(self, other: _Group) -> _Group:
        return _Group(
            (self.start[0] + other.start[0], self.start[1] + other.start[1]),
            tuple((a[0] + b[0], a[1] + b[1]) for a, b in zip(self.flows, other.flows, strict=True)),
        )


@attrs.frozen
class _Section:
    """One section's households at the start and the end, its poor and its near-poor."""

    households: tuple[int, int]
    poor: _Group
    near: _Group

    def __add__(self, other: _Section) -> _Section:
        return _Section(
            (self.households[0] + other.households[0], self.households[1] + other.households[1]),
            self.poor + other.poor,
            self.near + other.near,
        )


@st.composite
def _pair(draw: st.DrawFn, most: int) -> tuple[int, int]:
    """A count of at most ``most`` and its ethnic-minority part."""
    count = draw(st.integers(0, most))
    return count, draw(st.integers(0, count))


@st.composite
def _group(draw: st.DrawFn, start: int, *, moves: bool) -> _Group:
    """A group of ``start`` households whose flows leave its end possible (>= 0, the
    ethnic-minority part no more than the whole)."""
    minority = draw(st.integers(0, start))
    escaped = draw(st.integers(0, start))
    escaped_minority = draw(
        st.integers(max(0, escaped - (start - minority)), min(escaped, minority))
    )
    rest = [draw(_pair(start // 4 + 5)) for _ in range(3 if moves else 2)]
    flows = ((escaped, escaped_minority), *rest, *([] if moves else [(0, 0)]))
    return _Group((start, minority), flows)


@st.composite
def _section(draw: st.DrawFn) -> _Section:
    households = draw(st.integers(50, 3000))
    poor = draw(st.integers(0, households // 3))
    near = draw(st.integers(0, households // 3))
    poor_group = draw(_group(poor, moves=False))
    near_group = draw(_group(near, moves=True))
    grown = households + draw(st.integers(0, 60))
    # the end must stay possible: the poor and near-poor of the end within its households
    grown = max(grown, poor_group.end[0] + near_group.end[0])
    return _Section((households, grown), poor_group, near_group)


def _figures(about: str | None, section: _Section, places: int) -> Iterator[Figure]:
    """A subject's figures in the form's order: households, then the poor and the near-poor
    (start with its rate, the flows, the end with its rate), and the fall of the poor."""
    start_all, end_all = section.households
    yield Figure(group=HouseholdGroup.ALL, about=about, time=TimePoint.START, count=start_all)
    yield Figure(group=HouseholdGroup.ALL, about=about, count=end_all)
    rates = {}
    for group, drawn in (
        (HouseholdGroup.POOR, section.poor),
        (HouseholdGroup.NEAR_POOR, section.near),
    ):
        first = printed_rate(drawn.start[0], start_all, places)
        yield Figure(
            group=group,
            about=about,
            time=TimePoint.START,
            count=drawn.start[0],
            ethnic_minority=drawn.start[1],
            rate=first,
        )
        flows = FLOW_ORDER if group is HouseholdGroup.NEAR_POOR else FLOW_ORDER[:3]
        for flow, (count, minority) in zip(flows, drawn.flows, strict=False):
            yield Figure(group=group, about=about, flow=flow, count=count, ethnic_minority=minority)
        end, end_minority = drawn.end
        last = printed_rate(end, end_all, places)
        yield Figure(group=group, about=about, count=end, ethnic_minority=end_minority, rate=last)
        rates[group] = (drawn.start[0], end, first, last)
    start, end, first, last = rates[HouseholdGroup.POOR]
    if start >= end and first >= last:
        yield Figure(
            group=HouseholdGroup.POOR,
            about=about,
            flow=Flow.FALL,
            count=start - end,
            rate=first - last,
        )


def _sum(sections: Sequence[_Section]) -> _Section:
    total = sections[0]
    for section in sections[1:]:
        total = total + section
    return total


@st.composite
def flow_reviews(draw: st.DrawFn, max_units: int = 3) -> Document:
    """A consistent review of a province in the review form's layout.

    1 to ``max_units`` districts, each split urban and rural; the province's urban and rural
    sections (strata) and its total are the sums of the districts'.  Every subject prints
    households at the start and the end, the poor and the near-poor at the start, their flows
    (escaped, fell back, new; the near-poor also from poor) with ethnic-minority sub-counts, the
    end, the rates at 1 or 2 decimals, and the fall of the poor where the poor fell.
    """
    n = draw(st.integers(1, max_units))
    places = draw(st.sampled_from((1, 2)))
    year = draw(st.integers(2022, 2025))
    drawn = [(draw(_section()), draw(_section())) for _ in range(n)]
    units = [AdministrativeUnit(f"u{i}", f"Huyện {i}", UnitKind.DISTRICT) for i in range(n)]
    strata = [
        Stratum("urban", "Thành thị", StratumKind.URBAN),
        Stratum("rural", "Nông thôn", StratumKind.RURAL),
    ]
    figures: list[Figure] = []
    figures.extend(_figures(None, _sum([a + b for a, b in drawn]), places))
    figures.extend(_figures("urban", _sum([a for a, _ in drawn]), places))
    figures.extend(_figures("rural", _sum([b for _, b in drawn]), places))
    for unit, (urban, rural) in zip(units, drawn, strict=True):
        figures.extend(_figures(unit.id, urban + rural, places))
    return Review(
        header=Header("UBND tỉnh", PartialDate(year, 12), "QUYẾT ĐỊNH"),
        area=Area("Tỉnh Thử", UnitKind.PROVINCE),
        period=Period(year),
        standard="decree-07-2021",
        units=units,
        strata=strata,
        figures=figures,
    )
