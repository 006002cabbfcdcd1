"""The annex as an ``.xlsx`` sheet in the printed layout: title, caption, two-row merged header.

openpyxl is imported here only, so that it loads when a sheet is written or read.
"""

from __future__ import annotations

import os
from decimal import Decimal
from typing import IO

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from mdpoverty.errors import Problem, ValidationError
from mdpoverty.i18n import Lang, _, localize
from mdpoverty.io._atomic import write_to
from mdpoverty.tables.annex import (
    COUNT_FIELDS,
    GROUPED_FIELDS,
    RATE_FIELDS,
    _group_header,
    fields_of,
)
from mdpoverty.values.numbers import decimal_places
from mdpoverty.values.quantities import Quantity

__all__ = ["write_annex_xlsx"]


_COUNT_FORMAT = "#,##0"


def _number_format(value: object, field: str) -> str | None:
    """A count's format, or a rate's with as many decimals as it has (``0.00``, ``0.0``)."""
    if field in COUNT_FIELDS:
        return _COUNT_FORMAT
    if field not in RATE_FIELDS:
        return None
    if isinstance(value, Quantity):
        value = value.low
    places = decimal_places(value) if isinstance(value, Decimal) else 2
    return "0." + "0" * places if places else "0"


def _xlsx_value(value: object, field: str) -> int | float | str | None:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, Quantity):
        if not value.is_exact:
            return value.vi()  # text as printed, each bound with its own decimals
        value = value.low
    if isinstance(value, Decimal):
        # Output boundary: openpyxl writes only int and float numbers.  A rate has 2 decimals
        # and at most 3 integer digits, far inside a float's 15 significant digits, so the
        # float holds the nearest double to the printed value and Excel shows it exactly.
        return float(value)
    if field == "label":
        return str(value)
    return int(str(value))  # numpy ints from pandas


