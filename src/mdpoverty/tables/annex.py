"""Tables derived from a plan.  The annex is the first: poverty targets per unit.

Every number in these tables is derived from the plan's counts and targets, never copied from
the printed values the plan also holds; :func:`mdpoverty.check` compares the two.

How the annex is computed (the rules the printed annexes follow):

* start rate = poor households ÷ households × 100, half-up to 2 decimals;
* end rate = (poor households − reduction) ÷ households × 100, half-up to 2 decimals;
* rate reduction (percentage points) = start rate − end rate, both as rounded: the printed
  column is the difference of the printed rates, not the reduction ÷ households;
* the total row sums the counts and recomputes its rates from the sums; it never averages.

Where a unit has no counts to derive them from, the fall of the rate and the end rate are its
own targets of them, as the document states them ("giảm 3,0–3,5%"), ranges included; the total
row takes the area's.  Near-poor households have a column only in an annex where some unit
has them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

import attrs

from mdpoverty.errors import Problem, ValidationError, expect
from mdpoverty.i18n import Lang, Message, _, localize
from mdpoverty.model._derived import derived, known
from mdpoverty.model.document import Document
from mdpoverty.model.targets import Measure
from mdpoverty.model.units import AdministrativeUnit
from mdpoverty.tables.shape import (
    HOUSEHOLDS,
    PERCENT,
    POINTS,
    Labels,
    check_switches,
    each_language,
    table_attrs,
)
from mdpoverty.values.numbers import rate
from mdpoverty.values.quantities import Comparison, Quantity, _trusted

_EXACTLY = Comparison.EXACTLY

if TYPE_CHECKING:  # pandas loads with the first table, not with the checks
    import pandas as pd
else:  # the name resolves annotations at run time, and loads pandas only then
    from mdpoverty.values._lazy import pd

__all__ = [
    "ANNEX_COLUMNS",
    "ANNEX_UNITS",
    "COUNT_FIELDS",
    "GROUPED_FIELDS",
    "NEAR_POOR_FIELD",
    "RATE_FIELDS",
    "TOTAL",
    "TOTAL_LABEL",
    "TOTAL_MESSAGE",
    "AnnexRow",
    "UnitFigures",
    "UnitSum",
    "annex",
    "annex_figures",
    "annex_rows",
    "derive_row",
    "fields_of",
    "has_target_annex",
    "shown",
    "unit_reductions",
]


TOTAL = "total"
"""The index label of the total row of :func:`annex` and of every table of units."""

TOTAL_MESSAGE = _("Total")
"""The label of a total row where the document prints none, as a message ("Tổng số" in
Vietnamese)."""

TOTAL_LABEL: dict[Lang, str] = each_language(TOTAL_MESSAGE)
"""The label of a total row where the document prints none, in each language."""

COUNT_FIELDS = frozenset({"households", "poor_households", "near_poor_households", "reduction"})
"""The annex's columns of household counts."""

NEAR_POOR_FIELD = "near_poor_households"
"""The column of near-poor households, shown after the poor where some unit has them."""

RATE_FIELDS = frozenset({"start_rate", "rate_reduction", "end_rate"})
"""The annex's columns of rates (percent, or percentage points)."""

GROUPED_FIELDS = ("reduction", "rate_reduction", "end_rate")
"""The columns the printed annex groups under "Mục tiêu phấn đấu …"."""


@attrs.frozen
class AnnexRow:
    """One derived row of the annex (a unit, or the total when ``unit`` is ``None``).

    The counts and the start rate are ``None`` when the document gives no counts for the unit
    (or, in a total, for one of the units summed).  ``reduction`` and the end values are
    ``None`` when the unit has no reduction target, or no counts to derive the end rate from
    (then they are its own targets of the fall and the end rate, where it has them); they are
    ranges (:class:`~mdpoverty.values.quantities.Quantity`) when its target is a range.
    """

    label: str
    unit: str | None
    number: int | None
    households: int | None
    poor_households: int | None
    start_rate: Decimal | None
    reduction: Quantity | None
    rate_reduction: Quantity | None
    end_rate: Quantity | None
    near_poor_households: int | None = None


