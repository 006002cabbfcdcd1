"""Target rules: ranged targets bound by bound, falls in points, and results against targets."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from mdpoverty.aggregate.results import achieved, judge, shared_index
from mdpoverty.checks.builtin._words import amount, measure, subject, target_value
from mdpoverty.checks.report import Finding, Severity, rule
from mdpoverty.i18n import Message, _
from mdpoverty.model.document import Document, ImplementationReport
from mdpoverty.model.figures import TimePoint
from mdpoverty.model.targets import HouseholdGroup, Measure, Target
from mdpoverty.values.numbers import round_half_up
from mdpoverty.values.quantities import Comparison, Quantity

_BOUNDS = (("lower", "low"), ("upper", "high"))


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


def _sum(values: Sequence[Quantity]) -> Quantity:
    return Quantity(sum(int(v.low) for v in values), sum(int(v.high) for v in values))


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
    stated: dict[tuple[str | None, HouseholdGroup, int], tuple[int, Target]] = {}
    for i, target in enumerate(document.targets):
        if target.measure is Measure.REDUCTION and target.comparison is Comparison.EXACTLY:
            stated.setdefault(
                (target.about, target.group, target.year or document.year), (i, target)
            )
    if document.excerpt:  # its units are a selection: no whole has all its parts given
        return
    judged = headline_judged(document)
    ids = {u.id for u in document.units}
    parents = {u.parent for u in document.units}  # the subjects that have parts (None: the area)
    for (about, group, year), (i, target) in stated.items():
        if about is None and group is HouseholdGroup.POOR and judged:
            continue
        if (about is not None and about not in ids) or about not in parents:
            continue  # not a unit of the document, or a unit without parts
        parts = [stated.get((u.id, group, year)) for u in document.children(about)]
        if not parts or any(p is None for p in parts):
            continue
        total = _sum([p[1].value for p in parts if p is not None])
        for name, expected, actual in bounds(target.value, total):
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
    observed = shared_index(document)
    for i, target in enumerate(document.targets):
        if target.measure is not Measure.RATE_REDUCTION:
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
    observed = shared_index(document)
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
