"""Results against targets: what a review or a report achieved of a plan's targets.

Every achieved value is read from the printed figures (:meth:`~mdpoverty.Document.observations`):
a reduction is the printed fall in households (a :class:`~mdpoverty.Flow`), else the start
count less the end count; a fall in points the printed fall of the rate, else the start rate
less the end rate *as printed* (never a count divided by a total); an end count or end rate the
end figure itself.  A target whose result the outcome does not print is not judged (``met`` is
``NA``): absence is never a failure.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from mdpoverty.aggregate._observations import Observations, observations
from mdpoverty.errors import Problem, ValidationError
from mdpoverty.i18n import Lang, Message, _, localize
from mdpoverty.model.document import Document, ImplementationReport
from mdpoverty.model.figures import Figure, Flow, ObservationKey, TimePoint
from mdpoverty.model.targets import Measure, Target
from mdpoverty.tables.shape import Labels, check_switches, document_name, table_attrs
from mdpoverty.values.quantities import Comparison

if TYPE_CHECKING:  # pandas loads with the first table, not with the checks
    import pandas as pd
else:  # the name resolves annotations at run time, and loads pandas only then
    from mdpoverty.values._lazy import pd

__all__ = ["RESULT_COLUMNS", "RESULT_HEADERS", "ObservationKey", "index", "results"]


def index(document: Document) -> dict[ObservationKey, tuple[Figure, str]]:
    """Every observation of ``document`` by its key, with its location in the document.

    A unit's start-of-year counts are at ``units/<id>/<field>``; a printed figure at
    ``figures/<i>``.  The year is the figure's, or the document's where the figure names none.
    An observation printed twice with the same values (a unit's field and a figure) is kept
    once: the first figure, else the field.  Each call returns its own mapping, with a figure
    made for each unit's count (the rules of a check look observations up in
    :class:`~mdpoverty.aggregate._observations.Observations`, derived once per document,
    which makes none).
    """
    return dict(observations(document).items())


# Measures where more is better (a larger reduction), and where less is (a lower end rate).
_MORE_IS_BETTER = frozenset({Measure.REDUCTION, Measure.RATE_REDUCTION})


def achieved(target: Target, observed: Observations, year: int) -> int | Decimal | None:
    """What the observations say was achieved of ``target``, or ``None`` if they do not say.

    A reduction or a fall in points is the printed change (a fall, or a rise as its negative)
    where the outcome prints one, else the start less the end.
    """
    when = target.year or year

    def get(time: TimePoint | Flow) -> Figure | None:
        entry = observed.get((target.about, target.group, time, when))
        return None if entry is None else entry[0]

    if target.measure in (Measure.END_COUNT, Measure.END_RATE):
        end = get(TimePoint.END)
        if end is None:
            return None
        return end.exact_count if target.measure is Measure.END_COUNT else end.exact_rate
    # A figure printed as a range achieves no one value: it is not read.
    field = "exact_count" if target.measure is Measure.REDUCTION else "exact_rate"
    for flow, sign in ((Flow.FALL, 1), (Flow.RISE, -1)):
        change = get(flow)
        value = None if change is None else getattr(change, field)
        if value is not None:
            return sign * value  # type: ignore[no-any-return]
    start, end = get(TimePoint.START), get(TimePoint.END)
    if start is None or end is None:
        return None
    first, last = getattr(start, field), getattr(end, field)
    if first is None or last is None:
        return None
    return first - last  # type: ignore[no-any-return]


def judge(target: Target, value: int | Decimal) -> tuple[bool, int | Decimal]:
    """Whether ``value`` meets ``target``, and by how much it is better (> 0) or short (< 0)."""
    low, high = target.value.low, target.value.high
    if target.comparison is Comparison.AT_LEAST or (
        target.comparison is Comparison.EXACTLY and target.measure in _MORE_IS_BETTER
    ):
        margin = value - low
    else:
        margin = high - value
    return margin >= 0, margin


RESULT_COLUMNS = ("subject", "group", "measure", "target", "comparison", "achieved", "met", "by")
"""The columns of :func:`results` (``labels="fields"``)."""

RESULT_HEADERS: dict[str, Message] = {
    "subject": _("Subject"),
    "group": _("Household group"),
    "measure": _("Measure"),
    "target": _("Target"),
    "comparison": _("Comparison"),
    "achieved": _("Achieved"),
    "met": _("Met"),
    "by": _("Margin"),
}
"""The printed headers of :func:`results` (``labels="printed"``), said in the table's
language."""


def _checked(plan: object, outcome: object, *, labels: object, lang: object, total: object) -> None:
    problems = []
    if not isinstance(plan, Document):
        problems.append(Problem("results", "plan", plan, _("must be a Document")))
    if outcome is not None and not isinstance(outcome, Document):
        problems.append(Problem("results", "outcome", outcome, _("must be a Document or None")))
    try:
        check_switches("results", labels=labels, total=total, lang=lang)
    except ValidationError as error:
        problems.extend(error.problems)
    if total is True:
        reason = _("must be False: results of different targets do not add up")
        problems.append(Problem("results", "total", total, reason))
    if problems:
        raise ValidationError(problems)


def results(
    plan: Document,
    outcome: Document | None = None,
    *,
    labels: Labels = "fields",
    total: bool = False,
    lang: Lang = "vi",
) -> pd.DataFrame:
    """The plan's targets against what ``outcome`` (a review or a report) printed, a row each.

    With ``outcome`` omitted, ``plan`` must be an implementation report whose own ``targets``
    restate its plan's.

    Columns: ``subject`` (a unit, stratum or group id; ``None`` for the area), ``group``,
    ``measure``, ``target`` (the :class:`~mdpoverty.values.quantities.Quantity`),
    ``comparison``, ``achieved`` (an ``int`` or a ``Decimal``; ``None`` where the outcome does
    not print it, or prints it as a range), ``met`` (``True``, ``False`` or ``pd.NA``) and
    ``by`` (how much better than the target, negative when short of it; ``None`` when not
    judged).

    The switches are every table's (:mod:`mdpoverty.tables.shape`): ``labels="printed"``
    names the columns by :data:`RESULT_HEADERS` in the language ``lang``, the cells
    unchanged; ``total`` must be ``False``: targets of different measures and subjects do not
    add up.  The ``attrs`` are the shared ones (``table`` is ``"results"``, ``document`` and
    ``year`` the plan's, ``units`` empty: a target and what was achieved are a count or a rate
    by row), and ``outcome`` names the outcome document.

    Raises:
        ValidationError: if ``outcome`` is omitted and ``plan`` is not an implementation
            report; if either is not a document; switches out of their values, ``total=True``.
    """
    import pandas as pd  # noqa: PLC0415  (pandas loads with the first table)

    _checked(plan, outcome, labels=labels, lang=lang, total=total)

    if outcome is None:
        if not isinstance(plan, ImplementationReport):
            raise ValidationError(
                [Problem("results", "outcome", None, _("must be given unless 'plan' is a report"))]
            )
        outcome = plan
    observed = observations(outcome)
    rows = []
    for target in plan.targets:
        value = achieved(target, observed, outcome.year if target.year is None else target.year)
        met, by = (pd.NA, None) if value is None else judge(target, value)
        rows.append(
            (
                target.about,
                target.group.value,
                target.measure.value,
                target.value,
                target.comparison.value,
                value,
                met,
                by,
            )
        )
    frame = pd.DataFrame(
        {
            (localize(RESULT_HEADERS[name], lang) if labels == "printed" else name): pd.Series(
                [row[n] for row in rows], dtype=object
            )
            for n, name in enumerate(RESULT_COLUMNS)
        }
    )
    frame.attrs.update(
        table_attrs(
            "results",
            plan,
            plan.year,
            lang=lang,
            labels=labels,
            total=False,
            outcome=document_name(outcome),
        )
    )
    return frame
