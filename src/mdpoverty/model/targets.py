"""What a plan aims for: poverty targets (II.1, II.2.a, the annex) and deficit targets (II.2.b)."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal

import attrs

from mdpoverty.errors import Problem, describe
from mdpoverty.i18n import _
from mdpoverty.values._validation import (
    OPTIONAL_YEAR,
    STR,
    Items,
    checks,
    instance_of,
    is_identifier,
    is_text,
    nfc,
    optional,
    to_tuple,
    tuple_of,
    validate,
)
from mdpoverty.values.quantities import Comparison, Quantity

__all__ = [
    "DeficitIndicator",
    "HouseholdGroup",
    "IndicatorKind",
    "Measure",
    "Population",
    "Subject",
    "Target",
]


class HouseholdGroup(enum.StrEnum):
    """Groups of households the poverty standard and the plans distinguish."""

    POOR = "poor"  #: hộ nghèo
    NEAR_POOR = "near-poor"  #: hộ cận nghèo
    POOR_AND_NEAR_POOR = "poor-and-near-poor"  #: hộ nghèo và hộ cận nghèo (together)
    NEWLY_ESCAPED = "newly-escaped"  #: hộ mới thoát nghèo
    NEWLY_POOR = "newly-poor"  #: hộ nghèo phát sinh
    LOW_INCOME = "low-income"  #: người lao động có thu nhập thấp (Decree 30/2025/NĐ-CP)
    ALL = "all"  #: every household (hộ dân)

    @property
    def vi(self) -> str:
        return _GROUP_VI[self]


_GROUP_VI = {
    HouseholdGroup.POOR: "hộ nghèo",
    HouseholdGroup.NEAR_POOR: "hộ cận nghèo",
    HouseholdGroup.POOR_AND_NEAR_POOR: "hộ nghèo và hộ cận nghèo",
    HouseholdGroup.NEWLY_ESCAPED: "hộ mới thoát nghèo",
    HouseholdGroup.NEWLY_POOR: "hộ nghèo phát sinh",
    HouseholdGroup.LOW_INCOME: "người lao động có thu nhập thấp",
    HouseholdGroup.ALL: "hộ dân",
}

UNIT_COUNT_FIELDS: dict[HouseholdGroup, str] = {
    HouseholdGroup.ALL: "households",
    HouseholdGroup.POOR: "poor_households",
    HouseholdGroup.NEAR_POOR: "near_poor_households",
}
"""The field of an :class:`~mdpoverty.model.units.AdministrativeUnit` that counts each household
group at the start of the year: its figure of that group (the groups a unit counts)."""


class Measure(enum.StrEnum):
    """What a poverty :class:`Target` is about, and so the kind of its value."""

    REDUCTION = "reduction"
    """Households that leave the group during the period (an int)."""
    END_COUNT = "end-count"
    """Households in the group at the end of the period (an int)."""
    END_RATE = "end-rate"
    """The group's rate at the end of the period, in percent (a Decimal)."""
    RATE_REDUCTION = "rate-reduction"
    """The fall of the group's rate, in percentage points (a Decimal)."""

    @property
    def is_count(self) -> bool:
        return self in (Measure.REDUCTION, Measure.END_COUNT)


@attrs.frozen
class Target:
    """A poverty target: for the whole area (``about=None``), a unit, a stratum or a group of
    units; exact or a range.

    >>> target = Target(Measure.END_RATE, Quantity(Decimal("1.86")))
    >>> target.value.vi()
    '1,86'

    Attributes:
        measure: Reduction, end count, end rate or rate reduction.
        value: Households (int) for counts; percent or percentage points (Decimal) for rates.
        group: The households the target is about: poor (the default) or near-poor.
        about: The ``id`` of the unit, stratum or group of units the target is about, or
            ``None`` for the whole area of the document.
        year: The year the target is for, in a multi-year plan; ``None`` for the plan's year.
        comparison: Exactly (the default), at least, or at most.
        section: Where the plan states it, e.g. ``II.1`` or ``annex``.
        text: The wording of the source, where the target is stated in the text.
    """

    measure: Measure = attrs.field(metadata=checks(instance_of(Measure)))
    value: Quantity = attrs.field(metadata=checks(instance_of(Quantity)))
    group: HouseholdGroup = attrs.field(
        default=HouseholdGroup.POOR, metadata=checks(instance_of(HouseholdGroup))
    )
    about: str | None = attrs.field(default=None, metadata=checks(optional(is_identifier)))
    year: int | None = attrs.field(default=None, metadata=OPTIONAL_YEAR)
    comparison: Comparison = attrs.field(
        default=Comparison.EXACTLY, metadata=checks(instance_of(Comparison))
    )
    section: str = attrs.field(default="", converter=nfc, metadata=STR)
    text: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def _problems(self) -> Iterator[Problem]:
        me = f"Target {self.measure.value}" + (f" of {self.about!r}" if self.about else "")
        if self.measure.is_count and not self.value.is_count:
            yield Problem(me, "value", self.value, _("must hold household counts (ints)"))
        elif not self.measure.is_count and self.value.is_count:
            yield Problem(me, "value", self.value, _("must hold a rate (Decimals)"))
        elif self.value.low < 0:
            yield Problem(me, "value", self.value, _("must be >= {bound}", bound=0))
        elif not self.measure.is_count and self.value.high > 100:
            yield Problem(me, "value", self.value, _("must be <= {bound}", bound=100))


