"""The figures of a document as tables: tidy (one observation a row) and as printed.

A review prints its counts and rates in a table with a row per unit (then the strata, the
groups of units and the total row) and, for each group of households, a count and a rate:
"Hộ nghèo | Tỷ lệ (%) | Hộ cận nghèo | Tỷ lệ (%) | …".  Both tables here are views of
:meth:`mdpoverty.Document.observations`; the numbers are those printed, never derived (the
rates keep their printed decimals), so that the table reads as the document does.

>>> from mdpoverty.cli import template_text
>>> from mdpoverty.io.files import read_plan_text
>>> review = read_plan_text(template_text("review", "district"))
>>> table = figure_table(review)
>>> table.loc["total", ("Cuối năm 2024", "Hộ cận nghèo", "Số hộ")]
140
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import pandas as pd

from mdpoverty.errors import expect
from mdpoverty.i18n import Lang, Message, _, localize
from mdpoverty.model.document import Document, DocumentType
from mdpoverty.model.figures import Figure, Flow, TimePoint
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.tables.annex import TOTAL, TOTAL_MESSAGE
from mdpoverty.tables.shape import HOUSEHOLDS, PERCENT, Labels, check_switches, table_attrs
from mdpoverty.values.numbers import format_vi
from mdpoverty.values.quantities import Quantity

__all__ = ["FIGURE_COLUMNS", "cell_text", "figure_field", "figure_table", "figures"]

FIGURE_COLUMNS = (
    "subject",
    "subject_name",
    "subject_kind",
    "group",
    "time",
    "year",
    "count",
    "rate",
    "places",
    "section",
)
"""The columns of :func:`figures`."""

# The printed order of the groups of households in a review's table.
_GROUP_ORDER = (
    HouseholdGroup.ALL,
    HouseholdGroup.POOR,
    HouseholdGroup.NEAR_POOR,
    HouseholdGroup.POOR_AND_NEAR_POOR,
    HouseholdGroup.NEWLY_ESCAPED,
    HouseholdGroup.NEWLY_POOR,
    HouseholdGroup.LOW_INCOME,
)
_GROUP_HEADER: dict[HouseholdGroup, Message] = {
    HouseholdGroup.ALL: _("All households"),
    HouseholdGroup.POOR: _("Poor"),
    HouseholdGroup.NEAR_POOR: _("Near-poor"),
    HouseholdGroup.POOR_AND_NEAR_POOR: _("Poor and near-poor"),
    HouseholdGroup.NEWLY_ESCAPED: _("Newly escaped"),
    HouseholdGroup.NEWLY_POOR: _("Newly poor"),
    HouseholdGroup.LOW_INCOME: _("Low-income workers"),
}
_MEASURE_HEADER: dict[str, Message] = {"count": _("Count"), "rate": _("Rate (%)")}
_TIME_HEADER: dict[TimePoint | Flow, Message] = {
    TimePoint.START: _("Start of"),
    Flow.ESCAPED: _("Escaped in"),
    Flow.FELL_BACK: _("Fell back in"),
    Flow.NEW: _("New in"),
    Flow.FROM_POOR: _("From poor in"),
    TimePoint.END: _("End of"),
    TimePoint.REVIEW: _("Review of"),
    Flow.FALL: _("Fall in"),
    Flow.RISE: _("Rise in"),
}
# The printed order of the points in time and the flows between them.
_WHEN_ORDER = list(_TIME_HEADER)
_LABEL_HEADER = _("Unit")


def when_header(time: TimePoint | Flow, year: int, lang: Lang) -> str:
    """The header of a point in time or a flow of ``year`` in ``lang`` ("Cuối năm 2024")."""
    # The year is a name here, never a number in the language's notation ("2024", not "2.024").
    return localize(_("{when} {year}", when=_TIME_HEADER[time], year=str(year)), lang)


def _subjects(document: Document) -> dict[str | None, tuple[str, str]]:
    """Every subject in printed order, the area last: id → (name, kind of subject)."""
    subjects: dict[str | None, tuple[str, str]] = {u.id: (u.name, "unit") for u in document.units}
    subjects |= {s.id: (s.name, "stratum") for s in document.strata}
    subjects |= {g.id: (g.name, "group") for g in document.groups}
    subjects[None] = (document.area.name, "area")
    return subjects


def figures(document: Document) -> pd.DataFrame:
    """Every figure of ``document`` (:meth:`~mdpoverty.Document.observations`), one a row.

    Columns: :data:`~mdpoverty.tables.figure_tables.FIGURE_COLUMNS`.  ``subject`` is the
    unit, stratum or group id, or
    :data:`~mdpoverty.tables.annex.TOTAL` for the area; ``year`` is the figure's year (the
    document's year where the figure names none); ``count`` is an int or missing, ``rate`` a
    Decimal as printed or ``None``, ``places`` its printed decimals.  A count or rate printed
    as a range is a :class:`~mdpoverty.values.quantities.Quantity` (the ``count`` column then
    holds objects).

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> table = figures(bac_kan_2024())
    >>> table.iloc[0].tolist()[:5], int(table.loc[0, "count"])
    (['song-cau', 'Phường Sông Cầu', 'unit', 'all', 'start'], 2347)
    """
    expect("figures", document=(document, Document))
    subjects = _subjects(document)
    rows = []
    for f in document.observations():
        about, group, time, year = f.key_in(document.year)
        rows.append(
            (
                TOTAL if about is None else about,
                subjects[about][0],
                subjects[about][1],
                group.value,
                time.value,
                year,
                f.count,
                f.rate,
                f.rate_places,
                f.section,
            )
        )
    frame = pd.DataFrame(rows, columns=list(FIGURE_COLUMNS), dtype=object)
    # A count printed as a range stays a Quantity: the column then holds objects.
    if not any(isinstance(c, Quantity) for c in frame["count"]):
        frame["count"] = frame["count"].astype("Int64")
    frame["year"] = frame["year"].astype("int64")
    frame["places"] = frame["places"].astype("Int64")
    return frame


def _columns(
    observations: Iterable[Figure], year: int
) -> list[tuple[TimePoint | Flow, int, HouseholdGroup, str]]:
    """The (time, year, group, measure) columns present, in printed order."""
    present = set()
    for f in observations:
        _about, group, time, when = f.key_in(year)
        for measure, value in (("count", f.count), ("rate", f.rate)):
            if value is not None:
                present.add((time, when, group, measure))
    return sorted(
        present,
        key=lambda c: (c[1], _WHEN_ORDER.index(c[0]), _GROUP_ORDER.index(c[2]), c[3] != "count"),
    )


def figure_field(
    time: TimePoint | Flow, year_offset: int, group: HouseholdGroup, measure: str
) -> str:
    """The field name of a column of :func:`figure_table` with ``labels="fields"``: the group,
    the measure and the time point (``poor.count.end``), and the year where it is not the
    document's, as an offset (``poor.count.end-1``: the end of the year before).

    >>> figure_field(TimePoint.END, -1, HouseholdGroup.NEAR_POOR, "rate")
    'near-poor.rate.end-1'
    """
    offset = f"{year_offset:+d}" if year_offset else ""
    return f"{group.value}.{measure}.{time.value}{offset}"


def figure_table(
    document: Document, lang: Lang = "vi", *, labels: Labels = "printed", total: bool = True
) -> pd.DataFrame:
    """The figures of ``document`` in the printed layout: a row per subject, a column per
    point in time, group of households and measure.

    Rows are the units, the strata and the groups of units in the document's order, then the
    area (index :data:`~mdpoverty.tables.annex.TOTAL`, labelled ``Tổng số``), each only where
    the document prints a figure about it.  Columns are a three-level index: the point in
    time ("Cuối năm 2024"), the group ("Hộ nghèo") and the measure ("Số hộ", "Tỷ lệ (%)"),
    only those printed; the first column holds the labels.  Counts are ints, rates Decimals
    with their printed decimals, ranges :class:`~mdpoverty.values.quantities.Quantity`
    (shown "1.200–1.350"); a cell the document leaves blank is ``None``.
    ``DataFrame.attrs`` holds ``title`` and the keys of every table
    (:func:`~mdpoverty.tables.shape.table_attrs`, ``table="figures"``).

    With ``labels="fields"`` the columns are one level, ``label`` and then a field name per
    column (:func:`~mdpoverty.tables.figure_tables.figure_field`: ``poor.count.end``), the
    same in every year and language; ``total=False`` leaves out the area's row.
    """
    expect("figure_table", document=(document, Document))
    check_switches("figure_table", labels=labels, total=total, lang=lang)
    observations = document.observations()
    columns = _columns(observations, document.year)
    cells: dict[str | None, dict[tuple[TimePoint | Flow, int, HouseholdGroup, str], object]] = {}
    for f in observations:
        about, group, time, year = f.key_in(document.year)
        row = cells.setdefault(about, {})
        for measure, value in (("count", f.count), ("rate", f.rate)):
            if value is not None:
                row[(time, year, group, measure)] = value
    subjects = [s for s in _subjects(document) if s in cells and (total or s is not None)]
    names = _subjects(document)
    header: pd.Index = pd.MultiIndex.from_tuples(
        [("", "", localize(_LABEL_HEADER, lang))]
        + [
            (
                when_header(time, year, lang),
                localize(_GROUP_HEADER[group], lang),
                localize(_MEASURE_HEADER[measure], lang),
            )
            for time, year, group, measure in columns
        ],
        names=["time", "group", "measure"],
    )
    data = [
        [localize(TOTAL_MESSAGE, lang) if s is None else names[s][0]]
        + [cells[s].get(column) for column in columns]
        for s in subjects
    ]
    if labels == "fields":
        header = pd.Index(
            ["label"] + [figure_field(t, y - document.year, g, m) for t, y, g, m in columns],
            dtype=object,
        )
    frame = pd.DataFrame(data, columns=header, dtype=object)
    frame.index = pd.Index([TOTAL if s is None else s for s in subjects], name="subject")
    units = {
        figure_field(t, y - document.year, g, m): HOUSEHOLDS if m == "count" else PERCENT
        for t, y, g, m in columns
    }
    frame.attrs.update(
        table_attrs(
            "figures",
            document,
            document.year,
            lang=lang,
            labels=labels,
            total=total,
            units=units,
            title=_title(document, lang),
        )
    )
    return frame


def _title(document: Document, lang: Lang) -> str:
    year, area = str(document.year), document.area.name
    titles = {
        DocumentType.PLAN: _("Plan {year}: {area}", year=year, area=area),
        DocumentType.REVIEW: _("Review {year}: {area}", year=year, area=area),
        DocumentType.REPORT: _("Report {year}: {area}", year=year, area=area),
    }
    return localize(titles[document.kind], lang)


def cell_text(value: object, lang: Lang) -> str:
    """A figure's cell as printed: ``12.345``, ``4,67`` (``12,345``, ``4.67`` in English);
    a range ``1.200–1.350`` (``1,200–1,350``)."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, Quantity):
        if lang == "vi":
            return value.vi()
        return f"{value.low:,}–{value.high:,}"
    if isinstance(value, Decimal | int):
        return format_vi(value) if lang == "vi" else f"{value:,}"
    return str(value)
