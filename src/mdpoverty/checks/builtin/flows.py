"""Flow rules: the households of a group over the year, and the changes printed between its ends.

The review form prints, per group of households and subject, those at the start of the year,
the flows of the year (escaped, fell back, newly in, from poor) and those at the end; reviews
and reports print the fall between the two ends in households and in points.  Both are
figures keyed like every other (:attr:`mdpoverty.Figure.key`), so the flows of communes add up
to their district's under figures.parts-sum; here each subject's flows meet its two ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from mdpoverty.aggregate._observations import Observations, observations
from mdpoverty.checks.builtin._words import GROUPS, TIMES, subject, year_name
from mdpoverty.checks.report import Finding, Severity, rule
from mdpoverty.i18n import Message, _
from mdpoverty.model.document import Document
from mdpoverty.model.figures import Figure, Flow, TimePoint
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.values.numbers import round_half_up

# The flows each identity needs printed (a blank is never 0): the near-poor also gain the poor
# who became near-poor, so without that column their identity cannot be judged.
_NEEDED = (Flow.ESCAPED, Flow.FELL_BACK, Flow.NEW)
_NEEDED_BY = {HouseholdGroup.NEAR_POOR: (*_NEEDED, Flow.FROM_POOR)}


def _terms(
    observed: Observations, about: str | None, group: HouseholdGroup, year: int
) -> list[tuple[Figure, str]] | None:
    """The start and the flows of one group and subject, or ``None`` where one is not
    printed."""
    found = []
    for when in (TimePoint.START, *_NEEDED_BY.get(group, _NEEDED)):
        entry = observed.get((about, group, when, year))
        if entry is None:
            return None
        found.append(entry)
    return found


def _sign(figure: Figure) -> int:
    return 1 if figure.flow is None else figure.flow.sign


@rule(
    "flows.identity",
    Severity.ERROR,
    title=_(
        "Households at the start, less those who left, plus those who came, are those at the end"
    ),
    rationale=_(
        "The review form prints, for the poor and for the near-poor of each unit and section, "
        "the households at the start of the year, those who escaped ('thoát'), fell back "
        "('tái') and newly fell in ('phát sinh mới') during the year, and those at the end: "
        "start − escaped + fell back + new = end, and for the near-poor + the poor who became "
        "near-poor.  The ethnic-minority sub-counts obey the same identity."
    ),
    tolerance=_(
        "Counts are exact.  Judged only where the start, the escaped, the fell-back, the new "
        "(for the near-poor also the from-poor) and the end of the same group, subject and "
        "year are all printed (a blank is never 0); the finding is at the end's count (or its "
        "ethnic-minority sub-count).  A count printed as a range is not judged."
    ),
)
def identity(document: Document) -> Iterator[Finding]:
    observed = observations(document)
    # Only printed figures: a unit counts households at the start, not at the end.
    for (about, group, when, year), (end, where) in observed.printed.items():
        if when is not TimePoint.END:
            continue
        terms = _terms(observed, about, group, year)
        if terms is None:
            continue
        # A count printed as a range is read as absent (``exact_count``): not judged.
        for field, attr in (("count", "exact_count"), ("ethnic_minority", "ethnic_minority")):
            printed = getattr(end, attr)
            values = [getattr(f, attr) for f, _ in terms]
            if printed is None or any(v is None for v in values):
                continue
            expected = sum(_sign(f) * v for (f, _where), v in zip(terms, values, strict=True))
            if expected != printed:
                said = GROUPS[group]
                yield identity.finding(
                    f"{where}/{field}",
                    _identity(
                        _("{group} of ethnic minorities", group=said)
                        if field == "ethnic_minority"
                        else said,
                        {f.flow: v for (f, _where), v in zip(terms, values, strict=True)},
                        about=subject(about),
                        year=year_name(year),
                        expected=expected,
                        printed=printed,
                    ),
                    expected=expected,
                    actual=printed,
                )


def _identity(
    group: Message,
    terms: dict[Flow | None, int],
    *,
    about: str,
    year: str,
    expected: int,
    printed: int,
) -> Message:
    """The message of an identity that does not hold: its terms (the start under ``None``, the
    flows), their result and the printed end."""
    values = {
        "group": group,
        "subject": about,
        "year": year,
        "start": terms[None],
        "escaped": terms[Flow.ESCAPED],
        "fell_back": terms[Flow.FELL_BACK],
        "new": terms[Flow.NEW],
        "expected": expected,
        "printed": printed,
    }
    if Flow.FROM_POOR in terms:
        return _(
            "{group} of {subject} in {year}: {start} at the start − {escaped} escaped + "
            "{fell_back} fell back + {new} new + {from_poor} from the poor = {expected}, the "
            "document prints {printed} at the end",
            from_poor=terms[Flow.FROM_POOR],
            **values,
        )
    return _(
        "{group} of {subject} in {year}: {start} at the start − {escaped} escaped + "
        "{fell_back} fell back + {new} new = {expected}, the document prints {printed} at the end",
        **values,
    )


def _between(start: Decimal | int, end: Decimal | int, flow: Flow) -> Decimal | int:
    return start - end if flow is Flow.FALL else end - start


@rule(
    "flows.change",
    Severity.ERROR,
    title=_("A printed fall or rise is the difference of the figures at the two ends"),
    rationale=_(
        "A review or report prints what changed over the year: 'giảm 1.234 hộ (1,56%)' is "
        "the households at the start less those at the end, and the points the start rate "
        "less the end rate.  Where the document prints both ends, the change must be their "
        "difference; the points are the difference of the rates as printed (rounded), never "
        "re-derived from counts on another denominator."
    ),
    tolerance=_(
        "Counts are exact.  The points are the difference of the two printed rates, rounded "
        "half-up to the decimals the change is printed with.  Judged only where the change "
        "and both ends of the same group, subject and year are printed, each as one number "
        "(a range is not judged)."
    ),
)
def change(document: Document) -> Iterator[Finding]:
    observed = observations(document)
    # Only printed figures: a unit's counts are no change.
    for (about, group, when, year), (figure, where) in observed.printed.items():
        if when not in (Flow.FALL, Flow.RISE):
            continue
        assert isinstance(when, Flow)  # noqa: S101  (narrowed by the test above)
        start = observed.get((about, group, TimePoint.START, year))
        end = observed.get((about, group, TimePoint.END, year))
        if start is None or end is None:
            continue
        first, last = start[0], end[0]
        said = {
            "group": GROUPS[group],
            "subject": subject(about),
            "year": year_name(year),
            "change": TIMES[when],
        }
        count, start_count, end_count = figure.exact_count, first.exact_count, last.exact_count
        if count is not None and start_count is not None and end_count is not None:
            expected = _between(start_count, end_count, when)
            if expected != count:
                yield change.finding(
                    f"{where}/count",
                    _(
                        "{group} of {subject} in {year}: {start} at the start and {end} at the "
                        "end is a {change} of {expected}, the document prints {printed}",
                        start=start_count,
                        end=end_count,
                        expected=expected,
                        printed=count,
                        **said,
                    ),
                    expected=expected,
                    actual=count,
                )
        printed, start_rate, end_rate = figure.exact_rate, first.exact_rate, last.exact_rate
        if printed is not None and start_rate is not None and end_rate is not None:
            points = round_half_up(
                Decimal(_between(start_rate, end_rate, when)), figure.rate_places or 0
            )
            if points != printed:
                yield change.finding(
                    f"{where}/rate",
                    _(
                        "{group} of {subject} in {year}: {start}% at the start and {end}% at the "
                        "end is a {change} of {points} points, the document prints {printed}",
                        start=start_rate,
                        end=end_rate,
                        points=points,
                        printed=printed,
                        **said,
                    ),
                    expected=points,
                    actual=printed,
                )