def derive_row(
    label: str,
    households: int | None,
    poor_households: int | None,
    reduction: Quantity | None,
    *,
    unit: str | None = None,
    number: int | None = None,
) -> AnnexRow:
    """The annex row of these counts, every rate derived as the module describes."""
    if households is None or poor_households is None:
        return AnnexRow(
            label, unit, number, households, poor_households, None, reduction, None, None
        )
    start = rate(poor_households, households)
    if reduction is None:
        return AnnexRow(label, unit, number, households, poor_households, start, None, None, None)
    highest, lowest = _end_rates(households, poor_households, reduction)
    # Rates of counts, and differences of two rates, are within the bounds of a Quantity by
    # construction: the ranges are made without checking them again (a unit each, at scale).
    if highest == lowest:  # an exact target, the usual one: one rate, one fall
        end = _trusted(highest, highest)
        fall = start - highest
        points = _trusted(fall, fall)
    else:
        end = _trusted(lowest, highest)
        points = _trusted(start - highest, start - lowest)
    return AnnexRow(label, unit, number, households, poor_households, start, reduction, points, end)


def _end_rates(
    households: int, poor_households: int, reduction: Quantity
) -> tuple[Decimal, Decimal]:
    """The end rates of these counts: the highest (the least reduced) and the lowest (the
    most reduced), one rate for an exact reduction."""
    least, most = int(reduction.low), int(reduction.high)
    highest = rate(poor_households - least, households)
    return highest, highest if most == least else rate(poor_households - most, households)


class UnitFigures(NamedTuple):
    """What the annex derives for a unit, or for the area (its total row), short of its row:
    the counts and the reduction target, and the start and end rates where there are counts
    and an exact target (the fall is their difference).  See :func:`annex_figures`."""

    households: int | None
    poor_households: int | None
    reduction: Quantity | None
    start_rate: Decimal | None
    end_rate: Decimal | None


class UnitSum:
    """A running sum of units' counts and reductions: the one rule of every total row.

    The total row sums the counts and recomputes its rates from the sums; it has counts only
    when every unit summed has them, and a reduction only when every unit has one (a partial
    sum would pass for the whole).  Mutable and internal to the tables and the aggregation.
    """

    __slots__ = ("counted", "high", "households", "low", "n", "near", "nears", "poor", "targeted")

    def __init__(self) -> None:
        self.n = 0
        self.counted = 0
        self.households = 0
        self.poor = 0
        self.targeted = 0
        self.low = 0
        self.high = 0
        self.nears = 0  # units with near-poor households
        self.near = 0

    def add(
        self,
        households: int | None,
        poor: int | None,
        reduction: Quantity | None,
        near_poor: int | None = None,
    ) -> None:
        self.n += 1
        if near_poor is not None:
            self.nears += 1
            self.near += near_poor
        if households is not None and poor is not None:
            self.counted += 1
            self.households += households
            self.poor += poor
        if reduction is not None:
            self.targeted += 1
            self.low += int(reduction.low)
            self.high += int(reduction.high)

    def merge(self, other: UnitSum) -> None:
        self.n += other.n
        self.counted += other.counted
        self.households += other.households
        self.poor += other.poor
        self.targeted += other.targeted
        self.low += other.low
        self.high += other.high
        self.nears += other.nears
        self.near += other.near

    def row(self, label: str) -> AnnexRow:
        """The derived row of the summed counts (near-poor households where every unit has
        them)."""
        reduction = Quantity(self.low, self.high) if self.n and self.targeted == self.n else None
        if self.counted < self.n:
            row = derive_row(label, None, None, reduction)
        else:
            row = derive_row(label, self.households, self.poor, reduction)
        if self.n and self.nears == self.n:
            return attrs.evolve(row, near_poor_households=self.near)
        return row


