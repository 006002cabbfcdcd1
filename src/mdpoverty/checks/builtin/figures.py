"""Figure rules: printed rates, the together group, and parts that add up to their whole.

Each rule is one rule over the figures' keys (subject, household group, time, year), so that it
holds for every table a document prints: a review's table by unit, its urban/rural split, the
poor districts.  A figure that is not printed is never a finding: a rule judges only what both
sides of its equation print.

A count may be printed as a range ("1.200–1.350 hộ").  The sum rules judge ranges bound by
bound: the lower bounds of the parts add up to the lower bound of the whole, the upper bounds
to its upper bound.  A sum of ranges against an exact count (or the reverse) is not judged:
an exact figure says nothing of where in a range the truth lies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from operator import attrgetter
from typing import NamedTuple, cast

from mdpoverty.aggregate._observations import observations
from mdpoverty.checks.builtin._words import GROUPS, TIMES, subject, year_name
from mdpoverty.checks.report import Finding, Severity, rule
from mdpoverty.i18n import Message, _
from mdpoverty.model._derived import derived
from mdpoverty.model.document import Document
from mdpoverty.model.figures import Flow, TimePoint
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.model.units import AdministrativeUnit
from mdpoverty.values.numbers import rate
from mdpoverty.values.quantities import Quantity

Bounds = tuple[int, int]


def _summed(parts: Sequence[Bounds]) -> Bounds:
    return sum(p[0] for p in parts), sum(p[1] for p in parts)


def _judged(expected: Bounds, printed: Bounds) -> bool:
    """Whether a sum is judged against a printed count: both exact, or both ranges."""
    return (expected[0] == expected[1]) == (printed[0] == printed[1])


def _shown(bounds: tuple[int, int] | tuple[Decimal, Decimal]) -> int | Decimal | Quantity:
    """A sum, a count or a rate as a finding reports it and its message says it (in the
    language's notation): its number, or its range."""
    return bounds[0] if bounds[0] == bounds[1] else Quantity(*bounds)


# The groups whose rate is a share of all households (low-income workers count people, and the
# newly escaped and newly poor are printed as shares of other groups where at all).
_RATED = frozenset(
    {HouseholdGroup.POOR, HouseholdGroup.NEAR_POOR, HouseholdGroup.POOR_AND_NEAR_POOR}
)


@rule(
    "figures.rate",
    Severity.ERROR,
    title=_("Every printed rate is its count over its denominator"),
    rationale=_(
        "A rate ('tỷ lệ') is the households of the group ÷ all households of the same subject at "
        "the same time × 100.  Wherever a document prints both the count and the number of all "
        "households, the printed rate must be their rate, rounded as printed."
    ),
    tolerance=_(
        "Compared exactly at the printed precision, rounding half-up: '5,0' at 1 decimal, "
        "'1,15' at 2.  A rate printed without its count, or without the households of its "
        "subject, is not judged; only the poor, near-poor and together rates are (the "
        "others are not shares of all households), and not those of flows or changes.  A "
        "range is judged bound by bound where the count and the rate are both ranges and "
        "the number of households is exact (each rate bound is its count bound's rate); a "
        "range against an exact value, or a range of households, is not judged."
    ),
)
def rates(document: Document) -> Iterator[Finding]:
    observed = observations(document)
    # Only printed figures: a unit's counts print no rate.
    for (about, group, time, year), (figure, where) in observed.printed.items():
        if figure.rate is None:
            continue  # no rate printed: nothing to judge
        places, printed, count = figure.rate_places, figure.rate_bounds, figure.count_bounds
        if group not in _RATED or count is None or printed is None or figure.flow:
            continue  # a flow's rate is no share of all households (a change's is in points)
        if (count[0] == count[1]) != (printed[0] == printed[1]):
            continue  # a range against an exact value says nothing of where in it
        denominator = observed.exact_count(about, HouseholdGroup.ALL, time, year)
        if not denominator:
            continue
        expected = tuple(rate(c, denominator, places or 0) for c in count)
        if expected != printed:
            low, high = expected
            yield rates.finding(
                f"{where}/rate",
                _(
                    "{count} {group} of {households} households is {expected}%, the document "
                    "prints {printed}%",
                    count=_shown(count),
                    group=GROUPS[group],
                    households=denominator,
                    expected=_shown((low, high)),
                    printed=_shown(printed),
                ),
                expected=low if low == high else Quantity(low, high),
                actual=figure.rate,
            )


@rule(
    "figures.together",
    Severity.ERROR,
    title=_("Poor and near-poor households add up to the two together"),
    rationale=_(
        "Reviews print the poor, the near-poor and the two together ('hộ nghèo và hộ cận "
        "nghèo'); the together count is the sum of the other two.  Their rates are judged "
        "by figures.denominator: the three share one number of households."
    ),
    tolerance=_(
        "Counts are exact; ranges are judged bound by bound (a range against an exact sum "
        "is not judged); a row that prints only two of the three is not judged.  Judged at "
        "points in time and for a fall or a rise, not for the flows in or out (a poor "
        "household that became near-poor escaped the poor but not the two together)."
    ),
)
def together(document: Document) -> Iterator[Finding]:
    observed = observations(document)
    # Only printed figures: a unit counts no poor and near-poor together.
    for (about, group, time, year), (both, where) in observed.printed.items():
        # A flow in or out is not additive: a poor household may escape into the near-poor.
        inflow_or_outflow = isinstance(time, Flow) and time.sign != 0
        if group is not HouseholdGroup.POOR_AND_NEAR_POOR or inflow_or_outflow:
            continue
        p = observed.count_bounds(about, HouseholdGroup.POOR, time, year)
        n = observed.count_bounds(about, HouseholdGroup.NEAR_POOR, time, year)
        printed = both.count_bounds
        if printed is not None and p is not None and n is not None:
            expected = _summed([p, n])
            if _judged(expected, printed) and expected != printed:
                yield together.finding(
                    f"{where}/count",
                    _(
                        "{poor} poor and {near} near-poor households are {expected} together, "
                        "the document prints {printed}",
                        poor=_shown(p),
                        near=_shown(n),
                        expected=_shown(expected),
                        printed=_shown(printed),
                    ),
                    expected=_shown(expected),
                    actual=_shown(printed),
                )


class Whole(NamedTuple):
    """A whole with its parts: the whole's subject and the parts' subjects.

    ``kind`` and ``name`` say what the parts are (a key of :data:`_PARTS_SAID` and its
    argument), only in a finding (:meth:`said`): a large document has a thousand wholes and
    few findings.  ``units`` are the parts' units where every part is a unit (the sums read
    their counts without looking each up), else ``None``.
    """

    subject: str | None
    parts: tuple[str, ...]
    units: tuple[AdministrativeUnit, ...] | None
    kind: str
    name: str

    def said(self) -> Message:
        """What the parts are, as a finding says it."""
        return _PARTS_SAID[self.kind](self.name)


_PARTS_SAID: dict[str, Callable[[str], Message]] = {
    "units": lambda _name: _("the units"),
    "unit": lambda name: _("the units of {unit}", unit=name),
    "partition": lambda name: _("the strata of the partition {partition!r}", partition=name),
    "group": lambda name: _("the members of {group}", group=name),
}


def wholes(document: Document) -> tuple[Whole, ...]:
    """Every whole with its parts, derived once per document (the sum rules go through them).

    Only wholes whose parts are all given: an excerpt's units are a selection (neither the
    area's nor a unit's parts all), and a group that is not complete names only some members.
    """
    return derived(document, "wholes and their parts", lambda: tuple(_wholes(document)))


_ID = attrgetter("id")


def _wholes(document: Document) -> Iterator[Whole]:
    if not document.excerpt:
        # The children of every unit (Document.children) in one pass.
        children: dict[str | None, list[AdministrativeUnit]] = {}
        for unit in document.units:
            found = children.get(unit.parent)
            if found is None:
                children[unit.parent] = [unit]
            else:
                found.append(unit)
        top = children.pop(None, None)
        if top:
            yield Whole(None, tuple(map(_ID, top)), tuple(top), "units", "")
        # The units with children, in their order (found by a loop in C: a province has tens
        # of thousands of units, a thousand with children).
        for parent in filter(children.__contains__, map(_ID, document.units)):
            found = children[parent]
            yield Whole(parent, tuple(map(_ID, found)), tuple(found), "unit", parent)
    partitions: dict[tuple[str | None, str], list[str]] = {}
    for stratum in document.strata:
        partitions.setdefault((stratum.of, stratum.partition), []).append(stratum.id)
    for (of, partition), strata in partitions.items():
        yield Whole(of, tuple(strata), None, "partition", partition)
    units = observations(document).units
    for group in document.groups:
        if group.complete and group.members:
            members = tuple(map(units.get, group.members))
            known = cast(tuple[AdministrativeUnit, ...], members) if all(members) else None
            yield Whole(group.id, group.members, known, "group", group.id)


# The repr of every household group and time or flow, made once: an enum's repr is a call in
# Python, and every document's keys are put in order.
GROUP_TEXT = {group: repr(group) for group in HouseholdGroup}
WHEN_TEXT = {when: repr(when) for when in (*TimePoint, *Flow)}


def key_text(key: tuple[HouseholdGroup, TimePoint | Flow, int]) -> str:
    """``str(key)``, the order the keys are judged in (the same text: a tuple's is its items'
    ``repr`` between parentheses)."""
    group, when, year = key
    return f"({GROUP_TEXT[group]}, {WHEN_TEXT[when]}, {year!r})"


@rule(
    "figures.parts-sum",
    Severity.ERROR,
    title=_("The parts add up to the whole, along every hierarchy and every partition"),
    rationale=_(
        "Communes add up to their district, districts to their province, the top-level units "
        "to the document's area, the strata of a partition (urban and rural) to what they "
        "split, and the members of a complete group of units (the poor districts) to the "
        "group: every count of a whole is the sum of its parts' counts, group by group, at "
        "each point in time and for each flow over the year."
    ),
    tolerance=_(
        "Counts are exact; ranges are judged bound by bound (the parts' lower bounds add "
        "up to the whole's lower bound, their upper bounds to its upper bound), and a sum "
        "of ranges against an exact count, or the reverse, is not judged.  Judged only "
        "where the whole and every one of its parts print a count of the same household "
        "group, time and year; the finding is at the whole.  "
        "The units of an excerpt (a document whose units are a selection) and the members "
        "of a group that is not complete are never summed."
    ),
)
def parts_sum(document: Document) -> Iterator[Finding]:
    observed = observations(document)
    keys = {(group, time, year) for (_about, group, time, year) in observed.printed}
    keys |= {(group, TimePoint.START, observed.year) for group in observed.unit_groups()}
    ordered = sorted(keys, key=key_text)
    for whole in wholes(document):
        about = whole.subject
        for group, time, year in ordered:
            printed = observed.count_bounds(about, group, time, year)
            if printed is None:
                continue
            expected = observed.summed(whole.parts, group, time, year, whole.units)
            if expected is None:
                continue
            if _judged(expected, printed) and expected != printed:
                where = observed.location((about, group, time, year))
                assert where is not None  # noqa: S101  (the whole prints a count)
                yield parts_sum.finding(
                    where if where.startswith("units/") else f"{where}/count",
                    _(
                        "{parts} add up to {expected} {group} ({time}, {year}), the document "
                        "prints {printed} for {whole}",
                        parts=whole.said(),
                        expected=_shown(expected),
                        group=GROUPS[group],
                        time=TIMES[time],
                        year=year_name(year),
                        printed=_shown(printed),
                        whole=subject(about),
                    ),
                    expected=_shown(expected),
                    actual=_shown(printed),
                )
