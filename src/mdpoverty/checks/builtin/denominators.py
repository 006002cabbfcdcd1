"""Rates without a printed total: the whole numbers of households a printed rate allows.

A count *c* printed with a rate *r* at *p* decimals (half-up) holds only of the whole numbers
*N* of households with r − ½·10⁻ᵖ ≤ 100·c/N < r + ½·10⁻ᵖ, an interval (:func:`allowed`).  The
rates of one row (poor, near-poor, the two together; one subject, one point in time) share one
*N*, so their intervals must meet in a whole number; the *N*s of the parts of a whole (urban and
rural, the units of a district) add up to the whole's, so the sum of their intervals must meet
the whole's.  A tolerance on the together rate misses a one-unit slip in the last printed place;
these intervals find it whenever no whole number of households can make the row true.

Everything is integer arithmetic: a rate is an integer of its last printed unit, and each bound
one floor division.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from mdpoverty.aggregate._observations import Observations, observations
from mdpoverty.checks.builtin._words import GROUPS, TIMES, subject, year_name
from mdpoverty.checks.builtin.figures import WHEN_TEXT, Whole, wholes
from mdpoverty.checks.report import Finding, Severity, rule
from mdpoverty.i18n import Lang, Message, _, number
from mdpoverty.model.document import Document
from mdpoverty.model.figures import Figure, TimePoint
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.values.numbers import decimal_places, rate
from mdpoverty.values.quantities import Quantity

# The groups whose rate is a share of all households, in the order a row prints them.
_ROW = (HouseholdGroup.POOR, HouseholdGroup.NEAR_POOR, HouseholdGroup.POOR_AND_NEAR_POOR)


@attrs.frozen
class Households:
    """The whole numbers ``low`` … ``high`` of households (``high`` ``None``: no upper bound).

    >>> Households(49952, 50020).vi(), Households(7, None).vi(), Households(3, 2).empty
    ('49.952…50.020', '≥ 7', True)
    """

    low: int
    high: int | None

    @property
    def empty(self) -> bool:
        return self.high is not None and self.high < self.low

    def __and__(self, other: Households) -> Households:
        highs = [h for h in (self.high, other.high) if h is not None]
        return Households(max(self.low, other.low), min(highs) if highs else None)

    def __add__(self, other: Households) -> Households:
        high = None if self.high is None or other.high is None else self.high + other.high
        return Households(self.low + other.low, high)

    def localized(self, lang: Lang) -> str:
        """The numbers in the notation of ``lang`` (a message shows them so).

        >>> Households(49952, 50020).localized("en"), Households(6001, None).localized("en")
        ('49,952…50,020', '≥ 6,001')
        """
        if self.empty:
            return "∅"
        if self.high is None:
            return f"≥ {number(self.low, lang)}"
        if self.high == self.low:
            return number(self.low, lang)
        return f"{number(self.low, lang)}…{number(self.high, lang)}"

    def vi(self) -> str:
        """The numbers in Vietnamese notation."""
        return self.localized("vi")


EVERY = Households(1, None)
"""Any number of households: what a row with no rate of a count says of its total."""


def allowed(count: int, printed: Decimal) -> Households:
    """The whole numbers of households ``N`` (at least 1 and at least ``count``) of which
    ``count`` is ``printed`` percent, rounded half-up at ``printed``'s decimals.

    With ``S = 2·10ᵖ`` and ``printed = R/10ᵖ``: (2R − 1)·N ≤ 100·c·S < (2R + 1)·N.

    >>> allowed(1234, Decimal("2.47")).vi(), allowed(1234, Decimal("2.48")).vi()
    ('49.859…50.060', '49.658…49.858')
    >>> allowed(0, Decimal("0.00")).vi(), allowed(0, Decimal("0.5")).vi()
    ('≥ 1', '∅')
    >>> allowed(3, Decimal("0.0")).vi()  # 3 households round to 0,0 % of 6.001 or more
    '≥ 6.001'
    """
    places = decimal_places(printed)
    units = int(printed.scaleb(places))  # the rate in its last printed unit: R
    scaled = 100 * count * 2 * 10**places  # 100·c·S
    low = max(1, count, scaled // (2 * units + 1) + 1)
    high = None if units == 0 else scaled // (2 * units - 1)
    return Households(low, high)


@attrs.frozen
class _Rate:
    figure: Figure
    where: str
    count: int
    implied: bool  # the count is the others' sum or difference, not printed
    households: Households

    @property
    def rate(self) -> Decimal:
        rate = self.figure.exact_rate
        assert rate is not None  # noqa: S101  (only exactly rated figures are kept)
        return rate


def _counts(row: dict[HouseholdGroup, Figure]) -> dict[HouseholdGroup, tuple[int, bool]]:
    """Each group's count, printed or implied by the other two (together = poor + near-poor)."""
    counts = {g: (f.exact_count, False) for g, f in row.items() if f.exact_count is not None}
    poor, near, both = (counts.get(g, (None, False))[0] for g in _ROW)
    implied: dict[HouseholdGroup, int | None] = {
        HouseholdGroup.POOR: None if both is None or near is None else both - near,
        HouseholdGroup.NEAR_POOR: None if both is None or poor is None else both - poor,
        HouseholdGroup.POOR_AND_NEAR_POOR: None if poor is None or near is None else poor + near,
    }
    for group, value in implied.items():
        if group not in counts and value is not None and value >= 0:
            counts[group] = (value, True)
    return {g: (c, i) for g, (c, i) in counts.items() if c is not None}


