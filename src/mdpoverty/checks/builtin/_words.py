"""The words the figure, flow, target and annex rules say their findings with, in either language.

A finding's message names household groups, times of the year, flows, measures and the bounds
of ranges; each is a message here, so that the finding reads in the reader's language and an
English finding holds no Vietnamese word of the code's own (only names from the document).  A
range is a message value (a :class:`~mdpoverty.values.quantities.Quantity`) shown in the
notation of the language it is said in, never a text formatted beforehand.
"""

from __future__ import annotations

from decimal import Decimal

from mdpoverty.i18n import Message, _
from mdpoverty.model.figures import Flow, TimePoint
from mdpoverty.model.targets import HouseholdGroup, Measure, Target
from mdpoverty.values.quantities import Comparison, Quantity

GROUPS: dict[HouseholdGroup, Message] = {
    HouseholdGroup.POOR: _("poor households"),
    HouseholdGroup.NEAR_POOR: _("near-poor households"),
    HouseholdGroup.POOR_AND_NEAR_POOR: _("poor and near-poor households"),
    HouseholdGroup.NEWLY_ESCAPED: _("households newly escaped from poverty"),
    HouseholdGroup.NEWLY_POOR: _("newly poor households"),
    HouseholdGroup.LOW_INCOME: _("low-income workers"),
    HouseholdGroup.ALL: _("households"),
}
"""Each household group, as a finding names it."""

TIMES: dict[TimePoint | Flow, Message] = {
    TimePoint.START: _("start of the year"),
    TimePoint.END: _("end of the year"),
    TimePoint.REVIEW: _("time of the review"),
    Flow.ESCAPED: _("escaped"),
    Flow.FELL_BACK: _("fell back"),
    Flow.NEW: _("new"),
    Flow.FROM_POOR: _("from the poor"),
    Flow.FALL: _("fall"),
    Flow.RISE: _("rise"),
}
"""Each time point and flow of a figure, as a finding names it."""

BOUNDS: dict[str, Message] = {"lower": _("lower bound"), "upper": _("upper bound")}
"""The two bounds of a range."""


def measure(target: Target) -> Message:
    """What ``target`` is about: its measure of its household group."""
    group = GROUPS[target.group]
    if target.measure is Measure.REDUCTION:
        return _("the reduction of {group}", group=group)
    if target.measure is Measure.END_COUNT:
        return _("{group} at the end of the year", group=group)
    if target.measure is Measure.END_RATE:
        return _("the rate of {group} at the end of the year", group=group)
    return _("the fall of the rate of {group}", group=group)


def subject(about: str | None) -> str:
    """The unit, stratum or group a figure or target is about, or the document's area."""
    return _("the area") if about is None else about


def year_name(value: int) -> str:
    """A year, as its digits: a year is a name, not a number to group by thousands."""
    return str(value)


def amount(value: int | Decimal | Quantity) -> int | Decimal | Quantity:
    """A printed or derived value as a message shows it: a number, or its range (which a
    message says in its language's notation, :meth:`Quantity.localized`)."""
    if not isinstance(value, Quantity):
        return value
    return value.low if value.is_exact else value


def target_value(target: Target) -> int | Decimal | Quantity | Message:
    """A target's value with its comparison: ``at least 13``, ``840–930``."""
    value = amount(target.value)
    if target.comparison is Comparison.AT_LEAST:
        return _("at least {value}", value=value)
    if target.comparison is Comparison.AT_MOST:
        return _("at most {value}", value=value)
    return value