def unit_reductions(plan: Document) -> Iterator[tuple[AdministrativeUnit, Quantity | None]]:
    """Each unit of ``plan``, in order, with its plan-year poor-household reduction target, if any.

    The same target as :meth:`mdpoverty.Document.unit_target` finds, from
    :meth:`mdpoverty.Document.unit_targets`.
    """
    found = plan.unit_targets(Measure.REDUCTION)
    for unit in plan.units:
        target = found.get(unit.id)
        yield unit, None if target is None else target.value


def annex_rows(plan: Document) -> tuple[AnnexRow, ...]:
    """The derived annex of ``plan``: a row per unit in the plan's order, then the total row.

    A unit's reduction is its plan-year poor-household reduction target.  Labels are the
    annex's printed labels where the plan has a printed annex, else the units' names.
    Derived once per document and shared by every caller (the rows are frozen).
    """
    expect("annex_rows", plan=(plan, Document))
    return derived(plan, _ROWS, lambda: _annex_rows(plan))


_ROWS = "annex rows"  # the key of a document's rows among its derived facts


def _kept_annex_rows(plan: Document) -> tuple[AnnexRow, ...] | None:
    """The rows :func:`annex_rows` has derived for ``plan`` and still keeps, else ``None``:
    for a caller that reads them once and would rather not keep them (never derives)."""
    rows: tuple[AnnexRow, ...] | None = known(plan, _ROWS)
    return rows


def annex_figures(plan: Document) -> Mapping[str | None, UnitFigures]:
    """The figures of the rows of :func:`annex_rows` by unit id, the total row's by ``None``,
    derived once per document without making the rows: what the checks compare the printed
    annex with, a unit each (refused as :func:`annex_rows` is: the same rates are worked out,
    in the same order).
    """
    expect("annex_figures", plan=(plan, Document))
    return derived(plan, "annex figures", lambda: MappingProxyType(_annex_figures(plan)))


def _annex_figures(plan: Document) -> dict[str | None, UnitFigures]:
    figures: dict[str | None, UnitFigures] = {}
    totals = UnitSum()
    for unit, reduction in unit_reductions(plan):
        totals.add(unit.households, unit.poor_households, reduction)
        figures[unit.id] = _figures(unit.households, unit.poor_households, reduction)
    total = totals.row(TOTAL_LABEL["vi"])  # made, or refused, as the total row is
    figures[None] = _figures(total.households, total.poor_households, total.reduction)
    return figures


def _figures(
    households: int | None, poor_households: int | None, reduction: Quantity | None
) -> UnitFigures:
    """The figures :func:`derive_row` derives from these counts."""
    start = end = None
    if households is not None and poor_households is not None:
        start = rate(poor_households, households)
        if reduction is not None:  # both end rates worked out, as the row's are
            highest, _lowest = _end_rates(households, poor_households, reduction)
            end = highest if reduction.low == reduction.high else None
    return UnitFigures(households, poor_households, reduction, start, end)


def _annex_rows(plan: Document) -> tuple[AnnexRow, ...]:
    labels = {row.unit: row.label for row in plan.annex.rows} if plan.annex else {}
    stated = _stated(plan)
    rows = []
    totals = UnitSum()
    for number, (unit, reduction) in enumerate(unit_reductions(plan), start=1):
        totals.add(unit.households, unit.poor_households, reduction, unit.near_poor_households)
        row = derive_row(
            labels.get(unit.id, unit.name),
            unit.households,
            unit.poor_households,
            reduction,
            unit=unit.id,
            number=number,
        )
        if row.end_rate is None or row.rate_reduction is None:  # not derived: stated?
            row = stated(row)
        if unit.near_poor_households is not None:  # a derived row has none: set only if any
            row = attrs.evolve(row, near_poor_households=unit.near_poor_households)
        rows.append(row)
    printed_total = plan.annex.total if plan.annex else None
    return (*rows, stated(totals.row(printed_total.label if printed_total else TOTAL_LABEL["vi"])))


