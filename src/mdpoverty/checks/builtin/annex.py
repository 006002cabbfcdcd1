"""Annex rules: the printed table against the units' counts, its own rates and its total row.

The rules of the unit rows share their reading of them, made once per document
(:func:`_judged`): each printed unit row with its unit's derived figures and the counts it is
judged by.  Most rows print their derived figures exactly, every count and rate; such a row is
found to agree once, and annex.counts, annex.rate and annex.rate-reduction judge in full only
the others (at scale, a row each of ten thousand units, several times over, was most of a
check).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import NamedTuple

from mdpoverty.checks.builtin._words import BOUNDS, amount
from mdpoverty.checks.report import Finding, Rule, Severity, rule
from mdpoverty.i18n import Message, _
from mdpoverty.model._derived import derived as derived_fact
from mdpoverty.model.document import Document
from mdpoverty.model.printed import PrintedRow
from mdpoverty.tables.annex import UnitFigures, annex_figures
from mdpoverty.values.bounds import MAX_COUNT, MAX_DECIMAL
from mdpoverty.values.numbers import decimal_places, rate
from mdpoverty.values.quantities import Quantity, _trusted

_RATE_READING = _(
    "A printed rate matches when it equals the rate of its counts (poor ÷ households × 100) "
    "rounded half-up to the printed number of decimals: '1,15' is compared at 2 decimals, "
    "'1,2' at 1.  No other difference is accepted: the rounding is the document's own, and "
    "reproducing it leaves nothing to explain."
)

# The counts of a row, as a finding names them.
_FIELDS = {
    "households": _("the households"),
    "poor_households": _("the poor households"),
    "reduction": _("the reduction"),
}


class _Judged(NamedTuple):
    """A printed unit row with the figures derived for its unit (see :func:`_judged`) and
    the counts it is judged by: printed, or else derived (the reduction only where the
    derived one is exact).

    ``agrees`` where the row prints every derived figure: the counts, the exact reduction,
    and the three rates at the 2 decimals they are derived with.  Its counts are then the
    derived ones, its rates theirs, and the fall its start rate less its end rate: none of
    annex.counts, annex.rate and annex.rate-reduction can find anything in it.
    """

    location: str
    row: PrintedRow
    derived: UnitFigures
    households: int | None
    poor: int | None
    reduction: Quantity | None
    agrees: bool


def _judged(plan: Document) -> tuple[_Judged, ...]:
    """Each printed unit row of ``plan`` whose unit has derived figures (paired by unit id:
    :func:`~mdpoverty.tables.annex.annex_figures`, the figures of the rows of
    :func:`~mdpoverty.tables.annex.annex_rows`), judged once per document and shared by the
    rules."""
    if plan.annex is None:
        return ()
    return derived_fact(plan, "annex judged rows", lambda: tuple(_judge_rows(plan)))


def _judge_rows(plan: Document) -> Iterator[_Judged]:
    assert plan.annex is not None  # noqa: S101  (only called for a plan with an annex)
    derived = annex_figures(plan)
    for row in plan.annex.rows:
        if row.unit in derived:
            yield _judge(f"annex/rows/{row.unit}", row, derived[row.unit])


def _judge(location: str, row: PrintedRow, derived: UnitFigures) -> _Judged:
    if _agrees(row, derived):
        households, poor = derived.households, derived.poor_households
        return _Judged(location, row, derived, households, poor, derived.reduction, agrees=True)
    households = derived.households if row.households is None else row.households
    poor = derived.poor_households if row.poor_households is None else row.poor_households
    reduction = _quantity(row.reduction)
    if reduction is None and derived.reduction is not None and derived.reduction.is_exact:
        reduction = derived.reduction
    return _Judged(location, row, derived, households, poor, reduction, agrees=False)


def _agrees(row: PrintedRow, derived: UnitFigures) -> bool:
    """Whether ``row`` prints every figure of ``derived`` (see :class:`_Judged`)."""
    reduction, start, end = derived.reduction, derived.start_rate, derived.end_rate
    if reduction is None or start is None or end is None:  # no exact rates to print
        return False
    printed_start, printed_end = row.start_rate, row.end_rate
    # A rate is the derived one only at the same precision: a printed 1.200 is the rate at 3
    # decimals, which 1.20 need not be (same_quantum: the same decimals).
    return (
        row.households == derived.households
        and row.poor_households == derived.poor_households
        and row.reduction == reduction.low
        and isinstance(printed_start, Decimal)
        and printed_start == start
        and printed_start.same_quantum(start)
        and isinstance(printed_end, Decimal)
        and printed_end == end
        and printed_end.same_quantum(end)
        and row.rate_reduction == start - end
    )


def _printed(plan: Document) -> tuple[tuple[str, PrintedRow], ...]:
    """The printed rows of ``plan``'s annex with their locations, the total row last (once
    per document)."""
    return derived_fact(plan, "annex printed rows", lambda: tuple(_printed_rows(plan)))


def _printed_rows(plan: Document) -> Iterator[tuple[str, PrintedRow]]:
    if plan.annex is None:
        return
    for i, row in enumerate(plan.annex.rows):
        yield (f"annex/rows/{row.unit}" if row.unit else f"annex/rows/{i}"), row
    if plan.annex.total is not None:
        yield "annex/total", plan.annex.total


def _quantity(value: int | Decimal | Quantity | None) -> Quantity | None:
    """A printed cell as a Quantity (an exact one for a number), so that every rule reads a
    cell bound by bound."""
    return None if value is None else _cell(value)


def _cell(value: int | Decimal | Quantity) -> Quantity:
    """A printed cell that is not blank as a Quantity.  The cell was checked when its row was
    built (a count or a finite Decimal within the bounds), so the Quantity of it is made
    without checking it again."""
    return value if isinstance(value, Quantity) else _trusted(value, value)


def _sum(low: int | Decimal, high: int | Decimal) -> Quantity:
    """``Quantity(low, high)`` of two sums (or differences) of validated bounds: made without
    the checks where they certainly pass (two ints in order within the count bounds: a total
    row sums one per unit; two Decimals in order within the decimal bounds, whose places are
    at most their operands'), through them otherwise, so that a value out of bounds is
    refused as before."""
    if type(low) is int and type(high) is int and -MAX_COUNT < low <= high < MAX_COUNT:
        return _trusted(low, high)
    if type(low) is Decimal and type(high) is Decimal and -MAX_DECIMAL < low <= high < MAX_DECIMAL:
        return _trusted(low, high)
    return Quantity(low, high)


def _pairs(
    printed: Quantity, expected: Quantity
) -> Iterator[tuple[str, int | Decimal, int | Decimal]]:
    """``(which, printed, expected)`` of each bound: one pair for two exact values (``which``
    empty), a pair a bound for two ranges (``lower``, ``upper``), none for a number against a
    range (neither bound is meant)."""
    if printed.is_exact and expected.is_exact:
        yield "", printed.low, expected.low
    elif not printed.is_exact and not expected.is_exact:
        yield "lower", printed.low, expected.low
        yield "upper", printed.high, expected.high


@rule(
    "annex.counts",
    Severity.ERROR,
    title=_("The annex prints each unit's counts and reduction target"),
    rationale=_(
        "The annex is the table of the units' household counts and targets; a unit row that "
        "prints other households, poor households or a reduction than the unit's data and "
        "target is a transcription error on one side, and every unit has its row."
    ),
    tolerance=_(
        "Counts are exact.  A blank cell is not compared.  A ranged reduction target accepts "
        "any printed reduction within the range."
    ),
)
def counts(plan: Document) -> Iterator[Finding]:
    if plan.annex is None:
        return
    printed = {row.unit for row in plan.annex.rows}
    for unit in plan.units:
        if unit.id not in printed:
            yield counts.finding(
                f"units/{unit.id}",
                _("unit {unit!r} has no row in the annex", unit=unit.id),
                expected=_("a row"),
                actual=None,
            )
    for judged in _judged(plan):
        if judged.agrees:
            continue
        location, row, derived = judged.location, judged.row, judged.derived
        for field in ("households", "poor_households"):
            value, expected = getattr(row, field), getattr(derived, field)
            if value is not None and expected is not None and value != expected:
                yield counts.finding(
                    f"{location}/{field}",
                    _(
                        "the annex prints {printed} for {what} of {unit}, the unit has {expected}",
                        printed=value,
                        what=_FIELDS[field],
                        unit=row.label,
                        expected=expected,
                    ),
                    expected=expected,
                    actual=value,
                )
        target, reduction = derived.reduction, _quantity(row.reduction)
        if reduction is None:
            continue
        if target is None or (
            reduction.is_exact and not target.low <= reduction.low <= target.high
        ):
            yield counts.finding(
                f"{location}/reduction",
                _(
                    "the annex prints a reduction of {reduction} for {unit}, but the unit has "
                    "no reduction target",
                    reduction=amount(reduction),
                    unit=row.label,
                )
                if target is None
                else _(
                    "the annex prints a reduction of {reduction} for {unit}, the unit's target "
                    "is {target}",
                    reduction=amount(reduction),
                    unit=row.label,
                    target=amount(target),
                ),
                expected=target,
                actual=row.reduction,
            )
            continue
        if reduction.is_exact:
            continue
        for which, printed_bound, expected_bound in _pairs(reduction, target):
            if printed_bound != expected_bound:
                yield counts.finding(
                    f"{location}/reduction",
                    _(
                        "the annex prints a reduction of {reduction} for {unit}, the {bound} of "
                        "the unit's target {target} is {value}",
                        reduction=amount(reduction),
                        unit=row.label,
                        bound=BOUNDS[which],
                        target=amount(target),
                        value=expected_bound,
                    ),
                    expected=expected_bound,
                    actual=printed_bound,
                )


@rule(
    "annex.possible",
    Severity.ERROR,
    title=_("Every annex row has poor <= households and reduction <= poor"),
    rationale=_(
        "Poor households are some of the households, and a reduction removes households "
        "from the poor: a row that prints more cannot be true."
    ),
    tolerance=_("Counts are exact; a blank cell is not compared."),
)
def possible(plan: Document) -> Iterator[Finding]:
    for location, row in _printed(plan):
        h, p, reduction = row.households, row.poor_households, row.reduction
        if isinstance(reduction, Quantity):
            reduction = int(reduction.high)  # each bound: the upper's
        if h is not None and p is not None and p > h:
            yield possible.finding(
                f"{location}/poor_households",
                _(
                    "{unit}: {poor} poor households out of {households} households",
                    unit=row.label,
                    poor=p,
                    households=h,
                ),
                expected=Quantity(0, h),
                actual=p,
            )
        if p is not None and reduction is not None and reduction > p:
            yield possible.finding(
                f"{location}/reduction",
                _(
                    "{unit}: a reduction of {reduction} out of {poor} poor households",
                    unit=row.label,
                    reduction=reduction,
                    poor=p,
                ),
                expected=Quantity(0, p),
                actual=reduction,
            )


def _rate_findings(
    check: Rule,
    location: str,
    row: PrintedRow,
    counts: tuple[int, int, Quantity | None],
    *,
    unit: str | None,
) -> Iterator[Finding]:
    """A finding of ``check`` for each rate ``row`` prints (start, year-end; each bound of a
    range) that is not the rate of ``counts`` (households, poor, reduction) at its printed
    precision.

    The message names the row by ``unit`` (its label), or as the total row where ``None``.
    """
    households, poor, reduction = counts
    checks: list[tuple[Decimal, str, str, int]] = []  # printed, field, which bound, part
    if row.start_rate is not None:
        checks.append((row.start_rate, "start_rate", "", poor))
    end = _quantity(row.end_rate)
    if reduction is not None and end is not None and 0 <= reduction.low <= reduction.high <= poor:
        # the fewest left: the lowest rate (counts within 0..poor, so made without checks)
        left = reduction._map_trusted(lambda r: poor - int(r))
        for which, printed_bound, part in _pairs(end, left):
            checks.append((Decimal(printed_bound), "end_rate", which, int(part)))
    for printed, field, which, part in checks:
        if part > households:
            continue
        expected = rate(part, households, decimal_places(printed))
        if expected != printed:
            values = {
                "what": _rate_name(field, which),
                "printed": printed,
                "part": part,
                "households": households,
            }
            yield check.finding(
                f"{location}/{field}",
                _(
                    "the total row's {what} is printed {printed}%, but the unit rows' {part} "
                    "of {households} households is {expected}%",
                    expected=expected,
                    **values,
                )
                if unit is None
                else _(
                    "{unit}: the {what} is printed {printed}%, but {part} of {households} "
                    "households is {expected}%",
                    unit=unit,
                    expected=expected,
                    **values,
                ),
                expected=expected,
                actual=printed,
            )


def _rate_name(field: str, which: str) -> Message:
    """The rate of ``field`` as a finding names it (``which`` bound of a range, if any)."""
    if field == "start_rate":
        return _("poverty rate at the start")
    if which:
        return _("poverty rate at the end of the year ({bound})", bound=BOUNDS[which])
    return _("poverty rate at the end of the year")


@rule(
    "annex.rate",
    Severity.ERROR,
    title=_("Each printed rate of a unit row is the rate of its printed counts"),
    rationale=_(
        "The start rate is poor ÷ households × 100 and the year-end rate (poor − reduction) ÷ "
        "households × 100, from the row's own printed counts (the unit's counts and target "
        "where a cell is blank).  The total row is checked by annex.total."
    ),
    tolerance=_RATE_READING,
)
def rates(plan: Document) -> Iterator[Finding]:
    for judged in _judged(plan):
        households, poor = judged.households, judged.poor
        if judged.agrees or households is None or poor is None:  # no counts: nothing to judge
            continue
        yield from _rate_findings(
            rates,
            judged.location,
            judged.row,
            (households, poor, judged.reduction),
            unit=judged.row.label,
        )


@rule(
    "annex.rate-reduction",
    Severity.ERROR,
    title=_("Each printed fall of the rate is the start rate minus the end rate"),
    rationale=_(
        "The 'Giảm tỷ lệ hộ nghèo (%)' column of the annex is a fall in percentage points, the "
        "difference of the two rates of its row (not the reduction ÷ households, which can "
        "differ by a hundredth); the printed annexes follow this reading.  "
        "One mistake is one finding: a fall that agrees with the printed rates is not judged "
        "again when a printed rate is wrong (annex.rate reports the rate), and a fall that "
        "agrees with the rates the counts imply is right even when a printed rate is not."
    ),
    tolerance=_(
        "Exact: the rates carry the document's rounding, and the difference of two numbers "
        "printed to 2 decimals is exact at 2 decimals.  The rates the counts imply are taken "
        "at the printed precision of each rate."
    ),
)
def rate_reduction(plan: Document) -> Iterator[Finding]:
    judged = _judged(plan)
    # The falls the counts imply are worked out only for a row whose printed fall is not
    # simply its start rate less its end rate: most rows print three numbers that agree.  A
    # unit printed twice, once with a ranged end rate, may imply a range at the location of
    # both: its rows are judged in full (a number against a range is no comparison).
    ranged = {j.location for j in judged if isinstance(j.row.end_rate, Quantity)}
    implied: dict[str, Quantity] | None = None
    for location, row in _printed(plan):
        start, printed_end, printed_points = row.start_rate, row.end_rate, row.rate_reduction
        if start is None or printed_end is None or printed_points is None:
            continue
        if (  # three numbers, the fall the start less the end: no range to make
            isinstance(printed_end, Decimal)
            and printed_points == start - printed_end
            and location not in ranged
        ):
            continue
        end, points = _cell(printed_end), _cell(printed_points)
        falls = _sum(start - end.high, start - end.low)  # the highest end: the least fall
        if implied is None:
            implied = dict(_implied_falls(plan, judged))
        by_counts = implied.get(location)
        # The fall the counts imply, bound by bound: a bound it does not pair with (a number
        # against a range) is judged against the printed rates alone.
        others = {} if by_counts is None else {w: b for w, _p, b in _pairs(points, by_counts)}
        for which, printed_bound, fall in _pairs(points, falls):
            other = others.get(which)
            if printed_bound in (fall, other):
                continue
            values = {"unit": row.label, "points": amount(points), "start": start}
            yield rate_reduction.finding(
                f"{location}/rate_reduction",
                _(
                    "{unit}: the fall of the rate is printed {points} points, but the rates "
                    "fall from {start}% to {end}% (the {bound})",
                    end=amount(end),
                    bound=BOUNDS[which],
                    **values,
                )
                if which
                else _(
                    "{unit}: the fall of the rate is printed {points} points, but the rates "
                    "fall from {start}% to {end}%",
                    end=amount(end),
                    **values,
                ),
                expected=fall if other is None else other,
                actual=printed_bound,
            )


def _implied_falls(plan: Document, judged: Sequence[_Judged]) -> Iterator[tuple[str, Quantity]]:
    """The fall each row's counts imply: its start rate minus its end rate, each at the
    precision the row prints it with (bound by bound where the row prints a range)."""
    rows = list(judged)
    if plan.annex is not None and plan.annex.total is not None:
        rows.append(_judge("annex/total", plan.annex.total, annex_figures(plan)[None]))
    for location, row, _derived, households, poor, reduction, _agrees in rows:
        start, end = row.start_rate, _quantity(row.end_rate)
        if households is None or poor is None or reduction is None or not households:
            continue
        if start is None or end is None or not 0 <= reduction.low <= reduction.high <= poor:
            continue  # impossible counts: annex.possible says so
        if end.is_exact != reduction.is_exact or poor > households:
            continue
        implied_start = rate(poor, households, decimal_places(start))
        places = end.places
        # Two differences of rates of counts within 0..households, at the printed places:
        # within the bounds, and the first is the lesser (the larger reduction, the lower
        # end rate), so the range is made without checking it again.
        yield (
            location,
            _trusted(
                implied_start - rate(poor - int(reduction.low), households, places),
                implied_start - rate(poor - int(reduction.high), households, places),
            ),
        )


@rule(
    "annex.numbers",
    Severity.WARNING,
    title=_("The unit rows are numbered 1, 2, 3 … in order"),
    rationale=_(
        "The STT column numbers the annex's rows; a number out of sequence is a row moved, "
        "lost or typed twice, which a reader of the printed table cannot see otherwise."
    ),
    tolerance=_("Exact.  A row that prints no number is not judged."),
)
def numbers(plan: Document) -> Iterator[Finding]:
    for position, (location, row) in enumerate(_printed(plan), start=1):
        if location == "annex/total" or row.number is None or row.number == position:
            continue
        yield numbers.finding(
            f"{location}/number",
            _(
                "{unit}: row {position} of the annex is numbered {number}",
                unit=row.label,
                position=position,
                number=row.number,
            ),
            expected=position,
            actual=row.number,
        )


@rule(
    "annex.total",
    Severity.ERROR,
    title=_("The total row sums the unit rows and recomputes its rates from the sums"),
    rationale=_(
        "The total row is the area: its households, poor households and reduction are the "
        "sums of the unit rows, and its rates are computed from those sums (never an average "
        "of the units' rates)."
    ),
    tolerance=_(
        "Counts are exact, and the rates are compared at their printed precision.  {reading}",
        reading=_RATE_READING,
    ),
)
def total(plan: Document) -> Iterator[Finding]:
    if plan.annex is None or plan.annex.total is None or plan.excerpt:
        return  # an excerpt's rows are a selection: its total row is not their sum
    row = plan.annex.total
    sums = _summed(_judged(plan))
    area = annex_figures(plan)[None]
    summed = (sums["households"], sums["poor_households"], sums["reduction"])
    if _agrees(row, area) and summed == (
        _quantity(area.households),
        _quantity(area.poor_households),
        area.reduction,
    ):
        return  # the unit rows add up to the area's counts, and the row prints their figures
    for field, expected in sums.items():
        value = _quantity(getattr(row, field))
        if value is None or expected is None:
            continue
        for which, printed_bound, expected_bound in _pairs(value, expected):
            if printed_bound != expected_bound:
                yield total.finding(
                    f"annex/total/{field}",
                    _(
                        "the total row prints {printed} for {what} ({bound}), the unit rows add "
                        "up to {expected}",
                        printed=printed_bound,
                        what=_FIELDS[field],
                        bound=BOUNDS[which],
                        expected=expected_bound,
                    )
                    if which
                    else _(
                        "the total row prints {printed} for {what}, the unit rows add up to "
                        "{expected}",
                        printed=printed_bound,
                        what=_FIELDS[field],
                        expected=expected_bound,
                    ),
                    expected=expected_bound,
                    actual=printed_bound,
                )
    summed_households, summed_poor = sums["households"], sums["poor_households"]
    if summed_households is None or summed_poor is None:
        return
    households, poor = int(summed_households.low), int(summed_poor.low)
    if poor > households:
        return
    # the sums are of counts and targets, never negative: the same checks as annex.rate
    yield from _rate_findings(
        total,
        "annex/total",
        row,
        (households, poor, sums["reduction"]),
        unit=None,
    )


def _summed(rows: Sequence[_Judged]) -> dict[str, Quantity | None]:
    """The sums of the counts of ``rows``, by field (``None`` where a row has none).

    Summed as ints and made Quantities once: counts are never negative, so a sum leaves the
    bounds only by reaching :data:`~mdpoverty.values.bounds.MAX_COUNT`, and is refused at the
    row where it does, as a Quantity of it would be.
    """
    households: int | None = 0
    poor: int | None = 0
    least: int | None = 0  # the reductions' lower bounds, and their upper bounds
    most = 0
    for judged in rows:
        h, p, r = judged.households, judged.poor, judged.reduction
        households = None if households is None or h is None else households + h
        poor = None if poor is None or p is None else poor + p
        if least is not None:
            if r is None:
                least = None
            else:
                least, most = least + int(r.low), most + int(r.high)
        if households is not None and households >= MAX_COUNT:
            _sum(households, households)
        if poor is not None and poor >= MAX_COUNT:
            _sum(poor, poor)
        if least is not None and most >= MAX_COUNT:
            _sum(least, most)
    return {
        "households": None if households is None else _sum(households, households),
        "poor_households": None if poor is None else _sum(poor, poor),
        "reduction": None if least is None else _sum(least, most),
    }
