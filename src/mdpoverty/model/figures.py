"""Figures: what a document prints about households, as observations keyed by what they are about.

A figure is one printed observation: a count and/or a rate, for a group of households (all,
poor, near-poor, poor and near-poor together, …), about a subject (the document's area, one of
its units, a stratum, or a group of units), at a point in time (the start or the end of a year,
or the review's date) or over the year (a :class:`Flow`: the households that escaped, fell
back, newly fell in, or the fall between the two ends).  Every table a review prints is a view
of its figures, and every sum rule is one rule over their keys (:attr:`mdpoverty.Figure.key`):
the flows of the parts add up to the flows of the whole as their counts at each end do.

Strata split an area into parts that add up to it (urban and rural; ethnic-minority and mountain
areas and the rest); groups of units name a set of units with figures of their own (the poor
districts of the country).

A count or a rate may be printed as a range ("1.200–1.350 hộ", "5,2–5,6%"): it is then a
:class:`~mdpoverty.values.quantities.Quantity`; an exact value is always its plain number.

>>> figure = Figure(group=HouseholdGroup.POOR, count=1234, rate=Decimal("5.0"), about="tinh-a")
>>> figure.rate_places
1
>>> ranged = Figure(group=HouseholdGroup.POOR, count=Quantity(1200, 1350))
>>> ranged.is_exact, ranged.exact_count, ranged.count_bounds
(False, None, (1200, 1350))
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal

import attrs

from mdpoverty.errors import Problem
from mdpoverty.i18n import _
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.values._validation import (
    IDENTIFIER,
    OPTIONAL_COUNT,
    STR,
    TEXT,
    Items,
    checks,
    instance_of,
    is_count,
    is_decimal,
    is_identifier,
    nfc,
    optional,
    to_tuple,
    trusted,
    tuple_of,
    validate,
)
from mdpoverty.values.numbers import decimal_places
from mdpoverty.values.quantities import Quantity

__all__ = [
    "Figure",
    "FigureKey",
    "Flow",
    "ObservationKey",
    "Stratum",
    "StratumKind",
    "TimePoint",
    "UnitGroup",
]


class TimePoint(enum.StrEnum):
    """When a figure holds."""

    START = "start"  #: The start of the year (đầu năm), as the previous year's review left it.
    END = "end"  #: The end of the year (cuối năm), after that year's review.
    REVIEW = "review"  #: The date of the review the document reports.

    @property
    def vi(self) -> str:
        """The Vietnamese name of the time point."""
        return _TIME_VI[self.value]


_TIME_VI = {"start": "đầu năm", "end": "cuối năm", "review": "thời điểm rà soát"}


class Flow(enum.StrEnum):
    """A figure over the year, from its start to its end, rather than at a point in time.

    The review form prints, per group of households (poor, near-poor), those at the start, the
    flows of the year and those at the end: start − escaped + fell back + new (+ from poor, for
    the near-poor) = end.  A fall (or rise) is the change between the two ends, in households
    and, for its rate, in percentage points.
    """

    ESCAPED = "escaped"  #: thoát nghèo (thoát cận nghèo), left the group during the year
    FELL_BACK = "fell-back"  #: tái nghèo (tái cận nghèo), had left it before and fell back
    NEW = "new"  #: phát sinh mới, newly in the group
    FROM_POOR = "from-poor"  #: chuyển từ hộ nghèo sang hộ cận nghèo (a near-poor flow)
    FALL = "fall"  #: giảm, the start less the end (households; the rate in points)
    RISE = "rise"  #: tăng, the end less the start (households; the rate in points)

    @property
    def vi(self) -> str:
        """The Vietnamese name of the flow."""
        return _FLOW_VI[self.value]

    @property
    def sign(self) -> int:
        """How the flow moves the group from its start to its end.

        ``-1`` out, ``+1`` in, ``0`` for a change between the two ends (a fall or a rise is not
        a term of the identity start − escaped + fell back + new = end)."""
        return _FLOW_SIGN[self.value]


_FLOW_VI = {
    "escaped": "thoát",
    "fell-back": "tái",
    "new": "phát sinh mới",
    "from-poor": "chuyển từ hộ nghèo",
    "fall": "giảm",
    "rise": "tăng",
}
_FLOW_SIGN = {"escaped": -1, "fell-back": 1, "new": 1, "from-poor": 1, "fall": 0, "rise": 0}


class StratumKind(enum.StrEnum):
    """Kinds of strata documents split an area into."""

    URBAN = "urban"  #: thành thị
    RURAL = "rural"  #: nông thôn
    ETHNIC_MINORITY = "ethnic-minority"  #: vùng đồng bào dân tộc thiểu số
    MOUNTAIN = "mountain"  #: miền núi
    OTHER = "other"

    @property
    def vi(self) -> str:
        return _STRATUM_VI[self]


_STRATUM_VI = {
    StratumKind.URBAN: "thành thị",
    StratumKind.RURAL: "nông thôn",
    StratumKind.ETHNIC_MINORITY: "vùng đồng bào dân tộc thiểu số",
    StratumKind.MOUNTAIN: "miền núi",
    StratumKind.OTHER: "khác",
}


@attrs.frozen
class Stratum:
    """A part of an area: the strata of one ``partition`` of one area add up to the area.

    Attributes:
        id: A stable identifier, e.g. ``urban`` or ``tinh-a-urban``.
        name: The name as printed, e.g. ``Thành thị``.
        kind: Urban, rural, ethnic-minority, mountain or other.
        of: The ``id`` of the unit it is a part of; ``None`` for the document's whole area.
        partition: The name of the partition it belongs to (strata of one partition and one
            area add up to that area), e.g. ``area-type`` for urban/rural.
    """

    id: str = attrs.field(metadata=IDENTIFIER)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    kind: StratumKind = attrs.field(metadata=checks(instance_of(StratumKind)))
    of: str | None = attrs.field(default=None, metadata=checks(optional(is_identifier)))
    partition: str = attrs.field(default="area-type", metadata=IDENTIFIER)

    def __attrs_post_init__(self) -> None:
        validate(self)


def _text_items(value: Items[str]) -> tuple[str, ...]:
    return to_tuple(value)


@attrs.frozen
class UnitGroup:
    """A named set of units with figures of its own, e.g. the poor districts (huyện nghèo).

    A group whose source names none of its members (an excerpt prints only its total) says
    ``complete=False`` and lists none: its members are then never summed.
    """

    id: str = attrs.field(metadata=IDENTIFIER)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    members: tuple[str, ...] = attrs.field(
        default=(), converter=_text_items, metadata=checks(tuple_of(is_identifier))
    )
    complete: bool = attrs.field(default=True, metadata=checks(instance_of(bool)))
    """Whether ``members`` lists every unit of the group (so that they add up to it)."""

    def __attrs_post_init__(self) -> None:
        validate(self)


FigureKey = tuple[str | None, HouseholdGroup, TimePoint | Flow, int | None]
"""The subject, household group, time point (or flow over the year) and year of a figure."""

ObservationKey = tuple[str | None, HouseholdGroup, TimePoint | Flow, int]
"""The subject, household group, time point (or flow over the year) and year (never ``None``)
of an observation: a figure's key in its document (:meth:`~mdpoverty.Figure.key_in`)."""


