"""Excel ``.xlsx`` workbooks: each sheet's title lines as paragraphs, its table as a table.

Rows above the first row of two or more filled cells are the sheet's title and caption
(paragraphs); from that row on, the sheet is one table, with its merged ranges: every position
of a merged range holds the range's text and names its first cell.  Places are the sheet's own
rows and columns.  Numbers are written as the cell holds them (``2347``, ``1.15``).
"""

from __future__ import annotations

from pathlib import Path

from mdpoverty.errors import FileProblem, PlanFileError
from mdpoverty.i18n import _
from mdpoverty.reading.blocks import Block, Cell, Paragraph, Place, Table
from mdpoverty.reading.legacy import to_unicode

__all__ = ["read_xlsx"]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        # Input boundary: the double's shortest repr is the number typed; a whole one is an int.
        return str(int(value)) if value.is_integer() else repr(value)
    return to_unicode(str(value).strip())


def read_xlsx(path: Path) -> list[Block]:
    """The paragraphs and tables of every sheet of the workbook ``path``."""
    from openpyxl import load_workbook  # noqa: PLC0415  (openpyxl loads only to read a sheet)

    try:
        workbook = load_workbook(path, data_only=True)
    except Exception as error:  # a file openpyxl cannot open at all
        raise PlanFileError(
            str(path),
            [
                FileProblem(
                    "", _("cannot be read as an Excel .xlsx file: {error}", error=str(error))
                )
            ],
        ) from error
    blocks: list[Block] = []
    for sheet in workbook.worksheets:
        part = _("sheet {name}", name=sheet.title)
        origins: dict[tuple[int, int], tuple[int, int]] = {}
        for merged in sheet.merged_cells.ranges:
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    origins[(r, c)] = (merged.min_row, merged.min_col)
        grid = [
            [
                _text(
                    sheet.cell(origins.get((r, c), (r, c))[0], origins.get((r, c), (r, c))[1]).value
                )
                for c in range(1, sheet.max_column + 1)
            ]
            for r in range(1, sheet.max_row + 1)
        ]
        first = next(
            (
                i
                for i, row in enumerate(grid)
                if sum(1 for t in row if t) >= 2 and len(set(filter(None, row))) >= 2
            ),
            len(grid),
        )
        for r, row in enumerate(grid[:first], start=1):
            text = " ".join(t for t in dict.fromkeys(row) if t)
            if text:
                blocks.append(Paragraph(text, Place(path.name, part, row=r, column=1)))
        rows = tuple(
            tuple(
                Cell(text, Place(path.name, part, row=r, column=c), origins.get((r, c)))
                for c, text in enumerate(row, start=1)
            )
            for r, row in enumerate(grid[first:], start=first + 1)
        )
        if rows:
            blocks.append(Table(rows, Place(path.name, part, row=first + 1)))
    workbook.close()
    return blocks
