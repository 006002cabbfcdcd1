"""Figures: what a document prints about households, as observations keyed by what they are about.

A figure is one printed observation: a count and/or a rate, for a group of households (all,
poor, near-poor, poor and near-poor together, …), about a subject (the document's area, one of
its units, a stratum, or a group of units), at a point in time (the start or the end of a year,
or the review's date).  Every table a review prints is a view of its figures, and every sum rule
is one rule over their keys (:attr:`mdpoverty.Figure.key`).

Strata split an area into parts that add up to it (urban and rural; ethnic-minority and mountain
areas and the rest); groups of units name a set of units with figures of their own (the poor
districts of the country).

>>> figure = Figure(group=HouseholdGroup.POOR, count=1234, rate=Decimal("5.0"), about="tinh-a")
>>> figure.rate_places
1
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal

import attrs

from mdpoverty.errors import Problem
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.values._validation import (
    IDENTIFIER,
    OPTIONAL_COUNT,
    STR,
    TEXT,
    checks,
    instance_of,
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

__all__ = [
    "Figure",
    "FigureKey",
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


@attrs.frozen
class UnitGroup:
    """A named set of units with figures of its own, e.g. the poor districts (huyện nghèo)."""

    id: str = attrs.field(metadata=IDENTIFIER)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    members: tuple[str, ...] = attrs.field(
        converter=to_tuple, metadata=checks(tuple_of(is_identifier))
    )
    complete: bool = attrs.field(default=True, metadata=checks(instance_of(bool)))
    """Whether ``members`` lists every unit of the group (so that they add up to it)."""

    def __attrs_post_init__(self) -> None:
        validate(self)


FigureKey = tuple[str | None, HouseholdGroup, TimePoint, int | None]
"""The subject, household group, time point and year of a figure."""

ObservationKey = tuple[str | None, HouseholdGroup, TimePoint, int]
"""The subject, household group, time point and year (never ``None``) of an observation: a
figure's key in its document (:meth:`~mdpoverty.Figure.key_in`)."""


def _rate_checks(value: object) -> str | None:
    reason = is_decimal(value)
    if reason is not None:
        return reason
    assert isinstance(value, Decimal)  # noqa: S101  (is_decimal passed)
    return None if 0 <= value <= 100 else "must lie between 0 and 100"


@attrs.frozen(kw_only=True)
class Figure:
    """One printed observation: a count and/or a rate of a group of households.

    The rate keeps its printed precision (``Decimal("5.0")`` was printed with one decimal);
    the consistency checks compare at that precision.  The denominator of a rate is the figure
    of all households (``group=all``) about the same subject at the same time, where printed.

    Attributes:
        group: Which households: all, poor, near-poor, poor and near-poor together, …
        about: The ``id`` of a unit, stratum or group of units; ``None`` for the document's area.
        time: The start or end of the year, or the review's date.
        year: The year; ``None`` for the document's year.
        count: Households (or, for low-income workers, people), where printed.
        rate: The percentage, as printed, where printed.
        section: Where the document prints it, e.g. ``Phụ lục 1`` or ``II.1``.
    """

    group: HouseholdGroup = attrs.field(metadata=checks(instance_of(HouseholdGroup)))
    about: str | None = attrs.field(default=None, metadata=checks(optional(is_identifier)))
    time: TimePoint = attrs.field(default=TimePoint.END, metadata=checks(instance_of(TimePoint)))
    year: int | None = attrs.field(default=None, metadata=checks(optional(instance_of(int))))
    count: int | None = attrs.field(default=None, metadata=OPTIONAL_COUNT)
    rate: Decimal | None = attrs.field(default=None, metadata=checks(optional(_rate_checks)))
    section: str = attrs.field(default="", converter=nfc, metadata=STR)

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
            yield Problem("Figure", "count", None, "or 'rate' must be given")

    @property
    def key(self) -> FigureKey:
        """The figure's subject, household group, time point and year."""
        return (self.about, self.group, self.time, self.year)

    def key_in(self, year: int) -> ObservationKey:
        """The figure's :attr:`key` in a document of ``year``: the figure's year, or ``year``
        (the document's) where the figure names none."""
        return (self.about, self.group, self.time, self.year or year)

    @property
    def rate_places(self) -> int | None:
        """The decimals the rate was printed with (``5,0`` → 1), or ``None`` with no rate."""
        return None if self.rate is None else decimal_places(self.rate)