def _rate_checks(value: object) -> str | None:
    if isinstance(value, Quantity):
        if value.is_count:
            return _("must be a decimal or a range of decimals")
        return _rate_checks(value.low) or _rate_checks(value.high)
    reason = is_decimal(value)
    if reason is not None:
        return reason
    assert isinstance(value, Decimal)  # noqa: S101  (is_decimal passed)
    return None if 0 <= value <= 100 else _("must lie between {low} and {high}", low=0, high=100)


def _count_checks(value: object) -> str | None:
    if isinstance(value, Quantity):
        if value.is_count and value.low >= 0:
            return None
        return _("must be a count or a range of counts")
    return is_count(value)


def _exact(value: object) -> object:
    """A range of one value as its number, so that each value has one form."""
    if isinstance(value, Quantity) and value.is_exact:
        return value.low
    return value


def _bounds(value: int | Decimal | Quantity | None) -> tuple[int | Decimal, int | Decimal] | None:
    if value is None:
        return None
    if isinstance(value, Quantity):
        return value.low, value.high
    return value, value


@attrs.frozen(kw_only=True)
class Figure:
    """One printed observation: a count and/or a rate of a group of households.

    The rate keeps its printed precision (``Decimal("5.0")`` was printed with one decimal);
    the consistency checks compare at that precision.  The denominator of a rate is the figure
    of all households (``group=all``) about the same subject at the same time, where printed.

    A figure with a ``flow`` holds over the document's year (its ``time`` is not used): the
    poor who escaped, fell back or newly fell into poverty during the year, or the fall of the
    group between the two ends ("giảm 1.234 hộ (1,56%)": ``count=1234``, ``rate=1.56``
    points).

    >>> fall = Figure(group=HouseholdGroup.POOR, flow=Flow.FALL, count=1234, rate=Decimal("1.56"))
    >>> fall.key
    (None, <HouseholdGroup.POOR: 'poor'>, <Flow.FALL: 'fall'>, None)

    Attributes:
        group: Which households: all, poor, near-poor, poor and near-poor together, …
        about: The ``id`` of a unit, stratum or group of units; ``None`` for the document's area.
        time: The start or end of the year, or the review's date.
        year: The year; ``None`` for the document's year.
        count: Households (or, for low-income workers, people), where printed; a range of
            counts where the document prints one ("1.200–1.350 hộ").
        rate: The percentage, as printed, where printed (for a fall or a rise: points); a
            range where the document prints one ("5,2–5,6%").
        section: Where the document prints it, e.g. ``Phụ lục 1`` or ``II.1``.
        flow: The flow over the year the figure counts; ``None`` for a figure at ``time``.
        ethnic_minority: Of ``count``, the households of ethnic minorities (hộ dân tộc thiểu
            số), where printed.
    """

    group: HouseholdGroup = attrs.field(metadata=checks(instance_of(HouseholdGroup)))
    about: str | None = attrs.field(default=None, metadata=checks(optional(is_identifier)))
    time: TimePoint = attrs.field(default=TimePoint.END, metadata=checks(instance_of(TimePoint)))
    year: int | None = attrs.field(default=None, metadata=checks(optional(instance_of(int))))
    count: int | Quantity | None = attrs.field(
        default=None, converter=_exact, metadata=checks(optional(_count_checks))
    )
    rate: Decimal | Quantity | None = attrs.field(
        default=None, converter=_exact, metadata=checks(optional(_rate_checks))
    )
    section: str = attrs.field(default="", converter=nfc, metadata=STR)
    flow: Flow | None = attrs.field(default=None, metadata=checks(optional(instance_of(Flow))))
    ethnic_minority: int | None = attrs.field(default=None, metadata=OPTIONAL_COUNT)

    def __attrs_post_init__(self) -> None:
        validate(self)

    @classmethod
    def _of_unit_count(
        cls, group: HouseholdGroup, about: str, time: TimePoint, count: int
    ) -> Figure:
        """The figure of a validated unit's count (its id and count were checked when the unit
        was built): made without checking them again, for the many units of a large document."""
        return trusted(cls, group=group, about=about, time=time, count=count)

    def _problems(self) -> Iterator[Problem]:
        if self.count is None and self.rate is None:
            yield Problem("Figure", "count", None, _("or 'rate' must be given"))
        if self.flow is Flow.FROM_POOR and self.group is not HouseholdGroup.NEAR_POOR:
            yield Problem(
                "Figure", "group", self.group.value, _("must be near-poor for the flow from-poor")
            )
        minority, bounds = self.ethnic_minority, self.count_bounds
        # Of a range, the sub-count may reach its upper bound: it is judged against that.
        if minority is not None and (bounds is None or minority > bounds[1]):
            reason = _("must be <= count ({count})", count=self.count)
            yield Problem("Figure", "ethnic_minority", minority, reason)

    @property
    def when(self) -> TimePoint | Flow:
        """The figure's flow over the year, or its point in time where it has no flow."""
        return self.time if self.flow is None else self.flow

    @property
    def key(self) -> FigureKey:
        """The figure's subject, household group, time point (or flow) and year."""
        return (self.about, self.group, self.when, self.year)

    def key_in(self, year: int) -> ObservationKey:
        """The figure's :attr:`key` in a document of ``year``: the figure's year, or ``year``
        (the document's) where the figure names none."""
        return (self.about, self.group, self.when, self.year or year)

    @property
    def rate_places(self) -> int | None:
        """The decimals the rate was printed with (``5,0`` → 1), or ``None`` with no rate."""
        if isinstance(self.rate, Quantity):
            return self.rate.places
        return None if self.rate is None else decimal_places(self.rate)

    @property
    def is_exact(self) -> bool:
        """Whether neither the count nor the rate is a range."""
        return not isinstance(self.count, Quantity) and not isinstance(self.rate, Quantity)

    @property
    def exact_count(self) -> int | None:
        """The count where it is printed as one number; ``None`` where absent or a range
        (the rules that judge only exact counts read this)."""
        return None if isinstance(self.count, Quantity) else self.count

    @property
    def exact_rate(self) -> Decimal | None:
        """The rate where it is printed as one number; ``None`` where absent or a range."""
        return None if isinstance(self.rate, Quantity) else self.rate

    @property
    def count_bounds(self) -> tuple[int, int] | None:
        """The count's lower and upper bound (equal for an exact count); ``None`` without one."""
        bounds = _bounds(self.count)
        return None if bounds is None else (int(bounds[0]), int(bounds[1]))

    @property
    def rate_bounds(self) -> tuple[Decimal, Decimal] | None:
        """The rate's lower and upper bound (equal for an exact rate); ``None`` without one."""
        bounds = _bounds(self.rate)
        return None if bounds is None else (Decimal(bounds[0]), Decimal(bounds[1]))