def _stated(plan: Document) -> Callable[[AnnexRow], AnnexRow]:
    """A row with the fall of the rate and the end rate it cannot derive taken from its
    subject's own targets of them (the total row's from the area's)."""
    points = plan.unit_targets(Measure.RATE_REDUCTION)
    ends = plan.unit_targets(Measure.END_RATE)

    def fill(row: AnnexRow) -> AnnexRow:
        point, end = points.get(row.unit), ends.get(row.unit)
        changes: dict[str, Quantity] = {}
        if row.rate_reduction is None and point is not None and point.comparison is _EXACTLY:
            changes["rate_reduction"] = point.value
        if row.end_rate is None and end is not None and end.comparison is _EXACTLY:
            changes["end_rate"] = end.value
        return attrs.evolve(row, **changes) if changes else row  # type: ignore[arg-type]

    return fill


def _columns(year: int) -> dict[str, Message]:
    # The year is a name here, never a number in the language's notation ("2024", not "2.024").
    y = str(year)
    return {
        "number": _("No."),
        "label": _("Unit"),
        "households": _("Households at the start of {year}", year=y),
        "poor_households": _("Poor households at the start of {year}", year=y),
        NEAR_POOR_FIELD: _("Near-poor households at the start of {year}", year=y),
        "start_rate": _("Poverty rate at the start of {year} (%)", year=y),
        "reduction": _("Reduction in poor households"),
        "rate_reduction": _("Reduction of the poverty rate (points)"),
        "end_rate": _("Poverty rate at the end of {year} (%)", year=y),
    }


ANNEX_COLUMNS = tuple(field for field in _columns(0) if field != NEAR_POOR_FIELD)
"""The fields of :class:`AnnexRow` that :func:`annex` shows, in the printed order (and
:data:`NEAR_POOR_FIELD` after the poor households where some unit has near-poor households:
the frame's ``attrs["fields"]`` lists its columns' fields)."""


def fields_of(frame: pd.DataFrame) -> tuple[str, ...]:
    """The :class:`AnnexRow` fields of the columns of an annex ``frame``, in order."""
    return tuple(frame.attrs.get("fields", ANNEX_COLUMNS))


def shown(value: object) -> object:
    """How tables show a Quantity: the number when exact, the Quantity when a range."""
    if isinstance(value, Quantity):
        return value.low if value.is_exact else value
    return value


def has_target_annex(document: Document) -> bool:
    """Whether ``document`` has an annex of targets: a printed one, or a unit's reduction target.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> has_target_annex(bac_kan_2024())
    True
    """
    if document.annex is not None:
        return True
    targets = document.unit_targets(Measure.REDUCTION)
    return any(unit.id in targets for unit in document.units)


ANNEX_UNITS = {
    "households": HOUSEHOLDS,
    "poor_households": HOUSEHOLDS,
    NEAR_POOR_FIELD: HOUSEHOLDS,
    "start_rate": PERCENT,
    "reduction": HOUSEHOLDS,
    "rate_reduction": POINTS,
    "end_rate": PERCENT,
}
"""The unit of each column of the annex, by field name (``attrs["units"]``)."""


