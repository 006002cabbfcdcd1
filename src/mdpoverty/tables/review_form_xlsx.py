"""The review form as an ``.xlsx`` sheet: title, three merged header rows, sections, totals.

openpyxl is imported here only, so that it loads when a sheet is written.
"""

from __future__ import annotations

import os
from typing import IO

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from mdpoverty.i18n import Lang, _, localize
from mdpoverty.io._atomic import write_to
from mdpoverty.tables.annex import TOTAL
from mdpoverty.tables.review_form import SECTION_PREFIX
from mdpoverty.values.quantities import Quantity

__all__ = ["write_review_form_xlsx"]

HEADER_ROW = 3
"""The first of the form's three header rows; the body starts three rows below."""


def write_review_form_xlsx(frame: pd.DataFrame, path: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write a review form (:func:`~mdpoverty.tables.review_form.review_form`) to the ``.xlsx``
    file ``path``: the title, then three header rows — the group spans its columns, each point
    in time or flow its two (households, ethnic minority), the label column all three — then
    the sections, each opened by its heading and closed by its total in bold.  Counts are
    numbers formatted ``#,##0``; a blank cell stays empty.  Written whole or not at all.

    >>> import tempfile, pathlib
    >>> from openpyxl import load_workbook
    >>> from mdpoverty.cli import template_text
    >>> from mdpoverty.io.files import read_plan_text
    >>> from mdpoverty.tables.review_form import review_form
    >>> review = read_plan_text(template_text("review", "district"))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_review_form_xlsx(review_form(review), pathlib.Path(folder, "form.xlsx"))
    ...     sheet = load_workbook(pathlib.Path(folder, "form.xlsx")).active
    ...     sheet["B3"].value, sheet["B4"].value, sheet["B5"].value
    ('Hộ nghèo', 'Đầu năm', 'Số hộ')
    """
    lang: Lang = frame.attrs.get("lang", "vi")
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101  (a new workbook has one sheet)
    sheet.title = localize(_("Review form"), lang)
    ncols = len(frame.columns)
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet["A1"] = str(frame.attrs.get("title", ""))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A1"].alignment = centre
    sheet.merge_cells(f"A1:{get_column_letter(ncols)}1")
    top = HEADER_ROW
    for level in range(3):
        for col, column in enumerate(frame.columns, 1):
            # the label's header is in its first row, the one its merged cell keeps
            text = str(column[2] if col == 1 and level == 0 else column[level])
            head = sheet.cell(top + level, col, text or None)
            head.font, head.alignment, head.border = bold, centre, box
    sheet.merge_cells(start_row=top, start_column=1, end_row=top + 2, end_column=1)
    for level in range(2):  # a header over several columns spans them
        start = 2
        for col in range(3, ncols + 2):
            here = frame.columns[col - 1][: level + 1] if col <= ncols else None
            if here != frame.columns[start - 1][: level + 1]:
                if col - 1 > start:
                    sheet.merge_cells(
                        start_row=top + level,
                        start_column=start,
                        end_row=top + level,
                        end_column=col - 1,
                    )
                start = col
    body = top + 3
    for offset, (subject, record) in enumerate(
        zip(frame.index, frame.itertuples(index=False), strict=True)
    ):
        heading = str(subject).startswith(SECTION_PREFIX)
        total = subject == TOTAL or (
            offset + 1 == len(frame) or str(frame.index[offset + 1]).startswith(SECTION_PREFIX)
        )
        for col, value in enumerate(record, 1):
            # A count printed as a range is written as its text, "1200–1350".
            shown = f"{value.low}–{value.high}" if isinstance(value, Quantity) else value
            cell = sheet.cell(body + offset, col, shown)
            cell.border = box
            if col > 1:
                cell.number_format = "#,##0"
            if heading or total:
                cell.font = bold
        if heading:
            sheet.merge_cells(
                start_row=body + offset, start_column=1, end_row=body + offset, end_column=ncols
            )
    sheet.column_dimensions["A"].width = 28
    for col in range(2, ncols + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 10
    sheet.row_dimensions[top + 1].height = 32
    sheet.freeze_panes = f"B{body}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.print_title_rows = f"{top}:{top + 2}"
    write_to(path, workbook.save)
