"""The annex tables of the known layouts, read from a :class:`~mdpoverty.reading.blocks.Table`.

The header row, the grouped columns under it and the total row are found as
:func:`mdpoverty.tables.read.read_annex` finds them in a spreadsheet (one rule for both); merged
positions are blank to it, as a merged spreadsheet cell is blank but in its first position.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mdpoverty.errors import FileProblem
from mdpoverty.reading.blocks import Cell, Place, Table

# One rule for every annex: the header and column finding of the spreadsheet reader.
from mdpoverty.tables.read import _TOTAL_LABELS, _Cell, _layout, _parse, _ref, normalized

__all__ = ["AnnexRead", "read_plan_annex"]

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
            gap(where, "a row without a unit's name is left out", place or None)
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
        value = _parse(cell, field, "/".join(map(str, where)), problems)
        for problem in problems:
            gap((*where, field), f"{problem.reason}: {source.text!r}", source.place)
        if value is not None:
            values[field] = value
            trace((*where, field), source.place, source.text)
    return values