class Subject(enum.StrEnum):
    """Whom a deficit target counts."""

    HOUSEHOLDS = "households"  #: hộ
    PEOPLE = "people"  #: người
    WORKERS = "workers"  #: người lao động
    CHILDREN = "children"  #: trẻ em
    OFFICERS = "officers"  #: cán bộ làm công tác giảm nghèo
    PROJECTS = "projects"  #: dự án, mô hình
    OTHER = "other"


def _household_group_items(value: Items[HouseholdGroup]) -> tuple[HouseholdGroup, ...]:
    return to_tuple(value)


@attrs.frozen
class Population:
    """The population a target is about: whom it counts, in which households, on what condition.

    >>> workers = Population(Subject.WORKERS, [HouseholdGroup.POOR], "có nhu cầu")
    >>> workers.groups
    (<HouseholdGroup.POOR: 'poor'>,)

    Attributes:
        subject: Households, people, workers, children, officers, …
        groups: The household groups they belong to (empty when not about households).
        condition: A qualifier as printed, e.g. ``có nhu cầu`` (who need it), or ``""``.
    """

    subject: Subject = attrs.field(metadata=checks(instance_of(Subject)))
    groups: tuple[HouseholdGroup, ...] = attrs.field(
        default=(),
        converter=_household_group_items,
        metadata=checks(tuple_of(instance_of(HouseholdGroup))),
    )
    condition: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)


class IndicatorKind(enum.StrEnum):
    """The form of a deficit target's value."""

    SHARE = "share"  #: a percentage of the population ("100%", "ít nhất 63,5%")
    COUNT = "count"  #: a number of the population ("tối thiểu 50 người lao động")
    QUALITATIVE = "qualitative"  #: a commitment without a number


# Why a deficit target of a kind with a number needs its value (the kind's value is for programs).
_VALUE_NEEDED = {
    IndicatorKind.SHARE: _("must be given for a share target"),
    IndicatorKind.COUNT: _("must be given for a count target"),
}


@attrs.frozen
class DeficitIndicator:
    """A target stated for a deprivation dimension of the poverty standard, or a general result.

    Attributes:
        id: A stable identifier within the plan, e.g. ``employment-job-matching``.
        dimension: The dimension's id in the poverty standard (``employment``, ``health``, …),
            or ``None`` for a general result target (II.2.a) outside the dimensions.
        indicator: The standard's indicator the target serves, where one fits, else ``None``.
        kind: Share, count or qualitative.
        value: The share in percent (Decimal, 0–100) or the count (int); ``None`` when
            qualitative.
        comparison: At least, exactly or at most.
        population: Whom the target is about.
        section: Where the plan states it, e.g. ``II.2.b``.
        text: The wording of the source.
    """

    id: str = attrs.field(metadata=checks(is_identifier))
    dimension: str | None = attrs.field(metadata=checks(optional(is_identifier)))
    kind: IndicatorKind = attrs.field(metadata=checks(instance_of(IndicatorKind)))
    population: Population = attrs.field(metadata=checks(instance_of(Population)))
    text: str = attrs.field(converter=nfc, metadata=checks(is_text))
    value: Quantity | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(Quantity)))
    )
    comparison: Comparison = attrs.field(
        default=Comparison.EXACTLY, metadata=checks(instance_of(Comparison))
    )
    indicator: str | None = attrs.field(default=None, metadata=checks(optional(is_identifier)))
    section: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def _problems(self) -> Iterator[Problem]:
        me = describe(self)
        value = self.value
        if self.kind is IndicatorKind.QUALITATIVE:
            if value is not None:
                yield Problem(me, "value", value, _("must be None for a qualitative target"))
        elif value is None:
            yield Problem(me, "value", value, _VALUE_NEEDED[self.kind])
        elif self.kind is IndicatorKind.SHARE and (
            value.is_count or not Decimal(0) <= value.low <= value.high <= Decimal(100)
        ):
            reason = _("must be a share in percent, 0 to 100 (Decimal)")
            yield Problem(me, "value", value, reason)
        elif self.kind is IndicatorKind.COUNT and (not value.is_count or value.low < 0):
            yield Problem(me, "value", value, _("must be a count >= 0 (int)"))