def annex(
    plan: Document, lang: Lang = "vi", *, labels: Labels = "printed", total: bool = True
) -> pd.DataFrame:
    """The annex of ``plan`` as a DataFrame: a row per unit in printed order, then the total.

    A document of any kind has a table: one with an annex of targets
    (:func:`~mdpoverty.tables.annex.has_target_annex`: a printed annex, or reduction
    targets for its units, with or without their counts) gets the annex described here;
    any other (a review, a report without unit targets, a commune's plan) gets its figures
    in the printed layout,
    :func:`mdpoverty.tables.figure_tables.figure_table`, whose ``attrs["table"]`` is
    ``"figures"`` (the annex's is ``"annex"``), or, where it prints flows of the year, the
    review form (:func:`mdpoverty.tables.review_form.review_form`, ``"review-form"``).

    Columns are the printed ones, with Vietnamese (``lang="vi"``) or English headers, or with
    ``labels="fields"`` the fields :data:`~mdpoverty.tables.annex.ANNEX_COLUMNS`, the same in
    every year and language; ``total=False`` leaves out the total row (see
    :mod:`mdpoverty.tables.shape`).  Counts are nullable integers (``Int64``: a unit
    without counts has ``<NA>``), rates Decimals in ``object`` columns; a ranged target gives a
    :class:`~mdpoverty.values.quantities.Quantity`.
    The index holds the unit ids and :data:`~mdpoverty.tables.annex.TOTAL` for the total row; the
    title, the printed caption, the plan year and the language are in ``DataFrame.attrs``
    (``title``, ``caption``, ``year``, ``lang``, with the keys every table has:
    :func:`~mdpoverty.tables.shape.table_attrs`), which the renderers of
    :mod:`mdpoverty.tables` read.

    Raises:
        mdpoverty.errors.ValidationError: ``plan`` is not a document, or a switch is none of
            its documented values.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> table = annex(bac_kan_2024())
    >>> table.loc["total", "Tỷ lệ hộ nghèo cuối năm 2024 (%)"]
    Decimal('1.86')
    >>> fields = annex(bac_kan_2024(), labels="fields", total=False)
    >>> fields.columns.tolist()[2:5], fields.index[-1]
    (['households', 'poor_households', 'start_rate'], 'duong-quang')
    """
    import pandas as pd  # noqa: PLC0415  (pandas loads with the first table)

    given: object = plan
    if not isinstance(given, Document):
        raise ValidationError([Problem("annex", "plan", given, _("must be a Document"))])
    check_switches("annex", labels=labels, total=total, lang=lang)
    if not has_target_annex(plan):
        # figures and the review form import this module's constants: imported here.
        from mdpoverty.tables.figure_tables import figure_table  # noqa: PLC0415
        from mdpoverty.tables.review_form import has_flows, review_form  # noqa: PLC0415

        if has_flows(plan):
            return review_form(plan, lang)
        return figure_table(plan, lang, labels=labels, total=total)
    headers = _columns(plan.year)
    rows = annex_rows(plan)
    fields = ANNEX_COLUMNS
    if any(row.near_poor_households is not None for row in rows[:-1]):
        at = ANNEX_COLUMNS.index("poor_households") + 1
        fields = (*ANNEX_COLUMNS[:at], NEAR_POOR_FIELD, *ANNEX_COLUMNS[at:])
    if not total:
        rows = rows[:-1]

    def name(field: str) -> str:
        return field if labels == "fields" else localize(headers[field], lang)

    frame = pd.DataFrame(
        {
            name(field): pd.Series(
                [shown(getattr(row, field)) for row in rows],
                dtype="Int64" if field in _INT_FIELDS else object,
            )
            for field in fields
        }
    )
    frame.index = pd.Index([row.unit or TOTAL for row in rows], name="unit")
    if lang == "en" and total and rows:
        frame.iloc[-1, 1] = TOTAL_LABEL["en"]
    frame.attrs.update(
        table_attrs(
            "annex",
            plan,
            plan.year,
            lang=lang,
            labels=labels,
            total=total,
            units=ANNEX_UNITS,
            title=_title(plan, lang),
            caption=plan.annex.caption if plan.annex is not None else "",
            fields=fields,
        )
    )
    return frame


_INT_FIELDS = frozenset({"number", "households", "poor_households", NEAR_POOR_FIELD})


def _group_header(year: int, lang: Lang) -> str:
    """The header the printed annex puts over :data:`GROUPED_FIELDS` (the targets of the year)."""
    return localize(_("Poverty reduction targets for {year}", year=str(year)), lang)


def _title(plan: Document, lang: Lang) -> str:
    if lang == "vi" and plan.annex is not None:
        return plan.annex.title  # the document's own words, in its language
    return localize(_("Targets for reducing the poverty rate in {year}", year=str(plan.year)), lang)