def _rates(observed: Observations, about: str | None, time: TimePoint, year: int) -> list[_Rate]:
    # A unit's counts print no rate: a row judges rates only where a figure prints one.
    figures = observed.printed
    if not figures or not any(
        (entry := figures.get((about, g, time, year))) is not None
        and entry[0].is_exact
        and entry[0].exact_rate is not None
        for g in _ROW
    ):
        return []
    # A range is not judged here: a row is judged by its exact figures only.
    entries = _entries(observed, about, time, year)
    row = {g: entry[0] for g, entry in entries.items() if entry[0].is_exact}
    counts = _counts(row)
    found = []
    for group, figure in row.items():
        printed = figure.exact_rate
        if printed is None or group not in counts:
            continue
        count, implied = counts[group]
        where = entries[group][1]
        found.append(_Rate(figure, f"{where}/rate", count, implied, allowed(count, printed)))
    return found


def _entries(
    observed: Observations, about: str | None, time: TimePoint, year: int
) -> dict[HouseholdGroup, tuple[Figure, str]]:
    """The observations of a row, by group in the row's order: one look-up each."""
    found: dict[HouseholdGroup, tuple[Figure, str]] = {}
    for g in _ROW:
        entry = observed.get((about, g, time, year))
        if entry is not None:
            found[g] = entry
    return found


def _meet(rates: Sequence[_Rate]) -> Households:
    meet = EVERY
    for r in rates:
        meet &= r.households
    return meet


def _printed_total(
    observed: Observations, about: str | None, time: TimePoint, year: int
) -> int | None:
    return observed.exact_count(about, HouseholdGroup.ALL, time, year)


def _rows(observed: Observations) -> list[tuple[str | None, TimePoint, int]]:
    """The rows :func:`denominator` may find something in, in order: those with a printed
    figure of the row's groups that prints an exact rate, or prints no number of households.
    A row of only the units' counts (a unit prints no rate, nor the two groups together) has
    nothing to judge and is left out, as is a row of counts and their total."""
    rated: dict[tuple[str | None, TimePoint, int], bool] = {}
    for (about, group, time, year), (figure, _where) in observed.printed.items():
        if not isinstance(time, TimePoint) or group not in _ROW:  # a flow has no households
            continue
        rate_printed = figure.is_exact and figure.exact_rate is not None
        rated[(about, time, year)] = rated.get((about, time, year), False) or rate_printed
    return sorted(
        (row for row, rate in rated.items() if rate or _printed_total(observed, *row) is None),
        key=_text,
    )


def _text(row: tuple[str | None, TimePoint, int]) -> str:
    """``str(row)``, the order the rows are judged in, without an enum's ``repr`` per row
    (the same text: a tuple's is its items' ``repr`` between parentheses)."""
    about, time, year = row
    return f"({about!r}, {WHEN_TEXT[time]}, {year!r})"


def _time_text(when: tuple[TimePoint, int]) -> str:
    """``str(when)``, the order the times are judged in (as :func:`_text`)."""
    time, year = when
    return f"({WHEN_TEXT[time]}, {year!r})"


