"""Target rules: ranged targets bound by bound, falls in points, and results against targets."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from operator import attrgetter, itemgetter

from mdpoverty.aggregate._observations import observations
from mdpoverty.aggregate.results import achieved, judge
from mdpoverty.checks.builtin._words import amount, measure, subject, target_value
from mdpoverty.checks.builtin.figures import wholes
from mdpoverty.checks.report import Finding, Severity, rule
from mdpoverty.i18n import Message, _
from mdpoverty.model.document import Document, ImplementationReport
from mdpoverty.model.figures import TimePoint
from mdpoverty.model.targets import HouseholdGroup, Measure
from mdpoverty.values.numbers import round_half_up
from mdpoverty.values.quantities import Comparison, Quantity

_BOUNDS = (("lower", "low"), ("upper", "high"))

# The kinds of wholes (figures.Whole) along the hierarchy of units: the area and a unit.
_HIERARCHY = frozenset({"units", "unit"})


def bounds(whole: Quantity, parts: Quantity) -> Iterator[tuple[str, int | Decimal, int | Decimal]]:
    """The bounds on which ``parts`` (their sum) and ``whole`` disagree, each on its own:
    ``(name, expected, actual)``, the lower bound first.  No overlap is accepted.  Two exact
    values disagree once, with the name ``""``."""
    if whole.is_exact and parts.is_exact:
        if whole.low != parts.low:
            yield "", parts.low, whole.low
        return
    for name, attribute in _BOUNDS:
        expected, actual = getattr(parts, attribute), getattr(whole, attribute)
        if expected != actual:
            yield name, expected, actual


_LOW, _HIGH = attrgetter("low"), attrgetter("high")


def headline_judged(document: Document) -> bool:
    """Whether ``headline.annex-total`` judges the area's reduction target (a flat list of
    units that all print their households and poor households), so that this group leaves it
    alone."""
    return (
        bool(document.units)
        and not document.excerpt
        and all(
            u.parent is None and u.households is not None and u.poor_households is not None
            for u in document.units
        )
    )


# The first exact reduction target of each subject, for one group and year: its position in the
# targets, and its value (read while the target is at hand: a part's target is then not read
# again to be summed).  Plain ints and values under plain keys, two objects whatever the
# number of targets (a province states tens of thousands).
_Stated = tuple[dict[str | None, int], dict[str | None, Quantity]]


def _stated(document: Document) -> dict[tuple[HouseholdGroup, int], _Stated]:
    """The first exact reduction target of each subject, by group and year."""
    targets, year = document.targets, document.year
    stated: dict[tuple[HouseholdGroup, int], _Stated] = {}
    reduction, exactly = Measure.REDUCTION, Comparison.EXACTLY  # an enum's member is slow to name
    key: tuple[HouseholdGroup, int] | None = None
    first: dict[str | None, int] = {}
    values: dict[str | None, Quantity] = {}
    for i, target in enumerate(targets):
        if target.measure is reduction and target.comparison is exactly:
            group, when = target.group, target.year or year
            if key is None or group is not key[0] or when != key[1]:  # most are as the last
                key = (group, when)
                first, values = stated.setdefault(key, ({}, {}))
            about = target.about
            if about not in first:
                first[about] = i
                values[about] = target.value
    return stated


@rule(
    "targets.ranges",
    Severity.ERROR,
    title=_("The parts' reduction targets add up to the whole's, bound by bound"),
    rationale=_(
        "A province sets the targets of its districts as ranges ('420–480 hộ') and its own as a "
        "range: both bounds are meant.  The lower bounds of the parts add up to the lower "
        "bound of the whole, and the upper bounds to the upper bound, along every hierarchy "
        "(the top-level units to the area, children to their unit)."
    ),
    tolerance=_(
        "Counts are exact, and each bound is judged on its own: ranges that merely overlap do "
        "not agree.  Judged only where the whole and every one of its parts state an exact "
        "(not 'at least' or 'at most') target for the same household group and year.  The "
        "area's poor-household target is left to headline.annex-total where a flat list of "
        "units prints its counts.  The units of an excerpt are never summed."
    ),
)
def ranges(document: Document) -> Iterator[Finding]:
    targets, stated = document.targets, _stated(document)
    # The wholes of the hierarchy (the area, the units with parts; none in an excerpt, whose
    # units are a selection) with a target, in the order of the targets.
    judged: list[tuple[int, tuple[str, ...], dict[str | None, Quantity]]] = []
    for whole in wholes(document):
        if whole.kind in _HIERARCHY:
            for first, values in stated.values():
                i = first.get(whole.subject)
                if i is not None:
                    judged.append((i, whole.parts, values))
    judged.sort(key=itemgetter(0))
    for i, parts, values in judged:
        target = targets[i]
        about = target.about
        if about is None and target.group is HouseholdGroup.POOR and headline_judged(document):
            continue
        found = list(map(values.get, parts))
        if not all(found):  # a part without a target (a value is never false)
            continue
        # Added by loops in C: a district's parts are its communes, a province's thousands.
        low, high = sum(map(_LOW, found)), sum(map(_HIGH, found))
        if target.value.low == low and target.value.high == high:
            continue  # they agree (most do): no range of the sum to make
        for name, expected, actual in bounds(target.value, Quantity(low, high)):
            yield ranges.finding(
                f"targets/{i}/value",
                _parts_disagree(name, expected, actual, subject(about)),
                expected=expected,
                actual=actual,
            )


def _parts_disagree(
    name: str, expected: int | Decimal, actual: int | Decimal, whole: str
) -> Message:
    """The message of a bound ``name`` (``lower``, ``upper``, or ``""`` for an exact value) on
    which the parts' targets and the whole's disagree."""
    values = {"expected": expected, "actual": actual, "whole": whole}
    if name == "lower":
        return _(
            "the lower bounds of the parts' targets add up to {expected}, the lower bound of the "
            "target of {whole} is {actual}",
            **values,
        )
    if name == "upper":
        return _(
            "the upper bounds of the parts' targets add up to {expected}, the upper bound of the "
            "target of {whole} is {actual}",
            **values,
        )
    return _(
        "the targets of the parts add up to {expected}, the target of {whole} is {actual}",
        **values,
    )


@rule(
    "targets.rate-reduction",
    Severity.ERROR,
    title=_("A fall in points is the difference of the two printed rates"),
    rationale=_(
        "A fall of the rate is in percentage points: the rate at the start less the rate at "
        "the end, both as printed (rounded), whatever their denominators, never a count "
        "divided by a total.  A target or result of the fall must be that difference where "
        "the document prints both rates."
    ),
    tolerance=_(
        "The difference of the printed rates is rounded half-up to the target's printed "
        "precision; a ranged target accepts a difference within its range.  A rate printed "
        "as a range is not judged.  Reports are left to results.target-met."
    ),
)
def rate_reduction(document: Document) -> Iterator[Finding]:
    if isinstance(document, ImplementationReport):
        return
    observed = observations(document)
    rate_reduction_ = Measure.RATE_REDUCTION  # an enum's member is slow to name in a loop
    for i, target in enumerate(document.targets):
        if target.measure is not rate_reduction_:
            continue
        when = target.year or document.year
        start = observed.get((target.about, target.group, TimePoint.START, when))
        end = observed.get((target.about, target.group, TimePoint.END, when))
        first = None if start is None else start[0].exact_rate
        last = None if end is None else end[0].exact_rate
        if first is None or last is None:
            continue  # a rate printed as a range is not judged
        difference = round_half_up(first - last, target.value.places)
        if not target.value.low <= difference <= target.value.high:
            yield rate_reduction.finding(
                f"targets/{i}/value",
                _(
                    "the rates printed fall from {start}% to {end}%, by {points} points, the "
                    "target is {target}",
                    start=first,
                    end=last,
                    points=difference,
                    target=amount(target.value),
                ),
                expected=difference,
                actual=target.value,
            )


@rule(
    "results.target-met",
    Severity.INFO,
    title=_("An implementation report's results meet the targets it restates"),
    rationale=_(
        "A report states what was achieved against its plan's targets; a target it restates "
        "and does not meet (fewer households left poverty, a higher rate at the end) is what "
        "a reader of the report looks for."
    ),
    tolerance=_(
        "Results are read from the report's figures: a reduction is the fall in households "
        "it prints, else the start count less the end count; a fall in points the fall it "
        "prints, else the difference of the printed rates.  A target whose result is not "
        "printed, or is printed as a range (it achieves no one value), is not judged."
    ),
)
def target_met(document: Document) -> Iterator[Finding]:
    if not isinstance(document, ImplementationReport):
        return
    observed = observations(document)
    for i, target in enumerate(document.targets):
        value = achieved(target, observed, document.year)
        if value is None:
            continue
        met, by = judge(target, value)
        if not met:
            yield target_met.finding(
                f"targets/{i}",
                _(
                    "the target of {subject} for {what} is {target}, the report gives {value} "
                    "(short by {short})",
                    subject=subject(target.about),
                    what=measure(target),
                    target=target_value(target),
                    value=value,
                    short=-by,
                ),
                expected=target.value,
                actual=value,
            )
