"""Headline rules: the targets stated in the text against the annex's totals."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from mdpoverty.checks.builtin._words import BOUNDS, amount, measure, target_value
from mdpoverty.checks.builtin.targets import bounds, headline_judged
from mdpoverty.checks.records import FindingValue
from mdpoverty.checks.report import Finding, Severity, rule
from mdpoverty.i18n import Message, _
from mdpoverty.model.document import Document
from mdpoverty.model.targets import HouseholdGroup, Measure, Target
from mdpoverty.tables.annex import UnitFigures, annex_figures
from mdpoverty.values.numbers import RATE_PLACES, rate
from mdpoverty.values.quantities import Comparison, Quantity


def _derived(target: Target, total: UnitFigures) -> Quantity | None:
    """What the annex's units imply for ``target``, at the target's printed precision."""
    reduction = total.reduction
    if reduction is None:
        return None
    h, poor = total.households, total.poor_households
    if h is None or poor is None:  # a unit without counts: nothing to derive, nothing to judge
        return None
    if target.measure is Measure.REDUCTION:
        return reduction
    # Counts less counts, rates of counts and their differences are within the bounds of a
    # Quantity: the ranges are made without checking them again.
    if target.measure is Measure.END_COUNT:
        return reduction._map_trusted(lambda r: poor - int(r))
    digits = target.value.places
    if target.comparison is not Comparison.EXACTLY:
        digits = max(digits, RATE_PLACES)

    def end(r: int | Decimal) -> Decimal:
        return rate(poor - int(r), h, digits)

    if target.measure is Measure.END_RATE:
        return reduction._map_trusted(end)
    start = rate(poor, h, digits)
    return reduction._map_trusted(lambda r: start - end(r))


def _disagreements(
    target: Target, derived: Quantity
) -> Iterator[tuple[str, FindingValue, FindingValue]]:
    """``(which, expected, actual)`` for each bound the annex and ``target`` disagree on
    (``which`` is ``lower`` or ``upper``, or empty where the target as a whole disagrees)."""
    value = target.value
    if target.comparison is Comparison.AT_LEAST:
        if derived.high < value.low:
            yield "", derived, value
    elif target.comparison is Comparison.AT_MOST:
        if derived.low > value.high:
            yield "", derived, value
    else:  # both bounds are meant: each is judged on its own, as targets.ranges does
        for name, expected, actual in bounds(value, derived):
            if name:
                yield name, expected, actual
            else:
                yield "", derived, value


@rule(
    "headline.annex-total",
    Severity.ERROR,
    title=_("The headline targets agree with the annex's total"),
    rationale=_(
        "The area's targets stated in the text (poor households to reduce, poor households "
        "and the poverty rate at the end of the year, the fall of the rate) are the totals "
        "of the units' targets in the annex ('chi tiết theo biểu đính kèm'): the total "
        "reduction is the sum of the units', the end count the start count less it, and the "
        "rates are computed from the summed counts."
    ),
    tolerance=_(
        "Counts are exact.  A rate is compared at the printed precision of the target (half-up): "
        "'1,86%' is the end rate at 2 decimals.  A ranged target ('840–930 hộ') is judged "
        "bound by bound, as targets.ranges does: the annex's lower bound against the "
        "target's lower bound and the upper against the upper, each a finding of its own, "
        "with no overlap accepted (an exact annex value is both its bounds); 'at least' and "
        "'at most' targets agree unless the annex certainly falls short of them, comparing "
        "rates at 2 decimals or more.  Units in a hierarchy (a unit with a parent) are left "
        "to targets.ranges and figures.parts-sum."
    ),
)
def headline(plan: Document) -> Iterator[Finding]:
    if not headline_judged(plan):
        return  # a hierarchy is targets.ranges' to judge; a unit without counts, no one's
    total = annex_figures(plan)[None]  # the total row's
    for i, target in enumerate(plan.targets):
        if (
            target.about is not None
            or target.group is not HouseholdGroup.POOR
            or target.year not in (None, plan.year)
        ):
            continue
        derived = _derived(target, total)
        if derived is None:
            continue
        for which, expected, actual in _disagreements(target, derived):
            stated: Message = (  # made only for a finding: most targets agree
                _("the target ({section})", section=target.section)
                if target.section
                else _("the target")
            )
            yield headline.finding(
                f"targets/{i}",
                _(
                    "{target} for {what} is {value}, the annex's units give {derived}",
                    target=_("the {bound} of {target}", bound=BOUNDS[which], target=stated)
                    if which
                    else stated,
                    what=measure(target),
                    value=target_value(target),
                    derived=amount(derived),
                ),
                expected=expected,
                actual=actual,
            )