def _blamed(rates: Sequence[_Rate]) -> _Rate:
    """The rate the row cannot hold: the one without which the others meet, if only one is;
    else the first that meets no other (an empty interval meets none)."""
    alone = [r for r in rates if not _meet([o for o in rates if o is not r]).empty]
    if len(alone) == 1:
        return alone[0]
    return next(r for r in rates if any((r.households & o.households).empty for o in rates))


def _listed(rates: Sequence[_Rate]) -> tuple[Message, ...]:
    return tuple(
        _(
            "{count} {group} at {rate}% ({households} households)",
            count=r.count,
            group=GROUPS[r.figure.group],
            rate=r.rate,
            households=r.households,
        )
        for r in rates
    )


def _expected(blamed: _Rate, others: Households) -> Quantity | None:
    """The printed rates of ``blamed``'s count that the rest of the row allows."""
    if others.empty or others == EVERY:
        return None
    places = decimal_places(blamed.rate)
    top = rate(blamed.count, others.low, places)
    bottom = (
        Decimal(0).scaleb(-places)
        if others.high is None
        else rate(blamed.count, others.high, places)
    )
    return Quantity(bottom, top)


@rule(
    "figures.denominator",
    Severity.ERROR,
    title=_("The rates of a row hold of one whole number of households"),
    rationale=_(
        "A count c printed at a rate r (p decimals, half-up) holds of the N households with "
        "r − ½·10⁻ᵖ ≤ 100·c/N < r + ½·10⁻ᵖ.  Where a row prints rates but no number of "
        "households, its rates (poor, near-poor, together) share one N: their intervals must "
        "meet in a whole number.  Where it prints the number, a rate whose count is implied "
        "(the together count as poor + near-poor) must be that count's rate of it.  The "
        "finding names each rate with the households it allows."
    ),
    tolerance=_(
        "Exact, in whole numbers: no tolerance.  A count missing from the row is the sum "
        "(together) or difference of the other two where they are printed; a rate without "
        "any count is not judged.  Rates with their printed count and total are judged by "
        "figures.rate.  A figure printed as a range (a count or a rate) is left out: the row "
        "is judged by its exact figures."
    ),
)
def denominator(document: Document) -> Iterator[Finding]:
    observed = observations(document)
    for about, time, year in _rows(observed):
        rates = _rates(observed, about, time, year)
        total = _printed_total(observed, about, time, year)
        if total is not None:
            for r in rates:
                expected = rate(r.count, total, decimal_places(r.rate))
                if r.implied and total and expected != r.rate:
                    yield denominator.finding(
                        r.where,
                        _(
                            "{count} {group} of {households} households is {expected}%, the "
                            "document prints {printed}%",
                            count=r.count,
                            group=GROUPS[r.figure.group],
                            households=total,
                            expected=expected,
                            printed=r.rate,
                        ),
                        expected=expected,
                        actual=r.rate,
                    )
            continue
        if not rates:
            yield from _shares(observed, about, time, year)
            continue
        if not _meet(rates).empty:
            continue
        blamed = _blamed(rates)
        others = _meet([r for r in rates if r is not blamed])
        yield denominator.finding(
            blamed.where,
            _(
                "no whole number of households makes these rates of {subject} ({time}, {year}) "
                "true: {rates}",
                subject=subject(about),
                time=TIMES[time],
                year=year_name(year),
                rates=_listed(rates),
            ),
            expected=_expected(blamed, others),
            actual=blamed.rate,
        )


def _shares(
    observed: Observations, about: str | None, time: TimePoint, year: int
) -> Iterator[Finding]:
    """A row of rates with no count: the together share is the sum of the other two, each
    within half a unit of its printed rate (an exact bound on real shares, so it can only
    find a row that no whole numbers make true)."""
    row = [observed.get((about, g, time, year)) for g in _ROW]
    printed = [None if entry is None else entry[0].exact_rate for entry in row]
    if row[2] is None or any(r is None for r in printed):
        return
    p, n, b = (r for r in printed if r is not None)
    where = row[2][1]
    half = [Decimal(5).scaleb(-(decimal_places(r) + 1)) for r in (p, n, b)]
    low, high = p + n - half[0] - half[1], p + n + half[0] + half[1]
    if b - half[2] < high and low < b + half[2]:
        return
    yield denominator.finding(
        f"{where}/rate",
        _(
            "the poor rate {poor}% and the near-poor rate {near}% of {subject} ({time}, {year}) "
            "add up to {sum}%, no share that rounds to them adds up to one that rounds to the "
            "together rate {together}%",
            poor=p,
            near=n,
            subject=subject(about),
            time=TIMES[time],
            year=year_name(year),
            sum=p + n,
            together=b,
        ),
        expected=p + n,
        actual=b,
    )