def write_annex_xlsx(frame: pd.DataFrame, target: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write an annex (the table of :func:`~mdpoverty.tables.annex.annex`) to ``target``, an
    ``.xlsx`` file's path or a binary stream (an HTTP response), in the printed layout.

    The sheet holds the title, the caption (the plan's printed one), a header of two rows —
    the first five headers span both, and the group header spans the last three columns over
    their sub-headers, as the annex prints — then a row per unit and the total row.  Counts
    are numbers formatted ``#,##0``, rates numbers formatted with their decimals (``0.00``;
    Excel shows the separators of the reader's locale: ``12.281`` and ``1,15`` in
    Vietnamese); a range is text as printed (``90–100``, ``0,56–0,58``); every text cell is
    text, never a formula, whatever it begins with.  A hidden column after the printed ones
    holds the units' ids, so that :func:`~mdpoverty.tables.import_annex` tells apart two units
    of one name.  The file is written whole or not at all.

    Raises:
        mdpoverty.errors.ValidationError: ``frame`` is not the printed face of an annex of
            targets (a review's table of figures, a table made with ``labels="fields"`` or
            ``total=False``, another DataFrame), or ``target`` is neither a path nor a stream.

    >>> import tempfile, pathlib
    >>> from openpyxl import load_workbook
    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> from mdpoverty.tables.annex import _group_header, annex
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_annex_xlsx(annex(bac_kan_2024()), pathlib.Path(folder, "annex.xlsx"))
    ...     sheet = load_workbook(pathlib.Path(folder, "annex.xlsx")).active
    ...     sheet["C14"].value, sheet["H14"].value
    (12281, 1.86)
    """
    if isinstance(frame, pd.DataFrame) and frame.attrs.get("table") == "review-form":
        # the review form has its own layout
        from mdpoverty.tables.review_form_xlsx import write_review_form_xlsx  # noqa: PLC0415

        write_review_form_xlsx(frame, target)
        return
    _check(frame, target)
    lang: Lang = frame.attrs.get("lang", "vi")
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101  (a new workbook has one sheet)
    sheet.title = localize(_("Annex"), lang)
    fields = fields_of(frame)
    ncols = len(fields)
    last = get_column_letter(ncols)
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    _write_title(sheet, frame, last, centre)

    top, sub = 4, 5
    _write_header(sheet, frame, year=int(frame.attrs.get("year", 0)), lang=lang, top=top, box=box)
    for offset, record in enumerate(frame.itertuples(index=False)):
        row = sub + 1 + offset
        is_total = offset == len(frame) - 1
        for col, (field, value) in enumerate(zip(fields, record, strict=True), 1):
            cell = sheet.cell(row, col, _xlsx_value(value, field))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula, even when it begins with '='
            cell.border = box
            number_format = _number_format(value, field)
            if number_format is not None:
                cell.number_format = number_format
            if field == "number":
                cell.alignment = Alignment(horizontal="center")
            if is_total:
                cell.font = bold
    _write_ids(sheet, frame, ncols + 1, top)
    sheet.freeze_panes = f"A{sub + 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.print_title_rows = f"{top}:{sub}"
    write_to(target, workbook.save)


def _check(frame: object, target: object) -> None:
    """Refuse, all at once, a table that is not an annex's printed face and a wrong target."""
    problems = []
    if not isinstance(frame, pd.DataFrame):
        problems.append(Problem("write_annex_xlsx", "frame", frame, _("must be a DataFrame")))
    else:
        attrs = frame.attrs
        table = attrs.get("table")
        if table != "annex":
            reason = (
                _(
                    "is a table of figures (a review's or a report's): only an annex of "
                    "targets has the printed layout of a sheet; render it with tables.render"
                )
                if table == "figures"
                else _("must be the table of annex(plan)")
            )
            problems.append(Problem("write_annex_xlsx", "frame", table, reason))
        elif attrs.get("labels", "printed") != "printed" or not attrs.get("total", True):
            reason = _("must be the printed face of the annex: annex(plan) with its total row")
            values = f"labels={attrs.get('labels')!r}, total={attrs.get('total')!r}"
            problems.append(Problem("write_annex_xlsx", "frame", values, reason))
        elif len(frame.columns) != len(fields_of(frame)):
            reason = _("must have the annex's {n} columns", n=len(fields_of(frame)))
            problems.append(Problem("write_annex_xlsx", "frame", len(frame.columns), reason))
    if not isinstance(target, str | os.PathLike) and not callable(getattr(target, "write", None)):
        reason = _("must be a path or a binary stream open for writing")
        problems.append(Problem("write_annex_xlsx", "target", target, reason, code="wrong-type"))
    if problems:
        raise ValidationError(problems)


def _write_title(sheet: Worksheet, frame: pd.DataFrame, last: str, centre: Alignment) -> None:
    """The title over every column, and the plan's caption under it where it has one."""
    _text(sheet, "A1", str(frame.attrs.get("title", "")))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A1"].alignment = centre
    sheet.merge_cells(f"A1:{last}1")
    caption = str(frame.attrs.get("caption", ""))
    if caption:
        _text(sheet, "A2", caption)
        sheet["A2"].font = Font(italic=True)
        sheet["A2"].alignment = centre
        sheet.merge_cells(f"A2:{last}2")
        sheet.row_dimensions[2].height = 32


def _write_ids(sheet: Worksheet, frame: pd.DataFrame, col: int, top: int) -> None:
    """The units' ids, in a hidden column after the printed ones: two communes of one name in
    two districts are told apart when the sheet is read back."""
    ids = get_column_letter(col)
    _text(sheet, f"{ids}{top}", "id")
    sheet.merge_cells(f"{ids}{top}:{ids}{top + 1}")
    for offset, unit in enumerate(frame.index):
        _text(sheet, f"{ids}{top + 2 + offset}", str(unit))
    sheet.column_dimensions[ids].hidden = True


def _write_header(
    sheet: Worksheet, frame: pd.DataFrame, *, year: int, lang: Lang, top: int, box: Border
) -> None:
    """The two header rows: merged vertically, but for the group over the last columns."""
    sub = top + 1
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    fields = fields_of(frame)
    grouped = [fields.index(f) + 1 for f in GROUPED_FIELDS]
    for col, (field, header) in enumerate(zip(fields, frame.columns, strict=True), 1):
        letter = get_column_letter(col)
        if col in grouped:
            _text(sheet, f"{letter}{sub}", str(header))
        else:
            _text(sheet, f"{letter}{top}", str(header))
            sheet.merge_cells(f"{letter}{top}:{letter}{sub}")
        for row in (top, sub):
            sheet.cell(row, col).font = bold
            sheet.cell(row, col).alignment = centre
            sheet.cell(row, col).border = box
        sheet.column_dimensions[letter].width = 26 if field == "label" else 14
    first_group = get_column_letter(grouped[0])
    _text(sheet, f"{get_column_letter(grouped[0])}{top}", _group_header(year, lang))
    sheet.merge_cells(f"{first_group}{top}:{get_column_letter(grouped[-1])}{top}")
    sheet.column_dimensions["A"].width = 6
    sheet.row_dimensions[sub].height = 48


def _text(sheet: Worksheet, ref: str, text: str) -> None:
    """``text`` in the cell ``ref`` as text: openpyxl would store a text that begins with '='
    as a formula, which a spreadsheet runs when the file is opened."""
    cell = sheet[ref]
    cell.value = text
    cell.data_type = "s"
