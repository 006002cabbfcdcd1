"""The annex tables of the known layouts, read from a :class:`~mdpoverty.reading.blocks.Table`.

The header row, the grouped columns under it and the total row are found as
:func:`mdpoverty.tables.read.read_annex` finds them in a spreadsheet (one rule for both); merged
positions are blank to it, as a merged spreadsheet cell is blank but in its first position.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from mdpoverty.errors import FileProblem, NumberFormatError
from mdpoverty.i18n import _
from mdpoverty.reading.blocks import Cell, Place, Table

# One rule for every annex: the header and column finding of the spreadsheet reader.
from mdpoverty.tables.annex import COUNT_FIELDS
from mdpoverty.tables.read import _TOTAL_LABELS, _Cell, _layout, _parse, _ref, normalized
from mdpoverty.values.numbers import parse_vi
from mdpoverty.values.quantities import Quantity

__all__ = ["AnnexRead", "parse_range", "read_plan_annex"]

_RANGE = re.compile(r"^\s*(?P<low>[\d.,]+)\s*(?:-|–|—|đến)\s*(?P<high>[\d.,]+)\s*%?\s*$")


def parse_range(text: str, *, count: bool) -> Quantity | None:
    """A range as printed ("6,5 - 7,2", "6,5–7,2", "6,5 đến 7,2", "840 - 930"), or ``None``."""
    match = _RANGE.match(text)
    if match is None:
        return None
    try:
        low, high = parse_vi(match["low"]), parse_vi(match["high"])
    except NumberFormatError:
        return None
    if count:
        if not (isinstance(low, int) and isinstance(high, int)):
            return None
    else:
        low, high = Decimal(low), Decimal(high)
    if high < low:
        return None
    return Quantity(low, high)


def _range(text: str, field: str) -> Quantity | None:
    return parse_range(text, count=field in COUNT_FIELDS)


Trace = Callable[[tuple[str | int, ...], Place, str], None]
AnnexRead = tuple[dict[str, Any], list[tuple[str, Place]]]


def _grid(table: Table) -> tuple[list[list[_Cell]], dict[str, Cell]]:
    rows: list[list[_Cell]] = []
    by_ref: dict[str, Cell] = {}
    for r, row in enumerate(table.rows, start=1):
        cells = []
        for c, cell in enumerate(row, start=1):
            ref = _ref(r, c)
            by_ref[ref] = cell
            cells.append(_Cell(ref, "" if cell.merged else cell.text))
        rows.append(cells)
    return rows, by_ref


def read_plan_annex(
    table: Table, trace: Trace, gap: Callable[[tuple[str | int, ...], str, Place | None], None]
) -> dict[str, Any] | None:
    """A plan's annex (its rows and total row, as plan-file data) from ``table``, or ``None``
    if the table has no header naming households and poor households."""
    rows, by_ref = _grid(table)
    problems: list[FileProblem] = []
    layout = _layout(rows, problems)
    if layout is None or problems:
        return None
    fields = [f for f in layout.columns if f not in ("id",)]
    out_rows: list[dict[str, Any]] = []
    total: dict[str, Any] | None = None
    for row in rows[layout.first_data :]:
        if all(str(c.value).strip() == "" for c in row):
            continue
        label_cell = row[layout.columns["label"]] if "label" in layout.columns else None
        label = str(label_cell.value).strip() if label_cell is not None else ""
        is_total = normalized(label) in _TOTAL_LABELS
        where: tuple[str | int, ...] = (
            ("annex", "total") if is_total else ("annex", "rows", len(out_rows))
        )
        cells = {
            f: (row[layout.columns[f]], by_ref[row[layout.columns[f]].ref])
            for f in fields
            if layout.columns[f] < len(row) and not (f == "number" and is_total)
        }
        values = _values(cells, where, trace, gap)
        if not values.get("label"):
            place = label_cell and by_ref[label_cell.ref].place
            gap(where, _("a row without a unit's name is left out"), place or None)
            continue
        if is_total:
            total = values
        else:
            out_rows.append(values)
    if not out_rows:
        return None
    annex: dict[str, Any] = {"rows": out_rows}
    if total is not None:
        annex["total"] = total
    return annex


def _values(
    cells: dict[str, tuple[_Cell, Cell]],
    where: tuple[str | int, ...],
    trace: Trace,
    gap: Callable[[tuple[str | int, ...], str, Place | None], None],
) -> dict[str, Any]:
    """A row's values by field, each traced to its cell; an unreadable cell is a gap."""
    values: dict[str, Any] = {}
    for field, (cell, source) in cells.items():
        if field == "label":
            if source.text:
                values["label"] = str(cell.value).strip()
                trace((*where, "label"), source.place, source.text)
            continue
        problems: list[FileProblem] = []
        value: object = _parse(cell, field, "/".join(map(str, where)), problems)
        if problems and (ranged := _range(str(cell.value), field)) is not None:
            value, problems = ranged, []
        for problem in problems:
            reason = _("{reason}: {text!r}", reason=problem.reason, text=source.text)
            gap((*where, field), reason, source.place)
        if value is not None:
            values[field] = value
            trace((*where, field), source.place, source.text)
    return values