def _households(
    observed: Observations, about: str | None, time: TimePoint, year: int
) -> Households | None:
    """The households ``about`` may have: the printed number, or what its rates allow."""
    total = _printed_total(observed, about, time, year)
    if total is not None:
        return Households(total, total)
    rates = _rates(observed, about, time, year)
    return _meet(rates) if rates else None


@rule(
    "figures.denominator-sum",
    Severity.ERROR,
    title=_("The households the parts' rates allow add up to the whole's"),
    rationale=_(
        "The households of the parts of a whole (urban and rural, the units of a district, the "
        "members of a complete group) add up to the whole's.  Where some of them are not "
        "printed, each is an interval of whole numbers (figures.denominator), and the sum of "
        "the parts' intervals must meet the whole's."
    ),
    tolerance=_(
        "Exact, in whole numbers.  Judged only where the whole and every part print a number "
        "of households or a rate with its count, and not all of them print the number (then "
        "figures.parts-sum judges the counts); a part whose own rates hold of no number is "
        "left to figures.denominator.  A figure printed as a range is left out (a part or "
        "whole with only ranges is not judged).  The finding is at the whole."
    ),
)
def denominator_sum(document: Document) -> Iterator[Finding]:
    observed = observations(document)
    times = {(t, y) for (_about, _group, t, y) in observed.printed if isinstance(t, TimePoint)}
    if observed.unit_groups():
        times.add((TimePoint.START, observed.year))
    ordered = sorted(times, key=_time_text)
    for each in wholes(document):
        whole, parts = each.subject, each.parts
        for time, year in ordered:
            if _all_printed(observed, each, time, year):
                continue  # every number exact, as printed: nothing for the rates to add
            mine = _households(observed, whole, time, year)
            if mine is None or mine.empty:
                continue
            theirs = [_households(observed, part, time, year) for part in parts]
            if any(t is None or t.empty for t in theirs):
                continue
            known = [t for t in theirs if t is not None]
            if all(t.low == t.high for t in [mine, *known]):
                continue
            summed = Households(0, 0)
            for t in known:
                summed += t
            if not (summed & mine).empty:
                continue
            where = _place(observed, whole, time, year)
            yield denominator_sum.finding(
                where,
                _(
                    "{parts} ({time}, {year}) have {summed} households by their rates, {whole} "
                    "has {mine}",
                    parts=each.said(),
                    time=TIMES[time],
                    year=year_name(year),
                    summed=summed,
                    whole=subject(whole),
                    mine=mine,
                ),
                expected=_quantity(summed),
                actual=_quantity(mine),
            )


def _all_printed(observed: Observations, whole: Whole, time: TimePoint, year: int) -> bool:
    """Whether the whole and each part print their number of households exactly (then each
    is that number, and :func:`denominator_sum` has nothing to judge), found without making
    them."""
    if _printed_total(observed, whole.subject, time, year) is None:
        return False
    # In one loop over the parts (Observations.summed): each count is printed and a sum of
    # bounds is exact only where every count is (a range's bounds differ).
    summed = observed.summed(whole.parts, HouseholdGroup.ALL, time, year, whole.units)
    return summed is not None and summed[0] == summed[1]


def _quantity(households: Households) -> Quantity | str:
    if households.high is None:
        return _("≥ {n}", n=households.low)
    return Quantity(households.low, households.high)


def _place(observed: Observations, about: str | None, time: TimePoint, year: int) -> str:
    """The whole's number of households where printed, else its first rate."""
    if _printed_total(observed, about, time, year) is not None:
        where = observed.location((about, HouseholdGroup.ALL, time, year))
        assert where is not None  # noqa: S101  (the number is printed)
        return where if where.startswith("units/") else f"{where}/count"
    return _rates(observed, about, time, year)[0].where
