"""Every figure a document gives about its units, re-expressed in the units of 2025 (and back).

:func:`~mdpoverty.aggregate.carry_over.carry_over` carries a plan's annex: its units' counts at
the start of the year and their targets.  A review or a report prints more: counts of poor and
near-poor households at the end of the year or at the review, per unit, with no count at the
start at all.  :func:`carry_figures` carries every one of them, by the same rows (the same
matching, the same rule of exactness), one table row per unit and figure:

* a figure is **complete** in a row when the row is exact (every unit it takes in is covered,
  whole and through a confirmed link) and every one of the row's units gives a count of that
  group at that time: its count is then the sum;
* otherwise it is blank (``<NA>``), never 0, and ``why`` says which unit gives no count;
* a rate is the document's own where the row is one unit of the document that prints it,
  else recomputed from the carried counts (group ÷ all households of the same row, time and
  year, half-up to 2 decimals), and blank when either count is.

Every row has every figure key (group, time, year) that any unit of the document has, so a
unit without a figure shows a blank cell rather than no row.

>>> from mdpoverty import AdministrativeUnit as Unit, Area, Figure, Header, HouseholdGroup
>>> from mdpoverty import PartialDate, Period, Review, TimePoint, UnitKind
>>> review = Review(
...     header=Header("UBND tỉnh", PartialDate(2026, 12, 20), "KẾT QUẢ RÀ SOÁT"),
...     area=Area("Thái Nguyên", UnitKind.PROVINCE), period=Period(2026),
...     units=[Unit("ba-be", "Xã Ba Bể", UnitKind.COMMUNE, code="01906"),
...            Unit("cho-ra", "Xã Chợ Rã", UnitKind.COMMUNE, code="01912")],
...     figures=[Figure(group=HouseholdGroup.ALL, about="ba-be", count=4000),
...              Figure(group=HouseholdGroup.POOR, about="ba-be", count=400)])
>>> table = carry_figures(review)
>>> table[["name", "group", "time", "year", "count", "rate", "complete"]]
... # doctest: +NORMALIZE_WHITESPACE
            name group time  year  count   rate  complete
code
01906   Xã Ba Bể   all  end  2026   4000   <NA>      True
01906   Xã Ba Bể  poor  end  2026    400  10.00      True
01912  Xã Chợ Rã   all  end  2026   <NA>   <NA>     False
01912  Xã Chợ Rã  poor  end  2026   <NA>   <NA>     False
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from decimal import Decimal
from typing import cast

import pandas as pd

from mdpoverty.aggregate._carried_faces import carried_face, check_carried, incomplete_note
from mdpoverty.aggregate.carry_over import CARRIED_HEADERS, _layout, _Row, carry_over, said
from mdpoverty.i18n import Lang, Message, _, localize
from mdpoverty.model.document import Document
from mdpoverty.model.figures import Figure, Flow, TimePoint
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.reference.admin_units import Basis
from mdpoverty.tables.figure_tables import cell_text
from mdpoverty.tables.shape import Labels
from mdpoverty.values.numbers import rate
from mdpoverty.values.quantities import Quantity

__all__ = [
    "CARRIED_FIGURE_COLUMNS",
    "carry_everything",
    "carry_figures",
    "carry_figures_back",
    "format_carried_figures",
]

CARRIED_FIGURE_COLUMNS = (
    "name",
    "province",
    "group",
    "time",
    "year",
    "count",
    "rate",
    "complete",
    "units",
    "why",
)
"""The columns of :func:`carry_figures` (the index is the unit's code)."""

Key = tuple[HouseholdGroup, TimePoint | Flow, int]

_GROUPS = [HouseholdGroup.ALL, *(g for g in HouseholdGroup if g is not HouseholdGroup.ALL)]
# A flow (escaped, new, a fall, …) sums over merged units as a count at a point in time does;
# it has no households of its own to divide by, so its rate is only ever the printed one.
_TIMES: list[TimePoint | Flow] = [TimePoint.START, *Flow, TimePoint.END, TimePoint.REVIEW]
# Groups counted in people or households but not a share of households: no rate.
_NO_RATE = frozenset({HouseholdGroup.ALL, HouseholdGroup.LOW_INCOME})


def _order(key: Key) -> tuple[int, int, int]:
    group, time, year = key
    return (year, _TIMES.index(time), _GROUPS.index(group))


def _unit_figures(document: Document) -> dict[str, dict[Key, Figure]]:
    """The observations about each unit (its counts at the start of the year among them)."""
    ids = {u.id for u in document.units}
    found: dict[str, dict[Key, Figure]] = {}
    for figure in document.observations():
        if figure.about in ids:
            about, group, time, year = figure.key_in(document.year)
            found.setdefault(str(about), {}).setdefault((group, time, year), figure)
    return found


def _sum(figures: Sequence[Figure]) -> int | Quantity:
    """The counts of merged units' figures, summed bound by bound: a range where one is."""
    bounds = [f.count_bounds or (0, 0) for f in figures]
    low, high = sum(b[0] for b in bounds), sum(b[1] for b in bounds)
    return low if low == high else Quantity(low, high)


def _records(document: Document, rows: Sequence[_Row], lang: Lang) -> list[dict[str, object]]:
    by_unit = _unit_figures(document)
    keys = sorted({key for figures in by_unit.values() for key in figures}, key=_order)
    records: list[dict[str, object]] = []
    for row in rows:
        counts: dict[Key, int | Quantity | None] = {}
        cells = []
        for key in keys:
            figures = [by_unit.get(u.id, {}).get(key) for u in row.sources]
            blank = tuple(u.name for u, f in zip(row.sources, figures, strict=True) if f is None)
            no_count = tuple(
                u.name
                for u, f in zip(row.sources, figures, strict=True)
                if f is not None and f.count is None
            )
            why: list[Message] = list(row.why)
            if blank:
                why.append(_("the document gives no figure for {units}", units=blank))
            if no_count:
                why.append(_("the document gives a rate but no count for {units}", units=no_count))
            total = None if why else _sum([f for f in figures if f is not None])
            counts[key] = total
            # The printed rate stands where the row is that one unit of the document, exactly.
            single = len(figures) == 1 and not row.why and figures[0] is not None
            printed = figures[0].rate if single and figures[0] is not None else None
            cells.append((key, total, printed, why))
        for (group, time, year), total, printed, why in cells:
            whole = counts.get((HouseholdGroup.ALL, time, year))
            shown: Decimal | Quantity | None = printed
            # A sum of ranges has no one rate: only exact sums are divided.
            exact = isinstance(total, int) and isinstance(whole, int) and whole > 0
            if shown is None and group not in _NO_RATE and exact:
                shown = rate(cast(int, total), cast(int, whole))
            records.append(
                {
                    "code": row.target.code,
                    "name": row.target.name,
                    "province": row.target.province,
                    "group": group.value,
                    "time": time.value,
                    "year": year,
                    "count": total,
                    "rate": shown,
                    "complete": not why,
                    "units": "; ".join(
                        f"{u.name} ({u.code})" if u.code else u.name for u in row.sources
                    ),
                    "why": said(why, lang),
                }
            )
    return records


def _table(document: Document, rows: Sequence[_Row], lang: Lang) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(
        _records(document, rows, lang), columns=["code", *CARRIED_FIGURE_COLUMNS]
    )
    # A count carried from ranges is a range: the column then holds objects, as the rates do.
    if not any(isinstance(c, Quantity) for c in frame["count"]):
        frame["count"] = frame["count"].astype("Int64")
    else:
        frame["count"] = frame["count"].astype(object).where(frame["count"].notna(), pd.NA)
    frame["year"] = frame["year"].astype("int64")
    frame["rate"] = frame["rate"].astype(object).where(frame["rate"].notna(), pd.NA)
    frame["complete"] = frame["complete"].astype(bool)
    return frame.set_index("code")


def carry_figures(
    document: Document,
    *,
    basis: Basis | None = None,
    labels: Labels = "fields",
    total: bool = False,
    lang: Lang = "vi",
) -> pd.DataFrame:
    """Every figure about ``document``'s units in the units of 1 July 2025, one row each.

    Args:
        document: A plan, review or report whose units are communes, wards or townships.
        basis: Whether its units are the ``"old"`` ones or already the ``"new"`` ones; by
            default from its date, as :func:`~mdpoverty.aggregate.carry_over.carry_over`.

    Returns:
        A table indexed by the new unit's ``code`` with the columns of
        :data:`CARRIED_FIGURE_COLUMNS`: the figure's household ``group``, ``time`` and
        ``year`` (text, text, int), its ``count`` (nullable integer: ``<NA>`` where blank; where
        some figure is printed as a range, the column holds objects and a sum of ranges is a
        :class:`~mdpoverty.values.quantities.Quantity`, summed bound by bound)
        and ``rate`` (:class:`~decimal.Decimal` or ``<NA>``), whether it is ``complete``, the
        document's ``units`` in the row and ``why`` a figure is blank.  Its ``attrs`` are the
        shared ones (:func:`~mdpoverty.tables.shape.table_attrs`; ``table`` is
        ``"carry_figures"``).

    The switches are :func:`~mdpoverty.aggregate.carry_over.carry_over`'s: ``labels``
    (``"printed"`` names the columns by
    :data:`~mdpoverty.aggregate.carry_over.CARRIED_HEADERS` in the language ``lang``; the
    cells are the same) and ``total``, which must be ``False``: figures of different groups
    and times do not add up, and a blank is never counted as 0.

    Raises:
        ValidationError: Units that match no unit, or several, of the crosswalk (all of them);
            switches out of their values; ``total=True``.
    """
    check_carried("carry_figures", document, labels=labels, lang=lang, total=total)
    frame = _table(document, _layout(document, basis, back=False), lang)
    return carried_face(
        frame, "carry_figures", document, headers=CARRIED_HEADERS, labels=labels, lang=lang
    )


def carry_figures_back(
    document: Document,
    *,
    basis: Basis | None = None,
    labels: Labels = "fields",
    total: bool = False,
    lang: Lang = "vi",
) -> pd.DataFrame:
    """The reverse of :func:`carry_figures`: figures about new units in the old units.

    A figure of an old unit is exact only where its new units took in nothing else
    (:func:`~mdpoverty.aggregate.carry_over.carry_back`); elsewhere it is blank.  It takes the
    same switches (``attrs["table"]`` is ``"carry_figures_back"``).
    """
    check_carried("carry_figures_back", document, labels=labels, lang=lang, total=total)
    frame = _table(document, _layout(document, basis, back=True), lang)
    return carried_face(
        frame, "carry_figures_back", document, headers=CARRIED_HEADERS, labels=labels, lang=lang
    )


def carry_everything(
    document: Document,
    *,
    basis: Basis | None = None,
    labels: Labels = "fields",
    total: bool = False,
    lang: Lang = "vi",
) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """What ``document`` says about its units, in the units of 1 July 2025: the tables of
    :func:`~mdpoverty.aggregate.carry_over.carry_over` and of :func:`carry_figures`, each
    where it says something (``None`` where it does not).

    The first, the units' counts at the start of the year and their targets (a plan's annex),
    where any unit gives its counts or where no figure is about a unit; the second, every
    figure about the units (a review's, a report's), where there is any.  A document whose
    units give figures but no counts gets no table of counts, which would be all blanks.
    Both take the switches ``labels``, ``total`` (``False`` only) and ``lang``.

    Raises:
        ValidationError: As :func:`carry_figures`.
    """
    check_carried("carry_everything", document, labels=labels, lang=lang, total=total)
    ids = {u.id for u in document.units}
    counted = any(u.has_counts for u in document.units)
    figured = any(f.about in ids for f in document.figures)
    counts = (
        carry_over(document, basis=basis, labels=labels, lang=lang)
        if counted or not figured
        else None
    )
    figures = carry_figures(document, basis=basis, labels=labels, lang=lang) if figured else None
    return counts, figures


_GROUP_LABEL: dict[str, Message] = {
    HouseholdGroup.POOR.value: _("poor households"),
    HouseholdGroup.NEAR_POOR.value: _("near-poor households"),
    HouseholdGroup.POOR_AND_NEAR_POOR.value: _("poor and near-poor households"),
    HouseholdGroup.NEWLY_ESCAPED.value: _("newly escaped households"),
    HouseholdGroup.NEWLY_POOR.value: _("newly poor households"),
    HouseholdGroup.LOW_INCOME.value: _("low-income workers"),
    HouseholdGroup.ALL.value: _("all households"),
}
# A point in time or a flow of a year: "cuối năm 2026", "thoát 2026" ({year} is a name).
_TIME_LABEL: dict[str, Message] = {
    TimePoint.START.value: _("start of {year}"),
    TimePoint.END.value: _("end of {year}"),
    TimePoint.REVIEW.value: _("review {year}"),
    Flow.ESCAPED.value: _("escaped {year}"),
    Flow.FELL_BACK.value: _("fell back {year}"),
    Flow.NEW.value: _("new {year}"),
    Flow.FROM_POOR.value: _("from poor {year}"),
    Flow.FALL.value: _("fall {year}"),
    Flow.RISE.value: _("rise {year}"),
}
_HEADERS = (_("code"), _("unit"), _("group"), _("time"), _("count"), _("rate (%)"))


def _time(time: str, year: int, lang: Lang) -> str:
    return localize(Message(_TIME_LABEL[time], year=str(year)), lang)


def format_carried_figures(frame: pd.DataFrame, lang: Lang = "vi") -> str:
    """A table of :func:`carry_figures` as text, one line a figure; blanks are ``–``.

    Numbers are printed as the documents print them in ``vi`` (``12.281``, ``1,15``); each
    unit's figures that are blank are followed once by why.
    """

    def cell(value: object) -> str:
        if value is None or value is pd.NA:
            return "–"
        return cell_text(int(value) if isinstance(value, numbers.Integral) else value, lang)

    headers = [localize(h, lang) for h in _HEADERS]
    width = max([len(headers[1]), *(len(str(n)) for n in frame["name"])]) + 2
    groups = {g: localize(label, lang) for g, label in _GROUP_LABEL.items()}
    group_width = max([len(headers[2]), *(len(groups[g]) for g in frame["group"])]) + 2
    head = f"{headers[0]:<6} {headers[1]:<{width}}{headers[2]:<{group_width}}{headers[3]:<16}"
    lines = [f"{head}{headers[4]:>10}{headers[5]:>11}"]
    said: set[tuple[object, str]] = set()
    for code, row in frame.iterrows():
        time = _time(row["time"], row["year"], lang)
        mark = "" if row["complete"] else "*"
        lines.append(
            f"{code!s:<6} {row['name'] + mark:<{width}}{groups[row['group']]:<{group_width}}"
            f"{time:<16}{cell(row['count']):>10}{cell(row['rate']):>11}"
        )
        if not row["complete"] and (code, row["why"]) not in said:
            said.add((code, row["why"]))
            lines.append(incomplete_note(row["why"], lang))
    return "\n".join(lines) + "\n"
